"""Storage of workshop rounds, their participants and votes, in the own-radar file beside the radars.

Two kinds of caller, two kinds of key:
- the facilitator passes the radar's edit link (or, only to read, its view link) as every other
  function of radar.db.own does: start, reveal, close, read the results, restore exported rounds;
- a participant passes the round's join code and, after joining, their participant token. The code
  opens only the round's own questions and technologies and the participant's own answers: it is not
  a radar link, so it cannot open, change, list or export the radar.

A revote takes over its round's code, so the phones in the room keep their link; the code always
means the newest round that has it. Every write to these tables is one transaction under one lock
of this process (DuckDB holds the file for one process), so two taps at once cannot both store an
answer: a resubmitted answer replaces the old one, one per participant, technology, question and round.
On PostgreSQL (several processes) the same transactions also hold one advisory lock (radar.db.begin).
A vote is acknowledged only after its COMMIT returned, which DuckDB makes durable in its write-ahead log.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from radar import maturity, workshop
from radar.errors import DataError, ValidationError

from . import begin, own

SCHEMA = """
CREATE TABLE IF NOT EXISTS workshop_rounds (
    round_id VARCHAR NOT NULL,
    radar_id VARCHAR NOT NULL,
    number INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    questions VARCHAR NOT NULL,
    technologies VARCHAR NOT NULL,
    comments BOOLEAN NOT NULL DEFAULT false,
    revealed BOOLEAN NOT NULL DEFAULT false,
    status VARCHAR NOT NULL DEFAULT 'open',
    parent_id VARCHAR,
    created TIMESTAMP NOT NULL,
    closed TIMESTAMP
);
CREATE TABLE IF NOT EXISTS workshop_participants (
    code VARCHAR NOT NULL,
    participant_id VARCHAR NOT NULL,
    token VARCHAR NOT NULL,
    name VARCHAR NOT NULL DEFAULT '',
    joined TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS workshop_votes (
    round_id VARCHAR NOT NULL,
    participant_id VARCHAR NOT NULL,
    entry_id VARCHAR NOT NULL,
    question VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    comment VARCHAR NOT NULL DEFAULT '',
    voted_at TIMESTAMP NOT NULL
);
"""

ROUND_COLUMNS: tuple[str, ...] = (
    "round_id", "radar_id", "number", "code", "questions", "technologies", "comments", "revealed", "status", "parent_id",
    "created", "closed",
)  # fmt: skip
#: Attempts at a join code no round has yet, before giving up (a clash is one in millions).
CODE_ATTEMPTS = 20
_WRITE = threading.Lock()


def setup(con: duckdb.DuckDBPyConnection) -> None:
    """Create the workshop tables (called by radar.db.own when the file is opened)."""
    con.execute(SCHEMA)


def _round(row: tuple) -> dict[str, Any]:
    found = dict(zip(ROUND_COLUMNS, row, strict=True))
    found["questions"] = json.loads(found["questions"])
    found["technologies"] = json.loads(found["technologies"])
    found["entry_ids"] = [t["entry_id"] for t in found["technologies"]]
    return found


def _rounds_of(cur: duckdb.DuckDBPyConnection, radar_id: str) -> list[dict[str, Any]]:
    rows = cur.execute(
        f"SELECT {', '.join(ROUND_COLUMNS)} FROM workshop_rounds WHERE radar_id = ? ORDER BY number DESC",  # noqa: S608
        [radar_id],
    ).fetchall()
    return [_round(r) for r in rows]


def _one_round(cur: duckdb.DuckDBPyConnection, radar_id: str, round_id: str) -> dict[str, Any]:
    row = cur.execute(
        f"SELECT {', '.join(ROUND_COLUMNS)} FROM workshop_rounds WHERE radar_id = ? AND round_id = ?",  # noqa: S608
        [radar_id, round_id],
    ).fetchone()
    if row is None:
        raise DataError("workshop_error_round_missing")
    return _round(row)


def _transaction(path: Path) -> duckdb.DuckDBPyConnection:
    """A write transaction, called under _WRITE: on PostgreSQL also exclusive across the app's processes."""
    cur = own._cursor(path)
    begin(cur, exclusive=True)
    return cur


# --- the facilitator (edit link) -------------------------------------------------------------------
def list_rounds(path: Path, link: str) -> list[dict[str, Any]]:
    """The radar's rounds, newest first (round_id, number, code, questions, technologies, entry_ids, status, ...)."""
    cur = own._cursor(path)
    return _rounds_of(cur, own._find(cur, link))


def get_round(path: Path, link: str, round_id: str) -> dict[str, Any]:
    """One round of the radar of `link`; DataError when the radar has no such round."""
    cur = own._cursor(path)
    return _one_round(cur, own._find(cur, link), round_id)


def start_round(
    path: Path,
    link: str,
    technologies: Iterable[Mapping[str, object]],
    questions: Iterable[str],
    comments: bool = False,
    parent_id: str | None = None,
) -> dict[str, Any]:
    """Open a new round on `technologies` (entry_id, technology_id, name, description of the radar's entries)
    asking `questions`; needs the edit link. Any other open round of the radar is closed. A revote
    (`parent_id`) takes over its round's join code. Returns the new round."""
    asked = workshop.clean_questions(questions)
    techs = [
        {k: (None if pd.isna(t.get(k)) else t.get(k)) for k in ("entry_id", "technology_id", "name", "description")}
        for t in technologies
    ]
    if not techs:
        raise ValidationError("workshop_error_no_technology")
    if len(techs) > workshop.MAX_TECHNOLOGIES:
        raise ValidationError("workshop_error_no_technology")
    with _WRITE:
        cur = _transaction(path)
        try:
            radar_id = own._find(cur, link, edit=True)
            if workshop.is_maturity(asked):  # its items are the statements of radar.maturity, not the radar's entries
                known = set(maturity.STATEMENT_KEYS)
            else:
                known = {r[0] for r in cur.execute("SELECT entry_id FROM entries WHERE radar_id = ?", [radar_id]).fetchall()}
            if any(t["entry_id"] not in known for t in techs):
                raise DataError("workshop_error_round_missing")
            if parent_id is not None:
                code = _one_round(cur, radar_id, parent_id)["code"]
            else:
                code = _free_code(cur)
            now = own._now()
            cur.execute(
                "UPDATE workshop_rounds SET status = 'closed', closed = ? WHERE radar_id = ? AND status = 'open'", [now, radar_id]
            )
            number = cur.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM workshop_rounds WHERE radar_id = ?", [radar_id]
            ).fetchone()[0]
            round_id = uuid.uuid4().hex[:16]
            cur.execute(
                f"INSERT INTO workshop_rounds ({', '.join(ROUND_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, false, 'open', ?, ?, NULL)",  # noqa: S608, E501
                [round_id, radar_id, number, code, json.dumps(asked), json.dumps(techs, ensure_ascii=False), bool(comments),
                 parent_id, now],
            )  # fmt: skip
            cur.execute("COMMIT")
        except BaseException:
            own._rollback(cur)
            raise
    return get_round(path, link, round_id)


