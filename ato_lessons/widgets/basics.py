"""Widgets of lessons 00 (start here), 01 (make to stock) and 02 (make to order).

Every widget follows the course's protocol (:class:`~ato_lessons.widgets.base.LessonWidget`):
``.controls`` (name -> ipywidgets control), ``.widget`` (the box to display) and
``.update()`` (redraw from the controls' current values; called once when the
widget is built and whenever a control moves). Figures are
:class:`~ato_lessons.widgets.base.InPlaceFigure`: built once, updated in place.

* :class:`OrdersWidget` (lesson 0): the PC maker's orders per day over a month,
  against the mean number of orders per day and the day-to-day variability.
* :class:`ProductionRunWidget` (lesson 1): a one-off production run of the
  most popular PCs for a season; the production level trades stock-outs
  against leftovers. :func:`plot_level_tradeoff` draws the same trade-off
  in a notebook figure.
* :class:`MTOWaitWidget` (lesson 2): how long a make-to-order customer waits,
  against a supplier's lead time and the assembly capacity.

The computations live in :mod:`ato_lessons.experiments` (``season_orders``,
``one_off_targets``, ``production_run``, ``run_figures``, ``level_sweep``,
``mto_wait``). Their old names here still work for one release, with a
``DeprecationWarning``; so do ``with_lead_times`` and
``with_supplier_lead_time``, replaced by
:meth:`~ato_lessons.catalog.Catalog.with_lead_times`.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> panel = ProductionRunWidget(pc, season=60, offer=10, seed=4)
>>> panel.controls["level"].value = 150
>>> panel.figures["fill rate"] > 0.9
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import numpy as np
import numpy.typing as npt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import StepPatch

from ..course import class_seed
from ..experiments import stock_runs, waits
from ..factory import SimulationResult, simulate
from ..i18n import fmt_number, fmt_percent
from ..instances import Scenario
from ..plots import OKABE_ITO, course_style, plot_daily_orders, strategy_style
from ..validation import check_dataframe, check_int
from . import _deprecated
from .base import InPlaceFigure, LessonWidget, check_scenario, nice_limit

__all__ = [
    "OrdersWidget",
    "ProductionRunWidget",
    "MTOWaitWidget",
    "plot_level_tradeoff",
]

#: Old names of this module and where they live now (kept for one release).
_MOVED: dict[str, tuple[Any, str]] = {
    **_deprecated.moved_from(
        stock_runs, "season_orders", "one_off_targets", "production_run", "run_figures",
        "level_sweep",
    ),
    **_deprecated.moved_from(waits, "mto_wait"),
    "with_lead_times": (_deprecated.with_lead_times, _deprecated.NEW_LEAD_TIMES),
    "with_supplier_lead_time": (_deprecated.with_supplier_lead_time, _deprecated.NEW_LEAD_TIMES),
}


def __getattr__(name: str) -> Any:
    return _deprecated.moved_attribute(__name__, name, _MOVED)


def __dir__() -> list[str]:
    return sorted([*globals(), *_MOVED])


# ------------------------------------------------------------------------------------------
# Lesson 0: orders per day
# ------------------------------------------------------------------------------------------
class OrdersWidget(LessonWidget):
    """The PC maker's orders per day over a month, with two sliders.

    Parameters
    ----------
    scenario : Scenario
        Whose catalog and demand to use (the demand's other settings are kept).
    horizon : int, default 30
        Days shown (>= 2).
    seed : int, optional
        Seed of the order stream (default: the class seed).

    Attributes
    ----------
    controls : dict
        ``"orders_per_day"`` (IntSlider) and ``"variability"`` (FloatSlider).
    live : InPlaceFigure
        The bar chart of orders per day; its caption gives the key figures.
    orders : pandas.DataFrame
        The orders currently shown.
    """

    def __init__(self, scenario: Scenario, horizon: int = 30, seed: int | None = None) -> None:
        self.scenario = check_scenario(scenario)
        self.horizon = check_int("horizon", horizon, minimum=2)
        self.seed = class_seed() if seed is None else check_int("seed", seed, minimum=0)
        demand = self.scenario.demand
        style = {"description_width": "initial"}
        self.live = InPlaceFigure(height=4.5)
        self.orders = pd.DataFrame()
        self._bars: list[Any] = []
        self._mean: Line2D | None = None
        self._legend: Legend | None = None
        self._watch({
            "orders_per_day": widgets.IntSlider(
                value=int(round(demand.orders_per_day)), min=2, max=30, step=1,
                description="Orders per day (mean)", continuous_update=False, style=style,
            ),
            "variability": widgets.FloatSlider(
                value=round(demand.variability, 1), min=0.0, max=1.0, step=0.1,
                description="Day-to-day variability", continuous_update=False, style=style,
                readout_format=".1f",
            ),
        })

    def update(self) -> None:
        """Draw a new month of orders from the sliders' values."""
        demand = self.scenario.demand.with_(
            orders_per_day=float(self.controls["orders_per_day"].value),
            variability=float(self.controls["variability"].value),
        )
        self.orders = self.scenario.orders(horizon=self.horizon, seed=self.seed, demand=demand)
        counts = np.bincount(self.orders["day"].to_numpy(dtype=np.int64),
                             minlength=self.horizon)[: self.horizon]
        if self._mean is None:
            self._build()
        else:
            for bar, count in zip(self._bars, counts, strict=True):
                bar.set_height(count)
            self._mean.set_ydata([counts.mean()] * 2)
        assert self._legend is not None
        self._legend.get_texts()[0].set_text(f"mean {fmt_number(counts.mean(), 1)} orders/day")
        self.live.fig.axes[0].set_ylim(0, max(40, int(counts.max()) + 5))
        self.live.render(
            f"<b>{fmt_number(len(self.orders))} orders</b> in {self.horizon} days · "
            f"busiest day {int(counts.max())} · quietest day {int(counts.min())}"
        )

    def _build(self) -> None:
        with course_style():
            ax = self.live.fig.add_subplot()
            plot_daily_orders(self.orders, horizon=self.horizon, ax=ax)
            ax.set_xlabel("Day of the month")
            ax.set_ylabel("Orders received per day")
            ax.set_ylim(0, 40)
            self.live.fig.tight_layout()
        self._bars = list(ax.patches)
        self._mean = ax.lines[-1]
        self._legend = ax.get_legend()
        self.live.animate(*self._bars, self._mean, self._legend)

    def _views(self) -> list[widgets.Widget]:
        return [self.live.widget]


# ------------------------------------------------------------------------------------------
# Lesson 1: a one-off production run (make to stock)
# ------------------------------------------------------------------------------------------
_TRADEOFF_CURVES = (
    ("units short", "short: lost sales", OKABE_ITO[1], "v", "--"),
    ("units left over", "left over at the end", OKABE_ITO[0], "^", "-"),
)


def _check_tradeoff(table: Any, axes: Any) -> tuple[pd.DataFrame, list[Axes]]:
    if not isinstance(table, pd.DataFrame) or "fill rate" not in table.columns:
        raise TypeError("table must be a DataFrame from level_sweep()")
    if len(axes) != 2 or not all(isinstance(a, Axes) for a in axes):
        raise TypeError(f"axes(={axes!r}) must be two matplotlib Axes")
    return table, list(axes)


def _tradeoff_series(table: pd.DataFrame) -> dict[str, npt.NDArray[np.float64]]:
    """The curves of the trade-off figure, in the units shown."""
    return {
        "fill": 100.0 * table["fill rate"].to_numpy(dtype=float),
        "units short": table["units short"].to_numpy(dtype=float),
        "units left over": table["units left over"].to_numpy(dtype=float),
        "total": (table["units short"] + table["units left over"]).to_numpy(dtype=float),
    }


def _draw_level_tradeoff(
    table: pd.DataFrame, axes: Sequence[Axes], current: float | None, *, moving: bool = False
) -> dict[str, Any]:
    """Draw the trade-off; return its artists by name (curves, current-level lines, legends).

    With ``moving``, the legend says "your level" without its value (shown by
    the slider and the caption), so the legend does not change when the line moves.
    """
    x = table.index.to_numpy(dtype=float)
    left, right = axes
    series = _tradeoff_series(table)
    drawn: dict[str, Any] = {}
    with course_style():
        mts = strategy_style("MTS")
        (drawn["fill"],) = left.plot(x, series["fill"], color=mts["color"], marker=mts["marker"],
                                     label="orders served from stock")
        left.set_ylim(0, 105)
        left.set_xlabel("Production level (% of forecast)")
        left.set_ylabel("Fill rate (% of orders)")
        left.set_title("Service")
        for column, label, colour, marker, line in _TRADEOFF_CURVES:
            (drawn[column],) = right.plot(x, series[column], color=colour, marker=marker,
                                          linestyle=line, label=label)
        (drawn["total"],) = right.plot(x, series["total"], color=OKABE_ITO[7], marker="o",
                                       linestyle=":", label="total mismatch")
        right.set_ylim(bottom=0)
        right.set_xlabel("Production level (% of forecast)")
        right.set_ylabel("PCs (units)")
        right.set_title("Stock-outs against leftovers")
        places: tuple[Any, Any] = ("lower right", "upper center")
        drawn["current"], drawn["legends"] = [], []
        for ax, where in zip(axes, places, strict=True):
            if current is not None:
                label = "your level" if moving else f"your level ({current:.0f} %)"
                drawn["current"].append(ax.axvline(
                    current, color="grey", linestyle="-.", linewidth=2, label=label))
            drawn["legends"].append(ax.legend(loc=where, fontsize=12))
    return drawn


def plot_level_tradeoff(
    table: pd.DataFrame, axes: Sequence[Axes], current: float | None = None
) -> Sequence[Axes]:
    """Draw the trade-off of a :func:`~ato_lessons.experiments.level_sweep` table on two axes.

    Left: the fill rate (%); right: units short (lost sales), units left over
    and their sum, the total mismatch, which is smallest at the best level.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`~ato_lessons.experiments.level_sweep`.
    axes : sequence of two matplotlib Axes
        Where to draw.
    current : float, optional
        A level (%) to mark with a vertical line.

    Returns
    -------
    sequence of Axes
        ``axes``, drawn on.
    """
    table, checked = _check_tradeoff(table, axes)
    _draw_level_tradeoff(table, checked, current)
    return axes


def _clear_of(legend: Legend, x: float, renderer: Any) -> tuple[float, float]:
    """Vertical extent (axes fraction) of a full-height line at ``x`` that stops at ``legend``.

    The legend is drawn once with the axes; a line drawn over it later would
    cross it, so the line stops where the legend starts (above or below it).
    """
    ax = legend.axes
    box = legend.get_window_extent(renderer).transformed(ax.transAxes.inverted())
    x_axes = ax.transAxes.inverted().transform(ax.transData.transform((x, 0.0)))[0]
    gap = 0.015
    if not box.x0 - gap <= x_axes <= box.x1 + gap:
        return (0.0, 1.0)
    if box.y0 + box.y1 > 1.0:  # a legend in the upper half: the line stops under it
        return (0.0, max(box.y0 - gap, 0.0))
    return (min(box.y1 + gap, 1.0), 1.0)


_SHIFT_OPTIONS: tuple[tuple[str, int | None], ...] = (
    ("no change of taste", None),
    ("tastes change on day 60", 60),
    ("tastes change on day 30", 30),
)


class ProductionRunWidget(LessonWidget):
    """A one-off production run: the level slider against fill rate and leftovers.

    Parameters
    ----------
    scenario : Scenario
        The factory and its forecast.
    season : int, default 90
        Days the production must last.
    offer : int, default 20
        How many of the most popular products are built.
    seed : int, optional
        Seed of the season's orders (default: the class seed).

    Attributes
    ----------
    controls : dict
        ``"level"`` (IntSlider, % of the forecast) and ``"shift"`` (Dropdown:
        the day tastes change, or none).
    live : InPlaceFigure
        Two panels: fill rate, and units short / left over, against the level.
    figures : dict
        The current level's key figures (see
        :func:`~ato_lessons.experiments.run_figures`).

    Notes
    -----
    The sweep over every level is computed for every demand setting when the
    widget is built (three sweeps of 35 short runs); a move then only redraws
    the curves and the vertical line over the rest of the figure, drawn once
    (both panels keep one scale for every demand setting).
    """

    LEVELS: tuple[int, ...] = tuple(range(25, 201, 5))

    def __init__(
        self, scenario: Scenario, season: int = 90, offer: int = 20, seed: int | None = None
    ) -> None:
        self.scenario = check_scenario(scenario)
        self.season = check_int("season", season, minimum=1)
        self.offer = check_int("offer", offer, minimum=1)
        stock_runs.offered_products(self.scenario, self.offer)
        self.seed = class_seed() if seed is None else check_int("seed", seed, minimum=0)
        self._sweeps: dict[int | None, pd.DataFrame] = {}
        for _, shift_day in _SHIFT_OPTIONS:
            self.sweep(shift_day)
        self.live = InPlaceFigure(width=12.0, height=5.0)
        self.figures: dict[str, float] = {}
        self._drawn: dict[str, Any] = {}
        self._shown: int | None | str = "none yet"
        style = {"description_width": "initial"}
        self._watch({
            "level": widgets.IntSlider(
                value=100, min=self.LEVELS[0], max=self.LEVELS[-1], step=5,
                description="Production level (% of forecast)", continuous_update=False,
                style=style, layout=widgets.Layout(width="520px"),
            ),
            "shift": widgets.Dropdown(
                options=list(_SHIFT_OPTIONS), value=None, description="Demand",
                style=style,
            ),
        })

    def sweep(self, shift_day: int | None) -> pd.DataFrame:
        """The level sweep for one demand setting (computed once, then cached)."""
        if shift_day not in self._sweeps:
            self._sweeps[shift_day] = stock_runs.level_sweep(
                self.scenario, [x / 100.0 for x in self.LEVELS], self.season, self.offer,
                shift_day, self.seed,
            )
        return self._sweeps[shift_day]

    def update(self) -> None:
        """Redraw from the current level and demand setting."""
        shift = self.controls["shift"].value
        table = self.sweep(shift)
        level = float(self.controls["level"].value)
        row = table.loc[round(level, 1)].to_dict()
        self.figures = {str(k): float(v) for k, v in row.items()}
        if not self._drawn:
            with course_style():
                axes = self.live.fig.subplots(1, 2)
                self._drawn = _draw_level_tradeoff(table, list(axes), current=level,
                                                   moving=True)
                self.live.fig.tight_layout()
            curves = [self._drawn[n] for n in ("fill", "units short", "units left over", "total")]
            self.live.animate(*self._drawn["current"], *curves)
        series = _tradeoff_series(table)
        if shift != self._shown:
            for name in ("fill", "units short", "units left over", "total"):
                self._drawn[name].set_ydata(series[name])
            # One scale for every demand setting: comparable, and the axes are drawn once.
            most = max(float(t["units short"].add(t["units left over"]).max())
                       for t in self._sweeps.values())
            self.live.fig.axes[1].set_ylim(0, 1.05 * most)
        self._shown = shift
        for line, legend in zip(self._drawn["current"], self._drawn["legends"], strict=True):
            line.set_xdata([level, level])
            line.set_ydata(_clear_of(legend, level, self.live.canvas.get_renderer()))
        f = self.figures
        self.live.render(
            f"<b>Level {fmt_number(level)} %</b>: {fmt_number(f['produced'])} PCs built · "
            f"fill rate {fmt_percent(f['fill rate'])} · "
            f"{fmt_number(f['units short'])} PCs short (lost sales) · "
            f"{fmt_number(f['units left over'])} PCs left over, worth "
            f"{fmt_number(f['leftover value (€)'] / 1000.0)} k€",
        )

    def _views(self) -> list[widgets.Widget]:
        return [self.live.widget]


# ------------------------------------------------------------------------------------------
# Lesson 2: the make-to-order wait
# ------------------------------------------------------------------------------------------
def _lead_times(result: SimulationResult) -> npt.NDArray[np.float64]:
    return result.orders["lead_time"].dropna().to_numpy(dtype=float)


def _histogram(lead: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64],
                                                       npt.NDArray[np.float64]]:
    """Shares (%) of delivered orders per day of wait (40 bins beyond 60 days), and the edges."""
    top = float(lead.max()) if lead.size else 1.0
    edges = (np.arange(-0.5, top + 1.5, 1.0) if top <= 60
             else np.linspace(-0.5, top + 0.5, 41))
    counts, _ = np.histogram(lead, bins=edges)
    shares = 100.0 * counts / max(lead.size, 1)
    return shares.astype(float), edges


