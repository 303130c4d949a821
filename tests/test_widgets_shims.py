"""Old import paths of the widget modules still work for one release, with one
DeprecationWarning naming the new path; the old lead-time helpers delegate to
Catalog.with_lead_times. One test per shim module (the only tests that import them)."""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings
from types import ModuleType
from typing import Any

import pytest

import ato_lessons as ato
from ato_lessons import _deprecation, experiments

NEW_LEAD_TIMES = "ato_lessons.catalog.Catalog.with_lead_times"

#: old module -> {old name: new path}
MOVED: dict[str, dict[str, str]] = {
    "ato_lessons.widgets.basics": {
        "season_orders": "ato_lessons.experiments.stock_runs.season_orders",
        "one_off_targets": "ato_lessons.experiments.stock_runs.one_off_targets",
        "production_run": "ato_lessons.experiments.stock_runs.production_run",
        "run_figures": "ato_lessons.experiments.stock_runs.run_figures",
        "level_sweep": "ato_lessons.experiments.stock_runs.level_sweep",
        "mto_wait": "ato_lessons.experiments.waits.mto_wait",
        "with_lead_times": NEW_LEAD_TIMES,
        "with_supplier_lead_time": NEW_LEAD_TIMES,
    },
    "ato_lessons.widgets.ato": {
        "configuration_facts": "ato_lessons.experiments.configurations.configuration_facts",
        "lead_time_split": "ato_lessons.experiments.waits.lead_time_split",
        "scale_lead_times": NEW_LEAD_TIMES,
    },
    "ato_lessons.widgets.dashboard": {
        "reduced_catalog": "ato_lessons.experiments.configurations.reduced_catalog",
    },
    "ato_lessons.widgets.tradeoffs": {
        "surge_orders": "ato_lessons.experiments.surges.surge_orders",
        "planned_targets": "ato_lessons.experiments.surges.planned_targets",
        "weekly_lead_time": "ato_lessons.experiments.waits.weekly_lead_time",
        "products_using": "ato_lessons.experiments.configurations.products_using",
        "value_lost": "ato_lessons.experiments.inventory_risk.value_lost",
        "stock_at_risk": "ato_lessons.experiments.inventory_risk.stock_at_risk",
        "days_of_inventory": "ato_lessons.experiments.inventory_risk.days_of_inventory",
        "fit_strategy": "ato_lessons.experiments.businesses.fit_strategy",
        "Business": "ato_lessons.experiments.businesses.Business",
        "BUSINESSES": "ato_lessons.experiments.businesses.BUSINESSES",
        "business_table": "ato_lessons.experiments.businesses.business_table",
        "with_lead_time": NEW_LEAD_TIMES,
    },
}


def _old(module: ModuleType, name: str) -> tuple[Any, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        obj = getattr(module, name)
    return obj, caught


@pytest.mark.parametrize("module_name", list(MOVED))
def test_old_names_work_and_warn_once(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for name, new_path in MOVED[module_name].items():
        obj, caught = _old(module, name)
        assert [w.category for w in caught] == [DeprecationWarning], name
        message = str(caught[0].message)
        assert f"{module_name}.{name}" in message and new_path in message
        # The warning points into the library (the shim mechanism), not at the caller's
        # line: Python's default filters then keep it out of notebook cells (shown for
        # __main__ only).
        assert caught[0].filename == _deprecation.__file__
        if new_path != NEW_LEAD_TIMES:
            new_module, new_name = new_path.rsplit(".", 1)
            assert obj is getattr(importlib.import_module(new_module), new_name)
            assert obj is getattr(experiments, new_name)
        else:
            assert callable(obj)
        assert name in dir(module) and name not in vars(module)
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        module.nothing_here  # noqa: B018


def test_old_lead_time_helpers_delegate_to_the_catalog() -> None:
    pc = ato.load_instance("pc_maker")
    basics = importlib.import_module("ato_lessons.widgets.basics")
    ato_widgets = importlib.import_module("ato_lessons.widgets.ato")
    tradeoffs = importlib.import_module("ato_lessons.widgets.tradeoffs")
    with_lead_times, _ = _old(basics, "with_lead_times")
    with_supplier_lead_time, _ = _old(basics, "with_supplier_lead_time")
    scale_lead_times, _ = _old(ato_widgets, "scale_lead_times")
    with_lead_time, _ = _old(tradeoffs, "with_lead_time")
    cat = pc.catalog
    assert with_lead_times(pc.factory, {"CPU-9": 7}).catalog == cat.with_lead_times({"CPU-9": 7})
    assert with_lead_time(pc.factory, "CPU-5", 56).catalog == cat.with_lead_times({"CPU-5": 56})
    assert (with_supplier_lead_time(pc.factory, "ChipCo (US)", 14).catalog
            == cat.with_lead_times(suppliers={"ChipCo (US)": 14}))
    assert scale_lead_times(pc, 2.0).catalog == cat.with_lead_times(scale=2.0)
    # The old errors are kept.
    for call, error, pattern in [
        (lambda: with_lead_times("factory", {}), TypeError, "factory"),
        (lambda: with_supplier_lead_time(pc.factory, "Nobody Inc", 3), ValueError, "Nobody"),
        (lambda: with_supplier_lead_time(pc.factory, "ChipCo (US)", 2.5), TypeError,
         "lead_time"),
        (lambda: scale_lead_times(pc, "2"), ValueError, "factor"),
        (lambda: with_lead_time(pc.factory, "CPU-5", -1), ValueError, "lead_time"),
    ]:
        with pytest.raises(error, match=pattern):
            call()


@pytest.mark.parametrize(
    ("flags", "fails"),
    [
        ((), False),  # Python's defaults, as in a notebook: no warning text at all
        (("-W", "error::DeprecationWarning"), True),  # a strict run sees it
    ],
)
def test_old_import_in_a_script(flags: tuple[str, ...], fails: bool) -> None:
    code = "from ato_lessons.widgets.basics import mto_wait, with_supplier_lead_time\n"
    proc = subprocess.run([sys.executable, *flags, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    if fails:
        assert proc.returncode != 0
        assert "ato_lessons.experiments.waits.mto_wait" in proc.stderr
    else:
        assert proc.returncode == 0 and proc.stderr == ""
