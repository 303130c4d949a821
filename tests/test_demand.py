"""The order sampler: input checks, and statistical tests of every random draw.

Statistical tests use fixed seeds (never flaky) and tolerances taken from the
sampling distribution: 5 standard errors for means and variances, and for
chi-square statistics the 0.999 quantile from the Wilson-Hilferty normal
approximation (scipy is not a dependency). Each test also checks that its
tolerance is tight enough to reject a plausible wrong answer, so it can fail.
"""

from __future__ import annotations

import math
import re
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from ato_lessons.catalog import Catalog, Component
from ato_lessons.demand import DemandModel, generate_orders, popularity
from ato_lessons.instances import load_instance

N_SE = 5.0  # tolerance in standard errors: P(|Z| > 5) ~ 6e-7


def chi2_quantile(df: int, q: float = 0.999) -> float:
    """Wilson-Hilferty approximation of the chi-square quantile (good to ~1 % for df >= 3)."""
    z = NormalDist().inv_cdf(q)
    return df * (1.0 - 2.0 / (9.0 * df) + z * math.sqrt(2.0 / (9.0 * df))) ** 3


def chi2_statistic(observed: np.ndarray, probabilities: np.ndarray) -> float:
    expected = probabilities * observed.sum()
    return float(((observed - expected) ** 2 / expected).sum())


def test_chi2_quantile_matches_tables() -> None:
    # Table values of the 0.999 quantile: df=11 -> 31.264, df=30 -> 59.703.
    assert chi2_quantile(11) == pytest.approx(31.264, rel=0.01)
    assert chi2_quantile(30) == pytest.approx(59.703, rel=0.01)


def twelve_products() -> Catalog:
    """3 x 4 options: 12 products (small enough that every expected count is large)."""
    x = [Component(f"X{i}", "x", 1.0, "S", 1) for i in range(3)]
    y = [Component(f"Y{i}", "y", 1.0, "S", 1) for i in range(4)]
    return Catalog.from_options(x + y)


def counts_per_day(orders: pd.DataFrame, horizon: int) -> np.ndarray:
    return np.bincount(orders["day"].to_numpy(), minlength=horizon)


# ------------------------------------------------------------------------------------
# Input checks
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("orders_per_day", 0.0, ValueError),  # no demand at all
        ("orders_per_day", -3.0, ValueError),  # negative rate
        ("orders_per_day", float("nan"), ValueError),  # NaN rate
        ("orders_per_day", float("inf"), ValueError),  # infinite rate
        ("orders_per_day", "10", TypeError),  # rate as a string
        ("orders_per_day", None, TypeError),  # missing rate
        ("variability", -0.1, ValueError),  # negative coefficient of variation
        ("variability", float("nan"), ValueError),  # NaN variability
        ("concentration", -1.0, ValueError),  # negative concentration
        ("concentration", float("inf"), ValueError),  # infinite concentration
        ("mean_quantity", 0.5, ValueError),  # an order has at least one unit
        ("mean_quantity", float("nan"), ValueError),  # NaN quantity
        ("shift_day", -1, ValueError),  # shift before day 0
        ("shift_day", 10.0, TypeError),  # float day
        ("shift_day", True, TypeError),  # bool day
        ("shift_day", "5", TypeError),  # day as a string
    ],
)
def test_demand_model_rejects(field: str, value: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=rf"^{field}\(={re.escape(repr(value))}\)"):
        DemandModel(**{field: value})  # type: ignore[arg-type]


def test_demand_model_with_checks_again() -> None:
    d = DemandModel(orders_per_day=4)
    assert d.orders_per_day == 4.0 and isinstance(d.orders_per_day, float)
    assert d.with_(variability=0.5).variability == 0.5
    assert d.with_(shift_day=3).shift_day == 3
    with pytest.raises(ValueError, match=r"variability\(=-1\)"):
        d.with_(variability=-1)


