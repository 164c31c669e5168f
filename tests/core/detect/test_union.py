"""The union guarantee: the combined detector finds at least what each plain component finds
alone (components.py, union.py).

On the dev corpora (letters, ner_en, ner_ru, ner_kk, ocr_gt), for every corpus, component and
label, the combined token recall must be at or above the component's recall alone, each
component on the languages it is built for (plain presidio and spaCy on English, natasha on
Russian and Kazakh, our patterns on all three). To keep the run short this takes every n-th
document of each corpus, about WORDS words of each; bench/detect.py runs the whole corpora and
prints the table.

Without the data, the merge rule is still tested on constructed spans, and findings of plain
presidio that the detector used to lose (a recognizer not in its registry, a score under its
old threshold) on texts written here.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import cache, lru_cache
from pathlib import Path

import pytest

from redactor.core.detect.corpus import Report, read_jsonl, score_doc
from redactor.core.detect.union import merge_spans
from redactor.core.model import IDENTIFYING_LABELS, Span
from tests.support.data import DATA, ROOT

WORDS = 8000
CORPORA = {
    "letters": "letters/letters.jsonl",
    "ner_en": "corpora/ner_en.dev.jsonl",
    "ner_ru": "corpora/ner_ru.dev.jsonl",
    "ner_kk": "corpora/ner_kk.dev.jsonl",
    "ocr_gt": "scans/ocr_gt_ner.jsonl",
}
# the languages each component is built for (components.py)
COMPONENT_LANGS = {
    "presidio": ("en",),
    "natasha": ("ru", "kk"),
    "spacy": ("en",),
    "patterns": ("en", "ru", "kk"),
}


@cache
def _docs(corpus: str) -> tuple[dict, ...]:
    """Every n-th document of a corpus, n chosen so that they hold about WORDS words (the
    corpora mix genres in runs: a stride samples them all; a small corpus is taken whole)."""
    path = DATA / CORPORA[corpus]
    if not path.is_file():
        return ()
    docs = list(read_jsonl(path))
    total = sum(len(d["text"].split()) for d in docs)
    stride = max(1, -(-total // WORDS))
    return tuple(docs[::stride])


def _cases() -> list[tuple[str, str, str, str]]:
    """(corpus, component, language, label) with gold spans of that label and language among
    the documents tested; one placeholder (skipped) without the data."""
    cases = []
    for corpus in CORPORA:
        gold = {(d.get("lang"), s["label"]) for d in _docs(corpus) for s in d["spans"]}
        for comp, langs in COMPONENT_LANGS.items():
            for lang in langs:
                for label in IDENTIFYING_LABELS:
                    if (lang, label) in gold:
                        cases.append((corpus, comp, lang, label))
    return cases or [("letters", "presidio", "en", "PERSON")]


def _component_spans(texts: dict[str, list[tuple[str, str]]]) -> dict[str, list[dict]]:
    """Per corpus, per document (text, language), each plain component's spans (a component
    only on documents of its languages). Run in a process of its own (the `found` fixture)."""
    from redactor.core.detect.components import all_components

    comps = all_components()
    return {
        corpus: [
            {c.name: c.find(text, lang) for c in comps if lang in c.langs} for text, lang in docs
        ]
        for corpus, docs in texts.items()
    }


@pytest.fixture(scope="module")
def found(detector, data_dir: Path) -> dict[str, list[tuple[dict, dict[str, list[Span]]]]]:
    """Per corpus, each document with the spans of the combined detector and of each
    component on it (a component only on documents of its languages).

    The components run alone in a spawned process of their own while this one runs the
    combined detector: the same work on both cores (each component is built fresh there, as
    bench/detect.py builds it, and shares nothing with the detector)."""
    texts = {c: [(d["text"], d.get("lang", "xx")) for d in _docs(c)] for c in CORPORA}
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx) as pool:
        alone = pool.submit(_component_spans, texts)
        combined = {c: [detector.analyze(text) for text, _ in texts[c]] for c in CORPORA}
        by_component = alone.result()
    out: dict[str, list[tuple[dict, dict[str, list[Span]]]]] = {}
    for corpus in CORPORA:
        out[corpus] = [
            (doc, {"combined": spans, **comps})
            for doc, spans, comps in zip(
                _docs(corpus), combined[corpus], by_component[corpus], strict=True
            )
        ]
    return out


@pytest.fixture(scope="module")
def reports(found) -> dict[tuple[str, str], Report]:
    """Token reports of the combined detector and of each component, per corpus."""
    out: dict[tuple[str, str], Report] = {}
    for corpus, docs in found.items():
        annotated = {s["label"] for d, _ in docs for s in d["spans"]}
        for doc, spans in docs:
            for col, sps in spans.items():
                rep = out.setdefault((corpus, col), Report())
                score_doc(doc["text"], doc["spans"], sps, doc["lang"], rep, annotated=annotated)
    return out


@pytest.mark.parametrize(("corpus", "component", "lang", "label"), _cases())
def test_combined_recall_at_least_component(reports, corpus, component, lang, label):
    alone = reports[(corpus, component)].total(lang, label)
    combined = reports[(corpus, "combined")].total(lang, label)
    assert combined.gold == alone.gold
    assert combined.hidden >= alone.hidden, (
        f"{corpus} {lang} {label}: combined recall {combined.recall:.3f} "
        f"< {component} alone {alone.recall:.3f}"
    )


def _ner_name_or_date(component: str, sp: Span) -> bool:
    """An NER person name or date: the two findings a precision filter may still trim or drop
    (union.py); recall above guards them."""
    ner = component in ("spacy", "natasha") or sp.why == "SpacyRecognizer"
    return ner and sp.label in ("PERSON", "DATE")


@pytest.mark.parametrize("corpus", list(CORPORA))
@pytest.mark.parametrize("component", list(COMPONENT_LANGS))
def test_every_component_finding_survives(found, corpus, component):
    """Gold or not: every letter and digit of every identifying finding of the component is
    inside a span of the combined detector (but a possessive "'s" after a name or place)."""
    lost = []
    for doc, spans in found[corpus]:
        text = doc["text"]
        ours = spans["combined"]
        for sp in spans.get(component, []):
            if sp.label not in IDENTIFYING_LABELS or _ner_name_or_date(component, sp):
                continue
            end = sp.end
            if text[sp.start : end].endswith(("'s", "’s")):
                end -= 2  # a possessive ending is no part of a name or place (union.py)
            chars = [i for i in range(sp.start, end) if text[i].isalnum()]
            if not all(any(o.start <= i < o.end for o in ours) for i in chars):
                lost.append((doc.get("id"), sp.label, sp.why))  # never the text itself
    assert not lost, lost[:20]


# -- the merge rule, on constructed spans


def _s(start: int, end: int, label: str, score: float = 0.5, why: str = "") -> Span:
    return Span(start, end, label, score, why or label.lower())


def test_merge_nested_goes_into_the_larger():
    out = merge_spans([_s(4, 10, "PERSON", 0.9), _s(0, 20, "ADDRESS", 0.6)])
    assert out == [Span(0, 20, "ADDRESS", 0.9, "address")]


def test_merge_partial_overlap_covers_both_and_takes_the_longer_label():
    out = merge_spans([_s(0, 8, "PERSON"), _s(5, 25, "LOCATION", 0.7)])
    assert out == [Span(0, 25, "LOCATION", 0.7, "location")]


def test_merge_same_length_label_conflict_by_order():
    out = merge_spans([_s(3, 9, "DATE", 0.85), _s(3, 9, "PHONE", 0.4)])
    assert [(s.start, s.end, s.label, s.score) for s in out] == [(3, 9, "PHONE", 0.85)]


def test_merge_same_extent_label_by_votes():
    spans = [_s(0, 7, "PERSON", 0.85), _s(0, 7, "LOCATION", 0.3), _s(0, 7, "LOCATION", 0.7)]
    assert [(s.label, s.score) for s in merge_spans(spans)] == [("LOCATION", 0.85)]


def test_merge_term_wins_and_chains_merge():
    out = merge_spans([_s(0, 5, "PERSON"), _s(4, 12, "TERM", 1.0), _s(11, 30, "LOCATION")])
    assert [(s.start, s.end, s.label) for s in out] == [(0, 30, "TERM")]


def test_merge_touching_spans_stay_apart_and_nothing_is_dropped():
    spans = [_s(0, 5, "PERSON"), _s(5, 9, "DATE"), _s(20, 22, "ID"), _s(21, 21, "ID")]
    out = merge_spans(spans)
    assert [(s.start, s.end, s.label) for s in out] == [
        (0, 5, "PERSON"),
        (5, 9, "DATE"),
        (20, 22, "ID"),
    ]


def test_merge_covers_every_input_character():
    spans = [
        _s(a, a + w, lab)
        for a, w, lab in [
            (0, 3, "DATE"),
            (2, 7, "PERSON"),
            (9, 4, "ID"),
            (10, 1, "PHONE"),
            (15, 5, "EMAIL"),
            (18, 8, "ID"),
        ]
    ]
    out = merge_spans(spans)
    inside = {i for s in spans for i in range(s.start, s.end)}
    assert inside <= {i for s in out for i in range(s.start, s.end)}
    assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False))


# -- findings of plain presidio that the detector used to lose


@lru_cache(maxsize=1)
def _presidio():
    from redactor.core.detect.components import PresidioPlain

    return PresidioPlain()


@pytest.mark.parametrize(
    ("text", "found", "label"),
    [
        # presidio's PhoneRecognizer (phonenumbers) was not in the detector's registry
        ("Ring me on (020) 7946 0958 after six.", "(020) 7946 0958", "PHONE"),
        ("Call 1-800-555-0199 any time.", "1-800-555-0199", "PHONE"),
        # a driver's licence number without context scores 0.3: under the old threshold 0.35
        ("He wrote D1234567 on the form.", "D1234567", "ID"),
    ],
)
def test_presidio_finding_survives(detector, text, found, label):
    start = text.index(found)
    plain = [s for s in _presidio().find(text) if s.start <= start and s.end >= start + len(found)]
    assert any(s.label == label for s in plain), plain  # the component finds it alone
    spans = detector.analyze(text)
    # every letter and digit of it is covered (brackets around may be trimmed)
    chars = [i for i in range(start, start + len(found)) if text[i].isalnum()]
    assert all(any(s.start <= i < s.end for s in spans) for i in chars), spans


# -- quiet stderr


def test_cli_detect_prints_no_presidio_warnings(tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text(
        "Asel Zhunusova read the Bible in English during World War II and bought an iPhone "
        "for the Olympic Games. Call +7 701 123 4567 on 3 May 2021.\n\n"
        "Мой брат Тимур Ахметов сидит в колонии ЛА-155/18 с марта 2020 года.\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "redactor.cli.main", "detect", "--json", str(src)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert found  # it did detect
    noise = [
        line
        for line in proc.stderr.splitlines()
        if "presidio" in line.lower() or "not mapped" in line or "WARNING" in line
    ]
    assert not noise, noise
