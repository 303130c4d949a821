"""Key figures of a simulation, and tables comparing strategies.

The figures (all computed from :class:`~ato_lessons.factory.SimulationResult`):

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
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from .factory import SimulationResult

__all__ = ["summarize", "compare", "labelled_runs", "METRICS"]

#: Summary rows, in display order.
METRICS: tuple[str, ...] = (
    "orders",
    "configurations offered",
    "fill rate",
    "on-time rate",
    "lost rate",
    "still waiting",
    "mean lead time (days)",
    "p95 lead time (days)",
    "avg inventory value (€)",
    "holding cost (€)",
    "end stock value (€)",
)


def summarize(result: SimulationResult) -> pd.Series:
    """Key figures of one run as a pandas Series (see the module docstring)."""
    from .factory import SimulationResult

    if not isinstance(result, SimulationResult):
        raise TypeError(f"result(={type(result).__name__}) must be a SimulationResult")
    o = result.orders
    n = len(o)
    lead = o["lead_time"].dropna().to_numpy(dtype=float)
    inv = result.inventory

    def share(mask: Any) -> float:
        return float(np.mean(mask)) if n else float("nan")

    values: dict[str, float] = {
        "orders": float(n),
        "configurations offered": float(result.configurations_offered),
        "fill rate": share(o["from_stock"]),
        "on-time rate": float(o["on_time"].dropna().astype(bool).mean())
        if o["on_time"].notna().any() else float("nan"),
        "lost rate": share(o["status"] == "lost"),
        "still waiting": float((o["status"] == "waiting").sum()),
        "mean lead time (days)": float(lead.mean()) if lead.size else float("nan"),
        "p95 lead time (days)": float(np.percentile(lead, 95)) if lead.size else float("nan"),
        "avg inventory value (€)": float(inv["total_value"].mean()),
        "holding cost (€)": float(inv["holding_cost"].sum()),
        "end stock value (€)": float(inv["total_value"].iloc[-1]),
    }
    return pd.Series(values, name=result.strategy)


def labelled_runs(results: Any) -> list[tuple[str, Any]]:
    """``(label, run)`` pairs from one run, a list of runs (labelled by their
    strategy) or a mapping label -> run; shared by :func:`compare` and the plots.

    The runs themselves are not checked here: their users say what they need.
    """
    from .factory import SimulationResult

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
