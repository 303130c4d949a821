"""Graders of lesson 01 (make to stock): exercise 1.1b.

1.1b asks how many of the most popular PC configurations make-to-stock must
keep on the shelves to serve 80 % of the orders from stock; the grader finds
that number by simulation for the class seed in use.

Examples
--------
>>> from ato_lessons.i18n import set_language
>>> set_language("en")
>>> grade_mts_offer(...).status
'unanswered'
>>> grade_mts_offer("many").status
'invalid'
"""

from __future__ import annotations

from functools import cache

from ato_lessons.course import class_seed
from ato_lessons.grading.exercise import Exercise
from ato_lessons.grading.numeric import as_whole, expected_number
from ato_lessons.grading.numeric import gap as _gap
from ato_lessons.grading.reference import class_orders, pc_maker
from ato_lessons.grading.verdict import Verdict
from ato_lessons.i18n import fmt_percent as _pct
from ato_lessons.i18n import tr

__all__ = ["EXERCISES", "MTS_FILL_GOAL", "MTS_OFFER_TOLERANCE", "grade_mts_offer"]

#: 1.1b: the fill rate MTS must reach by offering only the most popular PCs.
MTS_FILL_GOAL = 0.80
#: 1.1b: how far from the smallest number of products an answer may be.
MTS_OFFER_TOLERANCE = 2


@cache
def _mts_offer_needed(seed: int) -> int:
    """Smallest number of most popular PCs that MTS must offer to reach the fill goal."""
    pc = pc_maker()
    orders = class_orders(seed)
    for k in range(1, pc.catalog.n_configurations + 1):
        if float(pc.run("MTS", orders, offer=k).summary()["fill rate"]) >= MTS_FILL_GOAL:
            return k
    return pc.catalog.n_configurations


def grade_mts_offer(answer: object) -> Verdict:
    """1.1b: the smallest number ``k`` of most popular configurations that MTS
    must stock (``pc.run("MTS", orders, offer=k)``) to serve at least 80 % of
    the orders from stock. Answers within 2 of the simulated value are right."""
    exercise_id = "1.1b"
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    k = as_whole(answer)
    total = pc_maker().catalog.n_configurations
    if k is None or not 1 <= k <= total:
        return expected_number(
            exercise_id, answer, f"a whole number of products between 1 and {total}",
            f"un nombre entier de produits entre 1 et {total}",
        )
    truth = _mts_offer_needed(class_seed())
    ok, gap = _gap(k, truth, MTS_OFFER_TOLERANCE, "products", "produits", 0)
    if ok:
        return Verdict(exercise_id, "correct", 1.0, tr(
            f"Right: about {truth} of the {total} configurations are needed to serve "
            f"{_pct(MTS_FILL_GOAL)} of the orders from stock. The rare ones make up the rest: "
            "stocking every variant is what makes MTS expensive.",
            f"Juste : il faut environ {truth} des {total} configurations pour servir "
            f"{_pct(MTS_FILL_GOAL)} des commandes sur stock. Les configurations rares se partagent "
            "le reste : c'est de devoir stocker chaque variante qui rend la fabrication sur "
            "stock coûteuse.",
        ))
    return Verdict(exercise_id, "incorrect", 0.0, tr(
        f"{k} is {gap}. Run pc.run('MTS', orders, offer=k) for k = 1, 2, 3, ... and stop at "
        f"the first fill rate of at least {_pct(MTS_FILL_GOAL)}.",
        f"{k} est {gap}. Lancez pc.run('MTS', orders, offer=k) pour k = 1, 2, 3, ... et "
        f"arrêtez-vous au premier taux de service d'au moins {_pct(MTS_FILL_GOAL)}.",
    ))


#: The exercises of lesson 01 graded here (1.1a is a choice exercise: data/lesson01.toml).
EXERCISES: tuple[Exercise, ...] = (
    Exercise("1.1b", "How many PCs can MTS offer?",
             "Combien de PC la fabrication sur stock peut-elle proposer ?", grade_mts_offer),
)
