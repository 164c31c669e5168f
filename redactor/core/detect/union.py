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
spaCy's DATE needing a digit, month, weekday or feast ("two days", "today"). A possessive
ending is no part of a name or place ("Russell's" -> "Russell"; engine._raw). They stay because,
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
of the same extent a pattern that read a word before the value (``BY_CONTEXT``: "Дело
2019-03-15" is a case number, though it reads as a date), then the label most parts gave it wins
("Dolinka": a place to two rules, a person to spaCy), then
LABEL_ORDER (a whole item such as a phone number or an e-mail before a name, a name before a
place or a date). Its score is the highest, its "why" that of the span whose label it takes; the
other spans are kept in its `more` (their reasons are shown to the editor).
Spans that only touch (one ends where the next starts) stay apart.

Before the merge (``cut_names``), a person's name gives way to a place named by its kind or an
address that starts inside it and runs on past it (or ends inside it, having started before
it): "Ұлым Дәурен Қасенов Орал қаласындағы" (a role rule takes three capitalised words, the
third is the city named by "қаласы"), "Әпкем Гүлмира Қарағанды, Бұқар жырау даңғылы 60" (the
address starts with its town). The name is cut at the word where the place starts, so the two
stay apart, each with its own label; every character stays covered (the place's span covers
what the name lost).
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


# LOCATION findings whose evidence is a kind word ("Орал қаласы", "г. Павлодар", "реки Ишим",
# "the village of X", "Karaganda region"): a place, whatever else the word could be.
PLACE_BY_KIND = frozenset(
    {
        "place_kk",
        "place_kind_kk",
        "place before kind word",
        "place after kind word",
        "place in a list before kind word",
        "city_ru",
        "city_ru_with_prefix",
        "region_ru",
        "region_en",
        "place_en_settlement",
    }
)
_EDGE = " \t\r\n,;:()[]{}\"«»“”'’—–-"


def _is_ner(sp: Span) -> bool:
    return sp.why.startswith(("spacy", "natasha"))


# Patterns whose evidence is a word before the value ("дело №", "case", "ИИН", "phone",
# "cell"): between spans of the same extent their label beats a shape's ("Дело 2019-03-15": a
# case number, though it reads as a date).
BY_CONTEXT = frozenset(
    {
        "case_number",
        "id_by_context",
        "passport_by_context",
        "prisoner_number",
        "number_by_context",
        "number_by_context_ru_kk",
        "badge_number",
        "phone_by_context",
        "postcode_by_context",
    }
)


def _rank(sp: Span, votes: int) -> tuple[int, int, int, int, int, int]:
    order = LABEL_ORDER.index(sp.label) if sp.label in LABEL_ORDER else len(LABEL_ORDER)
    return (
        0 if sp.label == "TERM" else 1,
        int(_is_ner(sp)),
        -(sp.end - sp.start),
        0 if sp.why in BY_CONTEXT else 1,
        -votes,
        order,
    )


def _by_kind(sp: Span) -> bool:
    """A place named by its kind word, an address, or a facility named by its kind."""
    if _is_ner(sp):
        return False
    return sp.label in ("ADDRESS", "FACILITY") or (
        sp.label == "LOCATION" and sp.why in PLACE_BY_KIND
    )


def _word_edge(text: str, i: int) -> bool:
    return not (0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum())


def cut_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """Person spans cut where a place named by its kind or an address starts inside them and
    runs past their end (or ends inside them, starting before): see the module docstring."""
    anchors = [q for q in spans if _by_kind(q)]
    if not anchors:
        return list(spans)
    out: list[Span] = []
    for sp in spans:
        if sp.label != "PERSON":
            out.append(sp)
            continue
        s, e = sp.start, sp.end
        for q in anchors:
            if s < q.start < e <= q.end and _word_edge(text, q.start):
                e = q.start
            elif q.start <= s < q.end < e and _word_edge(text, q.end):
                s = q.end
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        while s < e and text[s] in _EDGE:
            s += 1
        if (s, e) == (sp.start, sp.end):
            out.append(sp)
        elif any(c.isalpha() for c in text[s:e]):
            out.append(Span(s, e, sp.label, sp.score, sp.why, sp.term))
    return out


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
