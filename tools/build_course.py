"""Rebuild the course: execute, clean, regenerate exercises, navigation and text twins.

One command refreshes everything derived from the library and the notebook sources::

    python tools/build_course.py                    # rebuild the whole course
    python tools/build_course.py 05 08_1            # execute only lesson 05 and solution 08_1
    python tools/build_course.py --no-execute       # clean and regenerate; execute nothing
    python tools/build_course.py --check            # report what is stale, write nothing
    python tools/build_course.py --check --no-execute   # the fast checks only (seconds)

The steps, in order:

1. **execute** every lesson (``notebooks/``), solution (``solutions/``) and template
   (``templates/``) notebook -- or only those named on the command line -- in the
   environment the tests use (``tools/notebook_env.py``, shared with ``conftest.py``: the
   same variables, the kernel nbval starts, the notebook's folder as working directory).
   Outputs that only differ in what changes on every run (widget model ids, the
   addresses and timings ``tests/nbval_sanitize.cfg`` masks) keep their stored bytes, and
   ``language_info`` keeps its stored value, so re-executing an unchanged notebook
   changes nothing. A notebook whose cell raises (without ``# NBVAL_RAISES_EXCEPTION``)
   is reported and not written;
2. **clean** them (``tools/clean_notebooks.py``: no widget state, no timestamps);
3. **regenerate** ``exercises/`` from ``solutions/`` (``tools/generate_exercises.py``);
4. **refresh** the navigation cells (``tools/add_navigation.py``);
5. **write** the text twins ``twins/notebooks/*.py`` and ``twins/solutions/*.py``
   (jupytext ``py:percent``; read them in review diffs, never edit them).

Notebooks are written as ``nbformat`` writes them (one-space indent, sorted keys, UTF-8
unescaped, a final newline): the repository's format.

``--check`` writes nothing and exits 1 when something is stale: a notebook that needs
cleaning, a stale navigation cell, exercise or twin, and -- unless ``--no-execute`` --
a notebook whose compared outputs would change on re-execution, compared as nbval
compares them (same skipped keys, ``# NBVAL_*`` markers and sanitize file). Exit status:
0 up to date / rebuilt, 1 stale or a notebook failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import copy
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import add_navigation
import clean_notebooks
import generate_exercises
import jupytext  # type: ignore[import-untyped]
import nbformat
import notebook_env
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
#: Folders whose notebooks are executed and cleaned (``templates/`` holds the lesson template).
EXECUTED = ("notebooks", "solutions", "templates")
#: Folders whose notebooks get a text twin in ``twins/<folder>/``.
TWINNED = ("notebooks", "solutions")
TWINS = "twins"
#: jupytext format of the twins: percent cells, cell tags kept, no metadata header.
TWIN_FORMAT: dict[str, str] = {
    "extension": ".py",
    "format_name": "percent",
    "notebook_metadata_filter": "-all",
    "cell_metadata_filter": "tags",
}
CELL_TIMEOUT = 600  # seconds, like the tests' pytest-timeout
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# nbval 0.11: output keys it never compares (with image/png and image/jpeg, since the
# course does not run it with --nbdime).
_SKIP_COMPARE = frozenset({
    "metadata", "traceback", "prompt_number", "output_type", "name", "execution_count",
    WIDGET_VIEW, "image/png", "image/jpeg",
})
# nbval's comment markers and cell tags, with their meaning in --nbval (strict) mode.
_MARKERS: dict[str, tuple[str, bool]] = {
    "PYTEST_VALIDATE_IGNORE_OUTPUT": ("check", False),
    "NBVAL_IGNORE_OUTPUT": ("check", False),
    "NBVAL_CHECK_OUTPUT": ("check", True),
    "NBVAL_RAISES_EXCEPTION": ("check_exception", True),
    "NBVAL_SKIP": ("skip", True),
}
_TAGS: dict[str, tuple[str, bool]] = {
    **{name.lower().replace("_", "-"): value for name, value in _MARKERS.items()},
    "raises-exception": ("check_exception", True),
}
_CARRIAGE_RETURN = re.compile(r"^.*\r(?=[^\n])", re.MULTILINE)


# --- reading and writing notebooks ------------------------------------------------------
def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a notebook (nbformat 4)."""
    notebook: nbformat.NotebookNode = nbformat.reads(  # type: ignore[no-untyped-call]
        path.read_text(encoding="utf-8"), as_version=4
    )
    return notebook


