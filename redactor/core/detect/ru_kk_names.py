"""First names in Russian and Kazakh text in every case form: "Абайдың", "Ғалымжанға",
"Бауыржана", "Айгерімнің".

The names are ``first_names_kk.txt`` (Kazakh names, written for this project) and the general
``first_names.txt``; each is compared in Kazakh and in Russian spelling (Нұрлан = Нурлан). A
Kazakh word matches without its suffix chain (plural? possessive? case?), a Russian one without
its case ending. A name that is also a common word (marked "*" in the list, or a common Russian
word to pymorphy3) is taken only inside a sentence. The name grows by a capitalised word on each
side (the surname), as in names.py. Opening a sentence, such a name is taken when someone is
addressed by it ("Сағыныш, ...") or a surname follows it ("Мерей Қалиасқар").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactor.core.detect.names import (
    _data,
    _extend_with_caps,
    _is_common_ru_word,
    looks_like_name,
    sentence_initial,
)
from redactor.core.detect.recognizers import read_list, result
from redactor.core.detect.ru_kk_places import _kk_chain, _kk_stems, parse
from redactor.core.detect.ru_kk_places import _sentence_opener as _fold_opener

_TO_RU = str.maketrans(
    {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
)
_TOKEN_RE = regex.compile(r"\p{Lu}[\p{Ll}’']*\p{Ll}(?:-\p{Lu}[\p{Ll}]+)?")
_KK_PLURAL_START = ("лар", "лер", "дар", "дер", "тар", "тер")
_RU_ENDINGS = ("ом", "ем", "ой", "ей", "ою", "ею", "а", "я", "у", "ю", "ы", "и", "е")


def _nf(word: str) -> str:
    """A word folded for comparison: lower case, ё -> е, Kazakh letters to Russian ones."""
    return word.lower().replace("ё", "е").translate(_TO_RU)


@lru_cache(maxsize=1)
def _names() -> dict[str, bool]:
    """Folded first name -> True if it is also a common word."""
    out: dict[str, bool] = {}
    for line in [*read_list("first_names_kk.txt"), *read_list("first_names.txt")]:
        common = line.endswith("*")
        name = line.rstrip(" *")
        if not regex.match(r"\p{Cyrillic}", name) or len(name) < 3:
            continue
        key = _nf(name)
        out[key] = out.get(key, False) or common
    return out


@lru_cache(maxsize=65536)
def _keys(word: str, lang: str) -> tuple[str, ...]:
    low = word.lower().replace("ё", "е")
    keys = {_nf(low)}
    if lang == "kk":
        for stem in _kk_stems(low):
            rest = low[len(stem) :]
            # a person's name takes no plural ("Азаматтар" are citizens) and no -дағы
            if (
                len(stem) >= 3
                and not rest.startswith(_KK_PLURAL_START)
                and rest[-2:]
                not in (
                    "ғы",
                    "гі",
                )
            ):
                keys.add(_nf(stem))
    else:
        for e in _RU_ENDINGS:
            if low.endswith(e) and len(low) - len(e) >= 3:
                stem = _nf(low[: len(low) - len(e)])
                keys |= {stem, stem + "а", stem + "я"}
    return tuple(sorted(keys))


def find_first_names(text: str, lang: str = "kk") -> list[tuple[int, int, float, str]]:
    """(start, end, score, why) of the first names (with a surname beside them) in text."""
    names = _names()
    nn = _data()["not_names"]
    out: list[tuple[int, int, float, str]] = []
    for m in _TOKEN_RE.finditer(text):
        w = m.group()
        if w.lower() in nn:
            continue
        hits = [k for k in _keys(w, lang) if k in names]
        if not hits:
            continue
        initial = sentence_initial(text, m.start())
        if (
            initial
            and (any(names[k] for k in hits) or (lang == "ru" and _is_common_ru_word(w)))
            and not _addressed_or_named(text, m.end(), nn)
        ):
            continue
        s, e = _extend_with_caps(text, m.start(), m.end(), nn)
        if (
            s < m.start()
            and sentence_initial(text, s)
            and not looks_like_name(text[s : m.start()].strip())
        ):
            s = m.start()  # "Қазіргі Өтеген ...": the sentence's first word is not the surname
        out.append((s, e, 0.6, "first name (case form)"))
    if lang == "ru":
        out.extend(_dictionary_names(text, nn))
    else:
        out.extend(_kk_surnames(text))
    out.extend(_honorific_names(text, nn))
    for m in _ARABIC_ARTICLE_RE.finditer(text):
        out.append((m.start(), m.end(), 0.6, "name with al-"))
    return out


_NEXT_CAP_RE = regex.compile(r"[ \t]+(\p{Lu}\p{Ll}+)(?:[ \t]*[,.]|[ \t]+\p{Ll})")


def _addressed_or_named(text: str, end: int, nn: set[str]) -> bool:
    """A name that is also a common word opening a sentence is a name when someone is addressed
    by it ("Сағыныш, енді ...", "Зейін, жағымды жаңалығым бар") or a surname follows it
    ("Мерей Қалиасқар, ...")."""
    if text[end : end + 1] == "," and text[end + 1 : end + 2] in (" ", "\n"):
        return True
    m = _NEXT_CAP_RE.match(text, end)
    return bool(m and m.group(1).lower() not in nn and not _fold_opener(m.group(1)))


# Arabic names with the article: "әл-Фараби", "аль-Бируни", "al-Khwarizmi".
_ARABIC_ARTICLE_RE = regex.compile(r"(?<![\p{L}\-])(?:[Әә]л|[Аа]ль|[Аа]л|[Aa]l)-\p{Lu}\p{Ll}{2,}")
# "Бегалиевтер" (the Begaliyev family), "Мәлібековтікі" (Mälibekov's): a surname with a
# Kazakh plural or the -нікі possessive.
_KK_SURNAME_RE = regex.compile(
    r"(?<![\p{L}\-])\p{Lu}\p{Ll}+(?:ов|ев|ин|ова|ева|ина)(?P<suf>тер|тар|дер|дар|лер|лар|тікі|"
    r"тыкі|нікі|ныкі|дікі|дыкі)\p{Ll}{0,6}(?![\p{L}])"
)


def _kk_surnames(text: str) -> list[tuple[int, int, float, str]]:
    out = []
    for m in _KK_SURNAME_RE.finditer(text):
        rest = m.group()[m.start("suf") - m.start() :]
        if rest[len(m.group("suf")) :] and not _kk_chain(rest[len(m.group("suf")) :]):
            continue
        first = parse(m.group()[: m.start("suf") - m.start()])[0]
        if first.is_known and not (_NAME_TAGS & first.tag.grammemes):
            continue  # "Машиналары": a common word read first, not a surname
        out.append((m.start(), m.end(), 0.6, "surname with a Kazakh suffix"))
    return out


_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


def _dictionary_names(text: str, nn: set[str]) -> list[tuple[int, int, float, str]]:
    """Capitalised words inside a Russian sentence that pymorphy3's dictionary knows only as a
    first name, surname or patronymic ("Кеннеди", "Проди", "Станиславского")."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        w = m.group()
        if (
            w.lower() in nn
            or sentence_initial(text, m.start())
            or text[m.start() - 1 : m.start()] == "«"
        ):
            continue  # a sentence's first word, or a name in quotes (a product, a ship)
        parses = parse(w.split("-")[-1])
        if not parses or not all(p.is_known for p in parses):
            continue
        if all(_NAME_TAGS & p.tag.grammemes for p in parses):
            out.append((m.start(), m.end(), 0.55, "name in dictionary"))
    return out


