"""The union of the detector's parts: how their findings merge without losing any.

The combined detector (engine.py) runs every recognizer of a paragraph's language on it: spaCy
NER (English), natasha NER (Russian, Kazakh), presidio's own predefined recognizers (phone
numbers, dates, URLs, card and national numbers), our patterns and name rules, and the
recognizers added for dates, names and addresses. Their results are collected one by one:
presidio's own score threshold and duplicate removal are not used (each dropped findings of
one recognizer because of another's).

Guarantee: every finding of an identifying label of every part is covered, character for
character, by the detector's output (before the editor's allow list, which removes what the
editor asked to remove). A part's label is mapped to ours (PER->PERSON, GPE/LOC->LOCATION,
FAC->FACILITY, DATE_TIME->DATE, PHONE_NUMBER->PHONE, ...); ORGANIZATION, NRP, URL and OTHER are
not identifying and are not kept. The precision filters on NER person names (a name does not
run over a sentence end or a line break, does not start with a word that is never a name, is
not a lone capitalised Kazakh word at a sentence start) only trim or drop NER names; they stay
because the benchmark measures every label's recall of the combined detector at or above every
part alone with them (tests/core/detect/test_union.py checks it on the dev corpora).

The merge (``merge_spans``): spans that overlap (share a character) become one span from the
first start to the last end, so nothing any of them covered is lost and a smaller span inside a
larger one goes into the larger. The merged span takes the label of the editor's own deny-list
term (TERM) if one is among them, else of the longest span, ties broken by LABEL_ORDER (a whole
item such as a phone number or an e-mail before a name, a name before a place or a date); its
score is the highest, its "why" that of the span whose label it takes. Spans that only touch
(one ends where the next starts) stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from redactor.core.model import Span

# Label conflicts between spans of the same length: earlier wins. Whole items first (their
# boxes grow over the words an OCR reader split them into, mapping.WHOLE_LABELS).
LABEL_ORDER = (
    "TERM",
    "EMAIL",
    "PHONE",
    "ID",
    "ADDRESS",
    "FACILITY",
    "PERSON",
    "LOCATION",
    "DATE",
)


def _rank(sp: Span) -> tuple[int, int, int]:
    order = LABEL_ORDER.index(sp.label) if sp.label in LABEL_ORDER else len(LABEL_ORDER)
    return (0 if sp.label == "TERM" else 1, -(sp.end - sp.start), order)


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    """Overlapping spans merged into one (see the module docstring), sorted by start."""
    out: list[Span] = []
    group: list[Span] = []
    end = -1
    for sp in sorted(spans, key=lambda s: (s.start, -s.end)):
        if sp.end <= sp.start:
            continue
        if group and sp.start >= end:
            out.append(_merge(group))
            group = []
        group.append(sp)
        end = max(end, sp.end) if len(group) > 1 else sp.end
    if group:
        out.append(_merge(group))
    return out


def _merge(group: list[Span]) -> Span:
    if len(group) == 1:
        return group[0]
    best = min(group, key=_rank)
    start = min(s.start for s in group)
    end = max(s.end for s in group)
    score = max(s.score for s in group)
    return Span(start, end, best.label, score, best.why)