@pytest.mark.parametrize(
    ("n", "a", "error", "pattern"),
    [
        (0, 1.0, ValueError, r"n_products\(=0\) must be >= 1"),  # no product
        (2.0, 1.0, TypeError, r"n_products\(=2.0\)"),  # float count
        (3, -0.5, ValueError, r"concentration\(=-0.5\)"),  # negative concentration
        (3, float("nan"), ValueError, r"concentration\(=nan\)"),  # NaN concentration
    ],
)
def test_popularity_rejects(n: object, a: object, error: type[Exception], pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        popularity(n, a)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "a", "expected"),
    [
        (1, 2.0, [1.0]),  # a single product gets everything
        (4, 0.0, [0.25] * 4),  # no concentration: uniform
        (3, 1.0, [6 / 11, 3 / 11, 2 / 11]),  # weights 1, 1/2, 1/3 normalised by 11/6
        (2, 2.0, [0.8, 0.2]),  # weights 1, 1/4
    ],
)
def test_popularity_closed_form(n: int, a: float, expected: list[float]) -> None:
    np.testing.assert_allclose(popularity(n, a), expected, rtol=1e-12)


def test_probabilities_shifted_reverses_ranking() -> None:
    d = DemandModel(concentration=1.2)
    p = d.probabilities(7)
    q = d.probabilities(7, shifted=True)
    assert p.sum() == pytest.approx(1.0) and q.sum() == pytest.approx(1.0)
    np.testing.assert_array_equal(q, p[::-1])
    assert np.all(np.diff(p) < 0)  # most popular first


CAT = twelve_products()
DEMAND = DemandModel(orders_per_day=3.0)


class _NotACatalog:
    pass


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        ({"horizon": 0}, ValueError, r"horizon\(=0\) must be >= 1"),  # empty horizon
        ({"horizon": -5}, ValueError, r"horizon\(=-5\) must be >= 1"),  # negative horizon
        ({"horizon": 10.0}, TypeError, r"horizon\(=10.0\)"),  # float horizon
        ({"horizon": True}, TypeError, r"horizon\(=True\)"),  # bool horizon
        ({"seed": 1.5}, TypeError, r"seed\(=1.5\)"),  # float seed
        ({"seed": 1.0}, TypeError, r"seed\(=1.0\)"),  # whole float seed
        ({"seed": "42"}, TypeError, r"seed\(='42'\)"),  # string seed
        ({"seed": None}, TypeError, r"seed\(=None\)"),  # no seed: would be irreproducible
        ({"seed": True}, TypeError, r"seed\(=True\)"),  # bool seed
        ({"seed": -1}, ValueError, r"seed\(=-1\) must be >= 0"),  # negative seed
        ({"seed": np.random.RandomState(0)}, TypeError, r"seed\(=RandomState"),  # legacy RNG
        ({"catalog": "pc_maker"}, TypeError, r"catalog\(='pc_maker'\) must be a Catalog"),
        ({"demand": {"orders_per_day": 3}}, TypeError, r"demand\(=\{'orders_per_day': 3\}\)"),
    ],
)
def test_generate_orders_rejects(kwargs: dict[str, object], error: type[Exception],
                                 pattern: str) -> None:
    args: dict[str, object] = {"catalog": CAT, "demand": DEMAND, "horizon": 10, "seed": 1}
    args.update(kwargs)
    with pytest.raises(error, match=pattern):
        generate_orders(**args)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------
# Shape, reproducibility, randomness hygiene
# ------------------------------------------------------------------------------------
def test_orders_frame_shape() -> None:
    orders = generate_orders(CAT, DemandModel(orders_per_day=5.0, mean_quantity=2.0), 50, 3)
    assert list(orders.columns) == ["order_id", "day", "product", "quantity"]
    assert orders["order_id"].tolist() == list(range(len(orders)))
    assert orders["day"].is_monotonic_increasing
    assert orders["day"].between(0, 49).all()
    assert (orders["quantity"] >= 1).all()
    assert set(orders["product"]) <= set(CAT.product_names)
    for col in ("order_id", "day", "quantity"):
        assert orders[col].dtype == np.int64


