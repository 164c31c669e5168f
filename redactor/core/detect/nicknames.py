"""Diminutives and nicknames of first names: Толик for Анатолий, Бауке for Бауыржан, Bob for
Robert (the table is resources/recognizers/diminutives.tsv).

- ``related_names``: the names a word stands with (a full name's diminutives; a diminutive's
  full names and, when it belongs to at most two of them, their other diminutives), for
  propagation: once "Анатолий Ким" is marked, "Толик", "Толя", "Tolik" are searched too.
- ``NicknameRecognizer``: a diminutive written on its own with a capital ("Толик сказал",
  "Передай Сане") is a PERSON. One that is also a common word (marked * in the table: "Вера",
  "Will") counts only inside a sentence next to a lowercase word.

Words are compared folded (terms.fold: case, ё/е, Kazakh letters), with the Russian and
Kazakh case endings ("Толику", "Толей", "Баукеге") and in Latin spelling ("Tolik", "Sasha").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactor.core.detect.recognizers import resources_dir, result
from redactor.core.detect.terms import _LONG_ENDINGS, fold, stem_of
from redactor.core.detect.translit import is_cyrillic, latin_variants

TABLE = "diminutives.tsv"
_WORD_RE = regex.compile(r"\p{L}+")
_MAX_END = max(len(e) for e in _LONG_ENDINGS)
# A diminutive that is a group's name for many people ("Гуля": six full names) does not bring
# the other diminutives of all of them.
_MAX_FULLS_FOR_SIBLINGS = 2


@dataclass
class _Table:
    dims_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    fulls_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # folded spelling (exact, or stem that needs an ending) -> names of the table
    exact: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    stems: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    ambiguous: set[str] = field(default_factory=set)  # folded spellings that are common words


def _index(t: _Table, name: str, ambiguous: bool) -> None:
    spellings = [name, *latin_variants(name)] if is_cyrillic(name) else [name]
    for sp in spellings:
        f = fold(sp)
        if len(f) < 2:
            continue
        t.exact[f].add(name)
        st = stem_of(f)
        if st != f:
            t.stems[st].add(name)
        if ambiguous:
            t.ambiguous.add(f)


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
def lookup(word: str) -> tuple[str, ...]:
    """Names of the table (full names or diminutives) that the word is a form or spelling of."""
    t = _table()
    f = fold(word)
    out: set[str] = set()
    for k in range(0, min(_MAX_END, len(f) - 2) + 1):
        base, end = f[: len(f) - k], f[len(f) - k :]
        if end not in _LONG_ENDINGS:
            continue
        out |= t.exact.get(base, set())
        if k:
            out |= t.stems.get(base, set())
    return tuple(sorted(out))


def is_ambiguous(word: str) -> bool:
    """True if the word, folded and without its ending, is a diminutive that is also a common
    word ("Вера", "Will", "Тёма"/"тема")."""
    t = _table()
    return fold(word) in t.ambiguous or any(fold(n) in t.ambiguous for n in lookup(word))


def is_diminutive(word: str) -> bool:
    t = _table()
    return any(n in t.fulls_of for n in lookup(word))


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
            if c != n and fold(c) != fold(word) and c not in out:
                out.append(c)
    return out


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"«“'(—–-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;…"


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


def context_ok(text: str, s: int, e: int) -> bool:
    """A word that is also a common word is a name only inside a sentence, with a capital,
    next to a lowercase word."""
    return not _sentence_initial(text, s) and _neighbour_lower(text, s, e)


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


def find_diminutives(text: str) -> list[tuple[int, int]]:
    """Spans of diminutives written on their own with a capital."""
    from redactor.core.detect.names import is_not_name

    out = []
    for m in _WORD_RE.finditer(text):
        w = m.group()
        if len(w) < 2 or not w[0].isupper() or w.isupper():
            continue
        if not is_diminutive(w) or is_not_name(w):
            continue
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
        return [result("PERSON", s, e, 0.6, "diminutive") for s, e in find_diminutives(text)]
