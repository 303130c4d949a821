"""One factory, three strategies: make to stock, make to order, assemble to order.

:func:`simulate` runs the same stream of orders through the same factory under
one of three strategies, day by day:

* **MTS** (make to stock): finished products are built ahead. Each offered
  product has a target stock (``targets``: product -> units); the factory starts
  with that stock, and every unit sold launches the production of a replacement
  (order components, assemble, put on the shelf): a base-stock, or
  order-up-to, policy. An order is shipped the day it arrives if its product is
  on the shelf; otherwise it waits for the next units (backorder) or, with
  ``backorder=False``, is lost. Products without a target are not offered:
  their orders are lost.
* **MTO** (make to order): nothing is stocked. When an order arrives, its
  components are ordered from the suppliers; assembly starts when the last one
  arrives (after the longest supplier lead time of its bill of materials).
* **ATO** (assemble to order): components are stocked to target levels
  (``targets``: component -> units) and every unit used is re-ordered from its
  supplier. An order takes its components from the shelves and goes to
  assembly the same day; if a component is missing, the order waits for it
  (backorder) or is lost.

Common rules. Components are allocated first come, first served, one item at a
time: an order keeps the units it already got while it waits for a missing
one. Assembly is a line with ``assembly_capacity`` hours of work per day, served
first come, first served; a product needs the sum of its components'
``assembly_time`` hours. A job finished on day ``t`` ships (or, for MTS, reaches
the shelf) on day ``t + assembly_days``. The lead time of an order is its
delivery day minus its arrival day. Inventory is valued at cost (components
at their unit cost, finished products at material plus assembly labour) and
costs ``holding_rate`` of its value per year, counted at the end of each day.
Goods in transit from suppliers are not the factory's stock.

Examples
--------
MTO with an unlimited assembly line: every PC waits for its slowest part (the
processor: 28 days, 35 for the top model), then one day of assembly.

>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> orders = pc.orders(horizon=60, seed=3)
>>> mto = simulate(pc.factory.with_(assembly_capacity=float("inf")), orders, "MTO")
>>> sorted(mto.orders["lead_time"].dropna().unique().tolist())
[29, 36]
"""

from __future__ import annotations

import dataclasses
import math
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

import numpy as np
import pandas as pd

from .catalog import Catalog
from .validation import check_bool, check_int, check_orders_frame, check_real

__all__ = [
    "Factory",
    "SimulationResult",
    "STRATEGIES",
    "STATUSES",
    "METRICS",
    "simulate",
    "Strategy",
]

Strategy = Literal["MTS", "MTO", "ATO"]
#: The three strategies, in the order the course presents them.
STRATEGIES: tuple[Strategy, ...] = ("MTS", "MTO", "ATO")
#: What can become of an order: exactly one of these.
STATUSES: tuple[str, ...] = ("served", "waiting", "lost")

DAYS_PER_YEAR = 365.0

#: The key figures of a run (:meth:`SimulationResult.summary`), in display order;
#: :mod:`ato_lessons.metrics` explains each one.
METRICS: tuple[str, ...] = (
    "orders",
    "configurations offered",
    "fill rate",
    "on-time rate",
    "lost rate",
    "still waiting",
    "mean lead time (days)",
    "p95 lead time (days)",
    "avg inventory value (€)",
    "holding cost (€)",
    "end stock value (€)",
)


