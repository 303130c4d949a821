"""Components, products, catalogs: input checks as edge-case tables, and closed forms."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from ato_lessons.catalog import Catalog, Component, Product, count_configurations
from ato_lessons.instances import load_instance, pc_maker_components

GOOD = {
    "name": "CPU-5",
    "category": "processor",
    "unit_cost": 200.0,
    "supplier": "ChipCo",
    "lead_time": 28,
    "assembly_time": 0.1,
}


def _component(**changes: object) -> Component:
    return Component(**{**GOOD, **changes})  # type: ignore[arg-type]


def _small_catalog() -> Catalog:
    a = Component("A", "a", 10.0, "S", 2, 0.5)
    b1 = Component("B1", "b", 5.0, "S", 4, 0.25)
    b2 = Component("B2", "b", 8.0, "T", 7, 0.25)
    return Catalog.from_options([a, b1, b2])


# ------------------------------------------------------------------------------------
# Component
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("name", "", ValueError),  # empty name
        ("name", "   ", ValueError),  # blank name
        ("name", 3, TypeError),  # not a string
        ("name", None, TypeError),  # missing name
        ("category", "", ValueError),  # empty category
        ("category", 1.5, TypeError),  # category not a string
        ("supplier", "", ValueError),  # empty supplier
        ("unit_cost", 0.0, ValueError),  # a free component is a typo: cost must be > 0
        ("unit_cost", -1.0, ValueError),  # negative cost
        ("unit_cost", float("nan"), ValueError),  # NaN cost
        ("unit_cost", float("inf"), ValueError),  # infinite cost
        ("unit_cost", "200", TypeError),  # number as a string
        ("unit_cost", True, TypeError),  # bool is not a cost
        ("lead_time", -1, ValueError),  # negative lead time
        ("lead_time", 2.5, TypeError),  # fractional days
        ("lead_time", 2.0, TypeError),  # whole float refused too
        ("lead_time", False, TypeError),  # bool is not a number of days
        ("lead_time", None, TypeError),  # missing
        ("assembly_time", -0.5, ValueError),  # negative hours
        ("assembly_time", float("nan"), ValueError),  # NaN hours
        ("assembly_time", "1", TypeError),  # hours as a string
    ],
)
def test_component_rejects(field: str, value: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=rf"^{field}\(={re.escape(repr(value))}\)"):
        _component(**{field: value})


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("unit_cost", 7, 7.0),  # an int cost becomes a float
        ("unit_cost", np.float64(2.5), 2.5),  # numpy floats are fine
        ("lead_time", 0, 0),  # lead time 0 (on the shelf next door) is allowed
        ("lead_time", np.int64(3), 3),  # numpy ints are fine
        ("assembly_time", 0, 0.0),  # no assembly work
    ],
)
def test_component_accepts(field: str, value: object, stored: object) -> None:
    c = _component(**{field: value})
    got = getattr(c, field)
    assert got == stored
    assert type(got) is type(stored)


def test_component_is_frozen() -> None:
    c = _component()
    with pytest.raises(AttributeError):
        c.lead_time = 3  # type: ignore[misc]


# ------------------------------------------------------------------------------------
# Product
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("bom", "error", "pattern"),
    [
        ({}, ValueError, r"bom\(=\{\}\) of product 'P' must not be empty"),  # empty BOM
        ({"A": 0}, ValueError, r"bom\['A'\]\(=0\) must be >= 1"),  # zero units
        ({"A": -2}, ValueError, r"bom\['A'\]\(=-2\) must be >= 1"),  # negative units
        ({"A": 1.5}, TypeError, r"bom\['A'\]\(=1.5\)"),  # fractional units
        ({"A": 1.0}, TypeError, r"bom\['A'\]\(=1.0\)"),  # float units
        ({"A": True}, TypeError, r"bom\['A'\]\(=True\)"),  # bool units
        ({"": 1}, ValueError, r"bom component name\(=''\)"),  # empty component name
        ({3: 1}, TypeError, r"bom component name\(=3\)"),  # component name not a string
        ([("A", 1)], TypeError, r"bom\(=\[\('A', 1\)\]\) must be a mapping"),  # list of pairs
        ("A", TypeError, r"bom\(='A'\) must be a mapping"),  # a bare name
    ],
)
def test_product_rejects_bad_bom(bom: object, error: type[Exception], pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        Product("P", bom)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["", "  ", None, 7])  # empty, blank, missing, not a string
def test_product_rejects_bad_name(name: object) -> None:
    with pytest.raises((ValueError, TypeError), match=rf"name\(={re.escape(repr(name))}\)"):
        Product(name, {"A": 1})  # type: ignore[arg-type]


def test_product_bom_is_read_only_copy() -> None:
    source = {"A": 1}
    p = Product("P", source)
    source["A"] = 5  # changing the caller's dict does not change the product
    assert p.bom["A"] == 1
    with pytest.raises(TypeError):
        p.bom["A"] = 2  # type: ignore[index]
    assert hash(p) == hash(Product("P", {"A": 1}))
    assert p == Product("P", {"A": 1})
    assert p != Product("P", {"A": 2})


# ------------------------------------------------------------------------------------
# Catalog
# ------------------------------------------------------------------------------------
A = Component("A", "a", 10.0, "S", 2)
B = Component("B", "b", 5.0, "S", 4)


@pytest.mark.parametrize(
    ("components", "products", "error", "pattern"),
    [
        ((), (Product("P", {"A": 1}),), ValueError, r"components\(=\(\)\) must not be empty"),
        ((A,), (), ValueError, r"products\(=\(\)\) must not be empty"),
        ((A, A), (Product("P", {"A": 1}),), ValueError, r"name 'A' appears twice"),  # dup comp
        ((A,), (Product("P", {"A": 1}), Product("P", {"A": 2})), ValueError,
         r"name 'P' appears twice"),  # duplicate product
        ((A,), (Product("P", {"Z": 1}),), ValueError,
         r"product 'P' names unknown component\(s\) \['Z'\]"),  # BOM names unknown component
        ((A,), (Product("P", {"A": 1, "B": 1}),), ValueError,
         r"unknown component\(s\) \['B'\]"),  # one known, one unknown
        ("AB", (Product("P", {"A": 1}),), TypeError, r"components\(='AB'\)"),  # a string
        (None, (Product("P", {"A": 1}),), TypeError, r"components\(=None\)"),  # missing
        ((A, "B"), (Product("P", {"A": 1}),), TypeError,
         r"components item \(='B'\) must be a Component"),  # wrong item type
        ((A,), ({"A": 1},), TypeError, r"products item .* must be a Product"),  # dict, not Product
    ],
)
def test_catalog_rejects(
    components: object, products: object, error: type[Exception], pattern: str
) -> None:
    with pytest.raises(error, match=pattern):
        Catalog(components, products)  # type: ignore[arg-type]


def test_catalog_accepts_lists_and_stores_tuples() -> None:
    cat = Catalog([A, B], [Product("P", {"A": 1, "B": 2})])  # type: ignore[arg-type]
    assert isinstance(cat.components, tuple)
    assert isinstance(cat.products, tuple)


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda c: c.component("Z"), r"component\(='Z'\) is not in the catalog"),  # unknown
        (lambda c: c.component(["A"]), r"component\(=\['A'\]\)"),  # unhashable name
        (lambda c: c.product("Z"), r"product\(='Z'\) is not in the catalog"),  # unknown product
        (lambda c: c.product(None), r"product\(=None\)"),  # no name
        (lambda c: c.material_cost("Z"), r"product\(='Z'\)"),  # unknown via cost
        (lambda c: c.supply_lead_time("Z"), r"product\(='Z'\)"),  # unknown via lead time
        (lambda c: c.options("z"), r"category\(='z'\) is not one of \['a', 'b'\]"),  # category
        (lambda c: c.product_cost("A/B1", -1.0), r"labour_rate\(=-1.0\) must be >= 0"),
        (lambda c: c.product_cost("A/B1", float("nan")), r"labour_rate\(=nan\)"),
    ],
)
def test_catalog_lookups_reject(call: object, pattern: str) -> None:
    with pytest.raises(ValueError, match=pattern):
        call(_small_catalog())  # type: ignore[operator]


def test_from_options_builds_every_configuration_by_popularity() -> None:
    cat = _small_catalog()
    # 1 option for "a" x 2 options for "b"; the first option of each category is most popular.
    assert cat.product_names == ("A/B1", "A/B2")
    assert cat.categories == ("a", "b")
    assert [c.name for c in cat.options("b")] == ["B1", "B2"]
    assert cat.has_product("A/B2") and not cat.has_product("A/B3") and not cat.has_product(3)
    # Hand-computed figures for A/B2: 10 + 8 = 18 €, 0.5 + 0.25 h, slowest part 7 days.
    assert cat.material_cost("A/B2") == 18.0
    assert cat.assembly_hours("A/B2") == 0.75
    assert cat.product_cost("A/B2", labour_rate=40.0) == 18.0 + 30.0
    assert cat.supply_lead_time("A/B1") == 4
    assert cat.supply_lead_time("A/B2") == 7
    frame = cat.to_frame()
    assert list(frame.index) == ["A", "B1", "B2"]
    assert frame.loc["B2", "lead time (days)"] == 7


def test_from_options_rank_order_is_sum_of_ranks() -> None:
    x = [Component(f"X{i}", "x", 1.0, "S", 1) for i in range(3)]
    y = [Component(f"Y{i}", "y", 1.0, "S", 1) for i in range(2)]
    cat = Catalog.from_options(x + y)
    ranks = [int(n.split("/")[0][1:]) + int(n.split("/")[1][1:]) for n in cat.product_names]
    assert ranks == sorted(ranks)
    assert cat.product_names[0] == "X0/Y0"
    assert cat.product_names[-1] == "X2/Y1"


@pytest.mark.parametrize(
    ("components", "error", "pattern"),
    [
        ([], ValueError, r"components\(=\(\)\) must not be empty"),  # nothing to choose from
        ([A, "B"], TypeError, r"components item \(='B'\) must be a Component"),  # wrong item
    ],
)
def test_from_options_rejects(components: list[object], error: type[Exception],
                              pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        Catalog.from_options(components)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------
# count_configurations: closed form
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"motherboard": 3, "processor": 4}, 12),  # the docstring's example
        ([1, 3, 4, 4, 3, 2], 288),  # the PC maker
        ([5], 5),  # a single category
        ((1, 1, 1), 1),  # no choice at all
    ],
)
def test_count_configurations(options: object, expected: int) -> None:
    assert count_configurations(options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "error", "pattern"),
    [
        ([], ValueError, r"options_per_category\(=\[\]\)"),  # no category
        ({}, ValueError, r"options_per_category\(=\[\]\)"),  # no category (mapping)
        ([3, 0], ValueError, r"options_per_category\[1\]\(=0\) must be >= 1"),  # empty category
        ([3, -2], ValueError, r"options_per_category\[1\]\(=-2\)"),  # negative count
        ([2.5], TypeError, r"options_per_category\[0\]\(=2.5\)"),  # fractional count
        ({"cpu": "4"}, TypeError, r"options_per_category\[0\]\(='4'\)"),  # count as a string
        (12, TypeError, r"options_per_category\(=12\)"),  # the product itself, not a list
    ],
)
def test_count_configurations_rejects(options: object, error: type[Exception],
                                      pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        count_configurations(options)  # type: ignore[arg-type]


def test_pc_maker_has_288_configurations_as_product_of_options() -> None:
    pc = load_instance("pc_maker")
    per_category = {cat: len(pc.catalog.options(cat)) for cat in pc.catalog.categories}
    assert per_category == {
        "case": 1, "motherboard": 3, "processor": 4, "graphics card": 4, "monitor": 3,
        "keyboard": 2,
    }
    assert pc.catalog.n_configurations == math.prod(per_category.values()) == 288
    assert count_configurations(per_category) == 288
    # Every product takes exactly one option per category.
    for p in pc.catalog.products[:: 17]:
        cats = [pc.catalog.component(c).category for c in p.bom]
        assert sorted(cats) == sorted(pc.catalog.categories)
        assert all(q == 1 for q in p.bom.values())
    assert len(set(pc.catalog.product_names)) == 288
    assert len(pc_maker_components()) == 17


# ------------------------------------------------------------------------------------
# with_lead_times: the one way to change lead times
# ------------------------------------------------------------------------------------
def test_with_lead_times_changes_only_the_named_parts() -> None:
    cat = load_instance("pc_maker").catalog
    new = cat.with_lead_times({"CPU-9": 7})
    assert new.component("CPU-9").lead_time == 7
    assert cat.component("CPU-9").lead_time == 35  # the original is untouched
    for before, after in zip(cat.components, new.components, strict=True):
        if before.name != "CPU-9":
            assert before == after
    assert new.product_names == cat.product_names


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"A": 2, "B1": 4, "B2": 7}),  # nothing asked: the same lead times
        ({"scale": 2.0}, {"A": 4, "B1": 8, "B2": 14}),  # a slower world
        ({"scale": 0.5}, {"A": 1, "B1": 2, "B2": 4}),  # 3.5 rounds to the even 4
        ({"suppliers": {"S": 9}}, {"A": 9, "B1": 9, "B2": 7}),  # every part of supplier S
        ({"suppliers": {"S": 9, "T": 1}}, {"A": 9, "B1": 9, "B2": 1}),  # two suppliers
        ({"suppliers": {"S": 9}, "scale": 2.0}, {"A": 9, "B1": 9, "B2": 14}),  # others scaled
        ({"lead_times": {"A": 0}, "suppliers": {"S": 9}}, {"A": 0, "B1": 9, "B2": 7}),  # part wins
        ({"lead_times": {"B2": 3}, "scale": 3.0}, {"A": 6, "B1": 12, "B2": 3}),  # named, not scaled
    ],
)
def test_with_lead_times_table(kwargs: dict[str, object], expected: dict[str, int]) -> None:
    new = _small_catalog().with_lead_times(**kwargs)  # type: ignore[arg-type]
    assert {c.name: c.lead_time for c in new.components} == expected


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        ({"lead_times": {"Z": 3}}, ValueError, r"component\(='Z'\)"),  # unknown part
        ({"lead_times": {"A": -1}}, ValueError, r"lead_times\['A'\]"),  # negative days
        ({"lead_times": {"A": 2.5}}, TypeError, r"lead_times\['A'\]"),  # fractional days
        ({"lead_times": [("A", 3)]}, TypeError, "lead_times"),  # not a mapping
        ({"suppliers": {"Nobody": 3}}, ValueError, r"suppliers\['Nobody'\].*known: \['S', 'T'\]"),
        ({"suppliers": {"S": -2}}, ValueError, r"suppliers\['S'\]"),  # negative days
        ({"suppliers": {"S": 2.5}}, TypeError, r"suppliers\['S'\]"),  # fractional days
        ({"suppliers": {3: 2}}, TypeError, "suppliers key"),  # a supplier is a name
        ({"suppliers": ["S"]}, TypeError, "suppliers"),  # not a mapping
        ({"scale": 0.0}, ValueError, "scale"),  # a world without delays
        ({"scale": "2"}, TypeError, "scale"),  # number as a string
    ],
)
def test_with_lead_times_rejects(kwargs: dict[str, object], error: type[Exception],
                                 pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        _small_catalog().with_lead_times(**kwargs)  # type: ignore[arg-type]
