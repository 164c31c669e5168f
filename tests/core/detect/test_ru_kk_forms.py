"""Russian and Kazakh forms the detector finds since issue 10 (branch detect-ru-kk): facilities
named by their kind and name, organisations that are buildings, the space station, places named
by an adjective and a word for their capital, directions before a place, and Kazakh first names
that are common words when someone is addressed by them or a surname follows. Through the real
Detector (the session's, tests/core/detect/conftest.py) and the finders alone."""

from __future__ import annotations

import pytest

from redactor.core.detect.facilities import find_named_facilities_ru, org_is_facility
from redactor.core.detect.ru_kk_names import find_first_names
from redactor.core.detect.ru_kk_places import find_places

IDENTIFYING = {"PERSON", "LOCATION", "ADDRESS", "FACILITY"}


def _covered(detector, text: str, want: str, labels=IDENTIFYING) -> bool:
    """Every letter and digit of want (in text) is inside a span of the labels."""
    spans = [s for s in detector.analyze(text) if s.label in labels]
    s = text.index(want)
    return all(
        any(sp.start <= i < sp.end for sp in spans)
        for i in range(s, s + len(want))
        if text[i].isalnum()
    )


FACILITIES_RU = [
    (
        "Самолёт приземлился в столичном аэропорту «Домодедово» утром.",
        "столичном аэропорту «Домодедово",
    ),
    (
        "Встреча прошла в книжном магазине «Библио-Глобус» на Лубянке.",
        "книжном магазине «Библио-Глобус",
    ),
    ("Он сидит в федеральной тюрьме Нью-Йорка второй год.", "федеральной тюрьме Нью-Йорка"),
    ("Работать он будет в штаб-квартире Google, как и брат.", "штаб-квартире Google"),
    (
        "Суд переедет в комплекс зданий Сената и Синода, сказал он.",
        "комплекс зданий Сената и Синода",
    ),
    ("Кстати, станция метро Московская отделана камнем.", "станция метро Московская"),
    ("Стоки идут из промзоны «Рыбацкое» в реку.", "промзоны «Рыбацкое"),
]


@pytest.mark.parametrize(("text", "want"), FACILITIES_RU, ids=[w for _, w in FACILITIES_RU])
def test_russian_facility_kind_then_name(detector, text, want):
    assert [text[s:e] for s, e in find_named_facilities_ru(text)] == [want]
    assert _covered(detector, text, want, {"FACILITY", "LOCATION"})


def test_russian_kind_word_without_a_name_or_with_a_person_is_no_facility():
    for text in (
        "Он в нашей тюрьме Иван сидит.",  # a first name after the kind word
        "Сидит в колонии Морозов С. А., пишет редко.",  # a surname
        "Мы жили в центре Москвы.",  # "центр" alone is no facility's kind
        "Я был в магазине вчера.",
    ):
        assert find_named_facilities_ru(text) == [], text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("В мае он выступал во Дворце молодёжи перед студентами.", "Дворце молодёжи"),
        ("В субботу в Центральном доме литераторов прощание.", "Центральном доме литераторов"),
        (
            "Вопросы задавались из Космического центра Джонсона в Хьюстоне.",
            "Космического центра Джонсона",
        ),
    ],
)
def test_organisation_that_is_a_building_is_a_facility(detector, text, want):
    assert org_is_facility(want)
    assert _covered(detector, text, want)


def test_organisation_that_is_no_building():
    assert not org_is_facility("Газпром")
    assert not org_is_facility("Министерство обороны")


def test_space_station_and_places_by_adjective_and_direction():
    def found(text):
        return [text[s:e] for s, e, _, _ in find_places(text, "ru")]

    assert "МКС" in found("Астронавт вернётся с МКС на шаттле.")
    assert "афганской столице" in found("Он выступил в афганской столице вчера.")
    assert "крымской автономии" in found("Полномочий у крымской автономии нет.")
    assert "западной Европы" in found("Почти все федерации стран западной Европы за.")
    assert "автономной республики Крым" in found("Жители автономной республики Крым спорят.")
    assert "российской экономике" not in " ".join(found("Он писал о российской экономике."))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Жаңалық осы. Сағыныш, енді бағдарлама туралы айтайық.", "Сағыныш"),
        ("Жұмыс жүріп жатыр. Зейін, жағымды жаңалығым бар.", "Зейін"),
        ("Сюжет дайын. Мерей Қалиасқар, Қанат Әбілдин хабарлады.", "Мерей Қалиасқар"),
        ("Ол келді. Саида нотаны жүрегімен жаттады.", "Саида"),
    ],
)
def test_kazakh_name_opening_a_sentence(detector, text, want):
    assert _covered(detector, text, want, {"PERSON"})


def test_common_word_opening_a_sentence_is_no_name():
    text = "Ол кетті. Сағыныш елге оралуға мәжбүр етті."
    assert [text[s:e] for s, e, _, _ in find_first_names(text, "kk")] == []
