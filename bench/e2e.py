"""End to end: redaction of the dev letters, one by one and joined, read back by other readers.

    python bench/e2e.py [--data ../shared/data] [--kinds typed,scan,photo] [--modes deny,detect]
                        [--no-joined]

For each letter in letters/letters.jsonl and each of its files (typed PDF, scanned PDF, phone
photo), and for all letters of a kind joined into one PDF, runs `redactor redact` in two modes:

- deny: the letter's gold identifying strings as the term list (`--deny`), detection off;
- detect: detection alone, no term list (the default profile).

The copy is read back with poppler's pdftotext (typed) and a fresh Tesseract OCR of the
rendered pages (all kinds). Prints, per mode and kind: refusals (any non-zero exit: the export
must not dead-end on these letters), leaks (identifying gold tokens readable in the copy that
were readable in the original), and the share of other words kept (goals with deny terms: no
leak, no refusal, >= 90% of other words kept on typed copies, >= 85% on scans), beside the
same figures for the original.
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
SUFFIX = {"typed": ".typed.pdf", "scan": ".scan.pdf", "photo": ".photo.jpg"}
GOALS = {"typed": 0.90, "scan": 0.85, "photo": 0.85}


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), m.group().casefold().replace("ё", "е")) for m in TOKEN.finditer(text)
    ]


def gold(doc: dict) -> tuple[list[str], list[str], list[str]]:
    """Identifying tokens (every character inside an identifying span), the other words, and the
    identifying strings themselves (the deny terms)."""
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
    # A single letter or digit (an initial, "№ 6") read back is no leak either: prepositions
    # and page numbers are read everywhere.
    common = set(other)
    ident = [t for t in ident if len(t) > 1]
    terms = list(dict.fromkeys(doc["text"][s:e] for s, e in spans))
    return [t for t in ident if t not in common], other, terms


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
        img.unlink()
    return words


def join(files: list[Path], out: Path) -> Path:
    """All files of a kind as one PDF (photos as upright JPEG pages)."""
    if files[0].suffix == ".pdf":
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        for f in files:
            for page in PdfReader(f).pages:
                writer.add_page(page)
        with open(out, "wb") as fh:
            writer.write(fh)
        return out
    from PIL import Image, ImageOps

    images = []
    for f in files:
        with Image.open(f) as im:
            images.append(ImageOps.exif_transpose(im).convert("RGB"))
    images[0].save(out, "PDF", resolution=150.0, save_all=True, append_images=images[1:])
    return out


class Tally:
    def __init__(self) -> None:
        self.runs = 0
        self.refused: list[str] = []
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, key: str, got: int, n: int) -> None:
        self.counts[key][0] += got
        self.counts[key][1] += n

    def pct(self, key: str) -> str:
        a, b = self.counts[key]
        return f"{100 * a / b:6.1f}%" if b else "   n/a"

    def share(self, key: str) -> float:
        a, b = self.counts[key]
        return a / b if b else 1.0


def run_one(
    src: Path,
    out: Path,
    mode: str,
    terms: list[str],
    lang: str,
    ident: list[str],
    other: list[str],
    tally: Tally,
    tmp: Path,
    kind: str,
    label: str,
) -> None:
    cmd = [sys.executable, "-m", "redactor", "redact", str(src), "-o", str(out), "-q"]
    if mode == "deny":
        deny = tmp / "deny.txt"
        deny.write_text("\n".join(terms) + "\n", encoding="utf-8")
        cmd += ["--no-detect", "--deny", str(deny)]
    tally.runs += 1
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        last = res.stderr.strip().splitlines()[-1:] or [""]
        tally.refused.append(f"{label}: exit {res.returncode}: {last[0][:160]}")
        print(f"  {label:<28} REFUSED exit {res.returncode}: {last[0][:160]}")
        return
    before = read_back(src, lang, tmp, text_layer=kind == "typed")
    after = read_back(out, lang, tmp, text_layer=kind == "typed")
    # A leak is an identifying token readable in the copy that the original showed to a reader.
    leaks = sorted({t for t in ident if t in after and t in before})
    kept = sum(1 for t in other if t in after)
    kept0 = sum(1 for t in other if t in before)
    tally.add("leak", len([t for t in ident if t in after and t in before]), len(ident))
    tally.add("kept", kept, len(other))
    tally.add("kept0", kept0, len(other))
    print(
        f"  {label:<28} leaks {len(leaks):3d} identifying tokens / {len(set(ident)):<3d}"
        f" other words kept {kept:3d}/{len(other)} (original {kept0})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--kinds", default="typed,scan,photo")
    ap.add_argument("--modes", default="deny,detect")
    ap.add_argument("--no-joined", action="store_true", help="skip the joined files")
    args = ap.parse_args()
    letters = Path(args.data) / "letters"
    docs = [
        json.loads(line)
        for line in (letters / "letters.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    kinds = args.kinds.split(",")
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for mode in args.modes.split(","):
            print(f"mode {mode}")
            for kind in kinds:
                tally = tallies[(mode, kind)]
                members = []
                for doc in docs:
                    src = letters / f"{doc['id']}{SUFFIX[kind]}"
                    if not src.exists():
                        continue
                    ident, other, terms = gold(doc)
                    members.append((src, doc, ident, other, terms))
                    out = tmp / (f"{doc['id']}.{kind}" + (".png" if kind == "photo" else ".pdf"))
                    run_one(
                        src, out, mode, terms, doc["lang"], ident, other, tally, tmp, kind, src.name
                    )
                    out.unlink(missing_ok=True)
                if args.no_joined or len(members) < 2:
                    continue
                joined = join([m[0] for m in members], tmp / f"joined.{kind}.pdf")
                ident = [t for m in members for t in m[2]]
                other = [t for m in members for t in m[3]]
                terms = list(dict.fromkeys(t for m in members for t in m[4]))
                # Read back with every language of the batch.
                lang = "+".join(sorted({m[1]["lang"] for m in members}))
                LANGS.setdefault(lang, "+".join(LANGS[x] for x in lang.split("+")))
                run_one(
                    joined,
                    tmp / f"copy.joined.{kind}.pdf",
                    mode,
                    terms,
                    lang,
                    ident,
                    other,
                    tally,
                    tmp,
                    "scan" if kind == "photo" else kind,
                    f"all {kind} joined ({len(members)})",
                )
    print()
    print(f"{'mode':<7}{'kind':<7}{'runs':>5}{'refused':>9}{'leaked':>9}{'kept':>9}{'(orig)':>9}")
    for (mode, kind), t in tallies.items():
        print(
            f"{mode:<7}{kind:<7}{t.runs:>5}{len(t.refused):>9}{t.pct('leak'):>9}"
            f"{t.pct('kept'):>9}{t.pct('kept0'):>9}"
        )
    print("goals with deny terms: 0 refused, 0 leaked, kept >= 90% typed, >= 85% scans and photos")
    for (mode, _kind), t in tallies.items():
        for r in t.refused:
            print(f"refused ({mode}): {r}")


if __name__ == "__main__":
    main()
