"""Verdicts of the exercise checkers, in English and French.

Every grader of the course is a plain function: an answer goes in, a
:class:`Verdict` comes out. A verdict never raises on a student's answer: a
placeholder (``...``) gives ``"unanswered"`` and garbage gives ``"invalid"``
with a message that says what was expected.

Examples
--------
>>> from ato_lessons.checking import Verdict, set_language
>>> set_language("en")
>>> v = Verdict("3.1", "partial", 0.5, "4 of 8 statements are right.")
>>> print(v.text())
Exercise 3.1 · partly right (score 0.50)
4 of 8 statements are right.
>>> print(Verdict.unanswered("3.1").text())
Exercise 3.1 · not answered yet
Replace the ... placeholder with your answer, then run the cell again.
"""

from __future__ import annotations

import html
import importlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias, get_args

from .i18n import Language, get_language, set_language, tr

__all__ = [
    "Grader",
    "Language",
    "Status",
    "Verdict",
    "check",
    "describe",
    "get_language",
    "grade",
    "is_placeholder",
    "register_grader",
    "registered_exercises",
    "report",
    "set_language",
    "status_label",
    "tr",
    "verdict_html",
]

Status: TypeAlias = Literal["correct", "partial", "incorrect", "unanswered", "invalid"]

_STATUSES: tuple[str, ...] = get_args(Status)
_EXERCISE_ID = re.compile(r"^[0-9]{1,2}\.[0-9]{1,2}[a-z]?$")

_STATUS_LABELS: dict[str, tuple[str, str]] = {
    "correct": ("correct", "juste"),
    "partial": ("partly right", "en partie juste"),
    "incorrect": ("not right yet", "pas encore juste"),
    "unanswered": ("not answered yet", "pas encore de réponse"),
    "invalid": ("answer not understood", "réponse non comprise"),
}


def status_label(status: str) -> str:
    """Return a verdict status in words, in the current language.

    Examples
    --------
    >>> set_language("en")
    >>> status_label("unanswered")
    'not answered yet'
    """
    if status not in _STATUS_LABELS:
        raise ValueError(f"status(={status!r}) must be one of {_STATUSES}")
    en, fr = _STATUS_LABELS[status]
    return tr(en, fr)


def is_placeholder(answer: object) -> bool:
    """Return True when ``answer`` is the ``...`` placeholder left in the exercises."""
    return answer is Ellipsis


_FRENCH_KINDS = {
    "list": "une liste",
    "tuple": "un tuple",
    "set": "un ensemble",
    "frozenset": "un ensemble",
    "dict": "un dict",
}


