"""Storage of a radar's dialogue agenda (questions, notes, decisions) in the own-radar file.

The agenda belongs to the radar: it is read with either link, changed only with the edit link,
and every change goes into the radar's change log (radar.db.own) as action "dialogue", with the
items before and after under the key "dialogue", so the undo and redo of the radar take it back
and bring it again like any change of an entry. Rules about questions and text live in radar.dialogue.

A typed note or decision is checked against the text this browser last saw in that field, not
against the radar's version: the facilitator's notes are saved even when another browser changed
an entry meanwhile; only a change of the same field in between is refused (ConflictError).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from radar import dialogue
from radar.errors import ConflictError

from . import own

SCHEMA = """
CREATE TABLE IF NOT EXISTS dialogue_items (
    radar_id VARCHAR NOT NULL,
    item_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    question VARCHAR NOT NULL,
    text VARCHAR NOT NULL DEFAULT '',
    notes VARCHAR NOT NULL DEFAULT '',
    decision VARCHAR NOT NULL DEFAULT ''
);
"""
#: The stored columns of an item: its fields and its place on the agenda.
COLUMNS: tuple[str, ...] = (*dialogue.ITEM_FIELDS, "position")
ACTION = "dialogue"
#: Attempts of save_typed when another change of the radar came between reading its version and writing.
SAVE_ATTEMPTS = 3


def setup(con: duckdb.DuckDBPyConnection) -> None:
    """Create the dialogue table (called by radar.db.own when the file is opened)."""
    con.execute(SCHEMA)


def _items(cur: duckdb.DuckDBPyConnection, radar_id: str) -> dict[str, dict[str, Any]]:
    rows = cur.execute(
        f"SELECT {', '.join(COLUMNS)} FROM dialogue_items WHERE radar_id = ? ORDER BY position, item_id",  # noqa: S608
        [radar_id],
    ).fetchall()
    return {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows}


def _agenda(rows: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{k: row[k] for k in dialogue.ITEM_FIELDS} for row in sorted(rows.values(), key=lambda r: r["position"])]


def load_agenda(path: Path, link: str) -> list[dict[str, Any]]:
    """The radar's agenda in order: item_id, question, text, notes, decision (either link)."""
    cur = own._cursor(path)
    return _agenda(_items(cur, own._find(cur, link)))


def apply(cur: duckdb.DuckDBPyConnection, radar_id: str, state: Mapping[str, Any]) -> None:
    """Write a logged before or after state ({item_id: row or None}) back onto the agenda (undo and redo)."""
    for item_id, row in state.items():
        cur.execute("DELETE FROM dialogue_items WHERE radar_id = ? AND item_id = ?", [radar_id, item_id])
        if row is not None:
            _insert(cur, radar_id, row)


def _insert(cur: duckdb.DuckDBPyConnection, radar_id: str, row: Mapping[str, Any]) -> None:
    cur.execute(
        f"INSERT INTO dialogue_items (radar_id, {', '.join(COLUMNS)}) VALUES (?{', ?' * len(COLUMNS)})",  # noqa: S608
        [radar_id, *(row[c] for c in COLUMNS)],
    )


