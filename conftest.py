"""Test-wide settings, for every test folder (tests/, notebooks/, solutions/).

The notebooks' stored outputs were produced with the course's default class
seed, in English, without a saved progress file, and with Jupyter's inline
figures. nbval's kernels inherit this process's environment, so it is fixed
here before any kernel starts. The settings live in ``tools/notebook_env.py``,
which ``tools/build_course.py`` uses too, so a rebuild executes the notebooks
in exactly this environment.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _load_notebook_env() -> None:
    """Load ``tools/notebook_env.py`` by path (standard library only) and apply it."""
    path = Path(__file__).resolve().parent / "tools" / "notebook_env.py"
    spec = importlib.util.spec_from_file_location("notebook_env", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("notebook_env", module)  # the tools import the same module
    spec.loader.exec_module(module)
    module.apply()


_load_notebook_env()

# Notebooks used as fixtures by other tests are not lessons: nbval must not collect them.
collect_ignore_glob = ["tests/browser/fixtures/*", "exercises/*"]
