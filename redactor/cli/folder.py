"""A folder of letters (`redactor redact DIR -o OUT`): every core busy across letters, a
progress bar on a terminal, and a run that resumes after an interruption.

Overlap. A letter is two halves: `commands.prepare` (open, read every page in the read lane,
find, plan) and `commands.write` (burn, write, check, name). The next letter's reading starts as
soon as this one's last pages are with the readers (no more pages left than readers), so while
a letter's last pages are read, found in, written and checked, the next one's pages keep the
read lane busy. The halves run in threads of this process: one letter written at a time, in the
inputs' order (the final check runs pdfium in this process, and pdfium is not thread-safe), the
detector used by one letter at a time (`_OneAtATime`), at most `IN_HAND` letters between the
start of their reading and the end of their writing. A reader that crashes takes the read lane's
workers with it, and the pages of every letter being read: a letter that could not be read is
tried once more at the end, alone, and only that attempt's error is reported (a file that is
simply damaged is not: its error is final).
REDACTOR_FOLDER_SERIAL=1 (the benchmark's baseline) and the lanes' serial mode take one letter at
a time.

Resume. Each finished copy is recorded, outside OUT and with nothing in clear: the record (in
`runs/` beside the installation key) is named by a keyed hash of OUT's path and holds, per
planned copy name (keyed), the input's keyed fingerprint, a keyed hash of the options and, per
file written, its name and bytes (keyed). A later run into the same OUT keeps a letter whose
copies are still there, unchanged, from the same input with the same options; anything else is
written again. `--restart` writes every letter again. A record no run has written for 30 days
is removed when a folder run starts. A run holds a lock on OUT (flock on the
folder), so a part file it finds there when it starts, whose writer (its process id is in the
name) no longer runs, was left by a run that was killed: it is removed (never published: a part
file is an unchecked copy). One that a live process writes (the app exporting into the same
folder) is left alone.

Interruption (Ctrl+C, `kill`, a closed terminal: main.py turns each into KeyboardInterrupt in
the main thread): the threads are told to stop, the workers killed (a thread waiting on one
wakes up with an error), the threads given a few seconds to clean up after themselves, then
every part file left in OUT removed. Exit 5, with the summary line.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time
import traceback
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import fingerprint as fingerprints
from ..core import jobs, lanes
from ..core.errors import ExitCode, ReaderLost, RedactorError
from . import commands
from .folder_display import Display, LetterProgress
from .resume import Record, _holding, options_key, remove_parts

SERIAL_ENV = "REDACTOR_FOLDER_SERIAL"  # "1": one letter at a time (the benchmark's baseline)
IN_HAND = 3  # letters between the start of their reading and the end of their writing
STOP_WAIT_S = 5.0  # how long an interrupted run waits for its threads to clean up


class _OneAtATime:
    """A Finder used by one letter at a time (the detector's models are not shared between
    threads); the detector is work of this process anyway."""

    def __init__(self, finder: jobs.Finder) -> None:
        self._finder = finder
        self._lock = threading.Lock()

    def find(self, document: Any, options: jobs.AnalysisOptions) -> Any:
        with self._lock:
            return self._finder.find(document, options)

    def submit(self, document: Any, options: jobs.AnalysisOptions) -> Future[Any]:
        with self._lock:
            return self._finder.submit(document, options)


@dataclass
class Letter:
    k: int  # its place among the letters to write
    number: int  # its place among all inputs (a neutral copy name's number)
    src: str
    dst: str
    fmt: str
    state: str = "waiting"  # reading, ready, writing, done, failed
    prepared: commands.Prepared | None = None
    solo: bool = False  # read and written with no other letter in hand (a second attempt)

    @property
    def name(self) -> str:
        return Path(self.src).name


class FolderRun:
    """The letters to write, overlapped as the module's doc says."""

    def __init__(
        self,
        letters: list[Letter],
        args: argparse.Namespace,
        options: jobs.AnalysisOptions,
        finder: jobs.Finder | None,
        display: Display,
        record: Record,
        overlap: bool,
    ) -> None:
        self.letters = letters
        self.args = args
        self.options = options
        self.finder = _OneAtATime(finder) if finder is not None else None
        self.display = display
        self.record = record
        self.in_hand = IN_HAND if overlap else 1
        self.readers = options.workers or lanes.default_workers()
        self.cancel = jobs.CancelToken()
        self.events: queue.Queue[tuple[str, int, Any]] = queue.Queue()
        self.threads: list[threading.Thread] = []
        self.reading: set[int] = set()
        self.next_start = 0
        self.next_write = 0
        self.writing: int | None = None
        self.finished = 0
        self.written = 0
        self.failed = 0
        self.worst = ExitCode.OK

    # the main thread --------------------------------------------------------------------

    def run(self) -> ExitCode:
        """Every letter, until the last is written or has failed. KeyboardInterrupt (Ctrl+C,
        `kill`) stops the run: see stop()."""
        while self.finished < len(self.letters):
            self._schedule()
            try:
                kind, k, payload = self.events.get(timeout=0.2)
            except queue.Empty:
                self.display.tick()
                continue
            self._handle(kind, self.letters[k], payload)
        return self.worst

    def _schedule(self) -> None:
        in_hand = self.next_start - self.finished
        while self.next_start < len(self.letters) and not self.reading and in_hand < self.in_hand:
            letter = self.letters[self.next_start]
            if letter.solo and in_hand:
                break
            self.next_start += 1
            in_hand += 1
            letter.state = "reading"
            self.reading.add(letter.k)
            self._thread(self._analyse, letter, "letter-read")
        if self.writing is not None:
            return
        while self.next_write < len(self.letters) and self.letters[self.next_write].state in (
            "done",
            "failed",
        ):
            self.next_write += 1
        if self.next_write < len(self.letters) and self.letters[self.next_write].state == "ready":
            letter = self.letters[self.next_write]
            letter.state = "writing"
            self.writing = letter.k
            if letter.prepared is not None:
                pages = letter.prepared.analysis.document.page_count
                self.display.update(letter.k, letter.name, "write", 0, pages)
            self._thread(self._write, letter, "letter-write")

    def _thread(self, target: Any, letter: Letter, name: str) -> None:
        t = threading.Thread(target=target, args=(letter,), name=name, daemon=True)
        self.threads.append(t)
        t.start()

    def _handle(self, kind: str, letter: Letter, payload: Any) -> None:
        if kind == "reading-done":
            self.reading.discard(letter.k)
        elif kind == "analysed":
            self.reading.discard(letter.k)
            letter.state = "ready"
            letter.prepared = payload
            self.display.update(letter.k, letter.name, "ready", 0, 0)
        elif kind == "written":
            self.writing = None
            letter.state = "done"
            self.finished += 1
            self.written += 1
            self.display.letter_done(letter.k)
        else:  # failed
            self.reading.discard(letter.k)
            if self.writing == letter.k:
                self.writing = None
            letter.state = "failed"
            self.finished += 1
            if self._again(letter, payload):
                return
            self.failed += 1
            self.display.letter_done(letter.k)
            self.worst = max(self.worst, self._report(letter, payload))

    def _again(self, letter: Letter, exc: BaseException) -> bool:
        """Whether a letter that could not be read gets a second attempt, alone, after the
        others: a reader that crashes (a hostile file, memory) takes the lane's workers with it,
        and with them the pages of the letters read at the same time."""
        lost = isinstance(exc, ReaderLost)  # not a file that is simply damaged: that is final
        if letter.solo or self.in_hand == 1 or not lost or self.cancel.cancelled:
            return False
        again = Letter(len(self.letters), letter.number, letter.src, letter.dst, letter.fmt)
        again.solo = True
        self.letters.append(again)
        self.display.forget(letter.k)
        return True

    def _report(self, letter: Letter, exc: BaseException) -> ExitCode:
        if isinstance(exc, RedactorError):
            self.display.line(f"redactor: {exc}")
            return ExitCode(exc.exit_code)
        if isinstance(exc, MemoryError):
            self.display.line(f"redactor: {letter.name}: out of memory (the input is too large)")
            return ExitCode.INPUT
        if os.environ.get("REDACTOR_DEBUG"):
            traceback.print_exception(exc)
        self.display.line(
            f"redactor: {letter.name}: internal error ({type(exc).__name__}); "
            "run with REDACTOR_DEBUG=1 for details"
        )
        return ExitCode.INTERNAL

    def stop(self) -> None:
        """After an interruption: the threads told to stop, the workers killed (a thread waiting
        on one gets an error and cleans up), the threads waited for a little, and every part
        file in OUT removed (this run holds OUT: they are all its own)."""
        self.cancel.cancel()
        lanes.kill_workers()
        deadline = time.monotonic() + STOP_WAIT_S
        try:
            for t in self.threads:
                t.join(max(0.0, deadline - time.monotonic()))
        except KeyboardInterrupt:  # a second Ctrl+C: no more waiting
            pass
        finally:
            remove_parts(self.record.out_dir)

    # the letters' threads ---------------------------------------------------------------

    def _analyse(self, letter: Letter) -> None:
        said = False

        def on_step(stage: str, done: int, total: int) -> None:
            nonlocal said
            if not said and stage == "read" and total - done <= self.readers:
                said = True  # its last pages are with the readers: the next letter may start
                self.events.put(("reading-done", letter.k, None))

        progress = LetterProgress(self.display, letter.k, letter.name, on_step)
        try:
            prepared = commands.prepare(
                letter.src,
                letter.dst,
                letter.fmt,
                self.args,
                self.options,
                self.finder,
                progress,
                True,
                letter.number,
                self.cancel,
            )
        except BaseException as exc:
            self.events.put(("failed", letter.k, exc))
            return
        self.events.put(("analysed", letter.k, prepared))

    def _write(self, letter: Letter) -> None:
        prepared = letter.prepared
        assert prepared is not None
        progress = LetterProgress(self.display, letter.k, letter.name)
        try:
            report = commands.write(prepared, self.args, progress, self.cancel)
        except BaseException as exc:
            self.events.put(("failed", letter.k, exc))
            return
        finally:
            letter.prepared = None
            prepared.analysis.close()
        try:
            self.record.add(letter.dst, prepared.analysis.fingerprint, report.written)
        except (OSError, RedactorError) as exc:
            progress.line(
                f"redactor: warning: the record of finished copies was not saved "
                f"({type(exc).__name__}): a run after an interruption writes this copy again"
            )
        self.events.put(("written", letter.k, report))


