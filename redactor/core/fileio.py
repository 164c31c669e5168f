"""Durable file writes: a temp file in the target folder, fsync, rename, fsync the folder.
A crash leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import InputError


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The plain SHA-256 of a file's bytes. Never stored: plans and reviews name a letter by its
    keyed fingerprint (fingerprint.py); this only finds reviews saved by older versions."""
    return digest_file(path, hashlib.sha256())


def digest_file(path: str | os.PathLike[str], h: Any) -> str:
    """Feed a file's bytes to the hash `h` (hashlib or hmac), a MiB at a time; its hex digest.
    A file that cannot be read is an InputError."""
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return str(h.hexdigest())


def atomic_write_text(path: str | os.PathLike[str], text: str, prefix: str = ".tmp-") -> None:
    atomic_write_bytes(path, text.encode("utf-8"), prefix)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, prefix: str = ".tmp-") -> None:
    """Write atomically: a temp file (mode 0600) in the same folder, fsync, rename, fsync the
    folder. A crash leaves the old file or the new one, never a part of either."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(folder)  # make the rename itself durable


def part_file_in(folder: Path, suffix: str) -> Path:
    """A new empty `.redactor-<pid>-*<suffix>.part` file in folder (mode 0600): where a copy is
    written and checked before it is given its name. The writer's process id in the name tells
    a folder run's clean-up (cli/resume.py) which part files a live process is still writing."""
    prefix = f".redactor-{os.getpid()}-"
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix + ".part", dir=folder)
    os.close(fd)
    return Path(name)


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def publish(tmp: Path, dest: Path) -> None:
    """Give a checked temp file ordinary permissions and rename it onto dest."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, dest)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        fh.flush()
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in folder durable (best effort: some file systems refuse)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
