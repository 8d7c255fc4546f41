"""Storage of own radars: versions, conflicts between two writers, undo, history, validation."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from radar import own
from radar.db import own as db
from radar.errors import ConflictError, ValidationError
from radar.i18n import t

AI = {"technology_id": "ai", "name": "Kunstig intelligens (AI)", "category": "data"}
RPA = {"technology_id": "rpa", "name": "RPA (software-robotter)", "category": "automation"}
APP = {"name": "Borgerappen", "category": "citizen", "description": "Vores egen app", "maturity": 4}
META = {"name": "Aarhus 2026", "municipality": "Aarhus", "domain": "social-sundhed", "date": "2026-03-01"}


@pytest.fixture
def radar(path: Path) -> str:
    return db.create_radar(path, META, [AI, RPA])


def rows(path: Path, radar_id: str) -> list[dict]:
    """Entries without positions, for comparing states."""
    frame = db.load_entries(path, radar_id).drop(columns=["position"])
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]


def ids(path: Path, radar_id: str) -> list[str]:
    return db.load_entries(path, radar_id)["entry_id"].tolist()


def test_create_and_read(path, radar):
    meta, entries = db.load_state(path, radar)
    assert {k: meta[k] for k in ("name", "municipality", "domain", "date", "version")} == META | {"version": 1}
    assert entries["name"].tolist() == [AI["name"], RPA["name"]]
    listed = db.list_radars(path)
    assert listed[["edit_token", "name", "entries"]].to_dict("records") == [
        {"edit_token": radar, "name": "Aarhus 2026", "entries": 2}
    ]


def test_ids_cannot_be_guessed(path):
    made = {db.create_radar(path, {"name": f"R{i}"}) for i in range(20)}
    assert len(made) == 20
    for radar_id in made:
        assert len(radar_id) >= 22 and own.OWN_PREFIX not in radar_id
        assert all(c.isalnum() or c in "-_" for c in radar_id)


@pytest.mark.duckdb_only
def test_schema_is_created_on_first_use(path):
    assert db.list_radars(path).empty
    assert path.exists()


@pytest.mark.duckdb_only
def test_every_change_is_kept_after_a_restart(path, radar):
    entry = ids(path, radar)[0]
    db.update_entries(path, radar, 1, {entry: {"status": 2, "note": "Æble, øl og å"}})
    db.close(path)  # as when the server restarts
    con = duckdb.connect(str(path), read_only=True)
    try:
        note = con.execute("SELECT note FROM entries WHERE entry_id = ?", [entry]).fetchone()[0]
    finally:
        con.close()
    assert note == "Æble, øl og å"
    assert db.load_radar(path, radar)["version"] == 2


def test_a_stale_version_is_refused_and_nothing_changes(path, radar):
    first, second = ids(path, radar)
    # Two browsers opened version 1; the first saves, the second's edit is stale.
    assert db.update_entries(path, radar, 1, {first: {"status": 3}}) == 2
    before = rows(path, radar)
    with pytest.raises(ConflictError) as caught:
        db.update_entries(path, radar, 1, {second: {"status": 0}})
    assert caught.value.key == "own_error_conflict"
    assert rows(path, radar) == before
    # After reloading (fresh version) the second browser's edit goes through.
    assert db.update_entries(path, radar, 2, {second: {"status": 0}}) == 3
    assert [r["status"] for r in rows(path, radar)] == [3, 0]


@pytest.mark.parametrize(
    "action",
    [
        lambda p, r, v: db.add_entries(p, r, v, [APP]),
        lambda p, r, v: db.remove_entries(p, r, v, ids(p, r)[:1]),
        lambda p, r, v: db.update_meta(p, r, v, {"name": "Nyt navn"}),
        lambda p, r, v: db.undo(p, r, v),
        lambda p, r, v: db.delete_radar(p, r, v),
    ],
)
def test_every_write_checks_the_version(path, radar, action):
    db.update_entries(path, radar, 1, {ids(path, radar)[0]: {"status": 1}})
    with pytest.raises(ConflictError):
        action(path, radar, 1)


def test_two_connections_writing_at_the_same_moment(path, radar, monkeypatch):
    """Both transactions pass the version check before either commits: exactly one wins."""
    first, second = ids(path, radar)
    barrier = threading.Barrier(2, timeout=10)
    original = own.validate_entries

    def meet_then_validate(entries):
        barrier.wait()  # both writers are now inside their transaction, having read version 1
        return original(entries)

    monkeypatch.setattr(own, "validate_entries", meet_then_validate)
    outcomes: dict[str, object] = {}

    def write(name: str, entry_id: str, status: int) -> None:
        try:
            outcomes[name] = db.update_entries(path, radar, 1, {entry_id: {"status": status}})
        except ConflictError as error:
            outcomes[name] = error

    threads = [threading.Thread(target=write, args=("a", first, 3)), threading.Thread(target=write, args=("b", second, 0))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    monkeypatch.setattr(own, "validate_entries", original)
    winners = [v for v in outcomes.values() if v == 2]
    losers = [v for v in outcomes.values() if isinstance(v, ConflictError)]
    assert len(winners) == 1 and len(losers) == 1
    statuses = {r["entry_id"]: r["status"] for r in rows(path, radar)}
    won = "a" if outcomes["a"] == 2 else "b"
    assert statuses == ({first: 3, second: None} if won == "a" else {first: None, second: 0})
    assert db.load_radar(path, radar)["version"] == 2
    assert len(db.history(path, radar)) == 1


def test_two_writers_retrying_lose_no_change(path, radar):
    """Two editors keep saving; on a conflict they reload and retry. Every change lands once."""
    first, second = ids(path, radar)
    per_writer = 15

    def writer(entry_id: str, label: str) -> None:
        for i in range(per_writer):
            while True:
                version = db.load_radar(path, radar)["version"]
                current = db.load_entries(path, radar).set_index("entry_id").at[entry_id, "note"]
                try:
                    db.update_entries(path, radar, version, {entry_id: {"note": f"{current}{label}{i};"}})
                    break
                except ConflictError:
                    continue

    threads = [threading.Thread(target=writer, args=(first, "a")), threading.Thread(target=writer, args=(second, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    notes = {r["entry_id"]: r["note"] for r in rows(path, radar)}
    assert notes[first] == "".join(f"a{i};" for i in range(per_writer))
    assert notes[second] == "".join(f"b{i};" for i in range(per_writer))
    assert db.load_radar(path, radar)["version"] == 1 + 2 * per_writer


def test_undo_restores_each_kind_of_change(path, radar):
    states = [rows(path, radar)]
    metas = [db.load_radar(path, radar)["name"]]
    version = 1
    steps = [
        lambda v: db.update_entries(
            path, radar, v, {ids(path, radar)[0]: {"status": 2, "ring": "klar", "ring_reason": "Besluttet"}}
        ),
        lambda v: db.add_entries(path, radar, v, [APP]),
        lambda v: db.remove_entries(path, radar, v, ids(path, radar)[1:2]),
        lambda v: db.update_meta(path, radar, v, {"name": "Omdøbt"}),
    ]
    for step in steps:
        version = step(version)
        states.append(rows(path, radar))
        metas.append(db.load_radar(path, radar)["name"])
    assert metas[-1] == "Omdøbt"
    for expected_rows, expected_name in zip(reversed(states[:-1]), reversed(metas[:-1]), strict=True):
        version = db.undo(path, radar, version)
        assert rows(path, radar) == expected_rows
        assert db.load_radar(path, radar)["name"] == expected_name
    with pytest.raises(ValidationError) as caught:
        db.undo(path, radar, version)
    assert caught.value.key == "own_error_nothing_to_undo"


def test_history_keeps_at_least_the_last_50_changes(path, radar):
    entry = ids(path, radar)[0]
    version = 1
    for i in range(own.KEEP_CHANGES + 20):
        version = db.update_entries(path, radar, version, {entry: {"note": f"note {i}"}})
    assert len(db.history(path, radar, limit=50)) == 50
    full = db.history(path, radar, limit=1000)
    assert len(full) == own.KEEP_CHANGES >= 50
    assert own.change_text(full["detail"].iloc[0], "da") == "Kunstig intelligens (AI): note"
    for _ in range(50):
        version = db.undo(path, radar, version)
    assert rows(path, radar)[0]["note"] == f"note {own.KEEP_CHANGES + 20 - 51}"


def test_an_edit_that_changes_nothing_is_not_a_change(path, radar):
    entry = ids(path, radar)[0]
    assert db.update_entries(path, radar, 1, {entry: {"status": None}}) == 1
    assert db.history(path, radar).empty


@pytest.mark.parametrize(
    ("action", "key"),
    [
        (
            lambda p, r, e, v: db.add_entries(p, r, v, [{"name": "kunstig INTELLIGENS (ai)", "category": "data"}]),
            "own_error_duplicate",
        ),
        (lambda p, r, e, v: db.add_entries(p, r, v, [AI]), "own_error_duplicate"),
        (lambda p, r, e, v: db.add_entries(p, r, v, [{"name": "", "category": "data"}]), "own_error_entry_name_empty"),
        (lambda p, r, e, v: db.add_entries(p, r, v, [{"name": "n" * 121, "category": "data"}]), "own_error_entry_name_long"),
        (lambda p, r, e, v: db.add_entries(p, r, v, [{"name": "Uden kategori"}]), "own_error_category_missing"),
        (lambda p, r, e, v: db.update_entries(p, r, v, {e[0]: {"name": RPA["name"]}}), "own_error_duplicate"),
        (lambda p, r, e, v: db.update_entries(p, r, v, {e[0]: {"relevance": 9}}), "own_error_value"),
        (lambda p, r, e, v: db.update_entries(p, r, v, {e[0]: {"note": "n" * 2001}}), "own_error_text_long"),
        (
            lambda p, r, e, v: db.add_entries(p, r, v, [{"name": f"T{i}", "category": "data"} for i in range(199)]),
            "own_error_too_many",
        ),
        (lambda p, r, e, v: db.update_meta(p, r, v, {"name": " "}), "own_error_radar_name_empty"),
        (lambda p, r, e, v: db.update_meta(p, r, v, {"name": "x" * 81}), "own_error_radar_name_long"),
        (lambda p, r, e, v: db.update_meta(p, r, v, {"date": "i morgen"}), "own_error_date"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved_is_lost(path, radar, action, key):
    db.update_entries(path, radar, 1, {ids(path, radar)[0]: {"note": "skrevet i mødet"}})
    before_rows, version = rows(path, radar), db.load_radar(path, radar)["version"]
    with pytest.raises(ValidationError) as caught:
        action(path, radar, ids(path, radar), version)
    assert caught.value.key == key
    for lang in ("da", "en"):
        assert t(key, lang, **caught.value.params)
    assert rows(path, radar) == before_rows
    assert db.load_radar(path, radar)["version"] == version
    assert rows(path, radar)[0]["note"] == "skrevet i mødet"


def test_create_refuses_bad_input_and_stores_nothing(path):
    with pytest.raises(ValidationError):
        db.create_radar(path, {"name": "R"}, [AI, AI])
    with pytest.raises(ValidationError):
        db.create_radar(path, {"name": ""}, [AI])
    assert db.list_radars(path).empty


def test_duplicate_copies_entries_not_history(path, radar):
    db.update_entries(path, radar, 1, {ids(path, radar)[0]: {"status": 3, "owner": "Åse"}})
    copy = db.duplicate_radar(path, radar, "Kopi af Aarhus 2026")
    assert copy != radar
    strip = lambda rs: [{k: v for k, v in r.items() if k != "entry_id"} for r in rs]  # noqa: E731
    assert strip(rows(path, copy)) == strip(rows(path, radar))
    assert db.history(path, copy).empty
    assert db.load_radar(path, copy)["name"] == "Kopi af Aarhus 2026"


@pytest.mark.parametrize("name", ["Aarhus 2026", "  aarhus 2026 ", "AARHUS   2026"])
def test_a_second_radar_with_the_same_name_is_refused(path, radar, name):
    with pytest.raises(ValidationError) as caught:
        db.create_radar(path, {"name": name}, [AI])
    assert caught.value.key == "own_error_radar_name_taken"
    assert t(caught.value.key, "da", **caught.value.params).startswith("Der findes allerede en radar, som hedder 'Aarhus 2026'.")
    assert db.list_radars(path)["edit_token"].tolist() == [radar], "nothing is stored and nothing saved is lost"


def test_a_rename_to_a_taken_name_is_refused_and_a_change_of_case_is_not(path, radar):
    other = db.create_radar(path, {"name": "Odder"}, [AI])
    with pytest.raises(ValidationError) as caught:
        db.update_meta(path, other, 1, {"name": "aarhus 2026"})
    assert caught.value.key == "own_error_radar_name_taken"
    assert db.load_radar(path, other)["name"] == "Odder" and db.load_radar(path, other)["version"] == 1
    assert db.update_meta(path, other, 1, {"name": "ODDER"}) == 2
    assert db.update_meta(path, radar, 1, {"municipality": "Aarhus Kommune"}) == 2, "other facts save as before"


def test_undo_of_a_rename_does_not_take_a_name_given_since(path, radar):
    db.update_meta(path, radar, 1, {"name": "Nyt navn"})
    db.create_radar(path, {"name": "Aarhus 2026"})
    with pytest.raises(ValidationError) as caught:
        db.undo(path, radar, 2)
    assert caught.value.key == "own_error_radar_name_taken"
    assert db.load_radar(path, radar)["name"] == "Nyt navn"


def test_a_radar_made_from_a_file_or_a_copy_gets_a_free_name(path, radar):
    second = db.create_radar(path, {"name": "aarhus 2026"}, [AI], free_name=True)
    third = db.create_radar(path, {"name": "Aarhus 2026"}, [AI], free_name=True)
    assert db.load_radar(path, second)["name"] == "aarhus 2026 (2)"
    assert db.load_radar(path, third)["name"] == "Aarhus 2026 (3)"
    copies = [db.duplicate_radar(path, radar, "Kopi af Aarhus 2026") for _ in range(2)]
    assert [db.load_radar(path, c)["name"] for c in copies] == ["Kopi af Aarhus 2026", "Kopi af Aarhus 2026 (2)"]
    assert sorted(db.taken_names(path)) == sorted(db.list_radars(path)["name"])


def test_two_browsers_creating_the_same_name_at_the_same_moment(path, monkeypatch):
    """A is inside its transaction, name checked, not yet committed, when B tries the same name:
    B's transaction conflicts with A's, B tries again after A committed, and is refused by name."""
    checked = own.name_key
    inside, go = threading.Event(), threading.Event()

    def hold_a(name):
        if threading.current_thread().name == "creator-a" and not inside.is_set():
            inside.set()
            go.wait(timeout=10)
        return checked(name)

    monkeypatch.setattr(own, "name_key", hold_a)
    outcomes: dict[str, object] = {}

    def create(label: str) -> None:
        try:
            outcomes[label] = db.create_radar(path, {"name": "Mødet"}, [AI])
        except (ValidationError, ConflictError) as error:
            outcomes[label] = error

    a = threading.Thread(target=create, args=("a",), name="creator-a")
    a.start()
    assert inside.wait(timeout=10)
    threading.Timer(0.1, go.set).start()  # A commits while B is retrying
    create("b")
    a.join()
    monkeypatch.setattr(own, "name_key", checked)
    assert isinstance(outcomes["a"], str)
    assert isinstance(outcomes["b"], ValidationError) and outcomes["b"].key == "own_error_radar_name_taken"
    assert db.list_radars(path)["edit_token"].tolist() == [outcomes["a"]]
