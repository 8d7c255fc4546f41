"""Real-browser fixtures: the app under `streamlit run` on 127.0.0.1, driven by Debian's Chromium.

The server gets its own national and own-radar DuckDB files in a temp folder, so tests
never touch data/. Playwright's own browser download does not work offline; we point it
at /usr/bin/chromium instead.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from radar.db.national import build_database

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]
VIEWPORT = {"width": 1440, "height": 1000}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class AppServer:
    """A running app: its base URL and the database files it uses."""

    url: str
    db: Path
    own_db: Path
    log: Path


@contextlib.contextmanager
def running_app(folder: Path, env: dict[str, str] | None = None) -> Iterator[AppServer]:
    """Start the app as `make run` does (python -m radar.serve) on a free port, with its own databases
    (and `env` added to its environment, e.g. TEKNOLOGIRADAR_STORE)."""
    db = build_database(PROJECT / "data" / "seed", folder / "radar.duckdb")
    own_db = folder / "egne_radarer.duckdb"
    port = _free_port()
    env = {**os.environ, "TEKNOLOGIRADAR_DB": str(db), "TEKNOLOGIRADAR_OWN_DB": str(own_db), "CHROMIUM_PATH": CHROMIUM,
           **(env or {})}  # fmt: skip
    log = folder / "streamlit.log"
    command = [
        sys.executable,
        "-m",
        "radar.serve",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310 - loopback
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start:\n{log.read_text()}")
            time.sleep(0.3)
        yield AppServer(url=url, db=db, own_db=own_db, log=log)
    finally:
        stop_process(process)


def stop_process(process: subprocess.Popen) -> None:
    """Ask a server we started to stop; kill it when it has not within 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A browser test that timed out waiting for the page gets one more try, and the run says so ("RERUN").

    Only Playwright's TimeoutError: an assertion that fails is never tried again. On two busy cores a rerun
    the server started before the last one finished can leave a page waiting past its timeout; each such
    rerun is reported in the summary, so a test that needs it often is seen, not hidden.
    """
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(reruns=1, only_rerun=["TimeoutError"]))


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The app, started once per test session."""
    with running_app(tmp_path_factory.mktemp("app")) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium via Playwright."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'make test', which installs Debian's chromium")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class Watched:
    """A page plus everything it reported: console errors and uncaught exceptions."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Console errors, exceptions and requests that left the machine, seen so far."""
        return [*self.console_errors, *self.page_errors, *(f"external request: {u}" for u in self.external_requests)]


def _is_local(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    return url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost")


def _streamlit_probe(msg: object) -> bool:
    """Streamlit's frontend first asks for /<page>/_stcore/health and host-config, gets a 404,
    then finds the server root; those two 404s are its own discovery, not a fault of ours."""
    url = msg.location.get("url", "")
    return "404" in msg.text and url.endswith(("/_stcore/health", "/_stcore/host-config"))


@pytest.fixture
def watched(browser: object) -> Iterator[Watched]:
    """A fresh browser context and page that records console errors and page exceptions."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(60_000)  # two test workers share two cores: a page may wait on the other's server
    result = Watched(page)
    page.on(
        "console",
        lambda msg: result.console_errors.append(f"{msg.text} @ {msg.location.get('url', '')}")
        if msg.type == "error" and not _streamlit_probe(msg)
        else None,
    )
    page.on("pageerror", lambda exc: result.page_errors.append(str(exc)))
    # No request may leave the machine: no fonts, icons or scripts from the internet.
    page.on("request", lambda req: None if _is_local(req.url) else result.external_requests.append(req.url))
    yield result
    context.close()


def wait_for_app(page: object) -> None:
    """Wait until Streamlit has finished running the script and drawn the page."""
    page.wait_for_selector("[data-testid='stApp']")
    # Until app.py has run st.navigation, Streamlit may briefly show the bare pages/ folder;
    # the language switch only exists once our navigation is in place.
    page.wait_for_selector("[data-testid='stButtonGroup']")
    page.wait_for_selector("[data-testid='stMain'] h1")
    # The status widget shows "Running..." while the script runs; wait for it to go away.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.match(/Running|Kører/)"
    )
    page.wait_for_timeout(300)


def wait_for_radar(page: object) -> None:
    """Wait until the Plotly radar has drawn its numbered blips."""
    wait_for_app(page)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .js-plotly-plot .scatterlayer .textpoint", timeout=30_000)


def pick_from_catalogue(page: object, link: str, names: list[str]) -> None:
    """Find each technology by typing in the workspace's searchable catalogue picker; it stays open (Escape closes it)."""
    picker = page.locator(f".st-key-own-pick-{link} input").first
    for name in names:
        picker.click()
        page.keyboard.type(name)
        page.get_by_role("option", name=name, exact=True).wait_for()
        page.keyboard.press("Enter")
        wait_for_app(page)
    page.keyboard.press("Escape")
