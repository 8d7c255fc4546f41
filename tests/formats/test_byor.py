"""Build-Your-Own-Radar CSV and JSON: every quirk from external-radars/SOURCES.md, in small files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from radar.formats import (
    ACCEPTED,
    ACCEPTED_WITH_CHANGE,
    REJECTED,
    read_byor_csv,
    read_byor_json,
    read_radar_file,
    render_report_row,
    write_byor_csv,
)

from .helpers import BYOR_HEADER, csv_bytes, xlsx_bytes

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def quirks() -> bytes:
    """BOM, CRLF, quoted commas and quotes, a newline in a field, status + isNew, extra column."""
    return (FIXTURES / "byor_quirks.csv").read_bytes()


def test_quirks_file_reads_every_row(quirks: bytes) -> None:
    result = read_radar_file(quirks, "byor_quirks.csv")
    assert result.format == "byor_csv"
    assert [r.line for r in result.report] == [2, 3, 5, 6, 7, 8, 9]  # the newline in row 2 takes two lines
    assert [e.name for e in result.entries] == ["Kunstig intelligens", "Droner", "Chatbots", "Blockchain", "Kvantecomputere"]
    assert (result.count(ACCEPTED) + result.count(ACCEPTED_WITH_CHANGE), result.count(REJECTED)) == (6, 1)


def test_quirks_file_entries(quirks: bytes) -> None:
    entries = {e.name: e for e in read_radar_file(quirks).entries}
    ai = entries["Kunstig intelligens"]
    assert (ai.ring, ai.ring_raw, ai.category, ai.movement) == ("klar", "adopt", "Techniques", "moved_in")
    assert 'href="https://example.dk/ai"' in ai.description and "target" not in ai.description
    assert ai.description.startswith("<p>Bruges til <strong>visitation</strong>, journalnotater")
    assert entries["Droner"].description == "Inspektion af tage, broer og kloakker.\nPilotprojekt i to kommuner."
    assert entries["Droner"].movement == "new"  # empty status: isNew decides
    assert entries["Chatbots"].description == 'Svarer borgere døgnet rundt; "ofte stillede spørgsmål"'
    assert entries["Chatbots"].movement == "unchanged"
    assert entries["Blockchain"].ring == "afvent"  # Thoughtworks' "caution"
    assert (entries["Kvantecomputere"].ring, entries["Kvantecomputere"].ring_raw) == (None, "endure")


def test_quirks_file_report_reasons(quirks: bytes) -> None:
    report = {r.line: r for r in read_radar_file(quirks).report}
    assert [r.key for r in report[2].reasons] == ["import_ring_mapped", "import_trimmed", "import_markup_removed"]
    assert report[2].reasons[1].params == {"field": "name"}
    assert (report[6].status, [r.key for r in report[6].reasons]) == (REJECTED, ["import_name_missing"])
    assert report[7].status == ACCEPTED_WITH_CHANGE
    assert report[7].reasons[0].key == "import_duplicate_merged"
    assert report[7].reasons[0].params == {"first_line": 5, "name": "Chatbots"}
    assert [r.key for r in report[9].reasons] == ["import_ring_unknown"]
    assert render_report_row(report[7], "da") == (
        "Linje 7 (chatbots): Godkendt med ændring – samme navn som linje 5 (Chatbots) – lagt sammen med den"
    )
    assert render_report_row(report[6], "en") == "Line 6: Rejected – the name is missing"


def test_quirks_file_needs_a_mapping_step_for_custom_rings(quirks: bytes) -> None:
    result = read_radar_file(quirks)
    assert result.unknown_rings == ("endure",)
    assert result.unknown_quadrants == ("Techniques", "Tools", "Platforms", "Languages and Frameworks")


def _danish_rows() -> list[tuple[str, ...]]:
    return [
        BYOR_HEADER,
        ("Velfærdsteknologi", "Ta i bruk", "Sundhed", "FALSE", "Løsninger til ældre, fx spiserobotter"),
        ("Skærme og selvbetjening", "Prøv ut", "Borgerservice", "TRUE", "Selvbetjening på rådhuset"),
        ("Kunstig intelligens", "Avvent", "Økonomi", "FALSE", 'Kræver "styr på data"'),
    ]


@pytest.mark.parametrize(
    ("delimiter", "encoding", "newline"),
    [
        pytest.param(",", "utf-8", "\n", id="utf-8 comma LF"),
        pytest.param(",", "utf-8-sig", "\r\n", id="utf-8 BOM CRLF"),
        pytest.param(";", "cp1252", "\r\n", id="semicolon cp1252 (Danish Excel)"),
        pytest.param("\t", "utf-16", "\r\n", id="tab utf-16 (Excel Unicode text)"),
        pytest.param(";", "latin-1", "\n", id="semicolon latin-1"),
    ],
)
def test_byor_csv_in_any_encoding_and_separator(delimiter: str, encoding: str, newline: str) -> None:
    result = read_byor_csv(csv_bytes(_danish_rows(), delimiter, encoding, newline))
    assert [e.name for e in result.entries] == ["Velfærdsteknologi", "Skærme og selvbetjening", "Kunstig intelligens"]
    assert [e.ring for e in result.entries] == ["klar", "afproev", "afvent"]  # Norwegian ring names
    assert [e.category for e in result.entries] == ["Sundhed", "Borgerservice", "Økonomi"]
    assert result.entries[2].description == 'Kræver "styr på data"'
    assert result.unknown_rings == ()


def test_byor_csv_column_order_is_taken_from_the_header() -> None:
    data = csv_bytes([("name", "quadrant", "ring", "isNew", "description"), ("GCP", "Services", " Adopt", "FALSE", "<p>Sky</p>")])
    (entry,) = read_radar_file(data).entries
    assert (entry.category, entry.ring, entry.ring_raw, entry.description) == ("Services", "klar", "Adopt", "<p>Sky</p>")


def test_byor_csv_status_wins_over_is_new_and_invalid_values_are_reported() -> None:
    data = csv_bytes(
        [
            ("name", "ring", "quadrant", "isNew", "status", "description"),
            ("A", "adopt", "Tools", "TRUE", "moved out", ""),
            ("B", "adopt", "Tools", "FALSE", "", ""),
            ("C", "adopt", "Tools", "kanske", "", ""),
        ]
    )
    result = read_radar_file(data)
    assert [e.movement for e in result.entries] == ["moved_out", "unchanged", None]
    assert result.report[2].reasons[-1].key == "import_value_invalid"
    assert result.report[2].reasons[-1].params == {"field": "is_new", "value": "kanske"}


def test_sanitising_script_in_name_and_onerror_in_description() -> None:
    data = csv_bytes(
        [
            BYOR_HEADER,
            ("Chatbot<script>alert(1)</script>", "adopt", "Tools", "TRUE", "<img src=x onerror=alert(1)>Svarer borgere"),
            ("<script>alert(1)</script>", "trial", "Tools", "TRUE", "<img src=x onerror=alert(1)>"),
            ("Link", "trial", "Tools", "TRUE", '<a href="javascript:alert(1)" onclick="alert(1)">klik</a>'),
        ]
    )
    result = read_radar_file(data)
    everything = repr(result.entries) + "".join(render_report_row(r, lang) for r in result.report for lang in ("da", "en"))
    for bad in ("<script", "alert(", "onerror", "onclick", "javascript:", "<img"):
        assert bad not in everything
    assert [e.name for e in result.entries] == ["Chatbot", "Link"]
    assert result.entries[0].description == "Svarer borgere"
    assert [r.key for r in result.report[0].reasons] == ["import_ring_mapped", "import_markup_removed", "import_markup_removed"]
    assert (result.report[1].status, result.report[1].reasons[0].key) == (REJECTED, "import_name_missing")


def test_byor_json_with_string_values_and_extra_keys() -> None:
    document = [
        {"name": "Droner", "ring": "trial", "quadrant": "tools", "isNew": "FALSE", "status": "moved in",
         "description": "Inspektion", "relatedBlips": ["x", "y"]},
        {"name": "Apps", "ring": "adopt", "quadrant": "platforms", "isNew": "TRUE", "description": ""},
        {"name": "RPA", "ring": "hold", "quadrant": "tools", "isNew": False, "description": None},
    ]  # fmt: skip
    result = read_byor_json(json.dumps(document).encode())
    assert result.format == "byor_json"
    assert [(e.name, e.ring, e.movement) for e in result.entries] == [
        ("Droner", "afproev", "moved_in"),
        ("Apps", "klar", "new"),
        ("RPA", "afvent", "unchanged"),
    ]


def test_byor_json_rows_of_the_wrong_shape_are_rejected_not_dropped() -> None:
    document = [{"name": "A", "ring": "adopt"}, "not an object", {"name": ["nested"], "ring": "adopt"}, 7]
    result = read_radar_file(json.dumps(document).encode())
    assert [r.status for r in result.report] == [ACCEPTED_WITH_CHANGE, REJECTED, REJECTED, REJECTED]
    assert [r.line for r in result.report] == [1, 2, 3, 4]


def test_byor_json_repairs_descriptions_still_in_csv_quotes() -> None:
    leftover = '"<p><a href=""https://example.dk"" target=""_blank"">Link</a> og ""citat""</p>"'
    result = read_radar_file(json.dumps([{"name": "A", "ring": "adopt", "description": leftover}]).encode())
    assert result.entries[0].description == '<p><a href="https://example.dk" rel="noopener noreferrer">Link</a> og "citat"</p>'
    assert result.report[0].reasons[0].key == "import_csv_quotes_repaired"


def test_byor_json_leaves_ordinary_quoted_text_alone() -> None:
    result = read_radar_file(json.dumps([{"name": "A", "ring": "adopt", "description": '"Citat" fra kommunen'}]).encode())
    assert result.entries[0].description == '"Citat" fra kommunen'


def test_byor_xlsx_is_read_like_byor_csv() -> None:
    data = xlsx_bytes({"Radar": [BYOR_HEADER, ("Droner", "trial", "Tools", True, "Inspektion")]})
    result = read_radar_file(data, "radar.xlsx")
    assert result.format == "byor_xlsx"
    assert [(e.name, e.ring, e.movement) for e in result.entries] == [("Droner", "afproev", "new")]


def test_write_byor_csv_uses_byor_ring_names_and_reads_back() -> None:
    source = read_radar_file(csv_bytes(_danish_rows()))
    written = write_byor_csv(source.entries)
    assert written.decode("utf-8").splitlines()[0] == "name,ring,quadrant,isNew,description"
    assert not written.startswith(b"\xef\xbb\xbf")
    again = read_radar_file(written)
    assert [e.ring_raw for e in again.entries] == ["adopt", "trial", "hold"]
    assert [(e.name, e.ring, e.category, e.description) for e in again.entries] == [
        (e.name, e.ring, e.category, e.description) for e in source.entries
    ]
