"""Widgets and helpers of lessons 00-02: each control moves the picture and the
figures in the expected direction; the helpers check their inputs."""

from __future__ import annotations

import math

import pytest

import ato_lessons as ato
from ato_lessons.widgets.basics import (
    MTOWaitWidget,
    OrdersWidget,
    ProductionRunWidget,
    level_sweep,
    mto_wait,
    one_off_targets,
    production_run,
    run_figures,
    season_orders,
    with_lead_times,
    with_supplier_lead_time,
)


@pytest.fixture(scope="module")
def pc() -> ato.Scenario:
    return ato.load_instance("pc_maker")


# --- lesson 0 -------------------------------------------------------------------------------


def test_orders_widget_follows_its_sliders(pc: ato.Scenario) -> None:
    w = OrdersWidget(pc, horizon=30, seed=7)
    assert set(w.controls) == {"orders_per_day", "variability"}
    picture, caption, n = w.live.image.value, w.live.caption.value, len(w.orders)
    assert n > 0 and str(n) in caption
    w.controls["orders_per_day"].value = 25
    assert len(w.orders) > n  # about twice as many orders
    assert w.live.image.value != picture and w.live.caption.value != caption
    assert w.orders["day"].between(0, 29).all()


def test_orders_widget_variability_spreads_the_days(pc: ato.Scenario) -> None:
    w = OrdersWidget(pc, horizon=60, seed=3)
    w.controls["variability"].value = 0.0
    calm = w.orders.groupby("day").size().std()
    w.controls["variability"].value = 1.0
    wild = w.orders.groupby("day").size().std()
    assert wild > 1.5 * calm


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"horizon": 1}, ValueError, "horizon"),  # a month needs at least two days
        ({"seed": -1}, ValueError, "seed"),  # seeds are non-negative
        ({"horizon": 2.5}, TypeError, "horizon"),  # days are whole numbers
    ],
)
def test_orders_widget_checks_inputs(pc: ato.Scenario, kwargs: dict[str, object],
                                     error: type[Exception], name: str) -> None:
    with pytest.raises(error, match=name):
        OrdersWidget(pc, **kwargs)  # type: ignore[arg-type]


def test_widgets_need_a_scenario() -> None:
    with pytest.raises(TypeError, match="scenario"):
        OrdersWidget("pc_maker")  # type: ignore[arg-type]


# --- lesson 1 -------------------------------------------------------------------------------


def test_one_off_targets_scale_with_the_level(pc: ato.Scenario) -> None:
    base = one_off_targets(pc, 1.0, season=90, offer=20)
    assert list(base) == list(pc.catalog.product_names[:20])
    assert all(v == 0 for v in one_off_targets(pc, 0.0, season=90, offer=20).values())
    double = one_off_targets(pc, 2.0, season=90, offer=20)
    for name, units in base.items():
        assert abs(double[name] - 2 * units) <= 1  # rounding only
    forecast = ato.daily_demand(pc.factory, pc.demand, "MTS")["mean"].iloc[:20].sum() * 90
    assert abs(sum(base.values()) - forecast) <= 10


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"level": -0.5}, "level"),  # cannot build a negative amount
        ({"level": 1.0, "offer": 0}, "offer"),  # at least one product
        ({"level": 1.0, "offer": 289}, "offer"),  # only 288 configurations exist
        ({"level": 1.0, "season": 0}, "season"),  # a season lasts at least a day
    ],
)
def test_one_off_targets_check_inputs(pc: ato.Scenario, kwargs: dict[str, object],
                                      name: str) -> None:
    with pytest.raises(ValueError, match=name):
        one_off_targets(pc, **kwargs)  # type: ignore[arg-type]


def test_production_run_conserves_units(pc: ato.Scenario) -> None:
    orders = season_orders(pc, season=60, offer=10, seed=5)
    assert set(orders["product"]) <= set(pc.catalog.product_names[:10])
    res = production_run(pc, orders, one_off_targets(pc, 0.8, season=60, offer=10), season=60)
    f = run_figures(res)
    sold = orders.loc[res.orders["status"] == "served", "quantity"].sum()
    assert f["produced"] - f["units left over"] == sold
    assert f["units short"] + sold == orders["quantity"].sum()
    assert (res.orders["status"] != "waiting").all()  # lost sales: nobody waits


def test_level_sweep_trades_stock_outs_for_leftovers(pc: ato.Scenario) -> None:
    table = level_sweep(pc, [0.0, 0.5, 1.0, 1.5], season=60, offer=10, seed=5)
    assert list(table.index) == [0.0, 50.0, 100.0, 150.0]
    assert table["fill rate"].iloc[0] == 0.0 and table["units left over"].iloc[0] == 0.0
    assert table["fill rate"].is_monotonic_increasing
    assert table["units short"].is_monotonic_decreasing
    assert table["units left over"].is_monotonic_increasing
    assert table["leftover value (€)"].is_monotonic_increasing
    total = table["units short"] + table["units left over"]
    assert total.iloc[2] < total.iloc[0] and total.iloc[2] < total.iloc[3]  # the U
    with pytest.raises(ValueError, match="levels"):
        level_sweep(pc, [])


