"""Which characters of a PDF text layer have ink a reader can see, decided from pixels.

A text layer can hold words the page does not show: white on white, render mode 3 or 7, fully
transparent, under an image or an opaque box, outside the clipping path, in a layer that is off,
too small to see, or an /ActualText that replaces what the glyphs spell. Such words must never
reach a copy's text layer or its detectors: the editor never saw them.

The page is rendered a second time with its text objects switched off (pdfium's
`FPDFPageObj_SetIsActive` on a page loaded for this and never saved, form XObjects included);
a character whose glyph box shows (almost) no difference between the two renders has no visible
ink. Where text lies over other text, each overlapping text object is left out of one more
render in turn: its ink shows if the page without it differs from the page with everything (a
name in a layer that is off, drawn over visible words, or under white glyphs, shows nothing).
Properties that hide text whatever the pixels say (render mode 3/7, full transparency,
/ActualText) are read from the text object.
"""

from __future__ import annotations

import ctypes
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from ..model import Box
from .textlayer import MIN_WORD_PX, TOO_SMALL, Char

# Why a character is not visible (shown to the editor; never the text itself).
ACTUAL_TEXT = "replacement text (/ActualText), not what the page draws"
TRANSPARENT = "fully transparent text"
LAYER_OFF = "in a layer that is turned off"
SAME_COLOUR = "the same colour as what is behind it"
COVERED = "covered by something drawn over it"
NO_INK = "draws no ink (clipped away, or glyphs that draw nothing)"
OFF_PAGE = "outside the visible page"
OVERDRAWN = "drawn over other text"
RENDER_MODE = {3: "invisible text (render mode 3)", 7: "clipping-only text (render mode 7)"}

# A pixel shows ink when a channel differs by this much between the render with text and the
# one without (3% of the range). Low on purpose: text the copy's pixels carry must be words the
# detectors see, even if it is too faint for most eyes (a 97% white name would otherwise be
# left in the copy's pixels, undetected, for anyone who turns up the contrast).
INK_DIFF = 8
# A glyph shows when at least MIN_INK_PIXELS of its box (grown by a pixel) show text ink, and
# at least SHOW_SHARE of the ink its text draws there in black with nothing else on the page
# (a seam of a name between covers, or a neighbour's edge in its box, is far less).
MIN_INK_PIXELS = 2
SHOW_SHARE = 0.3
# Text closer than INK_DIFF (every channel) to the colour behind it is the background's colour.
SAME_TOL = INK_DIFF - 1
CLEAR_SHARE = 0.2  # of the glyph's box inked: a glyph that shows, no need to ask its own ink
# Only the text, in black, on white: the ink each glyph would leave if nothing hid it.
_BLACK_TEXT = pdfium.PdfColorScheme(
    (255, 255, 255, 255), (255, 255, 255, 255), (0, 0, 0, 255), (0, 0, 0, 255)
)
# Glyph boxes of two text objects overlapping by this share of the smaller are text over text.
OVERLAP_SHARE = 0.3
# Extra renders allowed to tell overlapping text apart; text beyond them counts as hidden (its
# ink, if any, is still read by OCR: ink no visible word explains makes the page OCR'd).
MAX_OVERLAP_PASSES = 4
CROWD = 64  # glyphs in one 16-pixel cell, or glyphs larger than 64 cells, beyond which text
# over text is not told apart (all of it counts as hidden: its ink is still read by OCR)
# The two renders are compared at this resolution at most (a typed page stays within ~10 ms).
CHECK_DPI = 100
_STRIP = 256  # rows per slice when comparing renders (bounded memory on large pages)
_MAX_MARKS = 32
_FILL_MODES = (0, 2, 4, 6)
_CONTAINERS = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM)
_STROKE_MODES = (1, 2, 5, 6)


def draw(page: pdfium.PdfPage, scale: float) -> Image.Image:
    """The page as the copy is made of it: annotations and form fields are not drawn."""
    bitmap = page.render(scale=scale, may_draw_forms=False, draw_annots=False)
    return bitmap.to_pil().convert("RGB")


def address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


@dataclass(frozen=True)
class _Info:
    how: str = ""  # hidden whatever the pixels say
    layer: bool = False  # inside optional content (a layer)
    paints: tuple[tuple[int, int, int], ...] = ()  # the colours it draws with (fill, stroke)