def _free_code(cur: duckdb.DuckDBPyConnection) -> str:
    for _ in range(CODE_ATTEMPTS):
        code = workshop.new_code()
        if cur.execute("SELECT 1 FROM workshop_rounds WHERE code = ? LIMIT 1", [code]).fetchone() is None:
            return code
    raise DataError("workshop_error_code_space")  # pragma: no cover - one in millions per attempt


def _set(path: Path, link: str, round_id: str, sql: str, params: list[object]) -> None:
    with _WRITE:
        cur = _transaction(path)
        try:
            radar_id = own._find(cur, link, edit=True)
            _one_round(cur, radar_id, round_id)
            cur.execute(sql, [*params, radar_id, round_id])
            cur.execute("COMMIT")
        except BaseException:
            own._rollback(cur)
            raise


def reveal(path: Path, link: str, round_id: str, shown: bool = True) -> None:
    """Show (or hide again) the round's counts on the projector; needs the edit link."""
    _set(path, link, round_id, "UPDATE workshop_rounds SET revealed = ? WHERE radar_id = ? AND round_id = ?", [bool(shown)])


def close_round(path: Path, link: str, round_id: str) -> None:
    """Stop the round's voting (its answers stay with the radar); needs the edit link."""
    _set(
        path, link, round_id,
        "UPDATE workshop_rounds SET status = 'closed', closed = coalesce(closed, ?) WHERE radar_id = ? AND round_id = ?",
        [own._now()],
    )  # fmt: skip


