"""How long customers wait: summaries of the lead times of a simulated run.

* :func:`mto_wait` (lesson 02): mean and 95th percentile of the wait, and the
  orders still waiting at the end;
* :func:`lead_time_split` (lesson 04): orders that need a component against
  the others;
* :func:`weekly_lead_time` and :func:`window_lead_time` (lesson 06): mean lead
  time by week of arrival, or over a window of days (e.g. a demand surge);
* :func:`late_shares` (lesson 06): share of orders delivered late, among those
  that need a component and among the others.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> run = pc.run("MTO", pc.orders(horizon=60, seed=1), horizon=180)
>>> wait = mto_wait(run)
>>> round(wait["mean"], 1), wait["waiting"]
(29.5, 0.0)
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..factory import SimulationResult
from ..validation import check_int
from ._common import check_result

__all__ = ["mto_wait", "lead_time_split", "weekly_lead_time", "window_lead_time", "late_shares"]


def mto_wait(result: SimulationResult) -> dict[str, float]:
    """Mean and 95th percentile of the customer's wait (days), and orders still waiting.

    Parameters
    ----------
    result : SimulationResult
        Any run (lesson 02 uses make to order).

    Returns
    -------
    dict
        ``mean`` and ``p95`` (days, over delivered orders; NaN if none) and
        ``waiting`` (orders not delivered by the end of the run).
    """
    result = check_result(result)
    lead = result.orders["lead_time"].dropna().to_numpy(dtype=float)
    return {
        "mean": float(lead.mean()) if lead.size else float("nan"),
        "p95": float(np.percentile(lead, 95)) if lead.size else float("nan"),
        "waiting": float((result.orders["status"] == "waiting").sum()),
    }


def _users(result: SimulationResult, component: str) -> npt.NDArray[np.bool_]:
    """Whether each order of the run needs ``component`` (checked against the catalog)."""
    catalog = result.factory.catalog
    catalog.component(component)  # names an unknown component
    users = {p.name for p in catalog.products if component in p.bom}
    return result.orders["product"].isin(users).to_numpy()


def lead_time_split(result: SimulationResult, component: str) -> dict[str, float]:
    """Mean lead time (days) of delivered orders that need ``component`` and of the others.

    Also the number of orders in each group and how many of them were still
    waiting at the end.

    Parameters
    ----------
    result : SimulationResult
        Any run.
    component : str
        A component of the run's catalog.

    Returns
    -------
    dict
        ``needing``, ``others`` (mean lead time, NaN if none delivered),
        ``n needing``, ``n others``, ``waiting needing``, ``waiting others``.
    """
    result = check_result(result)
    need = _users(result, component)
    o = result.orders
    lead = o["lead_time"].to_numpy(dtype=float, na_value=np.nan)
    waiting = (o["status"] == "waiting").to_numpy()

    def mean(mask: npt.NDArray[np.bool_]) -> float:
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


def weekly_lead_time(result: SimulationResult) -> pd.Series:
    """Mean lead time (days) of the orders delivered, by week of arrival (0, 1, ...)."""
    res = check_result(result)
    done = res.orders.dropna(subset=["lead_time"])
    weeks = (done["day"] // 7).astype(int)
    series = done["lead_time"].astype(float).groupby(weeks).mean()
    series.index.name = "week"
    series.name = "mean lead time (days)"
    return series


def window_lead_time(result: SimulationResult, first_day: int, end_day: int) -> dict[str, float]:
    """Mean lead time (days) of the orders that arrived on days ``first_day`` to ``end_day - 1``.

    Parameters
    ----------
    result : SimulationResult
        Any run.
    first_day, end_day : int
        The window ``[first_day, end_day)`` of arrival days (``0 <= first_day < end_day``).

    Returns
    -------
    dict
        ``mean lead time (days)`` (over the delivered orders of the window; NaN
        if none) and ``orders`` (how many arrived in the window).
    """
    res = check_result(result)
    first = check_int("first_day", first_day, minimum=0)
    end = check_int("end_day", end_day, minimum=first + 1)
    o = res.orders
    during = o[(o["day"] >= first) & (o["day"] < end)]
    return {
        "mean lead time (days)": float(during["lead_time"].astype(float).mean()),
        "orders": float(len(during)),
    }


def late_shares(result: SimulationResult, component: str) -> dict[str, float]:
    """Share of orders delivered after their promised date: those needing ``component``, others.

    Only orders with an on-time verdict count (see the ``on_time`` column of
    :attr:`SimulationResult.orders`); a group without any counts as 0.

    Returns
    -------
    dict
        ``needing`` and ``others``: shares between 0 and 1.
    """
    res = check_result(result)
    needs = _users(res, component)
    o = res.orders
    judged = o["on_time"].notna().to_numpy()
    late = judged & ~o["on_time"].fillna(True).astype(bool).to_numpy()
    return {
        "needing": float((late & needs).sum() / max((judged & needs).sum(), 1)),
        "others": float((late & ~needs).sum() / max((judged & ~needs).sum(), 1)),
    }
