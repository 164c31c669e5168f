"""The core's two jobs (core/jobs.py): one hash of the input per run, a Qt-free core, progress
events page by page, cancel, and the unread-ink gate in the export job."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from redactor.core import fileio, jobs
from redactor.core import fingerprint as fp
from redactor.core.errors import Cancelled
from redactor.core.model import Label, ReviewState
from tests.support.readers import fold

ROOT = Path(__file__).resolve().parents[2]
LETTER = (
    "Dear editor,\n\nKairat Bekov wrote to me from the colony. Tell Bekov that his mother "
    "is well.\n\n" + "The weather is fine here.\n" * 80 + "Bekov again, and the rubber stamp.\n"
)  # two pages (a text letter is laid out on A4)


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every keyed or plain hash of a file in this process."""
    calls: list[str] = []
    keyed, plain = fp.fingerprint_file, fileio.file_sha256

    def count_keyed(path, key=None):  # noqa: ANN001, ANN202
        calls.append("keyed")
        return keyed(path, key)

    def count_plain(path):  # noqa: ANN001, ANN202
        calls.append("plain")
        return plain(path)

    # wherever the functions were imported by name, too
    import redactor.cli.commands  # noqa: F401 - its imports, before patching
    import redactor.core.pipeline  # noqa: F401

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "redactor":
            continue
        if getattr(module, "fingerprint_file", None) is keyed:
            monkeypatch.setattr(module, "fingerprint_file", count_keyed)
        if getattr(module, "file_sha256", None) is plain:
            monkeypatch.setattr(module, "file_sha256", count_plain)
    return calls


def test_analyse_and_export_hash_the_input_once(letter: Path, tmp_path: Path, hashes) -> None:  # noqa: ANN001
    options = jobs.AnalysisOptions(deny=("Kairat Bekov",), detect=False, accept=True)
    events: list[jobs.Event] = []
    analysis = jobs.analyse(letter, options, events.append)
    try:
        out = tmp_path / "safe.txt"
        report = jobs.export(analysis, analysis.plan, out, jobs.ExportOptions(fmt="txt"))
    finally:
        analysis.close()
    assert hashes == ["keyed"]
    assert analysis.plan.fingerprint == analysis.fingerprint == fp.fingerprint_file(letter)
    assert report.ok and report.written == (out,)
    assert "bekov" not in fold(out.read_text(encoding="utf-8"))
    # page by page: each page read is reported, with the read stage's progress
    assert sorted(e.page.index for e in events if isinstance(e, jobs.PageRead)) == [0, 1]
    assert jobs.Step("read", 2, 2) in events and jobs.Step("find", 1, 1) in events


def test_the_command_line_hashes_the_input_once(letter: Path, tmp_path: Path, hashes) -> None:  # noqa: ANN001
    from redactor.cli.main import main

    deny = tmp_path / "deny.txt"
    deny.write_text("Kairat Bekov\n", encoding="utf-8")
    plan = tmp_path / "plan.json"
    args = ["redact", str(letter), "-o", str(tmp_path / "safe.txt"), "--no-detect"]
    code = main([*args, "--deny", str(deny), "--save-plan", str(plan), "-q"])
    assert code == 0
    assert hashes == ["keyed"]
    hashes.clear()
    # a reviewed plan is matched to the file by the same one hash
    assert json.loads(plan.read_text(encoding="utf-8"))["fingerprint"]
    code = main(
        ["redact", str(letter), "-o", str(tmp_path / "again.txt"), "--plan", str(plan), "-q"]
    )
    assert code == 0
    assert hashes == ["keyed"]


def test_provisional_findings_and_cancel(letter: Path) -> None:
    options = jobs.AnalysisOptions(deny=("Bekov",), detect=False)
    finder = jobs.LocalFinder(options)
    events: list[jobs.Event] = []
    analysis = jobs.analyse(letter, options, events.append, finder=finder, provisional=True)
    analysis.close()
    early = {e.index: e.findings for e in events if isinstance(e, jobs.PageFindings)}
    assert set(early) == {0, 1} and all(early.values())
    assert all(r.state == ReviewState.PROPOSED for r in analysis.plan.redactions)
    assert {r.label for r in analysis.plan.redactions} == {Label.TERM}
    token = jobs.CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        jobs.analyse(letter, options, cancel=token)


def test_allow_drops_the_detectors_findings_never_a_deny_term(letter: Path) -> None:
    from redactor.core.pipeline import find_in_document, read_document

    opened = read_document(letter)
    try:
        doc = opened.document
        options = jobs.AnalysisOptions(deny=("Bekov",), allow=("Bekov",), detect=False)
        findings = jobs.filter_findings(doc, find_in_document(doc, deny=["Bekov"]), options)
    finally:
        opened.close()
    assert len([f for f in findings if f.span.label == Label.TERM]) == 3


def test_the_core_imports_no_qt() -> None:
    """Every module of redactor.core imported in a fresh interpreter: no PySide6 (nor any Qt
    binding) comes with them."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import redactor.core as core\n"
        "names = [m.name for m in pkgutil.walk_packages(core.__path__, 'redactor.core.')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PySide2', 'PyQt5', 'PyQt6', 'shiboken6'))\n"
        "print(len(names), ','.join(qt))\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert res.returncode == 0, res.stderr
    count, qt = res.stdout.split()[0], res.stdout.strip().split(" ", 1)[1:]
    assert int(count) > 40  # the walk found the core's modules
    assert qt == [], qt
