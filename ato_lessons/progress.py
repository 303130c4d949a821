"""Deprecated: the progress file moved to :mod:`ato_lessons.grading.progress`.

Kept for one release so that notebooks saved before the move still run:
``from ato_lessons.progress import show_progress`` works and emits one
:class:`DeprecationWarning`. Import from :mod:`ato_lessons.grading` instead.
"""

from __future__ import annotations

from typing import Any

from ato_lessons._deprecation import MovedNames
from ato_lessons.grading import progress

_MOVED = MovedNames(__name__, "ato_lessons.grading.progress", {
    name: getattr(progress, name) for name in progress.__all__
})


def __getattr__(name: str) -> Any:
    return _MOVED.resolve(name)
