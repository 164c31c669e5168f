"""Diminutives and nicknames of first names: Толик for Анатолий, Бауке for Бауыржан, Bob for
Robert (the table is resources/recognizers/diminutives.tsv).

- ``related_names``: the names a word stands with (a full name's diminutives; a diminutive's
  full names and, when it belongs to at most two of them, their other diminutives), for
  propagation: once "Анатолий Ким" is marked, "Толик", "Толя", "Tolik" are searched too.
- ``NicknameRecognizer``: a diminutive written on its own with a capital ("Толик сказал",
  "Передай Сане") is a PERSON. One that is also a common word (marked * in the table: "Вера",
  "Will") counts only inside a sentence next to a lowercase word.

Words are compared in lower case with ё as е, in their Russian case forms (by the name's last
letter: "Толику", "Толей"), with Kazakh suffixes ("Баукеге") and in Latin spelling ("Tolik",
"Sasha"); Kazakh letters are kept apart (Қолы is not a form of Коля).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactor.core.detect.recognizers import resources_dir, result
from redactor.core.detect.translit import is_cyrillic, latin_variants

TABLE = "diminutives.tsv"
_WORD_RE = regex.compile(r"\p{L}+")
# A diminutive that is a group's name for many people ("Гуля": six full names) does not bring
# the other diminutives of all of them.
_MAX_FULLS_FOR_SIBLINGS = 2
# Russian case forms by the name's last letter: (letters dropped, endings added).
_RU_DECLENSION = {
    "а": ("а", "а ы и е у ой ою".split()),
    "я": ("я", "я и е ю ей ею".split()),
    "й": ("й", "й я ю ем е и".split()),
    "ь": ("ь", "ь я ю ем е и".split()),
}
_RU_CONSONANT_ENDINGS = ("", "а", "у", "ом", "е", "и", "ы")
# Kazakh case and possessive suffixes, added to the whole name ("Бауке" -> "Баукеге").
# (Single-letter suffixes are left out: "Дарха" + "н" is the word "Дархан".)
_KK_SUFFIXES = (
    "ның нің дың дің тың тің ға ге қа ке на не ды ді ты ті ны ні да де та те нда нде "
    "дан ден тан тен нан нен мен бен пен ым ім ың ің ңыз ңіз сы сі"
).split()


def _fold(word: str) -> str:
    """Lower case and ё as е; Kazakh letters stay (Қолы is not Коля)."""
    return word.casefold().replace("ё", "е")


def _forms(name: str) -> set[tuple[str, str]]:
    """Folded forms of a name with the language of their ending ("" for the name itself):
    Russian declension and Kazakh suffixes for a Cyrillic name, the s of a Latin one."""
    f = _fold(name)
    if not is_cyrillic(name):
        return {(f, ""), (f + "s", "en")}
    out = {(f, "")}
    last = f[-1]
    if last in _RU_DECLENSION:
        drop, ends = _RU_DECLENSION[last]
        out |= {(f[: -len(drop)] + e, "ru") for e in ends}
    elif last not in "оеиуыэю":
        out |= {(f + e, "ru") for e in _RU_CONSONANT_ENDINGS}
    out |= {(f + e, "kk") for e in _KK_SUFFIXES}
    return out


@dataclass
class _Table:
    dims_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    fulls_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # folded form -> (name of the table, language of the ending or "")
    forms: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    base: set[str] = field(default_factory=set)  # folded spellings in the nominative
    ambiguous: set[str] = field(default_factory=set)  # folded spellings that are common words


def _index(t: _Table, name: str, ambiguous: bool) -> None:
    spellings = [name, *latin_variants(name)] if is_cyrillic(name) else [name]
    for sp in spellings:
        if len(sp) < 2:
            continue
        t.base.add(_fold(sp))
        for f, lang in _forms(sp):
            t.forms[f].add((name, lang))
        if ambiguous:
            t.ambiguous.add(_fold(sp))


@lru_cache(maxsize=1)
def _table() -> _Table:
    t = _Table()
    rows: list[tuple[str, list[tuple[str, bool]]]] = []
    for line in (resources_dir() / TABLE).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#") or "\t" not in line:
            continue
        full, rest = line.split("\t", 1)
        dims = []
        for d in rest.split(","):
            d = d.strip()
            if d:
                dims.append((d.rstrip("*"), d.endswith("*")))
        rows.append((full.strip(), dims))
    for full, dims in rows:
        _index(t, full, False)
        for d, _amb in dims:
            if d not in t.dims_of[full]:
                t.dims_of[full].append(d)
            if full not in t.fulls_of[d]:
                t.fulls_of[d].append(full)
    for _full, dims in rows:
        for d, amb in dims:
            _index(t, d, amb)
    return t


@lru_cache(maxsize=16384)
def lookup(word: str, lang: str = "") -> tuple[str, ...]:
    """Names of the table (full names or diminutives) that the word is a form or spelling of;
    with lang, only forms that language makes ("Жеке" is a Russian form of "Жека", in a
    Kazakh text the word "personal")."""
    hits = _table().forms.get(_fold(word), set())
    return tuple(sorted({n for n, lg in hits if not lang or lg in ("", lang)}))


def is_ambiguous(word: str) -> bool:
    """True if the word is a form of a diminutive that is also a common word ("Вера", "Will",
    "Тёма"/"тема")."""
    t = _table()
    return _fold(word) in t.ambiguous or any(_fold(n) in t.ambiguous for n in lookup(word))


def is_diminutive(word: str, lang: str = "") -> bool:
    t = _table()
    return any(n in t.fulls_of for n in lookup(word, lang))


def related_names(word: str) -> list[str]:
    """Full names and diminutives that go with the word (not the word itself)."""
    t = _table()
    out: list[str] = []
    for n in lookup(word):
        cands = list(t.dims_of.get(n, ()))
        fulls = t.fulls_of.get(n, [])
        cands += fulls
        if len(fulls) <= _MAX_FULLS_FOR_SIBLINGS:
            for fl in fulls:
                cands += t.dims_of.get(fl, [])
        for c in cands:
            if c != n and _fold(c) != _fold(word) and c not in out:
                out.append(c)
    return out


def _sentence_initial(text: str, start: int) -> bool:
    """True at a sentence's or line's first word (after a bullet or a number: "0 Will sync")."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"«“'(—–-":
        i -= 1
    if i < 0 or text[i] in ".!?\n:;…":
        return True
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return len(line) <= 6 and not any(c.isalpha() for c in line)


