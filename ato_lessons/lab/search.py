"""Coordinate search over base-stock levels, with common random numbers."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ato_lessons.lab.results import MAX_REPS, MAX_SEED, simulate_lab
from ato_lessons.lab.system import LabSystem, validate_levels
from ato_lessons.validation import check_int

__all__ = ["SearchResult", "coordinate_search"]


@dataclass(frozen=True)
class SearchResult:
    """Outcome of :func:`coordinate_search`.

    Attributes
    ----------
    levels : tuple of int
        Best base-stock levels found.
    profit : float
        Their mean profit per unit time on the search's own replications (optimistic:
        confirm with fresh replications, another seed).
    trace : pandas.DataFrame
        One row per accepted move: step, component, change, levels, mean profit.
    evaluations : int
        Number of level vectors simulated.
    """

    levels: tuple[int, ...]
    profit: float
    trace: pd.DataFrame
    evaluations: int


def coordinate_search(
    system: LabSystem,
    start_levels: object = None,
    *,
    n_reps: int = 100,
    seed: int = 2026,
    max_level: int = 20,
    max_moves: int = 200,
) -> SearchResult:
    """Improve base-stock levels one component at a time, by +1 or -1, while profit rises.

    Each sweep tries, for every component in turn, one unit more and one unit less,
    and keeps a change when the mean profit (same ``seed``, hence common random numbers)
    is higher. It stops after a sweep without improvement, or after ``max_moves``
    accepted moves. The result is a local optimum *for these replications*.

    Parameters
    ----------
    system : LabSystem
    start_levels : sequence of int, mapping, or None
        Starting point (``None``: the description's levels).
    n_reps : int
        Replications per evaluation.
    seed : int
        Seed of the replications (the same for every evaluation).
    max_level : int
        Levels stay in ``0..max_level``.
    max_moves : int
        Safety cap on accepted moves.

    Returns
    -------
    SearchResult

    Raises
    ------
    TypeError
        ``system`` is not a LabSystem, or a count or level is not a whole number.
    ValueError
        Invalid levels, a count out of range, start levels above ``max_level``.
    """
    levels = list(validate_levels(system, start_levels))
    n_reps = check_int("n_reps", n_reps, minimum=1, maximum=MAX_REPS)
    seed = check_int("seed", seed, minimum=0, maximum=MAX_SEED)
    max_level = check_int("max_level", max_level, minimum=0, maximum=10_000)
    max_moves = check_int("max_moves", max_moves, minimum=0, maximum=100_000)
    if max(levels) > max_level:
        raise ValueError(f"start_levels(={levels!r}) must not exceed max_level(={max_level})")
    cache: dict[tuple[int, ...], float] = {}

    def profit(candidate: list[int]) -> float:
        key = tuple(candidate)
        if key not in cache:
            cache[key] = simulate_lab(system, key, n_reps, seed).mean
        return cache[key]

    best = profit(levels)
    names = system.component_names
    rows = [{"step": 0, "component": "start", "change": 0, "levels": tuple(levels), "profit": best}]
    improved = True
    while improved and len(rows) <= max_moves:
        improved = False
        for j in range(len(levels)):
            for change in (+1, -1):
                trial = list(levels)
                trial[j] += change
                if not 0 <= trial[j] <= max_level:
                    continue
                value = profit(trial)
                if value > best:
                    levels, best, improved = trial, value, True
                    rows.append(
                        {
                            "step": len(rows),
                            "component": names[j],
                            "change": change,
                            "levels": tuple(levels),
                            "profit": best,
                        }
                    )
                    break
            if len(rows) > max_moves:
                break
    trace = pd.DataFrame(rows).set_index("step")
    return SearchResult(tuple(levels), best, trace, len(cache))
