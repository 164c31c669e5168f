"""Shared fixtures and hooks: the run's installation key in a temp folder, and the skipping of
tests that read the shared data when it is absent.

Tests that read `../shared/data` (the dev letters, real scans and PDFs) import DATA or LETTERS from
tests/support/data.py (or use the `data_dir` fixture); when the data is absent (a fresh clone with
nothing beside it) they are skipped with a reason that says so, and every other test runs. CI runs
them with the data. Test helpers live in tests/support/ (see its __init__.py).
"""

from __future__ import annotations

import atexit
import inspect
import os
import shutil
import tempfile
from pathlib import Path
from types import CodeType, ModuleType

import pytest

from tests.support.data import DATA, HAVE_DATA, NO_DATA_REASON, under_data

# The installation key (core/fingerprint.py) of a test run lives in a temp folder, never in the
# user's data folder; the CLI tests' subprocesses inherit it.
if not os.environ.get("REDACTOR_KEY_FILE"):
    _KEY_DIR = tempfile.mkdtemp(prefix="redactor-test-key-")
    os.environ["REDACTOR_KEY_FILE"] = os.path.join(_KEY_DIR, "install.key")
    atexit.register(shutil.rmtree, _KEY_DIR, True)


def _code_names(code: CodeType) -> set[str]:
    names = set(code.co_names) | set(code.co_freevars)
    for const in code.co_consts:
        if isinstance(const, CodeType):
            names |= _code_names(const)
    return names


def _helper_module(value: object, module: ModuleType) -> ModuleType | None:
    """The module of a function or class defined in the test's module or in tests/support (whose
    own names its code reads), else None."""
    if not (inspect.isfunction(value) or inspect.isclass(value)):
        return None
    name = getattr(value, "__module__", "") or ""
    if name == module.__name__:
        return module
    if name.startswith("tests.support."):
        return inspect.getmodule(value)
    return None


def _reads_data(func: object, module: ModuleType, seen: set[int]) -> bool:
    """Whether a test function (or a fixture, or a helper it calls, of its own module or of
    tests/support) names DATA, LETTERS or a module-level path under them."""
    func = getattr(func, "__wrapped__", func)
    code = getattr(func, "__code__", None)
    if code is None or id(code) in seen:
        return False
    seen.add(id(code))
    names = vars(module)
    for name in _code_names(code):
        value = names.get(name)
        if name in ("DATA", "LETTERS", "data_dir") or under_data(value):
            return True
        home = _helper_module(value, module)
        if home is None:
            continue
        if inspect.isfunction(value) and _reads_data(value, home, seen):
            return True
        if inspect.isclass(value):
            if any(_reads_data(f, home, seen) for f in vars(value).values()):
                return True
    return False


def _uses_data(item: pytest.Item) -> bool:
    module = getattr(item, "module", None)
    if module is None or any(m.name == "needs_data" for m in item.iter_markers()):
        return module is not None
    callspec = getattr(item, "callspec", None)
    if callspec is not None and any(under_data(v) for v in callspec.params.values()):
        return True
    seen: set[int] = set()
    if _reads_data(getattr(item, "function", None), module, seen):
        return True
    info = getattr(item, "_fixtureinfo", None)
    for defs in getattr(info, "name2fixturedefs", {}).values():
        for fdef in defs:
            fmod = inspect.getmodule(fdef.func)
            if fmod is not None and _reads_data(fdef.func, fmod, seen):
                return True
    return False


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_data: reads ../shared/data; skipped without it")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if HAVE_DATA:
        return
    skip = pytest.mark.skip(reason=NO_DATA_REASON)
    for item in items:
        if _uses_data(item):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not HAVE_DATA:
        pytest.skip(NO_DATA_REASON)
    return DATA
