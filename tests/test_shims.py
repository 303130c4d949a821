"""The old import paths still work for one release, and each warns once, naming the new path.

Students' notebooks saved before grading moved (pulled again by nbgitpuller) still
say ``from ato_lessons.checking import check``. One test per shim: the old name gives
the new object, and the first access emits a DeprecationWarning naming where to
import from now. Nothing else in the library, tests, tools or benchmarks imports a
shim (pyproject's ``filterwarnings`` turns their warnings into errors).
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from ato_lessons import grading
from ato_lessons.grading import lesson04, lesson08
from ato_lessons.grading import progress as new_progress
from ato_lessons.widgets import quiz as new_quiz

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _restore_modules() -> Iterator[None]:
    """Put back the module objects :func:`fresh` replaced, for the tests that follow."""
    saved = dict(sys.modules)
    yield
    for name in [n for n in sys.modules if n not in saved]:
        del sys.modules[name]
    for name, module in saved.items():
        if sys.modules.get(name) is not module:
            sys.modules[name] = module
            parent, _, child = name.rpartition(".")
            if parent in sys.modules:
                setattr(sys.modules[parent], child, module)


def fresh(name: str) -> ModuleType:
    """Import ``name`` anew, so that its one warning is emitted again."""
    sys.modules.pop(name, None)
    return importlib.import_module(name)


def only_warning(caught: list[warnings.WarningMessage]) -> str:
    messages = [str(w.message) for w in caught if w.category is DeprecationWarning]
    assert len(messages) == 1, messages
    return messages[0]


def test_checking_shim() -> None:
    with pytest.warns(DeprecationWarning) as caught:
        checking = fresh("ato_lessons.checking")
        assert checking.check is grading.check
        assert checking.set_language is grading.set_language
        assert checking.Verdict is grading.Verdict
    assert "ato_lessons.checking is deprecated" in only_warning(caught.list)
    assert "import check from ato_lessons.grading" in only_warning(caught.list)
    with pytest.raises(AttributeError, match="register_grader"):
        checking.register_grader  # noqa: B018 - gone: the registry is explicit now


def test_graders_shim() -> None:
    with pytest.warns(DeprecationWarning) as caught:
        graders = fresh("ato_lessons.graders")
        assert graders.CHOICE_EXERCISES["3.1a"].answer_key()["s1"] == "MTS"
        assert graders.ATO_FILL_GOAL == lesson04.ATO_FILL_GOAL
        assert graders.grade_choices("3.1a", ...).status == "unanswered"
    assert "ato_lessons.grading" in only_warning(caught.list)


def test_progress_shim() -> None:
    with pytest.warns(DeprecationWarning) as caught:
        progress = fresh("ato_lessons.progress")
        assert progress.show_progress is new_progress.show_progress
        assert progress.record is new_progress.record
    assert "import show_progress from ato_lessons.grading.progress" in only_warning(caught.list)


def test_quiz_shim() -> None:
    with pytest.warns(DeprecationWarning) as caught:
        quiz = fresh("ato_lessons.quiz")
        assert quiz.choice_quiz is new_quiz.choice_quiz
        assert quiz.list_items is new_quiz.list_items
    assert "import choice_quiz from ato_lessons.widgets.quiz" in only_warning(caught.list)


def test_lab_grader_shim() -> None:
    with pytest.warns(DeprecationWarning) as caught:
        lab_grader = fresh("ato_lessons.lab.grader")
        assert lab_grader.check_lab_levels is lesson08.check_lab_levels
        assert lab_grader.THRESHOLD == lesson08.THRESHOLD
    assert "ato_lessons.grading.lesson08" in only_warning(caught.list)


def test_self_check_quiz_names_of_tradeoffs(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", "off")
    grading.set_language("en")
    with pytest.warns(DeprecationWarning) as caught:
        tradeoffs = fresh("ato_lessons.widgets.tradeoffs")
        quiz = tradeoffs.SelfCheckQuiz()
        assert isinstance(quiz, new_quiz.ChoiceQuiz) and quiz.widget is quiz
        assert quiz.exercise.exercise_id == "7.1"
        tradeoffs.check_quiz({"q1": "assemble to order"})
        assert [q.key for q in tradeoffs.QUESTIONS][:2] == ["q1", "q2"]
    assert capsys.readouterr().out.startswith("Exercise 7.1 · partly right")
    assert "choice_quiz('7.1')" in only_warning(caught.list)
    with pytest.raises(AttributeError):
        tradeoffs.QuizResult  # noqa: B018 - gone: check() returns a Verdict
    assert "SelfCheckQuiz" not in tradeoffs.__all__


def test_a_notebook_prints_no_warning() -> None:
    """IPython shows a DeprecationWarning only when attributed to __main__; ours are not."""
    code = ("import warnings; warnings.filterwarnings('default', category=DeprecationWarning, "
            "module='__main__')\n"
            "from ato_lessons.checking import check, set_language\n"
            "from ato_lessons.quiz import choice_quiz\n"
            "from ato_lessons.progress import show_progress\n"
            "check('3.1a', ...)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False,
                          env={"PATH": "", "ATO_PROGRESS_FILE": "off"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.startswith("Exercise 3.1a · not answered yet")
    # The same code with every deprecation shown does warn: the test above can fail.
    loud = subprocess.run([sys.executable, "-W", "default::DeprecationWarning", "-c", code],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
                          env={"PATH": "", "ATO_PROGRESS_FILE": "off"})
    assert "ato_lessons.checking is deprecated" in loud.stderr
