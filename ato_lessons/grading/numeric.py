"""Reading numeric answers, and saying in words how far off they are.

Shared by the graders of the hands-on exercises (:mod:`~ato_lessons.grading.lesson01`
…): each turns a student's value into a number or into an ``"invalid"`` verdict that
says what was expected, and describes the gap to the right value without giving
the value away.

Examples
--------
>>> from ato_lessons.i18n import set_language
>>> set_language("en")
>>> as_whole(288.0), as_whole(2.5), as_real("3")
(288, None, None)
>>> gap(12.0, 10.0, 0.5, "days", "jours")
(False, 'too high by 2.00 days (20%)')
>>> set_language("fr")
>>> gap(11.5, 10.0, 0.5, "days", "jours")
(False, 'trop élevé de 1,50 jour (15 %)')
>>> set_language("en")
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

from ato_lessons.grading.verdict import Verdict, describe
from ato_lessons.i18n import fmt_number, fmt_percent, get_language, tr

__all__ = [
    "as_real",
    "as_whole",
    "expected_dict",
    "expected_number",
    "gap",
    "named_numbers",
    "short_number",
]


def as_real(value: object) -> float | None:
    """``value`` as a finite float if it is a plain (or numpy) real number, else None.

    A bool is not a number here, nor is a string that looks like one.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def as_whole(value: object) -> int | None:
    """``value`` as an int if it is a whole number (``288`` or ``288.0``), else None."""
    number = as_real(value)
    if number is None or not number.is_integer() or abs(number) > 1e15:
        return None
    return int(number)


def short_number(value: float) -> str:
    """``value`` with as few digits as ``f"{value:g}"``, in the current language's style.

    Examples
    --------
    >>> from ato_lessons.i18n import set_language
    >>> set_language("fr")
    >>> short_number(25.5), short_number(40.0)
    ('25,5', '40')
    >>> set_language("en")
    """
    text = f"{value:g}"
    if "e" in text or "n" in text:  # exponent, inf or nan: leave as Python writes it
        return text
    decimals = len(text.partition(".")[2])
    return fmt_number(value, decimals)


def expected_number(exercise_id: str, value: object, what_en: str, what_fr: str) -> Verdict:
    """The ``"invalid"`` verdict for something that should have been a number.

    Parameters
    ----------
    exercise_id : str
    value : object
        What the student gave.
    what_en, what_fr : str
        What was expected, e.g. ``"a whole number of products between 1 and 288"``.
    """
    extra_en = extra_fr = ""
    if isinstance(value, str):
        extra_en, extra_fr = " (remove the quotes)", " (enlevez les guillemets)"
    elif isinstance(value, float) and not math.isfinite(value):
        extra_en, extra_fr = " (it is not finite)", " (ce n'est pas un nombre fini)"
    return Verdict.invalid(
        exercise_id,
        tr(
            f"Expected {what_en}, got {describe(value)}{extra_en}.",
            f"Attendu : {what_fr} ; reçu : {describe(value)}{extra_fr}.",
        ),
    )


def gap(value: float, truth: float, tolerance: float, unit_en: str, unit_fr: str,
        decimals: int = 2) -> tuple[bool, str]:
    """Whether ``value`` is within ``tolerance`` of ``truth``, and what is off in words.

    Parameters
    ----------
    value, truth : float
        The student's value and the right one.
    tolerance : float
        Largest absolute difference still counted right (same unit as ``value``).
    unit_en, unit_fr : str
        Unit of the difference in each language (plural; French drops the ``s``
        below 2), or ``""``.
    decimals : int, default 2
        Decimals of the difference shown.

    Returns
    -------
    (bool, str)
        ``(True, "right")``, or ``(False, "too high by 2.00 days (20%)")``: the
        difference and its share of the right value, never the value itself.
    """
    diff = value - truth
    if abs(diff) <= tolerance:
        return True, tr("right", "juste")
    size = fmt_number(abs(diff), decimals)
    if get_language() == "fr" and abs(diff) < 2 and unit_fr.endswith("s"):
        unit_fr = unit_fr[:-1]  # French nouns stay singular below 2: "1,5 jour"
    unit = tr(unit_en, unit_fr)
    size = f"{size} {unit}" if unit else size
    share = f" ({fmt_percent(abs(diff) / abs(truth))})" if truth else ""
    return False, tr(
        f"too {'high' if diff > 0 else 'low'} by {size}{share}",
        f"trop {'élevé' if diff > 0 else 'faible'} de {size}{share}",
    )


def expected_dict(exercise_id: str, value: object, example: str) -> Verdict:
    """The ``"invalid"`` verdict for something that should have been a dict like ``example``."""
    return Verdict.invalid(
        exercise_id,
        tr(
            f"Expected a dict such as {example}, got {describe(value)}.",
            f"Un dict était attendu, par exemple {example} ; reçu : {describe(value)}.",
        ),
    )


def named_numbers(
    exercise_id: str,
    answer: object,
    names: tuple[str, ...],
    example: str,
    bounds: tuple[float, float],
) -> dict[str, float] | Verdict:
    """Read a dict of named numbers within ``bounds``, or return the verdict saying what is wrong.

    Parameters
    ----------
    exercise_id : str
    answer : object
        The student's answer, e.g. ``{"mean": 12.3, "p95": 20.0}``.
    names : tuple of str
        The keys the dict must have, exactly.
    example : str
        An example answer, shown in messages.
    bounds : (float, float)
        Smallest and largest value accepted for every number.

    Returns
    -------
    dict of str to float, or Verdict
        The numbers; or ``"unanswered"`` when the answer or one of its values is
        a placeholder, ``"invalid"`` when it is not such a dict.
    """
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    if not isinstance(answer, Mapping):
        return expected_dict(exercise_id, answer, example)
    keys = list(answer.keys())
    if sorted(map(str, keys)) != sorted(names) or not all(isinstance(k, str) for k in keys):
        return Verdict.invalid(
            exercise_id,
            tr(
                f"The dict needs exactly the keys {', '.join(names)}; see the example "
                f"{example}.",
                f"Le dict doit avoir exactement les clés {', '.join(names)} ; voir l'exemple "
                f"{example}.",
            ),
        )
    values: dict[str, float] = {}
    for name in names:
        if answer[name] is Ellipsis or answer[name] is None:
            return Verdict.unanswered(exercise_id)
        number = as_real(answer[name])
        low, high = bounds
        if number is None or not low <= number <= high:
            return expected_number(
                exercise_id,
                answer[name],
                f"a number from {fmt_number(low)} to {fmt_number(high)} for {name!r}",
                f"un nombre de {fmt_number(low)} à {fmt_number(high)} pour {name!r}",
            )
        values[name] = number
    return values
