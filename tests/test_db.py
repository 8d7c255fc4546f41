"""Building the national DuckDB file (complete, constrained, atomic) and counting its answers where they live."""

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from radar import pipeline, service
from radar.db import Database, connect, national
from radar.db.national import SCHEMA, build_database
from radar.errors import DataError


def test_build_writes_every_table(national_db):
    con = connect(national_db, read_only=True)
    try:
        counts = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed table names
            for t in (
                "categories",
                "domains",
                "technologies",
                "municipalities",
                "editions",
                "maturity",
                "respondents",
                "answers",
                "use_cases",
            )
        }
        per_edition = con.execute(
            """SELECT e.year,
                      (SELECT count(*) FROM maturity m WHERE m.edition = e.year),
                      (SELECT count(*) FROM respondents r WHERE r.edition = e.year),
                      (SELECT count(*) FROM answers a WHERE a.edition = e.year)
               FROM editions e ORDER BY e.year"""
        ).fetchall()
    finally:
        con.close()
    assert counts["domains"] == 5
    assert 5 <= counts["categories"] <= 6
    assert counts["municipalities"] == 98
    assert counts["technologies"] >= 20
    # Every technology is rated in every edition but Generativ AI, which the sample asks about from 2024.
    rated = {year: n for year, n, _, _ in per_edition}
    assert rated == {year: counts["technologies"] - (year < 2024) for year in rated}
    assert sum(rated.values()) == counts["maturity"]
    # Each respondent answers for every technology their edition rated.
    assert [answers for _, _, _, answers in per_edition] == [n * people for _, n, people, _ in per_edition]
    assert sum(answers for _, _, _, answers in per_edition) == counts["answers"]


def test_a_bad_seed_changes_nothing(seed_dir, tmp_path, national_db):
    bad = tmp_path / "seed"
    shutil.copytree(seed_dir, bad)
    answers = (bad / "answers.csv").read_text(encoding="utf-8").splitlines()
    head, first, *rest = answers
    parts = first.split(",")
    parts[3] = "7"  # stage out of range
    (bad / "answers.csv").write_text("\n".join([head, ",".join(parts), *rest]) + "\n", encoding="utf-8")
    target = tmp_path / "radar.duckdb"
    shutil.copy(national_db, target)
    before = target.read_bytes()
    with pytest.raises(Exception, match="(?i)constraint|check"):
        build_database(bad, target)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp"))


def build_if_missing(target: Path) -> subprocess.CompletedProcess:
    """What `make run` runs before the app starts."""
    command = [sys.executable, "-m", "radar", "build", "--if-missing", "--db", str(target)]
    return subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603 - our own command


