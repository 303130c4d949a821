"""Graders of lesson 02 (make to order): exercise 2.1b.

2.1b asks how long an MTO customer of the PC maker waits (mean and 95th
percentile) once both processor makers deliver in :data:`FAST_CPU_DAYS` days; the
grader simulates it for the class seed in use.

Examples
--------
>>> from ato_lessons.i18n import set_language
>>> set_language("en")
>>> grade_mto_wait({"mean": 1.0}).status
'invalid'
"""

from __future__ import annotations

from functools import cache

from ato_lessons.course import class_seed
from ato_lessons.grading.exercise import Exercise
from ato_lessons.grading.numeric import gap as _gap
from ato_lessons.grading.numeric import named_numbers
from ato_lessons.grading.reference import class_orders, pc_maker
from ato_lessons.grading.verdict import Verdict
from ato_lessons.i18n import tr

__all__ = ["CPU_SUPPLIERS", "EXERCISES", "FAST_CPU_DAYS", "grade_mto_wait"]

#: Exercise 2.1b: the processor makers and their promised lead time (days).
CPU_SUPPLIERS: tuple[str, ...] = ("ChipCo (US)", "Silicon Forge (IE)")
FAST_CPU_DAYS = 10


@cache
def _mto_lead_times(seed: int) -> tuple[float, float]:
    """MTO mean and p95 wait when both processor makers deliver in ``FAST_CPU_DAYS``."""
    pc = pc_maker()
    faster = {c.name: FAST_CPU_DAYS for c in pc.catalog.components if c.supplier in CPU_SUPPLIERS}
    factory = pc.factory.with_(catalog=pc.catalog.with_lead_times(faster))
    summary = pc.with_(factory=factory).run("MTO", class_orders(seed)).summary()
    return float(summary["mean lead time (days)"]), float(summary["p95 lead time (days)"])


def grade_mto_wait(answer: object) -> Verdict:
    """2.1b: ``{"mean": ..., "p95": ...}``, the mean and 95th percentile of the
    MTO lead time (days) of the PC maker on the class orders, once both processor
    makers deliver in ``FAST_CPU_DAYS`` days."""
    exercise_id = "2.1b"
    values = named_numbers(
        exercise_id, answer, ("mean", "p95"), "{'mean': 12.3, 'p95': 20.0}", (0.0, 10_000.0)
    )
    if isinstance(values, Verdict):
        return values
    mean, p95 = _mto_lead_times(class_seed())
    parts = [
        ("mean", *_gap(values["mean"], mean, 0.05, "days", "jours")),
        ("p95", *_gap(values["p95"], p95, 0.5, "days", "jours", 1)),
    ]
    right = sum(ok for _, ok, _ in parts)
    details = tuple(tr(f"{name}: {gap}", f"{name} : {gap}") for name, ok, gap in parts if not ok)
    if right == len(parts):
        message = tr(
            "Right. Faster processors help, but far less than their 18-25 days saved: the "
            "graphics cards and motherboards (three to four weeks) are now the slowest parts, "
            "and under MTO the customer always waits for the slowest supplier.",
            "Juste. Des processeurs livrés plus vite aident, mais bien moins que les 18 à 25 "
            "jours gagnés : les cartes graphiques et les cartes mères (trois à quatre "
            "semaines) sont maintenant les pièces les plus lentes, et en fabrication sur "
            "commande le client attend toujours le fournisseur le plus lent.",
        )
    else:
        message = tr(
            f"{right} of 2 right. Build the factory with both processor suppliers at "
            f"{FAST_CPU_DAYS} days (catalog.with_lead_times(suppliers=...)), run MTO on the class "
            "orders and read both figures from .summary().",
            f"Valeurs justes : {right} sur 2. Construisez l'usine avec les deux fournisseurs de "
            f"processeurs à {FAST_CPU_DAYS} jours (catalog.with_lead_times(suppliers=...)), "
            "simulez la fabrication sur commande sur les commandes de la classe et lisez les "
            "deux valeurs dans .summary().",
        )
    return Verdict.from_score(exercise_id, right / len(parts), message, details)


#: The exercises of lesson 02 graded here (2.1a is a choice exercise: data/lesson02.toml).
EXERCISES: tuple[Exercise, ...] = (
    Exercise("2.1b", "Faster processors: how long does an MTO customer wait?",
             "Processeurs livrés plus vite : combien de temps attend un client en fabrication "
             "sur commande ?", grade_mto_wait),
)
