"""Property-based tests of the simulation over random small factories and order streams.

Hypothesis draws small catalogs (components with lead times 0-10, costs, assembly times;
products with random bills of materials), a line capacity (sometimes unlimited), 0-3
assembly days, an order stream and target levels, and checks invariants that must hold
for every strategy, with and without backorders and replenishment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ato_lessons.catalog import Catalog, Component, Product
from ato_lessons.demand import DemandModel, generate_orders
from ato_lessons.factory import STATUSES, STRATEGIES, Factory, SimulationResult, simulate

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Case:
    factory: Factory
    orders: pd.DataFrame
    horizon: int
    component_targets: dict[str, int]
    product_targets: dict[str, int]


@st.composite
def factories(draw: st.DrawFn, min_lead: int = 0, unlimited: bool = False) -> Factory:
    n_comp = draw(st.integers(1, 5))
    comps = [
        Component(
            f"C{i}", f"cat{i % 3}",
            unit_cost=draw(st.floats(0.5, 500.0)),
            supplier="S",
            lead_time=draw(st.integers(min_lead, 10)),
            assembly_time=draw(st.sampled_from([0.0, 0.1, 0.25, 0.5, 1.0, 2.5])),
        )
        for i in range(n_comp)
    ]
    n_prod = draw(st.integers(1, 4))
    products = []
    for j in range(n_prod):
        chosen = draw(st.lists(st.integers(0, n_comp - 1), min_size=1, max_size=n_comp,
                               unique=True))
        bom = {f"C{i}": draw(st.integers(1, 3)) for i in chosen}
        products.append(Product(f"P{j}", bom))
    capacity = math.inf if unlimited else draw(
        st.sampled_from([math.inf, math.inf, 0.5, 1.0, 2.0, 8.0]))
    return Factory(Catalog(tuple(comps), tuple(products)), assembly_capacity=capacity,
                   assembly_days=draw(st.integers(0, 3)), holding_rate=draw(st.floats(0, 1)))


@st.composite
def cases(draw: st.DrawFn, min_lead: int = 0, unlimited: bool = False) -> Case:
    factory = draw(factories(min_lead=min_lead, unlimited=unlimited))
    cat = factory.catalog
    horizon = draw(st.integers(1, 40))
    rows = draw(st.lists(
        st.tuples(st.integers(0, horizon - 1), st.sampled_from(cat.product_names),
                  st.integers(1, 3)),
        max_size=40,
    ))
    orders = pd.DataFrame(rows, columns=["day", "product", "quantity"]).astype(
        {"day": np.int64, "quantity": np.int64})
    comp_targets = {c: draw(st.integers(0, 8)) for c in cat.component_names
                    if draw(st.booleans())}
    offered = draw(st.lists(st.sampled_from(cat.product_names), unique=True))
    prod_targets = {p: draw(st.integers(0, 8)) for p in offered}
    return Case(factory, orders, horizon, comp_targets, prod_targets)


def targets_for(case: Case, strategy: str) -> dict[str, int] | None:
    return {"MTS": case.product_targets, "ATO": case.component_targets, "MTO": None}[strategy]


def check_invariants(r: SimulationResult, case: Case, strategy: str, backorder: bool,
                     replenish: bool) -> None:
    f = case.factory
    o = r.orders
    assert len(o) == len(case.orders)
    assert r.horizon == case.horizon
    # Every order is exactly one of served / waiting / lost.
    status = o["status"].astype(str)
    assert status.isin(STATUSES).all()
    served, waiting, lost = (status == s for s in STATUSES)
    assert (served.astype(int) + waiting.astype(int) + lost.astype(int) == 1).all()
    assert o["delivered_day"].notna().eq(served).all()
    assert o["lead_time"].notna().eq(served).all()
    # Lost orders only without backorders, or an MTS product that is not offered.
    offered = o["product"].isin(list(case.product_targets))
    if strategy == "MTO":
        assert not lost.any()
    elif strategy == "MTS":
        if backorder:
            assert lost.eq(~offered).all()
        else:
            assert (~offered <= lost).all()
    elif backorder:
        assert not lost.any()
    assert not o.loc[lost, "from_stock"].any()
    assert o.loc[lost, "promised_day"].isna().all()
    # Quoted and actual lead times.
    quoted = np.array([f.quoted_lead_time(strategy, p) for p in o["product"]],  # type: ignore[arg-type]
                      dtype=np.int64)
    kept = ~lost.to_numpy()
    np.testing.assert_array_equal(o.loc[kept, "promised_day"].to_numpy(dtype=np.int64),
                                  (o["day"].to_numpy() + quoted)[kept])
    lead = o.loc[served, "lead_time"].to_numpy(dtype=np.int64)
    assert (lead >= quoted[served.to_numpy()]).all()
    delivered = o.loc[served, "delivered_day"].to_numpy(dtype=np.int64)
    assert (delivered < case.horizon).all()
    np.testing.assert_array_equal(delivered - o.loc[served, "day"].to_numpy(), lead)
    # on_time agrees with promised and delivered days.
    on_time = o["on_time"]
    promised = o["promised_day"]
    assert on_time[lost].isna().all()
    s_mask = served.to_numpy()
    assert (on_time[s_mask].astype(bool).to_numpy()
            == (o.loc[s_mask, "delivered_day"] <= promised[s_mask]).to_numpy(dtype=bool)).all()
    w_mask = waiting.to_numpy()
    due = (promised[w_mask] < case.horizon).to_numpy(dtype=bool)
    assert on_time[w_mask][~due].isna().all()
    assert (on_time[w_mask][due] == False).all()  # noqa: E712 - nullable booleans
    # from_stock: MTO never; MTS from stock ships the same day.
    from_stock = o["from_stock"].to_numpy(dtype=bool)
    if strategy == "MTO":
        assert not from_stock.any()
    if strategy == "MTS":
        assert served.to_numpy()[from_stock].all()
        assert (o.loc[from_stock, "lead_time"] == 0).all()
    if strategy == "ATO" and math.isinf(f.assembly_capacity):
        fs_served = from_stock & s_mask
        assert (o.loc[fs_served, "lead_time"] == f.assembly_days).all()
        fs_waiting = from_stock & w_mask
        assert (o.loc[fs_waiting, "day"] + f.assembly_days >= case.horizon).all()
    # Stocks: never negative, conserved, consistent with the inventory table.
    stock, flows, inv = r.stock, r.flows, r.inventory
    assert len(stock) == len(inv) == case.horizon
    assert (stock.to_numpy() >= 0).all()
    numeric = inv.drop(columns="day")
    assert (numeric.to_numpy() >= -1e-9).all()
    targets = targets_for(case, strategy) or {}
    if strategy == "MTO":
        assert stock.shape[1] == 0 and flows.empty
        assert (inv[["component_units", "finished_units", "total_value"]] == 0).all().all()
    else:
        expected_items = (list(f.catalog.component_names) if strategy == "ATO"
                          else list(targets))
        assert list(stock.columns) == expected_items
        assert flows["start"].tolist() == [targets.get(i, 0) for i in expected_items]
        assert (flows["start"] + flows["received"] - flows["used"] == flows["end"]).all()
        assert flows["end"].tolist() == stock.iloc[-1].tolist()
        if not replenish:
            assert (flows["received"] == 0).all()
        units = stock.sum(axis=1).to_numpy()
        column = "component_units" if strategy == "ATO" else "finished_units"
        other = "finished_units" if strategy == "ATO" else "component_units"
        np.testing.assert_array_equal(inv[column].to_numpy(), units)
        assert (inv[other] == 0).all()
    np.testing.assert_allclose(inv["total_value"],
                               inv["component_value"] + inv["finished_value"])
    np.testing.assert_allclose(inv["holding_cost"],
                               inv["total_value"] * f.holding_rate / 365.0)


@pytest.mark.parametrize("strategy", STRATEGIES)
@SETTINGS
@given(case=cases())
def test_invariants_all_modes(strategy: str, case: Case) -> None:
    for backorder in (True, False):
        for replenish in (True, False):
            r = simulate(case.factory, case.orders, strategy, targets_for(case, strategy),
                         horizon=case.horizon, backorder=backorder, replenish=replenish)
            check_invariants(r, case, strategy, backorder, replenish)


@SETTINGS
@given(factory=factories(), seed=st.integers(0, 2**32 - 1), horizon=st.integers(1, 30),
       rate=st.floats(0.2, 6.0), variability=st.sampled_from([0.0, 0.3, 1.0]),
       strategy=st.sampled_from(STRATEGIES), backorder=st.booleans())
def test_same_seed_same_results(factory: Factory, seed: int, horizon: int, rate: float,
                                variability: float, strategy: str, backorder: bool) -> None:
    demand = DemandModel(orders_per_day=rate, variability=variability, mean_quantity=1.5)
    cat = factory.catalog
    targets = ({p: 2 for p in cat.product_names} if strategy == "MTS"
               else {c: 3 for c in cat.component_names} if strategy == "ATO" else None)
    runs = [
        simulate(factory, generate_orders(cat, demand, horizon, seed), strategy, targets,
                 horizon=horizon, backorder=backorder)
        for _ in range(2)
    ]
    for attr in ("orders", "inventory", "stock", "flows"):
        pd.testing.assert_frame_equal(getattr(runs[0], attr), getattr(runs[1], attr))


@SETTINGS
@given(case=cases(), replenish=st.booleans())
def test_mts_with_enough_stock_never_makes_anyone_wait(case: Case, replenish: bool) -> None:
    demand = case.orders.groupby("product")["quantity"].sum()
    targets = {p: int(demand.get(p, 0)) + extra
               for p, extra in zip(case.factory.catalog.product_names, range(3), strict=False)}
    targets.update({p: int(demand.get(p, 0)) for p in case.factory.catalog.product_names
                    if p not in targets})
    r = simulate(case.factory, case.orders, "MTS", targets, horizon=case.horizon,
                 replenish=replenish, backorder=False)
    assert r.orders["from_stock"].all()
    assert (r.orders["lead_time"] == 0).all()
    assert (r.orders["status"] == "served").all()


@SETTINGS
@given(case=cases(unlimited=True), backorder=st.booleans())
def test_ato_with_enough_components_is_assembly_days(case: Case, backorder: bool) -> None:
    cat = case.factory.catalog
    need = dict.fromkeys(cat.component_names, 0)
    for p, q in zip(case.orders["product"], case.orders["quantity"], strict=True):
        for c, k in cat.product(p).bom.items():
            need[c] += k * int(q)
    r = simulate(case.factory, case.orders, "ATO", need, horizon=case.horizon,
                 backorder=backorder, replenish=False)
    o = r.orders
    assert o["from_stock"].all()
    expected = np.where(o["day"] + case.factory.assembly_days < case.horizon, "served", "waiting")
    assert (o["status"].astype(str).to_numpy() == expected).all()
    assert (o.loc[o["status"] == "served", "lead_time"] == case.factory.assembly_days).all()
    assert (r.flows["end"] == 0).all()  # exactly enough: every shelf is empty at the end


def _check_mto_closed_form(case: Case) -> None:
    horizon = case.horizon + 25  # long enough for every order to be delivered
    r = simulate(case.factory, case.orders, "MTO", horizon=horizon)
    cat = case.factory.catalog
    expected = [cat.supply_lead_time(p) + case.factory.assembly_days for p in r.orders["product"]]
    assert (r.orders["status"] == "served").all()
    assert r.orders["lead_time"].tolist() == expected


@SETTINGS
@given(case=cases(min_lead=1, unlimited=True))
def test_mto_lead_time_closed_form(case: Case) -> None:
    """MTO with an unlimited line: lead time = slowest supplier of the BOM + assembly_days."""
    _check_mto_closed_form(case)


@settings(max_examples=200, deadline=None)
@given(case=cases(min_lead=0, unlimited=True))
def test_mto_lead_time_closed_form_with_zero_lead_times(case: Case) -> None:
    _check_mto_closed_form(case)


@SETTINGS
@given(case=cases())
def test_replenish_false_never_receives_and_backorder_false_loses(case: Case) -> None:
    """One-off stock with lost sales: each item's use never exceeds its start."""
    r = simulate(case.factory, case.orders, "ATO", case.component_targets, horizon=case.horizon,
                 backorder=False, replenish=False)
    assert (r.flows["received"] == 0).all()
    assert (r.flows["used"] <= r.flows["start"]).all()
    o = r.orders
    assume(len(o) > 0)
    # An accepted order found everything on the shelf; a refused one did not.
    assert o.loc[o["status"] != "lost", "from_stock"].all()


