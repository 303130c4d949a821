"""ato_lessons: the small library behind the assemble-to-order course."""

from __future__ import annotations

__version__ = "1.0.0"

from .course import DEFAULT_SEED, LESSONS, class_seed

__all__ = ["__version__", "LESSONS", "DEFAULT_SEED", "class_seed"]
