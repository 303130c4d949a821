"""Widgets and helpers of lessons 00 (start here), 01 (make to stock) and 02 (make to order).

Every widget follows the course's protocol: ``.controls`` (name -> ipywidgets
control), ``.widget`` (the box to display) and ``.update()`` (redraw from the
controls' current values; called once when the widget is built and whenever a
control moves). Pictures are drawn by :class:`~ato_lessons.widgets.LiveFigure`.

* :class:`OrdersWidget` (lesson 0): the PC maker's orders per day over a month,
  against the mean number of orders per day and the day-to-day variability.
* :class:`ProductionRunWidget` (lesson 1): a one-off production run of the
  most popular PCs for a season; the production level trades stock-outs
  against leftovers. Helpers: :func:`season_orders`, :func:`one_off_targets`,
  :func:`production_run`, :func:`level_sweep`, :func:`plot_level_tradeoff`.
* :class:`MTOWaitWidget` (lesson 2): how long a make-to-order customer waits,
  against a supplier's lead time and the assembly capacity. Helpers:
  :func:`with_lead_times`, :func:`with_supplier_lead_time`, :func:`mto_wait`.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> faster = with_supplier_lead_time(pc.factory, "ChipCo (US)", 14)
>>> faster.catalog.component("CPU-5").lead_time, pc.catalog.component("CPU-5").lead_time
(14, 28)
>>> faster.catalog.supply_lead_time(pc.catalog.product_names[0])   # now the graphics card rules
21
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..course import class_seed
from ..factory import Factory, SimulationResult, simulate
from ..instances import Scenario
from ..plots import OKABE_ITO, course_style, plot_daily_orders, plot_lead_times, strategy_style
from ..policies import daily_demand
from ..validation import check_int, check_name, check_real
from . import LiveFigure, check_scenario

__all__ = [
    "OrdersWidget",
    "ProductionRunWidget",
    "MTOWaitWidget",
    "season_orders",
    "one_off_targets",
    "production_run",
    "run_figures",
    "level_sweep",
    "plot_level_tradeoff",
    "with_lead_times",
    "with_supplier_lead_time",
    "mto_wait",
]


def _check_orders(orders: Any) -> pd.DataFrame:
    if not isinstance(orders, pd.DataFrame) or "day" not in orders.columns:
        raise TypeError(
            f"orders(={type(orders).__name__}) must be a DataFrame of orders with a 'day' column"
        )
    return orders


# ------------------------------------------------------------------------------------------
# Lesson 0: orders per day
# ------------------------------------------------------------------------------------------
class OrdersWidget:
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
    live : LiveFigure
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
        self.controls: dict[str, Any] = {
            "orders_per_day": widgets.IntSlider(
                value=int(round(demand.orders_per_day)), min=2, max=30, step=1,
                description="Orders per day (mean)", continuous_update=False, style=style,
            ),
            "variability": widgets.FloatSlider(
                value=round(demand.variability, 1), min=0.0, max=1.0, step=0.1,
                description="Day-to-day variability", continuous_update=False, style=style,
                readout_format=".1f",
            ),
        }
        self.live = LiveFigure(self._draw, height=4.5)
        self.orders = pd.DataFrame()
        for control in self.controls.values():
            control.observe(lambda change: self.update(), names="value")
        self.update()

    def update(self) -> None:
        """Draw a new month of orders from the sliders' values."""
        demand = self.scenario.demand.with_(
            orders_per_day=float(self.controls["orders_per_day"].value),
            variability=float(self.controls["variability"].value),
        )
        self.orders = self.scenario.orders(horizon=self.horizon, seed=self.seed, demand=demand)
        self.live.update()

    def _draw(self, fig: Figure) -> str:
        ax = fig.add_subplot()
        plot_daily_orders(self.orders, horizon=self.horizon, ax=ax)
        counts = np.bincount(self.orders["day"].to_numpy(dtype=np.int64), minlength=self.horizon)
        ax.set_xlabel("Day of the month")
        ax.set_ylabel("Orders received per day")
        ax.set_ylim(0, max(40, int(counts.max()) + 5))
        return (
            f"<b>{len(self.orders)} orders</b> in {self.horizon} days · "
            f"busiest day {int(counts.max())} · quietest day {int(counts.min())}"
        )

    @property
    def widget(self) -> widgets.VBox:
        """Sliders above the picture."""
        return widgets.VBox([*self.controls.values(), self.live.widget])


