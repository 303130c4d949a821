"""Which products a catalog holds, and what one configuration costs and promises.

* :func:`products_using` (lessons 04 and 06): the products whose bill of
  materials contains a component;
* :func:`product_of` and :func:`configuration_facts` (lesson 04's
  configurator): one option per category -> the product, its popularity, cost,
  promised lead times and whether its parts are on the shelf;
* :func:`reduced_catalog` (lesson 05's dashboard): fewer options per category,
  optionally with slower or faster suppliers.

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> pc = load_instance("pc_maker")
>>> facts = configuration_facts(pc, {"processor": "CPU-9"})
>>> facts["name"]
'Case/MB-office/CPU-9/GPU-basic/MON-24/KB-std'
>>> facts["material cost"], facts["assembly hours"], facts["quoted lead time"]["MTO"]
(910.0, 0.95, 36)
>>> len(products_using(pc.catalog, "CPU-5")), len(pc.catalog.products)
(72, 288)
>>> reduced_catalog(pc.catalog, 2).n_configurations
32
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..catalog import Catalog
from ..factory import SimulationResult
from ..instances import Scenario
from ..validation import check_int, check_real
from ._common import check_result, check_scenario

__all__ = ["products_using", "product_of", "configuration_facts", "reduced_catalog"]


def products_using(catalog: Catalog, component: str) -> tuple[str, ...]:
    """Names of the products whose bill of materials contains ``component``.

    Raises
    ------
    TypeError
        If ``catalog`` is not a Catalog.
    ValueError
        If ``component`` is not a component of the catalog.
    """
    if not isinstance(catalog, Catalog):
        raise TypeError(f"catalog(={catalog!r}) must be a Catalog")
    if component not in catalog.component_names:
        raise ValueError(
            f"component(={component!r}) is not in the catalog; known: "
            f"{list(catalog.component_names)!r}"
        )
    return tuple(p.name for p in catalog.products if component in p.bom)


def product_of(catalog: Catalog, choice: Mapping[str, str]) -> str:
    """Name of the product using, in every category, the chosen option (default: the first).

    Parameters
    ----------
    catalog : Catalog
        A catalog built with :meth:`Catalog.from_options`.
    choice : Mapping[str, str]
        Category -> chosen component; categories left out take their first
        (most popular) option.

    Raises
    ------
    TypeError
        If ``choice`` is not a mapping.
    ValueError
        If a category or an option is unknown, or no product matches.

    Examples
    --------
    >>> from ato_lessons.instances import load_instance
    >>> product_of(load_instance("pc_maker").catalog, {"monitor": "MON-32"})
    'Case/MB-office/CPU-5/GPU-basic/MON-32/KB-std'
    """
    if not isinstance(choice, Mapping):
        raise TypeError(f"choice(={choice!r}) must be a mapping category -> component name")
    for category, name in choice.items():
        names = [c.name for c in catalog.options(category)]
        if name not in names:
            raise ValueError(f"choice[{category!r}](={name!r}) must be one of {names!r}")
    picked = {
        choice.get(cat, catalog.options(cat)[0].name) for cat in catalog.categories
    }
    for product in catalog.products:
        if set(product.bom) == picked:
            return product.name
    raise ValueError(f"choice(={dict(choice)!r}) matches no product of the catalog")


def configuration_facts(
    scenario: Scenario,
    choice: Mapping[str, str],
    result: SimulationResult | None = None,
    day: int | None = None,
    mts_offer: int | None = None,
) -> dict[str, Any]:
    """Everything the configurator shows about one configuration.

    Parameters
    ----------
    scenario : Scenario
        The factory and its usual demand.
    choice : Mapping[str, str]
        Category -> chosen component; categories left out take their first
        (most popular) option.
    result : SimulationResult, optional
        An ATO run: with ``day``, tells whether every component was on the shelf.
    day : int, optional
        Day of the run to look at (end of day stock); default the last day.
    mts_offer : int, optional
        Under MTS only the ``mts_offer`` most popular products are stocked
        (default: all of them).

    Returns
    -------
    dict
        ``name``, ``rank`` (1 = most popular), ``share`` (of demand),
        ``material cost``, ``assembly hours``, ``assembly cost``, ``total cost``
        (€), ``quoted lead time`` (strategy -> days, ``None`` if MTS does not
        stock it), ``shelf`` (component -> units on the shelf, or ``None``)
        and ``in stock`` (bool or ``None``).
    """
    scenario = check_scenario(scenario)
    catalog = scenario.catalog
    name = product_of(catalog, choice)
    rank = catalog.product_names.index(name) + 1
    share = float(scenario.demand.probabilities(catalog.n_configurations)[rank - 1])
    hours = catalog.assembly_hours(name)
    material = catalog.material_cost(name)
    labour = hours * scenario.factory.labour_rate
    if mts_offer is not None and (isinstance(mts_offer, bool) or not isinstance(mts_offer, int)
                                  or mts_offer < 1):
        raise ValueError(f"mts_offer(={mts_offer!r}) must be a whole number >= 1 or None")
    stocked = mts_offer is None or rank <= mts_offer
    quoted: dict[str, int | None] = {
        "MTS": scenario.factory.quoted_lead_time("MTS", name) if stocked else None,
        "MTO": scenario.factory.quoted_lead_time("MTO", name),
        "ATO": scenario.factory.quoted_lead_time("ATO", name),
    }
    shelf: dict[str, int] | None = None
    in_stock: bool | None = None
    if result is not None:
        result = check_result(result, "ATO")
        last = len(result.stock) - 1
        when = last if day is None else day
        if isinstance(when, bool) or not isinstance(when, int | np.integer) or not (
            0 <= when <= last
        ):
            raise ValueError(f"day(={day!r}) must be a whole number between 0 and {last}")
        bom = catalog.product(name).bom
        row = result.stock.iloc[int(when)]
        shelf = {c: int(row[c]) for c in bom}
        in_stock = all(shelf[c] >= q for c, q in bom.items())
    return {
        "name": name,
        "rank": rank,
        "share": share,
        "material cost": material,
        "assembly hours": hours,
        "assembly cost": labour,
        "total cost": material + labour,
        "quoted lead time": quoted,
        "shelf": shelf,
        "in stock": in_stock,
    }


def reduced_catalog(catalog: Catalog, options: int, lead_time_scale: float = 1.0) -> Catalog:
    """The catalog restricted to the first ``options`` options of each category.

    Parameters
    ----------
    catalog : Catalog
        A catalog built with :meth:`Catalog.from_options` (options listed most
        popular first within each category).
    options : int
        Options kept per category (>= 1); a category with fewer keeps them all.
    lead_time_scale : float, default 1.0
        Every supplier lead time is multiplied by this factor (> 0) and rounded
        to whole days (:meth:`Catalog.with_lead_times`).

    Returns
    -------
    Catalog
        A new catalog with every configuration of the kept options.

    Examples
    --------
    >>> from ato_lessons.instances import load_instance
    >>> reduced_catalog(load_instance("pc_maker").catalog, 2).n_configurations
    32
    """
    if not isinstance(catalog, Catalog):
        raise TypeError(f"catalog(={catalog!r}) must be a Catalog")
    k = check_int("options", options, minimum=1)
    scale = check_real("lead_time_scale", lead_time_scale, minimum=0.0, strict=True)
    kept = [c for category in catalog.categories for c in catalog.options(category)[:k]]
    return Catalog.from_options(kept).with_lead_times(scale=scale)
