"""Cost of reading a scanned page (`pages.read_page`), against the `tesseract` command.

    python bench/read_speed.py [--data ../shared/data] [--old DIR] [--reps 3] [--extra 4]
                               [--profile FILE]

The pages: the dev letters' scans (`letters/*.scan.pdf`), `--extra` generated 200-dpi scans
(bench/joined_scans.py: invented names, IINs, phones, in English and Russian) and the two phone
photos. The reference is the `tesseract` command (OMP_THREAD_LIMIT=1, `-l rus+kaz+eng`) on each
page rendered at 300 dpi, one page after another. Each code path reads the pages in a process of
its own, one after another, as a read-lane worker does (the OCR engines loaded before timing);
`--old DIR` adds the code at DIR (a checkout of the previous revision) as a second path. Runs
are interleaved (reference, old, new for each page, `--reps` times) and the best of each is kept.

Prints seconds per page and the ratio to the reference, and the token recall of each path
against the letters' text (every word, and the identifying ones), with the tokens the old
reading found that the new one does not (the new reading must not lose any).
`--profile FILE` writes cProfile's top items of the new path's reads to FILE.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
IDENTIFYING = {"PERSON", "LOCATION", "ADDRESS", "FACILITY", "DATE", "ID", "PHONE", "EMAIL"}
LANGS = "rus+kaz+eng"


def tokens(text: str) -> list[str]:
    return [t.casefold().replace("ё", "е") for t in TOKEN.findall(text)]


def ident_tokens(doc: dict) -> list[str]:
    out: list[str] = []
    for s in doc.get("spans", []):
        if s["label"] in IDENTIFYING:
            out += [t for t in tokens(doc["text"][s["start"] : s["end"]]) if len(t) > 1]
    return out


def build_pages(data: Path, extra: int, tmp: Path) -> list[dict]:
    """[{name, path, kind, text, ident}] of one-page files."""
    sys.path.insert(0, str(ROOT / "bench"))
    import joined_scans

    letters = data / "letters"
    gold = {}
    for line in (letters / "letters.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        gold[doc["id"]] = doc
    pages = []
    for suffix, kind in ((".scan.pdf", "scan"), (".photo.jpg", "photo")):
        for path in sorted(letters.glob(f"*{suffix}")):
            doc = gold[path.name.split(".")[0]]
            pages.append(
                dict(
                    name=path.name,
                    path=str(path),
                    kind=kind,
                    text=doc["text"],
                    ident=ident_tokens(doc),
                )
            )
    rnd = random.Random(7)
    for i in range(extra):
        text = joined_scans.letter_text(rnd, i % 2 == 1)
        path = tmp / f"generated-{i}.pdf"
        path.write_bytes(joined_scans.scan_page(text, rnd))
        # The generated letters' identifying words: every capitalised word and number but the
        # first of a sentence is close enough for a recall figure.
        ident = [t for t in tokens(text) if any(ch.isdigit() for ch in t)]
        pages.append(dict(name=path.name, path=str(path), kind="scan", text=text, ident=ident))
    return pages


# --- a worker: one code path ------------------------------------------------------------------


def worker(code: str, profile: str) -> None:
    """Reads commands (a page's path) on stdin; answers seconds and the words' tokens."""
    sys.path.insert(0, code)
    from redactor.core import pages as pages_mod
    from redactor.core.sources import open_source

    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
    sources: dict[str, object] = {}
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd.get("stop"):
            break
        path = cmd["path"]
        src = sources.get(path)
        if src is None:
            src = sources[path] = open_source(path)
        t0 = time.perf_counter()
        if prof is not None and cmd.get("timed"):
            prof.enable()
        page = pages_mod.read_page(src, 0, 200, LANGS)  # type: ignore[arg-type]
        if prof is not None and cmd.get("timed"):
            prof.disable()
        took = time.perf_counter() - t0
        words = [w.text for w in page.words]
        print(
            json.dumps(
                {
                    "s": took,
                    "words": words,
                    "unread": len(page.unread_regions),
                    "marks": len(page.marks),
                    "eyes": page.needs_eyes,
                }
            ),
            flush=True,
        )
    if prof is not None:
        import io
        import pstats

        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
        Path(profile).write_text(out.getvalue(), encoding="utf-8")


class Path_:
    """A code path's worker process."""

    def __init__(self, label: str, code: str, profile: str = "") -> None:
        self.label = label
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", code, "--profile", profile],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=code,
            env={**os.environ, "PYTHONPATH": code, "OMP_THREAD_LIMIT": "1"},
        )

    def read(self, path: str, timed: bool = True) -> dict:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps({"path": path, "timed": timed}) + "\n")
        self.proc.stdin.flush()
        return dict(json.loads(self.proc.stdout.readline()))

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.write(json.dumps({"stop": True}) + "\n")
        self.proc.stdin.close()
        self.proc.wait()