# ------------------------------------------------------------------------------------------
# Lesson 1: a one-off production run (make to stock)
# ------------------------------------------------------------------------------------------
def _offered(scenario: Scenario, offer: int) -> list[str]:
    k = check_int("offer", offer, minimum=1)
    names = scenario.catalog.product_names
    if k > len(names):
        raise ValueError(f"offer(={offer!r}) must be at most the {len(names)} products")
    return list(names[:k])


def season_orders(
    scenario: Scenario,
    season: int = 90,
    offer: int = 20,
    shift_day: int | None = None,
    seed: int | None = None,
) -> pd.DataFrame:
    """The season's orders for the ``offer`` most popular products only.

    Parameters
    ----------
    scenario : Scenario
        The factory and its usual demand.
    season : int, default 90
        Days in the season (>= 1).
    offer : int, default 20
        How many of the most popular products are built ahead and offered.
    shift_day : int or None
        Day from which tastes change (see :class:`~ato_lessons.demand.DemandModel`).
    seed : int, optional
        Seed of the order stream (default: the class seed).

    Returns
    -------
    pandas.DataFrame
        The orders for the offered products (the others are not on sale).
    """
    scenario = check_scenario(scenario)
    days = check_int("season", season, minimum=1)
    names = set(_offered(scenario, offer))
    demand = scenario.demand.with_(shift_day=shift_day)
    orders = scenario.orders(horizon=days, seed=seed, demand=demand)
    return orders[orders["product"].isin(names)].reset_index(drop=True)


def one_off_targets(
    scenario: Scenario, level: float, season: int = 90, offer: int = 20
) -> dict[str, int]:
    """Units to build once, before the season: ``level`` times the forecast.

    The forecast of a product is its mean daily demand (from the scenario's
    usual demand, :func:`~ato_lessons.policies.daily_demand`) times the season's
    days; the production level scales it (1.0 = build exactly the forecast).

    Parameters
    ----------
    scenario : Scenario
        The factory and its forecast.
    level : float
        Production level as a multiple of the forecast (>= 0).
    season : int, default 90
        Days the production must last.
    offer : int, default 20
        How many of the most popular products are built.

    Examples
    --------
    >>> from ato_lessons.instances import load_instance
    >>> pc = load_instance("pc_maker")
    >>> sum(one_off_targets(pc, 1.0, season=90, offer=20).values())
    624
    """
    scenario = check_scenario(scenario)
    factor = check_real("level", level, minimum=0.0)
    days = check_int("season", season, minimum=1)
    names = _offered(scenario, offer)
    mean = daily_demand(scenario.factory, scenario.demand, "MTS")["mean"]
    return {name: int(math.floor(factor * float(mean[name]) * days + 0.5)) for name in names}


def production_run(
    scenario: Scenario, orders: pd.DataFrame, targets: Mapping[str, int], season: int = 90
) -> SimulationResult:
    """Build ``targets`` once on day 0, then sell from that stock for the season.

    Nothing is rebuilt (``replenish=False``) and a customer who finds the shelf
    empty goes elsewhere (``backorder=False``): a one-off production run.
    """
    scenario = check_scenario(scenario)
    return simulate(
        scenario.factory, _check_orders(orders), "MTS", dict(targets),
        horizon=check_int("season", season, minimum=1), backorder=False, replenish=False,
    )


