"""Every lesson follows the course skeleton, and every link in the course resolves.

The skeleton (see the lesson-writing guide, CONTRIBUTING.md "Writing a lesson"): a title
cell ``# NN · <title>`` with 3–5 numbered objectives, prerequisites and a time estimate from
:data:`ato_lessons.course.LESSONS`; a first code cell calling ``check_setup(``;
one ``## k. …`` section per objective, in order; a ``## Recap`` with an
"**En français.**" paragraph; stored outputs (a figure, a widget in a cell
marked ``# NBVAL_IGNORE_OUTPUT``), no errors or warnings, no widget state; and
the navigation cell written by ``tools/add_navigation.py`` last.

The tests are parametrized over LESSONS: a lesson whose notebook does not exist
yet fails its own cases and no others. :func:`notebook_problems` runs the same checks
on any notebook file; the lesson template (templates/lesson_template.ipynb) passes them.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import nbformat
import pytest

from ato_lessons.course import LESSONS, Lesson

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TEMPLATE = ROOT / "templates" / "lesson_template.ipynb"
#: The lesson the template pretends to be: its title, numbering and time must match this.
TEMPLATE_LESSON = Lesson(9, "09_your_topic", "Your topic", 20)
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
NAV_MARKER = "<!-- nav -->"

_OBJECTIVE = re.compile(r"^\s*(\d+)\.\s+\S")
_SECTION = re.compile(r"^## (\d+)\. \S")
_TIME = re.compile(r"\*\*Time:\*\*[^\n]*?(\d+)\s*min")
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HREF = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def _load_tool() -> ModuleType:
    path = ROOT / "tools" / "add_navigation.py"
    spec = importlib.util.spec_from_file_location("add_navigation", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("add_navigation", module)
    spec.loader.exec_module(module)
    return module


nav_tool = _load_tool()


def _text(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _lines(cell: dict[str, Any]) -> list[str]:
    return _text(cell).splitlines()


def _code_cells(nb: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _markdown(nb: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in nb["cells"] if c["cell_type"] == "markdown"]


def objectives(first_cell: dict[str, Any]) -> list[int]:
    """The numbers of the objectives listed after "In this notebook you will"."""
    lines = _lines(first_cell)
    start = next((i for i, line in enumerate(lines) if "In this notebook you will" in line), None)
    if start is None:
        return []
    numbers: list[int] = []
    for line in lines[start + 1:]:
        match = _OBJECTIVE.match(line)
        if match:
            numbers.append(int(match.group(1)))
        elif numbers and line.strip() and not line.startswith((" ", "\t")):
            break
    return numbers


def section_numbers(nb: dict[str, Any]) -> list[int]:
    """Numbers of the ``## k. …`` headings before ``## Recap``."""
    numbers: list[int] = []
    for cell in _markdown(nb):
        for line in _lines(cell):
            if line.strip() == "## Recap":
                return numbers
            match = _SECTION.match(line)
            if match:
                numbers.append(int(match.group(1)))
    return numbers


