"""Committed notebooks carry their outputs but no widget state and no timestamps."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import clean_notebooks  # noqa: E402


def test_committed_notebooks_are_clean() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "clean_notebooks.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, (
        "run `python tools/clean_notebooks.py`:\n" + result.stdout + result.stderr
    )


def test_clean_removes_state_and_timestamps_but_keeps_outputs() -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1 + 1")
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"},
                                           execution_count=1)]
    cell.metadata["execution"] = {"iopub.status.idle": "2026-11-25T14:05:47Z"}
    cell.metadata["tags"] = ["keep-me"]
    nb.cells.append(cell)
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    assert clean_notebooks.clean(nb) is True
    assert "widgets" not in nb.metadata
    assert "execution" not in nb.cells[0].metadata
    assert nb.cells[0].metadata["tags"] == ["keep-me"]
    assert nb.cells[0].outputs[0]["data"]["text/plain"] == "2"
    assert clean_notebooks.clean(nb) is False  # nothing left to clean
