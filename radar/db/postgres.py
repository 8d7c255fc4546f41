"""User work (own radars, workshop rounds, votes, and every table added beside them) in PostgreSQL.

Chosen with TEKNOLOGIRADAR_STORE=postgresql://... (radar.config.STORE) so several app processes
behind a proxy share one store; without it the DuckDB file stays the embedded default. The modules
in radar.db keep writing DuckDB SQL: `Store.cursor()` gives a cursor that looks like a DuckDB cursor
(`execute(sql, params)` returning itself, `fetchone`, `fetchall`, `df`, `description`) over a
psycopg 3 connection from a pool. Nothing here knows a table: the translation is generic.

- `?` parameters become `%s` (outside string literals); a `%` is doubled.
- DuckDB-only types in DDL become PostgreSQL's (TINYINT -> SMALLINT, DOUBLE -> DOUBLE PRECISION, BLOB
  -> BYTEA, ...); `GROUP BY ALL` becomes the positions of the select list's non-aggregate columns;
  `INSERT OR IGNORE` / `INSERT OR REPLACE` become `ON CONFLICT` on the table's primary key.
- An UPDATE or DELETE fetched gives its row count, as in DuckDB.
- `BEGIN TRANSACTION` opens a REPEATABLE READ transaction: DuckDB's snapshot isolation, where the second
  writer of a row fails (duckdb.TransactionException) instead of overwriting. radar.db.begin(cur,
  exclusive=True) first takes one advisory lock shared by every process, for code that relied on
  DuckDB's one writing process per file; the snapshot is taken after the lock, so it sees every
  transaction committed before. The lock is let go at COMMIT or ROLLBACK (or back in the pool).
- Errors come out as duckdb's exception types (a serialization failure or a lock timeout as
  duckdb.TransactionException, a broken constraint as duckdb.ConstraintException, ...), so the callers'
  `except duckdb.XxxError` keep their meaning.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from typing import Any

import duckdb
import pandas as pd
import psycopg
from psycopg import errors as pg_errors
from psycopg_pool import ConnectionPool

#: The advisory lock every writing transaction of every process takes (any fixed 64-bit number).
WRITE_LOCK = 0x7465_6B72_6164  # "tekrad"
#: Seconds a transaction waits for the lock (or a row) before it is refused as a conflict.
LOCK_TIMEOUT_S = 20
#: Connections per process: Streamlit runs each session's rerun in its own thread.
POOL_MAX = 16

_TYPES = (
    (re.compile(r"\bU?TINYINT\b", re.I), "SMALLINT"),
    (re.compile(r"\bUSMALLINT\b", re.I), "INTEGER"),
    (re.compile(r"\bUINTEGER\b", re.I), "BIGINT"),
    (re.compile(r"\b(?:UBIGINT|HUGEINT|UHUGEINT)\b", re.I), "NUMERIC(39)"),
    (re.compile(r"\bDOUBLE\b(?!\s+PRECISION)", re.I), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b", re.I), "BYTEA"),
    (re.compile(r"\bDATETIME\b", re.I), "TIMESTAMP"),
    # DuckDB's INTERVAL 31 DAY is PostgreSQL's INTERVAL '31 DAY'
    (re.compile(r"\bINTERVAL\s+(\d+)\s+(YEAR|MONTH|WEEK|DAY|HOUR|MINUTE|SECOND)S?\b", re.I), r"INTERVAL '\1 \2'"),
)
_AGGREGATE = re.compile(
    r"\b(?:count|sum|min|max|avg|string_agg|array_agg|list|bool_and|bool_or|any_value|first|last|arg_max|arg_min|median)\s*\(",
    re.I,
)
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*(\(([^)]*)\))?", re.I)


def _split_literals(sql: str) -> list[tuple[bool, str]]:
    """The SQL in pieces, (True, text) for a quoted string or identifier or a comment, (False, text) for the rest."""
    pieces, start, i = [], 0, 0
    while i < len(sql):
        if sql.startswith("--", i):
            end = sql.find("\n", i)
            end = len(sql) if end < 0 else end
            pieces.append((False, sql[start:i]))
            pieces.append((True, sql[i:end]))
            start = i = end
            continue
        quote = sql[i]
        if quote in "'\"":
            pieces.append((False, sql[start:i]))
            end = i + 1
            while end < len(sql):
                if sql[end] == quote:
                    if end + 1 < len(sql) and sql[end + 1] == quote:
                        end += 2
                        continue
                    break
                end += 1
            pieces.append((True, sql[i : end + 1]))
            start = i = end + 1
            continue
        i += 1
    pieces.append((False, sql[start:]))
    return pieces


def _top_level_commas(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _group_by_all(code: str) -> str:
    """`GROUP BY ALL` as the positions of the select list's columns that are not aggregates."""
    match = re.search(r"\bGROUP\s+BY\s+ALL\b", code, re.I)
    if match is None:
        return code
    head = code[: match.start()]
    select = re.search(r"\bSELECT\b(.*?)\bFROM\b", head, re.I | re.S)
    if select is None:
        return code
    columns = _top_level_commas(select.group(1))
    positions = [str(i + 1) for i, c in enumerate(columns) if not _AGGREGATE.search(c)]
    if not positions:
        return head + code[match.end() :]
    return head + "GROUP BY " + ", ".join(positions) + code[match.end() :]


