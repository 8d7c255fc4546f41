"""A new national edition from the Import page (issue 11 §5): the command line's report, its all-or-nothing
write, and the door (local mode, or a publishing key) in front of it. AppTest on real DuckDB files."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from formats.helpers import xlsx_bytes
from streamlit.testing.v1 import AppTest

from radar import publish, service
from radar.db import national
from radar.errors import ValidationError
from radar.i18n import t
from radar.safe import plain
from radar.sample import generate_survey
from radar.ui_edition import report_html

APP = str(Path(__file__).resolve().parents[1] / "app.py")
YEAR = 2027
RESPONDENTS = 60
KEY = "hemmelig-nøgle-42"


@pytest.fixture
def db(national_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seed database that the page may publish into."""
    target = tmp_path / "radar.duckdb"
    shutil.copy(national_db, target)
    return target


@pytest.fixture(autouse=True)
def fresh_door(monkeypatch):
    """Each test starts with no wrong keys tried (the throttle counts per server process)."""
    monkeypatch.setattr(publish, "WRONG_KEYS", publish.WrongKeys())


@pytest.fixture
def app(db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    monkeypatch.delenv("TEKNOLOGIRADAR_MODE", raising=False)
    monkeypatch.delenv("TEKNOLOGIRADAR_PUBLISH_KEY", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/importer.py")
    return at


@pytest.fixture(scope="module")
def sample_files(seed_dir: Path) -> tuple[bytes, bytes]:
    """(answers, maturity) in import-edition's format: 60 respondents drawn by the sample generator with the
    newest edition's targets, and that edition's maturity ratings."""
    targets = pd.read_csv(seed_dir / "targets.csv")
    newest = max(int(c.removeprefix("adoption_")) for c in targets.columns if c.startswith("adoption_"))
    municipalities = pd.read_csv(seed_dir / "municipalities.csv")
    domains = pd.read_csv(seed_dir / "domains.csv")["id"].tolist()
    respondents, answers = generate_survey(targets, municipalities, domains, seed=YEAR, respondents_per_edition={newest: 60})
    rows = answers.merge(respondents, on=["edition", "respondent_id"])
    rows = rows.assign(relevant=rows["relevant"].map({1: "ja", 0: "nej"}))
    rows = rows[["respondent_id", "municipality_code", "domain", "technology", "stage", "relevant"]]
    maturity = pd.read_csv(seed_dir / "maturity.csv")
    maturity = maturity[maturity["edition"] == newest][["technology", "maturity"]]
    return rows.to_csv(index=False, sep=";").encode("utf-8"), maturity.to_csv(index=False).encode("utf-8")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def choose(at: AppTest, answers: tuple[str, bytes], maturity: tuple[str, bytes]) -> AppTest:
    at.file_uploader(key="ed-answers-0").set_value((*answers, "text/csv"))
    at.file_uploader(key="ed-maturity-0").set_value((*maturity, "text/csv"))
    return at.run()


def html_text(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.get("html"))


def publish_button(at: AppTest):
    found = [b for b in at.button if b.key == "ed-publish"]
    return found[0] if found else None


# --- the page in local mode ------------------------------------------------------------------------
def test_a_good_pair_is_reported_published_and_listed_in_the_edition_picker(app, db, sample_files):
    answers, maturity = sample_files
    at = app.run()
    assert at.number_input(key="ed-year").value == YEAR  # the year after the newest edition
    at = choose(at, ("svar.csv", answers), ("modenhed.csv", maturity))
    assert not at.exception
    report = html_text(at)
    # The command line's own lines: a count per file; no errors.
    assert plain("svar.csv: 1.500 rækker læst – 0 med fejl.") in report
    assert plain("modenhed.csv: 25 rækker læst – 0 med fejl.") in report
    assert plain("Fejl:") not in report
    assert [s.value for s in at.success] == [
        "Filerne er i orden: 60 respondenter fra 60 kommuner, 1.500 svar og 25 teknologier med modenhed. Intet er skrevet endnu."
    ]
    assert YEAR not in set(service.editions(db)["year"].astype(int))  # the report writes nothing
    at = publish_button(at).click().run()
    assert not at.exception
    eds = service.editions(db).set_index("year")
    assert int(eds.index[0]) == YEAR and int(eds.loc[YEAR, "respondents"]) == RESPONDENTS
    assert not bool(eds.loc[YEAR, "sample"])
    assert "Udgave 2027 er udgivet: 60 respondenter fra 60 kommuner, 1.500 svar, 25 teknologier med modenhed." in (
        at.success[0].value
    )
    assert "Samlet radar mod 2026:" in at.success[0].value
    # The uploaders are empty again and the year moves on.
    assert at.file_uploader(key="ed-answers-1").value is None
    assert at.number_input(key="ed-year").value == YEAR + 1
    at.switch_page("pages/samlet.py")
    at = at.run()
    assert not at.exception
    picker = at.select_slider(key="edition")
    assert picker.options[-1] == "2027"
    assert picker.value == YEAR
    assert any("60 besvarelser i alt" in caption.value for caption in at.caption)


def test_the_part_in_english(app, sample_files):
    app.query_params["lang"] = "en"
    at = choose(app.run(), ("answers.csv", sample_files[0]), ("maturity.csv", sample_files[1]))
    assert not at.exception
    assert "New national edition" in [tab.label for tab in at.tabs]
    assert plain("answers.csv: 1,500 rows read – 0 with errors.") in html_text(at)
    assert publish_button(at).label == "Publish edition 2027"


def test_a_bad_file_shows_the_reports_errors_and_writes_nothing(app, db, sample_files):
    answers, maturity = sample_files
    lines = answers.decode().splitlines()
    lines[3] = lines[3].rsplit(";", 2)[0] + ";9;ja"  # file line 4: stage 9
    cells = lines[7].split(";")
    lines[7] = ";".join([*cells[:3], "=cmd|' /C calc'!A0", *cells[4:]])  # file line 8: a formula for a technology
    before = digest(db)
    at = choose(app.run(), ("svar.csv", "\n".join(lines).encode()), ("modenhed.csv", maturity))
    assert not at.exception
    report = html_text(at)
    assert plain("svar.csv: 1.500 rækker læst – 2 med fejl.") in report
    assert plain("svar.csv, linje 4: stadiet 9 ligger uden for 0-3") in report
    # The formula is a value like any other: named as unknown, shown as text.
    assert plain("svar.csv, linje 8: teknologien »=cmd|' /C calc'!A0« kendes ikke") in report
    assert "=cmd|" not in report
    assert [e.value for e in at.error] == [t("edition_page_has_errors", "da")]
    assert publish_button(at) is None
    assert digest(db) == before


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "import_not_text"),
        (b"PK\x03\x04garbage", "import_xlsx_unreadable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "import_old_xls"),
        (b"", "import_empty_file"),
    ],
)
def test_an_unreadable_file_gets_the_command_lines_message(app, db, sample_files, answers, expected):
    before = digest(db)
    at = choose(app.run(), ("svar.csv", answers), ("modenhed.csv", sample_files[1]))
    assert not at.exception
    assert [e.value for e in at.error] == [t(expected, "da")]
    assert publish_button(at) is None
    assert digest(db) == before