def notebook_text(notebook: nbformat.NotebookNode) -> str:
    """The repository's JSON for ``notebook``: ``nbformat.writes`` plus a final newline."""
    text: str = nbformat.writes(notebook)  # type: ignore[no-untyped-call]
    return text if text.endswith("\n") else text + "\n"


def write_text(path: Path, text: str) -> bool:
    """Write ``text`` (``\\n`` line ends) unless the file holds it; return whether written."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


# --- which notebooks ----------------------------------------------------------------------
def course_notebooks(root: Path = ROOT) -> list[Path]:
    """Every notebook the rebuild executes: lessons, solutions, templates (sorted per folder)."""
    return [path for folder in EXECUTED for path in sorted((root / folder).glob("*.ipynb"))]


def _short_name(path: Path) -> str:
    """``05`` for a lesson, ``05_1`` for a solution: the leading numbers of the file name."""
    match = re.match(r"^(\d+(?:_\d+)?)_", path.stem)
    return match.group(1) if match else path.stem


def select(names: Sequence[str], root: Path = ROOT) -> list[Path]:
    """The notebooks named in ``names`` (all of them when ``names`` is empty).

    A name is a notebook's short name (``05`` is lesson 05, ``05_1`` is solution 5.1),
    its stem or file name (``08_ato_lab``, ``08_ato_lab.ipynb``), or a path relative to
    the course folder (``notebooks/08_ato_lab.ipynb``).

    Raises
    ------
    ValueError
        If a name matches no notebook.
    """
    every = course_notebooks(root)
    if not names:
        return every
    chosen: list[Path] = []
    for name in names:
        wanted = Path(name).as_posix().removesuffix(".ipynb")
        matches = [
            path for path in every
            if wanted in (_short_name(path), path.stem,
                          path.relative_to(root).as_posix().removesuffix(".ipynb"))
        ]
        if not matches:
            raise ValueError(f"notebook name {name!r} matches no notebook in {', '.join(EXECUTED)}")
        chosen += [path for path in matches if path not in chosen]
    return [path for path in every if path in chosen]


# --- nbval's view of outputs --------------------------------------------------------------
def sanitize_patterns(path: Path = notebook_env.SANITIZE_FILE) -> list[tuple[str, str]]:
    """The ``(regex, replace)`` pairs of an nbval sanitize file (nbval's own parsing rule)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pairs: list[tuple[str, str]] = re.findall(
        r"^regex: (.*)$\n^replace: (.*)$", text, flags=re.MULTILINE
    )
    return pairs


def cell_options(cell: Mapping[str, Any]) -> dict[str, bool]:
    """nbval's options for a code cell: ``check``, ``skip`` and ``check_exception``."""
    options = {"check": True, "skip": False, "check_exception": False}
    tags = cell.get("metadata", {}).get("tags") or []
    for tag in tags if isinstance(tags, list) else []:
        if tag in _TAGS:
            key, value = _TAGS[tag]
            options[key] = value
    for line in _source(cell).splitlines():
        line = line.strip()
        if line.startswith("#"):
            comment = line.lstrip("#").strip()
            if comment in _MARKERS:
                key, value = _MARKERS[comment]
                options[key] = value
    return options


