"""Choosing target stock levels (base-stock levels) from a demand model.

With one-for-one replenishment the shelf of an item starts at its target ``S``
and, at any moment, holds ``S`` minus what was demanded during the last
replenishment time ``L`` days (the units still on their way). To serve from the
shelf with probability ``service_level`` the target covers the mean demand
over ``L`` plus a safety stock::

    S = ceil(L * mean + z * std * sqrt(L)),   z = Φ⁻¹(service_level)

where ``mean`` and ``std`` are the item's daily demand figures computed by
:func:`daily_demand`. For a component shared by several products the daily
demands add up but their fluctuations partly cancel, which is why ATO needs
less safety stock than MTS (risk pooling, :func:`pooling_saving`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Integral
from statistics import NormalDist

import numpy as np
import pandas as pd

from .demand import DemandModel
from .factory import Factory, Strategy, _check_strategy
from .validation import check_int, check_real

__all__ = [
    "daily_demand",
    "safety_factor",
    "base_stock_level",
    "suggest_targets",
    "pooling_saving",
]


def safety_factor(service_level: float) -> float:
    """The normal quantile ``z`` for a service level (0 < level < 1).

    >>> round(safety_factor(0.95), 3)
    1.645
    """
    level = check_real("service_level", service_level, minimum=0.0, strict=True, maximum=1.0)
    if level >= 1.0:
        raise ValueError(f"service_level(={service_level!r}) must be < 1")
    return NormalDist().inv_cdf(level)


def base_stock_level(mean: float, std: float, lead_time: float, service_level: float) -> int:
    """Target stock covering lead-time demand at a service level.

    Parameters
    ----------
    mean, std : float
        Mean and standard deviation of daily demand (>= 0).
    lead_time : float
        Replenishment time in days (>= 0).
    service_level : float
        Probability of serving from the shelf (0 < level < 1).

    Examples
    --------
    >>> base_stock_level(mean=2.0, std=1.5, lead_time=9, service_level=0.95)
    26
    """
    mu = check_real("mean", mean, minimum=0.0)
    sd = check_real("std", std, minimum=0.0)
    lt = check_real("lead_time", lead_time, minimum=0.0)
    z = safety_factor(service_level)
    # A small tolerance keeps floating-point noise from adding a unit.
    return max(0, math.ceil(lt * mu + z * sd * math.sqrt(lt) - 1e-9))


def daily_demand(factory: Factory, demand: DemandModel, strategy: Strategy | str) -> pd.DataFrame:
    """Mean and standard deviation of daily demand for each stocked item.

    Items are products for MTS and components for ATO (MTO stocks nothing:
    the table is empty). Computed exactly from the demand model (before any
    demand shift): with ``N`` orders a day (mean ``λ``, coefficient of variation
    of the volume factor ``v``) and ``X`` the units of the item one order
    takes, ``mean = λ E[X]`` and ``var = λ E[X²] + (λ v E[X])²``.

    Returns
    -------
    pandas.DataFrame
        Index: item names; columns ``mean``, ``std`` (units per day) and
        ``lead time (days)``, the replenishment time used for targets.
    """
    if not isinstance(factory, Factory):
        raise TypeError(f"factory(={factory!r}) must be a Factory")
    if not isinstance(demand, DemandModel):
        raise TypeError(f"demand(={demand!r}) must be a DemandModel")
    strat = _check_strategy(strategy)
    cat = factory.catalog
    probs = demand.probabilities(len(cat.products))
    m = demand.mean_quantity
    eq, eq2 = m, (m - 1.0) + m * m  # E[Q], E[Q^2] for Q = 1 + Poisson(m - 1)
    lam, v = demand.orders_per_day, demand.variability
    if strat == "MTO":
        return pd.DataFrame(
            {"mean": [], "std": [], "lead time (days)": []}, index=pd.Index([], name="item")
        )
    if strat == "MTS":
        names = list(cat.product_names)
        ex = probs * eq
        ex2 = probs * eq2
        lead = [cat.supply_lead_time(p) + factory.assembly_days for p in names]
    else:
        names = list(cat.component_names)
        index = {c: i for i, c in enumerate(names)}
        b = np.zeros((len(cat.products), len(names)))
        for j, p in enumerate(cat.products):
            for c, q in p.bom.items():
                b[j, index[c]] = q
        ex = eq * (probs @ b)
        ex2 = eq2 * (probs @ (b**2))
        lead = [c.lead_time for c in cat.components]
    mean = lam * ex
    var = lam * ex2 + (lam * v * ex) ** 2
    return pd.DataFrame(
        {"mean": mean, "std": np.sqrt(var), "lead time (days)": lead},
        index=pd.Index(names, name="item"),
    )


def suggest_targets(
    factory: Factory,
    demand: DemandModel,
    strategy: Strategy | str,
    service_level: float = 0.95,
    offer: int | Iterable[str] | None = None,
) -> dict[str, int]:
    """Target stock levels for MTS (products) or ATO (components).

    Parameters
    ----------
    factory : Factory
        The factory.
    demand : DemandModel
        Expected demand (the forecast).
    strategy : {"MTS", "ATO"}
        Which items to stock.
    service_level : float, default 0.95
        Aimed probability that an item is on the shelf when asked for.
    offer : int or iterable of str, optional
        MTS only: offer the ``offer`` most popular products, or these named
        products. Default: every product.

    Returns
    -------
    dict
        Item name -> target units (see :func:`base_stock_level`).
    """
    strat = _check_strategy(strategy)
    if strat == "MTO":
        raise ValueError("strategy(='MTO') keeps no stock: there are no targets to suggest")
    table = daily_demand(factory, demand, strat)
    if offer is not None:
        if strat != "MTS":
            raise ValueError(f"offer(={offer!r}) only applies to strategy 'MTS'")
        if isinstance(offer, bool | str | bytes) or not isinstance(offer, Integral | Iterable):
            raise TypeError(
                f"offer(={offer!r}) must be a number of products or a list of product names"
            )
        if isinstance(offer, Integral):
            k = check_int("offer", offer, minimum=1)
            table = table.iloc[:k]
        else:
            names = list(offer)
            if not names:
                raise ValueError("offer(=[]) must name at least one product")
            for name in names:
                factory.catalog.product(name)
            table = table.loc[names]
    return {
        str(name): base_stock_level(
            float(row["mean"]), float(row["std"]), float(row["lead time (days)"]), service_level
        )
        for name, row in table.iterrows()
    }


def pooling_saving(n_products: int) -> float:
    """Share of safety stock saved by one shared component instead of ``n``
    finished products with independent, equally variable demand.

    Stocking the products needs ``n·z·σ``; the shared component needs
    ``z·σ·√n`` (the square-root law), so the saving is ``1 - 1/√n``.

    >>> round(pooling_saving(3), 3)
    0.423
    """
    n = check_int("n_products", n_products, minimum=1)
    return 1.0 - 1.0 / math.sqrt(n)
