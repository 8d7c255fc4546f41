"""The PostgreSQL store itself: the SQL translation, and what several processes sharing it rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from radar import config
from radar.db import close_user_stores, postgres
from radar.db import own as db
from radar.db import workshop as wdb

PROJECT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("duck", "pg"),
    [
        ("SELECT a FROM t WHERE b = ? AND c = '?' AND d LIKE '%x'", "SELECT a FROM t WHERE b = %s AND c = '?' AND d LIKE '%%x'"),
        ("CREATE TABLE t (a TINYINT, b DOUBLE, c BLOB) -- it's", "CREATE TABLE t (a SMALLINT, b DOUBLE PRECISION, c BYTEA) -- it's"),  # noqa: E501
        ("SELECT a, b.c, count(*), max(d) FROM t GROUP BY ALL ORDER BY n", "SELECT a, b.c, count(*), max(d) FROM t GROUP BY 1, 2 ORDER BY n"),  # noqa: E501
        ("UPDATE t SET x = x - INTERVAL 31 DAY WHERE id = ?", "UPDATE t SET x = x - INTERVAL '31 DAY' WHERE id = %s"),
    ],
)  # fmt: skip
def test_duckdb_sql_is_translated_outside_its_literals(duck, pg):
    assert postgres.translate(duck, with_params=True) == pg


@pytest.fixture
def pg_store(pg_cluster, monkeypatch):
    url = pg_cluster.create_schema()
    monkeypatch.setenv("TEKNOLOGIRADAR_STORE", url)
    yield url
    close_user_stores()
    pg_cluster.drop_schema(url)


def test_insert_or_replace_and_errors_keep_duckdbs_meaning(pg_store):
    cur = postgres.Store.of(pg_store).cursor()
    cur.execute("CREATE TABLE notes (id VARCHAR PRIMARY KEY, body VARCHAR NOT NULL, n TINYINT CHECK (n < 5))")
    cur.execute("INSERT OR REPLACE INTO notes VALUES (?, ?, ?)", ["a", "first", 1])
    cur.execute("INSERT OR REPLACE INTO notes (id, body, n) VALUES (?, ?, ?)", ["a", "second", 2])
    cur.execute("INSERT OR IGNORE INTO notes VALUES (?, ?, ?)", ["a", "third", 3])
    assert cur.execute("SELECT id, body, n FROM notes").fetchall() == [("a", "second", 2)]
    assert cur.execute("UPDATE notes SET n = 4 WHERE id = ?", ["a"]).fetchone() == (1,)
    with pytest.raises(duckdb.ConstraintException):
        cur.execute("INSERT INTO notes VALUES (?, ?, ?)", ["b", "too big", 9])
    with pytest.raises(duckdb.ConversionException):
        cur.execute("INSERT INTO notes VALUES (?, ?, ?)", ["c", "not a number", "x"])
    cur.close()


def test_a_second_process_sees_every_committed_change_and_backs_it_up(pg_store, tmp_path):
    path = tmp_path / "unused.duckdb"
    link = db.create_radar(path, {"name": "Delt"}, [{"name": "Droner", "category": "data"}])
    started = wdb.start_round(path, link, db.load_entries(path, link).to_dict("records"), ["ring"])
    token = wdb.join(path, started["code"])
    wdb.vote(path, started["code"], token, started["entry_ids"][0], "ring", "klar")
    env = {**os.environ, "TEKNOLOGIRADAR_STORE": pg_store, "TEKNOLOGIRADAR_OWN_DB": str(path)}
    done = subprocess.run(  # noqa: S603 - our own command line, another process on the same store
        [sys.executable, "-m", "radar", "backup", str(tmp_path / "b.json")], env=env, cwd=PROJECT, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    backup = json.loads((tmp_path / "b.json").read_text())
    assert [r["name"] for r in backup["radars"]] == ["Delt"]
    assert [(v["entry_id"], v["value"]) for v in backup["workshop_votes"]] == [(started["entry_ids"][0], "klar")]
    assert not path.exists(), "with the store set no DuckDB file is made"
    assert config.store_url() == pg_store
