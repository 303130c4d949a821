"""Exercise 8.1 checker: accepts good levels, rejects bad ones, never raises."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ato_lessons.grading import grade, set_language
from ato_lessons.grading.lesson08 import MAX_LEVEL, THRESHOLD, check_lab_levels
from ato_lessons.lab import coordinate_search, load_lab_system

GOOD = [4, 3, 3, 8, 5, 5, 4, 2]  # found by coordinate search on seed 11, not the check seed


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def test_good_levels_pass() -> None:
    verdict = check_lab_levels(GOOD)
    assert verdict.status == "correct", verdict.text()
    assert f"{THRESHOLD:.0f}" in verdict.message
    as_dict = dict(zip(load_lab_system("lab_hong_nelson").component_names, GOOD, strict=True))
    assert check_lab_levels(as_dict).status == "correct"
    assert check_lab_levels(np.array(GOOD)).status == "correct"
    assert check_lab_levels([float(v) for v in GOOD]).status == "correct"  # 4.0 is whole


def test_a_coordinate_search_reaches_the_threshold_but_the_start_does_not() -> None:
    system = load_lab_system("lab_hong_nelson")
    found = coordinate_search(system, None, n_reps=50, seed=31)
    assert check_lab_levels(list(found.levels)).status == "correct"
    assert check_lab_levels(list(system.default_levels)).status == "incorrect"


@pytest.mark.parametrize(
    ("levels", "status"),
    [
        ([10] * 8, "incorrect"),  # the starting levels
        ([20] * 8, "incorrect"),  # far too much stock
        ([0] * 8, "incorrect"),  # no stock: profit 0
        ([1] * 8, "incorrect"),  # starved
        ([7] * 8, "partial"),  # better than the start, below the target
        ([5] * 8, "partial"),  # close, still below the target
    ],
)
def test_wrong_levels_are_not_correct(levels: list[int], status: str) -> None:
    verdict = check_lab_levels(levels)
    assert verdict.status == status, verdict.text()
    assert "per unit time" in verdict.message


@pytest.mark.parametrize(
    ("answer", "status", "fragment"),
    [
        (..., "unanswered", "placeholder"),
        (None, "unanswered", "placeholder"),
        ("4,3,3,8,5,5,4,2", "invalid", "Expected 8 whole numbers"),
        ([4, 3, 3], "invalid", "instead of 8"),
        ([4, 3, 3, 8, 5, 5, 4, 2.5], "invalid", "c8"),
        ([4, 3, 3, 8, 5, 5, 4, -1], "invalid", "outside 0..20"),
        ([4, 3, 3, 8, 5, 5, 4, 10**100], "invalid", "huge"),
        ([4, 3, 3, 8, 5, 5, 4, math.nan], "invalid", "nan"),
        ([4, 3, 3, 8, 5, 5, 4, True], "invalid", "True"),
        ([[4], 3, 3, 8, 5, 5, 4, 2], "invalid", "c1"),
        ({"c1": 4}, "invalid", "exactly the keys"),
        (42, "invalid", "42"),
    ],
)
def test_garbage_gets_a_clear_message(answer: object, status: str, fragment: str) -> None:
    verdict = check_lab_levels(answer)
    assert verdict.status == status
    assert fragment in verdict.message


def test_registered_for_check_and_french() -> None:
    assert grade("8.1", ...).status == "unanswered"
    set_language("fr")
    try:
        assert "nombres entiers" in check_lab_levels("x").message
        message = check_lab_levels([10] * 8).message
    finally:
        set_language("en")
    assert "réplications" in message
    # Numbers written the French way (i18n.fmt_number): decimal comma, no point.
    assert re.search(r"rapportent \d+,\d\d par unité de temps \(IC à 95 % : de \d+,\d\d à "
                     r"\d+,\d\d\) ; l'objectif est 132 ", message), message


junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=9) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=12,
)
bad_levels = st.lists(st.integers(MAX_LEVEL + 1, 10**6), min_size=8, max_size=8)


@settings(max_examples=1000, deadline=None)
@given(answer=junk | bad_levels)
def test_fuzz_never_raises_never_correct(answer: object) -> None:
    verdict = check_lab_levels(answer)
    assert verdict.status in ("invalid", "unanswered", "incorrect", "partial")
