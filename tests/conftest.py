"""Shared fixtures: a real DuckDB file built from the committed seed files, once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar.db.national import build_database

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "data" / "seed"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED


@pytest.fixture(scope="session")
def national_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A national database built from the seed files into a temp folder."""
    return build_database(SEED, tmp_path_factory.mktemp("db") / "radar.duckdb")


@pytest.fixture
def own_db(tmp_path: Path):
    """A fresh own-radar file in a temp folder, closed after the test."""
    from radar.db import own

    target = tmp_path / "own.duckdb"
    yield target
    own.close(target)


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster for the whole session (tests/pgcluster.py), stopped at the end."""
    import atexit

    from tests.pgcluster import Cluster

    cluster = Cluster()
    atexit.register(cluster.stop)  # also when the session is interrupted
    yield cluster
    cluster.stop()


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each storage test runs on both stores: the embedded DuckDB file, and a fresh PostgreSQL schema
    (TEKNOLOGIRADAR_STORE) in the session's cluster, dropped after the test."""
    if request.param == "duckdb":
        monkeypatch.delenv("TEKNOLOGIRADAR_STORE", raising=False)
        yield "duckdb"
        return
    from radar.db import close_user_stores

    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_schema()
    monkeypatch.setenv("TEKNOLOGIRADAR_STORE", url)
    yield "postgresql"
    close_user_stores()
    cluster.drop_schema(url)


@pytest.fixture
def path(own_db: Path, store: str) -> Path:  # noqa: ARG001 - `store` picks where the radars live
    """The own-radar file, under the name the storage tests use; on PostgreSQL the path only names it."""
    return own_db


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked duckdb_only (they open the DuckDB file itself) run on the DuckDB store only."""
    items[:] = [
        item
        for item in items
        if not (item.get_closest_marker("duckdb_only") and getattr(item, "callspec", None) is not None
                and item.callspec.params.get("store") == "postgresql")
    ]  # fmt: skip


@pytest.fixture
def own_app(national_db, own_db, monkeypatch):
    """The app on "Lav jeres egen radar" under AppTest, with the national and own databases of the test."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(own_db))
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    at.switch_page("pages/egen_radar.py")
    return at


def _open_tab(at: object, link: str, tab: str) -> object:  # noqa: ARG001 - the link reads well at the call
    from radar.i18n import t

    at.session_state["own-tabs"] = t(f"own_tab_{tab}", "da")
    return at.run()


@pytest.fixture
def open_tab():
    """open_tab(at, link, tab): open a tab of an own radar's workspace and run; only the open tab is drawn
    (st.tabs' lazy mode). `tab` names its catalogue key own_tab_<tab>: entries, compare, export, history, settings, workshop."""
    return _open_tab


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:  # noqa: ARG001
    """A bytes parameter is named by its opening when that is plain text, else "binary": the two test workers
    (pytest-xdist) must collect the same names, and an Excel file made for a test carries the time it was made."""
    if isinstance(val, bytes | bytearray):
        head = bytes(val[:24]).decode("ascii", errors="replace")
        return head if head.isprintable() and "\ufffd" not in head else "binary"
    return None
