"""Time the simulation of each strategy on the PC maker over one simulated year.

Run from the course folder (one core, to match a student's laptop under load)::

    taskset -c 0 .venv/bin/python benchmarks/bench_strategies.py
    python benchmarks/bench_strategies.py --quick     # smoke run for CI (a few seconds)

Each case is run once to warm up, then ``--repeat`` times; the table shows the median and
the fastest run in milliseconds. Targets are computed before timing (they are not part of
a strategy run). This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from ato_lessons.demand import generate_orders
from ato_lessons.factory import simulate
from ato_lessons.instances import load_instance


def _time(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times), min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs over 90 days (CI smoke)")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per case (15)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the order stream")
    args = parser.parse_args(argv)
    repeat = 3 if args.quick else args.repeat
    if repeat < 1:
        parser.error(f"--repeat(={repeat}) must be >= 1")

    pc = load_instance("pc_maker")
    horizon = 90 if args.quick else pc.horizon
    orders = generate_orders(pc.catalog, pc.demand, horizon, args.seed)
    mts_all = pc.targets("MTS")
    mts_top = pc.targets("MTS", offer=20)
    ato = pc.targets("ATO")

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("order generation alone",
         lambda: generate_orders(pc.catalog, pc.demand, horizon, args.seed)),
        ("MTS, all 288 configurations offered",
         lambda: simulate(pc.factory, orders, "MTS", mts_all, horizon=horizon)),
        ("MTS, top 20 configurations offered",
         lambda: simulate(pc.factory, orders, "MTS", mts_top, horizon=horizon)),
        ("MTO", lambda: simulate(pc.factory, orders, "MTO", horizon=horizon)),
        ("ATO", lambda: simulate(pc.factory, orders, "ATO", ato, horizon=horizon)),
    ]
    print(f"PC maker, {horizon} days, {len(orders)} orders, seed {args.seed}; "
          f"median of {repeat} runs after a warm-up")
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print()
    print("| case | median (ms) | fastest (ms) |")
    print("|---|---:|---:|")
    for label, fn in cases:
        median, fastest = _time(fn, repeat)
        print(f"| {label} | {median:.1f} | {fastest:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