def test_a_file_over_the_command_lines_limit_is_refused_with_its_message(app, db, sample_files):
    huge = b"respondent_id;x\n" + b"a" * (100 * 1024 * 1024)
    at = choose(app.run(), ("svar.csv", huge), ("modenhed.csv", sample_files[1]))
    assert [e.value for e in at.error] == ["Filen er for stor. Den største fil, der kan indlæses, er 100 MB."]
    assert publish_button(at) is None


def test_wrong_columns_and_a_windows_code_page(app, db):
    answers = "Respondent;Kommune;Teknologi;Stadie\r\nR-1;København;Skærme og selvbetjening;2\r\n".encode("cp1252")
    at = choose(app.run(), ("svar.csv", answers), ("modenhed.csv", "Teknologi;Modenhed\r\nDroner;3\r\n".encode("cp1252")))
    assert not at.exception
    assert plain("svar.csv: kolonnen eller kolonnerne domain, relevant mangler. Fundne kolonner: "
                 "Respondent, Kommune, Teknologi, Stadie.") in html_text(at)  # fmt: skip
    assert publish_button(at) is None


def test_an_existing_year_is_replaced_only_when_ticked(app, db, sample_files):
    at = app.run()
    at.number_input(key="ed-year").set_value(2026)
    at = choose(at.run(), ("svar.csv", sample_files[0]), ("modenhed.csv", sample_files[1]))
    assert plain("udgave 2026 findes allerede; sæt flueben i »Erstat udgave 2026« for at erstatte den") in html_text(at)
    assert [w.value for w in at.warning] == [t("edition_page_needs_replace", "da", year=2026)]
    assert publish_button(at) is None
    at = at.checkbox(key="ed-replace-2026").check().run()
    at = publish_button(at).click().run()
    eds = service.editions(db).set_index("year")
    assert int(eds.loc[2026, "respondents"]) == RESPONDENTS and not bool(eds.loc[2026, "sample"])
    assert bool(eds.loc[2025, "sample"])


