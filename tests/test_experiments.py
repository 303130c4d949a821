"""The lessons' experiments (ato_lessons.experiments): results move the way operations
management predicts, inputs are checked, and the layer imports no user interface."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from typing import Any

import numpy as np
import pandas as pd
import pytest

import ato_lessons as ato
from ato_lessons import experiments as ex
from ato_lessons.experiments import (
    check_result,
    check_scenario,
    configuration_facts,
    days_of_inventory,
    late_shares,
    lead_time_split,
    level_sweep,
    mto_wait,
    offered_products,
    one_off_targets,
    planned_targets,
    product_of,
    production_run,
    products_using,
    reduced_catalog,
    run_figures,
    season_orders,
    stock_at_risk,
    surge_orders,
    value_lost,
    weekly_lead_time,
    window_lead_time,
)
from ato_lessons.validation import check_dataframe

HORIZON = 90


@pytest.fixture(scope="module")
def pc() -> ato.Scenario:
    return ato.load_instance("pc_maker")


# --- the layer -----------------------------------------------------------------------------
def test_experiments_import_no_user_interface() -> None:
    """Importing (and using) the experiments loads neither ipywidgets nor matplotlib."""
    code = (
        "import json, sys\n"
        "import ato_lessons.experiments as ex\n"
        "from ato_lessons import load_instance\n"
        "pc = load_instance('pc_maker')\n"
        "ex.level_sweep(pc, [1.0], season=30, offer=5)\n"
        "ex.business_table()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('ipywidgets', 'matplotlib', 'PIL', 'IPython') or m.startswith('ato_lessons.widgets'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_the_facade_exports_every_module_name() -> None:
    from ato_lessons.experiments import (
        businesses,
        configurations,
        inventory_risk,
        stock_runs,
        surges,
        waits,
    )

    for module in (businesses, configurations, inventory_risk, stock_runs, surges, waits):
        for name in module.__all__:
            assert getattr(ex, name) is getattr(module, name), (module.__name__, name)
    assert sorted(ex.__all__) == ex.__all__


def test_checks_name_the_parameter(pc: ato.Scenario) -> None:
    assert check_scenario(pc) is pc
    with pytest.raises(TypeError, match=r"scenario\(='pc_maker'\)"):
        check_scenario("pc_maker")
    run = pc.run("MTO", pc.orders(horizon=10, seed=1), horizon=30)
    assert check_result(run) is run and check_result(run, "MTO") is run
    with pytest.raises(TypeError, match="result"):
        check_result(run.summary())
    with pytest.raises(TypeError, match="ATO run"):
        check_result(run, "ATO")


@pytest.mark.parametrize(
    ("value", "columns", "error", "pattern"),
    [
        ([1, 2], (), TypeError, r"orders\(=list\) must be a pandas DataFrame"),  # not a frame
        (pd.DataFrame({"x": [1]}), ("day",), ValueError, r"missing column\(s\) \['day'\]"),
        (pd.DataFrame({"day": [1]}), ("day", "product"), ValueError, "'product'"),
    ],
)
def test_check_dataframe_table(value: Any, columns: tuple[str, ...], error: type[Exception],
                               pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        check_dataframe("orders", value, columns)


# --- lesson 1: a one-off production run ----------------------------------------------------
def test_offered_products_are_the_most_popular(pc: ato.Scenario) -> None:
    assert offered_products(pc, 3) == list(pc.catalog.product_names[:3])
    with pytest.raises(ValueError, match="offer"):
        offered_products(pc, 289)
    with pytest.raises(TypeError, match="offer"):
        offered_products(pc, 2.0)  # type: ignore[arg-type]


def test_one_off_targets_scale_with_the_level(pc: ato.Scenario) -> None:
    base = one_off_targets(pc, 1.0, season=90, offer=20)
    assert list(base) == list(pc.catalog.product_names[:20])
    assert all(v == 0 for v in one_off_targets(pc, 0.0, season=90, offer=20).values())
    double = one_off_targets(pc, 2.0, season=90, offer=20)
    for name, units in base.items():
        assert abs(double[name] - 2 * units) <= 1  # rounding only
    forecast = ato.daily_demand(pc.factory, pc.demand, "MTS")["mean"].iloc[:20].sum() * 90
    assert abs(sum(base.values()) - forecast) <= 10


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"level": -0.5}, "level"),  # cannot build a negative amount
        ({"level": 1.0, "offer": 0}, "offer"),  # at least one product
        ({"level": 1.0, "offer": 289}, "offer"),  # only 288 configurations exist
        ({"level": 1.0, "season": 0}, "season"),  # a season lasts at least a day
    ],
)
def test_one_off_targets_check_inputs(pc: ato.Scenario, kwargs: dict[str, object],
                                      name: str) -> None:
    with pytest.raises(ValueError, match=name):
        one_off_targets(pc, **kwargs)  # type: ignore[arg-type]


def test_production_run_conserves_units(pc: ato.Scenario) -> None:
    orders = season_orders(pc, season=60, offer=10, seed=5)
    assert set(orders["product"]) <= set(pc.catalog.product_names[:10])
    res = production_run(pc, orders, one_off_targets(pc, 0.8, season=60, offer=10), season=60)
    f = run_figures(res)
    sold = orders.loc[res.orders["status"] == "served", "quantity"].sum()
    assert f["produced"] - f["units left over"] == sold
    assert f["units short"] + sold == orders["quantity"].sum()
    assert (res.orders["status"] != "waiting").all()  # lost sales: nobody waits
    with pytest.raises(TypeError, match="orders"):
        production_run(pc, "orders", {})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="result"):
        run_figures(orders)  # type: ignore[arg-type]


def test_level_sweep_trades_stock_outs_for_leftovers(pc: ato.Scenario) -> None:
    table = level_sweep(pc, [0.0, 0.5, 1.0, 1.5], season=60, offer=10, seed=5)
    assert list(table.index) == [0.0, 50.0, 100.0, 150.0]
    assert table["fill rate"].iloc[0] == 0.0 and table["units left over"].iloc[0] == 0.0
    assert table["fill rate"].is_monotonic_increasing
    assert table["units short"].is_monotonic_decreasing
    assert table["units left over"].is_monotonic_increasing
    assert table["leftover value (€)"].is_monotonic_increasing
    total = table["units short"] + table["units left over"]
    assert total.iloc[2] < total.iloc[0] and total.iloc[2] < total.iloc[3]  # the U
    with pytest.raises(ValueError, match="levels"):
        level_sweep(pc, [])


def test_level_sweep_gives_lesson_01s_numbers(pc: ato.Scenario) -> None:
    """The class seed's season, as lesson 01's widget shows it at 100 % (pinned)."""
    row = level_sweep(pc, [1.0], season=90, offer=20).loc[100.0]
    assert (row["produced"], row["units short"], row["units left over"]) == (624, 15, 63)
    assert round(row["fill rate"], 2) == 0.97


def test_a_change_of_taste_leaves_more_stock_behind(pc: ato.Scenario) -> None:
    steady = level_sweep(pc, [1.0], season=90, offer=20, seed=2)
    shifted = level_sweep(pc, [1.0], season=90, offer=20, shift_day=30, seed=2)
    assert shifted["units left over"].iloc[0] > 2 * steady["units left over"].iloc[0]


# --- lesson 2: the make-to-order wait --------------------------------------------------------
@pytest.mark.parametrize("days", [7, 14, 28, 42])
def test_mto_wait_is_the_slowest_part_plus_assembly(pc: ato.Scenario, days: int) -> None:
    """With unlimited assembly, the closed form holds order by order."""
    catalog = pc.catalog.with_lead_times(suppliers={"ChipCo (US)": days})
    factory = pc.factory.with_(catalog=catalog, assembly_capacity=math.inf)
    orders = pc.orders(horizon=40, seed=11)
    res = ato.simulate(factory, orders, "MTO", horizon=120)
    expected = [
        max(c.lead_time for c in factory.catalog.components if c.name in
            pc.catalog.product(p).bom) + factory.assembly_days
        for p in orders["product"]
    ]
    assert res.orders["lead_time"].astype(int).tolist() == expected
    wait = mto_wait(res)
    assert wait["mean"] == pytest.approx(np.mean(expected))
    assert wait["p95"] == pytest.approx(np.percentile(expected, 95))
    assert wait["waiting"] == 0


def test_mto_wait_counts_orders_still_waiting(pc: ato.Scenario) -> None:
    orders = pc.orders(horizon=40, seed=11)
    short = ato.simulate(pc.factory, orders, "MTO", horizon=40)  # no time to deliver the last
    wait = mto_wait(short)
    assert wait["waiting"] == (short.orders["status"] == "waiting").sum() > 0
    with pytest.raises(TypeError, match="result"):
        mto_wait(orders)  # type: ignore[arg-type]


# --- lessons 3-5: configurations ------------------------------------------------------------
def test_slower_suppliers_need_more_stock(pc: ato.Scenario) -> None:
    slow = pc.with_(factory=pc.factory.with_(catalog=pc.catalog.with_lead_times(scale=2.0)))
    assert sum(slow.targets("ATO").values()) > sum(pc.targets("ATO").values())


def test_product_of_picks_one_option_per_category(pc: ato.Scenario) -> None:
    assert product_of(pc.catalog, {}) == pc.catalog.product_names[0]
    name = product_of(pc.catalog, {"processor": "CPU-9", "keyboard": "KB-mech"})
    assert set(pc.catalog.product(name).bom) >= {"CPU-9", "KB-mech", "Case"}


def test_configuration_facts_recomputes_the_catalog(pc: ato.Scenario) -> None:
    choice = {"motherboard": "MB-gamer", "processor": "CPU-7", "graphics card": "GPU-pro",
              "monitor": "MON-32", "keyboard": "KB-mech"}
    facts = configuration_facts(pc, choice)
    parts = ["Case", *choice.values()]
    cat = pc.catalog
    assert facts["name"] == "/".join(parts)
    material = sum(cat.component(p).unit_cost for p in parts)
    hours = sum(cat.component(p).assembly_time for p in parts)
    assert facts["material cost"] == pytest.approx(material)
    assert facts["assembly hours"] == pytest.approx(hours)
    assert facts["total cost"] == pytest.approx(material + 30.0 * hours)
    assert facts["quoted lead time"] == {"MTS": 0, "MTO": 28 + 1, "ATO": 1}
    assert cat.product_names[facts["rank"] - 1] == facts["name"]
    assert facts["shelf"] is None and facts["in stock"] is None


def test_configuration_facts_popularity_and_offer(pc: ato.Scenario) -> None:
    top = configuration_facts(pc, {}, mts_offer=1)
    assert top["rank"] == 1 and top["quoted lead time"]["MTS"] == 0
    other = configuration_facts(pc, {"processor": "CPU-9"}, mts_offer=1)
    assert other["rank"] > 1 and other["quoted lead time"]["MTS"] is None
    assert other["share"] < top["share"]
    shares = [configuration_facts(pc, {"monitor": m})["share"] for m in ("MON-24", "MON-32")]
    assert shares[0] > shares[1]


@pytest.mark.parametrize(
    ("choice", "error"),
    [
        ({"processor": "CPU-1"}, ValueError),     # not an option
        ({"cpu": "CPU-5"}, ValueError),           # not a category
        (["CPU-5"], TypeError),                   # not a mapping
    ],
)
def test_configuration_facts_rejects_bad_choices(
    pc: ato.Scenario, choice: Any, error: type[Exception]
) -> None:
    with pytest.raises(error):
        configuration_facts(pc, choice)


def test_configuration_facts_rejects_a_bad_offer(pc: ato.Scenario) -> None:
    with pytest.raises(ValueError, match="mts_offer"):
        configuration_facts(pc, {}, mts_offer=0)


def test_in_stock_reads_the_shelves(pc: ato.Scenario) -> None:
    orders = pc.orders(horizon=HORIZON)
    targets = pc.targets("ATO")
    targets["CPU-9"] = 0
    result = pc.run("ATO", orders, targets, horizon=HORIZON)
    starved = configuration_facts(pc, {"processor": "CPU-9"}, result, day=10)
    assert starved["shelf"]["CPU-9"] == 0 and starved["in stock"] is False
    day = int(np.argmax(result.stock[["Case", "MB-office", "CPU-5", "GPU-basic", "MON-24",
                                      "KB-std"]].min(axis=1).to_numpy() > 0))
    fine = configuration_facts(pc, {}, result, day=day)
    assert fine["in stock"] is True
    with pytest.raises(ValueError, match="day"):
        configuration_facts(pc, {}, result, day=HORIZON)
    with pytest.raises(TypeError, match="ATO"):
        configuration_facts(pc, {}, pc.run("MTO", orders, horizon=HORIZON))


def test_lead_time_split_separates_the_starved_orders(pc: ato.Scenario) -> None:
    orders = pc.orders(horizon=HORIZON)
    targets = pc.targets("ATO")
    normal = lead_time_split(pc.run("ATO", orders, targets, horizon=HORIZON), "CPU-9")
    targets["CPU-9"] = 0
    starved = lead_time_split(pc.run("ATO", orders, targets, horizon=HORIZON), "CPU-9")
    needing = orders["product"].str.contains("CPU-9").sum()
    assert starved["n needing"] == needing and starved["n others"] == len(orders) - needing
    # Target 0: CPU-9 is bought per order, 35 days + 1 day of assembly.
    assert starved["needing"] == pytest.approx(36.0)
    assert starved["needing"] > normal["needing"] + 20
    assert starved["others"] < 3.0
    with pytest.raises(ValueError, match="CPU-1"):
        lead_time_split(pc.run("ATO", orders, targets, horizon=HORIZON), "CPU-1")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (1, 1),    # one option everywhere: a single PC
        (2, 32),   # case x 2 x 2 x 2 x 2 x 2
        (3, 162),  # case x 3 x 3 x 3 x 3 x 2 (only two keyboards)
        (4, 288),  # the full catalog
        (9, 288),  # more than any category has: still the full catalog
    ],
)
def test_reduced_catalog_counts_configurations(pc: ato.Scenario, options: int,
                                               expected: int) -> None:
    assert reduced_catalog(pc.catalog, options).n_configurations == expected


def test_reduced_catalog_keeps_the_most_popular_options(pc: ato.Scenario) -> None:
    small = reduced_catalog(pc.catalog, 2)
    assert [c.name for c in small.options("processor")] == ["CPU-5", "CPU-3"]
    assert small.product_names[0] == pc.catalog.product_names[0]


def test_reduced_catalog_scales_lead_times(pc: ato.Scenario) -> None:
    doubled = reduced_catalog(pc.catalog, 4, lead_time_scale=2.0)
    for comp in pc.catalog.components:
        assert doubled.component(comp.name).lead_time == 2 * comp.lead_time
    halved = reduced_catalog(pc.catalog, 4, lead_time_scale=0.5)
    assert halved.component("CPU-9").lead_time == round(35 * 0.5)


@pytest.mark.parametrize(
    ("kwargs", "error", "names"),
    [
        ({"options": 0}, ValueError, "options"),            # nothing to choose from
        ({"options": 1.5}, TypeError, "options"),           # not a whole number
        ({"options": 2, "lead_time_scale": 0.0}, ValueError, "lead_time_scale"),
        ({"options": 2, "lead_time_scale": "2"}, TypeError, "lead_time_scale"),
        ({"options": 2, "lead_time_scale": True}, TypeError, "lead_time_scale"),
    ],
)
def test_reduced_catalog_rejects_bad_input(
    pc: ato.Scenario, kwargs: dict[str, Any], error: type[Exception], names: str
) -> None:
    with pytest.raises(error, match=names):
        reduced_catalog(pc.catalog, **kwargs)


def test_reduced_catalog_needs_a_catalog() -> None:
    with pytest.raises(TypeError, match="catalog"):
        reduced_catalog("pc_maker", 2)  # type: ignore[arg-type]


# --- lesson 6: pros and cons ----------------------------------------------------------------
def test_products_using_counts_the_bom(pc: ato.Scenario) -> None:
    using = products_using(pc.catalog, "CPU-5")
    # 288 configurations, 4 processors: a quarter use CPU-5; the case is in every PC.
    assert len(using) == len(pc.catalog.products) // 4
    assert all("CPU-5" in pc.catalog.product(p).bom for p in using)
    assert len(products_using(pc.catalog, "Case")) == len(pc.catalog.products)
    with pytest.raises(ValueError, match="component"):
        products_using(pc.catalog, "CPU-99")
    with pytest.raises(TypeError, match="catalog"):
        products_using(pc, "CPU-5")  # type: ignore[arg-type]


def test_surge_orders_adds_orders_only_in_the_window(pc: ato.Scenario) -> None:
    base = surge_orders(pc, 0.0, horizon=120)
    surged = surge_orders(pc, 1.0, start=30, length=20, horizon=120)
    per_day_base = np.bincount(base["day"], minlength=120)
    per_day = np.bincount(surged["day"], minlength=120)
    outside = np.r_[0:30, 50:120]
    assert (per_day[outside] == per_day_base[outside]).all()
    # Doubling the rate for 20 days: about 12 x 20 = 240 extra orders (Poisson, sd ~ 16).
    extra = int(per_day[30:50].sum() - per_day_base[30:50].sum())
    assert 170 < extra < 310
    assert list(surged["order_id"]) == list(range(len(surged)))
    assert surged["day"].is_monotonic_increasing
    with pytest.raises(ValueError, match="horizon"):
        surge_orders(pc, 0.5, start=100, length=30, horizon=120)
    with pytest.raises(ValueError, match="extra"):
        surge_orders(pc, -0.1)


def test_planned_targets_grow_with_the_surge(pc: ato.Scenario) -> None:
    usual, planned = planned_targets(pc, 0.0), planned_targets(pc, 0.5)
    assert usual == pc.targets("ATO")
    assert all(planned[k] >= usual[k] for k in usual)
    assert sum(planned.values()) > sum(usual.values())


def test_surge_waits_longer_with_less_capacity(pc: ato.Scenario) -> None:
    orders = surge_orders(pc, 0.5)
    targets = planned_targets(pc, 0.5)
    waits = []
    for capacity in (16.0, 24.0):
        res = ato.simulate(pc.factory.with_(assembly_capacity=capacity), orders, "ATO", targets,
                           horizon=180)
        waits.append(window_lead_time(res, 60, 90)["mean lead time (days)"])
    assert waits[0] > waits[1] + 0.3
    assert ex.assembly_limit(pc.with_(factory=pc.factory.with_(assembly_capacity=24.0))) \
        == pytest.approx(1.5 * ex.assembly_limit(pc))


def test_window_lead_time_is_the_mean_over_the_window(pc: ato.Scenario) -> None:
    res = pc.run("ATO", pc.orders(horizon=60, seed=3), horizon=60)
    o = res.orders
    inside = o[(o["day"] >= 10) & (o["day"] < 20)]
    window = window_lead_time(res, 10, 20)
    assert window["orders"] == len(inside)
    assert window["mean lead time (days)"] == pytest.approx(inside["lead_time"].astype(float)
                                                            .mean())
    weekly = weekly_lead_time(res)
    assert weekly.index.name == "week" and len(weekly) == 9  # 60 days: weeks 0 to 8
    assert weekly.iloc[0] == pytest.approx(window_lead_time(res, 0, 7)["mean lead time (days)"])
    with pytest.raises(ValueError, match="end_day"):
        window_lead_time(res, 10, 10)


def test_late_shares_single_out_the_late_supplier(pc: ato.Scenario) -> None:
    orders = pc.orders(horizon=HORIZON)
    usual = pc.run("ATO", orders, horizon=HORIZON)
    late_catalog = pc.catalog.with_lead_times({"CPU-5": 28 + 28})
    late = ato.simulate(pc.factory.with_(catalog=late_catalog), orders, "ATO", pc.targets("ATO"),
                        horizon=HORIZON)
    before, after = late_shares(usual, "CPU-5"), late_shares(late, "CPU-5")
    assert after["needing"] > before["needing"] + 0.3
    assert after["needing"] > after["others"] + 0.3
    assert all(0.0 <= x <= 1.0 for x in (*before.values(), *after.values()))


def test_value_lost_is_proportional_to_the_rate(pc: ato.Scenario) -> None:
    res = pc.run("ATO", pc.orders(horizon=60, seed=2))
    one, two = value_lost(res, 0.01), value_lost(res, 0.02)
    assert one.is_monotonic_increasing
    assert two.iloc[-1] == pytest.approx(2 * one.iloc[-1])
    assert one.iloc[-1] == pytest.approx(res.inventory["total_value"].sum() * 0.01 / 7)
    assert value_lost(res, 0.0).iloc[-1] == 0.0
    with pytest.raises(ValueError, match="weekly_rate"):
        value_lost(res, 1.5)


def test_stock_at_risk_after_a_change_of_tastes(pc: ato.Scenario) -> None:
    orders = pc.orders(demand=pc.demand.with_(shift_day=180))
    mts, ato_run = pc.run("MTS", orders), pc.run("ATO", orders)
    at_risk_mts = stock_at_risk(mts, 180)
    at_risk_ato = stock_at_risk(ato_run, 180)
    assert at_risk_mts > 3 * at_risk_ato > 0
    # Counting more days of cover as "in use" leaves less at risk; zero cover counts it all.
    assert stock_at_risk(ato_run, 180, cover_days=120) <= at_risk_ato
    end_value = ato_run.inventory["total_value"].iloc[-1]
    assert stock_at_risk(ato_run, 180, cover_days=0) == pytest.approx(end_value)
    assert stock_at_risk(pc.run("MTO", orders), 180) == 0.0
    with pytest.raises(ValueError, match="after_day"):
        stock_at_risk(ato_run, 400)


def test_days_of_inventory_orders_the_strategies(pc: ato.Scenario) -> None:
    orders = pc.orders(seed=4)  # a whole year: the starting stock weighs little
    mts = days_of_inventory(pc.run("MTS", orders))
    ato_days = days_of_inventory(pc.run("ATO", orders))
    assert days_of_inventory(pc.run("MTO", orders)) == 0.0
    assert mts > 5 * ato_days > 0


@pytest.mark.parametrize(
    "wait, supply, assembly, expected",
    [
        (0, 2, 0.2, "MTS"),    # the customer will not even wait for the oven
        (0.5, 30, 1, "MTS"),   # half a day is shorter than assembly
        (1, 30, 1, "ATO"),     # waits exactly the assembly time
        (3, 35, 1, "ATO"),     # the PC maker
        (36, 35, 1, "MTO"),    # waits the whole lead time
        (540, 365, 60, "MTO"), # jet engines
    ],
)
def test_fit_strategy_rule(wait: float, supply: float, assembly: float, expected: str) -> None:
    assert ex.fit_strategy(wait, supply, assembly) == expected


def test_fit_strategy_checks_inputs() -> None:
    with pytest.raises(ValueError, match="customer_wait_days"):
        ex.fit_strategy(-1, 3, 1)
    with pytest.raises(TypeError, match="supply_days"):
        ex.fit_strategy(1, "3", 1)  # type: ignore[arg-type]


def test_business_checks_its_fields() -> None:
    with pytest.raises(ValueError, match="name"):
        ex.Business("", 1, 1, 1, "few", "why")
    with pytest.raises(ValueError, match="supply_days"):
        ex.Business("bikes", 1, -1, 1, "few", "why")


def test_business_table_gives_the_textbook_answers() -> None:
    table = ex.business_table()
    assert list(table.index) == [b.name for b in ex.BUSINESSES]
    assert table.loc["bakery bread", "strategy"] == "MTS"
    assert table.loc["bottled water", "strategy"] == "MTS"
    assert table.loc["jet engines", "strategy"] == "MTO"
    assert table.loc["custom furniture", "strategy"] == "MTO"
    assert table.loc["PCs configured online", "strategy"] == "ATO"
    assert table.loc["cars with options", "strategy"] == "ATO"
