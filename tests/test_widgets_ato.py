"""Widgets of lessons 03 and 04: each control moves the picture or the text the right way."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import ato_lessons as ato
from ato_lessons.widgets.ato import (
    Configurator,
    ShortageExplorer,
    TradeoffExplorer,
    configuration_facts,
    lead_time_split,
    scale_lead_times,
)

HORIZON = 90


@pytest.fixture(scope="module")
def pc() -> ato.Scenario:
    return ato.load_instance("pc_maker")


@pytest.fixture(scope="module")
def tradeoff(pc: ato.Scenario) -> TradeoffExplorer:
    return TradeoffExplorer(pc, horizon=HORIZON)


@pytest.fixture(scope="module")
def configurator(pc: ato.Scenario) -> Configurator:
    return Configurator(pc, horizon=HORIZON, mts_offer=20)


@pytest.fixture(scope="module")
def shortage(pc: ato.Scenario) -> ShortageExplorer:
    return ShortageExplorer(pc, component="CPU-9", horizon=HORIZON)


def _set(widget: Any, name: str, value: Any) -> tuple[bytes, str]:
    """Move one control; return the picture and caption before the move."""
    before = (widget.figure.image.value, widget.figure.caption.value)
    widget.controls[name].value = value
    return before


# --- plain functions ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("factor", "cpu9"),
    [
        (1.0, 35),   # unchanged
        (2.0, 70),   # twice as slow
        (0.5, 18),   # 17.5 rounds to 18 (banker's rounding goes to the even 18)
    ],
)
def test_scale_lead_times(pc: ato.Scenario, factor: float, cpu9: int) -> None:
    scaled = scale_lead_times(pc, factor)
    assert scaled.catalog.component("CPU-9").lead_time == cpu9
    assert scaled.catalog.product_names == pc.catalog.product_names
    assert pc.catalog.component("CPU-9").lead_time == 35, "the original must not change"


@pytest.mark.parametrize("factor", [0, -1.0, "2", True])
def test_scale_lead_times_rejects(pc: ato.Scenario, factor: Any) -> None:
    with pytest.raises(ValueError, match="factor"):
        scale_lead_times(pc, factor)


def test_slower_suppliers_need_more_stock(pc: ato.Scenario) -> None:
    slow = scale_lead_times(pc, 2.0)
    assert sum(slow.targets("ATO").values()) > sum(pc.targets("ATO").values())


def test_configuration_facts_recomputes_the_catalog(pc: ato.Scenario) -> None:
    choice = {"motherboard": "MB-gamer", "processor": "CPU-7", "graphics card": "GPU-pro",
              "monitor": "MON-32", "keyboard": "KB-mech"}
    facts = configuration_facts(pc, choice)
    parts = ["Case", *choice.values()]
    cat = pc.catalog
    assert facts["name"] == "/".join(parts)
    material = sum(cat.component(p).unit_cost for p in parts)
    hours = sum(cat.component(p).assembly_time for p in parts)
    assert facts["material cost"] == pytest.approx(material)
    assert facts["assembly hours"] == pytest.approx(hours)
    assert facts["total cost"] == pytest.approx(material + 30.0 * hours)
    assert facts["quoted lead time"] == {"MTS": 0, "MTO": 28 + 1, "ATO": 1}
    assert cat.product_names[facts["rank"] - 1] == facts["name"]
    assert facts["shelf"] is None and facts["in stock"] is None


def test_configuration_facts_popularity_and_offer(pc: ato.Scenario) -> None:
    top = configuration_facts(pc, {}, mts_offer=1)
    assert top["rank"] == 1 and top["quoted lead time"]["MTS"] == 0
    other = configuration_facts(pc, {"processor": "CPU-9"}, mts_offer=1)
    assert other["rank"] > 1 and other["quoted lead time"]["MTS"] is None
    assert other["share"] < top["share"]
    shares = [configuration_facts(pc, {"monitor": m})["share"] for m in ("MON-24", "MON-32")]
    assert shares[0] > shares[1]


@pytest.mark.parametrize(
    ("choice", "error"),
    [
        ({"processor": "CPU-1"}, ValueError),     # not an option
        ({"cpu": "CPU-5"}, ValueError),           # not a category
        (["CPU-5"], TypeError),                   # not a mapping
    ],
)
def test_configuration_facts_rejects_bad_choices(
    pc: ato.Scenario, choice: Any, error: type[Exception]
) -> None:
    with pytest.raises(error):
        configuration_facts(pc, choice)


def test_in_stock_reads_the_shelves(pc: ato.Scenario) -> None:
    orders = pc.orders(horizon=HORIZON)
    targets = pc.targets("ATO")
    targets["CPU-9"] = 0
    result = pc.run("ATO", orders, targets, horizon=HORIZON)
    starved = configuration_facts(pc, {"processor": "CPU-9"}, result, day=10)
    assert starved["shelf"]["CPU-9"] == 0 and starved["in stock"] is False
    day = int(np.argmax(result.stock[["Case", "MB-office", "CPU-5", "GPU-basic", "MON-24",
                                      "KB-std"]].min(axis=1).to_numpy() > 0))
    fine = configuration_facts(pc, {}, result, day=day)
    assert fine["in stock"] is True
    with pytest.raises(ValueError, match="day"):
        configuration_facts(pc, {}, result, day=HORIZON)
    with pytest.raises(TypeError, match="ATO"):
        configuration_facts(pc, {}, pc.run("MTO", orders, horizon=HORIZON))


def test_lead_time_split_separates_the_starved_orders(pc: ato.Scenario) -> None:
    orders = pc.orders(horizon=HORIZON)
    targets = pc.targets("ATO")
    normal = lead_time_split(pc.run("ATO", orders, targets, horizon=HORIZON), "CPU-9")
    targets["CPU-9"] = 0
    starved = lead_time_split(pc.run("ATO", orders, targets, horizon=HORIZON), "CPU-9")
    needing = orders["product"].str.contains("CPU-9").sum()
    assert starved["n needing"] == needing and starved["n others"] == len(orders) - needing
    # Target 0: CPU-9 is bought per order, 35 days + 1 day of assembly.
    assert starved["needing"] == pytest.approx(36.0)
    assert starved["needing"] > normal["needing"] + 20
    assert starved["others"] < 3.0
    with pytest.raises(ValueError, match="CPU-1"):
        lead_time_split(pc.run("ATO", orders, targets, horizon=HORIZON), "CPU-1")


# --- widgets -----------------------------------------------------------------------------
def test_tradeoff_higher_service_level_more_stock_faster(tradeoff: TradeoffExplorer) -> None:
    tradeoff.controls["service_level"].value = 0.80
    low = tradeoff.last
    assert low is not None
    before = _set(tradeoff, "service_level", 0.98)
    high = tradeoff.last
    assert high is not None
    assert tradeoff.figure.image.value != before[0]
    assert tradeoff.figure.caption.value != before[1]
    assert high["fill rate"] > low["fill rate"]
    assert high["avg inventory value (€)"] > low["avg inventory value (€)"]
    assert high["mean lead time (days)"] < low["mean lead time (days)"]
    assert "0.98" not in before[1] and f"{high['fill rate']:.1%}" in tradeoff.figure.caption.value
    tradeoff.controls["service_level"].value = 0.95


def test_tradeoff_slower_suppliers_raise_inventory(tradeoff: TradeoffExplorer) -> None:
    tradeoff.controls["lead_time_factor"].value = 1.0
    today = tradeoff.last
    assert today is not None
    before = _set(tradeoff, "lead_time_factor", 2.0)
    slow = tradeoff.last
    assert slow is not None and tradeoff.figure.image.value != before[0]
    assert slow["avg inventory value (€)"] > 1.5 * today["avg inventory value (€)"]
    # MTS and MTO stay the fixed reference points.
    assert tradeoff.reference["MTO"][1] == 0.0
    assert tradeoff.reference["MTS"][1] > slow["avg inventory value (€)"]
    tradeoff.controls["lead_time_factor"].value = 1.0


def test_configurator_dropdowns_change_the_facts(configurator: Configurator) -> None:
    assert "case" not in configurator.controls, "the case is fixed"
    assert set(configurator.controls) == {"motherboard", "processor", "graphics card",
                                          "monitor", "keyboard", "day"}
    cheap = configurator.facts
    text_before = configurator.text.value
    picture_before = configurator.figure.image.value
    configurator.controls["graphics card"].value = "GPU-pro"
    dear = configurator.facts
    assert dear["total cost"] == pytest.approx(cheap["total cost"] + 900.0 - 80.0)
    assert dear["rank"] > cheap["rank"]
    assert "GPU-pro" in configurator.text.value and configurator.text.value != text_before
    assert configurator.figure.image.value != picture_before
    assert "not stocked" in configurator.text.value  # beyond the 20 configurations MTS stocks
    configurator.controls["graphics card"].value = "GPU-basic"
    assert configurator.facts == cheap
    assert "not stocked" not in configurator.text.value


def test_configurator_day_slider_reads_the_shelf(configurator: Configurator) -> None:
    day = configurator.controls["day"]
    day.value = 5
    text_before = configurator.text.value
    before = _set(configurator, "day", 6)
    assert configurator.figure.image.value != before[0]
    assert configurator.text.value != text_before
    expected = int(configurator.result.stock["CPU-5"].iloc[6])
    assert configurator.facts["shelf"]["CPU-5"] == expected
    assert f"CPU-5 {expected}" in configurator.text.value


def test_shortage_lower_target_longer_wait(shortage: ShortageExplorer) -> None:
    shortage.controls["multiplier"].value = 1.0
    full = dict(shortage.split)
    before = _set(shortage, "multiplier", 0.0)
    empty = dict(shortage.split)
    assert shortage.figure.image.value != before[0]
    assert "0 units" in shortage.figure.caption.value
    assert empty["needing"] > full["needing"] + 20
    assert abs(empty["others"] - full["others"]) < 0.5
    shortage.controls["multiplier"].value = 0.5


def test_shortage_component_dropdown(shortage: ShortageExplorer) -> None:
    before = _set(shortage, "component", "KB-mech")
    assert "KB-mech" in shortage.figure.caption.value and before[1] != shortage.figure.caption.value
    shortage.controls["component"].value = "CPU-9"


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda pc: TradeoffExplorer("pc_maker"), TypeError),
        (lambda pc: TradeoffExplorer(pc, horizon=0), ValueError),
        (lambda pc: Configurator(pc, result=pc.run("MTO", pc.orders(horizon=10))), TypeError),
        (lambda pc: ShortageExplorer(pc, component="CPU-1", horizon=10), ValueError),
        (lambda pc: configuration_facts(pc, {}, mts_offer=0), ValueError),
    ],
)
def test_bad_construction(pc: ato.Scenario, build: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        build(pc)


def test_widgets_follow_the_protocol(
    tradeoff: TradeoffExplorer, configurator: Configurator, shortage: ShortageExplorer
) -> None:
    import ipywidgets as widgets

    for w in (tradeoff, configurator, shortage):
        assert isinstance(w.widget, widgets.Box)
        assert w.controls and all(isinstance(c, widgets.ValueWidget) for c in w.controls.values())
        before = w.figure.image.value
        w.update()
        assert w.figure.image.value == before, "same controls, same picture"


def test_configurator_names_the_missing_part(pc: ato.Scenario) -> None:
    orders = pc.orders(horizon=HORIZON)
    targets = {**pc.targets("ATO"), "CPU-9": 0}
    result = pc.run("ATO", orders, targets, horizon=HORIZON)
    panel = Configurator(pc, result=result)
    panel.controls["processor"].value = "CPU-9"
    assert "missing: CPU-9" in panel.text.value
    assert "598.50" not in panel.text.value  # a CPU-9 PC costs more than the popular one
    panel.controls["processor"].value = "CPU-5"
    assert "missing: CPU-9" not in panel.text.value
    assert "598.50 €" in panel.text.value
