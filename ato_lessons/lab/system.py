"""Describe a continuous-review assemble-to-order (ATO) system from plain data.

The model (Song & Zipkin 2003; the "ATO" benchmark of Hong & Nelson 2006 and SimOpt)
-----------------------------------------------------------------------------------
* Each **component** ``j`` is kept in stock under a base-stock policy with level ``s_j``.
  It earns ``profit_j`` per unit sold and costs ``holding_cost_j`` per unit in stock per
  unit time. It has its own machine, which makes one unit at a time, first come first
  served; a production time is normal with mean ``production_mean_j`` and standard
  deviation ``production_sd_j``, truncated at 0 (a negative draw counts as 0).
* Each **product** ``k`` is ordered by customers arriving as a Poisson process of rate
  ``rate_k``. An order needs all its **key** components: if any key component is out of
  stock, the whole order is lost. Otherwise it takes one unit of each key component and
  one unit of each **optional** component that is on hand (an optional component that is
  out of stock is simply not sold with this order).
* Inventory starts at the base-stock levels, every machine idle. Every component unit
  used triggers one replenishment order on that component's machine.
* Revenue (profit of the components sold) and holding cost (integrated exactly over time)
  are counted only between the end of the warm-up ``warm_up`` and the end of the run
  ``run_length``, and reported per unit time, i.e. divided by ``run_length - warm_up``.

A description is a dict (or a JSON/TOML file) such as::

    {"name": "tiny", "source": "made up for the example", "run_length": 30, "warm_up": 10,
     "components": [{"name": "board", "profit": 3, "holding_cost": 1,
                     "production_mean": 0.5, "production_sd": 0.1, "base_stock": 2}],
     "products": [{"name": "pc", "rate": 1.5, "key": ["board"], "optional": []}]}

Every key is checked: a misspelt one (``base_stok``) is an error, not a silent default.

Named systems ship with the package (:data:`LAB_SYSTEMS`, :func:`load_lab_system`); their
names start with ``lab_`` so that they are not mistaken for the day-by-day factory's
instances of :mod:`ato_lessons.instances` (``"pc_maker"`` there has 17 parts and days,
``"lab_pc_maker"`` here 4 parts and hours).
"""

from __future__ import annotations

import json
import tomllib
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from ato_lessons.validation import (
    check_int,
    check_known_keys,
    check_mapping,
    check_name,
    check_real,
    check_sequence,
    check_text,
    short_repr,
)

__all__ = [
    "LabComponent",
    "LabProduct",
    "LabSystem",
    "lab_system_from_dict",
    "load_lab_system",
    "read_lab_system",
    "LAB_SYSTEMS",
    "LAB_DESCRIPTIONS",
    "validate_levels",
]

#: Named systems shipped with the package: name -> (data file in ``ato_lessons/data``,
#: one-line description). The file's own ``name`` is the registry name.
_LAB_FILES: dict[str, tuple[str, str]] = {
    "lab_hong_nelson": ("lab_hong_nelson.json", "Hong & Nelson benchmark: 8 parts, 5 products"),
    "lab_pc_maker": ("lab_pc_maker.toml", "PC maker in the lab: 4 parts, 2 PCs, hours"),
    "lab_pc_tiny": ("lab_pc_tiny.json", "2-part PC maker to check by hand"),
}

#: Names of the systems shipped with the package (see :func:`load_lab_system`).
LAB_SYSTEMS: tuple[str, ...] = tuple(_LAB_FILES)

#: One-line description of each named system (read-only).
LAB_DESCRIPTIONS: Mapping[str, str] = MappingProxyType(
    {name: description for name, (_, description) in _LAB_FILES.items()}
)

#: Names used before version 1.1, accepted for one release with a DeprecationWarning.
_OLD_NAMES: dict[str, str] = {
    "hong_nelson": "lab_hong_nelson",
    "pc_maker": "lab_pc_maker",
    "pc_teaching": "lab_pc_tiny",
}

