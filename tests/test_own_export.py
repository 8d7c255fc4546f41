"""Exports of an own radar: JSON and XLSX round trips recreate the radar; CSV, HTML and PNG."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from radar import chart, export, own, service
from radar.db import own as db
from radar.errors import ImportError_
from radar.formats import Entry, read_radar_file
from radar.ui_import import with_our_categories

META = {"name": "Odder: vores radar", "municipality": "Odder", "domain": "teknik-miljoe", "date": "2026-05-12"}


@pytest.fixture
def reference(national_db):
    edition = int(service.editions(national_db)["year"].max())
    return {
        "catalogue": service.technologies(national_db, "da"),
        "categories": service.categories(national_db, "da"),
        "national": service.scores(national_db, edition, "teknik-miljoe"),
        "blips": service.radar_blips(national_db, edition, "teknik-miljoe", "da"),
        "domains": service.domains(national_db, "da")["id"].tolist(),
        "both_categories": pd.concat(
            [service.categories(national_db, "da"), service.categories(national_db, "en")], ignore_index=True
        ),
    }


@pytest.fixture
def radar(path, reference) -> str:
    """A radar with catalogue and own technologies, a hand-set ring, notes with æøå and formula-like text."""
    entries = own.starter_entries(reference["national"], reference["catalogue"])[:6]
    radar_id = db.create_radar(path, META, entries)
    ids = db.load_entries(path, radar_id)["entry_id"].tolist()
    version = db.update_entries(
        path, radar_id, 1,
        {
            ids[0]: {"status": 3, "relevance": 5, "note": "=SUM(A1:A2) er ikke en formel", "owner": "Søren Ærø"},
            ids[1]: {"status": 0, "relevance": 2, "next_step": "Spørg IT\nog jura"},
            ids[2]: {"ring": "afvent", "ring_reason": "Afventer udbud", "status": 1},
        },
    )  # fmt: skip
    db.add_entries(
        path, radar_id, version,
        [
            {"name": "Vejsensorer i Odder", "category": "sensors", "description": "Måler saltning",
             "maturity": 4, "status": 2, "relevance": 4},
            {"name": "+Kommunens chat", "category": "citizen", "status": None, "ring": "hold_oeje",
             "ring_reason": "Gruppen vil følge den"},
        ],
    )  # fmt: skip
    return radar_id


def state(path: Path, radar_id: str) -> tuple[dict, list[dict]]:
    """What makes two radars identical: facts and entries (not ids, times or versions)."""
    meta, entries = db.load_state(path, radar_id)
    facts = {k: meta[k] for k in own.META_FIELDS}
    rows = [
        {k: (None if pd.isna(v) else v) for k, v in row.items() if k not in ("entry_id", "position")}
        for row in entries.to_dict("records")
    ]
    return facts, rows


def exported(path: Path, radar_id: str, reference: dict) -> tuple[list[Entry], object]:
    meta, entries = db.load_state(path, radar_id)
    table = own.local_table(entries, reference["catalogue"], reference["national"])
    return own.export_rows(table), own.export_meta(meta)


def reopen(path: Path, data: bytes, filename: str, reference: dict) -> str:
    """What the own-radar page's "open an export" does with an uploaded export: read it and create a new radar."""
    result = export.read_own_export(data, filename, reference["categories"]["id"].tolist())
    made = own.radar_from_file(result, filename, reference["catalogue"], reference["both_categories"], reference["domains"])
    return db.create_radar(path, made.meta, made.entries, free_name=True)


def keep_from_import(path: Path, data: bytes, filename: str, reference: dict) -> str:
    """What the Import page does with the same file, kept as an own radar with the facts the file suggests."""
    ours = reference["both_categories"]
    result = read_radar_file(data, filename, known_categories=tuple(ours["id"]) + tuple(ours["name"]))
    result = with_our_categories(result, own.category_ids(ours))
    made = own.radar_from_file(result, filename, reference["catalogue"], ours, reference["domains"])
    return db.create_radar(path, made.meta, made.entries, free_name=True)


