"""Graders of lesson 05 (comparing strategies): exercises 5.1a and 5.1b.

* 5.1a: what ATO saves and what it costs against MTS when demand is jumpier
  (variability :data:`JUMPY_VARIABILITY`);
* 5.1b: the simulated risk-pooling saving of :data:`POOLING_PRODUCTS` products
  sharing one component.

Examples
--------
>>> from ato_lessons.i18n import set_language
>>> set_language("en")
>>> grade_pooling(25).message
'25 looks like a percentage: give a fraction (25 % is 0.25).'
"""

from __future__ import annotations

import math
from functools import cache

from ato_lessons.course import class_seed
from ato_lessons.grading.exercise import Exercise
from ato_lessons.grading.numeric import as_real, expected_number, named_numbers, short_number
from ato_lessons.grading.numeric import gap as _gap
from ato_lessons.grading.reference import class_orders, pc_maker
from ato_lessons.grading.verdict import Verdict
from ato_lessons.i18n import fmt_number as _num
from ato_lessons.i18n import fmt_percent as _pct
from ato_lessons.i18n import tr
from ato_lessons.instances import load_instance

__all__ = ["EXERCISES", "JUMPY_VARIABILITY", "POOLING_PRODUCTS", "grade_pooling",
           "grade_strategy_gaps"]

#: 5.1a: the demand variability of the "jumpier demand" world (the lesson uses 0.2).
JUMPY_VARIABILITY = 0.6
#: 5.1b: the number of products sharing one component (the lesson prints 1, 2, 3, 4,
#: 6 and 9, so the answer cannot be copied from it).
POOLING_PRODUCTS = 5


@cache
def _strategy_gaps(seed: int, variability: float | None = JUMPY_VARIABILITY,
                   retarget: bool = True) -> tuple[float, float]:
    """ATO holding cost / MTS holding cost, and ATO - MTS mean lead time (days).

    With ``variability`` the orders come from the jumpier demand; ``retarget`` sets the
    target stock levels for that demand (the exercise), otherwise they stay those of the
    usual forecast (a likely slip). ``variability=None`` is the lesson's usual world.
    """
    pc = pc_maker()
    if variability is None:
        table = pc.compare(class_orders(seed))
    else:
        demand = pc.demand.with_(variability=variability)
        if retarget:
            pc = pc.with_(demand=demand)
        table = pc.compare(pc.orders(seed=seed, demand=demand))

    def cell(metric: str, strategy: str) -> float:
        return float(table[strategy].to_dict()[metric])

    ratio = cell("holding cost (€)", "ATO") / cell("holding cost (€)", "MTS")
    extra = cell("mean lead time (days)", "ATO") - cell("mean lead time (days)", "MTS")
    return ratio, extra


@cache
def _pooling_saving(seed: int, n_products: int = POOLING_PRODUCTS) -> float:
    """1 - (average units on the shelves under ATO) / (same under MTS), simulated."""
    scenario = load_instance("pooling", n_products=n_products)
    orders = scenario.orders(seed=seed)
    units = []
    for strategy in ("MTS", "ATO"):
        inventory = scenario.run(strategy, orders).inventory
        units.append(float((inventory["component_units"] + inventory["finished_units"]).mean()))
    return 1.0 - units[1] / units[0]


