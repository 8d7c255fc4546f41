"""Load benchmark (`make bench`): 50 concurrent sessions on one app server, 5 projectors and 45 phones voting.

    .venv/bin/python -m benchmarks.load [--meetings 5] [--phones 9] [--technologies 6] [--store duckdb|postgresql]
                                        [--processes N]   (N > 1: behind HAProxy, on PostgreSQL)

Five meetings at once, as on a development day: each has an own radar with an open ring round, one
projector and nine phones. Every session is a websocket client speaking Streamlit's own protocol
(BackMsg / ForwardMsg, the messages the browser sends and gets) on 127.0.0.1, so what is timed is the
server's work for a real page, without a browser drawing it:
- page: a projector's load, or a phone opening the join link, until the script run finished;
- projector refresh: the automatic rerun of the projector's live fragment (run_every), as the browser asks;
- vote: a phone's tap on an answer button until its rerun finished and the page says "Gemt:" (the
  answer was stored, after COMMIT); a participant reads THINK seconds before each tap (the first too: nobody
  answers a technology they have not read), and a phone reruns its run_every fragments meanwhile;
- phone poll: such a rerun (a phone that has answered all looks for the next round);
- errors: a rerun that failed, timed out or never acknowledged the vote;
- memory: the server process's peak resident set size (VmHWM);
- server CPU per vote, per projector refresh and per phone joining: each measured alone on the quiet server
  before the load (one more meeting), steadier than latency on a shared machine; and the CPU the load used.
As in the browser, a tap on a button drawn inside a fragment reruns that fragment only.
Targets (issue 12 §2): p95 vote at most 0.5 s, 0 errors, at most 1 GB. Reported, not asserted: the
machine is shared (the load average is printed). Bounded: every session stops after its taps or at
--deadline seconds; the server (and with --store postgresql the throwaway cluster) is stopped and the
temp folder removed on exit, also on SIGTERM or Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pandas as pd
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

from radar.config import SEED_DIR

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.pgcluster, the HAProxy of the hosted test

PROJECT = Path(__file__).resolve().parents[1]
TARGET_VOTE = 0.5
TARGET_MEMORY_MB = 1024
RINGS = ("klar", "afproev", "hold_oeje", "afvent")
#: Seconds a participant reads a technology before tapping (one meeting's pace, not a stress test).
THINK = (1.0, 3.0)


class Session:
    """One browser tab as Streamlit's server sees it: a websocket, the page, its query string."""

    def __init__(self, port: int, page: str, query: str, timeout: float) -> None:
        self.ws = connect(
            f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"], origin=f"http://127.0.0.1:{port}",
            open_timeout=timeout, max_size=None, legacy=True,
        )  # fmt: skip
        self.page, self.query, self.timeout = page, query, timeout
        self.buttons: dict[str, str] = {}  # widget id -> label
        self.in_fragment: dict[str, str] = {}  # widget id -> the fragment it was drawn in
        self.fragments: dict[str, float] = {}  # fragment id -> seconds between its automatic reruns
        self.texts: list[str] = []
        self.page_hash = ""

    def run(self, trigger: str | None = None, fragment: str | None = None) -> float:
        """One rerun (pressing `trigger`, a widget id; or the automatic rerun of `fragment`, as the browser
        sends it every run_every seconds); seconds until the script finished. RuntimeError on failure.
        As in the browser, a button drawn inside a fragment reruns that fragment only."""
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_name = self.page
        msg.rerun_script.page_script_hash = self.page_hash  # as the browser: the page it is on, once it knows it
        if fragment is not None:
            msg.rerun_script.fragment_id, msg.rerun_script.is_auto_rerun = fragment, True
        if trigger is not None:
            widget = msg.rerun_script.widget_states.widgets.add()
            widget.id, widget.trigger_value = trigger, True
            if self.in_fragment.get(trigger):
                fragment = msg.rerun_script.fragment_id = self.in_fragment[trigger]
        self.texts = []
        if fragment is None:
            self.buttons, self.in_fragment, self.fragments = {}, {}, {}  # the browser forgets them on a full run
        else:
            for widget_id in [w for w, f in self.in_fragment.items() if f == fragment]:
                self.buttons.pop(widget_id, None)
                self.in_fragment.pop(widget_id)
        start = time.perf_counter()
        self.ws.send(msg.SerializeToString())
        while True:
            left = self.timeout - (time.perf_counter() - start)
            if left <= 0:
                raise RuntimeError("timeout")
            got = ForwardMsg.FromString(self.ws.recv(timeout=left))
            kind = got.WhichOneof("type")
            if kind == "navigation":  # st.navigation names the page it ran
                self.page_hash = got.navigation.page_script_hash
            elif kind == "auto_rerun":
                self.fragments[got.auto_rerun.fragment_id] = got.auto_rerun.interval
            elif kind == "page_info_changed":
                self.query = got.page_info_changed.query_string
            elif kind == "delta" and got.delta.WhichOneof("type") == "new_element":
                element = got.delta.new_element
                which = element.WhichOneof("type")
                if which == "button":
                    self.buttons[element.button.id] = element.button.label
                    self.in_fragment[element.button.id] = got.delta.fragment_id
                elif which in ("markdown", "text", "alert", "html"):
                    self.texts.append(getattr(element, which).body)
            elif kind == "script_finished":
                status = got.script_finished
                if status in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    return time.perf_counter() - start
                if status != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    raise RuntimeError(f"script finished with {status}")

    def button(self, part: str) -> str:
        found = [i for i in self.buttons if i.endswith(part) or part in i]
        if not found:
            raise RuntimeError(f"no button {part}")
        return found[0]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()


