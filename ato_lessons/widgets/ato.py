"""Widgets for lesson 03 (assemble to order) and lesson 04 (the PC maker).

Three panels, all following the course's widget protocol (``.controls``,
``.widget``, ``.update()``):

* :class:`TradeoffExplorer` — component service level and supplier speed →
  where ATO lands between MTS and MTO (lead time vs inventory value).
* :class:`Configurator` — pick one option per category: cost, assembly,
  popularity, promised lead times and whether the parts are on the shelf.
* :class:`ShortageExplorer` — cut one component's target stock and watch the
  orders that need it wait while the others flow.

The plain functions behind them (:func:`scale_lead_times`,
:func:`configuration_facts`, :func:`lead_time_split`) can be used without a
browser, e.g. in tests.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> facts = configuration_facts(pc, {"processor": "CPU-9"})
>>> facts["name"]
'Case/MB-office/CPU-9/GPU-basic/MON-24/KB-std'
>>> facts["material cost"], facts["assembly hours"], facts["quoted lead time"]["MTO"]
(910.0, 0.95, 36)
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..catalog import Catalog
from ..factory import SimulationResult, simulate
from ..instances import Scenario
from ..plots import OKABE_ITO, plot_item_stock, strategy_style
from ..policies import suggest_targets
from . import LiveFigure, check_scenario

__all__ = [
    "scale_lead_times",
    "configuration_facts",
    "lead_time_split",
    "TradeoffExplorer",
    "Configurator",
    "ShortageExplorer",
]


# ----------------------------------------------------------------------------------------
# Input checks
# ----------------------------------------------------------------------------------------
def _check_orders(orders: Any, name: str = "orders") -> pd.DataFrame:
    if not isinstance(orders, pd.DataFrame) or "day" not in orders.columns:
        raise TypeError(f"{name}(={type(orders).__name__}) must be a DataFrame of orders")
    return orders


def _check_horizon(horizon: Any) -> int:
    if isinstance(horizon, bool) or not isinstance(horizon, int | np.integer) or horizon < 1:
        raise ValueError(f"horizon(={horizon!r}) must be a whole number of days >= 1")
    return int(horizon)


def _check_level(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1:
        raise ValueError(f"{name}(={value!r}) must be a number strictly between 0 and 1")
    return float(value)


# ----------------------------------------------------------------------------------------
# Plain functions
# ----------------------------------------------------------------------------------------
def scale_lead_times(scenario: Scenario, factor: float) -> Scenario:
    """The same scenario with every supplier lead time multiplied by ``factor``.

    Lead times are rounded to whole days. ``factor = 2`` is a slower world
    (slow ships, distant suppliers); ``0.5`` a faster one.

    Parameters
    ----------
    scenario : Scenario
        E.g. ``load_instance("pc_maker")``.
    factor : float
        Multiplier (> 0).

    Examples
    --------
    >>> from ato_lessons.instances import load_instance
    >>> pc = load_instance("pc_maker")
    >>> scale_lead_times(pc, 2.0).catalog.component("CPU-9").lead_time
    70
    """
    scenario = check_scenario(scenario)
    if isinstance(factor, bool) or not isinstance(factor, int | float) or not factor > 0:
        raise ValueError(f"factor(={factor!r}) must be a number > 0")
    catalog = scenario.catalog.with_lead_times(scale=float(factor))
    return scenario.with_(factory=scenario.factory.with_(catalog=catalog))


def _product_of(catalog: Catalog, choice: Mapping[str, str]) -> str:
    """Name of the product using, in every category, the chosen option (default: the first)."""
    if not isinstance(choice, Mapping):
        raise TypeError(f"choice(={choice!r}) must be a mapping category -> component name")
    for category, name in choice.items():
        names = [c.name for c in catalog.options(category)]
        if name not in names:
            raise ValueError(f"choice[{category!r}](={name!r}) must be one of {names!r}")
    picked = {
        choice.get(cat, catalog.options(cat)[0].name) for cat in catalog.categories
    }
    for product in catalog.products:
        if set(product.bom) == picked:
            return product.name
    raise ValueError(f"choice(={dict(choice)!r}) matches no product of the catalog")


def configuration_facts(
    scenario: Scenario,
    choice: Mapping[str, str],
    result: SimulationResult | None = None,
    day: int | None = None,
    mts_offer: int | None = None,
) -> dict[str, Any]:
    """Everything the configurator shows about one configuration.

    Parameters
    ----------
    scenario : Scenario
        The factory and its usual demand.
    choice : Mapping[str, str]
        Category -> chosen component; categories left out take their first
        (most popular) option.
    result : SimulationResult, optional
        An ATO run: with ``day``, tells whether every component was on the shelf.
    day : int, optional
        Day of the run to look at (end of day stock); default the last day.
    mts_offer : int, optional
        Under MTS only the ``mts_offer`` most popular products are stocked
        (default: all of them).

    Returns
    -------
    dict
        ``name``, ``rank`` (1 = most popular), ``share`` (of demand),
        ``material cost``, ``assembly hours``, ``assembly cost``, ``total cost``
        (€), ``quoted lead time`` (strategy -> days, ``None`` if MTS does not
        stock it), ``shelf`` (component -> units on the shelf, or ``None``)
        and ``in stock`` (bool or ``None``).
    """
    scenario = check_scenario(scenario)
    catalog = scenario.catalog
    name = _product_of(catalog, choice)
    rank = catalog.product_names.index(name) + 1
    share = float(scenario.demand.probabilities(catalog.n_configurations)[rank - 1])
    hours = catalog.assembly_hours(name)
    material = catalog.material_cost(name)
    labour = hours * scenario.factory.labour_rate
    if mts_offer is not None and (isinstance(mts_offer, bool) or not isinstance(mts_offer, int)
                                  or mts_offer < 1):
        raise ValueError(f"mts_offer(={mts_offer!r}) must be a whole number >= 1 or None")
    stocked = mts_offer is None or rank <= mts_offer
    quoted: dict[str, int | None] = {
        "MTS": scenario.factory.quoted_lead_time("MTS", name) if stocked else None,
        "MTO": scenario.factory.quoted_lead_time("MTO", name),
        "ATO": scenario.factory.quoted_lead_time("ATO", name),
    }
    shelf: dict[str, int] | None = None
    in_stock: bool | None = None
    if result is not None:
        if not isinstance(result, SimulationResult) or result.strategy != "ATO":
            raise TypeError(f"result(={result!r}) must be the SimulationResult of an ATO run")
        last = len(result.stock) - 1
        when = last if day is None else day
        if isinstance(when, bool) or not isinstance(when, int | np.integer) or not (
            0 <= when <= last
        ):
            raise ValueError(f"day(={day!r}) must be a whole number between 0 and {last}")
        bom = catalog.product(name).bom
        row = result.stock.iloc[int(when)]
        shelf = {c: int(row[c]) for c in bom}
        in_stock = all(shelf[c] >= q for c, q in bom.items())
    return {
        "name": name,
        "rank": rank,
        "share": share,
        "material cost": material,
        "assembly hours": hours,
        "assembly cost": labour,
        "total cost": material + labour,
        "quoted lead time": quoted,
        "shelf": shelf,
        "in stock": in_stock,
    }


def lead_time_split(result: SimulationResult, component: str) -> dict[str, float]:
    """Mean lead time (days) of delivered orders that need ``component`` and of the others.

    Also the number of orders in each group and how many of them were still
    waiting at the end.

    Returns
    -------
    dict
        ``needing``, ``others`` (mean lead time, NaN if none delivered),
        ``n needing``, ``n others``, ``waiting needing``, ``waiting others``.
    """
    if not isinstance(result, SimulationResult):
        raise TypeError(f"result(={type(result).__name__}) must be a SimulationResult")
    catalog = result.factory.catalog
    catalog.component(component)
    users = {p.name for p in catalog.products if component in p.bom}
    o = result.orders
    need = o["product"].isin(users).to_numpy()
    lead = o["lead_time"].to_numpy(dtype=float, na_value=np.nan)
    waiting = (o["status"] == "waiting").to_numpy()

    def mean(mask: np.ndarray) -> float:
        x = lead[mask]
        x = x[~np.isnan(x)]
        return float(x.mean()) if x.size else float("nan")

    return {
        "needing": mean(need),
        "others": mean(~need),
        "n needing": float(need.sum()),
        "n others": float((~need).sum()),
        "waiting needing": float((waiting & need).sum()),
        "waiting others": float((waiting & ~need).sum()),
    }


def _money(x: float, decimals: int = 0) -> str:
    """An amount in euros, grouped like the lessons' prose: ``58,507 €``."""
    return f"{x:,.{decimals}f} €"


