"""Files found to break the readers, each with what must happen now: a result or our typed error, quickly.

No test here times anything (the machines are noisy): the guards are checked by what they
refuse and by which code never runs. benchmarks/hostile_files.py measures time and memory.
"""

from __future__ import annotations

import html.parser
import json

import pytest

from radar.errors import ImportError_, RadarError
from radar.export import read_own_export
from radar.formats import (
    ACCEPTED,
    ACCEPTED_WITH_CHANGE,
    REJECTED,
    read_backstage_json,
    read_byor_json,
    read_own_json,
    read_radar_file,
    read_zalando_json,
    xlsx_sheets,
)
from radar.formats.limits import MAX_MARKUP_CHARS, SheetLimits
from radar.formats.text import markup_was_removed, plain_text, sanitise_description

from .helpers import BYOR_HEADER, csv_bytes, hand_made_xlsx, inline_cell, sheet_xml, with_members, xlsx_bytes
from .hostile import REPRODUCERS, SURROGATE_NAME, deep_entity, zip_bomb


def keys(row) -> list[str]:  # noqa: ANN001 - a ReportRow
    return [reason.key for reason in row.reasons]


def row(ref_row: int, *cells: str) -> str:
    """A <row> of inline-string cells in columns A, B, …"""
    return f'<row r="{ref_row}">' + "".join(inline_cell(f"{chr(65 + i)}{ref_row}", c) for i, c in enumerate(cells)) + "</row>"


# --- a broken .xlsx ----------------------------------------------------------------------------------
@pytest.mark.parametrize("read", [read_radar_file, xlsx_sheets, lambda data: read_own_export(data, "x.xlsx")])
def test_a_broken_xlsx_is_a_typed_error_for_every_reader(read) -> None:  # noqa: ANN001
    with pytest.raises(ImportError_) as caught:
        read(REPRODUCERS["broken xlsx"])
    assert caught.value.key == "import_xlsx_unreadable"


# --- markup that broke html.parser, or took minutes --------------------------------------------------------
@pytest.fixture
def no_html_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """html.parser's cost grows with the cube of broken markup and it asserts on '<!['; it must not run."""

    def refuse(*_: object) -> None:
        raise AssertionError("html.parser was used")

    monkeypatch.setattr(html.parser.HTMLParser, "goahead", refuse)


def test_a_bogus_comment_in_a_description_is_removed_and_reported(no_html_parser) -> None:  # noqa: ANN001
    result = read_radar_file(REPRODUCERS["bogus comment in a description"])
    [entry] = result.entries
    assert entry.description == "a  b"
    assert keys(result.report[0]) == ["import_ring_mapped", "import_markup_removed"]


def test_a_bogus_comment_in_an_opened_export_is_removed_too(no_html_parser) -> None:  # noqa: ANN001
    opened = read_own_export(b"name;ring;description\nA;klar;a <![> b\n", "radar.csv")
    assert [e.description for e in opened.entries] == ["a  b"]


def test_sixty_kilobytes_of_unclosed_tags_are_cleaned_without_the_python_parser(no_html_parser) -> None:  # noqa: ANN001
    result = read_radar_file(REPRODUCERS["60 KB of '<a '"])
    [entry] = result.entries
    assert entry.description == ""  # one tag left open to the end: the parser drops it whole
    assert "import_markup_removed" in keys(result.report[0])


@pytest.mark.parametrize(
    ("before", "removed"),
    [
        ("a <![> b", True),
        ("Hej <!-- ikke vist", True),  # an unclosed comment swallows the rest
        ("<?php echo 1 ?>tekst", True),
        ("<a " * 1000, True),
        ("</p>tekst", False),  # a stray end tag is only re-spelled
        ("<p>5 < 6 & 7 > 3</p>", False),
        ('<a href="javascript:alert(1)">x</a>', True),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', True),
        ('<a href="HTTPS://kl.dk" rel="x">KL</a>', False),
        ('<a href="https://kl.dk">KL</a> og <a href=http://[ugyldig>x</a>', True),  # an invalid URL is dropped
        ('<a href="https://kl.dk">KL', False),  # closed again, not copied
        ("<a href='https://kl.dk'><p>KL</p>", False),  # an unclosed link the parser copies into the paragraph
    ],
)
def test_markup_was_removed_on_broken_markup(before: str, removed: bool, no_html_parser) -> None:  # noqa: ANN001
    assert markup_was_removed(before, sanitise_description(before)) is removed