def prepare(folder: Path, meetings: int, technologies: int, env: dict[str, str]) -> list[tuple[str, dict]]:
    """`meetings` own radars, each with an open ring round on `technologies` technologies."""
    os.environ.update(env)
    from radar.db import close_user_stores
    from radar.db import own as db
    from radar.db import workshop as wdb

    path = folder / "egne_radarer.duckdb"
    catalogue = pd.read_csv(SEED_DIR / "technologies.csv").head(technologies)
    entries = [{"technology_id": r.id, "name": r.name_da, "category": r.category} for r in catalogue.itertuples()]
    made = []
    for m in range(meetings):
        link = db.create_radar(path, {"name": f"Møde {m + 1}", "date": "2026-12-03"}, entries)
        made.append((link, wdb.start_round(path, link, db.load_entries(path, link).to_dict("records"), ["ring"])))
    close_user_stores()
    return made


def start_server(folder: Path, env: dict[str, str], own_db: Path) -> tuple[subprocess.Popen, int]:
    """An app server with its national database in `folder` and the user work in `own_db` (every process the same
    file; on PostgreSQL TEKNOLOGIRADAR_STORE in `env` wins)."""
    from radar.db.national import build_database

    db = build_database(SEED_DIR, folder / "radar.duckdb")
    with socket_port() as port:
        pass
    full = {**os.environ, **env, "TEKNOLOGIRADAR_DB": str(db), "TEKNOLOGIRADAR_OWN_DB": str(own_db)}
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - our own server
        [sys.executable, "-m", "radar.serve", "--server.headless", "true", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=PROJECT, env=full, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):  # noqa: S310
            return process, port
        if process.poll() is not None:
            break
        time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"server did not start: {(folder / 'server.log').read_text()[-2000:]}")


@contextlib.contextmanager
def socket_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        yield int(probe.getsockname()[1])


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Countdown:
    """Set `all` once each of `count` phones said it is done voting (each may say so more than once)."""

    def __init__(self, count: int) -> None:
        self.count, self.seen, self.all, self._lock = count, set(), threading.Event(), threading.Lock()

    def done(self, index: int) -> None:
        with self._lock:
            self.seen.add(index)
            if len(self.seen) >= self.count:
                self.all.set()


def wait(session: Session, seconds: float, polls: list[float], until: threading.Event | None = None) -> None:
    """`seconds` of a phone in a hand (or, `until` set, on the table): it reruns its fragments with run_every,
    as the browser asks."""
    end = time.monotonic() + seconds
    due = {f: time.monotonic() + interval for f, interval in session.fragments.items()}
    while (left := end - time.monotonic()) > 0 and not (until is not None and until.is_set()):
        fragment = min(due, key=due.get, default=None)
        if fragment is None or due[fragment] > end:
            (until.wait if until is not None else time.sleep)(min(left, 0.5))
            continue
        time.sleep(max(due[fragment] - time.monotonic(), 0))
        polls.append(session.run(fragment=fragment))
        due = {f: due.get(f, time.monotonic() + interval) for f, interval in session.fragments.items()}
        if fragment in session.fragments:
            due[fragment] = time.monotonic() + session.fragments[fragment]


