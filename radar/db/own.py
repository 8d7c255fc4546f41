"""Storage of own radars in their own DuckDB file (config.own_db_path()): radars, entries, change log.

Every change is one transaction that (1) checks the version the client saw, (2) applies the
change, (3) logs the rows before and after for undo and (4) bumps the version. A stale
version, or another writer committing first, raises ConflictError; nothing is half written.
The schema is created on first use. Rules about names and values live in radar.own.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from radar import config, own
from radar.errors import ConflictError, DataError, ReadOnlyError, ValidationError

from . import close_user_stores, remote, user_store

SCHEMA = """
CREATE TABLE IF NOT EXISTS radars (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    municipality VARCHAR NOT NULL DEFAULT '',
    domain VARCHAR,
    date VARCHAR NOT NULL DEFAULT '',
    created TIMESTAMP NOT NULL,
    updated TIMESTAMP NOT NULL,
    version INTEGER NOT NULL
);
-- The links: a secret edit token (change it) and a view token (see, present, export). Nothing
-- else opens a radar; a radar with deleted_at set is in the bin (restorable for BIN_DAYS).
ALTER TABLE radars ADD COLUMN IF NOT EXISTS edit_token VARCHAR;
ALTER TABLE radars ADD COLUMN IF NOT EXISTS view_token VARCHAR;
ALTER TABLE radars ADD COLUMN IF NOT EXISTS deleted_at TIMESTAMP;
-- No key constraints below: uniqueness is kept by the code in one transaction, and DuckDB's
-- indexes make delete-then-insert of the same key inside a transaction fragile.
CREATE TABLE IF NOT EXISTS entries (
    radar_id VARCHAR NOT NULL,
    entry_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    technology_id VARCHAR,
    name VARCHAR NOT NULL,
    category VARCHAR,
    description VARCHAR NOT NULL DEFAULT '',
    maturity TINYINT,
    status TINYINT CHECK (status BETWEEN 0 AND 3),
    relevance TINYINT CHECK (relevance BETWEEN 1 AND 5),
    ring VARCHAR,
    ring_reason VARCHAR NOT NULL DEFAULT '',
    note VARCHAR NOT NULL DEFAULT '',
    owner VARCHAR NOT NULL DEFAULT '',
    next_step VARCHAR NOT NULL DEFAULT ''
);
-- One row every transaction that gives a radar a name updates first: two transactions naming
-- radars at the same moment then conflict in DuckDB, so two browsers cannot both take a name.
CREATE TABLE IF NOT EXISTS name_guard (id INTEGER PRIMARY KEY, bumps BIGINT NOT NULL);
INSERT INTO name_guard SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM name_guard);
CREATE TABLE IF NOT EXISTS changes (
    radar_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    action VARCHAR NOT NULL,
    detail VARCHAR NOT NULL DEFAULT '',
    before_state VARCHAR NOT NULL,
    after_state VARCHAR NOT NULL,
    version INTEGER NOT NULL
);
ALTER TABLE entries ADD COLUMN IF NOT EXISTS number INTEGER;
-- An undone change stays until a new change is made, so it can be redone.
ALTER TABLE changes ADD COLUMN IF NOT EXISTS undone BOOLEAN DEFAULT false;
"""

#: `number` is the entry's blip number: kept while the meeting edits, the next free one for a
#: new entry, and changed only by renumber().
ROW_FIELDS: tuple[str, ...] = ("entry_id", "position", "number", *own.ENTRY_FIELDS)
META_COLUMNS: tuple[str, ...] = own.META_FIELDS
ACTIONS: tuple[str, ...] = ("add", "edit", "remove", "meta")
#: Entries named in one change's detail; more are summed up as "…".
MAX_DETAIL_ITEMS = 20
#: A deleted radar stays in the bin, restorable, for this many days; then it is purged.
BIN_DAYS = 30
RADAR_COLUMNS: tuple[str, ...] = (
    "id", "name", "municipality", "domain", "date", "created", "updated", "version", "edit_token", "view_token", "deleted_at",
)  # fmt: skip


#: DuckDB threads for the own-radar file (see _setup).
OWN_THREADS = 1


def _setup(path: Path) -> Callable[[duckdb.DuckDBPyConnection], None]:
    def setup(con: duckdb.DuckDBPyConnection) -> None:
        from . import dialogue, maturity, workshop  # they live in the same file; imported here as they import this module

        con.execute(SCHEMA)
        workshop.setup(con)
        maturity.setup(con)
        dialogue.setup(con)
        _give_links(con)
        _give_numbers(con)
        _purge_bin(con)
        if not isinstance(con, duckdb.DuckDBPyConnection):
            return  # PostgreSQL: every process opens the store, a backup needs no socket
        # Every query on this file is small (one radar, one room's votes): DuckDB's worker threads only
        # add hand-overs. One thread makes a saved cell and a read about a sixth faster (measured,
        # 9.2 -> 7.6 ms and 6.2 -> 5.0 ms on a 2-core machine). The national file keeps its threads.
        con.execute(f"SET threads = {OWN_THREADS}")
        # While this process holds DuckDB's lock on the file, no other process can open it:
        # `python -m radar backup|restore` is served through a local socket instead.
        remote.serve(path)

    return setup


def _cursor(path: Path) -> duckdb.DuckDBPyConnection:
    """A cursor on the gateway of the own-radar file `path`; the schema is created on first use."""
    return user_store(path, setup=_setup(path), on_close=remote.stop).cursor()


def _give_links(con: duckdb.DuckDBPyConnection) -> None:
    """Radars stored before links existed: their id stays their edit link, and they get a view link."""
    missing = con.execute("SELECT id FROM radars WHERE edit_token IS NULL OR view_token IS NULL").fetchall()
    for (radar_id,) in missing:
        con.execute(
            "UPDATE radars SET edit_token = coalesce(edit_token, id), view_token = coalesce(view_token, ?) WHERE id = ?",
            [new_token(), radar_id],
        )


def _give_numbers(con: duckdb.DuckDBPyConnection) -> None:
    """Entries stored before numbers were kept: numbered in table order after the radar's highest number."""
    con.execute(
        """UPDATE entries SET number = n.number FROM (
               SELECT radar_id, entry_id,
                      coalesce(max(number) OVER (PARTITION BY radar_id), 0)
                      + row_number() OVER (PARTITION BY radar_id, number IS NULL ORDER BY position, entry_id) AS number
               FROM entries) n
           WHERE entries.radar_id = n.radar_id AND entries.entry_id = n.entry_id AND entries.number IS NULL"""
    )


