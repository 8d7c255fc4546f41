"""Our own format (CSV, XLSX, JSON): reading, writing, formula safety and lossless round trips."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest

from radar.errors import ImportError_
from radar.formats import (
    OWN_FIELDS,
    Entry,
    RadarMeta,
    read_own_csv,
    read_own_json,
    read_own_xlsx,
    read_radar_file,
    write_own_csv,
    write_own_json,
    write_own_xlsx,
    xlsx_sheets,
)

from .helpers import csv_bytes, raw_csv_cells, xlsx_bytes

ENTRIES = (
    Entry(
        technology_id="kunstig_intelligens",
        name="Kunstig intelligens",
        category="data_og_ai",
        description=(
            '<p>Sagsbehandling med <strong>støtte</strong>; se <a href="https://example.dk" rel="noopener noreferrer">'
            "eksempel</a>.</p>"
        ),
        ring="afproev",
        ring_raw="AFPRØV",
        ring_reason="Modent nok,\nmen kræver pilot",
        status=2,
        relevance=5,
        note='Borgerne spørger "hvornår?"',
        owner="Søren Ærø",
        next_step="Pilot i Ældreplejen",
        movement="moved_in",
    ),
    Entry(name="=HYPERLINK(\"http://evil.example\";\"klik\")", category="+45 tlf", ring=None, ring_raw="explore",
          note="-minus først", owner="@kanal", next_step="'90'erne", movement=None),
    Entry(name="Droner", ring="klar", status=0, relevance=1, movement="new"),
    Entry(name="Blockchain"),
)  # fmt: skip
META = RadarMeta(name="Egen radar 2026", municipality="Aarhus Kommune", domain="Social og sundhed", date="2026-05-01")

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def test_own_csv_is_utf8_bom_semicolon_with_our_columns() -> None:
    data = write_own_csv(ENTRIES)
    assert data.startswith(b"\xef\xbb\xbf")
    cells = raw_csv_cells(data, ";")
    assert tuple(cells[0]) == OWN_FIELDS
    assert cells[1][OWN_FIELDS.index("name")] == "Kunstig intelligens"
    assert cells[1][OWN_FIELDS.index("status")] == "2"


def test_own_csv_neutralises_formulas_for_spreadsheets() -> None:
    cells = raw_csv_cells(write_own_csv(ENTRIES), ";")
    for row in cells[1:]:
        for value in row:
            assert not value.startswith(DANGEROUS), value
    row = cells[2]
    assert row[OWN_FIELDS.index("name")] == '\'=HYPERLINK("http://evil.example";"klik")'
    assert row[OWN_FIELDS.index("category")] == "'+45 tlf"
    assert row[OWN_FIELDS.index("note")] == "'-minus først"
    assert row[OWN_FIELDS.index("owner")] == "'@kanal"
    assert row[OWN_FIELDS.index("next_step")] == "'90'erne"  # harmless: written as is


def test_own_xlsx_stores_formula_like_text_unchanged_as_quote_prefixed_text_cells() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(write_own_xlsx(ENTRIES, META)))
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str):
                assert cell.data_type == "s", cell.coordinate
                # Exactly the formula-looking cells carry Excel's "show as text" marker.
                assert cell.quotePrefix == cell.value.lstrip("'").startswith(DANGEROUS), cell.value
    cells = {name: sheet.cell(row=3, column=OWN_FIELDS.index(name) + 1) for name in OWN_FIELDS}
    # The user's text as it is: no ' added (Excel would show it).
    assert cells["name"].value == '=HYPERLINK("http://evil.example";"klik")'
    assert (cells["category"].value, cells["note"].value, cells["owner"].value) == ("+45 tlf", "-minus først", "@kanal")
    assert cells["name"].quotePrefix and cells["name"].data_type == "s"
    assert cells["next_step"].value == "'90'erne" and not cells["next_step"].quotePrefix


def test_own_xlsx_formula_like_values_round_trip_exactly() -> None:
    tricky = ("=HYPERLINK(\"http://evil.example\";\"klik\")", "'=allerede citeret", "''+to citater", "-5", "@SUM(A1)",
              "=", "#N/A", "'90'erne")  # fmt: skip
    entries = tuple(Entry(name=f"Teknologi {i}", note=value, owner=value, ring="klar") for i, value in enumerate(tricky))
    meta = RadarMeta(name="=Egen radar", municipality="'=Aarhus", domain="+Social", date="2026-05-01")
    data = write_own_xlsx(entries, meta)
    result = read_own_xlsx(data)
    assert (result.entries, result.meta) == (entries, meta)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    notes = [row[OWN_FIELDS.index("note")] for row in workbook.worksheets[0].iter_rows(min_row=2)]
    assert [c.value for c in notes] == list(tricky)
    assert all(c.data_type == "s" for c in notes)
    facts = {row[0].value: row[1] for row in workbook["Om radaren"].iter_rows()}
    assert facts["name"].value == "=Egen radar" and facts["name"].data_type == "s" and facts["name"].quotePrefix


def test_own_xlsx_from_older_versions_still_loses_its_protective_quote() -> None:
    # Older versions wrote '=... into the cell text (no quotePrefix); that quote is still removed.
    # A quotePrefix cell (our writer now, or Excel when a user types '=...) is taken as it is.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["name", "note", "owner", "ring"])
    sheet.append(["'=HYPERLINK(1)", "''=citeret", "'90'erne", "klar"])
    sheet.append(["Droner", "'=literal", "=typed in Excel", "klar"])
    for cell in sheet[3][1:3]:
        cell.data_type, cell.quotePrefix = "s", True
    buffer = io.BytesIO()
    workbook.save(buffer)
    first, second = read_own_xlsx(buffer.getvalue()).entries
    assert (first.name, first.note, first.owner) == ("=HYPERLINK(1)", "'=citeret", "'90'erne")
    assert (second.note, second.owner) == ("'=literal", "=typed in Excel")


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_own_csv_round_trip_is_lossless(delimiter: str) -> None:
    result = read_radar_file(write_own_csv(ENTRIES, delimiter=delimiter))
    assert result.format == "teknologiradar_csv"
    assert result.entries == ENTRIES
    assert [e.line for e in result.entries] == [2, 4, 5, 6]  # ring_reason holds a line break


def test_own_xlsx_round_trip_is_lossless_with_meta() -> None:
    data = write_own_xlsx(ENTRIES, META)
    assert xlsx_sheets(data) == ["Teknologiradar", "Om radaren"]
    result = read_radar_file(data, "radar.xlsx")
    assert result.format == "teknologiradar_xlsx"
    assert (result.entries, result.meta) == (ENTRIES, META)


def test_own_json_round_trip_is_lossless_with_meta() -> None:
    data = write_own_json(ENTRIES, META)
    document = json.loads(data)
    assert (document["format"], document["version"]) == ("teknologiradar", 1)
    assert document["radar"] == {"name": "Egen radar 2026", "municipality": "Aarhus Kommune",
                                 "domain": "Social og sundhed", "date": "2026-05-01"}  # fmt: skip
    assert list(document["entries"][0]) == list(OWN_FIELDS)
    assert document["entries"][0]["status"] == 2 and document["entries"][1]["ring"] is None
    assert "Søren Ærø" in data.decode("utf-8")  # not \u-escaped
    result = read_radar_file(data, "radar.json")
    assert (result.format, result.entries, result.meta) == ("teknologiradar_json", ENTRIES, META)


def test_round_trip_keeps_unmapped_rings_for_the_mapping_step() -> None:
    for data in (write_own_csv(ENTRIES), write_own_xlsx(ENTRIES), write_own_json(ENTRIES)):
        result = read_radar_file(data)
        assert result.unknown_rings == ("explore",)


def test_own_csv_with_danish_headers_and_labels() -> None:
    data = csv_bytes(
        [
            ("Navn", "Kategori", "Ring", "Begrundelse", "Stadie", "Relevans", "Ejer", "Næste skridt", "Bevægelse"),
            ("Velfærdsteknologi", "Sundhed", "HOLD ØJE", "Få piloter", "afprøver", "4", "Mette", "Besøg", "ny"),
            ("Apps", "Borgerservice", "KLAR", "", "i drift", "9", "", "", "sidelæns"),
        ],
        delimiter=";",
        encoding="cp1252",
    )
    result = read_radar_file(data)
    assert result.format == "teknologiradar_csv"
    first, second = result.entries
    assert (first.ring, first.ring_raw, first.status, first.relevance, first.owner, first.movement) == (
        "hold_oeje", "HOLD ØJE", 2, 4, "Mette", "new",
    )  # fmt: skip
    assert (second.status, second.relevance, second.movement) == (3, None, None)
    assert [r.params for r in result.report[1].reasons] == [
        {"field": "relevance", "value": "9"},
        {"field": "movement", "value": "sidelæns"},
    ]


def test_own_xlsx_reads_the_chosen_sheet() -> None:
    data = xlsx_bytes(
        {
            "Forside": [("Om denne fil",), ("Udfyldt af Digitaliseringsenheden",)],
            "Radar 2026": [("name", "category", "ring", "status", "relevance"), ("Droner", "Teknik", "afproev", 1, 3.0)],
        }
    )
    result = read_own_xlsx(data, sheet="Radar 2026")
    assert [(e.name, e.ring, e.status, e.relevance) for e in result.entries] == [("Droner", "afproev", 1, 3)]
    assert read_radar_file(data, sheet="Radar 2026").entries == result.entries
    with pytest.raises(ImportError_) as caught:
        read_radar_file(data)  # the first sheet has no name column
    assert caught.value.key == "import_no_name_column"


def test_own_xlsx_missing_sheet_is_a_clear_error() -> None:
    data = xlsx_bytes({"Ark1": [("name",), ("Droner",)]})
    with pytest.raises(ImportError_) as caught:
        read_radar_file(data, sheet="Ark2")
    assert (caught.value.key, caught.value.params) == ("import_sheet_missing", {"sheet": "Ark2", "sheets": "Ark1"})


@pytest.mark.parametrize(
    ("document", "key"),
    [
        ({"format": "teknologiradar", "version": 2, "entries": []}, "import_version_unsupported"),
        ({"format": "teknologiradar", "version": 1, "entries": {"a": 1}}, "import_json_shape"),
        ({"format": "teknologiradar", "version": 1}, "import_json_shape"),
    ],
)
def test_own_json_of_the_wrong_shape(document: object, key: str) -> None:
    with pytest.raises(ImportError_) as caught:
        read_own_json(json.dumps(document).encode())
    assert caught.value.key == key


def test_own_readers_accept_their_own_output_directly() -> None:
    assert read_own_csv(write_own_csv(ENTRIES)).entries == ENTRIES
    assert read_own_xlsx(write_own_xlsx(ENTRIES)).entries == ENTRIES
    assert read_own_json(write_own_json(ENTRIES)).entries == ENTRIES


def test_round_trip_of_real_looking_imports_is_stable() -> None:
    """Entries read from a foreign file survive our own formats unchanged (line numbers aside)."""
    source = read_radar_file(
        csv_bytes(
            [
                ("name", "ring", "quadrant", "isNew", "description"),
                ("  Apps ", "adopt", "Platforms & co", "TRUE", "<p onclick='x'>Tekst &amp; mere\r\n<br>linje</p>"),
                ("@Chat", "explore", "Tools", "FALSE", "-5 point"),
            ]
        )
    )
    for write in (write_own_csv, write_own_xlsx, write_own_json):
        assert read_radar_file(write(source.entries)).entries == source.entries


def test_raw_record_has_every_entry_field():
    """RawRecord is the reader's scratch row; a field Entry has and it lacks would be lost by every reader."""
    from dataclasses import fields

    from radar.formats.build import RawRecord

    raw = {f.name for f in fields(RawRecord)}
    assert [f.name for f in fields(Entry) if f.name not in raw] == []


@pytest.mark.parametrize("write", [write_own_csv, write_own_xlsx, write_own_json])
def test_maturity_goes_out_and_comes_back_in_every_own_format(write):
    entries = [Entry(name="Vores app", category="Egne ting", maturity=4), Entry(name="Uden", category="Egne ting")]
    back = read_radar_file(write(entries))
    assert [(e.name, e.maturity) for e in back.entries] == [("Vores app", 4), ("Uden", None)]
