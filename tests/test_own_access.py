"""Who may do what with an own radar: edit and view links, a new edit link, the bin, backup and restore."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from radar import dialogue, maturity
from radar.db import dialogue as ddb
from radar.db import maturity as mdb
from radar.db import own as db
from radar.db import workshop as wdb
from radar.errors import DataError, ReadOnlyError

AI = {"technology_id": "ai", "name": "Kunstig intelligens (AI)", "category": "data"}
RPA = {"technology_id": "rpa", "name": "RPA (software-robotter)", "category": "automation"}
META = {"name": "Odder 2026", "municipality": "Odder", "domain": "social-sundhed", "date": "2026-03-01"}
PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture
def edit(path: Path) -> str:
    return db.create_radar(path, META, [AI, RPA])


def view_link(path: Path, edit: str) -> str:
    return db.links(path, edit)["view"]


# --- links ---------------------------------------------------------------------------------------
def test_a_radar_has_an_edit_and_a_view_link_that_cannot_be_guessed(path, edit):
    found = db.links(path, edit)
    assert set(found) == {"edit", "view"} and found["edit"] == edit
    assert found["view"] != edit and len(found["view"]) >= 22
    assert db.load_radar(path, edit)["can_edit"] is True
    assert db.load_radar(path, found["view"])["can_edit"] is False
    assert db.links(path, found["view"]) == {"view": found["view"]}, "a view link never reveals the edit link"


WRITES = {
    "update_meta": lambda p, link: db.update_meta(p, link, 1, {"name": "Kapret"}),
    "add_entries": lambda p, link: db.add_entries(p, link, 1, [{"name": "Eget", "category": "data"}]),
    "update_entries": lambda p, link: db.update_entries(p, link, 1, {db.load_entries(p, link)["entry_id"][0]: {"status": 3}}),
    "remove_entries": lambda p, link: db.remove_entries(p, link, 1, [db.load_entries(p, link)["entry_id"][0]]),
    "undo": lambda p, link: db.undo(p, link, 1),
    "delete_radar": lambda p, link: db.delete_radar(p, link, 1),
    "new_edit_link": lambda p, link: db.new_edit_link(p, link, 1),
    "duplicate_radar": lambda p, link: db.duplicate_radar(p, link, "Kopi"),
}


@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))
def test_the_store_refuses_every_change_through_a_view_link(path, edit, write):
    before = db.backup_data(path)
    with pytest.raises(ReadOnlyError) as caught:
        WRITES[write](path, view_link(path, edit))
    assert caught.value.key == "own_error_read_only"
    after = db.backup_data(path)
    assert {k: v for k, v in after.items() if k != "made_at"} == {k: v for k, v in before.items() if k != "made_at"}


def test_a_new_edit_link_stops_the_old_one_and_keeps_the_view_link(path, edit):
    view = view_link(path, edit)
    fresh = db.new_edit_link(path, edit, 1)
    assert fresh != edit
    with pytest.raises(DataError) as caught:
        db.update_meta(path, edit, 2, {"name": "Med det gamle link"})
    assert caught.value.key == "own_error_radar_missing"
    assert db.update_meta(path, fresh, 2, {"name": "Med det nye link"}) == 3
    assert db.links(path, fresh) == {"edit": fresh, "view": view}


def test_a_radar_stored_before_links_existed_keeps_its_share_link_as_edit_link(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        """CREATE TABLE radars (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, municipality VARCHAR NOT NULL DEFAULT '',
           domain VARCHAR, date VARCHAR NOT NULL DEFAULT '', created TIMESTAMP NOT NULL, updated TIMESTAMP NOT NULL,
           version INTEGER NOT NULL)"""
    )
    con.execute("INSERT INTO radars VALUES ('gammelt-delingslink-123', 'Gammel', '', NULL, '', now(), now(), 1)")
    con.close()
    try:
        meta = db.load_radar(path, "gammelt-delingslink-123")
        assert meta["can_edit"] and meta["name"] == "Gammel"
        assert db.links(path, "gammelt-delingslink-123")["view"] != "gammelt-delingslink-123"
    finally:
        db.close(path)


@pytest.mark.parametrize("link", ["", "x", "' OR 1=1 --", None, 42])
def test_an_unknown_link_opens_nothing(path, edit, link):
    with pytest.raises(DataError) as caught:
        db.load_radar(path, link)
    assert caught.value.key == "own_error_radar_missing"


# --- the bin ---------------------------------------------------------------------------------------
def test_delete_moves_to_the_bin_and_restore_brings_everything_back(path, edit):
    entry = db.load_entries(path, edit)["entry_id"][0]
    db.update_entries(path, edit, 1, {entry: {"status": 3, "note": "Vigtig"}})
    state = db.load_entries(path, edit)
    db.delete_radar(path, edit, 2)
    assert db.list_radars(path).empty
    binned = db.list_bin(path)
    assert binned["name"].tolist() == ["Odder 2026"]
    assert (binned["purge_on"] - binned["deleted_at"]).iloc[0] == timedelta(days=30)
    with pytest.raises(DataError) as caught:
        db.load_radar(path, edit)
    assert caught.value.key == "own_error_radar_in_bin"
    assert db.restore_radar(path, edit) == "Odder 2026"
    assert db.load_entries(path, edit).equals(state)
    assert len(db.history(path, edit)) == 1
    assert db.list_bin(path).empty


def test_a_view_link_of_a_binned_radar_says_only_that_it_is_gone(path, edit):
    view = view_link(path, edit)
    db.delete_radar(path, edit, 1)
    with pytest.raises(DataError) as caught:
        db.load_radar(path, view)
    assert caught.value.key == "own_error_radar_missing"
    with pytest.raises(ReadOnlyError):
        db.restore_radar(path, view)


def test_a_deleted_name_is_free_and_a_restored_radar_gets_a_free_name(path, edit):
    db.delete_radar(path, edit, 1)
    other = db.create_radar(path, {"name": "Odder 2026"})
    assert db.restore_radar(path, edit) == "Odder 2026 (2)"
    assert sorted(db.list_radars(path)["name"]) == ["Odder 2026", "Odder 2026 (2)"]
    assert db.load_radar(path, other)["name"] == "Odder 2026"


def test_the_bin_is_emptied_after_30_days(path, edit):
    db.delete_radar(path, edit, 1)
    keep = db.create_radar(path, {"name": "Bliver"})
    db.delete_radar(path, keep, 1)
    cur = db._cursor(path)
    cur.execute("UPDATE radars SET deleted_at = deleted_at - INTERVAL 31 DAY WHERE edit_token = ?", [edit])
    assert db.list_bin(path)["name"].tolist() == ["Bliver"]
    assert cur.execute("SELECT count(*) FROM radars WHERE edit_token = ?", [edit]).fetchone()[0] == 0
    assert cur.execute("SELECT count(*) FROM entries e JOIN radars r ON r.id = e.radar_id").fetchone()[0] == 0
    with pytest.raises(DataError) as caught:
        db.restore_radar(path, edit)
    assert caught.value.key == "own_error_radar_missing"


def test_a_radar_purged_from_the_bin_takes_its_workshop_maturity_and_agenda_with_it(path, edit):
    """Nothing of a purged radar stays behind; another radar's rows and an assessment made alone stay."""
    other = db.create_radar(path, {"name": "Bliver"}, [AI])

    def fill(link: str) -> None:
        started = wdb.start_round(path, link, db.load_entries(path, link).to_dict("records"), ["ring"])
        wdb.vote(path, started["code"], wdb.join(path, started["code"], "Anne"), started["entry_ids"][0], "ring", "klar")
        mdb.save_for_radar(path, link, maturity.make_assessment(date(2026, 12, 1), [{"strategi_fortaelling": "3"}]))
        ddb.add_question(path, link, db.load_radar(path, link)["version"], dialogue.ALL_QUESTIONS[0])

    fill(edit)
    fill(other)
    alone = mdb.save_alone(path, maturity.make_assessment(date(2026, 12, 1), [{"strategi_fortaelling": "2"}]))
    tables = ("workshop_rounds", "workshop_votes", "workshop_participants", "maturity_assessments", "maturity_answers")
    cur = db._cursor(path)

    def counts() -> dict[str, int]:
        return {t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (*tables, "dialogue_items")}  # noqa: S608

    before = counts()
    db.delete_radar(path, edit, db.load_radar(path, edit)["version"])
    cur.execute("UPDATE radars SET deleted_at = deleted_at - INTERVAL 31 DAY WHERE edit_token = ?", [edit])
    db.list_bin(path)
    after = counts()
    # Each radar had one round, one vote, one participant, one assessment with one answer, one question;
    # the assessment made alone (one more assessment and answer) stays.
    assert before == {**dict.fromkeys(tables, 2), "maturity_assessments": 3, "maturity_answers": 3, "dialogue_items": 2}
    assert after == {**dict.fromkeys(tables, 1), "maturity_assessments": 2, "maturity_answers": 2, "dialogue_items": 1}
    assert len(mdb.all_for_radar(path, other)) == 1 and ddb.load_agenda(path, other)
    assert mdb.load_alone(path, alone).responses == ({"strategi_fortaelling": "2"},)


