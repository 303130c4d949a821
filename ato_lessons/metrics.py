"""Key figures of a simulation, and tables comparing strategies.

The figures (computed by :meth:`~ato_lessons.factory.SimulationResult.summary`, next to
the data of a run; :func:`summarize` and :func:`compare` build on it):

* ``orders``: orders received; ``configurations offered``.
* ``fill rate``: share of orders whose goods (MTS) or components (ATO) were on
  the shelf when they arrived. MTO keeps no stock, so it is 0 by design.
* ``on-time rate``: share of orders delivered by the promised day, among the
  orders accepted and due by the end of the run.
* ``lost rate``: share of orders lost; ``still waiting``: orders not delivered
  by the end.
* ``mean lead time (days)`` and ``p95 lead time (days)``: over delivered orders.
* ``avg inventory value (€)``, ``holding cost (€)`` over the run, and
  ``end stock value (€)``: what is left on the shelves at the end, which becomes
  obsolete if demand has moved on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from .factory import METRICS, SimulationResult

__all__ = ["summarize", "compare", "labelled_runs", "METRICS"]


def summarize(result: SimulationResult) -> pd.Series:
    """Key figures of one run as a pandas Series (see the module docstring).

    The same Series as ``result.summary()``
    (:meth:`~ato_lessons.factory.SimulationResult.summary`, where it is computed).

    Parameters
    ----------
    result : SimulationResult
        One run of :func:`ato_lessons.factory.simulate`.

    Returns
    -------
    pandas.Series
        Float values indexed by :data:`METRICS`, named after the strategy.

    Raises
    ------
    TypeError
        ``result`` is not a SimulationResult.
    """
    if not isinstance(result, SimulationResult):
        raise TypeError(f"result(={type(result).__name__}) must be a SimulationResult")
    return result.summary()


def labelled_runs(results: Any) -> list[tuple[str, Any]]:
    """``(label, run)`` pairs from one run, a list of runs (labelled by their
    strategy) or a mapping label -> run; shared by :func:`compare` and the plots.

    The runs themselves are not checked here: their users say what they need.
    """
    if isinstance(results, SimulationResult):
        return [(results.strategy, results)]
    if isinstance(results, Mapping):
        items = [(str(k), v) for k, v in results.items()]
    elif isinstance(results, Iterable) and not isinstance(results, str | bytes):
        items = [(getattr(r, "strategy", "?"), r) for r in results]
    else:
        raise TypeError(
            f"results(={type(results).__name__}) must be a SimulationResult, a list of them "
            "or a mapping label -> SimulationResult"
        )
    if not items:
        raise ValueError("results(=[]) must hold at least one SimulationResult")
    return items


def compare(results: Iterable[SimulationResult] | Mapping[str, SimulationResult]) -> pd.DataFrame:
    """Side-by-side summary: one column per run, one row per figure.

    Parameters
    ----------
    results : iterable of SimulationResult, or mapping label -> SimulationResult
        Runs to compare; a plain iterable is labelled by strategy.
    """
    items = labelled_runs(results)
    columns: dict[str, pd.Series] = {}
    for label, res in items:
        if label in columns:
            raise ValueError(
                f"results has two runs labelled {label!r}; pass a mapping label -> result, "
                "e.g. compare({'ATO low': r1, 'ATO high': r2})"
            )
        columns[label] = summarize(res)
    table = pd.DataFrame(columns).loc[list(METRICS)]
    table.index.name = "metric"
    return table
