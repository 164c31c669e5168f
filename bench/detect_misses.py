"""The combined detector's misses and false positives on a corpus, with context, grouped by the
document's source (the id's prefix: "gum", "ehri", "wnut17", ...): what to look at before
changing a rule. Scoring as corpus.score_doc (a gold token is missed unless every character is
covered; a predicted token is false if it touches no gold span).

    python bench/detect_misses.py ner_en [--limit N] [--label PERSON] [--false] [--cache F]

--cache F keeps the detector's spans in F (JSONL) and reads them from there when it exists, so
the grouping can be redone without running the detector. Prints to stdout only; nothing is
kept in the repository. Never part of the test run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from redactor.core.detect.corpus import _TOKEN_RE, read_jsonl  # noqa: E402
from redactor.core.model import IDENTIFYING_LABELS  # noqa: E402


def predictions(path: Path, limit: int, cache: Path | None) -> list[list[dict]]:
    if cache and cache.exists():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    from redactor.core.detect.engine import Detector

    det = Detector()
    out = []
    for n, doc in enumerate(read_jsonl(path)):
        if limit and n >= limit:
            break
        out.append(
            [
                {"start": s.start, "end": s.end, "label": s.label, "why": s.why}
                for s in det.analyze(doc["text"])
            ]
        )
    if cache:
        cache.write_text("\n".join(json.dumps(p) for p in out) + "\n", encoding="utf-8")
    return out


def ctx(text: str, s: int, e: int, width: int = 40) -> str:
    a, b = max(0, s - width), min(len(text), e + width)
    return (text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]).replace("\n", "⏎")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", help="ner_en, ner_ru, ner_kk, or a path")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--label", default="", help="comma-separated gold labels (default: all)")
    ap.add_argument("--false", action="store_true", help="false positives instead of misses")
    ap.add_argument("--cache", default="")
    args = ap.parse_args()
    path = Path(args.corpus)
    if not path.exists():
        path = Path(args.data) / "corpora" / f"{args.corpus}.dev.jsonl"
    docs = list(read_jsonl(path))
    if args.limit:
        docs = docs[: args.limit]
    preds = predictions(path, args.limit, Path(args.cache) if args.cache else None)
    wanted = set(args.label.split(",")) if args.label else set(IDENTIFYING_LABELS)
    lines: dict[str, list[str]] = defaultdict(list)
    counts: Counter[tuple[str, str]] = Counter()
    for doc, pred in zip(docs, preds, strict=False):
        text = doc["text"]
        src = doc["id"].split(":")[0]
        cov = bytearray(len(text) + 1)
        for p in pred:
            if p["label"] in IDENTIFYING_LABELS or p["label"] == "TERM":
                for i in range(p["start"], p["end"]):
                    cov[i] = 1
        gold = [g for g in doc["spans"]]
        anyg = bytearray(len(text) + 1)
        for g in gold:
            for i in range(g["start"], g["end"]):
                anyg[i] = 1
        if args.false:
            for p in pred:
                if p["label"] not in wanted:
                    continue
                bad = [
                    m
                    for m in _TOKEN_RE.finditer(text, p["start"], p["end"])
                    if not any(anyg[m.start() : m.end()])
                ]
                if bad:
                    counts[(src, p["label"])] += len(bad)
                    lines[src].append(
                        f"{p['label']:<9} {p['why'][:28]:<28} {ctx(text, p['start'], p['end'])}"
                    )
            continue
        for g in gold:
            if g["label"] not in wanted:
                continue
            toks = list(_TOKEN_RE.finditer(text, g["start"], g["end"]))
            missed = [m for m in toks if not all(cov[m.start() : m.end()])]
            if missed:
                counts[(src, g["label"])] += len(missed)
                part = (
                    ""
                    if len(missed) == len(toks)
                    else " (part: " + " ".join(m.group() for m in missed) + ")"
                )
                lines[src].append(f"{g['label']:<9} {ctx(text, g['start'], g['end'])}{part}")
    for src in sorted(lines):
        print(f"\n## {src}")
        for ln in lines[src]:
            print(ln)
    print("\n## tokens by source and label")
    for (src, lab), n in sorted(counts.items()):
        print(f"{src:<16} {lab:<9} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
