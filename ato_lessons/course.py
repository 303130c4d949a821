"""The course's table of contents and the class seed.

One ordering source for the lessons: navigation links, the skeleton test and the
wrap-up's progress view all read :data:`LESSONS` from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["LESSONS", "Lesson", "DEFAULT_SEED", "class_seed"]

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
    if not raw.isdigit():
        raise ValueError(f"ATO_CLASS_SEED(={raw!r}) must be a non-negative whole number")
    return int(raw)
