"""Imports go one way: no import cycle in ``ato_lessons``, and no import into a lower layer.

The layers (PHASE1 of issue 9; the table is :data:`MODULE_LAYERS` just below):

0. foundation -- validation, language and number formatting, version;
1. data -- course, catalog, demand, the lab's system description;
2. engines -- factory, policies, the lab's engines;
3. results -- metrics, instances, experiments, the lab's results and search;
4a. presentation -- plots, widgets, the lab's display (may import grading);
4b. grading -- ``ato_lessons/grading/`` (may not import presentation).

A module may import its own layer and the layers below it. The top-level facade
``ato_lessons/__init__.py`` may import layers 0-3 only; presentation and grading may
import it. Every module must be placed in the table, so a new module gets a layer.

How imports are counted (statically, with :mod:`ast`; nothing is imported):

* every ``import``/``from ... import`` anywhere in a module: at module level, inside
  functions and methods, in ``try``/``if`` blocks; relative imports are resolved;
  ``from package import name`` is an import of ``package.name`` when that is a module,
  else of ``package`` (running the package's ``__init__`` on the way is not counted as
  an edge: every module would otherwise "import" its package);
* ``importlib.import_module("ato_lessons.x")`` and ``__import__`` with a literal name
  are imports too; with a computed name they hide an edge and are reported as such;
* imports under ``if TYPE_CHECKING:`` never run: they are exempt from the cycle rule,
  not from the layer rule (a type hint from a higher layer is still a dependency);
* imports inside a package ``__init__``'s module-level ``def __getattr__`` (PEP 562
  lazy re-exports, e.g. ``ato_lessons.lab`` offering the display names without loading
  matplotlib) load nothing at import time: they count for cycles, not for layers.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "ato_lessons"

FOUNDATION, DATA, ENGINES, RESULTS = "0 foundation", "1 data", "2 engines", "3 results"
FACADE, PRESENTATION, GRADING = "facade", "4a presentation", "4b grading"

#: Which layers each layer may import.
MAY_IMPORT: dict[str, frozenset[str]] = {
    FOUNDATION: frozenset({FOUNDATION}),
    DATA: frozenset({FOUNDATION, DATA}),
    ENGINES: frozenset({FOUNDATION, DATA, ENGINES}),
    RESULTS: frozenset({FOUNDATION, DATA, ENGINES, RESULTS}),
    FACADE: frozenset({FOUNDATION, DATA, ENGINES, RESULTS}),  # ato_lessons/__init__.py
    PRESENTATION: frozenset({FOUNDATION, DATA, ENGINES, RESULTS, FACADE, PRESENTATION, GRADING}),
    GRADING: frozenset({FOUNDATION, DATA, ENGINES, RESULTS, FACADE, GRADING}),
}

# ======================================================================================
# THE TABLE: every module of ato_lessons and its layer. "pkg.*" places a package, its
# __init__ and every module below it (unless a longer entry says otherwise). Entries for
# modules that do not exist (yet, or any more) are allowed.
# ======================================================================================
MODULE_LAYERS: dict[str, str] = {
    "ato_lessons": FACADE,
    # 0 foundation
    "ato_lessons._version": FOUNDATION,
    "ato_lessons._deprecation": FOUNDATION,
    "ato_lessons.validation": FOUNDATION,
    "ato_lessons._checks": FOUNDATION,  # private alias of validation
    "ato_lessons.i18n": FOUNDATION,
    # 1 data
    "ato_lessons.course": DATA,
    "ato_lessons.catalog": DATA,
    "ato_lessons.demand": DATA,
    "ato_lessons.lab.system": DATA,
    # 2 engines
    "ato_lessons.factory": ENGINES,
    "ato_lessons.policies": ENGINES,
    "ato_lessons.lab.engines": ENGINES,
    # 3 results
    "ato_lessons.metrics": RESULTS,
    "ato_lessons.instances": RESULTS,
    "ato_lessons.experiments.*": RESULTS,
    "ato_lessons.lab.results": RESULTS,
    "ato_lessons.lab.search": RESULTS,
    "ato_lessons.lab": RESULTS,  # the lab's facade; display names only lazily (__getattr__)
    # 4a presentation
    "ato_lessons.plots": PRESENTATION,
    "ato_lessons.widgets.*": PRESENTATION,
    "ato_lessons.lab.display": PRESENTATION,
    "ato_lessons.quiz": PRESENTATION,  # shim of widgets/quiz.py
    # 4b grading
    "ato_lessons.grading.*": GRADING,
    "ato_lessons.checking": GRADING,  # shim
    "ato_lessons.graders": GRADING,  # shim
    "ato_lessons.progress": GRADING,  # shim
    "ato_lessons.lab.grader": GRADING,  # shim
}


# --- the checker -------------------------------------------------------------------------
@dataclass(frozen=True)
class Import:
    """One import found in a module's source."""

    source: str  # importing module
    target: str  # imported module of the same package ("?" for a computed name)
    path: Path
    line: int
    type_checking: bool = False  # under ``if TYPE_CHECKING:``
    lazy: bool = False  # inside a package __init__'s module-level ``__getattr__``

    def where(self, root: Path) -> str:
        """``ato_lessons/metrics.py:30``."""
        shown = self.path.relative_to(root) if self.path.is_relative_to(root) else self.path
        return f"{shown.as_posix()}:{self.line}"


