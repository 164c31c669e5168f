"""No import circles in `redactor/`.

The graph is built from the source (ast), not by importing: every `import` and `from ... import`
counts, at module level and inside functions alike (a deferred import hides a circle, it does not
remove it); imports under `if TYPE_CHECKING:` are left out (they never run). An edge goes to the
module named, or to the submodule when `from package import name` names one. A package's parents
are not counted as imported (as import-linter/grimp do): `import a.b.c` is an edge to `a.b.c`.

A second check counts the `TYPE_CHECKING` imports too: a circle made only of annotations still
means two modules that each need the other (the review's undo command once named the controller
that imported it).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "redactor"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    if isinstance(test, ast.Attribute):
        return test.attr == "TYPE_CHECKING"
    return False


def _imports(tree: ast.AST, type_checking: bool) -> list[ast.Import | ast.ImportFrom]:
    """Every import node; unless `type_checking`, skipping the bodies of `if TYPE_CHECKING:`
    (not their `else:`)."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
            return
        if not type_checking and isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph(root: Path = ROOT, type_checking: bool = False) -> dict[str, set[str]]:
    """module -> the modules of `redactor` it imports."""
    files = {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {m: set() for m in files}
    top = root.name
    for mod, path in files.items():
        is_pkg = path.name == "__init__.py"
        package = mod if is_pkg else mod.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in _imports(tree, type_checking):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    if node.module:
                        base.append(node.module)
                    origin = ".".join(base)
                else:
                    origin = node.module or ""
                targets = [
                    f"{origin}.{a.name}" if f"{origin}.{a.name}" in files else origin
                    for a in node.names
                ]
            for t in targets:
                if t != top and (t.startswith(top + ".")) and t in files and t != mod:
                    graph[mod].add(t)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return sorted(out)


def _path_in(comp: list[str], graph: dict[str, set[str]]) -> list[str]:
    """One circle through the component's first module, for the failure message."""
    start = comp[0]
    members = set(comp)
    prev: dict[str, str] = {}
    todo = [start]
    while todo:
        v = todo.pop(0)
        for w in sorted(graph[v] & members):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(prev[path[-1]])
                return [start, *reversed(path[:-1]), start] if v != start else [start, start]
            if w not in prev:
                prev[w] = v
                todo.append(w)
    return comp


def test_the_graph_sees_the_imports() -> None:
    """The builder itself: relative, absolute, function-level and `from pkg import module`."""
    g = import_graph()
    assert "redactor.core.model" in g["redactor.core.plan"]
    assert "redactor.gui.tasks" in g["redactor.gui.main_window"]
    # a function-level import (main_window opens its dialogs on demand)
    assert "redactor.gui.export_dialog" in g["redactor.gui.main_window"]
    # `from redactor.core import pipeline` is an edge to the module, not to the package
    assert "redactor.core.pipeline" in g["redactor.gui.loading"]


def test_the_cycle_finder_finds_a_circle(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from pkg import c\n")
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
        "else:\n    import pkg.a\n"
    )
    (pkg / "d.py").write_text("import typing\nif typing.TYPE_CHECKING:\n    import pkg.e\n")
    (pkg / "e.py").write_text("import pkg.d\n")
    g = import_graph(pkg)
    assert cycles(g) == [["pkg.a", "pkg.c", "pkg.sub.b"]]
    assert g["pkg.d"] == set()
    strict = import_graph(pkg, type_checking=True)
    assert cycles(strict) == [["pkg.a", "pkg.c", "pkg.sub.b"], ["pkg.d", "pkg.e"]]


def _report(graph: dict[str, set[str]], found: list[list[str]]) -> str:
    return "import circles in redactor/:\n" + "\n".join(
        " -> ".join(_path_in(c, graph)) + f"   (component: {', '.join(c)})" for c in found
    )


def test_no_import_circles() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, _report(graph, found)


def test_no_import_circles_even_through_type_annotations() -> None:
    graph = import_graph(type_checking=True)
    found = cycles(graph)
    assert not found, _report(graph, found)
