"""Whether a typed page's fonts show what its text layer says.

A PDF's text layer names each glyph through its font's ToUnicode map (or encoding). A map that
lies (a shifted code map, a broken subset font, a deliberate trick) makes the page show
"Yessenov" while the text layer says "Zfttfopw": the detector reads the lie, and the final check
trusts that the ink inside a glyph box is the glyph the layer names. So every font of a typed
page is checked against what its glyphs show, cheaply:

- the page's visible text-layer words are grouped by the font that draws them (pdfium's font
  name and flags per character);
- for each font not yet found honest in this letter, a few of its words that together hold
  every distinct letter of the font on the page not yet verified are cut from the page render
  (with a margin), stacked as lines and read by OCR in one pass (the page's languages);
- the OCR text is aligned character by character with the layer's text, look-alikes folded
  (`lookalike.fold_text`): a font whose words agree less than OCR noise explains is suspect;
- a suspect font's words are read by OCR on every page and replace the layer's words (so the
  detector sees what the page shows; they are "ocr" words, so the final check reads their ink,
  `verify/regions.py`), and the layer's words become hidden words with a notice (the editor
  is told the text layer does not say what the page shows).

What was verified (per font, per letter: the document, the font's name and flags) is kept per
worker process, so a letter's font costs one OCR pass or two, not one per page. Nothing of a
page's text is logged."""

from __future__ import annotations

import ctypes
import difflib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pypdfium2.raw as pdfium_c
from PIL import Image

from .lookalike import fold_text
from .model import Box, Word
from .verify.regions import plain_text

log = logging.getLogger(__name__)

# Why the layer's words of a suspect font are not the page's words (shown to the editor as a
# hidden-text notice; never the text).
LYING_FONT = "a font whose text layer does not say what its letters show (its words read by OCR)"
# A font is suspect when less than this share of its sampled letters is in words that agree
# with their reading (WORD_AGREES). Honest fonts of the shared letters and PDFs: 1.0 mostly,
# 0.52 at worst (a highlighted word misread); a shifted map: 0.
MIN_AGREEMENT = 0.35
# A letter of a font confirmed in no sample after this many tries is no longer asked for (an
# OCR confusion such as l/I must not cost a pass on every page).
MAX_TRIES = 2
# At most this many words of one font are read per page (the ones holding most new letters).
MAX_WORDS = 12
# Sample words are stacked with this much white between them (a share of their height).
GAP = 0.6
MARGIN = 0.25  # the crop around a word, as a share of its height
MIN_LETTERS = 2  # words with fewer letters are not sampled (one glyph reads poorly alone)
# A sampled word agrees with its reading when this share of its letters is confirmed.
WORD_AGREES = 0.5
# Words mostly of other characters (a dotted leader "Heading.......1") are not sampled.
MIN_LETTER_SHARE = 0.6

Font = tuple[str, int, int]  # name, flags, the font object's address (on one page)
Shape = tuple[int, int, int]  # a glyph's ink box: top, bottom, width, in 1/20 of the font size
Pair = tuple[str, Shape]  # a letter (folded) as the layer says it, with the shape drawn for it
Reader = Callable[[Image.Image, int], list[Word]]


@dataclass
class _FontState:
    """What is known of the fonts of one name and flags in one letter: the letters (with the
    shape of the glyph drawn for each) OCR confirmed, those asked for in vain, and those of
    fonts found lying. A letter is known by its shape too: a font of the same name whose map
    names another glyph for a letter is not taken for verified."""

    verified: set[Pair] = field(default_factory=set)
    tries: dict[Pair, int] = field(default_factory=dict)
    lying: set[Pair] = field(default_factory=set)


# Per worker: (document key, font name, flags) -> what is known of those fonts.
_STATE: dict[tuple[str, str, int], _FontState] = {}
_MAX_STATE = 4096


@dataclass(frozen=True)
class FontTruth:
    """A page's words after the check: `words` (the suspect fonts' words replaced by OCR
    words), `lies` the layer's words that were replaced, `suspect_fonts` how many fonts."""

    words: tuple[Word, ...]
    lies: tuple[Word, ...] = ()
    suspect_fonts: int = 0
    ocr_passes: int = 0


