"""Find every occurrence of user-given terms in a plain text.

Matching is per word: a term is split into words, each text word is compared with the term's
word after normalisation (case, ё/е, Kazakh letters folded to their Russian look-alikes,
format characters dropped, the look-alike letters of a mixed-script word put in its main
script), allowing the Russian and Kazakh case endings of a name, one OCR error in words of five
letters or more, line breaks between the words of a multi-word term, end-of-line hyphenation
inside a word ("Оспа-\\nнов") and letter-spacing ("O s p a n o v"). A word also matches when its
confusable skeleton (UTS #39, `redactor.core.lookalike`) is the term word's, with a case ending:
"Ospanov" finds "ОЅРАNОV" written with Cyrillic letters.

The work per text is one tokenisation plus a symmetric-deletion index of the words' stems, so
a page of 400 words against 50 terms takes a few milliseconds.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import regex

from redactor.core.lookalike import drop_format, skeleton, to_main_script
from redactor.core.model import Span

# A word: letters and digits, with any format characters (zero-width space, soft hyphen) inside.
_WORD_RE = regex.compile(r"[^\W_](?:[^\W_]|\p{Cf})*")
# Hyphen at the end of a line followed by the rest of the word on the next line.
_HYPHEN_BREAK_RE = re.compile(r"^[-\u00ad\u2010\u2011][ \t]*\r?\n[ \t]*$")

# Kazakh-specific letters folded to the Russian letter OCR most often reads instead, and ё to е.
_FOLD = str.maketrans(
    {
        "ё": "е",
        "қ": "к",
        "ғ": "г",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "ә": "а",
        "і": "и",
        "һ": "х",
        "й": "и",
    }
)
# Endings a name takes in Russian (nouns and the adjective-like surname declension).
_RU_ENDINGS = (
    "а я у ю ы и е о ь ой ей ом ем ым им ою ею ах ях ам ям ами ями ов ев ых их ого его "
    "ому ему ую юю ая яя ые ие"
).split()
# Kazakh case and possessive suffixes (after folding: қ->к, ғ->г, ң->н, і->и, ә->а, ө->о, ү/ұ->у).
_KK_ENDINGS = (
    "тын тин дын дин нын нин ын ин га ге ка ке на не а е ды ди ты ти ны ни н да де та те "
    "нда нде дан ден тан тен нан нен мен бен пен сы си ы и ын ин у"
).split()
_EN_ENDINGS = ("s",)
_LONG_ENDINGS = frozenset(
    e.translate(_FOLD)
    for e in (
        [""]
        + _RU_ENDINGS
        + _KK_ENDINGS
        + list(_EN_ENDINGS)
        + [a + k for a in ("а", "ы", "и", "сы", "си", "ов", "ев", "ин") for k in _KK_ENDINGS]
    )
)
_SHORT_ENDINGS = frozenset(e for e in _LONG_ENDINGS if len(e) <= 2)
_MAX_ENDING = max(len(e) for e in _LONG_ENDINGS)
# A final letter stripped from a name before adding endings (Оспанова -> оспанов + ...).
_STRIP_FINAL = set("аяыиеоуюьй")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Normalise one word for comparison: format characters dropped, the look-alike letters of
    a mixed-script word put in its main script ("Ospаnov" -> "ospanov"), lower case, ё->е,
    Kazakh letters folded."""
    w = unicodedata.normalize("NFC", to_main_script(drop_format(word))).casefold()
    return w.translate(_FOLD)


@lru_cache(maxsize=65536)
def skel(word: str) -> str:
    """The confusable skeleton of a folded word (the same for every look-alike spelling)."""
    return skeleton(word)


# Case endings in skeleton space (for words matched by their skeleton).
_SKEL_ENDINGS = frozenset(skeleton(e) for e in _LONG_ENDINGS)
_SKEL_SHORT_ENDINGS = frozenset(skeleton(e) for e in _SHORT_ENDINGS)
_MAX_SKEL_ENDING = max(len(e) for e in _SKEL_ENDINGS)


