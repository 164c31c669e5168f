"""Packaging: the data folder resources/ is the package redactor.resources in every install.

pyproject.toml lists the packages by hand (find cannot see a package outside redactor/), so a
new subpackage left off the list would be missing from `pip install .`; and the data files must
be matched by package-data. The installed layout (a wheel puts resources/ at
site-packages/redactor/resources, with no source tree around it) is rebuilt in a temporary folder
and read by a bare interpreter (-I -S: no site-packages, no editable-install finder)."""

from __future__ import annotations

import ast
import fnmatch
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.support.data import ROOT

SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]


def test_every_package_is_listed_and_resources_mapped():
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "redactor").rglob("__init__.py")
    }
    assert set(SETUPTOOLS["packages"]) == found | {"redactor.resources"}
    assert SETUPTOOLS["package-dir"] == {"redactor.resources": "resources"}
    assert (ROOT / "resources" / "__init__.py").is_file()
    assert not (ROOT / "redactor" / "resources").exists()


def test_package_data_matches_every_data_file():
    patterns = SETUPTOOLS["package-data"]["redactor.resources"]
    files = [
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.name != "__init__.py" and "__pycache__" not in p.parts
    ]
    assert len(files) > 20
    unmatched = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert unmatched == []


def test_only_bundled_py_builds_paths_to_the_data():
    """A reader that joins "resources" to its own __file__ works from the source tree's old layout
    and nowhere else; every reader asks core/bundled.py (resource(), resources_root())."""
    offenders = []
    for path in sorted((ROOT / "redactor").rglob("*.py")):
        if path.name == "bundled.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prose = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}  # docstrings
        for node in ast.walk(tree):
            if id(node) in prose:
                continue
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and (text == "resources" or "resources/" in text):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def _resolve(site: Path) -> subprocess.CompletedProcess[str]:
    code = (
        f"import sys; sys.path.insert(0, {str(site)!r}); "
        "from redactor.core.errors import MissingDependency\n"
        "from redactor.core.bundled import resource\n"
        "try:\n print(resource('sample', 'letter-en.txt'))\n"
        "except MissingDependency as exc:\n print('missing:', exc); sys.exit(3)"
    )
    return subprocess.run(
        [sys.executable, "-I", "-S", "-c", code], capture_output=True, text=True, cwd=site
    )


def test_installed_layout_found_through_importlib(tmp_path):
    site = tmp_path / "site-packages"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "redactor", site / "redactor", ignore=ignore)
    proc = _resolve(site)
    assert proc.returncode == 3, proc.stderr  # no data yet: a clear message, not a traceback
    assert "redactor.resources" in proc.stdout and "reinstall" in proc.stdout
    shutil.copytree(ROOT / "resources", site / "redactor" / "resources", ignore=ignore)
    proc = _resolve(site)
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()) == site / "redactor" / "resources" / "sample" / "letter-en.txt"


def test_source_tree_reads_its_own_resources():
    proc = _resolve(ROOT)
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()) == ROOT / "resources" / "sample" / "letter-en.txt"
