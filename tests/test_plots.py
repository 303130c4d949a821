"""The course's figures: labels with units, one legend entry per run, colour-blind-safe
styles that do not rely on colour alone, and input checks."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from collections.abc import Iterator  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from ato_lessons.factory import SimulationResult  # noqa: E402
from ato_lessons.instances import load_instance  # noqa: E402
from ato_lessons.metrics import compare  # noqa: E402
from ato_lessons.plots import (  # noqa: E402
    OKABE_ITO,
    STYLE,
    course_style,
    plot_comparison,
    plot_daily_orders,
    plot_inventory,
    plot_item_stock,
    plot_lead_times,
    strategy_style,
)
from ato_lessons.widgets import LiveFigure, figure_to_png, new_figure  # noqa: E402

PALETTE = {to_hex(c) for c in OKABE_ITO}


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def runs() -> dict[str, SimulationResult]:
    two = load_instance("two_products")
    orders = two.orders(seed=5)
    return {s: two.run(s, orders) for s in ("MTS", "MTO", "ATO")}


def _legend_texts(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


# ------------------------------------------------------------------------------------
# strategy_style and course_style
# ------------------------------------------------------------------------------------
def test_strategy_styles_distinct_and_colour_blind_safe() -> None:
    styles = [strategy_style(s) for s in ("MTS", "MTO", "ATO")]
    for key in ("color", "marker", "linestyle", "hatch"):
        values = [str(st[key]) for st in styles]
        assert len(set(values)) == 3, key  # never colour alone
    assert {to_hex(st["color"]) for st in styles} <= PALETTE
    assert strategy_style("ATO (low targets)") == strategy_style("ATO")
    assert strategy_style("ato") == strategy_style("ATO")
    other = [strategy_style("run", i) for i in range(3)]
    assert len({o["marker"] for o in other}) == 3
    assert {to_hex(o["color"]) for o in other} <= PALETTE
    assert strategy_style("")["color"] in OKABE_ITO


def test_course_style_is_temporary() -> None:
    before = plt.rcParams["font.size"]
    with course_style():
        assert plt.rcParams["font.size"] == STYLE["font.size"] >= 14
    assert plt.rcParams["font.size"] == before


# ------------------------------------------------------------------------------------
# plot_inventory
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("what", "unit"),
    [("total_value", "thousand €"), ("component_units", "units"), ("finished_value", "€")],
)
def test_plot_inventory(runs: dict[str, SimulationResult], what: str, unit: str) -> None:
    ax = plot_inventory(list(runs.values()), what=what)
    assert isinstance(ax, Axes)
    assert ax.get_xlabel() == "Day"
    assert unit in ax.get_ylabel()
    assert _legend_texts(ax) == ["MTS", "MTO", "ATO"]
    lines = ax.get_lines()
    assert [to_hex(line.get_color()) for line in lines] == [
        to_hex(strategy_style(s)["color"]) for s in ("MTS", "MTO", "ATO")
    ]
    assert len({line.get_marker() for line in lines}) == 3
    # Values are drawn in thousand euros (units for unit columns).
    scale = 1000.0 if what.endswith("value") else 1.0
    np.testing.assert_allclose(lines[2].get_ydata(), runs["ATO"].inventory[what] / scale)


def test_plot_inventory_mapping_single_and_given_axes(runs: dict[str, SimulationResult]) -> None:
    fig, ax = plt.subplots()
    out = plot_inventory({"ATO (low)": runs["ATO"], "ATO (high)": runs["ATO"]}, ax=ax)
    assert out is ax
    assert _legend_texts(ax) == ["ATO (low)", "ATO (high)"]
    single = plot_inventory(runs["MTS"])
    assert _legend_texts(single) == ["MTS"]


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "pattern"),
    [
        ("runs", {"what": "value"}, ValueError, r"what\(='value'\) must be one of"),  # bad column
        ([], {}, ValueError, r"results\(=\[\]\)"),  # nothing to draw
        ({}, {}, ValueError, r"results\(=\[\]\)"),  # empty mapping
        (3, {}, TypeError, r"results\(=int\)"),  # a number
        (["MTS"], {}, TypeError, r"results\['\?'\]\(=str\) must be a SimulationResult"),
        ({"a": 1}, {}, TypeError, r"results\['a'\]\(=int\)"),  # mapping to a non-result
        ("runs", {"ax": "left"}, TypeError, r"ax\(='left'\) must be a matplotlib Axes"),
    ],
)
def test_plot_inventory_rejects(runs: dict[str, SimulationResult], args: object,
                                kwargs: dict[str, object], error: type[Exception],
                                pattern: str) -> None:
    results = list(runs.values()) if args == "runs" else args
    with pytest.raises(error, match=pattern):
        plot_inventory(results, **kwargs)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------
# plot_item_stock
# ------------------------------------------------------------------------------------
def test_plot_item_stock(runs: dict[str, SimulationResult]) -> None:
    ato = runs["ATO"]
    ax = plot_item_stock(ato)
    assert ax.get_xlabel() == "Day" and "Units" in ax.get_ylabel()
    ranked = sorted(ato.targets, key=lambda k: -ato.targets[k])
    assert _legend_texts(ax) == ranked[:5]
    ax2 = plot_item_stock(ato, items=["Screen"])
    assert _legend_texts(ax2) == ["Screen"]
    np.testing.assert_array_equal(ax2.get_lines()[0].get_ydata(), ato.stock["Screen"])
    ax3 = plot_item_stock(ato, max_items=1)
    assert len(_legend_texts(ax3)) == 1
    lines = plot_item_stock(ato).get_lines()
    assert len({line.get_marker() for line in lines}) == len(lines)


@pytest.mark.parametrize(
    ("strategy", "kwargs", "error", "pattern"),
    [
        ("MTO", {}, ValueError, r"strategy 'MTO' has no stocked items"),  # nothing stocked
        ("ATO", {"items": ["Keyboard"]}, ValueError, r"items names \['Keyboard'\]"),  # unknown
        ("MTS", {"items": ["Board"]}, ValueError, r"items names \['Board'\]"),  # not a product
        ("ATO", {"ax": 1}, TypeError, r"ax\(=1\)"),  # wrong axes
    ],
)
def test_plot_item_stock_rejects(runs: dict[str, SimulationResult], strategy: str,
                                 kwargs: dict[str, object], error: type[Exception],
                                 pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        plot_item_stock(runs[strategy], **kwargs)  # type: ignore[arg-type]


def test_plot_item_stock_rejects_non_result() -> None:
    with pytest.raises(TypeError, match=r"result\(=DataFrame\) must be a SimulationResult"):
        plot_item_stock(pd.DataFrame())  # type: ignore[arg-type]


@pytest.mark.filterwarnings("ignore:No artists with labels")
def test_plot_item_stock_rejects_bad_max_items(runs: dict[str, SimulationResult]) -> None:
    with pytest.raises((ValueError, TypeError), match=r"max_items\(=0\)"):
        plot_item_stock(runs["ATO"], max_items=0)


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        ({"max_items": -1}, ValueError, r"max_items\(=-1\) must be >= 1"),  # negative count
        ({"max_items": 2.0}, TypeError, r"max_items\(=2.0\)"),  # float count
        ({"items": []}, ValueError, r"items\(=\[\]\) must name at least one"),  # nothing to draw
    ],
)
def test_plot_item_stock_rejects_more(runs: dict[str, SimulationResult],
                                      kwargs: dict[str, object], error: type[Exception],
                                      pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        plot_item_stock(runs["ATO"], **kwargs)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------
# plot_lead_times
# ------------------------------------------------------------------------------------
def test_plot_lead_times(runs: dict[str, SimulationResult]) -> None:
    ax = plot_lead_times(list(runs.values()))
    assert ax.get_xlabel() == "Customer lead time (days)"
    assert "%" in ax.get_ylabel()
    texts = _legend_texts(ax)
    assert len(texts) == 3
    for s, text in zip(("MTS", "MTO", "ATO"), texts, strict=True):
        mean = runs[s].orders["lead_time"].dropna().mean()
        assert text == f"{s} (mean {mean:.1f} d)"
    hatches = {p.get_hatch() for p in ax.patches}
    assert hatches == {strategy_style(s)["hatch"] for s in ("MTS", "MTO", "ATO")}
    assert {to_hex(p.get_facecolor()) for p in ax.patches} <= PALETTE
    # Each histogram sums to 100 % of its delivered orders.
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights) == pytest.approx(300.0)


def test_plot_lead_times_legend_lists_run_without_deliveries(
        runs: dict[str, SimulationResult]) -> None:
    two = load_instance("two_products")
    orders = two.orders(seed=5)
    full = two.run("MTO", orders, horizon=60)
    late = two.run("MTO", orders.loc[orders["day"] >= 55], horizon=60)  # none delivered yet
    ax = plot_lead_times({"MTO": full, "MTO (late)": late})
    assert len(_legend_texts(ax)) == 2


def test_plot_lead_times_rejects() -> None:
    with pytest.raises(ValueError, match=r"results\(=\[\]\)"):
        plot_lead_times([])


# ------------------------------------------------------------------------------------
# plot_comparison
# ------------------------------------------------------------------------------------
def test_plot_comparison(runs: dict[str, SimulationResult]) -> None:
    table = compare(list(runs.values()))
    fig = plot_comparison(table)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 4
    for ax in fig.axes:
        assert ax.get_ylabel() and ax.get_title()
        assert [t.get_text() for t in ax.get_xticklabels()] == ["MTS", "MTO", "ATO"]
        bars = ax.patches
        assert len(bars) == 3
        assert len({b.get_hatch() for b in bars}) == 3
        assert [to_hex(b.get_facecolor()) for b in bars] == [
            to_hex(strategy_style(s)["color"]) for s in ("MTS", "MTO", "ATO")
        ]
    units = {ax.get_title(): ax.get_ylabel() for ax in fig.axes}
    assert units["mean lead time"] == "days"
    assert units["avg inventory value"] == "thousand €"
    assert units["fill rate"] == "share of orders (%)"
    # Rates are drawn in percent, so the axis agrees with the bar labels.
    rate_ax = next(ax for ax in fig.axes if ax.get_title() == "fill rate")
    heights = [b.get_height() for b in rate_ax.patches]
    assert heights == pytest.approx((table.loc["fill rate"] * 100).tolist())
    assert [t.get_text() for t in rate_ax.texts][0].endswith(" %")
    one = plot_comparison(table, metrics=["on-time rate"])
    assert len(one.axes) == 1


def test_plot_comparison_marks_missing_values(runs: dict[str, SimulationResult]) -> None:
    table = compare(list(runs.values()))
    table.loc["on-time rate", "MTO"] = float("nan")  # e.g. no order due yet
    fig = plot_comparison(table, metrics=["on-time rate"])
    ax = fig.axes[0]
    assert [b.get_height() for b in ax.patches][1] == 0.0
    labels = [t.get_text() for t in ax.texts]
    assert labels[1] == "n/a"
    assert labels[0].endswith("%") and labels[2].endswith("%")


@pytest.mark.parametrize(
    ("table", "metrics", "error", "pattern"),
    [
        ("runs", ["colour"], ValueError, r"metrics names \['colour'\]"),  # unknown metric
        ("runs", [], ValueError, r"metrics\(=\[\]\) must name at least one"),  # no metric
        ([1, 2], ["fill rate"], TypeError, r"table\(=list\) must be a DataFrame"),  # not a table
    ],
)
def test_plot_comparison_rejects(runs: dict[str, SimulationResult], table: object,
                                 metrics: list[str], error: type[Exception],
                                 pattern: str) -> None:
    frame = compare(list(runs.values())) if table == "runs" else table
    with pytest.raises(error, match=pattern):
        plot_comparison(frame, metrics)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------
# plot_daily_orders
# ------------------------------------------------------------------------------------
def test_plot_daily_orders() -> None:
    two = load_instance("two_products")
    orders = two.orders(seed=2)
    ax = plot_daily_orders(orders, horizon=60)
    assert ax.get_xlabel() == "Day" and ax.get_ylabel() == "Orders received"
    heights = [p.get_height() for p in ax.patches]
    assert len(heights) == 60
    np.testing.assert_array_equal(heights, np.bincount(orders["day"], minlength=60))
    mean = len(orders) / 60
    assert _legend_texts(ax) == [f"mean {mean:.1f} orders/day"]
    default = plot_daily_orders(orders)
    assert len(default.patches) == int(orders["day"].max()) + 1


@pytest.mark.parametrize(
    "orders",
    [[0, 1, 2], pd.DataFrame({"date": [0, 1]}), None],  # a list, no day column, missing
)
def test_plot_daily_orders_rejects_orders(orders: object) -> None:
    with pytest.raises(TypeError, match=r"orders\(=.*\) must be a DataFrame with a 'day' column"):
        plot_daily_orders(orders)  # type: ignore[arg-type]


@pytest.mark.parametrize("horizon", [-3, 0, 2.5])
def test_plot_daily_orders_rejects_horizon(horizon: object) -> None:
    orders = load_instance("two_products").orders(seed=2)
    with pytest.raises((ValueError, TypeError), match=r"horizon\(="):
        plot_daily_orders(orders, horizon=horizon)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------
# LiveFigure
# ------------------------------------------------------------------------------------
def _draw(fig: Figure, level: int) -> str:
    ax = fig.add_subplot()
    ax.plot([0, 1, 2], [0, level, 2 * level])
    ax.set_xlabel("Day")
    ax.set_ylabel("Units")
    return f"level = {level}"


def test_live_figure_update_changes_picture_and_caption() -> None:
    live = LiveFigure(_draw, width=4, height=3)
    assert bytes(live.image.value) == b"" and live.caption.value == ""
    live.update(level=1)
    first = bytes(live.image.value)
    assert first.startswith(b"\x89PNG") and live.caption.value == "level = 1"
    live.update(level=5)
    assert bytes(live.image.value) != first
    assert live.caption.value == "level = 5"
    live.update(level=1)
    assert bytes(live.image.value) == first  # same parameters, same picture
    assert list(live.widget.children) == [live.image, live.caption]


def test_live_figure_without_caption_and_rejects() -> None:
    live = LiveFigure(lambda fig: fig.add_subplot().plot([0, 1]) and None)
    live.update()
    assert live.caption.value == ""
    with pytest.raises(TypeError, match=r"draw\(='plot'\) must be callable"):
        LiveFigure("plot")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"fig\(=None\) must be a matplotlib Figure"):
        figure_to_png(None)  # type: ignore[arg-type]
    fig = new_figure(3, 2)
    assert tuple(fig.get_size_inches()) == (3.0, 2.0)
    assert tuple(new_figure().get_size_inches()) == STYLE["figure.figsize"]
