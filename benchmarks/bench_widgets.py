"""Time every lesson widget's response to a control move, as a student triggers it.

Each widget is built as its lesson builds it; then each of its controls is moved
one step (slider: one step up; dropdown or toggle: next option) and the whole
callback (simulation + figure + text) is timed, twice per move: the first time
for a setting never seen (``new``), then moving back and forth (``seen``), where
caches may help. Prints a markdown table of medians in milliseconds.

Run: ``python benchmarks/bench_widgets.py`` (``taskset -c 0`` to pin one core).
This is a measurement, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

import ato_lessons as ato
from ato_lessons.lab import load_lab_system
from ato_lessons.lab.display import LabSliders
from ato_lessons.widgets import ato as ato_widgets
from ato_lessons.widgets import basics, dashboard, tradeoffs


def builders() -> list[tuple[str, Callable[[], Any]]]:
    """The widgets of the lessons, built as the notebooks build them."""
    pc = ato.load_instance("pc_maker")
    orders = pc.orders()
    return [
        ("00 OrdersWidget", lambda: basics.OrdersWidget(pc)),
        ("01 ProductionRunWidget", lambda: basics.ProductionRunWidget(pc, season=90, offer=20)),
        ("02 MTOWaitWidget", lambda: basics.MTOWaitWidget(pc, orders)),
        ("03 TradeoffExplorer", lambda: ato_widgets.TradeoffExplorer(pc, horizon=180)),
        ("04 ShortageExplorer",
         lambda: ato_widgets.ShortageExplorer(pc, component="CPU-9", horizon=180)),
        ("04 Configurator", lambda: ato_widgets.Configurator(pc, horizon=180, mts_offer=20)),
        ("05 StrategyDashboard", lambda: dashboard.StrategyDashboard(pc, horizon=150)),
        ("06 WhatIfPanel", lambda: tradeoffs.WhatIfPanel(pc)),
        ("08 LabSliders", lambda: LabSliders(load_lab_system("hong_nelson"), n_reps=200)),
    ]


def controls_of(widget: Any) -> dict[str, Any]:
    """The widget's controls (the course protocol, or LabSliders' list)."""
    if hasattr(widget, "controls"):
        return dict(widget.controls)
    return {s.description: s for s in widget.sliders}


def next_value(control: Any) -> Any:
    """One step away from the current value."""
    if isinstance(control, widgets.widgets.widget_int._BoundedInt | widgets.FloatSlider):
        step = control.step
        up = control.value + step
        return up if up <= control.max else control.value - step
    options = [o[1] if isinstance(o, tuple) else o for o in control.options]
    values = list(getattr(control, "_options_values", options))
    i = values.index(control.value)
    return values[(i + 1) % len(values)]


def time_move(control: Any, value: Any) -> float:
    start = time.perf_counter()
    control.value = value
    return (time.perf_counter() - start) * 1000.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="back-and-forth moves per control")
    args = parser.parse_args()
    print("| widget | control | new setting (ms) | seen setting, median (ms) |")
    print("|---|---|---:|---:|")
    for name, build in builders():
        w = build()
        for label, control in controls_of(w).items():
            if not hasattr(control, "value") or isinstance(control, widgets.Button):
                continue
            start = control.value
            target = next_value(control)
            first = time_move(control, target)
            seen = []
            for _ in range(args.repeat):
                seen.append(time_move(control, start))
                seen.append(time_move(control, target))
            control.value = start
            print(f"| {name} | {label} | {first:.0f} | {statistics.median(seen):.0f} |")


if __name__ == "__main__":
    main()
