"""The record of a folder run's finished copies, so that a run resumes without redoing them
(see cli/folder.py's doc: nothing in clear, keyed by OUT's path), the lock on OUT, and the
removal of part files a killed run left."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import hmac
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..core import fingerprint as fingerprints
from ..core import jobs
from ..core.errors import RedactorError, UsageError
from ..core.fileio import atomic_write_text
from . import commands

RECORD_FORMAT = 1
RECORD_DAYS = 30  # a record not written for this long is removed by the next folder run
PART_GLOB = ".redactor-*.part"  # fileio.part_file_in


def _mac(key: bytes, label: str, data: bytes) -> str:
    return hmac.new(key, label.encode() + b"\0" + data, hashlib.sha256).hexdigest()


def options_key(key: bytes, args: argparse.Namespace, options: jobs.AnalysisOptions) -> str:
    """A keyed hash of everything that shapes a copy: the analysis and export options (the
    terms included; never the password), the reviewed plan's bytes, this version."""
    from .. import __version__

    analysis = {k: v for k, v in asdict(options).items() if k not in ("password", "workers")}
    fmt = args.format or "pdf"
    plan = fingerprints.fingerprint_file(args.plan) if args.plan else None
    what = {
        "version": __version__,
        "analysis": analysis,
        "export": asdict(commands.export_options_of(args, fmt)),
        "plan": plan,
    }
    return _mac(key, "options", json.dumps(what, sort_keys=True, default=list).encode())


class Record:
    """The finished copies of one output folder (see the module's doc)."""

    def __init__(self, out_dir: Path, key: bytes, options: str) -> None:
        self.out_dir = out_dir
        self.key = key
        self.options = options
        folder = _mac(key, "output folder", os.fsencode(os.path.realpath(out_dir)))
        # beside the installation key, which alone makes the record readable
        self.path = fingerprints.key_path().parent / "runs" / f"{folder[:32]}.json"
        self.copies: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._names: dict[str, Path] | None = None

    def prune(self, now: float | None = None) -> int:
        """Remove the records of every output folder not written for RECORD_DAYS (a trace
        that runs happened, kept no longer than a resume needs it); how many."""
        cutoff = (time.time() if now is None else now) - RECORD_DAYS * 86400
        n = 0
        for old in self.path.parent.glob("*.json"):
            with contextlib.suppress(OSError):
                if old.stat().st_mtime < cutoff:
                    old.unlink()
                    n += 1
        return n

    def load(self) -> None:
        """The record as saved; a missing or damaged one is an empty one (every letter is
        written again)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            copies = data["copies"] if data.get("format") == RECORD_FORMAT else {}
            self.copies = {str(k): dict(v) for k, v in copies.items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.copies = {}

    def _slot(self, dst: str) -> str:
        return _mac(self.key, "planned copy", os.fsencode(Path(dst).name))

    def _file_key(self, path: Path) -> str:
        return _mac(self.key, "copy name", os.fsencode(path.name))

    def finished(self, src: str, dst: str) -> bool:
        """Whether the copies of `src` that a run with these options wrote are all in OUT,
        unchanged, and `src` has the bytes it had then."""
        entry = self.copies.get(self._slot(dst))
        if not entry or entry.get("options") != self.options or not entry.get("files"):
            return False
        if self._names is None:
            self._names = {self._file_key(p): p for p in self.out_dir.iterdir() if p.is_file()}
        try:
            if fingerprints.fingerprint_file(src) != entry.get("input"):
                return False
            for name, content in dict(entry["files"]).items():
                path = self._names.get(name)
                if path is None or fingerprints.fingerprint_file(path) != content:
                    return False
        except (RedactorError, OSError):
            return False
        return True

    def add(self, dst: str, fingerprint: str, written: tuple[Path, ...]) -> None:
        """Record a letter's finished copies and save the record (atomically, mode 0600)."""
        files = {self._file_key(p): fingerprints.fingerprint_file(p) for p in written}
        entry = {"input": fingerprint, "options": self.options, "files": files}
        with self._lock:
            self.copies[self._slot(dst)] = entry
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            text = json.dumps({"format": RECORD_FORMAT, "copies": self.copies}, indent=0)
            atomic_write_text(self.path, text, prefix=".run-")


@contextlib.contextmanager
def _holding(out_dir: Path) -> Iterator[bool]:
    """An exclusive lock on OUT for the run (flock on the folder itself: nothing is added to
    OUT); another run into the same folder is refused. Yields whether the lock is held (a file
    system without locks: False)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield False
        return
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(
                f"{out_dir}: another redactor run is writing copies there; wait for it to end"
            ) from None
        except OSError:  # pragma: no cover - a file system without locks
            yield False
            return
        yield True
    finally:
        os.close(fd)


def _writer_of(part: Path) -> int | None:
    """The process id in a part file's name (fileio.part_file_in), None for a name without."""
    pid = part.name[len(".redactor-") :].split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def _ours_or_gone(pid: int) -> bool:
    """Whether process `pid` is this one, a child of this one (a worker), or not running."""
    if pid == os.getpid():
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return True  # not running
    except (OSError, IndexError):  # no /proc: ask the kernel whether it runs
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False
    state, parent = fields[0], int(fields[1])
    return state in ("Z", "X") or parent == os.getpid()


def remove_parts(out_dir: Path) -> int:
    """Remove the part files in OUT (unchecked copies) that this run or a process no longer
    running left; how many. A part file another live process is writing (the app exporting
    into the same folder) is left alone: it is that process's to publish or remove."""
    n = 0
    for part in out_dir.glob(PART_GLOB):
        pid = _writer_of(part)
        if pid is not None and not _ours_or_gone(pid):
            continue
        with contextlib.suppress(OSError):
            part.unlink()
            n += 1
    return n
