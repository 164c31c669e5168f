"""The session record: which letters are open, kept only while the app runs, for crash recovery.

After the app is killed, its next start offers back every letter that was open. For that the
record must name the files, which everything else the app keeps avoids (reviews are named by a
keyed fingerprint and hold no name: fingerprint.py, project.py). The record therefore leaves as
little trace as it can:

- it exists only while the app runs: written when letters are opened or finish loading, deleted
  on a clean quit (and when no letter is open), so on a machine seized while the app is closed
  there is none unless the app was killed;
- the whole content (paths and fingerprints) is sealed with AES-256-GCM under a key derived
  (HKDF-SHA256) from the installation key: a search of the disk for a letter's name finds
  nothing, and deleting the installation key makes the record unreadable;
- written atomically (temp file, fsync, rename), mode 0600, in the data folder beside the key
  (`$REDACTOR_SESSION_DIR` overrides the folder).

Each running app has its own record, `session-<random>.rec`, and holds a lock on its
`session-<random>.lock` while it runs; the system releases the lock when the app dies, `kill -9`
included. So a start tells a crashed app's record (lock free: offered back) from the record of
another app still running (lock held: left alone).

It is for crash recovery only: it is never shown as a list of recent letters and is not kept
after a clean quit, whatever the "remember recent letters" setting says.

File layout: MAGIC, a 12-byte random nonce, then the ciphertext of a small JSON document
(`{"letters": [{"path", "fingerprint"}]}`) with its tag; MAGIC is the associated data.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import secrets
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .fileio import atomic_write_bytes, fsync_dir
from .fingerprint import is_hex_digest, key_path, load_key

log = logging.getLogger(__name__)

MAGIC = b"redactor-session/1\n"
NONCE_BYTES = 12
ENV_SESSION_DIR = "REDACTOR_SESSION_DIR"
PREFIX, SUFFIX, LOCK_SUFFIX = "session-", ".rec", ".lock"
_HKDF_INFO = b"redactor session record key"
MAX_BYTES = 4 << 20  # a record of thousands of letters is far smaller: larger is not ours


@dataclass(frozen=True)
class OpenLetter:
    """A letter open in the app: its path and, once it is read, its keyed fingerprint."""

    path: str
    fingerprint: str = ""


def record_key(install_key: bytes) -> bytes:
    """The record's AES-256 key: HKDF-SHA256 of the installation key with a fixed label."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(
        install_key
    )


