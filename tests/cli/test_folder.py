"""A folder of letters (`redactor redact DIR -o OUT`, cli/folder.py): every copy written, a
progress bar on a terminal only, a run that resumes after an interruption without writing a
finished copy again, no part file or worker left by Ctrl+C or `kill`."""

from __future__ import annotations

import argparse
import json
import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from redactor.cli import folder, resume
from redactor.cli.main import build_parser
from redactor.core import fileio, jobs
from redactor.core import fingerprint as fingerprints
from redactor.core.errors import ExitCode, InputError, ReaderLost, UsageError
from tests.support.orphans import cpu_seconds, scan_pdf, wait_gone, workers_of
from tests.support.rawpdf import RawPdf, text_ops

ROOT = Path(__file__).resolve().parents[2]
NAME = "Yessenov"
LINES = (
    "Dear editor, I write to you from the colony again.",
    "My name is Kanat {name} and the winter is long here.",
    "Please tell my mother that I am well and that I wait.",
)


def make_letters(folder: Path, txt: int = 3, pdf: bool = True) -> list[Path]:
    """`txt` one-page text letters and a tiny typed PDF, each naming NAME."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(txt):
        path = folder / f"letter-{n + 1}.txt"
        text = "\n".join(line.format(name=NAME) for line in LINES)
        path.write_text(f"Letter {n + 1}\n\n{text}\n", encoding="utf-8")
        out.append(path)
    if pdf:
        raw = RawPdf()
        lines = [(30, 160 - 20 * i, line.format(name=NAME)) for i, line in enumerate(LINES)]
        raw.page(text_ops(lines, size=9), size=(320, 200))
        out.append(raw.write(folder / "typed.pdf"))
    return out


def command(src: Path, out: Path, terms: Path, *more: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "redactor",
        "redact",
        str(src),
        "-o",
        str(out),
        "--no-detect",
        "--deny",
        str(terms),
        *more,
    ]


@pytest.fixture
def inbox(tmp_path: Path) -> tuple[Path, Path, Path]:
    src = tmp_path / "inbox"
    make_letters(src)
    terms = tmp_path / "terms.txt"
    terms.write_text(f"{NAME}\n", encoding="utf-8")
    return src, tmp_path / "safe", terms


def copies(out: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if not p.name.startswith(".")}


def parts(out: Path) -> list[Path]:
    return list(out.glob(".redactor-*.part"))


def run_with_pty(cmd: list[str]) -> tuple[int, str]:
    """Run `cmd` with stderr on a pseudo-terminal (as in a terminal); its exit code and what it
    showed there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    got: list[bytes] = []

    def read() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the other end is closed
                return
            if not data:
                return
            got.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code = proc.wait(timeout=300)
    reader.join(10)
    os.close(master)
    return code, b"".join(got).decode("utf-8", "replace")


