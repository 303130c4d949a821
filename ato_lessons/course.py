"""The course's table of contents and the class seed.

One ordering source for the lessons: navigation links, the skeleton test and the
wrap-up's progress view all read :data:`LESSONS` from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["LESSONS", "Lesson", "DEFAULT_SEED", "class_seed", "check_setup", "lesson"]

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


def class_seed() -> int:
    """Return the seed for this class's simulations.

    The instructor may announce a class seed; students then set the environment
    variable ``ATO_CLASS_SEED`` (or the host sets it for everyone) so that every
    simulation shows the same numbers across the room. Without it the course's
    default seed (2026) is used, which is what the stored notebook outputs show.

    Returns
    -------
    int
        The class seed.

    Raises
    ------
    ValueError
        If ``ATO_CLASS_SEED`` is set but is not a non-negative whole number.
    """
    raw = os.environ.get("ATO_CLASS_SEED", "").strip()
    if not raw:
        return DEFAULT_SEED
    if not (raw.isascii() and raw.isdecimal()):
        raise ValueError(f"ATO_CLASS_SEED(={raw!r}) must be a non-negative whole number")
    return int(raw)


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
    'Setup OK: ato_lessons 1.0.0, class seed 2026'
    """
    from . import __version__

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
