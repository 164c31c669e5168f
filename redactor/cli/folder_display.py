"""A folder run's progress (cli/folder.py): the bar on a terminal, plain lines otherwise, and
each letter's progress through it."""

from __future__ import annotations

import shutil
import sys
import threading
import time
from typing import Any, TextIO

# a letter's share of the bar by stage: (where it starts, its width); the check comes after write
WEIGHTS = {
    "read": (0.0, 0.55),
    "find": (0.55, 0.1),
    "ready": (0.65, 0.0),  # analysed, waiting for the letters before it to be written
    "write": (0.65, 0.1),
    "check": (0.75, 0.0),
}


# --- what the user sees ------------------------------------------------------------------------


class Display:
    """The run's progress: on a terminal one bar line, redrawn in place, with the letters'
    notes printed above it; otherwise plain lines, a letter's stage when it is done. Thread-safe
    (the letters' threads report through it)."""

    def __init__(self, total: int, quiet: bool, tty: bool | None = None) -> None:
        self.total = total
        self.quiet = quiet
        self.tty = sys.stderr.isatty() if tty is None else tty
        self.finished = 0
        self.skipped = 0
        self._parts: dict[int, float] = {}  # letters in hand: how far each is
        self._now: dict[int, str] = {}  # and what each is doing
        self._lock = threading.RLock()
        self._shown = False
        self._drawn_at = 0.0
        self._start = time.monotonic()

    @property
    def bar(self) -> bool:
        return self.tty and not self.quiet

    def update(self, k: int, name: str, stage: str, done: int, total: int) -> None:
        if stage == "write" and total and done >= total:
            stage, now = "check", f"{name}: checking the copy"  # the final check takes a while
        elif stage == "ready":
            now = f"{name}: waiting to be written"
        else:
            now = f"{name}: {stage} {done}/{total}"
        base, weight = WEIGHTS.get(stage, (0.0, 0.0))
        with self._lock:
            self._parts[k] = base + weight * (done / total if total else 0.0)
            self._now[k] = now
            self._draw()

    def forget(self, k: int) -> None:
        with self._lock:
            self._parts.pop(k, None)
            self._now.pop(k, None)

    def letter_done(self, k: int, skipped: bool = False) -> None:
        with self._lock:
            self._parts.pop(k, None)
            self._now.pop(k, None)
            self.finished += 1
            self.skipped += skipped
            self._draw(force=True)

    def line(self, text: str, stream: TextIO | None = None) -> None:
        stream = stream or sys.stderr
        with self._lock:
            self._clear()
            print(text, file=stream, flush=True)
            self._draw(force=True)

    def tick(self) -> None:
        with self._lock:
            self._draw()

    def close(self) -> None:
        with self._lock:
            self._clear()

    def text(self, width: int) -> str:
        """The bar line, at most `width` characters."""
        frac = (self.finished + sum(self._parts.values())) / max(self.total, 1)
        frac = min(max(frac, 0.0), 1.0)
        cells = 20
        filled = int(frac * cells + 1e-9)
        elapsed = time.monotonic() - self._start
        parts = [
            f"[{'#' * filled}{'.' * (cells - filled)}] {self.finished}/{self.total} letters",
            _clock(elapsed),
        ]
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        if self._now:  # the letter furthest along (the one written), and how many more
            first = max(self._now, key=lambda k: (self._parts.get(k, 0.0), -k))
            more = f" (+{len(self._now) - 1} more)" if len(self._now) > 1 else ""
            parts.append(self._now[first] + more)
        return "  ".join(parts)[: max(width - 1, 10)]

    def _draw(self, force: bool = False) -> None:
        if not self.bar:
            return
        now = time.monotonic()
        if not force and now - self._drawn_at < 0.1:
            return
        self._drawn_at = now
        width = shutil.get_terminal_size((80, 24)).columns
        sys.stderr.write("\r" + self.text(width) + "\x1b[K")
        sys.stderr.flush()
        self._shown = True

    def _clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._shown = False


def _clock(seconds: float) -> str:
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


class LetterProgress:
    """One letter's progress (commands.Progress) through the run's display."""

    def __init__(self, display: Display, k: int, name: str, on_step: Any = None) -> None:
        self.display = display
        self.k = k
        self.name = name
        self.on_step = on_step

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.on_step is not None:
            self.on_step(stage, done, total)
        self.display.update(self.k, self.name, stage, done, total)
        if not self.display.tty and not self.display.quiet and done == total and total:
            self.display.line(f"{self.name}: {stage} {done}/{total}")

    def note(self, message: str) -> None:
        if not self.display.quiet:
            self.display.line(f"{self.name}: {message}")

    def line(self, text: str) -> None:
        self.display.line(text)

    def out(self, text: str) -> None:
        self.display.line(text, sys.stdout)


# --- the run ---------------------------------------------------------------------------------