#: Keys a description may have, at each level.
_TOP_KEYS = ("name", "source", "run_length", "warm_up", "components", "products")
_COMPONENT_KEYS = (
    "name", "profit", "holding_cost", "production_mean", "production_sd", "base_stock",
)
_PRODUCT_KEYS = ("name", "rate", "key", "optional")
#: Keys that must be present (the others have defaults).
_TOP_REQUIRED = ("name", "run_length", "components", "products")
_COMPONENT_REQUIRED = _COMPONENT_KEYS[:-1]
_PRODUCT_REQUIRED = ("name", "rate", "key")


@dataclass(frozen=True)
class LabComponent:
    """One component: money, production time and base-stock level.

    Parameters
    ----------
    name : str
        Unique name, e.g. ``"motherboard"``.
    profit : float
        Profit earned per unit sold (>= 0).
    holding_cost : float
        Cost per unit in stock per unit time (>= 0).
    production_mean, production_sd : float
        Mean (>= 0) and standard deviation (>= 0) of the normal production time of one
        unit, truncated at 0.
    base_stock : int
        Default base-stock level (>= 0), used when no levels are given.

    Raises
    ------
    TypeError
        A name that is not a string, a number that is not a number, a level that is not
        a whole number.
    ValueError
        An empty name, a negative, NaN or infinite number, a negative level.
    """

    name: str
    profit: float
    holding_cost: float
    production_mean: float
    production_sd: float
    base_stock: int

    def __post_init__(self) -> None:
        check_name("component name", self.name)
        where = f"component {self.name!r}"
        for field in ("profit", "holding_cost", "production_mean", "production_sd"):
            value = check_real(f"{where}: {field}", getattr(self, field), minimum=0)
            object.__setattr__(self, field, value)
        level = check_int(f"{where}: base_stock", self.base_stock, minimum=0)
        object.__setattr__(self, "base_stock", level)


@dataclass(frozen=True)
class LabProduct:
    """One product: its Poisson arrival rate and the components it uses.

    Parameters
    ----------
    name : str
        Unique name, e.g. ``"office PC"``.
    rate : float
        Poisson arrival rate of orders (> 0, orders per unit time).
    key : tuple of str
        Key components: all must be on hand or the order is lost (at least one).
    optional : tuple of str
        Optional components: sold with the order only if on hand.

    Raises
    ------
    TypeError
        A name that is not a string, ``key``/``optional`` given as one string.
    ValueError
        An empty name, a rate <= 0, no key component, a component listed twice or both
        key and optional.
    """

    name: str
    rate: float
    key: tuple[str, ...]
    optional: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_name("product name", self.name)
        where = f"product {self.name!r}"
        rate = check_real(f"{where}: rate", self.rate, minimum=0, strict=True)
        object.__setattr__(self, "rate", rate)
        for field in ("key", "optional"):
            raw = check_sequence(f"{where}: {field}", getattr(self, field), of="component names")
            names = tuple(
                check_name(f"{where}: {field}[{i}]", item) for i, item in enumerate(raw)
            )
            if len(set(names)) != len(names):
                raise ValueError(f"{where}: {field}(={list(names)!r}) lists a component twice")
            object.__setattr__(self, field, names)
        if not self.key:
            raise ValueError(f"{where}: key(={list(self.key)!r}) needs at least one component")
        both = set(self.key) & set(self.optional)
        if both:
            raise ValueError(
                f"{where}: optional(={list(self.optional)!r}) repeats key components {sorted(both)}"
            )


