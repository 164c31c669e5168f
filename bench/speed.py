"""Speed of the safe-copy pipeline, against Tesseract alone on the same page images.

    python bench/speed.py [--pages 10] [--data ../shared/data]

Prints seconds per page for a typed and a scanned letter (read, find terms, export, verify;
start-up excluded and reported apart), and in the same run the `tesseract` command alone
(OMP_THREAD_LIMIT=1) over the scanned letter's page images one after another. The goal: a
10-page scanned letter end to end in less time than Tesseract alone takes for its pages.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_letter(src: Path, pages: int, out: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(src)
    writer = PdfWriter()
    for i in range(pages):
        writer.add_page(reader.pages[i % len(reader.pages)])
    writer.write(out)


def run_pipeline(path: Path, out: Path, terms: list[str]) -> float:
    from redactor.core import jobs

    t0 = time.perf_counter()
    options = jobs.AnalysisOptions(deny=tuple(terms), detect=False, accept=True)
    analysis = jobs.analyse(path, options)
    try:
        jobs.export(analysis, analysis.plan, out, jobs.ExportOptions(accept_unread=True))
    finally:
        analysis.close()
    return time.perf_counter() - t0


def tesseract_alone(path: Path, tmp: Path) -> float:
    """Render the pages as the pipeline does, then time `tesseract` on each, one after another."""
    from redactor.core.sources import open_source

    src = open_source(path)
    images = []
    for i in range(src.page_count):
        png = tmp / f"page-{i:03d}.png"
        src.render(i, 200).save(png)
        images.append(png)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    t0 = time.perf_counter()
    for png in images:
        subprocess.run(
            ["tesseract", str(png), "-", "-l", "rus+kaz+eng"],
            capture_output=True,
            check=True,
            env=env,
        )
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = ap.parse_args()
    letters = Path(args.data) / "letters"
    terms = ["Kanat Yessenov", "Morozov", "Pavlodar", "AP-162/3"]
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        typed = tmp / "typed.pdf"
        scan = tmp / "scan.pdf"
        build_letter(letters / "dev-en-01.typed.pdf", args.pages, typed)
        build_letter(letters / "dev-en-01.scan.pdf", args.pages, scan)

        t0 = time.perf_counter()
        from redactor.core import pipeline

        pipeline.read_document(letters / "dev-en-01.scan.pdf")  # warm: imports, OCR engine
        warm_pool = pipeline.read_document(scan, pipeline.ReadOptions())  # starts the workers
        warm_pool.close()
        startup = time.perf_counter() - t0

        t_typed = run_pipeline(typed, tmp / "typed.safe.pdf", terms)
        t_scan = run_pipeline(scan, tmp / "scan.safe.pdf", terms)
        t_tess = tesseract_alone(scan, tmp)

    n = args.pages
    print(f"pages per letter                 {n}")
    print(f"warm-up (imports, workers)       {startup:6.2f} s")
    print(f"typed letter, end to end         {t_typed / n:6.3f} s/page  ({t_typed:.2f} s)")
    print(f"scanned letter, end to end       {t_scan / n:6.3f} s/page  ({t_scan:.2f} s)")
    print(f"tesseract alone, one by one      {t_tess / n:6.3f} s/page  ({t_tess:.2f} s)")
    print(f"ratio scanned pipeline/tesseract {t_scan / t_tess:6.2f}  (goal < 1)")
    print(f"ratio typed pipeline/tesseract   {t_typed / t_tess:6.2f}")


if __name__ == "__main__":
    main()
