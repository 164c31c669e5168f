"""The union of the detector's parts: how their findings merge without losing any.

The combined detector (engine.py) runs every recognizer of a paragraph's language on it: spaCy
NER (English), natasha NER (Russian, Kazakh), presidio's own predefined recognizers (phone
numbers, dates, URLs, card and national numbers), our patterns and name rules, and the
recognizers added for dates, names and addresses. Their results are collected one by one:
presidio's own score threshold and duplicate removal are not used (each dropped findings of
one recognizer because of another's).

Guarantee: every finding of an identifying label of a part on a paragraph of its language
(spaCy and presidio's recognizers on English, natasha on Russian and Kazakh, patterns and rules
on all) is in the detector's output, merged as below, before the editor's allow list removes
what the editor asked to remove. A part's label is mapped to ours (PER->PERSON, GPE/LOC->
LOCATION, FAC->FACILITY, DATE_TIME->DATE, PHONE_NUMBER->PHONE, ...); ORGANIZATION, NRP, URL and
OTHER are not identifying and are not kept. No score threshold by default (Detector's
score_threshold=0): presidio's weak patterns cost no measured precision. Two precision filters
are the exception and may trim or drop an NER finding: the person-name filters (a name does not
run over a sentence end or a line break, does not start with a word that is never a name, is
not a lone capitalised Kazakh word at a sentence start that does not look like a name) and
spaCy's DATE needing a digit, month, weekday or feast ("two days", "today"). They stay because,
measured on the dev corpora, every label's recall of the combined detector stays at or above
every part's alone with them, while dropping them costs precision (all corpora: 0.828 -> 0.787
without the DATE filter, 0.828 -> 0.796 without the name filters) for at most 0.004 recall.
tests/core/detect/test_union.py checks the recall guarantee per corpus, part and label.

The merge (``merge_spans``): spans that overlap (share a character) become one span from the
first start to the last end, so nothing any of them covered is lost and a smaller span inside a
larger one goes into the larger. The merged span takes the label of the editor's own deny-list
term (TERM) if one is among them, else a rule's or grammar's label before a statistical model's
("Сентябрём" at a sentence start: a date to the date grammar, a person to natasha; "Сәуірден
бері" a date inside a sentence natasha calls a place), else the longest span's; between spans
of the same extent the label most parts gave it wins
("Dolinka": a place to two rules, a person to spaCy), then
LABEL_ORDER (a whole item such as a phone number or an e-mail before a name, a name before a
place or a date). Its score is the highest, its "why" that of the span whose label it takes; the
other spans are kept in its `more` (their reasons are shown to the editor).
Spans that only touch (one ends where the next starts) stay apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

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


def _is_ner(sp: Span) -> bool:
    return sp.why.startswith(("spacy", "natasha"))


def _rank(sp: Span, votes: int) -> tuple[int, int, int, int, int]:
    order = LABEL_ORDER.index(sp.label) if sp.label in LABEL_ORDER else len(LABEL_ORDER)
    return (0 if sp.label == "TERM" else 1, int(_is_ner(sp)), -(sp.end - sp.start), -votes, order)


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
    votes = Counter((s.start, s.end, s.label) for s in group)
    best = min(group, key=lambda s: _rank(s, votes[(s.start, s.end, s.label)]))
    start = min(s.start for s in group)
    end = max(s.end for s in group)
    score = max(s.score for s in group)
    # the others' reasons are kept with it (the editor is shown every reason)
    more = tuple(m for s in group for m in ((s, *s.more) if s is not best else s.more))
    return replace(best, start=start, end=end, score=score, term=None, more=more)
