"""Old import paths kept for one release: a module ``__getattr__`` that warns once.

Students' notebooks pulled before the move still say
``from ato_lessons.checking import check``; the old modules are now thin shims
whose ``__getattr__`` is a :class:`MovedNames`. The first name taken from a shim
emits one :class:`DeprecationWarning` naming the new path. The warning is
attributed to this module, not to the caller: Python and IPython show
deprecation warnings only when attributed to ``__main__``, so a notebook cell
prints nothing (its stored outputs stay the same), while ``python -W default``
and the tests see it.

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

__all__ = ["MovedNames"]


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
            warnings.warn(
                f"{self.old} is deprecated and will be removed in the next release: {advice}",
                DeprecationWarning,
                stacklevel=1,  # attributed here, so that notebooks do not print it
            )
        return self.names[name]
