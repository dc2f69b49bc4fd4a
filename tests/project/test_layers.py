"""The architecture, enforced: imports run downward through the layers, with no circle.

Layers, bottom up: the root modules (errors, numbers, periods, units, files, model, checks,
kinds, calc), catalog/, search/, index/, article/, output/, report/, the Python API
(povcli.api) and cli/. A module may import its own layer or any layer below it; within a
layer no module may reach itself again through others.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent.parent / "src" / "povcli"
LAYERS = ["root", "catalog", "search", "index", "article", "output", "report", "api", "cli"]


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("__main__",):
        return LAYERS.index("cli") if parts[-1] == "__main__" else 0
    if parts[1] == "api":
        return LAYERS.index("api")
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else 0


def imports() -> dict[str, set[str]]:
    """Each module's imports of povcli modules, wherever in the module they stand."""
    modules = {module_name(path): path for path in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            own = isinstance(node, ast.ImportFrom) and (node.module or "").startswith("povcli")
            if isinstance(node, ast.ImportFrom) and node.module and own:
                targets = [node.module]
                # `from povcli.output import formats`: the sub-module is what is imported
                targets += [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("povcli")]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_circle() -> None:
    graph = imports()
    # a package importing its own sub-modules is not a circle through them
    trimmed = {
        name: {t for t in out if not t.startswith(name + ".")} for name, out in graph.items()
    }
    assert cycles(trimmed) == []


def test_imports_run_downward() -> None:
    upward = [
        f"{name} ({LAYERS[layer(name)]}) imports {target} ({LAYERS[layer(target)]})"
        for name, targets in imports().items()
        for target in targets
        if layer(target) > layer(name) and name != "povcli"
    ]
    assert upward == []


def test_the_layers_exist_as_packages() -> None:
    for name in LAYERS[1:]:
        if name not in ("api",):
            assert (SRC / name / "__init__.py").is_file(), name
    assert (SRC / "api.py").is_file()
