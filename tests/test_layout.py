"""The package's shape: no import cycles between its modules (stages depend one way, in data order)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "dragoman"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """dragoman modules imported when ``path`` is imported: module-level imports only (an import
    inside a function is a deliberate lazy one; an ``if TYPE_CHECKING:`` block never runs)."""
    edges = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dragoman"):
            children = {f"{node.module}.{alias.name}" for alias in node.names} & modules.keys()
            edges |= children
            if len(children) < len(node.names) and node.module in modules:
                edges.add(node.module)
        elif isinstance(node, ast.Import):
            edges |= {alias.name for alias in node.names} & modules.keys()
    return edges


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    modules = _modules()
    graph = {name: _imports(path, modules) for name, path in modules.items()}
    assert _cycles(graph) == []


def test_the_command_line_holds_no_ingest_logic():
    """CLI modules adapt; the run driver runs (no stage, store writer or worker pool used directly)."""
    for path in (PACKAGE / "cli").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for internal in ("Deduper", "Linker", "multiprocessing", ".add(", "nlp.pipe"):
            assert internal not in source, f"{path.name} uses {internal}"


def test_the_cycle_check_sees_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
