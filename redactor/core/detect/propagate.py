"""A term found once is found everywhere: other grammatical forms, the surname or first name
alone, the other script; across every text of a letter or batch."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import regex

from redactor.core.detect.nicknames import is_ambiguous, propagated_ok, related_names
from redactor.core.detect.terms import find_terms, fold
from redactor.core.detect.translit import is_cyrillic, variants
from redactor.core.lookalike import drop_format, to_main_script
from redactor.core.model import Span

# Labels whose surface text is searched again; for the others patterns already find every copy.
PROPAGATED_LABELS = frozenset({"PERSON", "LOCATION", "FACILITY", "ID", "PHONE", "EMAIL", "TERM"})
# Labels whose other forms and spellings are searched too (not only the exact text).
_NAME_LIKE = frozenset({"PERSON", "LOCATION", "FACILITY", "TERM"})
_KK_SUFFIXES = sorted(
    (
        "ның нің дың дің тың тің ға ге қа ке на не а е ды ді ты ті ны ні н да де та те "
        "нда нде дан ден тан тен нан нен мен бен пен ым ім м ың ің ңыз ңіз сы сі ы і"
    ).split(),
    key=len,
    reverse=True,
)
_MAX_TERM_WORDS = 6
_MAX_TERM_CHARS = 80
_INITIAL_RE = regex.compile(r"^\p{Lu}\.?$")
_WORD_RE = regex.compile(r"[\p{L}][\p{L}\-’']*")


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    from redactor.core.detect.recognizers import read_list

    return frozenset(w.lower() for w in read_list("not_names.txt"))


def _common_word(surface: str) -> bool:
    """One Latin word that is a common English word and in no name or place list."""
    from redactor.core.detect.en_names import is_common_english_word

    return (
        " " not in surface
        and surface.isascii()
        and surface.isalpha()
        and is_common_english_word(surface)
    )


def _cap(w: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return w.upper()
    if like[:1].isupper():
        return w[:1].upper() + w[1:]
    return w


@lru_cache(maxsize=8192)
def _word_forms(word: str) -> tuple[str, ...]:
    """Base forms of one word: pymorphy3 normal forms and the other gender of a surname
    (Russian), the word without a Kazakh case suffix (Kazakh)."""
    out: list[str] = []
    if not is_cyrillic(word) or len(word) < 3:
        return ()
    morph = _morph()
    for p in morph.parse(word)[:4]:
        gram = set(p.tag.grammemes)
        if not ({"Surn", "Name", "Patr", "Geox"} & gram):
            continue
        out.append(_cap(p.normal_form, word))
        if "Surn" in gram:
            for g in ("masc", "femn"):
                infl = p.inflect({g, "nomn", "sing"})
                if infl is not None:
                    out.append(_cap(infl.word, word))
    low = word.lower()
    for suf in _KK_SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 4:
            out.append(word[: len(word) - len(suf)])
            break
    seen: list[str] = []
    for f in out:
        if f and f.lower() != low and f not in seen:
            seen.append(f)
    return tuple(seen)


def expand_term(term: str) -> list[str]:
    """The term, its other grammatical base forms (pymorphy3 for Russian, Kazakh suffixes
    stripped) and their Latin or Cyrillic spellings (iuliia schemes)."""
    return list(_expand(term))


@lru_cache(maxsize=8192)
def _expand(term: str) -> tuple[str, ...]:
    term = " ".join(term.split())
    if not term:
        return ()
    # A word with look-alike letters of another script is spelled in its main script first
    # ("Ospаnov" with a Cyrillic а -> "Ospanov"), so its forms and transliterations are real.
    words = [to_main_script(drop_format(w)) for w in term.split(" ")]
    forms = [term]
    if " ".join(words) != term:
        forms.append(" ".join(words))
    # Replace one word at a time by each of its base forms, then all words by their first form.
    alts = [_word_forms(w.strip(".,")) for w in words]
    for i, a in enumerate(alts):
        for f in a:
            forms.append(" ".join(words[:i] + [f] + words[i + 1 :]))
    if sum(1 for a in alts if a) > 1:
        forms.append(" ".join(a[0] if a else w for w, a in zip(words, alts, strict=True)))
    out: list[str] = []
    for f in forms:
        for v in (f, *variants(f)):
            if v and v not in out:
                out.append(v)
    return tuple(out)


def _name_parts(surface: str) -> list[str]:
    """Words of a person's name that identify on their own (first name, surname)."""
    nn = _not_names()
    parts = []
    for m in _WORD_RE.finditer(surface):
        w = m.group()
        if len(w) < 3 or _INITIAL_RE.match(w) or w.lower() in nn or not w[0].isupper():
            continue
        parts.append(w)
    return parts if len(parts) > 1 else []


