"""End to end: automatic redaction (default profile, no term list) of the dev letters, read back.

    python bench/e2e.py [--data ../shared/data] [--kinds typed,scan,photo]

For each letter in letters/letters.jsonl and each of its files (typed PDF, scanned PDF, phone
photo), runs `redactor redact` with no term list, then reads the copy back with poppler's
pdftotext (typed) and a fresh Tesseract OCR of the rendered pages (all kinds). Prints, per kind,
the share of identifying gold tokens still readable (goal: at most 1% typed, 3% scans) and the
share of other words kept (goal: at least 85% typed, 80% scans), next to the same figures for
the original file (the baseline: what was readable before redaction).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IDENTIFYING = {"PERSON", "LOCATION", "ADDRESS", "FACILITY", "DATE", "ID", "PHONE", "EMAIL"}
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
LANGS = {"en": "eng", "ru": "rus", "kk": "kaz"}


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), m.group().casefold().replace("ё", "е")) for m in TOKEN.finditer(text)
    ]


def gold_tokens(doc: dict) -> tuple[list[str], list[str]]:
    """Identifying tokens (every character inside an identifying span) and the other words."""
    spans = [(s["start"], s["end"]) for s in doc["spans"] if s["label"] in IDENTIFYING]
    named = [(s["start"], s["end"]) for s in doc["spans"]]
    ident, other = [], []
    for start, end, tok in tokens(doc["text"]):
        if any(s <= start and end <= e for s, e in spans):
            ident.append(tok)
        elif not any(s < end and start < e for s, e in named) and len(tok) > 1:
            other.append(tok)
    # A token that is also an ordinary word of the letter ("cell" in "cell 9" and in "the
    # punishment cell") says nothing when read back: it is left out of the identifying ones.
    common = set(other)
    return [t for t in ident if t not in common], other


def read_back(path: Path, lang: str, tmp: Path, text_layer: bool) -> set[str]:
    words: set[str] = set()
    if text_layer and path.suffix == ".pdf":
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
        words |= {t for _, _, t in tokens(out.stdout)}
    if path.suffix == ".pdf":
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(tmp / "pg")], check=True)
        images = sorted(tmp.glob("pg*.png"))
    else:  # as a viewer shows it (a phone photo is stored sideways with an EXIF orientation)
        from PIL import Image, ImageOps

        with Image.open(path) as im:
            ImageOps.exif_transpose(im).convert("RGB").save(tmp / "pg-upright.png")
        images = [tmp / "pg-upright.png"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    for img in images:
        out = subprocess.run(
            ["tesseract", str(img), "-", "-l", f"{LANGS[lang]}+eng"],
            capture_output=True,
            text=True,
            env=env,
        )
        words |= {t for _, _, t in tokens(out.stdout)}
        if img.name.startswith("pg"):
            img.unlink()
    return words


def share(items: list[str], seen: set[str]) -> tuple[int, int]:
    return sum(1 for t in items if t in seen), len(items)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--kinds", default="typed,scan,photo")
    args = ap.parse_args()
    letters = Path(args.data) / "letters"
    kinds = args.kinds.split(",")
    suffix = {"typed": ".typed.pdf", "scan": ".scan.pdf", "photo": ".photo.jpg"}
    totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for line in (letters / "letters.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            ident, other = gold_tokens(doc)
            for kind in kinds:
                src = letters / f"{doc['id']}{suffix[kind]}"
                if not src.exists():
                    continue
                out = tmp / (f"{doc['id']}.{kind}" + (".png" if kind == "photo" else ".pdf"))
                res = subprocess.run(
                    [sys.executable, "-m", "redactor", "redact", str(src), "-o", str(out), "-q"],
                    capture_output=True,
                    text=True,
                )
                if res.returncode != 0:
                    print(f"{src.name}: exit {res.returncode}: {res.stderr.strip()}")
                    continue
                before = read_back(src, doc["lang"], tmp, text_layer=kind == "typed")
                after = read_back(out, doc["lang"], tmp, text_layer=kind == "typed")
                for name, seen in (("original", before), ("copy", after)):
                    for what, items in (("ident", ident), ("other", other)):
                        got, n = share(items, seen)
                        totals[kind][f"{name}.{what}"][0] += got
                        totals[kind][f"{name}.{what}"][1] += n
                got, n = share(ident, after)
                kept, m = share(other, after)
                print(
                    f"{src.name:<24} identifying readable {got:3d}/{n:<3d} "
                    f"other words kept {kept:3d}/{m}"
                )
    print()
    head = ("kind", "identifying readable", "(original)", "other kept", "(original)")
    print(f"{head[0]:<6} {head[1]:>22} {head[2]:>11} {head[3]:>11} {head[4]:>11}")
    for kind in kinds:
        t = totals[kind]
        if not t:
            continue

        def pct(key: str, t: dict[str, list[int]] = t) -> str:
            a, b = t[key]
            return f"{100 * a / b:6.1f}%" if b else "   n/a"

        print(
            f"{kind:<6} {pct('copy.ident'):>22} {pct('original.ident'):>11} "
            f"{pct('copy.other'):>11} {pct('original.other'):>11}"
        )
    print("goals: identifying readable <= 1% typed, <= 3% scans;")
    print("       other words kept >= 85% typed, >= 80% scans")


if __name__ == "__main__":
    main()
