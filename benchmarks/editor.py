"""Edit -> chart redrawn on the entries table, beside a bare Streamlit page (`make bench`).

    .venv/bin/python -m benchmarks.editor

Starts the app on a radar of 25 technologies and, beside it, a bare page with one st.data_editor
and one Plotly chart (benchmarks/bare_editor.py: Streamlit's own floor). In headless Chromium at
1280x720 it types a new value into a number cell and presses Enter, EDITS times on each page (in
ROUNDS rounds, the pages taking turns, so a change in the machine's load weighs on both), and
measures from the Enter to the last change of the charts or the end of the last run (redrawn),
how many script runs each edit causes and how long they take, as the browser receives them
(Streamlit's own messages on the websocket). Targets (the issue
"The facilitator's workspace", point 5): at most 1.5x the bare page, one run per edit. Reported,
not asserted: these machines are shared and noisy (the load average is printed with the results).
"""

from __future__ import annotations

import base64
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from radar import own, service
from radar.db import own as own_db
from radar.db.national import build_database
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, running_app

PROJECT = Path(__file__).resolve().parents[1]
#: Edits on each page: the first ROWS rows (all in view at 1280x720) in turns; BENCH_EDITS to change.
EDITS = int(os.environ.get("BENCH_EDITS", "24"))
#: Rounds in which the two pages take turns (see `interleaved`).
ROUNDS = 4
ROWS = 8
TARGET_RATIO, TARGET_RUNS = 1.5, 1
#: Quiet time after the last run or chart change before an edit counts as done.
QUIET_MS = 900
VIEWPORT = {"width": 1280, "height": 720}

#: Installed before each edit: the time (page clock) of each change to the charts.
WATCH = """() => {
  const w = window.__charts = [];
  for (const chart of document.querySelectorAll("[data-testid='stPlotlyChart']"))
    new MutationObserver(() => w.push(performance.now())).observe(chart, { subtree: true, childList: true, attributes: true });
}"""


class Runs:
    """Script runs as the browser receives them: Streamlit starts each run with a new_session message
    and ends it with script_finished (fragment runs too), read from the websocket with its own protobuf.

    Each message is timed by the browser when its frame arrived (the DevTools protocol's Network
    timestamps, on the same monotonic clock as time.monotonic()), not when this process is told of it:
    Playwright hands events over only while this process waits, which would add its own delay."""

    def __init__(self, page: object) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.late: list[float] = []  # how much later this process heard of each message
        cdp = page.context.new_cdp_session(page)
        cdp.on("Network.webSocketFrameReceived", self._frame)
        cdp.send("Network.enable")

    def _frame(self, event: dict) -> None:
        frame = event["response"]
        if frame.get("opcode") != 2:  # noqa: PLR2004 - a binary frame: Streamlit's ForwardMsg
            return
        kind = ForwardMsg.FromString(base64.b64decode(frame["payloadData"])).WhichOneof("type")
        if kind == "new_session":
            self.starts.append(event["timestamp"])
        elif kind == "script_finished":
            self.ends.append(event["timestamp"])
        self.late.append(time.monotonic() - event["timestamp"])


def _page_clock(page: object) -> float:
    """Seconds to add to the page's performance.now()/1000 to get time.monotonic()."""
    before = time.monotonic()
    now = page.evaluate("performance.now()") / 1000
    return (before + time.monotonic()) / 2 - now


def _settled(page: object, runs: Runs, enter: float) -> tuple[float, int, list[float]]:
    """Wait until nothing has run or changed for QUIET_MS after the Enter; (done, runs, run durations)."""
    offset = _page_clock(page)
    deadline = time.monotonic() + 20
    while True:
        page.wait_for_timeout(100)
        charts = [t / 1000 + offset for t in page.evaluate("window.__charts")]
        events = [enter, *(t for t in runs.starts + runs.ends if t > enter), *charts]
        still_running = len([t for t in runs.starts if t > enter]) > len([t for t in runs.ends if t > enter])
        if (time.monotonic() - max(events) > QUIET_MS / 1000 and not still_running) or time.monotonic() > deadline:
            break
    starts = [t for t in runs.starts if t > enter]
    ends = [t for t in runs.ends if t > enter]
    return max(events), len(starts), [e - b for b, e in zip(starts, ends, strict=False)]


