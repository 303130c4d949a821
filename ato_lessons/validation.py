"""Input checks shared by the whole library: the core model and the ATO lab alike.

Every public constructor and function checks its inputs with these helpers, so
that a wrong value is reported as ``ValueError``/``TypeError`` naming the
parameter and the value (``lead_time(=-1) must be >= 0``), in the style of SimPy.
The same mistake gets the same exception type wherever it is made: a value of
the wrong kind is a ``TypeError``, a value of the right kind out of its range
(or an empty name) is a ``ValueError``.

This module sits at the bottom of the library's layers: it imports nothing from
the rest of the package.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "check_int",
    "check_real",
    "check_name",
    "check_rng",
    "check_dataframe",
]


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool | np.bool_)


def check_int(name: str, value: Any, *, minimum: int | None = None) -> int:
    """Return ``value`` as an ``int`` if it is a whole number, else raise.

    Floats are refused even when whole (``2.0``): a quantity typed as a float is
    usually a mistake worth pointing at. Booleans are refused too.

    Examples
    --------
    >>> check_int("quantity", 3, minimum=1)
    3
    >>> check_int("quantity", 0, minimum=1)
    Traceback (most recent call last):
    ...
    ValueError: quantity(=0) must be >= 1
    """
    if _is_bool(value) or not isinstance(value, Integral):
        raise TypeError(f"{name}(={value!r}) must be a whole number (int)")
    result = int(value)
    if minimum is not None and result < minimum:
        raise ValueError(f"{name}(={value!r}) must be >= {minimum}")
    return result


def check_real(
    name: str,
    value: Any,
    *,
    minimum: float | None = None,
    strict: bool = False,
    maximum: float | None = None,
    allow_inf: bool = False,
) -> float:
    """Return ``value`` as a finite ``float`` within bounds, else raise.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : Any
        The value to check.
    minimum : float, optional
        Lower bound (inclusive unless ``strict``).
    strict : bool
        If true the lower bound is exclusive (``> minimum``).
    maximum : float, optional
        Upper bound (inclusive).
    allow_inf : bool
        Accept ``+inf`` (e.g. unlimited capacity).
    """
    if _is_bool(value) or not isinstance(value, Real):
        raise TypeError(f"{name}(={value!r}) must be a number")
    result = float(value)
    if math.isnan(result):
        raise ValueError(f"{name}(={value!r}) must not be NaN")
    if math.isinf(result) and not (allow_inf and result > 0):
        raise ValueError(f"{name}(={value!r}) must be finite")
    if minimum is not None:
        if strict and not result > minimum:
            raise ValueError(f"{name}(={value!r}) must be > {minimum}")
        if not strict and result < minimum:
            raise ValueError(f"{name}(={value!r}) must be >= {minimum}")
    if maximum is not None and result > maximum:
        raise ValueError(f"{name}(={value!r}) must be <= {maximum}")
    return result


def check_name(name: str, value: Any) -> str:
    """Return ``value`` if it is a non-empty string, else raise."""
    if not isinstance(value, str):
        raise TypeError(f"{name}(={value!r}) must be a string")
    if not value.strip():
        raise ValueError(f"{name}(={value!r}) must not be empty")
    return value


def check_rng(seed: Any) -> np.random.Generator:
    """Turn a seed or a ``numpy.random.Generator`` into a Generator.

    Accepted: a non-negative ``int`` or a ``numpy.random.Generator``. Anything
    else (a float, a string, the legacy ``RandomState``, ``None``) is refused so
    results are always reproducible and never use the global random state.

    Examples
    --------
    >>> rng = check_rng(7)
    >>> int(rng.integers(0, 100)) == int(check_rng(7).integers(0, 100))
    True
    """
    if isinstance(seed, np.random.Generator):
        return seed
    if _is_bool(seed) or not isinstance(seed, Integral):
        raise TypeError(
            f"seed(={seed!r}) must be a non-negative int or a numpy.random.Generator"
        )
    if int(seed) < 0:
        raise ValueError(f"seed(={seed!r}) must be >= 0")
    return np.random.default_rng(int(seed))


def check_dataframe(name: str, value: Any, columns: Sequence[str] = ()) -> pd.DataFrame:
    """Return ``value`` if it is a pandas DataFrame holding ``columns``, else raise.

    A value that is not a DataFrame is a ``TypeError``; a DataFrame without one
    of the needed columns is a ``ValueError`` naming the missing columns, as the
    simulation's own check of its orders does.

    Examples
    --------
    >>> orders = pd.DataFrame({"day": [0, 1], "product": ["A", "B"]})
    >>> check_dataframe("orders", orders, ["day"]) is orders
    True
    >>> check_dataframe("orders", orders, ["day", "quantity"])
    Traceback (most recent call last):
    ...
    ValueError: orders is missing column(s) ['quantity']; it has ['day', 'product']
    >>> check_dataframe("orders", [0, 1])
    Traceback (most recent call last):
    ...
    TypeError: orders(=list) must be a pandas DataFrame
    """
    if not isinstance(value, pd.DataFrame):
        raise TypeError(f"{name}(={type(value).__name__}) must be a pandas DataFrame")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise ValueError(f"{name} is missing column(s) {missing!r}; it has {list(value.columns)!r}")
    return value
