"""Property tests: no input makes a reader fail other than with our typed error; round trips are lossless.

Every entry point that reads bytes is run on every input: the readers of radar.formats (a
test keeps that list complete), opening an own export, the edition importer's table reader
and the edition import itself. The files that once broke them (hostile.py) are fixed examples.
"""

from __future__ import annotations

import csv
import inspect
import io
from collections.abc import Callable

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import radar.formats
from radar.config import MOVEMENTS, RING_KEYS
from radar.edition import RawTable, import_edition, read_table
from radar.errors import ImportError_, RadarError
from radar.export import read_own_export
from radar.formats import (
    Entry,
    ReadResult,
    SourceTable,
    guess_mapping,
    read_backstage_json,
    read_byor_csv,
    read_byor_json,
    read_byor_xlsx,
    read_mapped,
    read_own_csv,
    read_own_json,
    read_own_xlsx,
    read_radar_file,
    read_zalando_json,
    source_table,
    write_own_csv,
    write_own_json,
    write_own_xlsx,
    xlsx_sheets,
)
from radar.formats.model import REJECTED, STATUSES

from .helpers import xlsx_bytes
from .hostile import REPRODUCERS


def _open_export(data: bytes) -> ReadResult:
    return read_own_export(data, "radar.csv")  # the CSV path too, for what is neither Excel nor JSON


def _read_guessed(data: bytes) -> ReadResult:
    """The mapping step as it first shows: any shape, read through the suggested mapping."""
    table = source_table(data)
    if not table.columns:
        raise ImportError_("import_no_name_column", columns="")
    return read_mapped(table, guess_mapping(table))


READERS: tuple[Callable[[bytes], object], ...] = (
    read_radar_file,
    read_own_csv,
    read_own_json,
    read_own_xlsx,
    read_byor_csv,
    read_byor_json,
    read_byor_xlsx,
    read_zalando_json,
    read_backstage_json,
    xlsx_sheets,
    _open_export,
    read_table,
    source_table,
    _read_guessed,
)
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def with_reproducers(test: Callable) -> Callable:
    """`test` with every file that once broke a reader as a fixed example."""
    for data in REPRODUCERS.values():
        test = example(data)(test)
    return test


def test_every_reader_of_bytes_is_in_the_property_tests() -> None:
    """A new reader in radar.formats (first parameter `data`) is fuzzed too, or this names it."""
    readers = {reader for reader in READERS}
    offenders = [
        name
        for name in radar.formats.__all__
        if inspect.isfunction(obj := getattr(radar.formats, name))
        and next(iter(inspect.signature(obj).parameters), "") == "data"
        and obj not in readers
    ]
    assert offenders == []


def _check(result: ReadResult) -> None:
    """What every result must satisfy, whatever the input."""
    assert all(row.status in STATUSES for row in result.report)
    lines = [row.line for row in result.report]
    assert len(lines) == len(set(lines))  # one report row per data row
    kept = {row.line for row in result.report if row.status != "rejected"}
    assert {e.line for e in result.entries} <= kept
    assert len(result.entries) <= result.rows
    assert len({e.name.casefold() for e in result.entries}) == len(result.entries)
    assert all(e.name for e in result.entries)
    assert all(e.ring is None or e.ring in RING_KEYS for e in result.entries)


def _check_any(result: object) -> None:
    """What every reader's result must satisfy, by its type."""
    if isinstance(result, ReadResult):
        _check(result)
    elif isinstance(result, SourceTable):
        lines = [line for line, _ in result.rows]
        assert len(lines) == len(set(lines)) and set(result.rejected) <= set(lines)
        assert all(set(row) <= set(result.columns) for _, row in result.rows)
    elif isinstance(result, RawTable):
        lines = [line for line, _ in result.rows]
        assert len(lines) == len(set(lines)) and set(result.rejected) <= set(lines)
    else:
        assert isinstance(result, list) and all(isinstance(name, str) for name in result)  # sheet names


