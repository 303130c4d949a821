"""Lesson 06 (pros and cons): the what-if panel.

The article announces advantages and disadvantages of assemble-to-order but
leaves its box empty. Lesson 06 fills it with experiments on the PC maker,
which live in :mod:`ato_lessons.experiments` (``surge_orders``,
``planned_targets``, ``weekly_lead_time``, ``products_using``, ``value_lost``,
``stock_at_risk``, ``days_of_inventory``, ``fit_strategy``, ``Business``,
``BUSINESSES``, ``business_table``). Their old names here still work for one
release, with a ``DeprecationWarning``; so does ``with_lead_time``, replaced
by :meth:`~ato_lessons.catalog.Catalog.with_lead_times`.

Widgets:

* :class:`WhatIfPanel` (lesson 06, the course's widget protocol
  :class:`~ato_lessons.widgets.base.LessonWidget`): choose an experiment and its
  severity, see the consequence against the usual run.

(Lesson 07's self-check quiz is exercise 7.1 of :mod:`ato_lessons.grading`, shown
with :func:`ato_lessons.widgets.quiz.choice_quiz`.)

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> panel = WhatIfPanel(load_instance("pc_maker"))
>>> panel.controls["experiment"].value = "obsolescence"
>>> panel.last["value lost, MTS (k€)"] > 5 * panel.last["value lost, ATO (k€)"]
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

import ipywidgets as widgets
import numpy as np
from matplotlib.legend import Legend

from .._deprecation import MovedNames
from ..experiments import businesses, configurations, inventory_risk, surges, waits
from ..factory import SimulationResult, simulate
from ..i18n import fmt_number, fmt_percent
from ..instances import Scenario
from ..plots import OKABE_ITO, course_style, strategy_style
from ..validation import check_int
from . import _deprecated
from .base import InPlaceFigure, LessonWidget, check_scenario, nice_limit

__all__ = ["EXPERIMENTS", "WhatIfPanel"]

#: Old names of this module and where they live now (kept for one release).
_MOVED: dict[str, tuple[Any, str]] = {
    **_deprecated.moved_from(surges, "surge_orders", "planned_targets"),
    **_deprecated.moved_from(waits, "weekly_lead_time"),
    **_deprecated.moved_from(configurations, "products_using"),
    **_deprecated.moved_from(inventory_risk, "value_lost", "stock_at_risk",
                             "days_of_inventory"),
    **_deprecated.moved_from(businesses, "fit_strategy", "Business", "BUSINESSES",
                             "business_table"),
    "with_lead_time": (_deprecated.with_lead_time, _deprecated.NEW_LEAD_TIMES),
}


def __getattr__(name: str) -> Any:
    if name in _QUIZ_NAMES:  # the self-check quiz, now exercise 7.1 (end of this module)
        if not _MOVED_QUIZ:
            _MOVED_QUIZ.append(_moved_quiz_names())
        return _MOVED_QUIZ[0].resolve(name)
    return _deprecated.moved_attribute(__name__, name, _MOVED)


def __dir__() -> list[str]:
    return sorted([*globals(), *_MOVED, *_QUIZ_NAMES])


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

#: The surge of :class:`WhatIfPanel`: days 60 to 89.
_SURGE_START, _SURGE_END = 60, 90


class WhatIfPanel(LessonWidget):
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
    live : InPlaceFigure
        The picture and its caption.
    last : dict
        Key figures of the last update (for tests and the caption).

    Notes
    -----
    An update runs at most one 180-day simulation; runs are cached per slider
    step, so going back to a value only redraws. The figure is built once: the
    curves move, the axes are redrawn only for another experiment or scale.
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
        self._uses = set(configurations.products_using(scenario.catalog, self.COMPONENT))
        self.last: dict[str, float] = {}
        self.live = InPlaceFigure(height=5.0)
        self._artists: dict[str, Any] = {}
        first = EXPERIMENTS["surge"]
        self._watch({
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
        })

    def _layout(self) -> widgets.Box:
        return widgets.VBox(
            [widgets.HBox([self.controls["experiment"], self.controls["severity"]]),
             self.live.widget]
        )

    def _moved(self, name: str) -> None:
        if name == "experiment":  # the slider takes the new experiment's range and default
            spec = EXPERIMENTS[self.controls["experiment"].value]
            slider = self.controls["severity"]
            with self.hold():  # widen first so that the new value always fits
                slider.min = min(slider.min, spec.minimum)
                slider.max = max(slider.max, spec.maximum)
                slider.value = spec.default
                slider.min, slider.max, slider.step = spec.minimum, spec.maximum, spec.step
                slider.description, slider.readout_format = spec.description, spec.readout
        self.update()

    # -- the experiments ------------------------------------------------------------------
    def _mts_run(self) -> SimulationResult:
        if self._mts is None:
            sc = self.scenario
            self._mts = simulate(sc.factory, self._orders, "MTS", sc.targets("MTS"),
                                 horizon=self.horizon)
        return self._mts

    def _surge_run(self, share: float) -> SimulationResult:
        key = ("surge", round(share, 6))
        if key not in self._runs:
            orders = surges.surge_orders(self.scenario, share, horizon=self.horizon,
                                  start=_SURGE_START, length=_SURGE_END - _SURGE_START)
            self._runs[key] = simulate(self.scenario.factory, orders, "ATO",
                                       surges.planned_targets(self.scenario, share),
                                       horizon=self.horizon)
        return self._runs[key]

    def _late_run(self, days_late: int) -> SimulationResult:
        key = ("late supplier", float(days_late))
        if key not in self._runs:
            usual = self.scenario.catalog.component(self.COMPONENT).lead_time
            catalog = self.scenario.catalog.with_lead_times({self.COMPONENT: usual + days_late})
            self._runs[key] = simulate(self.scenario.factory.with_(catalog=catalog),
                                       self._orders, "ATO", self._targets, horizon=self.horizon)
        return self._runs[key]

    def update(self) -> None:
        """Re-run the chosen experiment at the slider's severity and redraw."""
        experiment = str(self.controls["experiment"].value)
        severity = float(self.controls["severity"].value)
        if not self._artists:
            self._build()
        self._show(experiment)
        if experiment == "obsolescence":
            text = self._obsolescence(severity)
        elif experiment == "surge":
            text = self._surge(severity)
        else:
            text = self._late_supplier(severity)
        self.live.render(text, key=experiment)

    def _surge(self, severity: float) -> str:
        what_if = self._surge_run(severity / 100.0)
        during = waits.window_lead_time(what_if, _SURGE_START, _SURGE_END)
        lead = during["mean lead time (days)"]
        self.last = {"mean lead time during the surge (days)": lead,
                     "orders during the surge": during["orders"]}
        usual = waits.window_lead_time(self._baseline, _SURGE_START, _SURGE_END)
        self._what_if(what_if)
        return (f"With {fmt_number(severity)} % more orders on days 60–89, orders wait "
                f"<b>{fmt_number(lead, 1)} days</b> on average "
                f"(usual: {fmt_number(usual['mean lead time (days)'], 1)}); the line "
                f"assembles at most {fmt_number(surges.assembly_limit(self.scenario))} PCs a day, "
                "with components planned for the surge.")

    def _late_supplier(self, severity: float) -> str:
        days_late = int(round(severity))
        what_if = self._late_run(days_late)
        shares = waits.late_shares(what_if, self.COMPONENT)
        self.last = {"late share, orders needing CPU-5": shares["needing"],
                     "late share, other orders": shares["others"]}
        self._what_if(what_if)
        return (f"CPU-5 supplier {days_late} days late. Late: "
                f"<b>{fmt_percent(shares['needing'])}</b> of the orders that need a "
                f"CPU-5 ({len(self._uses)} of {len(self.scenario.catalog.products)} "
                f"configurations), {fmt_percent(shares['others'])} of the others.")

    def _what_if(self, what_if: SimulationResult) -> None:
        """Show the weekly lead time of a what-if run against the usual run."""
        a = self._artists
        new = waits.weekly_lead_time(what_if)
        a["what if"].set_data(new.index.to_numpy(dtype=float), new.to_numpy())
        top = max(float(new.max()), a["usual top"])
        self.live.fig.axes[0].set_ylim(0, nice_limit(1.05 * top, 1.0))

    def _obsolescence(self, severity: float) -> str:
        rate = severity / 100.0
        a = self._artists
        totals: dict[str, float] = {}
        runs = {"MTS": self._mts_run(), "ATO": self._baseline}
        for i, (label, run) in enumerate(runs.items()):
            lost = inventory_risk.value_lost(run, rate) / 1000.0
            totals[label] = float(lost.iloc[-1])
            a["value lines"][i].set_ydata(lost.to_numpy())
        self.last = {"value lost, MTS (k€)": totals["MTS"], "value lost, ATO (k€)": totals["ATO"]}
        self.live.fig.axes[0].set_ylim(0, nice_limit(1.05 * max(totals.values()), 1.0))
        return (f"In {self.horizon} days the stock loses <b>{fmt_number(totals['ATO'])} k€</b> "
                f"under ATO (components only) and {fmt_number(totals['MTS'])} k€ under MTS "
                f"(every configuration finished on the shelf), losing "
                f"{fmt_number(severity, 2)} % of its value a week.")

    # -- the figure -----------------------------------------------------------------------
    def _build(self) -> None:
        """Draw every experiment's artists once; :meth:`_show` picks one experiment's."""
        a = self._artists
        base = waits.weekly_lead_time(self._baseline)
        a["usual top"] = float(base.max())
        style = strategy_style("ATO")
        with course_style():
            ax = self.live.fig.add_subplot()
            a["span"] = ax.axvspan(_SURGE_START / 7, _SURGE_END / 7, color=OKABE_ITO[6],
                                   alpha=0.25, label="surge")
            (a["usual"],) = ax.plot(base.index, base.to_numpy(), color="black", linestyle=":",
                                    marker="o", label="usual run")
            (a["what if"],) = ax.plot(base.index, base.to_numpy(), color=OKABE_ITO[1],
                                      linestyle=style["linestyle"], marker=style["marker"],
                                      label="what if")
            days = self._baseline.inventory["day"].to_numpy(dtype=float)
            a["value lines"] = []
            for label in ("MTS", "ATO"):
                st = strategy_style(label)
                (line,) = ax.plot(days, np.zeros_like(days), color=st["color"],
                                  linestyle=st["linestyle"], marker=st["marker"], markevery=20,
                                  label=label)
                a["value lines"].append(line)
            a["legend surge"] = Legend(
                ax, [a["span"], a["usual"], a["what if"]],
                ["surge (days 60–89)", "usual run", "what if: more orders"], loc="upper right")
            a["legend late"] = Legend(ax, [a["usual"], a["what if"]],
                                      ["usual run", "what if: CPU-5 supplier late"],
                                      loc="upper right")
            a["legend value"] = Legend(
                ax, a["value lines"],
                ["MTS (every configuration finished)", "ATO (components only)"], loc="upper left")
            for legend in (a["legend surge"], a["legend late"], a["legend value"]):
                ax.add_artist(legend)
            ax.set_title("Assemble to order: how long customers wait")
            # Lay the figure out for its widest labels (the value lost, in hundreds of k€),
            # so that every experiment fits the same picture.
            self._show("obsolescence")
            ax.set_ylim(0, 800)
            self.live.fig.tight_layout()
        self.live.animate(a["what if"], *a["value lines"])

    def _show(self, experiment: str) -> None:
        """Show the artists, labels and scales of ``experiment`` only."""
        a = self._artists
        ax = self.live.fig.axes[0]
        waits_shown = experiment != "obsolescence"
        for artist in (a["usual"], a["what if"]):
            artist.set_visible(waits_shown)
        a["span"].set_visible(experiment == "surge")
        for line in a["value lines"]:
            line.set_visible(not waits_shown)
        a["legend surge"].set_visible(experiment == "surge")
        a["legend late"].set_visible(experiment == "late supplier")
        a["legend value"].set_visible(not waits_shown)
        if waits_shown:
            weeks = a["usual"].get_xdata()
            ax.set_xlim(-1.25, float(np.max(weeks)) + 1.25)
            ax.set_xlabel("Week of the order's arrival")
            ax.set_ylabel("Mean lead time (days)")
            ax.title.set_text("Assemble to order: how long customers wait")
        else:
            ax.set_xlim(-0.05 * self.horizon, 1.05 * self.horizon)
            ax.set_xlabel("Day")
            ax.set_ylabel("Value lost so far (thousand €)")
            ax.title.set_text("Stock losing value week by week (obsolescence)")


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
_QUIZ_NAMES = ("QUESTIONS", "SelfCheckQuiz", "check_quiz", "grade_quiz")
