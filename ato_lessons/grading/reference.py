"""The PC maker and the class's orders, as the hands-on graders recompute them.

Every numeric grader recomputes the right answer with the library (no stored
key) for the class seed in use; these shared inputs are cached so that checking
twice is instant.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ato_lessons.instances import Scenario, load_instance

__all__ = ["class_orders", "pc_maker"]


def pc_maker() -> Scenario:
    """The ``pc_maker`` instance the lessons use."""
    return load_instance("pc_maker")


@cache
def class_orders(seed: int) -> pd.DataFrame:
    """The PC maker's year of orders for class seed ``seed`` (what ``pc.orders()`` gives)."""
    return pc_maker().orders(seed=seed)
