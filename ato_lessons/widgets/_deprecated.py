"""Names that left the widget modules, kept for one release.

Students' edited notebooks (pulled with nbgitpuller) may still import, say,
``from ato_lessons.widgets.basics import mto_wait``. The widget modules keep
such names through a module ``__getattr__`` that calls
:func:`ato_lessons._deprecation.moved_attribute` (the library's one shim
mechanism): it returns the object from its new home and warns, naming the new
path.

The four helpers that changed a lead time next to
:meth:`~ato_lessons.catalog.Catalog.with_lead_times` are kept here, as thin
deprecated wrappers delegating to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._deprecation import moved_attribute, moved_from
from ..catalog import Catalog
from ..experiments import check_scenario
from ..factory import Factory
from ..instances import Scenario
from ..validation import check_int, check_name

__all__ = [
    "moved_attribute",
    "moved_from",
    "scale_lead_times",
    "with_lead_time",
    "with_lead_times",
    "with_supplier_lead_time",
]

#: How to change lead times now, named in the warnings of the old helpers.
NEW_LEAD_TIMES = (
    "ato_lessons.catalog.Catalog.with_lead_times "
    "(e.g. factory.with_(catalog=factory.catalog.with_lead_times(...)))"
)


def _check_factory(factory: Any) -> Factory:
    if not isinstance(factory, Factory):
        raise TypeError(f"factory(={factory!r}) must be a Factory")
    return factory


def with_lead_times(factory: Factory, lead_times: Mapping[str, int]) -> Factory:
    """Deprecated: ``factory.with_(catalog=factory.catalog.with_lead_times(lead_times))``."""
    factory = _check_factory(factory)
    return factory.with_(catalog=factory.catalog.with_lead_times(lead_times))


def with_supplier_lead_time(factory: Factory, supplier: str, lead_time: int) -> Factory:
    """Deprecated: ``factory.catalog.with_lead_times(suppliers={supplier: lead_time})``."""
    factory = _check_factory(factory)
    check_name("supplier", supplier)
    known = sorted({c.supplier for c in factory.catalog.components})
    if supplier not in known:
        raise ValueError(f"supplier(={supplier!r}) supplies no component; known: {known!r}")
    days = check_int("lead_time", lead_time, minimum=0)
    return factory.with_(catalog=factory.catalog.with_lead_times(suppliers={supplier: days}))


def scale_lead_times(scenario: Scenario, factor: float) -> Scenario:
    """Deprecated: ``scenario.catalog.with_lead_times(scale=factor)`` in a new factory."""
    scenario = check_scenario(scenario)
    if isinstance(factor, bool) or not isinstance(factor, int | float) or not factor > 0:
        raise ValueError(f"factor(={factor!r}) must be a number > 0")
    catalog: Catalog = scenario.catalog.with_lead_times(scale=float(factor))
    return scenario.with_(factory=scenario.factory.with_(catalog=catalog))


def with_lead_time(factory: Factory, component: str, lead_time: int) -> Factory:
    """Deprecated: ``factory.catalog.with_lead_times({component: lead_time})``."""
    factory = _check_factory(factory)
    if component not in factory.catalog.component_names:
        raise ValueError(
            f"component(={component!r}) is not in the catalog; known: "
            f"{list(factory.catalog.component_names)!r}"
        )
    days = check_int("lead_time", lead_time, minimum=0)
    return factory.with_(catalog=factory.catalog.with_lead_times({component: days}))
