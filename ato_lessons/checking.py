"""Deprecated: the checkers moved to :mod:`ato_lessons.grading`.

Kept for one release so that notebooks saved before the move still run:
``from ato_lessons.checking import check`` gives :func:`ato_lessons.grading.check`
and emits one :class:`DeprecationWarning`. Import from :mod:`ato_lessons.grading`.
"""

from __future__ import annotations

from typing import Any

from ato_lessons import grading
from ato_lessons._deprecation import MovedNames

_MOVED = MovedNames(__name__, "ato_lessons.grading", {
    name: getattr(grading, name)
    for name in ("Grader", "Language", "Status", "Verdict", "check", "describe", "get_language",
                 "grade", "is_placeholder", "registered_exercises", "report", "set_language",
                 "status_label", "tr", "verdict_html")
})


def __getattr__(name: str) -> Any:
    return _MOVED.resolve(name)
