"""The dialogue agenda stored with the own radar (radar/db/dialogue.py), on a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar import own
from radar.db import dialogue as ddb
from radar.db import own as db
from radar.errors import ConflictError, ReadOnlyError


@pytest.fixture
def radar(path: Path) -> str:
    return db.create_radar(path, {"name": "Dialogmødet"}, [{"technology_id": "droner", "name": "Droner", "category": "robots"}])


def _version(path: Path, link: str) -> int:
    return int(db.load_radar(path, link)["version"])


def _two_questions(path: Path, radar: str) -> list[dict]:
    ddb.add_question(path, radar, 1, "radar.cost_not")
    ddb.add_own(path, radar, 2, "Hvem ejer <b>data</b>?")
    return ddb.load_agenda(path, radar)


def test_questions_and_notes_are_saved_and_read_back_after_reopening(path, radar):
    agenda = _two_questions(path, radar)
    assert [(i["question"], i["text"]) for i in agenda] == [("radar.cost_not", ""), ("own", "Hvem ejer data?")]
    version, stored = ddb.save_typed(path, radar, agenda[0]["item_id"], "notes", "Dyrt at vente\nBorgerne forventer det", "")
    assert (version, stored) == (4, "Dyrt at vente\nBorgerne forventer det")
    ddb.save_typed(path, radar, agenda[1]["item_id"], "decision", "Anna undersøger", "")
    db.close(path)  # a fresh process reads the file
    again = ddb.load_agenda(path, radar)
    assert [(i["notes"], i["decision"]) for i in again] == [
        ("Dyrt at vente\nBorgerne forventer det", ""),
        ("", "Anna undersøger"),
    ]


def test_a_note_is_undone_and_redone_and_named_in_words(path, radar):
    agenda = _two_questions(path, radar)
    item = agenda[0]["item_id"]
    ddb.save_typed(path, radar, item, "notes", "Første udkast", "")
    ddb.save_typed(path, radar, item, "notes", "Første udkast, rettet", "Første udkast")
    change = db.next_change(path, radar)
    assert own.change_summary(change, "da") == "note til 'Hvad koster det os ikke at komm…'"
    version = db.undo(path, radar, _version(path, radar))
    assert ddb.load_agenda(path, radar)[0]["notes"] == "Første udkast"
    assert own.change_summary(db.next_change(path, radar, redo=True), "en") == "note on 'What does it cost us not to get…'"
    db.redo(path, radar, version)
    assert ddb.load_agenda(path, radar)[0]["notes"] == "Første udkast, rettet"
    history = db.history(path, radar)
    assert [own.change_summary(c, "da") for c in db.history_changes(history)] == [
        "note til 'Hvad koster det os ikke at komm…'",
        "note til 'Hvad koster det os ikke at komm…'",
        "spørgsmål tilføjet: 'Hvem ejer data?'",
        "spørgsmål tilføjet: 'Hvad koster det os ikke at komm…'",
    ]


def test_removing_a_question_takes_its_notes_and_undo_brings_both_back(path, radar):
    agenda = _two_questions(path, radar)
    ddb.save_typed(path, radar, agenda[0]["item_id"], "decision", "Vi går i gang", "")
    ddb.move_item(path, radar, 4, agenda[1]["item_id"], -1)
    assert [i["question"] for i in ddb.load_agenda(path, radar)] == ["own", "radar.cost_not"]
    assert own.change_summary(db.next_change(path, radar), "da") == "dagsordenens rækkefølge"
    ddb.remove_item(path, radar, 5, agenda[0]["item_id"])
    assert [i["question"] for i in ddb.load_agenda(path, radar)] == ["own"]
    db.undo(path, radar, 6)
    back = ddb.load_agenda(path, radar)
    assert [(i["question"], i["decision"]) for i in back] == [("own", ""), ("radar.cost_not", "Vi går i gang")]


def test_entries_and_agenda_share_one_history(path, radar):
    _two_questions(path, radar)
    entry = db.load_entries(path, radar)["entry_id"].iloc[0]
    db.update_entries(path, radar, 3, {entry: {"status": 2}})
    db.undo(path, radar, 4)  # the entry's change first
    assert ddb.load_agenda(path, radar)[1]["text"] == "Hvem ejer data?"
    db.undo(path, radar, 5)  # then the agenda's
    assert [i["question"] for i in ddb.load_agenda(path, radar)] == ["radar.cost_not"]


def test_the_view_link_reads_and_cannot_write(path, radar):
    agenda = _two_questions(path, radar)
    view = db.links(path, radar)["view"]
    assert ddb.load_agenda(path, view) == agenda
    for write in (
        lambda: ddb.add_question(path, view, 3, "radar.stop"),
        lambda: ddb.save_typed(path, view, agenda[0]["item_id"], "notes", "x", ""),
        lambda: ddb.remove_item(path, view, 3, agenda[0]["item_id"]),
        lambda: ddb.restore_agenda(path, view, [{"question": "radar.stop"}]),
    ):
        with pytest.raises(ReadOnlyError):
            write()
    assert ddb.load_agenda(path, radar) == agenda


def test_a_note_changed_in_another_browser_is_not_overwritten_unseen(path, radar):
    item = _two_questions(path, radar)[0]["item_id"]
    ddb.save_typed(path, radar, item, "notes", "Fra browser A", "")
    entry = db.load_entries(path, radar)["entry_id"].iloc[0]
    db.update_entries(path, radar, 4, {entry: {"relevance": 4}})  # another change of the radar: no conflict
    ddb.save_typed(path, radar, item, "decision", "Beslutning fra A", "")
    with pytest.raises(ConflictError) as raised:
        ddb.save_typed(path, radar, item, "notes", "Fra browser B", "")  # B saw the note empty
    assert raised.value.key == "dlg_error_changed_elsewhere"
    assert ddb.load_agenda(path, radar)[0]["notes"] == "Fra browser A"


def test_a_stale_version_is_a_conflict_and_nothing_is_written(path, radar):
    _two_questions(path, radar)
    with pytest.raises(ConflictError):
        ddb.add_question(path, radar, 1, "radar.stop")
    assert len(ddb.load_agenda(path, radar)) == 2


def test_an_agenda_from_a_file_is_restored_outside_the_history(path, radar):
    items = [{"question": "radar.stop", "notes": "Faxen"}, {"question": "own", "text": "Eget?"}]
    assert ddb.restore_agenda(path, radar, items) == 2
    assert [(i["question"], i["notes"]) for i in ddb.load_agenda(path, radar)] == [("radar.stop", "Faxen"), ("own", "")]
    assert db.next_change(path, radar) is None


def test_backup_and_restore_keep_the_agenda(path, radar, tmp_path):
    _two_questions(path, radar)
    data = db.backup_data(path)
    assert [r["question"] for r in data["dialogue_items"]] == ["radar.cost_not", "own"]
    other = tmp_path / "other.duckdb"
    try:
        db.restore_data(other, data)
        assert [i["question"] for i in ddb.load_agenda(other, radar)] == ["radar.cost_not", "own"]
        old = {k: v for k, v in data.items() if k != "dialogue_items"}  # a backup made before the agenda
        assert db.restore_data(other, old)["radars"] == 1
        assert ddb.load_agenda(other, radar) == []
    finally:
        db.close(other)


def test_a_copy_of_the_radar_has_the_agenda_with_its_notes(path, radar):
    agenda = _two_questions(path, radar)
    ddb.save_typed(path, radar, agenda[0]["item_id"], "notes", "Dyrt at vente", "")
    copy = db.duplicate_radar(path, radar, "Kopi af Dialogmødet")
    copied = ddb.load_agenda(path, copy)
    assert [(i["question"], i["text"], i["notes"]) for i in copied] == [
        ("radar.cost_not", "", "Dyrt at vente"),
        ("own", "Hvem ejer data?", ""),
    ]
    assert {i["item_id"] for i in copied}.isdisjoint(i["item_id"] for i in agenda)
