"""The readers' confinement (core/sandbox.py), proved from inside real lane workers: a worker
cannot make a socket, run /bin/sh, or read a file in a home folder, and real letters are still
read. The same probes in an unconfined worker (REDACTOR_SANDBOX=off) succeed, so each test can
fail. A mechanism the kernel lacks skips its test with the reason the worker gave."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from redactor.core import lanes, pipeline, sandbox
from redactor.core.errors import InputError
from tests.support.data import LETTERS, sha256

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def confined():  # noqa: ANN201
    """Fresh workers, confined; the protection they report."""
    lanes.shutdown(kill=True)
    lanes.set_serial(False)
    protection = lanes.protection()
    print(f"\nin force: {protection.summary()}", file=sys.stderr)
    yield protection
    lanes.set_serial(None)
    lanes.shutdown(kill=True)


@pytest.fixture
def unconfined(monkeypatch):  # noqa: ANN201
    """Fresh workers with the confinement turned off (the control)."""
    lanes.shutdown(kill=True)
    lanes.set_serial(False)
    monkeypatch.setenv(sandbox.SANDBOX_ENV, "off")
    yield lanes.protection()
    monkeypatch.delenv(sandbox.SANDBOX_ENV)
    lanes.set_serial(None)
    lanes.shutdown(kill=True)


def _need(guard: sandbox.Guard, what: str) -> None:
    if not guard.on:
        pytest.skip(f"{what} not available on this kernel: {guard.why}")


def _home(tmp_path: Path) -> Path:
    secret = tmp_path / "home" / "editor" / "Documents" / "sources.txt"
    secret.parent.mkdir(parents=True)
    secret.write_text("a name the readers must never see\n", encoding="utf-8")
    return secret


def _run(lane: str, fn, *args):  # noqa: ANN001, ANN202
    return lanes.submit(lane, fn, *args).result(timeout=120)


def test_workers_report_what_is_in_force(confined):
    assert confined.confined
    assert confined.memory_mb == lanes.WORKER_MEMORY_BYTES // 1024**2
    # On Linux with libseccomp (Debian: always, apt needs it) both of these hold.
    assert confined.network.on, confined.network.why
    assert confined.programs.on, confined.programs.why
    lines = confined.lines()
    assert [line.split(":")[0] for line in lines] == ["network", "programs", "files", "memory"]
    assert "seccomp" in lines[0]


def test_a_worker_cannot_open_a_socket(confined):
    _need(confined.network, "seccomp")
    for lane in ("read", "render"):
        assert _run(lane, sandbox.try_network) == ""
    # Not even a local (Unix) socket: only the pairs made in the worker (the broker's answers).
    with pytest.raises(PermissionError):
        _run("render", _unix_socket)


def _unix_socket() -> None:
    import socket

    socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close()


def test_a_worker_cannot_run_a_program(confined):
    _need(confined.programs, "seccomp")
    assert _run("read", sandbox.try_program, "/bin/sh") == ""
    with pytest.raises(PermissionError):
        _run("render", os.execv, "/bin/sh", ["/bin/sh", "-c", "exit 0"])


def test_a_worker_cannot_read_the_home_folder(confined, tmp_path):
    _need(confined.files, "Landlock")
    secret = _home(tmp_path)
    assert _run("read", sandbox.try_read, str(secret)) == ""
    assert _run("render", sandbox.try_read, str(secret)) == ""
    with pytest.raises(PermissionError):
        _run("render", os.listdir, str(secret.parent))
    # Nor write anywhere (a start-up script in the home folder would outlive the worker).
    with pytest.raises(PermissionError):
        _run("render", _write, str(tmp_path / "home" / ".bashrc"))
    assert not (tmp_path / "home" / ".bashrc").exists()


def _write(path: str) -> None:
    with open(path, "w") as fh:
        fh.write("echo owned\n")


def test_the_app_hands_over_only_the_opened_letters(confined, tmp_path):
    """A worker asks the app for a letter: one the editor opened comes back, its neighbour in
    the same folder does not."""
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Aigerim,\n", encoding="utf-8")
    neighbour = _home(tmp_path)
    sandbox.grant(letter)
    assert _run("render", _read_input, str(letter)) == b"Dear Aigerim,\n"
    with pytest.raises(PermissionError):
        _run("render", _read_input, str(neighbour))
    with pytest.raises(InputError, match="permission denied"):
        _run("render", _open_source, str(neighbour))


def _read_input(path: str) -> bytes:
    with sandbox.open_input(path) as fh:
        return fh.read()


def _open_source(path: str) -> str:
    from redactor.core.sources import open_source

    return open_source(path).kind


def test_the_broker_refuses_what_is_not_a_file(tmp_path, monkeypatch):
    """In this process: a FIFO named like a letter neither hangs the broker nor is opened; a
    folder is refused."""
    monkeypatch.setattr(sandbox, "_channel", sandbox.channel())
    fifo = tmp_path / "letter.pdf"
    os.mkfifo(fifo)
    sandbox.grant(fifo)
    sandbox.grant(tmp_path)
    with pytest.raises(PermissionError):
        sandbox.open_input(str(fifo))
    with pytest.raises(IsADirectoryError):
        sandbox.open_input(str(tmp_path))
    with pytest.raises(FileNotFoundError):
        sandbox.grant(tmp_path / "gone.pdf")
        sandbox.open_input(str(tmp_path / "gone.pdf"))


def test_the_probes_succeed_without_the_sandbox(unconfined, tmp_path):
    """The control: the same probes in a worker with the confinement off do what they try, and
    the worker says plainly that nothing is in force."""
    assert not unconfined.network.on and not unconfined.files.on
    assert "turned off" in unconfined.summary()
    assert _run("render", sandbox.try_network) == "a network socket was made"
    assert _run("render", sandbox.try_program, "/bin/sh") == "/bin/sh ran"
    assert _run("render", sandbox.try_read, str(_home(tmp_path))) == "the file was read"


@pytest.mark.parametrize(
    ("name", "kind", "word"),
    [("dev-en-01.typed.pdf", "pdf", "Yessenov"), ("dev-en-01.photo.jpg", "image", "Yessenov")],
)
def test_a_letter_is_still_read_confined(confined, name, kind, word):
    """A PDF with a text layer and a phone photo (OCR with Tesseract's language data) through
    the read and render lanes, confined."""
    path = LETTERS / name
    before = sha256(path)
    opened = pipeline.read_document(path)
    try:
        doc = opened.document
        assert doc.kind == kind
        text = " ".join(w.text for p in doc.pages for w in p.words)
        assert word in text
        image = opened.render_page(0)
        assert image.width > 500 and image.height > 500
    finally:
        opened.close()
    assert sha256(path) == before
    assert lanes.worker_pids("read") and lanes.worker_pids("render")


def test_the_detector_loads_and_runs_confined(confined):
    from redactor.core.detect_lane import DetectLane
    from redactor.core.jobs import AnalysisOptions
    from redactor.core.model import Box as B
    from redactor.core.model import Document, PageText, Word

    lane = DetectLane()
    try:
        assert lane.preload() == ""  # no note: the detector loaded
        assert _run("detect", sandbox.in_force) == confined
        words = "My brother Kanat Yessenov is held in Pavlodar".split()
        page = PageText(
            index=0,
            width_px=1000,
            height_px=1000,
            dpi=200,
            words=tuple(Word(w, B(10 + 80 * i, 10, 80 + 80 * i, 30)) for i, w in enumerate(words)),
        )
        doc = Document(path="letter.txt", kind="text", pages=(page,))
        findings, note = lane.find(doc, AnalysisOptions())
        assert note == ""
        assert findings
    finally:
        lane.shutdown()


CONSOLE_SCRIPT = """\
import sys
from redactor.cli.main import entry
if __name__ == "__main__":
    sys.exit(entry())
"""


def test_check_prints_what_is_in_force(tmp_path):
    """Run as the installed `redactor` script is: a main script that imports the core (numpy),
    which every spawned worker imports again before it is confined; no thread escapes."""
    script = tmp_path / "redactor"
    script.write_text(CONSOLE_SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    print(out, file=sys.stderr)
    for start in ("network:", "programs:", "files:", "memory: capped at"):
        assert f"  {start}" in out
    assert "make a network socket: refused" in out
    assert "run /bin/sh: refused" in out
    if "files: not available" not in out:
        assert "read a file that is not the letter: refused" in out
        assert "not covered" not in out


class _Hostile:
    """What a worker taken over by a hostile file could send back: a pickle that makes the
    unpickling process run a command."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):  # noqa: ANN204
        return (os.system, (f"touch {self.marker}",))


def _hostile_result(marker: str) -> _Hostile:
    return _Hostile(marker)


def test_a_worker_cannot_make_the_app_run_code(confined, tmp_path):
    """The answers come back as pickles: the app builds data from them and calls nothing else.
    The same bytes through plain pickle run the command (the control)."""
    import pickle

    marker = tmp_path / "ran"
    data = pickle.dumps(_Hostile(str(marker)))
    with pytest.raises(pickle.UnpicklingError, match="refused"):
        sandbox.data_loads(data)
    assert not marker.exists()
    pickle.loads(data)  # noqa: S301 - the control
    assert marker.exists()
    marker.unlink()
    from concurrent.futures.process import BrokenProcessPool

    with pytest.raises(BrokenProcessPool):
        _run("render", _hostile_result, str(marker))
    assert not marker.exists()
    lanes.shutdown("render", kill=True)
    # What the lanes really send still comes back.
    assert _run("render", sandbox.in_force) == confined


def test_data_comes_back_whole():
    import pickle

    import numpy as np
    from PIL import Image

    from redactor.core.errors import InputError as Err
    from redactor.core.model import Box, Label, Word

    image = Image.new("RGB", (3, 2), (1, 2, 3))
    values = [
        [Word("Aigerim", Box(1, 2, 3, 4))],
        Label.PERSON,
        {1, 2},
        frozenset({"a"}),
        np.arange(6).reshape(2, 3),
        (b"x", 1.5, None, True),
        Err("page 2: cannot be read"),
        ZeroDivisionError("x"),
    ]
    for value in values:
        back = sandbox.data_loads(pickle.dumps(value, protocol=5))
        if isinstance(value, np.ndarray):
            assert (back == value).all()
        elif isinstance(value, Exception):
            assert type(back) is type(value) and back.args == value.args
        else:
            assert back == value
    assert sandbox.data_loads(pickle.dumps(image)).tobytes() == image.tobytes()
    for refused in (eval, os.system, getattr, __import__):
        with pytest.raises(pickle.UnpicklingError):
            sandbox.data_loads(pickle.dumps(refused))
