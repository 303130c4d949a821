"""The named instances and the Scenario helper."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ato_lessons.course import DEFAULT_SEED
from ato_lessons.demand import DemandModel, generate_orders
from ato_lessons.factory import Factory, simulate
from ato_lessons.instances import Scenario, list_instances, load_instance
from ato_lessons.lab import LAB_DESCRIPTIONS, LabSystem, load_lab_system
from ato_lessons.metrics import METRICS

FACTORY_NAMES = ["pc_maker", "pooling", "two_products"]
LAB_NAMES = ["lab_hong_nelson", "lab_pc_maker", "lab_pc_tiny"]


def test_registry_lists_both_models() -> None:
    table = list_instances()
    assert list(table.index) == sorted(FACTORY_NAMES + LAB_NAMES)
    assert table.index.name == "name" and list(table.columns) == ["model", "description"]
    assert set(table.loc[FACTORY_NAMES, "model"]) == {"factory"}
    assert set(table.loc[LAB_NAMES, "model"]) == {"lab"}
    for name, description in table["description"].items():
        # one line, short enough to show whole (pandas cuts cells at 50 characters)
        assert description and "\n" not in description and len(description) <= 50, name
    # the lab's names say they are the lab's: no name is shared with the factory model
    assert all(n.startswith("lab_") for n in LAB_NAMES)
    assert not any(n.startswith("lab_") for n in FACTORY_NAMES)


@pytest.mark.parametrize("name", FACTORY_NAMES)
def test_factory_instances_are_scenarios(name: str) -> None:
    sc = load_instance(name)
    assert isinstance(sc, Scenario) and sc.name == name and sc.description
    # Built fresh each time: equal, not the same object.
    assert load_instance(name) == sc and load_instance(name) is not sc


@pytest.mark.parametrize("name", LAB_NAMES)
def test_lab_instances_are_lab_systems(name: str) -> None:
    system = load_instance(name)
    assert isinstance(system, LabSystem) and system.name == name
    assert system == load_lab_system(name)  # the same data through either door
    assert system.source  # every shipped file says where its data come from
    assert list_instances().loc[name, "description"] == LAB_DESCRIPTIONS[name]


def test_same_word_two_models_are_told_apart() -> None:
    # "pc_maker" is the factory (17 parts, days); the lab's PC maker is "lab_pc_maker".
    factory = load_instance("pc_maker")
    lab = load_instance("lab_pc_maker")
    assert isinstance(factory, Scenario) and len(factory.catalog.components) == 17
    assert isinstance(lab, LabSystem) and lab.n_components == 4


@pytest.mark.parametrize(
    ("name", "options", "error", "pattern"),
    [
        ("pc-maker", {}, ValueError, r"name\(='pc-maker'\) is not a known instance"),  # typo
        ("", {}, ValueError, r"name\(=''\) must not be empty"),  # empty
        (None, {}, TypeError, r"name\(=None\) must be a string"),  # missing: wrong type
        (3, {}, TypeError, r"name\(=3\) must be a string"),  # an index, not a name
        ("hong_nelson", {}, ValueError, r"'lab_hong_nelson'"),  # lab names take lab_
        ("pc_maker", {"n_products": 3}, TypeError,
         r"load_instance\('pc_maker'\) got unknown option\(s\) \['n_products'\]"),  # no options
        ("lab_pc_tiny", {"seed": 1}, TypeError,
         r"load_instance\('lab_pc_tiny'\) got unknown option\(s\) \['seed'\]"),  # lab: none
        ("pooling", {"n": 3}, TypeError, r"unknown option\(s\) \['n'\]"),  # misspelt option
        ("pooling", {"n_products": 0}, ValueError, r"n_products\(=0\) must be >= 1"),
        ("pooling", {"n_products": 2.0}, TypeError, r"n_products\(=2.0\)"),  # float count
    ],
)
def test_load_instance_rejects(name: object, options: dict[str, object],
                               error: type[Exception], pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        load_instance(name, **options)  # type: ignore[arg-type]


def test_pc_maker_figures() -> None:
    pc = load_instance("pc_maker")
    assert pc.catalog.n_configurations == 288
    assert len(pc.catalog.components) == 17
    assert pc.factory.assembly_capacity == 16.0 and pc.factory.assembly_days == 1
    assert pc.demand == DemandModel(orders_per_day=12.0, variability=0.2, concentration=1.0)
    assert pc.horizon == 365
    # Processors are the slowest parts: 28 days, 35 for the top model.
    assert {pc.catalog.supply_lead_time(p) for p in pc.catalog.product_names} == {28, 35}


@pytest.mark.parametrize("n", [1, 3, 26, 30])  # one product, the default, 26 letters, beyond
def test_pooling_instance(n: int) -> None:
    sc = load_instance("pooling", n_products=n)
    assert sc.catalog.n_configurations == n
    assert sc.catalog.component_names == ("Core",)
    assert all(dict(p.bom) == {"Core": 1} for p in sc.catalog.products)
    assert len(set(sc.catalog.product_names)) == n
    assert sc.demand.orders_per_day == 4.0 * n and sc.demand.concentration == 0.0
    assert load_instance("pooling").catalog.n_configurations == 3


def test_two_products_instance() -> None:
    sc = load_instance("two_products")
    assert sc.catalog.product_names == ("Board/Screen", "Board/Screen-HD")
    assert sc.horizon == 60
    assert sc.factory.assembly_capacity == math.inf


@pytest.mark.parametrize(
    ("field", "value", "error", "pattern"),
    [
        ("name", "", ValueError, r"name\(=''\)"),  # empty name
        ("factory", "f", TypeError, r"factory\(='f'\) must be a Factory"),  # not a factory
        ("demand", 12.0, TypeError, r"demand\(=12.0\) must be a DemandModel"),  # a bare rate
        ("horizon", 0, ValueError, r"horizon\(=0\) must be >= 1"),  # empty horizon
        ("horizon", 36.5, TypeError, r"horizon\(=36.5\)"),  # fractional horizon
    ],
)
def test_scenario_rejects(field: str, value: object, error: type[Exception],
                          pattern: str) -> None:
    two = load_instance("two_products")
    args = {"name": "x", "description": "d", "factory": two.factory, "demand": two.demand,
            "horizon": 10, field: value}
    with pytest.raises(error, match=pattern):
        Scenario(**args)  # type: ignore[arg-type]


def test_scenario_orders_use_class_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    two = load_instance("two_products")
    monkeypatch.delenv("ATO_CLASS_SEED", raising=False)
    default = two.orders()
    expected = generate_orders(two.catalog, two.demand, 60, DEFAULT_SEED)
    pd.testing.assert_frame_equal(default, expected)
    monkeypatch.setenv("ATO_CLASS_SEED", "7")
    pd.testing.assert_frame_equal(two.orders(),
                                  generate_orders(two.catalog, two.demand, 60, 7))
    pd.testing.assert_frame_equal(two.orders(seed=DEFAULT_SEED), default)
    short = two.orders(horizon=5, seed=1, demand=two.demand.with_(orders_per_day=50.0))
    assert short["day"].max() <= 4 and len(short) > 100


def test_scenario_run_and_compare_defaults() -> None:
    two = load_instance("two_products")
    orders = two.orders(seed=3)
    r = two.run("ATO", orders)
    assert r.horizon == 60
    assert r.targets == two.targets("ATO")
    direct = simulate(two.factory, orders, "ATO", two.targets("ATO"), horizon=60)
    pd.testing.assert_frame_equal(r.orders, direct.orders)
    longer = two.run("MTO", orders, horizon=90)
    assert longer.horizon == 90
    top1 = two.run("MTS", orders, offer=1)
    assert list(top1.targets) == ["Board/Screen"]
    lost = two.run("ATO", orders, backorder=False)
    assert (lost.orders["status"] == "lost").any()
    table = two.compare(orders)
    assert list(table.columns) == ["MTS", "MTO", "ATO"]
    assert list(table.index) == list(METRICS)
    # compare passes offer to MTS only.
    assert two.compare(orders, offer=1).loc["configurations offered", "MTS"] == 1


def test_scenario_with_() -> None:
    two = load_instance("two_products")
    slow = two.with_(factory=two.factory.with_(assembly_capacity=1.0), horizon=30)
    assert slow.factory.assembly_capacity == 1.0 and slow.horizon == 30
    assert slow.demand == two.demand and slow.name == two.name
    assert two.factory.assembly_capacity == math.inf  # the original is unchanged
    busy = two.with_(demand=two.demand.with_(orders_per_day=9.0))
    assert busy.demand.orders_per_day == 9.0
    with pytest.raises(TypeError, match=r"factory\(="):
        two.with_(factory=two.catalog)  # type: ignore[arg-type]
    assert isinstance(two.with_().factory, Factory)