@dataclass(frozen=True)
class LabSystem:
    """A complete ATO system: components, products, run length and warm-up.

    Parameters
    ----------
    name : str
        Name of the system.
    components : tuple of LabComponent
        The components, in a fixed order (base-stock vectors follow it).
    products : tuple of LabProduct
        The products; each names only components of this system.
    run_length : float
        End of the simulated run (> 0).
    warm_up : float
        Statistics are counted on ``(warm_up, run_length]``; ``0 <= warm_up < run_length``.
    source : str, default ""
        Where the data come from (a reference, a note); kept as written.

    Raises
    ------
    TypeError, ValueError
        Naming the field and the value, e.g. ``warm_up(=40) must be < run_length(=30.0)``.
    """

    name: str
    components: tuple[LabComponent, ...]
    products: tuple[LabProduct, ...]
    run_length: float
    warm_up: float = 0.0
    source: str = ""

    def __post_init__(self) -> None:
        check_name("name", self.name)
        check_text("source", self.source)
        for kind in ("components", "products"):
            items = check_sequence(kind, getattr(self, kind), of=f"Lab{kind[:-1].title()}s")
            object.__setattr__(self, kind, tuple(items))
        if not self.components:
            raise ValueError("components(=[]) must list at least one component")
        if not self.products:
            raise ValueError("products(=[]) must list at least one product")
        for kind, items, cls in (
            ("components", self.components, LabComponent),
            ("products", self.products, LabProduct),
        ):
            for i, item in enumerate(items):
                if not isinstance(item, cls):
                    raise TypeError(
                        f"{kind}[{i}](={short_repr(item)}) must be a {cls.__name__}"
                    )
            names = [item.name for item in items]
            if len(set(names)) != len(names):
                raise ValueError(f"{kind} names(={names!r}) must be unique")
        run = check_real("run_length", self.run_length, minimum=0, strict=True)
        warm = check_real("warm_up", self.warm_up, minimum=0)
        if warm >= run:
            raise ValueError(f"warm_up(={self.warm_up!r}) must be < run_length(={run!r})")
        object.__setattr__(self, "run_length", run)
        object.__setattr__(self, "warm_up", warm)
        known = set(self.component_names)
        for product in self.products:
            for field in ("key", "optional"):
                for comp in getattr(product, field):
                    if comp not in known:
                        raise ValueError(
                            f"product {product.name!r}: {field} component(={comp!r}) is not "
                            f"one of the components {sorted(known)}"
                        )

    # ----------------------------------------------------------------- views
    @property
    def component_names(self) -> tuple[str, ...]:
        """Names of the components, in order."""
        return tuple(c.name for c in self.components)

    @property
    def n_components(self) -> int:
        """Number of components."""
        return len(self.components)

    @property
    def total_rate(self) -> float:
        """Total arrival rate of orders (all products)."""
        return sum(p.rate for p in self.products)

    @property
    def default_levels(self) -> tuple[int, ...]:
        """The base-stock levels written in the description."""
        return tuple(c.base_stock for c in self.components)

    def matrices(self) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """Return the key and optional incidence matrices, shape (products, components)."""
        index = {name: j for j, name in enumerate(self.component_names)}
        key = np.zeros((len(self.products), self.n_components), dtype=bool)
        opt = np.zeros_like(key)
        for k, product in enumerate(self.products):
            key[k, [index[c] for c in product.key]] = True
            if product.optional:
                opt[k, [index[c] for c in product.optional]] = True
        return key, opt

    def to_dict(self) -> dict[str, Any]:
        """Return the plain-data description (inverse of :func:`lab_system_from_dict`)."""
        return {
            "name": self.name,
            "source": self.source,
            "run_length": self.run_length,
            "warm_up": self.warm_up,
            "components": [
                {
                    "name": c.name,
                    "profit": c.profit,
                    "holding_cost": c.holding_cost,
                    "production_mean": c.production_mean,
                    "production_sd": c.production_sd,
                    "base_stock": c.base_stock,
                }
                for c in self.components
            ],
            "products": [
                {"name": p.name, "rate": p.rate, "key": list(p.key), "optional": list(p.optional)}
                for p in self.products
            ],
        }


def _entries(data: Mapping[str, Any], field: str, known: tuple[str, ...],
             required: tuple[str, ...]) -> list[Mapping[str, Any]]:
    """Return ``data[field]`` as a list of tables with only ``known`` keys, ``required`` ones."""
    raw = check_sequence(field, data[field], of="tables")
    entries = []
    for i, entry in enumerate(raw):
        where = f"{field}[{i}]"
        entry = check_mapping(where, entry)
        check_known_keys(where, entry, known)
        for name in required:
            if name not in entry:
                raise ValueError(f"{where} is missing the field {name!r}")
        entries.append(entry)
    return entries


