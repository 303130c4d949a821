"""Lessons 06 (pros and cons) and 07 (wrap-up): experiments and a what-if panel.

The article announces advantages and disadvantages of assemble-to-order but
leaves its box empty. Lesson 06 fills it with experiments on the PC maker; the
helpers here make each experiment one line in the notebook:

* :func:`surge_orders` (a temporary demand surge) and :func:`planned_targets`
  (component targets planned for it): the assembly line caps output;
* :func:`with_lead_time` (a late supplier) and :func:`products_using`: one
  missing component stops every product that needs it;
* :func:`value_lost` (components losing value week by week, as Michael Dell
  described), :func:`stock_at_risk` (stock left without demand after a change of
  tastes) and :func:`days_of_inventory`;
* :func:`weekly_lead_time`: mean lead time by week of arrival, for figures;
* :func:`fit_strategy` and :func:`business_table`: which strategy fits which
  business, by comparing how long customers wait with how long making takes.

Widgets (the course's protocol: ``.controls``, ``.widget``, ``.update()``):

* :class:`WhatIfPanel` (lesson 06): choose an experiment and its severity, see
  the consequence against the usual run.

(Lesson 07's self-check quiz is exercise 7.1 of :mod:`ato_lessons.grading`, shown
with :func:`ato_lessons.widgets.quiz.choice_quiz`.)

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> len(products_using(pc.catalog, "CPU-5")), len(pc.catalog.products)
(72, 288)
>>> fit_strategy(customer_wait_days=3, supply_days=35, assembly_days=1)
'ATO'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..catalog import Catalog
from ..course import class_seed
from ..factory import Factory, SimulationResult, simulate
from ..grading._deprecation import MovedNames
from ..instances import Scenario
from ..plots import OKABE_ITO, strategy_style
from ..validation import check_int, check_name, check_real
from . import LiveFigure, check_scenario

__all__ = [
    "BUSINESSES",
    "Business",
    "EXPERIMENTS",
    "WhatIfPanel",
    "business_table",
    "days_of_inventory",
    "fit_strategy",
    "planned_targets",
    "products_using",
    "stock_at_risk",
    "surge_orders",
    "value_lost",
    "weekly_lead_time",
    "with_lead_time",
]


# ----------------------------------------------------------------------------------------
# Experiments
# ----------------------------------------------------------------------------------------
def _check_result(result: Any) -> SimulationResult:
    if not isinstance(result, SimulationResult):
        raise TypeError(f"result(={type(result).__name__}) must be a SimulationResult")
    return result


def products_using(catalog: Catalog, component: str) -> tuple[str, ...]:
    """Names of the products whose bill of materials contains ``component``.

    Raises
    ------
    ValueError
        If ``component`` is not a component of the catalog.
    """
    if not isinstance(catalog, Catalog):
        raise TypeError(f"catalog(={catalog!r}) must be a Catalog")
    if component not in catalog.component_names:
        raise ValueError(
            f"component(={component!r}) is not in the catalog; known: "
            f"{list(catalog.component_names)!r}"
        )
    return tuple(p.name for p in catalog.products if component in p.bom)


def with_lead_time(factory: Factory, component: str, lead_time: int) -> Factory:
    """A copy of ``factory`` whose ``component`` takes ``lead_time`` days to arrive.

    Used to make a supplier late: every replenishment of that component placed
    during the run arrives after the new lead time.

    Examples
    --------
    >>> from ato_lessons.instances import load_instance
    >>> pc = load_instance("pc_maker")
    >>> with_lead_time(pc.factory, "CPU-5", 56).catalog.component("CPU-5").lead_time
    56
    """
    if not isinstance(factory, Factory):
        raise TypeError(f"factory(={factory!r}) must be a Factory")
    products_using(factory.catalog, component)  # checks the name
    days = check_int("lead_time", lead_time, minimum=0)
    return factory.with_(catalog=factory.catalog.with_lead_times({component: days}))


def surge_orders(
    scenario: Scenario,
    extra: float,
    *,
    start: int = 60,
    length: int = 30,
    horizon: int = 180,
    seed: int | None = None,
) -> pd.DataFrame:
    """The usual orders plus a temporary surge (a promotion, a competitor's shortage).

    Parameters
    ----------
    scenario : Scenario
        Its usual demand gives both the normal orders and the surge's mix.
    extra : float
        Size of the surge as a share of the usual orders per day (>= 0;
        0.5 = 50 % more orders during the surge).
    start, length : int
        First day and number of days of the surge.
    horizon : int
        Days of normal orders (the surge must end by then).
    seed : int, optional
        Seed of the normal orders (default: the class seed); the surge's
        extra orders use ``seed + 1``.

    Returns
    -------
    pandas.DataFrame
        Orders sorted by day with fresh ``order_id`` 0, 1, ...
    """
    sc = check_scenario(scenario)
    share = check_real("extra", extra, minimum=0.0)
    first = check_int("start", start, minimum=0)
    days = check_int("length", length, minimum=1)
    total = check_int("horizon", horizon, minimum=1)
    if first + days > total:
        raise ValueError(f"start + length(={first + days}) must be <= horizon(={total})")
    base_seed = class_seed() if seed is None else check_int("seed", seed, minimum=0)
    orders = sc.orders(horizon=total, seed=base_seed)
    if share > 0:
        burst = sc.orders(
            horizon=days,
            seed=base_seed + 1,
            demand=sc.demand.with_(orders_per_day=sc.demand.orders_per_day * share),
        )
        burst = burst.assign(day=burst["day"] + first)
        orders = pd.concat([orders, burst], ignore_index=True)
    orders = orders.sort_values("day", kind="stable").reset_index(drop=True)
    orders["order_id"] = np.arange(len(orders), dtype=np.int64)
    return orders


def planned_targets(scenario: Scenario, extra: float) -> dict[str, int]:
    """ATO component targets planned for demand ``1 + extra`` times the usual one.

    With these, a surge finds enough components on the shelf, so what limits
    deliveries is the assembly line.
    """
    sc = check_scenario(scenario)
    share = check_real("extra", extra, minimum=0.0)
    demand = sc.demand.with_(orders_per_day=sc.demand.orders_per_day * (1.0 + share))
    return sc.with_(demand=demand).targets("ATO")


def weekly_lead_time(result: SimulationResult) -> pd.Series:
    """Mean lead time (days) of the orders delivered, by week of arrival (0, 1, ...)."""
    res = _check_result(result)
    done = res.orders.dropna(subset=["lead_time"])
    weeks = (done["day"] // 7).astype(int)
    series = done["lead_time"].astype(float).groupby(weeks).mean()
    series.index.name = "week"
    series.name = "mean lead time (days)"
    return series


def value_lost(result: SimulationResult, weekly_rate: float = 0.01) -> pd.Series:
    """Cumulative value lost (€) by stock that loses ``weekly_rate`` of its value per week.

    Michael Dell (HBR, 1998) put the loss of PC components at about 1 % of their
    value per week. Each day, the stock on hand loses ``weekly_rate / 7`` of its
    value; the series is the running total, indexed by day.

    Examples
    --------
    >>> from ato_lessons.instances import load_instance
    >>> pc = load_instance("pc_maker")
    >>> res = pc.run("ATO", pc.orders(horizon=28, seed=1))
    >>> lost = value_lost(res, 0.01)
    >>> bool(abs(lost.iloc[-1] - res.inventory["total_value"].sum() * 0.01 / 7) < 1e-6)
    True
    """
    res = _check_result(result)
    rate = check_real("weekly_rate", weekly_rate, minimum=0.0, maximum=1.0)
    daily = res.inventory["total_value"].to_numpy(dtype=float) * rate / 7.0
    return pd.Series(np.cumsum(daily), index=res.inventory["day"], name="value lost (€)")


def stock_at_risk(result: SimulationResult, after_day: int, cover_days: int = 60) -> float:
    """Value (€) of the end stock that would take more than ``cover_days`` to use up.

    The pace of use of each stocked item is measured on the orders that arrived
    from ``after_day`` on (e.g. after a change of tastes). Stock beyond
    ``cover_days`` of that pace has no buyer in sight: it is what becomes
    obsolete if products or parts go out of date.
    """
    res = _check_result(result)
    day0 = check_int("after_day", after_day, minimum=0)
    cover = check_int("cover_days", cover_days, minimum=0)
    if day0 >= res.horizon:
        raise ValueError(f"after_day(={day0}) must be < the run's horizon ({res.horizon})")
    if res.stock.empty:
        return 0.0
    catalog = res.factory.catalog
    late = res.orders[res.orders["day"] >= day0]
    per_product = late.groupby("product", observed=True)["quantity"].sum()
    use: dict[str, float] = {}
    if res.strategy == "ATO":
        for product, qty in per_product.items():
            for comp, units in catalog.product(str(product)).bom.items():
                use[comp] = use.get(comp, 0.0) + float(units * qty)
        value = {c.name: c.unit_cost for c in catalog.components}
    else:
        use = {str(p): float(q) for p, q in per_product.items()}
        value = {p: catalog.product_cost(p, res.factory.labour_rate) for p in res.stock.columns}
    days = res.horizon - day0
    end = res.stock.iloc[-1]
    total = 0.0
    for item, units in end.items():
        pace = use.get(str(item), 0.0) / days
        excess = max(float(units) - cover * pace, 0.0)
        total += excess * value[str(item)]
    return total


def days_of_inventory(result: SimulationResult) -> float:
    """Average inventory value divided by the value of material used per day (days).

    Dell reported 32 days of inventory in 1995 against Compaq's 73 (HBS case
    "Dell's Working Capital"); this is the same measure for a simulated run.
    """
    res = _check_result(result)
    catalog = res.factory.catalog
    served = res.orders[res.orders["status"] == "served"]
    cost = {p.name: catalog.material_cost(p.name) for p in catalog.products}
    material = float((served["product"].map(cost) * served["quantity"]).sum())
    last_day = int(res.orders["day"].max()) if len(res.orders) else 0
    per_day = material / min(res.horizon, last_day + 1)
    if per_day <= 0:
        return math.nan
    return float(res.inventory["total_value"].mean()) / per_day


# ----------------------------------------------------------------------------------------
# Which strategy fits which business
# ----------------------------------------------------------------------------------------
def fit_strategy(customer_wait_days: float, supply_days: float, assembly_days: float) -> str:
    """The strategy a business can use, from how long its customers accept to wait.

    A rule of thumb (the "P:D ratio" of lean manufacturing): compare the time
    customers accept to wait (D) with the time it takes to get the parts and to
    assemble them (P).

    * customers wait at least the whole lead time: nothing needs to be built
      ahead, **MTO**;
    * they wait for assembly but not for the parts: keep the parts, **ATO**;
    * they will not even wait for assembly: finished products on the shelf, **MTS**.

    Examples
    --------
    >>> fit_strategy(0, 14, 0.2), fit_strategy(3, 35, 1), fit_strategy(540, 365, 60)
    ('MTS', 'ATO', 'MTO')
    """
    wait = check_real("customer_wait_days", customer_wait_days, minimum=0.0)
    supply = check_real("supply_days", supply_days, minimum=0.0)
    assembly = check_real("assembly_days", assembly_days, minimum=0.0)
    if wait >= supply + assembly:
        return "MTO"
    if wait >= assembly:
        return "ATO"
    return "MTS"


@dataclass(frozen=True)
class Business:
    """A business of lesson 06's last section (rough, illustrative figures).

    Parameters
    ----------
    name : str
        What is sold.
    customer_wait_days : float
        How long a customer accepts to wait (days).
    supply_days, assembly_days : float
        Days to get the parts, days to make or assemble the product.
    variants : str
        How many variants customers can choose from (in words).
    reason : str
        Why the strategy fits, in one sentence.
    """

    name: str
    customer_wait_days: float
    supply_days: float
    assembly_days: float
    variants: str
    reason: str

    def __post_init__(self) -> None:
        check_name("name", self.name)
        for field_name in ("customer_wait_days", "supply_days", "assembly_days"):
            check_real(field_name, getattr(self, field_name), minimum=0.0)

    @property
    def strategy(self) -> str:
        """The strategy :func:`fit_strategy` gives."""
        return fit_strategy(self.customer_wait_days, self.supply_days, self.assembly_days)


BUSINESSES: tuple[Business, ...] = (
    Business("bakery bread", 0, 2, 0.2, "a dozen",
             "bought on the way to work: the loaf must be there, and leftovers are cheap"),
    Business("bottled water", 0, 14, 0.01, "a few",
             "standard, cheap, steady demand; nobody waits for water to be bottled"),
    Business("jet engines", 540, 365, 60, "each one specified with the airline",
             "a firm contract comes years ahead; an unsold engine would cost millions"),
    Business("custom furniture", 56, 14, 28, "unlimited (made to measure)",
             "each piece is designed with the client, who expects to wait weeks"),
    Business("PCs configured online", 3, 35, 1, "288 configurations here",
             "too many configurations to stock, parts shared, assembly takes hours"),
    Business("cars with options", 42, 90, 3, "millions of combinations",
             "options come from a fixed list of parts; the car is built once chosen"),
)


def business_table(businesses: tuple[Business, ...] = BUSINESSES) -> pd.DataFrame:
    """One row per business: the times compared, the variants, the strategy and why."""
    rows = [
        {
            "business": b.name,
            "customer waits (days)": b.customer_wait_days,
            "parts (days)": b.supply_days,
            "assembly (days)": b.assembly_days,
            "variants": b.variants,
            "strategy": b.strategy,
            "why": b.reason,
        }
        for b in businesses
    ]
    return pd.DataFrame(rows).set_index("business")


# ----------------------------------------------------------------------------------------
# The what-if panel (lesson 06)
# ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Experiment:
    label: str
    description: str
    minimum: float
    maximum: float
    step: float
    default: float
    readout: str


#: The experiments of :class:`WhatIfPanel`: key -> (label, slider description, range).
EXPERIMENTS: dict[str, _Experiment] = {
    "surge": _Experiment("Demand surge for 30 days (assembly capacity)", "more orders (%)",
                         0, 100, 10, 50, ".0f"),
    "late supplier": _Experiment("Late supplier of the CPU-5 processor", "days late",
                                 0, 56, 7, 28, ".0f"),
    "obsolescence": _Experiment("Stock losing value (obsolescence)", "value lost (%/week)",
                                0, 3, 0.25, 1, ".2f"),
}


class WhatIfPanel:
    """Choose an experiment and its severity; see what happens against the usual run.

    Parameters
    ----------
    scenario : Scenario
        The PC maker (or another scenario with a ``CPU-5`` component for the
        late-supplier experiment).
    horizon : int, default 180
        Days simulated (short, so that an update stays fast).

    Attributes
    ----------
    controls : dict
        ``"experiment"`` (Dropdown) and ``"severity"`` (FloatSlider).
    live : LiveFigure
        The picture and its caption.
    last : dict
        Key figures of the last update (for tests and the caption).

    Notes
    -----
    An update runs at most one 180-day simulation (about 30 ms) and renders the
    PNG (about 40-70 ms, as for every LiveFigure); runs are cached per slider
    step, so going back to a value only redraws. Measured on 2 loaded cores:
    about 100-140 ms per update, 140-550 ms to build.
    """

    COMPONENT = "CPU-5"

    def __init__(self, scenario: Scenario, horizon: int = 180) -> None:
        self.scenario = check_scenario(scenario)
        self.horizon = check_int("horizon", horizon, minimum=120)
        if self.COMPONENT not in scenario.catalog.component_names:
            raise ValueError(f"scenario(={scenario.name!r}) has no component {self.COMPONENT!r}")
        self._orders = scenario.orders(horizon=self.horizon)
        self._targets = scenario.targets("ATO")
        self._baseline = simulate(scenario.factory, self._orders, "ATO", self._targets,
                                  horizon=self.horizon)
        self._mts: SimulationResult | None = None
        self._runs: dict[tuple[str, float], SimulationResult] = {}  # what-if runs seen so far
        self._uses = set(products_using(scenario.catalog, self.COMPONENT))
        self.last: dict[str, float] = {}
        self._switching = False
        first = EXPERIMENTS["surge"]
        self.controls: dict[str, widgets.Widget] = {
            "experiment": widgets.Dropdown(
                options=[(e.label, key) for key, e in EXPERIMENTS.items()],
                value="surge", description="What if:",
                layout=widgets.Layout(width="30em"),
            ),
            "severity": widgets.FloatSlider(
                value=first.default, min=first.minimum, max=first.maximum, step=first.step,
                description=first.description, continuous_update=False,
                readout_format=first.readout, style={"description_width": "10em"},
                layout=widgets.Layout(width="32em"),
            ),
        }
        self.controls["experiment"].observe(lambda _change: self._switch(), names="value")
        self.controls["severity"].observe(lambda _change: self._on_severity(), names="value")
        self.live = LiveFigure(self._draw, height=5.0)
        self.update()

    @property
    def widget(self) -> widgets.VBox:
        """Controls above the picture and its caption."""
        return widgets.VBox(
            [widgets.HBox([self.controls["experiment"], self.controls["severity"]]),
             self.live.widget]
        )

    def _switch(self) -> None:
        spec = EXPERIMENTS[self.controls["experiment"].value]
        slider = self.controls["severity"]
        self._switching = True
        try:  # widen first so that the new value always fits
            slider.min, slider.max = min(slider.min, spec.minimum), max(slider.max, spec.maximum)
            slider.value = spec.default
            slider.min, slider.max, slider.step = spec.minimum, spec.maximum, spec.step
            slider.description, slider.readout_format = spec.description, spec.readout
        finally:
            self._switching = False
        self.update()

    def _on_severity(self) -> None:
        if not self._switching:
            self.update()

    def update(self) -> None:
        """Re-run the chosen experiment at the slider's severity and redraw."""
        self.live.update(experiment=self.controls["experiment"].value,
                         severity=float(self.controls["severity"].value))

    # -- the experiments ------------------------------------------------------------------
    def _mts_run(self) -> SimulationResult:
        if self._mts is None:
            sc = self.scenario
            self._mts = simulate(sc.factory, self._orders, "MTS", sc.targets("MTS"),
                                 horizon=self.horizon)
        return self._mts

    def _draw(self, fig: Figure, experiment: str, severity: float) -> str:
        ax = fig.add_subplot()
        if experiment == "obsolescence":
            return self._draw_obsolescence(ax, severity)
        if experiment == "surge":
            share = severity / 100.0
            key = (experiment, round(share, 6))
            if key not in self._runs:
                orders = surge_orders(self.scenario, share, horizon=self.horizon, start=60,
                                      length=30)
                self._runs[key] = simulate(self.scenario.factory, orders, "ATO",
                                           planned_targets(self.scenario, share),
                                           horizon=self.horizon)
            what_if = self._runs[key]
            during = what_if.orders[(what_if.orders["day"] >= 60) & (what_if.orders["day"] < 90)]
            lead = float(during["lead_time"].astype(float).mean())
            self.last = {"mean lead time during the surge (days)": lead,
                         "orders during the surge": float(len(during))}
            what = f"+{severity:.0f} % orders on days 60–89"
            ax.axvspan(60 / 7, 90 / 7, color=OKABE_ITO[6], alpha=0.25, label="surge")
            text = (f"During the surge, orders wait <b>{lead:.1f} days</b> on average "
                    f"(usual: {self._window_lead():.1f}); the line assembles at most "
                    f"{self._daily_capacity():.0f} PCs a day, with components planned "
                    "for the surge.")
        else:
            days_late = int(round(severity))
            key = (experiment, float(days_late))
            if key not in self._runs:
                usual = self.scenario.catalog.component(self.COMPONENT).lead_time
                factory = with_lead_time(self.scenario.factory, self.COMPONENT,
                                         usual + days_late)
                self._runs[key] = simulate(factory, self._orders, "ATO", self._targets,
                                           horizon=self.horizon)
            what_if = self._runs[key]
            o = what_if.orders
            needs = o["product"].isin(self._uses)
            judged = o["on_time"].notna()
            late = judged & ~o["on_time"].fillna(True).astype(bool)
            late_share = float((late & judged & needs).sum() / max((judged & needs).sum(), 1))
            other = float((late & judged & ~needs).sum() / max((judged & ~needs).sum(), 1))
            self.last = {"late share, orders needing CPU-5": late_share,
                         "late share, other orders": other}
            what = f"CPU-5 supplier {days_late} days late"
            text = (f"Late: <b>{late_share:.0%}</b> of the orders that need a CPU-5 "
                    f"({len(self._uses)} of {len(self.scenario.catalog.products)} "
                    f"configurations), {other:.0%} of the others.")
        base = weekly_lead_time(self._baseline)
        new = weekly_lead_time(what_if)
        ax.plot(base.index, base.to_numpy(), color="black", linestyle=":", marker="o",
                label="usual run")
        style = strategy_style("ATO")
        ax.plot(new.index, new.to_numpy(), color=OKABE_ITO[1], linestyle=style["linestyle"],
                marker=style["marker"], label=f"what if: {what}")
        ax.set_xlabel("Week of the order's arrival")
        ax.set_ylabel("Mean lead time (days)")
        ax.set_title("Assemble to order: how long customers wait")
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper right")
        return text

    def _window_lead(self) -> float:
        o = self._baseline.orders
        during = o[(o["day"] >= 60) & (o["day"] < 90)]
        return float(during["lead_time"].astype(float).mean())

    def _daily_capacity(self) -> float:
        f = self.scenario.factory
        hours = self.scenario.catalog.assembly_hours(self.scenario.catalog.product_names[0])
        return f.assembly_capacity / hours

    def _draw_obsolescence(self, ax: Any, severity: float) -> str:
        rate = severity / 100.0
        runs = {"MTS": self._mts_run(), "ATO": self._baseline}
        totals: dict[str, float] = {}
        for label, run in runs.items():
            lost = value_lost(run, rate) / 1000.0
            totals[label] = float(lost.iloc[-1])
            style = strategy_style(label)
            ax.plot(lost.index, lost.to_numpy(), color=style["color"],
                    linestyle=style["linestyle"], marker=style["marker"], markevery=20,
                    label=f"{label}: {totals[label]:,.0f} k€ lost")
        self.last = {"value lost, MTS (k€)": totals["MTS"], "value lost, ATO (k€)": totals["ATO"]}
        ax.set_xlabel("Day")
        ax.set_ylabel("Value lost so far (thousand €)")
        ax.set_title(f"Stock losing {severity:.2f} % of its value per week")
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left")
        return (f"In {self.horizon} days the stock loses <b>{totals['ATO']:,.0f} k€</b> "
                f"under ATO (components only) and {totals['MTS']:,.0f} k€ under MTS "
                "(every configuration finished on the shelf).")


