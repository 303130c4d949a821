"""Graders of lesson 04 (the PC maker): exercises 4.1a and 4.1b.

* 4.1a: how many PC configurations can no longer be built when
  :data:`FAILED_SUPPLIER` cannot deliver (counted from the catalogue);
* 4.1b: ATO target levels that serve at least 95 % of orders from stock at the
  least inventory value, checked on :data:`CHECK_YEARS` fresh years of orders.

Examples
--------
>>> from ato_lessons.i18n import set_language
>>> set_language("en")
>>> grade_configurations(-3).status
'invalid'
>>> grade_ato_targets({"GPU-ultra": 3}).status
'invalid'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache, lru_cache

import pandas as pd

from ato_lessons.catalog import Catalog
from ato_lessons.course import class_seed
from ato_lessons.grading.exercise import Exercise
from ato_lessons.grading.numeric import as_whole, expected_dict, expected_number
from ato_lessons.grading.numeric import gap as _gap
from ato_lessons.grading.reference import pc_maker
from ato_lessons.grading.verdict import Verdict, describe
from ato_lessons.i18n import fmt_euros as _euros
from ato_lessons.i18n import fmt_number as _num
from ato_lessons.i18n import fmt_percent as _pct
from ato_lessons.i18n import tr

__all__ = [
    "ATO_FILL_GOAL",
    "ATO_FILL_TOLERANCE",
    "ATO_VALUE_TOLERANCE",
    "CHECK_SEED_OFFSET",
    "CHECK_YEARS",
    "EXERCISES",
    "FAILED_SUPPLIER",
    "HOPELESS_FILL",
    "MAX_TARGET",
    "grade_ato_targets",
    "grade_configurations",
]

_MAX_ITEMS_LISTED = 5

#: Exercise 4.1a: the supplier that cannot deliver for a while.
FAILED_SUPPLIER = "Taipei Boards (TW)"
#: 4.1b: the fill rate to reach, the slack allowed for randomness, and the
#: inventory value allowed above the grader's reference solution. (The fill rate of
#: given targets varies a lot from one year of orders to the next, so answers are
#: checked on several fresh years pooled, and tuning on several years is asked for.)
ATO_FILL_GOAL = 0.95
ATO_FILL_TOLERANCE = 0.01
ATO_VALUE_TOLERANCE = 0.15
#: 4.1b: the fresh simulations that check an answer: this many one-year order
#: streams, with seeds ``class_seed() + CHECK_SEED_OFFSET + r`` (none of them is
#: among the years a student simulates).
CHECK_YEARS = 8
CHECK_SEED_OFFSET = 1000
#: 4.1b: the check stops early once the pooled fill rate falls below this.
HOPELESS_FILL = 0.5
#: 4.1b: targets above this are refused (they only make the simulation slow).
MAX_TARGET = 100_000


def _configurations_stopped(catalog: Catalog, supplier: str) -> tuple[int, int]:
    """Configurations that need a part from ``supplier``, and those that do not."""
    still_possible = math.prod(
        sum(c.supplier != supplier for c in catalog.options(category))
        for category in catalog.categories
    )
    return catalog.n_configurations - still_possible, still_possible


def grade_configurations(answer: object) -> Verdict:
    """4.1a: how many PC configurations can no longer be built when
    ``FAILED_SUPPLIER`` cannot deliver (they need one of its parts)."""
    exercise_id = "4.1a"
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    n = as_whole(answer)
    if n is None or n < 0:
        return expected_number(
            exercise_id, answer, "a whole number of configurations",
            "un nombre entier de configurations",
        )
    catalog = pc_maker().catalog
    total = catalog.n_configurations
    stopped, still_possible = _configurations_stopped(catalog, FAILED_SUPPLIER)
    parts = [c.name for c in catalog.components if c.supplier == FAILED_SUPPLIER]
    shown = ", ".join(parts)
    if n == stopped:
        return Verdict(exercise_id, "correct", 1.0, tr(
            f"Right: {stopped} of the {total} configurations need a part from "
            f"{FAILED_SUPPLIER} ({shown}); only {still_possible} can still be built. One "
            f"supplier stops {_pct(stopped / total)} of the range although the other "
            f"{len(catalog.components) - len(parts)} components are on the shelf: under ATO a "
            "missing component stops every product that needs it.",
            f"Juste : {stopped} des {total} configurations ont besoin d'une pièce de "
            f"{FAILED_SUPPLIER} ({shown}) ; seules {still_possible} peuvent encore être "
            f"assemblées. Un seul fournisseur bloque {_pct(stopped / total)} de la gamme alors "
            f"que les {len(catalog.components) - len(parts)} autres composants sont en stock : "
            "en assemblage à la commande, un composant manquant bloque tous les produits "
            "qui en ont besoin.",
        ))
    if n == still_possible:
        why = tr(
            f"{n} is the number of configurations that can still be built. The question asks "
            "for the ones that can no longer be built: subtract from the total.",
            f"{n} est le nombre de configurations encore possibles. La question porte sur "
            "celles qui ne peuvent plus être assemblées : soustrayez ce nombre du total.",
        )
    elif n == total:
        why = tr(
            f"{n} is every configuration. Only the PCs with a part from {FAILED_SUPPLIER} "
            f"({shown}) are stopped; the others can still be built.",
            f"{n} est le nombre total de configurations. Seuls les PC avec une pièce de "
            f"{FAILED_SUPPLIER} ({shown}) sont bloqués ; les autres restent possibles.",
        )
    elif n in (len(parts), len(catalog.components), len(catalog.components) - len(parts)):
        why = tr(
            f"{n} counts components, not configurations. A configuration picks one option in "
            "every category, so the counts per category multiply.",
            f"{n} compte des composants, pas des configurations. Une configuration choisit "
            "une option par catégorie : on multiplie donc entre eux les nombres d'options "
            "de chaque catégorie.",
        )
    else:
        _, gap = _gap(n, stopped, 0, "configurations", "configurations", 0)
        why = tr(
            f"{n} is {gap}. In each category count the options that do not come from "
            f"{FAILED_SUPPLIER} (each component has a .supplier), multiply those counts to get "
            "the PCs that can still be built, and subtract from the total.",
            f"{n} est {gap}. Dans chaque catégorie, comptez les options qui ne viennent pas "
            f"de {FAILED_SUPPLIER} (chaque composant a un .supplier), multipliez ces nombres "
            "pour obtenir les PC encore possibles, et soustrayez-les du total.",
        )
    return Verdict(exercise_id, "incorrect", 0.0, why)


@cache
def _check_orders(seed: int) -> tuple[pd.DataFrame, ...]:
    pc = pc_maker()
    return tuple(pc.orders(seed=seed + CHECK_SEED_OFFSET + r) for r in range(CHECK_YEARS))


@lru_cache(maxsize=256)
def _ato_check(targets: tuple[tuple[str, int], ...], seed: int) -> tuple[float, float, int]:
    """Pooled fill rate, mean average inventory value (€) and years simulated for ATO
    targets on the fresh check years (stops early when the answer is hopeless)."""
    pc = pc_maker()
    served = total = 0
    values: list[float] = []
    for orders in _check_orders(seed):
        result = pc.run("ATO", orders, dict(targets))
        served += int(result.orders["from_stock"].sum())
        total += len(result.orders)
        values.append(float(result.summary()["avg inventory value (€)"]))
        if served < HOPELESS_FILL * total:
            break
    return served / max(total, 1), sum(values) / len(values), len(values)


@cache
def _ato_reference(seed: int) -> tuple[float, float]:
    """A reference answer to 4.1b: one service level for every component, as low as
    reaches the fill goal on the check years. Returns (fill rate, inventory value)."""
    pc = pc_maker()
    low, high = 0.9, 0.9999
    best = _ato_check(tuple(sorted(pc.targets("ATO", high).items())), seed)
    for _ in range(12):
        middle = (low + high) / 2
        result = _ato_check(tuple(sorted(pc.targets("ATO", middle).items())), seed)
        if result[0] >= ATO_FILL_GOAL:
            high, best = middle, result
        else:
            low = middle
    return best[0], best[1]


def grade_ato_targets(answer: object) -> Verdict:
    """4.1b: ATO target levels ``{component: units}`` for the PC maker that serve
    at least 95 % of orders from stock at the least inventory value.

    The answer is checked on eight fresh years of orders (other seeds), pooled:
    the fill rate must reach 95 % (1 point of slack for randomness) and the
    average inventory value must be within 15 % of a reference solution (one
    service level for all components, as low as reaches 95 % on those years),
    or below it.
    """
    exercise_id = "4.1b"
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    example = "{'Case': 40, 'MB-office': 30, ...}"
    if not isinstance(answer, Mapping):
        return expected_dict(exercise_id, answer, example)
    names = pc_maker().catalog.component_names
    unknown = [k for k in answer if k not in names]
    if unknown:
        shown = ", ".join(describe(k, 20) for k in unknown[:_MAX_ITEMS_LISTED])
        return Verdict.invalid(exercise_id, tr(
            f"Unknown component(s): {shown}. The components are pc.catalog.component_names.",
            f"Composant(s) inconnu(s) : {shown}. Les composants sont "
            "pc.catalog.component_names.",
        ))
    levels: dict[str, int] = {}
    for name in names:
        value = answer.get(name, 0)
        level = as_whole(value)
        if level is None or not 0 <= level <= MAX_TARGET:
            most = _num(MAX_TARGET)
            return expected_number(
                exercise_id,
                value,
                f"a whole number of units from 0 to {most} for {name!r}",
                f"un nombre entier d'unités de 0 à {most} pour {name!r}",
            )
        levels[name] = level
    seed = class_seed()
    fill, value, years = _ato_check(tuple(sorted(levels.items())), seed)
    _, reference = _ato_reference(seed)
    missing = [n for n in names if n not in answer]
    details: list[str] = []
    if missing:
        details.append(tr(
            f"Missing components count as target 0: {', '.join(missing[:_MAX_ITEMS_LISTED])}"
            + ("…" if len(missing) > _MAX_ITEMS_LISTED else "") + ".",
            f"Les composants absents comptent pour une cible de 0 : "
            f"{', '.join(missing[:_MAX_ITEMS_LISTED])}"
            + ("…" if len(missing) > _MAX_ITEMS_LISTED else "") + ".",
        ))
    measured = tr(
        f"Over {years} fresh year(s) of orders (other seeds) your targets serve "
        f"{_pct(fill, 1)} of orders from stock, with an average inventory of {_euros(value)}.",
        f"Sur {years} nouvelle(s) année(s) de commandes (autres graines), vos cibles "
        f"servent {_pct(fill, 1)} des commandes sur stock, pour une valeur moyenne du stock "
        f"de {_euros(value)}.",
    )
    goal = _pct(ATO_FILL_GOAL)
    if fill < ATO_FILL_GOAL - ATO_FILL_TOLERANCE:
        short = _pct(ATO_FILL_GOAL - fill, 1)
        return Verdict(exercise_id, "incorrect", 0.0, measured + " " + tr(
            f"That is {short} short of {goal}: raise the targets, first those of components "
            "many products share.",
            f"Il manque {short} pour atteindre {goal} : relevez les cibles, d'abord celles "
            "des composants communs à beaucoup de produits.",
        ), tuple(details))
    excess = value / reference - 1.0
    allowed = _pct(ATO_VALUE_TOLERANCE)
    if excess <= ATO_VALUE_TOLERANCE:
        return Verdict(exercise_id, "correct", 1.0, measured + " " + tr(
            f"Right: the fill rate is reached, and your inventory is {_pct(abs(excess))} "
            f"{'above' if excess > 0 else 'below'} the reference solution "
            f"({_euros(reference)}).",
            f"Juste : le taux de service est atteint, et votre stock est "
            f"{'supérieur' if excess > 0 else 'inférieur'} de {_pct(abs(excess))} à celui "
            f"de la solution de référence ({_euros(reference)}).",
        ), tuple(details))
    return Verdict(exercise_id, "partial", 0.5, measured + " " + tr(
        f"The fill rate is reached, but the inventory is {_pct(excess)} above the reference "
        f"solution ({_euros(reference)}; {allowed} is allowed): lower the targets, first "
        "those of expensive components.",
        f"Le taux de service est atteint, mais le stock dépasse de {_pct(excess)} celui de "
        f"la solution de référence ({_euros(reference)} ; tolérance : {allowed}) : baissez "
        "les cibles, d'abord celles des composants chers.",
    ), tuple(details))


#: The exercises of lesson 04, both graded here.
EXERCISES: tuple[Exercise, ...] = (
    Exercise("4.1a", "Count the PC configurations", "Compter les configurations de PC",
             grade_configurations),
    Exercise("4.1b", "Target levels for a 95 % fill rate",
             "Niveaux cibles pour un taux de service de 95 %", grade_ato_targets),
)