def reference(png: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        ["tesseract", str(png), "-", "-l", LANGS],
        capture_output=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    return time.perf_counter() - t0


def recall(found: list[str], wanted: list[str]) -> tuple[int, int]:
    got = Counter(found) & Counter(wanted)
    return sum(got.values()), len(wanted)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--old", help="a checkout of the previous code, read as a second path")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--extra", type=int, default=4, help="generated scans (default 4)")
    ap.add_argument("--profile", default="", help="write the new path's profile here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.profile)
        return
    sys.path.insert(0, str(ROOT))
    from redactor.core.sources import open_source

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        pages = build_pages(Path(args.data), args.extra, tmp)
        for i, p in enumerate(pages):  # the reference's input: the page at 300 dpi
            src = open_source(p["path"])
            png = tmp / f"ref-{i}.png"
            src.render(0, 300).save(png)
            src.close()
            p["png"] = png
        paths = [Path_("new", str(ROOT), os.path.abspath(args.profile) if args.profile else "")]
        if args.old:
            paths.insert(0, Path_("old", os.path.abspath(args.old)))
        for w in paths:  # engines loaded, imports done
            for p in pages:
                w.read(p["path"], timed=False)
        best: dict[tuple[str, int], float] = {}
        got: dict[tuple[str, int], dict] = {}
        for _ in range(args.reps):
            for i, p in enumerate(pages):
                t = reference(p["png"])
                best["ref", i] = min(best.get(("ref", i), t), t)
                for w in paths:
                    res = w.read(p["path"])
                    best[w.label, i] = min(best.get((w.label, i), res["s"]), res["s"])
                    got[w.label, i] = res
        for w in paths:
            w.close()

    labels = [w.label for w in paths]
    head = f"{'page':24s} {'ref':>6s} " + " ".join(f"{x:>6s} {x + '/ref':>8s}" for x in labels)
    print(head + "  unread marks eyes (new)")
    for i, p in enumerate(pages):
        row = f"{p['name']:24s} {best['ref', i]:6.2f} "
        row += " ".join(f"{best[x, i]:6.2f} {best[x, i] / best['ref', i]:8.2f}" for x in labels)
        new = got["new", i]
        print(row + f"  {new['unread']:6d} {new['marks']:5d} {new['eyes']!s:5s}")
    for kind in ("scan", "photo"):
        idx = [i for i, p in enumerate(pages) if p["kind"] == kind]
        if not idx:
            continue
        ref = sum(best["ref", i] for i in idx) / len(idx)
        line = f"{kind + 's'} ({len(idx)} pages): reference {ref:.2f} s/page"
        for x in labels:
            s = sum(best[x, i] for i in idx) / len(idx)
            line += f"; {x} {s:.2f} s/page = {s / ref:.2f} of the reference"
        print(line)
    print("token recall against the letters' text (all words / identifying):")
    for x in labels:
        a = [
            recall(tokens(" ".join(got[x, i]["words"])), tokens(p["text"]))
            for i, p in enumerate(pages)
        ]
        b = [recall(tokens(" ".join(got[x, i]["words"])), p["ident"]) for i, p in enumerate(pages)]
        print(
            f"  {x}: {sum(n for n, _ in a) / sum(d for _, d in a):.4f} "
            f"({sum(n for n, _ in a)}/{sum(d for _, d in a)}), identifying "
            f"{sum(n for n, _ in b) / max(1, sum(d for _, d in b)):.4f} "
            f"({sum(n for n, _ in b)}/{sum(d for _, d in b)})"
        )
    if "old" in labels:
        lost_gold = lost_any = 0
        for i, p in enumerate(pages):
            old = Counter(tokens(" ".join(got["old", i]["words"])))
            new = Counter(tokens(" ".join(got["new", i]["words"])))
            gold = Counter(tokens(p["text"]))
            lost = old - new
            lost_any += sum(lost.values())
            lost_gold += sum((lost & gold).values())
            if lost & gold:
                print(
                    f"  {p['name']}: the new reading lost {sum((lost & gold).values())} "
                    "words of the letter the old one read"
                )
        print(
            f"tokens the old reading found and the new one did not: {lost_any} "
            f"({lost_gold} of them words of the letter)"
        )


if __name__ == "__main__":
    main()
