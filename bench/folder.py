"""A folder of letters: letters overlapped (the command line's folder run) against one letter at
a time (REDACTOR_FOLDER_SERIAL=1), back to back in one run.

    python bench/folder.py [--data ../shared/data] [--pages 3] [--repeat 1] [--no-detect]

Six letters of `--pages` pages each are built from the shared letters (three scanned, three typed
PDFs, pages of several letters joined), then `redactor redact DIR -o OUT --deny GOLD
--accept-unread` runs in both modes, alternating, `--repeat` times each. Printed per run: wall
seconds, CPU seconds of the command and its workers (rusage of the reaped process tree), the
cores used on average (CPU / wall), the share of the run's quarter-seconds in which the process
tree used more than 1.5 cores, and the share in which it had at least as many runnable threads
as there are cores (work offered for every core, a figure other load on the machine does not
change; sampled from /proc). Then the best wall times' ratio. The machine may be shared: the
figures are ratios of runs made back to back.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.orphans import cpu_seconds, descendants  # noqa: E402


def build(data: Path, pages: int, folder: Path) -> list[str]:
    """Six letters of `pages` pages; the gold terms of every page used."""
    from pypdf import PdfReader, PdfWriter

    letters = data / "letters"
    gold = {}
    for line in (letters / "letters.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        gold[doc["id"]] = [doc["text"][s["start"] : s["end"]] for s in doc["spans"]]
    ids = sorted(gold)
    terms: list[str] = []
    folder.mkdir(parents=True)
    for n in range(6):
        kind = "scan" if n < 3 else "typed"
        writer = PdfWriter()
        for p in range(pages):
            letter_id = ids[(n + p) % len(ids)]
            src = letters / f"{letter_id}.{kind}.pdf"
            writer.add_page(PdfReader(src).pages[0])
            terms += gold[letter_id]
        with open(folder / f"letter-{n + 1}-{kind}.pdf", "wb") as fh:
            writer.write(fh)
    return sorted({t for t in terms if len(t) > 2})


def runnable(pids: list[int]) -> int:
    """Threads of these processes that are running or waiting for a core (state R): the work
    the program offers, whatever else the machine runs."""
    n = 0
    for pid in pids:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/stat") as fh:
                    n += fh.read().rsplit(")", 1)[1].split()[0] == "R"
            except (OSError, IndexError):
                pass
    return n


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # seconds of the command and its workers
    busy: float  # share of samples with more than 1.5 cores used
    full: float  # share of samples with at least as many runnable threads as cores
    idle: float  # share of samples with no runnable thread
    mean: float  # runnable threads on average
    code: int


def run(cmd: list[str], env: dict[str, str], cores: int) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    seen: dict[int, float] = {}
    samples: list[float] = []
    offered: list[int] = []
    last_total, last_t = 0.0, start
    while proc.poll() is None:
        time.sleep(0.25)
        tree = [proc.pid, *descendants(proc.pid)]
        offered.append(runnable(tree))
        for pid in tree:
            seen[pid] = max(seen.get(pid, 0.0), cpu_seconds(pid))
        total, now = sum(seen.values()), time.monotonic()
        samples.append((total - last_total) / max(now - last_t, 1e-6))
        last_total, last_t = total, now
    wall = time.monotonic() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its reaped workers
    cpu = sum(getattr(after, f) - getattr(before, f) for f in ("ru_utime", "ru_stime"))
    if proc.returncode not in (0, 6):
        print(err[-2000:], file=sys.stderr)
    n = max(len(offered), 1)
    return Run(
        wall=wall,
        cpu=max(cpu, sum(seen.values())),
        busy=sum(1 for s in samples if s > 1.5) / max(len(samples), 1),
        full=sum(1 for k in offered if k >= cores) / n,
        idle=sum(1 for k in offered if k == 0) / n,
        mean=sum(offered) / n,
        code=proc.returncode or 0,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-detect", action="store_true")
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="redactor-folder-bench-") as tmp:
        base = Path(tmp)
        inbox = base / "inbox"
        terms = build(args.data, args.pages, inbox)
        deny = base / "terms.txt"
        deny.write_text("\n".join(terms) + "\n", encoding="utf-8")
        env = {**os.environ, "REDACTOR_KEY_FILE": str(base / "key" / "install.key")}
        env["PYTHONPATH"] = str(ROOT)
        results: dict[str, list[float]] = {"one at a time": [], "overlapped": []}
        print(f"6 letters x {args.pages} pages (3 scanned, 3 typed), {cores} cores")
        for r in range(args.repeat):
            for mode in ("one at a time", "overlapped"):
                out = base / f"out-{r}-{mode[0]}"
                cmd = [sys.executable, "-m", "redactor", "redact", str(inbox), "-o", str(out)]
                cmd += ["--deny", str(deny), "--accept-unread", "-q"]
                if args.no_detect:
                    cmd.append("--no-detect")
                run_env = dict(env)
                if mode == "one at a time":
                    run_env["REDACTOR_FOLDER_SERIAL"] = "1"
                r = run(cmd, run_env, cores)
                results[mode].append(r.wall)
                print(
                    f"  {mode:<14} exit {r.code}  wall {r.wall:6.1f} s  cpu {r.cpu:6.1f} s  "
                    f"cores used {r.cpu / r.wall:4.2f} of {cores} "
                    f"(>1.5 {r.busy:4.0%} of the time)  runnable threads: {r.mean:4.2f} "
                    f"on average, >={cores} {r.full:4.0%} of the time, none {r.idle:4.0%}"
                )
                shutil.rmtree(out, ignore_errors=True)
        best_serial = min(results["one at a time"])
        best = min(results["overlapped"])
        print(
            f"best wall: one at a time {best_serial:.1f} s, overlapped {best:.1f} s; "
            f"overlapped / one at a time = {best / best_serial:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
