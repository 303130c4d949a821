"""Code quality gates: ruff, mypy (strict on ato_lessons) and every docstring example.

The doctests are run here with :mod:`doctest` directly (``pytest --doctest-modules`` is not
part of the default test command), over every module of the package, subpackages included.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import doctest  # noqa: E402
import importlib  # noqa: E402
import pkgutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

import ato_lessons  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
        check=False,
    )


def test_ruff_clean() -> None:
    # Notebooks too (ruff reads .ipynb): lessons, solutions (exercises are generated from
    # them) and the lesson template. Notebook-specific rules: pyproject.toml.
    proc = _run("ruff", "check", "ato_lessons", "tests", "tools", "benchmarks", "conftest.py",
                "notebooks", "solutions", "templates")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict_clean() -> None:
    proc = _run("mypy")  # configuration (files, strict) in pyproject.toml
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _modules() -> list[str]:
    names = [ato_lessons.__name__]
    for info in pkgutil.walk_packages(ato_lessons.__path__, prefix="ato_lessons."):
        names.append(info.name)
    return sorted(names)


MODULES = _modules()


def test_module_list_covers_the_core_and_subpackages() -> None:
    for name in ("ato_lessons.catalog", "ato_lessons.demand", "ato_lessons.factory",
                 "ato_lessons.policies", "ato_lessons.metrics", "ato_lessons.plots",
                 "ato_lessons.instances", "ato_lessons.course", "ato_lessons.widgets"):
        assert name in MODULES
    # Subpackages are walked too (e.g. ato_lessons.widgets.<lesson module>).
    subpackages = [info.name for info in pkgutil.iter_modules(ato_lessons.__path__) if info.ispkg]
    for pkg in subpackages:
        assert f"ato_lessons.{pkg}" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctest(s) failed in {name}"


def test_core_modules_have_doctests() -> None:
    """The issue asks for a worked example in the core modules' docstrings."""
    finder = doctest.DocTestFinder()
    for name in ("ato_lessons", "ato_lessons.catalog", "ato_lessons.demand",
                 "ato_lessons.factory", "ato_lessons.policies", "ato_lessons.instances",
                 "ato_lessons.course", "ato_lessons.validation", "ato_lessons.widgets"):
        tests = finder.find(importlib.import_module(name))
        assert sum(len(t.examples) for t in tests) > 0, name


def test_benchmark_quick_smoke() -> None:
    """The benchmark script still runs (no timing is asserted: it is a measurement)."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_strategies.py"), "--quick"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| case |")
    assert [r.split("|")[1].strip() for r in rows[1:]] == [
        "order generation alone", "MTS, all 288 configurations offered",
        "MTS, top 20 configurations offered", "MTO", "ATO",
    ]
    assert " orders, seed 2026" in proc.stdout
