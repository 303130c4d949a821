"""Random inputs and the two simulation engines of the ATO lab.

Both engines read the *same* pre-drawn random inputs (:class:`LabInputs`), which do not
depend on the base-stock levels: this gives common random numbers across policies and
lets a test check that the two engines agree exactly.

* :func:`simulate_reference` — a plain event loop, one replication at a time, that a
  student can follow line by line.
* :func:`simulate_fast` — all replications advance together, order by order, with numpy.
  It uses one fact of the model: each machine is a first-come-first-served single server,
  so the ``n``-th replenishment leaves at ``D[n] = max(D[n-1], A[n]) + P[n]`` and, with
  ``n`` units used so far, a component with level ``s`` is on hand at time ``t`` exactly
  when ``n < s`` or ``D[n - s] <= t`` (at most ``s - 1`` units still outstanding).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ato_lessons.lab.system import LabSystem

__all__ = ["LabInputs", "RawTotals", "draw_inputs", "simulate_reference", "simulate_fast"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class LabInputs:
    """Pre-drawn random inputs of ``n_reps`` replications, padded to a common length.

    Attributes
    ----------
    n_orders : ndarray of int, shape (n_reps,)
        Number of orders arriving in ``[0, run_length]`` in each replication.
    arrival_times : ndarray, shape (n_reps, max_orders)
        Sorted arrival times; padding is ``+inf``.
    product_types : ndarray of int, shape (n_reps, max_orders)
        Product index of each order; padding is 0.
    production_times : ndarray, shape (n_reps, n_components, max_orders)
        ``production_times[r, j, n]`` is the time to make the ``n``-th replenishment of
        component ``j`` in replication ``r`` (already truncated at 0).
    """

    n_orders: IntArray
    arrival_times: FloatArray
    product_types: IntArray
    production_times: FloatArray

    @property
    def n_reps(self) -> int:
        """Number of replications."""
        return int(self.n_orders.shape[0])


def draw_inputs(system: LabSystem, n_reps: int, seed: int) -> LabInputs:
    """Draw the random inputs of ``n_reps`` replications.

    Replication ``r`` uses child ``r`` of ``numpy.random.SeedSequence(seed)``, itself split
    into an arrival stream and a production stream, so replication ``r`` is the same
    whatever ``n_reps`` and whatever the base-stock levels (common random numbers).

    Parameters
    ----------
    system : LabSystem
    n_reps : int
        Number of replications (>= 1).
    seed : int
        Non-negative seed.

    Returns
    -------
    LabInputs
    """
    rates = np.array([p.rate for p in system.products])
    cum = np.cumsum(rates / rates.sum())
    cum[-1] = 1.0
    mean = np.array([c.production_mean for c in system.components])[:, None]
    sd = np.array([c.production_sd for c in system.components])[:, None]
    horizon = system.run_length
    times: list[FloatArray] = []
    types: list[IntArray] = []
    prods: list[FloatArray] = []
    for child in np.random.SeedSequence(seed).spawn(n_reps):
        arrival_seq, production_seq = child.spawn(2)
        arrivals = np.random.default_rng(arrival_seq)
        n = int(arrivals.poisson(rates.sum() * horizon))
        times.append(np.sort(arrivals.uniform(0.0, horizon, n)))
        types.append(np.searchsorted(cum, arrivals.random(n), side="right").astype(np.int64))
        z = np.random.default_rng(production_seq).standard_normal((system.n_components, n))
        prods.append(np.maximum(mean + sd * z, 0.0))
    counts = np.array([t.size for t in times], dtype=np.int64)
    width = max(int(counts.max()), 1)
    arrival_times = np.full((n_reps, width), np.inf)
    product_types = np.zeros((n_reps, width), dtype=np.int64)
    production_times = np.zeros((n_reps, system.n_components, width))
    for r, n in enumerate(counts):
        arrival_times[r, :n] = times[r]
        product_types[r, :n] = types[r]
        production_times[r, :, :n] = prods[r]
    return LabInputs(counts, arrival_times, product_types, production_times)


@dataclass(frozen=True)
class RawTotals:
    """Totals over the counting window ``(warm_up, run_length]``, one entry per replication.

    Attributes
    ----------
    revenue : ndarray
        Profit of the components sold (money).
    holding_cost : ndarray
        Holding cost integrated over the window (money).
    orders : ndarray of int
        Orders that arrived in the window.
    orders_lost : ndarray of int
        Orders lost in the window (a key component was out of stock).
    """

    revenue: FloatArray
    holding_cost: FloatArray
    orders: IntArray
    orders_lost: IntArray


def _reference_one(
    system: LabSystem, levels: tuple[int, ...], inputs: LabInputs, r: int
) -> tuple[float, float, int, int]:
    """Simulate replication ``r`` with an event loop; return the window totals."""
    n_comp = system.n_components
    index = {name: j for j, name in enumerate(system.component_names)}
    profit = [c.profit for c in system.components]
    holding = [c.holding_cost for c in system.components]
    start, end = system.warm_up, system.run_length

    stock = list(levels)  # units on hand of each component
    machine_free_at = [0.0] * n_comp  # when each machine finishes its queued work
    units_started = [0] * n_comp  # replenishments ordered so far (indexes the times)
    completions: list[tuple[float, int]] = []  # heap of (finish time, component)
    clock = 0.0
    revenue = holding_cost = 0.0
    orders = lost = 0

    def advance(to: float) -> None:
        """Charge holding cost on the part of [clock, to] inside the counting window."""
        nonlocal clock, holding_cost
        overlap = min(to, end) - max(clock, start)
        if overlap > 0:
            holding_cost += overlap * sum(h * s for h, s in zip(holding, stock, strict=True))
        clock = to

    for i in range(int(inputs.n_orders[r])):
        now = float(inputs.arrival_times[r, i])
        # 1. Finish all production due by now (a unit finished at `now` can be sold now).
        while completions and completions[0][0] <= now:
            finish, j = heapq.heappop(completions)
            advance(finish)
            stock[j] += 1
        advance(now)
        # 2. Serve the order: all key components or nothing; optional ones if on hand.
        product = system.products[int(inputs.product_types[r, i])]
        counted = now > start
        orders += counted
        if any(stock[index[name]] == 0 for name in product.key):
            lost += counted
            continue
        used = [index[name] for name in product.key]
        used += [index[name] for name in product.optional if stock[index[name]] > 0]
        for j in used:
            stock[j] -= 1
            if counted:
                revenue += profit[j]
            # 3. Each unit used is replenished: FCFS on the component's own machine.
            begin = max(machine_free_at[j], now)
            machine_free_at[j] = begin + float(inputs.production_times[r, j, units_started[j]])
            units_started[j] += 1
            heapq.heappush(completions, (machine_free_at[j], j))
    while completions and completions[0][0] <= end:
        finish, j = heapq.heappop(completions)
        advance(finish)
        stock[j] += 1
    advance(end)
    return revenue, holding_cost, orders, lost


def simulate_reference(system: LabSystem, levels: tuple[int, ...], inputs: LabInputs) -> RawTotals:
    """Run every replication with the readable event loop.

    Parameters
    ----------
    system : LabSystem
    levels : tuple of int
        Base-stock level of each component (already validated).
    inputs : LabInputs
        From :func:`draw_inputs`.

    Returns
    -------
    RawTotals
    """
    rows = [_reference_one(system, levels, inputs, r) for r in range(inputs.n_reps)]
    revenue, holding, orders, lost = (np.array(col) for col in zip(*rows, strict=True))
    return RawTotals(
        revenue.astype(float), holding.astype(float), orders.astype(np.int64), lost.astype(np.int64)
    )


def simulate_fast(system: LabSystem, levels: tuple[int, ...], inputs: LabInputs) -> RawTotals:
    """Run all replications together, order by order, with numpy arrays.

    Same model and same inputs as :func:`simulate_reference`; the holding cost uses
    ``integral of stock = s * window - integral of units outstanding``, each replenishment
    being outstanding on ``[order time, finish time)``.

    Parameters
    ----------
    system : LabSystem
    levels : tuple of int
        Base-stock level of each component (already validated).
    inputs : LabInputs
        From :func:`draw_inputs`.

    Returns
    -------
    RawTotals
    """
    n_reps, n_comp = inputs.n_reps, system.n_components
    key, optional = system.matrices()
    not_key = ~key
    profit = np.array([c.profit for c in system.components])
    holding = np.array([c.holding_cost for c in system.components])
    start, end = system.warm_up, system.run_length
    level = np.array(levels, dtype=np.int64)
    width = inputs.production_times.shape[2]
    # Ring buffer of the last `depth` finish times; a power of two, so `& mask` wraps it.
    # A level above `width` never runs out (at most `width` orders), so it needs no history.
    depth = 1 << max(min(int(level.max()), width) - 1, 0).bit_length()
    mask = depth - 1

    used = np.zeros((n_reps, n_comp), dtype=np.int64)  # units used so far
    last_finish = np.zeros((n_reps, n_comp))
    # finish times, flat (r, j, slot); +inf = "not finished" (so level 0 is never on hand)
    ring = np.full(n_reps * n_comp * depth, np.inf)
    ring_base = (np.arange(n_reps * n_comp, dtype=np.int64) * depth).reshape(n_reps, n_comp)
    prod_flat = inputs.production_times.reshape(-1)
    # flat index of the next production time of each (replication, component)
    prod_next = (np.arange(n_reps * n_comp, dtype=np.int64) * width).reshape(n_reps, n_comp)
    outstanding_time = np.zeros((n_reps, n_comp))  # integral of units outstanding in window
    sold = np.zeros((n_reps, n_comp))
    lost = np.zeros(n_reps, dtype=np.int64)
    # order-major copies, so that each step reads contiguous memory
    times = np.ascontiguousarray(inputs.arrival_times.T)
    kinds = np.ascontiguousarray(inputs.product_types.T)
    active_all = times <= end  # padding is +inf: never active
    counted_all = active_all & (times > start)

    for i in range(times.shape[0]):
        active, counted, kind = active_all[i], counted_all[i], kinds[i]
        t = times[i][:, None]
        always = used < level
        slot = ring_base + ((used - level) & mask)
        on_hand = always | (ring[slot] <= t)
        filled = active & (on_hand | not_key[kind]).all(axis=1)
        take = (key[kind] | (optional[kind] & on_hand)) & filled[:, None]
        # used <= i < width: the index never runs past the drawn production times
        finish = np.maximum(last_finish, t) + prod_flat[prod_next]
        np.copyto(last_finish, finish, where=take)
        write = ring_base + (used & mask)
        ring[write] = np.where(take, finish, ring[write])
        window = np.clip(np.minimum(finish, end) - np.maximum(t, start), 0.0, None)
        np.add(outstanding_time, window, out=outstanding_time, where=take)
        sold += take & counted[:, None]
        used += take
        prod_next += take
        lost += counted & ~filled
    revenue = sold @ profit
    holding_cost = (level * (end - start) - outstanding_time) @ holding
    orders = counted_all.sum(axis=0, dtype=np.int64)
    return RawTotals(revenue, holding_cost, orders, lost)
