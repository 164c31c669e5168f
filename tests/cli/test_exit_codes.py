"""Exit codes are one enum (core/errors.py ExitCode), used by every error and the command line,
and `redactor --help` lists each of them with its meaning."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from redactor.cli.main import main
from redactor.core import errors
from redactor.core.errors import ExitCode

CLI = Path(__file__).resolve().parents[2] / "redactor" / "cli"


def test_help_lists_every_exit_code(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    listed = out.split("exit codes:", 1)[1].split("examples:", 1)[0]
    found = {int(n): text for n, text in re.findall(r"^  (\d+)\s+(.+)$", listed, re.M)}
    assert set(found) == {int(c) for c in ExitCode}
    for code in ExitCode:
        assert found[int(code)].startswith(code.meaning.split()[0])


def test_every_error_has_an_exit_code_of_the_enum():
    classes = [
        c
        for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, errors.RedactorError)
    ]
    assert len(classes) >= 8
    for cls in classes:
        assert isinstance(cls.exit_code, ExitCode), cls.__name__
    assert errors.UnreadInk.exit_code == 6 and errors.LeakDetected.exit_code == 4


def test_bad_arguments_give_the_usage_code(capsys):
    assert main(["redact", "--no-such-option"]) == ExitCode.USAGE
    assert "see --help" in capsys.readouterr().err


def test_no_bare_exit_code_integers_in_the_command_line():
    for path in CLI.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant):
                value = node.value.value
                bare = isinstance(value, int) and not isinstance(value, bool)
                assert not bare, f"{path.name}:{node.lineno}"
            if isinstance(node, ast.Compare) and "exit_code" in ast.unparse(node):
                consts = [c for c in node.comparators if isinstance(c, ast.Constant)]
                assert not consts, f"{path.name}:{node.lineno}"
