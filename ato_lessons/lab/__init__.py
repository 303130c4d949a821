"""ATO lab: the general continuous-review assemble-to-order model (lesson 08).

Describe a system with plain data (:func:`lab_system_from_dict`, :func:`read_lab_system`)
or load a named one (:func:`load_lab_system`, names in :data:`LAB_SYSTEMS`), simulate
base-stock levels with :func:`simulate_lab`, and improve them with :func:`coordinate_search`.

Importing this package loads no plotting or widget library: the figures and sliders
(:func:`level_sweep`, :func:`plot_level_sweep`, :class:`LabSliders`, from
:mod:`ato_lessons.lab.display`) are loaded on first use (PEP 562), so
``from ato_lessons.lab import LabSliders`` works as before. The exercise checker of
lesson 08 is :mod:`ato_lessons.grading.lesson08`.

Examples
--------
>>> from ato_lessons.lab import load_lab_system, simulate_lab
>>> system = load_lab_system("lab_pc_tiny")
>>> # No motherboard: every order is lost, and the one monitor costs 1 per unit time.
>>> result = simulate_lab(system, {"motherboard": 0}, n_reps=3, seed=1)
>>> result.mean, int(result.orders_lost.sum()) == int(result.orders.sum())
(-1.0, True)
"""

from __future__ import annotations

from typing import Any

from ato_lessons.lab.engines import LabInputs, draw_inputs, simulate_fast, simulate_reference
from ato_lessons.lab.results import LabResult, mean_ci, simulate_lab, t_quantile_975
from ato_lessons.lab.search import SearchResult, coordinate_search
from ato_lessons.lab.system import (
    LAB_DESCRIPTIONS,
    LAB_SYSTEMS,
    LabComponent,
    LabProduct,
    LabSystem,
    lab_system_from_dict,
    load_lab_system,
    read_lab_system,
    validate_levels,
)

__all__ = [
    "LAB_DESCRIPTIONS",
    "LAB_SYSTEMS",
    "LabComponent",
    "LabInputs",
    "LabSliders",
    "LabProduct",
    "LabResult",
    "LabSystem",
    "SearchResult",
    "coordinate_search",
    "draw_inputs",
    "lab_system_from_dict",
    "level_sweep",
    "load_lab_system",
    "mean_ci",
    "plot_level_sweep",
    "read_lab_system",
    "simulate_fast",
    "simulate_lab",
    "simulate_reference",
    "t_quantile_975",
    "validate_levels",
]

#: The display names (matplotlib, ipywidgets), imported on first use only (PEP 562).
_DISPLAY_NAMES = frozenset({"LabSliders", "level_sweep", "plot_level_sweep"})


def __getattr__(name: str) -> Any:
    """Import :mod:`ato_lessons.lab.display` only when one of its names is asked for."""
    if name in _DISPLAY_NAMES:
        from ato_lessons.lab import display

        value = getattr(display, name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
