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
  (`$REDACTOR_SESSION_FILE` overrides the place).

It is for crash recovery only: it is never shown as a list of recent letters and is not kept
after a clean quit, whatever the "remember recent letters" setting says.

File layout: MAGIC, a 12-byte random nonce, then the ciphertext of a small JSON document
(`{"letters": [{"path", "fingerprint"}]}`) with its tag; MAGIC is the associated data.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .fileio import fsync_dir
from .fingerprint import is_hex_digest, key_path, load_key

log = logging.getLogger(__name__)

MAGIC = b"redactor-session/1\n"
NONCE_BYTES = 12
ENV_SESSION_FILE = "REDACTOR_SESSION_FILE"
_HKDF_INFO = b"redactor session record key"
MAX_BYTES = 4 << 20  # a record of thousands of letters is far smaller: larger is not ours


@dataclass(frozen=True)
class OpenLetter:
    """A letter open in the app: its path and, once it is read, its keyed fingerprint."""

    path: str
    fingerprint: str = ""


def default_path() -> Path:
    """$REDACTOR_SESSION_FILE, else `session.rec` beside the installation key (the data folder)."""
    env = os.environ.get(ENV_SESSION_FILE)
    return Path(env) if env else key_path().parent / "session.rec"


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
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=".session-", suffix=".tmp", dir=folder)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(folder)


class SessionFile:
    """The session record on disk."""

    def __init__(
        self, path: str | os.PathLike[str] | None = None, install_key: bytes | None = None
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._key = install_key

    def _install_key(self) -> bytes:
        if self._key is None:
            self._key = load_key()
        return self._key

    def exists(self) -> bool:
        return self.path.is_file()

    def write(self, letters: Sequence[OpenLetter]) -> None:
        """Record the open letters (no letter: no record). Raises OSError or InputError."""
        if not letters:
            self.delete()
            return
        _write_private(self.path, seal(letters, self._install_key()))

    def read(self) -> list[OpenLetter] | None:
        """The letters of a record left behind, or None when there is none. InputError when the
        record cannot be read (damaged, too large, sealed under another key)."""
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
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not delete the session record: %s", exc.strerror)
            return
        fsync_dir(self.path.parent)


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
