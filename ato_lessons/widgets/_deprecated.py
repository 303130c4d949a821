"""Old import paths kept for one release: names that left the widget modules.

Students' edited notebooks (pulled with nbgitpuller) may still import, say,
``from ato_lessons.widgets.basics import mto_wait``. The widget modules keep
such names through a module ``__getattr__`` that calls :func:`moved_attribute`:
it returns the object from its new home and emits one ``DeprecationWarning``
naming the new path.

The warning is attributed to the widget module that kept the old name (not to
the caller's line): Python's default filters show ``DeprecationWarning`` only
for code run as ``__main__``, so a notebook cell stays free of warning text,
while test runs (``-W error::DeprecationWarning:ato_lessons.*`` in pytest's
settings), ``python -W default`` and ``warnings.catch_warnings`` see it.

The four helpers that changed a lead time next to
:meth:`~ato_lessons.catalog.Catalog.with_lead_times` are kept here, as thin
deprecated wrappers delegating to it.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from types import ModuleType
from typing import Any

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


def moved_from(module: ModuleType, *names: str) -> dict[str, tuple[Any, str]]:
    """Table ``name -> (object, new path)`` for names now living in ``module``."""
    return {name: (getattr(module, name), f"{module.__name__}.{name}") for name in names}


def moved_attribute(module: str, name: str, moved: Mapping[str, tuple[Any, str]]) -> Any:
    """The object an old name stands for, with one ``DeprecationWarning`` naming its new path.

    Parameters
    ----------
    module : str
        The old module (its ``__name__``).
    name : str
        The attribute asked for.
    moved : Mapping
        ``name -> (object, new path)``, e.g. from :func:`moved_from`.

    Raises
    ------
    AttributeError
        If ``name`` is not a moved name (the usual error for a missing attribute).
    """
    try:
        obj, new_path = moved[name]
    except KeyError:
        raise AttributeError(f"module {module!r} has no attribute {name!r}") from None
    warnings.warn(
        f"{module}.{name} is deprecated and will be removed in the next release: "
        f"use {new_path}",
        DeprecationWarning,
        stacklevel=2,  # the old module (its __getattr__ called us), not the caller's line
    )
    return obj


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
