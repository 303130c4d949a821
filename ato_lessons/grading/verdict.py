"""Verdicts: what every grader of the course returns, in English and French.

Every grader is a plain function: an answer goes in, a :class:`Verdict` comes
out. A grader never raises on a student's answer: a placeholder (``...``) gives
``"unanswered"`` and garbage gives ``"invalid"`` with a message that says what
was expected.

Examples
--------
>>> from ato_lessons.i18n import set_language
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
import math
import re
from dataclasses import dataclass, field
from typing import Literal, TypeAlias, get_args

from ato_lessons.i18n import fmt_number, tr

__all__ = [
    "EXERCISE_ID",
    "Status",
    "Verdict",
    "describe",
    "is_placeholder",
    "status_label",
    "verdict_html",
]

Status: TypeAlias = Literal["correct", "partial", "incorrect", "unanswered", "invalid"]

_STATUSES: tuple[str, ...] = get_args(Status)
#: What an exercise number looks like: lesson, dot, exercise, optional letter (``"3.1a"``).
EXERCISE_ID = re.compile(r"^[0-9]{1,2}\.[0-9]{1,2}[a-z]?$")

_STATUS_LABELS: dict[str, tuple[str, str]] = {
    "correct": ("correct", "juste"),
    "partial": ("partly right", "en partie juste"),
    "incorrect": ("not right yet", "pas encore juste"),
    "unanswered": ("not answered yet", "pas encore de réponse"),
    "invalid": ("answer not understood", "réponse non comprise"),
}


def status_label(status: str) -> str:
    """Return a verdict status in words, in the current language.

    Parameters
    ----------
    status : {"correct", "partial", "incorrect", "unanswered", "invalid"}

    Raises
    ------
    ValueError
        If ``status`` is not one of the five statuses.

    Examples
    --------
    >>> from ato_lessons.i18n import set_language
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

    Parameters
    ----------
    value : object
        Whatever the student gave.
    limit : int, default 40
        Longest text shown for a number or a string, in characters.

    Returns
    -------
    str
        E.g. ``"'abc' (str)"``, ``"a list of 2 items"``, ``"an object of type Foo"``.

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
        Credit between 0 and 1: 1 for ``"correct"``, 0 for ``"unanswered"``,
        ``"invalid"`` and ``"incorrect"``, strictly between for ``"partial"``.
    message : str
        One-paragraph explanation, already in the current language.
    details : tuple of str, optional
        One explanation per item (statement, business case, number), shown
        under the message.

    Raises
    ------
    ValueError
        If the exercise number is malformed, the status unknown, or the score
        outside [0, 1] or inconsistent with the status.
    TypeError
        If ``message`` is not a str or ``details`` not a tuple of str.
    """

    exercise_id: str
    status: Status
    score: float
    message: str
    details: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not isinstance(self.exercise_id, str) or not EXERCISE_ID.match(self.exercise_id):
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
        """Build a verdict whose status follows from ``score`` (1 correct, 0 incorrect).

        A score strictly between 0 and 1 gives ``"partial"``, rounded to 4 decimals.
        """
        if score >= 1.0:
            return cls(exercise_id, "correct", 1.0, message, details)
        if score <= 0.0:
            return cls(exercise_id, "incorrect", 0.0, message, details)
        return cls(exercise_id, "partial", round(float(score), 4), message, details)

    def label(self) -> str:
        """The status in words, in the current language."""
        return status_label(self.status)

    def text(self) -> str:
        """The verdict as deterministic text (what :func:`~ato_lessons.grading.report` prints)."""
        head = f"{tr('Exercise', 'Exercice')} {self.exercise_id} · {self.label()}"
        if self.status in ("correct", "partial", "incorrect"):
            score = fmt_number(self.score, 2)
            head += tr(f" (score {score})", f" (note {score})")
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

    Parameters
    ----------
    verdict : Verdict

    Returns
    -------
    str
        A ``<div>`` with the status symbol (✔ ◐ ✘ … ?), the head line, the
        message and one ``<li>`` per detail, all HTML-escaped.

    Examples
    --------
    >>> from ato_lessons.i18n import set_language
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
