"""Summary figures on a hand-traced run, and the comparison table."""

from __future__ import annotations

import ast
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ato_lessons.factory import simulate
from ato_lessons.instances import load_instance
from ato_lessons.metrics import METRICS, compare, summarize

ROOT = Path(__file__).resolve().parents[1]
TWO = load_instance("two_products")
BS, BH = "Board/Screen", "Board/Screen-HD"
ORDERS = pd.DataFrame([(0, BS, 1), (1, BS, 1), (2, BH, 1)], columns=["day", "product", "quantity"])


def ato_trace():  # type: ignore[no-untyped-def]
    # See tests/test_factory.py::test_ato_hand_trace for the day-by-day trace.
    return simulate(TWO.factory, ORDERS, "ATO", {"Board": 1, "Screen": 1}, horizon=12)


def test_summary_of_hand_traced_ato_run() -> None:
    s = summarize(ato_trace())
    assert list(s.index) == list(METRICS)
    assert s.name == "ATO"
    assert s["orders"] == 3
    assert s["configurations offered"] == 2
    assert s["fill rate"] == pytest.approx(1 / 3)  # only order 0 found its parts
    assert s["on-time rate"] == pytest.approx(1 / 3)  # delivered days 1, 6, 11 vs promised 1, 2, 3
    assert s["lost rate"] == 0
    assert s["still waiting"] == 0
    assert s["mean lead time (days)"] == pytest.approx(5.0)  # (1 + 5 + 9) / 3
    assert s["p95 lead time (days)"] == pytest.approx(5 + 0.9 * 4)  # linear interpolation
    # Board stock x 100 € + Screen stock x 50 €, summed over the days of the trace:
    # 9 x 100 + 10 x 50 = 1400 €.
    assert s["avg inventory value (€)"] == pytest.approx(1400 / 12)
    assert s["holding cost (€)"] == pytest.approx(1400 * 0.25 / 365)
    assert s["end stock value (€)"] == 150.0
    pd.testing.assert_series_equal(s, ato_trace().summary())


def test_summary_with_lost_and_waiting_orders() -> None:
    lost = simulate(TWO.factory, ORDERS, "ATO", {"Board": 1, "Screen": 1}, horizon=12,
                    backorder=False)
    s = summarize(lost)
    assert s["lost rate"] == pytest.approx(2 / 3)
    assert s["on-time rate"] == 1.0  # lost orders are not judged
    waiting = simulate(TWO.factory, ORDERS, "MTO", horizon=4)  # nothing delivered yet
    w = summarize(waiting)
    assert w["still waiting"] == 3
    assert math.isnan(w["mean lead time (days)"]) and math.isnan(w["on-time rate"])
    assert w["fill rate"] == 0.0  # MTO never serves from stock


def test_summary_of_no_orders() -> None:
    empty = ORDERS.iloc[:0].astype({"day": np.int64, "quantity": np.int64})
    s = summarize(simulate(TWO.factory, empty, "MTO", horizon=5))
    assert s["orders"] == 0
    assert math.isnan(s["fill rate"]) and math.isnan(s["p95 lead time (days)"])
    assert s["avg inventory value (€)"] == 0.0


@pytest.mark.parametrize("bad", [None, "ATO", ORDERS, 3])  # not a SimulationResult
def test_summarize_rejects(bad: object) -> None:
    with pytest.raises(TypeError, match=rf"result\(={type(bad).__name__}\) must be a "
                                        r"SimulationResult"):
        summarize(bad)  # type: ignore[arg-type]


def test_compare_columns_and_rows() -> None:
    orders = TWO.orders(seed=4)
    runs = [TWO.run(s, orders) for s in ("MTS", "MTO", "ATO")]
    table = compare(runs)
    assert list(table.columns) == ["MTS", "MTO", "ATO"]
    assert list(table.index) == list(METRICS) and table.index.name == "metric"
    for r in runs:
        pd.testing.assert_series_equal(table[r.strategy], summarize(r), check_names=False)
    labelled = compare({"ATO (low)": runs[2], "ATO (high)": runs[2]})
    assert list(labelled.columns) == ["ATO (low)", "ATO (high)"]


@pytest.mark.parametrize(
    ("bad", "error", "pattern"),
    [
        ([], ValueError, r"results\(=\[\]\) must hold at least one"),  # nothing to compare
        ({}, ValueError, r"results\(=\[\]\)"),  # empty mapping
        pytest.param(["MTS"], TypeError, r"SimulationResult"),  # a name, not a run
        pytest.param(5, TypeError, r"results\(="),  # not a collection
        ({"a": "MTS"}, TypeError, r"result\(=str\) must be a SimulationResult"),  # bad value
    ],
)
def test_compare_rejects(bad: object, error: type[Exception], pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        compare(bad)  # type: ignore[arg-type]


def test_compare_two_runs_of_one_strategy_keeps_both() -> None:
    a = ato_trace()
    b = simulate(TWO.factory, ORDERS, "ATO", {"Board": 3, "Screen": 3}, horizon=12)
    try:
        table = compare([a, b])
    except ValueError as exc:  # refusing with a clear message is fine too
        assert "ATO" in str(exc)
    else:
        assert table.shape[1] == 2


def _imported_modules(source: str, package: str) -> set[str]:
    """Every module ``source`` (a module of ``package``) imports, at any depth (inside
    functions too), with relative imports made absolute."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


HIGHER = ("ato_lessons.metrics", "ato_lessons.instances", "ato_lessons.plots",
          "ato_lessons.widgets", "ato_lessons.lab.results", "ato_lessons.lab.display")


@pytest.mark.parametrize("engine", ["factory.py", "policies.py", "lab/engines.py"])
def test_engines_do_not_import_the_results_layer(engine: str) -> None:
    # summary() is computed where the run is defined; metrics builds on it, not the reverse
    path = ROOT / "ato_lessons" / engine
    package = ".".join(("ato_lessons", *Path(engine).parts[:-1]))
    imported = _imported_modules(path.read_text(encoding="utf-8"), package)
    assert any(m.startswith("ato_lessons.") for m in imported)  # the scan sees its imports
    assert not [m for m in imported if m.startswith(HIGHER)], sorted(imported)


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        ("def f():\n    from .metrics import summarize\n", "ato_lessons", "ato_lessons.metrics"),
        ("from ..results import simulate_lab\n", "ato_lessons.lab", "ato_lessons.results"),
        ("from . import display\n", "ato_lessons.lab", "ato_lessons.lab.display"),
        ("import ato_lessons.plots as p\n", "ato_lessons", "ato_lessons.plots"),
    ],
)
def test_import_scan_finds_hidden_imports(source: str, package: str, expected: str) -> None:
    # the layer check above can fail: function-level and relative imports are found
    assert expected in _imported_modules(source, package)


def test_summary_and_summarize_are_the_same_series() -> None:
    pc = load_instance("pc_maker")
    orders = pc.orders(horizon=60, seed=2)
    for strategy in ("MTS", "MTO", "ATO"):
        run = pc.run(strategy, orders)
        pd.testing.assert_series_equal(run.summary(), summarize(run), check_exact=True)