def test_same_seed_same_orders_and_generator_accepted() -> None:
    d = DemandModel(orders_per_day=4.0, variability=0.3, mean_quantity=1.5, shift_day=20)
    a = generate_orders(CAT, d, 40, 11)
    pd.testing.assert_frame_equal(a, generate_orders(CAT, d, 40, 11))
    # A Generator seeded the same way gives the same stream...
    pd.testing.assert_frame_equal(a, generate_orders(CAT, d, 40, np.random.default_rng(11)))
    # ...and a Generator is consumed: two calls with it give two different streams.
    rng = np.random.default_rng(11)
    first = generate_orders(CAT, d, 40, rng)
    second = generate_orders(CAT, d, 40, rng)
    assert not first.equals(second)
    # Another seed gives another stream.
    assert not a.equals(generate_orders(CAT, d, 40, 12))


def test_numpy_integer_seed_accepted() -> None:
    a = generate_orders(CAT, DEMAND, 20, np.int64(5))
    pd.testing.assert_frame_equal(a, generate_orders(CAT, DEMAND, 20, 5))
    b = generate_orders(CAT, DEMAND, 20, np.uint32(5))
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("n", [0, -1])  # no products, negative count
def test_probabilities_rejects_bad_count(n: int) -> None:
    with pytest.raises(ValueError, match=rf"n_products\(={n}\) must be >= 1"):
        DEMAND.probabilities(n)


def test_never_touches_global_random_state() -> None:
    # Reading the legacy global state is the point of this test (nothing seeds it here).
    before = np.random.get_state()  # noqa: NPY002
    generate_orders(CAT, DemandModel(variability=0.5, mean_quantity=2.0, shift_day=5), 30, 4)
    generate_orders(CAT, DEMAND, 30, np.random.default_rng(4))
    after = np.random.get_state()  # noqa: NPY002
    assert before[0] == after[0]
    np.testing.assert_array_equal(before[1], after[1])
    assert before[2:] == after[2:]


# ------------------------------------------------------------------------------------
# Statistics of the daily order counts: mean λ, variance λ + (λ v)²
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lam", "v", "seed"),
    [
        (10.0, 0.0, 1),  # plain Poisson: variance == mean
        (10.0, 0.2, 2),  # the PC maker's mild market mood
        (4.0, 0.5, 3),  # strong mood swings
        (2.5, 1.0, 4),  # very bursty (gamma factor is exponential)
    ],
)
def test_daily_counts_mean_and_variance(lam: float, v: float, seed: int) -> None:
    horizon = 20_000
    orders = generate_orders(CAT, DemandModel(orders_per_day=lam, variability=v), horizon, seed)
    x = counts_per_day(orders, horizon).astype(float)
    var_true = lam + (lam * v) ** 2
    se_mean = math.sqrt(var_true / horizon)
    assert abs(x.mean() - lam) < N_SE * se_mean
    # Standard error of the sample variance, estimated from the data themselves.
    dev2 = (x - x.mean()) ** 2
    se_var = dev2.std(ddof=1) / math.sqrt(horizon)
    assert abs(x.var(ddof=1) - var_true) < N_SE * se_var
    if v > 0:  # the tolerance is tight enough to tell these counts from plain Poisson
        assert abs(x.var(ddof=1) - lam) > N_SE * se_var


# ------------------------------------------------------------------------------------
# Product mix: chi-square test against DemandModel.probabilities
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("concentration", "seed"),
    [
        (0.0, 5),  # uniform mix
        (1.0, 6),  # the course's Zipf mix
        (1.5, 7),  # concentrated on best-sellers
    ],
)
def test_product_frequencies_chi_square(concentration: float, seed: int) -> None:
    d = DemandModel(orders_per_day=10.0, concentration=concentration)
    orders = generate_orders(CAT, d, 3_000, seed)
    observed = (
        orders["product"].value_counts().reindex(list(CAT.product_names), fill_value=0)
        .to_numpy(dtype=float)
    )
    p = d.probabilities(CAT.n_configurations)
    assert (p * observed.sum()).min() > 5  # the chi-square approximation is valid
    threshold = chi2_quantile(CAT.n_configurations - 1)
    assert chi2_statistic(observed, p) < threshold
    # The test has power: the reversed ranking (or, for uniform, a Zipf mix) is rejected.
    wrong = p[::-1] if concentration > 0 else popularity(CAT.n_configurations, 1.0)
    assert chi2_statistic(observed, wrong) > threshold


