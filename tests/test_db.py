"""Building the national DuckDB file: complete, constrained, and atomic."""

import shutil

import pytest

from radar.db import connect
from radar.db.national import build_database
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
    finally:
        con.close()
    assert counts["domains"] == 5
    assert 5 <= counts["categories"] <= 6
    assert counts["municipalities"] == 98
    assert counts["technologies"] >= 20
    assert counts["maturity"] == counts["technologies"] * counts["editions"]
    assert counts["answers"] == counts["respondents"] * counts["technologies"]


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


def test_missing_seed_file_is_a_typed_error(tmp_path):
    with pytest.raises(DataError) as info:
        build_database(tmp_path, tmp_path / "x.duckdb")
    assert info.value.key == "error_seed_missing"