def _source(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _text(value: Any) -> Any:
    return "".join(value) if isinstance(value, list) else value


def coalesce_streams(outputs: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Merge the stream outputs of one name and apply ``\\r`` as nbval does (copies)."""
    merged: list[dict[str, Any]] = []
    streams: dict[str, dict[str, Any]] = {}
    for output in outputs:
        item = copy.deepcopy(dict(output))
        if item.get("output_type") == "stream":
            item["text"] = _text(item.get("text", ""))
            name = item.get("name", "stdout")
            if name in streams:
                streams[name]["text"] += item["text"]
                continue
            streams[name] = item
        merged.append(item)
    for item in streams.values():
        # nbval also means to cancel backspaces, but its loop never runs: not copied.
        item["text"] = _CARRIAGE_RETURN.sub("", item["text"])
    return merged


def comparable(
    outputs: Iterable[Mapping[str, Any]], patterns: Sequence[tuple[str, str]]
) -> dict[str, list[Any]]:
    """The outputs as nbval compares them: keys flattened, skipped keys out, text sanitized.

    Two cells' outputs pass nbval's comparison exactly when their ``comparable``
    dictionaries are equal.
    """
    def clean(value: Any) -> Any:
        value = _text(value)
        if isinstance(value, str):
            for regex, replace in patterns:
                value = re.sub(regex, replace, value)
        return value

    flat: dict[str, list[Any]] = defaultdict(list)
    for output in coalesce_streams(outputs):
        if output.get("output_type") == "stream":
            output = {"output_type": "stream", output.get("name", "stdout"): output["text"]}
        for key, value in output.items():
            if key in _SKIP_COMPARE:
                continue
            if key == "data":
                for mime, content in value.items():
                    if mime not in _SKIP_COMPARE:
                        flat[mime].append(clean(content))
            else:
                flat[key].append(clean(value))
    return dict(flat)


def changed_cells(
    stored: nbformat.NotebookNode,
    fresh: nbformat.NotebookNode,
    patterns: Sequence[tuple[str, str]],
) -> list[int]:
    """Indices of the code cells whose compared outputs differ between two runs.

    Cells nbval does not compare are left out: marked ``# NBVAL_IGNORE_OUTPUT`` or
    ``# NBVAL_SKIP`` (or tagged so), or never executed in ``stored``.
    """
    changed = []
    for index, (old, new) in enumerate(zip(stored.cells, fresh.cells, strict=True)):
        if old.get("cell_type") != "code":
            continue
        options = cell_options(old)
        if options["skip"] or not options["check"] or old.get("execution_count") is None:
            continue
        if comparable(old.get("outputs", []), patterns) != comparable(
            new.get("outputs", []), patterns
        ):
            changed.append(index)
    return changed


def _volatile_free(output: Mapping[str, Any], patterns: Sequence[tuple[str, str]]) -> Any:
    """An output without what differs on every run: widget model ids, sanitized text."""
    item = copy.deepcopy(dict(output))
    view = item.get("data", {}).get(WIDGET_VIEW)
    if isinstance(view, dict):
        view["model_id"] = ""

    def scrub(value: Any) -> Any:
        if isinstance(value, str):
            for regex, replace in patterns:
                value = re.sub(regex, replace, value)
            return value
        if isinstance(value, list):
            return [scrub(v) for v in value]
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        return value

    return scrub(item)


def join_streams(outputs: Iterable[Any]) -> list[Any]:
    """Join consecutive stream outputs of the same name, as Jupyter displays them (copies).

    A kernel may send one ``print`` in several messages, depending on timing; joined,
    the same output is stored the same way on every run.
    """
    joined: list[Any] = []
    for output in outputs:
        item = copy.deepcopy(output)
        previous = joined[-1] if joined else None
        if (item.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream"
                and previous.get("name") == item.get("name")):
            previous["text"] = _text(previous["text"]) + _text(item.get("text", ""))
            continue
        if item.get("output_type") == "stream":
            item["text"] = _text(item.get("text", ""))
        joined.append(item)
    return joined


def merge_run(
    stored: nbformat.NotebookNode,
    fresh: nbformat.NotebookNode,
    patterns: Sequence[tuple[str, str]],
) -> nbformat.NotebookNode:
    """``fresh``, keeping the stored bytes wherever the run changed only volatile fields.

    Fresh outputs get their consecutive streams joined (:func:`join_streams`). A cell
    whose outputs then equal the stored ones up to widget model ids and sanitized text
    (addresses, timings) keeps its stored outputs; ``language_info`` keeps its stored
    value. Anything else -- a changed number, a changed figure -- comes from the fresh
    run.
    """
    merged = copy.deepcopy(fresh)
    for old, new in zip(stored.cells, merged.cells, strict=True):
        if new.get("cell_type") != "code":
            continue
        new["outputs"] = join_streams(new.get("outputs", []))
        before, after = join_streams(old.get("outputs", [])), new["outputs"]
        if len(before) == len(after) and all(
            _volatile_free(a, patterns) == _volatile_free(b, patterns)
            for a, b in zip(before, after, strict=True)
        ):
            new["outputs"] = copy.deepcopy(old.get("outputs", []))
    if "language_info" in stored.get("metadata", {}):
        merged.metadata["language_info"] = copy.deepcopy(stored.metadata["language_info"])
    return merged


# --- execution ----------------------------------------------------------------------------
@dataclass
class RunError(Exception):
    """A cell raised while a notebook was executed."""

    path: Path
    cell: int
    ename: str
    evalue: str

    def __str__(self) -> str:
        return f"{self.path.name}: cell {self.cell} raised {self.ename}: {self.evalue}"


def execute(notebook: nbformat.NotebookNode, path: Path) -> nbformat.NotebookNode:
    """Run a copy of ``notebook`` top to bottom as nbval does; return the executed copy.

    The kernel is the one nbval starts for this notebook, in ``path``'s folder, with
    the tests' environment (``tools/notebook_env.py``). Cells marked ``# NBVAL_SKIP``
    are not run.

    Raises
    ------
    RunError
        If a cell raises, unless it is marked ``# NBVAL_RAISES_EXCEPTION``.
    """
    run = copy.deepcopy(notebook)
    skipped = {i for i, c in enumerate(run.cells)
               if c.cell_type == "code" and cell_options(c)["skip"]}
    kept = [c for i, c in enumerate(run.cells) if i not in skipped]
    runnable = copy.deepcopy(run)
    runnable.cells = kept
    client = NotebookClient(
        runnable,
        timeout=CELL_TIMEOUT,
        kernel_name=notebook_env.kernel_name(run.metadata),
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    # nbval starts its kernels with stderr to the null device; so do we (the kernel's own
    # start-up warnings would bury the report). Errors in cells arrive as outputs.
    client.execute(env=notebook_env.environment(), stderr=subprocess.DEVNULL)
    executed = iter(runnable.cells)
    run.cells = [c if i in skipped else next(executed) for i, c in enumerate(run.cells)]
    run.metadata = runnable.metadata
    for index, cell in enumerate(run.cells):
        if cell.cell_type != "code" or cell_options(cell)["check_exception"]:
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                raise RunError(path, index, output.get("ename", ""), output.get("evalue", ""))
    return run


# --- text twins ----------------------------------------------------------------------------
def twin_path(path: Path, root: Path = ROOT) -> Path:
    """``twins/notebooks/05_comparing_strategies.py`` for ``notebooks/05_...ipynb``."""
    return root / TWINS / path.parent.name / f"{path.stem}.py"


def twin_text(notebook: nbformat.NotebookNode) -> str:
    """The ``py:percent`` text of a notebook: cell sources and tags, no other metadata."""
    text: str = jupytext.writes(notebook, fmt=TWIN_FORMAT)
    return text


def twin_cells(text: str) -> list[tuple[str, str, list[str]]]:
    """``(cell type, source, tags)`` of every cell of a twin's text."""
    notebook = jupytext.reads(text, fmt=TWIN_FORMAT)
    return [(c.cell_type, c.source, list(c.metadata.get("tags", []))) for c in notebook.cells]


def notebook_cells(notebook: nbformat.NotebookNode) -> list[tuple[str, str, list[str]]]:
    """``(cell type, source, tags)`` of every cell of a notebook (what a twin must agree on)."""
    return [(c.cell_type, c.source, list(c.metadata.get("tags", []))) for c in notebook.cells]


def twinned_notebooks(root: Path = ROOT) -> list[Path]:
    """The notebooks that have a twin: every lesson and solution."""
    return [path for folder in TWINNED for path in sorted((root / folder).glob("*.ipynb"))]


def stale_twins(root: Path = ROOT) -> list[Path]:
    """Twins missing, out of date, or left without a notebook (paths of the twins)."""
    expected = {twin_path(p, root): p for p in twinned_notebooks(root)}
    stale = [
        twin for twin, path in expected.items()
        if not twin.exists()
        or twin.read_text(encoding="utf-8") != twin_text(read_notebook(path))
    ]
    orphans = [
        twin for folder in TWINNED for twin in sorted((root / TWINS / folder).glob("*.py"))
        if twin not in expected
    ]
    return sorted(stale + orphans)


def write_twins(root: Path = ROOT) -> list[Path]:
    """Write every twin, remove orphans; return the twins written or removed."""
    changed = []
    expected = set()
    for path in twinned_notebooks(root):
        twin = twin_path(path, root)
        expected.add(twin)
        if write_text(twin, twin_text(read_notebook(path))):
            changed.append(twin)
    for folder in TWINNED:
        for twin in sorted((root / TWINS / folder).glob("*.py")):
            if twin not in expected:
                twin.unlink()
                changed.append(twin)
    return changed


# --- the static checks ------------------------------------------------------------------------
def needs_cleaning(path: Path) -> bool:
    """Whether a notebook holds widget state or timestamps, or is not in the repository format."""
    text = path.read_text(encoding="utf-8")
    notebook = nbformat.reads(text, as_version=4)  # type: ignore[no-untyped-call]
    return bool(clean_notebooks.clean(notebook)) or notebook_text(notebook) != text


@dataclass
class Report:
    """What is stale (``--check``) or what was rewritten (a build), one list per kind."""

    root: Path
    items: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, what: Iterable[Path | str]) -> None:
        """Record ``what`` (paths shown relative to the course folder) under ``kind``."""
        for item in what:
            text = item.relative_to(self.root).as_posix() if isinstance(item, Path) \
                and item.is_relative_to(self.root) else str(item)
            self.items.setdefault(kind, []).append(text)

    def __bool__(self) -> bool:
        return any(self.items.values())

    def lines(self) -> list[str]:
        """One ``kind: item`` line per item."""
        return [f"{kind}: {item}" for kind, items in self.items.items() for item in items]


def static_check(root: Path = ROOT) -> Report:
    """Everything stale that is found without executing: cleaning, exercises, navigation, twins."""
    report = Report(root)
    report.add("needs cleaning", [p for p in course_notebooks(root) if needs_cleaning(p)])
    report.add("stale exercise", [
        f"exercises/{name}"
        for name in generate_exercises.out_of_date(root / "solutions", root / "exercises")
    ])
    report.add("stale navigation", add_navigation.update(root, check=True))
    report.add("stale twin", stale_twins(root))
    return report


def execution_check(paths: Sequence[Path], root: Path = ROOT, verbose: bool = True) -> Report:
    """Execute each notebook (nothing is written) and report those whose outputs would change."""
    report = Report(root)
    patterns = sanitize_patterns()
    for path in paths:
        started = time.perf_counter()
        stored = read_notebook(path)
        try:
            cells = changed_cells(stored, execute(stored, path), patterns)
        except RunError as error:
            report.add("fails to run", [str(error)])
            continue
        if cells:
            shown = ", ".join(str(i) for i in cells)
            report.add("outputs would change", [f"{path.relative_to(root).as_posix()} "
                                                f"(cells {shown})"])
        if verbose:
            print(f"  checked {path.relative_to(root).as_posix()} "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
    return report


# --- the build ----------------------------------------------------------------------------
def rebuild_notebook(path: Path, patterns: Sequence[tuple[str, str]]) -> bool:
    """Execute, normalise and clean one notebook; write it if it changed. Return whether written."""
    stored = read_notebook(path)
    built = merge_run(stored, execute(stored, path), patterns)
    clean_notebooks.clean(built)
    return write_text(path, notebook_text(built))


def build(
    paths: Sequence[Path], root: Path = ROOT, execute_notebooks: bool = True,
    verbose: bool = True,
) -> tuple[Report, Report]:
    """Rebuild the course; return (what was written, what failed)."""
    written, failed = Report(root), Report(root)
    patterns = sanitize_patterns()
    for path in paths:
        started = time.perf_counter()
        if execute_notebooks:
            try:
                if rebuild_notebook(path, patterns):
                    written.add("executed and changed", [path])
            except RunError as error:
                failed.add("fails to run", [str(error)])
                continue
        else:
            notebook = read_notebook(path)
            clean_notebooks.clean(notebook)
            if write_text(path, notebook_text(notebook)):
                written.add("cleaned", [path])
        if verbose and execute_notebooks:
            print(f"  executed {path.relative_to(root).as_posix()} "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
    (root / "exercises").mkdir(exist_ok=True)
    before = {p.name: p.read_bytes() for p in (root / "exercises").glob("*.ipynb")}
    generate_exercises.generate(root / "solutions", root / "exercises")
    after = {p.name: p.read_bytes() for p in (root / "exercises").glob("*.ipynb")}
    written.add("exercise", [f"exercises/{n}" for n in sorted(before.keys() | after.keys())
                             if before.get(n) != after.get(n)])
    written.add("navigation", add_navigation.update(root))
    written.add("twin", write_twins(root))
    return written, failed


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: rebuild the course, or ``--check`` what is stale."""
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        epilog="Names select notebooks: 05 (lesson 05), 05_1 (solution 5.1), a stem "
               "(08_ato_lab) or a path (notebooks/08_ato_lab.ipynb). Exercises, navigation "
               "and twins are always regenerated for the whole course.",
    )
    parser.add_argument("names", nargs="*", help="only execute these notebooks (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; report what is stale and exit 1 if anything is")
    parser.add_argument("--no-execute", action="store_true",
                        help="do not execute notebooks (clean and regenerate only, or with "
                             "--check, only the fast checks)")
    parser.add_argument("--root", type=Path, default=ROOT, help="course folder (default: this one)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    try:
        paths = select(args.names, root)
    except ValueError as error:
        parser.error(str(error))
    notebook_env.apply()  # this process too: the exercises' generator and tools read it
    started = time.perf_counter()
    if args.check:
        report = static_check(root)
        if not args.no_execute:
            executed = execution_check(paths, root, verbose=not args.quiet)
            for kind, items in executed.items.items():
                report.items.setdefault(kind, []).extend(items)
        for line in report.lines():
            print(line)
        elapsed = time.perf_counter() - started
        if report:
            print(f"Stale ({elapsed:.0f} s). Run `python tools/build_course.py` "
                  "to rebuild (name notebooks to execute only those).")
            return 1
        what = "" if args.no_execute else f", {len(paths)} notebook(s) re-executed"
        print(f"The course is up to date ({elapsed:.0f} s{what}).")
        return 0
    written, failed = build(paths, root, execute_notebooks=not args.no_execute,
                            verbose=not args.quiet)
    for line in written.lines():
        print(f"wrote {line}")
    for line in failed.lines():
        print(line, file=sys.stderr)
    elapsed = time.perf_counter() - started
    if failed:
        print(f"Failed ({elapsed:.0f} s): the notebooks above were not written.", file=sys.stderr)
        return 1
    print(f"Course rebuilt ({elapsed:.0f} s){'' if written else ': nothing changed'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