def run_figures(result: SimulationResult) -> dict[str, float]:
    """Key figures of a production run.

    Returns
    -------
    dict
        ``produced`` (units built at the start), ``fill rate`` (share of orders
        served from the shelf), ``units short`` (units asked for but not
        available: lost sales), ``units left over`` (on the shelf at the end),
        ``leftover value (€)`` and ``avg inventory value (€)``.
    """
    if not isinstance(result, SimulationResult):
        raise TypeError(f"result(={type(result).__name__}) must be a SimulationResult")
    o = result.orders
    lost = o["status"] == "lost"
    inv = result.inventory
    return {
        "produced": float(result.flows["start"].sum()) if len(result.flows) else 0.0,
        "fill rate": float(o["from_stock"].mean()) if len(o) else float("nan"),
        "units short": float(o.loc[lost, "quantity"].sum()),
        "units left over": float(result.flows["end"].sum()) if len(result.flows) else 0.0,
        "leftover value (€)": float(inv["total_value"].iloc[-1]),
        "avg inventory value (€)": float(inv["total_value"].mean()),
    }


def level_sweep(
    scenario: Scenario,
    levels: Sequence[float],
    season: int = 90,
    offer: int = 20,
    shift_day: int | None = None,
    seed: int | None = None,
) -> pd.DataFrame:
    """Run the one-off production at several levels on the same orders.

    Parameters
    ----------
    scenario : Scenario
        The factory and its forecast.
    levels : sequence of float
        Production levels (multiples of the forecast, >= 0), at least one.
    season, offer, shift_day, seed
        As in :func:`season_orders`.

    Returns
    -------
    pandas.DataFrame
        Index ``level (% of forecast)``; columns as in :func:`run_figures`.
    """
    scenario = check_scenario(scenario)
    values = [check_real("levels item", x, minimum=0.0) for x in levels]
    if not values:
        raise ValueError("levels(=[]) must hold at least one production level")
    orders = season_orders(scenario, season, offer, shift_day, seed)
    rows = {}
    for level in values:
        targets = one_off_targets(scenario, level, season, offer)
        rows[round(100.0 * level, 1)] = run_figures(
            production_run(scenario, orders, targets, season)
        )
    table = pd.DataFrame(rows).T
    table.index.name = "level (% of forecast)"
    return table


def plot_level_tradeoff(
    table: pd.DataFrame, axes: Sequence[Axes], current: float | None = None
) -> Sequence[Axes]:
    """Draw the trade-off of a :func:`level_sweep` table on two axes.

    Left: the fill rate (%); right: units short (lost sales), units left over
    and their sum, the total mismatch, which is smallest at the best level.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`level_sweep`.
    axes : sequence of two matplotlib Axes
        Where to draw.
    current : float, optional
        A level (%) to mark with a vertical line.
    """
    if not isinstance(table, pd.DataFrame) or "fill rate" not in table.columns:
        raise TypeError("table must be a DataFrame from level_sweep()")
    if len(axes) != 2 or not all(isinstance(a, Axes) for a in axes):
        raise TypeError(f"axes(={axes!r}) must be two matplotlib Axes")
    x = table.index.to_numpy(dtype=float)
    left, right = axes
    with course_style():
        mts = strategy_style("MTS")
        left.plot(x, 100.0 * table["fill rate"], color=mts["color"], marker=mts["marker"],
                  label="orders served from stock")
        left.set_ylim(0, 105)
        left.set_xlabel("Production level (% of forecast)")
        left.set_ylabel("Fill rate (% of orders)")
        left.set_title("Service")
        curves = (
            ("units short", "short: lost sales", OKABE_ITO[1], "v", "--"),
            ("units left over", "left over at the end", OKABE_ITO[0], "^", "-"),
        )
        for column, label, colour, marker, line in curves:
            right.plot(x, table[column], color=colour, marker=marker, linestyle=line, label=label)
        total = table["units short"] + table["units left over"]
        right.plot(x, total, color=OKABE_ITO[7], marker="o", linestyle=":",
                   label="total mismatch")
        right.set_ylim(bottom=0)
        right.set_xlabel("Production level (% of forecast)")
        right.set_ylabel("PCs (units)")
        right.set_title("Stock-outs against leftovers")
        places: tuple[Any, Any] = ("lower right", "upper center")
        for ax, where in zip(axes, places, strict=True):
            if current is not None:
                ax.axvline(current, color="grey", linestyle="-.", linewidth=2,
                           label=f"your level ({current:.0f} %)")
            ax.legend(loc=where, fontsize=12)
    return axes


