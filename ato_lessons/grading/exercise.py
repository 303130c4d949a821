"""An exercise as the registry knows it: a number, a bilingual title and a grader.

The lesson modules (:mod:`~ato_lessons.grading.lesson01` …) list their numeric
exercises as :class:`Exercise` objects; the registry turns every choice exercise
of the data files into one too.

Examples
--------
>>> from ato_lessons.grading.verdict import Verdict
>>> def grader(answer: object) -> Verdict:
...     return Verdict.unanswered("9.1")
>>> exercise = Exercise("9.1", "A test", "Un test", grader)
>>> exercise.grader(...).status
'unanswered'
>>> sorted(["10.1", "2.1b", "2.1a", "2.10"], key=sort_key)
['2.1a', '2.1b', '2.10', '10.1']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeAlias

from ato_lessons.grading.verdict import EXERCISE_ID, Verdict
from ato_lessons.i18n import tr

__all__ = ["Exercise", "Grader", "sort_key"]

#: A grader takes the student's answer and returns a verdict; it never raises.
Grader: TypeAlias = Callable[[Any], Verdict]


@dataclass(frozen=True)
class Exercise:
    """One gradable exercise.

    Parameters
    ----------
    exercise_id : str
        Exercise number as written in the notebooks, e.g. ``"3.1a"``.
    title_en, title_fr : str
        Short title in English and French, shown in the progress table.
    grader : callable
        ``grader(answer) -> Verdict``; must never raise on an answer.

    Raises
    ------
    ValueError
        If ``exercise_id`` is malformed or a title is empty.
    TypeError
        If ``grader`` is not callable.
    """

    exercise_id: str
    title_en: str
    title_fr: str
    grader: Grader

    def __post_init__(self) -> None:
        if not isinstance(self.exercise_id, str) or not EXERCISE_ID.match(self.exercise_id):
            raise ValueError(f"exercise_id(={self.exercise_id!r}) must look like '3.1' or '3.1a'")
        for name in ("title_en", "title_fr"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{name}(={value!r}) must be a non-empty str")
        if not callable(self.grader):
            raise TypeError(f"grader(={self.grader!r}) must be callable")

    @property
    def title(self) -> str:
        """The title in the current language."""
        return tr(self.title_en, self.title_fr)


def sort_key(exercise_id: str) -> tuple[int, int, str]:
    """Course order of exercise numbers: lesson, then exercise, then letter."""
    major, _, rest = exercise_id.partition(".")
    digits = "".join(ch for ch in rest if ch.isdigit())
    return (int(major), int(digits or 0), rest[len(digits):])
