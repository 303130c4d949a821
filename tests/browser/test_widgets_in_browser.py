"""Every interactive notebook, opened in JupyterLab in a real Chromium.

A kernel-only run (nbval) cannot see "Error displaying widget" or a widget shown as the text
``VBox(...)``: both happen in the browser, when the JupyterLab widget extension and the
kernel's ipywidgets do not match. These tests open each notebook that uses widgets, run all
cells as a student would, then move a slider and answer a quiz, and check what is on screen.

Run them with ``python -m pytest -m browser tests/browser`` (about 15-20 s per notebook).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = "tests/browser/fixtures/widgets_fixture.ipynb"
COURSE_QUIZ_FIXTURE = "tests/browser/fixtures/course_quiz_fixture.ipynb"
PRESENTATION_LESSON = "notebooks/03_assemble_to_order.ipynb"

#: Source text that means a notebook shows widgets: ipywidgets itself, a call (not just an
#: import) of a course quiz, ``interact``, or a course panel's ``.widget``.
WIDGET_HINTS = re.compile(
    r"import ipywidgets|from ipywidgets|\bwidgets\.\w+\(|\b\w*quiz\(|"
    r"\binteract(ive)?\(|\.widget\b(?!s)"
)
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def quiz_answers(quiz_id: str) -> tuple[list[str], list[str]]:
    """English button labels of the right and of a wrong answer, row by row.

    ``quiz_id`` is a choice exercise's id (``ato_lessons.grading``), lesson 07's
    self-check quiz (7.1) included: its questions each have their own choices.
    """
    from ato_lessons.grading import choice_exercises

    exercise = choice_exercises()[quiz_id]
    right, wrong = [], []
    for item in exercise.items:
        choices = exercise.choices_of(item)
        right.append(next(c.en for c in choices if c.code == item.answer))
        wrong.append(next(c.en for c in choices if c.code != item.answer))
    return right, wrong


def check_quizzes(notebook: Any) -> int:
    """Answer every quiz wrong, then right; the feedback must follow. Returns the count.

    Feedback marks: ✔ all right, ✘ all wrong (the verdict's symbols).
    """
    ids = notebook.quiz_ids()
    for quiz_id in ids:
        right, wrong = quiz_answers(quiz_id)
        first = notebook.answer_quiz(quiz_id, wrong)
        assert "✔" not in first, f"{quiz_id}: all-wrong answers gave {first!r}"
        second = notebook.answer_quiz(quiz_id, right)
        assert "✔" in second and "✘" not in second, f"{quiz_id}: right answers gave {second!r}"
        assert second != first
    return len(ids)


def uses_widgets(path: Path) -> bool:
    """Whether a notebook displays widgets (by its code or its stored outputs)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if WIDGET_HINTS.search(source):
            return True
        if any(WIDGET_MIME in output.get("data", {}) for output in cell.get("outputs", [])):
            return True
    return False


def widget_notebooks() -> list[str]:
    """Every notebook under notebooks/ and exercises/ that uses widgets, as posix paths."""
    found = []
    for folder in ("notebooks", "exercises"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            if uses_widgets(path):
                found.append(path.relative_to(ROOT).as_posix())
    return found


# --- discovery itself must be able to say "no" ---------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import ipywidgets as widgets", True),
        ("from ipywidgets import IntSlider", True),
        ('choice_quiz("3.1a")', True),  # a course quiz shown
        ("quiz.choice_quiz('6.1a')", True),
        ("sliders = LabSliders(hn)\nsliders.widget", True),  # a course panel shown
        ("interact(f, x=(0, 10))", True),
        ("from ato_lessons.widgets.quiz import choice_quiz, list_items", False),  # import only
        ("import ato_lessons.widgets", False),
        ("import numpy as np\nprint(np.pi)", False),
        ("# widgets are explained in lesson 3", False),
    ],
)
def test_uses_widgets_table(tmp_path: Path, source: str, expected: bool) -> None:
    path = tmp_path / "nb.ipynb"
    cells = [{"cell_type": "code", "source": source, "outputs": [], "metadata": {}}]
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert uses_widgets(path) is expected


def test_uses_widgets_from_stored_output(tmp_path: Path) -> None:
    output = {"output_type": "display_data", "data": {WIDGET_MIME: {"model_id": "x"}}}
    cells = [{"cell_type": "code", "source": "show()", "outputs": [output], "metadata": {}}]
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert uses_widgets(path)


def test_the_fixture_is_discovered_as_interactive() -> None:
    assert uses_widgets(ROOT / FIXTURE)