def _read_everywhere(data: bytes) -> None:
    for reader in READERS:
        try:
            result = reader(data)
        except RadarError:
            continue
        _check_any(result)


@with_reproducers
@FAST
@given(st.binary(max_size=600))
def test_random_bytes_give_a_result_or_a_typed_error(data: bytes) -> None:
    _read_everywhere(data)


@FAST
@given(st.binary(max_size=400).map(lambda b: b"PK\x03\x04" + b))
def test_random_zip_like_bytes_give_a_result_or_a_typed_error(data: bytes) -> None:
    _read_everywhere(data)


CSV_ALPHABET = st.sampled_from(
    list("ab ,;\t\"'\n\r=<>&æøåÆØÅ")
    + ["name", "ring", "adopt", "quadrant", "isNew", "<p>", "\ufeff", "<![", "<!--", "&amp;", "&#60;", "\u200b", "\u202e"]
)


@FAST
@given(st.lists(CSV_ALPHABET, max_size=80).map("".join), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_random_csv_text_gives_a_result_or_a_typed_error(text: str, encoding: str) -> None:
    _read_everywhere(text.encode(encoding, errors="replace"))


JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["adopt", "FALSE", "<b>x</b>", "\ud800", "a\udfffb", "<![", "\u200b", "1e999", "-1"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "name",
                    "ring",
                    "quadrant",
                    "label",
                    "entries",
                    "timeline",
                    "ringId",
                    "format",
                    "version",
                    "rings",
                    "quadrants",
                    "moved",
                    "title",
                    "status",
                    "isNew",
                    "description",
                    "date",
                    "active",
                    "link",
                    "maturity",
                ]
            ),
            children,
            max_size=5,
        )
    ),  # fmt: skip
    max_leaves=20,
)


@FAST
@given(JSONISH)
def test_random_json_documents_give_a_result_or_a_typed_error(document: object) -> None:
    import json

    _read_everywhere(json.dumps(document).encode())


CELL = st.text(alphabet=st.sampled_from(list("ab ,;\"'\n=+-@æøÅ<>&")), max_size=10)


