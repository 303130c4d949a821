"""Lesson 01's experiment: a one-off production run of the most popular PCs.

Before a season the factory builds, once, a multiple of the forecast of its
``offer`` most popular products, then sells from that stock: nothing is rebuilt
and a customer who finds the shelf empty goes elsewhere. The production level
trades stock-outs (lost sales) against leftovers.

* :func:`offered_products`: the products built and offered;
* :func:`season_orders`: the season's orders for them;
* :func:`one_off_targets`: how many of each to build at a production level;
* :func:`production_run` and :func:`run_figures`: one run and its key figures;
* :func:`level_sweep`: the key figures at several levels, on the same orders.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> table = level_sweep(pc, [0.5, 1.0, 1.5], season=90, offer=20)
>>> list(table.index)
[50.0, 100.0, 150.0]
>>> bool(table["fill rate"].is_monotonic_increasing)
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from ..factory import SimulationResult, simulate
from ..instances import Scenario
from ..policies import daily_demand
from ..validation import check_dataframe, check_int, check_real
from ._common import check_result, check_scenario

__all__ = [
    "offered_products",
    "season_orders",
    "one_off_targets",
    "production_run",
    "run_figures",
    "level_sweep",
]


def offered_products(scenario: Scenario, offer: int) -> list[str]:
    """Names of the ``offer`` most popular products of the scenario's catalog.

    Raises
    ------
    TypeError
        If ``offer`` is not a whole number.
    ValueError
        If ``offer`` is below 1 or above the number of products.

    Examples
    --------
    >>> from ato_lessons.instances import load_instance
    >>> offered_products(load_instance("pc_maker"), 3)[-1]
    'Case/MB-office/CPU-5/GPU-basic/MON-27/KB-std'
    """
    scenario = check_scenario(scenario)
    k = check_int("offer", offer, minimum=1)
    names = scenario.catalog.product_names
    if k > len(names):
        raise ValueError(f"offer(={offer!r}) must be at most the {len(names)} products")
    return list(names[:k])


def season_orders(
    scenario: Scenario,
    season: int = 90,
    offer: int = 20,
    shift_day: int | None = None,
    seed: int | None = None,
) -> pd.DataFrame:
    """The season's orders for the ``offer`` most popular products only.

    Parameters
    ----------
    scenario : Scenario
        The factory and its usual demand.
    season : int, default 90
        Days in the season (>= 1).
    offer : int, default 20
        How many of the most popular products are built ahead and offered.
    shift_day : int or None
        Day from which tastes change (see :class:`~ato_lessons.demand.DemandModel`).
    seed : int, optional
        Seed of the order stream (default: the class seed).

    Returns
    -------
    pandas.DataFrame
        The orders for the offered products (the others are not on sale).
    """
    scenario = check_scenario(scenario)
    days = check_int("season", season, minimum=1)
    names = set(offered_products(scenario, offer))
    demand = scenario.demand.with_(shift_day=shift_day)
    orders = scenario.orders(horizon=days, seed=seed, demand=demand)
    return orders[orders["product"].isin(names)].reset_index(drop=True)


def one_off_targets(
    scenario: Scenario, level: float, season: int = 90, offer: int = 20
) -> dict[str, int]:
    """Units to build once, before the season: ``level`` times the forecast.

    The forecast of a product is its mean daily demand (from the scenario's
    usual demand, :func:`~ato_lessons.policies.daily_demand`) times the season's
    days; the production level scales it (1.0 = build exactly the forecast).

    Parameters
    ----------
    scenario : Scenario
        The factory and its forecast.
    level : float
        Production level as a multiple of the forecast (>= 0).
    season : int, default 90
        Days the production must last.
    offer : int, default 20
        How many of the most popular products are built.

    Returns
    -------
    dict
        Product name -> units to build, most popular first.

    Examples
    --------
    >>> from ato_lessons.instances import load_instance
    >>> pc = load_instance("pc_maker")
    >>> sum(one_off_targets(pc, 1.0, season=90, offer=20).values())
    624
    """
    scenario = check_scenario(scenario)
    factor = check_real("level", level, minimum=0.0)
    days = check_int("season", season, minimum=1)
    names = offered_products(scenario, offer)
    mean = daily_demand(scenario.factory, scenario.demand, "MTS")["mean"]
    return {name: int(math.floor(factor * float(mean[name]) * days + 0.5)) for name in names}


def production_run(
    scenario: Scenario, orders: pd.DataFrame, targets: Mapping[str, int], season: int = 90
) -> SimulationResult:
    """Build ``targets`` once on day 0, then sell from that stock for the season.

    Nothing is rebuilt (``replenish=False``) and a customer who finds the shelf
    empty goes elsewhere (``backorder=False``): a one-off production run.

    Parameters
    ----------
    scenario : Scenario
        The factory.
    orders : pandas.DataFrame
        The season's orders (e.g. from :func:`season_orders`).
    targets : Mapping[str, int]
        Units built on day 0 per product (e.g. from :func:`one_off_targets`).
    season : int, default 90
        Days simulated (>= 1).

    Returns
    -------
    SimulationResult
        A make-to-stock run without replenishment.
    """
    scenario = check_scenario(scenario)
    return simulate(
        scenario.factory, check_dataframe("orders", orders, ["day"]), "MTS", dict(targets),
        horizon=check_int("season", season, minimum=1), backorder=False, replenish=False,
    )


def run_figures(result: SimulationResult) -> dict[str, float]:
    """Key figures of a production run.

    Parameters
    ----------
    result : SimulationResult
        A run from :func:`production_run`.

    Returns
    -------
    dict
        ``produced`` (units built at the start), ``fill rate`` (share of orders
        served from the shelf), ``units short`` (units asked for but not
        available: lost sales), ``units left over`` (on the shelf at the end),
        ``leftover value (€)`` and ``avg inventory value (€)``.
    """
    result = check_result(result)
    o = result.orders
    lost = o["status"] == "lost"
    inv = result.inventory
    return {
        "produced": float(result.flows["start"].sum()) if len(result.flows) else 0.0,
        "fill rate": float(o["from_stock"].mean()) if len(o) else float("nan"),
        "units short": float(o.loc[lost, "quantity"].sum()),
        "units left over": float(result.flows["end"].sum()) if len(result.flows) else 0.0,
        "leftover value (€)": float(inv["total_value"].iloc[-1]),
        "avg inventory value (€)": float(inv["total_value"].mean()),
    }


def level_sweep(
    scenario: Scenario,
    levels: Sequence[float],
    season: int = 90,
    offer: int = 20,
    shift_day: int | None = None,
    seed: int | None = None,
) -> pd.DataFrame:
    """Run the one-off production at several levels on the same orders.

    Parameters
    ----------
    scenario : Scenario
        The factory and its forecast.
    levels : sequence of float
        Production levels (multiples of the forecast, >= 0), at least one.
    season, offer, shift_day, seed
        As in :func:`season_orders`.

    Returns
    -------
    pandas.DataFrame
        Index ``level (% of forecast)``; columns as in :func:`run_figures`.
    """
    scenario = check_scenario(scenario)
    values = [check_real("levels item", x, minimum=0.0) for x in levels]
    if not values:
        raise ValueError("levels(=[]) must hold at least one production level")
    orders = season_orders(scenario, season, offer, shift_day, seed)
    rows = {}
    for level in values:
        targets = one_off_targets(scenario, level, season, offer)
        rows[round(100.0 * level, 1)] = run_figures(
            production_run(scenario, orders, targets, season)
        )
    table = pd.DataFrame(rows).T
    table.index.name = "level (% of forecast)"
    return table
