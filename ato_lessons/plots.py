"""The course's standard pictures, readable in a lecture hall and by colour-blind students.

Every strategy keeps one colour (Okabe-Ito palette), one marker, one line style
and one hatch everywhere, so a figure never relies on colour alone. Fonts are
large enough for a projector. Functions take an optional matplotlib ``ax`` and
return it, so they can be combined in subplots.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, cast

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.rcsetup import cycler

from .factory import SimulationResult
from .metrics import labelled_runs
from .validation import check_int

__all__ = [
    "STYLE",
    "OKABE_ITO",
    "course_style",
    "strategy_style",
    "plot_inventory",
    "plot_item_stock",
    "plot_lead_times",
    "plot_comparison",
    "plot_daily_orders",
]

#: Okabe & Ito's colour-blind-safe palette.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

_STRATEGY_STYLE: dict[str, dict[str, Any]] = {
    "MTS": {"color": OKABE_ITO[0], "marker": "o", "linestyle": "-", "hatch": "//"},
    "MTO": {"color": OKABE_ITO[1], "marker": "s", "linestyle": "--", "hatch": ".."},
    "ATO": {"color": OKABE_ITO[2], "marker": "^", "linestyle": "-.", "hatch": "xx"},
}
_EXTRA_MARKERS = ("D", "v", "P", "X", "*")
_EXTRA_LINES = (":", (0, (5, 1)), (0, (3, 1, 1, 1)))

#: Matplotlib settings used by :func:`course_style`.
STYLE: dict[str, Any] = {
    "figure.figsize": (10.0, 5.5),
    "figure.dpi": 80,
    "font.size": 15,
    "axes.titlesize": 17,
    "axes.labelsize": 16,
    "xtick.labelsize": 14,
    "ytick.labelsize": 14,
    "legend.fontsize": 14,
    "lines.linewidth": 2.5,
    "lines.markersize": 9,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=list(OKABE_ITO)),
}


@contextmanager
def course_style() -> Iterator[None]:
    """Use the course's plot settings inside a ``with`` block.

    >>> with course_style():
    ...     fig, ax = plt.subplots()
    >>> plt.close(fig)
    """
    with mpl.rc_context(cast(Any, STYLE)):
        yield


def strategy_style(label: str, index: int = 0) -> dict[str, Any]:
    """Colour, marker, line style and hatch for a strategy (or any other label).

    Strategy names (``"MTS"``, ``"MTO"``, ``"ATO"``, also as the first word of a
    label such as ``"ATO (low targets)"``) get their fixed style; other labels get
    styles by ``index``.
    """
    key = str(label).split()[0].upper() if str(label).strip() else ""
    if key in _STRATEGY_STYLE:
        return dict(_STRATEGY_STYLE[key])
    return {
        "color": OKABE_ITO[(index + 3) % len(OKABE_ITO)],
        "marker": _EXTRA_MARKERS[index % len(_EXTRA_MARKERS)],
        "linestyle": _EXTRA_LINES[index % len(_EXTRA_LINES)],
        "hatch": "\\\\",
    }


def _as_runs(results: Any) -> list[tuple[str, SimulationResult]]:
    runs = labelled_runs(results)
    for label, r in runs:
        if not isinstance(r, SimulationResult):
            raise TypeError(f"results[{label!r}](={type(r).__name__}) must be a SimulationResult")
    return runs


def _new_ax(ax: Axes | None) -> Axes:
    if ax is not None:
        if not isinstance(ax, Axes):
            raise TypeError(f"ax(={ax!r}) must be a matplotlib Axes or None")
        return ax
    with course_style():
        _, new = plt.subplots()
    return new


def plot_inventory(
    results: SimulationResult | Sequence[SimulationResult] | Mapping[str, SimulationResult],
    ax: Axes | None = None,
    *,
    what: str = "total_value",
) -> Axes:
    """Inventory on hand at the end of each day, one line per run.

    Parameters
    ----------
    results : SimulationResult, list of them, or mapping label -> result
        Runs to draw.
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    what : {"total_value", "component_value", "finished_value", "component_units", "finished_units"}
        Which column of ``result.inventory`` to draw. Values are shown in thousand euros.
    """
    columns = ("total_value", "component_value", "finished_value", "component_units",
               "finished_units")
    if what not in columns:
        raise ValueError(f"what(={what!r}) must be one of {list(columns)!r}")
    runs = _as_runs(results)
    ax = _new_ax(ax)
    is_value = what.endswith("value")
    with course_style():
        for i, (label, r) in enumerate(runs):
            st = strategy_style(label, i)
            y = r.inventory[what].to_numpy(dtype=float)
            y = y / 1000.0 if is_value else y
            ax.plot(r.inventory["day"], y, label=label, color=st["color"],
                    linestyle=st["linestyle"], marker=st["marker"],
                    markevery=max(1, len(y) // 12))
        ax.set_xlabel("Day")
        ax.set_ylabel("Inventory value (thousand €)" if is_value else "Inventory (units)")
        ax.set_title("Inventory on hand over time")
        ax.set_ylim(bottom=0)
        ax.legend(title="Strategy", loc="best")
    return ax


def plot_item_stock(
    result: SimulationResult, items: Sequence[str] | None = None, ax: Axes | None = None,
    *, max_items: int = 5,
) -> Axes:
    """Units on the shelf of a few items over time (components or products).

    Parameters
    ----------
    result : SimulationResult
        An MTS or ATO run.
    items : list of str, optional
        Items to draw (default: the ``max_items`` with the highest target).
    ax : matplotlib Axes, optional
        Where to draw.
    max_items : int, default 5
        How many items to draw when ``items`` is not given.
    """
    if not isinstance(result, SimulationResult):
        raise TypeError(f"result(={type(result).__name__}) must be a SimulationResult")
    stock = result.stock
    if stock.shape[1] == 0:
        raise ValueError(f"result of strategy {result.strategy!r} has no stocked items to draw")
    check_int("max_items", max_items, minimum=1)
    if items is None:
        ranked = sorted(result.targets, key=lambda k: -result.targets[k])
        chosen = [i for i in ranked if i in stock.columns][:max_items]
    else:
        chosen = list(items)
        if not chosen:
            raise ValueError("items(=[]) must name at least one stocked item")
        unknown = [i for i in chosen if i not in stock.columns]
        if unknown:
            raise ValueError(f"items names {unknown!r}, not stocked in this run")
    ax = _new_ax(ax)
    with course_style():
        for i, name in enumerate(chosen):
            ax.plot(stock.index, stock[name], label=name, color=OKABE_ITO[i % len(OKABE_ITO)],
                    linestyle=_EXTRA_LINES[i % len(_EXTRA_LINES)] if i else "-",
                    marker=("o", "s", "^", "D", "v", "P", "X")[i % 7],
                    markevery=max(1, len(stock) // 10))
        ax.set_xlabel("Day")
        ax.set_ylabel("Units on the shelf")
        ax.set_title(f"Stock of selected items ({result.strategy})")
        ax.set_ylim(bottom=0)
        ax.legend(loc="best")
    return ax


def plot_lead_times(
    results: SimulationResult | Sequence[SimulationResult] | Mapping[str, SimulationResult],
    ax: Axes | None = None,
) -> Axes:
    """Distribution of customer lead times (delivered orders), one histogram per run.

    Bars are hatched per strategy and each run's mean is marked with a labelled
    vertical line, so the picture reads without colour.
    """
    runs = _as_runs(results)
    ax = _new_ax(ax)
    leads = [r.orders["lead_time"].dropna().to_numpy(dtype=float) for _, r in runs]
    top = max((float(x.max()) for x in leads if x.size), default=1.0)
    bins: Any = np.arange(-0.5, top + 1.5, 1.0) if top <= 60 else 40
    with course_style():
        for i, ((label, _), x) in enumerate(zip(runs, leads, strict=True)):
            st = strategy_style(label, i)
            if x.size == 0:  # still show the run in the legend
                ax.plot([], [], label=f"{label} (no delivery yet)", color=st["color"],
                        linestyle=st["linestyle"], marker=st["marker"])
                continue
            weights = np.full(x.size, 100.0 / x.size)
            ax.hist(x, bins=bins, weights=weights, label=f"{label} (mean {x.mean():.1f} d)",
                    color=st["color"], alpha=0.55, hatch=st["hatch"], edgecolor=st["color"])
            ax.axvline(x.mean(), color=st["color"], linestyle=st["linestyle"], linewidth=2.5)
        ax.set_xlabel("Customer lead time (days)")
        ax.set_ylabel("Share of delivered orders (%)")
        ax.set_title("How long customers wait")
        ax.legend(title="Strategy", loc="best")
    return ax


def plot_comparison(
    table: pd.DataFrame,
    metrics: Sequence[str] = (
        "mean lead time (days)", "fill rate", "avg inventory value (€)", "end stock value (€)",
    ),
) -> Any:
    """Bar charts comparing runs: one panel per metric, one bar per run.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`ato_lessons.metrics.compare` (metrics as rows,
        runs as columns).
    metrics : sequence of str
        Rows of ``table`` to draw.

    Returns
    -------
    matplotlib.figure.Figure
        The figure; each bar carries its value as a label.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table(={type(table).__name__}) must be a DataFrame from compare()")
    metrics = list(metrics)
    if not metrics:
        raise ValueError("metrics(=[]) must name at least one metric")
    unknown = [m for m in metrics if m not in table.index]
    if unknown:
        raise ValueError(f"metrics names {unknown!r}; the table has {list(table.index)!r}")
    with course_style():
        fig, axes = plt.subplots(1, len(metrics), figsize=(4.2 * len(metrics), 5.0),
                                 squeeze=False)
        labels = [str(c) for c in table.columns]
        for ax, metric in zip(axes[0], metrics, strict=True):
            values = table.loc[metric].to_numpy(dtype=float)
            is_rate = "rate" in metric
            scale, unit = (1000.0, " (k€)") if "€" in metric else (1.0, "")
            shown = values * 100.0 if is_rate else values / scale
            for i, (label, v) in enumerate(zip(labels, shown, strict=True)):
                st = strategy_style(label, i)
                ax.bar(i, 0.0 if np.isnan(v) else v, color=st["color"], hatch=st["hatch"],
                       edgecolor="black", alpha=0.85)
                text = (
                    "n/a" if np.isnan(v)
                    else f"{v:.0f} %" if is_rate
                    else f"{v:,.2f}" if abs(v) < 10 else f"{v:,.1f}"
                )
                ax.annotate(text, (i, 0.0 if np.isnan(v) else v), ha="center", va="bottom",
                            fontsize=13, xytext=(0, 3), textcoords="offset points")
            ax.set_xticks(range(len(labels)), labels)
            title = metric.replace(" (€)", "").replace(" (days)", "")
            ax.set_title(title)
            ylabel = (
                "share of orders (%)" if is_rate
                else "days" if "days" in metric else ("thousand €" if unit else metric)
            )
            ax.set_ylabel(ylabel)
            top = np.nanmax(shown) if np.isfinite(shown).any() else 1.0
            if is_rate:
                ax.set_ylim(0, 115)
            else:
                ax.set_ylim(0, max(top * 1.2, 1e-9) if top > 0 else 1.0)
        fig.tight_layout()
    return fig


def plot_daily_orders(orders: pd.DataFrame, horizon: int | None = None,
                      ax: Axes | None = None) -> Axes:
    """Number of orders received each day."""
    if not isinstance(orders, pd.DataFrame) or "day" not in orders.columns:
        raise TypeError(
            f"orders(={type(orders).__name__}) must be a DataFrame with a 'day' column"
        )
    if horizon is not None:
        days = check_int("horizon", horizon, minimum=1)
    else:
        days = int(orders["day"].max()) + 1 if len(orders) else 1
    counts = np.bincount(orders["day"].to_numpy(dtype=np.int64), minlength=days)[:days]
    ax = _new_ax(ax)
    with course_style():
        ax.bar(np.arange(days), counts, color=OKABE_ITO[5], edgecolor=OKABE_ITO[0], width=1.0)
        ax.axhline(counts.mean(), color="black", linestyle="--",
                   label=f"mean {counts.mean():.1f} orders/day")
        ax.set_xlabel("Day")
        ax.set_ylabel("Orders received")
        ax.set_title("Orders arriving day by day")
        ax.legend(loc="upper right")
    return ax
