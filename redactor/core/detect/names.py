"""Rules for the names NER misses in letters, and gazetteers of first names and places.

- a capitalised word (or words) after a rank or role: "Captain Yerbol Kenzhebayev",
  "судья Амановой Г.", "кезекші Серік Омаров"; in Kazakh also before "деген"/"есімді";
- the person greeted: "Dear Asel", "Қайырлы таң, Бірлік!", "Здравствуй, Лёха"; a lone name
  addressed at a sentence's start ("Бірлік, сіз эфирдесіз", "Лёха, ты прости");
- initials: "D. Ospanov", "Оспанов Д.", "Морозов С. А.", "R.A.";
- patronymics (-ұлы/-улы/-қызы/-кызы, -ович/-овна) and surname shapes (-ов/-ева/-ин/-ский...,
  with Russian and Kazakh case endings) next to other capitalised words;
- first names and places from word lists (with case forms and Latin spellings);
- the signature at the end of a letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactor.core.detect.recognizers import read_list, result
from redactor.core.detect.terms import find_terms
from redactor.core.detect.translit import latin_variants

_NAME_WORD = r"\p{Lu}[\p{Ll}’'\-]*\p{Ll}"
_INITIAL = r"\p{Lu}\.\s?"
_NAME_SEQ = (
    rf"(?:{_INITIAL}){{0,2}}{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
    rf"(?:[ \t]+\p{{Lu}}\.(?:\s?\p{{Lu}}\.)?)?"
)
_RU_SURNAME_END = (
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко|баев|баева|беков|бекова)"
)
_CASE_END = (
    r"(?:а|у|ы|е|ой|ым|ом|ем|им|ою|ого|ому|ых|ыми|ая|ую|"
    r"тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|ты|ті|ды|ді|ны|ні|та|те|да|де|тан|тен|дан|ден|"
    r"нан|нен|пен|бен|мен|на|не|сы|сі|ның)?"
)
_LAT_SURNAME_END = (
    r"(?:ov|ev|yev|iev|ova|eva|yeva|ovna|evna|uly|kyzy|enko|bayev|bayeva|ski|sky|skaya|skiy|in|ina)"
)


def _role_regex(roles: Sequence[str]) -> str:
    alts = []
    for r in sorted(set(roles), key=len, reverse=True):
        parts = []
        for word in r.split():
            star = word.endswith("*")
            w = regex.escape(word.rstrip("*"))
            parts.append(w + (r"\p{Ll}*" if star else ""))
        alts.append(r"\s+".join(parts))
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    roles = read_list("roles.txt")
    not_names = {w.lower() for w in read_list("not_names.txt")}
    closings = read_list("closings.txt")
    first = read_list("first_names.txt")
    places = read_list("places.txt")
    first_all = sorted(set(first) | {v for n in first for v in latin_variants(n)})
    places_all = sorted(set(places) | {v for n in places for v in latin_variants(n)})
    role_re = _role_regex(roles)
    flags = regex.VERSION0 | regex.MULTILINE
    return {
        "not_names": not_names,
        "closings": [c.lower() for c in closings],
        "first": first_all,
        "places": places_all,
        # role (any case at its first letter), optional genitive complement, then the name
        # roles may follow each other ("investigator, Captain"); the name may start the
        # next line (a PDF's line break)
        # a Russian or Kazakh complement may come between ("начальник отряда Иванов"); an
        # English one is a verb or article ("his mother has German", "called the E-meter")
        "role": regex.compile(
            rf"(?<![\p{{L}}])(?i:{role_re})(?:[ \t]+[а-яёәғқңөұүһі][\p{{Ll}}\-]+){{0,2}}"
            rf"(?:,?[ \t]+(?i:{role_re}))*[,:]?(?:[ \t]+|[ \t]*\n[ \t]*)"
            rf"(?P<v>{_NAME_SEQ})",
            flags,
        ),
        # a greeting, then the person greeted ("Dear Asel", "Қайырлы таң, Бірлік!",
        # "Здравствуй, Лёха")
        "greeting": regex.compile(
            r"(?<![\p{L}])(?i:dear|dearest|hello|hi|уважаем\p{Ll}*|дорог\p{Ll}*|милая|милый|"
            r"здравствуй\p{Ll}*|привет|құрметті|қымбатты|аяулы|сәлем|сәлеметсіз\s+бе|"
            r"қайырлы\s+(?:таң|күн|кеш))"
            rf"[,!]?[ \t]+(?P<v>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)(?![\p{{L}}\-])",
            flags,
        ),
        # a lone name addressed at a sentence's start, the next words speaking to "you"
        # ("Бірлік, сіз эфирдесіз", "Лёха, ты прости")
        "vocative": regex.compile(
            rf"(?:^|(?<=[.!?…»][ \t]{{1,3}}))(?P<v>{_NAME_WORD}),[ \t]+"
            r"(?:[\p{Ll}\-]+[ \t]+){0,3}"
            r"(?:сіз|сен|сізді|сізге|саған|сені|сіздің|сенің|сіздер|ты|вы|тебе|вам|тебя|вас|"
            r"тобой|вами|you)(?![\p{L}])",
            flags,
        ),
        "role_after_kk": regex.compile(
            rf"(?P<v>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]+"
            r"(?:деген|есімді|атты|дейтін|есімдi)(?![\p{L}])",
            flags,
        ),
        "initials_first": regex.compile(
            rf"(?<![\p{{L}}.])\p{{Lu}}\.[ \t]?(?:\p{{Lu}}\.[ \t]?)?{_NAME_WORD}(?:-{_NAME_WORD})?",
            flags,
        ),
        "initials_last": regex.compile(
            rf"(?<![\p{{L}}])(?P<v>{_NAME_WORD}(?:-{_NAME_WORD})?[ \t]+"
            r"\p{Lu}\.(?:[ \t]?\p{Lu}\.)?)(?!\p{L})",
            flags,
        ),
        "initials_only": regex.compile(
            r"(?<![\p{L}.])\p{Lu}\.[ \t]?\p{Lu}\.(?![ \t]?\p{L})", flags
        ),
        "patronymic": regex.compile(
            rf"(?<![\p{{L}}])(?:{_NAME_WORD}[ \t]+){{0,2}}\p{{Lu}}\p{{Ll}}+"
            r"(?:ұлы|улы|қызы|кызы|ович|евич|ьич|овна|евна|ична|uly|kyzy|ovich|evich|ovna|evna)"
            r"\p{Ll}{0,4}(?![\p{L}])",
            flags,
        ),
        "surname_ru": regex.compile(
            rf"(?<![\p{{L}}\-])\p{{Lu}}\p{{Ll}}+{_RU_SURNAME_END}{_CASE_END}(?![\p{{L}}])", flags
        ),
        "surname_lat": regex.compile(
            rf"(?<![\p{{L}}\-])\p{{Lu}}\p{{Ll}}+{_LAT_SURNAME_END}(?![\p{{L}}])", flags
        ),
        "role_word": regex.compile(rf"(?i:{role_re})", flags),
        "cap_word": regex.compile(rf"{_NAME_WORD}(?:-{_NAME_WORD})?", flags),
    }


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


_KK_LETTERS_RE = regex.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# a Kazakh word in -ын/-ін with a case ending matches the Russian surname shape in -ын
# ("Қорыт-ын-ды"); Kazakh surnames in -ин keep it ("Байғазинді")
_KK_NOT_SURNAME_RE = regex.compile(rf"\p{{Lu}}\p{{Ll}}+ын(?:а)?{_CASE_END}")


def _not_a_name_en(word: str) -> bool:
    from redactor.core.detect.en_names import is_not_a_name_en

    return is_not_a_name_en(word)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"«“'(—–-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def _is_common_ru_word(word: str) -> bool:
    """True if pymorphy knows the word only as something other than a name or surname."""
    parses = _morph().parse(word)
    if not parses or not parses[0].is_known:
        return False
    for p in parses:
        if {"Surn", "Name", "Patr", "Geox"} & set(p.tag.grammemes):
            return False
    return True


def _extend_with_caps(text: str, s: int, e: int, not_names: set[str]) -> tuple[int, int]:
    """Grow a name span by one capitalised word on each side (first name + surname)."""
    cap = _data()["cap_word"]
    # right
    m = cap.match(text, e + 1) if e + 1 < len(text) and text[e : e + 1] in (" ",) else None
    if (
        m
        and m.group().lower() not in not_names
        and not _data()["role_word"].fullmatch(m.group())
        and not _is_common_ru_word(m.group())
    ):
        e = m.end()
    # left
    j = s - 1
    if j > 0 and text[j] == " ":
        k = j
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "-’'"):
            k -= 1
        w = text[k:j]
        if (
            w
            and w[0].isupper()
            and w.lower() not in not_names
            and any(c.islower() for c in w)
            and not _data()["role_word"].fullmatch(w)
            and not _is_common_ru_word(w)
        ):
            s = k
    return s, e


class NameRulesRecognizer(EntityRecognizer):
    """Name rules, first-name and place gazetteers, signatures: one presidio recognizer."""

    def __init__(self, language: str) -> None:
        super().__init__(
            supported_entities=["PERSON", "LOCATION"],
            name=f"name_rules_{language}",
            supported_language=language,
        )

    def load(self) -> None:
        _data()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        return [result(lab, s, e, sc, why) for lab, s, e, sc, why in find_names(text)]


def find_names(text: str) -> list[tuple[str, int, int, float, str]]:
    """(label, start, end, score, why) of every name-rule, gazetteer and signature hit."""
    d = _data()
    nn: set[str] = d["not_names"]
    out: list[tuple[str, int, int, float, str]] = []

    def add_person(s: int, e: int, score: float, why: str) -> None:
        words = text[s:e].split()
        if not words:
            return
        if all(w.strip(".,").lower() in nn for w in words):
            return
        # drop leading words that are never names ("Мен Бауыржан"); an initial ("A.") stays
        while (
            len(words) > 1
            and not regex.fullmatch(r"\p{Lu}\.", words[0])
            and (words[0].strip(".,").lower() in nn or d["role_word"].fullmatch(words[0]))
        ):
            s = text.index(words[1], s + len(words[0]))
            words = words[1:]
        out.append(("PERSON", s, e, score, why))

    for m in d["role"].finditer(text):
        s, e = m.span("v")
        words = text[s:e].split()
        if all(d["role_word"].fullmatch(w) for w in words):
            continue  # "investigator, Captain" at a line's end: a second role, no name
        if all(_not_a_name_en(w) for w in words):
            continue  # "called Frame Semantics", "Chief Justice"
        add_person(s, e, 0.7, "name after rank or role")
    for m in d["greeting"].finditer(text):
        s, e = m.span("v")
        words = text[s:e].split()
        if all(w.lower() in nn or _not_a_name_en(w) or d["role_word"].fullmatch(w) for w in words):
            continue  # "Dear Sir", "Dear Editors", "Уважаемые Коллеги"
        add_person(s, e, 0.6, "name after greeting")
    for m in d["vocative"].finditer(text):
        s, e = m.span("v")
        w = text[s:e]
        if w.lower() in nn or _not_a_name_en(w) or d["role_word"].fullmatch(w):
            continue  # "Сондықтан, сіз", "Listen, you"
        if _is_common_ru_word(w):
            continue  # "Слушай, ты"
        add_person(s, e, 0.55, "name addressed")
    for m in d["role_after_kk"].finditer(text):
        s, e = m.span("v")
        add_person(s, e, 0.65, "name before деген")
    for m in d["initials_first"].finditer(text):
        word = regex.search(r"\p{L}[\p{L}\-]*$", m.group()).group()  # type: ignore[union-attr]
        if word.lower() in nn:
            continue  # "U.S. The", "P.S. This": the letters end a sentence
        if _sentence_initial(text, m.start()) and _not_a_name_en(word):
            continue  # "influence. C. Regulation No. 231": a list's letter, a common word
        add_person(m.start(), m.end(), 0.7, "initials")
    for m in d["initials_last"].finditer(text):
        s, e = m.span("v")
        if text[s:e].split()[0].lower() in nn:
            continue
        add_person(s, e, 0.7, "initials")
    for m in d["patronymic"].finditer(text):
        add_person(m.start(), m.end(), 0.75, "patronymic")
    for m in d["surname_ru"].finditer(text):
        w = m.group()
        if _KK_LETTERS_RE.search(w) and _KK_NOT_SURNAME_RE.fullmatch(w):
            continue  # "Қорытынды" (final), "Жалынды": a Kazakh -ынды/-інді word
        if _sentence_initial(text, m.start()) and _is_common_ru_word(w):
            continue
        if _is_common_ru_word(w) and not any(c in w for c in "әғқңөұүһі"):
            continue
        s, e = _extend_with_caps(text, m.start(), m.end(), nn)
        add_person(s, e, 0.6, "surname shape")
    for m in d["surname_lat"].finditer(text):
        if d["role_word"].fullmatch(m.group()) or m.group().lower() in nn:
            continue  # "Captain", "Lieutenant": a rank, not a surname in -in
        s, e = _extend_with_caps(text, m.start(), m.end(), nn)
        add_person(s, e, 0.55, "surname shape")
    for sp in find_terms(text, d["first"], fuzzy=False):
        if not text[sp.start].isupper():
            continue
        if _sentence_initial(text, sp.start) and _is_common_ru_word(text[sp.start : sp.end]):
            continue
        s, e = _extend_with_caps(text, sp.start, sp.end, nn)
        add_person(s, e, 0.6, "first name list")
    for sp in find_terms(text, d["places"], fuzzy=False):
        if text[sp.start].isupper():
            out.append(("LOCATION", sp.start, sp.end, 0.7, "place list"))
    out.extend(_signature(text, d))
    return out


def _signature(text: str, d: dict[str, Any]) -> list[tuple[str, int, int, float, str]]:
    """The last lines of a letter when they look like a signature."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if len(lines) < 3:
        return []
    out = []
    closing_seen = False
    for k, (s, e) in enumerate(lines[-4:]):
        line = text[s:e].strip()
        low = line.lower().rstrip(",.!")
        if any(low == c or low.startswith((c + " ", c + ",")) for c in d["closings"]):
            closing_seen = True
            continue
        words = line.split()
        is_last_block = k >= len(lines[-4:]) - 2
        if not words or len(words) > 5 or any(ch.isdigit() or ch == ":" for ch in line):
            continue  # a number or a form's field ("Name:", "Address:") is no signature
        if all(_not_a_name_en(w) for w in words):
            continue  # "Mortality Rate.", "Strictly Confidential.", "Correct."
        caps = all(w[0].isupper() or regex.match(r"\p{Lu}\.", w) for w in words if w[0].isalpha())
        if (closing_seen and len(words) <= 5) or (is_last_block and caps and len(words) <= 4):
            lead = len(text[s:e]) - len(text[s:e].lstrip())
            ls, le = s + lead, s + lead + len(line)
            if caps and all(w.strip(".,!").lower() in d["not_names"] for w in words):
                continue
            # "Твой Лёха", "Ұлың Алмас": the closing word before the name is not the name
            while len(words) > 1 and words[0].strip(".,!").lower() in d["not_names"]:
                ls = text.index(words[1], ls + len(words[0]))
                words = words[1:]
            if not caps and not closing_seen:
                continue
            out.append(("PERSON", ls, le, 0.55, "signature"))
    return out


def looks_like_name(word: str) -> bool:
    """A single word that has the shape of a surname or patronymic, or is a listed first name
    (in any case form)."""
    from redactor.core.detect.terms import find_terms

    d = _data()
    if d["surname_ru"].fullmatch(word) or d["surname_lat"].fullmatch(word):
        return True
    if d["patronymic"].fullmatch(word):
        return True
    return bool(find_terms(word, d["first"], fuzzy=False))


def is_not_name(word: str) -> bool:
    return word.lower() in _data()["not_names"]


def sentence_initial(text: str, start: int) -> bool:
    return _sentence_initial(text, start)


def is_role_word(word: str) -> bool:
    return bool(_data()["role_word"].fullmatch(word))
