"""Helpers of the orphan tests (a killed parent leaves no worker behind): a many-page scan
generated here, and a process's descendants read from /proc (psutil is not a dependency)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.support.rawpdf import RawPdf, text_image

LINES = (
    "Dear editor, I write to you from the colony again.",
    "The winter is long here and the letters come slowly.",
    "Please tell my family that I am well and that I wait.",
    "The doctor saw me twice this month about my back.",
    "I read every book that the library sends to us.",
)


def scan_pdf(path: Path, pages: int = 20) -> Path:
    """A PDF of `pages` image-only pages of typed-looking text (a scan: every page needs OCR)."""
    pdf = RawPdf()
    for n in range(pages):
        lines = [(60, 60 + 56 * i, f"{n + 1}.{i} {line}") for i, line in enumerate(LINES)]
        img = text_image(lines, size=(1240, 1754), font_px=30, mode="L")
        im = pdf.image(img)
        pdf.page(b"q 595 0 0 842 0 0 cm /Im0 Do Q", size=(595, 842), xobjects={"Im0": im})
    return pdf.write(path)


def _stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped by whoever inherited it counts as gone)."""
    st = _stat(pid)
    return st is not None and st[0] not in ("Z", "X")


def cpu_seconds(pid: int) -> float:
    st = _stat(pid)
    return (int(st[11]) + int(st[12])) / os.sysconf("SC_CLK_TCK") if st else 0.0


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (children, their children...)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(int(entry))
            if st is not None:
                parents[int(entry)] = int(st[1])
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        out += kids
        todo += kids
    return out


def workers_of(pid: int) -> list[int]:
    """The spawned worker processes below `pid` (multiprocessing's spawn_main)."""
    out = []
    for child in descendants(pid):
        try:
            cmd = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmd:
            out.append(child)
    return out


def wait_busy(pid: int, want: int, timeout: float, cpu: float = 0.3) -> list[int]:
    """Wait until `pid` has at least `want` workers that have each used `cpu` seconds of CPU;
    returns all its descendants then (collected before any kill)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = [w for w in workers_of(pid) if cpu_seconds(w) >= cpu]
        if len(busy) >= want:
            return descendants(pid)
        if not alive(pid):
            break
        time.sleep(0.1)
    raise AssertionError(f"no {want} busy workers under {pid} after {timeout:.0f} s")


def wait_gone(pids: list[int], timeout: float) -> tuple[list[int], float]:
    """(those still alive after `timeout`, seconds until the last one went)."""
    start = time.monotonic()
    left = [p for p in pids if alive(p)]
    while left and time.monotonic() - start < timeout:
        time.sleep(0.05)
        left = [p for p in left if alive(p)]
    return left, time.monotonic() - start
