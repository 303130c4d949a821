"""Generate the student notebooks in ``exercises/`` from ``solutions/``.

Solutions are written once; this script derives every student notebook from
them. Run it after editing a solution::

    python tools/generate_exercises.py          # rewrite exercises/
    python tools/generate_exercises.py --check  # exit 1 if exercises/ is out of date

Markers (see tools/README.md):

* A code line that is exactly ``# solution`` (any indentation) removes itself
  and every line after it in the cell, and leaves a ``...`` placeholder at the
  marker's indentation, unless the kept lines already end with a placeholder
  line such as ``answer = ...  # your answer here``.
* An assignment whose first line ends with ``# solution`` keeps only its target:
  ``answer = {"s1": "MTS"}  # solution`` becomes ``answer = ...  # your answer here``;
  a multi-line assignment (a dict over several lines) is replaced as a whole.
* A cell tagged ``solution`` is removed.
* "Solution N.k" becomes "Exercise N.k" in the text; outputs and execution
  counts are cleared; ``# NBVAL_...`` comment lines are dropped.

The output is deterministic (sorted keys, one-space indent, UTF-8, ``\\n`` line
ends), so ``tests/test_exercises.py`` can regenerate into a temporary folder and
compare byte for byte.
"""

from __future__ import annotations

import argparse
import ast
import copy
import filecmp
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MARKER = "# solution"
PLACEHOLDER_COMMENT = "# your answer here"
SOLUTION_TAG = "solution"
_TRAILING_MARKER = re.compile(r"\s*#\s*solution\s*$")
_PLACEHOLDER_LINE = re.compile(r"^\s*(?:[A-Za-z_][\w.]*\s*=\s*)?\.\.\.\s*(?:#.*)?$")
_TITLE = re.compile(r"\bSolution(s?) (\d+\.\d+[a-z]?)")
_NBVAL_COMMENT = re.compile(r"^\s*#\s*NBVAL_\w+\s*$")


def _assignment_spans(source: str) -> dict[int, tuple[int, str]]:
    """Map the first line (0-based) of each top-level assignment to (last line, target)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    spans: dict[int, tuple[int, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.end_lineno is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            text = " = ".join(ast.get_source_segment(source, t) or "" for t in targets)
            spans[node.lineno - 1] = (node.end_lineno - 1, text)
    return spans


def strip_solution(source: str) -> str:
    """Return the student version of one code cell's source.

    Examples
    --------
    >>> strip_solution('x = 1\\n# solution\\ny = x + 1')
    'x = 1\\n...'
    >>> strip_solution('answer = {"s1": "MTS"}  # solution\\ncheck("3.1a", answer)')
    'answer = ...  # your answer here\\ncheck("3.1a", answer)'
    >>> strip_solution('answer = ...  # your answer here\\n# solution\\nanswer = 4')
    'answer = ...  # your answer here'
    """
    lines = source.split("\n")
    spans = _assignment_spans(source)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == MARKER:
            indent = line[: len(line) - len(line.lstrip())]
            while out and not out[-1].strip():
                out.pop()
            if not (out and _PLACEHOLDER_LINE.match(out[-1])):
                out.append(f"{indent}...")
            break
        if _TRAILING_MARKER.search(line) and i in spans:
            end, target = spans[i]
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}{target} = ...  {PLACEHOLDER_COMMENT}")
            i = end + 1
            continue
        if _TRAILING_MARKER.search(line):
            raise ValueError(
                f"line {i + 1} ({line.strip()!r}) ends with '{MARKER}' but does not start "
                "a top-level assignment"
            )
        if not _NBVAL_COMMENT.match(line):
            out.append(line)
        i += 1
    return "\n".join(out)


def _retitle(text: str) -> str:
    return _TITLE.sub(lambda m: f"Exercise{m.group(1)} {m.group(2)}", text)


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def convert(solution: dict[str, Any], name: str) -> dict[str, Any]:
    """Return the student notebook (as JSON data) for one solution notebook."""
    nb = copy.deepcopy(solution)
    cells = []
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags", [])
        if SOLUTION_TAG in tags:
            continue
        source = _source(cell)
        if cell.get("cell_type") == "code":
            source = strip_solution(source)
            cell["outputs"] = []
            cell["execution_count"] = None
        elif cell.get("cell_type") == "markdown":
            source = _retitle(source)
        cell["source"] = source
        kept_tags = [t for t in tags if t != SOLUTION_TAG]
        cell["metadata"] = {"tags": kept_tags} if kept_tags else {}
        cells.append(cell)
    nb["cells"] = cells
    kernelspec = nb.get("metadata", {}).get("kernelspec")
    metadata: dict[str, Any] = {
        "ato_lessons": {"generated_from": f"solutions/{name}"},
        "language_info": {"name": "python"},
    }
    if kernelspec:
        metadata["kernelspec"] = kernelspec
    nb["metadata"] = metadata
    return nb


def dumps(nb: dict[str, Any]) -> str:
    """Serialise a notebook the way nbformat does, with line-split sources."""
    for cell in nb["cells"]:
        text = _source(cell)
        cell["source"] = text.splitlines(keepends=True)
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def generate(solutions: Path, exercises: Path) -> list[Path]:
    """Write one exercise notebook per solution notebook; remove stale ones.

    Returns the paths written, sorted.
    """
    exercises.mkdir(parents=True, exist_ok=True)
    written = []
    names = set()
    for path in sorted(solutions.glob("*.ipynb")):
        solution = json.loads(path.read_text(encoding="utf-8"))
        target = exercises / path.name
        with target.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(dumps(convert(solution, path.name)))
        written.append(target)
        names.add(path.name)
    for stale in sorted(exercises.glob("*.ipynb")):
        if stale.name not in names:
            stale.unlink()
    return written


def out_of_date(solutions: Path, exercises: Path) -> list[str]:
    """Names of the exercise notebooks that regenerating would change, add or remove."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        generate(solutions, fresh)
        expected = {p.name for p in fresh.glob("*.ipynb")}
        present = {p.name for p in exercises.glob("*.ipynb")}
        changed = sorted(expected ^ present)
        for name in sorted(expected & present):
            if not filecmp.cmp(fresh / name, exercises / name, shallow=False):
                changed.append(name)
    return sorted(changed)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--solutions", type=Path, default=ROOT / "solutions")
    parser.add_argument("--exercises", type=Path, default=ROOT / "exercises")
    parser.add_argument(
        "--check", action="store_true", help="only report whether exercises/ is up to date"
    )
    args = parser.parse_args(argv)
    if args.check:
        stale = out_of_date(args.solutions, args.exercises)
        for name in stale:
            print(f"out of date: {name}")
        if stale:
            print("Run: python tools/generate_exercises.py")
        return 1 if stale else 0
    for path in generate(args.solutions, args.exercises):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