# --- backup and restore ---------------------------------------------------------------------------------
def _fill(path: Path) -> list[str]:
    first = db.create_radar(path, META, [AI, RPA])
    entry = db.load_entries(path, first)["entry_id"][0]
    db.update_entries(
        path, first, 1, {entry: {"status": 2, "ring": "afproev", "ring_reason": "Pilot i Ældreplejen", "owner": "Åse"}}
    )
    db.update_meta(path, first, 2, {"municipality": "Odder Kommune"})
    second = db.create_radar(path, {"name": "Skal slettes"}, [AI])
    db.delete_radar(path, second, 1)
    third = db.new_edit_link(path, db.create_radar(path, {"name": "Tredje"}), 1)
    return [first, second, third]


def _same(a: dict, b: dict) -> bool:
    return {k: v for k, v in a.items() if k != "made_at"} == {k: v for k, v in b.items() if k != "made_at"}


@pytest.mark.duckdb_only
def test_restore_on_a_fresh_machine_is_identical(path, tmp_path):
    links = _fill(path)
    made = db.backup_data(path)
    assert [len(made[t]) for t in ("radars", "entries", "changes")] == [3, 3, 2]
    fresh = tmp_path / "fresh" / "own.duckdb"
    try:
        assert db.restore_data(fresh, json.loads(json.dumps(made))) == {"radars": 3, "replaced": 0, "renamed": 0}
        assert _same(db.backup_data(fresh), made)
        assert db.load_state(fresh, links[0])[1].equals(db.load_state(path, links[0])[1])
        assert db.history(fresh, links[0]).equals(db.history(path, links[0]))
        assert db.links(fresh, links[2]) == db.links(path, links[2])
        assert db.list_bin(fresh)["name"].tolist() == ["Skal slettes"]
    finally:
        db.close(fresh)


