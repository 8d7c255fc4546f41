"""Storage of digital-maturity assessments (radar.maturity), in the own-radar file beside the radars.

An assessment belongs either to an own radar (radar_id set) or stands on its own (radar_id NULL).
- With a radar it is reached through the radar's links, as radar.db.own's rules say: the view link
  reads, only the edit link saves one.
- On its own it has its own secret edit link (edit_token): the only way to read or change it.
The answers are one row per respondent and statement. Every write is one transaction.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from radar import maturity
from radar.errors import DataError, ValidationError

from . import own

SCHEMA = """
CREATE TABLE IF NOT EXISTS maturity_assessments (
    assessment_id VARCHAR NOT NULL,
    radar_id VARCHAR,
    edit_token VARCHAR,
    title VARCHAR NOT NULL DEFAULT '',
    day DATE NOT NULL,
    source VARCHAR NOT NULL DEFAULT 'alone',
    round_id VARCHAR,
    created TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS maturity_answers (
    assessment_id VARCHAR NOT NULL,
    respondent INTEGER NOT NULL,
    statement VARCHAR NOT NULL,
    value VARCHAR NOT NULL
);
"""
COLUMNS: tuple[str, ...] = ("assessment_id", "radar_id", "title", "day", "source", "round_id", "created")
_WRITE = threading.Lock()


def setup(con: duckdb.DuckDBPyConnection) -> None:
    """Create the maturity tables (called by radar.db.own when the file is opened)."""
    con.execute(SCHEMA)


def _insert(cur: duckdb.DuckDBPyConnection, radar_id: str | None, token: str | None, found: maturity.Assessment,
            round_id: str | None = None) -> str:  # fmt: skip
    assessment_id = uuid.uuid4().hex[:16]
    cur.execute(
        "INSERT INTO maturity_assessments VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [assessment_id, radar_id, token, found.title, found.day, found.source, round_id, own._now()],
    )
    _insert_answers(cur, assessment_id, found)
    return assessment_id


def _insert_answers(cur: duckdb.DuckDBPyConnection, assessment_id: str, found: maturity.Assessment) -> None:
    rows = [[assessment_id, i + 1, k, v] for i, r in enumerate(found.responses) for k, v in r.items()]
    if rows:
        cur.executemany("INSERT INTO maturity_answers VALUES (?, ?, ?, ?)", rows)


def _transaction(path: Path, work: Any) -> Any:
    with _WRITE:
        cur = own._cursor(path)
        cur.execute("BEGIN TRANSACTION")
        try:
            result = work(cur)
            cur.execute("COMMIT")
        except BaseException:
            own._rollback(cur)
            raise
    return result


def _checked(found: maturity.Assessment) -> maturity.Assessment:
    if not isinstance(found, maturity.Assessment):
        raise ValidationError("maturity_error_responses")
    if not found.respondents:
        raise ValidationError("maturity_error_empty")
    return found


def _load(cur: duckdb.DuckDBPyConnection, assessment_id: str) -> maturity.Assessment:
    row = cur.execute("SELECT title, day, source FROM maturity_assessments WHERE assessment_id = ?", [assessment_id]).fetchone()
    if row is None:
        raise DataError("maturity_error_missing")
    people: dict[int, dict[str, str]] = {}
    for respondent, statement, value in cur.execute(
        "SELECT respondent, statement, value FROM maturity_answers WHERE assessment_id = ? ORDER BY respondent",
        [assessment_id],
    ).fetchall():
        people.setdefault(int(respondent), {})[str(statement)] = str(value)
    responses = [{k: r[k] for k in maturity.STATEMENT_KEYS if k in r} for _, r in sorted(people.items())]
    return maturity.Assessment(day=row[1], responses=tuple(responses), title=str(row[0]), source=str(row[2]))


# --- with an own radar (its links) ----------------------------------------------------------------------
def save_for_radar(path: Path, link: str, found: maturity.Assessment, round_id: str | None = None) -> str:
    """Save an assessment with the radar of edit link `link`; returns its id. ReadOnlyError for a view link."""
    _checked(found)
    return _transaction(path, lambda cur: _insert(cur, own._find(cur, link, edit=True), None, found, round_id))


def list_for_radar(path: Path, link: str) -> list[dict[str, Any]]:
    """The radar's assessments, newest day first: assessment_id, title, day, source, round_id, created, respondents."""
    cur = own._cursor(path)
    radar_id = own._find(cur, link)
    rows = cur.execute(
        f"""SELECT {", ".join("a." + c for c in COLUMNS)}, count(DISTINCT r.respondent) AS respondents
            FROM maturity_assessments a LEFT JOIN maturity_answers r ON r.assessment_id = a.assessment_id
            WHERE a.radar_id = ? GROUP BY ALL ORDER BY a.day DESC, a.created DESC""",  # noqa: S608 - fixed names
        [radar_id],
    ).fetchall()
    return [dict(zip((*COLUMNS, "respondents"), r, strict=True)) for r in rows]


def load_for_radar(path: Path, link: str, assessment_id: str) -> maturity.Assessment:
    """One assessment of the radar of `link` (edit or view link); DataError when the radar has no such assessment."""
    cur = own._cursor(path)
    radar_id = own._find(cur, link)
    owner = cur.execute("SELECT radar_id FROM maturity_assessments WHERE assessment_id = ?", [assessment_id]).fetchone()
    if owner is None or owner[0] != radar_id:
        raise DataError("maturity_error_missing")
    return _load(cur, assessment_id)


def all_for_radar(path: Path, link: str) -> list[maturity.Assessment]:
    """Every assessment of the radar, oldest first (for the radar's JSON export)."""
    return [load_for_radar(path, link, a["assessment_id"]) for a in reversed(list_for_radar(path, link))]


def round_saved(path: Path, link: str, round_id: str) -> bool:
    """True when the answers of round `round_id` are already saved as an assessment of the radar."""
    return any(a["round_id"] == round_id for a in list_for_radar(path, link))


def restore_for_radar(path: Path, link: str, assessments: Iterable[maturity.Assessment]) -> int:
    """Save exported assessments (radar.maturity.list_from_data) with the radar of edit link `link`; all or nothing."""
    wanted = [a for a in assessments if a.respondents]
    if not wanted:
        return 0

    def work(cur: duckdb.DuckDBPyConnection) -> int:
        radar_id = own._find(cur, link, edit=True)
        for found in wanted:
            _insert(cur, radar_id, None, found)
        return len(wanted)

    return _transaction(path, work)


# --- on its own (its own edit link) -------------------------------------------------------------------------
def save_alone(path: Path, found: maturity.Assessment) -> str:
    """Save an assessment that belongs to no radar; returns its own secret edit link."""
    _checked(found)
    token = own.new_token()
    _transaction(path, lambda cur: _insert(cur, None, token, found))
    return token


def _alone_id(cur: duckdb.DuckDBPyConnection, token: object) -> str:
    if not isinstance(token, str) or not token:
        raise DataError("maturity_error_missing")
    row = cur.execute(
        "SELECT assessment_id FROM maturity_assessments WHERE edit_token = ? AND radar_id IS NULL", [token]
    ).fetchone()
    if row is None:
        raise DataError("maturity_error_missing")
    return str(row[0])


def load_alone(path: Path, token: object) -> maturity.Assessment:
    """The assessment of its own edit link `token`; DataError when none has it."""
    cur = own._cursor(path)
    return _load(cur, _alone_id(cur, token))


def update_alone(path: Path, token: object, found: maturity.Assessment) -> None:
    """Replace the answers, title and day of the assessment of its own edit link `token`."""
    _checked(found)

    def work(cur: duckdb.DuckDBPyConnection) -> None:
        assessment_id = _alone_id(cur, token)
        cur.execute(
            "UPDATE maturity_assessments SET title = ?, day = ?, source = ? WHERE assessment_id = ?",
            [found.title, found.day, found.source, assessment_id],
        )
        cur.execute("DELETE FROM maturity_answers WHERE assessment_id = ?", [assessment_id])
        _insert_answers(cur, assessment_id, found)

    _transaction(path, work)


# --- backup and restore (called by radar.db.own.backup_data / restore_data) -------------------------------------
BACKUP_TABLES: dict[str, str] = {
    "maturity_assessments": "assessment_id",
    "maturity_answers": "assessment_id, respondent, statement",
}


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date | datetime) else value


