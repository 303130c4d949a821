"""ATO lab: the general continuous-review assemble-to-order model (lesson 08).

Describe a system with plain data (:func:`lab_system_from_dict`, :func:`read_lab_system`)
or load a named one (:func:`load_lab_system`, names in :data:`LAB_SYSTEMS`), simulate
base-stock levels with :func:`simulate_lab`, and improve them with :func:`coordinate_search`.

Importing this package loads no plotting or widget library: the figures and sliders
(:func:`level_sweep`, :func:`plot_level_sweep`, :class:`LabSliders`, from
:mod:`ato_lessons.lab.display`) and the exercise checker (:func:`check_lab_levels` and its
constants, from :mod:`ato_lessons.lab.grader`) are loaded on first use (PEP 562), so
``from ato_lessons.lab import LabSliders`` works as before.

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
    "CHECK_REPS",
    "CHECK_SEED",
    "THRESHOLD",
    "check_lab_levels",
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

#: Names loaded on first use: the presentation layer (matplotlib, ipywidgets) ...
_DISPLAY_NAMES = frozenset({"LabSliders", "level_sweep", "plot_level_sweep"})
#: ... and the exercise checker (grading layer).
_GRADER_NAMES = frozenset({"CHECK_REPS", "CHECK_SEED", "THRESHOLD", "check_lab_levels"})


def __getattr__(name: str) -> Any:
    """Load the display and grader names on first use (PEP 562)."""
    if name in _DISPLAY_NAMES:
        from ato_lessons.lab import display

        value = getattr(display, name)
    elif name in _GRADER_NAMES:
        from ato_lessons.lab import grader

        value = getattr(grader, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
