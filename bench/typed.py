"""Marginal cost of a typed PDF page through `redactor redact`'s path (jobs.analyse with
detection, jobs.export with its final check), against another checkout's code in the same run.

    python bench/typed.py [--ref /tmp/main-ref] [--pages 20] [--rounds 3] [--profile OUT]

Each checkout runs in a process of its own (they cannot share an interpreter): start-up (imports,
the detector, the workers, a first letter) is left out, then letters of N and 2N pages built
from the shared typed letters are redacted; the marginal cost of a page is (t(2N) - t(N)) / N,
the best of the rounds. The final check (`verify_file`, `check_symbols`) is timed apart. The
checkouts' runs are interleaved and the ratios printed. With --profile, this checkout's run is
profiled in serial mode (REDACTOR_LANES=serial: every lane in one process) and the top items
written to OUT.
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
DATA = ROOT.parent / "shared" / "data"


_label = [0]


def build(pages: int, out: Path, data: Path) -> None:
    """A letter of `pages` typed pages cycling through the shared typed letters, each page
    numbered by a line of its own ("page 17 of run 3"), so no two pages of any letter built here
    have the same text (a cache keyed by a page's text gets no help from repeats)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    srcs = sorted((data / "letters").glob("dev-*.typed.pdf"))
    readers = [PdfReader(s) for s in srcs]
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for i in range(pages):
        _label[0] += 1
        page = writer.add_page(readers[i % len(readers)].pages[0])
        fonts = page["/Resources"].get_object()["/Font"].get_object()
        fonts[NameObject("/FBench")] = font
        contents = page.get_contents()
        assert contents is not None
        line = f"page {i + 1} of run {_label[0]}".encode()
        ops = b"q\n" + contents.get_data() + b"\nQ\nBT /FBench 9 Tf 260 24 Td (" + line
        stream = DecodedStreamObject()  # a stream of its own: pages of one source share one
        stream.set_data(ops + b") Tj ET\n")
        page[NameObject("/Contents")] = writer._add_object(stream)
    writer.write(out)


def cpu_tree() -> float:
    """CPU seconds of this process and every live process under it (the lanes' workers), and
    of the children it has waited for: the work done whatever else the machine runs."""
    procs: dict[int, tuple[int, int]] = {}
    mine = 0
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                data = fh.read()
        except OSError:
            continue
        rest = data[data.rindex(")") + 2 :].split()
        procs[int(d)] = (int(rest[1]), int(rest[11]) + int(rest[12]))
        if int(d) == os.getpid():
            mine = int(rest[13]) + int(rest[14])
    kids: dict[int, list[int]] = {}
    for pid, (ppid, _) in procs.items():
        kids.setdefault(ppid, []).append(pid)
    total, todo = mine, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += procs.get(pid, (0, 0))[1]
        todo += kids.get(pid, [])
    return total / os.sysconf("SC_CLK_TCK")


def forget() -> None:
    """Empty the large memo caches of the code under test (a word's forms, spellings): each
    letter of a run is a new letter. The caches of loaded lists (maxsize 1 or so) stay."""
    for mod in list(sys.modules.values()):
        if not getattr(mod, "__name__", "").startswith("redactor."):
            continue
        for obj in list(vars(mod).values()):
            params = getattr(obj, "cache_parameters", None)
            if params is not None and (params().get("maxsize") or 1 << 30) >= 1024:
                obj.cache_clear()


def child(pages: int, rounds: int, data: Path, profile: str | None, export: bool = True) -> None:
    """Runs in the checkout under test (its root first on sys.path)."""
    from redactor.core import jobs
    from redactor.core.export import safe

    spent = {"check": 0.0, "check_cpu": 0.0}

    def timed(fn):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            t0, c0 = time.perf_counter(), cpu_tree()
            try:
                return fn(*a, **k)
            finally:
                spent["check"] += time.perf_counter() - t0
                spent["check_cpu"] += cpu_tree() - c0

        return wrapper

    safe.verify_file = timed(safe.verify_file)
    safe.check_symbols = timed(safe.check_symbols)
    terms = ("Kanat Yessenov", "Morozov", "Pavlodar")
    with tempfile.TemporaryDirectory(prefix="redactor-bench-") as tmpdir:
        tmp = Path(tmpdir)

        def letter(n: int) -> Path:
            path = tmp / f"typed-{n}-{_label[0]}.pdf"
            build(n, path, data)
            return path

        t0 = time.perf_counter()
        options = jobs.AnalysisOptions(deny=terms, accept=True)
        finder = jobs.LocalFinder(options)

        def run(n: int) -> dict[str, float]:
            forget()
            spent["check"] = spent["check_cpu"] = 0.0
            path = letter(n)
            t, c = time.perf_counter(), cpu_tree()
            analysis = jobs.analyse(path, options, finder=finder)
            read, read_cpu = time.perf_counter() - t, cpu_tree() - c
            try:
                if not export:
                    return {"t": read, "cpu": read_cpu, "a": read, "a_cpu": read_cpu}
                jobs.export(
                    analysis,
                    analysis.plan,
                    tmp / f"out-{n}.pdf",
                    jobs.ExportOptions(accept_unread=True),
                )
            finally:
                analysis.close()
            return {
                "t": time.perf_counter() - t,
                "cpu": cpu_tree() - c,
                "a": read,
                "a_cpu": read_cpu,
                "c": spent["check"],
                "c_cpu": spent["check_cpu"],
            }

        run(2)
        startup = time.perf_counter() - t0
        if profile:
            import cProfile
            import pstats

            prof = cProfile.Profile(time.process_time)  # CPU: the machine is shared
            prof.enable()
            got = run(pages)
            t, c = got["t"], got["c"]
            prof.disable()
            prof.dump_stats(profile + ".prof")
            with open(profile, "w") as fh:
                fh.write(f"{pages} typed pages, serial lanes: {t:.2f} s, check {c:.2f} s\n\n")
                st = pstats.Stats(prof, stream=fh)
                st.sort_stats("cumulative").print_stats(80)
                st.sort_stats("tottime").print_stats(40)
            return
        best: dict[str, float] = {}
        for _ in range(rounds):
            one, two = run(pages), run(2 * pages)
            for key in one:
                best[key + "1"] = min(best.get(key + "1", one[key]), one[key])
                best[key + "2"] = min(best.get(key + "2", two[key]), two[key])
    out = {"startup": startup, "t1": best["t1"], "t2": best["t2"]}
    for key in ("t", "cpu", "a", "a_cpu", "c", "c_cpu"):
        if key + "1" in best:
            out[key] = (best[key + "2"] - best[key + "1"]) / pages
        else:
            out[key] = 0.0
    print("RESULT " + json.dumps(out))


def _command(root: Path, args: argparse.Namespace, profile: str | None) -> tuple[list[str], dict]:
    env = {**os.environ, "PYTHONPATH": str(root), "OMP_THREAD_LIMIT": "1"}
    if profile:
        env["REDACTOR_LANES"] = "serial"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--pages", str(args.pages)]
    cmd += ["--rounds", str(args.rounds), "--data", str(args.data)]
    if profile:
        cmd += ["--profile", profile]
    if args.analyse_only:
        cmd += ["--analyse-only"]
    return cmd, env


def _result(proc_out: str, proc_err: str, code: int, root: Path, profile: str | None) -> dict:
    for line in proc_out.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line[7:]))
    if profile and code == 0:
        return {}
    sys.stderr.write(proc_err[-3000:])
    raise SystemExit(f"the run in {root} failed")