def reopen_round(path: Path, link: str, round_id: str) -> None:
    """Open a closed round for voting again (the newest round of its code only); needs the edit link."""
    with _WRITE:
        cur = _transaction(path)
        try:
            radar_id = own._find(cur, link, edit=True)
            found = _one_round(cur, radar_id, round_id)
            newest = cur.execute("SELECT max(number) FROM workshop_rounds WHERE code = ?", [found["code"]]).fetchone()[0]
            if newest != found["number"]:
                raise ValidationError("workshop_error_not_newest")
            cur.execute("UPDATE workshop_rounds SET status = 'closed', closed = ? WHERE radar_id = ? AND status = 'open'",
                        [own._now(), radar_id])  # fmt: skip
            cur.execute("UPDATE workshop_rounds SET status = 'open', closed = NULL WHERE round_id = ?", [round_id])
            cur.execute("COMMIT")
        except BaseException:
            own._rollback(cur)
            raise


def live_counts(path: Path, link: str, round_id: str) -> dict[str, Any]:
    """What the projector shows while the counts are hidden: participants joined, answers in all, and per
    technology how many participants answered it (at least one question)."""
    cur = own._cursor(path)
    found = _one_round(cur, own._find(cur, link), round_id)
    joined = cur.execute("SELECT count(*) FROM workshop_participants WHERE code = ?", [found["code"]]).fetchone()[0]
    rows = cur.execute(
        "SELECT entry_id, count(DISTINCT participant_id), count(*) FROM workshop_votes WHERE round_id = ? GROUP BY entry_id",
        [round_id],
    ).fetchall()
    per_entry = {e: int(p) for e, p, _ in rows}
    return {
        "joined": int(joined),
        "answers": int(sum(c for _, _, c in rows)),
        "answered": {e: per_entry.get(e, 0) for e in found["entry_ids"]},
        "voters": int(
            cur.execute("SELECT count(DISTINCT participant_id) FROM workshop_votes WHERE round_id = ?", [round_id]).fetchone()[0]
        ),
    }


def round_stamp(path: Path, link: str, round_id: str) -> tuple[Any, ...] | None:
    """What changes when anything a projector shows changes, in one small query: status, revealed, participants
    joined, answers in all and the newest answer's time (a changed answer is stored anew). None when the radar of
    `link` (not in the bin) has no such round: the caller reads it the long way and gets the reason."""
    # Subqueries that do not refer to the outer row: DuckDB plans correlated ones as joins, five times slower here.
    row = (
        own._cursor(path)
        .execute(
            """SELECT r.status, r.revealed,
                  (SELECT count(*) FROM workshop_participants
                   WHERE code = (SELECT code FROM workshop_rounds WHERE round_id = ?)),
                  v.answers, v.newest
           FROM workshop_rounds r JOIN radars a ON a.id = r.radar_id,
                (SELECT count(*) AS answers, max(voted_at) AS newest FROM workshop_votes WHERE round_id = ?) v
           WHERE r.round_id = ? AND (a.edit_token = ? OR a.view_token = ?) AND a.deleted_at IS NULL""",
            [round_id, round_id, round_id, link, link],
        )
        .fetchone()
    )
    return tuple(row) if row is not None else None


def round_votes(path: Path, link: str, round_id: str) -> pd.DataFrame:
    """Every answer of the round: participant_id, name, entry_id, question, value, comment, voted_at."""
    cur = own._cursor(path)
    _one_round(cur, own._find(cur, link), round_id)
    return _votes(cur, [round_id])


def _votes(cur: duckdb.DuckDBPyConnection, round_ids: list[str]) -> pd.DataFrame:
    if not round_ids:
        return pd.DataFrame(
            columns=["round_id", "participant_id", "name", "entry_id", "question", "value", "comment", "voted_at"]
        )
    marks = ", ".join("?" * len(round_ids))
    return cur.execute(
        f"""SELECT v.round_id, v.participant_id, coalesce(p.name, '') AS name, v.entry_id, v.question, v.value, v.comment,
                   v.voted_at
            FROM workshop_votes v JOIN workshop_rounds r ON r.round_id = v.round_id
            LEFT JOIN workshop_participants p ON p.code = r.code AND p.participant_id = v.participant_id
            WHERE v.round_id IN ({marks}) ORDER BY v.round_id, v.voted_at, v.participant_id""",  # noqa: S608 - placeholders only
        round_ids,
    ).df()


def rounds_data(path: Path, link: str) -> tuple[list[dict[str, Any]], pd.DataFrame]:
    """Every round of the radar (oldest first) and all their votes, for radar.workshop.rounds_for_export."""
    cur = own._cursor(path)
    rounds = list(reversed(_rounds_of(cur, own._find(cur, link))))
    return rounds, _votes(cur, [r["round_id"] for r in rounds])


