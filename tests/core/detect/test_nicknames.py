"""Nicknames and diminutives: the table (resources/recognizers/diminutives.tsv), propagation
across a letter's pages, and a diminutive written on its own. Through the real Detector."""

from __future__ import annotations

import pytest

from redactor.core.detect.nicknames import is_ambiguous, lookup, related_names
from redactor.core.detect.propagate import propagate
from redactor.core.model import Span


def _found(text, spans, word, labels=("PERSON", "TERM")):
    s = text.index(word)
    e = s + len(word)
    return any(sp.label in labels and sp.start <= s and e <= sp.end for sp in spans)


def _show(text, spans):
    return [(text[s.start : s.end], s.label) for s in spans]


def test_table_relates_full_names_and_diminutives_both_ways():
    assert {"Толя", "Толик", "Толян", "Тоша"} <= set(related_names("Анатолий"))
    assert "Анатолий" in related_names("Толик")
    assert "Толик" in related_names("Анатолием")  # a case form of the full name
    assert {"Bob", "Bobby", "Rob"} <= set(related_names("Robert"))
    assert {"Бауке", "Баха"} <= set(related_names("Бауыржан"))
    # case forms and the Latin spelling of a diminutive
    assert lookup("Толику") == ("Толик",)
    assert "Толя" in lookup("Толей")
    assert lookup("Tolik") == ("Толик",)
    assert is_ambiguous("Вера") and is_ambiguous("Will") and not is_ambiguous("Толик")


def test_propagate_full_name_to_diminutives_and_back():
    """propagate() alone (no NER): a marked full name brings its diminutives in every case
    form and in Latin letters; a marked diminutive brings the full name."""
    pages = [
        "Пишет вам Анатолий Ким.",
        "Передай Толику привет, мы с Толей дружим. Tolik knows. Тоша тоже.",
        "Меня зовут Толик.",
        "Анатолий Петрович просил передать.",
    ]
    spans = [[Span(10, 22, "PERSON", 0.9, "test")], [], [], []]
    out = propagate(pages[:2], spans[:2])
    got = [pages[1][s.start : s.end] for s in out[1]]
    assert {"Толику", "Толей", "Tolik", "Тоша"} <= set(got), got
    out = propagate(pages[2:], [[Span(11, 16, "PERSON", 0.9, "test")], []])
    assert [pages[3][s.start : s.end] for s in out[1]] == ["Анатолий"]


def test_marked_full_name_finds_diminutives_on_other_pages(detector):
    pages = [
        "Пишет вам Анатолий Ким из колонии.",
        "Толик болен. Передай Толику привет, мы с Толей дружим. Tolik knows, Tolya too.",
        "Вчера Толя звонил маме.",
    ]
    out = detector.analyze_many(pages)
    for word in ("Толик", "Толику", "Толей", "Tolik", "Tolya"):
        assert _found(pages[1], out[1], word), (word, _show(pages[1], out[1]))
    assert _found(pages[2], out[2], "Толя"), _show(pages[2], out[2])


def test_marked_diminutive_finds_the_full_name(detector):
    pages = ["Меня зовут Толик, я пишу из колонии.", "Анатолий Петрович просил передать."]
    out = detector.analyze_many(pages)
    assert _found(pages[1], out[1], "Анатолий"), _show(pages[1], out[1])


def test_kazakh_diminutive_propagated(detector):
    pages = ["Хатты Бауыржан жазды.", "Бауке ауырып қалды. Бахаға сәлем айт."]
    out = detector.analyze_many(pages)
    assert _found(pages[1], out[1], "Бауке"), _show(pages[1], out[1])
    assert _found(pages[1], out[1], "Бахаға"), _show(pages[1], out[1])


def test_english_nickname_propagated(detector):
    pages = ["Robert Miller wrote this letter.", "Tell the guard that Bob and Bobby are ill."]
    out = detector.analyze_many(pages)
    assert _found(pages[1], out[1], "Bob"), _show(pages[1], out[1])
    assert _found(pages[1], out[1], "Bobby"), _show(pages[1], out[1])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Толик сказал, что придёт.", "Толик"),
        ("Передай Сане, что я жду.", "Сане"),
        ("Вчера приходил Серёга с братом.", "Серёга"),
        ("Мама, привет. Бауке кеше келді.", "Бауке"),
        ("Yesterday Sasha brought the parcel.", "Sasha"),
        ("Tolya and Tosha came to the visit.", "Tolya"),
        ("Мы с Верой ходили в суд.", "Верой"),
    ],
)
def test_standalone_diminutive_is_a_person(detector, text, word):
    spans = detector.analyze(text)
    assert _found(text, spans, word, ("PERSON",)), _show(text, spans)


def test_diminutive_that_is_a_common_word_at_sentence_start():
    from redactor.core.detect.nicknames import find_diminutives

    text = "Will you come? Поля были зелёные. Света не было. Who Will Win Tonight"
    assert find_diminutives(text) == []
    text2 = "I asked Will yesterday. Передай Вере привет."
    assert [text2[s:e] for s, e in find_diminutives(text2)] == ["Will", "Вере"]


def test_propagated_common_word_opening_a_sentence_is_left(detector):
    pages = ["William Carter wrote to us.", "Will you answer? I saw Will there."]
    out = detector.analyze_many(pages)
    text = pages[1]
    found = [s.start for s in out[1] if text[s.start : s.end] == "Will"]
    assert found == [text.rindex("Will")], _show(text, out[1])