def test_restore_replaces_a_radar_with_the_same_id_and_keeps_others(path, edit):
    made = db.backup_data(path)
    db.update_meta(path, edit, 1, {"name": "Ændret efter backup"})
    kept = db.create_radar(path, {"name": "Lavet efter backup"})
    assert db.restore_data(path, made) == {"radars": 1, "replaced": 1, "renamed": 0}
    assert db.load_radar(path, edit)["name"] == "Odder 2026"
    assert db.load_radar(path, kept)["name"] == "Lavet efter backup"


@pytest.mark.parametrize(
    "bad",
    [
        {},
        [],
        {"format": "teknologiradar-backup", "version": 1},
        {
            "format": "teknologiradar-backup",
            "version": 1,
            "radars": [{"id": "x", "evil; DROP TABLE radars": 1}],
            "entries": [],
            "changes": [],
        },
        {"format": "teknologiradar-backup", "version": 1, "radars": [{"id": "x"}], "entries": [], "changes": []},
        {"format": "teknologiradar-backup", "version": 2, "radars": [], "entries": [], "changes": []},
    ],
)
def test_a_file_that_is_not_our_backup_changes_nothing(path, edit, bad):
    before = db.backup_data(path)
    with pytest.raises(DataError) as caught:
        db.restore_data(path, bad)
    assert caught.value.key == "backup_error_format"
    assert _same(db.backup_data(path), before)


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from radar.db import own
    path = Path(sys.argv[1])
    own.list_radars(path)  # opens the file, as the app does, and holds DuckDB's lock
    print("ready", flush=True)
    sys.stdin.readline()
    print(own.list_radars(path)["name"].tolist(), flush=True)
    """
)


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own command line
        [sys.executable, "-m", "radar", *args], env=env, cwd=PROJECT, capture_output=True, text=True, timeout=60
    )


@pytest.mark.duckdb_only
def test_backup_and_restore_work_while_another_process_holds_the_file(path, tmp_path):
    links = _fill(path)
    expected = db.backup_data(path)
    db.close(path)
    env = {**os.environ, "TEKNOLOGIRADAR_OWN_DB": str(path), "TEKNOLOGIRADAR_LANG": "en", "PYTHONPATH": str(PROJECT)}
    holder = subprocess.Popen(  # noqa: S603 - our own code
        [sys.executable, "-c", HOLDER, str(path)], env=env, cwd=PROJECT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(duckdb.IOException):
            duckdb.connect(str(path)).close()  # what a second process meets: the app holds the lock
        target = tmp_path / "nat" / "backup.json"
        target.parent.mkdir()
        done = _cli("backup", str(target), env=env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"Wrote 3 own radars to {target}."
        assert _same(json.loads(target.read_text("utf-8")), expected)
        fresh_env = {**env, "TEKNOLOGIRADAR_OWN_DB": str(tmp_path / "other" / "own.duckdb")}
        restored = _cli("restore", str(target), env=fresh_env)
        assert restored.returncode == 0, restored.stderr
        # restore into the file the other process holds: it replaces its radars through that process
        again = _cli("restore", str(target), env=env)
        assert again.returncode == 0, again.stderr
        assert "3 replaced" in again.stdout
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "['Tredje', 'Odder 2026']"
    finally:
        holder.kill()
        holder.wait()
    other = tmp_path / "other" / "own.duckdb"
    try:
        assert _same(db.backup_data(other), expected)
        assert db.links(other, links[0]) == db.links(path, links[0])
    finally:
        db.close(other)


def test_a_broken_backup_file_gives_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not json")
    env = {**os.environ, "TEKNOLOGIRADAR_OWN_DB": str(tmp_path / "own.duckdb"), "TEKNOLOGIRADAR_LANG": "da"}
    done = _cli("restore", str(bad), env=env)
    assert done.returncode == 1
    assert (
        done.stderr.strip()
        == "Filen er ikke en sikkerhedskopi fra 'python -m radar backup', eller den er ødelagt. Intet er ændret."
    )
    assert "Traceback" not in done.stderr


def test_a_backup_keeps_the_workshop_rounds_and_votes(path, tmp_path):
    """Nothing saved is lost: a radar's workshop rounds, participants and votes are in the backup and come back."""
    from radar.db import workshop as wdb

    link = db.create_radar(path, {"name": "Med workshop"}, [AI])
    entry = db.load_entries(path, link).to_dict("records")
    started = wdb.start_round(path, link, entry, ["ring", "relevance"])
    voter = wdb.join(path, started["code"], "Mette")
    wdb.vote(path, started["code"], voter, entry[0]["entry_id"], "ring", "klar")
    wdb.vote(path, started["code"], voter, entry[0]["entry_id"], "relevance", "4")
    made = db.backup_data(path)
    assert [len(made[t]) for t in ("workshop_rounds", "workshop_participants", "workshop_votes")] == [1, 1, 2]
    fresh = tmp_path / "fresh" / "own.duckdb"
    try:
        db.restore_data(fresh, json.loads(json.dumps(made)))
        assert _same(db.backup_data(fresh), made)
        assert (
            wdb.participant_round(fresh, started["code"], voter)["answers"]
            == wdb.participant_round(path, started["code"], voter)["answers"]
        )
        db.restore_data(fresh, json.loads(json.dumps(made)))  # again over itself: replaced, not doubled
        assert _same(db.backup_data(fresh), made)
    finally:
        db.close(fresh)