def restore_rounds(path: Path, link: str, rounds: Iterable[Mapping[str, Any]]) -> int:
    """Store exported rounds (radar.workshop.rounds_from_export) on the radar of edit link `link`, all closed,
    each with a new join code; returns how many. One transaction: all or nothing."""
    wanted = list(rounds)
    if not wanted:
        return 0
    with _WRITE:
        cur = _transaction(path)
        try:
            radar_id = own._find(cur, link, edit=True)
            entries = {
                r[0]: {"entry_id": r[0], "technology_id": r[1], "name": r[2], "description": r[3]}
                for r in cur.execute(
                    "SELECT entry_id, technology_id, name, description FROM entries WHERE radar_id = ?", [radar_id]
                ).fetchall()
            }
            start = cur.execute("SELECT coalesce(max(number), 0) FROM workshop_rounds WHERE radar_id = ?", [radar_id]).fetchone()[
                0
            ]
            ids: dict[int, str] = {}
            for offset, r in enumerate(sorted(wanted, key=lambda r: r["number"])):
                round_id, code = uuid.uuid4().hex[:16], _free_code(cur)
                ids[int(r["number"])] = round_id
                techs = [entries[e] for e in r["entry_ids"] if e in entries]
                created = r.get("started") or own._now()
                cur.execute(
                    f"INSERT INTO workshop_rounds ({', '.join(ROUND_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'closed', ?, ?, ?)",  # noqa: S608, E501
                    [round_id, radar_id, start + offset + 1, code, json.dumps(list(r["questions"])),
                     json.dumps(techs, ensure_ascii=False), bool(r.get("comments")), bool(r.get("revealed")),
                     ids.get(r.get("revote_of")) if r.get("revote_of") is not None else None, created,
                     r.get("closed") or created],
                )  # fmt: skip
                people: dict[str, str] = {}
                for v in r["votes"]:
                    if v["entry_id"] not in entries:
                        continue
                    pid = people.get(v["participant"])
                    if pid is None:
                        pid = people[v["participant"]] = uuid.uuid4().hex[:12]
                        cur.execute(
                            "INSERT INTO workshop_participants VALUES (?, ?, ?, ?, ?)",
                            [code, pid, own.new_token(), v.get("name") or "", created],
                        )
                    cur.execute(
                        "INSERT INTO workshop_votes VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [round_id, pid, v["entry_id"], v["question"], v["value"], v.get("comment") or "", created],
                    )
            cur.execute("COMMIT")
        except BaseException:
            own._rollback(cur)
            raise
    return len(wanted)


# --- a participant (join code, participant token) ----------------------------------------------------
def _by_code(cur: duckdb.DuckDBPyConnection, code: object) -> dict[str, Any]:
    clean = workshop.clean_code(code)
    if clean is None:
        raise DataError("workshop_error_code")
    row = cur.execute(
        f"""SELECT {", ".join("r." + c for c in ROUND_COLUMNS)} FROM workshop_rounds r JOIN radars a ON a.id = r.radar_id
            WHERE r.code = ? AND a.deleted_at IS NULL ORDER BY r.number DESC LIMIT 1""",  # noqa: S608 - fixed names
        [clean],
    ).fetchone()
    if row is None:
        raise DataError("workshop_error_code")
    return _round(row)


