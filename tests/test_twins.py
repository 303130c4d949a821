"""Every lesson and solution has a text twin (jupytext py:percent) that agrees with it.

The twins in ``twins/`` are written by ``tools/build_course.py`` so that a review reads
a text diff. A twin agrees with its notebook when it holds the same cells (type, source,
tags) -- outputs, ids and metadata are left out on purpose, so that re-executing a
notebook does not touch its twin.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import build_course  # noqa: E402

NOTEBOOKS = build_course.twinned_notebooks(ROOT)


def test_every_lesson_and_solution_is_twinned() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in NOTEBOOKS}
    assert {"notebooks/00_start_here.ipynb", "solutions/08_1_ato_lab.ipynb"} <= names
    assert not any(name.startswith("exercises/") for name in names)  # generated, not twinned


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_twin_agrees_with_its_notebook(path: Path) -> None:
    twin = build_course.twin_path(path, ROOT)
    fix = "run `python tools/build_course.py --no-execute`"
    assert twin.exists(), f"{twin.relative_to(ROOT).as_posix()} is missing: {fix}"
    notebook = build_course.read_notebook(path)
    text = twin.read_text(encoding="utf-8")
    ours, theirs = build_course.notebook_cells(notebook), build_course.twin_cells(text)
    differing = [i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b]
    assert len(ours) == len(theirs) and not differing, (
        f"{twin.name} disagrees with {path.name} (cells {differing or 'count'}): {fix}"
    )
    assert text == build_course.twin_text(notebook), f"{twin.name} was edited by hand: {fix}"
    assert "jupytext" not in notebook.metadata, "notebooks carry no pairing metadata"


def test_no_twin_without_a_notebook() -> None:
    expected = {build_course.twin_path(p, ROOT) for p in NOTEBOOKS}
    present = {p for folder in build_course.TWINNED
               for p in (ROOT / build_course.TWINS / folder).glob("*.py")}
    assert present == expected, f"orphans: {sorted(present - expected)}"


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title\n\nSome *text*.", id="m1"),
        nbformat.v4.new_code_cell("x = 1\n\n\nprint(x)", id="c1", execution_count=1,
                                  outputs=[nbformat.v4.new_output("stream", text="1\n")]),
        nbformat.v4.new_markdown_cell("Discussion.", id="m2", metadata={"tags": ["solution"]}),
    ]
    return nb


def test_twins_ignore_execution_and_metadata_noise() -> None:
    nb = _notebook()
    text = build_course.twin_text(nb)
    noisy = copy.deepcopy(nb)
    noisy.metadata["language_info"] = {"name": "python", "version": "3.11.9"}
    noisy.metadata["widgets"] = {"state": {}}
    noisy.cells[1].execution_count = 7
    noisy.cells[1].outputs = []
    noisy.cells[1].metadata["execution"] = {"iopub.status.idle": "2026-01-01T00:00:00Z"}
    noisy.cells[1].id = "other"
    assert build_course.twin_text(noisy) == text
    assert build_course.twin_cells(text) == build_course.notebook_cells(nb)  # round trip
    assert "tags=[\"solution\"]" in text and "jupytext" not in text


def test_twins_follow_source_changes(tmp_path: Path) -> None:
    (tmp_path / "notebooks").mkdir()
    path = tmp_path / "notebooks" / "demo.ipynb"
    path.write_text(build_course.notebook_text(_notebook()), encoding="utf-8")
    assert build_course.stale_twins(tmp_path) == [tmp_path / "twins" / "notebooks" / "demo.py"]
    assert build_course.write_twins(tmp_path)
    assert build_course.stale_twins(tmp_path) == []
    nb = build_course.read_notebook(path)
    nb.cells[1].source = "x = 2\nprint(x)"
    path.write_text(build_course.notebook_text(nb), encoding="utf-8")
    assert build_course.stale_twins(tmp_path) == [tmp_path / "twins" / "notebooks" / "demo.py"]
    orphan = tmp_path / "twins" / "notebooks" / "gone.py"
    orphan.write_text("# %%\n", encoding="utf-8")
    build_course.write_twins(tmp_path)
    assert not orphan.exists() and build_course.stale_twins(tmp_path) == []
