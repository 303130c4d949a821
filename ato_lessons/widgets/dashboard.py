"""Lesson 05's dashboard: MTS, MTO and ATO side by side, under the student's settings.

Four sliders change the PC maker's world: how jumpy demand is, how many options
a customer may pick from, how long suppliers take and how long assembly and
testing take. Every move re-runs the three strategies on the same orders and
redraws three bar charts (mean lead time, fill rate, average inventory value)
with a small table under them.

A move must feel instant (well under 0.1 s), so the dashboard simulates a short
horizon and caches what a move does not change: the catalog per (options, lead
time scale), the order stream per (variability, options) and the target stock
levels per (variability, options, lead time scale, assembly days); a setting
seen before only redraws. A new setting costs three 150-day simulations (most
of the time) and a redraw of the bars over the axes drawn once; measured times
are in ``benchmarks/README.md``.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> board = StrategyDashboard(load_instance("pc_maker"), horizon=60)
>>> board.controls["options"].value = 2
>>> int(board.table.loc["configurations offered", "ATO"])
32
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, cast

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg

from ..catalog import Catalog
from ..course import class_seed
from ..demand import generate_orders
from ..experiments import configurations
from ..factory import STRATEGIES, SimulationResult, simulate
from ..i18n import fmt_number, fmt_percent
from ..instances import Scenario
from ..metrics import compare
from ..plots import course_style, strategy_style
from ..validation import check_int
from . import _deprecated
from .base import LessonWidget, check_scenario, new_figure, png_bytes

__all__ = ["StrategyDashboard", "BarPanels", "PANELS"]

#: Old names of this module and where they live now (kept for one release).
_MOVED: dict[str, tuple[Any, str]] = _deprecated.moved_from(configurations, "reduced_catalog")


def __getattr__(name: str) -> Any:
    return _deprecated.moved_attribute(__name__, name, _MOVED)


def __dir__() -> list[str]:
    return sorted([*globals(), *_MOVED])


#: The three panels of the figure: (metric row of the comparison table, title, axis label).
PANELS: tuple[tuple[str, str, str], ...] = (
    ("mean lead time (days)", "Mean lead time", "days"),
    ("fill rate", "Fill rate", "share of orders (%)"),
    ("avg inventory value (€)", "Average inventory", "thousand €"),
)


class StrategyDashboard(LessonWidget):
    """Sliders for the PC maker's world and a live comparison of MTS, MTO and ATO.

    Parameters
    ----------
    scenario : Scenario
        The factory and its usual demand (e.g. ``load_instance("pc_maker")``);
        its catalog must be built from options (one product per configuration).
    horizon : int, default 150
        Days simulated per move (>= 30). Shorter is faster but noisier.
    seed : int, optional
        Seed of the order streams (default: the class seed).
    service_level : float, default 0.95
        Service level used to set the MTS and ATO target stock levels.

    Attributes
    ----------
    controls : dict
        ``"variability"``, ``"options"``, ``"lead_time_scale"``,
        ``"assembly_days"``: the ipywidgets sliders.
    table : pandas.DataFrame
        The comparison table of the last update (metrics x strategies).
    figure : BarPanels
        The bar charts (``figure.image`` is the picture).
    text : ipywidgets.HTML
        The small table shown under the figure.
    """

    def __init__(
        self,
        scenario: Scenario,
        horizon: int = 150,
        seed: int | None = None,
        service_level: float = 0.95,
    ) -> None:
        self.scenario = check_scenario(scenario)
        self.horizon = check_int("horizon", horizon, minimum=30)
        self.seed = class_seed() if seed is None else check_int("seed", seed, minimum=0)
        if isinstance(service_level, bool) or not isinstance(service_level, int | float) \
                or not 0.0 < float(service_level) < 1.0:
            raise ValueError(f"service_level(={service_level!r}) must be between 0 and 1")
        self.service_level = float(service_level)
        max_options = max(len(scenario.catalog.options(c)) for c in scenario.catalog.categories)
        self._catalogs: dict[tuple[int, float], Catalog] = {}
        self._orders: dict[tuple[float, int], pd.DataFrame] = {}
        self._targets: dict[tuple[Any, ...], dict[str, int]] = {}
        self._tables: dict[tuple[float, int, float, int], pd.DataFrame] = {}
        style = {"description_width": "210px"}
        layout = widgets.Layout(width="520px")
        self.figure = BarPanels(list(STRATEGIES))
        self.text = widgets.HTML(value="")
        self.table = pd.DataFrame()
        self._watch({
            "variability": widgets.FloatSlider(
                value=round(scenario.demand.variability, 1), min=0.0, max=1.0, step=0.1,
                description="Demand variability", continuous_update=False,
                style=style, layout=layout),
            "options": widgets.IntSlider(
                value=max_options, min=1, max=max_options, step=1,
                description="Options per category", continuous_update=False,
                style=style, layout=layout),
            "lead_time_scale": widgets.FloatSlider(
                value=1.0, min=0.25, max=2.0, step=0.25, readout_format=".2f",
                description="Supplier lead times (× today's)", continuous_update=False,
                style=style, layout=layout),
            "assembly_days": widgets.IntSlider(
                value=scenario.factory.assembly_days, min=0, max=5, step=1,
                description="Assembly and test (days)", continuous_update=False,
                style=style, layout=layout),
        })

    # -- cached pieces ----------------------------------------------------------------
    def _catalog(self, options: int, scale: float) -> Catalog:
        key = (options, scale)
        if key not in self._catalogs:
            self._catalogs[key] = configurations.reduced_catalog(
                self.scenario.catalog, options, scale)
        return self._catalogs[key]

    def _order_stream(self, variability: float, options: int) -> pd.DataFrame:
        key = (variability, options)
        if key not in self._orders:
            demand = self.scenario.demand.with_(variability=variability)
            self._orders[key] = generate_orders(
                self._catalog(options, 1.0), demand, self.horizon, self.seed)
        return self._orders[key]

    def _stock_targets(self, strategy: str, variability: float, options: int, scale: float,
                       assembly_days: int) -> dict[str, int]:
        # ATO targets depend on component lead times only, MTS ones also on assembly days.
        key = (strategy, variability, options, scale,
               assembly_days if strategy == "MTS" else None)
        if key not in self._targets:
            factory = self.scenario.factory.with_(
                catalog=self._catalog(options, scale), assembly_days=assembly_days)
            scenario = self.scenario.with_(
                factory=factory, demand=self.scenario.demand.with_(variability=variability))
            self._targets[key] = scenario.targets(strategy, self.service_level)
        return self._targets[key]

    # -- one move -----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The controls' current values."""
        return {name: control.value for name, control in self.controls.items()}

    def update(self) -> None:
        """Re-run the three strategies with the controls' values and redraw."""
        v = round(float(self.controls["variability"].value), 2)
        k = int(self.controls["options"].value)
        scale = round(float(self.controls["lead_time_scale"].value), 2)
        days = int(self.controls["assembly_days"].value)
        key = (v, k, scale, days)
        if key not in self._tables:
            factory = self.scenario.factory.with_(
                catalog=self._catalog(k, scale), assembly_days=days)
            orders = self._order_stream(v, k)
            runs: dict[str, SimulationResult] = {
                s: simulate(
                    factory, orders, s,
                    None if s == "MTO" else self._stock_targets(s, v, k, scale, days),
                    horizon=self.horizon,
                )
                for s in STRATEGIES
            }
            self._tables[key] = compare(runs)
        self.table = self._tables[key]
        self.figure.update(self.table)
        self.text.value = self._html(self.table)

    def _html(self, table: pd.DataFrame) -> str:
        def number(decimals: int) -> Callable[[float], str]:
            return lambda x: fmt_number(x, decimals)

        rows: tuple[tuple[str, str, Callable[[float], str]], ...] = (
            ("configurations offered", "configurations", number(0)),
            ("mean lead time (days)", "mean lead time (days)", number(1)),
            ("p95 lead time (days)", "95 % of orders within (days)", number(0)),
            ("fill rate", "fill rate", fmt_percent),
            ("avg inventory value (€)", "average inventory (k€)", number(0)),
        )
        head = "".join(f"<th style='padding:0 12px'>{html.escape(str(c))}</th>"
                       for c in table.columns)
        body = []
        for metric, label, fmt in rows:
            cells = []
            for value in table.loc[metric].to_numpy(dtype=float):
                x = float(value) / 1000.0 if "€" in metric else float(value)
                cells.append("n/a" if np.isnan(x) else fmt(x))
            body.append(f"<tr><td>{html.escape(label)}</td>"
                        + "".join(f"<td style='text-align:right;padding:0 12px'>{t}</td>"
                                  for t in cells) + "</tr>")
        return (f"<table><tr><th></th>{head}</tr>{''.join(body)}</table>"
                f"<small>{fmt_number(table.loc['orders'].to_numpy(dtype=float)[0])} orders over "
                f"{self.horizon} days</small>")

    def _views(self) -> list[widgets.Widget]:
        return [self.figure.image, self.text]


