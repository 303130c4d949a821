"""Importing the model does not import the user interface.

A fresh interpreter (a subprocess, so that other tests' imports do not count) imports
the package or the lab, runs a simulation, and lists what got imported: no plotting or
widget library may be among it. The lab's figures and sliders still import from
``ato_lessons.lab`` when asked for (PEP 562).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

UI = ("matplotlib", "ipywidgets", "PIL", "IPython")


def imported_after(code: str) -> dict[str, list[str]]:
    """Run ``code`` in a fresh interpreter; return the UI modules and ato_lessons modules."""
    script = (
        f"{code}\n"
        "import json, sys\n"
        f"ui = sorted(m for m in sys.modules if m.split('.')[0] in {UI!r})\n"
        "own = sorted(m for m in sys.modules if m.startswith('ato_lessons'))\n"
        "print(json.dumps({'ui': ui, 'own': own}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, list[str]] = json.loads(proc.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize(
    "code",
    [
        # the lab, as lesson 08 uses it without its sliders
        "from ato_lessons.lab import load_lab_system, simulate_lab\n"
        "simulate_lab(load_lab_system('lab_pc_tiny'), None, n_reps=2, seed=1)",
        # the whole package and both models of the registry
        "import ato_lessons as ato\n"
        "pc = ato.load_instance('two_products')\n"
        "ato.compare([pc.run(s) for s in ato.STRATEGIES])\n"
        "ato.load_instance('lab_hong_nelson')",
        # the lab's search
        "from ato_lessons.lab import coordinate_search, load_lab_system\n"
        "coordinate_search(load_lab_system('lab_pc_tiny'), n_reps=2, max_moves=1)",
    ],
    ids=["lab", "package", "search"],
)
def test_model_imports_no_user_interface(code: str) -> None:
    found = imported_after(code)
    assert found["ui"] == [], f"UI modules imported: {found['ui']}"
    assert "ato_lessons.lab.display" not in found["own"]
    assert "ato_lessons.lab.grader" not in found["own"]


def test_display_names_load_on_first_use() -> None:
    found = imported_after(
        "import ato_lessons.lab as lab\n"
        "assert 'LabSliders' in dir(lab)\n"
        "from ato_lessons.lab import LabSliders\n"
        "from ato_lessons.lab.display import LabSliders as direct\n"
        "assert LabSliders is direct"
    )
    assert "ato_lessons.lab.display" in found["own"] and "matplotlib" in found["ui"]


def test_unknown_lab_attribute_is_an_attribute_error() -> None:
    import ato_lessons.lab as lab

    with pytest.raises(AttributeError, match="has no attribute 'LabSlider'"):
        _ = lab.LabSlider
    with pytest.raises(ImportError):
        exec("from ato_lessons.lab import plot_levels", {})
