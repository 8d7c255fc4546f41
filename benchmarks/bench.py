"""Measure and report the speed and memory of the main paths (`make bench`).

Targets are reported, not asserted: these machines are shared and noisy, so a timed test
would fail for reasons that are not ours. Compare the numbers with the targets by eye or
in CI logs over time.
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from radar import service
from radar.config import RING_KEYS, SEED_DIR
from radar.db.national import build_database
from radar.layout import place_blips

#: (name, target seconds for the median run)
TARGETS = {
    "build database from seed": 5.0,
    "combined radar (scores + movement + layout)": 0.5,
    "one domain radar": 0.5,
    "technology detail (6 scopes, 2 editions)": 1.0,
    "domain heatmap (6 scopes)": 1.0,
    "layout of 200 synthetic blips": 1.0,
}


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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


def main() -> None:
    """Run every measurement and print a report with the targets."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "radar.duckdb"
        results = {"build database from seed": timed(lambda: build_database(SEED_DIR, db), repeat=3)}
        year = int(service.editions(db)["year"].max())
        results["combined radar (scores + movement + layout)"] = timed(lambda: service.radar_blips(db, year, None, "da"))
        results["one domain radar"] = timed(lambda: service.radar_blips(db, year, "teknik-miljoe", "da"))
        results["technology detail (6 scopes, 2 editions)"] = timed(lambda: service.technology_detail(db, "cloud", year, "da"))
        results["domain heatmap (6 scopes)"] = timed(lambda: service.domain_matrix(db, year, "da"))
        items = synthetic_items()
        results["layout of 200 synthetic blips"] = timed(lambda: place_blips(items, [f"c{k}" for k in range(6)]))
        size_mb = db.stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'measure':48} {'median s':>9} {'target s':>9}  verdict")
    for name, seconds in results.items():
        target = TARGETS[name]
        print(f"{name:48} {seconds:9.3f} {target:9.1f}  {'ok' if seconds <= target else 'SLOW'}")
    print(f"{'database file size (MB)':48} {size_mb:9.1f}")
    print(f"{'peak memory of this process (MB)':48} {peak_mb:9.0f} {400:9d}  {'ok' if peak_mb <= 400 else 'HIGH'}")


if __name__ == "__main__":
    main()
