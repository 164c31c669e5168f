"""Dates in English, Russian and Kazakh, absolute and relative (issue 10), through the real
Detector: every form must come out as one DATE finding covering the whole phrase, and a few
numbers that are not dates must not."""

from __future__ import annotations

import pytest

from redactor.core.detect.dates import find_dates, kk_forms


def date_cover(detector, text: str, lang: str) -> bytearray:
    cov = bytearray(len(text))
    for sp in detector.analyze(text, lang):
        if sp.label == "DATE":
            for i in range(sp.start, sp.end):
                cov[i] = 1
    return cov


def assert_date(detector, text: str, phrase: str, lang: str) -> None:
    start = text.index(phrase)
    cov = date_cover(detector, text, lang)
    missed = [c for i, c in enumerate(phrase) if not c.isspace() and not cov[start + i]]
    assert not missed, f"{phrase!r} not all a DATE in {text!r}: {cov[start : start + len(phrase)]}"


def assert_no_date(detector, text: str, word: str, lang: str) -> None:
    start = text.index(word)
    cov = date_cover(detector, text, lang)
    assert not any(cov[start : start + len(word)]), f"{word!r} taken for a date in {text!r}"


RU = [
    ("Меня перевели 3 января 2019 г. в другой отряд.", "3 января 2019 г."),
    ("Свидание было 11-го января 2021 года, потом отменили.", "11-го января 2021 года"),
    ("Нас водили в баню в конце января, сказали ждать.", "в конце января"),
    ("Адвокат приходил на прошлой неделе и ничего не сказал.", "на прошлой неделе"),
    ("Позавчера меня опять вызывали к начальнику.", "Позавчера"),
    ("Его увезли вчера вечером в больницу.", "вчера вечером"),
    ("В понедельник был обыск в камере.", "понедельник"),
    ("Во вторник утром пришла проверка.", "вторник утром"),
    ("Передачу приняли в среду, а письмо нет.", "среду"),
    ("В 2019 году меня осудили на пять лет.", "2019 году"),
    ("Справка от 03.01.2019 лежит у адвоката.", "03.01.2019"),
    ("Карантин был с 3 по 5 января, никого не пускали.", "3 по 5 января"),
    ("Ещё в 90-х годах тут была другая зона.", "90-х годах"),
    ("Летом 2019 года нас перевели в Павлодар.", "Летом 2019 года"),
    ("Били за два дня до Нового года, при всех.", "два дня до Нового года"),
    ("Накануне Пасхи устроили шмон.", "Накануне Пасхи"),
    ("Курбан айт отмечали тайком.", "Курбан айт"),
    ("Это было пять лет назад, в другой колонии.", "пять лет назад"),
    ("В прошлом году мне отказали в УДО.", "В прошлом году"),
]

# a month in every case form
RU_MONTHS = [
    ("Январь выдался холодным, батареи не грели.", "Январь"),
    ("В январе нас не выводили на прогулку.", "январе"),
    ("Суд перенесли на январь.", "январь"),
    ("С январём пришли новые правила.", "январём"),
    ("До февраля ждать ответа.", "февраля"),
    ("Приговор вынесли в марте.", "марте"),
    ("Письмо от 8 Марта так и не дошло.", "8 Марта"),
    ("С мая по август я был в карантине.", "мая по август"),
    ("В сентябре стало хуже.", "сентябре"),
    ("Сентябрём кончилось лето.", "Сентябрём"),
    ("К декабрю обещали перевод.", "декабрю"),
]

EN = [
    ("They came for him on Monday, before breakfast.", "Monday"),
    ("The guard hit me last Tuesday in the yard.", "last Tuesday"),
    ("It happened the week before Easter in the block.", "the week before Easter"),
    ("We were moved two days before Christmas without notice.", "two days before Christmas"),
    ("My grandfather was arrested in 1943 by the NKVD.", "1943"),
    ("The hearing was on 3 January 2019 at the city court.", "3 January 2019"),
    ("The letter was dated Sunday, October 21, 2007 and unsigned.", "Sunday, October 21, 2007"),
    ("By the end of January the cell was flooded.", "the end of January"),
    ("He was released a week ago and called me.", "a week ago"),
    ("The order of 2019-01-03 was never shown to us.", "2019-01-03"),
    ("My transfer papers say 3/1/2019 at the top.", "3/1/2019"),
    ("I saw him yesterday in the medical unit.", "yesterday"),
    ("He grew up there in the 1980s with his brother.", "the 1980s"),
    ("They moved us last week without a word.", "last week"),
]

