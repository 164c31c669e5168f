"""Speed and memory of the user's path, `redactor redact`, against Tesseract alone (issue 13).

    python bench/speed.py [--pages N] [--repeat R] [--mem-pages 50] [--quick] [--data DIR]
                          [--baseline REF | --no-baseline]

What is measured, in one run, on the shared dev letters (letters/*.scan.pdf and *.typed.pdf, one
page each, joined in turn into letters of N and 2N pages):

- the reference: the `tesseract` command (OMP_THREAD_LIMIT=1, -l rus+kaz+eng) on each scanned
  page rendered at 300 dpi (greyscale PNG), one page after another; seconds per page;
- a scan: the command `redactor redact LETTER -o OUT.pdf --accept-unread` as a subprocess (the
  whole path: reading with OCR, detection on, burning, the copy written and its final check), as a
  marginal cost: (time for 2N pages - time for N pages) / N, so start-up (imports, the detector's
  models, the workers) is left out; and its ratio to the reference (goal <= 0.45);
- a typed letter (text layer) the same way (goal < 0.1 s a page);
- peak memory of all processes together while a `--mem-pages` scan (50) goes through the same
  command: the process tree (the command and every worker it starts, pdftotext included) is
  sampled every 0.1 s from /proc (a child forked and not yet running its program is left out: its
  pages are the command's); printed are the peak of the sum of their resident sizes (RSS),
  the sum of each process's own high-water mark (VmHWM: an upper bound), and who held what at the
  peak (goal < 500 MB for 50 pages); and the summed proportional set size (PSS: a library's
  pages shared by several processes counted once). The same again with --no-detect (the
  --deny terms only: no detector in the command's process) unless --quick.

The same figures for a baseline: the code of REF (default `main`) checked out with `git worktree`
in a temporary folder and run the same way, in the same run, interleaved with this tree's runs
(the machine is shared: best of `--repeat` runs of each). With --no-baseline, or when REF cannot be
checked out, the issue's figures stand in (0.54 of the reference with detection off, 0.74 s a typed
page, 581 MB for 36 pages).

`--accept-unread` is the editor's decision that lets a copy be written although a page holds ink
no reader could read (the scans' noise and signatures); it skips no reading or checking. A run
that exits with another code than 0 is shown with its code: its time is not a valid figure.
Seconds are wall-clock; CPU seconds (the tree's user + system time) are printed beside them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LANGS = "rus+kaz+eng"
REF_DPI = 300
PAGE = os.sysconf("SC_PAGE_SIZE")
ISSUE_BASELINE = {"scan_ratio": 0.54, "typed_s": 0.74, "mem_mb": 581.0, "mem_pages": 36}
GOALS = {"scan_ratio": 0.45, "typed_s": 0.1, "mem_mb": 500.0}


# --- letters -------------------------------------------------------------------------------


def build_letter(sources: list[Path], pages: int, out: Path) -> None:
    """A letter of `pages` pages: the sources' pages in turn."""
    from pypdf import PdfReader, PdfWriter

    readers = [PdfReader(s) for s in sources]
    all_pages = [p for r in readers for p in r.pages]
    writer = PdfWriter()
    for i in range(pages):
        writer.add_page(all_pages[i % len(all_pages)])
    with open(out, "wb") as fh:
        writer.write(fh)


def render_pages(sources: list[Path], tmp: Path) -> list[Path]:
    """Each source's pages at REF_DPI, greyscale PNG, for the reference."""
    import pypdfium2 as pdfium

    out = []
    for s in sources:
        pdf = pdfium.PdfDocument(str(s))
        for i in range(len(pdf)):
            png = tmp / f"ref-{s.stem}-{i}.png"
            pdf[i].render(scale=REF_DPI / 72, grayscale=True).to_pil().convert("L").save(png)
            out.append(png)
        pdf.close()
    return out


# --- the process tree's memory -------------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # the command may hold spaces and brackets: the fields start after the last ')'
        fields = stat[stat.rfind(b")") + 2 :].split()
        kids.setdefault(int(fields[1]), []).append(int(name))
    return kids


def _tree(root: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += kids.get(pid, [])
    return out


def _rss_and_hwm(pid: int) -> tuple[int, int] | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            rss = hwm = 0
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) * 1024
            return rss, hwm
    except OSError:
        return None