# --- lone surrogates in JSON text -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("lone surrogate, own JSON", read_own_json),
        ("lone surrogate, BYOR JSON", read_byor_json),
        ("lone surrogate, Zalando", read_zalando_json),
        ("lone surrogate, Backstage", read_backstage_json),
        ("lone surrogate, own JSON", read_radar_file),
        ("lone surrogate, own JSON", lambda data: read_own_export(data, "radar.json")),
    ],
)
def test_a_lone_surrogate_becomes_a_replacement_character(name: str, read) -> None:  # noqa: ANN001
    assert SURROGATE_NAME.encode("utf-8", "surrogatepass") == b"\xed\xa0\x80x"  # it is not text
    [entry] = read(REPRODUCERS[name]).entries
    assert entry.name == "\ufffdx"


def test_a_lone_surrogate_in_a_zalando_configuration_or_a_version() -> None:
    config = json.dumps({"quadrants": [{"name": "Data \ud800"}], "rings": [{"name": "ADOPT"}]}).encode()
    [entry] = read_radar_file(b'{"entries": [{"label": "X", "quadrant": 0, "ring": 0}]}', config=config).entries
    assert entry.category == "Data \ufffd"
    with pytest.raises(ImportError_) as caught:
        read_radar_file(REPRODUCERS["lone surrogate, own JSON version"])
    assert caught.value.params == {"version": "\ufffdx"}


# --- zip bombs and huge sheets -----------------------------------------------------------------------------
def test_a_zip_bomb_is_refused_by_its_compression_ratio() -> None:
    with pytest.raises(ImportError_) as caught:
        read_radar_file(REPRODUCERS["zip bomb"])
    assert caught.value.key == "import_xlsx_packed_too_tightly"
    assert caught.value.params["ratio"] > SheetLimits.MAX_RATIO


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_before_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SheetLimits, "MAX_RATIO", 10_000)  # let the size, not the ratio, refuse it
    monkeypatch.setattr(SheetLimits, "BASE_UNZIPPED_BYTES", 3 * 1024 * 1024)
    with pytest.raises(ImportError_) as caught:
        read_radar_file(zip_bomb(4 * 1024 * 1024))
    assert (caught.value.key, caught.value.params["max_mb"]) == ("import_xlsx_unpacked_too_large", 3)


def test_too_many_cells_are_counted_and_refused_before_openpyxl_reads_them() -> None:
    cells = SheetLimits().cells + 1
    rows = [row(1, "name")] + [f'<row r="{n}"><c r="A{n}" s="0"/></row>' for n in range(2, cells + 1)]
    with pytest.raises(ImportError_) as caught:
        read_radar_file(hand_made_xlsx(sheet_xml(rows)))
    assert (caught.value.key, caught.value.params) == ("import_xlsx_too_many_cells", {"max": SheetLimits().cells})


def test_a_declared_sheet_size_is_not_trusted() -> None:
    rows = [row(1, "name", "ring"), row(2, "Droner", "adopt"), row(3, "Apps", "trial")]
    # Declared as a million rows by 16,384 columns: openpyxl would pad every row to that.
    huge = read_radar_file(hand_made_xlsx(sheet_xml(rows, dimension="A1:XFD1048576")))
    # Declared as one cell: openpyxl would stop after the first row.
    small = read_radar_file(hand_made_xlsx(sheet_xml(rows, dimension="A1")))
    assert [e.name for e in huge.entries] == [e.name for e in small.entries] == ["Droner", "Apps"]