def _utf16(fn: Any, *args: Any) -> str:
    buf = (ctypes.c_ushort * 64)()
    size = ctypes.c_ulong()
    if not fn(*args, buf, ctypes.sizeof(buf), ctypes.byref(size)):
        return ""
    raw = bytes(buf)[: min(size.value, ctypes.sizeof(buf))]
    return raw.decode("utf-16-le", "replace").rstrip("\x00")


def _info(obj: Any) -> _Info:
    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
    actual = layer = False
    for k in range(min(pdfium_c.FPDFPageObj_CountMarks(obj), _MAX_MARKS)):
        mark = pdfium_c.FPDFPageObj_GetMark(obj, k)
        if not mark:
            continue
        if _utf16(pdfium_c.FPDFPageObjMark_GetName, mark) == "OC":
            layer = True
        for j in range(min(pdfium_c.FPDFPageObjMark_CountParams(mark), _MAX_MARKS)):
            if _utf16(pdfium_c.FPDFPageObjMark_GetParamKey, mark, j) == "ActualText":
                actual = True
    r, g, b, fa, sa = (ctypes.c_uint() for _ in range(5))
    paints: list[tuple[int, int, int]] = []
    has_fill = pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, fa)
    if has_fill and mode in _FILL_MODES:
        paints.append((r.value, g.value, b.value))
    has_stroke = pdfium_c.FPDFPageObj_GetStrokeColor(obj, r, g, b, sa)
    if has_stroke and mode in _STROKE_MODES:
        paints.append((r.value, g.value, b.value))
    if len(paints) != (mode in _FILL_MODES) + (mode in _STROKE_MODES):
        paints = []  # a colour pdfium cannot tell: the pixels decide
    fill_seen = mode in _FILL_MODES and (not has_fill or fa.value > 0)
    stroke_seen = mode in _STROKE_MODES and (not has_stroke or sa.value > 0)
    if actual:
        how = ACTUAL_TEXT
    elif mode in RENDER_MODE:
        how = RENDER_MODE[mode]
    elif mode in _FILL_MODES + _STROKE_MODES and not fill_seen and not stroke_seen:
        how = TRANSPARENT
    else:
        how = ""
    return _Info(how, layer, tuple(paints))


def _pixels(page: pdfium.PdfPage, scale: float, scheme: Any = None) -> np.ndarray:
    """The page drawn as `draw` does, as an array (height, width, 3 channels)."""
    bitmap = page.render(scale=scale, may_draw_forms=False, draw_annots=False, color_scheme=scheme)
    return bitmap.to_numpy()[:, :, :3]


def _own_ink(page: pdfium.PdfPage, scale: float, shape: tuple[int, ...]) -> np.ndarray:
    """Where the active text draws ink when it is drawn in black on white with no other object
    (the other objects must be switched off)."""
    own = _pixels(page, scale, _BLACK_TEXT)
    if own.shape != shape:
        return np.ones(shape[:2], dtype=bool)  # cannot tell: every glyph counts as inked
    dark = 255 - INK_DIFF
    mask = own[:, :, 0] <= dark
    mask |= own[:, :, 1] <= dark
    mask |= own[:, :, 2] <= dark
    return mask


def ink_mask(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pixels where two renders of the same size differ by INK_DIFF or more in a channel."""
    out = np.empty(a.shape[:2], dtype=bool)
    for y in range(0, a.shape[0], _STRIP):
        sa, sb = a[y : y + _STRIP], b[y : y + _STRIP]
        d = np.maximum(sa, sb)
        d -= np.minimum(sa, sb)
        m = d[:, :, 0] >= INK_DIFF
        m |= d[:, :, 1] >= INK_DIFF
        m |= d[:, :, 2] >= INK_DIFF
        out[y : y + _STRIP] = m
    return out


def _glyph_box(c: Char, factor: float = 1.0) -> Box:
    b = c.ink if c.ink.width >= 1 and c.ink.height >= 1 else c.box
    b = b.scaled(factor) if factor != 1.0 else b
    return Box(b.x0 - 1, b.y0 - 1, b.x1 + 1, b.y1 + 1)


def _slice(box: Box, shape: tuple[int, ...]) -> tuple[slice, slice] | None:
    h, w = shape[0], shape[1]
    x0, x1 = max(0, int(box.x0)), min(w, int(np.ceil(box.x1)))
    y0, y1 = max(0, int(box.y0)), min(h, int(np.ceil(box.y1)))
    if x1 <= x0 or y1 <= y0:
        return None
    return slice(y0, y1), slice(x0, x1)


_Cut = tuple[slice, slice] | None


def _clearly_shows(cut: _Cut, shown: np.ndarray) -> bool:
    """Whether a glyph's box is inked as a whole glyph inks it (typed glyphs ink 20-60% of
    their box grown by a pixel); if not, `_shows` compares with the glyph's own ink."""
    if cut is None:
        return False
    area = (cut[0].stop - cut[0].start) * (cut[1].stop - cut[1].start)
    seen = int(shown[cut].sum())
    return seen >= MIN_INK_PIXELS and seen >= CLEAR_SHARE * area