class BarPanels:
    """Three bar charts (one per entry of :data:`PANELS`), drawn once, updated in place.

    The titles, labels and axes are drawn once and kept as a background picture;
    an update only changes the bars and the values written on them, draws those
    over the background and encodes the PNG. That keeps a redraw to about 10 ms
    of CPU time (a fresh figure with a tight layout took about 200 ms).

    Parameters
    ----------
    labels : list of str
        The runs, one bar each (e.g. ``["MTS", "MTO", "ATO"]``).

    Attributes
    ----------
    image : ipywidgets.Image
        The picture (PNG); its value changes on every update.
    """

    def __init__(self, labels: list[str]) -> None:
        if not isinstance(labels, list) or not labels \
                or not all(isinstance(x, str) for x in labels):
            raise ValueError(f"labels(={labels!r}) must be a non-empty list of strings")
        self.labels = list(labels)
        self.fig = new_figure(11.0, 3.6)
        # Agg's canvas methods carry no type hints.
        self.canvas: Any = cast(Any, FigureCanvasAgg(self.fig))
        self.bars: list[Any] = []
        self.notes: list[list[Any]] = []
        with course_style():
            self.fig.subplots_adjust(left=0.05, right=0.99, bottom=0.11, top=0.88, wspace=0.25)
            self.axes = self.fig.subplots(1, len(PANELS))
            for ax, (_, title, unit) in zip(self.axes, PANELS, strict=True):
                styles = [strategy_style(label, i) for i, label in enumerate(self.labels)]
                bars = ax.bar(range(len(self.labels)), [0.0] * len(self.labels),
                              color=[st["color"] for st in styles], edgecolor="black",
                              animated=True)
                for bar, st in zip(bars, styles, strict=True):
                    bar.set_hatch(st["hatch"])
                self.bars.append(bars)
                self.notes.append([
                    ax.annotate("", (i, 0.0), ha="center", va="bottom", xytext=(0, 2),
                                textcoords="offset points", fontsize=13, animated=True)
                    for i in range(len(self.labels))
                ])
                ax.set_xticks(range(len(self.labels)), self.labels)
                ax.set_title(title)
                ax.set_ylabel(unit)
                # The values are written on the bars: no y ticks, so the
                # background does not depend on the data.
                ax.set_yticks([])
                ax.grid(False)
            self.canvas.draw()
        self._background = self.canvas.copy_from_bbox(self.fig.bbox)
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))

    def update(self, table: pd.DataFrame) -> None:
        """Show the rows of :data:`PANELS` from a comparison table (runs as columns)."""
        if not isinstance(table, pd.DataFrame):
            raise TypeError(f"table(={type(table).__name__}) must be a DataFrame")
        self.canvas.restore_region(self._background)
        with course_style():
            for ax, bars, notes, (metric, _, _) in zip(
                    self.axes, self.bars, self.notes, PANELS, strict=True):
                values = table.loc[metric, self.labels].to_numpy(dtype=float)
                factor = 100.0 if "rate" in metric else 0.001 if "€" in metric else 1.0
                shown = np.nan_to_num(values * factor)
                ax.set_ylim(0, 112.0 if "rate" in metric else max(float(shown.max()) * 1.2, 1.0))
                for bar, note, y in zip(bars, notes, shown, strict=True):
                    bar.set_height(y)
                    note.xy = (note.xy[0], y)
                    note.set_text(fmt_percent(y / 100.0) if "rate" in metric
                                  else fmt_number(y, 0 if y >= 10 else 1))
                    ax.draw_artist(bar)
                    ax.draw_artist(note)
        self.image.value = png_bytes(np.asarray(self.canvas.buffer_rgba()))