def _pss(pid: int) -> int:
    """Proportional set size: shared pages (libraries loaded by several processes) split
    between them, so the tree's sum counts each page once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ")
    except OSError:
        return b""


def _role(pid: int, root: int) -> str:
    """What a process of the tree is. "fork": a child not yet turned into the program it runs
    (subprocess's fork before exec): its pages are the command's, shared, not counted twice."""
    if pid == root:
        return "command"
    cmd = _cmdline(pid)
    if not cmd:
        return "?"
    if cmd == _cmdline(root):
        return "fork"
    if b"resource_tracker" in cmd:
        return "resource tracker"
    if b"spawn_main" in cmd:
        return "worker"
    return os.path.basename(cmd.split(b" ")[0].decode(errors="replace")) or "?"


class TreeSampler:
    """Samples the resident memory of a process and all its descendants, every `every` s."""

    def __init__(self, root: int, every: float = 0.1, pss: bool = False) -> None:
        self.root = root
        self.pss = pss
        self.every = every
        self.peak_sum = 0
        self.peak_pss = 0
        self.at_peak: dict[int, int] = {}
        self.hwm: dict[int, int] = {}
        self.roles: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            now: dict[int, int] = {}
            for pid in _tree(self.root):
                # read again each time: a worker just forked still shows its parent's command
                self.roles[pid] = _role(pid, self.root)
                got = _rss_and_hwm(pid)
                if got is None or self.roles[pid] == "fork":
                    continue
                now[pid] = got[0]
                self.hwm[pid] = max(self.hwm.get(pid, 0), got[1])
            total = sum(now.values())
            if total > self.peak_sum:
                self.peak_sum, self.at_peak = total, now
            if self.pss:
                self.peak_pss = max(self.peak_pss, sum(_pss(pid) for pid in now))
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def breakdown(self) -> str:
        """Who held what at the peak: MB per role (workers one by one)."""
        parts = []
        for pid, rss in sorted(self.at_peak.items(), key=lambda kv: -kv[1]):
            parts.append(f"{self.roles.get(pid, '?')} {rss / 2**20:.0f}")
        return ", ".join(parts)


# --- runs ----------------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float
    code: int
    peak_mb: float
    hwm_mb: float
    pss_mb: float
    breakdown: str
    tail: str = ""


@dataclass
class Side:
    """One code tree under test: this checkout, or the baseline's worktree."""

    name: str
    tree: Path
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def best(self, key: str) -> Run | None:
        ok = [r for r in self.runs.get(key, []) if r.code == 0]
        return min(ok, key=lambda r: r.wall) if ok else None

    def failed(self, key: str) -> list[Run]:
        return [r for r in self.runs.get(key, []) if r.code != 0]


def redact(side: Side, letter: Path, out: Path, extra: tuple[str, ...] = ()) -> Run:
    """`redactor redact LETTER -o OUT --accept-unread` from `side`'s tree, timed and sampled
    (with "--pss" in `extra`, the proportional set size too: a memory run)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(side.tree),
        "OMP_THREAD_LIMIT": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("REDACTOR_LANES", None)
    cmd = [PYTHON, "-m", "redactor", "redact", str(letter), "-o", str(out), "--accept-unread"]
    pss = "--pss" in extra
    cmd += ["--quiet", *(a for a in extra if a != "--pss")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=side.tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sampler = TreeSampler(proc.pid, pss=pss)
    try:
        _, err = proc.communicate()
    except BaseException:  # Ctrl+C: the command and its workers go too
        proc.kill()
        proc.wait()
        raise
    finally:
        sampler.stop()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out.unlink(missing_ok=True)
    # the last line says why a run failed (the command prints no letter's text; these are ours)
    tail = err.decode(errors="replace").strip().splitlines()[-1:] if proc.returncode else []
    return Run(
        wall,
        cpu,
        proc.returncode,
        sampler.peak_sum / 2**20,
        sum(sampler.hwm.values()) / 2**20,
        sampler.peak_pss / 2**20,
        sampler.breakdown(),
        tail[0][:160] if tail else "",
    )


def tesseract(pngs: list[Path]) -> list[float]:
    """Seconds of the `tesseract` command on each page, one after another."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    out = []
    for png in pngs:
        t0 = time.perf_counter()
        subprocess.run(
            ["tesseract", str(png), "-", "-l", LANGS], capture_output=True, check=True, env=env
        )
        out.append(time.perf_counter() - t0)
    return out


def checkout(ref: str, where: Path) -> Path | None:
    """`ref` checked out (detached) at `where` with `git worktree`; None when it cannot be."""
    try:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(where), ref],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"baseline {ref}: cannot be checked out ({exc})", file=sys.stderr)
        return None
    return where