def test_every_lesson_is_discovered_as_interactive() -> None:
    # The README promises "every lesson with a widget to move": if discovery misses a lesson,
    # the browser test would silently skip it.
    from ato_lessons.course import LESSONS

    found = set(widget_notebooks())
    missing = [
        lesson.filename
        for lesson in LESSONS
        if (ROOT / "notebooks" / lesson.filename).is_file()
        and f"notebooks/{lesson.filename}" not in found
    ]
    assert not missing, f"no widget found in {missing}: extend WIDGET_HINTS or add a widget"


# --- the harness, proven on a small fixture ------------------------------------------------


def test_fixture_slider_redraws_the_figure(open_notebook: Any) -> None:
    notebook = open_notebook(FIXTURE)
    notebook.run_all()
    notebook.assert_clean(expect_widgets=True)
    index, before, after = notebook.move_first_slider()
    assert before != after
    images = notebook.cell_output(index).locator("img")
    assert images.count() == 1, "the redrawn figure should replace the old one, not add to it"
    notebook.assert_clean(expect_widgets=True)


def test_fixture_quiz_feedback_changes(open_notebook: Any) -> None:
    notebook = open_notebook(FIXTURE)
    notebook.run_all()
    quiz = notebook.page.locator(".jp-OutputArea .widget-toggle-buttons").first
    feedback = quiz.locator("xpath=ancestor::*[contains(@class,'widget-vbox')][1]").locator(
        ".widget-html-content"
    )
    assert "Pick an answer" in (feedback.text_content() or "")
    quiz.get_by_role("button", name="make to stock", exact=True).click()
    notebook.wait_until(
        "(el) => el.textContent.includes('Not quite')",
        feedback.element_handle(),
        "a wrong answer did not show 'Not quite'",
    )
    quiz.get_by_role("button", name="assemble to order", exact=True).click()
    notebook.wait_until(
        "(el) => el.textContent.includes('Correct')",
        feedback.element_handle(),
        "the right answer did not show 'Correct'",
    )
    notebook.wait_idle()
    notebook.assert_clean(expect_widgets=True)


def test_course_quiz_wrong_then_right(open_notebook: Any) -> None:
    notebook = open_notebook(COURSE_QUIZ_FIXTURE)
    notebook.run_all()
    notebook.assert_clean(expect_widgets=True)
    assert notebook.quiz_ids() == ["3.1b"]
    right, wrong = quiz_answers("3.1b")
    assert "✘" in notebook.answer_quiz("3.1b", wrong)
    assert "✔" in notebook.answer_quiz("3.1b", right)
    notebook.assert_clean(expect_widgets=True)


# --- every interactive lesson and exercise -------------------------------------------------


@pytest.mark.parametrize("path", widget_notebooks())
def test_notebook_widgets_render_and_respond(open_notebook: Any, path: str) -> None:
    notebook = open_notebook(path)
    notebook.run_all()
    notebook.assert_clean(expect_widgets=True)
    done = []
    for index in notebook.slider_cells():  # every panel with a slider: move one
        _, before, after = notebook.move_slider_in_cell(index)
        assert before != after
        done.append(f"moved a slider in cell {index}")
    done.append(f"answered {check_quizzes(notebook)} quiz(zes) wrong then right")
    notebook.assert_clean(expect_widgets=True)
    print(f"{path}: {'; '.join(done)}")


# --- presenting a lesson -------------------------------------------------------------------


def test_lesson_opens_in_presentation_mode(open_notebook: Any) -> None:
    """View → Appearance → Presentation Mode: how the instructor guide shows a lesson.

    The instructor runs the lesson first, so the widgets are live on the projector.
    """
    if not (ROOT / PRESENTATION_LESSON).is_file():
        pytest.skip(f"{PRESENTATION_LESSON} is not written yet")
    notebook = open_notebook(PRESENTATION_LESSON)
    notebook.run_all()
    shell = notebook.page.locator("#main")
    assert "jp-mod-presentationMode" not in (shell.get_attribute("class") or "")
    notebook.menu("View", "Appearance", "Presentation Mode")
    notebook.wait_until(
        "() => document.querySelector('#main').classList.contains('jp-mod-presentationMode')",
        None,
        "View → Appearance → Presentation Mode did not switch the shell to presentation mode",
    )
    heading = notebook.page.locator(".jp-Notebook .jp-MarkdownOutput h1").first
    assert heading.is_visible(), "the lesson title is not visible in presentation mode"
    title = heading.text_content() or ""
    assert title.startswith("03"), title
    notebook.assert_clean(expect_widgets=True)  # widgets still rendered in presentation mode
    notebook.menu("View", "Appearance", "Presentation Mode")
    notebook.wait_until(
        "() => !document.querySelector('#main').classList.contains('jp-mod-presentationMode')",
        None,
        "Presentation Mode did not switch off again",
    )