def test_a_row_far_down_is_read_and_one_beyond_excel_is_refused() -> None:
    far = read_radar_file(hand_made_xlsx(sheet_xml([row(1, "name"), row(1_000_000, "Droner")])))
    assert [(r.line, r.name) for r in far.report] == [(1_000_000, "Droner")]
    with pytest.raises(ImportError_) as caught:
        read_radar_file(hand_made_xlsx(sheet_xml([row(1, "name"), row(SheetLimits.MAX_ROW_NUMBER + 1, "Droner")])))
    assert caught.value.key == "import_xlsx_unreadable"


def test_a_value_beyond_the_column_limit_is_refused_and_empty_cells_there_are_ignored() -> None:
    far_column = "HA"  # column 209
    with pytest.raises(ImportError_) as caught:
        read_radar_file(hand_made_xlsx(sheet_xml([row(1, "name"), f'<row r="2">{inline_cell(f"{far_column}2", "x")}</row>'])))
    assert (caught.value.key, caught.value.params) == ("import_xlsx_too_wide", {"max": SheetLimits.MAX_COLUMNS})
    styled = read_radar_file(hand_made_xlsx(sheet_xml([row(1, "name"), f'<row r="2">{inline_cell("A2", "Droner")}'
                                                                         f'<c r="{far_column}2" s="0"/></row>'])))  # fmt: skip
    assert [e.name for e in styled.entries] == ["Droner"]


@pytest.mark.parametrize(
    "sheet",
    [
        pytest.param(sheet_xml([row(1, "name")], before='<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'), id="entity definitions"),
        pytest.param("<?xml version='1.0' encoding='UTF-16'?><worksheet/>".encode("utf-16"), id="UTF-16 XML"),
    ],
)
def test_xml_that_could_hide_from_the_count_is_refused(sheet: bytes) -> None:
    with pytest.raises(ImportError_) as caught:
        read_radar_file(hand_made_xlsx(sheet))
    assert caught.value.key == "import_xlsx_unreadable"


def test_an_image_in_a_workbook_is_not_counted_as_xml() -> None:
    image = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"<c " * 200_000  # would be 200,000 cells if counted
    data = with_members(xlsx_bytes({"Ark1": [("name",), ("Droner",)]}), {"xl/media/image1.png": image})
    assert [e.name for e in read_radar_file(data).entries] == ["Droner"]


def test_an_encrypted_or_oddly_compressed_member_is_unreadable() -> None:
    data = bytearray(xlsx_bytes({"Ark1": [("name",), ("Droner",)]}))
    central = data.index(b"PK\x01\x02")  # the first member's entry in the zip directory
    data[central + 8] |= 0x01  # its "encrypted" flag
    with pytest.raises(ImportError_) as caught:
        read_radar_file(bytes(data))
    assert caught.value.key == "import_xlsx_unreadable"


# --- a quote that never closes ------------------------------------------------------------------------------
def test_an_unclosed_quote_rejects_every_line_it_swallowed() -> None:
    result = read_radar_file(REPRODUCERS["unclosed quote"])
    assert [(r.line, r.status, r.name) for r in result.report] == [
        (2, ACCEPTED_WITH_CHANGE, "A"), (3, REJECTED, ""), (4, REJECTED, ""), (5, REJECTED, ""), (6, REJECTED, ""),
    ]  # fmt: skip
    assert {(r.reasons[0].key, tuple(r.reasons[0].params.items())) for r in result.report[1:]} == {
        ("import_csv_unclosed_quote", (("start", 3), ("end", 6)))
    }
    assert result.rows == 5 == result.count(ACCEPTED) + result.count(ACCEPTED_WITH_CHANGE) + result.count(REJECTED)


def test_a_quote_closed_rows_later_rejects_the_rows_it_swallowed() -> None:
    data = b'name,ring,quadrant\nA,adopt,Tools\n"B,adopt,Tools\nC,adopt,Tools\nD,5" skaerm,Tools\nE,adopt,Tools\n'
    result = read_radar_file(data)
    assert [(r.line, r.status, keys(r)) for r in result.report] == [
        (2, ACCEPTED_WITH_CHANGE, ["import_ring_mapped"]),
        (3, REJECTED, ["import_csv_unclosed_quote"]),
        (4, REJECTED, ["import_csv_unclosed_quote"]),
        (5, REJECTED, ["import_csv_unclosed_quote"]),
        (6, ACCEPTED_WITH_CHANGE, ["import_ring_mapped"]),
    ]
    assert result.report[1].reasons[0].params == {"start": 3, "end": 5}