def test_folder_copies_a_rerun_skips_finished_ones_and_redoes_changed(inbox):
    src, out, terms = inbox
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a PDF\n")
    first = subprocess.run(
        command(src, out, terms), cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    # the worst letter's code: the broken one is unreadable; the others are written
    assert first.returncode == ExitCode.INPUT, first.stderr
    done = copies(out)
    assert sorted(done) == ["letter-1.pdf", "letter-2.pdf", "letter-3.pdf", "typed.pdf"]
    assert "redactor: 5 letters: 4 written, 1 failed" in first.stderr
    # no terminal: plain lines as before, no bar
    assert "letter-2.txt: write 1/1" in first.stderr
    assert "\r" not in first.stderr and "\x1b[K" not in first.stderr
    assert sorted(first.stdout.split()) == sorted(str(out / n) for n in done)
    for name in done:
        text = subprocess.run(["pdftotext", str(out / name), "-"], capture_output=True, text=True)
        assert NAME.casefold() not in text.stdout.casefold()

    # The record names nothing: no letter's or copy's name, no term, no folder.
    records = list((fingerprints.key_path().parent / "runs").glob("*.json"))
    assert records
    kept = "\n".join(r.read_text(encoding="utf-8") for r in records)
    for clear in ("letter-1", "typed", NAME, str(out), "safe", "inbox"):
        assert clear not in kept

    # Changed input, a part file a killed run left: a rerun on a terminal.
    time.sleep(0.01)
    (src / "letter-2.txt").write_text(f"Another letter from {NAME}.\n", encoding="utf-8")
    stale = out / ".redactor-abcd1234.pdf.part"
    stale.write_bytes(b"half a copy")
    code, shown = run_with_pty(command(src, out, terms))
    assert code == ExitCode.INPUT, shown
    again = copies(out)
    assert sorted(again) == sorted(done)
    assert again["letter-2.pdf"] != done["letter-2.pdf"]  # redone
    for name in ("letter-1.pdf", "letter-3.pdf", "typed.pdf"):
        assert again[name] == done[name], name  # not touched
    assert not stale.exists() and "removed 1 unfinished cop" in shown
    assert "5 letters: 1 written, 3 skipped (finished by an earlier run), 1 failed" in shown
    # the bar: redrawn in place, letters counted
    assert "\x1b[K" in shown and "\r[" in shown
    assert "/5 letters" in shown and "letter-2.txt: " in shown


def test_interrupted_run_resumes_without_redoing_finished_copies(inbox):
    src, out, terms = inbox
    proc = subprocess.Popen(
        command(src, out, terms), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 240
        while not (out.is_dir() and copies(out)) and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        pids = workers_of(proc.pid)
        proc.terminate()  # `kill`
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == ExitCode.CANCELLED, err
    assert b"cancelled with" in err
    assert not parts(out)
    assert not wait_gone(pids, 5)[0], "workers outlived the interrupted run"
    finished = copies(out)
    assert 1 <= len(finished) < 4

    res = subprocess.run(
        command(src, out, terms), cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert res.returncode == ExitCode.OK, res.stderr
    after = copies(out)
    assert len(after) == 4
    for name, mtime in finished.items():
        assert after[name] == mtime, f"{name} was written again"
    skipped = len(finished)
    assert f"4 letters: {4 - skipped} written, {skipped} skipped" in res.stderr

    # --restart writes a finished copy again (one letter into the folder: the same place)
    cmd = command(src / "letter-1.txt", out, terms, "--restart")
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == ExitCode.OK, res.stderr
    assert "redactor: 1 letter: 1 written" in res.stderr
    again = copies(out)
    assert again["letter-1.pdf"] != after["letter-1.pdf"]
    assert again["letter-2.pdf"] == after["letter-2.pdf"]


def test_ctrl_c_while_a_copy_is_written_leaves_no_part_file_and_no_worker(inbox):
    src, out, terms = inbox
    # its own process group, as a terminal's job: Ctrl+C reaches the workers too
    proc = subprocess.Popen(
        command(src, out, terms, "-q"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while not (out.is_dir() and parts(out)) and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        pids = workers_of(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == ExitCode.CANCELLED, err
    assert pids and not wait_gone(pids, 5)[0]
    assert not parts(out)


def test_letters_a_crashed_reader_took_down_are_read_again(tmp_path):
    """A reader that dies (a hostile file, the memory cap, the OOM killer) takes the read lane
    with it, and the pages of every letter being read at the time: each is tried again, alone."""
    src = tmp_path / "scans"
    src.mkdir()
    for name in ("a", "b"):
        scan_pdf(src / f"{name}.pdf", pages=3)
    terms = tmp_path / "terms.txt"
    terms.write_text("colony\n", encoding="utf-8")
    out = tmp_path / "safe"
    cmd = [*command(src, out, terms, "--dpi", "150"), "--accept-unread"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed = 0
    try:
        deadline = time.monotonic() + 240
        while not killed and proc.poll() is None:
            assert time.monotonic() < deadline
            # the first worker is the render lane's (started for the protection check); the
            # read lane's, past their start-up, are reading pages
            for pid in sorted(workers_of(proc.pid))[1:]:
                if cpu_seconds(pid) > 0.45:
                    os.kill(pid, signal.SIGKILL)
                    killed = pid
                    break
            time.sleep(0.05)
        _, err = proc.communicate(timeout=300)
    finally:
        proc.kill()
    assert killed, "the run ended before a reader could be killed"
    assert proc.returncode == ExitCode.OK, err
    assert sorted(copies(out)) == ["a.pdf", "b.pdf"]
    assert b"crashed" not in err and b"2 written" in err


def _args(*more: str) -> argparse.Namespace:
    return build_parser().parse_args(["redact", "in", "-o", "out", *more])


def test_the_options_key_changes_with_what_shapes_a_copy():
    key = b"k" * 32

    def of(*more: str, deny: tuple[str, ...] = ()) -> str:
        args = _args(*more)
        return folder.options_key(key, args, jobs.AnalysisOptions(deny=deny, dpi=args.dpi))

    base = of()
    assert of() == base
    assert of("--password", "x") == base  # never part of it
    for other in (of("--bw"), of("--format", "png"), of("--dpi", "300"), of(deny=("Ospanov",))):
        assert other != base
    assert "Ospanov" not in of(deny=("Ospanov",))


def test_the_bar_fits_the_terminal_and_counts_letters():
    display = folder.Display(6, quiet=False, tty=False)
    display.letter_done(-1, skipped=True)
    display.update(0, "letter.pdf", "read", 2, 4)
    line = display.text(200)
    assert line.startswith("[###") and "1/6 letters" in line and "1 skipped" in line
    assert "letter.pdf: read 2/4" in line
    display.update(1, "next.pdf", "read", 0, 3)
    assert "letter.pdf: read 2/4 (+1 more)" in display.text(200)
    display.update(0, "letter.pdf", "write", 4, 4)
    assert "letter.pdf: checking the copy (+1 more)" in display.text(200)
    display.letter_done(0)
    assert "next.pdf: read 0/3" in display.text(200) and "more" not in display.text(200)
    assert len(display.text(30)) <= 29
    json.dumps(line)  # plain text


def test_a_second_run_into_the_same_folder_is_refused(tmp_path):
    with folder._holding(tmp_path) as held:
        assert held
        with pytest.raises(UsageError, match="another redactor run"):
            with folder._holding(tmp_path):
                pass
    with folder._holding(tmp_path) as held:  # free again once the first run ends
        assert held


def _run_of(tmp_path: Path, n: int) -> folder.FolderRun:
    letters = [
        folder.Letter(k, k + 1, str(tmp_path / f"in{k}.pdf"), str(tmp_path / f"out{k}"), "pdf")
        for k in range(n)
    ]
    record = folder.Record(tmp_path, b"k" * 32, "options")
    display = folder.Display(n, quiet=True, tty=False)
    opts = jobs.AnalysisOptions()
    return folder.FolderRun(letters, _args("-q"), opts, None, display, record, overlap=True)


def test_only_a_letter_a_lost_reader_took_down_is_tried_again(tmp_path, capsys):
    """A reader that died may have taken a good letter with it: that one is read again, alone.
    A file that is simply damaged fails once: reading it again would say the same, twice."""
    run = _run_of(tmp_path, 2)
    run._handle("failed", run.letters[0], InputError("in0.pdf: not a PDF"))
    assert len(run.letters) == 2 and run.failed == 1
    run._handle("failed", run.letters[1], ReaderLost("in1.pdf: the reader crashed"))
    assert len(run.letters) == 3 and run.letters[2].solo and run.failed == 1
    run._handle("failed", run.letters[2], ReaderLost("in1.pdf: the reader crashed"))
    assert len(run.letters) == 3 and run.failed == 2  # the second attempt is the last


def test_part_files_a_live_process_writes_are_left_alone(tmp_path):
    """The clean-up of a folder run removes unchecked copies left by dead writers, never the
    one the app is writing into the same folder at that moment."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = tmp_path / f".redactor-{gone.pid}-abc.pdf.part"
    alive = tmp_path / ".redactor-1-def.pdf.part"  # init runs, and is no child of this test
    mine = tmp_path / f".redactor-{os.getpid()}-ghi.pdf.part"
    legacy = tmp_path / ".redactor-jkl.pdf.part"
    for p in (dead, alive, mine, legacy):
        p.write_bytes(b"%PDF-")
    assert folder.remove_parts(tmp_path) == 3
    assert parts(tmp_path) == [alive]


def test_a_new_part_file_names_its_writer(tmp_path):
    part = fileio.part_file_in(tmp_path, ".pdf")
    assert part.name.startswith(f".redactor-{os.getpid()}-") and part.name.endswith(".pdf.part")
    assert resume._writer_of(part) == os.getpid()


def test_records_of_old_runs_are_pruned(tmp_path):
    record = folder.Record(tmp_path, b"k" * 32, "options")
    record.path = tmp_path / "runs" / "current.json"
    record.path.parent.mkdir()
    old, fresh = record.path.parent / "old.json", record.path.parent / "fresh.json"
    for p in (old, fresh):
        p.write_text("{}", encoding="utf-8")
    month_ago = time.time() - (resume.RECORD_DAYS + 1) * 86400
    os.utime(old, (month_ago, month_ago))
    assert record.prune() == 1
    assert sorted(p.name for p in record.path.parent.iterdir()) == ["fresh.json"]