# ----------------------------------------------------------------------------------------
# Lesson 03: where ATO lands between MTS and MTO
# ----------------------------------------------------------------------------------------
class TradeoffExplorer:
    """Component service level and supplier speed → ATO's lead time and inventory.

    MTS (every configuration stocked) and MTO are computed once on the same
    orders with today's suppliers; the ATO point moves with the controls.

    Parameters
    ----------
    scenario : Scenario
        E.g. ``load_instance("pc_maker")``.
    horizon : int, default 180
        Days simulated (a shorter run keeps the widget quick).
    seed : int, optional
        Seed of the orders (default: the class seed).
    """

    def __init__(self, scenario: Scenario, horizon: int = 180, seed: int | None = None) -> None:
        self.scenario = check_scenario(scenario)
        self.horizon = _check_horizon(horizon)
        self.orders = scenario.orders(horizon=self.horizon, seed=seed)
        ref = {
            s: scenario.run(s, self.orders, horizon=self.horizon).summary() for s in ("MTS", "MTO")
        }
        self.reference = {
            s: (float(v["mean lead time (days)"]), float(v["avg inventory value (€)"]))
            for s, v in ref.items()
        }
        self._worlds: dict[float, Scenario] = {1.0: scenario}
        base = self._run(0.95, 1.0).summary()
        self.baseline = (
            float(base["mean lead time (days)"]), float(base["avg inventory value (€)"])
        )
        self.controls: dict[str, Any] = {
            "service_level": widgets.FloatSlider(
                value=0.95, min=0.50, max=0.99, step=0.01, readout_format=".2f",
                description="Component service level", continuous_update=False,
                style={"description_width": "initial"}, layout=widgets.Layout(width="520px"),
            ),
            "lead_time_factor": widgets.FloatSlider(
                value=1.0, min=0.5, max=2.0, step=0.25, readout_format=".2f",
                description="Supplier lead times ×", continuous_update=False,
                style={"description_width": "initial"}, layout=widgets.Layout(width="520px"),
            ),
        }
        self.figure = LiveFigure(self._draw, width=9.0, height=5.0)
        self.last: pd.Series | None = None
        for control in self.controls.values():
            control.observe(lambda change: self.update(), names="value")
        self.update()

    def _world(self, factor: float) -> Scenario:
        key = round(float(factor), 4)
        if key not in self._worlds:
            self._worlds[key] = scale_lead_times(self.scenario, key)
        return self._worlds[key]

    def _run(self, level: float, factor: float) -> SimulationResult:
        world = self._world(factor)
        targets = suggest_targets(world.factory, world.demand, "ATO", _check_level(
            "service_level", level))
        return simulate(world.factory, self.orders, "ATO", targets, horizon=self.horizon)

    def update(self) -> None:
        """Re-run ATO with the controls' values and redraw."""
        level = float(self.controls["service_level"].value)
        factor = float(self.controls["lead_time_factor"].value)
        result = self._run(level, factor)
        self.last = result.summary()
        targets_units = sum(result.targets.values())
        self.figure.update(summary=self.last, level=level, factor=factor,
                           units=targets_units)

    def _draw(self, fig: Figure, summary: pd.Series, level: float, factor: float,
              units: int) -> str:
        ax = fig.add_subplot()
        for s, (lead, value) in self.reference.items():
            st = strategy_style(s)
            ax.scatter([lead], [value / 1000], s=160, color=st["color"], marker=st["marker"],
                       label=f"{s} (today's suppliers)", zorder=3)
        lead0, value0 = self.baseline
        st = strategy_style("ATO")
        ax.scatter([lead0], [value0 / 1000], s=160, facecolors="none", edgecolors=st["color"],
                   marker=st["marker"], linewidths=2, label="ATO at 95 %, today's suppliers",
                   zorder=3)
        lead = float(summary["mean lead time (days)"])
        value = float(summary["avg inventory value (€)"])
        ax.scatter([lead], [value / 1000], s=260, color=st["color"], marker=st["marker"],
                   edgecolors="black", label="ATO with your settings", zorder=4)
        zoom = ax.inset_axes((0.22, 0.16, 0.34, 0.4))
        zoom.scatter([lead0], [value0 / 1000], s=110, facecolors="none", edgecolors=st["color"],
                     marker=st["marker"], linewidths=2)
        zoom.scatter([lead], [value / 1000], s=170, color=st["color"], marker=st["marker"],
                     edgecolors="black")
        zoom.set_xlim(0, max(4.0, lead * 1.25))
        zoom.set_ylim(0, max(150.0, value / 1000 * 1.25))
        zoom.set_title("zoom on ATO", fontsize=14)
        zoom.set_xlabel("days", fontsize=13)
        zoom.set_ylabel("k€", fontsize=13)
        zoom.tick_params(labelsize=12)
        top = max(v for _, v in self.reference.values()) / 1000
        ax.set_xlim(-1, max(32.0, lead + 3))
        ax.set_ylim(-top * 0.05, top * 1.15)
        ax.set_xlabel("Mean customer lead time (days)")
        ax.set_ylabel("Average inventory value (thousand €)")
        ax.set_title(f"ATO: service level {level:.2f}, supplier lead times ×{factor:.2f}")
        ax.legend(loc="upper right", fontsize=12)
        return (
            f"<b>ATO</b> over {self.horizon} days: fill rate <b>{summary['fill rate']:.1%}</b>, "
            f"mean lead time <b>{lead:.2f} days</b>, average inventory "
            f"<b>{_money(value)}</b>, target stock {units:,} component units."
        )

    @property
    def widget(self) -> widgets.VBox:
        """The controls above the figure and its caption."""
        return widgets.VBox([*self.controls.values(), self.figure.widget])


