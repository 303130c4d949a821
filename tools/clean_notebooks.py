"""Strip what should not be committed from executed notebooks.

Removes the widget state (``metadata.widgets``: large, and useless once the
kernel is gone) and the per-cell execution timestamps (``metadata.execution``:
they change on every run and make diffs noisy). Outputs are kept: nbval
compares them.

Usage::

    python tools/clean_notebooks.py            # clean notebooks/ and solutions/
    python tools/clean_notebooks.py --check    # exit 1 if a notebook needs cleaning
    python tools/clean_notebooks.py PATH ...   # clean these notebooks only
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("notebooks", "solutions")


def clean(nb: nbformat.NotebookNode) -> bool:
    """Remove widget state and execution timestamps in place; return whether anything changed."""
    changed = nb.metadata.pop("widgets", None) is not None
    for cell in nb.cells:
        if cell.metadata.pop("execution", None) is not None:
            changed = True
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all)")
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if dirty")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(p for f in FOLDERS for p in (ROOT / f).glob("*.ipynb"))
    dirty = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
        if clean(nb):
            dirty.append(path)
            if not args.check:
                nbformat.write(nb, path)  # type: ignore[no-untyped-call]
    for path in dirty:
        print(f"{'needs cleaning' if args.check else 'cleaned'}: {path}")
    return 1 if (args.check and dirty) else 0


if __name__ == "__main__":
    sys.exit(main())