def seal(letters: Sequence[OpenLetter], install_key: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    doc = {"letters": [{"path": x.path, "fingerprint": x.fingerprint} for x in letters]}
    plain = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    nonce = secrets.token_bytes(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(record_key(install_key)).encrypt(nonce, plain, MAGIC)


def unseal(data: bytes, install_key: bytes) -> list[OpenLetter]:
    """The letters of a sealed record. InputError when it is damaged, not a session record, or
    sealed under another installation key."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + NONCE_BYTES + 16:
        raise InputError("the session record is damaged (not a session record)")
    nonce = data[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
    try:
        plain = AESGCM(record_key(install_key)).decrypt(
            nonce, data[len(MAGIC) + NONCE_BYTES :], MAGIC
        )
    except InvalidTag:
        raise InputError(
            "the session record cannot be read (damaged, or the installation key changed)"
        ) from None
    try:
        doc = json.loads(plain.decode("utf-8"))
        out = []
        for item in doc["letters"]:
            path, fp = str(item["path"]), str(item.get("fingerprint", ""))
            if not path or (fp and not is_hex_digest(fp)):
                raise ValueError("bad entry")
            out.append(OpenLetter(path, fp))
        return out
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise InputError(f"the session record is damaged ({type(exc).__name__})") from None


def _write_private(path: Path, data: bytes) -> None:
    """Write atomically: a 0600 temp file in the same folder, fsync, rename, fsync the folder."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write_bytes(path, data, prefix=".session-")


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock on an open file without waiting; the system releases it when the
    process dies, `kill -9` included."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def default_dir() -> Path:
    """$REDACTOR_SESSION_DIR, else the data folder (where the installation key is)."""
    env = os.environ.get(ENV_SESSION_DIR)
    return Path(env) if env else key_path().parent


class SessionFile:
    """One running app's session record, `session-<random>.rec` in the data folder, and its lock
    file, held while the app runs. Several apps may run at once, each with its own record; a
    record whose lock is free was left by an app that died (`leftovers`)."""

    def __init__(
        self,
        folder: str | os.PathLike[str] | None = None,
        install_key: bytes | None = None,
        token: str = "",
    ) -> None:
        self.folder = Path(folder) if folder is not None else default_dir()
        self.token = token or secrets.token_hex(8)
        self.path = self.folder / f"{PREFIX}{self.token}{SUFFIX}"
        self.lock_path = self.folder / f"{PREFIX}{self.token}{LOCK_SUFFIX}"
        self._key = install_key
        self._lock_fd: int | None = None

    def _install_key(self) -> bytes:
        if self._key is None:
            self._key = load_key()
        return self._key

    def exists(self) -> bool:
        return self.path.is_file()

    def _hold(self) -> None:
        """Create and lock this record's lock file (once)."""
        if self._lock_fd is not None:
            return
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise OSError(errno.EBUSY, "the session record is in use by another app")
        self._lock_fd = fd

    def release(self) -> None:
        """Keep the record but let go of its lock (the app ends with a question unanswered: the
        next start offers it, as after a crash)."""
        if self._lock_fd is not None:
            _unlock(self._lock_fd)
            os.close(self._lock_fd)
            self._lock_fd = None

    def write(self, letters: Sequence[OpenLetter]) -> None:
        """Record the open letters (no letter: no record). Raises OSError or InputError."""
        if not letters:
            self.delete()
            return
        self._hold()
        _write_private(self.path, seal(letters, self._install_key()))

    def read(self) -> list[OpenLetter] | None:
        """The letters of the record, or None when there is none. InputError when the record
        cannot be read (damaged, too large, sealed under another installation key)."""
        try:
            with open(self.path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise InputError(f"cannot read the session record: {exc.strerror}") from None
        if len(data) > MAX_BYTES:
            raise InputError("the session record is damaged (too large)")
        return unseal(data, self._install_key())

    def delete(self) -> None:
        """Remove the record and its lock file (the app closes, or no letter is open)."""
        try:
            self.path.unlink(missing_ok=True)
            self.release()
            self.lock_path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not delete the session record: %s", exc.strerror)
            return
        fsync_dir(self.folder)


def leftovers(
    folder: str | os.PathLike[str] | None = None, install_key: bytes | None = None
) -> list[SessionFile]:
    """The records left by apps that died (their lock is free), oldest first. The caller now
    holds each one's lock (an app starting at the same moment does not take them too), and
    deletes each once its letters are safe in its own record. Lock files without a record, left
    by an app killed before it wrote one, are removed."""
    where = Path(folder) if folder is not None else default_dir()
    try:
        found = sorted(where.glob(f"{PREFIX}*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
        found_locks = list(where.glob(f"{PREFIX}*{LOCK_SUFFIX}"))
    except OSError:
        return []
    out: list[SessionFile] = []
    for rec in found:
        token = rec.name[len(PREFIX) : -len(SUFFIX)]
        if not token or not all(c in "0123456789abcdef" for c in token):
            continue
        sf = SessionFile(where, install_key, token)
        try:
            fd = os.open(sf.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            continue
        if _try_lock(fd):
            sf._lock_fd = fd
            out.append(sf)
        else:
            os.close(fd)  # a running app's record
    records = {p.name[: -len(SUFFIX)] for p in found}
    for lock in found_locks:
        if lock.name[: -len(LOCK_SUFFIX)] in records:
            continue
        try:
            fd = os.open(lock, os.O_RDWR)
        except OSError:
            continue
        try:
            free = _try_lock(fd)
            if free:
                _unlock(fd)
        finally:
            os.close(fd)
        if free:
            try:
                lock.unlink(missing_ok=True)
            except OSError:
                pass
    return out


MISSING = "missing"  # no file at the recorded path (moved, renamed or deleted)
CHANGED = "changed"  # a file there, but not the letter that was open (its bytes changed)
FOUND = "found"


def check(letter: OpenLetter, install_key: bytes | None = None) -> str:
    """Whether a recorded letter is still where it was and unchanged: FOUND, MISSING or
    CHANGED (a letter that was still being read when the app stopped has no fingerprint: it is
    FOUND when the file is there)."""
    from .fingerprint import fingerprint_file

    path = Path(letter.path)
    if not path.is_file():
        return MISSING
    if not letter.fingerprint:
        return FOUND
    try:
        now = fingerprint_file(path, install_key)
    except InputError:
        return MISSING
    return FOUND if now == letter.fingerprint else CHANGED
