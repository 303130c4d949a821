"""ATO lab: the sweep table, its figure and the sliders (fast enough for class)."""

from __future__ import annotations

import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from ato_lessons.lab import LabSliders, level_sweep, load_lab_system, plot_level_sweep  # noqa: E402


def test_level_sweep_shows_the_trade_off() -> None:
    system = load_lab_system("lab_hong_nelson")
    table = level_sweep(system, [4, 3, 3, 8, 5, 5, 4, 2], "c6", [0, 5, 12], n_reps=60, seed=4)
    assert list(table.index) == [0, 5, 12]
    profit, lost, holding = (table[c].to_numpy() for c in ("profit", "lost", "holding_cost"))
    assert profit[0] == pytest.approx(-2 * (4 + 3 + 3 + 8 + 5 + 4 + 2))
    assert lost[0] == 1.0  # c6 is key for every product
    # level 0 blocks every sale, so the other components sit full: 2 x 29 = 58
    assert holding[0] == pytest.approx(58.0)
    assert holding[2] > holding[1]  # more c6 held at 12 than at 5
    assert profit[1] > profit[2]
    ax = plot_level_sweep(table, "c6")
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_legend() is not None
    plt.close("all")
    with pytest.raises(ValueError, match="'c9'"):
        level_sweep(system, None, "c9", [1])


def test_sliders_update_fast_with_common_random_numbers() -> None:
    system = load_lab_system("lab_hong_nelson")
    sliders = LabSliders(system, n_reps=200, seed=5)
    first = sliders.output.value
    start = time.perf_counter()
    sliders.sliders[0].value = 5
    elapsed = time.perf_counter() - start
    assert elapsed < 0.3, f"slider update took {elapsed:.3f} s"
    assert sliders.output.value != first
    assert sliders.levels == (5, 10, 10, 10, 10, 10, 10, 10)
    sliders.sliders[0].value = 10  # back to the start: the same numbers again (same seed)
    assert sliders.output.value == first


def test_sliders_compare_with_the_starting_levels() -> None:
    system = load_lab_system("lab_hong_nelson")
    sliders = LabSliders(system, n_reps=100, seed=5)
    assert "these are the starting levels" in sliders.output.value
    sliders.sliders[5].value = 0  # no c6: every order lost, far worse than the start
    worse = sliders.output.value
    assert "against the starting levels" in worse and "<b>-" in worse
    sliders.sliders[5].value = 10
    for slider in sliders.sliders:  # 8 of everything: better than 10 (lesson 08, section 2)
        slider.value = 8
    assert "<b>+" in sliders.output.value
    sliders.sliders[0].value = 10  # levels back one by one: the starting line comes back
    for slider in sliders.sliders:
        slider.value = 10
    assert "these are the starting levels" in sliders.output.value


def test_difference_needs_common_random_numbers() -> None:
    from ato_lessons.lab import simulate_lab
    from ato_lessons.lab.display import difference_html

    system = load_lab_system("lab_hong_nelson")
    a = simulate_lab(system, None, n_reps=20, seed=1)
    b = simulate_lab(system, [8] * 8, n_reps=20, seed=2)
    with pytest.raises(ValueError, match="same seed"):
        difference_html(b, a)
    same = simulate_lab(system, [8] * 8, n_reps=20, seed=1)
    assert "+" in difference_html(same, a)
