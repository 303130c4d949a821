"""Lessons 06-07 helpers and widgets: experiments move the right way, controls redraw.

(Lesson 07's self-check quiz is exercise 7.1: tests/test_widgets_quiz.py, test_grading_choices.py.)
"""

from __future__ import annotations

import re

import numpy as np
import pytest

import ato_lessons as ato
from ato_lessons.i18n import set_language
from ato_lessons.widgets import tradeoffs as tw


@pytest.fixture(scope="module")
def pc() -> ato.Scenario:
    return ato.load_instance("pc_maker")


@pytest.fixture(scope="module")
def panel(pc: ato.Scenario) -> tw.WhatIfPanel:
    return tw.WhatIfPanel(pc)


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


# --- experiments ---------------------------------------------------------------------------
def test_products_using_counts_the_bom(pc: ato.Scenario) -> None:
    using = tw.products_using(pc.catalog, "CPU-5")
    # 288 configurations, 4 processors: a quarter use CPU-5; the case is in every PC.
    assert len(using) == len(pc.catalog.products) // 4
    assert all("CPU-5" in pc.catalog.product(p).bom for p in using)
    assert len(tw.products_using(pc.catalog, "Case")) == len(pc.catalog.products)
    with pytest.raises(ValueError, match="component"):
        tw.products_using(pc.catalog, "CPU-99")


def test_with_lead_time_changes_one_component_only(pc: ato.Scenario) -> None:
    slow = tw.with_lead_time(pc.factory, "CPU-5", 60)
    for comp in pc.catalog.components:
        expected = 60 if comp.name == "CPU-5" else comp.lead_time
        assert slow.catalog.component(comp.name).lead_time == expected
    assert slow.catalog.product_names == pc.catalog.product_names
    with pytest.raises(ValueError, match="lead_time"):
        tw.with_lead_time(pc.factory, "CPU-5", -1)
    with pytest.raises(TypeError, match="lead_time"):
        tw.with_lead_time(pc.factory, "CPU-5", 2.5)


def test_surge_orders_adds_orders_only_in_the_window(pc: ato.Scenario) -> None:
    base = tw.surge_orders(pc, 0.0, horizon=120)
    surged = tw.surge_orders(pc, 1.0, start=30, length=20, horizon=120)
    per_day_base = np.bincount(base["day"], minlength=120)
    per_day = np.bincount(surged["day"], minlength=120)
    outside = np.r_[0:30, 50:120]
    assert (per_day[outside] == per_day_base[outside]).all()
    # Doubling the rate for 20 days: about 12 x 20 = 240 extra orders (Poisson, sd ~ 16).
    extra = int(per_day[30:50].sum() - per_day_base[30:50].sum())
    assert 170 < extra < 310
    assert list(surged["order_id"]) == list(range(len(surged)))
    assert surged["day"].is_monotonic_increasing
    with pytest.raises(ValueError, match="horizon"):
        tw.surge_orders(pc, 0.5, start=100, length=30, horizon=120)
    with pytest.raises(ValueError, match="extra"):
        tw.surge_orders(pc, -0.1)


def test_planned_targets_grow_with_the_surge(pc: ato.Scenario) -> None:
    usual, planned = tw.planned_targets(pc, 0.0), tw.planned_targets(pc, 0.5)
    assert usual == pc.targets("ATO")
    assert all(planned[k] >= usual[k] for k in usual)
    assert sum(planned.values()) > sum(usual.values())


def test_surge_waits_longer_with_less_capacity(pc: ato.Scenario) -> None:
    orders = tw.surge_orders(pc, 0.5)
    targets = tw.planned_targets(pc, 0.5)
    waits = []
    for capacity in (16.0, 24.0):
        res = ato.simulate(pc.factory.with_(assembly_capacity=capacity), orders, "ATO", targets,
                           horizon=180)
        waits.append(res.summary()["mean lead time (days)"])
    assert waits[0] > waits[1] + 0.3


def test_value_lost_is_proportional_to_the_rate(pc: ato.Scenario) -> None:
    res = pc.run("ATO", pc.orders(horizon=60, seed=2))
    one, two = tw.value_lost(res, 0.01), tw.value_lost(res, 0.02)
    assert one.is_monotonic_increasing
    assert two.iloc[-1] == pytest.approx(2 * one.iloc[-1])
    assert one.iloc[-1] == pytest.approx(res.inventory["total_value"].sum() * 0.01 / 7)
    assert tw.value_lost(res, 0.0).iloc[-1] == 0.0
    with pytest.raises(ValueError, match="weekly_rate"):
        tw.value_lost(res, 1.5)


def test_stock_at_risk_after_a_change_of_tastes(pc: ato.Scenario) -> None:
    orders = pc.orders(demand=pc.demand.with_(shift_day=180))
    mts, ato_run = pc.run("MTS", orders), pc.run("ATO", orders)
    at_risk_mts = tw.stock_at_risk(mts, 180)
    at_risk_ato = tw.stock_at_risk(ato_run, 180)
    assert at_risk_mts > 3 * at_risk_ato > 0
    # Counting more days of cover as "in use" leaves less at risk; zero cover counts it all.
    assert tw.stock_at_risk(ato_run, 180, cover_days=120) <= at_risk_ato
    end_value = ato_run.inventory["total_value"].iloc[-1]
    assert tw.stock_at_risk(ato_run, 180, cover_days=0) == pytest.approx(end_value)
    assert tw.stock_at_risk(pc.run("MTO", orders), 180) == 0.0
    with pytest.raises(ValueError, match="after_day"):
        tw.stock_at_risk(ato_run, 400)


