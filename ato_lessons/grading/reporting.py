"""What a notebook cell calls: :func:`check` grades, prints and saves an answer.

Examples
--------
>>> import os
>>> os.environ["ATO_PROGRESS_FILE"] = "off"
>>> from ato_lessons.i18n import set_language
>>> set_language("en")
>>> check("4.1a", ...)
Exercise 4.1a · not answered yet
Replace the ... placeholder with your answer, then run the cell again.
"""

from __future__ import annotations

from ato_lessons.grading.progress import record
from ato_lessons.grading.registry import course_registry, grade
from ato_lessons.grading.verdict import Verdict

__all__ = ["check", "report"]


def report(verdict: Verdict, answer: object = None) -> Verdict:
    """Print ``verdict`` and record it (with ``answer``) in the student's progress file.

    Only verdicts of the course's exercises are saved, and never a ``"unanswered"``
    one (see :func:`~ato_lessons.grading.progress.record`).

    Parameters
    ----------
    verdict : Verdict
    answer : object, optional
        Saved with the verdict when it is small plain data.

    Returns
    -------
    Verdict
        ``verdict`` itself, for callers that use it further; :func:`check` returns
        nothing so that a notebook cell shows only the text.
    """
    print(verdict.text())
    if verdict.exercise_id in course_registry():
        record(verdict, answer)
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
