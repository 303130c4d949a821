"""Input checks shared by the whole library: the core model and the ATO lab alike.

Every public constructor and function checks its inputs with these helpers, so
that a wrong value is reported as ``ValueError``/``TypeError`` naming the
parameter and the value (``lead_time(=-1) must be >= 0``), in the style of SimPy.
The same mistake gets the same exception type wherever it is made: a value of
the wrong kind is a ``TypeError``, a value of the right kind out of its range
(or an empty name, or an unknown key or choice) is a ``ValueError``.

Values are shown with :func:`short_repr`, so a huge argument (a whole
description, a long list) does not flood the message.

This module sits at the bottom of the library's layers: it imports nothing from
the rest of the package.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "ORDER_COLUMNS",
    "check_bool",
    "check_choice",
    "check_int",
    "check_known_keys",
    "check_mapping",
    "check_name",
    "check_orders_frame",
    "check_real",
    "check_rng",
    "check_dataframe",
    "check_sequence",
    "check_text",
    "short_repr",
]

#: Columns every order table needs (see :func:`check_orders_frame`).
ORDER_COLUMNS: tuple[str, ...] = ("day", "product", "quantity")


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool | np.bool_)


def short_repr(value: Any, limit: int = 80) -> str:
    """``repr(value)``, cut to at most ``limit`` characters for an error message.

    Parameters
    ----------
    value : Any
        The value to show.
    limit : int, default 80
        Longest result (>= 4); a longer repr keeps its start and ends with ``...``.

    Returns
    -------
    str

    Examples
    --------
    >>> short_repr([1, 2, 3])
    '[1, 2, 3]'
    >>> short_repr(list(range(100)), limit=20)
    '[0, 1, 2, 3, 4, 5...'
    """
    text = repr(value)
    if len(text) <= limit:
        return text
    return text[: max(limit - 3, 1)] + "..."


def check_int(
    name: str, value: Any, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Return ``value`` as an ``int`` if it is a whole number within bounds, else raise.

    Floats are refused even when whole (``2.0``): a quantity typed as a float is
    usually a mistake worth pointing at. Booleans are refused too. NumPy integers
    are accepted.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : Any
        The value to check.
    minimum, maximum : int, optional
        Inclusive bounds.

    Returns
    -------
    int

    Raises
    ------
    TypeError
        ``value`` is not a whole number (``int``).
    ValueError
        ``value`` is out of bounds.

    Examples
    --------
    >>> check_int("quantity", 3, minimum=1)
    3
    >>> check_int("quantity", 0, minimum=1)
    Traceback (most recent call last):
    ...
    ValueError: quantity(=0) must be >= 1
    >>> check_int("n_reps", 10**6, minimum=1, maximum=100_000)
    Traceback (most recent call last):
    ...
    ValueError: n_reps(=1000000) must be <= 100000
    """
    if _is_bool(value) or not isinstance(value, Integral):
        raise TypeError(f"{name}(={short_repr(value)}) must be a whole number (int)")
    result = int(value)
    if minimum is not None and result < minimum:
        raise ValueError(f"{name}(={short_repr(value)}) must be >= {minimum}")
    if maximum is not None and result > maximum:
        raise ValueError(f"{name}(={short_repr(value)}) must be <= {maximum}")
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
        The value to check (``int``, ``float`` or a NumPy number; not ``bool``).
    minimum : float, optional
        Lower bound (inclusive unless ``strict``).
    strict : bool
        If true the lower bound is exclusive (``> minimum``).
    maximum : float, optional
        Upper bound (inclusive).
    allow_inf : bool
        Accept ``+inf`` (e.g. unlimited capacity).

    Returns
    -------
    float

    Raises
    ------
    TypeError
        ``value`` is not a number.
    ValueError
        ``value`` is NaN, infinite (unless allowed) or out of bounds.

    Examples
    --------
    >>> check_real("rate", 1.5, minimum=0, strict=True)
    1.5
    >>> check_real("rate", 0, minimum=0, strict=True)
    Traceback (most recent call last):
    ...
    ValueError: rate(=0) must be > 0
    """
    if _is_bool(value) or not isinstance(value, Real):
        raise TypeError(f"{name}(={short_repr(value)}) must be a number")
    result = float(value)
    if math.isnan(result):
        raise ValueError(f"{name}(={short_repr(value)}) must not be NaN")
    if math.isinf(result) and not (allow_inf and result > 0):
        raise ValueError(f"{name}(={short_repr(value)}) must be finite")
    if minimum is not None:
        if strict and not result > minimum:
            raise ValueError(f"{name}(={short_repr(value)}) must be > {minimum}")
        if not strict and result < minimum:
            raise ValueError(f"{name}(={short_repr(value)}) must be >= {minimum}")
    if maximum is not None and result > maximum:
        raise ValueError(f"{name}(={short_repr(value)}) must be <= {maximum}")
    return result


def check_bool(name: str, value: Any) -> bool:
    """Return ``value`` as a ``bool`` if it is ``True`` or ``False``, else raise.

    ``0``/``1``, ``"yes"`` or ``None`` are refused: a flag is a flag.

    Raises
    ------
    TypeError
        ``value`` is not a boolean (NumPy booleans are accepted).

    Examples
    --------
    >>> check_bool("backorder", False)
    False
    >>> check_bool("backorder", "no")
    Traceback (most recent call last):
    ...
    TypeError: backorder(='no') must be True or False
    """
    if not _is_bool(value):
        raise TypeError(f"{name}(={short_repr(value)}) must be True or False")
    return bool(value)


def check_name(name: str, value: Any) -> str:
    """Return ``value`` if it is a non-empty string, else raise.

    Raises
    ------
    TypeError
        ``value`` is not a string.
    ValueError
        ``value`` is empty or only white space.

    Examples
    --------
    >>> check_name("name", "motherboard")
    'motherboard'
    >>> check_name("name", " ")
    Traceback (most recent call last):
    ...
    ValueError: name(=' ') must not be empty
    """
    if not isinstance(value, str):
        raise TypeError(f"{name}(={short_repr(value)}) must be a string")
    if not value.strip():
        raise ValueError(f"{name}(={short_repr(value)}) must not be empty")
    return value


def check_text(name: str, value: Any) -> str:
    """Return ``value`` if it is a string (possibly empty, e.g. a note), else raise.

    Raises
    ------
    TypeError
        ``value`` is not a string.

    Examples
    --------
    >>> check_text("source", "")
    ''
    >>> check_text("source", 2006)
    Traceback (most recent call last):
    ...
    TypeError: source(=2006) must be a string
    """
    if not isinstance(value, str):
        raise TypeError(f"{name}(={short_repr(value)}) must be a string")
    return value


def check_choice(name: str, value: Any, choices: Iterable[Any]) -> Any:
    """Return ``value`` if it is one of ``choices``, else raise ``ValueError``.

    Examples
    --------
    >>> check_choice("engine", "fast", ("fast", "reference"))
    'fast'
    >>> check_choice("engine", "slow", ("fast", "reference"))
    Traceback (most recent call last):
    ...
    ValueError: engine(='slow') must be one of ['fast', 'reference']
    """
    options = list(choices)
    try:
        found = value in options
    except (TypeError, ValueError):  # e.g. an array, whose == is elementwise
        found = False
    if not found:
        raise ValueError(f"{name}(={short_repr(value)}) must be one of {short_repr(options)}")
    return value


def check_mapping(name: str, value: Any) -> Mapping[Any, Any]:
    """Return ``value`` if it is a mapping (a ``dict`` or alike), else raise ``TypeError``.

    Examples
    --------
    >>> check_mapping("targets", {"CPU-5": 3})
    {'CPU-5': 3}
    >>> check_mapping("targets", [("CPU-5", 3)])
    Traceback (most recent call last):
    ...
    TypeError: targets(=[('CPU-5', 3)]) must be a mapping (dict)
    """
    if not isinstance(value, Mapping):
        raise TypeError(f"{name}(={short_repr(value)}) must be a mapping (dict)")
    return value


def check_sequence(name: str, value: Any, *, of: str | None = None) -> Sequence[Any]:
    """Return ``value`` if it is a list-like sequence (not a string), else raise.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : Any
        A ``list``, ``tuple``, ``range`` or 1-D NumPy array. A string is refused:
        ``"board"`` is one name, not a list of names.
    of : str, optional
        What the items are, for the message (``"component names"``).

    Returns
    -------
    Sequence
        ``value`` itself (a NumPy array is returned as a list).

    Raises
    ------
    TypeError
        ``value`` is a string, a mapping or not a sequence.

    Examples
    --------
    >>> check_sequence("key", ("board", "cpu"))
    ('board', 'cpu')
    >>> check_sequence("key", "board", of="component names")
    Traceback (most recent call last):
    ...
    TypeError: key(='board') must be a list of component names
    """
    if isinstance(value, np.ndarray) and value.ndim == 1:
        return list(value.tolist())
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        what = f"a list of {of}" if of else "a list"
        raise TypeError(f"{name}(={short_repr(value)}) must be {what}")
    return value


def check_known_keys(where: str, data: Mapping[Any, Any], known: Collection[str]) -> None:
    """Raise ``ValueError`` if ``data`` has a key that is not in ``known``.

    A misspelt key would otherwise be ignored silently (``base_stok: 5`` leaving the
    level at its default); the message says where, which key, the closest known key
    and all of them.

    Parameters
    ----------
    where : str
        Where ``data`` sits, e.g. ``"components[0]"``.
    data : Mapping
        The table read from a file or given by the user.
    known : collection of str
        The keys it may have.

    Raises
    ------
    ValueError
        Naming the first unknown key.

    Examples
    --------
    >>> check_known_keys("products[0]", {"name": "pc", "rat": 2.0}, ("name", "rate"))
    Traceback (most recent call last):
    ...
    ValueError: products[0]: unknown key 'rat' (did you mean 'rate'?); known: name, rate
    """
    for key in data:
        if key not in known:
            close = difflib.get_close_matches(str(key), [str(k) for k in known], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(
                f"{where}: unknown key {short_repr(key)}{hint}; known: {', '.join(known)}"
            )


def check_orders_frame(
    orders: Any,
    *,
    name: str = "orders",
    is_product: Callable[[Any], bool] | None = None,
) -> pd.DataFrame:
    """Return ``orders`` unchanged if it is a valid table of orders, else raise.

    The one check of an order table (as made by
    :func:`ato_lessons.demand.generate_orders`): a ``pandas.DataFrame`` with the
    columns :data:`ORDER_COLUMNS` (``day``, ``product``, ``quantity``; others, such
    as ``order_id``, are allowed), whole-number days ``>= 0`` and quantities
    ``>= 1`` with no missing value, and, if ``is_product`` is given, only known
    products. An empty table (no rows) is valid.

    Parameters
    ----------
    orders : Any
        The table to check.
    name : str, default "orders"
        Parameter name used in the error messages.
    is_product : callable, optional
        ``is_product(value)`` is true for a known product name, e.g.
        ``catalog.has_product``; ``None`` skips this check.

    Returns
    -------
    pandas.DataFrame
        ``orders`` itself (not copied, not sorted).

    Raises
    ------
    TypeError
        ``orders`` is not a DataFrame, or ``day``/``quantity`` are not whole numbers.
    ValueError
        A column is missing, a value is missing or out of range, a product is unknown.

    Examples
    --------
    >>> import pandas as pd
    >>> good = pd.DataFrame({"day": [0, 2], "product": ["A", "B"], "quantity": [1, 3]})
    >>> check_orders_frame(good) is good
    True
    >>> check_orders_frame(good, is_product=lambda p: p == "A")
    Traceback (most recent call last):
    ...
    ValueError: orders['product'] has unknown product(s) ['B']
    """
    if not isinstance(orders, pd.DataFrame):
        raise TypeError(f"{name}(={type(orders).__name__}) must be a pandas DataFrame")
    missing = [c for c in ORDER_COLUMNS if c not in orders.columns]
    if missing:
        raise ValueError(
            f"{name} is missing column(s) {missing!r}; it has {list(orders.columns)!r}"
        )
    for col in ("day", "quantity"):
        values = orders[col]
        absent = values.isna().to_numpy()
        if absent.any():
            rows = np.flatnonzero(absent)[:5].tolist()
            raise ValueError(f"{name}[{col!r}] has missing values (rows {rows!r})")
        if len(values) and not pd.api.types.is_integer_dtype(values):
            raise TypeError(f"{name}[{col!r}] must hold whole numbers, got dtype {values.dtype}")
    if len(orders):
        if int(orders["day"].min()) < 0:
            raise ValueError(f"{name}['day'] must be >= 0, got {int(orders['day'].min())}")
        if int(orders["quantity"].min()) < 1:
            raise ValueError(
                f"{name}['quantity'] must be >= 1, got {int(orders['quantity'].min())}"
            )
        if is_product is not None:
            unknown = sorted({p for p in orders["product"].unique() if not is_product(p)},
                             key=str)
            if unknown:
                raise ValueError(f"{name}['product'] has unknown product(s) {unknown[:5]!r}")
    return orders


def check_rng(seed: Any) -> np.random.Generator:
    """Turn a seed or a ``numpy.random.Generator`` into a Generator.

    Accepted: a non-negative ``int`` or a ``numpy.random.Generator``. Anything
    else (a float, a string, the legacy ``RandomState``, ``None``) is refused so
    results are always reproducible and never use the global random state.

    Raises
    ------
    TypeError
        ``seed`` is neither an ``int`` nor a Generator.
    ValueError
        ``seed`` is negative.

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
            f"seed(={short_repr(seed)}) must be a non-negative int or a numpy.random.Generator"
        )
    if int(seed) < 0:
        raise ValueError(f"seed(={short_repr(seed)}) must be >= 0")
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
