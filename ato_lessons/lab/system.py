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

    {"name": "tiny", "run_length": 30, "warm_up": 10,
     "components": [{"name": "board", "profit": 3, "holding_cost": 1,
                     "production_mean": 0.5, "production_sd": 0.1, "base_stock": 2}],
     "products": [{"name": "pc", "rate": 1.5, "key": ["board"], "optional": []}]}
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "LabComponent",
    "LabProduct",
    "LabSystem",
    "lab_system_from_dict",
    "load_lab_system",
    "read_lab_system",
    "LAB_SYSTEMS",
    "validate_levels",
]

#: Named instances shipped with the package (``ato_lessons/data/lab_<name>.json`` or ``.toml``).
LAB_SYSTEMS: tuple[str, ...] = ("hong_nelson", "pc_teaching", "pc_maker")


def _number(value: object, field: str, *, positive: bool = False) -> float:
    """Return ``value`` as a finite float >= 0 (> 0 if ``positive``), else raise."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise TypeError(f"{field}(={value!r}) must be a number")
    out = float(value)
    if math.isnan(out) or math.isinf(out):
        raise ValueError(f"{field}(={value!r}) must be a finite number")
    if positive and out <= 0:
        raise ValueError(f"{field}(={value!r}) must be > 0")
    if out < 0:
        raise ValueError(f"{field}(={value!r}) must be >= 0")
    return out


def _level(value: object, field: str) -> int:
    """Return ``value`` as a non-negative int, else raise (floats like 3.0 are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{field}(={value!r}) must be a non-negative integer")
    if value < 0:
        raise ValueError(f"{field}(={value!r}) must be a non-negative integer")
    return int(value)


def _name(value: object, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"{field}(={value!r}) must be a non-empty string")
    return value


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
    """

    name: str
    profit: float
    holding_cost: float
    production_mean: float
    production_sd: float
    base_stock: int

    def __post_init__(self) -> None:
        where = f"component {self.name!r}"
        _name(self.name, "component name")
        for field in ("profit", "holding_cost", "production_mean", "production_sd"):
            value = _number(getattr(self, field), f"{where}: {field}")
            object.__setattr__(self, field, value)
        object.__setattr__(self, "base_stock", _level(self.base_stock, f"{where}: base_stock"))


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
    """

    name: str
    rate: float
    key: tuple[str, ...]
    optional: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        where = f"product {self.name!r}"
        _name(self.name, "product name")
        object.__setattr__(self, "rate", _number(self.rate, f"{where}: rate", positive=True))
        for field in ("key", "optional"):
            raw = getattr(self, field)
            if isinstance(raw, str) or not isinstance(raw, Sequence):
                raise TypeError(f"{where}: {field}(={raw!r}) must be a list of component names")
            names = tuple(_name(item, f"{where}: {field} entry") for item in raw)
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
    """

    name: str
    components: tuple[LabComponent, ...]
    products: tuple[LabProduct, ...]
    run_length: float
    warm_up: float = 0.0

    def __post_init__(self) -> None:
        _name(self.name, "name")
        object.__setattr__(self, "components", tuple(self.components))
        object.__setattr__(self, "products", tuple(self.products))
        if not self.components:
            raise ValueError("components(=[]) must list at least one component")
        if not self.products:
            raise ValueError("products(=[]) must list at least one product")
        for kind, items in (("components", self.components), ("products", self.products)):
            names = [item.name for item in items]
            if len(set(names)) != len(names):
                raise ValueError(f"{kind} names(={names!r}) must be unique")
        run = _number(self.run_length, "run_length", positive=True)
        warm = _number(self.warm_up, "warm_up")
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


_COMPONENT_FIELDS = ("name", "profit", "holding_cost", "production_mean", "production_sd")
_PRODUCT_FIELDS = ("name", "rate", "key")


def _entries(
    data: Mapping[str, Any], field: str, required: tuple[str, ...]
) -> list[Mapping[str, Any]]:
    """Return ``data[field]`` as a list of tables, each with the ``required`` fields."""
    raw = data.get(field)
    if isinstance(raw, str) or not isinstance(raw, Sequence):
        raise TypeError(f"{field}(={raw!r}) must be a list of tables")
    for i, entry in enumerate(raw):
        if not isinstance(entry, Mapping):
            raise TypeError(f"{field}[{i}](={entry!r}) must be a table (dict)")
        for name in required:
            if name not in entry:
                raise ValueError(f"{field}[{i}] is missing the field {name!r}")
    return list(raw)


def lab_system_from_dict(data: Mapping[str, Any]) -> LabSystem:
    """Build and validate a :class:`LabSystem` from plain data.

    Parameters
    ----------
    data : mapping
        Keys ``name``, ``run_length``, ``warm_up`` (default 0), ``components`` (list of
        tables with ``name, profit, holding_cost, production_mean, production_sd`` and
        optional ``base_stock``, default 0) and ``products`` (list of tables with
        ``name, rate, key`` and optional ``optional``).

    Returns
    -------
    LabSystem

    Raises
    ------
    TypeError, ValueError
        Naming the field and the value, e.g. ``product 'pc': rate(=-1) must be > 0``.

    Examples
    --------
    >>> system = lab_system_from_dict({
    ...     "name": "tiny", "run_length": 30, "warm_up": 10,
    ...     "components": [{"name": "board", "profit": 3, "holding_cost": 1,
    ...                     "production_mean": 0.5, "production_sd": 0.1}],
    ...     "products": [{"name": "pc", "rate": 1.5, "key": ["board"]}]})
    >>> system.component_names, system.total_rate
    (('board',), 1.5)
    """
    if not isinstance(data, Mapping):
        raise TypeError(f"description(={data!r}) must be a mapping (dict)")
    for field in ("name", "run_length", "components", "products"):
        if field not in data:
            raise ValueError(f"description is missing the field {field!r}")
    components = tuple(
        LabComponent(**{f: e[f] for f in _COMPONENT_FIELDS}, base_stock=e.get("base_stock", 0))
        for e in _entries(data, "components", _COMPONENT_FIELDS)
    )
    products = tuple(
        LabProduct(**{f: e[f] for f in _PRODUCT_FIELDS}, optional=e.get("optional", ()))
        for e in _entries(data, "products", _PRODUCT_FIELDS)
    )
    return LabSystem(
        name=data["name"],
        components=components,
        products=products,
        run_length=data["run_length"],
        warm_up=data.get("warm_up", 0.0),
    )


def read_lab_system(path: str | Path) -> LabSystem:
    """Read a description from a ``.json`` or ``.toml`` file (see :func:`lab_system_from_dict`).

    Parameters
    ----------
    path : str or Path
        The file; its suffix chooses the parser.

    Returns
    -------
    LabSystem
    """
    file = Path(path)
    if file.suffix.lower() == ".json":
        data = json.loads(file.read_text(encoding="utf-8"))
    elif file.suffix.lower() == ".toml":
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    else:
        raise ValueError(f"path(={str(path)!r}) must end in .json or .toml")
    return lab_system_from_dict(data)


def load_lab_system(name: str = "hong_nelson") -> LabSystem:
    """Load a named instance shipped with the package.

    Parameters
    ----------
    name : str
        ``"hong_nelson"``: the classic benchmark (8 components, 5 products, total rate 12,
        run length 70 with warm-up 20) as coded in the SimOpt library's ATO model: profits
        1..8, holding cost 2, production times N(mu, (0.15 mu)^2), components 1-6 key and
        7-8 optional. ``"pc_teaching"``: a tiny 2-component PC maker (motherboard key,
        extra monitor optional) for checking things by hand. ``"pc_maker"``: the course's
        PC maker (motherboard and processor key, graphics card key for gaming PCs,
        monitor optional), written in TOML.

    Returns
    -------
    LabSystem

    Examples
    --------
    >>> system = load_lab_system("hong_nelson")
    >>> system.n_components, len(system.products), system.total_rate
    (8, 5, 12.0)
    """
    if name not in LAB_SYSTEMS:
        raise ValueError(f"name(={name!r}) must be one of {list(LAB_SYSTEMS)}")
    folder = resources.files("ato_lessons").joinpath("data")
    json_file = folder.joinpath(f"lab_{name}.json")
    if json_file.is_file():
        return lab_system_from_dict(json.loads(json_file.read_text("utf-8")))
    toml_text = folder.joinpath(f"lab_{name}.toml").read_text("utf-8")
    return lab_system_from_dict(tomllib.loads(toml_text))


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
    """
    if levels is None:
        return system.default_levels
    names = system.component_names
    if isinstance(levels, Mapping):
        unknown = [k for k in levels if k not in names]
        if unknown:
            raise ValueError(f"levels(={dict(levels)!r}) names unknown components {unknown}")
        merged = dict(zip(names, system.default_levels, strict=True))
        merged.update(levels)
        return tuple(_level(merged[n], f"levels[{n!r}]") for n in names)
    if isinstance(levels, str | bytes) or not isinstance(levels, Sequence | np.ndarray):
        raise TypeError(f"levels(={levels!r}) must be a sequence of {len(names)} integers")
    if len(levels) != len(names):
        raise ValueError(
            f"levels(={list(levels)!r}) must have one entry per component ({len(names)})"
        )
    return tuple(_level(v, f"levels[{i}]") for i, v in enumerate(levels))
