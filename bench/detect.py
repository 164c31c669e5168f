"""Detection benchmark: token recall per label and language, and precision, of the Redactor
detector and, in the same run, of plain presidio (spaCy small English + presidio's default
recognizers, explicit configuration, offline) on the same texts; start-up seconds and
pages per second after start-up.

    python bench/detect.py [--limit N] [--data ../shared/data] [--no-baseline]

Precision counts only predictions of labels the corpus annotates (the Russian news corpus has
no dates, so a found date there is neither right nor wrong). Never part of the pass/fail test run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from redactor.core.detect.corpus import Report, read_jsonl, score_doc  # noqa: E402
from redactor.core.model import IDENTIFYING_LABELS, Span  # noqa: E402

BASELINE_MAP = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "CREDIT_CARD": "ID",
    "IBAN_CODE": "ID",
    "US_SSN": "ID",
    "US_DRIVER_LICENSE": "ID",
    "US_PASSPORT": "ID",
    "US_BANK_NUMBER": "ID",
    "US_ITIN": "ID",
    "UK_NHS": "ID",
    "MEDICAL_LICENSE": "ID",
    "CRYPTO": "ID",
    "IP_ADDRESS": "OTHER",
    "URL": "OTHER",
    "NRP": "OTHER",
    "ORGANIZATION": "ORGANIZATION",
}


def corpora(data: Path) -> list[tuple[str, Path]]:
    return [
        ("letters", data / "letters" / "letters.jsonl"),
        ("ner_en", data / "corpora" / "ner_en.dev.jsonl"),
        ("ner_ru", data / "corpora" / "ner_ru.dev.jsonl"),
        ("ner_kk", data / "corpora" / "ner_kk.dev.jsonl"),
        ("ocr_gt", data / "scans" / "ocr_gt_ner.jsonl"),
    ]


def fmt(x: float) -> str:
    return "  -  " if x != x else f"{x:.3f}"


def print_table(title: str, ours: Report, base: Report | None) -> None:
    langs = sorted({lg for lg, _ in ours.by_lang_label})
    print(f"\n## {title}")
    head = f"{'lang':<5} {'label':<9} {'gold':>6}  {'recall':>6}"
    if base:
        head += f"  {'baseline':>8}"
    print(head)
    for lg in langs + ["all"]:
        lgk = None if lg == "all" else lg
        for lab in [*IDENTIFYING_LABELS, "ALL"]:
            labk = None if lab == "ALL" else lab
            s = ours.total(lgk, labk)
            if not s.gold and lab != "ALL":
                continue
            line = f"{lg:<5} {lab:<9} {s.gold:>6}  {fmt(s.recall):>6}"
            if base:
                line += f"  {fmt(base.total(lgk, labk).recall):>8}"
            print(line)
        p = ours.total(lgk, "*")
        line = f"{lg:<5} {'precision':<9} {p.predicted:>6}  {fmt(p.precision):>6}"
        if base:
            line += f"  {fmt(base.total(lgk, '*').precision):>8}"
        print(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per corpus")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--only", default="", help="comma-separated corpus names")
    args = ap.parse_args()
    data = Path(args.data)

    t0 = time.perf_counter()
    from redactor.core.detect.engine import Detector

    det = Detector()
    startup = time.perf_counter() - t0
    base_an = None
    if not args.no_baseline:
        from redactor.core.detect.engine import build_analyzer

        t1 = time.perf_counter()
        base_an = build_analyzer(plain=True)
        base_startup = time.perf_counter() - t1
    page_times: list[float] = []
    words = 0
    overall = Report()
    overall_base = Report() if base_an else None
    for name, path in corpora(data):
        if args.only and name not in args.only.split(","):
            continue
        if not path.exists():
            print(f"(missing {path})")
            continue
        rep, brep = Report(), Report() if base_an else None
        annotated = {s["label"] for doc in read_jsonl(path) for s in doc["spans"]}
        for n, doc in enumerate(read_jsonl(path)):
            if args.limit and n >= args.limit:
                break
            text, lang = doc["text"], doc.get("lang", "xx")
            ts = time.perf_counter()
            spans = det.analyze(text)
            page_times.append(time.perf_counter() - ts)
            words += len(text.split())
            for r in (rep, overall):
                score_doc(text, doc["spans"], spans, lang, r, annotated=annotated)
            if base_an is not None and brep is not None and overall_base is not None:
                res = base_an.analyze(text=text, language="en")
                bsp = [
                    Span(r.start, r.end, BASELINE_MAP.get(r.entity_type, "OTHER"), r.score)
                    for r in res
                ]
                for r2 in (brep, overall_base):
                    score_doc(text, doc["spans"], bsp, lang, r2, annotated=annotated)
        print_table(f"{name} ({path.name})", rep, brep)
    print_table("all corpora", overall, overall_base)
    total = sum(page_times)
    print("\n## speed")
    print(f"start-up: {startup:.2f} s (Redactor detector)")
    if base_an is not None:
        print(f"start-up: {base_startup:.2f} s (plain presidio)")
    if page_times:
        wpp = 400
        print(
            f"documents: {len(page_times)}, words: {words}, "
            f"{words / total / wpp:.1f} pages/s of {wpp} words after start-up "
            f"({len(page_times) / total:.1f} documents/s)"
        )
    # 400-word pages cut from the corpora
    texts: list[str] = []
    for name, path in corpora(data):
        if not name.startswith("ner_") or not path.exists():
            continue
        buf: list[str] = []
        got = 0
        for doc in read_jsonl(path):
            buf += doc["text"].split(" ")
            if len(buf) >= 400:
                texts.append(" ".join(buf[:400]))
                buf = []
                got += 1
                if got >= 10:
                    break
    pages = texts[:30]
    if pages:
        times = []
        for t in pages:
            ts = time.perf_counter()
            det.analyze(t)
            times.append(time.perf_counter() - ts)
        print(
            f"400-word page: median {statistics.median(times):.3f} s, "
            f"max {max(times):.3f} s over {len(times)} pages"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
