"""Ink OCR did not read must not pass silently: a name turned, tilted, mirrored or faint on a
scan, or faint in a small image inside a typed letter, either ends up boxed in the copy (no
reading of the copy, turned every way, mirrored or per colour channel, finds it), or the real
command line exits 6 naming page and region and writes nothing. A phone photo is cut to its
page and is not held for its background."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from tests.support.cli import run_cli, terms_file
from tests.support.letters import SCAN_BODY, scanned_letter, scribble
from tests.support.rawpdf import FONT, RawPdf, text_ops
from tests.support.readers import fold, ocr, render

NAME = "Kanat Yessenov"


def _word_image(text: str, px: int = 36, ink: tuple[int, int, int] = (0, 0, 0)) -> Image.Image:
    font = ImageFont.truetype(FONT, px)
    _, _, r, b = ImageDraw.Draw(Image.new("L", (1, 1))).textbbox((0, 0), text, font=font)
    img = Image.new("RGB", (r + 20, b + 20), "white")
    ImageDraw.Draw(img).text((10, 10), text, font=font, fill=ink)
    return img


def _scan(case: str) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A letter with the name on it, and where the name's ink is (page pixels)."""
    name = _word_image(NAME, ink=(185, 185, 185) if case == "grey" else (0, 0, 0))
    at = (300, 900)
    if case == "r270":
        name, at = name.rotate(270, expand=True), (60, 700)
    elif case == "tilt20":
        name = name.rotate(20, expand=True, fillcolor="white")
    elif case == "mirror":
        name = ImageOps.mirror(name)
    elif case == "flip":  # upside down and mirrored: its upright reading looks plausible
        name = ImageOps.flip(name)
    return scanned_letter(name, at), (at[0], at[1], at[0] + name.width, at[1] + name.height)


def _readings(img: Image.Image) -> str:
    """Tesseract (its own program) on the page turned every way, mirrored, and on each colour
    channel when the page has colour."""
    img = img.convert("RGB")
    ways = [img.rotate(a, expand=True, fillcolor="white") for a in (0, 90, 180, 270, 20, -20)]
    ways += [ImageOps.mirror(img), ImageOps.flip(img)]
    arr = np.asarray(img)
    if np.ptp(arr.astype(np.int16), axis=2).max() > 30:
        ways += [Image.fromarray(arr[:, :, c]) for c in range(3)]
    return " ".join(ocr(ImageOps.autocontrast(w.convert("L"), cutoff=1)) for w in ways)


def _name_readable(text: str) -> list[str]:
    folded = fold(text)
    return [part for part in NAME.split() if fold(part) in folded]


def _check_case(
    src: Path, out: Path, where: tuple[int, int, int, int] | None = None, detect: bool = False
) -> str:
    """Run the real CLI; the copy must hide every form of the name, or exit 6 must name the
    page and region and leave nothing. Returns which of the two happened. `where`: the
    name's place on the page (input pixels), read every way on the copy; the whole page is
    read upright too."""
    terms = terms_file(out.parent.parent, [NAME])
    res = run_cli("redact", src, "-o", out, "--deny", terms, *(() if detect else ("--no-detect",)))
    if res.returncode == 6:
        assert "page 1: unread ink at " in res.stderr and "dpi)" in res.stderr, res.stderr
        assert not out.exists(), "exit 6 must write nothing"
        assert not list(out.parent.iterdir()), "no temporary copy may be left"
        assert NAME not in res.stderr
        return "held"
    assert res.returncode == 0, res.stderr
    pages = render(out, dpi=150)
    seen = _name_readable(ocr(pages[0]))
    if where is not None:
        x0, y0, x1, y1 = where
        seen += _name_readable(_readings(pages[0].crop((x0 - 60, y0 - 60, x1 + 60, y1 + 60))))
    else:
        seen += _name_readable(" ".join(_readings(p) for p in render(out, dpi=100)))
    assert not seen, f"the copy still reads {seen}"
    return "boxed"


