"""The one validation module: each helper's accepted values and errors, row by row."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from ato_lessons.validation import (
    ORDER_COLUMNS,
    check_bool,
    check_choice,
    check_int,
    check_known_keys,
    check_mapping,
    check_name,
    check_orders_frame,
    check_real,
    check_sequence,
    check_text,
    short_repr,
)

REJECTED: list[tuple[Callable[[], object], type[Exception], str]] = [
    # check_int
    (lambda: check_int("n", 1.0), TypeError, "n(=1.0) must be a whole number"),  # whole float
    (lambda: check_int("n", True), TypeError, "n(=True)"),  # a bool is no count
    (lambda: check_int("n", "3"), TypeError, "n(='3')"),  # text
    (lambda: check_int("n", 0, minimum=1), ValueError, "n(=0) must be >= 1"),
    (lambda: check_int("n", 11, maximum=10), ValueError, "n(=11) must be <= 10"),
    # check_real
    (lambda: check_real("x", "1.5"), TypeError, "x(='1.5') must be a number"),
    (lambda: check_real("x", np.bool_(True)), TypeError, "must be a number"),  # numpy bool
    (lambda: check_real("x", math.nan), ValueError, "x(=nan) must not be NaN"),
    (lambda: check_real("x", -math.inf, allow_inf=True), ValueError, "must be finite"),
    (lambda: check_real("x", 0.0, minimum=0.0, strict=True), ValueError, "must be > 0.0"),
    (lambda: check_real("x", 2.0, maximum=1.0), ValueError, "x(=2.0) must be <= 1.0"),
    # check_bool
    (lambda: check_bool("flag", 1), TypeError, "flag(=1) must be True or False"),
    (lambda: check_bool("flag", None), TypeError, "flag(=None)"),
    # check_name / check_text
    (lambda: check_name("name", ""), ValueError, "name(='') must not be empty"),
    (lambda: check_name("name", b"pc"), TypeError, "name(=b'pc') must be a string"),
    (lambda: check_text("note", 3), TypeError, "note(=3) must be a string"),
    # check_choice
    (lambda: check_choice("mode", "x", ("a", "b")), ValueError, "mode(='x') must be one of"),
    (lambda: check_choice("mode", np.array([1, 2]), (1, 2)), ValueError, "must be one of"),
    (lambda: check_choice("mode", ["a"], ("a",)), ValueError, "mode(=['a'])"),  # unhashable
    # check_mapping / check_sequence
    (lambda: check_mapping("t", [1]), TypeError, "t(=[1]) must be a mapping (dict)"),
    (lambda: check_sequence("key", "ab"), TypeError, "key(='ab') must be a list"),
    (lambda: check_sequence("key", {"a": 1}, of="names"), TypeError, "a list of names"),
    (lambda: check_sequence("key", 3), TypeError, "key(=3)"),
    (lambda: check_sequence("key", np.zeros((2, 2))), TypeError, "key(=array("),  # 2-D
    # check_known_keys
    (lambda: check_known_keys("t", {"nme": 1}, ("name",)), ValueError,
     "t: unknown key 'nme' (did you mean 'name'?); known: name"),
    (lambda: check_known_keys("t", {3: 1}, ("name",)), ValueError, "t: unknown key 3; known"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), REJECTED)
def test_rejected(call: Callable[[], object], error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error
    assert fragment in str(info.value)


ACCEPTED: list[tuple[Callable[[], object], object]] = [
    (lambda: check_int("n", np.int64(4), minimum=0, maximum=4), 4),  # numpy int, bounds hit
    (lambda: check_real("x", np.float32(0.5), minimum=0.0, maximum=1.0), 0.5),
    (lambda: check_real("x", math.inf, allow_inf=True), math.inf),
    (lambda: check_bool("flag", np.bool_(False)), False),
    (lambda: check_text("note", ""), ""),
    (lambda: check_choice("mode", "b", ("a", "b")), "b"),
    (lambda: check_sequence("key", np.array(["a", "b"])), ["a", "b"]),  # 1-D array -> list
    (lambda: check_sequence("key", range(2)), range(2)),
    (lambda: check_known_keys("t", {"name": 1}, ("name", "rate")), None),
    (lambda: check_known_keys("t", {}, ()), None),
]


@pytest.mark.parametrize(("call", "expected"), ACCEPTED)
def test_accepted(call: Callable[[], object], expected: object) -> None:
    result = call()
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    ("value", "limit", "expected"),
    [
        ("ab", 80, "'ab'"),  # short: unchanged
        ("x" * 10, 12, "'xxxxxxxxxx'"),  # exactly the limit: unchanged
        ("x" * 11, 12, "'xxxxxxxx..."),  # one over: cut to the limit
        (list(range(1000)), 80, None),  # long list: at most 80 characters
    ],
)
def test_short_repr(value: Any, limit: int, expected: str | None) -> None:
    text = short_repr(value, limit)
    assert len(text) <= limit
    if expected is not None:
        assert text == expected
    else:
        assert text.endswith("...") and text.startswith("[0, 1, 2")


def orders(**columns: Any) -> pd.DataFrame:
    base: dict[str, Any] = {"day": [0, 1], "product": ["A", "B"], "quantity": [1, 2]}
    base.update(columns)
    return pd.DataFrame({k: v for k, v in base.items() if v is not None})


@pytest.mark.parametrize(
    ("frame", "error", "fragment"),
    [
        ([{"day": 0}], TypeError, "orders(=list) must be a pandas DataFrame"),
        (orders(day=None), ValueError, "orders is missing column(s) ['day']"),
        (orders(day=[0.0, 1.0]), TypeError, "orders['day'] must hold whole numbers"),
        (orders(quantity=[1, None]), ValueError,
         "orders['quantity'] has missing values (rows [1])"),
        (orders(day=[-1, 0]), ValueError, "orders['day'] must be >= 0, got -1"),
        (orders(quantity=[0, 1]), ValueError, "orders['quantity'] must be >= 1, got 0"),
        (orders(product=["A", "Z"]), ValueError, "orders['product'] has unknown product(s) ['Z']"),
    ],
)
def test_check_orders_frame_rejects(frame: Any, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as info:
        check_orders_frame(frame, is_product=lambda p: p in ("A", "B"))
    assert type(info.value) is error
    assert fragment in str(info.value)


def test_check_orders_frame_accepts_and_does_not_copy() -> None:
    frame = orders(order_id=[7, 3], note=["x", "y"])  # extra columns are fine
    assert check_orders_frame(frame) is frame
    empty = pd.DataFrame({c: pd.Series([], dtype=object) for c in ORDER_COLUMNS})
    assert check_orders_frame(empty, is_product=lambda p: False) is empty
    # products are only checked when asked; the parameter name is the caller's
    assert check_orders_frame(orders(product=["?", "?"])) is not None
    with pytest.raises(TypeError, match=r"^season\(=int\)"):
        check_orders_frame(3, name="season")