def _participant(cur: duckdb.DuckDBPyConnection, code: str, token: object) -> tuple[str, str] | None:
    if not isinstance(token, str) or not token:
        return None
    row = cur.execute(
        "SELECT participant_id, name FROM workshop_participants WHERE code = ? AND token = ?", [code, token]
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def participant_round(path: Path, code: object, token: object = None) -> dict[str, Any]:
    """What a phone shows for join code `code`: the newest round with it (questions, technologies,
    open or closed, whether revealed), the participant's own answers when `token` is theirs, and for a
    revote the previous round's answers counted per technology and question. DataError for a wrong code."""
    cur = own._cursor(path)
    found = _by_code(cur, code)
    me = _participant(cur, found["code"], token)
    mine: dict[tuple[str, str], dict[str, str]] = {}
    if me is not None:
        for entry_id, question, value, comment in cur.execute(
            "SELECT entry_id, question, value, comment FROM workshop_votes WHERE round_id = ? AND participant_id = ?",
            [found["round_id"], me[0]],
        ).fetchall():
            mine[(entry_id, question)] = {"value": value, "comment": comment}
    earlier = None
    if found["parent_id"]:
        earlier = cur.execute(
            "SELECT entry_id, question, value FROM workshop_votes WHERE round_id = ?", [found["parent_id"]]
        ).df()
    return {
        "round_id": found["round_id"],
        "number": found["number"],
        "code": found["code"],
        "open": found["status"] == "open",
        "questions": found["questions"],
        "comments": found["comments"],
        "technologies": found["technologies"],
        "participant": me[0] if me else None,
        "name": me[1] if me else "",
        "answers": mine,
        "earlier": earlier,
        "radar_domain": cur.execute("SELECT domain FROM radars WHERE id = ?", [found["radar_id"]]).fetchone()[0],
    }


def code_state(path: Path, code: object) -> tuple[str, bool] | None:
    """The newest round of join code `code` and whether it is open, in one small query (what a waiting phone
    looks for); None for a wrong code."""
    clean = workshop.clean_code(code)
    if clean is None:
        return None
    row = (
        own._cursor(path)
        .execute(
            """SELECT r.round_id, r.status = 'open' FROM workshop_rounds r JOIN radars a ON a.id = r.radar_id
           WHERE r.code = ? AND a.deleted_at IS NULL ORDER BY r.number DESC LIMIT 1""",
            [clean],
        )
        .fetchone()
    )
    return (str(row[0]), bool(row[1])) if row is not None else None


def join(path: Path, code: object, name: object = "") -> str:
    """Join the open round of `code` (optionally with a first name); returns the participant's token.
    DataError for a wrong code, ValidationError when the round is closed."""
    with _WRITE:
        cur = _transaction(path)
        try:
            found = _by_code(cur, code)
            if found["status"] != "open":
                raise ValidationError("workshop_error_closed")
            token = own.new_token()
            cur.execute(
                "INSERT INTO workshop_participants VALUES (?, ?, ?, ?, ?)",
                [found["code"], uuid.uuid4().hex[:12], token, workshop.clean_name(name), own._now()],
            )
            cur.execute("COMMIT")
        except BaseException:
            own._rollback(cur)
            raise
    return token


def _voter(cur: duckdb.DuckDBPyConnection, code: object, token: object) -> tuple[dict[str, Any], tuple]:
    """The open round of `code` and the participant of `token` in it; ValidationError when the round is
    closed, DataError for a wrong code or token."""
    found = _by_code(cur, code)
    if found["status"] != "open":
        raise ValidationError("workshop_error_closed")
    me = _participant(cur, found["code"], token)
    if me is None:
        raise DataError("workshop_error_participant")
    return found, me


def vote(
    path: Path,
    code: object,
    token: object,
    entry_id: str,
    question: str,
    value: object,
    comment: object = "",
    round_id: str | None = None,
) -> datetime:
    """Store one answer of the participant of `token` in the open round of `code`, replacing their earlier
    answer to the same question about the same technology; returns when it was stored (after COMMIT).
    DataError for a wrong code or token, ValidationError when the round is closed or the answer is not allowed,
    or, given the `round_id` the phone shows, when a newer round (a revote) has taken over the code."""
    with _WRITE:
        cur = _transaction(path)
        try:
            found, me = _voter(cur, code, token)
            if round_id is not None and found["round_id"] != round_id:
                raise ValidationError("workshop_error_round_changed")
            if entry_id not in found["entry_ids"] or question not in found["questions"]:
                raise ValidationError("workshop_error_answer")
            value = workshop.check_answer(question, value)
            note = workshop.clean_comment(comment) if found["comments"] else ""
            key = [found["round_id"], me[0], entry_id, question]
            cur.execute(
                "DELETE FROM workshop_votes WHERE round_id = ? AND participant_id = ? AND entry_id = ? AND question = ?", key
            )
            now = own._now()
            cur.execute("INSERT INTO workshop_votes VALUES (?, ?, ?, ?, ?, ?, ?)", [*key, value, note, now])
            cur.execute("COMMIT")
        except BaseException:
            own._rollback(cur)
            raise
    return now


def unvote(path: Path, code: object, token: object, entry_id: str, question: str) -> None:
    """Take back the participant's answer to one question about one technology (while the round is open)."""
    with _WRITE:
        cur = _transaction(path)
        try:
            found, me = _voter(cur, code, token)
            cur.execute(
                "DELETE FROM workshop_votes WHERE round_id = ? AND participant_id = ? AND entry_id = ? AND question = ?",
                [found["round_id"], me[0], entry_id, question],
            )
            cur.execute("COMMIT")
        except BaseException:
            own._rollback(cur)
            raise