def grade_strategy_gaps(answer: object) -> Verdict:
    """5.1a: ``{"holding_ratio": ATO holding cost / MTS holding cost,
    "extra_days": ATO mean lead time - MTS mean lead time}`` from
    ``jumpy.compare(jumpy.orders())`` where ``jumpy`` is the PC maker with demand
    variability :data:`JUMPY_VARIABILITY` (targets set for that demand)."""
    exercise_id = "5.1a"
    values = named_numbers(
        exercise_id, answer, ("holding_ratio", "extra_days"),
        "{'holding_ratio': 0.5, 'extra_days': 2.0}",
        (-10_000.0, 10_000.0),
    )
    if isinstance(values, Verdict):
        return values
    ratio, extra = _strategy_gaps(class_seed())
    usual = _strategy_gaps(class_seed(), None)
    kept_targets = _strategy_gaps(class_seed(), JUMPY_VARIABILITY, retarget=False)
    parts = [
        ("holding_ratio", *_gap(values["holding_ratio"], ratio, 0.005, "", "", 3)),
        ("extra_days", *_gap(values["extra_days"], extra, 0.02, "days", "jours")),
    ]
    right = sum(ok for _, ok, _ in parts)
    details = [tr(f"{name}: {gap}", f"{name} : {gap}") for name, ok, gap in parts if not ok]
    given_ratio = values["holding_ratio"]
    if given_ratio > 0 and abs(1.0 / given_ratio - ratio) <= 0.005 and not parts[0][1]:
        details.append(tr(
            "holding_ratio is ATO divided by MTS, not the other way round.",
            "holding_ratio est ATO divisé par MTS, pas l'inverse.",
        ))

    def near(reference: tuple[float, float]) -> bool:
        return (abs(values["holding_ratio"] - reference[0]) <= 0.005
                and abs(values["extra_days"] - reference[1]) <= 0.02)

    if right < len(parts) and near(usual):
        details.append(tr(
            "These are the figures of the usual demand (variability 0.2, as in the lesson); "
            f"the exercise asks for variability {JUMPY_VARIABILITY}.",
            "Ce sont les chiffres de la demande habituelle (variabilité 0,2, comme dans la "
            f"leçon) ; l'exercice demande la variabilité {_num(JUMPY_VARIABILITY, 1)}.",
        ))
    elif right < len(parts) and near(kept_targets):
        details.append(tr(
            "Your orders are jumpier, but the target stock levels are still those of the usual "
            "forecast: build the scenario with pc.with_(demand=...) so that its targets are "
            "set for the jumpier demand.",
            "Vos commandes sont plus irrégulières, mais les niveaux de stock cibles restent "
            "ceux de la prévision habituelle : construisez le scénario avec "
            "pc.with_(demand=...) pour que ses cibles suivent la demande plus irrégulière.",
        ))
    if right == len(parts):
        message = tr(
            f"Right: with jumpier demand ATO costs about {_pct(ratio)} of the MTS holding "
            f"cost (usual demand: {_pct(usual[0])}) and makes customers wait about "
            f"{_num(extra, 1)} more day(s) (usual demand: {_num(usual[1], 1)}). Both need "
            "more safety stock when demand jumps; ATO's edge shrinks a little but stays large.",
            f"Juste : avec une demande plus irrégulière, l'assemblage à la commande coûte "
            f"environ {_pct(ratio)} du coût de possession de la fabrication sur stock (demande "
            f"habituelle : {_pct(usual[0])}) et fait attendre le client environ "
            f"{_num(extra, 1)} jour(s) de plus (demande habituelle : {_num(usual[1], 1)}). "
            "Les deux ont besoin de plus de stock de sécurité quand la demande varie davantage ; "
            "l'avantage de l'assemblage à la commande diminue un peu mais reste net.",
        )
    else:
        message = tr(
            f"{right} of 2 right. Build jumpy = pc.with_(demand=pc.demand.with_(variability="
            f"{JUMPY_VARIABILITY})) and use the rows 'holding cost (€)' and 'mean lead time "
            "(days)' of jumpy.compare(jumpy.orders()).",
            f"Valeurs justes : {right} sur 2. Construisez jumpy = pc.with_(demand=pc.demand.with_("
            f"variability={JUMPY_VARIABILITY})) et utilisez les lignes 'holding cost (€)' et "
            "'mean lead time (days)' de jumpy.compare(jumpy.orders()).",
        )
    return Verdict.from_score(exercise_id, right / len(parts), message, tuple(details))


def grade_pooling(answer: object) -> Verdict:
    """5.1b: the simulated saving ``1 - ATO units / MTS units`` (average units on the
    shelves) of the ``pooling`` instance with :data:`POOLING_PRODUCTS` products, as a
    fraction."""
    exercise_id = "5.1b"
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    saving = as_real(answer)
    if saving is None:
        return expected_number(exercise_id, answer, "a number (a fraction such as 0.25)",
                               "un nombre (une fraction, par exemple 0.25 en Python)")
    if not -1.0 < saving <= 100.0:
        return expected_number(exercise_id, answer, "a fraction between -1 and 1",
                               "une fraction entre -1 et 1")
    if saving > 1.0:
        return Verdict.invalid(exercise_id, tr(
            f"{short_number(saving)} looks like a percentage: give a fraction (25 % is 0.25).",
            f"{short_number(saving)} ressemble à un pourcentage : donnez une fraction "
            "(25 % s'écrit 0.25 en Python).",
        ))
    truth = _pooling_saving(class_seed())
    law = 1.0 - 1.0 / math.sqrt(POOLING_PRODUCTS)
    ok, gap = _gap(saving, truth, 0.01, "", "", 3)
    if ok:
        return Verdict(exercise_id, "correct", 1.0, tr(
            f"Right: the shared component saves {_pct(truth)} of the stock, close to the "
            f"square-root law 1 - 1/√{POOLING_PRODUCTS} = {_pct(law)}. The small gap comes "
            "from rounding the targets, from finished goods waiting one more day than "
            "components, and from randomness.",
            f"Juste : le composant commun économise {_pct(truth)} du stock, proche de la loi "
            f"de la racine carrée 1 - 1/√{POOLING_PRODUCTS} = {_pct(law)}. Le petit écart vient de "
            "l'arrondi des cibles, du jour d'attente de plus des produits finis par rapport aux "
            "composants, et du hasard.",
        ))
    hint = tr(
        " That is the square-root law itself; the exercise asks for the simulated saving."
        if abs(saving - law) < 1e-3 else "",
        " C'est la loi de la racine carrée elle-même ; l'exercice demande l'économie simulée."
        if abs(saving - law) < 1e-3 else "",
    )
    return Verdict(exercise_id, "incorrect", 0.0, tr(
        f"{_num(saving, 3)} is {gap}.{hint} Compare the mean of component_units + finished_units "
        "in the inventory of the MTS and ATO runs.",
        f"{_num(saving, 3)} est {gap}.{hint} Comparez la moyenne de component_units + "
        "finished_units dans le tableau .inventory des simulations MTS et ATO.",
    ))


#: The exercises of lesson 05, both graded here.
EXERCISES: tuple[Exercise, ...] = (
    Exercise("5.1a", "What ATO saves, and what it costs",
             "Ce que l'assemblage à la commande économise, et ce qu'il coûte",
             grade_strategy_gaps),
    Exercise("5.1b", "Measure the risk-pooling saving",
             "Mesurer l'économie de la mutualisation des risques", grade_pooling),
)
