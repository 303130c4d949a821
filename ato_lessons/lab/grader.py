"""Deprecated: the grader of exercise 8.1 moved to :mod:`ato_lessons.grading.lesson08`.

Kept for one release so that code written before the move still runs; the first
name taken from here emits one :class:`DeprecationWarning`. (Exercise 8.1 no longer
needs this import to be listed in the progress table: the registry lists it.)
"""

from __future__ import annotations

from typing import Any

from ato_lessons._deprecation import MovedNames
from ato_lessons.grading import lesson08

_MOVED = MovedNames(__name__, "ato_lessons.grading.lesson08", {
    name: getattr(lesson08, name) for name in (*lesson08.__all__, "EXERCISE")
})


def __getattr__(name: str) -> Any:
    return _MOVED.resolve(name)