_SHIFT_OPTIONS: tuple[tuple[str, int | None], ...] = (
    ("no change of taste", None),
    ("tastes change on day 60", 60),
    ("tastes change on day 30", 30),
)


class ProductionRunWidget:
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
    live : LiveFigure
        Two panels: fill rate, and units short / left over, against the level.
    figures : dict
        The current level's key figures (see :func:`run_figures`).
    """

    LEVELS: tuple[int, ...] = tuple(range(25, 201, 5))

    def __init__(
        self, scenario: Scenario, season: int = 90, offer: int = 20, seed: int | None = None
    ) -> None:
        self.scenario = check_scenario(scenario)
        self.season = check_int("season", season, minimum=1)
        self.offer = check_int("offer", offer, minimum=1)
        _offered(self.scenario, self.offer)
        self.seed = class_seed() if seed is None else check_int("seed", seed, minimum=0)
        self._sweeps: dict[int | None, pd.DataFrame] = {}
        style = {"description_width": "initial"}
        self.controls: dict[str, Any] = {
            "level": widgets.IntSlider(
                value=100, min=self.LEVELS[0], max=self.LEVELS[-1], step=5,
                description="Production level (% of forecast)", continuous_update=False,
                style=style, layout=widgets.Layout(width="520px"),
            ),
            "shift": widgets.Dropdown(
                options=list(_SHIFT_OPTIONS), value=None, description="Demand",
                style=style,
            ),
        }
        self.live = LiveFigure(self._draw, width=12.0, height=5.0)
        self.figures: dict[str, float] = {}
        for control in self.controls.values():
            control.observe(lambda change: self.update(), names="value")
        self.update()

    def sweep(self, shift_day: int | None) -> pd.DataFrame:
        """The level sweep for one demand setting (computed once, then cached)."""
        if shift_day not in self._sweeps:
            self._sweeps[shift_day] = level_sweep(
                self.scenario, [x / 100.0 for x in self.LEVELS], self.season, self.offer,
                shift_day, self.seed,
            )
        return self._sweeps[shift_day]

    def update(self) -> None:
        """Redraw from the current level and demand setting."""
        table = self.sweep(self.controls["shift"].value)
        level = float(self.controls["level"].value)
        row = table.loc[round(level, 1)].to_dict()
        self.figures = {str(k): float(v) for k, v in row.items()}
        self.live.update(table=table, level=level)

    def _draw(self, fig: Figure, table: pd.DataFrame, level: float) -> str:
        axes = fig.subplots(1, 2)
        plot_level_tradeoff(table, list(axes), current=level)
        fig.tight_layout()
        f = self.figures
        value = f["leftover value (€)"] / 1000.0
        return (
            f"<b>Level {level:.0f} %</b>: {f['produced']:.0f} PCs built · "
            f"fill rate {f['fill rate']:.0%} · {f['units short']:.0f} PCs short (lost sales) · "
            f"{f['units left over']:.0f} PCs left over, worth {value:,.0f} k€"
        )

    @property
    def widget(self) -> widgets.VBox:
        """Controls above the picture."""
        return widgets.VBox([*self.controls.values(), self.live.widget])


# ------------------------------------------------------------------------------------------
# Lesson 2: the make-to-order wait
# ------------------------------------------------------------------------------------------
def with_lead_times(factory: Factory, lead_times: Mapping[str, int]) -> Factory:
    """A copy of ``factory`` whose named components have new supplier lead times.

    Components and catalogs are frozen: :meth:`Catalog.with_lead_times` copies them.

    Parameters
    ----------
    factory : Factory
        The factory to copy.
    lead_times : Mapping[str, int]
        Component name -> new lead time in days (>= 0).
    """
    if not isinstance(factory, Factory):
        raise TypeError(f"factory(={factory!r}) must be a Factory")
    return factory.with_(catalog=factory.catalog.with_lead_times(lead_times))


def with_supplier_lead_time(factory: Factory, supplier: str, lead_time: int) -> Factory:
    """A copy of ``factory`` where every component of ``supplier`` takes ``lead_time`` days."""
    if not isinstance(factory, Factory):
        raise TypeError(f"factory(={factory!r}) must be a Factory")
    check_name("supplier", supplier)
    names = [c.name for c in factory.catalog.components if c.supplier == supplier]
    if not names:
        known = sorted({c.supplier for c in factory.catalog.components})
        raise ValueError(f"supplier(={supplier!r}) supplies no component; known: {known!r}")
    days = check_int("lead_time", lead_time, minimum=0)
    return with_lead_times(factory, dict.fromkeys(names, days))


def mto_wait(result: SimulationResult) -> dict[str, float]:
    """Mean and 95th percentile of the customer's wait (days), and orders still waiting."""
    if not isinstance(result, SimulationResult):
        raise TypeError(f"result(={type(result).__name__}) must be a SimulationResult")
    lead = result.orders["lead_time"].dropna().to_numpy(dtype=float)
    return {
        "mean": float(lead.mean()) if lead.size else float("nan"),
        "p95": float(np.percentile(lead, 95)) if lead.size else float("nan"),
        "waiting": float((result.orders["status"] == "waiting").sum()),
    }