KK = [
    ("2019 жылғы 3 қаңтарда мені басқа отрядқа ауыстырды.", "2019 жылғы 3 қаңтарда"),
    ("Сот қаңтардың 3-і күні болды.", "қаңтардың 3-і күні"),
    ("3-қаңтар күні адвокат келмеді.", "3-қаңтар күні"),
    ("Өткен аптада бізді тағы тінтті.", "Өткен аптада"),
    ("Дүйсенбі күні анам келді.", "Дүйсенбі күні"),
    ("Соңғы 10 жылда мұнда ештеңе өзгерген жоқ.", "Соңғы 10 жылда"),
    ("Биыл маған УДО бермеді.", "Биыл"),
    ("Мен мұнда екі жыл отырмын.", "екі жыл"),
    ("Қазан айында бізді Павлодарға жіберді.", "Қазан айында"),
    ("Ол 2019 жылы сотталды.", "2019 жылы"),
    ("Наурыздың 5-і мен 14-і аралығында карантин болды.", "Наурыздың 5-і мен 14-і аралығында"),
    ("Жаңа жылдан 2 күн бұрын ұрып-соқты.", "Жаңа жылдан 2 күн бұрын"),
    ("Құрбан айт күні хат жазуға рұқсат бермеді.", "Құрбан айт"),
    ("Кеше кешке дәрігер келді.", "Кеше кешке"),
    ("Ол 30 жастағы жігіт еді.", "30 жастағы"),
]

# the Kazakh months with their endings
KK_MONTHS = [
    ("Қаңтарда суық болды.", "Қаңтарда"),
    ("Ақпанның соңында сот болды.", "Ақпанның соңында"),
    ("Наурызға дейін күттік.", "Наурызға дейін"),
    ("Сәуірден бері хат жоқ.", "Сәуірден бері"),
    ("Мамырда анам келді.", "Мамырда"),
    ("Маусым айында қайта тексерді.", "Маусым айында"),
    ("Шілдеде бізді ауыстырды.", "Шілдеде"),
    ("Тамызда сот болды.", "Тамызда"),
    ("Қыркүйегінде адвокат келді.", "Қыркүйегінде"),
    ("Қарашада хат келді.", "Қарашада"),
    ("Желтоқсанның 16-сы күні ұрды.", "Желтоқсанның 16-сы күні"),
]


@pytest.mark.parametrize(("text", "phrase"), RU + RU_MONTHS)
def test_russian_dates(detector, text, phrase):
    assert_date(detector, text, phrase, "ru")


@pytest.mark.parametrize(("text", "phrase"), EN)
def test_english_dates(detector, text, phrase):
    assert_date(detector, text, phrase, "en")


@pytest.mark.parametrize(("text", "phrase"), KK + KK_MONTHS)
def test_kazakh_dates(detector, text, phrase):
    assert_date(detector, text, phrase, "kk")


NOT_DATES = [
    ("ru", "Я перечитал письмо 2 раза и заплакал.", "2 раза"),
    ("ru", "Смотри страница 3 в приговоре.", "3"),
    ("ru", "Передача стоит 2000 рублей.", "2000"),
    ("ru", "Они сбрасывают отходы в окружающую среду.", "среду"),
    ("ru", "Мая пришла на свидание одна.", "Мая"),
    ("en", "See page 12 of the verdict.", "12"),
    ("en", "I paid 2019 dollars for the lawyer.", "2019"),
    ("en", "May I ask you to call my mother?", "May"),
    ("en", "About 3 people came to the hearing.", "3"),
    ("kk", "Мен саған хат жазды деп ойладым.", "жазды"),
    ("kk", "Бізге қысқа уақыт берді.", "қысқа"),
    ("kk", "Ол Қазан қаласында тұрады.", "Қазан"),
    ("kk", "Мені 2 рет ұрды.", "2"),
    ("kk", "Бір қорап 500 теңге тұрады.", "500"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NOT_DATES)
def test_not_dates(detector, lang, text, word):
    assert_no_date(detector, text, word, lang)


def test_kazakh_forms_follow_vowel_harmony():
    assert {"қаңтарда", "қаңтардың", "қаңтарға", "қаңтардан", "қаңтары"} <= kk_forms("қаңтар")
    assert {"күнге", "күнде", "күннен", "күннің", "күні", "күндері"} <= kk_forms("күн")
    assert {"қыркүйегі", "қыркүйекте", "қыркүйектен", "қыркүйегінде"} <= kk_forms("қыркүйек")
    assert {"аптада", "аптасы", "аптаның", "апталар"} <= kk_forms("апта")
    assert "қаңтарде" not in kk_forms("қаңтар")


def test_one_phrase_not_pieces():
    text = "27-нші наурыз бен 4-інші сәуір аралығында карантин болды."
    assert [text[s:e] for s, e in find_dates(text, "kk")] == [
        "27-нші наурыз бен 4-інші сәуір аралығында"
    ]