# ----------------------------------------------------------------------------------------
# Lesson 04: the configurator
# ----------------------------------------------------------------------------------------
class Configurator:
    """Choose a PC option by option and see what it costs and how fast it ships.

    Parameters
    ----------
    scenario : Scenario
        E.g. ``load_instance("pc_maker")``.
    result : SimulationResult, optional
        An ATO run of the scenario (default: the usual orders over ``horizon``
        days, usual targets). The day slider looks at its shelves.
    horizon : int, default 180
        Days simulated when ``result`` is not given.
    mts_offer : int, optional
        Under MTS, only that many of the most popular configurations are stocked.
    """

    def __init__(
        self,
        scenario: Scenario,
        result: SimulationResult | None = None,
        horizon: int = 180,
        mts_offer: int | None = None,
    ) -> None:
        self.scenario = check_scenario(scenario)
        if result is None:
            h = _check_horizon(horizon)
            result = scenario.run("ATO", scenario.orders(horizon=h), horizon=h)
        if not isinstance(result, SimulationResult) or result.strategy != "ATO":
            raise TypeError(f"result(={result!r}) must be the SimulationResult of an ATO run")
        self.result = result
        self.mts_offer = mts_offer
        catalog = scenario.catalog
        self.fixed = [c for c in catalog.categories if len(catalog.options(c)) == 1]
        self.controls: dict[str, Any] = {
            category: widgets.Dropdown(
                options=[c.name for c in catalog.options(category)],
                description=category.capitalize(), style={"description_width": "110px"},
                layout=widgets.Layout(width="300px"),
            )
            for category in catalog.categories if category not in self.fixed
        }
        last = len(result.stock) - 1
        self.controls["day"] = widgets.IntSlider(
            value=last // 2, min=0, max=last, step=1, description="Shelves on day",
            continuous_update=False, style={"description_width": "110px"},
            layout=widgets.Layout(width="520px"),
        )
        self.text = widgets.HTML()
        self.figure = LiveFigure(self._draw, width=9.0, height=3.8)
        self.facts: dict[str, Any] = {}
        for control in self.controls.values():
            control.observe(lambda change: self.update(), names="value")
        self.update()

    def choice(self) -> dict[str, str]:
        """The chosen option per category (from the dropdowns)."""
        return {k: str(v.value) for k, v in self.controls.items() if k != "day"}

    def update(self) -> None:
        """Recompute the facts for the chosen configuration and day."""
        day = int(self.controls["day"].value)
        self.facts = configuration_facts(self.scenario, self.choice(), self.result, day,
                                         self.mts_offer)
        self.text.value = self._html(self.facts, day)
        self.figure.update(facts=self.facts, day=day)

    def _html(self, f: dict[str, Any], day: int) -> str:
        q = f["quoted lead time"]
        mts = "not stocked (lost sale)" if q["MTS"] is None else f"{q['MTS']} days"
        fixed = ", ".join(self.scenario.catalog.options(c)[0].name for c in self.fixed)
        bom = self.scenario.catalog.product(f["name"]).bom
        missing = [c for c, n in f["shelf"].items() if n < bom[c]]
        shelf = " · ".join(
            f"<b style='color:#D55E00'>{html.escape(c)} {n}</b>" if c in missing
            else f"{html.escape(c)} {n}"
            for c, n in f["shelf"].items()
        )
        verdict = (
            "<span style='color:#009E73'><b>✓ all parts on the shelf</b></span>: "
            "an order would go straight to assembly"
            if f["in stock"]
            else f"<span style='color:#D55E00'><b>✗ missing: {html.escape(', '.join(missing))}"
            "</b></span>: an order would wait for the supplier"
        )
        rows = [
            ("Configuration", f"<code>{html.escape(f['name'])}</code>"
             + (f" (always: {html.escape(fixed)})" if fixed else "")),
            ("Popularity", f"rank {f['rank']} of {self.scenario.catalog.n_configurations}, "
             f"{f['share']:.2%} of orders"),
            ("Material cost", _money(f["material cost"])),
            ("Assembly", f"{f['assembly hours']:.2f} h × "
             f"{self.scenario.factory.labour_rate:.0f} €/h = {_money(f['assembly cost'], 2)}"),
            ("Total cost", f"<b>{_money(f['total cost'], 2)}</b>"),
            ("Promised lead time", f"MTS {mts} · MTO {q['MTO']} days · "
             f"ATO <b>{q['ATO']} day{'s' if q['ATO'] != 1 else ''}</b>"),
            (f"Shelves, end of day {day}", f"{shelf}<br>{verdict}"),
        ]
        body = "".join(
            f"<tr><td style='padding:2px 12px 2px 0'><b>{k}</b></td><td>{v}</td></tr>"
            for k, v in rows
        )
        return f"<table style='font-size:15px'>{body}</table>"

    def _draw(self, fig: Figure, facts: dict[str, Any], day: int) -> None:
        ax = fig.add_subplot()
        items = list(facts["shelf"])
        plot_item_stock(self.result, items, ax=ax)
        ax.axvline(day, color="black", linestyle=":", linewidth=2)
        ax.set_title(f"Shelves of this PC's parts (ATO); dotted line: day {day}")
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=12)

    @property
    def widget(self) -> widgets.VBox:
        """The dropdowns and day slider, the facts table and the figure."""
        dropdowns = [v for k, v in self.controls.items() if k != "day"]
        half = (len(dropdowns) + 1) // 2
        picker = widgets.HBox([widgets.VBox(dropdowns[:half]), widgets.VBox(dropdowns[half:])])
        return widgets.VBox([picker, self.controls["day"], self.text, self.figure.widget])


