"""Addresses as one span with their numbers; settlements and institutions named by their kind
and their name or number. Through the real Detector (presidio, natasha, spaCy, patterns)."""

from __future__ import annotations

import pytest

from redactor.core.detect.addresses import find_addresses


def _covered(text, spans, want, labels=None):
    """True if every letter and digit of `want` (in text) is inside a span of the labels."""
    s = text.index(want)
    e = s + len(want)
    sps = [sp for sp in spans if labels is None or sp.label in labels]
    return all(any(sp.start <= i < sp.end for sp in sps) for i in range(s, e) if text[i].isalnum())


def _one_address(text, spans, want):
    """One ADDRESS span covers the whole address."""
    s = text.index(want)
    e = s + len(want)
    return any(sp.label == "ADDRESS" and sp.start <= s and e <= sp.end for sp in spans)


ADDRESSES = [
    ("Пишите мне: ул. Абая, д. 12, кв. 5, я жду.", "ул. Абая, д. 12, кв. 5"),
    ("Мама живёт на улица Ленина 5-17 до сих пор.", "улица Ленина 5-17"),
    ("Наш дом: пр. Абая 150/230, это центр.", "пр. Абая 150/230"),
    ("My mother lives at 12 Abai Ave, apt 5 in the centre.", "12 Abai Ave, apt 5"),
    ("Send it to Flat 3, 14 Green Street, please.", "Flat 3, 14 Green Street"),
    ("Хатты мына мекенжайға жібер: Абай көшесі, 12-үй, 5-пәтер.", "Абай көшесі, 12-үй, 5-пәтер"),
    ("Живём теперь в мкр. Самал-2, д. 3, приезжай.", "мкр. Самал-2, д. 3"),
    ("Адрес для писем: 050000, г. Алматы, ул. Абая 5.", "050000, г. Алматы, ул. Абая 5"),
    ("Пишите на 050000, г. Алматы до востребования.", "050000, г. Алматы"),
    ("Посылки шлите на а/я 15, спасибо.", "а/я 15"),
]


@pytest.mark.parametrize(("text", "want"), ADDRESSES, ids=[w for _, w in ADDRESSES])
def test_address_is_one_span(detector, text, want):
    spans = detector.analyze(text)
    assert _one_address(text, spans, want), [(text[s.start : s.end], s.label) for s in spans]


def test_address_on_two_lines_is_one_span():
    text = "Адрес:\n050000, г. Алматы,\nул. Абая, д. 12, кв. 5\nЖду ответа."
    assert [text[s:e] for s, e in find_addresses(text)] == [
        "050000, г. Алматы,\nул. Абая, д. 12, кв. 5"
    ]


def test_a_town_alone_or_a_court_is_no_address(detector):
    text = "Он из г. Алматы, и всё. The Supreme Court ruled on it. Room service came."
    spans = detector.analyze(text)
    assert not [s for s in spans if s.label == "ADDRESS"]


SETTLEMENTS = [
    ("Мама живёт в посёлке Заречный уже давно.", "Заречный"),
    ("Он родом из пос. Ботакара, это недалеко.", "Ботакара"),
    ("Он родом из п. Ботакара, это недалеко.", "Ботакара"),
    ("Брат живёт в селе Кенес у дяди.", "Кенес"),
    ("Брат живёт в с. Кенес у дяди.", "Кенес"),
    ("Живу в ауле Шаян с мамой.", "Шаян"),
    ("Мы жили в деревне Ивановка до войны.", "Ивановка"),
    ("Он из станицы Вёшенская родом.", "Вёшенская"),
    ("Приезжай в город Темиртау к нам.", "Темиртау"),
    ("Приезжай в г. Темиртау к нам.", "Темиртау"),
    ("Это было в Бухар-Жырауском районе летом.", "Бухар-Жырауском"),
    ("Анам Шаян ауылында тұрады.", "Шаян"),
    ("Інім Қарнақ аулында тұрады.", "Қарнақ"),
    ("Ол Кеңөзек селолық округіне қарасты ауылда.", "Кеңөзек"),
    ("Біз Сайрам ауданында тұрамыз.", "Сайрам"),
    ("Ол Қарағанды облысында отыр.", "Қарағанды"),
    ("Анам Түркістан қаласында тұрады.", "Түркістан"),
]