@dataclass(frozen=True)
class Factory:
    """A factory: its catalog and how its assembly line works.

    Parameters
    ----------
    catalog : Catalog
        Components and products.
    assembly_capacity : float, default inf
        Hours of assembly work the line can do per day (> 0; ``inf`` =
        unlimited).
    assembly_days : int, default 1
        Days from the end of assembly to shipment (>= 0): testing, packing,
        handing to the carrier.
    holding_rate : float, default 0.25
        Yearly cost of holding inventory, as a fraction of its value (>= 0).
    labour_rate : float, default 30.0
        Cost of one hour of assembly work, in euros (>= 0).
    """

    catalog: Catalog
    assembly_capacity: float = math.inf
    assembly_days: int = 1
    holding_rate: float = 0.25
    labour_rate: float = 30.0

    def __post_init__(self) -> None:
        if not isinstance(self.catalog, Catalog):
            raise TypeError(f"catalog(={self.catalog!r}) must be a Catalog")
        object.__setattr__(
            self,
            "assembly_capacity",
            check_real(
                "assembly_capacity", self.assembly_capacity, minimum=0.0, strict=True,
                allow_inf=True,
            ),
        )
        object.__setattr__(
            self, "assembly_days", check_int("assembly_days", self.assembly_days, minimum=0)
        )
        object.__setattr__(
            self, "holding_rate", check_real("holding_rate", self.holding_rate, minimum=0.0)
        )
        object.__setattr__(
            self, "labour_rate", check_real("labour_rate", self.labour_rate, minimum=0.0)
        )

    def with_(self, **changes: Any) -> Factory:
        """A copy with some settings changed (checked again), e.g.
        ``factory.with_(assembly_capacity=8.0)``."""
        return dataclasses.replace(self, **changes)

    def quoted_lead_time(self, strategy: Strategy, product: str) -> int:
        """Lead time promised to a customer when nothing is missing, in days.

        MTS ships from the shelf (0), ATO assembles (``assembly_days``), MTO
        waits for the slowest supplier, then assembles.
        """
        strategy = _check_strategy(strategy)
        if strategy == "MTS":
            return 0
        if strategy == "ATO":
            return self.assembly_days
        return self.catalog.supply_lead_time(product) + self.assembly_days


@dataclass(frozen=True)
class SimulationResult:
    """What happened in one simulation.

    Attributes
    ----------
    strategy : str
        ``"MTS"``, ``"MTO"`` or ``"ATO"``.
    factory : Factory
        The factory simulated.
    horizon : int
        Number of days simulated.
    targets : Mapping[str, int]
        Target stock levels used (products for MTS, components for ATO).
    orders : pandas.DataFrame
        One row per order: ``order_id``, ``day``, ``product``, ``quantity``,
        ``from_stock`` (everything needed was on the shelf on arrival),
        ``promised_day`` (arrival + the quoted lead time),
        ``delivered_day`` and ``lead_time`` (days; ``<NA>`` if not delivered by
        the end), ``on_time`` (delivered by the promised day; ``<NA>`` if lost,
        or neither delivered nor yet due at the end) and ``status``, exactly
        one of ``"served"`` (delivered), ``"waiting"`` (not delivered by the
        end) or ``"lost"`` (the customer went elsewhere).
    inventory : pandas.DataFrame
        One row per day: units and value (€) of components and finished goods
        on hand at the end of the day, and that day's holding cost (€).
    stock : pandas.DataFrame
        Units on hand at the end of each day, one column per stocked item
        (components for ATO, products for MTS; empty for MTO).
    flows : pandas.DataFrame
        One row per stocked item: ``start``, ``received``, ``used``, ``end``
        (units), with ``start + received - used == end``.
    """

    strategy: Strategy
    factory: Factory
    horizon: int
    targets: Mapping[str, int]
    orders: pd.DataFrame = field(repr=False)
    inventory: pd.DataFrame = field(repr=False)
    stock: pd.DataFrame = field(repr=False)
    flows: pd.DataFrame = field(repr=False)

    @property
    def configurations_offered(self) -> int:
        """How many products a customer can order."""
        if self.strategy == "MTS":
            return len(self.targets)
        return len(self.factory.catalog.products)

    def summary(self) -> pd.Series:
        """Key figures of this run, one per :data:`METRICS` entry.

        Computed here, next to the data of the run, so that the engine does not depend
        on the results layer; :func:`ato_lessons.metrics.summarize` returns the same
        Series and the metrics module documents each figure.

        Returns
        -------
        pandas.Series
            Float values indexed by :data:`METRICS`, named after the strategy. Shares
            (``fill rate``, ``on-time rate``, ``lost rate``) are fractions in [0, 1],
            NaN when there is nothing to count (no order, no delivery); lead times are in
            days, values and costs in euros.
        """
        o = self.orders
        n = len(o)
        lead = o["lead_time"].dropna().to_numpy(dtype=float)
        inv = self.inventory

        def share(mask: Any) -> float:
            return float(np.mean(mask)) if n else float("nan")

        values: dict[str, float] = {
            "orders": float(n),
            "configurations offered": float(self.configurations_offered),
            "fill rate": share(o["from_stock"]),
            "on-time rate": float(o["on_time"].dropna().astype(bool).mean())
            if o["on_time"].notna().any() else float("nan"),
            "lost rate": share(o["status"] == "lost"),
            "still waiting": float((o["status"] == "waiting").sum()),
            "mean lead time (days)": float(lead.mean()) if lead.size else float("nan"),
            "p95 lead time (days)": float(np.percentile(lead, 95)) if lead.size
            else float("nan"),
            "avg inventory value (€)": float(inv["total_value"].mean()),
            "holding cost (€)": float(inv["holding_cost"].sum()),
            "end stock value (€)": float(inv["total_value"].iloc[-1]),
        }
        return pd.Series(values, name=self.strategy)


