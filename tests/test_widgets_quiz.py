"""The one quiz widget: same grading as check(), feedback in HTML, answers saved and restored.

It shows every choice exercise, the wrap-up's self-check quiz (7.1) included.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from ato_lessons.grading import choice_exercises, progress, set_language
from ato_lessons.widgets.quiz import ChoiceQuiz, choice_quiz, list_items

CHOICE_EXERCISES = choice_exercises()


def _answer_key(exercise_id: str) -> dict[str, str]:
    return CHOICE_EXERCISES[exercise_id].answer_key()


@pytest.fixture(autouse=True)
def _memory_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", "off")
    set_language("en")
    progress.reset()
    yield
    set_language("en")


@pytest.mark.parametrize("exercise_id", sorted(CHOICE_EXERCISES))
def test_quiz_has_one_untouched_toggle_per_item(exercise_id: str) -> None:
    quiz = choice_quiz(exercise_id)
    items = [item.key for item in CHOICE_EXERCISES[exercise_id].items]
    assert list(quiz.toggles) == items
    assert all(t.value is None for t in quiz.toggles.values())
    quiz.check_button.click()
    assert "not answered yet" in quiz.feedback.value
    assert "Pick an answer" in quiz.feedback.value


@pytest.mark.parametrize("exercise_id", sorted(CHOICE_EXERCISES))
def test_quiz_right_answers_are_correct_and_saved(exercise_id: str) -> None:
    quiz = choice_quiz(exercise_id)
    for key, choice in _answer_key(exercise_id).items():
        quiz.toggles[key].value = choice
    quiz.check_button.click()
    assert "· correct" in quiz.feedback.value
    assert progress.status_of(exercise_id) == "correct"


def test_quiz_feedback_explains_each_wrong_answer() -> None:
    quiz = choice_quiz("3.1b")
    quiz.toggles["bread"].value = "MTO"
    quiz.toggles["jet"].value = "MTS"
    verdict = quiz.check()
    assert verdict.status == "incorrect"
    assert quiz.feedback.value.count("<li>") == 2
    assert "baker" in quiz.feedback.value and "millions" in quiz.feedback.value


def test_hint_on_demand() -> None:
    quiz = choice_quiz("6.1a")
    assert quiz.hint.value == ""
    quiz.hint_button.click()
    assert CHOICE_EXERCISES["6.1a"].hint_en in quiz.hint.value


def test_answers_are_restored_after_a_restart(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", str(tmp_path / "progress.json"))
    progress.reset()
    quiz = choice_quiz("3.1a")
    quiz.toggles["s1"].value = "ATO"
    quiz.toggles["s2"].value = "MTO"
    quiz.check()
    progress.reset()  # a kernel restart
    again = choice_quiz("3.1a")
    assert again.toggles["s1"].value == "ATO"
    assert again.toggles["s2"].value == "MTO"
    assert again.toggles["s3"].value is None


def test_corrupt_saved_answer_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", str(tmp_path / "progress.json"))
    progress.reset()
    from ato_lessons.grading import Verdict

    progress.record(Verdict("3.1a", "invalid", 0.0, ""), {"s1": ["junk"], "s2": "bogus"})
    quiz = choice_quiz("3.1a")
    assert all(t.value is None for t in quiz.toggles.values())


def test_french_widget() -> None:
    set_language("fr")
    quiz = choice_quiz("6.1a")
    assert quiz.check_button.description == "Vérifier"
    assert [label for label, _ in quiz.toggles["p1"].options] == ["avantage", "inconvénient"]
    quiz.check_button.click()
    assert "pas encore de réponse" in quiz.feedback.value


def test_unknown_exercise_is_refused() -> None:
    with pytest.raises(ValueError, match=r"exercise_id\(='4.1a'\)"):
        ChoiceQuiz("4.1a")
    with pytest.raises(ValueError, match="exercise_id"):
        list_items("9.9")


def test_list_items_shows_ids_and_choices(capsys: pytest.CaptureFixture[str]) -> None:
    list_items("3.1a")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Exercise 3.1a · Which strategy does each statement describe?"
    assert lines[1] == 'Answer each item with one of: "MTS", "MTO", "ATO".'
    assert len(lines) == 2 + len(CHOICE_EXERCISES["3.1a"].items)


# --- the wrap-up's self-check quiz, exercise 7.1 ------------------------------------------------
def test_self_check_quiz_shows_each_question_with_its_own_choices() -> None:
    quiz = choice_quiz("7.1")
    assert quiz.widget is quiz  # shown like the lesson panels, `quiz.widget`
    assert list(quiz.toggles) == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert [label for label, _ in quiz.toggles["q1"].options] == [
        "make to stock", "make to order", "assemble to order"]
    assert len(quiz.toggles["q3"].options) == 2
    quiz.check_button.click()
    assert "Pick an answer for each question" in quiz.feedback.value


def test_self_check_quiz_is_graded_and_recorded() -> None:
    quiz = choice_quiz("7.1")
    for key, code in _answer_key("7.1").items():
        quiz.toggles[key].value = code
    quiz.check_button.click()
    assert "✔" in quiz.feedback.value and "All 6 right" in quiz.feedback.value
    assert progress.status_of("7.1") == "correct"
    quiz.toggles["q2"].value = "month"
    verdict = quiz.check()
    assert verdict.status == "partial" and "✘" not in quiz.feedback.value
    assert "not about a month" in quiz.feedback.value
    assert progress.status_of("7.1") == "partial"


def test_self_check_quiz_in_french_is_all_french() -> None:
    set_language("fr")
    quiz = choice_quiz("7.1")
    assert "Vérifiez vos acquis" in quiz.children[0].value
    assert [label for label, _ in quiz.toggles["q3"].options] == [
        "les composants", "le travail d'assemblage"]
    quiz.toggles["q3"].value = "assembly"
    quiz.check()
    feedback = html.unescape(quiz.feedback.value)
    assert "Réponses justes : 0 sur 6" in feedback and "« le travail d'assemblage »" in feedback
    assert "the assembly work" not in feedback and "right" not in feedback


def test_self_check_answers_come_back_after_a_restart(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", str(tmp_path / "progress.json"))
    progress.reset()
    quiz = choice_quiz("7.1")
    quiz.toggles["q5"].value = "pooling"
    quiz.check()
    progress.reset()  # a kernel restart
    again = choice_quiz("7.1")
    assert again.toggles["q5"].value == "pooling"
    assert again.toggles["q1"].value is None


def test_list_items_of_the_self_check_quiz(capsys: pytest.CaptureFixture[str]) -> None:
    list_items("7.1")
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "Answer each question with one of its choices (its text or its letter)."
    assert lines[3] == "      a) make to stock · b) make to order · c) assemble to order"
    assert len(lines) == 2 + 2 * 6
