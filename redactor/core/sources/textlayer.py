"""A PDF text layer as words: characters with boxes grouped into words, lines and blocks, and
split into the words whose ink shows on the page and those it does not (`ink.py` decides per
character)."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Box, Word

# Why a word is not visible, for the words found by their size (`ink.py` names the others).
TOO_SMALL = "too small to read"
TOO_NARROW = "squeezed too narrow to read"
# Below this size (pixels at the working DPI, the smaller side of a word's box) a word cannot
# be read; a word whose letters are on average narrower than this share of their height has
# been squeezed into a smear (horizontal scaling, a flattened matrix).
MIN_WORD_PX = 3.0
MIN_ASPECT = 0.12


class Char:
    """One character of a text layer: its box (the font's advance and height, the box a
    redaction covers), its glyph's ink box, the text object that draws it, and why it is not
    visible ('' while it is)."""

    __slots__ = ("ch", "box", "ink", "obj", "how")

    def __init__(self, ch: str, box: Box, ink: Box | None = None, obj: int = 0) -> None:
        self.ch = ch
        self.box = box
        self.ink = ink if ink is not None else box
        self.obj = obj
        self.how = ""


@dataclass(frozen=True)
class TextLayer:
    """Words whose ink is visible, and words the page does not show with why (`hows`, one per
    hidden word, never the text)."""

    words: tuple[Word, ...] = ()
    hidden: tuple[Word, ...] = ()
    hows: tuple[str, ...] = ()


def split_layer(chars: list[Char | None], rotation: int = 0) -> TextLayer:
    """Group the visible characters into words (a hidden one breaks a word, so visible 'Dear'
    and a white 'Ospanov' right after it stay apart), hide the words too small or too squeezed
    to read, and group the hidden characters into words per reason."""
    starts: list[int] = []
    words = _group_words([_item(c, _shows) for c in chars], rotation, starts)
    resized = False
    for start, word in zip(starts, words, strict=True):
        letters = _word_chars(chars, start, len(word.text))
        how = _size_how(word, letters)
        if how:
            for c in letters:
                c.how = how
            resized = True
    if resized:
        words = _group_words([_item(c, _shows) for c in chars], rotation)
    hidden: list[tuple[int, Word, str]] = []
    for how in dict.fromkeys(c.how for c in chars if c is not None and c.how):
        starts = []
        found = _group_words([_item(c, _because(how)) for c in chars], rotation, starts)
        hidden += [(start, word, how) for start, word in zip(starts, found, strict=True)]
    hidden.sort(key=lambda t: t[0])
    return TextLayer(
        words=tuple(words),
        hidden=tuple(w for _, w, _ in hidden),
        hows=tuple(h for _, _, h in hidden),
    )


def _shows(c: Char) -> bool:
    return not c.how


def _because(how: str) -> Callable[[Char], bool]:
    return lambda c: c.how == how


def _item(c: Char | None, wanted: Callable[[Char], bool]) -> tuple[str, Box] | None:
    if c is None:
        return None
    if c.ch == " " or not wanted(c):
        return (" ", c.box)
    return (c.ch, c.box)


def _word_chars(chars: list[Char | None], start: int, length: int) -> list[Char]:
    out: list[Char] = []
    for n in range(start, len(chars)):
        c = chars[n]
        if c is None or len(out) >= length:
            break
        if c.ch != " ":
            out.append(c)
    return out


def _size_how(word: Word, chars: list[Char]) -> str:
    """A word too small or too squeezed to read (words of letters and digits only: a line of
    dots or underscores is rightly thin)."""
    letters = [c for c in chars if c.ch.isalnum()]
    if not letters:
        return ""
    if min(word.box.width, word.box.height) < MIN_WORD_PX:
        return TOO_SMALL
    aspects = [
        min(c.box.width, c.box.height) / max(c.box.width, c.box.height, 1e-6) for c in letters
    ]
    if len(letters) >= 2 and statistics.median(aspects) < MIN_ASPECT:
        return TOO_NARROW
    return ""


# --- grouping characters into words ---------------------------------------------------------


def _script(ch: str) -> str:
    """'w' for Latin, Greek, Cyrillic and digits (the letters' scripts, whose look-alikes mix
    inside one word), 'o' for other letters, '' for anything else."""
    if not ch.isalnum():
        return ""
    code = ord(ch)
    if code < 0x0250 or 0x0370 <= code < 0x0530 or 0x1E00 <= code < 0x2000:
        return "w"
    return "o"


# Reading direction in pixel space per /Rotate: (axis, sign) of the way text runs, and of
# the way lines follow each other.
_RUN = {0: (0, 1), 90: (1, 1), 180: (0, -1), 270: (1, -1)}
_LINES = {0: (1, 1), 90: (0, -1), 180: (1, -1), 270: (0, 1)}


def _span(box: Box, axis: int, sign: int) -> tuple[float, float]:
    lo, hi = (box.x0, box.x1) if axis == 0 else (box.y0, box.y1)
    return (lo, hi) if sign > 0 else (-hi, -lo)


def _group_words(
    chars: list[tuple[str, Box] | None], rotation: int = 0, starts: list[int] | None = None
) -> list[Word]:
    """Chars (None = line break, " " = space) to words with line and block numbers. A word
    also ends where the text layer has no space but the glyphs are apart, or where the script
    changes between Latin/Cyrillic and another (broken text layers run words together).
    `starts`, when given, receives the index in `chars` of each word's first character."""
    run_axis, run_sign = _RUN.get(rotation, _RUN[0])
    line_axis, line_sign = _LINES.get(rotation, _LINES[0])
    words: list[Word] = []
    line = 0
    block = 0
    cur_text: list[str] = []
    cur_box: Box | None = None
    cur_start = 0
    line_boxes: list[Box] = []
    prev_line_box: Box | None = None

    def cross(box: Box) -> float:
        return max(box.height if run_axis == 0 else box.width, 1.0)

    def flush() -> None:
        nonlocal cur_text, cur_box
        if cur_text and cur_box is not None:
            words.append(Word("".join(cur_text), cur_box, 100.0, line, block, "text"))
            if starts is not None:
                starts.append(cur_start)
            line_boxes.append(cur_box)
        cur_text, cur_box = [], None

    def end_line() -> None:
        nonlocal line, line_boxes, prev_line_box
        flush()
        if line_boxes:
            lb = line_boxes[0]
            for b in line_boxes[1:]:
                lb = lb.union(b)
            line += 1
            prev_line_box = lb
        line_boxes = []

    for n, item in enumerate(chars):
        if item is None:
            end_line()
            continue
        ch, box = item
        if ch == " ":
            flush()
            continue
        if cur_box is not None:
            start, _ = _span(box, run_axis, run_sign)
            cur_start_px, cur_end = _span(cur_box, run_axis, run_sign)
            if start < cur_start_px - 2 * cross(box):
                # Text jumped back without a line break: a new line in reading order.
                end_line()
            elif start - cur_end > 0.4 * cross(box):
                flush()  # glyphs apart with no space between them in the text layer
            elif cur_text:
                a, b = _script(cur_text[-1]), _script(ch)
                if a and b and a != b:
                    flush()
        if not cur_text and not line_boxes and prev_line_box is not None:
            prev_lo, prev_hi = _span(prev_line_box, line_axis, line_sign)
            lo, _hi = _span(box, line_axis, line_sign)
            size = max(prev_hi - prev_lo, 1.0)
            gap = lo - prev_hi
            if gap > 0.5 * size or gap < -3 * size:
                block += 1
        if not cur_text:
            cur_start = n
        cur_text.append(ch)
        cur_box = box if cur_box is None else cur_box.union(box)
    end_line()
    return words
