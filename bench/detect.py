"""Detection benchmark: token recall per corpus, language and label of every plain component
alone (components.py: plain presidio, natasha, spaCy, our patterns and name rules) and of the
combined Redactor detector, in one table with the components as columns; precision per column;
start-up seconds, pages per second after start-up, and a 400-word page's median time against
plain presidio's on the same pages in the same run.

    python bench/detect.py [--limit N] [--data ../shared/data] [--only letters,ner_kk]
                           [--no-components]

Every component runs on every text. A value in parentheses is a component on a language it is
not built for (natasha on English; presidio and spaCy, English models, on Russian and Kazakh):
shown, not promised. Elsewhere the combined detector promises at least each component's recall
(union.py); "<name" after a row names a component it falls short of. tests/core/detect/
test_union.py checks the same on the first documents of each corpus; this runs them all.

Precision counts only predictions of labels the corpus annotates (the Russian news corpus has
no dates, so a found date there is neither right nor wrong; an address is judged as a place
where the corpus annotates LOCATION and no ADDRESS). "labels": of the gold tokens found,
the share a span of the gold label covers (a city found as PERSON is hidden but mislabelled).
Never part of the pass/fail test run.
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
from redactor.core.model import IDENTIFYING_LABELS  # noqa: E402

COMBINED = "combined"


def corpora(data: Path) -> list[tuple[str, Path]]:
    return [
        ("letters", data / "letters" / "letters.jsonl"),
        ("ner_en", data / "corpora" / "ner_en.dev.jsonl"),
        ("ner_ru", data / "corpora" / "ner_ru.dev.jsonl"),
        ("ner_kk", data / "corpora" / "ner_kk.dev.jsonl"),
        ("ocr_gt", data / "scans" / "ocr_gt_ner.jsonl"),
    ]


def fmt(x: float, own: bool = True) -> str:
    if x != x:
        return "-"
    return f"{x:.3f}" if own else f"({x:.3f})"


def print_table(title: str, reps: dict[str, Report], langs_of: dict[str, tuple[str, ...]]) -> None:
    """One row per language and label, one column per component and the combined detector."""
    cols = [*langs_of, COMBINED]
    comb = reps[COMBINED]
    langs = sorted({lg for lg, _ in comb.by_lang_label})
    print(f"\n## {title}")
    print(f"{'lang':<5} {'label':<9} {'gold':>6}  " + " ".join(f"{c:>9}" for c in cols))
    for lg in [*langs, "all"]:
        lgk = None if lg == "all" else lg
        for lab in [*IDENTIFYING_LABELS, "ALL", "labels", "precision"]:
            labk = "*" if lab == "precision" else None if lab in ("ALL", "labels") else lab
            s = comb.total(lgk, labk)
            if lab not in ("ALL", "labels", "precision") and not s.gold:
                continue
            count = s.predicted if lab == "precision" else s.hidden if lab == "labels" else s.gold
            cells = []
            short = []
            for c in cols:
                t = reps[c].total(lgk, labk)
                v = (
                    t.precision
                    if lab == "precision"
                    else t.label_accuracy
                    if lab == "labels"
                    else t.recall
                )
                own = c == COMBINED or lg in langs_of[c]
                own = own or (lg == "all" and set(langs) <= set(langs_of[c]))
                cells.append(fmt(v, own))
                if (
                    own
                    and c != COMBINED
                    and lg != "all"
                    and lab not in ("precision", "labels")
                    and v == v
                    and v > s.recall + 1e-9
                ):
                    short.append(c)
            line = f"{lg:<5} {lab:<9} {count:>6}  " + " ".join(f"{x:>9}" for x in cells)
            print(line + (f"  <{','.join(short)}" if short else ""))


def pages_of(data: Path, words: int = 400, per_corpus: int = 10) -> list[str]:
    """400-word pages cut from the NER corpora."""
    texts: list[str] = []
    for name, path in corpora(data):
        if not name.startswith("ner_") or not path.exists():
            continue
        buf: list[str] = []
        got = 0
        for doc in read_jsonl(path):
            buf += doc["text"].split(" ")
            if len(buf) >= words:
                texts.append(" ".join(buf[:words]))
                buf = []
                got += 1
                if got >= per_corpus:
                    break
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per corpus")
    ap.add_argument(
        "--no-components",
        "--no-baseline",
        action="store_true",
        help="the combined detector only (plain presidio still runs for the speed ratio)",
    )
    ap.add_argument("--only", default="", help="comma-separated corpus names")
    args = ap.parse_args()
    data = Path(args.data)

    t0 = time.perf_counter()
    from redactor.core.detect.engine import Detector

    det = Detector()
    startup = time.perf_counter() - t0
    from redactor.core.detect.components import PresidioPlain, all_components

    t1 = time.perf_counter()
    presidio = PresidioPlain()
    base_startup = time.perf_counter() - t1
    comps = [] if args.no_components else all_components(presidio=presidio)
    langs_of = {c.name: c.langs for c in comps}
    page_times: list[float] = []
    words = 0
    overall = {c: Report() for c in [*langs_of, COMBINED]}
    for name, path in corpora(data):
        if args.only and name not in args.only.split(","):
            continue
        if not path.exists():
            print(f"(missing {path})")
            continue
        reps = {c: Report() for c in [*langs_of, COMBINED]}
        annotated = {s["label"] for doc in read_jsonl(path) for s in doc["spans"]}
        for n, doc in enumerate(read_jsonl(path)):
            if args.limit and n >= args.limit:
                break
            text, lang = doc["text"], doc.get("lang", "xx")
            ts = time.perf_counter()
            found = {COMBINED: det.analyze(text)}
            page_times.append(time.perf_counter() - ts)
            words += len(text.split())
            for c in comps:
                found[c.name] = c.find(text, lang)
            for col, spans in found.items():
                for r in (reps[col], overall[col]):
                    score_doc(text, doc["spans"], spans, lang, r, annotated=annotated)
        print_table(f"{name} ({path.name})", reps, langs_of)
    print_table("all corpora", overall, langs_of)
    total = sum(page_times)
    print("\n## speed")
    print(f"start-up: {startup:.2f} s (Redactor detector), {base_startup:.2f} s (plain presidio)")
    if page_times:
        wpp = 400
        print(
            f"documents: {len(page_times)}, words: {words}, "
            f"{words / total / wpp:.1f} pages/s of {wpp} words after start-up "
            f"({len(page_times) / total:.1f} documents/s)"
        )
    pages = pages_of(data)[:30]
    if pages:
        ours, plain = [], []
        for t in pages:
            ts = time.perf_counter()
            det.analyze(t)
            ours.append(time.perf_counter() - ts)
            ts = time.perf_counter()
            presidio.find(t)
            plain.append(time.perf_counter() - ts)
        mo, mp = statistics.median(ours), statistics.median(plain)
        print(
            f"400-word page: median {mo:.3f} s, max {max(ours):.3f} s over {len(ours)} pages; "
            f"plain presidio median {mp:.3f} s; ratio against plain presidio {mo / mp:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
