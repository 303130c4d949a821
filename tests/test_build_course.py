"""The rebuild command (tools/build_course.py): the course is not stale, and stale is caught.

The repository check is the fast one (``--check --no-execute``: cleaning, exercises,
navigation, twins); re-executing every notebook is nbval's job in this test run. The
staleness logic itself is tested on outputs made up here, and once end to end on a
two-cell notebook that is executed, then changed.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import build_course  # noqa: E402
import notebook_env  # noqa: E402

PATTERNS = build_course.sanitize_patterns()
WIDGET = "application/vnd.jupyter.widget-view+json"


def test_the_course_is_up_to_date_without_executing() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_course.py"), "--check", "--no-execute"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, (
        "run `python tools/build_course.py --no-execute` (or without the option, to "
        "re-execute):\n" + proc.stdout + proc.stderr
    )
    assert "up to date" in proc.stdout


def test_help_and_bad_names() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_course.py"), "--help"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0 and "--check" in proc.stdout and "--no-execute" in proc.stdout
    with pytest.raises(SystemExit) as exit_info:
        build_course.main(["--check", "99_nope"])
    assert exit_info.value.code == 2


def test_conftest_and_the_tool_share_one_environment() -> None:
    env = notebook_env.environment({"ATO_LANG": "fr", "MPLBACKEND": "Agg", "ATO_CLASS_SEED": "1"})
    assert env["ATO_PROGRESS_FILE"] == env["ATO_CLASS_SEED_FILE"] == "off"
    assert not {"ATO_LANG", "MPLBACKEND", "ATO_CLASS_SEED"} & env.keys()
    # conftest.py applied the very same settings to this process (nbval's kernels inherit it).
    import os

    assert all(os.environ.get(k) == v for k, v in notebook_env.SET.items())
    assert not any(k in os.environ for k in notebook_env.REMOVE)
    assert sys.modules["notebook_env"] is notebook_env


# --- which notebooks -------------------------------------------------------------------------
def _rel(paths: list[Path]) -> list[str]:
    return [p.relative_to(ROOT).as_posix() for p in paths]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # a lesson by number, a solution by number (listed in the folders' order)
        (["08_1", "05"], ["notebooks/05_comparing_strategies.ipynb",
                          "solutions/08_1_ato_lab.ipynb"]),
        # a stem, a file name and a path name the same notebook once
        (["08_ato_lab", "08_ato_lab.ipynb", "notebooks/08_ato_lab.ipynb"],
         ["notebooks/08_ato_lab.ipynb"]),
        # "05" is lesson 05 only, not solution 5.1
        (["05"], ["notebooks/05_comparing_strategies.ipynb"]),
        # the template is a notebook of the course build too
        (["lesson_template"], ["templates/lesson_template.ipynb"]),
    ],
)
def test_select(names: list[str], expected: list[str]) -> None:
    assert _rel(build_course.select(names, ROOT)) == expected


def test_select_all_and_unknown() -> None:
    assert build_course.select([], ROOT) == build_course.course_notebooks(ROOT)
    assert len(build_course.course_notebooks(ROOT)) >= 17  # 9 lessons, 7 solutions, template
    with pytest.raises(ValueError, match="'99'"):
        build_course.select(["99"], ROOT)


# --- nbval's comparison ---------------------------------------------------------------------
def _stdout(text: str) -> dict[str, Any]:
    return {"output_type": "stream", "name": "stdout", "text": text}


def _result(data: dict[str, Any]) -> dict[str, Any]:
    return {"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": data}


def _widget(model_id: str) -> dict[str, Any]:
    return _result({WIDGET: {"model_id": model_id, "version_major": 2, "version_minor": 0},
                    "text/plain": "VBox()"})


def _png(payload: str) -> dict[str, Any]:
    return {"output_type": "display_data", "metadata": {},
            "data": {"image/png": payload, "text/plain": "<Figure size 640x480 with 1 Axes>"}}


@pytest.mark.parametrize(
    ("stored", "fresh", "changed"),
    [
        # one print sent in two messages is the same output
        ([_stdout("seed 2026\n")], [_stdout("seed"), _stdout(" 2026\n")], False),
        # a different number is a change
        ([_stdout("fill rate 0.91\n")], [_stdout("fill rate 0.92\n")], True),
        # memory addresses are masked by tests/nbval_sanitize.cfg
        ([_result({"text/plain": "<Foo at 0x7f3a2b1c9d00>"})],
         [_result({"text/plain": "<Foo at 0x7f00000000aa>"})], False),
        # widget model ids are random: not compared
        ([_widget("aaaa")], [_widget("bbbb")], False),
        # figures are not compared by nbval (their text/plain is)
        ([_png("AAAA")], [_png("BBBB")], False),
        # a new warning on stderr is a change
        ([_stdout("ok\n")], [_stdout("ok\n"),
                            {"output_type": "stream", "name": "stderr", "text": "Warning"}], True),
        # a value that disappears is a change
        ([_result({"text/plain": "42"})], [], True),
        # an HTML table that changes is a change
        ([_result({"text/html": "<td>1</td>", "text/plain": "1"})],
         [_result({"text/html": "<td>2</td>", "text/plain": "1"})], True),
    ],
)
def test_comparison_follows_nbval(stored: list[Any], fresh: list[Any], changed: bool) -> None:
    assert (build_course.comparable(stored, PATTERNS)
            != build_course.comparable(fresh, PATTERNS)) is changed


def _two_runs(source: str, tags: list[str] | None = None,
              executed: bool = True) -> tuple[Any, Any]:
    stored = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(source, execution_count=1 if executed else None,
                                     outputs=[nbformat.v4.new_output("stream", text="1\n")]
                                     if executed else [])
    if tags:
        cell.metadata["tags"] = tags
    stored.cells = [nbformat.v4.new_markdown_cell("# Title"), cell]
    fresh = copy.deepcopy(stored)
    fresh.cells[1].outputs = [nbformat.v4.new_output("stream", text="2\n")]
    return stored, fresh


@pytest.mark.parametrize(
    ("source", "tags", "executed", "reported"),
    [
        ("print(n)", None, True, [1]),  # compared: reported
        ("# NBVAL_IGNORE_OUTPUT\nprint(n)", None, True, []),  # marked: not compared
        ("# NBVAL_SKIP\nprint(n)", None, True, []),  # skipped by nbval
        ("print(n)", ["nbval-ignore-output"], True, []),  # the same as a cell tag
        ("print(n)", None, False, []),  # never executed: nbval runs it, compares nothing
    ],
)
def test_changed_cells_respects_nbval_markers(
    source: str, tags: list[str] | None, executed: bool, reported: list[int]
) -> None:
    stored, fresh = _two_runs(source, tags, executed)
    assert build_course.changed_cells(stored, fresh, PATTERNS) == reported


def test_merge_keeps_stored_bytes_unless_something_real_changed() -> None:
    stored = nbformat.v4.new_notebook(metadata={"language_info": {"name": "python",
                                                                 "version": "3.11.7"}})
    stored.cells = [
        nbformat.v4.new_code_cell("w", execution_count=1, outputs=[nbformat.v4.new_output(
            "execute_result", data=_widget("old")["data"], execution_count=1)]),
        nbformat.v4.new_code_cell("fig", execution_count=2, outputs=[nbformat.v4.new_output(
            "display_data", data=_png("AAAA")["data"])]),
        nbformat.v4.new_code_cell("print(s)", execution_count=3, outputs=[
            nbformat.v4.new_output("stream", text="seed 2026\n")]),
    ]
    fresh = copy.deepcopy(stored)
    fresh.metadata["language_info"] = {"name": "python", "version": "3.11.9"}
    fresh.cells[0].outputs[0].data[WIDGET]["model_id"] = "new"
    fresh.cells[1].outputs[0].data["image/png"] = "BBBB"
    fresh.cells[2].outputs = [nbformat.v4.new_output("stream", text="seed"),
                              nbformat.v4.new_output("stream", text=" 2027\n")]
    merged = build_course.merge_run(stored, fresh, PATTERNS)
    assert merged.cells[0].outputs == stored.cells[0].outputs  # only the model id moved
    assert merged.cells[1].outputs[0].data["image/png"] == "BBBB"  # a new figure is kept
    assert [o.text for o in merged.cells[2].outputs] == ["seed 2027\n"]  # joined, new
    assert merged.metadata["language_info"]["version"] == "3.11.7"


def test_needs_cleaning(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1", id="c1")]
    path = tmp_path / "a.ipynb"
    path.write_text(build_course.notebook_text(nb), encoding="utf-8")
    assert not build_course.needs_cleaning(path)
    nb.metadata["widgets"] = {"state": {}}
    path.write_text(build_course.notebook_text(nb), encoding="utf-8")
    assert build_course.needs_cleaning(path)  # widget state
    del nb.metadata["widgets"]
    path.write_text(nbformat.writes(nb, indent=2), encoding="utf-8")
    assert build_course.needs_cleaning(path)  # not the repository's JSON format


# --- end to end, on a tiny course -------------------------------------------------------------
def _tiny_course(root: Path) -> Path:
    (root / "notebooks").mkdir()
    nb = nbformat.v4.new_notebook(metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell("x = 6 * 7", id="c1"),
                nbformat.v4.new_code_cell("print(x)", id="c2")]
    path = root / "notebooks" / "demo.ipynb"
    path.write_text(build_course.notebook_text(nb), encoding="utf-8")
    return path


def _set_source(path: Path, index: int, source: str) -> None:
    data = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    data.cells[index].source = source
    path.write_text(build_course.notebook_text(data), encoding="utf-8")


def test_build_then_check_an_executed_notebook_that_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _tiny_course(tmp_path)
    root = ["--root", str(tmp_path), "-q"]
    assert build_course.main(root) == 0  # executes, writes outputs and the twin
    built = path.read_text(encoding="utf-8")
    nb = nbformat.reads(built, as_version=4)
    assert nb.cells[1].outputs[0].text == "42\n"
    assert "execution" not in nb.cells[1].metadata  # cleaned
    assert (tmp_path / "twins" / "notebooks" / "demo.py").exists()
    assert build_course.main([*root, "--check"]) == 0
    assert build_course.main(root) == 0  # a rebuild of an unchanged notebook...
    assert path.read_text(encoding="utf-8") == built  # ...changes nothing

    _set_source(path, 0, "x = 6 * 8")  # edited, not re-executed
    assert build_course.main([*root, "--check", "--no-execute"]) == 1  # the twin is stale
    assert build_course.main([*root, "--no-execute"]) == 0  # twin rewritten, nothing executed
    assert build_course.main([*root, "--check", "--no-execute"]) == 0
    capsys.readouterr()
    assert build_course.main([*root, "--check"]) == 1  # but the stored output is stale
    assert "outputs would change: notebooks/demo.ipynb (cells 1)" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") != built and "42" in path.read_text(encoding="utf-8")
    assert build_course.main([*root, "demo"]) == 0
    rebuilt = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    assert rebuilt.cells[1].outputs[0].text == "48\n"


def test_a_failing_notebook_is_reported_and_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _tiny_course(tmp_path)
    _set_source(path, 1, "print(y)")
    before = path.read_bytes()
    assert build_course.main(["--root", str(tmp_path), "-q"]) == 1
    assert "cell 1 raised NameError" in capsys.readouterr().err
    assert path.read_bytes() == before
