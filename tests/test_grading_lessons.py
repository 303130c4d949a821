"""Each numeric grader of lessons 1-5 with right, wrong and garbage answers.

The expected answers are recomputed here with the library (not read from the
graders), so a grader that drifts from the library fails these tests.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

import ato_lessons as ato
from ato_lessons.grading import Verdict, grade, progress, set_language
from ato_lessons.grading.registry import course_registry

ROOT = Path(__file__).resolve().parents[1]
GARBAGE = [
    None,
    True,
    float("nan"),
    float("inf"),
    -1,
    10**100,
    "x" * 100_000,
    "",
    b"bytes",
    [1, [2, [3, [4]]]],
    {"nested": {"junk": [None, {...}]}},
    {1, 2},
    object(),
    complex(1, 2),
    print,
]


@pytest.fixture(autouse=True)
def _english_memory_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", "off")
    set_language("en")
    progress.reset()
    yield
    set_language("en")


def direct(exercise_id: str, answer: object) -> Verdict:
    """Call the grader itself: grade() would hide an exception as 'invalid'."""
    return course_registry().exercises[exercise_id].grader(answer)


# --- hands-on exercises -------------------------------------------------------------------
@pytest.fixture(scope="module")
def pc() -> ato.Scenario:
    return ato.load_instance("pc_maker")


@pytest.fixture(scope="module")
def orders(pc: ato.Scenario) -> object:
    return pc.orders()


HANDS_ON = ["1.1b", "2.1b", "4.1a", "4.1b", "5.1a", "5.1b"]


@pytest.mark.parametrize("exercise_id", HANDS_ON)
@pytest.mark.parametrize("garbage", GARBAGE, ids=repr)
def test_hands_on_garbage_is_invalid(exercise_id: str, garbage: object) -> None:
    verdict = direct(exercise_id, garbage)
    assert verdict.status == "invalid", verdict.text()
    assert verdict.message
    assert len(verdict.text()) < 2_000


@pytest.mark.parametrize("exercise_id", HANDS_ON)
def test_hands_on_placeholder_is_not_answered_yet(exercise_id: str) -> None:
    assert direct(exercise_id, ...).status == "unanswered"


def test_1_1b_mts_offer(pc: ato.Scenario, orders: object) -> None:
    def fill(k: int) -> float:
        return float(pc.run("MTS", orders, offer=k).summary()["fill rate"])

    truth = next(k for k in range(1, 289) if fill(k) >= 0.80)
    assert direct("1.1b", truth).status == "correct"
    assert direct("1.1b", float(truth)).status == "correct"  # 104.0 is a whole number
    assert direct("1.1b", truth + 2).status == "correct"  # within the tolerance
    low = direct("1.1b", truth - 10)
    assert low.status == "incorrect" and "too low by 10 products" in low.message
    assert "too high" in direct("1.1b", truth + 50).message
    assert direct("1.1b", 0).status == "invalid"  # out of range
    assert direct("1.1b", 10.5).status == "invalid"  # not whole


def _fast_cpu_wait(pc: ato.Scenario, orders: object) -> dict[str, float]:
    """The 2.1b answer computed the way a student would, with the lesson's helper."""
    catalog = pc.catalog.with_lead_times(suppliers={"ChipCo (US)": 10, "Silicon Forge (IE)": 10})
    factory = pc.factory.with_(catalog=catalog)
    summary = pc.with_(factory=factory).run("MTO", orders).summary()
    return {"mean": summary["mean lead time (days)"], "p95": summary["p95 lead time (days)"]}


def test_2_1b_mto_wait(pc: ato.Scenario, orders: object) -> None:
    right = _fast_cpu_wait(pc, orders)
    today = pc.run("MTO", orders).summary()
    # The lesson's own figures (today's suppliers) are not the answer.
    stale = {"mean": today["mean lead time (days)"], "p95": today["p95 lead time (days)"]}
    assert direct("2.1b", stale).status == "incorrect"
    assert direct("2.1b", right).status == "correct"
    half = direct("2.1b", {**right, "mean": right["mean"] - 5})
    assert half.status == "partial" and "mean: too low by 5.00 days" in half.details[0]
    assert direct("2.1b", {"mean": 1.0, "p95": 1.0}).status == "incorrect"
    assert direct("2.1b", {"mean": 1.0}).status == "invalid"  # a key is missing
    assert direct("2.1b", {"mean": "29", "p95": 36}).status == "invalid"
    assert direct("2.1b", {"mean": ..., "p95": 36}).status == "unanswered"


def _configurations_without(pc: ato.Scenario, supplier: str) -> int:
    """The PCs that avoid every part of ``supplier``, counted the way a student would."""
    return math.prod(
        len([c for c in pc.catalog.options(category) if c.supplier != supplier])
        for category in pc.catalog.categories
    )


def test_4_1a_configurations(pc: ato.Scenario) -> None:
    total = math.prod(len(pc.catalog.options(c)) for c in pc.catalog.categories)
    still_possible = _configurations_without(pc, "Taipei Boards (TW)")
    truth = total - still_possible  # configurations stopped by the supplier's failure
    assert 0 < still_possible < total
    assert direct("4.1a", truth).status == "correct"
    # The lesson prints the catalogue's total: it is not the answer.
    assert direct("4.1a", total).status == "incorrect"
    flipped = direct("4.1a", still_possible)
    assert flipped.status == "incorrect" and "can still be built" in flipped.message
    added = direct("4.1a", len(pc.catalog.components))
    assert added.status == "incorrect" and "multiply" in added.message
    assert "too high by 1 configurations" in direct("4.1a", truth + 1).message
    assert direct("4.1a", -3).status == "invalid"