def _purge_bin(cur: duckdb.DuckDBPyConnection) -> None:
    """Remove radars that have been in the bin for more than BIN_DAYS, with everything of theirs: entries,
    history, dialogue agenda, workshop rounds with their votes and participants, and maturity assessments."""
    from . import dialogue, maturity  # they import this module

    limit = _now() - timedelta(days=BIN_DAYS)
    expired = [r[0] for r in cur.execute("SELECT id FROM radars WHERE deleted_at < ?", [limit]).fetchall()]
    if not expired:
        return
    marks = ", ".join("?" * len(expired))
    for table, (_, belongs) in reversed(WORKSHOP_TABLES.items()):  # rounds last: the others find theirs by it
        cur.execute(f"DELETE FROM {table} WHERE {belongs.format(ids=marks)}", expired)  # noqa: S608 - fixed names
    maturity.purge(cur, expired)
    dialogue.purge(cur, expired)
    for table, column in (("changes", "radar_id"), ("entries", "radar_id"), ("radars", "id")):
        cur.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", expired)  # noqa: S608 - fixed names


def close(path: Path | None = None) -> None:
    """Close the process's connection to `path` (all when None); the next call reopens it."""
    close_user_stores(path)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_token() -> str:
    """A secret that cannot be guessed (128 random bits, URL-safe): a radar's id or one of its links."""
    return secrets.token_urlsafe(16)


def _new_entry_id() -> str:
    return uuid.uuid4().hex[:12]


# --- reading ------------------------------------------------------------------------------------
# A radar is reached by a link: the public functions below take a `link`, its edit token or its
# view token. Reading accepts either; every change needs the edit token (ReadOnlyError otherwise).
def _listing(path: Path, binned: bool) -> pd.DataFrame:
    return (
        _cursor(path)
        .execute(
            f"""SELECT r.id, r.edit_token, r.name, r.municipality, r.domain, r.date, r.created, r.updated, r.version,
                  r.deleted_at, count(e.entry_id) AS entries
           FROM radars r LEFT JOIN entries e ON e.radar_id = r.id
           WHERE r.deleted_at IS {"NOT " if binned else ""}NULL
           GROUP BY r.id, r.edit_token, r.name, r.municipality, r.domain, r.date, r.created, r.updated, r.version,
                  r.deleted_at
           ORDER BY {"r.deleted_at" if binned else "r.updated"} DESC, r.name"""  # noqa: S608 - fixed text
        )
        .df()
    )


def list_radars(path: Path) -> pd.DataFrame:
    """Saved radars (not in the bin), last changed first, with their edit links (for `local` mode only)."""
    return _listing(path, binned=False).drop(columns=["deleted_at"])


def list_bin(path: Path) -> pd.DataFrame:
    """Radars in the bin, last deleted first, with `purge_on`: the day they are removed for good."""
    cur = _cursor(path)
    _purge_bin(cur)
    binned = _listing(path, binned=True)
    binned["purge_on"] = binned["deleted_at"] + pd.Timedelta(days=BIN_DAYS)
    return binned


def load_radar(path: Path, link: str) -> dict[str, Any]:
    """One radar's facts, version and `can_edit` (whether `link` is its edit link); DataError when no radar has it."""
    return _radar(_cursor(path), link)


def links(path: Path, link: str) -> dict[str, str]:
    """{"edit": token, "view": token}: the edit link needs the edit link, the view link is given for either."""
    meta = load_radar(path, link)
    return {"edit": meta["edit_token"], "view": meta["view_token"]} if meta["can_edit"] else {"view": meta["view_token"]}


def _find(cur: duckdb.DuckDBPyConnection, link: object, *, edit: bool = False, binned: bool = False) -> str:
    """The radar id behind `link`. DataError when no radar has it (or it is in the bin, unless `binned`);
    ReadOnlyError when `edit` is asked with a view link."""
    return str(_radar(cur, link, edit=edit, binned=binned)["id"])


