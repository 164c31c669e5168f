from __future__ import annotations

from redactor.core.detect.propagate import expand_term, propagate
from redactor.core.detect.translit import cyrillic_variant, latin_variants
from redactor.core.model import Span


def test_expand_term_russian_forms_and_latin():
    forms = expand_term("Султановым")
    assert "Султанов" in forms
    assert "Sultanov" in forms
    fem = expand_term("Семёновой")
    assert any(f in ("Семёнова", "Семенова") for f in fem)


def test_expand_term_kazakh():
    assert "Zhumabayev" in expand_term("Жұмабаев")
    assert "Оспанов" in expand_term("Оспановтың")
    assert "Ospanov" in expand_term("Оспанов")


def test_transliteration_both_ways():
    assert "Yessenov" in latin_variants("Есенов")
    assert cyrillic_variant("Zhumabayev") == "Жумабаев"
    assert cyrillic_variant("Ospanov") == "Оспанов"


def _texts_with(texts, spans):
    return [[t[s.start : s.end] for s in sps] for t, sps in zip(texts, spans, strict=True)]


def test_propagate_across_pages_forms_parts_and_scripts():
    pages = [
        "Пишет вам Ерлан Муканов из колонии.",
        "Брата Муканова избили. Ерлан болен. Yerlan Mukanov, IIN 870215300534.",
        "Мукановтың ісі. Ерланға хат.",
    ]
    spans = [[Span(10, 23, "PERSON", 0.85, "natasha PER")], [], []]
    out = _texts_with(pages, propagate(pages, spans))
    assert "Муканова" in out[1] and "Ерлан" in out[1]
    assert any("Mukanov" in x for x in out[1]) and any("Yerlan" in x for x in out[1])
    assert "Мукановтың" in out[2] and "Ерланға" in out[2]
    why = propagate(pages, spans)[1][0].why
    assert why.startswith("propagated from term #") and "Муканов" not in why


def test_propagate_ids_exactly_and_not_lowercase_words():
    pages = ["ИИН 870215300534, жена Дана.", "Повторяю: 870215300534. Ему даны права."]
    spans = [
        [Span(4, 16, "ID", 0.95, "kz_iin_bin"), Span(23, 27, "PERSON", 0.85, "natasha PER")],
        [],
    ]
    out = _texts_with(pages, propagate(pages, spans))
    assert "870215300534" in out[1]
    assert "даны" not in out[1]  # a lowercase common word is not the name
