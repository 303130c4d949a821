"""Widget front ends for the choice exercises.

The widgets only collect answers and show feedback: grading is done by the same
plain functions that :func:`ato_lessons.checking.check` calls, so what a student
sees in the widget is exactly what the tests check. Callbacks write feedback by
setting ``HTML.value`` (never ``print``), which keeps notebooks nbval-friendly.

Examples
--------
>>> from ato_lessons.quiz import choice_quiz
>>> quiz = choice_quiz("3.1a")   # in a notebook: display it with `quiz`
>>> quiz.check_button.click()    # nothing chosen yet
>>> "not answered yet" in quiz.feedback.value
True
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import ipywidgets as widgets

from ato_lessons import progress
from ato_lessons.checking import Verdict, grade, tr, verdict_html
from ato_lessons.graders import CHOICE_EXERCISES

__all__ = ["ChoiceQuiz", "choice_quiz", "list_items"]


class ChoiceQuiz(widgets.VBox):  # type: ignore[misc]
    """A choice exercise as a column of toggles, a Check and a Hint button.

    Parameters
    ----------
    exercise_id : str
        A key of :data:`ato_lessons.graders.CHOICE_EXERCISES`, e.g. ``"6.1a"``.

    Attributes
    ----------
    toggles : dict of str to ipywidgets.ToggleButtons
        One toggle per item; ``None`` until the student picks an answer.
    check_button, hint_button : ipywidgets.Button
    feedback, hint : ipywidgets.HTML
        Where the verdict and the hint are shown.
    """

    def __init__(self, exercise_id: str) -> None:
        if exercise_id not in CHOICE_EXERCISES:
            raise ValueError(
                f"exercise_id(={exercise_id!r}) must be one of {sorted(CHOICE_EXERCISES)}"
            )
        self.exercise = CHOICE_EXERCISES[exercise_id]
        saved = progress.saved_answer(exercise_id)
        saved_answer: dict[str, Any] = saved if isinstance(saved, dict) else {}
        options = [(choice.label, choice.code) for choice in self.exercise.choices]
        self.toggles: dict[str, widgets.ToggleButtons] = {}
        rows = []
        for item in self.exercise.items:
            previous = self.exercise.normalise(saved_answer.get(item.key))
            toggle = widgets.ToggleButtons(
                options=options,
                value=previous,
                style={"button_width": "9em"},
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

    def answer(self) -> dict[str, str | None]:
        """The current choices, ``{item_id: choice or None}``."""
        return {key: toggle.value for key, toggle in self.toggles.items()}

    def check(self) -> Verdict:
        """Grade the current choices, show and save the verdict, and return it."""
        answer = self.answer()
        verdict = grade(self.exercise.exercise_id, answer)
        if verdict.status == "unanswered":
            verdict = replace(
                verdict,
                message=tr(
                    "Pick an answer for each statement, then press Check.",
                    "Choisissez une réponse pour chaque phrase, puis cliquez sur Vérifier.",
                ),
            )
        progress.record(verdict, answer)
        self.feedback.value = verdict_html(verdict)
        return verdict

    def _on_check(self, _button: widgets.Button) -> None:
        self.check()

    def _on_hint(self, _button: widgets.Button) -> None:
        self.hint.value = f"<p>💡 {_escape(self.exercise.hint)}</p>"


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def choice_quiz(exercise_id: str) -> ChoiceQuiz:
    """Build the widget for choice exercise ``exercise_id`` (display it as a cell's value)."""
    return ChoiceQuiz(exercise_id)


def list_items(exercise_id: str) -> None:
    """Print the items of choice exercise ``exercise_id`` with their ids and the choices.

    For students who answer in code rather than with the widget.

    Examples
    --------
    >>> from ato_lessons.checking import set_language
    >>> set_language("en")
    >>> list_items("6.1a")  # doctest: +ELLIPSIS
    Exercise 6.1a · Advantage or disadvantage of ATO?
    Answer each item with one of: "advantage", "disadvantage".
      p1: Customers choose among many variants, ...
    """
    if exercise_id not in CHOICE_EXERCISES:
        raise ValueError(
            f"exercise_id(={exercise_id!r}) must be one of {sorted(CHOICE_EXERCISES)}"
        )
    exercise = CHOICE_EXERCISES[exercise_id]
    choices = ", ".join(f'"{c.code}"' for c in exercise.choices)
    print(f"{tr('Exercise', 'Exercice')} {exercise_id} · {exercise.title}")
    print(tr(f"Answer each item with one of: {choices}.",
             f"Répondez à chaque élément par l'un des choix suivants : {choices}."))
    for item in exercise.items:
        print(f"  {item.key}: {item.text}")