def _shows(cut: _Cut, shown: np.ndarray, own: np.ndarray) -> bool:
    """Whether enough of the ink a glyph's text draws (`own`) in its box (`cut`) shows on the
    page (`shown`)."""
    if cut is None:  # off the page
        return False
    seen = int(shown[cut].sum())
    return seen >= MIN_INK_PIXELS and seen >= SHOW_SHARE * int(own[cut].sum())


def _why_unseen(c: Char, info: _Info, cut: _Cut, behind: np.ndarray, own: np.ndarray) -> str:
    if info.layer:
        return LAYER_OFF
    if min(c.box.width, c.box.height) < MIN_WORD_PX:
        return TOO_SMALL
    if cut is None:
        return OFF_PAGE
    if int(own[cut].sum()) < MIN_INK_PIXELS:
        return NO_INK
    if _same_as_behind(info, cut, behind, 3 * INK_DIFF):
        return SAME_COLOUR  # or nearly: too faint to show
    return COVERED


def _same_as_behind(info: _Info, cut: _Cut, behind: np.ndarray, tol: int = SAME_TOL) -> bool:
    """Whether the text draws in the colour of what the page has behind it (white on white):
    then it can only show where it crosses other text (as erasures), never as its words."""
    if not info.paints or cut is None:
        return False
    y = (cut[0].start + cut[0].stop) // 2
    x = (cut[1].start + cut[1].stop) // 2
    centre = behind[y, x, ::-1]  # pdfium draws BGR
    if not all(_close(centre, colour, tol) for colour in info.paints):
        return False
    bg = np.median(behind[cut].reshape(-1, 3), axis=0)[::-1]
    return all(_close(bg, colour, tol) for colour in info.paints)


def _close(pixel: Any, colour: tuple[int, int, int], tol: int) -> bool:
    return max(abs(int(v) - int(c)) for v, c in zip(pixel, colour, strict=True)) <= tol


