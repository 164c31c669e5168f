"""The session record (core/session.py): sealed, private, one per running app."""

from __future__ import annotations

import os

import pytest

from redactor.core.errors import InputError
from redactor.core.session import OpenLetter, SessionFile, leftovers, seal, unseal

KEY = bytes(range(32))
# paths as the record would hold them (never opened here)
LETTERS = [OpenLetter("ed/Letters/Ospanov Dmitri.pdf", "ab" * 32), OpenLetter("x/b.txt")]


def test_sealed_round_trip_private_and_bound_to_the_key(tmp_path):  # noqa: ANN001
    rec = SessionFile(tmp_path / "data", KEY)
    rec.write(LETTERS)
    data = rec.path.read_bytes()
    assert b"ospanov" not in data.lower() and b"Letters" not in data and b"ab" * 32 not in data
    assert os.stat(rec.path).st_mode & 0o777 == 0o600
    assert rec.read() == LETTERS
    with pytest.raises(InputError, match="installation key"):
        unseal(data, bytes(32))
    flipped = data[:-1] + bytes([data[-1] ^ 1])
    with pytest.raises(InputError):
        unseal(flipped, KEY)
    with pytest.raises(InputError):
        unseal(b"not a record", KEY)
    assert seal(LETTERS, KEY) != seal(LETTERS, KEY)  # a fresh nonce each time
    rec.write([])  # no letter open: no record
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == []


def test_leftovers_are_the_records_of_apps_that_died(tmp_path):  # noqa: ANN001
    live = SessionFile(tmp_path, KEY)
    live.write(LETTERS[:1])  # an app still running holds its lock
    (tmp_path / "session-00000000000000aa.rec").write_bytes(seal(LETTERS[1:], KEY))  # died
    (tmp_path / "session-00000000000000bb.lock").write_bytes(b"")  # died before writing
    found = leftovers(tmp_path, KEY)
    assert [f.read() for f in found] == [LETTERS[1:]]
    assert not (tmp_path / "session-00000000000000bb.lock").exists()
    assert leftovers(tmp_path, KEY) == []  # held by the first caller now
    found[0].delete()
    live.delete()
    assert list(tmp_path.iterdir()) == []