# Kazakh honorifics and titles written after a name: "Клара апай", "Төле би", "Аяз ата".
_HONORIFIC_RE = regex.compile(
    r"(?<![\p{L}\-])(?P<v>\p{Lu}\p{Ll}+)[ \t]+(?:ата|апа|апай|әже|аға|ағай|әпке|көке|"
    r"батыр|би|хан|ақын|жырау|қажы|ханым|мырза)(?P<suf>\p{Ll}{0,6})(?![\p{L}\-])"
)


def _honorific_names(text: str, nn: set[str]) -> list[tuple[int, int, float, str]]:
    out = []
    for m in _HONORIFIC_RE.finditer(text):
        w = m.group("v")
        if w.lower() in nn or _fold_opener(w):
            continue
        if m.group("suf") and not _kk_chain(m.group("suf")):
            continue  # "билік", "бидай": not the honorific
        out.append((m.start("v"), m.end("v"), 0.6, "name before honorific"))
    return out


class RuKkFirstNameRecognizer(EntityRecognizer):
    """First names in their Russian and Kazakh case forms."""

    def __init__(self, language: str) -> None:
        super().__init__(
            supported_entities=["PERSON"],
            name=f"ru_kk_first_names_{language}",
            supported_language=language,
        )

    def load(self) -> None:
        _names()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        return [
            result("PERSON", s, e, sc, why)
            for s, e, sc, why in find_first_names(text, self.supported_language)
        ]