@pytest.fixture(scope="module")
def good_targets(pc: ato.Scenario) -> dict[str, int]:
    """What the solution does: one service level for every component, raised until
    95.5 % of five years of the class's orders are served from stock."""
    years = [pc.orders(seed=ato.class_seed() + r) for r in range(5)]

    def pooled_fill(targets: dict[str, int]) -> float:
        results = [pc.run("ATO", orders, targets) for orders in years]
        served = sum(int(r.orders["from_stock"].sum()) for r in results)
        return served / sum(len(r.orders) for r in results)

    low, high = 0.9, 0.9999
    for _ in range(12):
        level = (low + high) / 2
        reached = pooled_fill(pc.targets("ATO", level)) >= 0.955
        low, high = (low, level) if reached else (level, high)
    return pc.targets("ATO", high)


def test_4_1b_targets_right(good_targets: dict[str, int]) -> None:
    verdict = direct("4.1b", good_targets)
    assert verdict.status == "correct", verdict.text()
    assert verdict.message.startswith("Over 8 fresh year(s) of orders")


def test_4_1b_targets_too_low_says_how_far(pc: ato.Scenario) -> None:
    verdict = direct("4.1b", pc.targets("ATO", 0.95))
    assert verdict.status == "incorrect"
    assert re.search(r"That is \d+\.\d% short of 95%", verdict.message)


def test_4_1b_targets_too_costly_is_partial(good_targets: dict[str, int]) -> None:
    doubled = {k: 2 * v for k, v in good_targets.items()}
    verdict = direct("4.1b", doubled)
    assert verdict.status == "partial"
    assert "above the reference" in verdict.message


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"GPU-ultra": 3}, "invalid", "Unknown component"),  # not a component
        ({"CPU-5": -1}, "invalid", "'CPU-5'"),  # negative
        ({"CPU-5": 2.5}, "invalid", "'CPU-5'"),  # not whole
        ({"CPU-5": True}, "invalid", "'CPU-5'"),  # a bool is not a number of units
        ({"CPU-5": None}, "invalid", "'CPU-5'"),
        ({"CPU-5": 10**9}, "invalid", "100,000"),  # absurdly large
        ({"CPU-5": 40.0}, None, ""),  # a whole float is fine
    ],
)
def test_4_1b_bad_levels(
    good_targets: dict[str, int], change: dict[str, object], status: str | None, words: str
) -> None:
    verdict = direct("4.1b", {**good_targets, **change})
    if status is None:
        assert verdict.status in ("correct", "partial", "incorrect")
    else:
        assert verdict.status == status and words in verdict.message


def test_4_1b_missing_components_count_as_zero(good_targets: dict[str, int]) -> None:
    partial = {k: v for k, v in good_targets.items() if k != "KB-mech"}
    verdict = direct("4.1b", partial)
    assert verdict.status == "incorrect"  # every order with a mechanical keyboard waits
    assert "KB-mech" in verdict.details[0]


def _gaps(table: pd.DataFrame) -> dict[str, float]:
    holding, lead = table.loc["holding cost (€)"], table.loc["mean lead time (days)"]
    return {
        "holding_ratio": float(holding["ATO"] / holding["MTS"]),
        "extra_days": float(lead["ATO"] - lead["MTS"]),
    }


def test_5_1a_strategy_gaps(pc: ato.Scenario, orders: object) -> None:
    jumpy_demand = pc.demand.with_(variability=0.6)
    jumpy = pc.with_(demand=jumpy_demand)
    right = _gaps(jumpy.compare(jumpy.orders()))
    assert direct("5.1a", right).status == "correct"
    flipped = direct("5.1a", {**right, "holding_ratio": 1 / right["holding_ratio"]})
    assert flipped.status == "partial"
    assert any("not the other way round" in d for d in flipped.details)
    assert direct("5.1a", {"holding_ratio": 0.9, "extra_days": 9.0}).status == "incorrect"
    # The lesson's usual demand: the numbers a student could copy from lesson 5.
    usual = direct("5.1a", _gaps(pc.compare(orders)))
    assert usual.status == "incorrect"
    assert any("usual demand" in d for d in usual.details)
    # Jumpier orders, but the targets of the usual forecast.
    kept = direct("5.1a", _gaps(pc.compare(pc.orders(demand=jumpy_demand))))
    assert kept.status != "correct"
    assert any("pc.with_(demand=...)" in d for d in kept.details)


def test_5_1b_pooling() -> None:
    pooling = ato.load_instance("pooling", n_products=5)
    orders = pooling.orders()
    units = {
        s: float(
            (pooling.run(s, orders).inventory[["component_units", "finished_units"]])
            .sum(axis=1)
            .mean()
        )
        for s in ("MTS", "ATO")
    }
    truth = 1 - units["ATO"] / units["MTS"]
    assert direct("5.1b", truth).status == "correct"
    law = direct("5.1b", 1 - 1 / math.sqrt(5))
    if abs(truth - 0.5) > 0.01:
        assert law.status == "incorrect" and "square-root law itself" in law.message
    assert direct("5.1b", 100 * truth).status == "invalid"  # a percentage
    assert "percentage" in direct("5.1b", 100 * truth).message
    assert direct("5.1b", truth + 0.2).status == "incorrect"


def test_hands_on_follow_the_class_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another class seed gives other orders, and the grader follows it."""
    monkeypatch.setenv("ATO_CLASS_SEED", "7")
    pc = ato.load_instance("pc_maker")
    assert grade("2.1b", _fast_cpu_wait(pc, pc.orders())).status == "correct"
