"""Run the ATO lab model and summarise replications with 95 % confidence intervals."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from ato_lessons.lab.engines import LabInputs, draw_inputs, simulate_fast, simulate_reference
from ato_lessons.lab.system import LabSystem, lab_system_from_dict, validate_levels
from ato_lessons.validation import check_choice, check_int, short_repr

__all__ = ["LabResult", "simulate_lab", "t_quantile_975", "mean_ci", "MAX_REPS", "MAX_SEED"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Engine = Literal["fast", "reference"]
#: Largest number of replications of one call (memory: about 60 kB each for the benchmark).
MAX_REPS = 100_000
#: Largest seed (``numpy.random.SeedSequence`` takes any non-negative int; this keeps it int64).
MAX_SEED = 2**63 - 1

# Two-sided 95 % Student-t quantiles for 1..10 degrees of freedom.
_T975_SMALL = (12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281)


def t_quantile_975(df: int) -> float:
    """Return the 0.975 quantile of Student's t with ``df`` degrees of freedom.

    Exact to 4 decimals for ``df <= 10`` (table), then the Cornish-Fisher expansion
    around the normal quantile (error below 1e-4).

    Parameters
    ----------
    df : int
        Degrees of freedom (>= 1).

    Returns
    -------
    float

    Raises
    ------
    TypeError
        ``df`` is not a whole number.
    ValueError
        ``df < 1``.

    Examples
    --------
    >>> round(t_quantile_975(30), 3), round(t_quantile_975(1000), 3)
    (2.042, 1.962)
    """
    df = check_int("df", df, minimum=1)
    if df <= len(_T975_SMALL):
        return _T975_SMALL[df - 1]
    z = 1.959963984540054
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def mean_ci(values: npt.ArrayLike) -> tuple[float, float, float]:
    """Return ``(mean, low, high)``: the mean and its t-based 95 % confidence interval.

    With a single value the interval is ``(nan, nan)``.
    """
    x = np.asarray(values, dtype=float)
    mean = float(x.mean())
    if x.size < 2:
        return mean, math.nan, math.nan
    half = t_quantile_975(int(x.size - 1)) * float(x.std(ddof=1)) / math.sqrt(x.size)
    return mean, mean - half, mean + half


@dataclass(frozen=True)
class LabResult:
    """Per-replication results of the ATO lab model.

    Attributes
    ----------
    levels : tuple of int
        The base-stock levels simulated.
    seed : int
        Seed of the random inputs (same seed = same inputs = common random numbers).
    profit, revenue, holding_cost : ndarray
        Per unit time over the counting window; ``profit = revenue - holding_cost``.
    orders, orders_lost : ndarray of int
        Orders arrived and lost in the counting window.
    """

    levels: tuple[int, ...]
    seed: int
    profit: FloatArray
    revenue: FloatArray
    holding_cost: FloatArray
    orders: IntArray
    orders_lost: IntArray

    def __post_init__(self) -> None:
        n = self.profit.shape
        for field in ("revenue", "holding_cost", "orders", "orders_lost"):
            if getattr(self, field).shape != n:
                raise ValueError(f"{field} has shape {getattr(self, field).shape}, expected {n}")

    @property
    def n_reps(self) -> int:
        """Number of replications."""
        return int(self.profit.size)

    @property
    def mean(self) -> float:
        """Mean profit per unit time."""
        return float(self.profit.mean())

    @property
    def ci(self) -> tuple[float, float]:
        """95 % confidence interval of the mean profit per unit time."""
        _, low, high = mean_ci(self.profit)
        return low, high

    @property
    def lost_fraction(self) -> FloatArray:
        """Fraction of orders lost in each replication (0 when no order arrived)."""
        return np.divide(
            self.orders_lost, self.orders, out=np.zeros(self.n_reps), where=self.orders > 0
        )

    def summary(self) -> pd.DataFrame:
        """Mean and 95 % confidence interval of every measure, one row each."""
        rows = {
            "profit per unit time": self.profit,
            "revenue per unit time": self.revenue,
            "holding cost per unit time": self.holding_cost,
            "orders lost": self.orders_lost,
            "fraction of orders lost": self.lost_fraction,
        }
        table = pd.DataFrame(
            [mean_ci(values) for values in rows.values()],
            index=pd.Index(list(rows), name="measure"),
            columns=["mean", "95% CI low", "95% CI high"],
        )
        return table

    def to_frame(self) -> pd.DataFrame:
        """One row per replication."""
        return pd.DataFrame(
            {
                "profit": self.profit,
                "revenue": self.revenue,
                "holding_cost": self.holding_cost,
                "orders": self.orders,
                "orders_lost": self.orders_lost,
            },
            index=pd.RangeIndex(self.n_reps, name="replication"),
        )

    def __str__(self) -> str:
        low, high = self.ci
        return (
            f"profit per unit time {self.mean:.2f} (95% CI {low:.2f} to {high:.2f}, "
            f"{self.n_reps} replications)"
        )


@lru_cache(maxsize=4)  # 200 replications of the benchmark: about 12 MB each
def _cached_inputs(system: LabSystem, n_reps: int, seed: int) -> LabInputs:
    inputs = draw_inputs(system, n_reps, seed)
    for array in (
        inputs.n_orders,
        inputs.arrival_times,
        inputs.product_types,
        inputs.production_times,
    ):
        array.flags.writeable = False
    return inputs


def simulate_lab(
    system: LabSystem | Mapping[str, Any],
    levels: object = None,
    n_reps: int = 100,
    seed: int = 2026,
    *,
    engine: Engine = "fast",
) -> LabResult:
    """Simulate the ATO system under base-stock ``levels`` for ``n_reps`` replications.

    Semantics (see :mod:`ato_lessons.lab.system`): inventory starts at the levels; an order
    needs all its key components, takes optional ones if on hand, else is lost; each unit
    used is replenished one at a time, FCFS, on its component's machine; revenue and holding
    cost (integrated exactly) count on ``(warm_up, run_length]`` and are divided by its
    length. The same ``seed`` gives the same random inputs for any levels (common random
    numbers), so two policies are compared fairly.

    Parameters
    ----------
    system : LabSystem or mapping
        The system, or its plain-data description (see
        :func:`~ato_lessons.lab.system.lab_system_from_dict`).
    levels : sequence of int, mapping name -> int, or None
        Base-stock levels (``None``: the description's levels).
    n_reps : int
        Number of replications, 1..:data:`MAX_REPS`.
    seed : int
        Seed, 0..:data:`MAX_SEED`.
    engine : {"fast", "reference"}
        Vectorised engine or the readable event loop; both give the same numbers.

    Returns
    -------
    LabResult
        Per-replication results, each array of shape ``(n_reps,)``.

    Raises
    ------
    TypeError
        ``system`` is neither a LabSystem nor a mapping; ``n_reps``, ``seed`` or a level
        is not a whole number.
    ValueError
        An invalid description or levels, ``n_reps`` or ``seed`` out of range, an unknown
        ``engine``.

    Examples
    --------
    >>> from ato_lessons.lab import load_lab_system
    >>> system = load_lab_system("lab_hong_nelson")
    >>> simulate_lab(system, [0] * 8, n_reps=5, seed=1).mean  # nothing to sell, nothing held
    0.0
    """
    if isinstance(system, Mapping):
        system = lab_system_from_dict(system)
    if not isinstance(system, LabSystem):
        raise TypeError(
            f"system(={short_repr(system)}) must be a LabSystem or a description (dict)"
        )
    chosen = validate_levels(system, levels)
    n_reps = check_int("n_reps", n_reps, minimum=1, maximum=MAX_REPS)
    seed = check_int("seed", seed, minimum=0, maximum=MAX_SEED)
    check_choice("engine", engine, ("fast", "reference"))
    inputs = _cached_inputs(system, n_reps, seed)
    run = simulate_fast if engine == "fast" else simulate_reference
    totals = run(system, chosen, inputs)
    window = system.run_length - system.warm_up
    revenue = totals.revenue / window
    holding = totals.holding_cost / window
    return LabResult(
        levels=chosen,
        seed=seed,
        profit=revenue - holding,
        revenue=revenue,
        holding_cost=holding,
        orders=totals.orders,
        orders_lost=totals.orders_lost,
    )
