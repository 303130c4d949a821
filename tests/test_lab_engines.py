"""ATO lab: the two engines agree, random inputs are right and common across policies."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ato_lessons.lab import (
    LabSystem,
    coordinate_search,
    draw_inputs,
    lab_system_from_dict,
    load_lab_system,
    simulate_fast,
    simulate_lab,
    simulate_reference,
)


@st.composite
def systems(draw: st.DrawFn) -> tuple[LabSystem, tuple[int, ...]]:
    """A random small ATO system and random base-stock levels."""
    n_comp = draw(st.integers(1, 4))
    names = [f"c{j}" for j in range(n_comp)]
    components = [
        {
            "name": name,
            "profit": draw(st.floats(0, 10)),
            "holding_cost": draw(st.floats(0, 3)),
            "production_mean": draw(st.floats(0, 2)),
            "production_sd": draw(st.floats(0, 1)),
        }
        for name in names
    ]
    products = []
    for k in range(draw(st.integers(1, 3))):
        key = draw(st.lists(st.sampled_from(names), min_size=1, unique=True))
        rest = [n for n in names if n not in key]
        optional = draw(st.lists(st.sampled_from(rest), unique=True)) if rest else []
        products.append(
            {"name": f"p{k}", "rate": draw(st.floats(0.1, 3)), "key": key, "optional": optional}
        )
    run = draw(st.floats(1, 15))
    system = lab_system_from_dict(
        {
            "name": "random",
            "run_length": run,
            "warm_up": draw(st.floats(0, 0.9)) * run,
            "components": components,
            "products": products,
        }
    )
    levels = tuple(draw(st.lists(st.integers(0, 6), min_size=n_comp, max_size=n_comp)))
    return system, levels


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=systems(), seed=st.integers(0, 2**32))
def test_engines_agree_exactly_on_shared_inputs(
    case: tuple[LabSystem, tuple[int, ...]], seed: int
) -> None:
    system, levels = case
    inputs = draw_inputs(system, 4, seed)
    fast = simulate_fast(system, levels, inputs)
    ref = simulate_reference(system, levels, inputs)
    assert np.allclose(fast.revenue, ref.revenue, rtol=1e-12, atol=1e-12)  # sum order differs
    assert np.allclose(fast.holding_cost, ref.holding_cost, rtol=1e-9, atol=1e-9)
    assert np.array_equal(fast.orders, ref.orders)
    assert np.array_equal(fast.orders_lost, ref.orders_lost)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=systems(), seed=st.integers(0, 2**32))
def test_conservation_properties(case: tuple[LabSystem, tuple[int, ...]], seed: int) -> None:
    system, levels = case
    result = simulate_lab(system, levels, n_reps=5, seed=seed)
    window = system.run_length - system.warm_up
    holding = np.array([c.holding_cost for c in system.components])
    profit = np.array([c.profit for c in system.components])
    key, optional = system.matrices()
    # 0 <= stock <= level at all times, so the holding cost is bounded
    assert np.all(result.holding_cost >= -1e-9)
    assert np.all(result.holding_cost <= holding @ np.array(levels) + 1e-9)
    # an order sells at most all its components; lost orders sell nothing
    best_order = ((key | optional) @ profit).max()
    sold_orders = result.orders - result.orders_lost
    assert np.all(result.orders_lost <= result.orders)
    assert np.all(result.revenue * window <= sold_orders * best_order + 1e-9)
    assert np.all(result.revenue >= 0)
    assert np.allclose(result.profit, result.revenue - result.holding_cost)
    # a component at level 0 blocks every product that needs it
    if any(levels[j] == 0 for j in np.flatnonzero(key.all(axis=0))):
        assert np.all(result.orders_lost == result.orders)


@pytest.mark.parametrize(
    ("name", "levels"),
    [
        ("lab_hong_nelson", None),  # the benchmark at its starting levels (all 10)
        ("lab_hong_nelson", [4, 3, 3, 8, 5, 5, 4, 2]),  # near a local optimum: few losses
        ("lab_hong_nelson", [2, 2, 2, 2, 2, 2, 2, 2]),  # starved: many lost orders
        ("lab_pc_tiny", None),
        ("lab_pc_tiny", [1, 0]),
    ],
)
def test_engines_agree_statistically_on_different_seeds(
    name: str, levels: list[int] | None
) -> None:
    system = load_lab_system(name)
    fast = simulate_lab(system, levels, n_reps=400, seed=101, engine="fast")
    ref = simulate_lab(system, levels, n_reps=150, seed=202, engine="reference")
    half_fast = (fast.ci[1] - fast.ci[0]) / 2
    half_ref = (ref.ci[1] - ref.ci[0]) / 2
    assert abs(fast.mean - ref.mean) <= math.hypot(half_fast, half_ref)


def test_common_random_numbers_and_replication_identity() -> None:
    system = load_lab_system("lab_hong_nelson")
    small = draw_inputs(system, 3, seed=42)
    large = draw_inputs(system, 10, seed=42)
    # replication r is the same whatever the number of replications
    width = small.arrival_times.shape[1]
    assert np.array_equal(small.n_orders, large.n_orders[:3])
    n = int(small.n_orders[0])
    assert np.array_equal(small.arrival_times[0, :n], large.arrival_times[0, :n])
    assert np.array_equal(
        small.production_times[:, :, :width][:, :, :n], large.production_times[:3, :, :n]
    )
    # the same seed gives the same orders whatever the levels; another seed does not
    a = simulate_lab(system, [5] * 8, n_reps=20, seed=42)
    b = simulate_lab(system, [9] * 8, n_reps=20, seed=42)
    c = simulate_lab(system, [5] * 8, n_reps=20, seed=43)
    assert np.array_equal(a.orders, b.orders)
    assert not np.array_equal(a.orders, c.orders)
    # CRN makes the difference much less noisy than independent runs
    assert np.var(a.profit - b.profit) < 0.5 * (np.var(a.profit) + np.var(c.profit))


def test_samplers_match_their_distributions() -> None:
    system = load_lab_system("lab_hong_nelson")
    inputs = draw_inputs(system, 300, seed=7)
    horizon = system.run_length
    # Poisson number of arrivals: mean and variance both total_rate * run_length = 840
    counts = inputs.n_orders
    expected = system.total_rate * horizon
    assert abs(counts.mean() - expected) < 4 * math.sqrt(expected / counts.size)
    assert 0.8 < counts.var(ddof=1) / expected < 1.2
    # arrival times uniform on [0, run_length] given the count: mean run_length / 2
    mask = np.isfinite(inputs.arrival_times)
    times = inputs.arrival_times[mask]
    assert abs(times.mean() - horizon / 2) < 4 * horizon / math.sqrt(12 * times.size)
    for r, n in enumerate(counts):
        assert np.all(np.diff(inputs.arrival_times[r, :n]) >= 0)
    # product mix proportional to the rates
    types = inputs.product_types[mask]
    share = np.bincount(types, minlength=5) / types.size
    rates = np.array([p.rate for p in system.products]) / system.total_rate
    assert np.all(np.abs(share - rates) < 4 * np.sqrt(rates * (1 - rates) / types.size))
    # production times: normal with the described mean and standard deviation
    for j, comp in enumerate(system.components):
        sample = np.concatenate(
            [inputs.production_times[r, j, : inputs.n_orders[r]] for r in range(20)]
        )
        assert abs(sample.mean() - comp.production_mean) < 4 * comp.production_sd / math.sqrt(
            sample.size
        )
        assert abs(sample.std(ddof=1) / comp.production_sd - 1) < 0.05


def test_truncation_at_zero() -> None:
    data: dict[str, Any] = {
        "name": "wide",
        "run_length": 50,
        "components": [
            {
                "name": "a",
                "profit": 1,
                "holding_cost": 1,
                "production_mean": 0.1,
                "production_sd": 1.0,
            }
        ],
        "products": [{"name": "p", "rate": 5, "key": ["a"]}],
    }
    inputs = draw_inputs(lab_system_from_dict(data), 5, seed=1)
    sample = inputs.production_times[0, 0, : inputs.n_orders[0]]
    assert sample.min() == 0.0  # about 46 % of N(0.1, 1) draws are negative
    assert 0.35 < np.mean(sample == 0.0) < 0.55


def test_coordinate_search_improves_and_traces() -> None:
    system = load_lab_system("lab_pc_tiny")
    result = coordinate_search(system, [6, 6], n_reps=40, seed=3, max_level=10)
    start = simulate_lab(system, [6, 6], n_reps=40, seed=3).mean
    assert result.profit > start
    assert result.profit == simulate_lab(system, result.levels, n_reps=40, seed=3).mean
    assert result.trace["profit"].is_monotonic_increasing
    assert result.trace.iloc[0]["levels"] == (6, 6)
    assert result.trace.iloc[-1]["levels"] == result.levels
    # a local optimum: no single +-1 move is better on the same replications
    for j in range(2):
        for change in (1, -1):
            trial = list(result.levels)
            trial[j] += change
            if 0 <= trial[j] <= 10:
                assert simulate_lab(system, trial, n_reps=40, seed=3).mean <= result.profit
    with pytest.raises(ValueError, match="max_level"):
        coordinate_search(system, [30, 1], max_level=20)
