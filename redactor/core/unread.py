"""Ink that no word explains: read it again, and report what still cannot be read.

After a page's text layer and OCR, every group of ink outside every word box that is big
enough to hold a word is read once more, alone (the rest of the page blanked), contrast
stretched from its darkest colour channel (light grey, pencil, a coloured stamp), and turned
every way a writer could have put it: along its own main axis (a tilted line) and at right
angles to it, each also mirrored. The best reading's confident words join the page's words
with their boxes in page pixels, so detection and redaction work on them. What is still not
explained becomes the page's unread regions: the export is held until an editor has looked.

Only the unexplained groups are read again (a few small images, never a second page pass)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import cv2
import numpy as np
from PIL import Image

from .ink import (
    WORD_MIN_INCH,
    InkGroup,
    Turn,
    apply_turn,
    could_hold_a_word,
    ink_areas,
    ink_groups,
    ink_mask,
    reach,
    strip_rules,
    turn,
    unexplained,
)
from .model import Box, Word

log = logging.getLogger(__name__)

# An OCR word below this confidence does not explain its ink by itself: Tesseract's guess at a
# signature or a stamp, and its reading of a name turned upside down or mirrored ("vonseesY",
# 77%), are such words. Their ink is read again every way, upright too, and the best reading
# joins them (they stay too).
DOUBT_CONF = 85.0
# A word read again from unexplained ink is kept at this confidence or above (and only if it
# is mostly letters or digits): a picture read as text comes out as "Бе?)" 60%, "CSS" 61%,
# and such words must not explain its ink away.
ACCEPT_CONF = 75.0
# The page's own reading of a doubtful word (read in the context of the whole page) stands
# for its ink at this confidence or above, unless reading the ink again does better.
PLAUSIBLE_CONF = 50.0
# At most this many groups of a page are read again (the biggest first); the rest stay unread.
MAX_GROUPS = 10
# At most this many small images are read per page (each group's likeliest ways first), and
# at most this share of the page's pixels in all (the cost of reading again stays a fraction
# of one OCR pass of the page; what is not read again stays unread).
MAX_READS = 30
MAX_READ_SHARE = 0.5
MIN_READ_PIXELS = 1_000_000  # a small page still gets a few lines' worth
# A group larger than this share of the page is a picture or a photo's background, not a line
# to read again: it is reported as it is.
MAX_GROUP_SHARE = 0.25
LINE_PX = 50.0
# A reading at least this sure of every word is taken without trying other ways.
SURE_CONF = 85.0
# A way other than upright is believed only when it reads four letters or more this sure.
ALT_CONF = 85.0
# When no way reads a group in full, this many of its likeliest ways (by shape: along its
# axis both ways, not mirrored) are read again one language at a time.
RETRY_WAYS = 2


@dataclass
class _Budget:
    reads: int
    pixels: float

    def take(self, image: Image.Image) -> bool:
        """Whether `image` may be read; if so, its cost is counted."""
        px = float(image.width * image.height)
        if self.reads <= 0 or px > self.pixels:
            return False
        self.reads -= 1
        self.pixels -= px
        return True


class Reader(Protocol):
    """What reads a piece of a page: `read(image, dpi, block=True, langs=...)`; `langs` its
    languages joined by "+" (Tesseract's way)."""

    langs: str

    def read(
        self, image: Image.Image, dpi: int, block: bool = False, langs: str | None = None
    ) -> list[Word]: ...


@dataclass(frozen=True)
class InkReading:
    words: tuple[Word, ...]  # read again from ink no word stood for, boxes in page pixels
    # Words read again where doubtful words of the page are: (index of the last of those,
    # the words), so the text keeps its order ("Al-Farabi district ..."). The doubtful words
    # stay: a name read right by the page's OCR and wrong alone must still be found.
    placed: tuple[tuple[int, tuple[Word, ...]], ...]
    unread: tuple[Box, ...]  # ink still no word explains, big enough to hold a word
    candidates: int  # groups that were unexplained before reading again
    variants: int  # small images read (the cost)
    # Rectangles (x0, y0, x1, y1, page pixels) holding all the ink no word explained before
    # reading again, with paper around it (`ink.ink_areas`): where a barcode can be.
    areas: tuple[tuple[int, int, int, int], ...] = ()

    def apply(self, words: Sequence[Word]) -> tuple[Word, ...]:
        """The page's words with the words read again added."""
        at = dict(self.placed)
        out: list[Word] = []
        for i, w in enumerate(words):
            out.append(w)
            out += at.get(i, ())
        return (*out, *self.words)


def doubtful(w: Word, sideways: bool = False) -> bool:
    """An OCR word that may be a misreading of turned, mirrored or faint ink: unsure, standing
    on end (a line turned a quarter), or with a capital after small letters (read backwards)."""
    if w.source != "ocr":
        return False
    return w.conf < DOUBT_CONF or misshapen(w, sideways)


def misshapen(w: Word, sideways: bool = False) -> bool:
    """Standing on end (a line turned a quarter, read across), or a capital after small
    letters ("vonseesY": read backwards; not "Al-Farabi", each part is judged by itself;
    "McDonald" costs one more look). `sideways`: the page was read turned a quarter, so its
    lines stand on end and a word lying flat is the odd one."""
    long, across = (w.box.width, w.box.height) if sideways else (w.box.height, w.box.width)
    if len(_letters(w.text)) >= 3 and long > 1.5 * across:
        return True
    runs = re.findall(r"\w+", w.text)
    return any(a.islower() and b.isupper() for r in runs for a, b in zip(r, r[1:], strict=False))


def _plausible(w: Word, sideways: bool) -> bool:
    """A doubtful word that may still be right as read: fairly sure and of a sane shape."""
    return w.conf >= PLAUSIBLE_CONF and _wordlike(w.text) and not misshapen(w, sideways)


def explaining_boxes(words: Sequence[Word], sideways: bool = False) -> list[Box]:
    return [w.box for w in words if not doubtful(w, sideways)]


def read_unexplained(
    image: Image.Image,
    words: Sequence[Word],
    dpi: int,
    reader: Reader,
    skip: Sequence[Box] = (),
    ink: tuple[np.ndarray, np.ndarray] | None = None,
    sideways: bool = False,
) -> InkReading:
    """Read again the ink of `image` that `words` (and `skip`, e.g. dark boxes burned anyway)
    do not explain; see the module's doc. `ink`: the page's ink mask and contrast if known;
    `sideways`: the page's OCR read it turned a quarter."""
    mask, contrast = ink if ink is not None else ink_mask(image, dpi)
    pad = max(2, dpi // 50)
    raw = unexplained(mask, [*explaining_boxes(words, sideways), *skip], pad)
    # The ink left is looked at piece by piece (a scan's few specks, not the whole page): the
    # same rules stripped and the same groups as on the whole page (`ink_areas`).
    areas = tuple(ink_areas(raw, reach(dpi)))
    rest = np.zeros_like(raw)
    for x0, y0, x1, y1 in areas:
        rest[y0:y1, x0:x1] = strip_rules(raw[y0:y1, x0:x1], dpi)
    groups = [g for g in _groups(rest, areas, dpi) if could_hold_a_word(g, dpi)]
    if not groups:
        return InkReading((), (), (), 0, 0, areas)
    page_area = float(mask.size)
    found: list[Word] = []  # every word read again (for what they explain)
    new: list[Word] = []  # those read where no word of the page is
    budget = _Budget(MAX_READS, max(MAX_READ_SHARE * page_area, MIN_READ_PIXELS))
    line0 = max((w.line for w in words), default=-1) + 1
    block0 = max((w.block for w in words), default=-1) + 1
    todo = sorted(groups, key=lambda g: -g.pixels)
    taken: set[int] = set()
    placed: list[tuple[int, tuple[Word, ...]]] = []
    for n, g in enumerate(todo[:MAX_GROUPS]):
        if g.box.width * g.box.height > MAX_GROUP_SHARE * page_area:
            continue
        if budget.reads <= 0:
            break
        gone = [
            i
            for i, w in enumerate(words)
            if i not in taken and doubtful(w, sideways) and g.box.contains_center_of(w.box)
        ]
        as_read = [words[i] for i in gone if _plausible(words[i], sideways)]
        got = _read_group(contrast, g, dpi, reader, budget, as_read)
        if got is None:  # the page's own reading stands
            found += as_read
            continue
        if not got:
            continue
        found += got
        if gone:
            last = words[gone[-1]]
            moved = tuple(replace(w, line=last.line, block=last.block) for w in got)
            placed.append((gone[-1], moved))
            taken.update(gone)
        else:
            new.extend(replace(w, line=w.line + line0, block=block0 + n) for w in got)
            line0 = max(w.line for w in new) + 1
    still = unexplained(rest, [w.box for w in found], pad)
    unread = [g.box for g in _groups(still, areas, dpi) if could_hold_a_word(g, dpi)]
    if found or unread:
        log.info(
            "unexplained ink: %d groups, %d words read again, %d regions unread (%d reads)",
            len(groups),
            len(found),
            len(unread),
            MAX_READS - budget.reads,
        )
    variants = MAX_READS - budget.reads
    return InkReading(tuple(new), tuple(placed), tuple(unread), len(groups), variants, areas)


def _groups(
    rest: np.ndarray, areas: Sequence[tuple[int, int, int, int]], dpi: int
) -> list[InkGroup]:
    """`ink_groups` of `rest` (whose ink is all inside `areas`), area by area, in the page's
    pixels and in reading order (top to bottom, then left to right)."""
    out: list[InkGroup] = []
    for x0, y0, x1, y1 in areas:
        for g in ink_groups(rest[y0:y1, x0:x1], dpi, WORD_MIN_INCH):
            b = g.box
            out.append(replace(g, box=Box(b.x0 + x0, b.y0 + y0, b.x1 + x0, b.y1 + y0)))
    return sorted(out, key=lambda g: (g.box.y0, g.box.x0))


def _ways(g: InkGroup) -> list[tuple[float, bool]]:
    """Turns (degrees counter-clockwise, mirrored) to try, likeliest first."""
    base = g.angle
    if abs(base) < 2.0:
        base = 0.0
    elif abs(abs(base) - 90.0) < 2.0:
        base = 90.0
    if g.long_side >= 1.3 * g.short_side:  # a line: along its axis, both ways
        angles = [-base, 180.0 - base]
    else:  # a block: upright first
        small = (base + 45.0) % 90.0 - 45.0
        angles = [-small + a for a in (0.0, 180.0, 90.0, 270.0)]
    return [(a, False) for a in angles] + [(a, True) for a in angles]


def _prepared(contrast: np.ndarray, g: InkGroup, dpi: int) -> tuple[np.ndarray, int, int, int]:
    """The group alone as dark ink on white, stretched to full contrast; with the crop's
    origin in page pixels and the enlargement to read it at."""
    h, w = contrast.shape
    margin = max(4, dpi // 12)
    x0, y0 = max(0, int(g.box.x0) - margin), max(0, int(g.box.y0) - margin)
    x1, y1 = min(w, int(g.box.x1) + margin), min(h, int(g.box.y1) + margin)
    crop = contrast[y0:y1, x0:x1].astype(np.float32)
    own = np.zeros(crop.shape, dtype=np.uint8)
    gy, gx = int(g.box.y0) - y0, int(g.box.x0) - x0
    gh, gw = g.mask.shape
    own[gy : gy + gh, gx : gx + gw] = g.mask
    k = max(3, dpi // 40 | 1)
    near = cv2.dilate(own, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))) > 0
    strong = float(np.percentile(crop[own > 0], 90)) if own.any() else 255.0
    dark = np.where(near, crop * (255.0 / max(strong, 1.0)), 0.0)
    out = (255.0 - np.clip(dark, 0.0, 255.0)).astype(np.uint8)
    # Tesseract reads lines about 50 px high best; a lone short word smaller than that comes
    # out as look-alike letters of another script ("Kanat" as "Капа", 13%).
    scale = int(min(4, max(1, np.ceil(LINE_PX / max(g.short_side, 1.0)))))
    while scale > 1 and max(out.shape) * scale * 1.5 > 4000:
        scale -= 1
    return out, x0, y0, scale


def _view(img: np.ndarray, t: Turn, scale: int) -> tuple[Image.Image, int, int]:
    """The group turned, cut to its ink (plus a white border) and enlarged: what is read;
    with where the cut starts in the turned image."""
    turned = apply_turn(img, t)
    ys, xs = np.nonzero(turned < 200)
    cx = cy = 0
    if xs.size:
        m = 10
        cx, cy = max(0, int(xs.min()) - m), max(0, int(ys.min()) - m)
        turned = turned[cy : int(ys.max()) + m + 1, cx : int(xs.max()) + m + 1]
    if scale > 1:
        size = (turned.shape[1] * scale, turned.shape[0] * scale)
        turned = np.asarray(cv2.resize(turned, size, interpolation=cv2.INTER_CUBIC))
    return Image.fromarray(np.asarray(turned, dtype=np.uint8)), cx, cy


def _score(words: Sequence[Word]) -> float:
    return sum(len(_letters(w.text)) * w.conf for w in words)


def _wordlike(text: str) -> bool:
    """Two letters or more, or a number (the 8 of a phone number), and mostly letters and
    digits; not a lone mark or a run of punctuation."""
    letters = _letters(text)
    if len(letters) < 0.6 * len(text.strip()):
        return False
    return len(letters) >= 2 or letters.isdigit()


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _read_group(
    contrast: np.ndarray,
    g: InkGroup,
    dpi: int,
    reader: Reader,
    budget: _Budget,
    as_read: Sequence[Word] = (),
) -> list[Word] | None:
    """The confident words of the best way of turning the group, in page pixels, or None
    when the page's own reading of it (`as_read`, its plausible doubtful words) is better.
    Each small image read is paid from `budget`; when it runs out the group is left as is.

    The upright way must beat the page's own reading. Another way counts only when it reads
    four letters or more sure (85%: short words upside down come out as confident
    nonsense, "I am" as "шет" 94%, "dana" as "euep" 76%); then it wins over any upright
    reading (the page's reading of the ink turned is nonsense that may look plausible). With
    all languages loaded a lone Latin name can come out in Cyrillic look-alikes, sure of
    itself ("Kanat" as "Қапа:", 90%) or not ("Капа!", 15%): when no way is read in full the
    likeliest ways are read again one language at a time, and the way chosen is always read
    in each language too, every confident reading kept (a name found in any of them is
    found)."""
    img, ox, oy, scale = _prepared(contrast, g, dpi)
    h, w = img.shape
    langs = [lang for lang in reader.langs.split("+") if lang]
    langs = langs if len(langs) > 1 else []
    # score, way, words (crop pixels): the best upright reading and the best other way.
    upright_best: tuple[float, int, list[Word]] = (_score(as_read), -1, [])
    other_best: tuple[float, int, list[Word]] = (0.0, -1, [])
    turned_ways: list[tuple[Turn, Image.Image, int, int, bool]] = []
    done: set[tuple[int, str]] = set()

    def consider(way: int, lang: str) -> bool:
        """Read a way (in one language, or all for ""); keep it if best. True when sure."""
        nonlocal upright_best, other_best
        _, turned, _, _, upright = turned_ways[way]
        done.add((way, lang))
        read = reader.read(turned, dpi * scale, block=True, langs=lang or None)
        good = [x for x in read if x.conf >= ACCEPT_CONF and _wordlike(x.text)]
        score = _score(good)
        if upright:
            if score > upright_best[0]:
                upright_best = (score, way, good)
        elif sum(len(_letters(x.text)) for x in good if x.conf >= ALT_CONF) >= 4:
            if score > other_best[0]:
                other_best = (score, way, good)
        return bool(good) and len(good) == len(read) and min(x.conf for x in good) >= SURE_CONF

    for degrees, mirror in _ways(g):
        t = turn(w, h, degrees, mirror)
        upright = not mirror and abs((degrees + 180.0) % 360.0 - 180.0) < 45.0
        turned, cx, cy = _view(img, t, scale)
        if not budget.take(turned):
            break
        turned_ways.append((t, turned, cx, cy, upright))
        if consider(len(turned_ways) - 1, ""):
            break  # a reading sure of every word needs no other way
    else:
        # The likeliest ways by shape (not mirrored) first: a score of nonsense says little.
        for way in range(min(RETRY_WAYS, len(turned_ways))):
            for lang in langs:
                if budget.take(turned_ways[way][1]) and consider(way, lang):
                    break
    if not turned_ways:  # no budget left to look: the ink stays unexplained
        return []
    _, way, words = other_best if other_best[1] >= 0 else upright_best
    if way < 0:
        return None if as_read else []
    texts = {x.text for x in words}
    for lang in langs:  # the chosen way in each language: every confident reading counts
        turned = turned_ways[way][1]
        if (way, lang) in done:
            continue
        if not budget.take(turned):  # not read in full: the ink stays unexplained
            return []
        for x in reader.read(turned, dpi * scale, block=True, langs=lang):
            if x.conf >= ACCEPT_CONF and _wordlike(x.text) and x.text not in texts:
                words.append(x)
                texts.add(x.text)
    t, _, cx, cy, _ = turned_ways[way]
    out = []
    for x in words:
        b = x.box
        b = t.back(Box(cx + b.x0 / scale, cy + b.y0 / scale, cx + b.x1 / scale, cy + b.y1 / scale))
        out.append(replace(x, box=Box(ox + b.x0, oy + b.y0, ox + b.x1, oy + b.y1), source="ocr"))
    return out