def test_days_of_inventory_orders_the_strategies(pc: ato.Scenario) -> None:
    orders = pc.orders(seed=4)  # a whole year: the starting stock weighs little
    mts = tw.days_of_inventory(pc.run("MTS", orders))
    ato_days = tw.days_of_inventory(pc.run("ATO", orders))
    assert tw.days_of_inventory(pc.run("MTO", orders)) == 0.0
    assert mts > 5 * ato_days > 0


@pytest.mark.parametrize(
    "wait, supply, assembly, expected",
    [
        (0, 2, 0.2, "MTS"),    # the customer will not even wait for the oven
        (0.5, 30, 1, "MTS"),   # half a day is shorter than assembly
        (1, 30, 1, "ATO"),     # waits exactly the assembly time
        (3, 35, 1, "ATO"),     # the PC maker
        (36, 35, 1, "MTO"),    # waits the whole lead time
        (540, 365, 60, "MTO"), # jet engines
    ],
)
def test_fit_strategy_rule(wait: float, supply: float, assembly: float, expected: str) -> None:
    assert tw.fit_strategy(wait, supply, assembly) == expected


def test_fit_strategy_checks_inputs() -> None:
    with pytest.raises(ValueError, match="customer_wait_days"):
        tw.fit_strategy(-1, 3, 1)
    with pytest.raises(TypeError, match="supply_days"):
        tw.fit_strategy(1, "3", 1)


def test_business_table_gives_the_textbook_answers() -> None:
    table = tw.business_table()
    assert table.loc["bakery bread", "strategy"] == "MTS"
    assert table.loc["bottled water", "strategy"] == "MTS"
    assert table.loc["jet engines", "strategy"] == "MTO"
    assert table.loc["custom furniture", "strategy"] == "MTO"
    assert table.loc["PCs configured online", "strategy"] == "ATO"
    assert table.loc["cars with options", "strategy"] == "ATO"


# --- the what-if panel ---------------------------------------------------------------------
def _caption_number(panel: tw.WhatIfPanel) -> float:
    match = re.search(r"<b>([\d,.]+)", panel.live.caption.value)
    assert match, panel.live.caption.value
    return float(match.group(1).replace(",", ""))


def test_panel_follows_the_protocol(panel: tw.WhatIfPanel) -> None:
    assert set(panel.controls) == {"experiment", "severity"}
    assert panel.widget.children
    assert len(panel.live.image.value) > 1000
    assert set(panel.controls["experiment"].options) >= {
        (e.label, k) for k, e in tw.EXPERIMENTS.items()
    }


@pytest.mark.parametrize(
    "experiment, low, high, key",
    [
        ("surge", 0, 100, "mean lead time during the surge (days)"),
        ("late supplier", 0, 42, "late share, orders needing CPU-5"),
        ("obsolescence", 0.5, 2.0, "value lost, ATO (k€)"),
    ],
)
def test_panel_severity_moves_the_result(
    panel: tw.WhatIfPanel, experiment: str, low: float, high: float, key: str
) -> None:
    panel.controls["experiment"].value = experiment
    slider = panel.controls["severity"]
    assert slider.min <= low < high <= slider.max
    slider.value = low
    small, picture, caption = panel.last[key], panel.live.image.value, _caption_number(panel)
    slider.value = high
    assert panel.last[key] > small, (experiment, small, panel.last[key])
    assert panel.live.image.value != picture
    assert _caption_number(panel) > caption


def test_panel_switch_resets_the_slider(panel: tw.WhatIfPanel) -> None:
    for key, spec in tw.EXPERIMENTS.items():
        panel.controls["experiment"].value = key
        slider = panel.controls["severity"]
        assert (slider.min, slider.max, slider.value) == (spec.minimum, spec.maximum, spec.default)
        assert slider.description == spec.description


def test_panel_obsolescence_mts_loses_more(panel: tw.WhatIfPanel) -> None:
    panel.controls["experiment"].value = "obsolescence"
    assert panel.last["value lost, MTS (k€)"] > 5 * panel.last["value lost, ATO (k€)"]


def test_panel_late_supplier_hits_cpu5_orders_most(panel: tw.WhatIfPanel) -> None:
    panel.controls["experiment"].value = "late supplier"
    panel.controls["severity"].value = 28
    assert (panel.last["late share, orders needing CPU-5"]
            > panel.last["late share, other orders"] + 0.3)


def test_panel_rejects_bad_inputs(pc: ato.Scenario) -> None:
    with pytest.raises(TypeError, match="scenario"):
        tw.WhatIfPanel("pc_maker")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="horizon"):
        tw.WhatIfPanel(pc, horizon=30)
    with pytest.raises(ValueError, match="CPU-5"):
        tw.WhatIfPanel(ato.load_instance("two_products"))
