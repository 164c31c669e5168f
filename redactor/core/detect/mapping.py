"""Span-to-box mapping: character spans of a page's text to the boxes of the words they touch.

A span that touches part of a word takes the whole word (a half-hidden name is a leak). The
words of one span on one line become one box; a span running over a line break gets a box
per line."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ..lookalike import skeleton
from ..model import Box, Finding, PageText, Span


def words_for_span(offsets: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """Indexes of the words whose characters intersect [start, end)."""
    starts = [s for s, _ in offsets]
    i = max(0, bisect.bisect_right(starts, start) - 1)
    hits: list[int] = []
    while i < len(offsets) and offsets[i][0] < end:
        s, e = offsets[i]
        if e > start and s < end:
            hits.append(i)
        i += 1
    return hits


# Items that identify only as a whole: on a scan OCR may split one into several words ("madina."
# "k1990@mail.kz") or misread a piece; the span then touches part of it, and every neighbour
# joined to it is taken too.
WHOLE_LABELS = frozenset({"EMAIL", "URL", "PHONE", "ID"})
_JOINS_AFTER = ".@-_/+"  # a word ending so goes on into the next ("madina." "k1990@...")
_JOINS_BEFORE = ".@-_/"  # a word starting so goes on from the one before (not "+": "on" "+7")
_MAX_JOINED = 4


def _joined(page: PageText, a: int, b: int) -> bool:
    """Whether word a and the next word b on its line are one item split by the reader: no
    space between them (their boxes almost touch) or a . @ - _ / + at the joint."""
    wa, wb = page.words[a], page.words[b]
    if wa.line != wb.line or not wa.text or not wb.text:
        return False
    if wa.text[-1] == "." and wb.text[0].isupper():
        return False  # a sentence ends: "... madina@mail.kz." "The ..."
    if wa.text[-1] in _JOINS_AFTER or wb.text[0] in _JOINS_BEFORE:
        return True
    height = max(wa.box.height, wb.box.height, 1.0)
    return wb.box.x0 - wa.box.x1 <= 0.15 * height


def whole_item_words(page: PageText, indexes: list[int]) -> list[int]:
    """`indexes` grown over the neighbouring words joined to them (same line, in reading
    order), up to four on each side."""
    if not indexes:
        return indexes
    out = sorted(set(indexes))
    lo, hi = out[0], out[-1]
    for _ in range(_MAX_JOINED):
        if lo > 0 and _joined(page, lo - 1, lo):
            lo -= 1
        else:
            break
    for _ in range(_MAX_JOINED):
        if hi + 1 < len(page.words) and _joined(page, hi, hi + 1):
            hi += 1
        else:
            break
    return sorted(set(out) | set(range(lo, out[0])) | set(range(out[-1] + 1, hi + 1)))


def boxes_for_words(page: PageText, indexes: Iterable[int]) -> list[Box]:
    by_line: dict[int, Box] = {}
    for i in indexes:
        w = page.words[i]
        by_line[w.line] = w.box if w.line not in by_line else by_line[w.line].union(w.box)
    return [by_line[k] for k in sorted(by_line)]


def spans_to_findings(
    page: PageText,
    spans: Iterable[Span],
    source: str = "detector",
    text: str | None = None,
    offsets: list[tuple[int, int]] | None = None,
) -> list[Finding]:
    """Findings with boxes for spans over `page.text_and_offsets()`; spans over no word are
    dropped. term_key is the span's text, normalised: case and look-alike letters folded (kept
    in memory only)."""
    if text is None or offsets is None:
        text, offsets = page.text_and_offsets()
    found: list[Finding] = []
    for span in spans:
        idx = words_for_span(offsets, span.start, span.end)
        if not idx:
            continue
        if span.label in WHOLE_LABELS:
            idx = whole_item_words(page, idx)
        # look-alike spellings of a term are the same term ("Ospаnov" with a Cyrillic а)
        key = " ".join(skeleton(w) for w in text[span.start : span.end].split())
        found.append(
            Finding(
                page=page.index,
                span=span,
                word_indexes=tuple(idx),
                boxes=tuple(boxes_for_words(page, idx)),
                source=source,
                term_key=key,
            )
        )
    return found
