"""Durable file writes: a temp file in the target folder, fsync, rename, fsync the folder.
A crash leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from .errors import InputError


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The plain SHA-256 of a file's bytes. Never stored: plans and reviews name a letter by its
    keyed fingerprint (fingerprint.py); this only finds reviews saved by older versions."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return h.hexdigest()


def atomic_write_text(path: str | os.PathLike[str], text: str, prefix: str = ".tmp-") -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