def test_a_failed_write_changes_nothing_and_says_so(app, db, sample_files, monkeypatch):
    at = choose(app.run(), ("svar.csv", sample_files[0]), ("modenhed.csv", sample_files[1]))
    before = digest(db)

    def disk_full(con, frames):  # noqa: ANN001 - the signature of national.write_tables
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(national, "write_tables", disk_full)
    at = publish_button(at).click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("edition_page_write_failed", "da", reason="No space left on device")]
    assert digest(db) == before
    assert not [p.name for p in db.parent.iterdir() if p.name.startswith(f".{db.name}.")]
    assert YEAR not in set(service.editions(db)["year"].astype(int))


# --- who may publish --------------------------------------------------------------------------------
def test_hosted_mode_without_a_key_hides_the_part_and_a_link_to_it_says_why(app, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_MODE", "hosted")
    at = app.run()
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Importér en fil", "Eksportér den nationale radar"]
    assert [u.label for u in at.get("file_uploader")] == ["Radarfil (CSV, Excel eller JSON)", "Opsætningsfil (JSON)"]
    assert not at.warning
    app.query_params["fane"] = "udgave"
    at = app.run()
    assert [w.value for w in at.warning] == [t("edition_page_closed", "da")]
    assert len(at.tabs) == 2


def test_a_link_to_the_part_opens_it_in_local_mode(app):
    app.query_params["fane"] = "udgave"
    at = app.run()
    assert [tab.label for tab in at.tabs] == ["Importér en fil", "Ny national udgave", "Eksportér den nationale radar"]
    [tabs] = [node for node in at.main if getattr(node, "type", "") == "tab_container"]
    assert tabs.proto.tab_container.default_tab_index == 1
    assert not at.warning


def test_hosted_mode_with_a_key_publishes_only_for_the_right_key(app, db, sample_files, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_MODE", "hosted")
    monkeypatch.setenv("TEKNOLOGIRADAR_PUBLISH_KEY", KEY)
    at = app.run()
    assert "Ny national udgave" in [tab.label for tab in at.tabs]
    assert [i.value for i in at.info if i.value == t("edition_page_key_needed", "da")]
    with pytest.raises(KeyError):
        at.file_uploader(key="ed-answers-0")
    at = at.text_input(key="ed-key").input("gæt").run()
    assert t("edition_page_key_wrong", "da") in [e.value for e in at.error]
    with pytest.raises(KeyError):
        at.file_uploader(key="ed-answers-0")
    at = at.text_input(key="ed-key").input(KEY).run()
    at = choose(at, ("svar.csv", sample_files[0]), ("modenhed.csv", sample_files[1]))
    at = publish_button(at).click().run()
    assert not at.exception
    assert YEAR in set(service.editions(db)["year"].astype(int))


@pytest.mark.parametrize(
    ("mode", "key", "given", "refusal"),
    [
        ("hosted", None, None, "edition_page_closed"),
        ("hosted", KEY, None, "edition_page_key_needed"),
        ("hosted", KEY, "forkert", "edition_page_key_wrong"),
        ("local", KEY, KEY[:-1], "edition_page_key_wrong"),
    ],
)
def test_publishing_directly_is_refused_with_the_reason_and_changes_nothing(
    db, sample_files, monkeypatch, mode, key, given, refusal
):
    monkeypatch.setenv("TEKNOLOGIRADAR_MODE", mode)
    if key:
        monkeypatch.setenv("TEKNOLOGIRADAR_PUBLISH_KEY", key)
    else:
        monkeypatch.delenv("TEKNOLOGIRADAR_PUBLISH_KEY", raising=False)
    before = digest(db)
    with pytest.raises(ValidationError) as caught:
        publish.publish(db, YEAR, *sample_files, key=given)
    assert caught.value.key == refusal
    assert digest(db) == before


@pytest.mark.parametrize(
    ("mode", "key", "expected"),
    [("local", None, publish.OPEN), ("hosted", None, publish.CLOSED), ("hosted", KEY, publish.KEY),
     ("local", KEY, publish.KEY), ("local", "   ", publish.OPEN)],
)  # fmt: skip
def test_who_may_publish(monkeypatch, mode, key, expected):
    monkeypatch.setenv("TEKNOLOGIRADAR_MODE", mode)
    if key is None:
        monkeypatch.delenv("TEKNOLOGIRADAR_PUBLISH_KEY", raising=False)
    else:
        monkeypatch.setenv("TEKNOLOGIRADAR_PUBLISH_KEY", key)
    assert publish.access() == expected


def test_the_report_is_escaped_line_by_line():
    lines = ["a.csv: 2 rækker læst – 1 med fejl.", "Fejl:", "  a.csv, linje 2: teknologien »<img src=x>« kendes ikke"]
    html = report_html(lines)
    assert "<img" not in html
    assert html.count("<li>") == 1 and "<p class='ed-head'>Fejl&#58;</p>" in html


def test_guessing_the_key_shuts_the_door_for_a_while_even_to_the_right_key(app, db, sample_files, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_MODE", "hosted")
    monkeypatch.setenv("TEKNOLOGIRADAR_PUBLISH_KEY", KEY)
    at = app.run()
    for guess in ("gæt", "gæt", "gæt", "sesam", "1234", "hemmelig"):  # the same key typed again counts once
        at = at.text_input(key="ed-key").input(guess).run()
        assert t("edition_page_key_wrong", "da") in [e.value for e in at.error]
    at = at.text_input(key="ed-key").input("kodeord").run()  # the fifth different wrong key
    at = at.text_input(key="ed-key").input(KEY).run()
    assert [e.value for e in at.error] == [t("edition_page_key_locked", "da", minutes=10)]
    with pytest.raises(KeyError):
        at.file_uploader(key="ed-answers-0")
    before = digest(db)
    with pytest.raises(ValidationError) as caught:
        publish.publish(db, YEAR, *sample_files, key=KEY)
    assert caught.value.key == "edition_page_key_locked" and digest(db) == before


def test_the_door_opens_again_when_the_oldest_wrong_key_is_a_window_old():
    now = [1000.0]
    door = publish.WrongKeys(limit=2, window=600, clock=lambda: now[0])
    door.note("a")
    now[0] += 100
    door.note("b")
    door.note("b")  # the same key again: still two
    assert door.wait_seconds() == 500
    now[0] += 500
    assert door.wait_seconds() == 0  # "a" is forgotten; "b" alone does not shut the door


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_workbook_with_the_answers_on_its_second_sheet_is_read_from_the_sheet_picked(app, db, sample_files):
    answers = pd.read_csv(io.BytesIO(sample_files[0]), sep=";", dtype=str, keep_default_na=False)
    book = xlsx_bytes({"Forside": [["Kommunernes teknologiundersøgelse"]], "Svar": [list(answers), *answers.values.tolist()]})
    at = app.run()
    at.file_uploader(key="ed-answers-0").set_value(("svar.xlsx", book, XLSX_TYPE))
    at.file_uploader(key="ed-maturity-0").set_value(("modenhed.csv", sample_files[1], "text/csv"))
    at = at.run()
    assert not at.exception
    picker = at.selectbox(key="ed-sheet-answers-0")
    assert picker.label == "Ark med svarene" and picker.options == ["Forside", "Svar"] and picker.value == "Forside"
    assert publish_button(at) is None  # the cover sheet has no answers: nothing to publish
    at = picker.select("Svar").run()
    assert plain("svar.xlsx: 1.500 rækker læst – 0 med fejl.") in html_text(at)
    at = publish_button(at).click().run()
    assert not at.exception
    assert YEAR in set(service.editions(db)["year"].astype(int))
