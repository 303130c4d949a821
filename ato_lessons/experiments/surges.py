"""A temporary demand surge (lesson 06): extra orders, components planned for them.

With enough components planned (:func:`planned_targets`), what limits
deliveries during a surge (:func:`surge_orders`) is the assembly line
(:func:`assembly_limit`: PCs a day at most).

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> surged = surge_orders(pc, 1.0, start=30, length=20, horizon=120)
>>> usual = surge_orders(pc, 0.0, horizon=120)
>>> bool(len(surged) > len(usual))
True
>>> round(assembly_limit(pc), 1)
16.8
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..course import class_seed
from ..instances import Scenario
from ..validation import check_int, check_real
from ._common import check_scenario

__all__ = ["surge_orders", "planned_targets", "assembly_limit"]


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


def assembly_limit(scenario: Scenario) -> float:
    """Most popular products the assembly line can build in a day (its hours / hours per PC)."""
    sc = check_scenario(scenario)
    hours = sc.catalog.assembly_hours(sc.catalog.product_names[0])
    return sc.factory.assembly_capacity / hours
