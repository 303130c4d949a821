"""Grading: the exercises' checkers, their verdicts and the student's progress.

The front door for notebooks::

    from ato_lessons.grading import check, set_language
    check("3.1a", answer)        # prints the verdict and saves it

Every grader is a plain function (answer in, :class:`Verdict` out) that never
raises on an answer. The modules, by what they hold:

* :mod:`~ato_lessons.grading.verdict` — :class:`Verdict` and how it is shown;
* :mod:`~ato_lessons.grading.choices` — choice exercises, read from the data files
  ``grading/data/lessonNN.toml`` (texts, explanations and answers side by side);
* :mod:`~ato_lessons.grading.lesson01` … :mod:`~ato_lessons.grading.lesson08` — the
  graders of the hands-on (numeric) exercises, one module per lesson;
* :mod:`~ato_lessons.grading.registry` — the explicit list of every exercise;
* :mod:`~ato_lessons.grading.progress` — the progress file;
* :mod:`~ato_lessons.grading.reporting` — :func:`check` and :func:`report`.

Grading imports neither matplotlib nor ipywidgets: the quiz widget lives in
:mod:`ato_lessons.widgets.quiz`. The course is self-checked: the answers are in
the data files and in ``solutions/``, in clear.

Examples
--------
>>> import os
>>> os.environ["ATO_PROGRESS_FILE"] = "off"
>>> set_language("en")
>>> grade("1.1a", {"t1": "true"}).status
'partial'
>>> check("1.1a", {"t1": "false"})  # doctest: +ELLIPSIS
Exercise 1.1a · not right yet (score 0.00)
0 of 6 right. Not answered yet: t2, t3, t4, t5, t6.
  - t1 “Under MTS, products are built before any customer orders them, to a f…”: not false. ...
"""

from __future__ import annotations

from ato_lessons.grading.choices import ChoiceExercise
from ato_lessons.grading.exercise import Exercise, Grader
from ato_lessons.grading.progress import (
    progress_file,
    progress_table,
    saved_answer,
    show_progress,
    status_of,
    summary,
)
from ato_lessons.grading.registry import (
    choice_exercise,
    choice_exercises,
    grade,
    registered_exercises,
)
from ato_lessons.grading.reporting import check, report
from ato_lessons.grading.verdict import (
    Status,
    Verdict,
    describe,
    is_placeholder,
    status_label,
    verdict_html,
)
from ato_lessons.i18n import Language, get_language, set_language, tr

__all__ = [
    "ChoiceExercise",
    "Exercise",
    "Grader",
    "Language",
    "Status",
    "Verdict",
    "check",
    "choice_exercise",
    "choice_exercises",
    "describe",
    "get_language",
    "grade",
    "is_placeholder",
    "progress_file",
    "progress_table",
    "registered_exercises",
    "report",
    "saved_answer",
    "set_language",
    "show_progress",
    "status_label",
    "status_of",
    "summary",
    "tr",
    "verdict_html",
]