@pytest.mark.parametrize("ending", ["", "\n", "\r\n", "\r"])
def test_an_unclosed_quote_on_the_last_line_whatever_ends_the_file(ending: str) -> None:
    result = read_radar_file(f'name,ring\r\nA,adopt\r\n"B,adopt{ending}'.encode())
    assert [(r.line, r.status, keys(r)) for r in result.report] == [
        (2, ACCEPTED_WITH_CHANGE, ["import_ring_mapped"]), (3, REJECTED, ["import_csv_unclosed_quote"]),
    ]  # fmt: skip


def test_blank_lines_inside_a_swallowed_stretch_are_not_rows() -> None:
    result = read_radar_file(b'name,ring,quadrant\n"B,adopt,Tools\n\nC,adopt,Tools\n')
    assert [(r.line, r.status) for r in result.report] == [(2, REJECTED), (4, REJECTED)]


def test_a_real_multi_line_description_is_not_taken_for_swallowed_rows() -> None:
    description = "Første linje, med komma\nAnden linje\nTredje, og sidste"
    rows = [BYOR_HEADER, ("Droner", "adopt", "Tools", "FALSE", description), ("Apps", "trial", "", "", "")]
    result = read_radar_file(csv_bytes(rows))
    assert [(r.line, r.status) for r in result.report] == [(2, ACCEPTED_WITH_CHANGE), (5, ACCEPTED)]
    assert result.entries[0].description == description


def test_an_unclosed_quote_in_the_header_is_a_broken_file() -> None:
    with pytest.raises(ImportError_) as caught:
        read_radar_file(b'name,"ring\nDroner,adopt\n')
    assert (caught.value.key, caught.value.params) == ("import_csv_malformed", {"line": 1})


# --- Zalando's active flag and quadrant index ----------------------------------------------------------------
def test_an_inactive_zalando_entry_is_kept_and_reported_and_a_quadrant_out_of_range_flagged() -> None:
    result = read_radar_file(REPRODUCERS["Zalando inactive, quadrant 7"])
    [entry] = result.entries
    assert (entry.name, entry.category, entry.ring) == ("X", "", "klar")
    [report] = result.report
    assert report.status == ACCEPTED_WITH_CHANGE
    assert [(r.key, r.params) for r in report.reasons] == [
        ("import_quadrant_out_of_range", {"value": "7", "max": 3}),
        ("import_ring_mapped", {"raw": "0", "ring": "klar"}),
        ("import_zalando_inactive", {}),
    ]


@pytest.mark.parametrize(
    ("active", "expected"),
    [(True, []), ("TRUE", []), (None, []), ("måske", [("import_value_invalid", {"field": "active", "value": "måske"})])],
)
def test_zalando_active_values(active: object, expected: list) -> None:
    item = {"label": "X", "quadrant": 1, "ring": 0} | ({} if active is None else {"active": active})
    [report] = read_radar_file(json.dumps({"entries": [item]}).encode()).report
    assert [(r.key, r.params) for r in report.reasons if r.key != "import_ring_mapped"] == expected


def test_a_quadrant_out_of_the_configurations_range_is_flagged() -> None:
    config = json.dumps({"quadrants": [{"name": "Data"}, {"name": "Robotter"}], "rings": []}).encode()
    data = json.dumps({"entries": [{"label": "X", "quadrant": 2, "ring": 0}, {"label": "Y", "quadrant": 1, "ring": 0}]})
    result = read_radar_file(data.encode(), config=config)
    assert [e.category for e in result.entries] == ["", "Robotter"]
    assert ("import_quadrant_out_of_range", {"value": "2", "max": 1}) in [(r.key, r.params) for r in result.report[0].reasons]


