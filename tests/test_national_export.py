"""The national radar's downloads: the reason for each ring in the reader's language, and the sample
notice in every file name and inside every file while the edition is sample data."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from radar import service
from radar.formats import read_radar_file
from radar.national_export import national_files

APP = str(Path(__file__).resolve().parents[1] / "app.py")
NOTICE = {"da": "Eksempeldata — ikke KL's officielle tal", "en": "Sample data — not KL's official figures"}
SUFFIX = {"da": "eksempeldata", "en": "sample-data"}


def files_of(db, lang: str, sample: bool, scope: str | None = None):
    year = int(service.editions(db)["year"].max())
    blips = service.radar_blips(db, year, scope, lang)
    label = "Samlet" if scope is None else scope
    return blips, national_files(
        blips, service.technologies(db, lang), service.categories(db, lang), year, scope, label, sample, lang
    )


def texts_inside(file) -> str:
    """Everything a person opening the file could read."""
    data = file.data()
    if file.file_name.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)
    return data.decode("utf-8-sig")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_sample_file_says_so_in_its_name_and_inside(national_db, lang):
    blips, files = files_of(national_db, lang, sample=True)
    assert len(files) == 4
    for file in files:
        assert SUFFIX[lang] in file.file_name, file.file_name
        inside = texts_inside(file)
        assert inside.count(NOTICE[lang]) >= len(blips), file.file_name  # in every row: a row may travel alone


def test_the_json_and_excel_name_the_radar_as_sample_data(national_db):
    _, files = files_of(national_db, "da", sample=True)
    by_name = {f.file_name.rsplit(".", 1)[1]: f for f in files if not f.file_name.endswith("-byor.csv")}
    document = json.loads(by_name["json"].data())
    assert NOTICE["da"] in document["radar"]["name"]
    assert all(NOTICE["da"] in entry["note"] for entry in document["entries"])
    facts = openpyxl.load_workbook(io.BytesIO(by_name["xlsx"].data())).worksheets[1]
    assert any(NOTICE["da"] in str(c.value) for row in facts.iter_rows() for c in row)


def test_real_data_is_not_called_sample_data(national_db):
    _, files = files_of(national_db, "da", sample=False)
    for file in files:
        assert SUFFIX["da"] not in file.file_name
        assert NOTICE["da"] not in texts_inside(file)


def test_the_reason_in_each_file_is_written_in_the_reader_s_language(national_db):
    blips, files = files_of(national_db, "da", sample=True)
    back = read_radar_file(next(f for f in files if f.file_name.endswith(".json")).data())
    first = back.entries[0]
    assert first.ring_reason.startswith(("KLAR, fordi (modenhed ", "AFPRØV, fordi (modenhed "))
    assert "0." not in first.ring_reason and "n =" not in first.ring_reason
    assert first.ring_reason.endswith(f"({int(blips.sort_values('number')['n'].iloc[0])} svar med et trin)")
    _, english = files_of(national_db, "en", sample=True)
    back = read_radar_file(next(f for f in english if f.file_name.endswith(".json")).data())
    assert ", because (maturity " in back.entries[0].ring_reason and "0," not in back.entries[0].ring_reason


def test_the_byor_file_still_reads_back_with_every_blip(national_db):
    blips, files = files_of(national_db, "da", sample=True)
    byor = read_radar_file(files[0].data())
    assert byor.format == "byor_csv" and len(byor.entries) == len(blips)
    assert all(e.description.startswith(NOTICE["da"] + ". ") for e in byor.entries)


def test_the_export_tab_shows_the_sample_notice(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/importer.py")
    at.run()
    assert not at.exception
    [export_tab] = [tab for tab in at.tabs if tab.label == "Eksportér den nationale radar"]
    assert any("Eksempeldata" in info.value for info in export_tab.info)


def test_the_export_tab_names_the_count_beside_each_edition(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/importer.py")
    at.run()
    eds = service.editions(national_db)
    expected = [f"{int(y)} ({int(n)} besvarelser i alt)" for y, n in zip(eds["year"], eds["respondents"], strict=True)]
    assert at.selectbox(key="imp-export-edition").options == expected
