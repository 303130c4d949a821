"""ato_lessons: the small library behind the assemble-to-order (ATO) course.

Start with a named instance and simulate it under the three strategies:

>>> import ato_lessons as ato
>>> pc = ato.load_instance("pc_maker")
>>> orders = pc.orders(horizon=90, seed=1)
>>> table = ato.compare([pc.run(s, orders) for s in ato.STRATEGIES])
>>> list(table.columns)
['MTS', 'MTO', 'ATO']

Modules: :mod:`~ato_lessons.catalog` (components, products, bills of materials),
:mod:`~ato_lessons.demand` (seeded order streams), :mod:`~ato_lessons.factory`
(the simulation), :mod:`~ato_lessons.policies` (target stock levels),
:mod:`~ato_lessons.metrics` (summary tables), :mod:`~ato_lessons.plots` (figures),
:mod:`~ato_lessons.instances` (the named instances), :mod:`~ato_lessons.course`
(lesson list, class seed).
"""

from __future__ import annotations

from ._version import __version__
from .catalog import Catalog, Component, Product, count_configurations
from .course import DEFAULT_SEED, LESSONS, check_setup, class_seed, lesson, set_class_seed
from .demand import DemandModel, generate_orders, popularity
from .factory import STATUSES, STRATEGIES, Factory, SimulationResult, simulate
from .instances import Scenario, list_instances, load_instance
from .metrics import METRICS, compare, summarize
from .policies import (
    base_stock_level,
    daily_demand,
    pooling_saving,
    safety_factor,
    suggest_targets,
)

__all__ = [
    "__version__",
    "Catalog",
    "Component",
    "Product",
    "count_configurations",
    "DemandModel",
    "generate_orders",
    "popularity",
    "Factory",
    "SimulationResult",
    "simulate",
    "STRATEGIES",
    "STATUSES",
    "Scenario",
    "load_instance",
    "list_instances",
    "compare",
    "summarize",
    "METRICS",
    "base_stock_level",
    "daily_demand",
    "pooling_saving",
    "safety_factor",
    "suggest_targets",
    "LESSONS",
    "DEFAULT_SEED",
    "class_seed",
    "set_class_seed",
    "check_setup",
    "lesson",
]
