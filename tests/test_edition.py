"""The new-edition import (issue 4, part 7): every bad row reported with its line, nothing written
unless the files are clean, and a clean import visible through radar.service with movement."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from radar import edition, service
from radar.__main__ import main
from radar.db import national
from radar.edition import ANSWERS, MATURITY, Known, check_edition, import_edition, read_table, render_issue, render_report
from radar.errors import DataError, ImportError_, ValidationError
from radar.i18n import t

YEAR = 2027
PROJECT = Path(__file__).resolve().parents[1]
HEADER = "respondent_id,municipality_code,domain,technology,stage,relevant"
GOOD_ANSWERS = [
    "R-1,101,social-sundhed,video,3,ja",
    "R-1,101,social-sundhed,droner,1,nej",
    "R-2,751,teknik-miljoe,video,2,1",
    "R-2,751,teknik-miljoe,droner,,0",
]
GOOD_MATURITY = ["video,5", "droner,3"]


@pytest.fixture
def db(national_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seed database that a test may change."""
    target = tmp_path / "radar.duckdb"
    shutil.copy(national_db, target)
    return target


@pytest.fixture(scope="module")
def known(national_db: Path) -> Known:
    return Known.from_db(national_db)


def csv_bytes(header: str, rows: list[str]) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def real_files(db: Path, year: int = YEAR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Answers and maturity for `year`: the newest sample edition again, with Generativ AI made mature and in use."""
    tables = national.export_tables(db)
    newest = int(tables["editions"]["year"].max())
    answers = tables["answers"][tables["answers"]["edition"] == newest]
    respondents = tables["respondents"][tables["respondents"]["edition"] == newest]
    frame = answers.merge(respondents, on=["edition", "respondent_id"])
    frame = frame.assign(respondent_id=frame["respondent_id"].str.replace(str(newest), str(year)))
    frame["stage"] = frame["stage"].astype("Int8").where(frame["technology"] != "generativ-ai", 3)
    frame["relevant"] = frame["relevant"].map({True: "ja", False: "nej"})
    frame = frame[["respondent_id", "municipality_code", "domain", "technology", "stage", "relevant"]]
    maturity = tables["maturity"][tables["maturity"]["edition"] == newest][["technology", "maturity"]].copy()
    maturity.loc[maturity["technology"] == "generativ-ai", "maturity"] = 5
    return frame, maturity


def to_csv(frame: pd.DataFrame, sep: str = ",") -> bytes:
    return frame.to_csv(index=False, sep=sep).encode("utf-8")


def to_xlsx(frame: pd.DataFrame, sheet: str = "Ark1") -> bytes:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    ws.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        ws.append([None if pd.isna(v) else (int(v) if isinstance(v, int | float) and float(v).is_integer() else v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- a good import ---------------------------------------------------------------------------------
def test_good_files_become_the_newest_edition_with_movement(db):
    answers, maturity = real_files(db)
    before = service.radar_blips(db, 2026, None, "da").set_index("technology")
    check = import_edition(db, YEAR, to_csv(answers), to_csv(maturity, sep=";"))
    assert check.ok, render_report(check, {ANSWERS: "svar", MATURITY: "modenhed"})
    eds = service.editions(db)
    assert int(eds["year"].iloc[0]) == YEAR
    assert not bool(eds.set_index("year").loc[YEAR, "sample"])
    assert int(eds.set_index("year").loc[YEAR, "respondents"]) == answers["respondent_id"].nunique()
    after = service.radar_blips(db, YEAR, None, "da").set_index("technology")
    # Generativ AI is now mature and in use everywhere: it lands in KLAR, having moved in.
    assert after.loc["generativ-ai", "ring"] == "klar"
    assert before.loc["generativ-ai", "ring"] != "klar"
    assert after.loc["generativ-ai", "movement"] == "moved_in"
    # Everything else is the 2026 data again: same ring, "unchanged".
    others = after.drop(index="generativ-ai")
    assert (others["ring"] == before.loc[others.index, "ring"]).all()
    assert set(others["movement"]) == {"unchanged"}
    # The sample editions are still there, untouched.
    assert {2025, 2026} <= set(eds["year"].astype(int))


def test_csv_and_xlsx_give_the_same_edition(national_db, tmp_path):
    paths = []
    for kind in ("csv", "xlsx"):
        target = tmp_path / f"{kind}.duckdb"
        shutil.copy(national_db, target)
        answers, maturity = real_files(target)
        answers, maturity = answers.head(600), maturity
        data = (to_csv(answers), to_csv(maturity)) if kind == "csv" else (to_xlsx(answers), to_xlsx(maturity, "Modenhed"))
        check = import_edition(target, YEAR, *data, maturity_sheet="Modenhed" if kind == "xlsx" else None)
        assert check.ok, [render_issue(i, {ANSWERS: "a", MATURITY: "m"}) for i in check.errors]
        paths.append(target)
    frames = [national.export_tables(p) for p in paths]
    for table in ("respondents", "answers", "maturity", "editions"):
        left, right = (f[table].sort_values(list(f[table].columns[:3])).reset_index(drop=True) for f in frames)
        pd.testing.assert_frame_equal(left, right)


def test_an_existing_edition_is_refused_without_replace(db):
    answers, maturity = real_files(db, year=2026)
    before = digest(db)
    with pytest.raises(ValidationError) as caught:
        import_edition(db, 2026, to_csv(answers), to_csv(maturity))
    assert (caught.value.key, caught.value.params) == (edition.EDITION_EXISTS, {"year": 2026})
    assert digest(db) == before
    # The write itself refuses too, whoever calls it.
    from radar.db.edition import write_edition

    check = import_edition(db, 2026, to_csv(answers), to_csv(maturity), write=False)
    assert check.ok
    assert any(i.key == "edition_exists_needs_replace" and i.warning for i in check.issues)
    with pytest.raises(ValidationError):
        write_edition(db, 2026, check.maturity, check.respondents, check.answers)
    assert digest(db) == before


def test_an_existing_edition_is_replaced_and_becomes_real_data(db):
    answers, maturity = real_files(db, year=2026)
    answers = answers[answers["respondent_id"].isin(answers["respondent_id"].unique()[:40])]
    check = import_edition(db, 2026, to_csv(answers), to_csv(maturity), replace=True)
    assert check.ok
    assert any(i.key == "edition_replaces" and i.warning for i in check.issues)
    eds = service.editions(db).set_index("year")
    assert int(eds.loc[2026, "respondents"]) == 40
    assert not bool(eds.loc[2026, "sample"])
    assert bool(eds.loc[2025, "sample"])


def test_dont_know_and_unanswered_relevance_are_stored_as_missing(db):
    rows = ["R-1,101,social-sundhed,video,ved ikke,", "R-1,101,social-sundhed,droner,i drift,ja"]
    check = import_edition(db, YEAR, csv_bytes(HEADER, rows), csv_bytes("technology,maturity", GOOD_MATURITY))
    assert check.ok
    answers = national.export_tables(db)["answers"]
    mine = answers[answers["edition"] == YEAR].set_index("technology")
    assert pd.isna(mine.loc["video", "stage"]) and pd.isna(mine.loc["video", "relevant"])
    assert int(mine.loc["droner", "stage"]) == 3 and bool(mine.loc["droner", "relevant"])


def test_danish_headers_names_semicolons_and_a_windows_code_page(known):
    text = (
        "Respondent;Kommunekode;Fagområde;Teknologi;Stadie;Relevans\r\n"
        "R-1;København;Teknik og miljø;IoT og sensorer;afprøver;Ja\r\n"
        "R-1;101;teknik-miljoe;Skærme og selvbetjening;0;nej\r\n"
    )
    maturity = "Teknologi;Modenhed\r\nIoT og sensorer;4\r\nselvbetjening;5\r\n"
    check = check_edition(YEAR, read_table(text.encode("cp1252")), read_table(maturity.encode("cp1252")), known)
    assert check.ok, [render_issue(i, {ANSWERS: "a", MATURITY: "m"}) for i in check.errors]
    assert sorted(check.answers["technology"]) == ["iot-sensorer", "selvbetjening"]
    assert check.respondents.iloc[0].to_dict() == {"respondent_id": "R-1", "municipality_code": 101, "domain": "teknik-miljoe"}


def test_the_templates_are_valid_files(known):
    answers, maturity = edition.template_answers_csv(), edition.template_maturity_csv()
    assert answers.startswith(b"\xef\xbb\xbf") and maturity.startswith(b"\xef\xbb\xbf")
    assert answers.decode("utf-8-sig").splitlines()[0] == ";".join(edition.ANSWER_COLUMNS)
    assert maturity.decode("utf-8-sig").splitlines()[0] == ";".join(edition.MATURITY_COLUMNS)
    check = check_edition(YEAR, read_table(answers), read_table(maturity), known)
    assert check.ok
    assert check.answer_rows >= 3 and check.maturity_rows >= 3


# --- every kind of bad row, with its line -----------------------------------------------------------
# (row that replaces line 3 of the answers file, expected key). Line 2 is R-1's first answer.
BAD_ANSWER_ROWS = [
    ("R-1,101,social-sundhed,kvantesensor,1,ja", "edition_technology_unknown"),
    ("R-1,101,hjemmepleje,droner,1,ja", "edition_domain_unknown"),
    ("R-1,999,social-sundhed,droner,1,ja", "edition_municipality_unknown"),
    ("R-1,101,social-sundhed,droner,4,ja", "edition_stage_out_of_range"),
    ("R-1,101,social-sundhed,droner,-1,ja", "edition_stage_out_of_range"),
    ("R-1,101,social-sundhed,droner,meget,ja", "edition_stage_invalid"),
    ("R-1,101,social-sundhed,droner,1,måske", "edition_relevant_invalid"),
    ("R-1,101,social-sundhed,droner,1,-1", "edition_relevant_invalid"),  # not "1" with a dash: not yes
    ("R-1,101,social-sundhed,video,1,ja", "edition_duplicate_answer"),
    ("R-1,101,teknik-miljoe,droner,1,ja", "edition_respondent_two_domains"),
    ("R-1,147,social-sundhed,droner,1,ja", "edition_respondent_two_municipalities"),
    (",101,social-sundhed,droner,1,ja", "edition_respondent_missing"),
]
BAD_MATURITY_ROWS = [
    ("droner,6", "edition_maturity_out_of_range"),
    ("droner,0", "edition_maturity_out_of_range"),
    ("droner,høj", "edition_maturity_invalid"),
    ("droner,3.5", "edition_maturity_invalid"),
    ("droner,", "edition_maturity_empty"),
    ("video,4", "edition_maturity_duplicate"),
    ("kvantesensor,3", "edition_technology_unknown"),
]


@pytest.mark.parametrize(("row", "key"), BAD_ANSWER_ROWS)
def test_each_bad_answer_row_is_reported_with_its_line(known, row, key):
    rows = [*GOOD_ANSWERS]
    rows[1] = row  # file line 3
    check = check_edition(
        YEAR, read_table(csv_bytes(HEADER, rows)), read_table(csv_bytes("technology,maturity", GOOD_MATURITY)), known
    )
    assert not check.ok
    found = [i for i in check.errors if i.key == key]
    assert [(i.file, i.line) for i in found] == [(ANSWERS, 3)]
    assert render_issue(found[0], {ANSWERS: "svar.csv"}).startswith("svar.csv, linje 3: ")
    assert render_issue(found[0], {ANSWERS: "answers.csv"}, "en").startswith("answers.csv, line 3: ")
    # The other rows are fine and not reported.
    assert {i.line for i in check.errors} == {3}


@pytest.mark.parametrize(("row", "key"), BAD_MATURITY_ROWS)
def test_each_bad_maturity_row_is_reported_with_its_line(known, row, key):
    rows = ["video,5", row]  # file line 3
    check = check_edition(
        YEAR, read_table(csv_bytes(HEADER, GOOD_ANSWERS)), read_table(csv_bytes("technology,maturity", rows)), known
    )
    found = [i for i in check.errors if i.key == key]
    assert [(i.file, i.line) for i in found] == [(MATURITY, 3)]
    assert "linje 3" in render_issue(found[0], {MATURITY: "modenhed.csv"})


def test_a_technology_with_answers_but_no_maturity_is_an_error(known):
    check = check_edition(
        YEAR, read_table(csv_bytes(HEADER, GOOD_ANSWERS)), read_table(csv_bytes("technology,maturity", ["video,5"])), known
    )
    missing = [i for i in check.errors if i.key == "edition_maturity_missing"]
    assert [(i.file, i.line, i.params["technology"]) for i in missing] == [(MATURITY, 0, "droner")]
    assert render_issue(missing[0], {MATURITY: "modenhed.csv"}) == "modenhed.csv: " + t(
        "edition_maturity_missing", "da", technology="droner"
    )


def test_a_rating_without_answers_is_only_a_warning(known):
    maturity = [*GOOD_MATURITY, "cloud,5"]
    check = check_edition(
        YEAR, read_table(csv_bytes(HEADER, GOOD_ANSWERS)), read_table(csv_bytes("technology,maturity", maturity)), known
    )
    assert check.ok
    assert [i.params["technology"] for i in check.warnings if i.key == "edition_no_answers"] == ["cloud"]
    assert any(i.key == "edition_technologies_absent" for i in check.warnings)


def test_missing_columns_are_named(known):
    check = check_edition(
        YEAR, read_table(b"respondent_id,technology,stage\nR-1,video,3\n"), read_table(b"technology\nvideo\n"), known
    )
    keys = {(i.file, i.key) for i in check.errors}
    assert keys == {(ANSWERS, "edition_columns_missing"), (MATURITY, "edition_columns_missing")}
    text = render_issue(next(i for i in check.errors if i.file == ANSWERS), {ANSWERS: "svar.csv"})
    assert "municipality_code, domain, relevant" in text and "respondent_id, technology, stage" in text


def test_quoted_line_breaks_keep_line_numbers_right(known):
    rows = ["R-1,101,social-sundhed,video,3,ja", '"R-\n2",101,social-sundhed,video,3,ja', "R-3,101,social-sundhed,ukendt,1,ja"]
    check = check_edition(
        YEAR, read_table(csv_bytes(HEADER, rows)), read_table(csv_bytes("technology,maturity", GOOD_MATURITY)), known
    )
    assert [(i.line, i.key) for i in check.errors] == [(5, "edition_technology_unknown")]


def test_the_report_sums_up_many_errors_of_one_kind(known):
    rows = [f"R-{n},101,social-sundhed,ukendt-{n},1,ja" for n in range(30)]
    check = check_edition(
        YEAR, read_table(csv_bytes(HEADER, rows)), read_table(csv_bytes("technology,maturity", GOOD_MATURITY)), known
    )
    lines = render_report(check, {ANSWERS: "svar.csv", MATURITY: "modenhed.csv"})
    assert lines[0] == "svar.csv: 30 rækker læst – 30 med fejl."
    assert sum("teknologien »ukendt-" in line for line in lines) == edition.SHOWN_PER_KIND
    assert any("og 10 rækker mere i svar.csv" in line for line in lines)
    assert len(render_report(check, {ANSWERS: "a", MATURITY: "m"}, limit=None)) > len(lines)


@pytest.mark.parametrize("year", [0, 1989, 2101])
def test_an_implausible_year_is_refused(known, year):
    with pytest.raises(ValidationError) as caught:
        check_edition(
            year, read_table(csv_bytes(HEADER, GOOD_ANSWERS)), read_table(csv_bytes("technology,maturity", GOOD_MATURITY)), known
        )
    assert caught.value.key == "edition_year_invalid"


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "import_empty_file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "import_old_xls"),
        (b"PK\x03\x04broken", "import_xlsx_unreadable"),
    ],
)
def test_unreadable_files_give_a_typed_error(data, key):
    with pytest.raises(ImportError_) as caught:
        read_table(data)
    assert caught.value.key == key


# --- a bad file changes nothing ------------------------------------------------------------------------
def test_a_bad_file_leaves_the_database_byte_identical(db):
    answers, maturity = real_files(db)
    text = to_csv(answers).decode().splitlines()
    text[500] = text[500].replace(",101,", ",999,") if ",101," in text[500] else text[500].rsplit(",", 2)[0] + ",7,ja"
    before = digest(db)
    check = import_edition(db, YEAR, ("\n".join(text) + "\n").encode(), to_csv(maturity))
    assert not check.ok
    assert [i.line for i in check.errors] == [501]
    assert digest(db) == before
    assert YEAR not in set(service.editions(db)["year"].astype(int))


def test_a_failure_while_writing_leaves_the_database_byte_identical(db, monkeypatch):
    answers, maturity = real_files(db)
    before = digest(db)

    def broken(con, frames):  # noqa: ANN001 - the signature of national.write_tables
        raise RuntimeError("disk full")

    monkeypatch.setattr(national, "write_tables", broken)
    with pytest.raises(RuntimeError):
        import_edition(db, YEAR, to_csv(answers), to_csv(maturity))
    assert digest(db) == before
    assert not list(db.parent.glob("*.tmp*"))


# --- the command line ------------------------------------------------------------------------------------
def test_command_line_writes_and_reports_movement(db, tmp_path, capsys):
    answers, maturity = real_files(db)
    (tmp_path / "svar.csv").write_bytes(to_csv(answers))
    (tmp_path / "modenhed.xlsx").write_bytes(to_xlsx(maturity))
    code = main(["import-edition", "--year", str(YEAR), "--answers", str(tmp_path / "svar.csv"),
                 "--maturity", str(tmp_path / "modenhed.xlsx"), "--db", str(db)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"Udgave {YEAR} er skrevet til {db}" in out
    assert "Samlet radar mod 2026: 0 nye, 1 flyttet ind, 0 flyttet ud" in out


def test_command_line_reports_errors_in_english_and_writes_nothing(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_LANG", "en")
    rows = [*GOOD_ANSWERS, "R-3,101,social-sundhed,video,9,ja"]
    (tmp_path / "answers.csv").write_bytes(csv_bytes(HEADER, rows))
    (tmp_path / "maturity.csv").write_bytes(csv_bytes("technology,maturity", GOOD_MATURITY))
    before = digest(db)
    code = main(["import-edition", "--year", str(YEAR), "--answers", str(tmp_path / "answers.csv"),
                 "--maturity", str(tmp_path / "maturity.csv"), "--db", str(db)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1
    assert "answers.csv, line 6: the stage 9 is outside 0-3" in out
    assert "Nothing was written" in out
    assert digest(db) == before


def test_command_line_dry_run_checks_only(db, tmp_path, capsys):
    (tmp_path / "a.csv").write_bytes(csv_bytes(HEADER, GOOD_ANSWERS))
    (tmp_path / "m.csv").write_bytes(csv_bytes("technology,maturity", GOOD_MATURITY))
    before = digest(db)
    code = main(["import-edition", "--year", str(YEAR), "--answers", str(tmp_path / "a.csv"),
                 "--maturity", str(tmp_path / "m.csv"), "--db", str(db), "--dry-run"])  # fmt: skip
    assert code == 0
    assert "Intet er skrevet (--dry-run)" in capsys.readouterr().out
    assert digest(db) == before


def _existing_edition_files(db: Path, tmp_path: Path) -> list[str]:
    answers, maturity = real_files(db, year=2026)
    answers = answers[answers["respondent_id"].isin(answers["respondent_id"].unique()[:40])]
    (tmp_path / "svar.csv").write_bytes(to_csv(answers))
    (tmp_path / "modenhed.csv").write_bytes(to_csv(maturity))
    return ["import-edition", "--year", "2026", "--answers", str(tmp_path / "svar.csv"),
            "--maturity", str(tmp_path / "modenhed.csv"), "--db", str(db)]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (None, "Udgave 2026 findes allerede i databasen, og intet er ændret. Tilføj --replace til kommandoen"),
        ("en", "Edition 2026 already exists in the database, and nothing was changed. Add --replace to the command"),
    ],
)
def test_command_line_refuses_an_existing_edition_without_replace(db, tmp_path, capsys, monkeypatch, lang, expected):
    if lang:
        monkeypatch.setenv("TEKNOLOGIRADAR_LANG", lang)
    else:
        monkeypatch.delenv("TEKNOLOGIRADAR_LANG", raising=False)
    before = digest(db)
    code = main(_existing_edition_files(db, tmp_path))
    captured = capsys.readouterr()
    assert code == 1
    assert expected in captured.err
    assert digest(db) == before
    assert bool(service.editions(db).set_index("year").loc[2026, "sample"])


def test_command_line_replaces_an_existing_edition_with_replace(db, tmp_path, capsys):
    code = main([*_existing_edition_files(db, tmp_path), "--replace"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Udgave 2026 er skrevet til" in out and "findes allerede og bliver erstattet" in out
    eds = service.editions(db).set_index("year")
    assert int(eds.loc[2026, "respondents"]) == 40 and not bool(eds.loc[2026, "sample"])


def test_command_line_dry_run_of_an_existing_edition_says_replace_is_needed(db, tmp_path, capsys):
    before = digest(db)
    code = main([*_existing_edition_files(db, tmp_path), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "udgave 2026 findes allerede; kør med --replace for at erstatte den" in out
    assert digest(db) == before


def test_command_line_help_explains_replace(capsys):
    with pytest.raises(SystemExit):
        main(["import-edition", "--help"])
    out = capsys.readouterr().out
    assert "--replace" in out and "the import is refused" in out


def test_command_line_names_a_missing_file(db, tmp_path, capsys):
    code = main(["import-edition", "--year", str(YEAR), "--answers", str(tmp_path / "nope.csv"),
                 "--maturity", str(tmp_path / "nope.csv"), "--db", str(db)])  # fmt: skip
    assert code == 1
    assert "nope.csv kunne ikke åbnes" in capsys.readouterr().out


# --- hostile files: a result or a typed error, never a traceback; concurrent runs keep both editions ---------
def test_a_field_longer_than_the_csv_modules_limit_is_read_and_reported(known):
    long_value = "x" * 200_000  # the csv module's own limit is 131,072 characters
    rows = [*GOOD_ANSWERS, f"R-3,101,social-sundhed,{long_value},1,ja"]
    check = check_edition(
        YEAR, read_table(csv_bytes(HEADER, rows)), read_table(csv_bytes("technology,maturity", GOOD_MATURITY)), known
    )
    [issue] = check.errors
    assert (issue.line, issue.key) == (6, "edition_technology_unknown")
    assert len(issue.params["value"]) <= 40


def test_a_header_longer_than_the_csv_modules_limit_is_a_reported_problem(known):
    check = check_edition(
        YEAR, read_table(("x" * 200_000 + "\nR-1\n").encode()), read_table(csv_bytes("technology,maturity", GOOD_MATURITY)),
        known,
    )  # fmt: skip
    assert [(i.file, i.key) for i in check.errors] == [(ANSWERS, "edition_columns_missing")]


def test_an_unclosed_quote_is_reported_on_every_line_it_swallowed(known):
    rows = [GOOD_ANSWERS[0], '"R-1,101,social-sundhed,droner,1,nej', *GOOD_ANSWERS[2:]]
    check = check_edition(
        YEAR, read_table(csv_bytes(HEADER, rows)), read_table(csv_bytes("technology,maturity", GOOD_MATURITY)), known
    )
    assert [(i.line, i.key, i.params) for i in check.errors] == [
        (line, "import_csv_unclosed_quote", {"start": 3, "end": 5}) for line in (3, 4, 5)
    ]
    assert render_issue(check.errors[0], {ANSWERS: "svar.csv"}).startswith(
        "svar.csv, linje 3: et anførselstegn i linje 3 er ikke lukket, så linje 3–5"
    )


def test_the_command_line_turns_a_broken_file_into_a_message(db, tmp_path, capsys):
    (tmp_path / "svar.csv").write_bytes(csv_bytes(HEADER, GOOD_ANSWERS))
    (tmp_path / "modenhed.xlsx").write_bytes(b"PK\x03\x04garbage")
    code = main(["import-edition", "--year", str(YEAR), "--answers", str(tmp_path / "svar.csv"),
                 "--maturity", str(tmp_path / "modenhed.xlsx"), "--db", str(db)])  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err.strip() == t("import_xlsx_unreadable", "da")


def test_a_second_writer_waits_for_the_lock_and_then_fails_with_a_message(db, monkeypatch):
    import fcntl

    from radar.db import edition as edition_db

    answers, maturity = real_files(db)
    monkeypatch.setattr(edition_db, "LOCK_WAIT_SECONDS", 0.3)
    with open(edition_db.lock_path(db), "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another import is writing
        with pytest.raises(DataError) as caught:
            import_edition(db, YEAR, to_csv(answers), to_csv(maturity))
    assert (caught.value.key, caught.value.params) == ("edition_db_busy", {"path": str(db)})
    assert YEAR not in set(service.editions(db)["year"].astype(int))


def test_the_temp_file_is_the_writers_own(db):
    answers, maturity = real_files(db)
    other = db.with_name(db.name + ".tmp")  # what another writer (or an old version) may be writing
    other.write_bytes(b"someone else's")
    import_edition(db, YEAR, to_csv(answers), to_csv(maturity))
    assert other.read_bytes() == b"someone else's"
    assert YEAR in set(service.editions(db)["year"].astype(int))


def test_concurrent_command_line_runs_keep_every_edition(db, tmp_path):
    """Three `import-edition` runs at once on one database: each says written, and each edition is there."""
    import subprocess
    import sys

    years = (2031, 2032, 2033)
    commands = []
    for year in years:
        answers, maturity = real_files(db, year)
        (tmp_path / f"svar-{year}.csv").write_bytes(to_csv(answers))
        (tmp_path / f"modenhed-{year}.csv").write_bytes(to_csv(maturity))
        files = ["--answers", str(tmp_path / f"svar-{year}.csv"), "--maturity", str(tmp_path / f"modenhed-{year}.csv")]
        commands.append([sys.executable, "-m", "radar", "import-edition", "--year", str(year), "--db", str(db), *files])
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True, "cwd": PROJECT}
    runs = [subprocess.Popen(command, **pipes) for command in commands]  # noqa: S603 - our interpreter, our module
    results = [(*run.communicate(timeout=180), run.returncode) for run in runs]
    for (out, err, code), year in zip(results, years, strict=True):
        assert code == 0, err
        assert f"Udgave {year} er skrevet til {db}" in out
    assert set(years) <= set(service.editions(db)["year"].astype(int))
    assert not [p.name for p in db.parent.iterdir() if p.name.startswith(f".{db.name}.")]  # temp folders removed
