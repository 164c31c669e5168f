"""Tesseract OCR through tesserocr: words, boxes and confidences.

One engine per process (Tesseract is not thread-safe and its OpenMP threads fight on few
cores, so OMP_THREAD_LIMIT=1 is set before the engine loads)."""

from __future__ import annotations

import logging
import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from PIL import Image  # noqa: E402

from ..errors import OcrError  # noqa: E402
from ..model import Box, Word  # noqa: E402

log = logging.getLogger(__name__)

DEFAULT_LANGS = "rus+kaz+eng"
TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    "/usr/local/share/tesseract-ocr/tessdata",
)
DEBIAN_PACKAGE = {
    "eng": "tesseract-ocr-eng",
    "rus": "tesseract-ocr-rus",
    "kaz": "tesseract-ocr-kaz",
}


def find_tessdata(langs: str = DEFAULT_LANGS) -> str:
    """The folder holding every requested language's traineddata, or OcrError saying what
    to install."""
    wanted = [lang for lang in langs.split("+") if lang]
    candidates = []
    env = os.environ.get("TESSDATA_PREFIX")
    if env:
        candidates += [env, os.path.join(env, "tessdata")]
    candidates += list(TESSDATA_CANDIDATES)
    best_missing = wanted
    for folder in candidates:
        missing = [
            lang
            for lang in wanted
            if not os.path.isfile(os.path.join(folder, f"{lang}.traineddata"))
        ]
        if not missing:
            return folder
        if len(missing) < len(best_missing):
            best_missing = missing
    pkgs = " ".join(DEBIAN_PACKAGE.get(lang, f"tesseract-ocr-{lang}") for lang in best_missing)
    files = ", ".join(f"{lang}.traineddata" for lang in best_missing)
    raise OcrError(
        f"OCR language data missing ({files}). On Debian/Ubuntu: sudo apt-get install {pkgs}; "
        "elsewhere put the files in a folder and set TESSDATA_PREFIX to it."
    )


class OcrEngine:
    """A loaded Tesseract for one set of languages. Not thread-safe: one per process/thread."""

    def __init__(self, langs: str = DEFAULT_LANGS) -> None:
        try:
            import tesserocr
        except ImportError as exc:  # pragma: no cover - the wheel is a hard dependency
            raise OcrError(f"the tesserocr package is missing ({exc})") from None
        self._tesserocr = tesserocr
        self.langs = langs
        path = find_tessdata(langs)
        self.tessdata = path
        try:
            self._api = tesserocr.PyTessBaseAPI(
                path=path + os.sep, lang=langs, psm=tesserocr.PSM.AUTO
            )
        except RuntimeError as exc:
            raise OcrError(
                f"Tesseract could not load languages {langs} from {path}: {exc}"
            ) from None

    def read(self, image: Image.Image, dpi: int, block: bool = False) -> list[Word]:
        """Words of the image with boxes in its pixels, confidence 0-100, line and block.
        `block`: the image is one block of text (a piece of a page read again), not a page."""
        tr = self._tesserocr
        api = self._api
        api.SetPageSegMode(tr.PSM.SINGLE_BLOCK if block else tr.PSM.AUTO)
        if image.mode not in ("L", "RGB"):
            image = image.convert("RGB")
        # The pixels as they are (Tesseract gets the same image as through SetImage, without
        # an encoded copy in between); kept alive until the recognition is done.
        data = image.tobytes()
        depth = 1 if image.mode == "L" else 3
        api.SetImageBytes(data, image.width, image.height, depth, depth * image.width)
        api.SetSourceResolution(int(dpi))
        api.Recognize()
        words: list[Word] = []
        it = api.GetIterator()
        if it is None:
            return words
        line = -1
        blockno = -1
        level = tr.RIL.WORD
        for r in tr.iterate_level(it, level):
            if r.IsAtBeginningOf(tr.RIL.PARA) or r.IsAtBeginningOf(tr.RIL.BLOCK) or blockno < 0:
                blockno += 1
            if r.IsAtBeginningOf(tr.RIL.TEXTLINE) or line < 0:
                line += 1
            try:
                text = r.GetUTF8Text(level)
                bbox = r.BoundingBox(level)
            except RuntimeError:  # an empty element
                continue
            if not text or not text.strip():
                continue
            if bbox is None:
                continue
            x0, y0, x1, y1 = bbox
            conf = float(r.Confidence(level))
            words.append(Word(text.strip(), Box(x0, y0, x1, y1), conf, line, blockno, "ocr"))
        api.Clear()
        return words

    def close(self) -> None:
        self._api.End()


_ENGINES: dict[str, OcrEngine] = {}


def engine_for(langs: str = DEFAULT_LANGS) -> OcrEngine:
    """This process's engine for `langs` (created once)."""
    eng = _ENGINES.get(langs)
    if eng is None:
        eng = _ENGINES[langs] = OcrEngine(langs)
    return eng


def ocr_image(image: Image.Image, langs: str = DEFAULT_LANGS, dpi: int = 300) -> list[Word]:
    return engine_for(langs).read(image, dpi)
