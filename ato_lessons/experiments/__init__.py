"""The lessons' experiments: computations and data, no user interface.

Each module holds one theme; the lessons' widgets (:mod:`ato_lessons.widgets`)
draw what these functions compute, and exercises and tests call them directly.
Nothing here imports ipywidgets or matplotlib.

=======================================  ==================================================
module                                   what it holds
=======================================  ==================================================
:mod:`~.stock_runs` (lesson 01)          a one-off production run: :func:`season_orders`,
                                         :func:`one_off_targets`, :func:`production_run`,
                                         :func:`run_figures`, :func:`level_sweep`
:mod:`~.waits` (lessons 02, 04, 06)      how long customers wait: :func:`mto_wait`,
                                         :func:`lead_time_split`, :func:`weekly_lead_time`,
                                         :func:`window_lead_time`, :func:`late_shares`
:mod:`~.configurations` (04, 05, 06)     products and configurations:
                                         :func:`products_using`, :func:`configuration_facts`,
                                         :func:`reduced_catalog`
:mod:`~.surges` (lesson 06)              a demand surge: :func:`surge_orders`,
                                         :func:`planned_targets`, :func:`assembly_limit`
:mod:`~.inventory_risk` (lesson 06)      :func:`value_lost`, :func:`stock_at_risk`,
                                         :func:`days_of_inventory`
:mod:`~.businesses` (lesson 06)          :func:`fit_strategy`, :class:`Business`,
                                         :data:`BUSINESSES`, :func:`business_table`
=======================================  ==================================================

Lead times change in one way only: :meth:`ato_lessons.catalog.Catalog.with_lead_times`.

Examples
--------
>>> from ato_lessons import load_instance, simulate
>>> pc = load_instance("pc_maker")
>>> faster = pc.factory.with_(
...     catalog=pc.catalog.with_lead_times(suppliers={"ChipCo (US)": 14}))
>>> run = pc.run("MTO", pc.orders(horizon=60, seed=1), horizon=180)
>>> quicker = simulate(faster, run.orders[["day", "product", "quantity"]], "MTO", horizon=180)
>>> mto_wait(quicker)["mean"] < mto_wait(run)["mean"]
True
"""

from __future__ import annotations

from ._common import check_result, check_scenario
from .businesses import BUSINESSES, Business, business_table, fit_strategy
from .configurations import configuration_facts, product_of, products_using, reduced_catalog
from .inventory_risk import days_of_inventory, stock_at_risk, value_lost
from .stock_runs import (
    level_sweep,
    offered_products,
    one_off_targets,
    production_run,
    run_figures,
    season_orders,
)
from .surges import assembly_limit, planned_targets, surge_orders
from .waits import late_shares, lead_time_split, mto_wait, weekly_lead_time, window_lead_time

__all__ = [
    "BUSINESSES",
    "Business",
    "assembly_limit",
    "business_table",
    "check_result",
    "check_scenario",
    "configuration_facts",
    "days_of_inventory",
    "fit_strategy",
    "late_shares",
    "lead_time_split",
    "level_sweep",
    "mto_wait",
    "offered_products",
    "one_off_targets",
    "planned_targets",
    "product_of",
    "production_run",
    "products_using",
    "reduced_catalog",
    "run_figures",
    "season_orders",
    "stock_at_risk",
    "surge_orders",
    "value_lost",
    "weekly_lead_time",
    "window_lead_time",
]
