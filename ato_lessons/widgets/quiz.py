"""The one quiz front end: a choice exercise as toggles, a Check and a Hint button.

The widget only collects answers and shows feedback: grading is done by the same
plain functions that :func:`ato_lessons.grading.check` calls, so what a student
sees in the widget is exactly what the tests check, and every check is saved in
the progress file. It shows every choice exercise of the course, from the
classifications of lessons 1-6 to the wrap-up's self-check quiz (7.1, whose
questions each have their own choices). Callbacks write feedback by setting
``HTML.value`` (never ``print``), which keeps notebooks nbval-friendly.

Examples
--------
>>> import os
>>> os.environ["ATO_PROGRESS_FILE"] = "off"
>>> from ato_lessons.i18n import set_language
>>> set_language("en")
>>> quiz = choice_quiz("3.1a")   # in a notebook: display it with `quiz`
>>> quiz.check_button.click()    # nothing chosen yet
>>> "not answered yet" in quiz.feedback.value
True
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

import ipywidgets as widgets

from ato_lessons.grading import Verdict, choice_exercise, grade, verdict_html
from ato_lessons.grading.choices import ChoiceExercise
from ato_lessons.grading.progress import record, saved_answer
from ato_lessons.i18n import tr

__all__ = ["ChoiceQuiz", "choice_quiz", "list_items"]

_LETTERS = "abcdefghij"


class ChoiceQuiz(widgets.VBox):  # type: ignore[misc]
    """A choice exercise as a column of toggles, a Check and a Hint button.

    Parameters
    ----------
    exercise_id : str
        A choice exercise of the course, e.g. ``"6.1a"`` or ``"7.1"``
        (see :func:`ato_lessons.grading.choice_exercises`).

    Attributes
    ----------
    exercise : ChoiceExercise
    toggles : dict of str to ipywidgets.ToggleButtons
        One toggle per item, whose options are the item's choices; ``None`` until
        the student picks an answer (or the answer saved in the progress file).
    check_button, hint_button : ipywidgets.Button
    feedback, hint : ipywidgets.HTML
        Where the verdict and the hint are shown.

    Raises
    ------
    ValueError
        If ``exercise_id`` is not a choice exercise of the course.
    """

    def __init__(self, exercise_id: str) -> None:
        self.exercise: ChoiceExercise = choice_exercise(exercise_id)
        saved = saved_answer(exercise_id)
        before: dict[str, Any] = saved if isinstance(saved, dict) else {}
        self.toggles: dict[str, widgets.ToggleButtons] = {}
        rows = []
        for item in self.exercise.items:
            choices = self.exercise.choices_of(item)
            previous = self.exercise.normalise(before.get(item.key), item)
            toggle = widgets.ToggleButtons(
                options=[(choice.label, choice.code) for choice in choices],
                value=previous,
                # Shared short choices line up in columns; an item's own choices are phrases.
                style={"button_width": "auto" if item.choices else "9em"},
                layout=widgets.Layout(margin="0 0 0.6em 1em"),
            )
            self.toggles[item.key] = toggle
            label = widgets.HTML(f"<b>{item.key}</b> · {_escape(item.text)}")
            rows.append(widgets.VBox([label, toggle]))
        self.check_button = widgets.Button(
            description=tr("Check", "Vérifier"), button_style="primary", icon="check"
        )
        self.hint_button = widgets.Button(description=tr("Hint", "Indice"), icon="lightbulb-o")
        self.feedback = widgets.HTML()
        self.hint = widgets.HTML()
        self.check_button.on_click(self._on_check)
        self.hint_button.on_click(self._on_hint)
        title = widgets.HTML(
            f"<h4>{tr('Exercise', 'Exercice')} {exercise_id} · {_escape(self.exercise.title)}</h4>"
        )
        buttons = widgets.HBox([self.check_button, self.hint_button])
        super().__init__([title, *rows, buttons, self.hint, self.feedback])

    @property
    def widget(self) -> ChoiceQuiz:
        """The quiz itself (it is a widget), like the lesson panels' ``.widget``."""
        return self

    def answer(self) -> dict[str, str | None]:
        """The current choices, ``{item key: choice code or None}``."""
        return {key: toggle.value for key, toggle in self.toggles.items()}

    def check(self) -> Verdict:
        """Grade the current choices, show and save the verdict, and return it."""
        answer = self.answer()
        verdict = grade(self.exercise.exercise_id, answer)
        if verdict.status == "unanswered":
            questions = any(item.choices for item in self.exercise.items)
            verdict = replace(
                verdict,
                message=tr(
                    "Pick an answer for each question, then press Check." if questions else
                    "Pick an answer for each statement, then press Check.",
                    "Choisissez une réponse pour chaque question, puis cliquez sur Vérifier."
                    if questions else
                    "Choisissez une réponse pour chaque phrase, puis cliquez sur Vérifier.",
                ),
            )
        record(verdict, answer)
        self.feedback.value = verdict_html(verdict)
        return verdict

    def _on_check(self, _button: widgets.Button) -> None:
        self.check()

    def _on_hint(self, _button: widgets.Button) -> None:
        self.hint.value = f"<p>💡 {_escape(self.exercise.hint)}</p>"


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def choice_quiz(exercise_id: str) -> ChoiceQuiz:
    """Build the widget for choice exercise ``exercise_id`` (display it as a cell's value)."""
    return ChoiceQuiz(exercise_id)


def list_items(exercise_id: str) -> None:
    """Print the items of choice exercise ``exercise_id`` with their ids and the choices.

    For students who answer in code rather than with the widget. An item with
    its own choices lists them under it, with their letters.

    Raises
    ------
    ValueError
        If ``exercise_id`` is not a choice exercise of the course.

    Examples
    --------
    >>> from ato_lessons.i18n import set_language
    >>> set_language("en")
    >>> list_items("6.1a")  # doctest: +ELLIPSIS
    Exercise 6.1a · Advantage or disadvantage of ATO?
    Answer each item with one of: "advantage", "disadvantage".
      p1: Customers choose among many variants, ...
    >>> list_items("7.1")  # doctest: +ELLIPSIS
    Exercise 7.1 · Check yourself: the whole course
    Answer each question with one of its choices (its text or its letter).
      q1: Which strategy keeps parts, not finished products, on the shelf?
          a) make to stock · b) make to order · c) assemble to order
    ...
    """
    exercise = choice_exercise(exercise_id)
    print(f"{tr('Exercise', 'Exercice')} {exercise_id} · {exercise.title}")
    if exercise.choices:
        choices = ", ".join(f'"{c.code}"' for c in exercise.choices)
        print(tr(f"Answer each item with one of: {choices}.",
                 f"Répondez à chaque élément par l'un des choix suivants : {choices}."))
    else:
        print(tr("Answer each question with one of its choices (its text or its letter).",
                 "Répondez à chaque question par l'un de ses choix (son texte ou sa lettre)."))
    for item in exercise.items:
        print(f"  {item.key}: {item.text}")
        if item.choices:
            options = " · ".join(f"{letter}) {c.label}"
                                 for letter, c in zip(_LETTERS, item.choices, strict=False))
            print(f"      {options}")