def _radar(cur: duckdb.DuckDBPyConnection, link: object, *, edit: bool = False, binned: bool = False) -> dict[str, Any]:
    """The facts and version of the radar behind `link`, read in one query, with `can_edit` (whether
    `link` is its edit link). DataError when no radar has it (or it is in the bin, unless `binned`);
    ReadOnlyError when `edit` is asked with a view link."""
    if not isinstance(link, str) or not link:
        raise DataError("own_error_radar_missing")
    row = cur.execute(
        f"SELECT {', '.join(RADAR_COLUMNS)} FROM radars WHERE edit_token = ? OR view_token = ?",  # noqa: S608 - fixed names
        [link, link],
    ).fetchone()
    if row is None:
        raise DataError("own_error_radar_missing")
    meta = dict(zip(RADAR_COLUMNS, row, strict=True))
    meta["can_edit"] = is_edit = link == meta["edit_token"]
    deleted_at = meta["deleted_at"]
    if deleted_at is not None and not binned:
        if deleted_at < _now() - timedelta(days=BIN_DAYS):
            raise DataError("own_error_radar_missing")
        raise DataError("own_error_radar_in_bin") if is_edit else DataError("own_error_radar_missing")
    if edit and not is_edit:
        raise ReadOnlyError("own_error_read_only")
    return meta


def load_entries(path: Path, link: str) -> pd.DataFrame:
    """A radar's entries in table order, with None for empty numbers."""
    cur = _cursor(path)
    return _entries_frame(list(_rows(cur, _find(cur, link)).values()))


def _rows(cur: duckdb.DuckDBPyConnection, radar_id: str) -> dict[str, dict[str, Any]]:
    result = cur.execute(
        f"SELECT {', '.join(ROW_FIELDS)} FROM entries WHERE radar_id = ? ORDER BY position, entry_id",  # noqa: S608
        [radar_id],
    ).fetchall()
    return {row[0]: dict(zip(ROW_FIELDS, row, strict=True)) for row in result}


@dataclass(frozen=True)
class State:
    """One radar as one transaction saw it, or as a write left it: its facts (with version and
    `can_edit`), its entries in table order, and what undo and redo would do next (see next_changes)."""

    meta: dict[str, Any]
    entries: pd.DataFrame
    undo: dict[str, Any] | None
    redo: dict[str, Any] | None

    @property
    def version(self) -> int:
        return int(self.meta["version"])


def read_state(path: Path, link: str) -> State:
    """The radar's facts, entries and next undo and redo, read in one transaction (one version)."""
    cur = _cursor(path)
    cur.execute("BEGIN TRANSACTION")
    try:
        meta = _radar(cur, link)
        found = _next(cur, meta["id"])
        rows = _rows(cur, meta["id"]).values()
    finally:
        cur.execute("ROLLBACK")
    return State(meta, _entries_frame(list(rows)), *_undo_redo(found))


def load_state(path: Path, link: str) -> tuple[dict[str, Any], pd.DataFrame]:
    """Facts and entries read in one transaction, so they belong to the same version."""
    state = read_state(path, link)
    return state.meta, state.entries


def _entries_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Entry rows as a frame, the scales as nullable integers (built column by column: read on every edit)."""
    columns = {f: [row[f] for row in rows] for f in ROW_FIELDS}
    return pd.DataFrame({f: pd.array(v, dtype="Int64") if f in own.INT_FIELDS else v for f, v in columns.items()})


def history(path: Path, link: str, limit: int = 50) -> pd.DataFrame:
    """The radar's last changes, newest first: seq, changed_at, action, detail, version."""
    cur = _cursor(path)
    return cur.execute(
        "SELECT seq, changed_at, action, detail, version, before_state, after_state FROM changes"
        " WHERE radar_id = ? AND NOT undone ORDER BY seq DESC LIMIT ?",
        [_find(cur, link), limit],
    ).df()


# --- writing ------------------------------------------------------------------------------------
#: Attempts of create_radar when another transaction named a radar at the same moment.
CREATE_ATTEMPTS = 5


def create_radar(
    path: Path, meta: Mapping[str, object], entries: Iterable[Mapping[str, object]] = (), *, free_name: bool = False
) -> str:
    """Store a new radar with `entries`; returns its edit link. Nothing is stored when a rule is broken.

    A name another radar has (see radar.own.name_key) is refused with a ValidationError, or,
    with `free_name` (radars the product makes from a file or a copy), replaced by the first
    free "name (2)", "name (3)", ... The name is checked in the transaction that stores it.
    """
    clean = own.clean_meta(meta)
    rows = [own.clean_entry(e) for e in entries]
    own.validate_entries(rows)
    radar_id, edit_token, view_token = new_token(), new_token(), new_token()
    for attempt in range(CREATE_ATTEMPTS):
        now = _now()
        cur = _cursor(path)
        cur.execute("BEGIN TRANSACTION")
        try:
            name = _claim_name(cur, str(clean["name"]), None, free_name)
            cur.execute(
                f"INSERT INTO radars ({', '.join(RADAR_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, NULL)",  # noqa: S608
                [radar_id, name, clean["municipality"], clean["domain"], clean["date"], now, now, edit_token, view_token],
            )
            for position, row in enumerate(rows):
                _insert(cur, radar_id, {**row, "entry_id": _new_entry_id(), "position": position, "number": position + 1})
            cur.execute("COMMIT")
        except duckdb.TransactionException:
            _rollback(cur)
            if attempt + 1 == CREATE_ATTEMPTS:
                raise ConflictError("own_error_conflict") from None
            time.sleep(0.05 * 2**attempt)  # another radar is being named right now: check the name again after it
            continue
        except BaseException:
            _rollback(cur)
            raise
        return edit_token
    raise ConflictError("own_error_conflict")  # pragma: no cover - the loop returns or raises


