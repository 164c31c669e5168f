"""Where the data shipped with Redactor is: the package `redactor.resources`.

The files live in the top-level folder `resources/` of the source tree (recognizers: patterns and
word lists; sample: the sample letter; translations: .ts/.qm). pyproject.toml maps the package
`redactor.resources` to that folder, so `pip install .` carries it inside the installed package and
`pip install -e .` points the package at the folder. Every reader goes through `resources_root()`.
"""

from __future__ import annotations

import importlib.resources
from functools import lru_cache
from pathlib import Path

from .errors import MissingDependency

PACKAGE = "redactor.resources"
MARKER = Path("recognizers") / "patterns.toml"


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The folder of the package `redactor.resources`.

    Code run from a source tree (PYTHONPATH, or an editable install of that tree) reads the tree's
    own `resources/` next to `redactor/`, never a copy another install maps the package to (a
    worktree on PYTHONPATH over a venv with an editable install of another checkout). Otherwise
    the installed package is asked through importlib.resources."""
    tree = Path(__file__).resolve().parents[2]
    if (tree / "pyproject.toml").is_file() and (tree / "resources" / MARKER).is_file():
        return tree / "resources"
    try:
        root = importlib.resources.files(PACKAGE)
    except ModuleNotFoundError:
        root = None
    if not isinstance(root, Path) or not (root / MARKER).is_file():
        raise MissingDependency(
            f"Redactor's data files (the package {PACKAGE}, {MARKER.as_posix()}) are missing: "
            "reinstall Redactor"
        )
    return root


def resource(*parts: str) -> Path:
    """A file or folder inside `redactor.resources`, e.g. resource("sample", "letter-en.txt")."""
    return resources_root().joinpath(*parts)