def test_make_run_brings_a_database_of_an_older_version_up_to_date_and_keeps_every_row(tmp_path, national_db):
    """A file built before the value question has no created_value table; `build --if-missing` (what `make run`
    calls) adds it, empty, instead of the radar failing on it, and changes no row of the other tables."""
    target = tmp_path / "radar.duckdb"
    shutil.copy(national_db, target)
    con = connect(target)
    try:
        con.execute("DROP TABLE created_value")
    finally:
        con.close()
    con = connect(target, read_only=True)
    try:
        before = {
            table: con.execute(f"SELECT {', '.join(cols)} FROM {table}").df()  # noqa: S608 - names from SEED_TABLES
            for _, table, cols in national.SEED_TABLES
            if table != "created_value"
        }
    finally:
        con.close()
    assert national.missing_tables(target) == ["created_value"]
    done = build_if_missing(target)
    assert "added the empty tables created_value" in done.stdout
    assert national.missing_tables(target) == []
    after = national.export_tables(target)

    def ordered(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.sort_values(list(frame.columns)).reset_index(drop=True)

    for table, frame in before.items():
        pd.testing.assert_frame_equal(ordered(after[table]), ordered(frame))
    assert after["created_value"].empty
    blips = service.radar_blips(target, int(after["editions"]["year"].max()), None, "da")
    assert len(blips) > 20 and (blips["n_value"] == 0).all()
    again = build_if_missing(target)
    assert again.stdout.strip() == f"{target} exists; not rebuilt"


def test_missing_seed_file_is_a_typed_error(tmp_path):
    with pytest.raises(DataError) as info:
        build_database(tmp_path, tmp_path / "x.duckdb")
    assert info.value.key == "error_seed_missing"


@pytest.fixture
def tiny_db(tmp_path):
    """Two editions, two domains, two technologies, hand-made answers (counted by hand below)."""
    path = tmp_path / "tiny.duckdb"
    con = connect(path)
    try:
        con.execute(SCHEMA)
        con.execute("INSERT INTO categories VALUES ('c', 0, 'C', 'C', '', '')")
        con.execute("INSERT INTO domains VALUES ('d1', 0, 'D1', 'D1', '', ''), ('d2', 1, 'D2', 'D2', '', '')")
        con.execute("INSERT INTO technologies VALUES ('a', 0, 'A', 'A', 'c', '', ''), ('b', 1, 'B', 'B', 'c', '', '')")
        con.execute("INSERT INTO municipalities VALUES (101, 'København', 'Hovedstaden')")
        con.execute("INSERT INTO editions VALUES (2025, true), (2026, true)")
        con.execute("INSERT INTO maturity VALUES (2025, 'a', 3), (2025, 'b', 2), (2026, 'a', 4), (2026, 'b', 2)")
        con.execute(
            "INSERT INTO respondents VALUES (2025, 'r1', 101, 'd1'), (2026, 'r1', 101, 'd1'), (2026, 'r2', 101, 'd1'),"
            " (2026, 'r3', 101, 'd2')"
        )
        con.execute(
            """INSERT INTO answers VALUES
               (2025, 'r1', 'a', 1, true),
               (2026, 'r1', 'a', 3, true), (2026, 'r1', 'b', NULL, NULL),
               (2026, 'r2', 'a', 3, false), (2026, 'r2', 'b', 0, false),
               (2026, 'r3', 'a', 2, true), (2026, 'r3', 'b', NULL, true)"""
        )
    finally:
        con.close()
    yield path
    Database.close_all(path)


def _counted(frame):
    """{(edition, domain or None, technology): (stage 0..3 counts, ved ikke, yes, no)}."""
    return {
        (int(row.edition), None if pd.isna(row.domain) else row.domain, row.technology): tuple(
            int(getattr(row, column)) for column in pipeline.COUNT_COLUMNS
        )
        for row in frame.itertuples()
    }


def test_answer_counts_are_the_pipelines_input():
    assert tuple(national.ANSWER_COUNTS) == pipeline.COUNT_COLUMNS


def test_answer_counts_pooled_and_by_domain_by_hand(tiny_db):
    #                                    s0 s1 s2 s3 vi yes no
    pooled_2026 = {
        (2026, None, "a"): (0, 0, 1, 2, 0, 2, 1),
        (2026, None, "b"): (1, 0, 0, 0, 2, 1, 1),
    }
    assert _counted(national.answer_counts(tiny_db, [2026])) == pooled_2026
    assert _counted(national.answer_counts(tiny_db, [2026], "d1")) == {
        (2026, "d1", "a"): (0, 0, 0, 2, 0, 1, 1),
        (2026, "d1", "b"): (1, 0, 0, 0, 1, 0, 1),
    }
    assert _counted(national.answer_counts(tiny_db, [2026], "d2", technology="b")) == {(2026, "d2", "b"): (0, 0, 0, 0, 1, 1, 0)}
    every = _counted(national.answer_counts(tiny_db, None, each_domain=True))
    assert every == {
        (2025, None, "a"): (0, 1, 0, 0, 0, 1, 0),
        (2025, "d1", "a"): (0, 1, 0, 0, 0, 1, 0),
        **pooled_2026,
        (2026, "d1", "a"): (0, 0, 0, 2, 0, 1, 1),
        (2026, "d1", "b"): (1, 0, 0, 0, 1, 0, 1),
        (2026, "d2", "a"): (0, 0, 1, 0, 0, 1, 0),
        (2026, "d2", "b"): (0, 0, 0, 0, 1, 1, 0),
    }
    assert _counted(national.answer_counts(tiny_db, [2025, 2026], technology="a")) == {
        (2025, None, "a"): (0, 1, 0, 0, 0, 1, 0),
        (2026, None, "a"): (0, 0, 1, 2, 0, 2, 1),
    }
    assert national.answer_counts(tiny_db, []).empty


def test_scores_from_the_counts_by_hand(tiny_db):
    # 2026 pooled, a: m = 4 -> m' = 0.75; stages 3, 3, 2 -> a = (8 / 3) / 3; s = (0.75 + 8 / 9) / 2 -> KLAR
    # b: m = 2 -> m' = 0.25; one stage 0 (two "ved ikke") -> a = 0; s = 0.125 -> AFVENT
    table = service.scores(tiny_db, 2026).set_index("technology")
    assert table.loc["a", "score"] == pytest.approx((0.75 + 8 / 9) / 2)
    assert table.loc["a", "ring"] == "klar"
    assert (table.loc["b", "n"], table.loc["b", "dont_know"], table.loc["b", "relevance"]) == (1, 2, 0.5)
    assert table.loc["b", "ring"] == "afvent"
    # d2 in 2026: a has one answer (2); b only "ved ikke" -> no score
    domain = service.scores(tiny_db, 2026, "d2").set_index("technology")
    assert domain.loc["a", "adoption"] == pytest.approx(2 / 3)
    assert pd.isna(domain.loc["b", "ring"])
    detail = service.technology_detail(tiny_db, "a", 2026, "da")
    assert detail["history"]["edition"].tolist() == [2025, 2026]
    assert detail["history"]["score"].tolist() == pytest.approx([(0.5 + 1 / 3) / 2, (0.75 + 8 / 9) / 2])
    assert detail["by_scope"]["n"].tolist() == [3, 2, 1]
