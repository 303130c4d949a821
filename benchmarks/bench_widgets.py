"""Time every lesson widget's response to a control move, as a student triggers it.

Each widget is built as its lesson builds it; then each of its controls is moved
one step (slider: one step up; dropdown or toggle: next option) and the whole
callback (simulation + figure + text) is timed, twice per move: the first time
for a setting never seen (``new``), then moving back and forth (``seen``), where
caches may help. Every widget follows the course's protocol
(:class:`ato_lessons.widgets.base.LessonWidget`), so its controls are ``.controls``.

Prints a markdown table of medians in milliseconds: wall-clock time, and the CPU
time of the process (less sensitive to other jobs on a shared machine). With
``--rounds N`` the whole measurement is repeated N times (new widgets each time)
and each cell is the median over the rounds. A last table gives, per widget, the
median over all its moves and its build time.

Run: ``python benchmarks/bench_widgets.py`` (``taskset -c 0`` to pin one core).
This is a measurement, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
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
        ("08 LabSliders", lambda: LabSliders(load_lab_system("lab_hong_nelson"), n_reps=200)),
    ]


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


def time_move(control: Any, value: Any) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one move."""
    wall, cpu = time.perf_counter(), time.process_time()
    control.value = value
    return (time.perf_counter() - wall) * 1000.0, (time.process_time() - cpu) * 1000.0


Row = tuple[str, str]


def measure(repeat: int) -> tuple[dict[Row, tuple[float, float, float]], dict[str, Any]]:
    """One round: per (widget, control) the new move's wall time and the seen moves'
    median wall and CPU times; per widget its build time and all its moves."""
    rows: dict[Row, tuple[float, float, float]] = {}
    per_widget: dict[str, Any] = {}
    for name, build in builders():
        start = time.perf_counter()
        w = build()
        built = (time.perf_counter() - start) * 1000.0
        moves: list[float] = []
        for label, control in w.controls.items():
            if not hasattr(control, "value") or isinstance(control, widgets.Button):
                continue
            first_value = control.value
            target = next_value(control)
            first, _ = time_move(control, target)
            walls, cpus = [], []
            for _ in range(repeat):
                for value in (first_value, target):
                    wall, cpu = time_move(control, value)
                    walls.append(wall)
                    cpus.append(cpu)
            control.value = first_value
            rows[(name, label)] = (first, statistics.median(walls), statistics.median(cpus))
            moves.extend([first, *walls])
        per_widget[name] = (built, moves)
    return rows, per_widget


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="back-and-forth moves per control")
    parser.add_argument("--rounds", type=int, default=1, help="whole measurements (medians)")
    args = parser.parse_args()
    cells: dict[Row, list[tuple[float, float, float]]] = defaultdict(list)
    builds: dict[str, list[float]] = defaultdict(list)
    moves: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.rounds):
        rows, per_widget = measure(args.repeat)
        for key, value in rows.items():
            cells[key].append(value)
        for name, (built, all_moves) in per_widget.items():
            builds[name].append(built)
            moves[name].append(statistics.median(all_moves))
    print("| widget | control | new setting (ms) | seen setting, median (ms) | "
          "seen, CPU median (ms) |")
    print("|---|---|---:|---:|---:|")
    for (name, label), values in cells.items():
        new, seen, cpu = (statistics.median(v[i] for v in values) for i in range(3))
        print(f"| {name} | {label} | {new:.0f} | {seen:.0f} | {cpu:.0f} |")
    print()
    print("| widget | median over all its moves (ms) | build (ms) |")
    print("|---|---:|---:|")
    for name in builds:
        print(f"| {name} | {statistics.median(moves[name]):.0f} | "
              f"{statistics.median(builds[name]):.0f} |")


if __name__ == "__main__":
    main()
