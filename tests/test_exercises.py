"""Student notebooks: generated from the solutions, paired with them, and all unanswered.

* regenerating ``exercises/`` from ``solutions/`` changes nothing;
* "Exercise N.k" pairs with "Solution N.k" and links back to lesson N;
* every exercise notebook runs top to bottom and every checker in it says
  "not answered yet" (like ``nbgrader validate --invert``);
* every check in a solution notebook stores a pass verdict.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import nbformat
import pytest
from nbclient import NotebookClient

from ato_lessons.course import LESSONS
from ato_lessons.grading import choice_exercises

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
NAME = re.compile(r"^(\d{2})_(\d+)_[a-z0-9_]+\.ipynb$")


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_exercises", ROOT / "tools" / "generate_exercises.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()
SOLUTION_FILES = sorted(SOLUTIONS.glob("*.ipynb"))
EXERCISE_FILES = sorted(EXERCISES.glob("*.ipynb"))


def _cells(path: Path) -> list[dict[str, object]]:
    cells: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return cells


def _source(cell: dict[str, object]) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else str(src)


def _output_text(cell: dict[str, object]) -> str:
    parts = []
    for output in cell.get("outputs", []):  # type: ignore[union-attr]
        text = output.get("text") or output.get("data", {}).get("text/plain", "")
        parts.append("".join(text) if isinstance(text, list) else str(text))
    return "".join(parts)


# --- the markers --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a marker line cuts the rest of the cell and leaves a placeholder
        ("x = 1\n# solution\ny = 2\nz = 3", "x = 1\n..."),
        # ... at the marker's indentation
        ("def f():\n    # solution\n    return 1", "def f():\n    ..."),
        # no second placeholder when the kept lines end with one
        ("a = ...  # your answer here\n# solution\na = 4", "a = ...  # your answer here"),
        # a trailing marker replaces a one-line assignment
        ('answer = {"s1": "MTS"}  # solution\ncheck("3.1a", answer)',
         'answer = ...  # your answer here\ncheck("3.1a", answer)'),
        # ... and a multi-line one as a whole
        ('answer = {  # solution\n    "s1": "MTS",\n}\ncheck("3.1a", answer)',
         'answer = ...  # your answer here\ncheck("3.1a", answer)'),
        # "# solutions" or "# solution here" are ordinary comments
        ("# solutions are in solutions/\nx = 1", "# solutions are in solutions/\nx = 1"),
        # NBVAL comments are for the solutions' test run only
        ("# NBVAL_IGNORE_OUTPUT\nquiz", "quiz"),
        # a cell without markers is kept as it is
        ("print('hello')", "print('hello')"),
    ],
)
def test_strip_solution(source: str, expected: str) -> None:
    assert gen.strip_solution(source) == expected


def test_trailing_marker_outside_an_assignment_is_an_error() -> None:
    with pytest.raises(ValueError, match="line 1"):
        gen.strip_solution("print(42)  # solution")


def test_convert_removes_tagged_cells_clears_outputs_and_retitles() -> None:
    nb = {
        "cells": [
            {"cell_type": "markdown", "id": "a", "metadata": {},
             "source": "# Solution 3.1 · Title\nSee Solutions 3.1 too."},
            {"cell_type": "markdown", "id": "b", "metadata": {"tags": ["solution"]},
             "source": "Discussion"},
            {"cell_type": "code", "id": "c", "execution_count": 4,
             "metadata": {"tags": ["keep"], "execution": {"x": 1}},
             "outputs": [{"output_type": "stream", "name": "stdout", "text": "42"}],
             "source": "x = 1  # solution"},
        ],
        "metadata": {"kernelspec": {"name": "python3"}, "widgets": {"state": {}}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    out = gen.convert(nb, "03_1_x.ipynb")
    assert [c["id"] for c in out["cells"]] == ["a", "c"]
    assert out["cells"][0]["source"] == "# Exercise 3.1 · Title\nSee Exercises 3.1 too."
    code = out["cells"][1]
    assert (code["outputs"], code["execution_count"]) == ([], None)
    assert code["metadata"] == {"tags": ["keep"]}
    assert code["source"] == "x = ...  # your answer here"
    assert "widgets" not in out["metadata"]


# --- generated files are up to date and deterministic -------------------------------------
def test_exercises_are_up_to_date() -> None:
    stale = gen.out_of_date(SOLUTIONS, EXERCISES)
    assert stale == [], f"run: python tools/generate_exercises.py (out of date: {stale})"


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    gen.generate(SOLUTIONS, first)
    gen.generate(SOLUTIONS, second)
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes()
        assert b"\r\n" not in path.read_bytes()


def test_stale_exercises_are_removed(tmp_path: Path) -> None:
    (tmp_path / "99_1_gone.ipynb").write_text("{}", encoding="utf-8")
    gen.generate(SOLUTIONS, tmp_path)
    assert not (tmp_path / "99_1_gone.ipynb").exists()


def test_check_mode_reports_a_hand_edited_exercise(tmp_path: Path) -> None:
    gen.generate(SOLUTIONS, tmp_path)
    edited = tmp_path / SOLUTION_FILES[0].name
    edited.write_text(edited.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert gen.main(["--exercises", str(tmp_path)]) == 0  # regenerates
    assert gen.main(["--check", "--exercises", str(tmp_path)]) == 0
    edited.write_text(edited.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert gen.main(["--check", "--exercises", str(tmp_path)]) == 1


# --- pairing with the lessons -------------------------------------------------------------
def test_every_lesson_1_to_6_has_an_exercise() -> None:
    numbers = {int(NAME.match(p.name).group(1)) for p in SOLUTION_FILES if NAME.match(p.name)}
    assert set(range(1, 7)) <= numbers


@pytest.mark.parametrize("solution", SOLUTION_FILES, ids=lambda p: p.name)
def test_titles_mirror_and_link_back_to_the_lesson(solution: Path) -> None:
    match = NAME.match(solution.name)
    assert match, f"{solution.name} must be named NN_k_title.ipynb"
    number, k = int(match.group(1)), int(match.group(2))
    lesson = next(lesson for lesson in LESSONS if lesson.number == number)
    first = _source(_cells(solution)[0])
    assert first.startswith(f"# Solution {number}.{k} · ")
    link = f"](../notebooks/{lesson.filename})"
    assert link in first, f"the first cell must link back to {lesson.filename}"
    assert (ROOT / "notebooks" / lesson.filename).exists(), f"{lesson.filename} is missing"
    exercise_first = _source(_cells(EXERCISES / solution.name)[0])
    assert exercise_first.startswith(f"# Exercise {number}.{k} · ")
    assert link in exercise_first


# --- hidden answers -----------------------------------------------------------------------
@pytest.mark.parametrize("exercise", EXERCISE_FILES, ids=lambda p: p.name)
def test_exercises_hold_no_answers(exercise: Path) -> None:
    text = exercise.read_text(encoding="utf-8")
    sources = "\n".join(_source(c) for c in _cells(exercise))
    assert not re.search(r"^\s*# solution\s*$", sources, flags=re.MULTILINE)
    assert "Discussion." not in sources
    for choice_exercise in choice_exercises().values():
        for item, choice in choice_exercise.answer_key().items():
            assert not re.search(rf'\\"{re.escape(item)}\\": \\"{re.escape(choice)}\\"', text)
    assert all(not c.get("outputs") for c in _cells(exercise) if c["cell_type"] == "code")


# --- solutions pass, exercises run and say "not answered yet" -----------------------------
@pytest.mark.parametrize("solution", SOLUTION_FILES, ids=lambda p: p.name)
def test_solution_checks_store_a_pass_verdict(solution: Path) -> None:
    checks = [c for c in _cells(solution) if c["cell_type"] == "code"
              and re.search(r"^check\(", _source(c), flags=re.MULTILINE)]
    assert checks, "a solution notebook must check its answers"
    for cell in checks:
        verdicts = re.findall(r"^Exercise (\S+) · (.+?)(?: \(score|$)", _output_text(cell),
                              flags=re.MULTILINE)
        assert verdicts, f"no verdict stored for: {_source(cell)[:60]}"
        assert all(status == "correct" for _, status in verdicts), verdicts


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, nbformat.NotebookNode]:
    """Every exercise notebook, executed in exercises/ with progress kept in memory."""
    import os

    saved = {k: os.environ.get(k) for k in ("ATO_PROGRESS_FILE", "ATO_LANG", "MPLBACKEND")}
    os.environ["ATO_PROGRESS_FILE"] = "off"
    os.environ["ATO_LANG"] = "en"
    os.environ.pop("MPLBACKEND", None)
    try:
        results = {}
        for path in EXERCISE_FILES:
            nb = nbformat.read(path, as_version=4)
            NotebookClient(nb, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(EXERCISES)}}).execute()
            results[path.name] = nb
        return results
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.mark.parametrize("exercise", EXERCISE_FILES, ids=lambda p: p.name)
def test_exercise_runs_and_every_checker_says_not_answered_yet(
    exercise: Path, executed: dict[str, nbformat.NotebookNode]
) -> None:
    nb = executed[exercise.name]
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    checks = [c for c in nb.cells if c.cell_type == "code"
              and re.search(r"^check\(", c.source, flags=re.MULTILINE)]
    assert checks
    for cell in checks:
        text = _output_text(cell)
        verdicts = re.findall(r"^Exercise (\S+) · (.+)$", text, flags=re.MULTILINE)
        assert verdicts, f"no verdict printed by: {cell.source[:60]}"
        assert all(status == "not answered yet" for _, status in verdicts), verdicts