def _nicknames(surface: str) -> list[str]:
    """Diminutives of the first names in a person's name, and the full names of its
    diminutives ("Анатолий" -> "Толик", "Толя"; "Толик" -> "Анатолий")."""
    out: list[str] = []
    for m in _WORD_RE.finditer(surface):
        w = m.group()
        if len(w) < 2 or not w[0].isupper():
            continue
        for n in related_names(w):
            if n not in out:
                out.append(n)
    return out


def collect_terms(
    texts: Sequence[str],
    spans: Sequence[Sequence[Span]],
    origins: list[tuple[int, int, int] | None] | None = None,
) -> list[tuple[str, str]]:
    """(term, label) pairs to search for, from what was found; `origins` (if given) gets, for
    each pair, where its span is: (text index, start, end)."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    where: tuple[int, int, int] | None = None

    def add(term: str, label: str) -> None:
        key = " ".join(fold(w) for w in term.split())
        if key and key not in seen and any(c.isalnum() for c in term):
            seen.add(key)
            out.append((term, label))
            if origins is not None:
                origins.append(where)

    for n, (text, sps) in enumerate(zip(texts, spans, strict=True)):
        for sp in sps:
            where = (n, sp.start, sp.end)
            if sp.label not in PROPAGATED_LABELS:
                continue
            surface = text[sp.start : sp.end].strip()
            if len(surface) < 2 or len(surface) > _MAX_TERM_CHARS:
                continue  # a span longer than any name is not searched again
            if len(surface.split()) > _MAX_TERM_WORDS:
                continue
            if sp.label in ("PERSON", "LOCATION") and _common_word(surface):
                continue  # "Image", "Magic": its other copies are the word, not a name
            if sp.label in _NAME_LIKE:
                for f in expand_term(surface):
                    add(f, sp.label)
                if sp.label in ("PERSON", "TERM"):
                    for part in _name_parts(surface):
                        for f in expand_term(part):
                            add(f, sp.label)
                if sp.label == "PERSON":
                    for name in _nicknames(surface):
                        for f in expand_term(name):
                            add(f, sp.label)
            elif sum(c.isalnum() for c in surface) >= 4:
                add(surface, sp.label)
    return out


def propagate(
    texts: Sequence[str],
    spans: Sequence[Sequence[Span]],
    extra_terms: Sequence[tuple[str, str]] = (),
) -> list[list[Span]]:
    """Each text's spans plus every other occurrence, in any of the texts, of what was found."""
    # The caller's own terms (the deny list) come first: their label wins for the same text.
    origins: list[tuple[int, int, int] | None] = [None] * len(extra_terms)
    pairs = list(extra_terms) + collect_terms(texts, spans, origins)
    terms = [t for t, _ in pairs]
    labels = [lab for _, lab in pairs]
    result: list[list[Span]] = []
    for text, sps in zip(texts, spans, strict=True):
        have = {(s.start, s.end) for s in sps}
        new = list(sps)
        if terms:
            for sp in find_terms(text, terms, why_prefix="propagated from term"):
                if sp.term is None:
                    continue
                label = labels[sp.term]
                if label in _NAME_LIKE and not (
                    text[sp.start].isupper() or text[sp.start].isdigit()
                ):
                    continue  # a name's other copy is capitalised; lowercase is a common word
                if (
                    label == "PERSON"
                    and is_ambiguous(text[sp.start : sp.end])
                    and not propagated_ok(text, sp.start, sp.end)
                ):
                    continue  # "Will you": the verb, not William's nickname
                if label != "TERM" and (
                    (sp.start, sp.end) in have
                    or any(o.start <= sp.start and sp.end <= o.end for o in sps)
                ):
                    continue  # already covered (a deny-list term is always kept as such)
                have.add((sp.start, sp.end))
                # the term and where it was found go with it, for the editor's screen only
                new.append(
                    Span(
                        sp.start,
                        sp.end,
                        label,
                        0.6,
                        sp.why,
                        term_text=terms[sp.term],
                        origin=origins[sp.term],
                    )
                )
        new.sort(key=lambda s: (s.start, s.end))
        result.append(new)
    return result
