"""What stock costs beyond its holding cost (lesson 06): lost value, obsolete stock, cover.

* :func:`value_lost`: components losing value week by week, as Michael Dell
  described;
* :func:`stock_at_risk`: stock left without demand after a change of tastes;
* :func:`days_of_inventory`: average inventory over the material used per day.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> orders = pc.orders(seed=4)
>>> mts, ato = days_of_inventory(pc.run("MTS", orders)), days_of_inventory(pc.run("ATO", orders))
>>> bool(mts > 5 * ato > 0)
True
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..factory import SimulationResult
from ..validation import check_int, check_real
from ._common import check_result

__all__ = ["value_lost", "stock_at_risk", "days_of_inventory"]


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
    res = check_result(result)
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
    res = check_result(result)
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
    res = check_result(result)
    catalog = res.factory.catalog
    served = res.orders[res.orders["status"] == "served"]
    cost = {p.name: catalog.material_cost(p.name) for p in catalog.products}
    material = float((served["product"].map(cost) * served["quantity"]).sum())
    last_day = int(res.orders["day"].max()) if len(res.orders) else 0
    per_day = material / min(res.horizon, last_day + 1)
    if per_day <= 0:
        return math.nan
    return float(res.inventory["total_value"].mean()) / per_day
