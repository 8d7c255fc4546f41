"""The only home of SQL and the only package that imports duckdb.

national.py holds the national radar (seed data, editions, survey answers), rebuilt from
files; user work (own radars) lives in its own file so a rebuild never touches it, or, with
TEKNOLOGIRADAR_STORE=postgresql://..., in PostgreSQL (`user_store`, radar.db.postgres).
Each database file has one gateway, `Database.of(path)`: the process's one connection to it,
from which every thread takes its own cursor.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import duckdb


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A fresh connection to the DuckDB file at `path`; the caller closes it."""
    return duckdb.connect(str(path), read_only=read_only)


class Database:
    """The gateway to one DuckDB file in this process (datasette's `Database`).

    DuckDB connections must not be shared across threads, but cursors taken from one connection
    may each be used by one thread; Streamlit runs each session in a thread. `setup` runs once when
    the file is opened (schema, migrations), `on_close` when it is closed. A read-only gateway with
    `follow_replacement` reopens the file when it was replaced (a rebuilt or newly imported edition).
    """

    _lock = threading.Lock()
    _open: dict[tuple[str, bool], Database] = {}

    def __init__(
        self,
        path: Path,
        read_only: bool,
        setup: Callable[[duckdb.DuckDBPyConnection], None] | None,
        on_close: Callable[[Path], None] | None,
        follow_replacement: bool,
    ) -> None:
        self.path, self.read_only = Path(path), read_only
        self._setup, self._on_close, self._follow = setup, on_close, follow_replacement
        self._con: duckdb.DuckDBPyConnection | None = None
        self._mtime = -1.0

    @classmethod
    def of(
        cls,
        path: Path,
        *,
        read_only: bool = False,
        setup: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
        on_close: Callable[[Path], None] | None = None,
        follow_replacement: bool = False,
    ) -> Database:
        """The gateway of `path` (made on first use)."""
        key = (str(path), read_only)
        with cls._lock:
            found = cls._open.get(key)
            if found is None:
                found = cls._open[key] = cls(path, read_only, setup, on_close, follow_replacement)
            return found

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for the calling thread; opens (or, when followed, reopens) the file as needed."""
        with self._lock:
            mtime = self.path.stat().st_mtime if self._follow and self.path.exists() else -1.0
            if self._con is not None and self._follow and mtime != self._mtime:
                self._con.close()
                self._con = None
            if self._con is None:
                if not self.read_only:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                con = connect(self.path, read_only=self.read_only)
                if self._setup is not None:
                    try:
                        self._setup(con)
                    except BaseException:
                        con.close()
                        raise
                self._con, self._mtime = con, mtime
            return self._con.cursor()

    def close(self) -> None:
        """Close the connection; the next cursor() opens the file again."""
        with self._lock:
            if self._con is not None:
                if self._on_close is not None:
                    self._on_close(self.path)
                self._con.close()
                self._con = None

    @classmethod
    def close_all(cls, path: Path | None = None) -> None:
        """Close the gateways of `path` (all when None)."""
        with cls._lock:
            chosen = [db for (p, _), db in cls._open.items() if path is None or p == str(path)]
        for db in chosen:
            db.close()


def user_store(
    path: Path,
    *,
    setup: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    on_close: Callable[[Path], None] | None = None,
) -> Database:
    """The gateway to user work: the DuckDB file `path`, or the PostgreSQL database of
    TEKNOLOGIRADAR_STORE when it is set (radar.db.postgres: same cursor API, same SQL)."""
    from radar import config

    url = config.store_url()
    if url is not None:
        from . import postgres

        return postgres.Store.of(url, setup=setup)  # type: ignore[return-value] - a DuckDB-like gateway
    return Database.of(path, setup=setup, on_close=on_close)


def begin(cur: duckdb.DuckDBPyConnection, *, exclusive: bool = False) -> None:
    """BEGIN a transaction on a user-work cursor. `exclusive`: no other process's exclusive transaction runs
    at the same time (on DuckDB one process holds the file, so the caller's thread lock is enough)."""
    if isinstance(cur, duckdb.DuckDBPyConnection):
        cur.execute("BEGIN TRANSACTION")
    else:
        cur.begin(exclusive=exclusive)


def close_user_stores(path: Path | None = None) -> None:
    """Close the gateways to user work: the DuckDB file `path` (all when None) and any PostgreSQL pools."""
    Database.close_all(path)
    import sys

    if "radar.db.postgres" in sys.modules:
        sys.modules["radar.db.postgres"].Store.close_all()


def shared_cursor(path: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A cursor on the national database's gateway, reopened when the file was replaced."""
    return Database.of(path, read_only=read_only, follow_replacement=True).cursor()