# ----------------------------------------------------------------------------------------
# Input checks
# ----------------------------------------------------------------------------------------
def _check_strategy(strategy: Any) -> Strategy:
    if not isinstance(strategy, str) or strategy.upper() not in STRATEGIES:
        raise ValueError(f"strategy(={strategy!r}) must be one of {list(STRATEGIES)!r}")
    return cast(Strategy, strategy.upper())


def _prepare_orders(orders: Any, catalog: Catalog) -> pd.DataFrame:
    """Check an order table (:func:`ato_lessons.validation.check_orders_frame`) and
    return a copy with ``order_id`` (added if absent), sorted by day then id."""
    out = check_orders_frame(orders, is_product=catalog.has_product).reset_index(drop=True)
    if "order_id" not in out.columns:
        out = out.assign(order_id=np.arange(len(out), dtype=np.int64))
    return out.sort_values(["day", "order_id"], kind="stable").reset_index(drop=True)


def _check_targets(
    targets: Any, names: tuple[str, ...], what: str, strategy: str
) -> dict[str, int]:
    if targets is None:
        raise ValueError(
            f"targets(=None) is required for strategy {strategy!r}: a mapping {what} name -> "
            "units (see ato_lessons.policies.suggest_targets)"
        )
    if not isinstance(targets, Mapping):
        raise TypeError(f"targets(={targets!r}) must be a mapping {what} name -> units")
    known = set(names)
    out: dict[str, int] = {}
    for name, level in targets.items():
        if name not in known:
            raise ValueError(
                f"targets names {name!r}, which is not a {what} of this factory"
            )
        out[name] = check_int(f"targets[{name!r}]", level, minimum=0)
    return out


# ----------------------------------------------------------------------------------------
# The simulation
# ----------------------------------------------------------------------------------------
def simulate(
    factory: Factory,
    orders: pd.DataFrame,
    strategy: Strategy | str,
    targets: Mapping[str, int] | None = None,
    *,
    horizon: int | None = None,
    backorder: bool = True,
    replenish: bool = True,
) -> SimulationResult:
    """Run one order stream through the factory under one strategy.

    Parameters
    ----------
    factory : Factory
        The factory (catalog, assembly line, costs).
    orders : pandas.DataFrame
        Orders with columns ``day``, ``product``, ``quantity`` (and
        ``order_id``), e.g. from :func:`ato_lessons.demand.generate_orders`.
    strategy : {"MTS", "MTO", "ATO"}
        When to build.
    targets : Mapping[str, int], optional
        Target stock levels: product -> units for MTS (only these products are
        offered), component -> units for ATO (a component left out has target
        0). Ignored by MTO. Required for MTS and ATO.
    horizon : int, optional
        Days to simulate (> every order's day). Default: last order day + 1.
    backorder : bool, default True
        If true an order that cannot be served from stock waits; if false it is
        lost (the customer goes elsewhere). MTO orders always wait.
    replenish : bool, default True
        If false, stock is built once at the start and never replenished (a
        one-off production run).

    Returns
    -------
    SimulationResult
        Per-order log, daily inventory and flows.
    """
    if not isinstance(factory, Factory):
        raise TypeError(f"factory(={factory!r}) must be a Factory")
    strat = _check_strategy(strategy)
    catalog = factory.catalog
    log = _prepare_orders(orders, catalog)
    last_day = int(log["day"].max()) if len(log) else -1
    if horizon is None:
        days = max(last_day + 1, 1)
    else:
        days = check_int("horizon", horizon, minimum=1)
        if last_day >= days:
            raise ValueError(f"horizon(={horizon}) must be > the last order day ({last_day})")
    backorder = check_bool("backorder", backorder)
    replenish = check_bool("replenish", replenish)

    if strat == "MTS":
        levels = _check_targets(targets, catalog.product_names, "product", strat)
    elif strat == "ATO":
        levels = _check_targets(targets, catalog.component_names, "component", strat)
    else:
        levels = {}
    return _Simulator(factory, log, strat, levels, days, backorder, replenish).run()


