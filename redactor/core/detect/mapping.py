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
