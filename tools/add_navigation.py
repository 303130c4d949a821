"""Add (or refresh) the navigation cell at the end of every lesson notebook.

The order of the lessons comes from one place, :data:`ato_lessons.course.LESSONS`.
For every lesson notebook present in ``notebooks/``, the last cell becomes a
markdown cell that starts with the marker ``<!-- nav -->`` and links to the
next and previous lessons, to the lesson's exercises (every
``exercises/NN_*.ipynb``, titled from its first cell) and to the course map::

    python tools/add_navigation.py          # write the navigation cells
    python tools/add_navigation.py --check  # exit 1 if any notebook would change
    python tools/add_navigation.py notebooks/06_pros_and_cons.ipynb   # only these lessons

A cell carrying the marker is replaced where it is; without one, the cell is
appended. Nothing else in a notebook is touched (markdown only, so nothing needs
re-executing), and the JSON is written the way ``nbformat.write`` writes it, so
running the script twice changes nothing the second time.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nbformat import from_dict
from nbformat.v4.nbjson import writes as _nbjson_writes

from ato_lessons.course import LESSONS, Lesson

ROOT = Path(__file__).resolve().parents[1]
MARKER = "<!-- nav -->"
NAV_CELL_ID = "course-navigation"
COURSE_MAP = "00_start_here.ipynb"


def lesson_label(lesson: Lesson) -> str:
    """``"03 · Assemble to order"``: the number on two digits, a middle dot, the title."""
    return f"{lesson.number:02d} · {lesson.title}"


def exercise_links(lesson: Lesson, root: Path) -> list[tuple[str, str]]:
    """(title, relative link) of every exercise of ``lesson`` found in ``exercises/``.

    The title is the first heading line of the exercise's first cell, without
    the ``#`` marks (e.g. ``"Exercise 3.1 · Assemble to order"``); the file name
    is used when that cell has no heading.
    """
    folder = root / "exercises"
    links: list[tuple[str, str]] = []
    for path in sorted(folder.glob(f"{lesson.number:02d}_*.ipynb")):
        title = path.stem
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            cells = []
        if cells:
            source = cells[0].get("source", "")
            text = "".join(source) if isinstance(source, list) else str(source)
            for line in text.splitlines():
                if line.startswith("#"):
                    title = line.lstrip("#").strip() or title
                    break
        links.append((title, f"../exercises/{path.name}"))
    return links


def nav_source(lesson: Lesson, root: Path = ROOT) -> str:
    """The markdown of the navigation cell of ``lesson``."""
    position = LESSONS.index(lesson)
    lines = [MARKER, "---", ""]
    if position + 1 < len(LESSONS):
        nxt = LESSONS[position + 1]
        lines.append(f"**Next:** [{lesson_label(nxt)}]({nxt.filename})")
    else:
        lines.append("**Next:** this is the last lesson.")
    lines.append("")
    if position > 0:
        prev = LESSONS[position - 1]
        lines.append(f"**Previous:** [{lesson_label(prev)}]({prev.filename})")
    else:
        lines.append("**Previous:** this is the first lesson.")
    exercises = exercise_links(lesson, root)
    if exercises:
        shown = " · ".join(f"[{title}]({link})" for title, link in exercises)
        lines += ["", f"**Practise:** {shown}"]
    if lesson.filename != COURSE_MAP:
        lines += ["", f"[Course map]({COURSE_MAP})"]
    return "\n".join(lines)


def _is_nav(cell: dict[str, Any]) -> bool:
    source = cell.get("source", "")
    text = "".join(source) if isinstance(source, list) else str(source)
    return cell.get("cell_type") == "markdown" and text.lstrip().startswith(MARKER)


def with_navigation(notebook: dict[str, Any], source: str) -> dict[str, Any]:
    """Return ``notebook`` whose last cell is the navigation cell ``source``.

    Every cell carrying the marker is removed and one navigation cell is put at
    the end (keeping the id of the old one when there was one); other cells are
    left as they are.
    """
    cells = list(notebook.get("cells", []))
    old = [cell for cell in cells if _is_nav(cell)]
    kept = [cell for cell in cells if not _is_nav(cell)]
    cell: dict[str, Any] = {"cell_type": "markdown", "metadata": {}, "source": source}
    if old:
        cell["metadata"] = old[-1].get("metadata", {})
        if "id" in old[-1]:
            cell["id"] = old[-1]["id"]
    elif (notebook.get("nbformat"), notebook.get("nbformat_minor", 0)) >= (4, 5):
        ids = {c.get("id") for c in kept}
        cell["id"] = NAV_CELL_ID if NAV_CELL_ID not in ids else f"{NAV_CELL_ID}-1"
    return {**notebook, "cells": [*kept, cell]}


def notebook_text(notebook: dict[str, Any]) -> str:
    """The notebook's JSON as ``nbformat.write`` writes it (ending with a newline)."""
    text: str = _nbjson_writes(from_dict(notebook))  # type: ignore[no-untyped-call]
    return text if text.endswith("\n") else text + "\n"


def update(
    root: Path = ROOT, check: bool = False, only: Sequence[str] | None = None
) -> list[Path]:
    """Refresh the navigation cells; return the notebooks that changed (or would).

    Parameters
    ----------
    root : Path
        The course folder (holding ``notebooks/`` and ``exercises/``).
    check : bool, default False
        Only report what would change; write nothing.
    only : sequence of str, optional
        Limit the run to these lesson notebooks (file names or paths).
    """
    wanted = None if not only else {Path(name).name for name in only}
    if wanted is not None:
        unknown = sorted(wanted - {lesson.filename for lesson in LESSONS})
        if unknown:
            raise ValueError(f"only(={unknown!r}) names notebooks that are not lessons")
    changed: list[Path] = []
    for lesson in LESSONS:
        path = root / "notebooks" / lesson.filename
        if not path.exists() or (wanted is not None and lesson.filename not in wanted):
            continue
        before = path.read_text(encoding="utf-8")
        after = notebook_text(with_navigation(json.loads(before), nav_source(lesson, root)))
        if after != before:
            changed.append(path)
            if not check:
                path.write_text(after, encoding="utf-8", newline="\n")
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the navigation cells, or ``--check`` them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a notebook's navigation cell is missing or out of date")
    parser.add_argument("--root", type=Path, default=ROOT, help="course folder (default: this one)")
    parser.add_argument("notebooks", nargs="*", help="only these lesson notebooks (default: all)")
    args = parser.parse_args(argv)
    try:
        changed = update(args.root, check=args.check, only=args.notebooks)
    except ValueError as error:
        parser.error(str(error))
    for path in changed:
        verb = "would change" if args.check else "updated"
        print(f"{verb}: {path.relative_to(args.root).as_posix()}")
    if args.check and changed:
        print("Run `python tools/add_navigation.py` to refresh the navigation cells.")
        return 1
    if not changed:
        print("Navigation cells are up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