def test_a_change_of_taste_leaves_more_stock_behind(pc: ato.Scenario) -> None:
    steady = level_sweep(pc, [1.0], season=90, offer=20, seed=2)
    shifted = level_sweep(pc, [1.0], season=90, offer=20, shift_day=30, seed=2)
    assert shifted["units left over"].iloc[0] > 2 * steady["units left over"].iloc[0]


def test_production_widget_follows_its_controls(pc: ato.Scenario) -> None:
    w = ProductionRunWidget(pc, season=60, offer=10, seed=4)
    assert set(w.controls) == {"level", "shift"}
    picture, caption, before = w.live.image.value, w.live.caption.value, dict(w.figures)
    w.controls["level"].value = 150
    assert w.figures["produced"] > before["produced"]
    assert w.figures["units left over"] > before["units left over"]
    assert w.figures["fill rate"] >= before["fill rate"]
    assert w.live.image.value != picture and w.live.caption.value != caption
    leftover = w.figures["units left over"]
    w.controls["shift"].value = 30
    assert w.figures["units left over"] > leftover


# --- lesson 2 -------------------------------------------------------------------------------


def test_with_lead_times_changes_only_the_named_parts(pc: ato.Scenario) -> None:
    new = with_lead_times(pc.factory, {"CPU-9": 7})
    assert new.catalog.component("CPU-9").lead_time == 7
    assert pc.catalog.component("CPU-9").lead_time == 35  # the original is untouched
    for before, after in zip(pc.catalog.components, new.catalog.components, strict=True):
        if before.name != "CPU-9":
            assert before == after
    assert new.catalog.product_names == pc.catalog.product_names
    assert new.assembly_capacity == pc.factory.assembly_capacity


@pytest.mark.parametrize(
    ("call", "error", "name"),
    [
        (lambda f: with_lead_times(f, {"CPU-42": 3}), ValueError, "CPU-42"),  # unknown part
        (lambda f: with_lead_times(f, {"CPU-9": -1}), ValueError, "CPU-9"),  # negative days
        (lambda f: with_lead_times(f, [("CPU-9", 3)]), TypeError, "lead_times"),  # not a mapping
        (lambda f: with_supplier_lead_time(f, "Nobody Inc", 3), ValueError, "Nobody Inc"),
        (lambda f: with_supplier_lead_time(f, "ChipCo (US)", 2.5), TypeError, "lead_time"),
        (lambda f: with_lead_times("factory", {}), TypeError, "factory"),  # not a Factory
    ],
)
def test_lead_time_helpers_check_inputs(pc: ato.Scenario, call: object,
                                        error: type[Exception], name: str) -> None:
    with pytest.raises(error, match=name):
        call(pc.factory)  # type: ignore[operator]


@pytest.mark.parametrize("days", [7, 14, 28, 42])
def test_mto_wait_is_the_slowest_part_plus_assembly(pc: ato.Scenario, days: int) -> None:
    """With unlimited assembly, the closed form holds order by order."""
    factory = with_supplier_lead_time(pc.factory, "ChipCo (US)", days)
    factory = factory.with_(assembly_capacity=math.inf)
    orders = pc.orders(horizon=40, seed=11)
    res = ato.simulate(factory, orders, "MTO", horizon=120)
    expected = [
        max(c.lead_time for c in factory.catalog.components if c.name in
            pc.catalog.product(p).bom) + factory.assembly_days
        for p in orders["product"]
    ]
    assert res.orders["lead_time"].astype(int).tolist() == expected


def test_mto_widget_follows_its_sliders(pc: ato.Scenario) -> None:
    orders = pc.orders(horizon=120, seed=9)
    w = MTOWaitWidget(pc, orders)
    assert set(w.controls) == {"lead_time", "capacity"}
    today = dict(w.wait)
    assert today == mto_wait(w.base)
    picture, caption = w.live.image.value, w.live.caption.value
    w.controls["lead_time"].value = 14
    assert w.wait["mean"] < today["mean"] - 3
    assert w.live.image.value != picture and w.live.caption.value != caption
    w.controls["lead_time"].value = 42
    assert w.wait["mean"] > today["mean"] + 10
    w.controls["lead_time"].value = 28
    w.controls["capacity"].value = 10  # less than the ~11 hours of work a day: queues
    assert w.wait["mean"] > today["mean"] + 2
    assert mto_wait(w.base) == today  # the reference run does not move


def test_mto_widget_checks_inputs(pc: ato.Scenario) -> None:
    orders = pc.orders(horizon=20, seed=1)
    with pytest.raises(ValueError, match="Nobody"):
        MTOWaitWidget(pc, orders, supplier="Nobody")
    with pytest.raises(TypeError, match="orders"):
        MTOWaitWidget(pc, "orders")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="extra_days"):
        MTOWaitWidget(pc, orders, extra_days=-1)