def lab_system_from_dict(data: Mapping[str, Any]) -> LabSystem:
    """Build and validate a :class:`LabSystem` from plain data.

    Parameters
    ----------
    data : mapping
        Keys ``name``, ``run_length``, ``components`` and ``products``, and optionally
        ``warm_up`` (default 0) and ``source`` (a note on where the data come from,
        default ""). ``components`` is a list of tables with ``name, profit,
        holding_cost, production_mean, production_sd`` and optional ``base_stock``
        (default 0); ``products`` a list of tables with ``name, rate, key`` and optional
        ``optional`` (default none). No other key is allowed, at any level.

    Returns
    -------
    LabSystem

    Raises
    ------
    TypeError, ValueError
        Naming the field and the value, e.g. ``product 'pc': rate(=-1) must be > 0``, or
        where an unknown key is: ``components[0]: unknown key 'base_stok' (did you mean
        'base_stock'?); known: ...``.

    Examples
    --------
    >>> system = lab_system_from_dict({
    ...     "name": "tiny", "run_length": 30, "warm_up": 10,
    ...     "components": [{"name": "board", "profit": 3, "holding_cost": 1,
    ...                     "production_mean": 0.5, "production_sd": 0.1}],
    ...     "products": [{"name": "pc", "rate": 1.5, "key": ["board"]}]})
    >>> system.component_names, system.total_rate
    (('board',), 1.5)
    >>> lab_system_from_dict({**system.to_dict(), "warmup": 5})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: description: unknown key 'warmup' (did you mean 'warm_up'?); known: name, ...
    """
    data = check_mapping("description", data)
    check_known_keys("description", data, _TOP_KEYS)
    for field in _TOP_REQUIRED:
        if field not in data:
            raise ValueError(f"description is missing the field {field!r}")
    components = tuple(
        LabComponent(**{f: e[f] for f in _COMPONENT_REQUIRED}, base_stock=e.get("base_stock", 0))
        for e in _entries(data, "components", _COMPONENT_KEYS, _COMPONENT_REQUIRED)
    )
    products = tuple(
        LabProduct(**{f: e[f] for f in _PRODUCT_REQUIRED}, optional=e.get("optional", ()))
        for e in _entries(data, "products", _PRODUCT_KEYS, _PRODUCT_REQUIRED)
    )
    return LabSystem(
        name=data["name"],
        components=components,
        products=products,
        run_length=data["run_length"],
        warm_up=data.get("warm_up", 0.0),
        source=data.get("source", ""),
    )


def _parse_text(text: str, suffix: str, where: str) -> Any:
    """Parse JSON or TOML text (chosen by ``suffix``); a syntax error names ``where``."""
    try:
        if suffix == ".json":
            return json.loads(text)
        return tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{where} is not valid {suffix[1:].upper()}: {exc}") from None


def read_lab_system(path: str | Path) -> LabSystem:
    """Read a description from a ``.json`` or ``.toml`` file (see :func:`lab_system_from_dict`).

    Parameters
    ----------
    path : str or Path
        The file; its suffix chooses the parser.

    Returns
    -------
    LabSystem

    Raises
    ------
    TypeError
        ``path`` is not a string or a path.
    ValueError
        Another suffix, a syntax error, or an invalid description (unknown keys included).
    FileNotFoundError
        No such file.
    """
    if not isinstance(path, str | Path):
        raise TypeError(f"path(={short_repr(path)}) must be a str or a pathlib.Path")
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in (".json", ".toml"):
        raise ValueError(f"path(={str(path)!r}) must end in .json or .toml")
    text = file.read_text(encoding="utf-8")
    return lab_system_from_dict(_parse_text(text, suffix, f"path(={str(path)!r})"))