@pytest.mark.parametrize(("text", "want"), SETTLEMENTS, ids=[t for t, _ in SETTLEMENTS])
def test_settlement_named_by_kind(detector, text, want):
    spans = detector.analyze(text)
    assert _covered(text, spans, want), [(text[s.start : s.end], s.label) for s in spans]


INSTITUTIONS = [
    ("Он сидит в ИК-2 уже год.", "ИК-2"),
    ("Перевели в УГ-157/2 весной.", "УГ-157/2"),
    ("Держали в СИЗО-1 месяц.", "СИЗО-1"),
    ("Его положили в ЛИУ-3 с туберкулёзом.", "ЛИУ-3"),
    ("Ночь провёл в ИВС Заречного района.", "ИВС Заречного района"),
    ("Он в исправительной колонии №3 под Карагандой.", "исправительной колонии №3"),
    ("Перевели в колонию-поселение №12 в марте.", "колонию-поселение №12"),
    ("Его этапировали в колонию в посёлке Долинка.", "колонию в посёлке Долинка"),
    ("He was moved to the prison hospital in Temirtau last week.", "prison hospital in Temirtau"),
    ("He spent two years in Karaganda prison before that.", "Karaganda prison"),
    ("She is held in penal colony No. 6 now.", "penal colony No. 6"),
    ("Ол Қарағандыдағы түзеу колониясында отыр.", "Қарағандыдағы түзеу колониясында"),
    ("Ол 158/2 түзеу колониясында отыр.", "158/2 түзеу колониясында"),
    ("Ол нөмірі 3 түзеу колониясына ауыстырылды.", "нөмірі 3 түзеу колониясына"),
    ("Учится в школе № 5 и в 12-й школе тоже.", "школе № 5"),
    ("Біз нөмірі 353-інші сайлау учаскесінде тұрмыз.", "нөмірі 353-інші сайлау учаскесінде"),
    ("Ақтөбедегі «Шағала» шипажайында болдық.", "Шағала"),
    ("Атырау – Астрахань күрежолын жөндеу керек.", "Атырау – Астрахань"),
]


@pytest.mark.parametrize(("text", "want"), INSTITUTIONS, ids=[w for _, w in INSTITUTIONS])
def test_institution_named_by_kind(detector, text, want):
    spans = detector.analyze(text)
    assert _covered(text, spans, want, {"FACILITY"}), [
        (text[s.start : s.end], s.label) for s in spans
    ]


def test_numbers_that_are_years_are_no_institution(detector):
    text = "Ол 2019 жылы мектепке барды. 3 бала мектепке барды."
    spans = detector.analyze(text)
    assert not [s for s in spans if s.label == "FACILITY"]


def test_kazakh_facility_named_before_its_kind():
    from redactor.core.detect.facilities import find_named_facilities

    def found(text):
        return [text[s:e] for s, e in find_named_facilities(text)]

    assert found("Ұшақ Алматы әуежайынан ұшты.") == ["Алматы әуежайынан"]
    assert found("Отырыс Бейбітшілік және келісім сарайында өтті.") == [
        "Бейбітшілік және келісім сарайында"
    ]
    assert found("Компания Павлодар мұнай-химия зауытынан шықты.") == [
        "Павлодар мұнай-химия зауытынан"
    ]
    # the sentence's first word, a pronoun in between, a plural: no facility
    assert found("Қазір аурухана жабық.") == []
    assert found("Серік Омаров мені айыппұл изоляторына қамады.") == []
    assert found("Ол Ақтөбе мектептерінің бірінде.") == []