class Page:
    """One page measured in turns: opened once, then `edits(n)` at a time, the same cells in the same order."""

    def __init__(self, page: object, url: str, steps_right: int) -> None:
        self.page, self.steps_right, self.done = page, steps_right, 0
        self.runs = Runs(page)
        self.redraws: list[float] = []
        self.counts: list[int] = []
        self.durations: list[float] = []
        page.goto(url)
        page.wait_for_selector("[data-testid='stDataFrame'] canvas", timeout=60_000)
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)
        page.wait_for_timeout(1500)
        self.grid = page.locator("[data-testid='stDataFrame']").first
        self.grid.scroll_into_view_if_needed()

    def edits(self, count: int) -> list[float]:
        """`count` edits of a number cell in column `steps_right` from the first column, rows 1..ROWS in
        turns; the redraw time of each."""
        page, start = self.page, len(self.redraws)
        page.bring_to_front()
        for _ in range(count):
            row, turn = self.done % ROWS, self.done // ROWS
            box = self.grid.bounding_box()
            page.mouse.click(box["x"] + 40, box["y"] + 35 * (row + 1) + 17)
            for _ in range(self.steps_right):
                page.keyboard.press("ArrowRight")
            page.wait_for_timeout(300)
            page.evaluate(WATCH)
            # Never the value the cell has: 3 on the bare page, empty on ours, then the value of the turn before.
            page.keyboard.type(str((1, 2, 4, 5)[(row + turn) % 4]))
            page.wait_for_timeout(300)  # the cell's editor is open (the bare page has no keystroke keeper)
            enter = time.monotonic()
            page.keyboard.press("Enter")
            done, runs, run_times = _settled(page, self.runs, enter)
            self.redraws.append(done - enter)
            self.counts.append(runs)
            self.durations.extend(run_times)
            self.done += 1
        return self.redraws[start:]

    def result(self) -> dict[str, float]:
        return {
            "redraw": statistics.median(self.redraws),
            "runs": statistics.mean(self.counts),
            "run": statistics.median(self.durations) if self.durations else float("nan"),
        }


def interleaved(floor: Page, ours: Page) -> list[float]:
    """EDITS edits on each page in ROUNDS rounds, the bare page and ours taking turns (and turns about
    which goes first), so a machine that gets busier or quieter during the run weighs on both alike;
    the ratio of each round's medians."""
    ratios = []
    per_round = max(1, EDITS // ROUNDS)
    for number in range(ROUNDS):
        pair = (floor, ours) if number % 2 == 0 else (ours, floor)
        medians = {id(p): statistics.median(p.edits(per_round)) for p in pair}
        ratios.append(medians[id(ours)] / medians[id(floor)])
    return ratios


def own_radar(folder: Path) -> str:
    """A radar of the 25 technologies of the combined radar in the server's own-radar file; its edit link."""
    national = build_database(PROJECT / "data" / "seed", folder / "national.duckdb")
    edition = int(service.editions(national)["year"].iloc[0])
    entries = own.starter_entries(service.scores(national, edition), service.technologies(national, "da"))
    link = own_db.create_radar(folder / "egne_radarer.duckdb", {"name": "Benchmark", "municipality": "Ærø"}, entries)
    own_db.close()
    return link


def bare_server(port: int) -> subprocess.Popen:
    page = str(PROJECT / "benchmarks" / "bare_editor.py")
    command = [sys.executable, "-m", "streamlit", "run", page, "--server.headless", "true", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]  # fmt: skip
    process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):  # noqa: S310 - loopback
                return process
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the bare page did not start")


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        link = own_radar(folder)
        bare = bare_server(8765)
        try:
            with running_app(folder) as app:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                bare_page = Page(browser.new_page(viewport=VIEWPORT), "http://127.0.0.1:8765/", steps_right=1)
                our_page = Page(browser.new_page(viewport=VIEWPORT), f"{app.url}/egen-radar?edit={link}", steps_right=4)
                rounds = interleaved(bare_page, our_page)  # name -> relevance on ours
                floor, ours = bare_page.result(), our_page.result()
                browser.close()
        finally:
            bare.terminate()
    ratio = ours["redraw"] / floor["redraw"]
    print(
        f"\nEntries table, edit -> charts redrawn ({len(bare_page.redraws)} edits each in {ROUNDS} rounds taking turns, median;"
        f" load average {os.getloadavg()[0]:.1f})"
    )
    print(f"{'':28}{'redrawn':>10}{'runs/edit':>11}{'run':>9}")
    print(f"{'bare st.data_editor + chart':28}{floor['redraw']:>9.3f}s{floor['runs']:>11.1f}{floor['run']:>8.3f}s")
    print(f"{'own radar workspace':28}{ours['redraw']:>9.3f}s{ours['runs']:>11.1f}{ours['run']:>8.3f}s")
    verdict = "ok" if ratio <= TARGET_RATIO and ours["runs"] <= TARGET_RUNS else "SLOW"
    print(f"ratio {ratio:.2f}x (target at most {TARGET_RATIO}x, {TARGET_RUNS} run per edit): {verdict}")
    print("ratio in each round: " + ", ".join(f"{r:.2f}x" for r in rounds))


if __name__ == "__main__":
    main()
