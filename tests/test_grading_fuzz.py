"""Hypothesis fuzzing of every grader of lessons 1-7 (1,000 examples each).

Two properties: a grader never raises, whatever it is given, and it never says
"correct" to a wrong answer (what is right is decided here, independently).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ato_lessons as ato
from ato_lessons.grading import Verdict, choice_exercises, progress, set_language
from ato_lessons.grading.lesson04 import (
    ATO_FILL_GOAL,
    ATO_FILL_TOLERANCE,
    CHECK_SEED_OFFSET,
    CHECK_YEARS,
)
from ato_lessons.grading.registry import course_registry

FUZZ = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

leaves = st.one_of(
    st.none(),
    st.just(...),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.just("x" * 50_000),
    st.binary(max_size=10),
    st.complex_numbers(allow_nan=True),
    st.builds(object),
)
garbage = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.one_of(st.text(max_size=5), st.integers()), inner, max_size=4),
    ),
    max_leaves=12,
)


@pytest.fixture(autouse=True)
def _memory_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", "off")
    set_language("en")
    progress.reset()


def grader(exercise_id: str) -> Callable[[object], Verdict]:
    return course_registry().exercises[exercise_id].grader


def assert_sane(verdict: object) -> Verdict:
    assert isinstance(verdict, Verdict)
    assert 0.0 <= verdict.score <= 1.0
    assert len(verdict.text()) < 5_000
    return verdict


CHOICE_EXERCISES = choice_exercises()


def test_every_lesson_grader_is_fuzzed() -> None:
    fuzzed = set(CHOICE_EXERCISES) | {"1.1b", "2.1b", "4.1a", "4.1b", "5.1a", "5.1b"}
    lesson_ids = {i for i in course_registry().ids() if int(i.split(".")[0]) <= 7}
    assert lesson_ids == fuzzed


# --- choice exercises ---------------------------------------------------------------------
@pytest.mark.parametrize("exercise_id", sorted(CHOICE_EXERCISES))
def test_fuzz_choice(exercise_id: str) -> None:
    exercise = CHOICE_EXERCISES[exercise_id]
    key = exercise.answer_key()
    items = {item.key: item for item in exercise.items}
    every_choice = [c for item in exercise.items for c in exercise.choices_of(item)]
    spellings = [s for c in every_choice for s in (c.code, c.en, c.fr, *c.aliases)]
    values = st.one_of(st.sampled_from(spellings + ["maybe", " MTS ", "Vrai", "a", "B", "d"]),
                       leaves)
    answers = st.one_of(
        garbage,
        st.dictionaries(st.sampled_from([*key, "zz"]), values, max_size=len(key) + 1),
        st.fixed_dictionaries({k: values for k in key}),
    )

    @FUZZ
    @given(answers)
    def run(answer: object) -> None:
        verdict = assert_sane(grader(exercise_id)(answer))
        if verdict.status == "correct":
            assert isinstance(answer, dict) and set(answer) == set(key)
            for item_key, right in key.items():
                given_value = answer[item_key]
                if isinstance(given_value, bool):
                    assert ("true" if given_value else "false") == right
                else:
                    assert isinstance(given_value, str)
                    words = " ".join(given_value.strip().lower().split())
                    options = exercise.choices_of(items[item_key])
                    choice = next(c for c in options if c.code == right)
                    accepted = {choice.code.lower(), choice.en.lower(), choice.fr.lower()}
                    if items[item_key].choices:  # its own choices: also their letters
                        accepted.add("abcdefghij"[options.index(choice)])
                    assert words in accepted | set(choice.aliases)

    run()


# --- hands-on exercises with a single number ----------------------------------------------
@pytest.fixture(scope="module")
def truths() -> dict[str, object]:
    pc = ato.load_instance("pc_maker")
    orders = pc.orders()
    fast_cpus = pc.factory.with_(catalog=pc.catalog.with_lead_times(  # exercise 2.1b's scenario
        suppliers={"ChipCo (US)": 10, "Silicon Forge (IE)": 10}))
    mto = pc.with_(factory=fast_cpus).run("MTO", orders).summary()
    jumpy = pc.with_(demand=pc.demand.with_(variability=0.6))  # exercise 5.1a's world
    table = jumpy.compare(jumpy.orders())
    holding, lead = table.loc["holding cost (€)"], table.loc["mean lead time (days)"]
    pooling = ato.load_instance("pooling", n_products=5)
    pool_orders = pooling.orders()
    units = [
        float(pooling.run(s, pool_orders).inventory[["component_units", "finished_units"]]
              .sum(axis=1).mean())
        for s in ("MTS", "ATO")
    ]
    k = next(
        k for k in range(1, 289)
        if pc.run("MTS", orders, offer=k).summary()["fill rate"] >= 0.80
    )
    return {
        "1.1b": k,
        "4.1a": pc.catalog.n_configurations - math.prod(  # stopped by Taipei Boards' failure
            sum(o.supplier != "Taipei Boards (TW)" for o in pc.catalog.options(c))
            for c in pc.catalog.categories
        ),
        "5.1b": 1 - units[1] / units[0],
        "2.1b": (float(mto["mean lead time (days)"]), float(mto["p95 lead time (days)"])),
        "5.1a": (float(holding["ATO"] / holding["MTS"]), float(lead["ATO"] - lead["MTS"])),
    }


numbers = st.one_of(
    st.integers(min_value=-400, max_value=400),
    st.floats(min_value=-2.0, max_value=2.0),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
)


@pytest.mark.parametrize(
    ("exercise_id", "is_right"),
    [
        ("1.1b", lambda value, truth: abs(value - truth) <= 2),
        ("4.1a", lambda value, truth: value == truth),
        ("5.1b", lambda value, truth: abs(value - truth) <= 0.01 + 1e-9),
    ],
)
def test_fuzz_single_number(
    exercise_id: str, is_right: Callable[[float, float], bool], truths: dict[str, object]
) -> None:
    truth = truths[exercise_id]

    @FUZZ
    @given(st.one_of(garbage, numbers, st.just(truth)))
    def run(answer: object) -> None:
        verdict = assert_sane(grader(exercise_id)(answer))
        if verdict.status == "correct":
            assert not isinstance(answer, bool)
            assert isinstance(answer, int | float) and math.isfinite(answer)
            assert is_right(float(answer), float(truth))  # type: ignore[arg-type]

    run()


@pytest.mark.parametrize(
    ("exercise_id", "names", "tolerances"),
    [
        ("2.1b", ("mean", "p95"), (0.05, 0.5)),
        ("5.1a", ("holding_ratio", "extra_days"), (0.005, 0.02)),
    ],
)
def test_fuzz_named_numbers(
    exercise_id: str,
    names: tuple[str, str],
    tolerances: tuple[float, float],
    truths: dict[str, object],
) -> None:
    truth = truths[exercise_id]
    assert isinstance(truth, tuple)
    near = [st.one_of(st.floats(t - 1.0, t + 1.0), st.just(t)) for t in truth]
    answers = st.one_of(
        garbage,
        st.fixed_dictionaries({names[0]: near[0], names[1]: near[1]}),
        st.fixed_dictionaries({names[0]: numbers, names[1]: st.one_of(numbers, leaves)}),
        st.dictionaries(st.sampled_from([*names, "other"]), st.one_of(numbers, leaves)),
    )

    @FUZZ
    @given(answers)
    def run(answer: object) -> None:
        verdict = assert_sane(grader(exercise_id)(answer))
        if verdict.status == "correct":
            assert isinstance(answer, dict) and set(answer) == set(names)
            for name, right, tolerance in zip(names, truth, tolerances, strict=True):
                assert abs(float(answer[name]) - right) <= tolerance + 1e-9

    run()


# --- 4.1b: target levels, checked with the library ----------------------------------------
def test_fuzz_ato_targets() -> None:
    pc = ato.load_instance("pc_maker")
    names = list(pc.catalog.component_names)
    seeds = [ato.class_seed() + CHECK_SEED_OFFSET + r for r in range(CHECK_YEARS)]
    check_years = [pc.orders(seed=s) for s in seeds]
    base = pc.targets("ATO", 0.988)
    rng = np.random.default_rng(4)
    # Near a good answer: every target moved by a few units. Each one costs eight
    # simulated years, so they come from a fixed set of 24 (the grader caches them).
    near_answers = [
        {n: max(0, base[n] + int(d)) for n, d in zip(names, rng.integers(-4, 5, len(names)),
                                                     strict=True)}
        for _ in range(24)
    ]
    levels = st.one_of(st.integers(0, 60), st.integers(-3, 10**6), leaves)
    loose = st.dictionaries(st.sampled_from([*names, "GPU-ultra"]), levels, max_size=18)
    answers = st.one_of(garbage, loose, st.sampled_from(near_answers))
    confirmed: dict[tuple[tuple[str, int], ...], float] = {}

    def library_fill(targets: dict[str, int]) -> float:
        key = tuple(sorted(targets.items()))
        if key not in confirmed:
            results = [pc.run("ATO", orders, targets) for orders in check_years]
            served = sum(int(r.orders["from_stock"].sum()) for r in results)
            confirmed[key] = served / sum(len(r.orders) for r in results)
        return confirmed[key]

    @FUZZ
    @given(answers)
    def run(answer: object) -> None:
        verdict = assert_sane(grader("4.1b")(answer))
        if verdict.status == "correct":
            assert isinstance(answer, dict)
            targets = {n: int(answer.get(n, 0)) for n in names}
            assert library_fill(targets) >= ATO_FILL_GOAL - ATO_FILL_TOLERANCE

    run()
    assert confirmed, "no near answer was judged correct: the property was never exercised"