def _claim_name(cur: duckdb.DuckDBPyConnection, name: str, radar_id: str | None, free_name: bool = False) -> str:
    """`name` (or, with `free_name`, a free variant) after checking no other radar has it.

    Updates the name_guard row first, so a concurrent transaction doing the same conflicts
    (DuckDB raises TransactionException) instead of both storing the same name.
    """
    cur.execute("UPDATE name_guard SET bumps = bumps + 1 WHERE id = 1")
    taken = [
        row[0]
        for row in cur.execute(
            "SELECT name FROM radars WHERE id IS DISTINCT FROM ? AND deleted_at IS NULL", [radar_id]
        ).fetchall()
    ]
    key = own.name_key(name)
    holder = next((n for n in taken if own.name_key(n) == key), None)
    if holder is None:
        return name
    if free_name:
        return own.free_name(name, taken)
    raise ValidationError("own_error_radar_name_taken", name=holder)


def taken_names(path: Path) -> list[str]:
    """Names of the saved radars (for suggesting a free one; create_radar checks again)."""
    return [row[0] for row in _cursor(path).execute("SELECT name FROM radars WHERE deleted_at IS NULL").fetchall()]


def _insert(cur: duckdb.DuckDBPyConnection, radar_id: str, row: Mapping[str, object]) -> None:
    cur.execute(
        f"INSERT INTO entries (radar_id, {', '.join(ROW_FIELDS)}) VALUES (?{', ?' * len(ROW_FIELDS)})",  # noqa: S608
        [radar_id, *(row.get(f) for f in ROW_FIELDS)],
    )


def _update(cur: duckdb.DuckDBPyConnection, radar_id: str, row: Mapping[str, object]) -> None:
    fields = [f for f in ROW_FIELDS if f != "entry_id"]
    cur.execute(
        f"UPDATE entries SET {', '.join(f + ' = ?' for f in fields)} WHERE radar_id = ? AND entry_id = ?",  # noqa: S608
        [*(row.get(f) for f in fields), radar_id, row["entry_id"]],
    )


def _write(
    path: Path,
    link: str,
    version: int,
    action: str,
    change: Any,
) -> State:
    """Run `change(meta, rows)` -> (new meta, new rows, detail) in one checked transaction; the radar as
    it left it, as read_state would read it now (a change that changes nothing leaves the version as it was)."""
    with _checked_transaction(path, link, version) as (cur, meta):
        radar_id = meta["id"]
        rows = _rows(cur, radar_id)
        new_meta, new_rows, detail = change({k: meta[k] for k in META_COLUMNS}, {k: dict(v) for k, v in rows.items()})
        before, after = _diff(cur, radar_id, meta, rows, new_meta, new_rows)
        if not before["meta"] and not before["entries"] and not after["entries"]:
            found = _next(cur, radar_id)
            cur.execute("ROLLBACK")
            return State(meta, _entries_frame(list(rows.values())), *_undo_redo(found))
        now, logged = _log(cur, radar_id, int(version) + 1, action, detail, before, after)
        cur.execute("COMMIT")
    ordered = sorted(new_rows.values(), key=lambda row: (row["position"], row["entry_id"]))  # as _rows orders them
    written = {**meta, **new_meta, "version": int(version) + 1, "updated": now}
    return State(written, _entries_frame(ordered), logged, None)  # a new change ends what redo could bring back


@contextlib.contextmanager
def _checked_transaction(
    path: Path, link: str, version: int, *, binned: bool = False
) -> Iterator[tuple[duckdb.DuckDBPyConnection, dict[str, Any]]]:
    """A transaction on the radar of edit link `link` as the caller saw it: ConflictError when its
    version moved on, or when DuckDB refuses a concurrent write; ReadOnlyError for a view link.
    The body commits (or rolls back) itself."""
    cur = _cursor(path)
    cur.execute("BEGIN TRANSACTION")
    try:
        meta = _radar(cur, link, edit=True, binned=binned)
        if int(meta["version"]) != int(version):
            raise ConflictError("own_error_conflict")
        yield cur, meta
    except duckdb.TransactionException:
        _rollback(cur)
        raise ConflictError("own_error_conflict") from None
    except BaseException:
        _rollback(cur)
        raise


def _rollback(cur: duckdb.DuckDBPyConnection) -> None:
    try:
        cur.execute("ROLLBACK")
    except duckdb.Error:
        pass  # the transaction was already aborted by DuckDB