class MTOWaitWidget:
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
    live : LiveFigure
        Lead-time histograms, as today and with the sliders' settings.
    wait : dict
        The current settings' figures (see :func:`mto_wait`).
    """

    def __init__(
        self,
        scenario: Scenario,
        orders: pd.DataFrame,
        supplier: str = "ChipCo (US)",
        extra_days: int = 120,
    ) -> None:
        self.scenario = check_scenario(scenario)
        self.orders = _check_orders(orders)
        factory = self.scenario.factory
        supplied = [c for c in factory.catalog.components if c.supplier == supplier]
        if not supplied:
            with_supplier_lead_time(factory, supplier, 0)  # raises with the known suppliers
        self.supplier = supplier
        extra = check_int("extra_days", extra_days, minimum=0)
        self.horizon = (int(self.orders["day"].max()) + 1 if len(self.orders) else 1) + extra
        capacity = factory.assembly_capacity
        if not math.isfinite(capacity):
            raise ValueError(f"scenario's assembly_capacity(={capacity!r}) must be finite here")
        self.base = simulate(factory, self.orders, "MTO", horizon=self.horizon)
        style = {"description_width": "initial"}
        self.controls: dict[str, Any] = {
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
        }
        self.live = LiveFigure(self._draw, height=5.0)
        self.result = self.base
        self.wait: dict[str, float] = {}
        for control in self.controls.values():
            control.observe(lambda change: self.update(), names="value")
        self.update()

    def update(self) -> None:
        """Re-run make to order with the sliders' supplier lead time and capacity."""
        factory = with_supplier_lead_time(
            self.scenario.factory, self.supplier, int(self.controls["lead_time"].value)
        ).with_(assembly_capacity=float(self.controls["capacity"].value))
        self.result = simulate(factory, self.orders, "MTO", horizon=self.horizon)
        self.wait = mto_wait(self.result)
        self.live.update()

    def _draw(self, fig: Figure) -> str:
        ax = fig.add_subplot()
        plot_lead_times({"MTO as today": self.base, "MTO, your settings": self.result}, ax=ax)
        ax.set_xlim(left=-0.5)
        base = mto_wait(self.base)
        w = self.wait
        text = (
            f"<b>Your settings</b>: mean wait {w['mean']:.1f} days, 95 % of customers within "
            f"{w['p95']:.0f} days (as today: {base['mean']:.1f} and {base['p95']:.0f} days)"
        )
        if w["waiting"]:
            text += f" · {w['waiting']:.0f} orders still not delivered at the end"
        return text

    @property
    def widget(self) -> widgets.VBox:
        """Sliders above the picture."""
        return widgets.VBox([*self.controls.values(), self.live.widget])
