"""The house's rooms (server/__init__.py): a module imports only from its own room or a lower one,
and no import circle joins two modules. Checked statically over every import in server/,
including the lazy ones inside functions (they run too); only `if TYPE_CHECKING:` imports, which
never run, are left out."""

from __future__ import annotations

import ast
from pathlib import Path

from support import REPO

# lowest first; `server` itself (its __init__: __version__) is below every room
LAYERS = ("server", "core", "presets", "workers", "io", "app", "tools", "cli")
ROOM_OF = {"server": "server", "core": "core", "presets": "presets", "workers": "workers", "io": "io",
           "app": "app", "tools": "tools", "cli": "cli", "__main__": "cli"}


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _room(module: str) -> str | None:
    parts = module.split(".")
    return ROOM_OF.get(parts[1]) if len(parts) > 1 else "server"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, module: str, is_package: bool):
    """(line, imported module) for every import that can run, TYPE_CHECKING blocks left out."""
    package = module if is_package else module.rpartition(".")[0]

    def walk(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for orelse in child.orelse:
                    yield from walk_one(orelse)
                continue
            yield from walk_one(child)

    def walk_one(node):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:  # `from server import core` imports server.core
                yield node.lineno, f"{base}.{alias.name}" if base else alias.name
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield node.lineno, node.args[0].value  # importlib.import_module("server.x.y")
        yield from walk(node)

    yield from walk(tree)


def import_graph(root: Path) -> dict:
    """{module: [(line, imported server module), ...]} for every .py under `root` (a `server`)."""
    graph = {}
    for path in sorted(root.rglob("*.py")):
        module = _module_name(root, path)
        tree = ast.parse(path.read_text(), str(path))
        graph[module] = [(line, name) for line, name in _imports(tree, module, path.name == "__init__.py")
                         if name == "server" or name.startswith("server.")]
    return graph


def layer_violations(root: Path) -> list:
    """Every import of a higher room, and every module that sits in no room."""
    problems = []
    for module, imports in import_graph(root).items():
        room = _room(module)
        if room is None:
            problems.append(f"{module}: sits in no room; move it into one of {', '.join(LAYERS[1:])}")
            continue
        for line, name in imports:
            target = _room(name)
            if target is not None and LAYERS.index(target) > LAYERS.index(room):
                problems.append(f"{module}:{line} imports {name}: room {room!r} may not import the "
                                f"higher room {target!r}")
    return problems


def import_cycles(root: Path) -> list:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    graph = import_graph(root)
    modules = set(graph)
    edges = {m: sorted({_resolve(n, modules) for _, n in imps} - {None, m}) for m, imps in graph.items()}
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def _resolve(name: str, modules: set) -> str | None:
    """`server.core.protocol.NPADS` -> `server.core.protocol`; a package import names its __init__."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def test_no_room_imports_a_higher_room():
    assert layer_violations(REPO / "server") == []


def test_no_import_circles():
    assert import_cycles(REPO / "server") == []


def test_every_room_says_what_lives_there_and_what_it_may_import():
    for room in LAYERS[1:]:
        init = REPO / "server" / room / "__init__.py"
        if room in ("app", "cli"):
            assert (REPO / "server" / f"{room}.py").is_file()
            continue
        doc = ast.get_docstring(ast.parse(init.read_text())) or ""
        assert "Lives here" in doc and "May import" in doc, room


def _tree(tmp_path: Path, files: dict) -> Path:
    root = tmp_path / "server"
    for name, source in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return root


def test_the_check_catches_an_upward_import_even_a_lazy_one(tmp_path):
    root = _tree(tmp_path, {
        "core/__init__.py": "", "io/__init__.py": "", "io/osc.py": "X = 1\n",
        "core/a.py": "def f():\n    from server.io.osc import X\n",
        "core/b.py": "from server.io import osc\n",
        "core/c.py": "from ..io import osc\n",
        "core/d.py": "import importlib\ndef f():\n    return importlib.import_module('server.io.osc')\n",
        "core/ok.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from server.io import osc\n",
        "io/fine.py": "from server.core import a\nfrom server import __version__\n",
        "flat.py": "",
    })
    problems = layer_violations(root)
    assert sorted(p.split(":")[0] for p in problems) == [
        "server.core.a", "server.core.b", "server.core.c", "server.core.d", "server.flat"], problems


def test_the_check_catches_a_circle(tmp_path):
    root = _tree(tmp_path, {
        "core/__init__.py": "", "core/a.py": "from server.core.b import Y\nX = 1\n",
        "core/b.py": "def g():\n    from server.core import a\nY = 2\n", "core/c.py": "from server.core import a\n",
    })
    assert import_cycles(root) == [["server.core.a", "server.core.b"]]
