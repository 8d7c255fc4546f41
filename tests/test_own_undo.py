"""Undo names the change before it is made, redo brings it back, history is in words."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from radar import own
from radar.db import own as db
from radar.errors import ValidationError

DRONER = {"technology_id": "droner", "name": "Droner", "category": "robots", "status": 2}
APPS = {"technology_id": "apps", "name": "Apps", "category": "citizen"}


@pytest.fixture
def radar(path: Path) -> str:
    return db.create_radar(path, {"name": "Mødet"}, [DRONER, APPS])


def entry(path: Path, radar: str, name: str) -> str:
    entries = db.load_entries(path, radar)
    return entries.loc[entries["name"] == name, "entry_id"].iloc[0]


@pytest.mark.parametrize(
    ("change", "lang", "expected"),
    [
        (
            lambda p, r: db.update_entries(p, r, 1, {entry(p, r, "Droner"): {"status": 1}}),
            "da",
            "status for Droner: afprøver → overvejer",
        ),
        (
            lambda p, r: db.update_entries(p, r, 1, {entry(p, r, "Droner"): {"status": 1}}),
            "en",
            "status of Droner: trialling → considering",
        ),
        (
            lambda p, r: db.update_entries(p, r, 1, {entry(p, r, "Apps"): {"ring": "klar", "ring_reason": "Vi bruger dem"}}),
            "da",
            "ring for Apps: – → KLAR; begrundelse for Apps: – → Vi bruger dem",
        ),
        (
            lambda p, r: db.update_entries(p, r, 1, {entry(p, r, "Apps"): {"note": "x" * 40}}),
            "da",
            "note for Apps: – → " + "x" * 29 + "…",
        ),
        (lambda p, r: db.add_entries(p, r, 1, [{"name": "Borgerapp", "category": "citizen"}]), "da", "tilføjet Borgerapp"),
        (lambda p, r: db.add_entries(p, r, 1, [{"name": n, "category": "data"} for n in "ABC"]), "da", "tilføjet A, B (+1)"),
        (lambda p, r: db.remove_entries(p, r, 1, [entry(p, r, "Droner")]), "da", "fjernet Droner"),
        (lambda p, r: db.update_meta(p, r, 1, {"name": "Mødet i maj"}), "da", "radarens navn: Mødet → Mødet i maj"),
        (
            lambda p, r: db.update_entries(
                p, r, 1, {entry(p, r, "Droner"): {"status": 0}, entry(p, r, "Apps"): {"status": 3, "relevance": 5}}
            ),
            "da",
            "status for Droner: afprøver → overvejer ikke; status for Apps: – → i drift; og 1 ændringer mere",
        ),
    ],
)
def test_undo_names_the_change_it_will_undo(path, radar, change, lang, expected):
    change(path, radar)
    assert own.change_summary(db.next_change(path, radar), lang) == expected


def test_undo_then_redo_brings_the_change_back(path, radar):
    droner = entry(path, radar, "Droner")
    db.update_entries(path, radar, 1, {droner: {"status": 1}})
    db.update_entries(path, radar, 2, {droner: {"note": "Pilot i hjemmeplejen"}})
    assert db.undo(path, radar, 3) == 4
    assert db.undo(path, radar, 4) == 5
    assert db.load_entries(path, radar).set_index("entry_id").at[droner, "status"] == 2
    assert own.change_summary(db.next_change(path, radar, redo=True), "da") == "status for Droner: afprøver → overvejer"
    assert db.next_change(path, radar) is None
    db.redo(path, radar, 5)
    db.redo(path, radar, 6)
    row = db.load_entries(path, radar).set_index("entry_id").loc[droner]
    assert (row["status"], row["note"]) == (1, "Pilot i hjemmeplejen")
    assert db.next_change(path, radar, redo=True) is None
    assert len(db.history(path, radar)) == 2


def test_undo_and_redo_are_read_together_as_each_alone(path, radar):
    droner = entry(path, radar, "Droner")
    for version, status in enumerate((0, 1, 3), start=1):
        db.update_entries(path, radar, version, {droner: {"status": status}})
    assert db.next_changes(path, radar) == (db.next_change(path, radar), None)
    db.undo(path, radar, 4)
    db.undo(path, radar, 5)
    undo, redo = db.next_changes(path, radar)
    assert own.change_summary(undo, "da") == "status for Droner: afprøver → overvejer ikke"
    assert own.change_summary(redo, "da") == "status for Droner: overvejer ikke → overvejer"
    assert (undo, redo) == (db.next_change(path, radar), db.next_change(path, radar, redo=True))


def test_a_new_change_ends_redo(path, radar):
    droner = entry(path, radar, "Droner")
    db.update_entries(path, radar, 1, {droner: {"status": 1}})
    db.undo(path, radar, 2)
    db.update_entries(path, radar, 3, {droner: {"owner": "Åse"}})
    assert db.next_change(path, radar, redo=True) is None
    with pytest.raises(ValidationError) as caught:
        db.redo(path, radar, 4)
    assert caught.value.key == "own_error_nothing_to_redo"


def test_history_lists_only_changes_in_force(path, radar):
    droner = entry(path, radar, "Droner")
    db.update_entries(path, radar, 1, {droner: {"status": 3}})
    db.update_entries(path, radar, 2, {droner: {"relevance": 4}})
    db.undo(path, radar, 3)
    changes = db.history(path, radar)
    assert [own.change_summary(c, "da") for c in db.history_changes(changes)] == ["status for Droner: afprøver → i drift"]


def test_numbers_stay_while_the_meeting_edits_and_change_only_when_asked(path):
    import pandas as pd

    from radar.own import local_table, renumber_order

    radar = db.create_radar(path, {"name": "Numre"}, [DRONER, APPS, {"technology_id": "vr", "name": "VR", "category": "robots"}])
    catalogue = pd.DataFrame(
        {"id": ["droner", "apps", "vr"], "name": ["Droner", "Apps", "VR"], "category": ["robots", "citizen", "robots"],
         "description": ["", "", ""]}
    )  # fmt: skip
    national = pd.DataFrame(
        {"technology": ["droner", "apps", "vr"], "maturity": [3.0, 5.0, 2.0], "adoption": [0.2, 0.9, 0.1],
         "score": [0.35, 0.95, 0.18], "ring": ["hold_oeje", "klar", "afvent"]}
    )  # fmt: skip

    def numbers() -> dict[str, int]:
        table = local_table(db.load_entries(path, radar), catalogue, national)
        return dict(zip(table["name"], table["number"], strict=True))

    assert numbers() == {"Droner": 1, "Apps": 2, "VR": 3}
    vr = entry(path, radar, "VR")
    db.update_entries(path, radar, 1, {vr: {"status": 3}})  # VR moves to an inner ring: its number stays
    db.remove_entries(path, radar, 2, [entry(path, radar, "Droner")])
    db.add_entries(path, radar, 3, [{"name": "Borgerapp", "category": "citizen", "status": 1}])
    assert numbers() == {"Apps": 2, "VR": 3, "Borgerapp": 4}
    table = local_table(db.load_entries(path, radar), catalogue, national)
    db.renumber(path, radar, 4, renumber_order(table))
    assert numbers() == {"Apps": 1, "VR": 2, "Borgerapp": 3}
    assert own.change_summary(db.next_change(path, radar), "da") == "numrene sat efter ring og score"
    db.undo(path, radar, 5)
    assert numbers() == {"Apps": 2, "VR": 3, "Borgerapp": 4}


def assert_same_state(saved: db.State, read: db.State) -> None:
    assert saved.meta == read.meta
    pd.testing.assert_frame_equal(saved.entries, read.entries)
    assert (saved.undo, saved.redo) == (read.undo, read.redo)


def test_a_saved_cell_gives_the_radar_as_reading_it_again_would(path, radar):
    """The table draws a saved cell from what the save returns: it must be what a read gives, to the
    value and type, on both stores (the facts with version and time, the entries, undo and redo)."""
    droner, apps = entry(path, radar, "Droner"), entry(path, radar, "Apps")
    edits = [
        {droner: {"relevance": 4}},
        {apps: {"status": 3, "ring": "klar", "ring_reason": "Vi bruger dem", "note": "Æblet «x»"}},
        {droner: {"relevance": None, "owner": "Åse"}, apps: {"next_step": "Pilot"}},
    ]
    version = 1
    for updates in edits:
        saved = db.save_entries(path, radar, version, updates)
        assert saved.version == version + 1
        assert_same_state(saved, db.read_state(path, radar))
        version = saved.version
    db.undo(path, radar, version)  # something to redo: a new change ends it
    saved = db.save_entries(path, radar, version + 1, {droner: {"relevance": 2}})
    assert saved.redo is None
    assert_same_state(saved, db.read_state(path, radar))


def test_a_save_that_changes_nothing_leaves_the_radar_as_it_was(path, radar):
    droner = entry(path, radar, "Droner")
    db.update_entries(path, radar, 1, {droner: {"relevance": 4}})
    db.undo(path, radar, 2)
    before = db.read_state(path, radar)
    saved = db.save_entries(path, radar, 3, {droner: {"status": 2}})  # already 2
    assert saved.version == 3
    assert_same_state(saved, before)
    assert saved.redo is not None


@pytest.mark.duckdb_only
def test_the_own_radar_file_runs_its_small_queries_on_one_thread_and_the_national_file_keeps_its_own(path, radar, national_db):
    import duckdb

    from radar.db import shared_cursor

    threads = "SELECT current_setting('threads')"
    assert db._cursor(path).execute(threads).fetchone()[0] == db.OWN_THREADS
    assert shared_cursor(national_db).execute(threads).fetchone()[0] == duckdb.connect().execute(threads).fetchone()[0]


@pytest.mark.parametrize(
    ("change", "fields", "table_only"),
    [
        (lambda p, r: db.update_entries(p, r, 1, {entry(p, r, "Droner"): {"status": 1}}), {"status"}, True),
        (
            lambda p, r: db.update_entries(p, r, 1, {entry(p, r, "Apps"): {"ring": "klar", "ring_reason": "Vi bruger dem"}}),
            {"ring", "ring_reason"},
            True,
        ),
        # A new name or description shows in the remove picker and the own technologies' editor too.
        (lambda p, r: db.update_entries(p, r, 1, {entry(p, r, "Apps"): {"name": "Borgerapps"}}), {"name"}, False),
        (
            lambda p, r: db.update_entries(p, r, 1, {entry(p, r, "Apps"): {"description": "Ny", "note": "x"}}),
            {"description", "note"},
            False,
        ),
        (lambda p, r: db.renumber(p, r, 1, list(reversed(db.load_entries(p, r)["entry_id"]))), set(), True),
        (lambda p, r: db.add_entries(p, r, 1, [{"name": "Borgerapp", "category": "citizen"}]), set(), False),
        (lambda p, r: db.update_meta(p, r, 1, {"name": "Mødet i maj"}), set(), False),
    ],
)
def test_undoing_a_change_redraws_only_what_shows_it(path, radar, change, fields, table_only):
    from radar.ui_own.entries import table_only as shows_only_in_the_table

    change(path, radar)
    undo = db.next_change(path, radar)
    assert own.edited_fields(undo) == fields
    assert shows_only_in_the_table(undo) is table_only