def translate(sql: str, with_params: bool) -> str:
    """DuckDB's SQL as PostgreSQL's (see the module's text); literals are left as they are."""
    out = []
    for literal, text in _split_literals(sql):
        if with_params:
            text = text.replace("%", "%%")  # psycopg reads % everywhere, literals too
        if not literal:
            for pattern, replacement in _TYPES:
                text = pattern.sub(replacement, text)
            if with_params:
                text = text.replace("?", "%s")
        out.append(text)
    return _group_by_all("".join(out))


class Cursor:
    """A DuckDB-like cursor over one pooled psycopg connection; the connection goes back to the pool
    when the cursor is closed or dropped."""

    def __init__(self, store: Store) -> None:
        self._store, self._pool = store, store.pool
        self._conn: psycopg.Connection | None = self._pool.getconn()
        self._cur = self._conn.cursor()
        self._locked = False
        self._count: int | None = None

    # --- transactions --------------------------------------------------------------------------
    def begin(self, exclusive: bool = False) -> None:
        """Open a REPEATABLE READ transaction (DuckDB's snapshot isolation: a second writer of the same row
        fails). `exclusive` first takes WRITE_LOCK, shared by every process, for the code that relied on
        DuckDB's one writing process per file (an in-process lock around check-then-insert)."""
        try:
            if exclusive:
                held = self._store.held
                if getattr(held, "depth", 0) == 0:
                    self._cur.execute("SELECT pg_advisory_lock(%s)", [WRITE_LOCK])
                held.depth = getattr(held, "depth", 0) + 1
                self._locked = True
            self._cur.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        except psycopg.Error as error:
            self._unlock()
            raise _duckdb_error(error) from error

    def _unlock(self) -> None:
        if not self._locked:
            return
        self._locked = False
        held = self._store.held
        held.depth = max(getattr(held, "depth", 1) - 1, 0)
        if held.depth == 0 and self._conn is not None and not self._conn.closed:
            self._cur.execute("SELECT pg_advisory_unlock(%s)", [WRITE_LOCK])

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Cursor:
        word = sql.strip().rstrip(";").upper()
        self._count = None
        try:
            if word in ("BEGIN", "BEGIN TRANSACTION"):
                self.begin()
                return self
            if word in ("COMMIT", "ROLLBACK", "END", "ABORT"):
                try:
                    if self._conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
                        raise duckdb.TransactionException("no transaction is active")
                    self._cur.execute(word)
                finally:
                    self._unlock()
                return self
            if _INSERT_OR.match(sql):
                self._execute_insert_or(sql, params)
            else:
                self._cur.execute(translate(sql, params is not None), params)
            if self._cur.description is None:
                self._count = self._cur.rowcount
        except psycopg.Error as error:
            raise _duckdb_error(error) from error
        return self

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Cursor:
        """`sql` once per row of parameters, as DuckDB's executemany (psycopg sends them in one pipeline)."""
        self._count = None
        try:
            if _INSERT_OR.match(sql):
                for row in rows:
                    self._execute_insert_or(sql, row)
            else:
                self._cur.executemany(translate(sql, True), rows)
        except psycopg.Error as error:
            raise _duckdb_error(error) from error
        return self

    def _execute_insert_or(self, sql: str, params: Sequence[Any] | None) -> None:
        match = _INSERT_OR.match(sql)
        assert match is not None
        table, listed = match.group(2), match.group(4)
        keys = self._store.primary_key(self._cur, table)
        columns = [c.strip() for c in listed.split(",")] if listed else self._store.columns(self._cur, table)
        body = f"INSERT INTO {table} ({', '.join(columns)})" + sql[match.end() :].rstrip().rstrip(";")
        if match.group(1).upper() == "IGNORE" or not keys:
            tail = " ON CONFLICT DO NOTHING"
        else:
            others = [c for c in columns if c not in keys]
            update = ", ".join(f"{c} = EXCLUDED.{c}" for c in others)
            tail = f" ON CONFLICT ({', '.join(keys)}) " + (f"DO UPDATE SET {update}" if others else "DO NOTHING")
        self._cur.execute(translate(body + tail, params is not None), params)

    # --- results -----------------------------------------------------------------------------
    @property
    def description(self) -> list[Any] | None:
        return self._cur.description

    def fetchone(self) -> tuple | None:
        if self._count is not None:
            return (self._count,)
        try:
            return self._cur.fetchone()
        except psycopg.Error as error:
            raise _duckdb_error(error) from error

    def fetchall(self) -> list[tuple]:
        if self._count is not None:
            return [(self._count,)]
        try:
            return self._cur.fetchall()
        except psycopg.Error as error:
            raise _duckdb_error(error) from error

    def df(self) -> pd.DataFrame:
        """The result as a DataFrame with DuckDB's dtypes for timestamps (datetime64[us])."""
        described = self._cur.description or []
        names = [d.name for d in described]
        frame = pd.DataFrame.from_records(self.fetchall(), columns=names)
        for d in described:
            if d.type_code in (1114, 1184, 1082):  # timestamp, timestamptz, date
                frame[d.name] = pd.to_datetime(frame[d.name]).astype("datetime64[us]")
            elif d.type_code == 16 and frame[d.name].notna().all():  # boolean
                frame[d.name] = frame[d.name].astype(bool)
        return frame

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                conn.rollback()
            self._unlock_on(conn)
        except psycopg.Error:
            pass
        self._pool.putconn(conn)

    def _unlock_on(self, conn: psycopg.Connection) -> None:
        if self._locked:
            self._locked = False
            held = self._store.held
            held.depth = max(getattr(held, "depth", 1) - 1, 0)
            if held.depth == 0 and not conn.closed:
                conn.execute("SELECT pg_advisory_unlock(%s)", [WRITE_LOCK])

    def __del__(self) -> None:  # the callers drop cursors without closing them, as with DuckDB
        try:
            self.close()
        except Exception:  # noqa: BLE001, S110 - the pool may already be closed at exit
            pass