def backup_rows(cur: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    """Every assessment (with a radar or on its own) and its answers, as plain JSON data."""
    tables = {}
    for table, order in BACKUP_TABLES.items():
        result = cur.execute(f"SELECT * FROM {table} ORDER BY {order}")  # noqa: S608 - fixed names
        columns = [d[0] for d in result.description]
        tables[table] = [dict(zip(columns, map(_plain, row), strict=True)) for row in result.fetchall()]
    return tables


def restore_rows(cur: duckdb.DuckDBPyConnection, data: Mapping[str, Any]) -> None:
    """Bring back the assessments of a backup inside the caller's transaction: one with the same id is
    replaced, others are kept. A backup made before assessments existed has none. KeyError, TypeError or
    DataError when the rows are not ours (the caller turns them into its own message)."""
    rows = {t: [dict(r) for r in data.get(t, [])] for t in BACKUP_TABLES}
    ids = [str(r["assessment_id"]) for r in rows["maturity_assessments"]]
    if ids:
        marks = ", ".join("?" * len(ids))
        for table in reversed(BACKUP_TABLES):
            cur.execute(f"DELETE FROM {table} WHERE assessment_id IN ({marks})", ids)  # noqa: S608 - fixed names
    for table, found in rows.items():
        known = [d[0] for d in cur.execute(f"SELECT * FROM {table} LIMIT 0").description]  # noqa: S608 - fixed names
        for row in found:
            if set(row) - set(known):
                raise DataError("backup_error_format")
            columns = [c for c in known if c in row]
            cur.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",  # noqa: S608
                [row[c] for c in columns],
            )


def purge(cur: duckdb.DuckDBPyConnection, radar_ids: Sequence[str]) -> None:
    """Remove the assessments (and their answers) of radars purged from the bin."""
    marks = ", ".join("?" * len(radar_ids))
    owned = f"SELECT assessment_id FROM maturity_assessments WHERE radar_id IN ({marks})"  # noqa: S608 - placeholders only
    cur.execute(f"DELETE FROM maturity_answers WHERE assessment_id IN ({owned})", list(radar_ids))  # noqa: S608
    cur.execute(f"DELETE FROM maturity_assessments WHERE radar_id IN ({marks})", list(radar_ids))  # noqa: S608