def package_modules(root: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` (found under ``root``): dotted name -> file."""
    modules = {}
    for path in sorted((root / package.replace(".", "/")).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _Finder(ast.NodeVisitor):
    def __init__(self, name: str, path: Path, modules: Mapping[str, Path], package: str) -> None:
        self.name, self.path, self.modules, self.package = name, path, modules, package
        self.is_init = path.name == "__init__.py"
        self.base = name if self.is_init else name.rpartition(".")[0]
        self.found: list[Import] = []
        self.type_checking = False
        self.lazy = False
        self.depth = 0  # function nesting

    def _add(self, target: str, node: ast.AST) -> None:
        if target == "?" or target == self.package or target.startswith(self.package + "."):
            known = target
            while known not in self.modules and "." in known and known != "?":
                known = known.rpartition(".")[0]  # an attribute, not a module: its module
            self.found.append(Import(self.name, known, self.path, getattr(node, "lineno", 0),
                                     self.type_checking, self.lazy))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.base
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            module = f"{base}.{node.module}" if node.module else base
        else:
            module = node.module or ""
        for alias in node.names:
            sub = f"{module}.{alias.name}"
            self._add(sub if sub in self.modules else module, node)

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            saved, self.type_checking = self.type_checking, True
            for child in node.body:
                self.visit(child)
            self.type_checking = saved
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        saved = self.lazy
        if self.is_init and self.depth == 0 and node.name == "__getattr__":
            self.lazy = True
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1
        self.lazy = saved

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._visit_function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._visit_function(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("import_module", "__import__") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str) \
                    and not first.value.startswith("."):
                self._add(first.value, node)
            else:
                self._add("?", node)  # a computed module name: an edge nobody can see
        self.generic_visit(node)


def find_imports(root: Path, package: str) -> tuple[dict[str, Path], list[Import]]:
    """The modules of ``package`` and every import between them (and computed imports)."""
    modules = package_modules(root, package)
    imports: list[Import] = []
    for name, path in modules.items():
        finder = _Finder(name, path, modules, package)
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        imports += [i for i in finder.found if i.target != name]
    return modules, imports


def find_cycles(imports: Iterable[Import], root: Path = ROOT) -> list[str]:
    """Every import cycle (one line each), through runtime imports (TYPE_CHECKING excluded)."""
    edges: dict[str, dict[str, Import]] = {}
    for imp in imports:
        if not imp.type_checking and imp.target != "?":
            edges.setdefault(imp.source, {}).setdefault(imp.target, imp)
    # Tarjan's strongly connected components, iteratively.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    nodes = sorted(set(edges) | {t for targets in edges.values() for t in targets})
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, {}))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    reports = []
    for component in sorted(components):
        members = set(component)
        first = component[0]
        # the shortest way back to the first member, inside the component
        previous: dict[str, str] = {}
        queue = deque([first])
        while queue:
            node = queue.popleft()
            for child in sorted(edges.get(node, {})):
                if child in members and child not in previous:
                    previous[child] = node
                    queue.append(child)
            if first in previous:
                break
        path = [first]
        while True:
            path.append(previous[path[-1]])
            if path[-1] == first:
                break
        path.reverse()
        steps = " -> ".join(path)
        where = ", ".join(edges[a][b].where(root) for a, b in zip(path, path[1:], strict=False))
        extra = f" (cycle group: {', '.join(component)})" if len(component) > len(path) - 1 else ""
        reports.append(f"{steps} [{where}]{extra}")
    return reports


def layer_of(module: str, table: Mapping[str, str] = MODULE_LAYERS) -> str | None:
    """The layer of ``module``: its own entry, else its closest ``package.*`` entry."""
    if module in table:
        return table[module]
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        entry = ".".join(parts[:end]) + ".*"
        if entry in table:
            return table[entry]
    return None


def unplaced(modules: Iterable[str], table: Mapping[str, str] = MODULE_LAYERS) -> list[str]:
    """Modules with no layer in ``table``."""
    return sorted(m for m in modules if layer_of(m, table) is None)


def layer_violations(
    imports: Iterable[Import], table: Mapping[str, str] = MODULE_LAYERS, root: Path = ROOT
) -> list[str]:
    """Imports into a layer the importing module may not use (lazy re-exports exempt)."""
    found = []
    for imp in imports:
        if imp.lazy or imp.target == "?":
            continue
        source, target = layer_of(imp.source, table), layer_of(imp.target, table)
        if source is None or target is None:
            continue  # reported by unplaced()
        if target not in MAY_IMPORT[source]:
            kind = "TYPE_CHECKING import" if imp.type_checking else "import"
            found.append(f"{imp.where(root)}: {imp.source} ({source}) {kind}s "
                         f"{imp.target} ({target})")
    return sorted(set(found))


def computed_imports(imports: Iterable[Import], root: Path = ROOT) -> list[str]:
    """``import_module``/``__import__`` calls whose module name is computed."""
    return sorted(f"{i.where(root)}: {i.source} imports a computed module name"
                  for i in imports if i.target == "?")


# --- the real tree -----------------------------------------------------------------------
MODULES, IMPORTS = find_imports(ROOT, PACKAGE)


def test_every_module_has_a_layer() -> None:
    missing = unplaced(MODULES)
    assert not missing, f"place these modules in MODULE_LAYERS ({__file__}): {missing}"


def test_the_scan_sees_the_package() -> None:
    """Guards against a scan that finds nothing and so passes everything."""
    assert {"ato_lessons", "ato_lessons.factory", "ato_lessons.lab.engines"} <= MODULES.keys()
    assert any(i.source == "ato_lessons" and i.target == "ato_lessons.factory" for i in IMPORTS)
    assert len(IMPORTS) > 50


def test_no_import_cycles() -> None:
    cycles = find_cycles(IMPORTS)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_imports_follow_the_layers() -> None:
    violations = layer_violations(IMPORTS)
    assert not violations, "imports into a lower layer:\n" + "\n".join(violations)


def test_no_computed_module_names() -> None:
    hidden = computed_imports(IMPORTS)
    assert not hidden, "use explicit imports (a registry in code):\n" + "\n".join(hidden)


# --- the checker on a small made-up package -------------------------------------------------
def _package(tmp_path: Path, files: Mapping[str, str]) -> tuple[dict[str, Path], list[Import]]:
    for name, source in {"pkg/__init__.py": "", **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return find_imports(tmp_path, "pkg")


TABLE = {"pkg": FACADE, "pkg.low": FOUNDATION, "pkg.mid": ENGINES, "pkg.ui.*": PRESENTATION,
         "pkg.grade": GRADING}


def test_checker_finds_a_cycle_through_a_function_level_relative_import(tmp_path: Path) -> None:
    _, imports = _package(tmp_path, {
        "pkg/low.py": "from . import mid\n",
        "pkg/mid.py": "def run():\n    from .low import thing\n    return thing\n",
    })
    cycles = find_cycles(imports, tmp_path)
    assert cycles == ["pkg.low -> pkg.mid -> pkg.low [pkg/low.py:1, pkg/mid.py:2]"]


def test_checker_names_one_cycle_of_a_larger_group(tmp_path: Path) -> None:
    _, imports = _package(tmp_path, {
        "pkg/a.py": "import pkg.b\nimport pkg.c\n",
        "pkg/b.py": "import pkg.a\n",
        "pkg/c.py": "from pkg import a\n",
    })
    (cycle,) = find_cycles(imports, tmp_path)
    assert cycle.startswith("pkg.a -> pkg.b -> pkg.a [")
    assert "cycle group: pkg.a, pkg.b, pkg.c" in cycle


def test_checker_finds_an_upward_import(tmp_path: Path) -> None:
    _, imports = _package(tmp_path, {
        "pkg/low.py": "x = 1\n\n\ndef show():\n    import pkg.ui.panel\n",
        "pkg/ui/__init__.py": "",
        "pkg/ui/panel.py": "from .. import low\nfrom pkg.grade import mark\n",
        "pkg/grade.py": "from pkg.ui import panel\n",
    })
    assert find_cycles(imports, tmp_path)  # low -> ui.panel -> low, and grade <-> panel
    assert layer_violations(imports, TABLE, tmp_path) == [
        "pkg/grade.py:1: pkg.grade (4b grading) imports pkg.ui.panel (4a presentation)",
        "pkg/low.py:5: pkg.low (0 foundation) imports pkg.ui.panel (4a presentation)",
    ]  # presentation -> grading and -> foundation are fine


def test_checker_type_checking_imports_count_for_layers_not_cycles(tmp_path: Path) -> None:
    _, imports = _package(tmp_path, {
        "pkg/low.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                      "    from pkg.mid import Engine\nelse:\n    Engine = None\n",
        "pkg/mid.py": "from pkg.low import Engine\n",
    })
    assert find_cycles(imports, tmp_path) == []
    assert layer_violations(imports, TABLE, tmp_path) == [
        "pkg/low.py:3: pkg.low (0 foundation) TYPE_CHECKING imports pkg.mid (2 engines)"
    ]


def test_checker_facades_lazy_getattr_and_computed_names(tmp_path: Path) -> None:
    _, imports = _package(tmp_path, {
        "pkg/__init__.py": "from .low import x\nfrom .ui import panel\n",
        "pkg/low.py": "import importlib\nx = importlib.import_module('pkg.mid')\n"
                      "y = importlib.import_module(name_of_the_day())\n",
        "pkg/mid.py": "",
        "pkg/ui/__init__.py": "def __getattr__(name):\n    from pkg import grade\n"
                              "    return getattr(grade, name)\n",
        "pkg/ui/panel.py": "",
        "pkg/grade.py": "import pkg.ui\n",
    })
    violations = layer_violations(imports, TABLE, tmp_path)
    assert violations == [
        "pkg/__init__.py:2: pkg (facade) imports pkg.ui.panel (4a presentation)",
        "pkg/grade.py:1: pkg.grade (4b grading) imports pkg.ui (4a presentation)",
        "pkg/low.py:2: pkg.low (0 foundation) imports pkg.mid (2 engines)",  # a literal name
    ]
    assert not any("pkg/ui/__init__.py" in v for v in violations)  # lazy: no layer rule
    assert find_cycles(imports, tmp_path) == [  # ...but it still makes a cycle
        "pkg.grade -> pkg.ui -> pkg.grade [pkg/grade.py:1, pkg/ui/__init__.py:2]"
    ]
    assert computed_imports(imports, tmp_path) == [
        "pkg/low.py:3: pkg.low imports a computed module name"
    ]


def test_checker_reports_unplaced_modules(tmp_path: Path) -> None:
    modules, _ = _package(tmp_path, {"pkg/low.py": "", "pkg/new.py": "", "pkg/ui/deep.py": ""})
    assert unplaced(modules, TABLE) == ["pkg.new"]  # pkg.ui.deep is placed by "pkg.ui.*"
