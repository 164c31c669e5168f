"""The JSONL corpus contract (DESIGN.md): one document a line,
``{"id", "lang", "text", "spans": [{"start", "end", "label"}]}``; detection over a corpus file
and token-level scoring.

Scoring: a token is a run of letters and digits. A gold token is one that overlaps a gold span
of an identifying label; it counts as hidden only if every one of its characters is covered by
predicted spans. A predicted token is one with any character covered; it is a false positive
only if it overlaps no gold span at all (ORGANIZATION, PUBLIC and OTHER spans are neither
required nor penalised). Label accuracy: of the hidden gold tokens, those a predicted span of the
gold label covers (an editor reads a city marked PERSON as a wrong label, even though it is hidden).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redactor.core.model import IDENTIFYING_LABELS, Span

_TOKEN_RE = re.compile(r"[^\W_]+")


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def write_jsonl(path: str | Path, docs: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def spans_to_json(spans: Sequence[Span]) -> list[dict[str, Any]]:
    return [
        {"start": s.start, "end": s.end, "label": s.label, "score": s.score, "why": s.why}
        for s in spans
    ]


def detect_jsonl(
    in_path: str | Path,
    out_path: str | Path,
    profile: str = "strict",
    lang: str = "auto",
    spacy_model: str | None = None,
    detector: Any = None,
) -> None:
    """Write the documents of in_path to out_path with predicted spans (start, end, label,
    score, why). Each document is analysed on its own."""
    from redactor.core.detect.engine import Detector

    det = detector or Detector(profile=profile, spacy_model=spacy_model)
    out = []
    for doc in read_jsonl(in_path):
        spans = det.analyze(doc.get("text", ""), lang)
        new = dict(doc)
        new["spans"] = spans_to_json(spans)
        out.append(new)
    write_jsonl(out_path, out)


@dataclass
class Score:
    """Token counts for one slice (a language, a label)."""

    gold: int = 0
    hidden: int = 0
    predicted: int = 0
    false_pos: int = 0
    labelled: int = 0  # hidden gold tokens a predicted span of the gold label covers

    @property
    def label_accuracy(self) -> float:
        return self.labelled / self.hidden if self.hidden else float("nan")

    @property
    def recall(self) -> float:
        return self.hidden / self.gold if self.gold else float("nan")

    @property
    def precision(self) -> float:
        return 1 - self.false_pos / self.predicted if self.predicted else float("nan")


@dataclass
class Report:
    by_lang_label: dict[tuple[str, str], Score] = field(default_factory=lambda: defaultdict(Score))

    def total(self, lang: str | None = None, label: str | None = None) -> Score:
        t = Score()
        for (lg, lab), s in self.by_lang_label.items():
            if (lang is None or lg == lang) and (label is None or lab == label):
                t.gold += s.gold
                t.hidden += s.hidden
                t.labelled += s.labelled
                if lab == "*":
                    t.predicted += s.predicted
                    t.false_pos += s.false_pos
        return t


def score_doc(
    text: str,
    gold: Sequence[dict[str, Any]],
    pred: Sequence[dict[str, Any]] | Sequence[Span],
    lang: str,
    report: Report,
    labels: Iterable[str] = IDENTIFYING_LABELS,
    annotated: Iterable[str] | None = None,
) -> None:
    """Add one document's token counts to report (per label, and "*" for precision).

    annotated: the labels the corpus annotates at all (default: all). A prediction of a label
    the corpus does not annotate (a date in a corpus without dates) is left out of precision.
    An address is judged as a place where the corpus files addresses under LOCATION (it
    annotates LOCATION, not ADDRESS): right where it is gold, wrong where it is not."""
    wanted = set(labels)
    judged = set(annotated) if annotated is not None else None
    if judged is not None and "LOCATION" in judged and "ADDRESS" not in judged:
        judged.add("ADDRESS")
    pcovered = bytearray(len(text) + 1)
    covered = bytearray(len(text) + 1)
    plabels: dict[int, set[str]] = defaultdict(set)
    for p in pred:
        s, e, lab = (
            (p.start, p.end, p.label) if isinstance(p, Span) else (p["start"], p["end"], p["label"])
        )
        if lab in wanted or lab == "TERM":
            for i in range(max(0, s), min(len(text), e)):
                covered[i] = 1
                plabels[i].add(lab)
                if judged is None or lab in judged:
                    pcovered[i] = 1
    any_gold = bytearray(len(text) + 1)
    for g in gold:
        for i in range(max(0, g["start"]), min(len(text), g["end"])):
            any_gold[i] = 1
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        tok_labels = {
            g["label"] for g in gold if g["label"] in wanted and g["start"] < e and s < g["end"]
        }
        hidden = all(covered[s:e])
        for lab in tok_labels:
            sc = report.by_lang_label[(lang, lab)]
            sc.gold += 1
            sc.hidden += int(hidden)
            sc.labelled += int(hidden and all(lab in plabels[i] for i in range(s, e)))
        if any(pcovered[s:e]):
            sc = report.by_lang_label[(lang, "*")]
            sc.predicted += 1
            if not any(any_gold[s:e]):
                sc.false_pos += 1
