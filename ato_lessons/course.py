"""The course's table of contents and the class seed.

One ordering source for the lessons: navigation links, the skeleton test and the
wrap-up's progress view all read :data:`LESSONS` from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ._version import __version__

__all__ = [
    "LESSONS",
    "Lesson",
    "DEFAULT_SEED",
    "class_seed",
    "class_seed_file",
    "set_class_seed",
    "check_setup",
    "lesson",
]

#: The seed every lesson uses unless the instructor announces another one.
DEFAULT_SEED = 2026


@dataclass(frozen=True)
class Lesson:
    """One lesson of the course.

    Parameters
    ----------
    number : int
        Position in the course (0 = start here).
    stem : str
        File name without ``.ipynb``, e.g. ``"03_assemble_to_order"``.
    title : str
        Title shown after the number, e.g. ``"Assemble to order"``.
    minutes : int
        Time estimate for a student working alone.
    """

    number: int
    stem: str
    title: str
    minutes: int

    @property
    def filename(self) -> str:
        """File name of the lesson notebook in ``notebooks/``."""
        return f"{self.stem}.ipynb"


LESSONS: tuple[Lesson, ...] = (
    Lesson(0, "00_start_here", "Start here", 10),
    Lesson(1, "01_make_to_stock", "Make to stock", 20),
    Lesson(2, "02_make_to_order", "Make to order", 15),
    Lesson(3, "03_assemble_to_order", "Assemble to order", 20),
    Lesson(4, "04_pc_maker", "The PC maker", 25),
    Lesson(5, "05_comparing_strategies", "Comparing strategies", 30),
    Lesson(6, "06_pros_and_cons", "Pros and cons", 25),
    Lesson(7, "07_wrap_up", "Wrap-up", 15),
    Lesson(8, "08_ato_lab", "ATO lab: base-stock optimisation (advanced)", 40),
)


def class_seed_file() -> Path | None:
    """Where :func:`set_class_seed` keeps the class seed (``None``: no file).

    ``~/.ato_lessons/class_seed.txt`` unless the environment variable
    ``ATO_CLASS_SEED_FILE`` names another file, or is ``off`` (no file).
    """
    raw = os.environ.get("ATO_CLASS_SEED_FILE")
    if raw is not None and raw.strip().lower() in ("", "off"):
        return None
    return Path(raw) if raw is not None else Path.home() / ".ato_lessons" / "class_seed.txt"


def _parse_seed(raw: str, source: str) -> int:
    text = raw.strip()
    if not (text.isascii() and text.isdecimal()):
        raise ValueError(f"{source}(={text!r}) must be a non-negative whole number")
    return int(text)


def class_seed() -> int:
    """Return the seed for this class's simulations.

    The instructor may announce a class seed so that every simulation shows
    the same numbers across the room. It is read, in this order, from

    1. the environment variable ``ATO_CLASS_SEED`` (a hub administrator can set
       it for everyone);
    2. the file written by :func:`set_class_seed` (one line in any notebook,
       kept for every notebook of this user, e.g. on Binder);
    3. the course's default, 2026, which the stored notebook outputs show.

    Returns
    -------
    int
        The class seed.

    Raises
    ------
    ValueError
        If the variable or the file holds something else than a non-negative
        whole number.
    """
    raw = os.environ.get("ATO_CLASS_SEED", "").strip()
    if raw:
        return _parse_seed(raw, "ATO_CLASS_SEED")
    path = class_seed_file()
    if path is not None and path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            return DEFAULT_SEED
        return _parse_seed(text, f"class seed file {path}")
    return DEFAULT_SEED


def set_class_seed(seed: int | None) -> str:
    """Keep a class seed for every notebook (``None`` goes back to the default).

    The seed is written to :func:`class_seed_file`, so it survives kernel
    restarts and applies to every lesson; notebooks already open must be re-run.
    If the file cannot be written, the seed still applies to this kernel.

    Parameters
    ----------
    seed : int or None
        The announced seed (a non-negative whole number), or ``None``.

    Returns
    -------
    str
        What was done, to show the student.
    """
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise TypeError(f"seed(={seed!r}) must be a non-negative whole number or None")
    if seed is not None and seed < 0:
        raise ValueError(f"seed(={seed!r}) must be >= 0")
    path = class_seed_file()
    try:
        if path is None:
            raise OSError("ATO_CLASS_SEED_FILE is off")
        if seed is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{seed}\n", encoding="utf-8")
    except OSError as exc:
        if seed is None:
            os.environ.pop("ATO_CLASS_SEED", None)
        else:
            os.environ["ATO_CLASS_SEED"] = str(seed)
        return (f"Could not save the class seed ({exc}); it applies to this notebook only.")
    if os.environ.get("ATO_CLASS_SEED", "").strip():
        return ("Saved, but the environment variable ATO_CLASS_SEED is set and wins: "
                f"the class seed stays {class_seed()}.")
    if seed is None:
        return f"Back to the course's default seed {DEFAULT_SEED} in every notebook."
    return (f"Class seed {seed} saved for every notebook. Re-run open notebooks "
            "(Kernel → Restart Kernel and Run All Cells) to use it.")


def lesson(number: int) -> Lesson:
    """The lesson with this number (0 to 8)."""
    if isinstance(number, int) and not isinstance(number, bool):
        for item in LESSONS:
            if item.number == number:
                return item
    raise ValueError(f"number(={number!r}) is not a lesson number; known: "
                     f"{[x.number for x in LESSONS]!r}")


def check_setup(min_version: str = "1.0") -> str:
    """Fail fast if the course package is too old; return a one-line status.

    Every lesson's first code cell calls it, so a student with a broken
    installation gets a clear message at the top instead of an error halfway.

    Parameters
    ----------
    min_version : str
        Oldest acceptable version of ``ato_lessons`` ("major.minor[.patch]").

    Examples
    --------
    >>> check_setup("1.0")
    'Setup OK: ato_lessons 1.1.0, class seed 2026'
    """
    def parts(text: str) -> tuple[int, ...]:
        try:
            return tuple(int(x) for x in text.split("."))
        except ValueError:
            raise ValueError(f"min_version(={text!r}) must look like '1.0' or '1.0.2'") from None

    if not isinstance(min_version, str):
        raise TypeError(f"min_version(={min_version!r}) must be a string like '1.0'")
    if parts(__version__) < parts(min_version):
        raise RuntimeError(
            f"ato_lessons {__version__} is older than {min_version}: update it with "
            "`python -m pip install -e .` from the course folder"
        )
    return f"Setup OK: ato_lessons {__version__}, class seed {class_seed()}"
