"""Test-wide settings, for every test folder (tests/, notebooks/, solutions/).

The notebooks' stored outputs were produced with the course's default class
seed, in English, without a saved progress file, and with Jupyter's inline
figures. nbval's kernels inherit this process's environment, so it is fixed
here before any kernel starts.
"""

from __future__ import annotations

import os

os.environ["ATO_PROGRESS_FILE"] = "off"
os.environ["ATO_CLASS_SEED_FILE"] = "off"  # a seed saved by set_class_seed() must not leak in
for _name in ("ATO_CLASS_SEED", "ATO_LANG", "MPLBACKEND"):
    os.environ.pop(_name, None)
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

# Notebooks used as fixtures by other tests are not lessons: nbval must not collect them.
collect_ignore_glob = ["tests/browser/fixtures/*", "exercises/*"]
