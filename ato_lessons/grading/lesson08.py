"""Grader of lesson 08 (the ATO lab): exercise 8.1, good base-stock levels.

Exercise 8.1 asks for base-stock levels of the Hong & Nelson ATO system. The answer
is a list of 8 base-stock levels (or a dict ``{"c1": 4, ...}``), each a whole number
between 0 and :data:`MAX_LEVEL`. It is judged on **fresh** replications
(:data:`CHECK_REPS` replications, seed :data:`CHECK_SEED`, which the lesson never uses),
so tuning to the lesson's own random numbers does not help:

* ``correct`` when the mean profit per unit time is at least :data:`THRESHOLD`;
* ``partial`` when it beats the starting levels (all 10) but not the threshold;
* ``incorrect`` otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from ato_lessons.grading.exercise import Exercise
from ato_lessons.grading.verdict import Verdict, describe, is_placeholder
from ato_lessons.i18n import fmt_number, tr
from ato_lessons.lab.results import simulate_lab
from ato_lessons.lab.system import LabSystem, load_lab_system

__all__ = ["CHECK_REPS", "CHECK_SEED", "EXERCISES", "MAX_LEVEL", "THRESHOLD", "check_lab_levels"]

#: Profit per unit time (mean of the fresh replications) needed for "correct".
THRESHOLD = 132.0
#: Fresh replications used by the checker.
CHECK_REPS = 200
#: Seed of the fresh replications (the lesson and the solution use other seeds).
CHECK_SEED = 808_080
#: Largest base-stock level accepted (the benchmark's capacity).
MAX_LEVEL = 20
EXERCISE = "8.1"


def _parse(system: LabSystem, answer: object) -> tuple[int, ...] | str:
    """Return the levels as a tuple, or an explanation of what is wrong with ``answer``."""
    names = system.component_names
    n = len(names)
    expected = tr(
        f"Expected {n} whole numbers between 0 and {MAX_LEVEL}, one per component "
        f"({', '.join(names)}), as a list such as [5, 5, 5, 5, 5, 5, 5, 5].",
        f"Attendu : {n} nombres entiers entre 0 et {MAX_LEVEL}, un par composant "
        f"({', '.join(names)}), sous forme de liste, par exemple [5, 5, 5, 5, 5, 5, 5, 5].",
    )
    if isinstance(answer, Mapping):
        keys = list(answer.keys())
        if sorted(map(str, keys)) != sorted(names) or not all(isinstance(k, str) for k in keys):
            return (
                tr(
                    f"The dict must have exactly the keys {list(names)}. ",
                    f"Le dict doit avoir exactement les clés {list(names)}. ",
                )
                + expected
            )
        values: list[object] = [answer[name] for name in names]
    elif isinstance(answer, Sequence | np.ndarray) and not isinstance(answer, str | bytes):
        if len(answer) != n:
            return (
                tr(
                    f"Got {describe(answer)} instead of {n} numbers. ",
                    f"Reçu : {describe(answer)} au lieu de {n} nombres. ",
                )
                + expected
            )
        values = list(answer)
    else:
        return tr(f"Got {describe(answer)}. ", f"Reçu : {describe(answer)}. ") + expected
    levels = []
    for name, value in zip(names, values, strict=True):
        if isinstance(value, float | np.floating) and math.isfinite(value) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            return (
                tr(
                    f"The level of {name} is {describe(value)}, not a whole number. ",
                    f"Le niveau de {name} vaut {describe(value)}, pas un nombre entier. ",
                )
                + expected
            )
        if not 0 <= value <= MAX_LEVEL:
            return (
                tr(
                    f"The level of {name} is {describe(int(value))}, outside 0..{MAX_LEVEL}. ",
                    f"Le niveau de {name} vaut {describe(int(value))}, hors de 0 à {MAX_LEVEL}. ",
                )
                + expected
            )
        levels.append(int(value))
    return tuple(levels)


def check_lab_levels(answer: object) -> Verdict:
    """Judge base-stock levels for the ``lab_hong_nelson`` system on fresh replications.

    Parameters
    ----------
    answer : list of 8 int, or dict component name -> int
        The student's levels; ``...`` or ``None`` means "not answered yet".

    Returns
    -------
    Verdict
        Never raises on the answer; garbage gives an ``"invalid"`` verdict.

    Examples
    --------
    >>> from ato_lessons.i18n import set_language
    >>> set_language("en")
    >>> check_lab_levels(...).status
    'unanswered'
    >>> check_lab_levels([10] * 8).status
    'incorrect'
    """
    if is_placeholder(answer) or answer is None:
        return Verdict.unanswered(EXERCISE)
    system = load_lab_system("lab_hong_nelson")
    parsed = _parse(system, answer)
    if isinstance(parsed, str):
        return Verdict.invalid(EXERCISE, parsed)
    result = simulate_lab(system, parsed, CHECK_REPS, CHECK_SEED)
    start = simulate_lab(system, None, CHECK_REPS, CHECK_SEED).mean
    mean, low, high = (fmt_number(v, 2) for v in (result.mean, *result.ci))
    target, start_text = fmt_number(THRESHOLD), fmt_number(start, 2)
    measured = tr(
        f"With {CHECK_REPS} fresh replications your levels {list(parsed)} earn "
        f"{mean} per unit time (95% CI {low} to {high}); "
        f"the target is {target} and the starting levels (all 10) earn {start_text}.",
        f"Sur {CHECK_REPS} nouvelles réplications, vos niveaux {list(parsed)} rapportent "
        f"{mean} par unité de temps (IC à 95 % : de {low} à {high}) ; "
        f"l'objectif est {target} et les niveaux de départ (tous à 10) rapportent "
        f"{start_text}.",
    )
    if result.mean >= THRESHOLD:
        return Verdict(EXERCISE, "correct", 1.0, measured)
    if result.mean > start:
        score = min(max((result.mean - start) / (THRESHOLD - start), 0.01), 0.99)
        hint = tr(
            " Better than the start: keep searching, one component at a time, one unit up "
            "or down (coordinate_search does this for you).",
            " Mieux qu'au départ : continuez à chercher, un composant à la fois, en "
            "ajoutant ou en retirant une unité (coordinate_search le fait pour vous).",
        )
        return Verdict.from_score(EXERCISE, score, measured + hint)
    hint = tr(
        " Not better than the starting levels: compare holding cost and orders lost.",
        " Pas mieux que les niveaux de départ : comparez le coût de possession et les "
        "ventes perdues.",
    )
    return Verdict(EXERCISE, "incorrect", 0.0, measured + hint)


#: The exercise of lesson 08, graded here.
EXERCISES: tuple[Exercise, ...] = (
    Exercise(EXERCISE, "Find good base-stock levels", "Trouver de bons niveaux de stock cible",
             check_lab_levels),
)
