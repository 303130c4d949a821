"""Pictures and sliders of the ATO lab (lesson 08)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ato_lessons.lab.results import MAX_REPS, MAX_SEED, LabResult, mean_ci, simulate_lab
from ato_lessons.lab.system import LabSystem, validate_levels
from ato_lessons.plots import OKABE_ITO, course_style
from ato_lessons.validation import check_int
from ato_lessons.widgets.base import LessonWidget

__all__ = ["level_sweep", "plot_level_sweep", "LabSliders", "result_html", "difference_html"]


def level_sweep(
    system: LabSystem,
    levels: object,
    component: str,
    values: Sequence[int],
    *,
    n_reps: int = 200,
    seed: int = 2026,
) -> pd.DataFrame:
    """Simulate one component's level over ``values``, the others fixed at ``levels``.

    Returns
    -------
    pandas.DataFrame
        Indexed by the level; columns ``profit``, ``ci_low``, ``ci_high``, ``revenue``,
        ``holding_cost`` (all per unit time) and ``lost`` (fraction of orders lost).
        Common random numbers: every level sees the same orders.
    """
    base = list(validate_levels(system, levels))
    if component not in system.component_names:
        raise ValueError(f"component(={component!r}) must be one of {system.component_names}")
    j = system.component_names.index(component)
    rows = []
    for value in values:
        base[j] = value
        result = simulate_lab(system, base, n_reps, seed)
        low, high = result.ci
        rows.append(
            {
                "level": value,
                "profit": result.mean,
                "ci_low": low,
                "ci_high": high,
                "revenue": float(result.revenue.mean()),
                "holding_cost": float(result.holding_cost.mean()),
                "lost": float(result.lost_fraction.mean()),
            }
        )
    return pd.DataFrame(rows).set_index("level")


def plot_level_sweep(table: pd.DataFrame, component: str, ax: Axes | None = None) -> Axes:
    """Plot a :func:`level_sweep` table: profit with 95 % CI bars, revenue, holding cost."""
    with course_style():
        if ax is None:
            _, ax = plt.subplots()
        x = table.index.to_numpy()
        err = np.vstack([table["profit"] - table["ci_low"], table["ci_high"] - table["profit"]])
        ax.errorbar(
            x,
            table["profit"],
            yerr=err,
            color=OKABE_ITO[2],
            marker="^",
            capsize=5,
            label="profit (mean, 95% CI)",
        )
        ax.plot(
            x, table["revenue"], color=OKABE_ITO[0], marker="o", linestyle="--", label="revenue"
        )
        ax.plot(
            x,
            table["holding_cost"],
            color=OKABE_ITO[1],
            marker="s",
            linestyle=":",
            label="holding cost",
        )
        ax.set_xlabel(f"base-stock level of {component} (units)")
        ax.set_ylabel("money per unit time")
        ax.set_title(f"Changing only {component}: stock costs, shortages lose sales")
        ax.legend(loc="best")
    return ax


def result_html(result: LabResult) -> str:
    """A short HTML summary of a result: profit with its CI, costs and lost orders."""
    low, high = result.ci
    lost = 100 * float(result.lost_fraction.mean())
    return (
        f"<b>profit per unit time: {result.mean:.2f}</b> "
        f"(95% CI {low:.2f} to {high:.2f}, {result.n_reps} replications)<br>"
        f"revenue {result.revenue.mean():.2f} − holding cost "
        f"{result.holding_cost.mean():.2f}; orders lost {lost:.1f} %"
    )


def difference_html(result: LabResult, start: LabResult) -> str:
    """One HTML line: the profit of ``result`` minus that of ``start``, with its 95 % CI.

    Both results must come from the same seed and number of replications (common
    random numbers), so the difference is taken replication by replication.
    """
    if result.seed != start.seed or result.n_reps != start.n_reps:
        raise ValueError(
            f"start(seed={start.seed}, n_reps={start.n_reps}) must use the same seed and "
            f"replications as result(seed={result.seed}, n_reps={result.n_reps})"
        )
    if result.levels == start.levels:
        return f"these are the starting levels {list(start.levels)}"
    diff, low, high = mean_ci(result.profit - start.profit)
    return (
        f"against the starting levels {list(start.levels)}: <b>{diff:+.2f}</b> per unit time "
        f"(95% CI {low:+.2f} to {high:+.2f}, same replications)"
    )


class LabSliders(LessonWidget):
    """One slider per component; the profit estimate updates when a slider moves.

    Under the estimate, a second line compares the levels on the sliders with the
    starting levels on the same replications (common random numbers). The sliders
    follow the course's widget protocol (:class:`~ato_lessons.widgets.base.LessonWidget`):
    ``controls`` (component name -> slider), ``widget``, ``update()``.

    Parameters
    ----------
    system : LabSystem
    levels : sequence or mapping, optional
        Starting levels (default: the description's).
    n_reps : int
        Replications per update (200 take about 0.05 s with the fast engine).
    seed : int
        Same seed for every update: common random numbers, so a change in the estimate
        comes from the levels, not from new random numbers.
    max_level : int
        Largest level on the sliders.

    Attributes
    ----------
    controls : dict
        Component name -> ``IntSlider``.
    sliders : list
        The same sliders, in the system's component order.
    output : ipywidgets.HTML
        The estimate and the comparison with the starting levels.

    Notes
    -----
    Results are kept per set of levels (the same seed gives the same numbers), so
    going back to levels seen before shows them at once.
    """

    #: How many sets of levels the sliders remember.
    REMEMBERED = 256

    def __init__(
        self,
        system: LabSystem,
        levels: object = None,
        *,
        n_reps: int = 200,
        seed: int = 2026,
        max_level: int = 20,
    ) -> None:
        self.system = system
        self.n_reps = check_int("n_reps", n_reps, minimum=1, maximum=MAX_REPS)
        self.seed = check_int("seed", seed, minimum=0, maximum=MAX_SEED)
        start = validate_levels(system, levels)
        self.sliders = [
            widgets.IntSlider(
                value=min(v, max_level),
                min=0,
                max=max_level,
                description=name,
                continuous_update=False,
            )
            for name, v in zip(system.component_names, start, strict=True)
        ]
        self.output = widgets.HTML(value="")
        self._results: OrderedDict[tuple[int, ...], LabResult] = OrderedDict()
        self._start_result = self._simulate(tuple(start))
        self._watch(dict(zip(system.component_names, self.sliders, strict=True)))

    @property
    def levels(self) -> tuple[int, ...]:
        """The levels currently on the sliders."""
        return tuple(int(s.value) for s in self.sliders)

    def _simulate(self, levels: tuple[int, ...]) -> LabResult:
        result = self._results.get(levels)
        if result is None:
            result = simulate_lab(self.system, levels, self.n_reps, self.seed)
            self._results[levels] = result
            while len(self._results) > self.REMEMBERED:
                self._results.popitem(last=False)
        return result

    def update(self) -> LabResult:
        """Simulate the levels on the sliders, show the estimate and return it."""
        result = self._simulate(self.levels)
        self.output.value = (
            result_html(result) + "<br>" + difference_html(result, self._start_result)
        )
        return result

    def _layout(self) -> widgets.Box:
        """Sliders in two columns, the estimate below."""
        half = (len(self.sliders) + 1) // 2
        columns = widgets.HBox(
            [widgets.VBox(self.sliders[:half]), widgets.VBox(self.sliders[half:])]
        )
        return widgets.VBox([columns, self.output])
