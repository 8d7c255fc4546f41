"""Property tests: no input makes a reader fail other than with ImportError_; round trips are lossless."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.config import MOVEMENTS, RING_KEYS
from radar.errors import ImportError_
from radar.formats import (
    Entry,
    ReadResult,
    read_backstage_json,
    read_byor_csv,
    read_byor_json,
    read_byor_xlsx,
    read_own_csv,
    read_own_json,
    read_own_xlsx,
    read_radar_file,
    read_zalando_json,
    write_own_csv,
    write_own_json,
    write_own_xlsx,
)
from radar.formats.model import STATUSES

READERS = (
    read_radar_file,
    read_own_csv,
    read_own_json,
    read_own_xlsx,
    read_byor_csv,
    read_byor_json,
    read_byor_xlsx,
    read_zalando_json,
    read_backstage_json,
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


def _read_everywhere(data: bytes) -> None:
    for reader in READERS:
        try:
            result = reader(data)
        except ImportError_:
            continue
        _check(result)


@FAST
@given(st.binary(max_size=600))
def test_random_bytes_give_a_result_or_import_error(data: bytes) -> None:
    _read_everywhere(data)


@FAST
@given(st.binary(max_size=400).map(lambda b: b"PK\x03\x04" + b))
def test_random_zip_like_bytes_give_a_result_or_import_error(data: bytes) -> None:
    _read_everywhere(data)


CSV_ALPHABET = st.sampled_from(list("ab ,;\t\"'\n\r=<>&æøåÆØÅ") + ["name", "ring", "adopt", "quadrant", "isNew", "<p>", "\ufeff"])


@FAST
@given(st.lists(CSV_ALPHABET, max_size=80).map("".join), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_random_csv_text_gives_a_result_or_import_error(text: str, encoding: str) -> None:
    _read_everywhere(text.encode(encoding, errors="replace"))


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.sampled_from(["adopt", "FALSE", "<b>x</b>"]),
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
def test_random_json_documents_give_a_result_or_import_error(document: object) -> None:
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