@pytest.mark.parametrize(
    ("case", "detect"),
    [("r270", True), ("tilt20", False), ("mirror", False), ("flip", False), ("grey", False)],
)
def test_turned_mirrored_or_faint_name_on_a_scan(tmp_path: Path, case: str, detect: bool) -> None:
    page, where = _scan(case)
    src = tmp_path / f"{case}.png"
    page.save(src, dpi=(150, 150))
    # The name is readable on the input: Tesseract finds it turned back.
    back = {"r270": 90, "tilt20": -20, "mirror": 0, "flip": 0, "grey": 0}[case]
    seen = page.crop(where).rotate(back, expand=True, fillcolor="white")
    seen = ImageOps.mirror(seen) if case == "mirror" else seen
    seen = ImageOps.flip(seen) if case == "flip" else seen
    seen = ImageOps.expand(seen, 40, fill="white")
    assert _name_readable(ocr(ImageOps.autocontrast(seen.convert("L"), cutoff=1)))
    out = tmp_path / "out" / "copy.pdf"
    out.parent.mkdir()
    _check_case(src, out, where, detect)


def test_faint_name_in_a_small_image_of_a_typed_letter(tmp_path: Path) -> None:
    pdf = RawPdf()
    body = text_ops([(72, 760 - 20 * i, line) for i, line in enumerate(SCAN_BODY)], size=12)
    small = _word_image(NAME, px=28, ink=(190, 190, 190))
    img = pdf.image(small)
    w, h = small.width * 72 / 150, small.height * 72 / 150
    content = body + b"q %g 0 0 %g 90 560 cm /Im1 Do Q\n" % (w, h)
    pdf.page(content, size=(595, 842), xobjects={"Im1": img})
    src = tmp_path / "typed.pdf"
    pdf.write(src)
    # Where the image is, in pixels at 150 dpi (PDF y grows up).
    left, bottom = 90 * 150 / 72, (842 - 560) * 150 / 72
    where = (int(left), int(bottom - h * 150 / 72), int(left + w * 150 / 72), int(bottom))
    # The name is readable on the input's page (there, with the contrast stretched; a reading
    # of the whole page misses it, as the app's OCR did).
    x0, y0, x1, y1 = where
    crop = render(src, dpi=150)[0].crop((x0 - 60, y0 - 60, x1 + 60, y1 + 60))
    assert _name_readable(_readings(crop))
    out = tmp_path / "out" / "copy.pdf"
    out.parent.mkdir()
    _check_case(src, out, where)


def test_unreadable_ink_holds_the_copy_unless_accepted(tmp_path: Path) -> None:
    src = tmp_path / "scrawl.png"
    scanned_letter(scribble((360, 70), 3), (300, 900)).save(src, dpi=(150, 150))
    out = tmp_path / "out" / "copy.pdf"
    out.parent.mkdir()
    res = run_cli("redact", src, "-o", out, "--no-detect", "--deny", terms_file(tmp_path, [NAME]))
    assert res.returncode == 6, res.stderr
    assert "page 1: unread ink at " in res.stderr and "(px at 150 dpi)" in res.stderr
    assert "--accept-unread" in res.stderr
    assert not out.exists() and not list(out.parent.iterdir())
    res = run_cli(
        "redact",
        src,
        "-o",
        out,
        "--no-detect",
        "--deny",
        terms_file(tmp_path, [NAME]),
        "--accept-unread",
    )
    assert res.returncode == 0, res.stderr
    assert out.exists()
    assert "page 1: unread ink at " in res.stderr and "accepted" in res.stderr


def test_help_documents_the_flag_and_exit_code() -> None:
    res = run_cli("redact", "--help")
    assert "--accept-unread" in res.stdout
    res = run_cli("--help")
    assert "6 unread ink" in " ".join(res.stdout.split())


