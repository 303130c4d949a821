"""Lesson 05's strategy dashboard: every slider changes the picture and the table,
in the direction operations management predicts. (``reduced_catalog`` is tested in
test_experiments.py.)"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd
import pytest

from ato_lessons.instances import Scenario, load_instance
from ato_lessons.widgets.dashboard import BarPanels, StrategyDashboard

LEAD = "mean lead time (days)"
INVENTORY = "avg inventory value (€)"


@pytest.fixture(scope="module")
def pc() -> Scenario:
    return load_instance("pc_maker")


@pytest.fixture()
def board(pc: Scenario) -> StrategyDashboard:
    return StrategyDashboard(pc, horizon=90, seed=7)


def snapshot(board: StrategyDashboard) -> tuple[bytes, str, pd.DataFrame]:
    return board.figure.image.value, board.text.value, board.table.copy()


# ------------------------------------------------------------------------------------
# The dashboard
# ------------------------------------------------------------------------------------
def test_dashboard_follows_the_widget_protocol(board: StrategyDashboard) -> None:
    assert set(board.controls) == {"variability", "options", "lead_time_scale", "assembly_days"}
    assert isinstance(board.widget, widgets.VBox)
    children = board.widget.children
    for control in board.controls.values():
        assert control in children
        assert control.continuous_update is False
    assert board.figure.image in children and board.text in children
    assert board.figure.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert list(board.table.columns) == ["MTS", "MTO", "ATO"]
    assert "MTS" in board.text.value and "fill rate" in board.text.value


def test_more_variability_means_more_stock(board: StrategyDashboard) -> None:
    image, text, before = snapshot(board)
    board.controls["variability"].value = 0.8
    after = board.table
    assert board.figure.image.value != image and board.text.value != text
    # Higher targets to keep the same service level: more money on the shelves.
    assert after.loc[INVENTORY, "MTS"] > before.loc[INVENTORY, "MTS"]
    assert after.loc[INVENTORY, "ATO"] > before.loc[INVENTORY, "ATO"]
    assert after.loc[INVENTORY, "MTO"] == 0


def test_fewer_options_mean_fewer_configurations_and_less_stock(board: StrategyDashboard) -> None:
    image, text, before = snapshot(board)
    board.controls["options"].value = 2
    after = board.table
    assert board.figure.image.value != image and board.text.value != text
    assert before.loc["configurations offered", "ATO"] == 288
    assert after.loc["configurations offered", "ATO"] == 32
    assert after.loc[INVENTORY, "MTS"] < before.loc[INVENTORY, "MTS"] / 2


def test_slower_suppliers_mean_slower_mto_and_more_stock(board: StrategyDashboard) -> None:
    image, text, before = snapshot(board)
    board.controls["lead_time_scale"].value = 2.0
    after = board.table
    assert board.figure.image.value != image and board.text.value != text
    assert after.loc[LEAD, "MTO"] > before.loc[LEAD, "MTO"] + 20
    assert after.loc[INVENTORY, "MTS"] > before.loc[INVENTORY, "MTS"]


def test_longer_assembly_delays_mto_and_ato(board: StrategyDashboard) -> None:
    image, text, before = snapshot(board)
    board.controls["assembly_days"].value = 4
    after = board.table
    assert board.figure.image.value != image and board.text.value != text
    for strategy in ("MTO", "ATO"):
        assert after.loc[LEAD, strategy] >= before.loc[LEAD, strategy] + 2.5


def test_going_back_shows_the_same_picture(board: StrategyDashboard) -> None:
    image, text, before = snapshot(board)
    board.controls["options"].value = 3
    assert board.figure.image.value != image
    board.controls["options"].value = 4
    assert board.figure.image.value == image
    assert board.text.value == text
    pd.testing.assert_frame_equal(board.table, before)


@pytest.mark.parametrize(
    ("kwargs", "error", "names"),
    [
        ({"horizon": 10}, ValueError, "horizon"),          # too short to say anything
        ({"horizon": 90.0}, TypeError, "horizon"),
        ({"seed": -1}, ValueError, "seed"),
        ({"service_level": 1.0}, ValueError, "service_level"),
        ({"service_level": "high"}, ValueError, "service_level"),
    ],
)
def test_dashboard_rejects_bad_input(
    pc: Scenario, kwargs: dict[str, Any], error: type[Exception], names: str
) -> None:
    with pytest.raises(error, match=names):
        StrategyDashboard(pc, **kwargs)


def test_dashboard_needs_a_scenario(pc: Scenario) -> None:
    with pytest.raises(TypeError, match="scenario"):
        StrategyDashboard(pc.factory)


def test_bar_panels_check_their_input(board: StrategyDashboard) -> None:
    with pytest.raises(ValueError, match="labels"):
        BarPanels([])
    with pytest.raises(TypeError, match="table"):
        board.figure.update(board.table.to_dict())