@FAST
@given(st.lists(st.tuples(CELL, CELL, CELL, CELL, CELL), max_size=15), st.sampled_from([",", ";", "\t"]))
def test_every_csv_row_is_accounted_for(rows: list[tuple[str, ...]], delimiter: str) -> None:
    """accepted + accepted_with_change + rejected == data rows, counted independently by the csv module."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows([("name", "ring", "quadrant", "isNew", "description"), *rows])
    result = read_radar_file(buffer.getvalue().encode("utf-8"))
    data_rows = [r for r in rows if any(cell.strip() for cell in r)]
    assert sum(result.count(s) for s in STATUSES) == len(data_rows)
    _check(result)


SHEET_CELL = st.one_of(
    st.none(),
    st.integers(),
    st.lists(st.sampled_from(list("ab ,;\"'=<>&æ\n") + ["<![", "&amp;", "\u200b", "_x0000_", "<a "]), max_size=12).map("".join),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(["name", "ring", "quadrant", "description", "status", "maturity", "", "x"]), min_size=1, max_size=5),
    st.lists(st.lists(SHEET_CELL, max_size=6), max_size=8),
)
def test_random_workbooks_give_a_result_or_a_typed_error(header: list[str], rows: list[list[object]]) -> None:
    _read_everywhere(xlsx_bytes({"Ark1": [header, *rows]}))


PLAIN_CELL = st.text(alphabet="abæ=<>&-", min_size=1, max_size=6)  # no quote, separator, line break or space


@FAST
@given(
    st.lists(st.tuples(PLAIN_CELL, PLAIN_CELL, PLAIN_CELL), min_size=1, max_size=12),
    st.integers(0, 11),
    st.integers(0, 2),
    st.sampled_from([",", ";", "\t"]),
)
def test_a_stray_quote_leaves_every_line_accounted_for(
    rows: list[tuple[str, ...]], broken: int, column: int, delimiter: str
) -> None:
    """One quote that never closes: still one report row per line, and from its line on each says where it starts."""
    cells = [list(r) for r in rows]
    at = broken % len(cells)
    cells[at][column] = '"' + cells[at][column]
    text = delimiter.join(("name", "ring", "quadrant")) + "\n" + "\n".join(delimiter.join(r) for r in cells) + "\n"
    result = read_radar_file(text.encode("utf-8"))
    assert [r.line for r in result.report] == list(range(2, len(cells) + 2))
    swallowed = result.report[at:]
    assert all(r.status == REJECTED for r in swallowed)
    assert {(r.reasons[0].key, r.reasons[0].params["start"]) for r in swallowed} == {("import_csv_unclosed_quote", at + 2)}
    _check(result)


EDITION_TEXT = st.lists(
    st.sampled_from(list(",;\t\n\"x19-") + ["respondent_id", "municipality_code", "domain", "technology", "stage", "relevant",
                                            "maturity", "R-1", "101", "video", "social-sundhed", "ja", "-1", "ved ikke"]),
    max_size=60,
).map("".join)  # fmt: skip
EDITION_FILE = st.one_of(st.binary(max_size=200), EDITION_TEXT.map(lambda text: text.encode("utf-8")))
GOOD_MATURITY_FILE = b"technology,maturity\nvideo,5\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(REPRODUCERS["relevant -1"], GOOD_MATURITY_FILE)
@example(REPRODUCERS["field longer than the csv module's limit"], REPRODUCERS["unclosed quote"])
@example(REPRODUCERS["broken xlsx"], REPRODUCERS["zip bomb"])
@given(EDITION_FILE, EDITION_FILE)
def test_the_edition_import_gives_a_check_or_a_typed_error(national_db, answers: bytes, maturity: bytes) -> None:  # noqa: ANN001
    try:
        check = import_edition(national_db, 2030, answers, maturity, write=False)
    except RadarError:
        return
    assert all(issue.key for issue in check.issues)
    assert check.answer_rows >= len({i.line for i in check.errors if i.file == "answers" and i.line})


# --- round trips ----------------------------------------------------------------------------
# Values a reader keeps exactly: no outer or doubled whitespace, no markup characters. They do
# include everything spreadsheets treat as formulas, quotes, separators and Danish letters.
WORD = st.text(alphabet=st.sampled_from(list("abcæøåÆØÅ019=+-@'\",;:!?()/")), min_size=1, max_size=8)
LINE = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
TEXT = st.one_of(st.just(""), LINE)
MULTILINE = st.one_of(st.just(""), st.lists(LINE, min_size=1, max_size=3).map("\n".join))
DESCRIPTION = st.one_of(
    MULTILINE,
    st.sampled_from(["<p>Tekst</p>", "<strong>fed</strong> og <em>kursiv</em>", "<ul><li>en</li></ul>",
                     '<a href="https://example.dk" rel="noopener noreferrer">link</a>']),
)  # fmt: skip
ENTRY = st.builds(
    Entry,
    name=LINE,
    technology_id=TEXT,
    category=TEXT,
    description=DESCRIPTION,
    ring=st.sampled_from((*RING_KEYS, None)),
    ring_raw=TEXT,
    ring_reason=MULTILINE,
    status=st.sampled_from((None, 0, 1, 2, 3)),
    relevance=st.sampled_from((None, 1, 2, 3, 4, 5)),
    note=MULTILINE,
    owner=TEXT,
    next_step=MULTILINE,
    movement=st.sampled_from((*MOVEMENTS, None)),
)
ENTRIES = st.lists(ENTRY, min_size=1, max_size=6, unique_by=lambda e: e.name.casefold())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ENTRIES)
def test_round_trip_csv_xlsx_json_reproduces_entries(entries: list[Entry]) -> None:
    expected = tuple(entries)
    for data in (write_own_csv(entries), write_own_csv(entries, delimiter=","), write_own_xlsx(entries), write_own_json(entries)):
        assert read_radar_file(data).entries == expected
