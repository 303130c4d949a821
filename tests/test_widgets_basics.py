"""Widgets of lessons 00-02: each control moves the picture and the figures in the
expected direction; the widgets check their inputs. (Their experiments are tested in
test_experiments.py.)"""

from __future__ import annotations

import pytest

import ato_lessons as ato
from ato_lessons.experiments import level_sweep, mto_wait
from ato_lessons.widgets.basics import MTOWaitWidget, OrdersWidget, ProductionRunWidget


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


# --- in place -------------------------------------------------------------------------------


def test_production_widget_shows_the_sweep_and_redraws_in_place(pc: ato.Scenario) -> None:
    w = ProductionRunWidget(pc, season=60, offer=10, seed=4)
    w.controls["level"].value = 150
    expected = level_sweep(pc, [1.5], season=60, offer=10, seed=4).loc[150.0].to_dict()
    assert w.figures == pytest.approx(expected)
    draws = w.live.full_draws
    for level in (25, 200, 100):
        w.controls["level"].value = level
    assert w.live.full_draws == draws, "moving the level only moves the line"
    picture = bytes(w.live.image.value)
    w.controls["shift"].value = 30  # (day 60 would change nothing in a 60-day season)
    assert bytes(w.live.image.value) != picture
    w.controls["shift"].value = None
    assert bytes(w.live.image.value) == picture, "back to the same setting, the same picture"


def test_mto_widget_going_back_shows_the_same_run(pc: ato.Scenario) -> None:
    w = MTOWaitWidget(pc, pc.orders(horizon=60, seed=2))
    picture, wait, caption = bytes(w.live.image.value), dict(w.wait), w.live.caption.value
    w.controls["capacity"].value = 12
    assert w.wait != wait
    w.controls["capacity"].value = int(round(pc.factory.assembly_capacity))
    assert (bytes(w.live.image.value), w.wait, w.live.caption.value) == (picture, wait, caption)


def test_orders_widget_axis_follows_a_busy_month(pc: ato.Scenario) -> None:
    w = OrdersWidget(pc, horizon=30, seed=7)
    ax = w.live.fig.axes[0]
    assert ax.get_ylim() == (0, 40)
    w.controls["orders_per_day"].value = 30
    w.controls["variability"].value = 1.0
    busiest = int(w.orders.groupby("day").size().max())
    assert busiest > 35 and ax.get_ylim() == (0, busiest + 5)
