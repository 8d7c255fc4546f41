"""The national service: two app processes (hosted mode) behind HAProxy with sticky sessions, one PostgreSQL.

An edit made through process A is seen through process B; a vote cast on a phone session of A is counted
on the projector of B; SIGKILL of A loses no acknowledged edit or vote. Each browser context is pinned to
one process by HAProxy's own cookie (as a returning browser is), and every response says which process
answered it (X-Served-By), so the test knows A from B.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

from radar.db import close_user_stores
from radar.db import own as db
from radar.db import workshop as wdb

from .conftest import pick_from_catalogue, running_app, stop_process, wait_for_app
from .test_own_radar_browser import editor_rows, wait_for_editor
from .test_workshop_browser import acknowledge, server_pid, tap, wait_for_count

pytestmark = pytest.mark.browser
SEED = Path(__file__).resolve().parents[2] / "data" / "seed"
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1280, "height": 720}
#: The configuration docs/readme-hosting.md shows, with the ports filled in.
HAPROXY = """global
    maxconn 2000
defaults
    mode http
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    option redispatch
frontend radar
    bind 127.0.0.1:{port}
    default_backend apps
backend apps
    balance roundrobin
    cookie RADARSERVER insert indirect nocache httponly
    option httpchk GET /_stcore/health
    http-response set-header X-Served-By %[srv_name]
{servers}
"""


@contextlib.contextmanager
def haproxy(folder: Path, backends: dict[str, str]) -> Iterator[str]:
    """HAProxy on a free loopback port in front of `backends` ({name: "127.0.0.1:port"}); yields its URL."""
    from .conftest import _free_port

    port = _free_port()
    servers = "\n".join(f"    server {n} {a} cookie {n} check inter 500ms fall 2 rise 1" for n, a in backends.items())
    config = folder / "haproxy.cfg"
    config.write_text(HAPROXY.format(port=port, servers=servers))
    log = (folder / "haproxy.log").open("w")
    process = subprocess.Popen(["haproxy", "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT)  # noqa: S603, S607
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):  # noqa: S310 - loopback
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"haproxy did not start:\n{(folder / 'haproxy.log').read_text()}") from None
                time.sleep(0.2)
        yield url
    finally:
        stop_process(process)
        log.close()


@contextlib.contextmanager
def two_apps(folder: Path, env: dict[str, str]) -> Iterator[tuple[object, object]]:
    """Processes A and B, started at the same time (each builds its own read-only national file)."""
    managers = [running_app(folder / name, env) for name in ("a", "b")]
    for name in ("a", "b"):
        (folder / name).mkdir()
    with contextlib.ExitStack() as stack, ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(m.__enter__) for m in managers]
        apps, errors = [], []
        for manager, future in zip(managers, futures, strict=True):
            try:
                apps.append(future.result())
                stack.push(manager.__exit__)
            except Exception as error:  # noqa: BLE001 - raised below, after the other app is stopped too
                errors.append(error)
        if errors:
            raise errors[0]
        yield apps[0], apps[1]


def pinned(browser: object, proxy: str, server: str, **options: object) -> object:
    """A browser context whose requests HAProxy sends to `server` (its sticky cookie already set)."""
    context = browser.new_context(locale="da-DK", **options)
    context.add_cookies([{"name": "RADARSERVER", "value": server, "url": proxy}])
    return context


def open_page(context: object, url: str, server: str) -> object:
    page = context.new_page()
    page.set_default_timeout(60_000)
    response = page.goto(url)
    assert response.headers.get("x-served-by") == server, response.headers
    return page


def test_two_processes_behind_haproxy_share_edits_and_votes_and_a_killed_process_loses_nothing(
    browser, tmp_path, pg_cluster, monkeypatch
):
    store = pg_cluster.create_database()
    monkeypatch.setenv("TEKNOLOGIRADAR_STORE", store)
    catalogue = pd.read_csv(SEED / "technologies.csv")
    first = [{"technology_id": r.id, "name": r.name_da, "category": r.category} for r in catalogue.head(2).itertuples()]
    added = str(catalogue.iloc[5]["name_da"])
    link = db.create_radar(tmp_path / "unused.duckdb", {"name": "Landsdækkende test", "date": "2026-12-03"}, first)
    entries = db.load_entries(tmp_path / "unused.duckdb", link)
    started = wdb.start_round(tmp_path / "unused.duckdb", link, entries.head(1).to_dict("records"), ["ring"])
    close_user_stores()
    env = {"TEKNOLOGIRADAR_MODE": "hosted", "TEKNOLOGIRADAR_STORE": store}
    with (
        two_apps(tmp_path, env) as (app_a, app_b),
        haproxy(tmp_path, {"a": app_a.url.removeprefix("http://"), "b": app_b.url.removeprefix("http://")}) as proxy,
    ):
        # An edit through A: a technology added from the catalogue, acknowledged on screen.
        editor_a = open_page(pinned(browser, proxy, "a", viewport=PROJECTOR), f"{proxy}/egen-radar?edit={link}", "a")
        wait_for_app(editor_a)
        wait_for_editor(editor_a, 2)
        pick_from_catalogue(editor_a, link, [added])
        editor_a.get_by_role("button", name="Tilføj valgte").click()
        editor_a.get_by_test_id("stAlertContentSuccess").get_by_text("Tilføjet:").wait_for()
        # ... is seen through B.
        editor_b = open_page(pinned(browser, proxy, "b", viewport=PROJECTOR), f"{proxy}/egen-radar?edit={link}", "b")
        wait_for_app(editor_b)
        wait_for_editor(editor_b, 3)
        assert added in [row[0] for row in editor_rows(editor_b)]

        # A vote on a phone session of A is counted on the projector of B.
        projector = open_page(
            pinned(browser, proxy, "b", viewport=PROJECTOR),
            f"{proxy}/workshop?edit={link}&runde={started['round_id']}",
            "b",
        )
        projector.get_by_text(started["code"], exact=True).wait_for()
        phone = open_page(
            pinned(browser, proxy, "a", viewport=PHONE, has_touch=True, is_mobile=True),
            f"{proxy}/deltag?kode={started['code']}",
            "a",
        )
        phone.get_by_text("Dine svar er anonyme").wait_for()
        phone.get_by_role("button", name="Start").click()
        entry_id, name = started["entry_ids"][0], started["technologies"][0]["name"]
        phone.locator(f".st-key-ws-a-{entry_id}-ring-klar button").wait_for()
        tap(phone, entry_id, "KLAR")
        acknowledge(phone, name, "KLAR", tmp_path)
        wait_for_count(projector, "ws-joined", 1)
        wait_for_count(projector, "ws-answers", 1)

        # A dies at once; B still has every acknowledged edit and vote, and so has the store.
        os.kill(server_pid(int(app_a.url.rsplit(":", 1)[1])), signal.SIGKILL)
        projector.reload()
        projector.get_by_text(started["code"], exact=True).wait_for()
        wait_for_count(projector, "ws-answers", 1)
        editor_b.reload()
        wait_for_app(editor_b)
        wait_for_editor(editor_b, 3)
    names = db.load_entries(tmp_path / "unused.duckdb", link)["name"].tolist()
    votes = wdb.round_votes(tmp_path / "unused.duckdb", link, started["round_id"])
    close_user_stores()
    assert added in names and len(names) == 3
    assert votes[["entry_id", "question", "value"]].to_dict("records") == [
        {"entry_id": entry_id, "question": "ring", "value": "klar"}
    ]