class _Order:
    """Mutable bookkeeping for one order during a run."""

    __slots__ = ("row", "needs", "missing", "ready_day")

    def __init__(self, row: int) -> None:
        self.row = row
        self.needs: list[tuple[int, int]] = []  # (item index, units) held for this order
        self.missing = 0  # number of items still short
        self.ready_day = -1


class _Simulator:
    """The day-by-day engine behind :func:`simulate` (read it top to bottom)."""

    def __init__(
        self,
        factory: Factory,
        log: pd.DataFrame,
        strategy: Strategy,
        levels: dict[str, int],
        days: int,
        backorder: bool,
        replenish: bool,
    ) -> None:
        self.factory = factory
        self.cat = factory.catalog
        self.log = log
        self.strategy = strategy
        self.levels = levels
        self.days = days
        self.backorder = backorder or strategy == "MTO"
        self.replenish = replenish
        cat = self.cat
        comp_index = {name: i for i, name in enumerate(cat.component_names)}
        self.comp_lead = [c.lead_time for c in cat.components]
        self.prod_names = cat.product_names
        self.prod_index = {name: i for i, name in enumerate(self.prod_names)}
        self.bom = [
            [(comp_index[c], q) for c, q in p.bom.items()] for p in cat.products
        ]
        self.hours = [cat.assembly_hours(p) for p in self.prod_names]
        self.supply_lt = [cat.supply_lead_time(p) for p in self.prod_names]
        # Stocked items: components (ATO) or offered products (MTS).
        if strategy == "ATO":
            self.items = list(cat.component_names)
        elif strategy == "MTS":
            self.items = list(levels)
        else:
            self.items = []
        self.item_index = {name: i for i, name in enumerate(self.items)}
        n = len(self.items)
        start = [levels.get(name, 0) for name in self.items]
        self.start = list(start)
        self.free = list(start)  # on the shelf and not promised to anyone
        self.phys = list(start)  # on the shelf (free + held for waiting orders)
        self.received = [0] * n
        self.used = [0] * n
        self.waiting: list[deque[list[Any]]] = [deque() for _ in range(n)]
        self.arrivals: dict[int, list[tuple[int, int]]] = {}  # day -> [(item, units)]
        self.jobs_ready: dict[int, list[tuple[str, int, int]]] = {}  # day -> jobs
        self.queue: deque[list[Any]] = deque()  # assembly line: [hours left, kind, ref, qty]
        m = len(log)
        self.o_product = [self.prod_index[p] for p in log["product"].tolist()]
        self.o_qty = [int(q) for q in log["quantity"].tolist()]
        self.o_day = [int(d) for d in log["day"].tolist()]
        self.from_stock = [False] * m
        self.delivered = [-1] * m
        self.lost = [False] * m
        self.promised = [0] * m

    # -- stock movements ----------------------------------------------------------------
    def _receive(self, item: int, units: int, day: int) -> None:
        """Units of an item reach the shelf: serve waiting orders first, FIFO."""
        self.phys[item] += units
        self.received[item] += units
        line = self.waiting[item]
        while units and line:
            entry = line[0]
            order, short = entry[0], entry[1]
            give = min(units, short)
            units -= give
            entry[1] -= give
            if entry[1] == 0:
                line.popleft()
                order.missing -= 1
                if order.missing == 0:
                    self._ready(order, day)
        self.free[item] += units

    def _ready(self, order: _Order, day: int) -> None:
        """Everything an order needs is held for it: use it, then ship or assemble."""
        order.ready_day = day
        for item, units in order.needs:
            self.phys[item] -= units
            self.used[item] += units
        if self.strategy == "MTS":
            self.delivered[order.row] = day
        else:
            self._enqueue(day, "order", order.row, 1)

    def _enqueue(self, day: int, kind: str, ref: int, qty: int) -> None:
        """A job joins the assembly line; with unlimited capacity it is done today."""
        if kind == "order":
            hours = self.hours[self.o_product[ref]] * self.o_qty[ref]
        else:
            hours = self.hours[ref] * qty
        self.queue.append([hours, kind, ref, qty])

    def _start_job(self, ready: int, kind: str, ref: int, qty: int, day: int) -> None:
        """A job can start assembly on day ``ready`` (when its components arrive)."""
        if ready == day:
            self._enqueue(day, kind, ref, qty)
        else:
            self.jobs_ready.setdefault(ready, []).append((kind, ref, qty))

    def _assemble(self, day: int) -> None:
        budget = self.factory.assembly_capacity
        done_day = day + self.factory.assembly_days
        queue = self.queue
        while queue:
            job = queue[0]
            if job[0] > budget:
                job[0] -= budget
                break
            budget -= job[0]
            queue.popleft()
            _, kind, ref, qty = job
            if kind == "order":
                self.delivered[ref] = done_day
            else:  # an MTS production lot reaches the shelf
                item = self.item_index[self.prod_names[ref]]
                if done_day == day:
                    self._receive(item, qty, day)
                else:
                    self.arrivals.setdefault(done_day, []).append((item, qty))

    # -- one order ----------------------------------------------------------------------
    def _place(self, row: int, day: int) -> None:
        p = self.o_product[row]
        qty = self.o_qty[row]
        strategy = self.strategy
        self.promised[row] = day + (
            0 if strategy == "MTS"
            else self.factory.assembly_days if strategy == "ATO"
            else self.supply_lt[p] + self.factory.assembly_days
        )
        if strategy == "MTO":
            self._start_job(day + self.supply_lt[p], "order", row, qty, day)
            return
        if strategy == "MTS":
            name = self.prod_names[p]
            if name not in self.item_index:
                self.lost[row] = True  # not offered
                return
            needs = [(self.item_index[name], qty)]
        else:
            needs = [(comp, q * qty) for comp, q in self.bom[p]]
        on_shelf = all(self.free[item] >= units for item, units in needs)
        if not on_shelf and not self.backorder:
            self.lost[row] = True
            return
        self.from_stock[row] = on_shelf
        order = _Order(row)
        order.needs = needs
        for item, units in needs:
            take = min(self.free[item], units)
            self.free[item] -= take
            if units > take:
                order.missing += 1
                self.waiting[item].append([order, units - take])
        if order.missing == 0:
            self._ready(order, day)
        if self.replenish:
            self._reorder(p, qty, needs, day)

    def _reorder(self, p: int, qty: int, needs: list[tuple[int, int]], day: int) -> None:
        """One-for-one replenishment of what this order takes."""
        if self.strategy == "MTS":
            self._start_job(day + self.supply_lt[p], "lot", p, qty, day)
            return
        for item, units in needs:
            due = day + self.comp_lead[item]
            if due == day:
                self._receive(item, units, day)
            else:
                self.arrivals.setdefault(due, []).append((item, units))

    # -- the day loop -------------------------------------------------------------------
    def run(self) -> SimulationResult:
        n_items = len(self.items)
        stock_rows = np.zeros((self.days, n_items), dtype=np.int64)
        row = 0
        m = len(self.o_day)
        for day in range(self.days):
            for item, units in self.arrivals.pop(day, ()):
                self._receive(item, units, day)
            for kind, ref, qty in self.jobs_ready.pop(day, ()):
                self._enqueue(day, kind, ref, qty)
            while row < m and self.o_day[row] == day:
                self._place(row, day)
                row += 1
            self._assemble(day)
            if n_items:
                stock_rows[day] = self.phys
        return self._result(stock_rows)

    # -- results ------------------------------------------------------------------------
    def _result(self, stock_rows: np.ndarray) -> SimulationResult:
        f = self.factory
        cat = self.cat
        log = self.log
        delivered = np.asarray(self.delivered, dtype=np.int64)
        lost = np.asarray(self.lost, dtype=bool)
        promised = np.asarray(self.promised, dtype=np.int64)
        arrival = np.asarray(self.o_day, dtype=np.int64)
        # Deliveries after the last simulated day are not seen.
        done = (delivered >= 0) & (delivered < self.days) & ~lost
        status = np.where(lost, "lost", np.where(done, "served", "waiting"))
        on_time = pd.array(done & (delivered <= promised), dtype="boolean")
        # An order neither delivered nor due by the end cannot be judged yet.
        on_time[(~done & (promised >= self.days)) | lost] = pd.NA
        orders = pd.DataFrame(
            {
                "order_id": log["order_id"].to_numpy(),
                "day": arrival,
                "product": log["product"].to_numpy(),
                "quantity": log["quantity"].to_numpy(),
                "from_stock": np.asarray(self.from_stock, dtype=bool) & ~lost,
                "promised_day": pd.array(promised, dtype="Int64"),
                "delivered_day": pd.array(delivered, dtype="Int64"),
                "lead_time": pd.array(delivered - arrival, dtype="Int64"),
                "on_time": on_time,
                "status": pd.Categorical(status, categories=list(STATUSES)),
            }
        )
        orders.loc[~done, ["delivered_day", "lead_time"]] = pd.NA
        orders.loc[lost, "promised_day"] = pd.NA

        if self.strategy == "ATO":
            unit_value = np.array([c.unit_cost for c in cat.components])
        else:
            unit_value = np.array(
                [cat.product_cost(name, f.labour_rate) for name in self.items], dtype=float
            )
        value = stock_rows @ unit_value if self.items else np.zeros(self.days)
        units = stock_rows.sum(axis=1) if self.items else np.zeros(self.days, dtype=np.int64)
        is_components = self.strategy == "ATO"
        zero_units = np.zeros(self.days, dtype=np.int64)
        zero_value = np.zeros(self.days)
        inventory = pd.DataFrame(
            {
                "day": np.arange(self.days),
                "component_units": units if is_components else zero_units,
                "component_value": value if is_components else zero_value,
                "finished_units": zero_units if is_components else units,
                "finished_value": zero_value if is_components else value,
            }
        )
        inventory["total_value"] = inventory["component_value"] + inventory["finished_value"]
        inventory["holding_cost"] = inventory["total_value"] * f.holding_rate / DAYS_PER_YEAR
        stock = pd.DataFrame(stock_rows, columns=pd.Index(self.items, name="item"))
        stock.index.name = "day"
        if self.items:
            flows = pd.DataFrame(
                {
                    "start": self.start,
                    "received": self.received,
                    "used": self.used,
                    "end": stock_rows[-1].tolist(),
                },
                index=pd.Index(self.items, name="item"),
            )
        else:
            flows = pd.DataFrame(
                {"start": [], "received": [], "used": [], "end": []},
                index=pd.Index([], name="item"), dtype=np.int64,
            )
        return SimulationResult(
            strategy=self.strategy,
            factory=f,
            horizon=self.days,
            targets=dict(self.levels),
            orders=orders,
            inventory=inventory,
            stock=stock,
            flows=flows,
        )
