"""The Binder files agree with each other, with the pins and with the package.

Binder (repo2docker) reads ``runtime.txt``, ``requirements.txt`` and ``postBuild`` at the
repository root. A mistake in any of them only shows up when a class opens the Binder link,
so these tests check them on every run:

* the Python of ``runtime.txt`` satisfies ``Requires-Python`` of every pinned package (read
  from the installed distributions, so the check works offline) and of the course package;
* every pin is installed here at exactly that version (the tests run what Binder runs);
* ``requirements.txt`` stays cacheable (no ``-e``, ``-r``, ``-c`` or local paths) and covers
  every dependency of the course package, because ``postBuild`` installs it with ``--no-deps``;
* no test-only tool (``nbval``, ``pytest``...) is in ``requirements.txt``: Binder's image stays
  lean;
* every third-party module the package imports is declared in ``pyproject.toml``;
* ``postBuild`` is a bash script that stops at the first failing command;
* the README's Binder badge opens the start notebook, which exists.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ROOT / "runtime.txt"
REQUIREMENTS = ROOT / "requirements.txt"
REQUIREMENTS_TEST = ROOT / "requirements-test.txt"
POST_BUILD = ROOT / "postBuild"
START_NOTEBOOK = "notebooks/00_start_here.ipynb"
BINDER_URL = re.compile(r"https://mybinder\.org/v2/gh/[^\s)\"']+")


def read_runtime() -> Version:
    """Return the Python version named in ``runtime.txt`` (``python-X.Y``)."""
    text = RUNTIME.read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(\d+\.\d+)", text)
    assert match, f"runtime.txt must read 'python-X.Y', found {text!r}"
    return Version(match.group(1))


def requirement_lines() -> list[str]:
    """Return the non-blank, non-comment lines of ``requirements.txt``."""
    lines = []
    for raw in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


def requirement_names(path: Path) -> set[str]:
    """Return the canonical names of the packages a requirements file lists."""
    names = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.add(canonicalize_name(Requirement(line).name))
    return names


def pins() -> dict[str, Version]:
    """Return ``{canonical name: pinned version}`` from ``requirements.txt``."""
    result = {}
    for line in requirement_lines():
        req = Requirement(line)
        specs = list(req.specifier)
        assert len(specs) == 1 and specs[0].operator == "==", (
            f"requirements.txt: {line!r} must be an exact pin 'name==version'"
        )
        result[canonicalize_name(req.name)] = Version(specs[0].version)
    return result


def python_satisfies(requires_python: str | None, python: Version) -> bool:
    """Whether every ``python`` X.Y.z release satisfies ``requires_python``.

    ``runtime.txt`` names only X.Y, so check the first patch release (X.Y.0): a package
    that needs X.Y.5 would break on an older Binder image.
    """
    if not requires_python:
        return True
    return SpecifierSet(requires_python).contains(Version(f"{python}.0"), prereleases=True)


# --- the helpers themselves (a check that cannot fail is no check) -------------------------


@pytest.mark.parametrize(
    ("requires", "python", "expected"),
    [
        (">=3.11", "3.12", True),  # numpy 2.4, pandas 3
        (">=3.11", "3.10", False),  # Binder's default Python
        (">=3.9,<3.13", "3.13", False),  # upper bound excludes the runtime
        (">=3.12.3", "3.12", False),  # a patch bound X.Y cannot guarantee
        (None, "3.12", True),  # package does not declare it
        ("", "3.12", True),
    ],
)
def test_python_satisfies_table(requires: str | None, python: str, expected: bool) -> None:
    assert python_satisfies(requires, Version(python)) is expected


# --- runtime.txt --------------------------------------------------------------------------


def test_runtime_is_at_least_311() -> None:
    # pandas 3, numpy 2.4, matplotlib 3.11 and ipykernel 7 need 3.11+; Binder defaults to 3.10.
    assert read_runtime() >= Version("3.11")


def test_runtime_satisfies_every_pin_requires_python() -> None:
    python = read_runtime()
    problems = []
    for name in pins():
        requires = metadata.metadata(name).get("Requires-Python")
        if not python_satisfies(requires, python):
            problems.append(f"{name} requires Python {requires}")
    assert not problems, f"runtime.txt python-{python} is not supported by: {problems}"


def test_runtime_satisfies_course_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requires = project["requires-python"]
    assert python_satisfies(requires, read_runtime()), (
        f"runtime.txt python-{read_runtime()} does not satisfy pyproject requires-python {requires}"
    )


# --- requirements.txt ---------------------------------------------------------------------


def test_requirements_are_cacheable() -> None:
    # `-e .`, `-r`, `-c` or a local path make repo2docker skip its cached pip layer.
    for line in requirement_lines():
        assert not line.startswith("-"), f"requirements.txt option {line!r} breaks Binder caching"
        assert not line.startswith((".", "/", "file:")), f"local path {line!r} in requirements.txt"
        assert "://" not in line, f"URL requirement {line!r} in requirements.txt"


def test_every_pin_is_installed_at_that_version() -> None:
    wrong = {}
    for name, version in pins().items():
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            wrong[name] = "not installed"
            continue
        if installed != version:
            wrong[name] = f"installed {installed}, pinned {version}"
    assert not wrong, f"the test environment does not match requirements.txt: {wrong}"


def test_pins_cover_the_course_package_dependencies() -> None:
    # postBuild installs the package with --no-deps: every dependency must come from the pins.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = pins()
    problems = []
    for line in project.get("dependencies", []):
        req = Requirement(line)
        name = canonicalize_name(req.name)
        if name not in pinned:
            problems.append(f"{req.name} is not pinned in requirements.txt")
        elif not req.specifier.contains(pinned[name], prereleases=True):
            problems.append(f"pin {name}=={pinned[name]} does not satisfy {line!r}")
    assert not problems, problems


def test_binder_installs_the_widget_front_end_and_kernel() -> None:
    # "Error displaying widget: model not found" on Binder means these drifted apart.
    pinned = pins()
    for name in ("jupyterlab", "ipywidgets", "ipykernel"):
        assert name in pinned, f"{name} must be pinned in requirements.txt for Binder"


def test_requirements_helpers_read_what_they_should(tmp_path: Path) -> None:
    # the checks below can fail: a test tool slipped into a runtime file is seen
    runtime = tmp_path / "requirements.txt"
    runtime.write_text("# pins\npandas==3.1.1\nnbval==0.11.0  # test tool\n\n", encoding="utf-8")
    assert requirement_names(runtime) == {"pandas", "nbval"}


def test_test_tools_stay_out_of_binder() -> None:
    # Binder's image holds what the lessons run, not what the tests run.
    for name in ("playwright", "pytest", "mypy", "ruff", "nbval", "hypothesis", "coverage"):
        assert name not in pins(), f"{name} belongs in requirements-test.txt, not Binder's image"
    test_only = requirement_names(REQUIREMENTS_TEST)
    assert "nbval" in test_only  # the lessons' output checks are a test tool
    both = sorted(test_only & set(pins()))
    assert not both, f"in both requirements files (test tools stay out of Binder): {both}"


def imports_of(source: str) -> set[str]:
    """Top-level names of the modules ``source`` imports, except optional ones (an import
    inside ``try: ... except ImportError``) and relative ones."""
    tree = ast.parse(source)
    optional: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
            for h in node.handlers
        ):
            optional.update(id(sub) for stmt in node.body for sub in ast.walk(stmt))
    names = set()
    for node in ast.walk(tree):
        if id(node) in optional:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import numpy.typing as npt\nfrom PIL import Image\n", {"numpy", "PIL"}),
        ("def f():\n    from cycler import cycler\n", {"cycler"}),  # inside a function
        ("try:\n    import IPython\nexcept ImportError:\n    pass\n", set()),  # optional
        ("from . import x\nfrom .y import z\n", set()),  # the package itself
    ],
)
def test_imports_of_table(source: str, expected: set[str]) -> None:
    assert imports_of(source) == expected


def test_every_third_party_import_is_declared() -> None:
    # PIL and cycler used to come in with matplotlib, undeclared; a direct import is declared.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {canonicalize_name(Requirement(line).name) for line in project["dependencies"]}
    distributions = metadata.packages_distributions()
    missing = {}
    for path in sorted((ROOT / "ato_lessons").rglob("*.py")):
        for name in imports_of(path.read_text(encoding="utf-8")):
            if name in sys.stdlib_module_names or name in ("__future__", "ato_lessons"):
                continue
            owners = {canonicalize_name(d) for d in distributions.get(name, [name])}
            if not owners & declared:
                missing.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert not missing, f"imported but not in pyproject dependencies: {missing}"


# --- postBuild ----------------------------------------------------------------------------


def post_build_commands() -> list[str]:
    """Return postBuild's lines that are neither blank nor comments."""
    lines = POST_BUILD.read_text(encoding="utf-8").splitlines()
    return [
        line.strip() for line in lines[1:] if line.strip() and not line.lstrip().startswith("#")
    ]