def remove_checkout(where: Path) -> None:
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)],
        capture_output=True,
    )
    shutil.rmtree(where, ignore_errors=True)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], capture_output=True)


# --- figures -------------------------------------------------------------------------------


def marginal(side: Side, kind: str, n: int) -> tuple[float, float] | None:
    """(wall, cpu) seconds a page for 2N pages less N pages, over N; None if a run failed."""
    small, big = side.best(f"{kind}-{n}"), side.best(f"{kind}-{2 * n}")
    if small is None or big is None:
        return None
    return (big.wall - small.wall) / n, (big.cpu - small.cpu) / n


def report(sides: list[Side], n: int, mem_pages: int, ref: float, ref_pages: int) -> None:
    def status(side: Side, *keys: str) -> str:
        bad = [r for k in keys for r in side.failed(k)]
        if not bad:
            return ""
        return f"  [{len(bad)} run(s) failed: exit {bad[0].code}: {bad[0].tail}]"

    cores = len(os.sched_getaffinity(0))
    load = os.getloadavg()[1]
    print(f"letters: the shared dev letters in turn, {n} and {2 * n} pages; best of each")
    print(
        f"machine: {cores} cores, load average {load:.1f} over the last 5 minutes"
        + (" (busy: wall-clock figures are not reliable, the cpu ones are)" if load > cores else "")
    )
    print(
        f"reference: tesseract -l {LANGS}, OMP_THREAD_LIMIT=1, {REF_DPI} dpi, one page after "
        f"another: {ref:.2f} s/page (pages {n + 1} to {2 * n}; best of each of the {ref_pages} "
        "distinct pages)"
    )
    print()
    for side in sides:
        print(f"== {side.name}")
        scan = marginal(side, "scan", n)
        typed = marginal(side, "typed", n)
        if scan is not None:
            print(
                f"scan   marginal {scan[0]:6.3f} s/page  (cpu {scan[1]:6.3f})  "
                f"ratio to reference {scan[0] / ref:5.2f}  (goal <= {GOALS['scan_ratio']})"
            )
        else:
            print("scan   marginal: no figure" + status(side, f"scan-{n}", f"scan-{2 * n}"))
        if typed is not None:
            print(
                f"typed  marginal {typed[0]:6.3f} s/page  (cpu {typed[1]:6.3f})  "
                f"(goal < {GOALS['typed_s']})"
            )
        else:
            print("typed  marginal: no figure" + status(side, f"typed-{n}", f"typed-{2 * n}"))
        for key in (f"scan-{n}", f"scan-{2 * n}", f"typed-{n}", f"typed-{2 * n}"):
            best = side.best(key)
            if best is not None:
                print(
                    f"  {key:9} {best.wall:7.2f} s (cpu {best.cpu:7.2f})  "
                    f"peak {best.peak_mb:5.0f} MB{status(side, key)}"
                )
        for key, what in ((f"mem-{mem_pages}", "detection on"), ("nodetect", "--no-detect")):
            if key not in side.runs:
                continue
            mem = side.best(key)
            head = f"memory, {mem_pages}-page scan, {what}:"
            if mem is None:
                print(f"{head} no figure" + status(side, key))
                continue
            print(
                f"{head} peak of the summed RSS {mem.peak_mb:.0f} MB (goal < "
                f"{GOALS['mem_mb']:.0f}); summed PSS {mem.pss_mb:.0f} MB; sum of each "
                f"process's VmHWM {mem.hwm_mb:.0f} MB; {mem.wall:.1f} s"
            )
            print(f"  RSS at the peak (MB): {mem.breakdown}")
        print()
    if len(sides) == 1:
        b = ISSUE_BASELINE
        print(
            f"== baseline (the issue's figures): scan {b['scan_ratio']} of the reference "
            f"(detection off), typed {b['typed_s']} s/page, {b['mem_mb']:.0f} MB for "
            f"{b['mem_pages']} pages"
        )


