"""Marks in page images (core/marks.py): recall and false positives per kind, and the cost.

    python bench/marks.py [--data ../shared/data] [--variants 4]

A small set of pages is made on the spot (tests/support/marks.py): typed letters at 200 dpi with
a QR code, a Code 128 barcode, a blue or violet round stamp, a pen signature or a photo with a
face (scikit-image's bundled photos, at several sizes and turns), and plain typed letters with
none. Each is read through the real read path (the read lane's sandboxed workers: OCR, unread
ink, marks). A mark counts as found when a finding of its kind holds most of it; every other
mark is a false positive. Then the plain letters of the shared data (scans, typed PDFs, phone
photos, real scans) are read the same way: every mark there is a false positive (the goal: at
most 1 per 20 pages). Last, `find_marks` alone is timed on a 200-dpi A4 page (ms per page).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = {
    "qr": "BARCODE",
    "code128": "BARCODE",
    "stamp": "STAMP",
    "signature": "SIGNATURE",
    "handwriting": "HANDWRITING",
}


def _holds(box, where, share: float = 0.6) -> bool:  # noqa: ANN001
    x0, y0, x1, y1 = where
    w = max(0.0, min(box.x1, x1) - max(box.x0, x0))
    h = max(0.0, min(box.y1, y1) - max(box.y0, y0))
    return w * h >= share * (x1 - x0) * (y1 - y0)


def generated(folder: Path, variants: int) -> list[tuple[Path, str, tuple[int, int, int, int]]]:
    """(page file, expected label or "", where) for each generated page."""
    from tests.support import marks as m

    out = []
    for v in range(variants):
        for kind, label in KINDS.items():
            page, where = m.letter_with(kind, seed=v)
            if kind == "stamp" and v % 2:  # a violet one, smaller, elsewhere
                page = m.typed_page(seed=v)
                m.draw_stamp(page, (500, 1800), radius=110, colour=(110, 40, 150), code="ИК-2")
                where = (390, 1690, 610, 1910)
            path = folder / f"{kind}-{v}.png"
            page.save(path, dpi=(m.DPI, m.DPI))
            out.append((path, label, where))
        photos = [("astronaut", 700, 0), ("astronaut", 450, 10), ("astronaut", 1000, -10)]
        photos += [("camera", 800, 0)]
        which, size, angle = photos[v % len(photos)]
        page = m.typed_page(lines=4, seed=v)
        photo = m.face_photo(which, size=size, angle=angle)
        page.paste(photo, (300, 600))
        path = folder / f"face-{v}.png"
        page.save(path, dpi=(m.DPI, m.DPI))
        if which == "astronaut":
            f = size / 512
            where = (300 + int(177 * f), 600 + int(62 * f), 300 + int(284 * f), 600 + int(160 * f))
        else:  # the cameraman's face
            f = size / 512
            where = (300 + int(230 * f), 600 + int(70 * f), 300 + int(290 * f), 600 + int(140 * f))
        out.append((path, "FACE", where))
        for n in range(2):
            page = m.typed_page(seed=v * 2 + n)
            path = folder / f"plain-{v}-{n}.png"
            page.save(path, dpi=(m.DPI, m.DPI))
            out.append((path, "", (0, 0, 0, 0)))
    return out


def read_marks(path: Path) -> list[tuple[int, object]]:
    from redactor.core import pipeline

    opened = pipeline.read_document(path)
    try:
        return [(p.index, mk) for p in opened.document.pages for mk in p.marks]
    finally:
        opened.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--variants", type=int, default=4)
    args = parser.parse_args()

    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        cases = generated(Path(tmp), args.variants)
        for path, label, where in cases:
            marks = [mk for _, mk in read_marks(path)]
            if label:
                total[label] += 1
                if any(mk.label == label and _holds(mk.box, where) for mk in marks):  # type: ignore[attr-defined]
                    found[label] += 1
            for mk in marks:
                if not (label and mk.label == label and _holds(mk.box, where)):  # type: ignore[attr-defined]
                    false[mk.label] += 1  # type: ignore[attr-defined]
            print(f"  {path.name:<16} {label or '-':<10} {[mk.label for mk in marks]}")  # type: ignore[attr-defined]
    plain = sum(1 for _, label, _ in cases if not label)
    print(f"generated: {len(cases)} pages ({plain} plain letters)")
    for label in sorted(total):
        print(f"  {label:<12} recall {found[label]}/{total[label]}")
    for label in sorted(false):
        print(f"  {label:<12} false positives {false[label]}")

    files = []
    letters = args.data / "letters"
    files += sorted(letters.glob("*.scan.pdf")) + sorted(letters.glob("*.typed.pdf"))
    files += sorted(letters.glob("*.photo.jpg"))
    scans = args.data / "scans"
    files += [p for p in sorted(scans.glob("*")) if p.suffix in (".pdf", ".png")]
    pages = 0
    fp: Counter[str] = Counter()
    for path in files:
        try:
            marks = read_marks(path)
        except Exception as exc:  # a broken sample: skipped, said
            print(f"  {path.name}: not read ({type(exc).__name__})")
            continue
        from pypdfium2 import PdfDocument

        n = len(PdfDocument(str(path))) if path.suffix == ".pdf" else 1
        pages += n
        for _, mk in marks:
            fp[mk.label] += 1  # type: ignore[attr-defined]
        print(f"  {path.name:<32} {n:>3} page(s) {[mk.label for _, mk in marks]}")  # type: ignore[attr-defined]
    print(f"shared plain letters and scans: {pages} pages, {sum(fp.values())} false positives")
    for label, n in sorted(fp.items()):
        print(f"  {label:<12} {n}")

    from PIL import Image

    from redactor.core.marks import find_marks
    from tests.support import marks as m

    for name, page in (
        ("typed page", m.typed_page()),
        ("page with a photo", m.letter_with("face")[0]),
        ("page with a stamp", m.letter_with("stamp")[0]),
    ):
        assert isinstance(page, Image.Image)
        find_marks(page, m.DPI)
        t0 = time.perf_counter()
        for _ in range(5):
            find_marks(page, m.DPI)
        print(f"find_marks on a 200-dpi A4 {name}: {(time.perf_counter() - t0) / 5 * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