def describe(value: object, limit: int = 40) -> str:
    """Describe a student's value briefly and safely, for an error message.

    Never calls the value's own ``repr`` (which could be huge, slow or raise):
    only simple types are shown, shortened to ``limit`` characters.

    Examples
    --------
    >>> describe("x" * 100, limit=10)
    "'xxxxxxx…' (str)"
    >>> describe([1, 2])
    'a list of 2 items'
    """
    if value is None or isinstance(value, bool | int | float):
        huge = tr("a huge int", "un entier énorme")
        text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else huge
        return text if len(text) <= limit else text[: limit - 1] + "…"
    if isinstance(value, str):
        text = repr(value[: limit + 1])
        if len(text) > limit:
            text = text[: limit - 2] + "…" + text[0]
        return f"{text} (str)"
    if isinstance(value, list | tuple | set | frozenset | dict):
        kind = type(value).__name__
        kind_fr = _FRENCH_KINDS.get(kind, kind)
        return tr(f"a {kind} of {len(value)} items", f"{kind_fr} de {len(value)} éléments")
    name = type(value).__name__
    return tr(f"an object of type {name}", f"un objet de type {name}")


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one answer.

    Parameters
    ----------
    exercise_id : str
        Exercise number such as ``"3.1"`` or ``"3.1a"``.
    status : {"correct", "partial", "incorrect", "unanswered", "invalid"}
        ``"unanswered"`` for the ``...`` placeholder, ``"invalid"`` for an answer
        of the wrong kind (the message says what was expected).
    score : float
        Credit between 0 and 1: 1 for ``"correct"``, 0 for ``"unanswered"`` and
        ``"invalid"``, strictly between for ``"partial"``.
    message : str
        One-paragraph explanation, already in the current language.
    details : tuple of str, optional
        One explanation per item (statement, business case, number), shown
        under the message.
    """

    exercise_id: str
    status: Status
    score: float
    message: str
    details: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not isinstance(self.exercise_id, str) or not _EXERCISE_ID.match(self.exercise_id):
            raise ValueError(
                f"exercise_id(={self.exercise_id!r}) must look like '3.1' or '3.1a'"
            )
        if self.status not in _STATUSES:
            raise ValueError(f"status(={self.status!r}) must be one of {_STATUSES}")
        if (
            isinstance(self.score, bool)
            or not isinstance(self.score, int | float)
            or not math.isfinite(self.score)
            or not 0.0 <= self.score <= 1.0
        ):
            raise ValueError(f"score(={self.score!r}) must be a number between 0 and 1")
        if self.status == "correct" and self.score != 1.0:
            raise ValueError(f"score(={self.score!r}) must be 1 when status is 'correct'")
        if self.status in ("unanswered", "invalid", "incorrect") and self.score != 0.0:
            raise ValueError(f"score(={self.score!r}) must be 0 when status is {self.status!r}")
        if self.status == "partial" and not 0.0 < self.score < 1.0:
            raise ValueError(f"score(={self.score!r}) must be strictly between 0 and 1 "
                             "when status is 'partial'")
        if not isinstance(self.message, str):
            raise TypeError(f"message(={self.message!r}) must be a str")
        if not isinstance(self.details, tuple) or not all(
            isinstance(d, str) for d in self.details
        ):
            raise TypeError(f"details(={self.details!r}) must be a tuple of str")

    @property
    def passed(self) -> bool:
        """True when the answer is fully right."""
        return self.status == "correct"

    @classmethod
    def unanswered(cls, exercise_id: str) -> Verdict:
        """The verdict for an answer still equal to the ``...`` placeholder."""
        return cls(
            exercise_id,
            "unanswered",
            0.0,
            tr(
                "Replace the ... placeholder with your answer, then run the cell again.",
                "Remplacez les ... par votre réponse, puis exécutez à nouveau la cellule.",
            ),
        )

    @classmethod
    def invalid(cls, exercise_id: str, message: str) -> Verdict:
        """The verdict for an answer of the wrong kind; ``message`` says what is expected."""
        return cls(exercise_id, "invalid", 0.0, message)

    @classmethod
    def from_score(
        cls, exercise_id: str, score: float, message: str, details: tuple[str, ...] = ()
    ) -> Verdict:
        """Build a verdict whose status follows from ``score`` (1 correct, 0 incorrect)."""
        if score >= 1.0:
            return cls(exercise_id, "correct", 1.0, message, details)
        if score <= 0.0:
            return cls(exercise_id, "incorrect", 0.0, message, details)
        return cls(exercise_id, "partial", round(float(score), 4), message, details)

    def label(self) -> str:
        """The status in words, in the current language."""
        return status_label(self.status)

    def text(self) -> str:
        """The verdict as deterministic text (what :func:`report` prints)."""
        head = f"{tr('Exercise', 'Exercice')} {self.exercise_id} · {self.label()}"
        if self.status in ("correct", "partial", "incorrect"):
            score = f"{self.score:.2f}"
            head += tr(f" (score {score})", f" (note {score.replace('.', ',')})")
        lines = [head]
        if self.message:
            lines.append(self.message)
        lines.extend(f"  - {d}" for d in self.details)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()


_STATUS_MARKS: dict[str, tuple[str, str]] = {
    # (symbol, colour): symbols carry the meaning, colours (Okabe-Ito) only help.
    "correct": ("✔", "#009E73"),
    "partial": ("◐", "#E69F00"),
    "incorrect": ("✘", "#D55E00"),
    "unanswered": ("…", "#555555"),
    "invalid": ("?", "#CC79A7"),
}


def verdict_html(verdict: Verdict) -> str:
    """Render ``verdict`` as a small HTML block for a feedback widget.

    Examples
    --------
    >>> set_language("en")
    >>> verdict_html(Verdict("1.1a", "correct", 1.0, "All right."))[:40]
    '<div style="border-left:4px solid #009E7'
    """
    symbol, colour = _STATUS_MARKS[verdict.status]
    head = verdict.text().split("\n", 1)[0]
    body = "".join(f"<li>{html.escape(d)}</li>" for d in verdict.details)
    message = f"<p>{html.escape(verdict.message)}</p>" if verdict.message else ""
    return (
        f'<div style="border-left:4px solid {colour};padding-left:0.6em">'
        f"<b>{symbol} {html.escape(head)}</b>{message}"
        + (f"<ul>{body}</ul>" if body else "")
        + "</div>"
    )


#: A grader takes the student's answer and returns a verdict; it never raises.
Grader: TypeAlias = Callable[[Any], Verdict]


@dataclass(frozen=True)
class _Entry:
    title_en: str
    title_fr: str
    grader: Grader


_REGISTRY: dict[str, _Entry] = {}


def register_grader(
    exercise_id: str, title_en: str, title_fr: str
) -> Callable[[Grader], Grader]:
    """Decorator registering ``grader`` under ``exercise_id`` for :func:`check`.

    Parameters
    ----------
    exercise_id : str
        Exercise number, e.g. ``"3.1a"``.
    title_en, title_fr : str
        Short title in English and French, shown in the progress table.

    Raises
    ------
    ValueError
        If ``exercise_id`` is malformed or already registered.
    """
    if not isinstance(exercise_id, str) or not _EXERCISE_ID.match(exercise_id):
        raise ValueError(f"exercise_id(={exercise_id!r}) must look like '3.1' or '3.1a'")

    def decorate(grader: Grader) -> Grader:
        previous = _REGISTRY.get(exercise_id)
        # The same function defined again (its module reloaded, e.g. by %autoreload)
        # replaces the old one; another function under the same id is an error.
        if previous is not None and previous.grader is not grader:
            qualified = getattr(previous.grader, "__qualname__", "?")
            if qualified != getattr(grader, "__qualname__", "?"):
                raise ValueError(f"exercise_id(={exercise_id!r}) is already registered")
        _REGISTRY[exercise_id] = _Entry(title_en, title_fr, grader)
        return grader

    return decorate


#: Modules whose graders register themselves on import (lessons 1-6, lab 8).
GRADER_MODULES: tuple[str, ...] = ("ato_lessons.graders", "ato_lessons.lab.grader")


def _load_graders() -> None:
    for module in GRADER_MODULES:
        importlib.import_module(module)


def registered_exercises() -> dict[str, str]:
    """Return ``{exercise_id: title}`` of every known exercise, in the current language."""
    _load_graders()
    return {
        key: tr(entry.title_en, entry.title_fr)
        for key, entry in sorted(_REGISTRY.items(), key=lambda kv: _sort_key(kv[0]))
    }


def _sort_key(exercise_id: str) -> tuple[int, int, str]:
    major, _, rest = exercise_id.partition(".")
    digits = "".join(ch for ch in rest if ch.isdigit())
    return (int(major), int(digits or 0), rest[len(digits):])


def grade(exercise_id: str, answer: object) -> Verdict:
    """Grade ``answer`` for ``exercise_id`` without printing or saving anything.

    An unknown exercise or a grader that fails unexpectedly gives an
    ``"invalid"`` verdict instead of an exception.
    """
    _load_graders()
    entry = _REGISTRY.get(exercise_id) if isinstance(exercise_id, str) else None
    if entry is None:
        known = ", ".join(sorted(_REGISTRY, key=_sort_key))
        valid_id = isinstance(exercise_id, str) and _EXERCISE_ID.match(exercise_id)
        shown = exercise_id if valid_id else "0.0"
        return Verdict.invalid(
            shown,
            tr(
                f"Unknown exercise {describe(exercise_id)}; known exercises: {known}.",
                f"Exercice inconnu {describe(exercise_id)} ; exercices connus : {known}.",
            ),
        )
    try:
        return entry.grader(answer)
    except Exception as error:  # a checker must never crash on a student's answer
        return Verdict.invalid(
            exercise_id,
            tr(
                f"The checker could not read this answer ({type(error).__name__}). "
                "Check its type against the exercise text.",
                f"Le correcteur n'a pas pu lire cette réponse ({type(error).__name__}). "
                "Vérifiez son type d'après l'énoncé.",
            ),
        )


def report(verdict: Verdict, answer: object = None) -> Verdict:
    """Print ``verdict`` and record it (with ``answer``) in the student's progress file.

    Only verdicts of registered exercises (see :func:`register_grader`) are saved.

    Returns the verdict, for callers that want to use it further (the widgets
    do); :func:`check` returns nothing so a notebook cell shows only the text.
    """
    from ato_lessons import progress

    print(verdict.text())
    if verdict.exercise_id in _REGISTRY:
        progress.record(verdict, answer)
    return verdict


def check(exercise_id: str, answer: object) -> None:
    """Grade ``answer``, print the verdict and save it in the progress file.

    Parameters
    ----------
    exercise_id : str
        Exercise number as written in the notebook, e.g. ``"3.1a"``.
    answer : object
        The student's answer (``...`` while not answered yet).
    """
    report(grade(exercise_id, answer), answer)
