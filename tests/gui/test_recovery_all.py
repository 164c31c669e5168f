"""Crash recovery of every open letter (core/session.py, gui/recovery.py, gui/app.py start).

The app is killed (SIGKILL) while three letters are open and reviewed; the next start offers all
three by name, and reopening them restores every decision, the drawn box, the pages seen and the
page confirmed by eye. A clean quit leaves no session record and no recovery offer, and marks
the saved reviews as closed properly. The record names no letter in clear; a damaged record is
ignored with a warning."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from redactor.core.errors import InputError
from redactor.core.fingerprint import fingerprint_file, load_key
from redactor.core.project import ReviewStore
from redactor.core.session import OpenLetter, SessionFile, seal, unseal
from redactor.gui.app import start
from tests.support.data import LETTERS
from tests.support.gui import kill_child_after_its_line

SOURCES = [
    LETTERS / "dev-en-01.typed.pdf",
    LETTERS / "dev-en-02.typed.pdf",
    LETTERS / "dev-kk-01.typed.pdf",
]
pytestmark = pytest.mark.slow  # each starts an app window (its detector loads meanwhile)

LEFT = Qt.MouseButton.LeftButton
NAMES = ["Aigerim Sadykova letter.pdf", "letter to Dmitri Ospanov.pdf", "Zhanna-Bekova.pdf"]


@pytest.fixture
def session_dir(tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    """Where this test's app windows (and its child app) keep their session records."""
    path = tmp_path / "data"
    monkeypatch.setenv("REDACTOR_SESSION_DIR", str(path))
    return path


def _records(folder: Path) -> list[Path]:
    return sorted(folder.glob("session-*.rec"))


def _session_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("session-*")) if folder.is_dir() else []