def stem_of(folded: str) -> str:
    """The part of a folded word that every case form keeps."""
    if len(folded) >= 4 and folded[-1] in _STRIP_FINAL:
        return folded[:-1]
    return folded


def _within_one(a: str, b: str) -> bool:
    """True if the edit distance between a and b is at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def _deletes(s: str) -> set[str]:
    out = {s}
    for i in range(len(s)):
        out.add(s[:i] + s[i + 1 :])
    return out


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    folded: str
    skel: str = ""


def _tok(start: int, end: int, folded: str) -> _Tok:
    return _Tok(start, end, folded, skel(folded))


# Letter-spaced runs: a run of this many letters or fewer is read from every letter on, a longer
# one from its capitals only; a word read from a run has at most _RUN_WORD letters.
_RUN_ALL_STARTS = 60
_RUN_WORD = 32


def _letter_runs(text: str, toks: Sequence[_Tok]) -> list[_Tok]:
    """Letter-spaced words ("O s p a n o v"): three or more one-letter words in a row, one
    space or tab apart. The page text does not say where one spaced-out word ends and the next
    begins ("g r e e t i n g s f r o m O s p a n o v"), so every stretch of three letters or
    more of the run is a word to compare (from each capital only, in a long run)."""
    out: list[_Tok] = []
    i = 0
    n = len(toks)
    while i < n:
        j = i
        while (
            j < n
            and len(text[toks[j].start : toks[j].end]) == 1
            and text[toks[j].start].isalpha()
            and (j == i or text[toks[j - 1].end : toks[j].start] in (" ", "\t"))
        ):
            j += 1
        if j - i >= 3:
            run = toks[i:j]
            every = len(run) <= _RUN_ALL_STARTS
            for a in range(len(run)):
                if not (every or a == 0 or text[run[a].start].isupper()):
                    continue
                folded = ""
                for b in range(a, min(len(run), a + _RUN_WORD)):
                    folded += run[b].folded
                    if b - a >= 2:
                        out.append(_tok(run[a].start, run[b].end, folded))
            i = j
        else:
            i = max(j, i + 1)
    return out


def _tokenize(text: str) -> tuple[list[_Tok], list[str], list[_Tok]]:
    """Word tokens, the gap text after each token (to the next one), and extra tokens made by
    joining words split by end-of-line hyphenation or spread out by letter-spacing."""
    toks = [_tok(m.start(), m.end(), fold(m.group())) for m in _WORD_RE.finditer(text)]
    gaps = [text[toks[i].end : toks[i + 1].start] for i in range(len(toks) - 1)] + [""]
    joined: list[_Tok] = []
    for i in range(len(toks) - 1):
        if _HYPHEN_BREAK_RE.match(gaps[i]):
            a, b = toks[i], toks[i + 1]
            joined.append(_tok(a.start, b.end, a.folded + b.folded))
    joined += _letter_runs(text, toks)
    return toks, gaps, joined


def _norm_gap(gap: str) -> str:
    """A gap between words compared without its whitespace; a pure-whitespace gap is ' '."""
    g = drop_format(re.sub(r"\s+", "", gap))
    return g if g else " "


_MEMO_MAX = 8192  # lookups remembered per text (a long word list is looked up once)


class _SkelIndex:
    """Index of a text's words by confusable skeleton: a term word matches a word with the
    same skeleton, or (a word that is not plain ASCII) the skeleton plus a case ending."""

    def __init__(self, tokens: Sequence[_Tok]) -> None:
        self.forms: dict[str, list[int]] = {}
        for i, t in enumerate(tokens):
            if t.skel:
                self.forms.setdefault(t.skel, []).append(i)
        self._by_core: dict[str, set[str]] | None = None
        self._memo: dict[str, list[int]] = {}

    def _cores(self) -> dict[str, set[str]]:
        """Non-ASCII forms by their part before a case ending (built on first use)."""
        if self._by_core is None:
            by_core: dict[str, set[str]] = {}
            for form in self.forms:
                if form.isascii():
                    continue
                for k in range(1, min(_MAX_SKEL_ENDING, len(form) - 3) + 1):
                    if form[len(form) - k :] in _SKEL_ENDINGS:
                        by_core.setdefault(form[: len(form) - k], set()).add(form)
            self._by_core = by_core
        return self._by_core

    def lookup(self, word_skel: str) -> list[int]:
        """Indexes of tokens whose skeleton is the word's, or it with a case ending (memoised:
        the caller must not change the list)."""
        if not self.forms:
            return []
        got = self._memo.get(word_skel)
        if got is None:
            got = self._lookup(word_skel)
            if len(self._memo) < _MEMO_MAX:
                self._memo[word_skel] = got
        return got

    def _lookup(self, word_skel: str) -> list[int]:
        out = list(self.forms.get(word_skel, []))
        if sum(c.isalpha() for c in word_skel) >= 3:
            endings = _SKEL_ENDINGS if len(word_skel) >= 4 else _SKEL_SHORT_ENDINGS
            for form in self._cores().get(word_skel, ()):
                if form[len(word_skel) :] in endings:
                    out.extend(self.forms[form])
        return out


class _Index:
    """Index of a text's words by stem; the symmetric-deletion index that serves fuzzy
    lookups is built on the first fuzzy lookup only."""

    def __init__(self, tokens: Sequence[_Tok]) -> None:
        self.forms: dict[str, list[int]] = {}
        for i, t in enumerate(tokens):
            self.forms.setdefault(t.folded, []).append(i)
        self.by_core: dict[str, set[str]] = {}
        for form in self.forms:
            for core in _cores(form):
                self.by_core.setdefault(core, set()).add(form)
        self._by_key: dict[str, set[str]] | None = None
        self._memo: dict[tuple[str, bool], list[int]] = {}

    def _fuzzy_keys(self) -> dict[str, set[str]]:
        if self._by_key is None:
            by_key: dict[str, set[str]] = {}
            for core in self.by_core:
                if len(core) >= 4:
                    for key in _deletes(core):
                        by_key.setdefault(key, set()).add(core)
                else:
                    by_key.setdefault(core, set()).add(core)
            self._by_key = by_key
        return self._by_key

    def lookup(self, word: str, fuzzy_ok: bool = True) -> list[int]:
        """Indexes of tokens that are a form of the (folded) term word (memoised: the caller
        must not change the list)."""
        key = (word, fuzzy_ok)
        got = self._memo.get(key)
        if got is None:
            got = self._lookup(word, fuzzy_ok)
            if len(self._memo) < _MEMO_MAX:
                self._memo[key] = got
        return got

    def _lookup(self, word: str, fuzzy_ok: bool) -> list[int]:
        if not word:
            return []
        if not any(c.isalpha() for c in word):
            return list(self.forms.get(word, []))
        stem = stem_of(word)
        endings = _LONG_ENDINGS if len(stem) >= 4 else _SHORT_ENDINGS
        fuzzy = fuzzy_ok and sum(c.isalpha() for c in word) >= 5
        hits: set[str] = set()
        for st in {stem, word}:
            if fuzzy:
                by_key = self._fuzzy_keys()
                cores = {c for key in _deletes(st) for c in by_key.get(key, ())}
                cores = {c for c in cores if c == st or _within_one(c, st)}
            else:
                cores = {st} if st in self.by_core else set()
            for core in cores:
                for form in self.by_core[core]:
                    if form[len(core) :] in endings:
                        hits.add(form)
        if word in self.forms:
            hits.add(word)
        out: list[int] = []
        for form in hits:
            out.extend(self.forms[form])
        return out


@lru_cache(maxsize=65536)
def _cores(form: str) -> tuple[str, ...]:
    """Cores of a folded word: the word without each known case ending it ends with."""
    out = []
    for n in range(0, min(_MAX_ENDING, len(form) - 2) + 1):
        ending = form[len(form) - n :] if n else ""
        if ending in _LONG_ENDINGS:
            out.append(form[: len(form) - n])
    return tuple(out)


@lru_cache(maxsize=65536)
def _split_term(term: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A term's folded words and the normalised gaps between them."""
    ms = list(_WORD_RE.finditer(term))
    words = tuple(fold(m.group()) for m in ms)
    gaps = tuple(_norm_gap(term[ms[i].end() : ms[i + 1].start()]) for i in range(len(ms) - 1))
    return words, gaps


