"""Benchmark the ATO lab engines: milliseconds per replication, side by side.

Run on one core, as the target is stated for one core::

    taskset -c 0 .venv/bin/python benchmarks/bench_lab.py

Target (issue 5): 1,000 replications of the Hong & Nelson system (8 components,
5 products, total rate 12, run length 70, warm-up 20) in at most 0.5 s, random inputs
included. Each timing is the best of ``--repeat`` runs, each on fresh seeds (no cache).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from ato_lessons.lab import draw_inputs, load_lab_system, simulate_fast, simulate_reference
from ato_lessons.lab.results import simulate_lab


def best_of(repeat: int, job: Callable[[int], object]) -> float:
    """Best wall-clock time in seconds of ``job(seed)`` over ``repeat`` fresh seeds."""
    times = []
    for seed in range(repeat):
        start = time.perf_counter()
        job(1000 + seed)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=1000, help="replications, fast engine")
    parser.add_argument("--ref-reps", type=int, default=50, help="replications, reference")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is kept")
    args = parser.parse_args()

    system = load_lab_system("lab_hong_nelson")
    levels = system.default_levels
    rows = []
    draw = best_of(args.repeat, lambda s: draw_inputs(system, args.reps, s))
    inputs = draw_inputs(system, args.reps, 0)
    fast = best_of(args.repeat, lambda s: simulate_fast(system, levels, inputs))
    rows.append(("random inputs (shared)", args.reps, draw))
    rows.append(("fast engine (numpy)", args.reps, fast))
    rows.append(("fast: inputs + engine", args.reps, draw + fast))
    small = draw_inputs(system, args.ref_reps, 0)
    ref = best_of(args.repeat, lambda s: simulate_reference(system, levels, small))
    rows.append(("reference event loop", args.ref_reps, ref))
    slider = best_of(args.repeat, lambda s: simulate_lab(system, levels, 200, s).summary())
    rows.append(("slider update: 200 reps, summary", 200, slider))

    print(
        f"system {system.name}: {system.n_components} components, {len(system.products)} "
        f"products, total rate {system.total_rate:g}, run {system.run_length:g}, "
        f"warm-up {system.warm_up:g}"
    )
    print(f"{'what':34s} {'reps':>6s} {'total s':>9s} {'ms/rep':>8s}")
    for what, reps, seconds in rows:
        print(f"{what:34s} {reps:6d} {seconds:9.3f} {1000 * seconds / reps:8.3f}")
    verdict = "meets" if draw + fast <= 0.5 else "MISSES"
    print(
        f"target: {args.reps} replications in <= 0.5 s: {verdict} ({draw + fast:.3f} s); "
        f"speed-up over the event loop: {ref / args.ref_reps / ((draw + fast) / args.reps):.0f}x"
    )


if __name__ == "__main__":
    main()
