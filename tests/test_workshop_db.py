"""Storage of workshop rounds: the code votes and nothing else, one answer each, adoption through the radar's history."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from radar import own, workshop
from radar.db import own as db
from radar.db import workshop as wdb
from radar.errors import DataError, ReadOnlyError, ValidationError

AI = {"technology_id": "ai", "name": "Kunstig intelligens (AI)", "category": "data"}
RPA = {"technology_id": "rpa", "name": "RPA (software-robotter)", "category": "automation"}
APP = {"name": "Borgerappen", "category": "citizen", "description": "Vores egen app"}


@pytest.fixture
def radar(path: Path) -> str:
    return db.create_radar(path, {"name": "Workshop 2026", "date": "2026-12-03"}, [AI, RPA, APP])


def techs(path: Path, link: str) -> list[dict]:
    return db.load_entries(path, link).to_dict("records")


@pytest.fixture
def started(path: Path, radar: str) -> dict:
    return wdb.start_round(path, radar, techs(path, radar), ["ring", "relevance"], comments=True)


def test_a_round_has_a_code_and_asks_its_questions(path, radar, started):
    assert workshop.clean_code(started["code"]) == started["code"]
    assert started["status"] == "open" and started["number"] == 1 and not started["revealed"]
    assert [t["name"] for t in started["technologies"]] == [AI["name"], RPA["name"], APP["name"]]
    seen = wdb.participant_round(path, started["code"].lower())
    assert seen["open"] and seen["questions"] == ["ring", "relevance"] and seen["participant"] is None


def test_only_the_edit_link_starts_or_steers_a_round(path, radar, started):
    view = db.links(path, radar)["view"]
    with pytest.raises(ReadOnlyError):
        wdb.start_round(path, view, techs(path, radar), ["ring"])
    for action in (wdb.reveal, wdb.close_round):
        with pytest.raises(ReadOnlyError):
            action(path, view, started["round_id"])
    assert wdb.list_rounds(path, view)[0]["round_id"] == started["round_id"]  # the view link may look


def test_the_join_code_votes_and_opens_nothing_else(path, radar, started):
    code = started["code"]
    for read in (db.load_radar, db.load_entries, db.load_state, db.history, db.links, wdb.list_rounds):
        with pytest.raises(DataError):
            read(path, code)
    with pytest.raises(DataError):
        db.update_entries(path, code, 1, {})
    with pytest.raises(DataError):
        wdb.start_round(path, code, techs(path, radar), ["ring"])
    with pytest.raises(DataError):
        wdb.round_votes(path, code, started["round_id"])
    with pytest.raises(DataError):
        wdb.reveal(path, code, started["round_id"])
    seen = wdb.participant_round(path, code)
    assert set(seen) == {"round_id", "number", "code", "open", "questions", "comments", "technologies", "participant", "name",
                         "answers", "earlier", "radar_domain"}  # fmt: skip
    assert radar not in str(seen) and db.links(path, radar)["view"] not in str(seen)


@pytest.mark.parametrize("code", ["", "ABC", "ZZZZZZ", "<b>x</b>", None, "AC DE FG"])
def test_a_wrong_code_is_a_plain_data_error(path, started, code):
    with pytest.raises(DataError) as caught:
        wdb.participant_round(path, code)
    assert caught.value.key == "workshop_error_code"


def test_a_resubmitted_answer_replaces_the_old_one(path, radar, started):
    code, entry = started["code"], started["entry_ids"][0]
    me = wdb.join(path, code, "Anne")
    wdb.vote(path, code, me, entry, "ring", "klar")
    wdb.vote(path, code, me, entry, "ring", "afproev", "  vi tester ")
    wdb.vote(path, code, me, entry, "relevance", 4)
    got = wdb.round_votes(path, radar, started["round_id"])
    assert sorted(zip(got["question"], got["value"], got["comment"], got["name"], strict=True)) == [
        ("relevance", "4", "", "Anne"), ("ring", "afproev", "vi tester", "Anne"),
    ]  # fmt: skip
    again = wdb.participant_round(path, code, me)
    assert again["answers"][(entry, "ring")] == {"value": "afproev", "comment": "vi tester"}
    assert again["name"] == "Anne"


def test_answers_that_break_a_rule_are_refused(path, radar, started):
    code, entry = started["code"], started["entry_ids"][0]
    me = wdb.join(path, code)
    for question, value, target in (("ring", "KLAR", entry), ("status", "1", entry), ("ring", "klar", "not-an-entry")):
        with pytest.raises(ValidationError):
            wdb.vote(path, code, me, target, question, value)
    with pytest.raises(DataError):
        wdb.vote(path, code, "guessed-token", entry, "ring", "klar")
    assert wdb.round_votes(path, radar, started["round_id"]).empty


def test_a_closed_round_stops_voting_and_keeps_its_answers(path, radar, started):
    code, entry = started["code"], started["entry_ids"][0]
    me = wdb.join(path, code)
    wdb.vote(path, code, me, entry, "ring", "klar")
    wdb.close_round(path, radar, started["round_id"])
    with pytest.raises(ValidationError) as caught:
        wdb.vote(path, code, me, entry, "ring", "afvent")
    assert caught.value.key == "workshop_error_closed"
    with pytest.raises(ValidationError):
        wdb.join(path, code)
    assert not wdb.participant_round(path, code, me)["open"]
    assert wdb.round_votes(path, radar, started["round_id"])["value"].tolist() == ["klar"]
    wdb.reopen_round(path, radar, started["round_id"])
    wdb.vote(path, code, me, entry, "ring", "afvent")


def test_thirty_phones_at_once_lose_no_answer_and_count_none_twice(path, radar, started):
    code, entries = started["code"], started["entry_ids"]
    people = [wdb.join(path, code) for _ in range(30)]
    errors: list[BaseException] = []

    def phone(token: str, index: int) -> None:
        try:
            for entry in entries:
                for _ in range(2):  # a double tap: the same answer twice
                    wdb.vote(path, code, token, entry, "ring", workshop.options("ring")[index % 4])
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=phone, args=(t, i)) for i, t in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    got = wdb.round_votes(path, radar, started["round_id"])
    assert len(got) == 30 * len(entries)
    assert not got.duplicated(["participant_id", "entry_id", "question"]).any()
    live = wdb.live_counts(path, radar, started["round_id"])
    assert live["joined"] == 30 and live["voters"] == 30 and live["answered"] == dict.fromkeys(entries, 30)


def test_a_revote_keeps_the_code_shows_the_first_round_and_keeps_every_round(path, radar, started):
    code, entry = started["code"], started["entry_ids"][1]
    me = wdb.join(path, code)
    wdb.vote(path, code, me, entry, "ring", "klar")
    second = wdb.start_round(path, radar, [t for t in started["technologies"] if t["entry_id"] == entry], ["ring"],
                             parent_id=started["round_id"])  # fmt: skip
    assert second["code"] == code and second["number"] == 2
    rounds = wdb.list_rounds(path, radar)
    assert [(r["number"], r["status"]) for r in rounds] == [(2, "open"), (1, "closed")]
    seen = wdb.participant_round(path, code, me)
    assert seen["round_id"] == second["round_id"] and seen["participant"] is not None and seen["answers"] == {}
    assert seen["earlier"][["entry_id", "value"]].values.tolist() == [[entry, "klar"]]
    wdb.vote(path, code, me, entry, "ring", "afvent")


def test_adopting_the_result_is_one_undoable_change_in_the_history(path, radar, started):
    code = started["code"]
    people = [wdb.join(path, code) for _ in range(12)]
    entry = started["entry_ids"][0]
    for i, token in enumerate(people):
        wdb.vote(path, code, token, entry, "ring", "afproev" if i < 9 else "klar")
    table = workshop.tally(wdb.round_votes(path, radar, started["round_id"]), started["entry_ids"], "ring")
    updates = workshop.adoption_updates(workshop.agreed(table), "ring", date(2026, 12, 3), "da")
    version = int(db.load_radar(path, radar)["version"])
    assert db.update_entries(path, radar, version, updates) == version + 1
    row = db.load_entries(path, radar).set_index("entry_id").loc[entry]
    assert (row["ring"], row["ring_reason"]) == ("afproev", "Workshop 3. dec.: 9 af 12 valgte AFPRØV")
    change = db.next_change(path, radar)
    assert own.change_summary(change, "da").startswith("ring for Kunstig intelligens (AI): – → AFPRØV")
    db.undo(path, radar, version + 1)
    assert db.load_entries(path, radar).set_index("entry_id").loc[entry, "ring"] is None


def test_rounds_go_out_in_the_export_and_back_onto_a_reopened_radar(path, radar, started):
    code = started["code"]
    me = wdb.join(path, code)
    wdb.vote(path, code, me, started["entry_ids"][2], "ring", "hold_oeje")
    exported = workshop.rounds_for_export(*wdb.rounds_data(path, radar), db.load_entries(path, radar))
    copy = db.create_radar(path, {"name": "Genåbnet"}, [APP, AI])
    restored = workshop.rounds_from_export(exported, db.load_entries(path, copy))
    assert wdb.restore_rounds(path, copy, restored) == 1
    back = wdb.list_rounds(path, copy)
    assert len(back) == 1 and back[0]["status"] == "closed" and back[0]["code"] != code
    votes = wdb.round_votes(path, copy, back[0]["round_id"])
    app_id = db.load_entries(path, copy).set_index("name").loc["Borgerappen", "entry_id"]
    assert votes[["entry_id", "value"]].values.tolist() == [[app_id, "hold_oeje"]]


def test_answers_survive_closing_and_reopening_the_file(path, radar, started):
    code, entry = started["code"], started["entry_ids"][0]
    me = wdb.join(path, code)
    wdb.vote(path, code, me, entry, "ring", "klar")
    db.close(path)
    assert wdb.participant_round(path, code, me)["answers"] == {(entry, "ring"): {"value": "klar", "comment": ""}}


def test_the_projector_stamp_changes_with_every_thing_it_shows_and_only_then(path, radar, started):
    rid, code = started["round_id"], started["code"]
    stamps = [wdb.round_stamp(path, radar, rid)]
    assert stamps[0][:4] == ("open", False, 0, 0)
    assert wdb.round_stamp(path, radar, rid) == stamps[0]  # nothing happened: the same stamp
    assert wdb.round_stamp(path, db.links(path, radar)["view"], rid) == stamps[0]  # the view link may look
    token = wdb.join(path, code)
    stamps.append(wdb.round_stamp(path, radar, rid))
    wdb.vote(path, code, token, started["entry_ids"][0], "ring", "klar")
    stamps.append(wdb.round_stamp(path, radar, rid))
    wdb.vote(path, code, token, started["entry_ids"][0], "ring", "afvent")  # changed: same count, newer answer
    stamps.append(wdb.round_stamp(path, radar, rid))
    wdb.reveal(path, radar, rid)
    stamps.append(wdb.round_stamp(path, radar, rid))
    wdb.close_round(path, radar, rid)
    stamps.append(wdb.round_stamp(path, radar, rid))
    assert len(set(stamps)) == len(stamps)
    assert stamps[-1][:4] == ("closed", True, 1, 1)
    for link, round_id in ((code, rid), (radar, "0" * 16)):
        assert wdb.round_stamp(path, link, round_id) is None  # the code is no radar link; no such round
    db.delete_radar(path, radar, int(db.load_radar(path, radar)["version"]))
    assert wdb.round_stamp(path, radar, rid) is None  # in the bin: the long way says why


def test_a_waiting_phone_sees_close_reopen_and_revote_in_the_code_state(path, radar, started):
    rid, code = started["round_id"], started["code"]
    assert wdb.code_state(path, code.lower()) == (rid, True)
    wdb.close_round(path, radar, rid)
    assert wdb.code_state(path, code) == (rid, False)
    wdb.reopen_round(path, radar, rid)
    assert wdb.code_state(path, code) == (rid, True)
    revote = wdb.start_round(path, radar, techs(path, radar)[:1], ["ring"], parent_id=rid)
    assert wdb.code_state(path, code) == (revote["round_id"], True)
    assert wdb.code_state(path, "ZZZZZZ") is None and wdb.code_state(path, "<b>") is None


def test_a_tap_meant_for_a_round_a_revote_replaced_is_not_stored(path, radar, started):
    rid, code = started["round_id"], started["code"]
    token = wdb.join(path, code)
    wdb.vote(path, code, token, started["entry_ids"][0], "ring", "klar", round_id=rid)
    revote = wdb.start_round(path, radar, techs(path, radar)[:1], ["ring"], parent_id=rid)
    with pytest.raises(ValidationError) as refused:
        wdb.vote(path, code, token, started["entry_ids"][0], "ring", "afvent", round_id=rid)
    assert refused.value.key == "workshop_error_round_changed"
    assert wdb.round_votes(path, radar, revote["round_id"]).empty
    assert wdb.round_votes(path, radar, rid)["value"].tolist() == ["klar"]
