"""Target stock levels: closed forms, Monte-Carlo checks of daily demand, risk pooling."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from ato_lessons.demand import DemandModel, generate_orders
from ato_lessons.instances import load_instance
from ato_lessons.policies import (
    base_stock_level,
    daily_demand,
    pooling_saving,
    safety_factor,
    suggest_targets,
)

N_SE = 5.0


# ------------------------------------------------------------------------------------
# safety_factor and base_stock_level
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("level", "z"),
    [
        (0.5, 0.0),  # median: no safety stock
        (0.95, 1.6448536),  # the course's default
        (0.99, 2.3263479),  # table value
        (0.8413447, 1.0),  # one standard deviation
    ],
)
def test_safety_factor(level: float, z: float) -> None:
    assert safety_factor(level) == pytest.approx(z, abs=1e-6)


@pytest.mark.parametrize(
    ("level", "error"),
    [
        (0.0, ValueError),  # never serve
        (1.0, ValueError),  # always serve: infinite stock
        (1.5, ValueError),  # above 1
        (-0.1, ValueError),  # negative
        (95, ValueError),  # a percentage instead of a fraction
        (float("nan"), ValueError),  # NaN
        ("0.95", TypeError),  # a string
    ],
)
def test_safety_factor_rejects(level: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=rf"service_level\(={re.escape(repr(level))}\)"):
        safety_factor(level)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("mean", "std", "lead", "level", "expected"),
    [
        (2.0, 1.5, 9, 0.95, 26),  # 18 + 1.645 * 1.5 * 3 = 25.40 -> 26 (docstring)
        (10.0, 0.0, 5, 0.9, 50),  # no uncertainty: exactly the lead-time demand
        (3.0, 2.0, 4, 0.5, 12),  # median service: mean lead-time demand, 12
        (4.0, 2.0, 16, 0.95, 78),  # 64 + 1.645 * 2 * 4 = 77.16 -> 78
        (1.0, 1.0, 1, 0.1, 0),  # 1 - 1.28 < 0: never a negative target
        (0.0, 0.0, 0, 0.95, 0),  # no demand, no lead time
        (5.0, 3.0, 0, 0.99, 0),  # instant replenishment needs no stock
        (12.0, 4.2, 2.5, 0.95, 41),  # fractional lead time: 30 + 1.645 * 4.2 * 1.581 = 40.92
    ],
)
def test_base_stock_level_hand_values(mean: float, std: float, lead: float, level: float,
                                      expected: int) -> None:
    assert base_stock_level(mean, std, lead, level) == expected


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"mean": -1.0}, "mean"),  # negative demand
        ({"mean": float("nan")}, "mean"),  # NaN demand
        ({"std": -0.5}, "std"),  # negative spread
        ({"std": float("inf")}, "std"),  # infinite spread
        ({"lead_time": -2}, "lead_time"),  # negative lead time
        ({"service_level": 1.0}, "service_level"),  # certainty
    ],
)
def test_base_stock_level_rejects(kwargs: dict[str, float], name: str) -> None:
    args = {"mean": 2.0, "std": 1.0, "lead_time": 3.0, "service_level": 0.95, **kwargs}
    with pytest.raises(ValueError, match=rf"{name}\(="):
        base_stock_level(**args)


# ------------------------------------------------------------------------------------
# pooling_saving
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [1, 2, 3, 4, 9, 100, 288])
def test_pooling_saving_closed_form(n: int) -> None:
    assert pooling_saving(n) == pytest.approx(1.0 - 1.0 / math.sqrt(n), abs=1e-15)


@pytest.mark.parametrize(
    ("n", "error"),
    [(0, ValueError), (-3, ValueError), (2.0, TypeError), (True, TypeError), ("4", TypeError)],
)  # zero / negative products, float, bool, string
def test_pooling_saving_rejects(n: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=rf"n_products\(={re.escape(repr(n))}\)"):
        pooling_saving(n)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------
# daily_demand against Monte-Carlo estimates from generate_orders
# ------------------------------------------------------------------------------------
def _usage_per_day(scenario_name: str, demand: DemandModel, strategy: str, horizon: int,
                   seed: int) -> tuple[list[str], np.ndarray]:
    """Units of each stocked item used per day, counted directly from sampled orders."""
    sc = load_instance(scenario_name)
    cat = sc.catalog
    orders = generate_orders(cat, demand, horizon, seed)
    if strategy == "ATO":
        names = list(cat.component_names)
        idx = {c: i for i, c in enumerate(names)}
        bom = np.zeros((cat.n_configurations, len(names)))
        for j, p in enumerate(cat.products):
            for c, q in p.bom.items():
                bom[j, idx[c]] = q
    row = orders["product"].map({p: j for j, p in enumerate(cat.product_names)}).to_numpy()
    qty = orders["quantity"].to_numpy()
    day = orders["day"].to_numpy()
    if strategy == "MTS":  # each order uses `quantity` units of its own product
        names = list(cat.product_names)
        usage = np.zeros((horizon, len(names)))
        np.add.at(usage, (day, row), qty)
        return names, usage
    usage = np.zeros((horizon, len(names)))
    np.add.at(usage, day, bom[row] * qty[:, None])
    return names, usage


@pytest.mark.parametrize(
    ("strategy", "demand", "seed"),
    [
        ("ATO", load_instance("pc_maker").demand, 21),  # the course's PC maker, per component
        ("ATO", DemandModel(orders_per_day=6.0, variability=0.5, mean_quantity=1.8), 22),
        ("MTS", DemandModel(orders_per_day=8.0, variability=0.3, mean_quantity=1.5), 23),
    ],
)
def test_daily_demand_matches_monte_carlo(strategy: str, demand: DemandModel,
                                          seed: int) -> None:
    horizon = 20_000
    table = daily_demand(load_instance("pc_maker").factory, demand, strategy)
    names, usage = _usage_per_day("pc_maker", demand, strategy, horizon, seed)
    # Items with some demand (for MTS: the 30 most popular products, others are rare).
    keep = names if strategy == "ATO" else names[:30]
    cols = [names.index(k) for k in keep]
    x = usage[:, cols]
    mean, std = table.loc[keep, "mean"].to_numpy(), table.loc[keep, "std"].to_numpy()
    se_mean = std / math.sqrt(horizon)
    assert np.all(np.abs(x.mean(axis=0) - mean) < N_SE * se_mean)
    dev2 = (x - x.mean(axis=0)) ** 2
    se_var = dev2.std(axis=0, ddof=1) / math.sqrt(horizon)
    assert np.all(np.abs(x.var(axis=0, ddof=1) - std**2) < N_SE * se_var)
    if strategy == "ATO" and demand.variability > 0:
        # Without the market-mood term the variance of the Case (in every PC) is rejected.
        m = demand.mean_quantity
        lam = demand.orders_per_day
        poisson_only = lam * ((m - 1.0) + m * m)
        case = names.index("Case")
        assert abs(x[:, case].var(ddof=1) - poisson_only) > N_SE * se_var[case]


def test_daily_demand_tables() -> None:
    pc = load_instance("pc_maker")
    ato = daily_demand(pc.factory, pc.demand, "ATO")
    assert list(ato.index) == list(pc.catalog.component_names)
    assert list(ato.columns) == ["mean", "std", "lead time (days)"]
    # Every PC has a case: mean 12 per day; var = 12 + (12 * 0.2)^2 = 17.76.
    assert ato.loc["Case", "mean"] == pytest.approx(12.0)
    assert ato.loc["Case", "std"] == pytest.approx(math.sqrt(17.76))
    assert ato.loc["CPU-9", "lead time (days)"] == 35
    # Options of one category share the case's demand.
    assert ato.loc[["CPU-5", "CPU-3", "CPU-7", "CPU-9"], "mean"].sum() == pytest.approx(12.0)
    mts = daily_demand(pc.factory, pc.demand, "mts")
    assert len(mts) == 288 and mts["mean"].sum() == pytest.approx(12.0)
    top = pc.catalog.product_names[0]
    assert mts.loc[top, "lead time (days)"] == pc.catalog.supply_lead_time(top) + 1
    mto = daily_demand(pc.factory, pc.demand, "MTO")
    assert mto.empty and list(mto.columns) == ["mean", "std", "lead time (days)"]


@pytest.mark.parametrize(
    ("args", "error", "pattern"),
    [
        (("pc", "demand", "XTO"), ValueError, r"strategy\(='XTO'\)"),  # unknown strategy
        (("catalog", "demand", "ATO"), TypeError, r"factory\(=Catalog"),  # a catalog, not factory
        (("pc", {"orders_per_day": 3}, "ATO"), TypeError, r"demand\(=\{'orders_per_day': 3\}\)"),
    ],
)
def test_daily_demand_rejects(args: tuple[object, object, object], error: type[Exception],
                              pattern: str) -> None:
    pc = load_instance("pc_maker")
    lookup = {"pc": pc.factory, "catalog": pc.catalog, "demand": pc.demand}
    resolved = [lookup.get(a, a) if isinstance(a, str) else a for a in args[:2]]
    with pytest.raises(error, match=pattern):
        daily_demand(resolved[0], resolved[1], args[2])  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------
# suggest_targets
# ------------------------------------------------------------------------------------
def test_suggest_targets_uses_base_stock_level() -> None:
    pc = load_instance("pc_maker")
    targets = suggest_targets(pc.factory, pc.demand, "ATO", 0.9)
    table = daily_demand(pc.factory, pc.demand, "ATO")
    assert set(targets) == set(pc.catalog.component_names)
    for name, row in table.iterrows():
        assert targets[str(name)] == base_stock_level(row["mean"], row["std"],
                                                      row["lead time (days)"], 0.9)
    higher = suggest_targets(pc.factory, pc.demand, "ATO", 0.99)
    assert all(higher[k] >= targets[k] for k in targets)
    assert sum(higher.values()) > sum(targets.values())


def test_suggest_targets_offer() -> None:
    pc = load_instance("pc_maker")
    top5 = suggest_targets(pc.factory, pc.demand, "MTS", offer=5)
    assert list(top5) == list(pc.catalog.product_names[:5])
    names = [pc.catalog.product_names[10], pc.catalog.product_names[3]]
    chosen = suggest_targets(pc.factory, pc.demand, "MTS", offer=names)
    assert list(chosen) == names
    every = suggest_targets(pc.factory, pc.demand, "MTS")
    assert len(every) == 288 and every[names[0]] == chosen[names[0]]


@pytest.mark.parametrize(
    ("strategy", "kwargs", "error", "pattern"),
    [
        ("MTO", {}, ValueError, r"strategy\(='MTO'\) keeps no stock"),  # nothing to stock
        ("XTO", {}, ValueError, r"strategy\(='XTO'\)"),  # unknown strategy
        ("ATO", {"offer": 5}, ValueError, r"offer\(=5\) only applies to strategy 'MTS'"),
        ("MTS", {"offer": 0}, ValueError, r"offer\(=0\) must be >= 1"),  # offer nothing
        ("MTS", {"offer": True}, TypeError, r"offer\(=True\)"),  # bool
        ("MTS", {"offer": ["No/Such/PC"]}, ValueError, r"product\(='No/Such/PC'\)"),  # unknown
        ("MTS", {"offer": []}, ValueError, r"offer\(=\[\]\) must name at least one"),  # empty
        ("MTS", {"offer": 2.5}, TypeError, r"offer\(=2.5\)"),  # fractional count
        ("MTS", {"offer": b"Case"}, TypeError, r"offer\(=b'Case'\)"),  # bytes, not names
        ("MTS", {"service_level": 1.2}, ValueError, r"service_level\(=1.2\)"),  # above 1
        ("ATO", {"service_level": 0.0}, ValueError, r"service_level\(=0.0\)"),  # zero
    ],
)
def test_suggest_targets_rejects(strategy: str, kwargs: dict[str, object],
                                 error: type[Exception], pattern: str) -> None:
    pc = load_instance("pc_maker")
    with pytest.raises(error, match=pattern):
        suggest_targets(pc.factory, pc.demand, strategy, **kwargs)  # type: ignore[arg-type]


def test_suggest_targets_offer_numpy_int() -> None:
    pc = load_instance("pc_maker")
    assert len(suggest_targets(pc.factory, pc.demand, "MTS", offer=np.int64(5))) == 5


def test_suggest_targets_offer_single_name_is_explained() -> None:
    pc = load_instance("pc_maker")
    name = pc.catalog.product_names[0]
    with pytest.raises((TypeError, ValueError), match=r"offer\(="):
        suggest_targets(pc.factory, pc.demand, "MTS", offer=name)


# ------------------------------------------------------------------------------------
# Risk pooling, by formula and by simulation
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [2, 4, 9, 16])
def test_pooled_safety_stock_ratio_is_one_over_sqrt_n(n: int) -> None:
    """ATO's safety stock for the shared Core vs the sum of MTS products' safety stocks.

    With assembly_days = 0 both replenish in 10 days, so the ratio is z·σ·√n / (n·z·σ) =
    1/√n up to the rounding up of each target (< 1 unit per item)."""
    sc = load_instance("pooling", n_products=n)
    factory = sc.factory.with_(assembly_days=0)
    ato = suggest_targets(factory, sc.demand, "ATO")
    mts = suggest_targets(factory, sc.demand, "MTS")
    lead = 10
    ss_ato = ato["Core"] - lead * sc.demand.orders_per_day
    ss_mts = sum(mts.values()) - lead * sc.demand.orders_per_day
    # Exact (unrounded) safety stocks: z·sqrt(10·4n) and n·z·sqrt(10·4).
    z = safety_factor(0.95)
    exact_ato, exact_mts = z * math.sqrt(lead * 4.0 * n), n * z * math.sqrt(lead * 4.0)
    assert 0 <= ss_ato - exact_ato < 1
    assert 0 <= ss_mts - exact_mts < n
    assert ss_ato / ss_mts == pytest.approx(1 / math.sqrt(n), rel=0.12)
    assert 1 - exact_ato / exact_mts == pytest.approx(pooling_saving(n))


@pytest.mark.parametrize("n", [2, 4, 9])
def test_pooling_simulation_reaches_service_aim(n: int) -> None:
    """Both strategies, with their suggested targets, serve at least ~95 % from the shelf
    while ATO holds far fewer units.

    The targets are somewhat conservative: a unit reordered on day d is back on the shelf at
    the start of day d + L, so the shelf is exposed to about L - 1/2 days of demand, not L.
    Measured fill rates: 0.97-0.995; the test accepts [0.94, 1)."""
    sc = load_instance("pooling", n_products=n)
    orders = sc.orders(horizon=3_000, seed=100 + n)
    ato = sc.run("ATO", orders)
    mts = sc.run("MTS", orders)
    for r in (ato, mts):
        fill = r.summary()["fill rate"]
        assert 0.94 <= fill < 1.0, (r.strategy, fill)
    assert ato.inventory["component_units"].mean() < mts.inventory["finished_units"].mean()
