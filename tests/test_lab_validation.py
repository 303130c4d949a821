"""The lab and the core check their inputs the same way: same mistake, same exception type.

Both validate through :mod:`ato_lessons.validation`: a value of the wrong kind is a
``TypeError``, a value of the right kind that is out of range (or an empty name) a
``ValueError``, and the message names the parameter and the value.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

from ato_lessons.catalog import Component
from ato_lessons.demand import DemandModel, generate_orders
from ato_lessons.factory import Factory, simulate
from ato_lessons.instances import load_instance
from ato_lessons.lab import (
    LabComponent,
    LabProduct,
    LabSystem,
    coordinate_search,
    load_lab_system,
    simulate_lab,
    t_quantile_975,
    validate_levels,
)

TWO = load_instance("two_products")
TINY = load_lab_system("lab_pc_tiny")


def core_component(**changes: Any) -> Component:
    fields: dict[str, Any] = {"name": "Board", "category": "board", "unit_cost": 100.0,
                              "supplier": "BoardCo", "lead_time": 5}
    return Component(**{**fields, **changes})


def lab_component(**changes: Any) -> LabComponent:
    fields: dict[str, Any] = {"name": "board", "profit": 5.0, "holding_cost": 1.0,
                              "production_mean": 1.0, "production_sd": 0.1, "base_stock": 2}
    return LabComponent(**{**fields, **changes})


def core_run(**changes: Any) -> object:
    orders = TWO.orders(horizon=5, seed=1)
    return simulate(TWO.factory, orders, "MTO", **changes)


# (mistake, core call, lab call, exception both must raise, fragment both messages contain)
SAME_MISTAKE: list[tuple[str, Callable[[], object], Callable[[], object], type[Exception],
                         str]] = [
    ("empty name", lambda: core_component(name=""), lambda: lab_component(name=""),
     ValueError, "(='')"),
    ("blank name", lambda: core_component(name="  "), lambda: lab_component(name="  "),
     ValueError, "(='  ')"),
    ("name not a string", lambda: core_component(name=7), lambda: lab_component(name=7),
     TypeError, "(=7)"),
    ("number given as text", lambda: core_component(unit_cost="100"),
     lambda: lab_component(profit="5"), TypeError, "must be a number"),
    ("negative amount", lambda: core_component(assembly_time=-1.0),
     lambda: lab_component(holding_cost=-1.0), ValueError, "(=-1.0) must be >= 0"),
    ("NaN amount", lambda: core_component(assembly_time=math.nan),
     lambda: lab_component(production_mean=math.nan), ValueError, "(=nan)"),
    ("infinite amount", lambda: core_component(unit_cost=math.inf),
     lambda: lab_component(profit=math.inf), ValueError, "(=inf) must be finite"),
    ("bool as amount", lambda: core_component(unit_cost=True),
     lambda: lab_component(profit=True), TypeError, "(=True)"),
    ("fractional count", lambda: core_component(lead_time=2.5),
     lambda: lab_component(base_stock=2.5), TypeError, "(=2.5) must be a whole number"),
    ("whole float as count", lambda: core_component(lead_time=2.0),
     lambda: lab_component(base_stock=2.0), TypeError, "(=2.0)"),
    ("bool as count", lambda: core_component(lead_time=True),
     lambda: lab_component(base_stock=False), TypeError, "must be a whole number"),
    ("negative count", lambda: core_component(lead_time=-1),
     lambda: lab_component(base_stock=-1), ValueError, "(=-1) must be >= 0"),
    ("zero rate", lambda: DemandModel(orders_per_day=0.0),
     lambda: LabProduct("pc", 0.0, ("board",)), ValueError, "(=0.0) must be > 0"),
    ("negative seed", lambda: generate_orders(TWO.catalog, TWO.demand, 5, -1),
     lambda: simulate_lab(TINY, seed=-1), ValueError, "seed(=-1)"),
    ("float seed", lambda: generate_orders(TWO.catalog, TWO.demand, 5, 1.5),  # type: ignore[arg-type]
     lambda: simulate_lab(TINY, seed=1.5), TypeError, "seed(=1.5)"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(
    ("core", "lab", "error", "fragment"),
    [pytest.param(c, lab, e, f, id=m) for m, c, lab, e, f in SAME_MISTAKE],
)
def test_same_mistake_same_exception_in_core_and_lab(
    core: Callable[[], object], lab: Callable[[], object], error: type[Exception],
    fragment: str,
) -> None:
    for call in (core, lab):
        with pytest.raises(error) as info:
            call()
        assert type(info.value) is error  # not a subclass that happens to match
        assert fragment in str(info.value)


# The lab's own entry points: every row is one mistake and the exception it must raise.
LAB_ERRORS: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    ("product name empty", lambda: LabProduct("", 1.0, ("board",)), ValueError,
     "product name(='')"),
    ("key entry empty", lambda: LabProduct("pc", 1.0, ("board", "")), ValueError,
     "product 'pc': key[1](='')"),
    ("key entry not a name", lambda: LabProduct("pc", 1.0, ("board", 3)), TypeError,  # type: ignore[arg-type]
     "product 'pc': key[1](=3)"),
    ("key given as one string", lambda: LabProduct("pc", 1.0, "board"), TypeError,  # type: ignore[arg-type]
     "key(='board') must be a list of component names"),
    ("components not a list", lambda: LabSystem("x", 3, (), 5.0), TypeError,  # type: ignore[arg-type]
     "components(=3) must be a list of LabComponents"),
    ("products as dicts", lambda: LabSystem("x", TINY.components, ({"name": "pc"},), 5.0),  # type: ignore[arg-type]
     TypeError, "products[0](={'name': 'pc'}) must be a LabProduct"),
    ("levels not a list", lambda: validate_levels(TINY, 3), TypeError, "levels(=3)"),
    ("level fractional", lambda: validate_levels(TINY, [1, 0.5]), TypeError, "levels[1](=0.5)"),
    ("level by name negative", lambda: validate_levels(TINY, {"monitor": -2}), ValueError,
     "levels['monitor'](=-2)"),
    ("levels for a dict, not a system", lambda: validate_levels({"name": "x"}, None),  # type: ignore[arg-type]
     TypeError, "must be a LabSystem"),
    ("n_reps zero", lambda: simulate_lab(TINY, n_reps=0), ValueError, "n_reps(=0) must be >= 1"),
    ("n_reps too many", lambda: simulate_lab(TINY, n_reps=10**6), ValueError,
     "n_reps(=1000000) must be <= 100000"),
    ("n_reps float", lambda: simulate_lab(TINY, n_reps=10.0), TypeError, "n_reps(=10.0)"),  # type: ignore[arg-type]
    ("engine unknown", lambda: simulate_lab(TINY, engine="slow"), ValueError,  # type: ignore[arg-type]
     "engine(='slow') must be one of ['fast', 'reference']"),
    ("system of the other model", lambda: simulate_lab(TWO), TypeError,  # type: ignore[arg-type]
     "must be a LabSystem"),
    ("search max_level negative", lambda: coordinate_search(TINY, max_level=-1), ValueError,
     "max_level(=-1)"),
    ("search n_reps zero", lambda: coordinate_search(TINY, n_reps=0), ValueError,
     "n_reps(=0)"),
    ("search on a factory", lambda: coordinate_search(TWO), TypeError,  # type: ignore[arg-type]
     "must be a LabSystem"),
    ("t quantile of bool", lambda: t_quantile_975(True), TypeError, "df(=True)"),
    ("t quantile of 0", lambda: t_quantile_975(0), ValueError, "df(=0) must be >= 1"),
]


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [pytest.param(c, e, f, id=m) for m, c, e, f in LAB_ERRORS],
)
def test_lab_error_types(call: Callable[[], object], error: type[Exception],
                         fragment: str) -> None:
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error
    assert fragment in str(info.value)


def test_a_huge_value_is_shortened_in_the_message() -> None:
    levels = list(range(5000))  # a long list: its repr alone is 25 kB
    with pytest.raises(ValueError) as info:
        validate_levels(TINY, levels)
    assert len(str(info.value)) < 200 and "..." in str(info.value)


def test_factory_checks_still_name_the_parameter() -> None:
    # the same helpers, from the core side (message kept since version 1.0)
    with pytest.raises(TypeError, match=r"replenish\(=1\) must be True or False"):
        core_run(replenish=1)
    with pytest.raises(TypeError, match=r"catalog\(="):
        Factory(catalog="pc")  # type: ignore[arg-type]