_Prepared = tuple[list[_Tok], list[str], list[_Tok], _Index, _Index | None, _SkelIndex, _SkelIndex]
# A text's tokens and indexes, kept while a search of several steps runs (`reuse`): a page is
# searched several times in a row (propagation, the deny terms, the propagated words), and an
# index remembers its lookups. Per thread, in memory only, dropped when the search ends.
_LOCAL = threading.local()


@contextmanager
def reuse() -> Iterator[None]:
    """Within this block (per thread), a text searched again reuses its tokens, indexes and
    lookups. Nested blocks share the outermost one's; its end drops them."""
    outer = getattr(_LOCAL, "texts", None)
    if outer is not None:
        yield
        return
    _LOCAL.texts = {}
    try:
        yield
    finally:
        _LOCAL.texts = None


def _prepared(text: str, fuzzy: bool) -> _Prepared:
    kept: dict[tuple[str, bool], _Prepared] | None = getattr(_LOCAL, "texts", None)
    key = (text, fuzzy)
    if kept is not None:
        got = kept.get(key)
        if got is not None:
            return got
    toks, gaps, joined = _tokenize(text)
    index = _Index(toks)
    jindex = _Index(joined) if joined else None
    # Whole-word look-alikes by skeleton; word lists (fuzzy=False) keep to their spelling.
    sindex = _SkelIndex(toks if fuzzy else ())
    sjindex = _SkelIndex(joined if fuzzy else ())
    got = (toks, gaps, joined, index, jindex, sindex, sjindex)
    if kept is not None:
        kept[key] = got
    return got


