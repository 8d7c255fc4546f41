"""Benchmark of a workshop round (`make bench`): 30 participants answer 25 technologies on one server.

    .venv/bin/python -m benchmarks.workshop [--participants 30] [--technologies 25]

What runs is what the server does for the room, in one process against a real own-radar DuckDB file:
- each participant is a thread that joins the round, then taps an answer per technology after a short
  think time; a tap is the phone page's callback (radar.db.workshop.vote, acknowledged after COMMIT)
  plus the rerun's read of the round for the next screen (participant_round). Tap -> acknowledgement is
  the time of both; the network and the browser's drawing are not in it;
- one projector thread asks for the live counts every radar.ui_workshop.REFRESH_SECONDS, as the
  projector's fragment does; tap -> projector is the time from a vote's COMMIT until the projector's
  next read that includes it;
- the whole phone page under Streamlit's AppTest is timed for one participant's 25 taps as well, so
  the script's own cost per tap is printed beside the storage path;
- memory is the process's peak resident set size (VmHWM).
Targets (the issue "The whole room votes"): p95 acknowledgement at most 0.5 s, projector updated within
2 s, memory at most 600 MB. Reported, not asserted: the machines are shared (the load average is printed).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

from radar import workshop
from radar.config import SEED_DIR
from radar.db import own as db
from radar.db import workshop as wdb

TARGET_ACK = 0.5
TARGET_PROJECTOR = 2.0
TARGET_MEMORY_MB = 600
THINK = (0.2, 1.5)  # seconds a participant reads before tapping


def peak_mb() -> float:
    """This process's peak resident set size in MB (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else (values[0] if values else float("nan"))


def prepared(path: Path, count: int) -> tuple[str, dict]:
    catalogue = pd.read_csv(SEED_DIR / "technologies.csv").head(count)
    entries = [{"technology_id": r.id, "name": r.name_da, "category": r.category} for r in catalogue.itertuples()]
    link = db.create_radar(path, {"name": "Benchmark"}, entries)
    return link, wdb.start_round(path, link, db.load_entries(path, link).to_dict("records"), ["ring"])


def room(path: Path, link: str, started: dict, participants: int, refresh: float) -> dict[str, list[float]]:
    """Run the round: participant threads vote, a projector thread reads the counts; returns the latencies."""
    code, ids = started["code"], started["entry_ids"]
    acks: list[float] = []
    commits: list[float] = []
    lock = threading.Lock()
    done = threading.Event()
    seen: list[tuple[float, int]] = []

    def participant(number: int) -> None:
        rng = random.Random(number)  # noqa: S311 - simulated think times, not secrets
        token = wdb.join(path, code)
        for entry_id in ids:
            time.sleep(rng.uniform(*THINK))
            tapped = time.perf_counter()
            wdb.vote(path, code, token, entry_id, "ring", rng.choice(workshop.options("ring")))
            stored = time.perf_counter()
            wdb.participant_round(path, code, token)
            with lock:
                acks.append(time.perf_counter() - tapped)
                commits.append(stored)

    def projector() -> None:
        while not done.is_set():
            answers = wdb.live_counts(path, link, started["round_id"])["answers"]
            seen.append((time.perf_counter(), answers))
            done.wait(refresh)
        seen.append((time.perf_counter(), wdb.live_counts(path, link, started["round_id"])["answers"]))

    watcher = threading.Thread(target=projector)
    watcher.start()
    threads = [threading.Thread(target=participant, args=(n,)) for n in range(participants)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    watcher.join()
    commits.sort()
    updates = []
    for index, committed in enumerate(commits, start=1):  # the index-th vote is visible once a read counts >= index
        shown = next(t for t, count in seen if count >= index and t >= committed)
        updates.append(shown - committed)
    return {"ack": acks, "projector": updates, "total": [float(seen[-1][1])]}


def page_taps(path: Path, code: str, count: int) -> list[float]:
    """One participant's taps through the whole phone page under AppTest (the script's cost per tap)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=60)
    at.switch_page("pages/deltag.py")
    at.query_params["kode"] = code
    at.run()
    next(b for b in at.button if b.label == "Start").click().run()
    times = []
    for _ in range(count):
        button = next(b for b in at.button if b.label == "AFPRØV")
        started = time.perf_counter()
        button.click().run()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--technologies", type=int, default=25)
    args = parser.parse_args()
    from radar import ui_workshop

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "egne_radarer.duckdb"
        os.environ["TEKNOLOGIRADAR_OWN_DB"] = str(path)
        link, started = prepared(path, args.technologies)
        result = room(path, link, started, args.participants, ui_workshop.REFRESH_SECONDS)
        stored = wdb.round_votes(path, link, started["round_id"])
        taps = page_taps(path, started["code"], args.technologies)
        db.close(path)
    expected = args.participants * args.technologies
    ack, update, memory = p95(result["ack"]), p95(result["projector"]), peak_mb()
    dupes = int(stored.duplicated(["participant_id", "entry_id"]).sum())
    goal = f"<= {TARGET_ACK * 1000:.0f} ms"
    rows = [
        ("p95 tap -> acknowledgement (storage + next screen's read)", f"{ack * 1000:.1f} ms", goal),
        ("p95 tap -> acknowledgement (whole phone page, AppTest)", f"{p95(taps) * 1000:.1f} ms", goal),
        ("p95 tap -> projector update", f"{update:.2f} s", f"<= {TARGET_PROJECTOR:.1f} s"),
        ("peak memory of the process", f"{memory:.0f} MB", f"<= {TARGET_MEMORY_MB} MB"),
    ]
    print(f"workshop round: {args.participants} participants x {args.technologies} technologies, load {os.getloadavg()[0]:.2f}")
    print(f"  votes stored {len(stored)} of {expected}, duplicates {dupes}, projector's last count {int(result['total'][0])}")
    for label, value, target in rows:
        print(f"  {label:<58} {value:>10}   target {target}")


if __name__ == "__main__":
    main()