# --- the skeleton ------------------------------------------------------------------------
def skeleton_problems(lesson: Lesson, notebook: dict[str, Any]) -> list[str]:
    """Everything in ``notebook`` that departs from the lesson skeleton (empty: all good)."""
    problems: list[str] = []
    cells = notebook.get("cells", [])
    if not cells:
        return ["the notebook has no cells"]
    # Title cell.
    first = cells[0]
    lines = _lines(first)
    expected = f"# {lesson.number:02d} · {lesson.title}"
    if first["cell_type"] != "markdown" or not lines or lines[0] != expected:
        problems.append(f"first cell must be markdown starting {expected!r}, got {lines[:1]!r}")
    text = _text(first)
    numbers = objectives(first)
    if "In this notebook you will" not in text:
        problems.append("no 'In this notebook you will' in the first cell")
    elif not 3 <= len(numbers) <= 5 or numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"objectives numbered {numbers} (3 to 5 expected, from 1)")
    if "**Prerequisites:**" not in text:
        problems.append("no '**Prerequisites:**' in the first cell")
    time = _TIME.search(text)
    if time is None:
        problems.append("no '**Time:** about N minutes' in the first cell")
    elif int(time.group(1)) != lesson.minutes:
        problems.append(f"time {time.group(1)} min, but {lesson.minutes} in LESSONS")
    # Sections.
    sections = section_numbers(notebook)
    if sections != list(range(1, len(numbers) + 1)):
        problems.append(f"'## k. ...' sections {sections} before '## Recap' do not match "
                        f"the {len(numbers)} objectives")
    # Setup cell.
    code = _code_cells(notebook)
    if not code or "check_setup(" not in _text(code[0]):
        problems.append("the first code cell must call check_setup(")
    # Recap.
    markdown = _markdown(notebook)
    at = next((i for i, c in enumerate(markdown) if "## Recap" in _lines(c)), None)
    if at is None:
        problems.append("no '## Recap' heading")
    else:
        recap = "\n".join(_text(c) for c in markdown[at:] if not _text(c).startswith(NAV_MARKER))
        if not re.search(r"^\*\*En français\.\*\*", recap, re.M):
            problems.append("the recap has no paragraph starting '**En français.**'")
    # Stored outputs.
    if "widgets" in notebook.get("metadata", {}):
        problems.append("metadata.widgets must be stripped")
    pngs = 0
    widget_cells = 0
    for index, cell in enumerate(code):
        if cell.get("execution_count") is None:
            problems.append(f"code cell {index} was not executed (commit it with outputs)")
        outputs = cell.get("outputs", [])
        for output in outputs:
            if output["output_type"] == "error":
                problems.append(f"code cell {index} stored an error")
            if output["output_type"] == "stream" and output.get("name") == "stderr" \
                    and "Warning" in "".join(output.get("text", "")):
                problems.append(f"code cell {index} stored a warning")
            if "image/png" in output.get("data", {}):
                pngs += 1
        if _lines(cell)[:1] == ["# NBVAL_IGNORE_OUTPUT"] and any(
            WIDGET_MIME in o.get("data", {}) for o in outputs
        ):
            widget_cells += 1
    if not pngs:
        problems.append("no stored figure (image/png output)")
    if not widget_cells:
        problems.append("no widget shown by a cell starting with '# NBVAL_IGNORE_OUTPUT'")
    # Navigation.
    last = cells[-1]
    if last["cell_type"] != "markdown" or not _text(last).startswith(NAV_MARKER):
        problems.append("the last cell must be the navigation cell (tools/add_navigation.py)")
    elif lesson in LESSONS and _text(last) != nav_tool.nav_source(lesson, ROOT):
        # (a notebook not in LESSONS yet, like the template, has no links to compute)
        problems.append("the navigation cell is out of date (tools/add_navigation.py)")
    return problems


def notebook_problems(path: Path, lesson: Lesson | None = None) -> list[str]:
    """:func:`skeleton_problems` of the notebook file at ``path``.

    ``lesson`` (the title, numbering and time the notebook must show) defaults to the
    entry of LESSONS with the same file name.
    """
    if lesson is None:
        lesson = next((item for item in LESSONS if item.filename == path.name), None)
        if lesson is None:
            raise ValueError(f"path(={path.name!r}) is not a lesson in LESSONS: pass its Lesson")
    if not path.exists():
        return [f"{path.name} is missing"]
    return skeleton_problems(lesson, json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.stem for lesson in LESSONS])
def test_lesson_skeleton(lesson: Lesson) -> None:
    path = NOTEBOOKS / lesson.filename
    if not path.exists():
        pytest.fail(f"lesson {lesson.number} is listed in LESSONS but {path.name} is missing")
    problems = notebook_problems(path)
    assert not problems, f"{path.name}:\n- " + "\n- ".join(problems)


def test_lesson_template_follows_the_skeleton() -> None:
    problems = notebook_problems(TEMPLATE, TEMPLATE_LESSON)
    assert not problems, f"{TEMPLATE.name}:\n- " + "\n- ".join(problems)
    assert TEMPLATE_LESSON not in LESSONS and not (NOTEBOOKS / TEMPLATE.name).exists()


def test_notebook_problems_needs_a_lesson_for_other_notebooks() -> None:
    with pytest.raises(ValueError, match="lesson_template"):
        notebook_problems(TEMPLATE)
    other = Lesson(9, "09_your_topic", "Another title", 20)
    assert any("first cell" in p for p in notebook_problems(TEMPLATE, other))