# ----------------------------------------------------------------------------------------
# The self-check quiz (lesson 07) is now exercise 7.1: its questions, explanations and
# answers are in ato_lessons/grading/data/lesson07.toml, shown by the one quiz widget
# (ato_lessons.widgets.quiz.choice_quiz("7.1")) and checked with check("7.1", answers).
# The old names below still work for one release (module __getattr__, one warning).
# ----------------------------------------------------------------------------------------
def _moved_quiz_names() -> MovedNames:
    from ..grading import check, choice_exercise, grade
    from .quiz import ChoiceQuiz

    return MovedNames(__name__, "ato_lessons.widgets.quiz", {
        "QUESTIONS": choice_exercise("7.1").items,
        "SelfCheckQuiz": partial(ChoiceQuiz, "7.1"),
        "check_quiz": partial(check, "7.1"),
        "grade_quiz": partial(grade, "7.1"),
    }, advice="the self-check quiz is exercise 7.1: show it with choice_quiz('7.1') from "
              "ato_lessons.widgets.quiz and check answers with check('7.1', answers) from "
              "ato_lessons.grading.")


_MOVED_QUIZ: list[MovedNames] = []


def __getattr__(name: str) -> Any:
    if name not in ("QUESTIONS", "SelfCheckQuiz", "check_quiz", "grade_quiz"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if not _MOVED_QUIZ:
        _MOVED_QUIZ.append(_moved_quiz_names())
    return _MOVED_QUIZ[0].resolve(name)
