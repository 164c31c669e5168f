"""Items that identify as a whole (e-mail, URL, phone, ID) are hidden whole on scans, and the
final check looks for their parts."""

from __future__ import annotations

import pytest

from redactor.core.detect.mapping import spans_to_findings, whole_item_words
from redactor.core.items import item_parts
from redactor.core.model import Box, PageText, Span, Word


def _line(*parts: tuple[str, float]) -> PageText:
    """Words on one line; each part is (text, gap in px before it). Letters are 16 px wide."""
    words, x = [], 100.0
    for text, gap in parts:
        x += gap
        words.append(Word(text, Box(x, 200, x + 16 * len(text), 230), 90.0, line=3))
        x += 16 * len(text)
    return PageText(0, 1654, 2339, 200, tuple(words))


def test_an_email_split_by_ocr_is_taken_whole() -> None:
    page = _line(("at", 0), ("madina.", 12), ("k1990@mail.kz", 12), ("soon,", 12))
    text, offsets = page.text_and_offsets()
    start = text.index("k1990")
    [finding] = spans_to_findings(
        page, [Span(start, start + 13, "EMAIL")], text=text, offsets=offsets
    )
    assert finding.word_indexes == (1, 2)
    assert finding.boxes == (page.words[1].box.union(page.words[2].box),)


def test_pieces_without_a_space_between_are_joined_but_spaced_words_are_not() -> None:
    page = _line(("call", 0), ("8701", 12), ("555", 2), ("1234", 2), ("today", 12))
    assert whole_item_words(page, [2]) == [1, 2, 3]
    # a person's name is not grown
    text, offsets = page.text_and_offsets()
    s = text.index("555")
    [f] = spans_to_findings(page, [Span(s, s + 3, "PERSON")], text=text, offsets=offsets)
    assert f.word_indexes == (2,)


def test_the_words_around_an_item_stay_when_only_spaced_or_a_sentence_ends() -> None:
    page = _line(("call", 0), ("on", 12), ("+7", 12), ("701", 12), ("5551234.", 12), ("The", 12))
    assert whole_item_words(page, [2, 3, 4]) == [2, 3, 4]


def test_an_id_split_at_a_hyphen_is_taken_whole() -> None:
    page = _line(("colony", 0), ("ЛА-", 12), ("155/18", 12), ("is", 12), ("far", 12))
    assert whole_item_words(page, [2]) == [1, 2]


@pytest.mark.parametrize(
    "label, texts, parts",
    [
        ("EMAIL", ["madina.", "k1990@mail.kz"], ["madina.k1990", "mail.kz", "madina", "k1990"]),
        ("EMAIL", ["info@ospanov-law.kz"], ["ospanov-law.kz", "ospanov-law"]),
        ("PHONE", ["+7", "(701)", "555-12-34"], ["77015551234"]),
        ("ID", ["ИИН", "880101300123"], ["880101300123"]),
        ("ID", ["ИК-6"], []),  # too few digits to look for alone
    ],
)
def test_the_parts_the_final_check_looks_for(
    label: str, texts: list[str], parts: list[str]
) -> None:
    assert item_parts(label, texts) == parts
