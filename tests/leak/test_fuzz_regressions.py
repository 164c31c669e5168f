"""Every input kept by bench/fuzz.py (a crash, a hang or an unexpected exception in a loader, plus
a few seed cases) must end with exit 0 and a verified copy, or exit 2 and one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import one_line_error, run_cli, terms_file

CASES = sorted(p for p in (Path(__file__).parent / "fuzz_cases").iterdir() if p.is_file())


def test_there_are_cases() -> None:
    assert CASES, "tests/leak/fuzz_cases is empty"


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_fuzz_case_exits_cleanly(tmp_path: Path, case: Path) -> None:
    out = tmp_path / "copy.pdf"
    res = run_cli(
        "redact", case, "-o", out, "--deny", terms_file(tmp_path, ["Ospanov"]), "--no-detect",
        "--dpi", "72", "-q", timeout=180,
    )  # fmt: skip
    assert res.returncode in (0, 2), res.stderr[-2000:]
    if res.returncode == 2:
        assert one_line_error(res.stderr), res.stderr[-2000:]
        assert not out.exists()
    else:
        assert out.is_file()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".redactor-")]
    assert not leftovers