def _diff(old: Mapping[str, dict[str, Any]], new: Mapping[str, dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for item_id in old.keys() | new.keys():
        if old.get(item_id) != new.get(item_id):
            before[item_id], after[item_id] = old.get(item_id), new.get(item_id)
    return before, after


def _change(
    cur: duckdb.DuckDBPyConnection, radar_id: str, version: int, op: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
) -> int:
    """Apply `op(agenda) -> new agenda` inside the open transaction, log it, commit; the new version
    (the same when nothing changed)."""
    rows = _items(cur, radar_id)
    new_agenda = op(_agenda(rows))
    new_rows = {item["item_id"]: {**item, "position": n} for n, item in enumerate(new_agenda)}
    before, after = _diff(rows, new_rows)
    if not after:
        own._rollback(cur)
        return int(version)
    apply(cur, radar_id, after)
    own._log(cur, radar_id, int(version) + 1, ACTION, "", _state(before), _state(after))
    cur.execute("COMMIT")
    return int(version) + 1


def _state(items: Mapping[str, Any]) -> dict[str, Any]:
    """A change-log state: nothing of the radar's facts or entries, the agenda items that changed."""
    return {"meta": {}, "entries": {}, ACTION: dict(items)}


def change_agenda(path: Path, link: str, version: int, op: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> int:
    """One undoable change of the agenda, `op` one of radar.dialogue's agenda operations bound to its
    arguments; ConflictError when the radar moved on from `version`, ReadOnlyError for a view link."""
    with own._checked_transaction(path, link, version) as (cur, meta):
        return _change(cur, meta["id"], int(version), op)


def add_question(path: Path, link: str, version: int, question: str) -> int:
    """Put one of our questions on the agenda; new version."""
    return change_agenda(path, link, version, lambda agenda: dialogue.add_question(agenda, question))


def add_own(path: Path, link: str, version: int, text: str) -> int:
    """Put the group's own question on the agenda; new version."""
    return change_agenda(path, link, version, lambda agenda: dialogue.add_own(agenda, text))


def remove_item(path: Path, link: str, version: int, item_id: str) -> int:
    """Take a question (with its notes) off the agenda; undo brings it back."""
    return change_agenda(path, link, version, lambda agenda: dialogue.remove_item(agenda, item_id))


def move_item(path: Path, link: str, version: int, item_id: str, offset: int) -> int:
    """Move a question up (negative `offset`) or down the agenda."""
    return change_agenda(path, link, version, lambda agenda: dialogue.move_item(agenda, item_id, offset))


def save_typed(path: Path, link: str, item_id: str, field: str, text: str, seen: str) -> tuple[int, str]:
    """Save a note or decision typed under a question; (new version, the text as stored).

    `seen` is the field's text as this browser last had it: another browser's change of the same
    field since then is a ConflictError (nothing is overwritten unseen); other changes of the radar
    are not.
    """
    stored: list[str] = []

    def op(agenda: list[dict[str, Any]]) -> list[dict[str, Any]]:
        current = next((i for i in agenda if i["item_id"] == item_id), None)
        if current is not None and field in dialogue.TYPED_FIELDS and current[field] != seen:
            raise ConflictError("dlg_error_changed_elsewhere")
        changed = dialogue.set_typed(agenda, item_id, field, text)
        stored.append(next(i[field] for i in changed if i["item_id"] == item_id))
        return changed

    for attempt in range(SAVE_ATTEMPTS):
        cur = own._cursor(path)
        version = int(own._radar(cur, link, edit=True)["version"])
        stored.clear()
        try:
            with own._checked_transaction(path, link, version) as (cur, meta):
                new_version = _change(cur, meta["id"], version, op)
        except ConflictError as error:
            if error.key != "own_error_conflict" or attempt + 1 == SAVE_ATTEMPTS:
                raise
            continue  # the radar changed between reading its version and writing: read it again
        return new_version, stored[0]
    raise ConflictError("own_error_conflict")  # pragma: no cover - the loop returns or raises


def restore_agenda(path: Path, link: str, items: Sequence[Mapping[str, Any]]) -> int:
    """Put an agenda read from a file (radar.dialogue.agenda_from_export) on a radar that has none, in
    one transaction and outside its history (like the entries a radar is created with); how many."""
    wanted = [dialogue.clean_item({**i, "item_id": None}) for i in items]
    if not wanted:
        return 0
    cur = own._cursor(path)
    cur.execute("BEGIN TRANSACTION")
    try:
        radar_id = own._find(cur, link, edit=True)
        if _items(cur, radar_id):
            raise ConflictError("own_error_conflict")
        for position, item in enumerate(wanted):
            _insert(cur, radar_id, {**item, "position": position})
        cur.execute("COMMIT")
    except BaseException:
        own._rollback(cur)
        raise
    return len(wanted)


def purge(cur: duckdb.DuckDBPyConnection, radar_ids: Iterable[str]) -> None:
    """Remove the agendas of radars purged from the bin."""
    for radar_id in radar_ids:
        cur.execute("DELETE FROM dialogue_items WHERE radar_id = ?", [radar_id])