def _good_lesson() -> dict[str, Any]:
    """A minimal notebook that follows the skeleton of lesson 3."""
    lesson = LESSONS[3]
    nb = nbformat.v4.new_notebook()
    png = {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}
    widget = {WIDGET_MIME: {"model_id": "x", "version_major": 2, "version_minor": 0},
              "text/plain": "VBox()"}
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            "# 03 · Assemble to order\n\nIn this notebook you will:\n1. one\n2. two\n"
            "3. three\n\n**Prerequisites:** none · **Time:** about 20 minutes"),
        nbformat.v4.new_code_cell('print(ato.check_setup("1.0"))', execution_count=1,
                                  outputs=[nbformat.v4.new_output("stream", text="ok\n")]),
        nbformat.v4.new_markdown_cell("## 1. One"),
        nbformat.v4.new_code_cell("fig", execution_count=2, outputs=[
            nbformat.v4.new_output("display_data", data=png)]),
        nbformat.v4.new_markdown_cell("## 2. Two\n\ntext\n\n## 3. Three"),
        nbformat.v4.new_code_cell("# NBVAL_IGNORE_OUTPUT\nw", execution_count=3, outputs=[
            nbformat.v4.new_output("display_data", data=widget)]),
        nbformat.v4.new_markdown_cell("## Recap\n\n* a\n\n**En français.** Résumé."),
        nbformat.v4.new_markdown_cell(nav_tool.nav_source(lesson, ROOT)),
    ]
    return json.loads(nbformat.writes(nb))


def test_skeleton_accepts_a_good_lesson() -> None:
    assert skeleton_problems(LESSONS[3], _good_lesson()) == []


@pytest.mark.parametrize(
    "break_it, complaint",
    [
        # wrong title number
        (lambda text: text.replace("# 03 ·", "# 3 ·"), "first cell"),
        # a fourth objective without a fourth section
        (lambda text: text.replace("3. three", "3. three\n4. four"),
         "do not match"),
        # time differs from LESSONS
        (lambda text: text.replace("about 20", "about 25"), "time 25"),
    ],
)
def test_skeleton_rejects_a_broken_title(break_it: Any, complaint: str) -> None:
    nb = _good_lesson()
    nb["cells"][0]["source"] = break_it(_text(nb["cells"][0]))
    assert any(complaint in p for p in skeleton_problems(LESSONS[3], nb))


def test_skeleton_rejects_broken_bodies() -> None:
    cases: list[tuple[Any, str]] = [
        (lambda nb: nb["cells"].pop(), "navigation cell"),
        (lambda nb: nb["cells"][6].update(source="## Recap\n\n* a"), "En français"),
        (lambda nb: nb["cells"][5]["outputs"].clear(), "widget"),
        (lambda nb: nb["cells"][3]["outputs"].clear(), "figure"),
        (lambda nb: nb["cells"][3].update(execution_count=None), "not executed"),
        (lambda nb: nb["cells"][1].update(source="import ato_lessons"), "check_setup"),
        (lambda nb: nb["metadata"].update(widgets={}), "metadata.widgets"),
        (lambda nb: nb["cells"][3]["outputs"].append(
            {"output_type": "stream", "name": "stderr", "text": "UserWarning: x"}), "warning"),
        (lambda nb: nb["cells"][3]["outputs"].append(
            {"output_type": "error", "ename": "E", "evalue": "", "traceback": []}), "error"),
        (lambda nb: nb["cells"][4].update(source="## 3. Two\n\n## 2. Three"), "sections"),
    ]
    for break_it, complaint in cases:
        nb = _good_lesson()
        break_it(nb)
        problems = skeleton_problems(LESSONS[3], nb)
        assert any(complaint in p for p in problems), (complaint, problems)


def test_add_navigation_check_passes() -> None:
    changed = nav_tool.update(ROOT, check=True)
    assert not changed, f"out of date: {[p.name for p in changed]}; run tools/add_navigation.py"


# --- links -------------------------------------------------------------------------------
def _link_sources() -> list[Path]:
    files = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "twins" / "README.md",
             *sorted((ROOT / "instructor").glob("*.md"))]
    for folder in ("notebooks", "exercises", "solutions", "templates"):
        files += sorted((ROOT / folder).glob("*.ipynb"))
    return [f for f in files if f.exists()]


