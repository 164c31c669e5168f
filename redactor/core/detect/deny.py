"""The editor's deny list: each term's other spellings, and what the list found in a letter.

A deny term is also searched in the other script ("Оспанов" finds "Ospanov") and, when it mixes
scripts ("Оspanov" typed with a Cyrillic О), in its main script; look-alike letters in the
letter itself are the term matcher's business (`terms.find_terms`). `deny_report` says which
terms mix scripts and which matched nothing, by number, so a typo in a list is not silent.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from redactor.core.detect.terms import find_terms
from redactor.core.detect.translit import variants
from redactor.core.lookalike import drop_format, is_suspect_mix, mixed_scripts_named
from redactor.core.lookalike import to_main_script as _main

log = logging.getLogger(__name__)


@lru_cache(maxsize=4096)
def deny_forms(term: str) -> tuple[str, ...]:
    """The term, its main-script spelling when it mixes scripts, and its transliterations."""
    term = " ".join(drop_format(term).split())
    if not term:
        return ()
    main = " ".join(_main(w) for w in term.split(" "))
    out: list[str] = []
    for form in (term, main, *variants(main)):
        if form and form not in out:
            out.append(form)
    return tuple(out)


def expand_deny(deny: Sequence[str]) -> tuple[list[str], list[int]]:
    """Every form of every deny term, and the number (0-based) of the term each form is of."""
    forms: list[str] = []
    owner: list[int] = []
    for n, term in enumerate(deny):
        for f in deny_forms(term):
            forms.append(f)
            owner.append(n)
    return forms, owner


def mixed_terms(deny: Sequence[str]) -> tuple[int, ...]:
    """Numbers (0-based) of the deny terms with a word that mixes scripts."""
    return tuple(n for n, t in enumerate(deny) if any(is_suspect_mix(w) for w in t.split()))


@dataclass(frozen=True)
class DenyReport:
    """Numbers (0-based) of the deny terms that mix scripts and of those found nowhere."""

    count: int
    mixed: tuple[int, ...] = ()
    unmatched: tuple[int, ...] = ()

    def warnings(self, deny: Sequence[str]) -> list[str]:
        """Plain sentences for the editor (term numbers are 1-based, as in the list; the
        scripts are named, never the term's text)."""
        out = []
        for n in self.mixed:
            word = next(w for w in deny[n].split() if is_suspect_mix(w))
            scripts = mixed_scripts_named(word)
            out.append(
                f"deny term #{n + 1} mixes {scripts} letters (typed on another keyboard "
                "layout?): it is matched by how it reads, look-alike letters folded"
            )
        for n in self.unmatched:
            out.append(f"deny term #{n + 1} matched nothing in this letter")
        return out


def deny_report(texts: Sequence[str], deny: Sequence[str]) -> DenyReport:
    """Which deny terms mix scripts and which match nothing in any of the texts (a letter's
    pages), with the same matcher and forms the redaction uses. Logs counts only."""
    forms, owner = expand_deny(deny)
    matched: set[int] = set()
    for text in texts:
        if len(matched) == len(deny):
            break
        for sp in find_terms(text, forms):
            if sp.term is not None:
                matched.add(owner[sp.term])
    report = DenyReport(
        count=len(deny),
        mixed=mixed_terms(deny),
        unmatched=tuple(n for n in range(len(deny)) if n not in matched and deny[n].strip()),
    )
    log.info(
        "deny list: %d term(s), %d mixing scripts, %d matched nothing",
        report.count,
        len(report.mixed),
        len(report.unmatched),
    )
    return report
