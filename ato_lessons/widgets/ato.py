"""Widgets for lesson 03 (assemble to order) and lesson 04 (the PC maker).

Three panels, all following the course's widget protocol
(:class:`~ato_lessons.widgets.base.LessonWidget`: ``.controls``, ``.widget``,
``.update()``), their figures updated in place:

* :class:`TradeoffExplorer` — component service level and supplier speed →
  where ATO lands between MTS and MTO (lead time vs inventory value).
* :class:`Configurator` — pick one option per category: cost, assembly,
  popularity, promised lead times and whether the parts are on the shelf.
* :class:`ShortageExplorer` — cut one component's target stock and watch the
  orders that need it wait while the others flow.

What they show is computed by :mod:`ato_lessons.experiments`
(``configuration_facts``, ``lead_time_split``); the old names here
(``configuration_facts``, ``lead_time_split``, ``scale_lead_times``) still
work for one release, with a ``DeprecationWarning``.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> panel = ShortageExplorer(load_instance("pc_maker"), component="CPU-9", horizon=90)
>>> panel.controls["multiplier"].value = 0.0
>>> round(panel.split["needing"])
36
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.collections import PathCollection
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Annotation

from ..experiments import configurations, waits
from ..factory import SimulationResult, simulate
from ..i18n import fmt_euros, fmt_number, fmt_percent
from ..instances import Scenario
from ..plots import OKABE_ITO, course_style, plot_item_stock, strategy_style
from ..policies import suggest_targets
from ..validation import check_int, check_real
from . import _deprecated
from .base import InPlaceFigure, LessonWidget, check_scenario, nice_ceiling, nice_limit

__all__ = [
    "TradeoffExplorer",
    "Configurator",
    "ShortageExplorer",
]

#: Old names of this module and where they live now (kept for one release).
_MOVED: dict[str, tuple[Any, str]] = {
    **_deprecated.moved_from(configurations, "configuration_facts"),
    **_deprecated.moved_from(waits, "lead_time_split"),
    "scale_lead_times": (_deprecated.scale_lead_times, _deprecated.NEW_LEAD_TIMES),
}


def __getattr__(name: str) -> Any:
    return _deprecated.moved_attribute(__name__, name, _MOVED)


def __dir__() -> list[str]:
    return sorted([*globals(), *_MOVED])


def _check_horizon(horizon: Any) -> int:
    return check_int("horizon", horizon, minimum=1)


# ----------------------------------------------------------------------------------------
# Lesson 03: where ATO lands between MTS and MTO
# ----------------------------------------------------------------------------------------
class TradeoffExplorer(LessonWidget):
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

    Attributes
    ----------
    controls : dict
        ``"service_level"`` and ``"lead_time_factor"`` (FloatSliders).
    figure : InPlaceFigure
        The lead time - inventory map, with a zoom on ATO.
    last : pandas.Series
        Summary of the last ATO run (see :meth:`SimulationResult.summary`).
    reference : dict
        ``strategy -> (mean lead time, average inventory value)`` of MTS and MTO.

    Notes
    -----
    Runs are cached per (service level, lead time factor): going back to a
    setting only redraws.
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
        self._runs: dict[tuple[float, float], tuple[pd.Series, int]] = {}
        base, _ = self._run(0.95, 1.0)
        self.baseline = (
            float(base["mean lead time (days)"]), float(base["avg inventory value (€)"])
        )
        self.figure = InPlaceFigure(width=9.0, height=5.0)
        self.last: pd.Series | None = None
        self._points: list[PathCollection] = []
        style = {"description_width": "initial"}
        layout = widgets.Layout(width="520px")
        self._watch({
            "service_level": widgets.FloatSlider(
                value=0.95, min=0.50, max=0.99, step=0.01, readout_format=".2f",
                description="Component service level", continuous_update=False,
                style=style, layout=layout,
            ),
            "lead_time_factor": widgets.FloatSlider(
                value=1.0, min=0.5, max=2.0, step=0.25, readout_format=".2f",
                description="Supplier lead times ×", continuous_update=False,
                style=style, layout=layout,
            ),
        })

    def _world(self, factor: float) -> Scenario:
        key = round(float(factor), 4)
        if key not in self._worlds:
            sc = self.scenario
            catalog = sc.catalog.with_lead_times(scale=key)
            self._worlds[key] = sc.with_(factory=sc.factory.with_(catalog=catalog))
        return self._worlds[key]

    def _run(self, level: float, factor: float) -> tuple[pd.Series, int]:
        """Summary of the ATO run at ``level`` and ``factor``, and its target units (cached)."""
        level = check_real("service_level", level, minimum=0.0, strict=True)
        if not level < 1.0:
            raise ValueError(f"service_level(={level!r}) must be a number strictly "
                             "between 0 and 1")
        key = (round(level, 6), round(float(factor), 6))
        if key not in self._runs:
            world = self._world(factor)
            targets = suggest_targets(world.factory, world.demand, "ATO", level)
            result = simulate(world.factory, self.orders, "ATO", targets, horizon=self.horizon)
            self._runs[key] = (result.summary(), sum(result.targets.values()))
        return self._runs[key]

    def update(self) -> None:
        """Re-run ATO with the controls' values and redraw."""
        level = float(self.controls["service_level"].value)
        factor = float(self.controls["lead_time_factor"].value)
        summary, units = self._run(level, factor)
        self.last = summary
        lead = float(summary["mean lead time (days)"])
        value = float(summary["avg inventory value (€)"]) / 1000
        if not self._points:
            self._build()
        ax, zoom = self.figure.fig.axes[0], self.figure.fig.axes[0].child_axes[0]
        for point in self._points:
            point.set_offsets([[lead, value]])
        # Round limits: the axes (drawn once per scale) change less often than the point.
        zoom.set_xlim(0, nice_limit(lead * 1.25, 4.0))
        zoom.set_ylim(0, nice_limit(value * 1.25, 150.0))
        ax.set_xlim(-1, nice_limit(lead + 3, 32.0))
        ax.title.set_text(f"ATO: service level {fmt_number(level, 2)}, "
                          f"supplier lead times ×{fmt_number(factor, 2)}")
        self.figure.render(
            f"<b>ATO</b> over {self.horizon} days: fill rate "
            f"<b>{fmt_percent(float(summary['fill rate']), 1)}</b>, "
            f"mean lead time <b>{fmt_number(lead, 2)} days</b>, average inventory "
            f"<b>{fmt_euros(value * 1000)}</b>, target stock {fmt_number(units)} component units."
        )

    def _build(self) -> None:
        with course_style():
            ax = self.figure.fig.add_subplot()
            for s, (lead, value) in self.reference.items():
                st = strategy_style(s)
                ax.scatter([lead], [value / 1000], s=160, color=st["color"],
                           marker=st["marker"], label=f"{s} (today's suppliers)", zorder=3)
            lead0, value0 = self.baseline
            st = strategy_style("ATO")
            ax.scatter([lead0], [value0 / 1000], s=160, facecolors="none",
                       edgecolors=st["color"], marker=st["marker"], linewidths=2,
                       label="ATO at 95 %, today's suppliers", zorder=3)
            mine = ax.scatter([lead0], [value0 / 1000], s=260, color=st["color"],
                              marker=st["marker"], edgecolors="black",
                              label="ATO with your settings", zorder=4)
            zoom = ax.inset_axes((0.22, 0.16, 0.34, 0.4))
            zoom.scatter([lead0], [value0 / 1000], s=110, facecolors="none",
                         edgecolors=st["color"], marker=st["marker"], linewidths=2)
            zoomed = zoom.scatter([lead0], [value0 / 1000], s=170, color=st["color"],
                                  marker=st["marker"], edgecolors="black")
            zoom.set_title("zoom on ATO", fontsize=14)
            zoom.set_xlabel("days", fontsize=13)
            zoom.set_ylabel("k€", fontsize=13)
            zoom.tick_params(labelsize=12)
            top = max(v for _, v in self.reference.values()) / 1000
            ax.set_ylim(-top * 0.05, top * 1.15)
            ax.set_xlabel("Mean customer lead time (days)")
            ax.set_ylabel("Average inventory value (thousand €)")
            ax.set_title("ATO: service level 0.95, supplier lead times ×1.00")
            ax.legend(loc="upper right", fontsize=12)
            self.figure.fig.tight_layout()
        self._points = [mine, zoomed]
        self.figure.animate(mine, zoomed, ax.title)

    def _views(self) -> list[widgets.Widget]:
        return [self.figure.widget]


