"""A letter's keyed fingerprint: how plans and saved reviews name a letter.

A plain SHA-256 of a letter proves, on a seized machine, which file was handled (anyone holding
a copy of the letter can compute it). Plans and reviews therefore name a letter by
HMAC-SHA256(key, the letter's bytes), with a secret key made once per installation: 32 random
bytes in the user's data folder (`~/.local/share/redactor/install.key`, or `$REDACTOR_KEY_FILE`),
file mode 0600. Without the key a fingerprint says nothing about the letter; deleting the key
makes every saved review and plan unmatchable to any file.

A short key id (an HMAC of a fixed label, never of a letter) travels with a plan so that a plan
from another installation is refused with a message that says so.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

from .errors import InputError
from .fileio import digest_file

KEY_BYTES = 32
ENV_KEY_FILE = "REDACTOR_KEY_FILE"
_KEY_ID_LABEL = b"redactor installation key id"


def data_home() -> Path:
    """$XDG_DATA_HOME/redactor (~/.local/share/redactor), or %APPDATA%/Redactor on Windows."""
    if os.name == "nt" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "Redactor"
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "redactor"


def key_path() -> Path:
    """Where the installation key lives: $REDACTOR_KEY_FILE, else data_home()/install.key."""
    env = os.environ.get(ENV_KEY_FILE)
    return Path(env) if env else data_home() / "install.key"


def _read_key(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY)  # a symlink is fine (a key kept on another volume)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"cannot read the installation key {path}: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"the installation key {path} is not a regular file")
        if os.name != "nt" and st.st_mode & 0o077:
            os.fchmod(fd, 0o600)  # readable by others: close that now
        data = os.read(fd, KEY_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) != KEY_BYTES:
        raise InputError(
            f"the installation key {path} is damaged ({len(data)} bytes, expected {KEY_BYTES}); "
            "delete it to make a new one (saved reviews and plans will no longer match any letter)"
        )
    return data


def _create_key(path: Path) -> bytes:
    """Write a new random key atomically: a 0600 temp file in the same folder, fsynced, then
    hard-linked onto the target (which fails if another process made the key first: theirs
    wins, so two processes never end up with different keys)."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(KEY_BYTES)
    tmp = folder / f".install-key-{secrets.token_hex(8)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            os.write(fd, key)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: exclusive create of the target
            try:
                fd2 = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                try:
                    os.write(fd2, key)
                    os.fsync(fd2)
                finally:
                    os.close(fd2)
    finally:
        tmp.unlink(missing_ok=True)
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
    existing = _read_key(path)
    if existing is None:
        raise InputError(f"cannot create the installation key {path}")
    return existing


def load_key(path: str | os.PathLike[str] | None = None) -> bytes:
    """The installation key, made on first use."""
    p = Path(path) if path is not None else key_path()
    key = _read_key(p)
    if key is None:
        try:
            key = _create_key(p)
        except OSError as exc:
            raise InputError(f"cannot create the installation key {p}: {exc.strerror}") from None
    return key


def key_id(key: bytes | None = None) -> str:
    """A short public id of the key (16 hex digits): says whether a plan was made here."""
    key = load_key() if key is None else key
    return hmac.new(key, _KEY_ID_LABEL, hashlib.sha256).hexdigest()[:16]


def fingerprint_file(path: str | os.PathLike[str], key: bytes | None = None) -> str:
    """HMAC-SHA256 of the file's bytes under the installation key, as 64 hex digits."""
    key = load_key() if key is None else key
    return digest_file(path, hmac.new(key, digestmod=hashlib.sha256))


def is_hex_digest(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)
