"""Old import paths kept for one release: the one mechanism behind every shim.

Students' notebooks pulled before the move still say
``from ato_lessons.checking import check`` or
``from ato_lessons.widgets.basics import mto_wait``; the old modules are thin
shims whose module ``__getattr__`` asks :class:`MovedNames` (a whole module that
moved: one warning per module) or :func:`moved_attribute` (single names that
left a module that stays: one warning per name) for the new object. Either emits
a :class:`DeprecationWarning` naming the new path, attributed to this module,
not to the caller: Python and IPython show deprecation warnings only when
attributed to ``__main__``, so a notebook cell prints nothing (its stored outputs
stay the same), while ``python -W default`` and the tests see it.

This module sits at the bottom of the library's layers: it imports nothing from
the rest of the package.

Examples
--------
>>> import warnings
>>> moved = MovedNames("old.module", "new.module", {"answer": 42})
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     moved.resolve("answer"), moved.resolve("answer")
(42, 42)
>>> [str(w.message) for w in caught]  # doctest: +NORMALIZE_WHITESPACE
['old.module is deprecated and will be removed in the next release: import answer from
new.module instead.']
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from types import ModuleType
from typing import Any

__all__ = ["MovedNames", "moved_attribute", "moved_from"]


def _warn(message: str) -> None:
    warnings.warn(message, DeprecationWarning, stacklevel=2)  # attributed here, not __main__


class MovedNames:
    """The names a deprecated module still offers, and where they live now.

    Parameters
    ----------
    old : str
        The deprecated module, e.g. ``"ato_lessons.checking"``.
    new : str
        Where to import from instead, e.g. ``"ato_lessons.grading"``.
    names : mapping of str to object
        Every name the old module still offers, and its value (the new object).
    advice : str, optional
        What to do instead, when "import NAME from NEW" does not say it (a name
        that became something else, e.g. a quiz that became an exercise).
    """

    def __init__(self, old: str, new: str, names: Mapping[str, object],
                 advice: str | None = None) -> None:
        self.old = old
        self.new = new
        self.names = dict(names)
        self.advice = advice
        self.warned = False

    def resolve(self, name: str) -> object:
        """Return the new object for ``name``; warn the first time.

        Raises
        ------
        AttributeError
            If the old module never offered ``name`` (as ``getattr`` expects).
        """
        if name not in self.names:
            raise AttributeError(f"module {self.old!r} has no attribute {name!r}")
        if not self.warned:
            self.warned = True
            advice = self.advice or f"import {name} from {self.new} instead."
            _warn(f"{self.old} is deprecated and will be removed in the next release: {advice}")
        return self.names[name]


def moved_from(module: ModuleType, *names: str) -> dict[str, tuple[Any, str]]:
    """Table ``name -> (object, new path)`` for names now living in ``module``."""
    return {name: (getattr(module, name), f"{module.__name__}.{name}") for name in names}


def moved_attribute(module: str, name: str, moved: Mapping[str, tuple[Any, str]]) -> Any:
    """The object an old name stands for, with a ``DeprecationWarning`` naming its new path.

    Parameters
    ----------
    module : str
        The old module (its ``__name__``).
    name : str
        The attribute asked for.
    moved : Mapping
        ``name -> (object, new path)``, e.g. from :func:`moved_from`.

    Raises
    ------
    AttributeError
        If ``name`` is not a moved name (the usual error for a missing attribute).
    """
    try:
        obj, new_path = moved[name]
    except KeyError:
        raise AttributeError(f"module {module!r} has no attribute {name!r}") from None
    _warn(f"{module}.{name} is deprecated and will be removed in the next release: "
          f"use {new_path}")
    return obj
