"""Measure and report the speed and memory of the main paths (`make bench`).

    .venv/bin/python -m benchmarks.bench            # everything: 100k, 1M and 10M answers
    .venv/bin/python -m benchmarks.bench --sizes 100000 1000000

The four national paths (combined radar, one domain's radar, heatmap, technology detail) are
measured on generated databases (benchmarks/synthetic.py: one edition, 98 municipalities, 5
domains, 25 technologies) of 100,000, 1,000,000 and 10,000,000 answers, each against plain DuckDB
SQL computing the same numbers in the same run (benchmarks/plain_sql.py; tests/test_aggregation.py
proves it agrees with the app). Each measurement runs in a fresh Python process: one warm-up
call, then the median of REPEAT calls. Its memory is that process's peak resident set size
(VmHWM: Python objects, pandas, DuckDB's buffers and hash tables, everything) less the size it had
after its imports and before opening the database; the whole peak is printed beside it.

Targets (the issue "Answers aggregated where they live"): at 10M answers each path at most 0.5 s
and 300 MB of its own; at 1M (and 100k) at most the plain-SQL time plus 0.1 s, the fixed cost of
the method, layout and names. Targets are reported, not asserted: these machines are shared and
noisy (the load average is printed with the results), so a timed test would fail for reasons that
are not ours.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from radar.config import RING_KEYS, SEED_DIR

SIZES: tuple[int, ...] = (100_000, 1_000_000, 10_000_000)
#: Timed calls per measurement (after one warm-up call).
REPEAT = 7
#: The domain and technology the one-domain radar and the technology detail are measured on.
DOMAIN, TECHNOLOGY = "teknik-miljoe", "cloud"
PATHS: tuple[str, ...] = ("combined radar", "domain radar", "heatmap", "technology detail")
#: At 10M answers: seconds and MB for each path. Below: plain SQL + FIXED_COST seconds.
TARGET_SECONDS_10M, TARGET_MB_10M, FIXED_COST = 0.5, 300, 0.1
#: Seed-size measurements in this process: (name, target seconds for the median run).
SEED_TARGETS = {"build database from seed": 5.0, "layout of 200 synthetic blips": 1.0}


def timed(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    """Median wall time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb() -> float:
    """Peak resident set size of this process so far, in MB: Linux's VmHWM, which starts afresh in a
    new program (ru_maxrss would carry the parent's peak into a child started by fork and exec)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_items(n: int = 200) -> pd.DataFrame:
    """Seeded random blips over 6 categories and 4 rings."""
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(n)],
            "category": rng.choice([f"c{k}" for k in range(6)], n),
            "ring": rng.choice(list(RING_KEYS), n),
            "score": rng.random(n),
        }
    )


# --- one measurement, in its own process ----------------------------------------------------------
def _ours(path: str, db: Path) -> Callable[[], object]:
    """The app's own call for `path` (what radar.ui caches for a page)."""
    from radar import service

    year = int(service.editions(db)["year"].max())
    calls = {
        "combined radar": lambda: service.radar_blips(db, year, None, "da"),
        "domain radar": lambda: service.radar_blips(db, year, DOMAIN, "da"),
        "heatmap": lambda: service.domain_matrix(db, year, "da"),
        "technology detail": lambda: service.technology_detail(db, TECHNOLOGY, year, "da"),
    }
    return calls[path]


def _plain(path: str, db: Path) -> Callable[[], object]:
    """Plain SQL computing the numbers `path` shows: the same editions and scopes."""
    import duckdb

    from benchmarks import plain_sql

    con = duckdb.connect(str(db), read_only=True)
    years = sorted(y for (y,) in con.execute("SELECT year FROM editions").fetchall())
    radar_years = years[-2:]  # the edition and the one before it (for movement), when there is one
    calls = {
        "combined radar": lambda: plain_sql.scores(con, radar_years, None),
        "domain radar": lambda: plain_sql.scores(con, radar_years, DOMAIN),
        "heatmap": lambda: plain_sql.scores(con, years[-1:], plain_sql.EVERY_SCOPE),
        "technology detail": lambda: plain_sql.scores(con, years, plain_sql.EVERY_SCOPE, TECHNOLOGY),
    }
    return calls[path]


def measure(kind: str, path: str, db: Path) -> dict:
    """Time `path` the app's way (`ours`) or in plain SQL (`sql`) in this process; seconds and memory."""
    if kind == "ours":
        import radar.service  # noqa: F401 - imported before the baseline is read
    else:
        import benchmarks.plain_sql  # noqa: F401
    after_imports = peak_mb()
    fn = (_ours if kind == "ours" else _plain)(path, db)
    fn()  # warm-up: opens the file, fills DuckDB's cache, as a running app has
    seconds = timed(fn)
    peak = peak_mb()
    return {"seconds": seconds, "peak_mb": peak, "imports_mb": after_imports, "own_mb": peak - after_imports}