WRITERS = {
    "json": lambda rows, meta: export.radar_json(rows, meta),
    "xlsx": lambda rows, meta: export.entries_xlsx(rows, meta),
    "csv": lambda rows, meta: export.entries_csv(rows),
}
PATHS = {"own_page": reopen, "import_page": keep_from_import}


@pytest.fixture
def own_sectors_radar(path, reference) -> str:
    """A radar as kept from an import with categories of its own: own sectors, the group's maturity, a hand ring."""
    entries = [
        {"name": "Kubernetes", "category": "Platforme", "description": "Containere\npå to linjer", "maturity": 5,
         "status": 3, "relevance": 4, "note": "Drift hos IT"},
        {"name": "Rust", "category": "Sprog & rammer", "maturity": 2, "status": 0, "ring": "afvent",
         "ring_reason": "Ingen kompetencer endnu", "owner": "Åse"},
        {"name": "Terraform", "category": "Platforme", "maturity": 1, "status": 2, "next_step": "Pilot i 2027"},
        {"name": "Go", "category": "Sprog & rammer", "ring": "hold_oeje", "ring_reason": "Følges"},
    ]  # fmt: skip
    return db.create_radar(path, META, entries)


@pytest.mark.parametrize("page", list(PATHS))
@pytest.mark.parametrize("kind", list(WRITERS))
def test_own_sectors_and_maturity_come_back_from_every_export_on_both_pages(path, own_sectors_radar, reference, kind, page):
    rows, meta = exported(path, own_sectors_radar, reference)
    assert [r.maturity for r in rows] == [5, 2, 1, None], "the export carries the group's maturity"
    copy = PATHS[page](path, WRITERS[kind](rows, meta), f"radar.{kind}", reference)
    (facts, entries), (facts_before, entries_before) = state(path, copy), state(path, own_sectors_radar)
    assert entries == entries_before
    assert [e["category"] for e in entries] == ["Platforme", "Sprog & rammer", "Platforme", "Sprog & rammer"]
    assert [e["maturity"] for e in entries] == [5, 2, 1, None]
    if kind == "csv":  # CSV has no facts: named after the file
        assert facts == {"name": "radar", "municipality": "", "domain": None, "date": ""}
    else:
        assert facts == facts_before | {"name": f"{META['name']} (2)"}
    again, _ = exported(path, copy, reference)
    assert again == rows, "the reopened radar exports exactly what went out"


@pytest.mark.parametrize("page", list(PATHS))
@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_radar_with_catalogue_and_own_technologies_comes_back_from_every_export_on_both_pages(
    path, radar, reference, kind, page
):
    rows, meta = exported(path, radar, reference)
    copy = PATHS[page](path, WRITERS[kind](rows, meta), f"radar.{kind}", reference)
    assert state(path, copy)[1] == state(path, radar)[1]
    assert exported(path, copy, reference)[0] == rows


@pytest.mark.parametrize(("kind", "filename"), [("json", "radar.json"), ("xlsx", "radar.xlsx")])
def test_opening_our_export_recreates_an_identical_radar(path, radar, reference, kind, filename):
    rows, meta = exported(path, radar, reference)
    data = export.radar_json(rows, meta) if kind == "json" else export.entries_xlsx(rows, meta)
    copy = reopen(path, data, filename, reference)
    assert copy != radar
    (facts, entries), (facts_before, entries_before) = state(path, copy), state(path, radar)
    # The name is taken by the radar the file came from, so the new one counts on; nothing else differs.
    assert facts == facts_before | {"name": f"{META['name']} (2)"}
    assert entries == entries_before
    assert db.load_radar(path, radar)["name"] == META["name"], "the saved radar keeps its name"
    # and the recreated radar draws the same local rings
    again, _ = exported(path, copy, reference)
    assert again == rows


def test_json_is_readable_utf8_with_the_whole_radar(path, radar, reference):
    rows, meta = exported(path, radar, reference)
    document = json.loads(export.radar_json(rows, meta).decode("utf-8"))
    assert document["radar"] == {"name": META["name"], "municipality": "Odder", "domain": "teknik-miljoe", "date": "2026-05-12"}
    assert len(document["entries"]) == 8
    own_tech = next(e for e in document["entries"] if e["name"] == "Vejsensorer i Odder")
    assert own_tech["maturity"] == 4 and own_tech["technology_id"] == ""
    assert "Søren Ærø" in export.radar_json(rows, meta).decode("utf-8")