# --- a file with a header and no rows ----------------------------------------------------------------------
@pytest.mark.parametrize("data", [REPRODUCERS["header only"], xlsx_bytes({"Ark1": [("name", "ring")]}), b'{"entries": []}'])
def test_a_file_without_rows_reads_as_no_rows(data: bytes) -> None:
    """The reader says "no rows"; the Import page turns that into its own message (test_import_page.py)."""
    try:
        result = read_radar_file(data)
    except ImportError_ as error:
        assert error.key == "import_json_shape"  # {"entries": []} names no format
        return
    assert (result.rows, result.entries) == (0, ())


# --- names made of invisible characters, deep entities ---------------------------------------------------------
def test_invisible_characters_are_removed_from_names() -> None:
    result = read_radar_file(REPRODUCERS["invisible names"])
    assert [(r.line, r.status, r.name, keys(r)) for r in result.report] == [
        (2, REJECTED, "", ["import_name_missing"]),
        (3, ACCEPTED_WITH_CHANGE, "AB", ["import_ring_mapped", "import_invisible_removed"]),
        (4, ACCEPTED_WITH_CHANGE, "AB", ["import_duplicate_merged"]),
    ]
    assert [e.name for e in result.entries] == ["AB"]


@pytest.mark.parametrize(
    "name",
    ["\u200b", "\u200e\u200f", "\u202a\u202b\u202c\u202d\u202e", "\u2066\u2067\u2068\u2069", "\ufeff\u00ad\u2060", "\u3164"],
)
def test_a_name_of_only_invisible_characters_is_a_missing_name(name: str) -> None:
    [report] = read_radar_file(csv_bytes([("name", "ring"), (name, "adopt")])).report
    assert (report.status, keys(report)) == (REJECTED, ["import_name_missing"])


@pytest.mark.parametrize("depth", [2, 49, 50, 51, 200])
def test_an_entity_nested_deep_is_decoded_to_the_end_and_its_markup_removed(depth: int) -> None:
    assert plain_text(deep_entity("<script>alert(1)</script>Droner", depth)) == "Droner"
    assert plain_text(deep_entity("AT<b>&</b>T", depth)) == "AT&T"


def test_the_nested_entity_reproducer() -> None:
    [entry] = read_radar_file(REPRODUCERS["entity nested 49 deep"]).entries
    assert entry.name == "Droner"


def test_markup_revealed_round_after_round_ends_stable_and_without_markup() -> None:
    value = "&" + "<b></b>amp;" * 30 + "lt;i>Z"  # removing the tags reveals a new entity each time
    once = plain_text(value)
    assert "<" not in once and "&" not in once and "Z" in once
    assert plain_text(once) == once


# --- values far beyond their limits, and a file full of markup ----------------------------------------------
def test_a_field_beyond_the_csv_modules_limit_is_read_and_cut() -> None:
    result = read_radar_file(REPRODUCERS["field longer than the csv module's limit"])
    [entry] = result.entries
    assert entry.name == "x" * 120
    assert "import_truncated" in keys(result.report[0])


def test_a_description_beyond_ten_times_its_limit_is_cut_before_cleaning() -> None:
    result = read_radar_file(csv_bytes([("name", "description"), ("A", "<b>ord</b> " * 20_000)]))
    [entry] = result.entries
    assert 9_000 < len(entry.description) <= 10_000
    assert entry.description == sanitise_description(entry.description)  # still whole, sanitised HTML
    assert "import_truncated" in keys(result.report[0])


def test_a_file_with_more_markup_than_can_be_cleaned_is_refused() -> None:
    rows = [("name", "description"), *((f"T{n}", "<b>" * 101) for n in range(5_000))]
    with pytest.raises(ImportError_) as caught:
        read_radar_file(csv_bytes(rows))
    assert (caught.value.key, caught.value.params) == ("import_too_much_markup", {"max": MAX_MARKUP_CHARS})


def test_every_reproducer_gives_a_result_or_a_typed_error() -> None:
    """The list in hostile.py, once through the detecting reader (the property tests run every reader)."""
    for name, data in REPRODUCERS.items():
        try:
            read_radar_file(data)
        except RadarError:
            continue
        except Exception as error:  # noqa: BLE001 - the point is to name the offender
            pytest.fail(f"{name}: {type(error).__name__}: {error}")