class MTOWaitWidget(LessonWidget):
    """How long make-to-order customers wait, against a supplier's lead time and
    the assembly capacity.

    Parameters
    ----------
    scenario : Scenario
        The factory (its MTO run "as today" is drawn for reference).
    orders : pandas.DataFrame
        The orders to build on order.
    supplier : str, default "ChipCo (US)"
        The supplier whose lead time the first slider sets.
    extra_days : int, default 120
        Days simulated after the last order, so that (almost) every order is
        delivered and counted.

    Attributes
    ----------
    controls : dict
        ``"lead_time"`` (IntSlider, days) and ``"capacity"`` (IntSlider, hours
        of assembly per day).
    live : InPlaceFigure
        Lead-time histograms, as today and with the sliders' settings.
    wait : dict
        The current settings' figures (see :func:`~ato_lessons.experiments.mto_wait`).

    Notes
    -----
    Runs are cached per (lead time, capacity): going back to a setting only redraws.
    """

    def __init__(
        self,
        scenario: Scenario,
        orders: pd.DataFrame,
        supplier: str = "ChipCo (US)",
        extra_days: int = 120,
    ) -> None:
        self.scenario = check_scenario(scenario)
        self.orders = check_dataframe("orders", orders, ["day"])
        factory = self.scenario.factory
        supplied = [c for c in factory.catalog.components if c.supplier == supplier]
        if not supplied:
            known = sorted({c.supplier for c in factory.catalog.components})
            raise ValueError(f"supplier(={supplier!r}) supplies no component; known: {known!r}")
        self.supplier = supplier
        extra = check_int("extra_days", extra_days, minimum=0)
        self.horizon = (int(self.orders["day"].max()) + 1 if len(self.orders) else 1) + extra
        capacity = factory.assembly_capacity
        if not math.isfinite(capacity):
            raise ValueError(f"scenario's assembly_capacity(={capacity!r}) must be finite here")
        self.base = simulate(factory, self.orders, "MTO", horizon=self.horizon)
        self._base_wait = waits.mto_wait(self.base)
        self._runs: dict[tuple[int, int], SimulationResult] = {}
        self.live = InPlaceFigure(height=5.0)
        self.result = self.base
        self.wait: dict[str, float] = {}
        self._yours: StepPatch | None = None
        self._yours_mean: Line2D | None = None
        self._top = 0.0
        style = {"description_width": "initial"}
        self._watch({
            "lead_time": widgets.IntSlider(
                value=supplied[0].lead_time, min=7, max=49, step=7,
                description=f"{supplier} lead time (days)", continuous_update=False,
                style=style, layout=widgets.Layout(width="520px"),
            ),
            "capacity": widgets.IntSlider(
                value=int(round(capacity)), min=10, max=30, step=2,
                description="Assembly capacity (hours/day)", continuous_update=False,
                style=style, layout=widgets.Layout(width="520px"),
            ),
        })

    def _run(self, lead_time: int, capacity: int) -> SimulationResult:
        key = (lead_time, capacity)
        if key not in self._runs:
            catalog = self.scenario.catalog.with_lead_times(suppliers={self.supplier: lead_time})
            factory = self.scenario.factory.with_(catalog=catalog,
                                                  assembly_capacity=float(capacity))
            self._runs[key] = simulate(factory, self.orders, "MTO", horizon=self.horizon)
        return self._runs[key]

    def update(self) -> None:
        """Re-run make to order with the sliders' supplier lead time and capacity."""
        self.result = self._run(int(self.controls["lead_time"].value),
                                int(self.controls["capacity"].value))
        self.wait = waits.mto_wait(self.result)
        lead = _lead_times(self.result)
        shares, edges = _histogram(lead)
        if self._yours is None:
            self._build(shares, edges)
        else:
            self._yours.set_data(shares, edges)
        assert self._yours_mean is not None
        if lead.size:
            self._yours_mean.set_xdata([lead.mean()] * 2)
        self._yours_mean.set_visible(bool(lead.size))
        top = max(self._top, float(lead.max()) if lead.size else 0.0)
        self.live.fig.axes[0].set_xlim(-0.5, nice_limit(top + 2.0, 10.0))
        base, w = self._base_wait, self.wait
        text = (
            f"<b>Your settings</b>: mean wait {fmt_number(w['mean'], 1)} days, "
            f"95 % of customers within {fmt_number(w['p95'])} days (as today: "
            f"{fmt_number(base['mean'], 1)} and {fmt_number(base['p95'])} days)"
        )
        if w["waiting"]:
            text += f" · {fmt_number(w['waiting'])} orders still not delivered at the end"
        self.live.render(text)

    def _build(self, shares: npt.NDArray[np.float64], edges: npt.NDArray[np.float64]) -> None:
        lead = _lead_times(self.base)
        self._top = float(lead.max()) if lead.size else 0.0
        base_shares, base_edges = _histogram(lead)
        with course_style():
            ax = self.live.fig.add_subplot()
            styles = [strategy_style("MTO as today", 0), strategy_style("MTO, your settings", 1)]
            artists = []
            for (values, bins), st, name in zip(
                ((base_shares, base_edges), (shares, edges)), styles,
                ("MTO as today", "MTO, your settings"), strict=True,
            ):
                artists.append(ax.stairs(values, bins, fill=True, color=st["color"], alpha=0.55,
                                         hatch=st["hatch"], edgecolor=st["color"], label=name))
            base_mean = lead.mean() if lead.size else 0.0
            ax.axvline(base_mean, color=styles[0]["color"], linestyle=styles[0]["linestyle"],
                       linewidth=2.5)
            self._yours_mean = ax.axvline(base_mean, color=styles[1]["color"],
                                          linestyle=styles[1]["linestyle"], linewidth=2.5)
            ax.set_xlabel("Customer lead time (days)")
            ax.set_ylabel("Share of delivered orders (%)")
            ax.set_title("How long customers wait (vertical lines: the means)")
            legend = ax.legend(title="Strategy", loc="best")
            ax.set_ylim(0, 100)
            self.live.fig.tight_layout()
        self._yours = artists[1]
        # The legend is drawn last, where the histograms leave room ("best").
        self.live.animate(self._yours, self._yours_mean, legend)

    def _views(self) -> list[widgets.Widget]:
        return [self.live.widget]