def _pdf_page(source: object, index: int) -> tuple[object, int] | None:
    """The PdfSource and page index behind `source`'s page `index` (a letter of several
    sources: its part), or None when the page is not a PDF's."""
    from .sources.pdf import PdfSource

    at = getattr(source, "_at", None)
    if at is not None:
        source, index = at(index)
    if isinstance(source, PdfSource):
        return source, index
    return None


def _char_fonts(
    source: object, index: int, dpi: int
) -> list[tuple[float, float, Font, str, Shape]]:
    """Per visible character of the page's text layer: its box's centre in pixels, its font
    (name, flags) and the character."""
    from .sources.pdf import PdfSource, box_to_pixels

    assert isinstance(source, PdfSource)
    page = source._page(index)
    textpage = None
    out: list[tuple[float, float, Font, str, Shape]] = []
    try:
        textpage = page.get_textpage()
        raw = textpage.raw
        count = textpage.count_chars()
        crop = tuple(page.get_bbox())
        rotation = page.get_rotation() % 360
        scale = dpi / 72
        rect = pdfium_c.FS_RECTF()
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        ox, oy = ctypes.c_double(), ctypes.c_double()
        flags = ctypes.c_int()
        buf = ctypes.create_string_buffer(256)
        names: dict[int, Font] = {}
        for i in range(count):
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            if code <= 32:
                continue
            ch = chr(code)
            if not ch.isalnum():
                continue
            if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, rect):
                continue
            obj = pdfium_c.FPDFText_GetTextObject(raw, i)
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            font = names.get(key)
            if font is None:
                n = pdfium_c.FPDFText_GetFontInfo(raw, i, buf, 256, ctypes.byref(flags))
                name = buf.raw[: max(0, min(n, 256) - 1)].decode("utf-8", "replace")
                # Two fonts may bear one name (an honest Helvetica and a lying one): the font
                # object (pdfium keeps one per font of the document) tells them apart.
                handle = pdfium_c.FPDFTextObj_GetFont(obj)
                font = (name, flags.value, ctypes.cast(handle, ctypes.c_void_p).value or 0)
                names[key] = font
            b = box_to_pixels(
                (rect.left, rect.bottom, rect.right, rect.top),
                crop,  # type: ignore[arg-type]
                rotation,
                scale,
            )
            shape: Shape = (0, 0, 0)
            size = pdfium_c.FPDFText_GetFontSize(raw, i)
            if (
                size > 0
                and pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top)
                and pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy)
            ):
                k = 20 / size
                shape = (
                    round((top.value - oy.value) * k),
                    round((bottom.value - oy.value) * k),
                    round((right.value - left.value) * k),
                )
            out.append(((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, font, ch, shape))
    except Exception as exc:  # pdfium raises plain errors on broken text layers
        log.warning("page %d: fonts unreadable (%s)", index + 1, type(exc).__name__)
        return []
    finally:
        if textpage is not None:
            textpage.close()
        page.close()
    return out


def word_fonts(
    words: Sequence[Word], chars: Sequence[tuple[float, float, Font, str, Shape]]
) -> list[Font | None]:
    """The font of each text-layer word: the one drawing most of the characters whose centre
    is inside it (None: none found)."""
    band = 32.0
    rows: dict[int, list[int]] = {}
    for k, w in enumerate(words):
        if w.source != "text":
            continue
        for r in range(int(w.box.y0 // band), int(w.box.y1 // band) + 1):
            rows.setdefault(r, []).append(k)
    votes: list[dict[Font, int]] = [{} for _ in words]
    for cx, cy, font, _ch, _shape in chars:
        for k in rows.get(int(cy // band), ()):
            b = words[k].box
            if b.x0 <= cx <= b.x1 and b.y0 <= cy <= b.y1:
                votes[k][font] = votes[k].get(font, 0) + 1
                break
    return [max(v, key=lambda f: v[f]) if v else None for v in votes]


def _letters(text: str) -> str:
    return "".join(ch for ch in fold_text(text) if ch.isalnum())


def _sample(words: Sequence[Word], needed: set[str]) -> list[Word]:
    """Few words holding every needed letter (greedy: the most new letters first)."""
    pool = [
        w
        for w in words
        if len(_letters(w.text)) >= max(MIN_LETTERS, MIN_LETTER_SHARE * len(w.text))
        and plain_text(w.text)
    ]
    left = set(needed)
    out: list[Word] = []
    while left and pool and len(out) < MAX_WORDS:
        best = max(pool, key=lambda w: (len(left & set(_letters(w.text))), len(w.text)))
        gain = left & set(_letters(best.text))
        if not gain:
            break
        out.append(best)
        left -= gain
        pool.remove(best)
    return out


def _stack(
    image: Image.Image, words: Sequence[Word], degrees: int = 0
) -> tuple[Image.Image, list[Box]]:
    """The words cut from the page (with a margin), each turned counter-clockwise by
    `degrees`, stacked as lines on white, and where each crop went."""
    crops: list[Image.Image] = []
    for w in words:
        m = MARGIN * max(w.box.height, 4.0)
        box = (
            max(0, int(w.box.x0 - m)),
            max(0, int(w.box.y0 - m)),
            min(image.width, int(np.ceil(w.box.x1 + m))),
            min(image.height, int(np.ceil(w.box.y1 + m))),
        )
        crop = image.crop(box).convert("L")
        crops.append(crop.rotate(degrees, expand=True) if degrees else crop)
    gap = int(GAP * max(c.height for c in crops)) + 4
    width = max(c.width for c in crops) + 2 * gap
    height = sum(c.height for c in crops) + gap * (len(crops) + 1)
    sheet = Image.new("L", (width, height), 255)
    at: list[Box] = []
    y = gap
    for c in crops:
        sheet.paste(c, (gap, y))
        at.append(Box(gap, y, gap + c.width, y + c.height))
        y += c.height + gap
    return sheet, at


def agreement(
    expected: Sequence[str], read: Sequence[Sequence[str]]
) -> tuple[float, set[str], set[str]]:
    """How much of the sample the OCR reading confirms: per word, its letters aligned character
    by character with what OCR read in its crop (look-alikes folded); a word agrees when most
    of its letters are confirmed. Returns the share of the sample's letters in agreeing words,
    the letters confirmed (in agreeing words) and the letters never confirmed."""
    total = agreeing = 0
    confirmed: set[str] = set()
    seen: set[str] = set()
    for text, got_words in zip(expected, read, strict=True):
        exp = _letters(text)
        got = "".join(_letters(t) for t in got_words)
        if not exp:
            continue
        seen.update(exp)
        total += len(exp)
        matcher = difflib.SequenceMatcher(None, exp, got, autojunk=False)
        blocks = matcher.get_matching_blocks()
        if sum(size for _a, _b, size in blocks) >= WORD_AGREES * len(exp):
            agreeing += len(exp)
            for a, _b, size in blocks:
                confirmed.update(exp[a : a + size])
    if not total:
        return 1.0, set(), set()
    return agreeing / total, confirmed, seen - confirmed


def _doc_key(source: object) -> str:
    return f"{getattr(source, 'path', '')}#{id(source)}"


def _read_words(
    image: Image.Image, dpi: int, words: Sequence[Word], read: Reader, degrees: int = 0
) -> list[list[Word]]:
    """Per word, the OCR words of its ink, in page pixels (the words' crops stacked and read in
    one pass; an OCR word belongs to the crop holding its centre; turned crops give their
    word's whole box)."""
    sheet, at = _stack(image, words, degrees)
    found = read(sheet, dpi)
    outs: list[list[Word]] = []
    for w, a in zip(words, at, strict=True):
        out: list[Word] = []
        outs.append(out)
        m = MARGIN * max(w.box.height, 4.0)
        ox, oy = max(0, int(w.box.x0 - m)) - a.x0, max(0, int(w.box.y0 - m)) - a.y0
        for f in found:
            cx, cy = (f.box.x0 + f.box.x1) / 2, (f.box.y0 + f.box.y1) / 2
            if a.x0 <= cx <= a.x1 and a.y0 <= cy <= a.y1:
                box = Box(f.box.x0 + ox, f.box.y0 + oy, f.box.x1 + ox, f.box.y1 + oy)
                if degrees:
                    box = w.box
                out.append(replace(f, box=box, line=w.line, block=w.block, source="ocr"))
    return outs


def check_page(
    source: object,
    index: int,
    dpi: int,
    image: Image.Image,
    words: Sequence[Word],
    read: Reader,
) -> FontTruth:
    """The page's words with those of fonts that do not show what the layer says replaced by
    what OCR reads there (see the module's doc). `read` reads an image of stacked lines."""
    text_words = [w for w in words if w.source == "text"]
    found = _pdf_page(source, index) if text_words else None
    if found is None:
        return FontTruth(tuple(words))
    pdf, pdf_index = found
    chars = _char_fonts(pdf, pdf_index, dpi)
    if not chars:
        return FontTruth(tuple(words))
    fonts = word_fonts(words, chars)
    by_font: dict[Font, list[int]] = {}
    for k, f in enumerate(fonts):
        if f is not None:
            by_font.setdefault(f, []).append(k)
    pairs: dict[Font, set[Pair]] = {}
    for _cx, _cy, font, ch, shape in chars:
        letter = _letters(ch)[:1]
        if letter:
            pairs.setdefault(font, set()).add((letter, shape))
    doc = _doc_key(source)
    if len(_STATE) > _MAX_STATE:
        _STATE.clear()
    suspect: set[Font] = set()
    passes = 0
    for font, idxs in by_font.items():
        state = _STATE.setdefault((doc, font[0], font[1]), _FontState())
        drawn = pairs.get(font, set())
        if len(drawn & state.lying) > len(drawn & state.verified):
            suspect.add(font)  # a font found lying on an earlier page
            continue
        # Words that are not plain letters are read by the final check anyway, and a script
        # the OCR languages do not read cannot be checked by reading.
        fw = [words[k] for k in idxs if plain_text(words[k].text)]
        new = {p for p in drawn - state.verified if state.tries.get(p, 0) < MAX_TRIES}
        needed = {letter for letter, _shape in new}
        sample = _sample(fw, needed) if needed else []
        if not sample:
            continue
        share, confirmed = 0.0, set[str]()
        # Text turned on the page (a /Rotate, a turned matrix) is read turned back: upright
        # first, the other ways only when upright does not agree.
        for degrees in (0, 90, 270, 180):
            got = _read_words(image, dpi, sample, read, degrees)
            passes += 1
            texts = [[g.text for g in ws] for ws in got]
            share, confirmed, _missed = agreement([w.text for w in sample], texts)
            if share >= MIN_AGREEMENT:
                break
        if share < MIN_AGREEMENT:
            state.lying |= drawn
            suspect.add(font)
            continue
        asked = {letter for w in sample for letter in _letters(w.text)}
        for p in new:
            if p[0] in confirmed:
                state.verified.add(p)
            elif p[0] in asked:
                state.tries[p] = state.tries.get(p, 0) + 1
    if not suspect:
        return FontTruth(tuple(words), ocr_passes=passes)
    lie_idx = [k for k, f in enumerate(fonts) if f in suspect]
    lies = [words[k] for k in lie_idx]
    log.info("page %d: %d font(s) whose text layer does not match", index + 1, len(suspect))
    replaced = dict(zip(lie_idx, _read_words(image, dpi, lies, read), strict=True))
    passes += 1
    out: list[Word] = []
    for k, w in enumerate(words):
        out.extend(replaced.get(k, [w]))
    return FontTruth(tuple(out), tuple(lies), len(suspect), passes)


def forget() -> None:
    """Drop what this worker knows of fonts (tests)."""
    _STATE.clear()


__all__ = ["LYING_FONT", "FontTruth", "agreement", "check_page", "forget", "word_fonts"]