def _left_behind(folder: Path, letters: list[OpenLetter], token: str = "0123456789abcdef") -> None:
    """A record as an app that died leaves it (no lock held)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"session-{token}.rec").write_bytes(seal(letters, load_key()))


def _copies(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "Letters from Karaganda"
    folder.mkdir()
    out = []
    for src, name in zip(SOURCES, NAMES, strict=True):
        dest = folder / name
        shutil.copyfile(src, dest)
        out.append(dest)
    return out


def _run_child_and_kill(tmp_path: Path, store_dir: Path, letters: list[Path]) -> dict:
    script = Path(__file__).with_name("recovery_child.py")
    return kill_child_after_its_line(script, store_dir, tmp_path / "child.ini", *letters)


def test_killed_with_three_letters_then_all_offered_and_restored(
    make_window, qtbot, tmp_path, session_dir
):  # noqa: ANN001
    store_dir = tmp_path / "reviews"
    letters = _copies(tmp_path)
    decided = _run_child_and_kill(tmp_path, store_dir, letters)
    store = ReviewStore(store_dir)
    assert set(decided) == {str(p) for p in letters}

    # the record survived the kill, sealed: no letter's name, folder or path in clear
    records = _records(session_dir)
    assert len(records) == 1
    raw = records[0].read_bytes()
    data = raw.lower()
    for p in letters:
        fp = str(decided[str(p)]["fingerprint"])
        plain = hashlib.sha256(p.read_bytes()).hexdigest()
        for text in (p.name, p.stem, str(p), p.parent.name, "sadykova", "ospanov", fp, plain):
            assert text.lower().encode("utf-8") not in data, text
    assert os.stat(records[0]).st_mode & 0o077 == 0
    # unreadable under another installation key (deleting the key makes it unreadable)
    with pytest.raises(InputError):
        unseal(raw, b"k" * 32)
    assert {x.fingerprint for x in unseal(raw, load_key())} == {
        str(e["fingerprint"]) for e in decided.values()
    }
    for entry in decided.values():
        saved = store.load(str(entry["fingerprint"]))
        assert saved is not None and not saved.clean_exit

    # --- a start with one of them on the command line: everything is offered; it is closed
    # cleanly without answering
    win0 = make_window(store_dir=store_dir)
    start(win0, [str(letters[0])])
    assert win0.recovery_bar.isVisible()
    qtbot.waitUntil(lambda: win0.restore_bar.isVisible(), timeout=240_000)
    assert "did not close properly" in win0.restore_label.text()
    win0.close()
    fp0 = str(decided[str(letters[0])]["fingerprint"])
    again = store.load(fp0)
    assert again is not None and again.clean_exit  # closed properly now, offer untouched
    assert again.plan.get(str(decided[str(letters[0])]["rejected"])).state == "rejected"
    # the crash's question was not answered: the record keeps it (and only it)
    (kept,) = _records(session_dir)
    assert {x.path for x in unseal(kept.read_bytes(), load_key())} == {str(p) for p in letters}

    # --- the next start offers all three by name; "Reopen" restores every decision
    win = make_window(store_dir=store_dir)
    start(win, [])
    bar = win.recovery_bar
    assert bar.isVisible()
    for p in letters:
        assert p.name in bar.label.text()
    assert not win.ctl.letters  # not the sample: the editor answers first
    qtbot.mouseClick(bar.reopen_button, LEFT)
    assert not bar.isVisible()

    def restored() -> bool:
        ls = win.ctl.letters
        return (
            len(ls) == 3
            and all(x.status == "ready" and x.saved is None for x in ls)
            and all(
                x.plan is not None
                and x.plan.get(str(decided[x.path]["rejected"])).state == "rejected"
                for x in ls
            )
        )

    qtbot.waitUntil(restored, timeout=300_000)
    assert not win.restore_bar.isVisible()
    for letter in win.ctl.letters:
        want = decided[letter.path]
        saved = store.load(letter.fingerprint)
        assert saved is not None
        plan = letter.plan
        assert plan.get(str(want["rejected"])).state == "rejected"
        assert plan.get(str(want["accepted"])).state == "accepted"
        # every decision of the saved review, not only the two
        assert {r.id: r.state for r in plan.redactions} == {
            r.id: r.state for r in saved.plan.redactions
        }
        assert set(saved.viewed_pages) <= letter.viewed
        if "box" in want:
            box = plan.get(str(want["box"]))
            assert box.source == "manual" and box.state == "accepted"
            assert (box.box.x0, box.box.y0, box.box.x1, box.box.y1) == (40.0, 50.0, 240.0, 90.0)
        if "eyes" in want:
            assert plan.pages[0].eyes_confirmed

    # --- a clean quit: no record, every review marked closed properly
    win.close()
    assert _session_files(session_dir) == []
    for entry in decided.values():
        saved = store.load(str(entry["fingerprint"]))
        assert saved is not None and saved.clean_exit

    # --- the next start: no recovery offer; a letter's saved review is offered without
    # "did not close properly"
    win2 = make_window(store_dir=store_dir)
    start(win2, [str(letters[1])])
    assert not win2.recovery_bar.isVisible()
    qtbot.waitUntil(lambda: win2.restore_bar.isVisible(), timeout=240_000)
    assert "did not close properly" not in win2.restore_label.text()
    assert len(_records(session_dir)) == 1  # while it runs, its own record
    win2.close()
    assert _session_files(session_dir) == []


def test_moved_and_changed_letters_are_said_plainly_and_start_again_discards(
    make_window, qtbot, tmp_path, session_dir
):  # noqa: ANN001
    folder = tmp_path / "in"
    folder.mkdir()
    changed = folder / "changed letter.txt"
    changed.write_text("Dear Anna,\nall is well.\n", encoding="utf-8")
    fp = fingerprint_file(changed)
    changed.write_text("Dear Anna,\nall is well. P.S.\n", encoding="utf-8")
    same = folder / "same letter.txt"
    same.write_text("Dear Oleg,\nwrite soon.\n", encoding="utf-8")
    moved = folder / "moved letter.txt"
    store_dir = tmp_path / "reviews"
    # a saved review of the moved letter, named by its fingerprint (the letter is gone)
    moved_fp = "ab" * 32
    from redactor.core.plan import RedactionPlan
    from redactor.core.project import Review

    store = ReviewStore(store_dir)
    store.save(Review(fingerprint=moved_fp, plan=RedactionPlan("", (), fingerprint=moved_fp)))
    _left_behind(
        session_dir,
        [
            OpenLetter(str(changed), fp),
            OpenLetter(str(same), fingerprint_file(same)),
            OpenLetter(str(moved), moved_fp),
        ],
    )
    win = make_window(store_dir=store_dir)
    start(win, [])
    text = win.recovery_bar.label.text()
    assert win.recovery_bar.isVisible()
    assert "changed letter.txt</b> — changed since" in text
    assert "moved letter.txt</b> — not found where it was" in text
    assert "same letter.txt</b></li>" in text
    qtbot.mouseClick(win.recovery_bar.discard_button, LEFT)
    assert not win.recovery_bar.isVisible()
    assert store.load(moved_fp) is None  # "Start again" discards the crash's reviews
    # nothing of the crash stays in the record: only the sample opened in its place
    qtbot.waitUntil(lambda: bool(win.ctl.letters), timeout=10_000)
    assert win.ctl.session.read() == [OpenLetter(str(Path(win.ctl.letters[0].path).absolute()))]
    assert _records(session_dir) == [win.ctl.session.path]  # the crash's record is gone


def test_a_damaged_record_is_ignored_with_a_warning(
    make_window, qtbot, tmp_path, session_dir, caplog
):  # noqa: ANN001
    session_dir.mkdir(parents=True)
    (session_dir / "session-00000000000000aa.rec").write_bytes(
        b"redactor-session/1\n" + os.urandom(80)
    )
    win = make_window()
    with caplog.at_level(logging.WARNING):
        start(win, [])
    assert not win.recovery_bar.isVisible()
    assert any("session record" in r.getMessage() for r in caplog.records)
    assert "could not be read" in win.status_text.text()
    assert [Path(x.path).name for x in win.ctl.letters] == ["letter-en.txt"]  # as usual
    # the garbage of a different kind is ignored too
    win.close()
    assert _session_files(session_dir) == []  # the damaged record was removed
    (session_dir / "session-00000000000000bb.rec").write_bytes(b"\x00garbage")
    win2 = make_window()
    start(win2, [])
    assert not win2.recovery_bar.isVisible()


def test_a_running_apps_record_is_not_offered(make_window, qtbot, tmp_path, session_dir):  # noqa: ANN001
    letter = tmp_path / "open elsewhere.txt"
    letter.write_text("Dear Anna,\nall is well.\n", encoding="utf-8")
    other = SessionFile(session_dir)  # another app, still running: it holds its record's lock
    other.write([OpenLetter(str(letter), fingerprint_file(letter))])
    try:
        win = make_window()
        start(win, [])
        assert not win.recovery_bar.isVisible()
        assert other.read() == [OpenLetter(str(letter), fingerprint_file(letter))]
        win.close()
        assert other.path.exists() and other.lock_path.exists()
    finally:
        other.delete()
    assert _session_files(session_dir) == []


def test_reopened_but_not_read_before_quitting_is_offered_again(
    make_window, qtbot, tmp_path, session_dir
):  # noqa: ANN001
    letter = tmp_path / "slow letter.txt"
    letter.write_text("Dear Anna,\nall is well.\n", encoding="utf-8")
    _left_behind(session_dir, [OpenLetter(str(letter), fingerprint_file(letter))])
    win = make_window()
    start(win, [])
    qtbot.mouseClick(win.recovery_bar.reopen_button, LEFT)
    assert win.ctl.letters and win.ctl.letters[0].status != "ready"
    win.close()  # a clean quit before the letter was read: its review was not taken back yet
    (rec,) = _records(session_dir)
    assert [x.path for x in unseal(rec.read_bytes(), load_key())] == [str(letter)]
    win2 = make_window()
    start(win2, [])
    assert win2.recovery_bar.isVisible() and "slow letter.txt" in win2.recovery_bar.label.text()
