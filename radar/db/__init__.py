"""The only home of SQL and the only package that imports duckdb.

national.py holds the national radar (seed data, editions, survey answers), rebuilt from
files; user work (own radars) lives in its own file so a rebuild never touches it.
"""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb

_lock = threading.Lock()
_connections: dict[tuple[str, bool], tuple[float, duckdb.DuckDBPyConnection]] = {}


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A fresh connection to the DuckDB file at `path`; the caller closes it."""
    return duckdb.connect(str(path), read_only=read_only)


def shared_cursor(path: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A cursor on a process-wide connection, reopened when the file was replaced.

    DuckDB connections must not be shared across threads, but cursors taken from one
    connection may each be used by one thread; Streamlit runs each session in a thread.
    """
    key = (str(path), read_only)
    mtime = path.stat().st_mtime if path.exists() else -1.0
    with _lock:
        known = _connections.get(key)
        if known is None or known[0] != mtime:
            if known is not None:
                known[1].close()
            _connections[key] = (mtime, connect(path, read_only=read_only))
        return _connections[key][1].cursor()
