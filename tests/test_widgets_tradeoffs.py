"""Lesson 06 widget: controls redraw the what-if panel.

(Lesson 06's experiments are tested in test_experiments.py; lesson 07's self-check quiz is
exercise 7.1: tests/test_widgets_quiz.py and test_grading_choices.py.)
"""

from __future__ import annotations

import re

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
