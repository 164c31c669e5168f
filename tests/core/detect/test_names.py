from __future__ import annotations

import pytest

from redactor.core.detect.names import find_names, looks_like_name


def persons(text: str) -> list[str]:
    return [text[s:e] for lab, s, e, _, _ in find_names(text) if lab == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rank or role, then the name
        ("The investigator, Captain Yerbol Kenzhebayev, hit me.", "Yerbol Kenzhebayev"),
        ("Major Tokarev came in.", "Tokarev"),
        ("the duty officer Sergei Morozov and two guards", "Sergei Morozov"),
        ("judge Gaukhar Amanova refused", "Gaukhar Amanova"),
        ("Следователь капитан Кенжебаев Ербол и его помощник", "Кенжебаев Ербол"),
        ("контролёр Жанибеков ударил", "Жанибеков"),
        ("полковник Сидоренко приказал", "Сидоренко"),
        ("судья Амановой Г. отказала", "Амановой Г."),
        ("кезекші Серік Омаров мені", "Серік Омаров"),
        ("Талғат Бекұлы деген қызметкер ұрды", "Талғат Бекұлы"),
        ("Начальник медчасти Жунусова Асель отказалась", "Жунусова Асель"),
        # initials
        ("it was D. Ospanov who", "D. Ospanov"),
        ("подписал Оспанов Д. вчера", "Оспанов Д."),
        ("помощник начальника колонии Морозов С. А. вместе", "Морозов С. А."),
        ("письмо от С.А. Морозова", "С.А. Морозова"),
        ("A. K. Nurpeisova, advocate", "A. K. Nurpeisova"),  # "A." is an initial, not "a"
        ("investigator Senior Lieutenant T. Zhumabekov said", "T. Zhumabekov"),
        # patronymics
        ("Куәгер — Асқар Нұрланұлы.", "Асқар Нұрланұлы"),
        ("Иван Петрович пришёл", "Иван Петрович"),
        # surname shapes with case endings
        ("с Адилем Султановым и", "Адилем Султановым"),
        ("Жалобу передали Ткаченко и Исаеву", "Исаеву"),
        ("Оспановтың інісі", "Оспановтың"),
        # first names from the list, also in Latin spelling
        ("My wife Dana is afraid.", "Dana"),
        ("Адиль видел синяки.", "Адиль"),
        ("Yerlan wrote to us", "Yerlan"),
    ],
)
def test_finds_name(text, name):
    assert any(name in p or p in name and len(p) >= len(name) - 3 for p in persons(text)), persons(
        text
    )


@pytest.mark.parametrize(
    "text",
    [
        "The weather was cold and nobody came.",
        "Меня задержали и доставили в отдел.",
        "Один из них сказал, что всё хорошо.",  # "Один" ends like a surname but is a word
        "Мен сізге хат жазып отырмын.",
        "Please do not print my name.",
    ],
)
def test_no_name(text):
    assert persons(text) == []


def test_signature_at_the_end_of_a_letter():
    text = "Dear editors,\n\nThey beat him again.\n\nPlease help us.\n\nBolat Yessenov\n"
    assert "Bolat Yessenov" in persons(text)
    ru = "Здравствуйте!\n\nМужа избили.\n\nС уважением,\nгр. Тлеубаева\n"
    assert any("Тлеубаева" in p for p in persons(ru))


def test_looks_like_name():
    assert looks_like_name("Оспановым")
    assert looks_like_name("Ospanova")
    assert looks_like_name("Нұрланұлы")
    assert looks_like_name("Асқар")
    assert not looks_like_name("Жалпы")


@pytest.mark.parametrize(
    ("text", "name", "not_in"),
    [
        ("Дорогая мама!\n\nУ меня всё нормально.\n\nТвой Серёга\n", "Серёга", "Твой"),
        ("Апа, сәлем!\n\nМен аманмын.\n\nҰлың Ерлан\n", "Ерлан", "Ұлың"),
        ("Hi Mum,\n\nI am fine here.\n\nYour Daniyar\n", "Daniyar", "Your"),
    ],
)
def test_signature_without_the_closing_word(text, name, not_in):
    found = persons(text)
    assert name in found, found
    assert not any(not_in in p for p in found), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the person greeted
        ("Қайырлы күн, Бірлік! Ал жолаушылар келді.", "Бірлік"),
        ("Здравствуй, Лёха! Как ты там?", "Лёха"),
        ("Құрметті Сәуле апай, сізге жазып отырмын.", "Сәуле"),
        ("Dear Asel, I am writing again.", "Asel"),
        # a lone name addressed, the next words speaking to "you"
        ("Бірлік, сіз эфирдесіз.", "Бірлік"),
        ("Лёха, ты прости меня.", "Лёха"),
    ],
)
def test_person_greeted_or_addressed(text, name):
    assert name in persons(text), persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sir, I am writing to you.",
        "Dear Editors, please help.",
        "Сондықтан, сіз келіңіз.",
        "Слушай, ты где был?",
    ],
)
def test_no_person_greeted(text):
    assert persons(text) == []