@SETTINGS
@given(case=cases(), capacity=st.sampled_from([0.25, 0.5, 1.0, 3.0]),
       strategy=st.sampled_from(["MTO", "ATO"]), backorder=st.booleans())
def test_limited_capacity_only_delays(case: Case, capacity: float, strategy: str,
                                      backorder: bool) -> None:
    """MTO and ATO allocate components on arrival, before assembly, so a slower line
    changes nothing but delivery days, and those only later."""
    targets = targets_for(case, strategy)
    fast = simulate(case.factory.with_(assembly_capacity=math.inf), case.orders, strategy,
                    targets, horizon=case.horizon, backorder=backorder)
    slow = simulate(case.factory.with_(assembly_capacity=capacity), case.orders, strategy,
                    targets, horizon=case.horizon, backorder=backorder)
    pd.testing.assert_series_equal(fast.orders["from_stock"], slow.orders["from_stock"])
    pd.testing.assert_frame_equal(fast.stock, slow.stock)
    pd.testing.assert_frame_equal(fast.flows, slow.flows)
    # An order delivered by the slow line was delivered no later by the fast one.
    both = slow.orders["status"] == "served"
    assert (fast.orders.loc[both, "status"] == "served").all()
    assert (slow.orders.loc[both, "delivered_day"] >= fast.orders.loc[both, "delivered_day"]).all()
    assert (fast.orders["status"] == "lost").equals(slow.orders["status"] == "lost")
