"""Fuzz the input loaders for a fixed time budget.

Mutates small real inputs (a typed letter PDF, a PNG, a JPEG, a TIFF) with hypothesis-drawn edits
(byte flips, cuts, repeats, insertions of boundary values, truncation) and feeds each to
`redactor.core.sources.open_source(...)`: page count, `render` and `text_words` of its first
pages, in a child process with a 3 GB address-space cap and a time limit, so that a crash, a hang
or a memory blow-up is caught. InputError is the expected way to refuse a damaged file; anything
else is reported. Reproducers are kept in tests/leak/fuzz_cases/ (run by
tests/leak/test_fuzz_regressions.py).

    python bench/fuzz.py [--seconds 120] [--per-input 20] [--keep DIR]

Prints inputs tried, crashes (the child died or hung), other exceptions, and InputErrors.
Never part of the test run.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import multiprocessing as mp
import os
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("REDACTOR_TEST_DATA", ROOT.parent / "shared" / "data"))
CASES = ROOT / "tests" / "leak" / "fuzz_cases"
MEMORY_CAP = 3 * 1024**3
INTERESTING = [b"\x00", b"\xff", b"\x7f", b"\x80", b"\xff\xff\xff\xff", b"\x00\x00\x00\x00",
               b"-1", b"999999999", b"0", b"R", b" obj ", b"endobj", b"stream\n", b"<<", b">>",
               b"/Length 0", b"/Filter /FlateDecode", b"/Type /Page"]  # fmt: skip


def seeds() -> dict[str, bytes]:
    """Small real inputs of each kind."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (160, 60), "white")
    ImageDraw.Draw(img).text((10, 20), "Dear friend", fill="black")
    out: dict[str, bytes] = {}
    for fmt, ext in (("PNG", "png"), ("JPEG", "jpg"), ("TIFF", "tif")):
        buf = io.BytesIO()
        img.save(buf, fmt)
        out[ext] = buf.getvalue()
    typed = sorted((DATA / "letters").glob("*.typed.pdf"), key=lambda p: p.stat().st_size)
    if typed:
        out["pdf"] = typed[0].read_bytes()
    return out


def _child(conn, path: str) -> None:  # runs in the child process
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    os.environ["OMP_THREAD_LIMIT"] = "1"
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (a renderer's warnings are not results)
    from redactor.core.errors import InputError
    from redactor.core.sources import open_source

    try:
        src = open_source(path)
        try:
            for i in range(min(src.page_count, 2)):
                src.render(i, 72)
                src.text_words(i, 72)
        finally:
            src.close()
        conn.send(("ok", ""))
    except InputError:
        conn.send(("input-error", ""))
    except BaseException as exc:  # noqa: BLE001 (every other exception is a finding)
        tb = traceback.format_exc(limit=6)
        conn.send(("exception", f"{type(exc).__name__}: {tb[-800:]}"))


def run_one(path: Path, timeout: float) -> tuple[str, str]:
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, str(path)))
    proc.start()
    child.close()
    result: tuple[str, str] | None = None
    if parent.poll(timeout):
        try:
            result = parent.recv()
        except EOFError:
            result = None
    proc.join(2 if result else 0.1)
    if proc.is_alive():
        proc.kill()
        proc.join()
        if result is None:
            return "crash", f"hang: no answer in {timeout:.0f} s"
    if result is None:
        return "crash", f"the child died (exit code {proc.exitcode})"
    return result


def mutate(data: bytes, edits: list[tuple[int, int, int, int]]) -> bytes:
    """Apply hypothesis-drawn edits: (kind, position, length, value)."""
    buf = bytearray(data)
    for kind, pos, length, value in edits:
        if not buf:
            break
        p = pos % len(buf)
        if kind == 0:  # flip bits
            buf[p] ^= 1 << (value % 8)
        elif kind == 1:  # cut a run
            del buf[p : p + 1 + length % 512]
        elif kind == 2:  # repeat a run
            buf[p:p] = buf[p : p + 1 + length % 256] * (1 + value % 8)
        elif kind == 3:  # insert a boundary value
            buf[p:p] = INTERESTING[value % len(INTERESTING)]
        elif kind == 4:  # overwrite with a boundary value
            v = INTERESTING[value % len(INTERESTING)]
            buf[p : p + len(v)] = v
        else:  # truncate
            del buf[max(16, p) :]
    return bytes(buf)


def main(argv: list[str] | None = None) -> int:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--per-input", type=float, default=20, help="time limit of one input (s)")
    ap.add_argument("--keep", default=str(CASES), help="where reproducers are saved")
    ap.add_argument("--work", default="/tmp/redactor-fuzz")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    keep = Path(args.keep)
    base = seeds()
    kinds = sorted(base)
    stats: Counter[str] = Counter()
    per_kind: Counter[str] = Counter()
    kept: list[Path] = []
    deadline = time.monotonic() + args.seconds

    edit = st.tuples(
        st.integers(0, 5), st.integers(0, 2**31), st.integers(0, 4096), st.integers(0, 255)
    )

    @settings(
        max_examples=20,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.sampled_from(kinds), st.lists(edit, min_size=1, max_size=6))
    def one(kind: str, edits: list[tuple[int, int, int, int]]) -> None:
        if time.monotonic() > deadline:
            return
        data = mutate(base[kind], edits)
        path = work / f"case.{kind}"
        path.write_bytes(data)
        outcome, detail = run_one(path, args.per_input)
        stats[outcome] += 1
        per_kind[kind] += 1
        if outcome in ("crash", "exception"):
            digest = hashlib.sha1(data).hexdigest()[:12]
            keep.mkdir(parents=True, exist_ok=True)
            dest = keep / f"{outcome}-{digest}.{kind}"
            dest.write_bytes(data)
            kept.append(dest)
            print(f"{outcome}: {dest.name}: {detail.splitlines()[0] if detail else ''}", flush=True)

    start = time.monotonic()
    while time.monotonic() < deadline:
        one()
    took = time.monotonic() - start
    tried = sum(stats.values())
    print(f"budget {args.seconds:.0f} s, ran {took:.0f} s: {tried} inputs tried "
          f"({', '.join(f'{k} {n}' for k, n in sorted(per_kind.items()))})")  # fmt: skip
    print(f"  ok {stats['ok']}, InputError {stats['input-error']}, "
          f"other exceptions {stats['exception']}, crashes/hangs {stats['crash']}")  # fmt: skip
    for p in kept:
        print(f"  kept {p}")
    return 1 if kept else 0


if __name__ == "__main__":
    sys.exit(main())