def phone(port: int, code: str, ids: list[str], index: int, out: dict, stop: float, timeout: float) -> None:
    rng = random.Random(index)  # noqa: S311 - simulated think times, not secrets
    try:
        session = Session(port, "deltag", f"kode={code}", timeout)
    except Exception as error:  # noqa: BLE001 - counted as an error
        out["errors"].append(f"connect: {error}")
        out["voted"].done(index)
        return
    try:
        out["page"].append(session.run())
        start_id = next((i for i, v in session.buttons.items() if v == "Start"), None)
        if start_id is not None:
            session.run(start_id)
        for t, entry_id in enumerate(ids):
            wait(session, rng.uniform(*THINK), out["poll"])  # a participant reads the technology, the first too
            if time.monotonic() > stop:
                break
            ring = RINGS[(index + t) % 3]
            took = session.run(session.button(f"ws-a-{entry_id}-ring-{ring}"))
            if not any("Gemt:" in text for text in session.texts):
                out["errors"].append(f"vote not acknowledged: {session.texts[-3:]}")
                continue
            out["vote"].append(took)
        out["voted"].done(index)
        # Done: the phone waits for the next round while the room's other phones vote on.
        wait(session, max(stop - time.monotonic(), 0), out["poll"], until=out["voted"].all)
    except Exception as error:  # noqa: BLE001 - counted as an error
        out["errors"].append(f"phone: {error}")
    finally:
        out["voted"].done(index)
        session.close()


def projector(port: int, link: str, round_id: str, out: dict, done: threading.Event, timeout: float) -> None:
    try:
        session = Session(port, "workshop", f"edit={link}&runde={round_id}", timeout)
    except Exception as error:  # noqa: BLE001
        out["errors"].append(f"connect: {error}")
        return
    try:
        out["page"].append(session.run())
        # The projector's live part is a fragment with run_every: the browser asks for its reruns.
        interval = min(session.fragments.values(), default=1.0)
        while not done.wait(interval):
            for fragment in list(session.fragments):
                out["refresh"].append(session.run(fragment=fragment))
    except Exception as error:  # noqa: BLE001
        out["errors"].append(f"projector: {error}")
    finally:
        session.close()


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system, all threads) the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cost(
    port: int, pid: int, link: str, r: dict, timeout: float, phones: int = 3, refreshes: int = 20
) -> tuple[float, float, float]:
    """Server CPU seconds of one vote, of one projector refresh and of one phone joining (its page and the tap on
    Start), each measured alone on the quiet server (steadier than latency on a shared machine): `phones` phones
    join and tap through the round one after another, then a projector asks for `refreshes` reruns of its live part."""
    warm = Session(port, "deltag", f"kode={r['code']}", timeout)  # the first page of a process imports the app: not counted
    try:
        warm.run()
    finally:
        warm.close()
    taps, used, joining = 0, 0.0, 0.0
    for n in range(phones):
        before = server_cpu(pid)
        session = Session(port, "deltag", f"kode={r['code']}", timeout)
        try:
            session.run()
            session.run(next(i for i, v in session.buttons.items() if v == "Start"))
            joining += server_cpu(pid) - before
            before = server_cpu(pid)
            for t, entry_id in enumerate(r["entry_ids"]):
                session.run(session.button(f"ws-a-{entry_id}-ring-{RINGS[(n + t) % 3]}"))
                taps += 1
            used += server_cpu(pid) - before
        finally:
            session.close()
    session = Session(port, "workshop", f"edit={link}&runde={r['round_id']}", timeout)
    try:
        session.run()
        fragment = next(iter(session.fragments))
        before = server_cpu(pid)
        for _ in range(refreshes):
            session.run(fragment=fragment)
        refresh = (server_cpu(pid) - before) / refreshes
    finally:
        session.close()
    return used / max(taps, 1), refresh, joining / phones


def quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1] if len(values) > 1 else (values or [0])[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=5)
    parser.add_argument("--phones", type=int, default=9, help="phones per meeting")
    parser.add_argument("--technologies", type=int, default=6)
    parser.add_argument("--store", choices=("duckdb", "postgresql"), default="duckdb")
    parser.add_argument("--processes", type=int, default=1, help="app processes; more than 1: behind HAProxy, on PostgreSQL")
    parser.add_argument("--deadline", type=float, default=120.0, help="seconds after which every session stops")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds one rerun may take before it is an error")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="teknologiradar-load-"))
    servers: list[subprocess.Popen] = []
    cluster = None
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # SIGTERM runs the clean-up below
    proxy = contextlib.ExitStack()
    try:
        env = {"TEKNOLOGIRADAR_MODE": "hosted"}
        if args.processes > 1:
            args.store = "postgresql"  # several processes share the user work only through PostgreSQL
        if args.store == "postgresql":
            from tests.pgcluster import Cluster

            cluster = Cluster()
            env["TEKNOLOGIRADAR_STORE"] = cluster.create_database()
        own_file = {"TEKNOLOGIRADAR_OWN_DB": str(folder / "egne_radarer.duckdb")}
        *rounds, quiet = prepare(folder, args.meetings + 1, args.technologies, {**env, **own_file})  # one more to measure CPU
        ports = []
        for n in range(args.processes):
            (folder / f"p{n}").mkdir()
            server, port = start_server(folder / f"p{n}", env, folder / "egne_radarer.duckdb")
            servers.append(server)
            ports.append(port)
        if args.processes > 1:
            from tests.browser.test_hosted_browser import haproxy

            url = proxy.enter_context(haproxy(folder, {f"p{n}": f"127.0.0.1:{p}" for n, p in enumerate(ports)}))
            port = int(url.rsplit(":", 1)[1])  # each websocket stays on the process it was sent to
        vote_cpu, refresh_cpu, join_cpu = cost(ports[0], servers[0].pid, *quiet, args.timeout)
        cpu_before = sum(server_cpu(server.pid) for server in servers)
        out: dict = {"page": [], "vote": [], "refresh": [], "poll": [], "errors": []}
        out["voted"] = Countdown(args.meetings * args.phones)
        done = threading.Event()
        stop = time.monotonic() + args.deadline
        projectors = [
            threading.Thread(target=projector, args=(port, link, r["round_id"], out, done, args.timeout), daemon=True)
            for link, r in rounds
        ]
        phones = [
            threading.Thread(target=phone, args=(port, r["code"], r["entry_ids"], n, out, stop, args.timeout), daemon=True)
            for n, (_, r) in enumerate(m for m in rounds for _ in range(args.phones))
        ]
        began = time.perf_counter()
        for thread in (*projectors, *phones):
            thread.start()
        for thread in phones:
            thread.join(timeout=max(stop - time.monotonic(), 0) + args.timeout)
        done.set()
        for thread in projectors:
            thread.join(timeout=args.timeout)
        elapsed = time.perf_counter() - began
        cpu = sum(server_cpu(server.pid) for server in servers) - cpu_before
        memory = sum(peak_memory_mb(server.pid) for server in servers)
        sessions = len(projectors) + len(phones)
        expected = len(phones) * args.technologies
        print(f"Load: {sessions} sessions ({len(projectors)} projectors, {len(phones)} phones), {args.processes} process(es), "
              f"store {args.store}, "
              f"{elapsed:.1f} s, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
        print(f"  page  p50 {quantile(out['page'], 0.5):.3f} s  p95 {quantile(out['page'], 0.95):.3f} s  ({len(out['page'])})")
        print(f"  phone poll  p50 {quantile(out['poll'], 0.5):.3f} s  p95 {quantile(out['poll'], 0.95):.3f} s"
              f"  ({len(out['poll'])})")  # fmt: skip
        print(f"  projector refresh  p50 {quantile(out['refresh'], 0.5):.3f} s  p95 {quantile(out['refresh'], 0.95):.3f} s"
              f"  ({len(out['refresh'])})")  # fmt: skip
        vote_p95 = quantile(out["vote"], 0.95)
        print(f"  vote  p50 {quantile(out['vote'], 0.5):.3f} s  p95 {vote_p95:.3f} s  ({len(out['vote'])} of {expected})"
              f"  target p95 <= {TARGET_VOTE} s: {'met' if vote_p95 <= TARGET_VOTE else 'NOT met'}")  # fmt: skip
        clean = not out["errors"] and len(out["vote"]) == expected
        print(f"  errors {len(out['errors'])}  target 0: {'met' if clean else 'NOT met'}"
              + (f"  e.g. {out['errors'][0]}" if out["errors"] else ""))  # fmt: skip
        print(f"  server CPU {vote_cpu:.3f} s per vote, {refresh_cpu:.3f} s per projector refresh, {join_cpu:.3f} s per phone"
              f" joining (each alone, before the load); {cpu:.1f} s during the load ({cpu / elapsed:.2f} cores)")  # fmt: skip
        print(f"  server memory peak (all processes) {memory:.0f} MB  target <= {TARGET_MEMORY_MB} MB: "
              f"{'met' if memory <= TARGET_MEMORY_MB else 'NOT met'}")  # fmt: skip
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean-up short
        proxy.close()
        for server in servers:
            if server.poll() is None:
                server.terminate()
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    raise SystemExit(main())
