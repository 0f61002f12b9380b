#!/usr/bin/env python3
"""Run every benchmark in this folder and print one table.

    python benchmarks/run.py            # all benchmarks
    python benchmarks/run.py throughput # those whose file name contains "throughput"

Each `bench_*.py` has a `run()` that returns rows of (measure, value, baseline, unit): the
baseline is measured in the same run, so the ratio means something on a noisy machine.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    wanted = sys.argv[1:] or [""]
    rows = []
    for path in sorted(HERE.glob("bench_*.py")):
        if not any(w in path.stem for w in wanted):
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"running {path.stem} ...", file=sys.stderr, flush=True)
        rows.extend((path.stem.removeprefix("bench_"), *row) for row in module.run())
    print(f"{'benchmark':<14} {'measure':<44} {'value':>12} {'baseline':>12} {'ratio':>7}  unit")
    for bench, measure, value, baseline, unit in rows:
        ratio = f"{value / baseline:7.2f}" if baseline else "       "
        shown_base = f"{baseline:12.2f}" if baseline is not None else " " * 12
        print(f"{bench:<14} {measure:<44} {value:12.2f} {shown_base} {ratio}  {unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
