"""Deprecated: the graders moved to :mod:`ato_lessons.grading`.

The choice exercises are data files (``ato_lessons/grading/data/lessonNN.toml``)
read by :mod:`ato_lessons.grading.choices`; the numeric graders are in
:mod:`ato_lessons.grading.lesson01` … :mod:`~ato_lessons.grading.lesson05`. Kept for
one release so that code written before the move still runs; the first name taken
from here emits one :class:`DeprecationWarning`.
"""

from __future__ import annotations

from typing import Any

from ato_lessons import grading
from ato_lessons._deprecation import MovedNames
from ato_lessons.grading import choices, lesson01, lesson02, lesson04, lesson05

_NAMES: dict[str, object] = {
    # grade_choices(exercise_id, answer) is now grade(exercise_id, answer).
    "CHOICE_EXERCISES": grading.choice_exercises(),
    "ChoiceExercise": choices.ChoiceExercise,
    "Item": choices.Item,
    "grade_choices": grading.grade,
}
for _module in (lesson01, lesson02, lesson04, lesson05):
    _NAMES.update({name: getattr(_module, name) for name in _module.__all__
                   if name != "EXERCISES"})

_MOVED = MovedNames(__name__, "ato_lessons.grading", _NAMES, advice=(
    "import from ato_lessons.grading (grade, choice_exercises) or its lesson modules "
    "(ato_lessons.grading.lesson01 ... lesson05) instead."
))


def __getattr__(name: str) -> Any:
    return _MOVED.resolve(name)
