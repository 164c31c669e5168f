"""A safe plain-text copy of a letter: its words, with each redacted run replaced by a label
placeholder ("[NAME]", "[PLACE]", ...). Unlike a page image, the text copy hides even how long
a hidden word was.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from redactor.core.model import LABEL_PLACEHOLDER, PageText
from redactor.core.plan import Redaction

PAGE_BREAK = "\f"
_EDGE_PUNCT = set(",.;:!?)]}»”’\"'(«“‘[{")


def _placeholder(label: str) -> str:
    return LABEL_PLACEHOLDER.get(label, "[REDACTED]")


def _redaction_of_words(page: PageText, reds: Sequence[Redaction]) -> list[Redaction | None]:
    """For each word of the page, the redaction that hides it (None if it stays): a word is
    hidden when a redaction lists it or its box touches the word's box."""
    out: list[Redaction | None] = [None] * len(page.words)
    for red in reds:
        for i in red.word_indexes:
            if 0 <= i < len(out) and out[i] is None:
                out[i] = red
    for i, w in enumerate(page.words):
        if out[i] is not None:
            continue
        for red in reds:
            if w.box.intersects(red.box):
                out[i] = red
                break
    return out


def _same_item(a: Redaction, b: Redaction) -> bool:
    """Two redactions of adjacent words belong to one hidden item."""
    if a.id == b.id:
        return True
    return bool(a.group) and a.group == b.group and a.label == b.label


def _split_edges(text: str) -> tuple[str, str]:
    """Leading and trailing punctuation of a word (kept: it says nothing about the word)."""
    i = 0
    while i < len(text) and text[i] in _EDGE_PUNCT:
        i += 1
    j = len(text)
    while j > i and text[j - 1] in _EDGE_PUNCT:
        j -= 1
    return text[:i], text[j:]


def page_text(page: PageText, reds: Sequence[Redaction]) -> str:
    """The page's text (layout as `PageText.text_and_offsets`) with redacted runs replaced."""
    hidden = _redaction_of_words(page, reds)
    text, offsets = page.text_and_offsets()
    parts: list[str] = []
    pos = 0
    i = 0
    n = len(page.words)
    while i < n:
        red = hidden[i]
        if red is None:
            i += 1
            continue
        j = i
        while j + 1 < n and (nxt := hidden[j + 1]) is not None and _same_item(red, nxt):
            j += 1
        start, end = offsets[i][0], offsets[j][1]
        lead, _ = _split_edges(page.words[i].text)
        _, trail = _split_edges(page.words[j].text)
        parts.append(text[pos:start])
        parts.append(lead + _placeholder(red.label) + trail)
        pos = end
        i = j + 1
    parts.append(text[pos:])
    return "".join(parts)


def render_txt(pages: Sequence[PageText], boxes_by_page: Mapping[int, Sequence[Redaction]]) -> str:
    """The whole letter as text: pages separated by a form feed on its own line."""
    texts = [page_text(p, boxes_by_page.get(p.index, ())) for p in pages]
    return ("\n" + PAGE_BREAK + "\n").join(texts) + "\n"


def write_txt(
    pages: Sequence[PageText],
    boxes_by_page: Mapping[int, Sequence[Redaction]],
    out_path: str | os.PathLike[str] | BinaryIO,
) -> None:
    """Letter's text with each redacted run of words replaced by its label placeholder; adjacent
    words of one redaction collapse into one placeholder; pages separated by a form feed.
    UTF-8, no byte-order mark."""
    data = render_txt(pages, boxes_by_page).encode("utf-8")
    if isinstance(out_path, (str, os.PathLike)):
        with open(Path(out_path), "wb") as fh:
            fh.write(data)
    else:
        out_path.write(data)
