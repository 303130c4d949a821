"""The explicit list of the course's exercises, and :func:`grade`.

Nothing registers itself: this module imports the lesson modules that hold
numeric graders and names the data files that hold the choice exercises, so
that reading it tells every exercise the course checks, and a student gets the
complete list (:func:`registered_exercises`) whatever else was imported.

* numeric graders: :data:`NUMERIC_EXERCISES`, from :mod:`~ato_lessons.grading.lesson01`,
  :mod:`~ato_lessons.grading.lesson02`, :mod:`~ato_lessons.grading.lesson04`,
  :mod:`~ato_lessons.grading.lesson05` and :mod:`~ato_lessons.grading.lesson08`;
* choice exercises: the TOML files :data:`CHOICE_FILES` of ``grading/data/``, with
  the shared answer sets of :data:`CHOICE_SETS_FILE`.

A new choice exercise goes into its lesson's data file: nothing here changes.

Examples
--------
>>> from ato_lessons.i18n import set_language
>>> set_language("en")
>>> titles = registered_exercises()
>>> list(titles)[:3], titles["8.1"]
(['1.1a', '1.1b', '2.1a'], 'Find good base-stock levels')
>>> grade("3.1a", {"s1": "MTS"}).message
'1 of 10 right. Not answered yet: s2, s3, s4, s5, s6, s7, s8, s9, s10.'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from types import MappingProxyType

import ato_lessons.grading.lesson01 as lesson01
import ato_lessons.grading.lesson02 as lesson02
import ato_lessons.grading.lesson04 as lesson04
import ato_lessons.grading.lesson05 as lesson05
import ato_lessons.grading.lesson08 as lesson08
from ato_lessons.grading.choices import (
    ChoiceExercise,
    grade_choices,
    load_choice_exercises,
    load_choice_sets,
)
from ato_lessons.grading.exercise import Exercise, sort_key
from ato_lessons.grading.verdict import EXERCISE_ID, Verdict, describe
from ato_lessons.i18n import tr

__all__ = [
    "CHOICE_FILES",
    "CHOICE_SETS_FILE",
    "NUMERIC_EXERCISES",
    "Registry",
    "build_registry",
    "choice_exercise",
    "choice_exercises",
    "course_registry",
    "grade",
    "registered_exercises",
]

DATA = Path(__file__).resolve().parent / "data"
#: The answer sets shared by several choice exercises (``choices = "strategies"``).
CHOICE_SETS_FILE = DATA / "choice_sets.toml"
#: The choice exercises, one data file per lesson that has some.
CHOICE_FILES: tuple[Path, ...] = tuple(
    DATA / name
    for name in ("lesson01.toml", "lesson02.toml", "lesson03.toml", "lesson06.toml",
                 "lesson07.toml")
)
#: The exercises graded by code (numbers computed with the library), lesson by lesson.
NUMERIC_EXERCISES: tuple[Exercise, ...] = (
    *lesson01.EXERCISES,
    *lesson02.EXERCISES,
    *lesson04.EXERCISES,
    *lesson05.EXERCISES,
    *lesson08.EXERCISES,
)


def _choice_entry(exercise: ChoiceExercise) -> Exercise:
    return Exercise(exercise.exercise_id, exercise.title_en, exercise.title_fr,
                    partial(grade_choices, exercise))


@dataclass(frozen=True)
class Registry:
    """A fixed set of exercises, by number, with their graders.

    Build one with :func:`build_registry` (the course's is :func:`course_registry`).

    Parameters
    ----------
    exercises : mapping of str to Exercise
        Every exercise, numeric and choice, by number.
    choices : mapping of str to ChoiceExercise
        The choice exercises among them (their items and answers, for the quiz
        widget and the tests).
    """

    exercises: Mapping[str, Exercise]
    choices: Mapping[str, ChoiceExercise]

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self.exercises

    def ids(self) -> list[str]:
        """Exercise numbers in course order."""
        return sorted(self.exercises, key=sort_key)

    def titles(self) -> dict[str, str]:
        """``{exercise_id: title}`` in course order, in the current language."""
        return {key: self.exercises[key].title for key in self.ids()}

    def grade(self, exercise_id: str, answer: object) -> Verdict:
        """Grade ``answer`` for ``exercise_id``.

        Parameters
        ----------
        exercise_id : str
            Exercise number, e.g. ``"3.1a"``.
        answer : object
            The student's answer (``...`` while not answered yet).

        Returns
        -------
        Verdict
            Never raises: an unknown exercise or a grader that fails unexpectedly
            gives an ``"invalid"`` verdict (numbered ``"0.0"`` when the number given
            is malformed) instead of an exception.
        """
        exercise = self.exercises.get(exercise_id) if isinstance(exercise_id, str) else None
        if exercise is None:
            known = ", ".join(self.ids())
            valid_id = isinstance(exercise_id, str) and EXERCISE_ID.match(exercise_id)
            shown = exercise_id if valid_id else "0.0"
            return Verdict.invalid(
                shown,
                tr(
                    f"Unknown exercise {describe(exercise_id)}; known exercises: {known}.",
                    f"Exercice inconnu {describe(exercise_id)} ; exercices connus : {known}.",
                ),
            )
        try:
            return exercise.grader(answer)
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


def build_registry(
    numeric: Iterable[Exercise] = NUMERIC_EXERCISES,
    choice_files: Sequence[Path] = CHOICE_FILES,
    choice_sets_file: Path = CHOICE_SETS_FILE,
) -> Registry:
    """Read the choice exercises and put them with the numeric ones.

    Parameters
    ----------
    numeric : iterable of Exercise, default :data:`NUMERIC_EXERCISES`
        The exercises graded by code.
    choice_files : sequence of pathlib.Path, default :data:`CHOICE_FILES`
        TOML files of choice exercises (format: :mod:`~ato_lessons.grading.choices`).
    choice_sets_file : pathlib.Path, default :data:`CHOICE_SETS_FILE`
        The named answer sets the files may refer to.

    Returns
    -------
    Registry

    Raises
    ------
    ChoiceDataError
        If a data file is malformed (see
        :func:`~ato_lessons.grading.choices.load_choice_exercises`).
    ValueError
        If two exercises share a number; the message names both sources.
    """
    sets = load_choice_sets(choice_sets_file)
    entries: dict[str, Exercise] = {}
    sources: dict[str, str] = {}
    choices: dict[str, ChoiceExercise] = {}

    def add(entry: Exercise, source: str) -> None:
        if entry.exercise_id in entries:
            raise ValueError(f"exercise_id(={entry.exercise_id!r}) is defined twice: in "
                             f"{sources[entry.exercise_id]} and in {source}")
        entries[entry.exercise_id] = entry
        sources[entry.exercise_id] = source

    for entry in numeric:
        add(entry, getattr(entry.grader, "__module__", None) or "the numeric graders")
    for path in choice_files:
        for exercise in load_choice_exercises(path, sets):
            add(_choice_entry(exercise), Path(path).name)
            choices[exercise.exercise_id] = exercise
    return Registry(MappingProxyType(entries), MappingProxyType(choices))


@cache
def course_registry() -> Registry:
    """The course's exercises (read once per kernel)."""
    return build_registry()


def grade(exercise_id: str, answer: object) -> Verdict:
    """Grade ``answer`` for the course's exercise ``exercise_id``, without printing or saving.

    Parameters
    ----------
    exercise_id : str
        Exercise number as written in the notebook, e.g. ``"3.1a"``.
    answer : object
        The student's answer (``...`` while not answered yet).

    Returns
    -------
    Verdict
        Never raises: an unknown exercise or a grader that fails unexpectedly
        gives an ``"invalid"`` verdict.
    """
    return course_registry().grade(exercise_id, answer)


def registered_exercises() -> dict[str, str]:
    """Return ``{exercise_id: title}`` of every exercise of the course, in the current language."""
    return course_registry().titles()


def choice_exercises() -> dict[str, ChoiceExercise]:
    """The course's choice exercises, by number (items, choices and answers)."""
    return dict(course_registry().choices)


def choice_exercise(exercise_id: str) -> ChoiceExercise:
    """The choice exercise ``exercise_id``.

    Raises
    ------
    ValueError
        If ``exercise_id`` is not one of the course's choice exercises.
    """
    choices = course_registry().choices
    if not isinstance(exercise_id, str) or exercise_id not in choices:
        raise ValueError(f"exercise_id(={exercise_id!r}) must be one of "
                         f"{sorted(choices, key=sort_key)}")
    return choices[exercise_id]
