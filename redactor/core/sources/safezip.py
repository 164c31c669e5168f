"""Zip containers (Word .docx, OpenDocument .odt) read with limits, so that a zip bomb costs a
clear message and not the machine: members, sizes and compression ratio are bounded, and no
member is ever read past its limit whatever its header claims."""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError

MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 64_000_000  # one part, uncompressed
MAX_TOTAL_BYTES = 200_000_000  # everything read from one container
MAX_RATIO = 200  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 1_000_000
MAX_CONTAINER_BYTES = 100_000_000


def _declared_members(data: bytes) -> int:
    """The member count the end-of-directory record states (0 when there is none)."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 66_000))
    if at < 0 or at + 12 > len(data):
        return 0
    total = int.from_bytes(data[at + 10 : at + 12], "little")
    if total == 0xFFFF:  # Zip64: the count is in the Zip64 record
        z64 = data.rfind(b"PK\x06\x06", 0, at)
        if z64 >= 0 and z64 + 40 <= len(data):
            total = int.from_bytes(data[z64 + 32 : z64 + 40], "little")
    return total


class SafeZip:
    """A zip archive in memory with bounded reads."""

    def __init__(self, data: bytes, what: str) -> None:
        self.what = what
        self._read_total = 0
        if len(data) > MAX_CONTAINER_BYTES:
            raise InputError(f"{what}: the file is too large")
        if _declared_members(data) > MAX_MEMBERS:  # before zipfile lists them all
            raise InputError(f"{what}: the container has too many parts (a zip bomb?)")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except MemoryError:
            raise
        except Exception as exc:  # zipfile raises many kinds on a damaged directory
            raise InputError(f"{what}: a damaged or truncated zip container ({exc})") from None
        if len(infos) > MAX_MEMBERS:
            raise InputError(f"{what}: the container has {len(infos)} parts (too many)")
        self._infos = {i.filename: i for i in infos}
        declared = sum(i.file_size for i in infos)
        if declared > MAX_TOTAL_BYTES:
            raise InputError(f"{what}: the container unpacks to too much data (a zip bomb?)")
        for info in infos:
            self._check(info, info.file_size)

    def _check(self, info: zipfile.ZipInfo, size: int) -> None:
        if size > MAX_MEMBER_BYTES:
            raise InputError(f"{self.what}: a part of the container is too large (a zip bomb?)")
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            ratio = size // max(info.compress_size, 1)
            raise InputError(
                f"{self.what}: a part of the container is compressed {ratio} times (a zip bomb?)"
            )

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """A member's bytes, read in chunks and stopped at the limits (a header that lies
        about the size does not help)."""
        info = self._infos.get(name)
        if info is None:
            raise InputError(f"{self.what}: the container has no part {name!r}")
        out = bytearray()
        try:
            with self._zip.open(info) as fh:
                while True:
                    chunk = fh.read(1 << 20)
                    if not chunk:
                        break
                    out += chunk
                    self._read_total += len(chunk)
                    self._check(info, len(out))
                    if self._read_total > MAX_TOTAL_BYTES:
                        raise InputError(
                            f"{self.what}: the container unpacks to too much data (a zip bomb?)"
                        )
        except (InputError, MemoryError):
            raise
        except RuntimeError as exc:  # an encrypted member
            raise InputError(f"{self.what}: an encrypted part ({exc})") from None
        except Exception as exc:  # zipfile and zlib raise many kinds on damaged data
            raise InputError(f"{self.what}: a damaged part in the container ({exc})") from None
        return bytes(out)