def _neighbour_lower(text: str, s: int, e: int) -> bool:
    """True if the word before or after the span starts with a lowercase letter (the span is
    not inside a Title Case heading)."""
    after = _WORD_RE.search(text, e, min(len(text), e + 40))
    if after and not text[e : after.start()].strip(" \t,") and after.group()[0].islower():
        return True
    before = None
    for m in _WORD_RE.finditer(text, max(0, s - 40), s):
        before = m
    if before is not None and not text[before.end() : s].strip(" \t,"):
        return before.group()[0].islower()
    return False


_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your of в на".split()
)


def _after_determiner(text: str, s: int) -> bool:
    before = None
    for m in _WORD_RE.finditer(text, max(0, s - 20), s):
        before = m
    return (
        before is not None
        and not text[before.end() : s].strip()
        and before.group().lower() in _DETERMINERS
    )


def context_ok(text: str, s: int, e: int) -> bool:
    """A word that is also a common word is a name only inside a sentence, with a capital,
    next to a lowercase word, and not after an article ("the Bill")."""
    return (
        not _sentence_initial(text, s)
        and _neighbour_lower(text, s, e)
        and not _after_determiner(text, s)
        and text[e : e + 1] != "."  # "Art. 3"
    )


_PRONOUNS = frozenset("i you he she it we they not there this that".split())


def propagated_ok(text: str, s: int, e: int) -> bool:
    """A copy of a marked person's diminutive that is also a common word is kept unless it
    opens a sentence as the common word would ("Will you", "Don't"): with the person in the
    letter, "Bob said" at a sentence start is Robert."""
    if not _sentence_initial(text, s):
        return True
    if text[e : e + 1] in ("'", "’"):
        return False
    after = _WORD_RE.search(text, e, min(len(text), e + 40))
    return not (after and not text[e : after.start()].strip() and after.group() in _PRONOUNS)


def find_diminutives(text: str, lang: str = "") -> list[tuple[int, int]]:
    """Spans of diminutives written on their own with a capital."""
    from redactor.core.detect.names import _is_common_ru_word, is_not_name

    out = []
    for m in _WORD_RE.finditer(text):
        w = m.group()
        if len(w) < 2 or not w[0].isupper() or w.isupper():
            continue
        if not is_diminutive(w, lang) or is_not_name(w):
            continue
        if _fold(w) not in _table().base and is_cyrillic(w) and _is_common_ru_word(w):
            continue  # a case ending on a common word ("Жена" is not a form of "Женя")
        if is_ambiguous(w) and not context_ok(text, m.start(), m.end()):
            continue
        out.append(m.span())
    return out


class NicknameRecognizer(EntityRecognizer):
    """Standalone diminutives of first names as PERSON findings."""

    def __init__(self, language: str) -> None:
        super().__init__(
            supported_entities=["PERSON"],
            name=f"nicknames_{language}",
            supported_language=language,
        )

    def load(self) -> None:
        _table()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        spans = find_diminutives(text, self.supported_language)
        return [result("PERSON", s, e, 0.6, "diminutive") for s, e in spans]