def measure_in_fresh_process(kind: str, path: str, db: Path) -> dict:
    """`measure` in a new Python process, so one measurement's memory cannot hide another's."""
    out = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "benchmarks.bench", "--measure", kind, path, str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the report ------------------------------------------------------------------------------------
def seed_measurements(folder: Path) -> dict[str, float]:
    """Database build from the seed and layout of 200 blips, in this process."""
    from radar.db.national import build_database
    from radar.layout import place_blips

    db = folder / "seed.duckdb"
    results = {"build database from seed": timed(lambda: build_database(SEED_DIR, db), repeat=3)}
    items = synthetic_items()
    results["layout of 200 synthetic blips"] = timed(lambda: place_blips(items, [f"c{k}" for k in range(6)]))
    return results


def verdict(answers: int, ours: dict, plain: dict) -> tuple[str, str, str]:
    """(target seconds, target MB, verdict) for one path at one size; the MB target is on the path's own memory."""
    if answers >= 10_000_000:
        target_s, target_mb = TARGET_SECONDS_10M, TARGET_MB_10M
    else:
        target_s, target_mb = plain["seconds"] + FIXED_COST, None
    words = []
    if ours["seconds"] > target_s:
        words.append("SLOW")
    if target_mb is not None and ours["own_mb"] > target_mb:
        words.append("HIGH MEMORY")
    rule = f"{target_s:.3f}" + ("" if answers >= 10_000_000 else " (SQL+0.1)")
    return rule, "-" if target_mb is None else f"{target_mb}", " ".join(words) or "ok"


def run(sizes: tuple[int, ...]) -> None:
    """Every measurement, printed as it comes and as one table at the end."""
    from benchmarks.synthetic import make_database

    rows = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        seed = seed_measurements(folder)
        for answers in sizes:
            start = time.perf_counter()
            db = make_database(folder, answers)
            made = time.perf_counter() - start
            print(f"generated {answers:,} answers in {made:.1f} s ({db.stat().st_size / 1e6:.0f} MB file)", flush=True)
            for path in PATHS:
                ours = measure_in_fresh_process("ours", path, db)
                plain = measure_in_fresh_process("sql", path, db)
                rows.append((answers, path, ours, plain))
                print(f"  {path}: {ours['seconds']:.3f} s against plain SQL {plain['seconds']:.3f} s", flush=True)
            db.unlink()
    print(
        f"\nload average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores:"
        " on a shared machine the times rise with it; compare runs made at a low load"
    )
    print(f"{'measure':40} {'median s':>9} {'target s':>9}  verdict")
    for name, seconds in seed.items():
        target = SEED_TARGETS[name]
        print(f"{name:40} {seconds:9.3f} {target:9.1f}  {'ok' if seconds <= target else 'SLOW'}")
    print()
    print(
        f"{'answers':>10}  {'path':18} {'ours s':>7} {'SQL s':>7} {'ratio':>6} {'target s':>16}"
        f" {'ours MB':>8} {'SQL MB':>7} {'target MB':>9} {'ours peak':>9} {'SQL peak':>8}  verdict"
    )
    for answers, path, ours, plain in rows:
        target_s, target_mb, word = verdict(answers, ours, plain)
        ratio = ours["seconds"] / plain["seconds"] if plain["seconds"] else float("inf")
        print(
            f"{answers:>10,}  {path:18} {ours['seconds']:7.3f} {plain['seconds']:7.3f} {ratio:5.1f}x {target_s:>16}"
            f" {ours['own_mb']:8.0f} {plain['own_mb']:7.0f} {target_mb:>9} {ours['peak_mb']:9.0f} {plain['peak_mb']:8.0f}  {word}"
        )
    imports = max(r[2]["imports_mb"] for r in rows) if rows else 0
    print(
        f"\nseconds: median of {REPEAT} warm calls in a fresh process. MB: that process's peak resident set size"
        f" (VmHWM) less its size after the imports, before the database is opened: the path's own memory, DuckDB"
        f" included; peak: the whole peak, imports included (Python, pandas with pyarrow, DuckDB: about"
        f" {imports:.0f} MB before any query)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="numbers of answers to generate")
    parser.add_argument("--measure", nargs=3, metavar=("KIND", "PATH", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        kind, path, db = args.measure
        print(json.dumps(measure(kind, path, Path(db))))
    else:
        run(tuple(args.sizes))


if __name__ == "__main__":
    main()