def test_xlsx_has_entries_facts_and_neutralised_formulas(path, radar, reference):
    rows, meta = exported(path, radar, reference)
    workbook = openpyxl.load_workbook(io.BytesIO(export.entries_xlsx(rows, meta)))
    sheet = workbook.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["technology_id", "name"] and header[-1] == "maturity"
    cells = {c.value: c for row in sheet.iter_rows(min_row=2) for c in row}
    # Formula-like text is kept as the user wrote it, in text cells Excel shows as text (never a formula).
    for text in ("=SUM(A1:A2) er ikke en formel", "+Kommunens chat"):
        assert text in cells and cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert not any(c.data_type == "f" for c in cells.values())
    facts = dict(workbook["Om radaren"].iter_rows(values_only=True))
    assert facts["name"] == META["name"]


def test_csv_has_bom_semicolons_and_neutralised_formulas(path, radar, reference):
    rows, _ = exported(path, radar, reference)
    data = export.entries_csv(rows)
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("technology_id;name;")
    assert "'=SUM(A1:A2)" in text and "Søren Ærø" in text


def test_an_older_export_with_maturity_as_an_added_last_column_still_opens(path, reference):
    """Exports written before Entry carried maturity had it as an extra last column (XLSX) or key (JSON)."""
    old = (
        b'{"format": "teknologiradar", "version": 1, "radar": {"name": "Gammel"}, "entries": ['
        b'{"name": "Vores app", "category": "Egne ting", "ring": "", "ring_raw": "", "status": 1, "maturity": 4}]}'
    )
    copy = reopen(path, old, "gammel.json", reference)
    [entry] = state(path, copy)[1]
    assert (entry["name"], entry["category"], entry["maturity"], entry["status"]) == ("Vores app", "Egne ting", 4, 1)


def test_a_foreign_file_is_refused(path, reference):
    with pytest.raises(ImportError_):
        export.read_own_export(b'{"some": "json"}', "x.json", [])
    with pytest.raises(ImportError_):
        export.read_own_export(b"%PDF-1.4 ...", "x.pdf", [])


def test_standalone_html_is_offline_and_escaped(path, radar, reference):
    meta, entries = db.load_state(path, radar)
    table = own.local_table(entries, reference["catalogue"], reference["national"])
    blips = own.local_blips(table, reference["categories"]["id"].tolist())
    fig = chart.own_radar_figure(blips, reference["categories"], "da")
    page = export.standalone_html(
        "<script>alert(1)</script>", "Odder", [fig], export.HtmlTable(["Navn"], [["<b>x</b>"]]), "Lavet med Teknologiradar"
    ).decode("utf-8")
    assert "<script>alert(1)</script>" not in page and "&#60;script&#62;alert&#40;1&#41;&#60;&#47;script&#62;" in page
    assert "&#60;b&#62;x&#60;&#47;b&#62;" in page
    assert not re.search(r"<script[^>]+src=", page), "every script is inline"
    assert not re.search(r"<link[^>]+href=", page)
    assert len(page) > 1_000_000  # plotly.js is embedded
    assert "Plotly.newPlot" in page


@pytest.mark.skipif(not Path(export.chromium_path()).exists(), reason="Debian's chromium is not installed")
def test_png_is_made_on_the_server(path, radar, reference):
    meta, entries = db.load_state(path, radar)
    table = own.local_table(entries, reference["catalogue"], reference["national"])
    blips = own.local_blips(table, reference["categories"]["id"].tolist())
    ghosts = reference["blips"][reference["blips"]["technology"].isin(blips["technology"])]
    fig = chart.own_radar_figure(
        blips, reference["categories"], "da", presentation=True, ghosts=ghosts, title="Odder", height=900
    )
    png = export.figure_png(fig, width=1200)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 900)


@pytest.mark.parametrize(
    ("name", "stem"), [("Odder: vores radar", "Odder-vores-radar"), ("../../etc", "etc"), ("", "radar"), ("Ærø 2026", "Ærø-2026")]
)
def test_file_stem(name, stem):
    assert export.file_stem(name) == stem


