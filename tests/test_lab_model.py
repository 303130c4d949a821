"""ATO lab: descriptions, validation, named instances and hand-checked runs."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ato_lessons.lab import (
    LAB_SYSTEMS,
    LabInputs,
    LabSystem,
    lab_system_from_dict,
    load_lab_system,
    read_lab_system,
    simulate_fast,
    simulate_lab,
    simulate_reference,
    t_quantile_975,
    validate_levels,
)

ENGINES = [simulate_fast, simulate_reference]


def tiny(**changes: Any) -> dict[str, Any]:
    """A valid one-component description; ``changes`` override top-level fields."""
    data: dict[str, Any] = {
        "name": "tiny",
        "run_length": 5,
        "warm_up": 0,
        "components": [
            {
                "name": "board",
                "profit": 5,
                "holding_cost": 1,
                "production_mean": 2.0,
                "production_sd": 0.0,
                "base_stock": 1,
            }
        ],
        "products": [{"name": "pc", "rate": 1.0, "key": ["board"], "optional": []}],
    }
    data.update(changes)
    return data


def with_component(**fields: Any) -> dict[str, Any]:
    data = tiny()
    data["components"][0].update(fields)
    return data


def with_product(**fields: Any) -> dict[str, Any]:
    data = tiny()
    data["products"][0].update(fields)
    return data


# ------------------------------------------------------------------ bad input
BAD = [
    # (description, exception, fragments the message must contain)
    (with_product(key=["board", "gpu"]), ValueError, ["key component", "'gpu'"]),  # unknown
    (with_product(optional=["ram"]), ValueError, ["optional component", "'ram'"]),  # unknown
    (with_product(rate=-1.0), ValueError, ["rate", "-1.0"]),  # negative rate
    (with_product(rate=float("nan")), ValueError, ["rate", "nan"]),  # NaN rate
    (with_product(rate=0), ValueError, ["rate", "0"]),  # zero rate: never ordered
    (with_component(production_mean=-0.5), ValueError, ["production_mean", "-0.5"]),
    (with_component(production_mean=float("nan")), ValueError, ["production_mean", "nan"]),
    (with_component(production_sd=-0.1), ValueError, ["production_sd", "-0.1"]),  # sd < 0
    (with_component(holding_cost=float("inf")), ValueError, ["holding_cost", "inf"]),
    (with_component(profit="5"), TypeError, ["profit", "'5'"]),  # a string, not a number
    (with_component(base_stock=2.5), TypeError, ["base_stock", "2.5"]),  # not an integer
    (with_component(base_stock=-1), ValueError, ["base_stock", "-1"]),  # negative
    (with_component(base_stock=True), TypeError, ["base_stock", "True"]),  # bool is no level
    (tiny(warm_up=5), ValueError, ["warm_up", "5", "run_length"]),  # warm-up = run length
    (tiny(warm_up=7), ValueError, ["warm_up", "7"]),  # warm-up > run length
    (tiny(run_length=float("nan")), ValueError, ["run_length", "nan"]),
    (with_product(key=[]), ValueError, ["key", "at least one"]),  # no key component
    (with_product(key="board"), TypeError, ["key", "'board'"]),  # a string, not a list
    (with_product(key=["board"], optional=["board"]), ValueError, ["optional", "board"]),
    (tiny(components=[]), ValueError, ["components"]),
    (tiny(products="pc"), TypeError, ["products", "'pc'"]),
]


@pytest.mark.parametrize(("data", "error", "fragments"), BAD)
def test_bad_descriptions_name_the_field_and_the_value(
    data: dict[str, Any], error: type[Exception], fragments: list[str]
) -> None:
    with pytest.raises(error) as info:
        lab_system_from_dict(data)
    for fragment in fragments:
        assert fragment in str(info.value)


def test_missing_field_is_named() -> None:
    data = tiny()
    del data["components"][0]["production_sd"]
    with pytest.raises(ValueError, match=r"components\[0\].*production_sd"):
        lab_system_from_dict(data)


def test_duplicate_component_names_are_refused() -> None:
    data = tiny()
    data["components"].append(copy.deepcopy(data["components"][0]))
    with pytest.raises(ValueError, match="unique"):
        lab_system_from_dict(data)


def test_valid_description_round_trips_through_json_and_toml(tmp_path: Path) -> None:
    system = lab_system_from_dict(tiny())
    as_json = tmp_path / "s.json"
    as_json.write_text(json.dumps(system.to_dict()), encoding="utf-8")
    assert read_lab_system(as_json) == system
    as_toml = tmp_path / "s.toml"
    as_toml.write_text(
        'name = "tiny"\nrun_length = 5\nwarm_up = 0\n'
        '[[components]]\nname = "board"\nprofit = 5\nholding_cost = 1\n'
        "production_mean = 2.0\nproduction_sd = 0.0\nbase_stock = 1\n"
        '[[products]]\nname = "pc"\nrate = 1.0\nkey = ["board"]\n',
        encoding="utf-8",
    )
    assert read_lab_system(as_toml) == system
    with pytest.raises(ValueError, match="json or .toml"):
        read_lab_system(tmp_path / "s.yaml")


# ------------------------------------------------------------- unknown keys
UNKNOWN_KEYS = [
    # (where the stray key goes, the key, the location the message must name)
    ("top", "warmup", "description: unknown key 'warmup' (did you mean 'warm_up'?)"),
    ("top", "seed", "description: unknown key 'seed'"),  # a key the format does not have
    ("component", "base_stok", "components[0]: unknown key 'base_stok' (did you mean "
     "'base_stock'?)"),  # the typo that silently gave a level of 0
    ("component", "Profit", "components[0]: unknown key 'Profit'"),  # keys are case-sensitive
    ("product", "optionnal", "products[0]: unknown key 'optionnal' (did you mean "
     "'optional'?)"),
    ("product", "lead_time", "products[0]: unknown key 'lead_time'"),  # the other model's field
]


@pytest.mark.parametrize(("level", "key", "message"), UNKNOWN_KEYS)
def test_unknown_keys_are_refused_where_they_are(level: str, key: str, message: str) -> None:
    data = tiny()
    target = {"top": data, "component": data["components"][0],
              "product": data["products"][0]}[level]
    target[key] = 5
    with pytest.raises(ValueError) as info:
        lab_system_from_dict(data)
    text = str(info.value)
    assert text.startswith(message)
    # the message lists the keys that are allowed there
    known = {"top": "run_length", "component": "production_sd", "product": "rate"}[level]
    assert "; known: " in text and known in text.split("; known: ")[1]


def test_unknown_key_in_second_entry_names_its_index() -> None:
    data = tiny()
    data["components"].append({**data["components"][0], "name": "screen", "base_stok": 1})
    with pytest.raises(ValueError, match=r"^components\[1\]: unknown key 'base_stok'"):
        lab_system_from_dict(data)


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_files_with_unknown_keys_are_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"typo{suffix}"
    if suffix == ".json":
        data = tiny()
        data["components"][0]["base_stok"] = 5
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_text(
            'name = "tiny"\nrun_length = 5\n'
            '[[components]]\nname = "board"\nprofit = 5\nholding_cost = 1\n'
            "production_mean = 2.0\nproduction_sd = 0.0\nbase_stok = 5\n"
            '[[products]]\nname = "pc"\nrate = 1.0\nkey = ["board"]\n',
            encoding="utf-8",
        )
    with pytest.raises(ValueError, match=r"components\[0\]: unknown key 'base_stok'"):
        read_lab_system(path)


@pytest.mark.parametrize(
    ("text", "suffix"), [("{not json", ".json"), ("name = ", ".toml")]  # syntax errors
)
def test_file_syntax_errors_name_the_file(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"broken{suffix}.* is not valid {suffix[1:].upper()}"):
        read_lab_system(path)


def test_read_lab_system_rejects_a_non_path() -> None:
    with pytest.raises(TypeError, match=r"path\(=3\) must be a str or a pathlib.Path"):
        read_lab_system(3)  # type: ignore[arg-type]


# ------------------------------------------------------------------- source
def test_source_is_kept_and_round_trips(tmp_path: Path) -> None:
    data = tiny(source="made up for a test")
    system = lab_system_from_dict(data)
    assert system.source == "made up for a test"
    assert system.to_dict()["source"] == "made up for a test"
    as_json = tmp_path / "s.json"
    as_json.write_text(json.dumps(system.to_dict()), encoding="utf-8")
    assert read_lab_system(as_json).source == "made up for a test"
    assert lab_system_from_dict(tiny()).source == ""  # optional, empty by default
    # the shipped files keep theirs
    assert "Hong & Nelson (2006)" in load_lab_system("lab_hong_nelson").source
    assert "running example" in load_lab_system("lab_pc_maker").source  # TOML file


@pytest.mark.parametrize(
    ("source", "error"), [(2006, TypeError), (None, TypeError), (["a"], TypeError)]
)
def test_source_must_be_text(source: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"source\(="):
        lab_system_from_dict(tiny(source=source))


# ---------------------------------------------------------- named instances
def test_named_instances() -> None:
    hn = load_lab_system("lab_hong_nelson")
    assert (hn.n_components, len(hn.products)) == (8, 5)
    assert math.isclose(hn.total_rate, 12.0)
    assert (hn.run_length, hn.warm_up) == (70.0, 20.0)
    key, optional = hn.matrices()
    assert key[:, 6:].sum() == 0  # components 7 and 8 are optional only
    assert optional[:, :6].sum() == 0
    pc = load_lab_system("lab_pc_tiny")
    assert pc.component_names == ("motherboard", "monitor")
    with pytest.raises(ValueError, match="'nope'"):
        load_lab_system("nope")
    assert load_lab_system() == hn  # the default is the benchmark
    assert LAB_SYSTEMS == ("lab_hong_nelson", "lab_pc_maker", "lab_pc_tiny")
    assert all(load_lab_system(name).name == name for name in LAB_SYSTEMS)


@pytest.mark.parametrize(
    ("old", "new"),
    [("hong_nelson", "lab_hong_nelson"), ("pc_maker", "lab_pc_maker"),
     ("pc_teaching", "lab_pc_tiny")],
)
def test_old_lab_names_still_load_with_a_deprecation_warning(old: str, new: str) -> None:
    with pytest.warns(DeprecationWarning, match=rf"load_lab_system\('{old}'\).*'{new}'"):
        system = load_lab_system(old)
    assert system == load_lab_system(new)


@pytest.mark.parametrize(
    ("name", "error"),
    [(None, TypeError), (8, TypeError), ("", ValueError), ("lab_hong", ValueError)],
)
def test_load_lab_system_rejects(name: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"name\(="):
        load_lab_system(name)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("levels", "error", "fragment"),
    [
        ([1, 2], ValueError, "one entry per component"),  # wrong length
        ([-1], ValueError, "levels[0](=-1)"),  # negative
        ([1.5], TypeError, "levels[0](=1.5)"),  # not an integer
        ("1", TypeError, "levels(='1')"),  # a string
        ({"gpu": 1}, ValueError, "gpu"),  # unknown component
    ],
)
def test_bad_levels(levels: object, error: type[Exception], fragment: str) -> None:
    system = lab_system_from_dict(tiny())
    with pytest.raises(error) as info:
        validate_levels(system, levels)
    assert fragment in str(info.value)


def test_levels_from_mapping_keep_described_defaults() -> None:
    system = load_lab_system("lab_pc_tiny")
    assert validate_levels(system, {"monitor": 4}) == (2, 4)
    assert validate_levels(system, None) == (2, 1)
    assert validate_levels(system, np.array([3, 0])) == (3, 0)


# ------------------------------------------------------- hand-checked runs
def inputs_for(times: list[float], types: list[int], production: list[list[float]]) -> LabInputs:
    """Inputs of one replication with the given arrivals and production times."""
    n = len(times)
    return LabInputs(
        n_orders=np.array([n], dtype=np.int64),
        arrival_times=np.array([times], dtype=float),
        product_types=np.array([types], dtype=np.int64),
        production_times=np.array([production], dtype=float),
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_single_component_by_hand(engine: Any) -> None:
    # level 1, production 2: sell at 1 (back at 3), lose at 2, sell at 4 (back at 6 > 5).
    # stock: 1 on [0,1), 0 on [1,3), 1 on [3,4), 0 on [4,5] -> holding 2; revenue 2 x 5.
    system = lab_system_from_dict(tiny())
    inputs = inputs_for([1.0, 2.0, 4.0], [0, 0, 0], [[2.0, 2.0, 2.0]])
    totals = engine(system, (1,), inputs)
    assert (totals.revenue[0], totals.holding_cost[0]) == (10.0, 2.0)
    assert (totals.orders[0], totals.orders_lost[0]) == (3, 1)


@pytest.mark.parametrize("engine", ENGINES)
def test_warm_up_is_not_counted(engine: Any) -> None:
    # same run, counted on (1.5, 5]: orders at 2 (lost) and 4 (sold); stock 1 on [3, 4).
    system = lab_system_from_dict(tiny(warm_up=1.5))
    inputs = inputs_for([1.0, 2.0, 4.0], [0, 0, 0], [[2.0, 2.0, 2.0]])
    totals = engine(system, (1,), inputs)
    assert (totals.revenue[0], totals.holding_cost[0]) == (5.0, 1.0)
    assert (totals.orders[0], totals.orders_lost[0]) == (2, 1)


@pytest.mark.parametrize("engine", ENGINES)
def test_machine_is_fcfs_one_unit_at_a_time(engine: Any) -> None:
    # level 2, production 2, run to 6. Sell at 1 (done 3) and 1.5 (queued: done 5),
    # lose at 2.5, sell at 3.2 (queued behind the unit due at 5: done 7).
    # stock: 2 on [0,1), 1 on [1,1.5), 0 to 3, 1 to 3.2, 0 to 5, 1 to 6 -> holding 3.7.
    system = lab_system_from_dict(tiny(run_length=6))
    inputs = inputs_for([1.0, 1.5, 2.5, 3.2], [0] * 4, [[2.0] * 4])
    totals = engine(system, (2,), inputs)
    assert totals.revenue[0] == 15.0
    assert math.isclose(totals.holding_cost[0], 3.7)
    assert (totals.orders[0], totals.orders_lost[0]) == (4, 1)


@pytest.mark.parametrize("engine", ENGINES)
def test_unit_finished_at_arrival_time_can_be_sold(engine: Any) -> None:
    # level 1, production 2: the unit used at 1 is back at exactly 3, when the next order comes.
    system = lab_system_from_dict(tiny())
    totals = engine(system, (1,), inputs_for([1.0, 3.0], [0, 0], [[2.0, 2.0]]))
    assert (totals.revenue[0], totals.orders_lost[0]) == (10.0, 0)


@pytest.mark.parametrize("engine", ENGINES)
def test_optional_component_sold_only_if_on_hand(engine: Any) -> None:
    # key board (profit 5, level 5) and optional monitor (profit 3, level 1, slow: 10).
    data = tiny(run_length=4)
    data["components"].append(
        {
            "name": "monitor",
            "profit": 3,
            "holding_cost": 0,
            "production_mean": 10.0,
            "production_sd": 0.0,
        }
    )
    data["products"][0]["optional"] = ["monitor"]
    system = lab_system_from_dict(data)
    production = [[2.0] * 3, [10.0] * 3]
    totals = engine(system, (5, 1), inputs_for([1.0, 2.0, 3.0], [0, 0, 0], production))
    assert totals.revenue[0] == 3 * 5 + 3  # the monitor goes with the first order only
    assert totals.orders_lost[0] == 0
    # a missing key component loses the whole order, the monitor stays on the shelf
    totals = engine(system, (0, 1), inputs_for([1.0, 2.0, 3.0], [0, 0, 0], production))
    assert (totals.revenue[0], totals.orders_lost[0]) == (0.0, 3)
    assert totals.holding_cost[0] == 0.0


# ------------------------------------------------------------ known answers
def test_all_levels_zero_give_profit_exactly_zero() -> None:
    system = load_lab_system("lab_hong_nelson")
    for engine in ("fast", "reference"):
        result = simulate_lab(system, [0] * 8, n_reps=20, seed=5, engine=engine)
        assert np.all(result.profit == 0.0)
        assert np.array_equal(result.orders_lost, result.orders)
        assert result.orders.sum() > 0


def test_huge_levels_lose_no_order_and_sell_everything() -> None:
    system = load_lab_system("lab_hong_nelson")
    result = simulate_lab(system, [2000] * 8, n_reps=30, seed=3)
    assert result.orders_lost.sum() == 0
    # every order sells all its key and optional components: revenue known from the demand
    key, optional = system.matrices()
    order_value = (key | optional) @ np.array([c.profit for c in system.components])
    expected_rate = sum(p.rate * v for p, v in zip(system.products, order_value, strict=True))
    assert abs(result.revenue.mean() - expected_rate) < 3 * result.revenue.std() / math.sqrt(30)


def test_profit_is_revenue_minus_holding_cost() -> None:
    result = simulate_lab(load_lab_system("lab_pc_tiny"), None, n_reps=50, seed=9)
    assert np.allclose(result.profit, result.revenue - result.holding_cost)
    assert result.summary().shape == (5, 3)
    assert list(result.to_frame().columns) == [
        "profit",
        "revenue",
        "holding_cost",
        "orders",
        "orders_lost",
    ]
    low, high = result.ci
    assert low < result.mean < high


@pytest.mark.parametrize(
    ("df", "expected"),
    [(1, 12.7062), (5, 2.5706), (11, 2.2010), (20, 2.0860), (60, 2.0003), (199, 1.9720)],
)
def test_t_quantile(df: int, expected: float) -> None:
    assert abs(t_quantile_975(df) - expected) < 2e-4


def test_simulate_lab_rejects_bad_arguments() -> None:
    system = load_lab_system("lab_pc_tiny")
    with pytest.raises(ValueError, match=r"n_reps\(=0\)"):
        simulate_lab(system, None, n_reps=0)
    with pytest.raises(ValueError, match=r"seed\(=-1\)"):
        simulate_lab(system, None, seed=-1)
    with pytest.raises(ValueError, match="engine"):
        simulate_lab(system, None, engine="slow")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="LabSystem"):
        simulate_lab(42, None)  # type: ignore[arg-type]


def test_system_is_hashable_and_frozen() -> None:
    system = load_lab_system("lab_pc_tiny")
    assert isinstance(hash(system), int)
    with pytest.raises(AttributeError):
        system.run_length = 3  # type: ignore[misc]
    assert isinstance(system, LabSystem)


def test_pc_maker_toml_instance_and_dict_description() -> None:
    pc = load_lab_system("lab_pc_maker")  # shipped as TOML
    assert pc.component_names == ("motherboard", "processor", "graphics card", "monitor")
    key, optional = pc.matrices()
    assert key[:, :2].all() and optional[:, 3].all()  # board and CPU key, monitor optional
    # simulate_lab also takes the plain-data description itself
    from_dict = simulate_lab(pc.to_dict(), None, n_reps=10, seed=1)
    from_system = simulate_lab(pc, None, n_reps=10, seed=1)
    assert np.array_equal(from_dict.profit, from_system.profit)
    assert from_system.mean > 0


def test_huge_levels_need_no_huge_memory() -> None:
    # a level far above the number of orders never runs out; the fast engine must not
    # allocate history for it (10**9 units of history would not fit in memory)
    system = load_lab_system("lab_pc_tiny")
    huge = simulate_lab(system, [10**9, 10**9], n_reps=3, seed=2)
    ref = simulate_lab(system, [10**9, 10**9], n_reps=3, seed=2, engine="reference")
    assert huge.orders_lost.sum() == 0
    assert np.allclose(huge.profit, ref.profit)
