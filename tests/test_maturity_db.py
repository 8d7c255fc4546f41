"""Storage of maturity assessments on a real DuckDB file: with a radar (its links' rules) or on their own,
and a maturity round in the workshop engine whose items are the statements."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from radar import maturity, workshop
from radar.db import maturity as mdb
from radar.db import own as db
from radar.db import workshop as wdb
from radar.errors import DataError, ReadOnlyError, ValidationError

S1, G1 = "strategi_fortaelling", "styring_mandat"


@pytest.fixture
def radar(path: Path) -> str:
    return db.create_radar(path, {"name": "Modenhed 2026", "date": "2026-12-03"}, [{"technology_id": "ai", "name": "AI"}])


def assessment(day: date, *responses: dict) -> maturity.Assessment:
    return maturity.make_assessment(day, responses, title="Ledergruppen")


def test_assessments_are_saved_with_the_radar_and_listed_newest_first(path, radar):
    first = mdb.save_for_radar(path, radar, assessment(date(2026, 1, 10), {S1: "2"}))
    second = mdb.save_for_radar(path, radar, assessment(date(2026, 12, 3), {S1: "4", G1: "ved_ikke"}, {S1: "3"}))
    listed = mdb.list_for_radar(path, radar)
    assert [a["assessment_id"] for a in listed] == [second, first]
    assert [a["respondents"] for a in listed] == [2, 1]
    back = mdb.load_for_radar(path, radar, second)
    assert back.responses == ({S1: "4", G1: "ved_ikke"}, {S1: "3"})
    assert back.day == date(2026, 12, 3) and back.title == "Ledergruppen"
    assert [a.day for a in mdb.all_for_radar(path, radar)] == [date(2026, 1, 10), date(2026, 12, 3)]


def test_a_copy_of_the_radar_keeps_its_assessments_and_the_original_keeps_its_own(path, radar):
    mdb.save_for_radar(path, radar, assessment(date(2026, 1, 10), {S1: "2"}))
    mdb.save_for_radar(path, radar, assessment(date(2026, 12, 3), {S1: "4", G1: "ved_ikke"}, {S1: "3"}))
    copy = db.duplicate_radar(path, radar, "Kopi af Modenhed 2026")
    assert [(a.day, a.title, a.responses) for a in mdb.all_for_radar(path, copy)] == [
        (date(2026, 1, 10), "Ledergruppen", ({S1: "2"},)),
        (date(2026, 12, 3), "Ledergruppen", ({S1: "4", G1: "ved_ikke"}, {S1: "3"})),
    ]
    mdb.save_for_radar(path, copy, assessment(date(2027, 3, 1), {S1: "5"}))  # the copy goes on alone
    assert len(mdb.list_for_radar(path, copy)) == 3 and len(mdb.list_for_radar(path, radar)) == 2


def test_the_view_link_reads_and_only_the_edit_link_saves(path, radar):
    view = db.links(path, radar)["view"]
    saved = mdb.save_for_radar(path, radar, assessment(date(2026, 12, 3), {S1: "4"}))
    assert mdb.load_for_radar(path, view, saved).responses == ({S1: "4"},)
    with pytest.raises(ReadOnlyError):
        mdb.save_for_radar(path, view, assessment(date(2026, 12, 3), {S1: "1"}))
    with pytest.raises(ReadOnlyError):
        mdb.restore_for_radar(path, view, [assessment(date(2026, 12, 3), {S1: "1"})])
    with pytest.raises(DataError):
        mdb.list_for_radar(path, "no-such-link-at-all")
    other = db.create_radar(path, {"name": "En anden"}, [])
    with pytest.raises(DataError):
        mdb.load_for_radar(path, other, saved)  # another radar's link does not open it
    assert len(mdb.list_for_radar(path, radar)) == 1


def test_an_assessment_on_its_own_has_its_own_link(path, radar):
    token = mdb.save_alone(path, assessment(date(2026, 12, 3), {S1: "2"}))
    assert mdb.load_alone(path, token).responses == ({S1: "2"},)
    mdb.update_alone(path, token, assessment(date(2026, 12, 4), {S1: "5", G1: "1"}))
    back = mdb.load_alone(path, token)
    assert back.responses == ({S1: "5", G1: "1"},) and back.day == date(2026, 12, 4)
    assert mdb.list_for_radar(path, radar) == []  # not with any radar
    for wrong in ("", None, "guess-guess-guess", radar):
        with pytest.raises(DataError):
            mdb.load_alone(path, wrong)
    with pytest.raises(ValidationError):
        mdb.save_alone(path, assessment(date(2026, 12, 3), {}))  # nothing answered: nothing saved


def test_a_maturity_round_asks_the_statements_and_stores_one_answer_each(path, radar):
    items = [{"entry_id": k, "technology_id": None, "name": k, "description": None} for k in maturity.STATEMENT_KEYS]
    started = wdb.start_round(path, radar, items, [workshop.MATURITY])
    assert started["questions"] == ["maturity"] and len(started["entry_ids"]) == 20
    phone = wdb.join(path, started["code"])
    wdb.vote(path, started["code"], phone, S1, "maturity", "2")
    wdb.vote(path, started["code"], phone, S1, "maturity", "4")  # replaces the first
    wdb.vote(path, started["code"], phone, G1, "maturity", "ved_ikke")
    with pytest.raises(ValidationError):
        wdb.vote(path, started["code"], phone, G1, "maturity", "klar")
    with pytest.raises(ValidationError):
        wdb.vote(path, started["code"], phone, G1, "ring", "klar")
    with pytest.raises(DataError):
        wdb.start_round(path, radar, [{"entry_id": "not_a_statement"}], [workshop.MATURITY])
    votes = wdb.round_votes(path, radar, started["round_id"])
    responses = maturity.responses_from_votes(votes)
    assert responses == [{S1: "4", G1: "ved_ikke"}]
    mdb.save_for_radar(path, radar, maturity.make_assessment(date(2026, 12, 3), responses, source="round"), started["round_id"])
    assert mdb.round_saved(path, radar, started["round_id"])
    # The round stays out of the radar's exported rounds: its answers leave as the saved assessment.
    assert workshop.rounds_for_export(*wdb.rounds_data(path, radar), db.load_entries(path, radar)) == []


def test_a_backup_keeps_the_assessments_with_a_radar_and_on_their_own(path, radar, tmp_path):
    import json

    mdb.save_for_radar(path, radar, assessment(date(2026, 1, 10), {S1: "2"}, {S1: "ved_ikke"}))
    token = mdb.save_alone(path, assessment(date(2026, 12, 3), {G1: "5"}))
    made = json.loads(json.dumps(db.backup_data(path)))  # as it travels: plain JSON
    assert [len(made[t]) for t in ("maturity_assessments", "maturity_answers")] == [2, 3]
    db.restore_data(path, made)  # into the same file: replaced, not doubled
    assert [a.responses for a in mdb.all_for_radar(path, radar)] == [({S1: "2"}, {S1: "ved_ikke"})]
    fresh = tmp_path / "fresh.duckdb"
    try:
        db.restore_data(fresh, made)
        assert mdb.load_alone(fresh, token).responses == ({G1: "5"},)
        assert [a.day for a in mdb.all_for_radar(fresh, radar)] == [date(2026, 1, 10)]
        assert len(db.backup_data(fresh)["maturity_answers"]) == 3
    finally:
        db.close(fresh)
    older = {k: v for k, v in made.items() if not k.startswith("maturity_")}  # a backup from before assessments
    db.restore_data(path, older)
    assert len(mdb.list_for_radar(path, radar)) == 1