def test_xlsx_opens_on_minutes_in_words_and_still_reads_back(path, radar, reference):
    rows, meta = exported(path, radar, reference)
    names = dict(zip(reference["categories"]["id"], reference["categories"]["name_da"], strict=True))
    data = export.entries_xlsx(rows, meta, "da", names)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    minutes = workbook["Referat"]
    assert workbook.active.title == "Referat", "Excel opens on the sheet written for the minutes"
    assert workbook.worksheets[0].title != "Referat", "the data sheet stays first for the round trip"
    table = list(minutes.iter_rows(values_only=True))
    assert table[0][:3] == ("Teknologi", "Kategori", "Ring")
    body = {r[0]: r for r in table[1:]}
    assert len(body) == len(rows)
    for row in rows:
        line = body[row.name]
        assert line[2] in ("KLAR", "AFPRØV", "HOLD ØJE", "AFVENT", None)
        if row.status is not None:
            assert line[4] in ("Overvejer ikke", "Overvejer", "Afprøver", "I drift")
        assert line[1] == names.get(row.category, row.category)
    opened = export.read_own_export(data, "radar.xlsx", reference["categories"]["id"].tolist())
    assert list(opened.entries) == rows


NOTICE = (
    "Eksempeldata — ikke KL's officielle tal. Tallene er dannet af en dokumenteret generator, indtil rigtige data importeres."
)


@pytest.mark.parametrize(("kind", "filename"), [("json", "radar.json"), ("xlsx", "radar.xlsx")])
def test_the_sample_data_notice_is_inside_the_export_and_it_still_reads_back(path, radar, reference, kind, filename):
    rows, meta = exported(path, radar, reference)
    if kind == "json":
        data = export.radar_json(rows, meta, NOTICE)
        assert json.loads(data)["notice"] == NOTICE
    else:
        data = export.entries_xlsx(rows, meta, "da", {}, NOTICE)
        book = openpyxl.load_workbook(io.BytesIO(data))
        minutes = book.active
        assert minutes.cell(row=1, column=1).value == NOTICE and minutes.freeze_panes == "A3"
    copy = reopen(path, data, filename, reference)
    assert state(path, copy)[1] == state(path, radar)[1]


# --- the same round trips through the two pages, as a person does them ------------------------------------
def _upload(at, key: str, name: str, data: bytes):
    at.file_uploader(key=key).set_value((name, data, "application/octet-stream"))
    return at.run()


def _new_radar(path: Path, before: set[str]) -> str:
    [new] = set(db.list_radars(path)["edit_token"]) - before
    return new


@pytest.mark.parametrize("kind", list(WRITERS))
def test_the_own_radar_page_opens_every_export_with_its_own_sectors_and_maturity(
    own_app, path, own_sectors_radar, reference, kind
):
    rows, meta = exported(path, own_sectors_radar, reference)
    before = set(db.list_radars(path)["edit_token"])
    at = _upload(own_app.run(), "own-upload", f"radar.{kind}", WRITERS[kind](rows, meta))
    at = at.button(key="own-upload-go").click().run()
    assert not at.exception
    copy = _new_radar(path, before)
    assert state(path, copy)[1] == state(path, own_sectors_radar)[1]


@pytest.mark.parametrize("kind", list(WRITERS))
def test_the_import_page_keeps_every_export_with_its_own_sectors_and_maturity(
    national_db, path, own_sectors_radar, reference, kind, monkeypatch
):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(path))
    app = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=60)
    app.switch_page("pages/importer.py")
    rows, meta = exported(path, own_sectors_radar, reference)
    before = set(db.list_radars(path)["edit_token"])
    at = _upload(app.run(), "imp-file", f"radar.{kind}", WRITERS[kind](rows, meta))
    assert not at.exception and not at.toggle, "our own export needs no fields step"
    at = next(b for b in at.button if b.label == "Gem som egen radar").click().run()
    assert not at.exception
    copy = _new_radar(path, before)
    assert state(path, copy)[1] == state(path, own_sectors_radar)[1]
    if kind != "csv":
        assert state(path, copy)[0] == state(path, own_sectors_radar)[0] | {"name": f"{META['name']} (2)"}