def test_shift_day_reverses_ranking() -> None:
    d = DemandModel(orders_per_day=10.0, concentration=1.0, shift_day=1_500)
    orders = generate_orders(CAT, d, 3_000, 8)
    names = list(CAT.product_names)
    threshold = chi2_quantile(len(names) - 1)
    for shifted, part in ((False, orders[orders["day"] < 1_500]),
                          (True, orders[orders["day"] >= 1_500])):
        observed = part["product"].value_counts().reindex(names, fill_value=0).to_numpy(float)
        p = d.probabilities(len(names), shifted=shifted)
        assert chi2_statistic(observed, p) < threshold
        assert chi2_statistic(observed, p[::-1]) > threshold
        top = names[int(np.argmax(observed))]
        assert top == (names[-1] if shifted else names[0])


def test_shift_after_horizon_changes_nothing() -> None:
    base = DemandModel(orders_per_day=5.0)
    a = generate_orders(CAT, base, 30, 9)
    b = generate_orders(CAT, base.with_(shift_day=30), 30, 9)
    pd.testing.assert_frame_equal(a, b)


# ------------------------------------------------------------------------------------
# Quantities: 1 + Poisson(m - 1): mean m, variance m - 1
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("m", "seed"),
    [
        (1.0, 10),  # one unit per order, always
        (1.5, 11),  # some orders for two or more
        (4.0, 12),  # bulk orders
    ],
)
def test_quantity_mean_and_variance(m: float, seed: int) -> None:
    orders = generate_orders(CAT, DemandModel(orders_per_day=20.0, mean_quantity=m), 2_000, seed)
    q = orders["quantity"].to_numpy(dtype=float)
    n = q.size
    assert q.min() >= 1
    if m == 1.0:
        assert (q == 1).all()
        return
    var_true = m - 1.0
    assert abs(q.mean() - m) < N_SE * math.sqrt(var_true / n)
    # Poisson(mu): Var(S^2) ~ (mu + 2 mu^2) / n  (fourth central moment mu + 3 mu^2).
    se_var = math.sqrt((var_true + 2 * var_true**2) / n)
    assert abs(q.var(ddof=1) - var_true) < N_SE * se_var
    # A variance of m (forgetting the "1 +") would be rejected.
    assert abs(q.var(ddof=1) - m) > N_SE * se_var


def test_pc_maker_orders_per_year() -> None:
    pc = load_instance("pc_maker")
    orders = pc.orders(horizon=365, seed=1)
    # 12 orders/day, CV 0.2: SD of the yearly total = sqrt(365 * (12 + 2.4**2)) ~ 80.
    assert abs(len(orders) - 365 * 12) < N_SE * math.sqrt(365 * (12 + 2.4**2))


def test_pc_maker_mix_chi_square() -> None:
    """The course's own instance: 288 configurations, Zipf mix, 20,000 days (~240,000 orders)."""
    pc = load_instance("pc_maker")
    orders = pc.orders(horizon=20_000, seed=13)
    names = list(pc.catalog.product_names)
    observed = orders["product"].value_counts().reindex(names, fill_value=0).to_numpy(float)
    p = pc.demand.probabilities(len(names))
    assert (p * observed.sum()).min() > 5
    threshold = chi2_quantile(len(names) - 1)
    assert chi2_statistic(observed, p) < threshold
    # Power: a mix with concentration 0.9 instead of 1.0 is rejected.
    assert chi2_statistic(observed, DemandModel(concentration=0.9).probabilities(288)) > threshold