def markdown_of(path: Path) -> str:
    """All markdown text of a notebook or a markdown file."""
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        return "\n\n".join(_text(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def relative_links(markdown: str) -> list[str]:
    """Relative link targets in markdown (code spans and fences ignored)."""
    text = _INLINE_CODE.sub("", _FENCE.sub("", markdown))
    targets = _LINK.findall(text) + _HREF.findall(text)
    out = []
    for target in targets:
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("#"):
            continue  # http(s), mailto, ... and in-page anchors
        target = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if target:
            out.append(target)
    return out


@pytest.mark.parametrize(
    "path", _link_sources(), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_relative_links_resolve(path: Path) -> None:
    broken = [t for t in relative_links(markdown_of(path)) if not (path.parent / t).exists()]
    assert not broken, f"broken links in {path.relative_to(ROOT).as_posix()}: {broken}"


def test_relative_links_parser() -> None:
    text = (
        "[a](03_x.ipynb#sec) ![img](pics/a%20b.png) [web](https://e.org/x.ipynb) [top](#top)\n"
        "`[code](nope.ipynb)`\n```\n[fenced](nope2.ipynb)\n```\n<a href=\"../r.md\">r</a>"
    )
    assert relative_links(text) == ["03_x.ipynb", "pics/a b.png", "../r.md"]


def test_readme_lesson_map_lists_every_lesson() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [lesson.stem for lesson in LESSONS if f"notebooks/{lesson.filename}" not in readme]
    assert not missing, f"README's lesson map misses {missing}"


# --- the navigation tool itself ------------------------------------------------------------
def _toy_course(tmp_path: Path) -> Path:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 03 · Assemble to order", id="a1"),
        nbformat.v4.new_code_cell("x = 1", id="a2"),
    ]
    nbformat.write(nb, tmp_path / "notebooks" / "03_assemble_to_order.ipynb")
    for stem, title in (("03_1_assemble_to_order", "Exercise 3.1 · Which strategy?"),
                        ("03_2_more", "Exercise 3.2 · More")):
        ex = nbformat.v4.new_notebook()
        ex.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\nBack to the lesson.")]
        nbformat.write(ex, tmp_path / "exercises" / f"{stem}.ipynb")
    return tmp_path


def test_navigation_tool_appends_then_changes_nothing(tmp_path: Path) -> None:
    root = _toy_course(tmp_path)
    path = root / "notebooks" / "03_assemble_to_order.ipynb"
    before = nbformat.read(path, as_version=4)
    assert nav_tool.main(["--root", str(root), "--check"]) == 1
    assert nav_tool.main(["--root", str(root)]) == 0
    first = path.read_bytes()
    assert nav_tool.main(["--root", str(root), "--check"]) == 0
    assert nav_tool.main(["--root", str(root)]) == 0
    assert path.read_bytes() == first, "a second run changed the notebook"
    after = nbformat.read(path, as_version=4)
    assert after.cells[:-1] == before.cells, "cells other than the navigation cell changed"
    nav = after.cells[-1].source
    assert nav.startswith(NAV_MARKER)
    assert "**Next:** [04 · The PC maker](04_pc_maker.ipynb)" in nav
    assert "**Previous:** [02 · Make to order](02_make_to_order.ipynb)" in nav
    assert ("[Exercise 3.1 · Which strategy?](../exercises/03_1_assemble_to_order.ipynb)"
            in nav)
    assert "[Exercise 3.2 · More](../exercises/03_2_more.ipynb)" in nav
    assert "[Course map](00_start_here.ipynb)" in nav
    # Written as nbformat writes it.
    assert first.decode("utf-8") == nbformat.writes(after) + "\n"


def test_navigation_tool_replaces_a_stale_cell(tmp_path: Path) -> None:
    root = _toy_course(tmp_path)
    path = root / "notebooks" / "03_assemble_to_order.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(1, nbformat.v4.new_markdown_cell(f"{NAV_MARKER}\nold links", id="old"))
    nbformat.write(nb, path)
    nav_tool.main(["--root", str(root)])
    cells = nbformat.read(path, as_version=4).cells
    navs = [c for c in cells if c.source.startswith(NAV_MARKER)]
    assert len(navs) == 1 and cells[-1] is navs[0] and "old links" not in navs[0].source
    assert [c.id for c in cells] == ["a1", "a2", "old"]


def test_navigation_ends_and_no_exercise() -> None:
    first, last = LESSONS[0], LESSONS[-1]
    assert "this is the first lesson" in nav_tool.nav_source(first, ROOT)
    assert "[Course map]" not in nav_tool.nav_source(first, ROOT)
    assert "this is the last lesson" in nav_tool.nav_source(last, ROOT)
    missing_root = ROOT / "no-such-folder"
    assert "**Practise:**" not in nav_tool.nav_source(LESSONS[7], missing_root)


def test_navigation_tool_only_some_lessons(tmp_path: Path) -> None:
    root = _toy_course(tmp_path)
    other = root / "notebooks" / "04_pc_maker.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 04 · The PC maker", id="b1")]
    nbformat.write(nb, other)
    untouched = other.read_bytes()
    assert nav_tool.main(["--root", str(root), "notebooks/03_assemble_to_order.ipynb"]) == 0
    assert other.read_bytes() == untouched
    assert nav_tool.main(["--root", str(root), "--check", "03_assemble_to_order.ipynb"]) == 0
    assert nav_tool.main(["--root", str(root), "--check"]) == 1  # lesson 4 still lacks it
    with pytest.raises(SystemExit):
        nav_tool.main(["--root", str(root), "notebooks/99_nope.ipynb"])