def load_lab_system(name: str = "lab_hong_nelson") -> LabSystem:
    """Load a named system shipped with the package (also :func:`ato_lessons.load_instance`).

    Parameters
    ----------
    name : str
        One of :data:`LAB_SYSTEMS`:

        * ``"lab_hong_nelson"``: the classic benchmark (8 components, 5 products, total
          rate 12, run length 70 with warm-up 20) as coded in the SimOpt library's ATO
          model: profits 1..8, holding cost 2, production times N(mu, (0.15 mu)^2),
          components 1-6 key and 7-8 optional.
        * ``"lab_pc_maker"``: the course's PC maker (motherboard and processor key,
          graphics card key for gaming PCs, monitor optional), in hours, written in TOML.
        * ``"lab_pc_tiny"``: a tiny 2-component PC maker (motherboard key, extra monitor
          optional) for checking things by hand.

        The names of version 1.0 (``"hong_nelson"``, ``"pc_maker"``, ``"pc_teaching"``)
        still work in this release, with a ``DeprecationWarning``.

    Returns
    -------
    LabSystem
        Built fresh from the data file; its ``name`` is the registry name.

    Raises
    ------
    TypeError
        ``name`` is not a string.
    ValueError
        ``name`` is empty or unknown.

    Examples
    --------
    >>> system = load_lab_system("lab_hong_nelson")
    >>> system.n_components, len(system.products), system.total_rate
    (8, 5, 12.0)
    """
    check_name("name", name)
    if name in _OLD_NAMES:
        new = _OLD_NAMES[name]
        # Attributed to this module (stacklevel 1): tests and `python -X dev` show it,
        # while a lesson cell still using the old name keeps its stored output.
        warnings.warn(
            f"load_lab_system({name!r}) is deprecated since ato_lessons 1.1 and will be "
            f"removed: use load_lab_system({new!r}) (the lab's systems are named lab_*)",
            DeprecationWarning,
            stacklevel=1,
        )
        name = new
    if name not in _LAB_FILES:
        raise ValueError(f"name(={name!r}) must be one of {list(LAB_SYSTEMS)}")
    file_name = _LAB_FILES[name][0]
    text = resources.files("ato_lessons").joinpath("data", file_name).read_text("utf-8")
    return lab_system_from_dict(_parse_text(text, Path(file_name).suffix, file_name))


def validate_levels(system: LabSystem, levels: object) -> tuple[int, ...]:
    """Return base-stock ``levels`` as a tuple of ints, one per component, else raise.

    Parameters
    ----------
    system : LabSystem
    levels : sequence of int, mapping name -> int, or None
        ``None`` means the levels written in the description. A mapping may leave some
        components out; they keep their described level.

    Returns
    -------
    tuple of int
        One level per component, in the order of ``system.component_names``.

    Raises
    ------
    TypeError
        ``system`` is not a LabSystem, ``levels`` is not a sequence or a mapping, or a
        level is not a whole number.
    ValueError
        Wrong length, a negative level, or an unknown component name.

    Examples
    --------
    >>> pc = load_lab_system("lab_pc_tiny")
    >>> validate_levels(pc, {"monitor": 4}), validate_levels(pc, [3, 0])
    ((2, 4), (3, 0))
    """
    if not isinstance(system, LabSystem):
        raise TypeError(f"system(={short_repr(system)}) must be a LabSystem")
    if levels is None:
        return system.default_levels
    names = system.component_names
    if isinstance(levels, Mapping):
        unknown = [k for k in levels if k not in names]
        if unknown:
            raise ValueError(
                f"levels(={short_repr(dict(levels))}) names unknown components {unknown}"
            )
        merged = dict(zip(names, system.default_levels, strict=True))
        merged.update(levels)
        return tuple(check_int(f"levels[{n!r}]", merged[n], minimum=0) for n in names)
    if isinstance(levels, np.ndarray) and levels.ndim == 1:
        levels = levels.tolist()
    if isinstance(levels, str | bytes) or not isinstance(levels, Sequence):
        raise TypeError(
            f"levels(={short_repr(levels)}) must be a sequence of {len(names)} integers"
        )
    if len(levels) != len(names):
        raise ValueError(
            f"levels(={short_repr(list(levels))}) must have one entry per component "
            f"({len(names)})"
        )
    return tuple(check_int(f"levels[{i}]", v, minimum=0) for i, v in enumerate(levels))