def run_child(root: Path, args: argparse.Namespace, profile: str | None = None) -> dict:
    cmd, env = _command(root, args, profile)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=root)
    return _result(proc.stdout, proc.stderr, proc.returncode, root, profile)


def run_together(roots: dict[str, Path], args: argparse.Namespace) -> dict[str, dict]:
    """Both checkouts at once: on a shared machine each meets the same load."""
    procs = {}
    for key, root in roots.items():
        cmd, env = _command(root, args, None)
        procs[key] = subprocess.Popen(
            cmd, env=env, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    out = {}
    for key, proc in procs.items():
        o, e = proc.communicate()
        out[key] = _result(o, e, proc.returncode, roots[key], None)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default="/tmp/main-ref")
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=1, help="interleaved runs of each checkout")
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--profile")
    ap.add_argument("--child", action="store_true")
    ap.add_argument("--analyse-only", action="store_true", help="jobs.analyse alone")
    ap.add_argument("--together", action="store_true", help="run the checkouts at once")
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, os.getcwd())
        child(args.pages, args.rounds, Path(args.data), args.profile, not args.analyse_only)
        return
    if args.profile:
        run_child(ROOT, args, args.profile)
        print(f"profile written to {args.profile}")
        return
    roots = {"this": ROOT, "ref": Path(args.ref)}
    results: dict[str, list[dict]] = {k: [] for k in roots}
    for _ in range(args.repeat):
        if args.together:
            for key, got in run_together(roots, args).items():
                results[key].append(got)
            continue
        for key, root in roots.items():
            results[key].append(run_child(root, args))
    best = {k: {f: min(r[f] for r in v) for f in v[0]} for k, v in results.items()}
    print(f"typed pages: marginal cost per page ({args.pages} -> {2 * args.pages} pages)")
    for k, b in best.items():
        print(
            f"  {k:5s} wall {b['t']:6.3f} s/page: analyse {b['a']:.3f}, the final check"
            f" {b['c']:.3f}   (start-up {b['startup']:.1f} s; {args.pages} p {b['t1']:.2f} s,"
            f" {2 * args.pages} p {b['t2']:.2f} s)"
        )
        print(
            f"        cpu  {b['cpu']:6.3f} s/page (all processes): analyse {b['a_cpu']:.3f},"
            f" the final check {b['c_cpu']:.3f}, the rest of export"
            f" {b['cpu'] - b['a_cpu'] - b['c_cpu']:.3f}"
        )
    for key, what in (
        ("t", "wall"),
        ("cpu", "cpu"),
        ("a", "analyse wall"),
        ("a_cpu", "analyse cpu"),
    ):
        print(f"  ratio this/ref, {what}: {best['this'][key] / best['ref'][key]:.3f}")
    this, ref = best["this"], best["ref"]
    for name, b in (("this", this), ("ref", ref)):
        print(
            f"  {name}: without the final check {b['t'] - b['c']:.3f} s/page wall,"
            f" {b['cpu'] - b['c_cpu']:.3f} cpu"
        )


if __name__ == "__main__":
    main()
