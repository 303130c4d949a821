"""Lessons 06-07 widgets: controls redraw the what-if panel, the quiz grades.
(Lesson 06's experiments are tested in test_experiments.py.)"""

from __future__ import annotations

import re

import pytest

import ato_lessons as ato
from ato_lessons.checking import set_language
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


# --- the quiz ------------------------------------------------------------------------------
def _right_answers() -> dict[str, str]:
    return {q.key: tw._answers()[q.key] for q in tw.QUESTIONS}


def test_quiz_accepts_the_right_answers_and_letters() -> None:
    result = tw.grade_quiz(_right_answers())
    assert (result.right, result.answered, result.total) == (6, 6, 6)
    letters = {q.key: "abcd"[q.options.index(tw._answers()[q.key])] for q in tw.QUESTIONS}
    assert tw.grade_quiz(letters).right == 6
    shouted = {k: f"  {v.upper()} " for k, v in _right_answers().items()}
    assert tw.grade_quiz(shouted).right == 6


def test_quiz_rejects_wrong_answers_with_reasons() -> None:
    for q in tw.QUESTIONS:
        wrong = next(o for o in q.options if o != tw._answers()[q.key])
        result = tw.grade_quiz({**_right_answers(), q.key: wrong})
        assert result.right == 5
        assert any(line.strip().startswith(f"{q.key}: not") and q.why in line
                   for line in result.lines)


def test_quiz_unanswered_and_garbage() -> None:
    empty = tw.grade_quiz({})
    assert (empty.right, empty.answered) == (0, 0)
    assert all("not answered yet" in line for line in empty.lines)
    odd = tw.grade_quiz({"q1": 42, "q2": "banana"})
    assert odd.right == 0 and odd.answered == 2
    assert "is not one of" in odd.text()
    with pytest.raises(ValueError, match="q9"):
        tw.grade_quiz({"q9": "a"})
    with pytest.raises(TypeError, match="answers"):
        tw.grade_quiz(["a"])  # type: ignore[arg-type]


def test_check_quiz_prints(capsys: pytest.CaptureFixture[str]) -> None:
    tw.check_quiz({"q1": "assemble to order"})
    out = capsys.readouterr().out
    assert out.startswith("Self-check: 1 of 6 right (1 answered).")


def test_quiz_widget_feedback_follows_the_toggles() -> None:
    quiz = tw.SelfCheckQuiz()
    assert "0 of 6 right (0 answered)" in quiz.feedback.value
    for key, answer in _right_answers().items():
        quiz.controls[key].value = answer
    quiz.check_button.click()
    assert "6 of 6 right" in quiz.feedback.value and "✔" in quiz.feedback.value
    first = tw.QUESTIONS[0]
    quiz.controls[first.key].value = next(o for o in first.options if o != _right_answers()["q1"])
    quiz.check_button.click()
    assert "5 of 6 right" in quiz.feedback.value


def test_quiz_in_french() -> None:
    set_language("fr")
    try:
        assert tw.grade_quiz({}).text().startswith("Auto-évaluation : réponses justes : 0 sur 6")
    finally:
        set_language("en")


# --- the what-if panel draws in place --------------------------------------------------------
def test_panel_redraws_axes_only_for_another_experiment_or_scale(pc: ato.Scenario) -> None:
    fresh = tw.WhatIfPanel(pc)
    fresh.controls["experiment"].value = "late supplier"
    fresh.controls["severity"].value = 28
    draws = fresh.live.full_draws
    picture = bytes(fresh.live.image.value)
    fresh.controls["severity"].value = 35
    fresh.controls["severity"].value = 28
    assert bytes(fresh.live.image.value) == picture, "same setting, same picture"
    fresh.controls["experiment"].value = "surge"
    fresh.controls["experiment"].value = "late supplier"
    fresh.controls["severity"].value = 28
    assert bytes(fresh.live.image.value) == picture
    assert fresh.live.full_draws <= draws + 2


def test_panel_switch_updates_once(pc: ato.Scenario, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = tw.WhatIfPanel(pc)
    calls: list[str] = []
    original = fresh.update
    monkeypatch.setattr(fresh, "update", lambda: calls.append("update") or original())
    fresh.controls["experiment"].value = "obsolescence"  # the slider is reset on the way
    assert calls == ["update"]
    assert fresh.controls["severity"].value == tw.EXPERIMENTS["obsolescence"].default