def test_post_build_is_bash_with_set_e_first() -> None:
    first = POST_BUILD.read_text(encoding="utf-8").splitlines()[0]
    assert first in ("#!/bin/bash", "#!/usr/bin/env bash"), f"postBuild shebang is {first!r}"
    commands = post_build_commands()
    assert re.fullmatch(r"set -e(uo pipefail)?", commands[0]), (
        f"postBuild must start with 'set -e' (or 'set -euo pipefail'), starts with {commands[0]!r}"
    )


def test_post_build_installs_package_without_deps() -> None:
    installs = [c for c in post_build_commands() if "pip install" in c]
    assert installs, "postBuild does not install the course package"
    assert all("--no-deps" in c for c in installs), f"pip without --no-deps: {installs}"
    assert any(c.endswith((" .", " -e .")) for c in installs), installs


@pytest.mark.skipif(os.name == "nt", reason="file modes are not tracked on Windows")
def test_post_build_is_executable() -> None:
    assert POST_BUILD.stat().st_mode & stat.S_IXUSR, "run: chmod +x postBuild"


def _run_post_build_with_fakes(tmp_path: Path, failing: str | None) -> tuple[int, list[str]]:
    """Run postBuild with fake ``python``/``jupyter`` that log their arguments.

    ``failing`` names the fake command that exits 1 (``None``: all succeed).
    Returns postBuild's exit code and the logged calls.
    """
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    for name in ("python", "jupyter"):
        code = 1 if name == failing else 0
        fake = bin_dir / name
        fake.write_text(
            "#!/bin/bash\n"
            f'echo "{name} $*" >> "{log.as_posix()}"\n'
            f'if [ "$1" = "labextension" ]; then echo "@jupyter-widgets/jupyterlab-manager"; fi\n'
            f"exit {code}\n",
            encoding="utf-8",
        )
        fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(
        ["bash", str(POST_BUILD)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return proc.returncode, calls


@pytest.mark.skipif(shutil.which("bash") is None or os.name == "nt", reason="needs bash")
def test_post_build_succeeds_when_every_step_succeeds(tmp_path: Path) -> None:
    code, calls = _run_post_build_with_fakes(tmp_path, failing=None)
    assert code == 0, calls
    assert calls[0].startswith("python -m pip install --no-deps"), calls
    assert len(calls) >= 2, "postBuild should also check that the package imports"


@pytest.mark.skipif(shutil.which("bash") is None or os.name == "nt", reason="needs bash")
def test_post_build_stops_at_first_failure(tmp_path: Path) -> None:
    # The pip install fails: the Binder build must fail there, not carry on.
    code, calls = _run_post_build_with_fakes(tmp_path, failing="python")
    assert code != 0
    assert len(calls) == 1, f"postBuild kept going after a failed step: {calls}"


# --- README badge -------------------------------------------------------------------------


def test_readme_binder_badge_opens_start_notebook() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    urls = BINDER_URL.findall(readme)
    assert urls, "README.md has no mybinder.org launch link (badge)"
    for url in urls:
        assert re.search(r"[?&](urlpath=lab/tree/|labpath=)", url), (
            f"Binder link should open JupyterLab at a notebook: {url}"
        )
        target = re.split(r"urlpath=lab/tree/|labpath=", url, maxsplit=1)[1].split("&")[0]
        assert target == START_NOTEBOOK, f"Binder link opens {target!r}, not {START_NOTEBOOK}"
    assert (ROOT / START_NOTEBOOK).is_file(), f"{START_NOTEBOOK} is missing"
    assert "https://mybinder.org/badge_logo.svg" in readme, "README.md lacks the Binder badge image"


def test_python_running_the_tests_is_supported() -> None:
    # The course supports 3.11+ everywhere, not only on Binder.
    assert sys.version_info >= (3, 11)
