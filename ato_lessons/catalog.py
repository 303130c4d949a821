"""Components, products and their bills of materials.

A :class:`Catalog` holds what a factory can buy (:class:`Component`) and what it
can sell (:class:`Product`, described by its bill of materials). The PC maker of
the course is built with :meth:`Catalog.from_options`: one product per way of
choosing one option in every category, which is why the number of
configurations grows so fast.

Examples
--------
>>> cpu_a = Component("CPU-A", "processor", unit_cost=100.0, supplier="ChipCo", lead_time=20)
>>> cpu_b = Component("CPU-B", "processor", unit_cost=150.0, supplier="ChipCo", lead_time=20)
>>> case = Component("Case", "case", unit_cost=40.0, supplier="BoxCo", lead_time=5,
...                  assembly_time=0.5)
>>> catalog = Catalog.from_options([case, cpu_a, cpu_b])
>>> catalog.product_names
('Case/CPU-A', 'Case/CPU-B')
>>> catalog.product_cost("Case/CPU-B", labour_rate=30.0)
205.0
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .validation import check_int, check_name, check_real

__all__ = ["Component", "Product", "Catalog", "count_configurations"]


@dataclass(frozen=True)
class Component:
    """A part the factory buys from a supplier and keeps on its shelves.

    Parameters
    ----------
    name : str
        Unique short name, e.g. ``"CPU-i5"``.
    category : str
        What kind of part it is, e.g. ``"processor"``. A configuration picks one
        option per category.
    unit_cost : float
        Purchase cost of one unit, in euros (> 0).
    supplier : str
        Who makes it.
    lead_time : int
        Supplier lead time in days: an order placed on day ``t`` arrives on day
        ``t + lead_time`` (>= 0).
    assembly_time : float, default 0.0
        Hours of work to fit one unit into a product (>= 0).
    """

    name: str
    category: str
    unit_cost: float
    supplier: str
    lead_time: int
    assembly_time: float = 0.0

    def __post_init__(self) -> None:
        check_name("name", self.name)
        check_name("category", self.category)
        object.__setattr__(
            self, "unit_cost", check_real("unit_cost", self.unit_cost, minimum=0.0, strict=True)
        )
        check_name("supplier", self.supplier)
        object.__setattr__(self, "lead_time", check_int("lead_time", self.lead_time, minimum=0))
        object.__setattr__(
            self, "assembly_time", check_real("assembly_time", self.assembly_time, minimum=0.0)
        )


@dataclass(frozen=True)
class Product:
    """A sellable product, described by its bill of materials (BOM).

    Parameters
    ----------
    name : str
        Unique name, e.g. ``"Case/MB-office/CPU-i5/GPU-basic/MON-22/KB-std"``.
    bom : Mapping[str, int]
        How many units of each component one product needs (each >= 1). Must
        not be empty. Component names are checked against a :class:`Catalog`.
    """

    name: str
    bom: Mapping[str, int]

    def __post_init__(self) -> None:
        check_name("name", self.name)
        if not isinstance(self.bom, Mapping):
            raise TypeError(f"bom(={self.bom!r}) must be a mapping component name -> quantity")
        if len(self.bom) == 0:
            raise ValueError(f"bom(={dict(self.bom)!r}) of product {self.name!r} must not be empty")
        clean: dict[str, int] = {}
        for comp, qty in self.bom.items():
            check_name("bom component name", comp)
            clean[comp] = check_int(f"bom[{comp!r}]", qty, minimum=1)
        object.__setattr__(self, "bom", MappingProxyType(clean))

    def __hash__(self) -> int:
        return hash((self.name, tuple(self.bom.items())))


def count_configurations(options_per_category: Mapping[str, int] | Sequence[int]) -> int:
    """Number of configurations when a customer picks one option per category.

    It is the product of the numbers of options: 3 motherboards x 4 processors
    gives 12 configurations.

    Parameters
    ----------
    options_per_category : Mapping[str, int] or Sequence[int]
        Number of options in each category (each >= 1).

    Examples
    --------
    >>> count_configurations({"motherboard": 3, "processor": 4, "monitor": 3})
    36
    """
    if isinstance(options_per_category, Mapping):
        counts = list(options_per_category.values())
    elif isinstance(options_per_category, Iterable) and not isinstance(
        options_per_category, str | bytes
    ):
        counts = list(options_per_category)
    else:
        raise TypeError(
            f"options_per_category(={options_per_category!r}) must be a mapping category -> "
            "number of options, or a list of numbers"
        )
    if not counts:
        raise ValueError("options_per_category(=[]) must name at least one category")
    for i, n in enumerate(counts):
        check_int(f"options_per_category[{i}]", n, minimum=1)
    return math.prod(int(n) for n in counts)


@dataclass(frozen=True)
class Catalog:
    """The components a factory buys and the products it can sell.

    Parameters
    ----------
    components : Sequence[Component]
        All components, unique names.
    products : Sequence[Product]
        All products, unique names; every BOM may only name known components.
        The order of products is their popularity rank (most popular first),
        which the demand model uses.
    """

    components: tuple[Component, ...]
    products: tuple[Product, ...]
    _components_by_name: Mapping[str, Component] = field(init=False, repr=False, compare=False)
    _products_by_name: Mapping[str, Product] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        comps = _as_tuple("components", self.components, Component)
        prods = _as_tuple("products", self.products, Product)
        if not comps:
            raise ValueError("components(=()) must not be empty")
        if not prods:
            raise ValueError("products(=()) must not be empty")
        by_comp: dict[str, Component] = {}
        for c in comps:
            if c.name in by_comp:
                raise ValueError(f"components: name {c.name!r} appears twice")
            by_comp[c.name] = c
        by_prod: dict[str, Product] = {}
        for p in prods:
            if p.name in by_prod:
                raise ValueError(f"products: name {p.name!r} appears twice")
            unknown = [name for name in p.bom if name not in by_comp]
            if unknown:
                raise ValueError(
                    f"bom of product {p.name!r} names unknown component(s) {unknown!r}; "
                    f"known: {sorted(by_comp)!r}"
                )
            by_prod[p.name] = p
        object.__setattr__(self, "components", comps)
        object.__setattr__(self, "products", prods)
        object.__setattr__(self, "_components_by_name", MappingProxyType(by_comp))
        object.__setattr__(self, "_products_by_name", MappingProxyType(by_prod))

    # -- construction -----------------------------------------------------------------
    @classmethod
    def from_options(cls, components: Iterable[Component]) -> Catalog:
        """Build every configuration: one option from each category.

        Categories keep the order in which they first appear; within a category
        the options are listed from most to least popular. Products are sorted
        by popularity: the sum of their options' ranks (0 = most popular), ties
        in the natural order. A category with a single option (a case every PC
        needs) is in every product.

        Parameters
        ----------
        components : Iterable[Component]
            The options, grouped by their ``category``.
        """
        comps = tuple(components)
        groups: dict[str, list[Component]] = {}
        for c in comps:
            if not isinstance(c, Component):
                raise TypeError(f"components item (={c!r}) must be a Component")
            groups.setdefault(c.category, []).append(c)
        if not groups:
            raise ValueError("components(=()) must not be empty")
        combos = list(itertools.product(*(list(enumerate(g)) for g in groups.values())))
        combos.sort(key=lambda combo: sum(rank for rank, _ in combo))
        products = tuple(
            Product("/".join(c.name for _, c in combo), {c.name: 1 for _, c in combo})
            for combo in combos
        )
        return cls(comps, products)

    def with_lead_times(
        self,
        lead_times: Mapping[str, int] | None = None,
        *,
        suppliers: Mapping[str, int] | None = None,
        scale: float = 1.0,
    ) -> Catalog:
        """A copy with other supplier lead times (components are frozen: they are copied).

        This is the one way the course changes lead times: a late or faster
        supplier, a faster processor, a slower world. A factory or a scenario
        takes the new catalog with ``factory.with_(catalog=...)``.

        Parameters
        ----------
        lead_times : Mapping[str, int], optional
            Component name -> new lead time in days (>= 0).
        suppliers : Mapping[str, int], optional
            Supplier name -> new lead time in days (>= 0) of every component it
            supplies. A component also named in ``lead_times`` takes that value.
        scale : float, default 1.0
            Every component not named above has its lead time multiplied by
            ``scale`` (> 0) and rounded to whole days: 2 is a slower world, 0.5 a
            faster one.

        Returns
        -------
        Catalog
            A new catalog; this one is unchanged.

        Raises
        ------
        TypeError
            If ``lead_times`` or ``suppliers`` is not a mapping, a supplier is not
            a string or a number of days is not a whole number.
        ValueError
            If a component or supplier is unknown, or a number of days is negative.

        Examples
        --------
        >>> from ato_lessons.instances import load_instance
        >>> cat = load_instance("pc_maker").catalog
        >>> cat.with_lead_times({"CPU-5": 14}).component("CPU-5").lead_time
        14
        >>> cat.with_lead_times(scale=2.0).component("CPU-9").lead_time
        70
        >>> faster = cat.with_lead_times(suppliers={"ChipCo (US)": 14})
        >>> faster.component("CPU-5").lead_time, faster.component("CPU-9").lead_time
        (14, 35)
        >>> faster.supply_lead_time(cat.product_names[0])   # now the graphics card rules
        21
        >>> cat.with_lead_times(suppliers={"Nobody Inc": 3})
        Traceback (most recent call last):
        ...
        ValueError: suppliers['Nobody Inc'] supplies no component of the catalog; known: [...]
        """
        factor = check_real("scale", scale, minimum=0.0, strict=True)
        changes: dict[str, int] = {}
        if suppliers is not None:
            if not isinstance(suppliers, Mapping):
                raise TypeError(
                    f"suppliers(={suppliers!r}) must be a mapping supplier name -> days"
                )
            known = sorted({c.supplier for c in self.components})
            for supplier, days in suppliers.items():
                if not isinstance(supplier, str):
                    raise TypeError(f"suppliers key (={supplier!r}) must be a supplier name")
                if supplier not in known:
                    raise ValueError(
                        f"suppliers[{supplier!r}] supplies no component of the catalog; "
                        f"known: {known!r}"
                    )
                value = check_int(f"suppliers[{supplier!r}]", days, minimum=0)
                changes.update(
                    (c.name, value) for c in self.components if c.supplier == supplier
                )
        if lead_times is not None:
            if not isinstance(lead_times, Mapping):
                raise TypeError(
                    f"lead_times(={lead_times!r}) must be a mapping component name -> days"
                )
            for name, days in lead_times.items():
                self.component(name)  # names an unknown component
                changes[name] = check_int(f"lead_times[{name!r}]", days, minimum=0)
        components = tuple(
            dataclasses.replace(
                c, lead_time=changes.get(c.name, int(round(c.lead_time * factor)))
            )
            for c in self.components
        )
        return Catalog(components, self.products)

    # -- look-ups ---------------------------------------------------------------------
    @property
    def component_names(self) -> tuple[str, ...]:
        """Names of the components, in catalog order."""
        return tuple(c.name for c in self.components)

    @property
    def product_names(self) -> tuple[str, ...]:
        """Names of the products, most popular first."""
        return tuple(p.name for p in self.products)

    @property
    def categories(self) -> tuple[str, ...]:
        """Component categories in order of first appearance."""
        return tuple(dict.fromkeys(c.category for c in self.components))

    def options(self, category: str) -> tuple[Component, ...]:
        """Components of one category (the options a customer chooses from)."""
        if category not in self.categories:
            raise ValueError(f"category(={category!r}) is not one of {list(self.categories)!r}")
        return tuple(c for c in self.components if c.category == category)

    def component(self, name: str) -> Component:
        """The component called ``name``."""
        try:
            return self._components_by_name[name]
        except (KeyError, TypeError):
            raise ValueError(
                f"component(={name!r}) is not in the catalog; known: {list(self.component_names)!r}"
            ) from None

    def product(self, name: str) -> Product:
        """The product called ``name``."""
        try:
            return self._products_by_name[name]
        except (KeyError, TypeError):
            shown = list(self.product_names[:5])
            raise ValueError(
                f"product(={name!r}) is not in the catalog (it has {len(self.products)} "
                f"products, e.g. {shown!r})"
            ) from None

    def has_product(self, name: Any) -> bool:
        """Whether ``name`` is a product of this catalog."""
        return isinstance(name, str) and name in self._products_by_name

    # -- derived figures --------------------------------------------------------------
    def material_cost(self, product: str) -> float:
        """Cost of the components of one unit of ``product``, in euros."""
        p = self.product(product)
        return float(sum(self.component(c).unit_cost * q for c, q in p.bom.items()))

    def assembly_hours(self, product: str) -> float:
        """Hours of assembly work for one unit of ``product``."""
        p = self.product(product)
        return float(sum(self.component(c).assembly_time * q for c, q in p.bom.items()))

    def product_cost(self, product: str, labour_rate: float) -> float:
        """Material cost plus assembly labour, in euros per unit.

        Parameters
        ----------
        product : str
            Product name.
        labour_rate : float
            Cost of one hour of assembly work, in euros (>= 0).
        """
        rate = check_real("labour_rate", labour_rate, minimum=0.0)
        return self.material_cost(product) + rate * self.assembly_hours(product)

    def supply_lead_time(self, product: str) -> int:
        """Days until every component of ``product`` can arrive: the longest
        supplier lead time in its BOM."""
        p = self.product(product)
        return max(self.component(c).lead_time for c in p.bom)

    @property
    def n_configurations(self) -> int:
        """Number of products (configurations) the catalog offers."""
        return len(self.products)

    def to_frame(self) -> Any:
        """The components as a pandas DataFrame (one row per component)."""
        import pandas as pd

        return pd.DataFrame(
            {
                "component": [c.name for c in self.components],
                "category": [c.category for c in self.components],
                "unit cost (€)": [c.unit_cost for c in self.components],
                "supplier": [c.supplier for c in self.components],
                "lead time (days)": [c.lead_time for c in self.components],
                "assembly (h)": [c.assembly_time for c in self.components],
            }
        ).set_index("component")


def _as_tuple(name: str, items: Any, kind: type) -> tuple[Any, ...]:
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise TypeError(f"{name}(={items!r}) must be a sequence of {kind.__name__}")
    out = tuple(items)
    for item in out:
        if not isinstance(item, kind):
            raise TypeError(f"{name} item (={item!r}) must be a {kind.__name__}")
    return out
