"""Input checks shared by the experiments (and the widgets built on them)."""

from __future__ import annotations

from typing import Any

from ..factory import SimulationResult
from ..instances import Scenario

__all__ = ["check_result", "check_scenario"]


def check_scenario(scenario: Any) -> Scenario:
    """Return ``scenario`` if it is a :class:`~ato_lessons.instances.Scenario`, else raise.

    Raises
    ------
    TypeError
        Naming the value and how to get a scenario.
    """
    if not isinstance(scenario, Scenario):
        raise TypeError(
            f"scenario(={scenario!r}) must be a Scenario, e.g. load_instance('pc_maker')"
        )
    return scenario


def check_result(result: Any, strategy: str | None = None) -> SimulationResult:
    """Return ``result`` if it is a :class:`~ato_lessons.factory.SimulationResult`, else raise.

    Parameters
    ----------
    result : Any
        The value to check.
    strategy : str, optional
        If given, the run must be of this strategy (e.g. ``"ATO"``).

    Raises
    ------
    TypeError
        If ``result`` is not a simulation result (of ``strategy``).
    """
    if strategy is not None:
        if not isinstance(result, SimulationResult) or result.strategy != strategy:
            raise TypeError(
                f"result(={result!r}) must be the SimulationResult of an {strategy} run"
            )
        return result
    if not isinstance(result, SimulationResult):
        raise TypeError(f"result(={type(result).__name__}) must be a SimulationResult")
    return result