# ----------------------------------------------------------------------------------------
# Lesson 04: the configurator
# ----------------------------------------------------------------------------------------
class Configurator(LessonWidget):
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

    Attributes
    ----------
    controls : dict
        One Dropdown per category with a choice, and ``"day"`` (IntSlider).
    text : ipywidgets.HTML
        The facts table.
    figure : InPlaceFigure
        Stock of the chosen PC's parts over the run, the day marked.
    facts : dict
        See :func:`~ato_lessons.experiments.configuration_facts`.

    Notes
    -----
    The axes, the title and the legend (one line per category) are drawn once;
    a move redraws the six stock curves and the dotted line over them.
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
        controls: dict[str, Any] = {
            category: widgets.Dropdown(
                options=[c.name for c in catalog.options(category)],
                description=category.capitalize(), style={"description_width": "110px"},
                layout=widgets.Layout(width="300px"),
            )
            for category in catalog.categories if category not in self.fixed
        }
        last = len(result.stock) - 1
        controls["day"] = widgets.IntSlider(
            value=last // 2, min=0, max=last, step=1, description="Shelves on day",
            continuous_update=False, style={"description_width": "110px"},
            layout=widgets.Layout(width="520px"),
        )
        self.text = widgets.HTML()
        self.figure = InPlaceFigure(width=9.0, height=3.8)
        self.facts: dict[str, Any] = {}
        self._lines: list[Line2D] = []
        self._day: Line2D | None = None
        self._legend: Legend | None = None
        self._items: list[str] = []
        self._watch(controls)

    def choice(self) -> dict[str, str]:
        """The chosen option per category (from the dropdowns)."""
        return {k: str(v.value) for k, v in self.controls.items() if k != "day"}

    def update(self) -> None:
        """Recompute the facts for the chosen configuration and day."""
        day = int(self.controls["day"].value)
        self.facts = configurations.configuration_facts(
            self.scenario, self.choice(), self.result, day, self.mts_offer)
        self.text.value = self._html(self.facts, day)
        items = list(self.facts["shelf"])
        if not self._lines:
            self._build(items, day)
        elif items != self._items:
            self._show(items)
        assert self._day is not None
        self._day.set_xdata([day, day])
        self.figure.render()

    def _build(self, items: list[str], day: int) -> None:
        catalog = self.scenario.catalog
        with course_style():
            ax = self.figure.fig.add_subplot()
            plot_item_stock(self.result, items, ax=ax)
            self._lines = list(ax.lines)
            self._day = ax.axvline(day, color="black", linestyle=":", linewidth=2)
            ax.set_title("Shelves of this PC's parts (ATO); dotted line: the day chosen")
            # One line per category (the parts are named in the table above), so the
            # legend stays the same whatever the configuration.
            self._legend = ax.legend(self._lines, [catalog.component(c).category for c in items],
                                     loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=12)
            self.figure.fig.tight_layout()
        self._items = items
        # One scale for every configuration: comparable, and the axes never redraw.
        ax.set_ylim(0, nice_ceiling(1.05 * float(self.result.stock.to_numpy().max()), 25.0))
        self.figure.animate(*self._lines, self._day)

    def _show(self, items: list[str]) -> None:
        stock = self.result.stock
        for line, name in zip(self._lines, items, strict=True):
            line.set_ydata(stock[name].to_numpy())
            line.set_label(name)
        self._items = items

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
             f"{fmt_percent(f['share'], 2)} of orders"),
            ("Material cost", fmt_euros(f["material cost"])),
            ("Assembly", f"{fmt_number(f['assembly hours'], 2)} h × "
             f"{fmt_number(self.scenario.factory.labour_rate)} €/h = "
             f"{fmt_euros(f['assembly cost'], 2)}"),
            ("Total cost", f"<b>{fmt_euros(f['total cost'], 2)}</b>"),
            ("Promised lead time", f"MTS {mts} · MTO {q['MTO']} days · "
             f"ATO <b>{q['ATO']} day{'s' if q['ATO'] != 1 else ''}</b>"),
            (f"Shelves, end of day {day}", f"{shelf}<br>{verdict}"),
        ]
        body = "".join(
            f"<tr><td style='padding:2px 12px 2px 0'><b>{k}</b></td><td>{v}</td></tr>"
            for k, v in rows
        )
        return f"<table style='font-size:15px'>{body}</table>"

    def _layout(self) -> widgets.Box:
        dropdowns = [v for k, v in self.controls.items() if k != "day"]
        half = (len(dropdowns) + 1) // 2
        picker = widgets.HBox([widgets.VBox(dropdowns[:half]), widgets.VBox(dropdowns[half:])])
        return widgets.VBox([picker, self.controls["day"], self.text, self.figure.widget])