def _diff(
    cur: duckdb.DuckDBPyConnection,
    radar_id: str,
    meta: Mapping[str, Any],
    rows: Mapping[str, dict[str, Any]],
    new_meta: Mapping[str, Any],
    new_rows: Mapping[str, dict[str, Any]],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate the new state, write what differs, and return the before/after of what changed."""
    own.validate_meta(new_meta)
    own.validate_entries(new_rows.values())
    before: dict[str, Any] = {"meta": {}, "entries": {}}
    after: dict[str, Any] = {"meta": {}, "entries": {}}
    for key in META_COLUMNS:
        if new_meta.get(key) != meta.get(key):
            before["meta"][key], after["meta"][key] = meta.get(key), new_meta.get(key)
    if "name" in after["meta"]:
        _claim_name(cur, str(new_meta["name"]), radar_id)
    if after["meta"]:
        cur.execute(
            f"UPDATE radars SET {', '.join(k + ' = ?' for k in after['meta'])} WHERE id = ?",  # noqa: S608 - META_COLUMNS
            [*after["meta"].values(), radar_id],
        )
    for entry_id in rows.keys() - new_rows.keys():
        cur.execute("DELETE FROM entries WHERE radar_id = ? AND entry_id = ?", [radar_id, entry_id])
        before["entries"][entry_id], after["entries"][entry_id] = rows[entry_id], None
    for entry_id, row in new_rows.items():
        old = rows.get(entry_id)
        if old == row:
            continue
        (_update if old is not None else _insert)(cur, radar_id, row)
        before["entries"][entry_id], after["entries"][entry_id] = old, row
    return before, after


def _log(
    cur: duckdb.DuckDBPyConnection, radar_id: str, version: int, action: str, detail: str, before: object, after: object
) -> tuple[datetime, dict[str, Any]]:
    """Log a change as the radar's next version; when, and the change as next_changes reads it back."""
    now = _now()
    updated = cur.execute(
        "UPDATE radars SET version = ?, updated = ? WHERE id = ? AND version = ?", [version, now, radar_id, version - 1]
    ).fetchone()
    if not updated or updated[0] != 1:
        raise ConflictError("own_error_conflict")
    seq = cur.execute(
        "SELECT coalesce(max(seq) FILTER (WHERE NOT undone), 0) + 1 FROM changes WHERE radar_id = ?", [radar_id]
    ).fetchone()[0]
    # A new change ends what redo could bring back, and the history keeps the last KEEP_CHANGES.
    cur.execute("DELETE FROM changes WHERE radar_id = ? AND (undone OR seq <= ?)", [radar_id, seq - own.KEEP_CHANGES])
    logged = (action, detail, json.dumps(before, ensure_ascii=False), json.dumps(after, ensure_ascii=False))
    cur.execute(
        "INSERT INTO changes (radar_id, seq, changed_at, action, detail, before_state, after_state, version, undone)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, false)",
        [radar_id, seq, now, *logged, version],
    )
    return now, _change(*logged)


def _detail(items: Iterable[tuple[str, list[str]]]) -> str:
    """What a change touched, as JSON [[name, [fields]], ...] (radar.own.change_text puts it in words)."""
    items = list(items)
    kept = items[:MAX_DETAIL_ITEMS]
    if len(items) > len(kept):
        kept.append(["…", []])
    return json.dumps(kept, ensure_ascii=False)


def _names(rows: Iterable[Mapping[str, Any]]) -> str:
    return _detail((str(r["name"]), []) for r in rows)


def update_meta(path: Path, link: str, version: int, values: Mapping[str, object]) -> int:
    """Change the radar's name, municipality, domain or date (only the keys given); new version."""

    def change(meta: dict, rows: dict) -> tuple[dict, dict, str]:
        clean = own.clean_meta({**meta, **values})
        return clean, rows, _detail([("", [f"radar_{k}" for k in values if clean.get(k) != meta.get(k)])])

    return _write(path, link, version, "meta", change).version


def add_entries(path: Path, link: str, version: int, entries: Iterable[Mapping[str, object]]) -> int:
    """Append entries (catalogue or own technologies) to the radar; new version."""
    incoming = [own.clean_entry(e) for e in entries]

    def change(meta: dict, rows: dict) -> tuple[dict, dict, str]:
        position = max((r["position"] for r in rows.values()), default=-1) + 1
        number = max((r["number"] or 0 for r in rows.values()), default=0) + 1
        new_rows = dict(rows)
        for offset, row in enumerate(incoming):
            entry_id = _new_entry_id()
            new_rows[entry_id] = {**row, "entry_id": entry_id, "position": position + offset, "number": number + offset}
        return meta, new_rows, _names(incoming)

    return _write(path, link, version, "add", change).version


def update_entries(path: Path, link: str, version: int, updates: Mapping[str, Mapping[str, object]]) -> int:
    """Change fields of existing entries ({entry_id: {field: value}}); new version."""
    return save_entries(path, link, version, updates).version


def save_entries(path: Path, link: str, version: int, updates: Mapping[str, Mapping[str, object]]) -> State:
    """update_entries, giving the radar as the change left it: a cell saved in the table is drawn
    from this, without reading the radar again."""

    def change(meta: dict, rows: dict) -> tuple[dict, dict, str]:
        new_rows = dict(rows)
        parts: list[tuple[str, list[str]]] = []
        for entry_id, fields in updates.items():
            if entry_id not in rows:
                raise ConflictError("own_error_conflict")
            unknown = set(fields) - set(own.ENTRY_FIELDS)
            if unknown:
                raise ValidationError("own_error_value", field=", ".join(sorted(unknown)), name=rows[entry_id]["name"], value="")
            merged = own.clean_entry({**rows[entry_id], **fields})
            new_rows[entry_id] = {**rows[entry_id], **merged}
            changed = [f for f in own.ENTRY_FIELDS if new_rows[entry_id][f] != rows[entry_id][f]]
            if changed:
                parts.append((str(merged["name"]), changed))
        return meta, new_rows, _detail(parts)

    return _write(path, link, version, "edit", change)


def renumber(path: Path, link: str, version: int, order: Iterable[str]) -> int:
    """Number the entries 1..N in `order` (entry ids, e.g. radar.own.renumber_order); one undoable change."""
    wanted = list(order)

    def change(meta: dict, rows: dict) -> tuple[dict, dict, str]:
        if set(wanted) != rows.keys():
            raise ConflictError("own_error_conflict")
        return meta, {k: {**rows[k], "number": i + 1} for i, k in enumerate(wanted)}, _detail([])

    return _write(path, link, version, "renumber", change).version


def remove_entries(path: Path, link: str, version: int, entry_ids: Iterable[str]) -> int:
    """Remove entries from the radar (undo brings them back); new version."""
    wanted = set(entry_ids)

    def change(meta: dict, rows: dict) -> tuple[dict, dict, str]:
        if wanted - rows.keys():
            raise ConflictError("own_error_conflict")
        return meta, {k: v for k, v in rows.items() if k not in wanted}, _names(rows[k] for k in wanted)

    return _write(path, link, version, "remove", change).version


def _next(cur: duckdb.DuckDBPyConnection, radar_id: str) -> dict[bool, tuple]:
    """The change undo would take back (the latest one done, under False) and the one redo would bring back
    (the first one undone, under True), each as (seq, action, detail, before_state, after_state); one query."""
    found = cur.execute(
        """SELECT undone, seq, action, detail, before_state, after_state FROM (
               SELECT *, row_number() OVER (PARTITION BY undone ORDER BY CASE WHEN undone THEN seq ELSE -seq END) AS r
               FROM changes WHERE radar_id = ?) AS latest
           WHERE r = 1""",
        [radar_id],
    ).fetchall()
    return {bool(row[0]): row[1:] for row in found}


def _undo_redo(found: Mapping[bool, tuple]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """What undo and what redo would do next, from _next's rows, as changes (None where there is none)."""
    undo, redo = found.get(False), found.get(True)
    return (_change(*undo[1:]) if undo else None), (_change(*redo[1:]) if redo else None)


def _change(action: str, detail: str, before: str, after: str) -> dict[str, Any]:
    """A logged change as radar.own.change_summary reads it."""
    return {"action": action, "detail": detail, "before": json.loads(before), "after": json.loads(after)}


def history_changes(changes: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of history() as changes (action, detail, before, after), for radar.own.change_summary."""
    columns = (changes["action"], changes["detail"], changes["before_state"], changes["after_state"])
    return [_change(*row) for row in zip(*columns, strict=True)]


def next_change(path: Path, link: str, redo: bool = False) -> dict[str, Any] | None:
    """What undo (or, with `redo`, redo) would do next: action, detail, before, after; None when nothing."""
    return next_changes(path, link)[1 if redo else 0]


def next_changes(path: Path, link: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """What undo and what redo would do next (see next_change), read together: the undo bar shows both on every edit."""
    cur = _cursor(path)
    return _undo_redo(_next(cur, _find(cur, link)))


def _apply(cur: duckdb.DuckDBPyConnection, radar_id: str, state: Mapping[str, Any]) -> None:
    """Write a logged before or after state (facts and entries) back onto the radar."""
    if state["meta"].get("name"):
        _claim_name(cur, str(state["meta"]["name"]), radar_id)
    fields = [k for k in state["meta"] if k in META_COLUMNS]
    if fields:
        cur.execute(
            f"UPDATE radars SET {', '.join(k + ' = ?' for k in fields)} WHERE id = ?",  # noqa: S608 - META_COLUMNS
            [*(state["meta"][k] for k in fields), radar_id],
        )
    current = _rows(cur, radar_id)
    for entry_id, row in state["entries"].items():
        if row is None:
            cur.execute("DELETE FROM entries WHERE radar_id = ? AND entry_id = ?", [radar_id, entry_id])
        elif entry_id in current:
            _update(cur, radar_id, row)
        else:
            _insert(cur, radar_id, row)
    if "dialogue" in state:  # a change of the radar's dialogue agenda (radar.db.dialogue)
        from . import dialogue

        dialogue.apply(cur, radar_id, state["dialogue"])


def _step(path: Path, link: str, version: int, redo: bool) -> int:
    with _checked_transaction(path, link, version) as (cur, meta):
        radar_id = meta["id"]
        found = _next(cur, radar_id).get(redo)
        if found is None:
            raise ValidationError("own_error_nothing_to_redo" if redo else "own_error_nothing_to_undo")
        _apply(cur, radar_id, json.loads(found[4] if redo else found[3]))
        cur.execute("UPDATE changes SET undone = ? WHERE radar_id = ? AND seq = ?", [not redo, radar_id, found[0]])
        updated = cur.execute(
            "UPDATE radars SET version = ?, updated = ? WHERE id = ? AND version = ?", [version + 1, _now(), radar_id, version]
        ).fetchone()
        if not updated or updated[0] != 1:
            raise ConflictError("own_error_conflict")
        cur.execute("COMMIT")
        return int(version) + 1


def undo(path: Path, link: str, version: int) -> int:
    """Undo the radar's latest change (redo can bring it back); ValidationError when there is nothing to undo."""
    return _step(path, link, version, redo=False)


def redo(path: Path, link: str, version: int) -> int:
    """Bring back the change undone last; ValidationError when there is nothing to redo (or a new change was made since)."""
    return _step(path, link, version, redo=True)


def duplicate_radar(path: Path, link: str, name: str) -> str:
    """A copy of the radar (facts, entries, dialogue agenda and maturity assessments, not its history, workshop
    rounds or links) under `name` (or the first free "name (2)", ... when another radar has it); returns the
    copy's edit link. Needs the edit link."""
    from . import dialogue, maturity  # imported here as they import this module

    meta, entries = load_state(path, link)
    if not meta["can_edit"]:
        raise ReadOnlyError("own_error_read_only")
    rows = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in entries.to_dict("records")]
    agenda = dialogue.load_agenda(path, link)
    copy = create_radar(path, {**meta, "name": name}, rows, free_name=True)
    dialogue.restore_agenda(path, copy, agenda)
    maturity.restore_for_radar(path, copy, maturity.all_for_radar(path, link))
    return copy


def delete_radar(path: Path, link: str, version: int) -> None:
    """Move the radar to the bin (restorable for BIN_DAYS days); ConflictError when it changed since `version`."""
    with _checked_transaction(path, link, version) as (cur, meta):
        cur.execute("UPDATE radars SET deleted_at = ?, version = version + 1 WHERE id = ?", [_now(), meta["id"]])
        cur.execute("COMMIT")


def restore_radar(path: Path, link: str) -> str:
    """Take the radar of edit link `link` out of the bin; returns its name (a free "name (2)" when
    another radar took the name meanwhile). DataError when it is not in the bin any more."""
    with _checked_transaction(path, link, _version_of(path, link), binned=True) as (cur, meta):
        if meta["deleted_at"] is None:
            _rollback(cur)
            return str(meta["name"])
        name = _claim_name(cur, str(meta["name"]), meta["id"], free_name=True)
        cur.execute(
            "UPDATE radars SET deleted_at = NULL, name = ?, version = version + 1, updated = ? WHERE id = ?",
            [name, _now(), meta["id"]],
        )
        cur.execute("COMMIT")
        return name


def _version_of(path: Path, link: str) -> int:
    return int(_radar(_cursor(path), link, binned=True)["version"])


def new_edit_link(path: Path, link: str, version: int) -> str:
    """Give the radar a new edit link; the old one stops working at once. Returns the new one."""
    token = new_token()
    with _checked_transaction(path, link, version) as (cur, meta):
        cur.execute("UPDATE radars SET edit_token = ?, version = version + 1 WHERE id = ?", [token, meta["id"]])
        cur.execute("COMMIT")
    return token


# --- backup and restore ------------------------------------------------------------------------------
BACKUP_FORMAT = "teknologiradar-backup"
BACKUP_VERSION = 1
BACKUP_TABLES: dict[str, str] = {"radars": "id", "entries": "radar_id", "changes": "radar_id", "dialogue_items": "radar_id"}
#: Each backed-up table's order within a radar.
_BACKUP_ORDER: dict[str, str] = {"entries": "position, entry_id", "changes": "seq", "dialogue_items": "position, item_id"}
#: The workshop tables (radar.db.workshop) in a backup: each table, its order, and how its rows belong to
#: the radars being restored (the rounds by radar; votes by their round; participants by the round's code).
WORKSHOP_TABLES: dict[str, tuple[str, str]] = {
    "workshop_rounds": ("radar_id, number, round_id", "radar_id IN ({ids})"),
    "workshop_votes": (
        "round_id, participant_id, entry_id, question",
        "round_id IN (SELECT round_id FROM workshop_rounds WHERE radar_id IN ({ids}))",
    ),
    "workshop_participants": (
        "code, participant_id",
        "code IN (SELECT code FROM workshop_rounds WHERE radar_id IN ({ids}))",
    ),
}
_TIME_COLUMNS = {"created", "updated", "deleted_at", "changed_at"}


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime) else value


def backup_data(path: Path) -> dict[str, Any]:
    """Every own radar (also those in the bin): facts, links, entries and history, as plain JSON data."""
    from . import maturity  # it imports this module

    cur = _cursor(path)
    cur.execute("BEGIN TRANSACTION")
    try:
        tables = {}
        for table, key in BACKUP_TABLES.items():
            order = "id" if table == "radars" else f"{key}, {_BACKUP_ORDER[table]}"
            result = cur.execute(f"SELECT * FROM {table} ORDER BY {order}")  # noqa: S608 - fixed names
            columns = [d[0] for d in result.description]
            tables[table] = [dict(zip(columns, map(_plain, row), strict=True)) for row in result.fetchall()]
        for table, (order, _) in WORKSHOP_TABLES.items():
            result = cur.execute(f"SELECT * FROM {table} ORDER BY {order}")  # noqa: S608 - fixed names
            columns = [d[0] for d in result.description]
            tables[table] = [dict(zip(columns, map(_plain, row), strict=True)) for row in result.fetchall()]
        tables.update(maturity.backup_rows(cur))
    finally:
        _rollback(cur)
    return {"format": BACKUP_FORMAT, "version": BACKUP_VERSION, "made_at": _now().isoformat(), **tables}


def restore_data(path: Path, data: Mapping[str, Any]) -> dict[str, int]:
    """Bring back the radars of a backup_data() document, in one transaction: a radar with the same id
    is replaced, other radars are kept. Returns counts: radars, replaced, renamed (name taken meanwhile)."""
    from . import maturity  # it imports this module

    if not isinstance(data, Mapping) or data.get("format") != BACKUP_FORMAT or data.get("version") != BACKUP_VERSION:
        raise DataError("backup_error_format")
    try:
        radars = [dict(r) for r in data["radars"]]
        per_table = {t: [dict(r) for r in data[t]] for t in ("entries", "changes")}
        # Backups made before the dialogue agenda have none.
        per_table["dialogue_items"] = [dict(r) for r in data.get("dialogue_items", [])]
        # Backups made before the workshop have no workshop tables: nothing of a workshop to bring back.
        workshop_rows = {t: [dict(r) for r in data.get(t, [])] for t in WORKSHOP_TABLES}
        ids = [str(r["id"]) for r in radars]
    except (KeyError, TypeError, ValueError):
        raise DataError("backup_error_format") from None
    cur = _cursor(path)
    cur.execute("BEGIN TRANSACTION")
    try:
        cur.execute("UPDATE name_guard SET bumps = bumps + 1 WHERE id = 1")
        existing = {r[0] for r in cur.execute("SELECT id FROM radars").fetchall()}
        replaced = len(existing & set(ids))
        if ids:
            marks = ", ".join("?" * len(ids))
            for table, (_, belongs) in reversed(WORKSHOP_TABLES.items()):  # rounds last: the others find theirs by it
                cur.execute(f"DELETE FROM {table} WHERE {belongs.format(ids=marks)}", ids)  # noqa: S608 - fixed names
        for table, key in BACKUP_TABLES.items():
            for radar_id in ids:
                cur.execute(f"DELETE FROM {table} WHERE {key} = ?", [radar_id])  # noqa: S608 - fixed names
        renamed = 0
        taken = [r[0] for r in cur.execute("SELECT name FROM radars WHERE deleted_at IS NULL").fetchall()]
        for row in radars:
            if row.get("deleted_at") is None and own.name_key(row["name"]) in {own.name_key(n) for n in taken}:
                row["name"], renamed = own.free_name(str(row["name"]), taken), renamed + 1
            if row.get("deleted_at") is None:
                taken.append(row["name"])
        for table, rows in (("radars", radars), *per_table.items(), *workshop_rows.items()):
            known = [r[0] for r in cur.execute(f"SELECT * FROM {table} LIMIT 0").description]  # noqa: S608 - fixed names
            for row in rows:
                columns = [c for c in known if c in row]
                if set(row) - set(known) or not columns:
                    raise DataError("backup_error_format")  # a column we do not have: not our backup
                cur.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",  # noqa: S608
                    [row[c] for c in columns],
                )
        maturity.restore_rows(cur, data)  # the maturity assessments, with a radar or on their own
        cur.execute("COMMIT")
    except (duckdb.Error, KeyError, TypeError, ValueError, AttributeError):
        _rollback(cur)
        raise DataError("backup_error_format") from None
    except BaseException:
        _rollback(cur)
        raise
    return {"radars": len(radars), "replaced": replaced, "renamed": renamed}


def _without_app(path: Path, work: Any) -> Any:
    """`work(path)` on the file opened by this process, closed again after; DataError when another
    process holds the file and does not answer on its socket."""
    try:
        return work(path)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise DataError("backup_error_locked", file=str(path)) from None
        raise
    finally:
        close(path)


def backup(path: Path) -> dict[str, Any]:
    """backup_data() of the own-radar file, asked of the running app when it holds the file."""
    answer = None if config.store_url() else remote.ask(path, {"op": "backup"})
    return answer["backup"] if answer is not None else _without_app(path, backup_data)


def restore(path: Path, data: Mapping[str, Any]) -> dict[str, int]:
    """restore_data() into the own-radar file, through the running app when it holds the file."""
    answer = None if config.store_url() else remote.ask(path, {"op": "restore", "backup": data})
    return answer["restored"] if answer is not None else _without_app(path, lambda p: restore_data(p, data))
