"""Seeded streams of customer orders.

Orders arrive day by day. The number of orders on day ``d`` is Poisson with mean
``orders_per_day * G_d``, where ``G_d`` is a gamma "market mood" factor of mean 1
and coefficient of variation ``variability`` (0 gives plain Poisson arrivals).
Each order asks for one product, drawn from a Zipf-like popularity law over the
catalog's products (most popular first), and a quantity ``1 + Poisson(mean_quantity - 1)``.
From ``shift_day`` on, tastes change: the popularity ranking is reversed, so
yesterday's best-sellers become rarities (the source of obsolete stock).

Randomness comes only from the ``seed`` (an int or a ``numpy.random.Generator``):
the same seed gives the same orders, on every machine.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> orders = generate_orders(pc.catalog, DemandModel(orders_per_day=5.0), horizon=30, seed=1)
>>> list(orders.columns)
['order_id', 'day', 'product', 'quantity']
>>> orders.equals(generate_orders(pc.catalog, DemandModel(orders_per_day=5.0), horizon=30, seed=1))
True
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .catalog import Catalog
from .validation import check_int, check_real, check_rng

__all__ = ["DemandModel", "generate_orders", "popularity"]


def popularity(n_products: int, concentration: float) -> np.ndarray:
    """Probability of each product when ranked by popularity.

    Product ``j`` (0 = most popular) gets a weight ``(j + 1) ** -concentration``;
    weights are normalised to sum to 1. ``concentration = 0`` spreads demand
    evenly; 1 or more concentrates it on a few best-sellers.

    Examples
    --------
    >>> popularity(3, 0.0).round(3).tolist()
    [0.333, 0.333, 0.333]
    >>> popularity(2, 1.0).round(3).tolist()
    [0.667, 0.333]
    """
    n = check_int("n_products", n_products, minimum=1)
    a = check_real("concentration", concentration, minimum=0.0)
    w = np.arange(1, n + 1, dtype=float) ** -a
    return np.asarray(w / w.sum())


@dataclass(frozen=True)
class DemandModel:
    """How customers order.

    Parameters
    ----------
    orders_per_day : float, default 10.0
        Mean number of orders per day (> 0).
    variability : float, default 0.0
        Coefficient of variation of the day-to-day volume factor (>= 0): the
        variance of the daily order count is ``m + (m * variability) ** 2`` for
        a mean ``m``. 0 means Poisson arrivals.
    concentration : float, default 1.0
        How concentrated the mix is on a few popular products (>= 0, see
        :func:`popularity`).
    mean_quantity : float, default 1.0
        Mean units per order (>= 1).
    shift_day : int or None, default None
        From this day on the popularity ranking is reversed (>= 0), or no shift.
    """

    orders_per_day: float = 10.0
    variability: float = 0.0
    concentration: float = 1.0
    mean_quantity: float = 1.0
    shift_day: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "orders_per_day",
            check_real("orders_per_day", self.orders_per_day, minimum=0.0, strict=True),
        )
        object.__setattr__(
            self, "variability", check_real("variability", self.variability, minimum=0.0)
        )
        object.__setattr__(
            self, "concentration", check_real("concentration", self.concentration, minimum=0.0)
        )
        object.__setattr__(
            self, "mean_quantity", check_real("mean_quantity", self.mean_quantity, minimum=1.0)
        )
        if self.shift_day is not None:
            object.__setattr__(
                self, "shift_day", check_int("shift_day", self.shift_day, minimum=0)
            )

    def probabilities(self, n_products: int, *, shifted: bool = False) -> np.ndarray:
        """Probability of each of ``n_products`` products (catalog order).

        Parameters
        ----------
        n_products : int
            Number of products in the catalog.
        shifted : bool
            Probabilities after the demand shift (ranking reversed).
        """
        p = popularity(n_products, self.concentration)
        return p[::-1].copy() if shifted else p

    def with_(self, **changes: Any) -> DemandModel:
        """A copy with some fields changed (checked again), e.g.
        ``demand.with_(variability=0.5)``."""
        return dataclasses.replace(self, **changes)


def generate_orders(
    catalog: Catalog,
    demand: DemandModel,
    horizon: int,
    seed: int | np.random.Generator,
) -> pd.DataFrame:
    """Draw a stream of customer orders.

    Parameters
    ----------
    catalog : Catalog
        What customers can order.
    demand : DemandModel
        Volume, variability, mix and shift.
    horizon : int
        Number of days (> 0). Orders arrive on days ``0 .. horizon - 1``.
    seed : int or numpy.random.Generator
        Source of randomness (never the global random state).

    Returns
    -------
    pandas.DataFrame
        One row per order, sorted by day: ``order_id`` (0, 1, ...), ``day``,
        ``product`` (name), ``quantity`` (>= 1).
    """
    if not isinstance(catalog, Catalog):
        raise TypeError(f"catalog(={catalog!r}) must be a Catalog")
    if not isinstance(demand, DemandModel):
        raise TypeError(f"demand(={demand!r}) must be a DemandModel")
    days_total = check_int("horizon", horizon, minimum=1)
    rng = check_rng(seed)
    n = len(catalog.products)

    mean = np.full(days_total, demand.orders_per_day)
    if demand.variability > 0:
        shape = 1.0 / demand.variability**2
        mean = mean * rng.gamma(shape, 1.0 / shape, size=days_total)
    counts = rng.poisson(mean)
    days = np.repeat(np.arange(days_total), counts)

    shift = demand.shift_day if demand.shift_day is not None else days_total
    before = days < shift
    idx = np.empty(days.size, dtype=np.int64)
    idx[before] = rng.choice(n, size=int(before.sum()), p=demand.probabilities(n))
    idx[~before] = rng.choice(
        n, size=int((~before).sum()), p=demand.probabilities(n, shifted=True)
    )
    quantity = 1 + rng.poisson(demand.mean_quantity - 1.0, size=days.size)

    names = np.asarray(catalog.product_names, dtype=object)
    return pd.DataFrame(
        {
            "order_id": np.arange(days.size, dtype=np.int64),
            "day": days.astype(np.int64),
            "product": names[idx],
            "quantity": quantity.astype(np.int64),
        }
    )