# ----------------------------------------------------------------------------------------
# Lesson 04: one component runs short
# ----------------------------------------------------------------------------------------
class ShortageExplorer(LessonWidget):
    """Multiply one component's target stock and see who waits.

    Parameters
    ----------
    scenario : Scenario
        E.g. ``load_instance("pc_maker")``.
    component : str, default "CPU-9"
        Component selected at first.
    horizon : int, default 180
        Days simulated (on the usual orders, class seed).

    Attributes
    ----------
    controls : dict
        ``"component"`` (Dropdown) and ``"multiplier"`` (FloatSlider).
    figure : InPlaceFigure
        The component's stock over time, and the mean wait of the orders that
        need it against the others.
    split : dict
        See :func:`~ato_lessons.experiments.lead_time_split`.

    Notes
    -----
    Runs are cached per (component, multiplier): going back to a setting only
    redraws. The axes, titles and legends are drawn once per component, on
    scales that fit every multiplier; a move redraws the stock curve, the
    target line and the bars.
    """

    def __init__(self, scenario: Scenario, component: str = "CPU-9", horizon: int = 180) -> None:
        self.scenario = check_scenario(scenario)
        scenario.catalog.component(component)
        self.horizon = _check_horizon(horizon)
        self.orders = scenario.orders(horizon=self.horizon)
        self.targets = scenario.targets("ATO")
        self.figure = InPlaceFigure(width=11.0, height=4.5)
        self.split: dict[str, float] = {}
        self._runs: dict[tuple[str, int], tuple[SimulationResult, dict[str, float]]] = {}
        self._artists: dict[str, Any] = {}
        self._watch({
            "component": widgets.Dropdown(
                options=list(scenario.catalog.component_names), value=component,
                description="Component", layout=widgets.Layout(width="300px"),
            ),
            "multiplier": widgets.FloatSlider(
                value=0.5, min=0.0, max=1.5, step=0.1, readout_format=".1f",
                description="Target ×", continuous_update=False,
                layout=widgets.Layout(width="420px"),
            ),
        })

    def _run(self, name: str, target: int) -> tuple[SimulationResult, dict[str, float]]:
        key = (name, target)
        if key not in self._runs:
            targets = {**self.targets, name: target}
            result = simulate(self.scenario.factory, self.orders, "ATO", targets,
                              horizon=self.horizon)
            self._runs[key] = (result, waits.lead_time_split(result, name))
        return self._runs[key]

    def update(self) -> None:
        """Re-run ATO with the chosen component's target scaled, and redraw."""
        name = str(self.controls["component"].value)
        mult = float(self.controls["multiplier"].value)
        target = int(round(self.targets[name] * mult))
        result, self.split = self._run(name, target)
        if not self._artists:
            self._build(result, name)
        if name != self._artists["name"]:
            self._name(name)
        a = self._artists
        stock = result.stock[name].to_numpy(dtype=float)
        a["stock"].set_ydata(stock)
        a["target"].set_ydata([target, target])
        s = self.split
        values = [s["needing"], s["others"]]
        for i, (bar, note, v) in enumerate(zip(a["bars"], a["notes"], values, strict=True)):
            shown = 0.0 if np.isnan(v) else v
            bar.set_height(shown)
            note.xy = (i, shown)
            note.set_text("n/a" if np.isnan(v) else f"{fmt_number(v, 1)} d")
        left, right = self.figure.fig.axes
        # Scales fixed per component (the most its stock and its orders' wait can be), so a
        # move of the multiplier redraws no axis.
        left.set_ylim(0, nice_limit(1.15 * max(float(stock.max()), a["stock top"]), 5.0))
        top = float(np.nanmax(values)) if not np.isnan(values).all() else 0.0
        right.set_ylim(0, nice_limit(1.25 * max(top, a["wait top"]), 5.0))
        self.figure.render(
            f"Target of <b>{html.escape(name)}</b>: {target} units. Orders needing it: "
            f"{fmt_number(s['n needing'])}, mean lead time "
            f"<b>{fmt_number(s['needing'], 1)} days</b> "
            f"({fmt_number(s['waiting needing'])} still waiting at the end); the other "
            f"{fmt_number(s['n others'])} orders: <b>{fmt_number(s['others'], 1)} days</b>.",
            key=name,
        )

    def _name(self, name: str) -> None:
        """Write the component's name on the figure and set its scales' bounds."""
        a = self._artists
        a["name"] = name
        a["legend"].get_texts()[0].set_text(name)
        a["bar legend"].get_texts()[0].set_text(f"need {name}")
        left, right = self.figure.fig.axes
        left.title.set_text(f"{name} on the shelf")
        right.set_xticks([0, 1], [f"need\n{name}", "others"])
        a["stock top"] = float(round(self.targets[name] * self.controls["multiplier"].max))
        factory = self.scenario.factory
        a["wait top"] = float(self.scenario.catalog.component(name).lead_time
                              + factory.assembly_days + 1)

    def _build(self, result: SimulationResult, name: str) -> None:
        a = self._artists
        with course_style():
            left, right = self.figure.fig.subplots(1, 2, gridspec_kw={"width_ratios": [2.2, 1]})
            plot_item_stock(result, [name], ax=left)
            a["stock"] = left.lines[0]
            a["target"] = left.axhline(0, color="black", linestyle="--", linewidth=1.5,
                                       label="target")
            a["legend"] = left.legend(loc="upper right")
            a["bars"], a["notes"] = [], []
            for i, (hatch, colour, label) in enumerate(
                zip(("xx", "//"), (OKABE_ITO[1], OKABE_ITO[0]), (f"need {name}", "others"),
                    strict=True)
            ):
                (bar,) = right.bar(i, 0.0, color=colour, hatch=hatch, edgecolor="black",
                                   alpha=0.85, label=label)
                a["bars"].append(bar)
                note: Annotation = right.annotate("", (i, 0.0), ha="center", va="bottom",
                                                  xytext=(0, 3), textcoords="offset points")
                a["notes"].append(note)
            right.set_ylabel("Mean lead time (days)")
            right.set_title("Orders' wait")
            right.set_xlim(-0.6, 1.6)
            a["bar legend"] = right.legend(loc="upper right", fontsize=11)
            self._name(name)
            self.figure.fig.tight_layout()
        # The left legend is drawn last: the stock curve may reach its corner.
        self.figure.animate(a["stock"], a["target"], *a["bars"], *a["notes"], a["legend"])

    def _layout(self) -> widgets.Box:
        return widgets.VBox([widgets.HBox(list(self.controls.values())), self.figure.widget])