def overlapping_objects(
    chars: Sequence[Char], boxes: Sequence[Box]
) -> tuple[list[set[int]], set[int]]:
    """Text objects whose glyphs lie over other glyphs of another object, in classes no two of
    whose objects overlap (each class is left out of a render in turn); and the characters too
    crowded to tell apart at a bounded cost (more than CROWD glyphs of several objects in one
    spot). The same letter drawn twice in one place (a bold effect) is no overlap: both copies
    stay in one class, so leaving them out shows their ink."""
    cell = 16.0  # pixels at the check resolution: a line of typed text is about one cell high
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    big: list[int] = []
    crowded: set[int] = set()
    flat = [(b.x0, b.y0, b.x1, b.y1, max(b.width * b.height, 1e-6)) for b in boxes]
    for n, b in enumerate(boxes):
        gx0, gx1 = int(b.x0 // cell), int(b.x1 // cell)
        gy0, gy1 = int(b.y0 // cell), int(b.y1 // cell)
        if (gx1 - gx0 + 1) * (gy1 - gy0 + 1) > 64:
            big.append(n)
            continue
        for gx in range(gx0, gx1 + 1):
            for gy in range(gy0, gy1 + 1):
                grid[(gx, gy)].append(n)
    edges: dict[int, set[int]] = defaultdict(set)

    def pair(i: int, j: int, owner: tuple[int, int] | None) -> None:
        a, b = chars[i].obj, chars[j].obj
        if not a or not b or a == b or chars[i].ch == chars[j].ch:
            return
        ax0, ay0, ax1, ay1, aa = flat[i]
        bx0, by0, bx1, by1, ba = flat[j]
        x0, y0 = max(ax0, bx0), max(ay0, by0)
        ix, iy = min(ax1, bx1) - x0, min(ay1, by1) - y0
        if ix <= 0 or iy <= 0 or ix * iy < OVERLAP_SHARE * min(aa, ba):
            return
        if owner is not None and owner != (int(x0 // cell), int(y0 // cell)):
            return  # the pair is met in another cell too: counted once, where it starts
        edges[a].add(b)
        edges[b].add(a)

    for key, members in grid.items():
        if len(members) > CROWD:
            if len({chars[i].obj for i in members}) > 1:
                crowded.update(members)
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pair(i, j, key)
    if len(big) > CROWD:
        crowded.update(big)
    else:
        for i in big:
            for j in range(len(chars)):
                if j != i:
                    pair(i, j, None)
    first: dict[int, int] = {}
    for n, c in enumerate(chars):
        first.setdefault(c.obj, n)
    classes: list[set[int]] = []
    for obj in sorted(edges, key=lambda o: first[o]):
        for cls in classes:
            if not edges[obj] & cls:
                cls.add(obj)
                break
        else:
            classes.append({obj})
    return classes, crowded


def mark_hidden(page: pdfium.PdfPage, chars: Sequence[Char], scale: float) -> None:
    """Set `how` on every character of `chars` (those of `page`'s text page, boxes in pixels at
    `scale`) whose ink does not show on the page. The pixels are compared at CHECK_DPI at most.
    Switches text objects of `page` off and on: the caller must not use `page` for a copy."""
    every = list(page.get_objects(max_depth=16))
    objects = [o.raw for o in every if o.type == pdfium_c.FPDF_PAGEOBJ_TEXT]
    # paths, images, shadings (form XObjects stay on: they hold text)
    others = [o.raw for o in every if o.type not in _CONTAINERS]
    infos: dict[int, _Info] = {}
    for o in objects:
        infos.setdefault(address(o), _info(o))
    plain = _Info()
    undecided: list[Char] = []
    for c in chars:
        c.how = infos.get(c.obj, plain).how
        if not c.how:
            undecided.append(c)
    if not undecided:
        return
    check = min(scale, CHECK_DPI / 72)
    factor = check / scale
    seen = _pixels(page, check)
    everything = {address(o) for o in objects}
    _switch_off(objects, everything)
    behind = _pixels(page, check)
    shown = ink_mask(seen, behind)
    boxes = [_glyph_box(c, factor) for c in undecided]
    cuts = [_slice(b, seen.shape) for b in boxes]
    classes, crowded = overlapping_objects(undecided, boxes)
    contested = set().union(*classes) if classes else set()
    unclear: list[int] = []
    for n, c in enumerate(undecided):
        if n in crowded:
            c.how = OVERDRAWN
        elif _same_as_behind(infos.get(c.obj, plain), cuts[n], behind):
            c.how = SAME_COLOUR
        elif c.obj not in contested and not _clearly_shows(cuts[n], shown):
            unclear.append(n)
    if unclear:  # little ink: as much as the glyph has, or a seam of it?
        _switch_off(objects, set())
        _switch_off(others, {address(o) for o in others})
        own = _own_ink(page, check, seen.shape)
        for n in unclear:
            c = undecided[n]
            if not _shows(cuts[n], shown, own):
                c.how = _why_unseen(c, infos.get(c.obj, plain), cuts[n], behind, own)
    for n, cls in enumerate(classes):
        members = [k for k, c in enumerate(undecided) if c.obj in cls and k not in crowded]
        if n >= MAX_OVERLAP_PASSES:
            for k in members:
                undecided[k].how = OVERDRAWN
            continue
        # What these objects add to the page as it is drawn (text over them included): the
        # page without them against the page with everything; and their own ink, alone.
        _switch_off(others, set())
        _switch_off(objects, cls)
        theirs = ink_mask(seen, _pixels(page, check))
        _switch_off(others, {address(o) for o in others})
        _switch_off(objects, everything - cls)
        alone = _own_ink(page, check, seen.shape)
        for k in members:
            c = undecided[k]
            if not _shows(cuts[k], theirs, alone):
                c.how = _why_unseen(c, infos.get(c.obj, plain), cuts[k], behind, alone)
    _switch_off(objects, set())
    _switch_off(others, set())


def _switch_off(objects: Sequence[Any], off: set[int]) -> None:
    """Switch the objects in `off` off and every other one of `objects` on."""
    for o in objects:
        pdfium_c.FPDFPageObj_SetIsActive(o, address(o) not in off)