# ----------------------------------------------------------------------------------------
# Lesson 04: one component runs short
# ----------------------------------------------------------------------------------------
class ShortageExplorer:
    """Multiply one component's target stock and see who waits.

    Parameters
    ----------
    scenario : Scenario
        E.g. ``load_instance("pc_maker")``.
    component : str, default "CPU-9"
        Component selected at first.
    horizon : int, default 180
        Days simulated (on the usual orders, class seed).
    """

    def __init__(self, scenario: Scenario, component: str = "CPU-9", horizon: int = 180) -> None:
        self.scenario = check_scenario(scenario)
        scenario.catalog.component(component)
        self.horizon = _check_horizon(horizon)
        self.orders = scenario.orders(horizon=self.horizon)
        self.targets = scenario.targets("ATO")
        self.controls: dict[str, Any] = {
            "component": widgets.Dropdown(
                options=list(scenario.catalog.component_names), value=component,
                description="Component", layout=widgets.Layout(width="300px"),
            ),
            "multiplier": widgets.FloatSlider(
                value=0.5, min=0.0, max=1.5, step=0.1, readout_format=".1f",
                description="Target ×", continuous_update=False,
                layout=widgets.Layout(width="420px"),
            ),
        }
        self.figure = LiveFigure(self._draw, width=11.0, height=4.5)
        self.split: dict[str, float] = {}
        for control in self.controls.values():
            control.observe(lambda change: self.update(), names="value")
        self.update()

    def update(self) -> None:
        """Re-run ATO with the chosen component's target scaled, and redraw."""
        name = str(self.controls["component"].value)
        mult = float(self.controls["multiplier"].value)
        targets = dict(self.targets)
        targets[name] = int(round(self.targets[name] * mult))
        result = simulate(self.scenario.factory, self.orders, "ATO", targets,
                          horizon=self.horizon)
        self.split = lead_time_split(result, name)
        self.figure.update(result=result, name=name, target=targets[name])

    def _draw(self, fig: Figure, result: SimulationResult, name: str, target: int) -> str:
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [2.2, 1]})
        plot_item_stock(result, [name], ax=left)
        left.set_title(f"{name} on the shelf (target {target})")
        left.set_ylim(0, max(5.0, float(result.stock[name].max()) * 1.15))
        left.legend(loc="upper right")
        s = self.split
        values = [s["needing"], s["others"]]
        labels = [f"need\n{name}", "others"]
        for i, (v, hatch, colour) in enumerate(
            zip(values, ("xx", "//"), (OKABE_ITO[1], OKABE_ITO[0]), strict=True)
        ):
            shown = 0.0 if np.isnan(v) else v
            right.bar(i, shown, color=colour, hatch=hatch, edgecolor="black", alpha=0.85,
                      label=labels[i].replace("\n", " "))
            right.annotate("n/a" if np.isnan(v) else f"{v:.1f} d", (i, shown), ha="center",
                           va="bottom", xytext=(0, 3), textcoords="offset points")
        right.set_xticks([0, 1], labels)
        right.set_ylabel("Mean lead time (days)")
        right.set_title("Orders' wait")
        right.set_ylim(0, max(5.0, np.nanmax(values) * 1.25))
        right.legend(loc="upper right", fontsize=11)
        fig.tight_layout()
        return (
            f"Target of <b>{html.escape(name)}</b>: {target} units. Orders needing it: "
            f"{s['n needing']:.0f}, mean lead time <b>{s['needing']:.1f} days</b> "
            f"({s['waiting needing']:.0f} still waiting at the end); the other "
            f"{s['n others']:.0f} orders: <b>{s['others']:.1f} days</b>."
        )

    @property
    def widget(self) -> widgets.VBox:
        """The controls above the figure and its caption."""
        return widgets.VBox([widgets.HBox(list(self.controls.values())), self.figure.widget])