def redact_folder(
    files: list[str],
    pairs: list[tuple[str, str]],
    args: argparse.Namespace,
    options: jobs.AnalysisOptions,
    finder: jobs.Finder | None,
) -> ExitCode:
    """`redactor redact INPUT... -o FOLDER`: the copies of every input (see the module's doc).
    The exit code is the worst letter's (the highest), 5 when interrupted."""
    out_dir = Path(args.output)
    key = fingerprints.load_key()
    record = Record(out_dir, key, options_key(key, args, options))
    display = Display(len(files), args.quiet)
    with _holding(out_dir) as held:
        stale = remove_parts(out_dir) if held else 0
        if stale:
            display.line(f"redactor: removed {stale} unfinished copies an interrupted run left")
        record.prune()
        if not args.restart:
            record.load()
        letters: list[Letter] = []
        for n, (src, (dst, fmt)) in enumerate(zip(files, pairs, strict=True), 1):
            if not args.restart and record.finished(src, dst):
                if not args.quiet:
                    display.line(
                        f"{Path(src).name}: skipped: its copy is finished (same input, same "
                        "options; --restart writes it again)"
                    )
                display.letter_done(-n, skipped=True)
                continue
            letters.append(Letter(len(letters), n, src, dst, fmt))
        overlap = not lanes.serial() and os.environ.get(SERIAL_ENV, "") != "1"
        run = FolderRun(letters, args, options, finder, display, record, overlap)
        try:
            code = run.run()
        except KeyboardInterrupt:
            run.stop()
            display.close()
            _summary(display, run, len(files), cancelled=True)
            return ExitCode.CANCELLED
        except BaseException:
            run.stop()
            display.close()
            raise
        display.close()
        _summary(display, run, len(files), cancelled=False)
        return code


def _summary(display: Display, run: FolderRun, total: int, cancelled: bool) -> None:
    if display.quiet:
        return
    words = [f"{run.written} written"]
    if display.skipped:
        words.append(f"{display.skipped} skipped (finished by an earlier run)")
    if run.failed:
        words.append(f"{run.failed} failed")
    line = f"redactor: {total} letter{'' if total == 1 else 's'}: " + ", ".join(words)
    if cancelled:
        left = total - display.skipped - run.written - run.failed
        line += f"; cancelled with {left} not written (run again to finish them)"
    print(line, file=sys.stderr, flush=True)
