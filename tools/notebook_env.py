"""The environment the stored notebook outputs are produced and compared in.

One source for ``conftest.py`` (nbval's kernels inherit the test process's
environment) and ``tools/build_course.py`` (which executes the notebooks), so a
rebuild runs every notebook exactly as the tests do:

* the course default class seed, in English, without a saved progress file or a
  saved class seed: ``ATO_PROGRESS_FILE=off``, ``ATO_CLASS_SEED_FILE=off``, and
  ``ATO_CLASS_SEED``/``ATO_LANG`` removed;
* Jupyter's inline figures: ``MPLBACKEND`` removed;
* the kernel nbval starts: the one named in the notebook's ``kernelspec``
  (``python3``, which Jupyter maps to the running interpreter), started in the
  notebook's folder;
* nbval's comparison rules, with the sanitize file ``tests/nbval_sanitize.cfg``.

This module imports nothing outside the standard library, so ``conftest.py``
can load it by path before anything else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: Variables set for every kernel.
SET: Mapping[str, str] = {
    "ATO_PROGRESS_FILE": "off",  # answers are not saved (nor read) during a run
    "ATO_CLASS_SEED_FILE": "off",  # a seed saved by set_class_seed() must not leak in
}
#: Variables removed: the class seed, the language and the figure backend take their defaults.
REMOVE: tuple[str, ...] = ("ATO_CLASS_SEED", "ATO_LANG", "MPLBACKEND")
#: Variables given a value only when unset (silences a debugger warning in kernels).
DEFAULTS: Mapping[str, str] = {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}
#: The sanitize file passed to nbval (``--nbval-sanitize-with`` in pyproject.toml).
SANITIZE_FILE = ROOT / "tests" / "nbval_sanitize.cfg"


def apply(environ: MutableMapping[str, str] | None = None) -> None:
    """Set the notebook environment in ``environ`` (default: this process's)."""
    env = os.environ if environ is None else environ
    env.update(SET)
    for name in REMOVE:
        env.pop(name, None)
    for name, value in DEFAULTS.items():
        env.setdefault(name, value)


def environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of ``base`` (default: this process's environment) with :func:`apply` applied."""
    env = dict(os.environ if base is None else base)
    apply(env)
    return env


def kernel_name(notebook_metadata: Mapping[str, Any]) -> str:
    """The kernel nbval starts for a notebook: its ``kernelspec`` name, else ``"python"``.

    This is nbval 0.11's rule when neither ``--nbval-kernel-name`` nor
    ``--nbval-current-env`` is given (the course's pytest options give neither).

    >>> kernel_name({"kernelspec": {"name": "python3"}})
    'python3'
    >>> kernel_name({})
    'python'
    """
    spec = notebook_metadata.get("kernelspec") or {}
    return str(spec.get("name", "python"))