def find_terms(
    text: str,
    terms: Sequence[str],
    lang: str = "auto",
    label: str = "TERM",
    fuzzy: bool = True,
    why_prefix: str = "term",
) -> list[Span]:
    """Every occurrence of each term in text: case-insensitive; across line breaks and
    end-of-line hyphenation; one OCR error allowed in words of five letters or more; Russian and
    Kazakh case forms; any whitespace between the words of a multi-word term; format characters
    and look-alike letters of other scripts; letter-spaced words.

    Each span has the given label, score 1.0, `term` = n (its term's index in terms) and
    why="term #<n>" (for people: code reads `term`).
    fuzzy=False turns the OCR-error tolerance and the whole-word skeleton match off (for word
    lists)."""
    del lang  # the same rules serve every language; kept for the stable signature
    if not text or not terms:
        return []
    toks, gaps, joined, index, jindex, sindex, sjindex = _prepared(text, fuzzy)
    spans: list[Span] = []
    seen: set[tuple[int, int, int]] = set()
    for n, term in enumerate(terms):
        words, tgaps = _split_term(term)
        if not words:
            continue
        why = f"{why_prefix} #{n}"
        first = index.lookup(words[0], fuzzy) + sindex.lookup(skel(words[0]))
        found: list[tuple[int, int]] = []
        if len(words) == 1:
            found = [(toks[i].start, toks[i].end) for i in first]
            if jindex is not None:
                jhits = jindex.lookup(words[0], fuzzy) + sjindex.lookup(skel(words[0]))
                found += [(joined[i].start, joined[i].end) for i in jhits]
        else:
            later = [set(index.lookup(w, fuzzy)) | set(sindex.lookup(skel(w))) for w in words[1:]]
            for i in first:
                if i + len(words) > len(toks):
                    continue
                ok = True
                for k in range(1, len(words)):
                    if i + k not in later[k - 1] or _norm_gap(gaps[i + k - 1]) != tgaps[k - 1]:
                        ok = False
                        break
                if ok:
                    found.append((toks[i].start, toks[i + len(words) - 1].end))
        for s, e in found:
            if (s, e, n) not in seen:
                seen.add((s, e, n))
                spans.append(Span(s, e, label, 1.0, why, term=n))
    spans.sort(key=lambda sp: (sp.start, sp.end))
    return spans
