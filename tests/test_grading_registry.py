"""The registry: every exercise listed explicitly, grade() and check(), what grading imports."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ato_lessons.grading.registry as registry_module
from ato_lessons.grading import (
    Exercise,
    Verdict,
    check,
    choice_exercises,
    grade,
    progress,
    registered_exercises,
    set_language,
)
from ato_lessons.grading.registry import (
    CHOICE_FILES,
    CHOICE_SETS_FILE,
    NUMERIC_EXERCISES,
    build_registry,
    course_registry,
)

ROOT = Path(__file__).resolve().parents[1]
COURSE_IDS = ["1.1a", "1.1b", "2.1a", "2.1b", "3.1a", "3.1b", "4.1a", "4.1b", "5.1a", "5.1b",
              "6.1a", "7.1", "8.1"]


@pytest.fixture(autouse=True)
def _clean_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", "off")
    set_language("en")
    progress.reset()
    yield
    set_language("en")
    progress.reset()


# --- what the course checks -----------------------------------------------------------------
def test_the_course_exercises_in_course_order() -> None:
    assert list(registered_exercises()) == COURSE_IDS


def test_numeric_and_choice_exercises_do_not_overlap() -> None:
    numeric = {e.exercise_id for e in NUMERIC_EXERCISES}
    assert numeric == {"1.1b", "2.1b", "4.1a", "4.1b", "5.1a", "5.1b", "8.1"}
    assert set(choice_exercises()) == set(COURSE_IDS) - numeric


def test_titles_follow_the_language() -> None:
    set_language("fr")
    assert registered_exercises()["8.1"] == "Trouver de bons niveaux de stock cible"
    assert registered_exercises()["7.1"] == "Vérifiez vos acquis : tout le cours"


def test_registry_names_its_sources_in_code() -> None:
    """No module-name strings, no importlib: the registry imports the lesson modules."""
    tree = ast.parse(Path(registry_module.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    assert {f"ato_lessons.grading.lesson0{n}" for n in (1, 2, 4, 5, 8)} <= imported
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert "importlib" not in names and "import_module" not in names
    assert [p.name for p in CHOICE_FILES] == [
        "lesson01.toml", "lesson02.toml", "lesson03.toml", "lesson06.toml", "lesson07.toml"
    ]
    assert all(p.is_file() for p in (*CHOICE_FILES, CHOICE_SETS_FILE))


def _python(code: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter (progress in memory); it prints one JSON value."""
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "ATO_LANG")}
    env["ATO_PROGRESS_FILE"] = "off"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.splitlines()[-1])
    return result


_PROBE = """
import json, sys
{before}
from ato_lessons.grading import check, registered_exercises
check("3.1a", {{"s1": "MTS", "s2": "MTO"}})
heavy = ["matplotlib", "ipywidgets", "ato_lessons.plots", "ato_lessons.widgets",
         "ato_lessons.lab.display", "ato_lessons.lab.grader", "ato_lessons.checking"]
print(json.dumps({{"loaded": [m for m in heavy if m in sys.modules],
                  "ids": list(registered_exercises())}}))
"""


def test_grading_imports_neither_matplotlib_nor_ipywidgets_nor_the_lab_display() -> None:
    result = _python(_PROBE.format(before=""))
    assert result["loaded"] == []
    # A student gets every exercise, 7.1 and 8.1 included, with nothing else imported.
    assert result["ids"] == COURSE_IDS


def test_the_import_probe_can_fail() -> None:
    result = _python(_PROBE.format(before="import ato_lessons.plots"))
    assert "matplotlib" in result["loaded"]  # type: ignore[operator]


# --- grade and check ------------------------------------------------------------------------
def test_grade_unknown_exercise_is_invalid_not_an_exception() -> None:
    verdict = grade("9.9", 1)
    assert verdict.status == "invalid"
    assert "Unknown exercise" in verdict.message and "7.1, 8.1" in verdict.message
    assert grade(42, 1).exercise_id == "0.0"  # type: ignore[arg-type]


def _crash(answer: object) -> Verdict:
    raise ZeroDivisionError


def test_grader_that_crashes_gives_invalid() -> None:
    registry = build_registry(numeric=[Exercise("9.9z", "Crash test", "Test de plantage",
                                                _crash)], choice_files=())
    verdict = registry.grade("9.9z", 1)
    assert verdict.status == "invalid"
    assert "ZeroDivisionError" in verdict.message


def test_two_exercises_with_the_same_number_are_refused() -> None:
    twice = [*NUMERIC_EXERCISES, Exercise("4.1a", "x", "x", _crash)]
    with pytest.raises(ValueError, match=r"exercise_id\(='4.1a'\) is defined twice"):
        build_registry(numeric=twice, choice_files=())
    with pytest.raises(ValueError, match="'1.1a'.*lesson01.toml"):
        build_registry(choice_files=(*CHOICE_FILES, CHOICE_FILES[0]))


def test_check_prints_and_records(capsys: pytest.CaptureFixture[str]) -> None:
    check("4.1a", 17)
    out = capsys.readouterr().out
    assert out.startswith("Exercise 4.1a · not right yet")
    assert progress.status_of("4.1a") == "incorrect"
    check("4.1a", ...)
    assert "not answered yet" in capsys.readouterr().out
    assert progress.status_of("4.1a") == "incorrect"  # a placeholder does not erase work


def test_check_of_an_unknown_exercise_records_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    check("9.9", 1)
    assert "Unknown exercise" in capsys.readouterr().out
    assert progress.status_of("9.9") == "unanswered"


# --- adding a choice exercise touches one data file ------------------------------------------
NEW_EXERCISE = '''
[[exercise]]
id = "3.2"
title.en = "Spot the hybrid"
title.fr = "Repérer l'hybride"
hint.en = "Where does stock sit?"
hint.fr = "Où se trouve le stock ?"
choices = "strategies"

[[exercise.item]]
key = "h1"
answer = "ATO"
text.en = "Bases and tints on the shelf, colour mixed on request."
text.fr = "Bases et colorants en rayon, teinte mélangée à la demande."
why.en = "The components are stocked; the last step waits for the order."
why.fr = "Les composants sont stockés ; la dernière étape attend la commande."
'''


def test_a_new_choice_exercise_is_one_edit_of_one_data_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(CHOICE_SETS_FILE.parent, data)
    lesson03 = data / "lesson03.toml"
    lesson03.write_text(lesson03.read_text(encoding="utf-8") + NEW_EXERCISE, encoding="utf-8")
    registry = build_registry(choice_files=tuple(data / p.name for p in CHOICE_FILES),
                              choice_sets_file=data / CHOICE_SETS_FILE.name)
    assert registry.ids() == [*COURSE_IDS[:6], "3.2", *COURSE_IDS[6:]]
    assert registry.titles()["3.2"] == "Spot the hybrid"
    assert registry.grade("3.2", {"h1": "assemble to order"}).status == "correct"
    wrong = registry.grade("3.2", {"h1": "MTS"})
    assert wrong.status == "incorrect" and "last step waits" in wrong.details[0]
    assert registry.choices["3.2"].answer_key() == {"h1": "ATO"}
    # The course's own registry is untouched.
    assert "3.2" not in course_registry()
