"""Widgets of lessons 03 and 04: each control moves the picture or the text the right way.
(Their experiments are tested in test_experiments.py.)"""

from __future__ import annotations

from typing import Any

import pytest

import ato_lessons as ato
from ato_lessons import experiments as ato_experiments
from ato_lessons.experiments import configuration_facts
from ato_lessons.widgets.ato import Configurator, ShortageExplorer, TradeoffExplorer

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


def test_tradeoff_shows_the_run_it_describes(pc: ato.Scenario,
                                             tradeoff: TradeoffExplorer) -> None:
    tradeoff.controls["lead_time_factor"].value = 1.5
    world = pc.with_(factory=pc.factory.with_(catalog=pc.catalog.with_lead_times(scale=1.5)))
    targets = ato.suggest_targets(world.factory, world.demand, "ATO", 0.95)
    expected = ato.simulate(world.factory, tradeoff.orders, "ATO", targets,
                            horizon=HORIZON).summary()
    assert tradeoff.last is not None
    assert tradeoff.last.equals(expected)
    draws = tradeoff.figure.full_draws
    tradeoff.controls["lead_time_factor"].value = 1.0
    tradeoff.controls["lead_time_factor"].value = 1.5
    assert tradeoff.figure.full_draws == draws, "settings seen before: no new background"
    tradeoff.controls["lead_time_factor"].value = 1.0


def test_configurator_day_moves_only_the_line(configurator: Configurator) -> None:
    draws = configurator.figure.full_draws
    for day in (0, 30, 60):
        configurator.controls["day"].value = day
    assert configurator.figure.full_draws == draws
    ax = configurator.figure.fig.axes[0]
    dotted = [line for line in ax.lines if line.get_linestyle() == ":"]
    assert [float(x) for x in dotted[-1].get_xdata()] == [60.0, 60.0]


def test_shortage_widget_keeps_its_runs(pc: ato.Scenario, shortage: ShortageExplorer) -> None:
    shortage.controls["multiplier"].value = 0.3
    split, caption = dict(shortage.split), shortage.figure.caption.value
    shortage.controls["component"].value = "GPU-pro"
    shortage.controls["component"].value = "CPU-9"
    assert shortage.split == split and shortage.figure.caption.value == caption
    targets = {**pc.targets("ATO"), "CPU-9": int(round(pc.targets("ATO")["CPU-9"] * 0.3))}
    run = ato.simulate(pc.factory, shortage.orders, "ATO", targets, horizon=HORIZON)
    assert split == ato_experiments.lead_time_split(run, "CPU-9")
    shortage.controls["multiplier"].value = 0.5
