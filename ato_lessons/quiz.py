"""Deprecated: the quiz widget moved to :mod:`ato_lessons.widgets.quiz`.

Kept for one release so that notebooks saved before the move still run:
``from ato_lessons.quiz import choice_quiz`` works and emits one
:class:`DeprecationWarning`. Import from :mod:`ato_lessons.widgets.quiz` instead.
"""

from __future__ import annotations

from typing import Any

from ato_lessons._deprecation import MovedNames
from ato_lessons.widgets import quiz

_MOVED = MovedNames(__name__, "ato_lessons.widgets.quiz", {
    name: getattr(quiz, name) for name in quiz.__all__
})


def __getattr__(name: str) -> Any:
    return _MOVED.resolve(name)