def _photo(page: Image.Image, seed: int = 5) -> Image.Image:
    """A page lying on a dark textured desk, turned a few degrees, photographed."""
    rnd = np.random.default_rng(seed)
    w, h = 1500, 2000
    desk = rnd.normal(60, 18, (h // 4, w // 4, 3)).clip(0, 255).astype(np.uint8)
    bg = Image.fromarray(desk).resize((w, h), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(bg)
    for x in range(0, w, 37):  # wood grain
        draw.line([(x, 0), (x + 80, h)], fill=(40, 30, 25), width=3)
    small = page.resize((page.width * 9 // 10, page.height * 9 // 10), Image.Resampling.LANCZOS)
    mask = Image.new("L", small.size, 255).rotate(4, expand=True)
    turned = small.rotate(4, expand=True, resample=Image.Resampling.BICUBIC)
    bg.paste(turned, ((w - turned.width) // 2, (h - turned.height) // 2), mask)
    bg = bg.filter(ImageFilter.GaussianBlur(0.6))
    buf = io.BytesIO()
    bg.save(buf, "JPEG", quality=88)  # no resolution: a phone's
    return Image.open(io.BytesIO(buf.getvalue()))


def test_photo_is_cut_to_its_page_and_not_held(tmp_path: Path) -> None:
    from redactor.core.pages import read_page
    from redactor.core.sources.image import ImageSource

    src = tmp_path / "photo.jpg"
    _photo(scanned_letter(None, (0, 0))).save(src, "JPEG", quality=92)
    source = ImageSource(str(src))
    page = source.render(0, 200)
    # The page (0.9 x 1240 x 1754, turned 4 degrees) and not the 1500 x 2000 photo.
    assert 1050 <= page.width <= 1200 and 1500 <= page.height <= 1650, page.size
    gray = np.asarray(page.convert("L"))
    assert gray[5:-5, 5:-5].min(axis=None) < 100  # the text is there
    border = np.concatenate([gray[:8].ravel(), gray[-8:].ravel(), gray[:, :8].ravel()])
    assert np.median(border) > 180, "the desk must not be in the page"
    text = read_page(source, 0, 200, "eng")
    assert not text.unread_regions and not text.needs_eyes, text.needs_eyes_reason
    assert "beaten" in " ".join(w.text for w in text.words)
    # Asked to keep the desk, the copy has it, and only ink on the page is held to account.
    whole = ImageSource(str(src), whole_photo=True)
    assert whole.render(0, 200).size == (1500, 2000)
    kept = read_page(whole, 0, 200, "eng")
    assert not kept.unread_regions, [b.as_list() for b in kept.unread_regions]
    assert "beaten" in " ".join(w.text for w in kept.words)


@pytest.mark.parametrize("degrees", [90, 180])
def test_a_page_turned_whole_is_read_the_right_way_up(tmp_path: Path, degrees: int) -> None:
    """OSD (or, when it is unsure, both quarter turns) before OCR: the words of a page scanned
    on its side come out as words, in the page's own pixels, and nothing is held as unread."""
    from redactor.core.pages import read_page
    from redactor.core.sources.image import ImageSource

    src = tmp_path / "turned.png"
    scanned_letter(None, (0, 0)).rotate(degrees, expand=True).save(src, dpi=(150, 150))
    page = read_page(ImageSource(str(src)), 0, 150, "rus+kaz+eng")
    text = " ".join(w.text for w in page.words)
    assert "beaten" in text and "guards" in text, text
    assert not page.unread_regions and not page.needs_eyes, page.needs_eyes_reason
    beaten = next(w for w in page.words if w.text == "beaten")
    # The box is where the word's ink is on the turned page (tall for a quarter turn).
    assert (beaten.box.height > beaten.box.width) == (degrees == 90)


def test_rules_and_frames_are_not_unread_ink(tmp_path: Path) -> None:
    """Table borders, form frames and underlines are ink no word explains, but hold nothing:
    a letter with them is not held back (a form letter would teach editors to ignore the
    mark)."""
    from redactor.core.pages import read_page
    from redactor.core.sources.image import ImageSource

    page = scanned_letter(None, (0, 0))
    draw = ImageDraw.Draw(page)
    for y in range(560, 861, 100):  # a table: 4 rows, 3 columns, thin lines
        draw.line([(150, y), (1090, y)], fill=(0, 0, 0), width=3)
    for x in (150, 460, 780, 1090):
        draw.line([(x, 560), (x, 860)], fill=(0, 0, 0), width=3)
    draw.rectangle([150, 950, 700, 1010], outline=(0, 0, 0), width=2)  # a form field
    src = tmp_path / "form.png"
    page.save(src, dpi=(150, 150))
    text = read_page(ImageSource(str(src)), 0, 150, "eng")
    assert not text.unread_regions, [b.as_list() for b in text.unread_regions]
    # The same page with a scrawl in a cell is held.
    ImageDraw.Draw(page).line(
        [(480, 600), (520, 640), (560, 590), (600, 650), (640, 600), (700, 640)], (0, 0, 0), 4
    )
    page.save(src, dpi=(150, 150))
    text = read_page(ImageSource(str(src)), 0, 150, "eng")
    assert text.unread_regions