# --- main ----------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--pages", type=int, help="N: letters of N and 2N pages (6; --quick 2)")
    ap.add_argument("--repeat", type=int, help="runs of each, best kept (2; --quick 1)")
    ap.add_argument("--mem-pages", type=int, default=50, help="pages of the memory run (50)")
    ap.add_argument(
        "--quick", action="store_true", help="N=2, one run of each, no --no-detect memory run"
    )
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--baseline", default="main", metavar="REF", help="the baseline's code")
    ap.add_argument("--no-baseline", action="store_true", help="the issue's figures instead")
    args = ap.parse_args()
    if args.pages is None:
        args.pages = 2 if args.quick else 6
    if args.repeat is None:
        args.repeat = 1 if args.quick else 2
    n = args.pages
    letters = Path(args.data) / "letters"
    scans = sorted(letters.glob("*.scan.pdf"))
    typed = sorted(letters.glob("*.typed.pdf"))
    if not scans or not typed:
        sys.exit(f"no dev letters in {letters} (give --data)")
    if not shutil.which("tesseract"):
        sys.exit("the tesseract command is not installed")

    with tempfile.TemporaryDirectory(prefix="speed-bench-") as tmpdir:
        tmp = Path(tmpdir)
        sides = [Side("this tree", ROOT)]
        base_tree = None
        if not args.no_baseline:
            base_tree = checkout(args.baseline, tmp / "baseline")
            if base_tree is not None:
                commit = subprocess.run(
                    ["git", "-C", str(base_tree), "rev-parse", "--short", "HEAD"],
                    capture_output=True,
                    text=True,
                ).stdout.strip()
                sides.insert(0, Side(f"baseline {args.baseline} ({commit})", base_tree))
        try:
            # key: (letter, the command's extra arguments, runs in every round)
            runs: dict[str, tuple[Path, tuple[str, ...], bool]] = {}
            for kind, src in (("scan", scans), ("typed", typed)):
                for pages in (n, 2 * n):
                    runs[f"{kind}-{pages}"] = (tmp / f"{kind}-{pages}.pdf", (), True)
                    build_letter(src, pages, runs[f"{kind}-{pages}"][0])
            mem = tmp / f"mem-{args.mem_pages}.pdf"
            build_letter(scans, args.mem_pages, mem)
            terms = tmp / "terms.txt"
            terms.write_text("Kanat Yessenov\nMorozov\nPavlodar\n", encoding="utf-8")
            runs[f"mem-{args.mem_pages}"] = (mem, ("--pss",), False)
            if not args.quick:
                runs["nodetect"] = (mem, ("--pss", "--no-detect", "--deny", str(terms)), False)
            pngs = render_pages(scans, tmp)
            per_page: list[list[float]] = []
            out = tmp / "out.pdf"
            for rep in range(args.repeat):
                # the reference, then each letter by each side in turn (the order swapped
                # every round), so the machine's load falls on all alike
                per_page.append(tesseract(pngs))
                order = sides if rep % 2 == 0 else sides[::-1]
                for key, (letter, extra, every) in runs.items():
                    if rep > 0 and not every:
                        continue
                    for side in order:
                        run = redact(side, letter, out, extra)
                        side.runs.setdefault(key, []).append(run)
                        print(
                            f"  [{side.name}] {key}: {run.wall:.1f} s (cpu {run.cpu:.1f}), "
                            f"exit {run.code}, peak RSS {run.peak_mb:.0f} MB"
                            + (f", PSS {run.pss_mb:.0f} MB" if run.pss_mb else "")
                            + f" ({run.breakdown})",
                            file=sys.stderr,
                            flush=True,
                        )
            best = [min(times) for times in zip(*per_page, strict=True)]
            # the letters take the distinct pages in turn: the reference is the mean over the
            # pages the marginal cost is of (pages N+1 to 2N)
            marginal_pages = [best[i % len(best)] for i in range(n, 2 * n)]
            ref = sum(marginal_pages) / n
            report(sides, n, args.mem_pages, ref, len(best))
        finally:
            if base_tree is not None:
                remove_checkout(base_tree)


if __name__ == "__main__":
    main()