def _duckdb_error(error: psycopg.Error) -> duckdb.Error:
    """The psycopg error as the duckdb exception the callers already catch."""
    text = str(error).strip()
    if isinstance(error, pg_errors.SerializationFailure | pg_errors.DeadlockDetected | pg_errors.LockNotAvailable):
        return duckdb.TransactionException(text)
    if isinstance(error, pg_errors.QueryCanceled):
        return duckdb.TransactionException(text)
    if isinstance(error, psycopg.IntegrityError):
        return duckdb.ConstraintException(text)
    if isinstance(error, psycopg.DataError):
        return duckdb.ConversionException(text)
    if isinstance(error, psycopg.OperationalError):
        return duckdb.IOException(text)
    if isinstance(error, psycopg.ProgrammingError):
        return duckdb.CatalogException(text) if "does not exist" in text else duckdb.ParserException(text)
    return duckdb.Error(text)


def _configure(conn: psycopg.Connection) -> None:
    """Each new pooled connection: a lock wait longer than LOCK_TIMEOUT_S is refused (as a conflict)."""
    conn.execute(f"SET lock_timeout = '{int(LOCK_TIMEOUT_S)}s'")


class Store:
    """The gateway to one PostgreSQL database in this process: its pool, set up once (schema, migrations)."""

    _lock = threading.Lock()
    _open: dict[str, Store] = {}

    def __init__(self, url: str, setup: Callable[[Any], None] | None) -> None:
        self.url, self._setup = url, setup
        self.held = threading.local()  # how deep this thread is in transactions holding WRITE_LOCK
        self._pool: ConnectionPool | None = None
        self._keys: dict[str, list[str]] = {}
        self._columns: dict[str, list[str]] = {}

    @classmethod
    def of(cls, url: str, *, setup: Callable[[Any], None] | None = None) -> Store:
        with cls._lock:
            found = cls._open.get(url)
            if found is None:
                found = cls._open[url] = cls(url, setup)
            return found

    @property
    def pool(self) -> ConnectionPool:
        assert self._pool is not None
        return self._pool

    def cursor(self) -> Cursor:
        """A cursor for the calling thread; opens the pool (and sets the database up) on first use."""
        with self._lock:
            if self._pool is None:
                pool = ConnectionPool(
                    self.url,
                    min_size=1,
                    max_size=POOL_MAX,
                    kwargs={"autocommit": True},
                    configure=_configure,
                    open=False,
                )
                try:
                    pool.open(wait=True, timeout=15)
                except psycopg.Error as error:
                    pool.close()
                    raise _duckdb_error(error) from error
                except Exception as error:  # the pool's own timeout: the server is not there
                    pool.close()
                    raise duckdb.IOException(f"PostgreSQL store not reachable: {error}") from error
                self._pool = pool
                if self._setup is not None:
                    self._run_setup()
        return Cursor(self)

    def _run_setup(self) -> None:
        cur = Cursor(self)
        try:
            cur.begin(exclusive=True)  # two processes starting at once set up in turn
            self._setup(cur)
            cur.execute("COMMIT")
        except BaseException:
            try:
                cur.execute("ROLLBACK")
            except duckdb.Error:
                pass
            cur.close()
            self._pool.close()
            self._pool = None
            raise
        cur.close()

    def primary_key(self, cur: psycopg.Cursor, table: str) -> list[str]:
        if table not in self._keys:
            cur.execute(
                """SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                   WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)""",
                [table],
            )
            self._keys[table] = [r[0] for r in cur.fetchall()]
        return self._keys[table]

    def columns(self, cur: psycopg.Cursor, table: str) -> list[str]:
        if table not in self._columns:
            cur.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = %s"
                " ORDER BY ordinal_position",
                [table],
            )
            self._columns[table] = [r[0] for r in cur.fetchall()]
        return self._columns[table]

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
            self._keys.clear()
            self._columns.clear()

    @classmethod
    def close_all(cls) -> None:
        with cls._lock:
            stores = list(cls._open.values())
        for store in stores:
            store.close()
