"""Russian and Kazakh places and first names in their case forms, through the real Detector
(natasha, presidio, the gazetteers of ru_kk_places.py and ru_kk_names.py)."""

from __future__ import annotations

import pytest

from redactor.core.detect.ru_kk_names import find_first_names
from redactor.core.detect.ru_kk_places import _kk_chain, find_places

IDENTIFYING = {"PERSON", "LOCATION", "ADDRESS", "FACILITY"}


def covered(detector, text: str, lang: str = "auto") -> set[str]:
    """The words of text that identifying spans cover entirely."""
    spans = [s for s in detector.analyze(text, lang) if s.label in IDENTIFYING]
    out = set()
    pos = 0
    for word in text.split():
        start = text.index(word, pos)
        pos = start + len(word)
        w = word.strip(".,!?«»()")
        ws = text.index(w, start)
        if any(s.start <= ws and ws + len(w) <= s.end for s in spans):
            out.add(w)
    return out


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Kazakh case and possessive suffixes on countries and cities
        (
            "Ол өткен жылы Қытайдан оралды, Қарағандыдағы туыстарымыз қуанды.",
            {"Қытайдан", "Қарағандыдағы"},
        ),
        ("Анам АҚШ-та тұрады, әкем Ресейдің шекарасында.", {"АҚШ-та", "Ресейдің"}),
        ("Ағам Америка Құрама Штаттарының азаматы.", {"Америка", "Құрама", "Штаттарының"}),
    ],
)
def test_place_in_kazakh_case_form(detector, text, places):
    assert places <= covered(detector, text, "kk")


def test_russian_place_in_oblique_case(detector):
    # natasha reads "Голосу Америки" and "Совет Европы" as organisations: the place inside
    # them, in the genitive, is still a place
    text = "Брат дал интервью «Голосу Америки», а потом его пригласили в Совет Европы."
    assert {"Америки", "Европы"} <= covered(detector, text, "ru")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # a Kazakh kind word after the name ("аулы", with a case suffix)
        ("Ол өткен жылы Ақтерек аулына көшті.", "kk", "Ақтерек"),
        # a region keeps its kind word, a state its "Республикасы"
        ("Олар Ақмола облысының тұрғындары.", "kk", "Ақмола облысының"),
        ("Ол Қырғыз Республикасының азаматы.", "kk", "Қырғыз Республикасының"),
        # a plural kind word names every place listed before it
        ("Біз Қарабұлақ, Көктерек және Жаңаауыл ауылдарында болдық.", "kk", "Қарабұлақ"),
        # a Russian kind word before the name belongs to the place
        ("Мы жили у реки Ишим, потом в республике Татарстан.", "ru", "республике Татарстан"),
    ],
)
def test_region_with_its_kind_word(detector, text, lang, place):
    spans = detector.analyze(text, lang)
    s = text.index(place)
    assert any(
        sp.start <= s and s + len(place) <= sp.end and sp.label in IDENTIFYING for sp in spans
    ), place


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ғалымжанға хат жаздым, ол әлі жауап берген жоқ.", "Ғалымжанға"),
        ("Кеше Сырымның інісі келді.", "Сырымның"),
        ("Сәлем айт, Клара апайға да.", "Клара"),
        ("Бұл үйде Бегалиевтер отбасы тұрады.", "Бегалиевтер"),
        ("Ұлы Абай мен әл-Фарабидің мұрасы.", "әл-Фарабидің"),
    ],
)
def test_kazakh_name_with_a_suffix(detector, text, name):
    assert name in covered(detector, text, "kk")


@pytest.mark.parametrize(
    "text",
    [
        # capitalised common Kazakh words at a sentence start (also place or first names)
        "Қара шай ішейік. Жақсы болды. Отан алдында борыш бар.",
        "Арман көп. Талант керек. Бақыт деген не?",
    ],
)
def test_common_kazakh_word_at_sentence_start_is_no_finding(text):
    assert find_places(text, "kk") == []
    assert find_first_names(text, "kk") == []


def test_common_russian_word_at_sentence_start_is_no_place(detector):
    # "Орёл" and "Мирный" are towns, but here a bird and an adjective
    text = "Орёл сидел на скале. Мирный договор подписан вчера."
    assert find_places(text, "ru") == []
    assert not {"Орёл", "Мирный"} & covered(detector, text, "ru")


def test_kind_word_needs_its_possessive_form():
    # "көлемі" (volume) and "көлік" (vehicle) start like "көл" (lake) but are not kind words
    assert find_places("Өндіріс көлемі өсті. Жүк көлігі келді.", "kk") == []
    assert _kk_chain("дағы") and _kk_chain("ымыздың") and not _kk_chain("лық")
