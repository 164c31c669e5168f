"""Seconds per page of an export's final check (verify_file and the barcode decode of the copy),
this checkout against another one (main's code), interleaved in one run.

    python bench/final_check.py --ref OTHER_CHECKOUT [--pages 10] [--rounds 3]

A typed letter and a scan of N pages are built from the shared dev letters and analysed once
in each checkout's own process (start-up and reading left out); then each round exports both
letters in each checkout in turn, timing the final check apart from the burning and writing.
Prints the best round of each, and the ratio. Figures, never pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TERMS = ("Kanat Yessenov", "Morozov", "Pavlodar", "AP-162/3")


def build(src: Path, pages: int, out: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(src)
    writer = PdfWriter()
    for i in range(pages):
        writer.add_page(reader.pages[i % len(reader.pages)])
    writer.write(out)


def child(letters: dict[str, str], tmp: str) -> None:
    """Runs with the checkout under test first on sys.path; answers one line per request."""
    from redactor.core import jobs
    from redactor.core.export import safe

    spent = {"check": 0.0, "symbols": 0.0}

    def timed(fn, key):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[key] += time.perf_counter() - t0

        return wrapper

    safe.verify_file = timed(safe.verify_file, "check")
    safe.check_symbols = timed(safe.check_symbols, "symbols")
    options = jobs.AnalysisOptions(deny=TERMS, detect=False, accept=True)
    analyses = {kind: jobs.analyse(path, options) for kind, path in letters.items()}
    for kind, a in analyses.items():  # a first export: imports, workers warm
        jobs.export(
            a, a.plan, Path(tmp) / f"warm-{kind}.pdf", jobs.ExportOptions(accept_unread=True)
        )
    print("ready", flush=True)
    for line in sys.stdin:
        kind = line.strip()
        if not kind:
            break
        a = analyses[kind]
        spent.update(check=0.0, symbols=0.0)
        t0 = time.perf_counter()
        out = Path(tmp) / f"{os.getpid()}-{kind}.pdf"
        jobs.export(a, a.plan, out, jobs.ExportOptions(accept_unread=True))
        total = time.perf_counter() - t0
        out.unlink()
        print(json.dumps({"total": total, **spent}), flush=True)
    for a in analyses.values():
        a.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", required=True, help="the other checkout (e.g. a git worktree of main)")
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        spec = json.loads(args.child)
        child(spec["letters"], spec["tmp"])
        return
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        src = Path(args.data) / "letters"
        letters = {}
        for kind in ("typed", "scan"):
            letters[kind] = str(tmp / f"{kind}.pdf")
            build(src / f"dev-en-01.{kind}.pdf", args.pages, Path(letters[kind]))
        roots = {"main": Path(args.ref).resolve(), "this": ROOT}
        procs = {}
        for name, root in roots.items():
            env = {**os.environ, "PYTHONPATH": str(root), "OMP_THREAD_LIMIT": "1"}
            spec = json.dumps({"letters": letters, "tmp": str(tmp)})
            procs[name] = subprocess.Popen(
                [sys.executable, str(ROOT / "bench" / "final_check.py"), "--child", spec],
                cwd=root,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        for p in procs.values():
            assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        best: dict[tuple[str, str], dict[str, float]] = {}
        for _ in range(args.rounds):
            for kind in ("typed", "scan"):
                for name, p in procs.items():  # interleaved: main, this, main, this
                    assert p.stdin is not None and p.stdout is not None
                    p.stdin.write(kind + "\n")
                    p.stdin.flush()
                    got = json.loads(p.stdout.readline())
                    key = (name, kind)
                    if key not in best or got["check"] + got["symbols"] < (
                        best[key]["check"] + best[key]["symbols"]
                    ):
                        best[key] = got
        for p in procs.values():
            assert p.stdin is not None
            p.stdin.close()
            p.wait(timeout=120)
    n = args.pages
    print(f"pages per letter {n}, best of {args.rounds} interleaved rounds (s/page)")
    print(f"{'':14}{'verify':>9}{'symbols':>9}{'check':>9}{'export':>9}")
    for kind in ("typed", "scan"):
        for name in roots:
            b = best[(name, kind)]
            check = b["check"] + b["symbols"]
            print(
                f"{kind:6}{name:8}{b['check'] / n:9.3f}{b['symbols'] / n:9.3f}"
                f"{check / n:9.3f}{b['total'] / n:9.3f}"
            )
        m, t = best[("main", kind)], best[("this", kind)]
        ratio = (t["check"] + t["symbols"]) / max(m["check"] + m["symbols"], 1e-9)
        print(f"{kind:6}final check this/main {ratio:.2f}")


if __name__ == "__main__":
    main()
