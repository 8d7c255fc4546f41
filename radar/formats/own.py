"""Our own format: CSV, XLSX and JSON with one column (or key) per Entry field.

Columns, in order: technology_id, name, category, description, ring, ring_raw, ring_reason,
status, relevance, note, owner, next_step, movement, maturity. `ring` holds our ring key (klar,
afproev, hold_oeje, afvent) or is empty while a ring is not yet mapped; `ring_raw` holds
the ring text of the file the entry first came from.

CSV is written as UTF-8 with a BOM and ";" between fields, because Danish Excel uses ";"
as list separator (the comma is the decimal mark) and needs the BOM to show æøå. The
reader accepts ",", ";" and tab alike.

Spreadsheet safety: a text value that a spreadsheet would run as a formula (first character
=, +, -, @, tab or CR, after any leading quotes) never becomes a formula.

- CSV has no cell types, so such a value is written with one extra leading ' ; our readers
  remove exactly that one quote again, so the round trip is lossless and values that merely
  start with ' are left alone (see text.neutralise_formula).
- XLSX has them: the value is written unchanged as a text cell (never a formula cell) with
  Excel's quotePrefix style, which is what Excel itself stores when a user types '=... : the
  cell shows exactly the text and stays text when edited. The reader takes a quotePrefix
  cell's text as it is; without quotePrefix it still removes the one protective ' that
  older versions of this writer put into the cell text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from radar.config import MATURITY_LEVELS
from radar.errors import ImportError_
from radar.formats.build import META_FIELDS, RawRecord, build_result, meta_from, table_records
from radar.formats.jsonutil import cell, is_scalar, load_json, object_fields
from radar.formats.limits import check_rows, check_size
from radar.formats.mapping import parse_bool, parse_int, parse_movement, parse_status, resolve_ring
from radar.formats.model import (
    OWN_CSV,
    OWN_FIELDS,
    OWN_JSON,
    OWN_XLSX,
    RELEVANCE_VALUES,
    Entry,
    RadarMeta,
    ReadResult,
    Reason,
)
from radar.formats.tabular import (
    COLUMN_ALIASES,
    META_SHEET,
    Table,
    parse_csv,
    parse_xlsx,
    require_name,
)
from radar.formats.text import decode_text, looks_like_formula, neutralise_formula, shown

FORMAT_ID = "teknologiradar"
FORMAT_VERSION = 1
CSV_DELIMITER = ";"
ENTRY_SHEET = "Teknologiradar"

_TEXT_FIELDS = ("technology_id", "name", "category", "description", "ring_reason", "note", "owner", "next_step")


def own_record(line: int, values: Mapping[str, str], has_ring_raw: bool) -> RawRecord:
    """A RawRecord from one row of our own format (field -> cell text)."""
    record = RawRecord(line=line, **{f: values.get(f, "") for f in _TEXT_FIELDS})
    ring_text = values.get("ring", "").strip()
    ring_raw = values.get("ring_raw", "") if has_ring_raw else ring_text
    if ring_text:
        record.ring, reasons = resolve_ring(ring_text)
        record.reasons.extend(reasons)
        record.ring_raw = ring_raw if ring_raw.strip() or record.ring else ring_text
    else:
        record.ring_raw = ring_raw
        if ring_raw.strip():
            record.reasons.append(Reason("import_ring_unknown", {"raw": ring_raw.strip()}))
        else:
            record.reasons.append(Reason("import_ring_missing"))
    record.status = _parsed(values, "status", parse_status, record.reasons)
    record.relevance = _parsed(values, "relevance", lambda v: parse_int(v, RELEVANCE_VALUES), record.reasons)
    record.movement = _parsed(values, "movement", parse_movement, record.reasons)
    record.maturity = _parsed(values, "maturity", lambda v: parse_int(v, MATURITY_LEVELS), record.reasons)
    if record.movement is None and not values.get("movement", "").strip() and "is_new" in values:
        new = parse_bool(values["is_new"])
        record.movement = None if new is None else ("new" if new else "unchanged")
    return record


def _parsed(values: Mapping[str, str], name: str, parse: Any, reasons: list[Reason]) -> Any:
    text = values.get(name, "").strip()
    if not text:
        return None
    result = parse(text)
    if result is None:
        reasons.append(Reason("import_value_invalid", {"field": name, "value": shown(text)}))
    return result


def records_from_table(table: Table) -> list[RawRecord]:
    """RawRecords from a table in our own format."""
    has_ring_raw = "ring_raw" in table.columns()
    return table_records(table, lambda line, values: own_record(line, values, has_ring_raw))


def read_own_csv(data: bytes, filename: str = "", *, known_categories: Iterable[str] = ()) -> ReadResult:
    """Read our own CSV format (any of , ; tab; any supported encoding)."""
    check_size(data)
    return own_table_result(OWN_CSV, parse_csv(decode_text(data)), known_categories=known_categories)


def read_own_xlsx(
    data: bytes, filename: str = "", sheet: str | None = None, *, known_categories: Iterable[str] = ()
) -> ReadResult:
    """Read our own format from the first (or the named) sheet of an .xlsx."""
    check_size(data)
    table, meta = parse_xlsx(data, sheet)
    return own_table_result(OWN_XLSX, table, meta, known_categories=known_categories)


def own_table_result(
    format_name: str, table: Table, meta: Mapping[str, str] | None = None, *, known_categories: Iterable[str] = ()
) -> ReadResult:
    """ReadResult from an already read table in our own format (and the key/value pairs of its meta sheet)."""
    require_name(table)
    return build_result(format_name, records_from_table(table), meta=meta_from(meta or {}), known_categories=known_categories)


def is_own_json(document: object) -> bool:
    """True when `document` declares itself as our own JSON format."""
    return isinstance(document, dict) and document.get("format") == FORMAT_ID


def read_own_json(data: bytes, filename: str = "", *, known_categories: Iterable[str] = ()) -> ReadResult:
    """Read our own JSON format."""
    return own_json_result(load_json(data), known_categories=known_categories)


def own_json_result(document: object, *, known_categories: Iterable[str] = ()) -> ReadResult:
    """ReadResult from an already parsed own-format JSON document."""
    if not is_own_json(document):
        raise ImportError_("import_json_shape")
    assert isinstance(document, dict)
    version = document.get("version")
    if version != FORMAT_VERSION:
        raise ImportError_("import_version_unsupported", version=shown(cell(version) if is_scalar(version) else "…", 20))
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise ImportError_("import_json_shape")
    check_rows(len(entries))
    radar = document.get("radar")
    meta = meta_from(radar) if isinstance(radar, dict) else RadarMeta()
    records = []
    for number, item in enumerate(entries, start=1):
        values = object_fields(item, COLUMN_ALIASES)
        if values is None:
            records.append(RawRecord(line=number, rejected=Reason("import_row_invalid")))
            continue
        records.append(own_record(number, values, "ring_raw" in values))
    return build_result(OWN_JSON, records, meta=meta, known_categories=known_categories)


def _row(entry: Entry) -> list[object]:
    return [getattr(entry, name) for name in OWN_FIELDS]


def write_own_csv(entries: Sequence[Entry], *, delimiter: str = CSV_DELIMITER) -> bytes:
    """Our own CSV: UTF-8 with BOM, `delimiter`-separated, formulas neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(OWN_FIELDS)
    for entry in entries:
        writer.writerow(["" if v is None else neutralise_formula(v) if isinstance(v, str) else v for v in _row(entry)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def append_text_row(sheet: Any, values: Sequence[object]) -> None:
    """Append `values` to an openpyxl worksheet with every str as a text cell, never a formula.

    openpyxl would store a str starting with "=" as a formula (and "#N/A" as an error), so
    str cells get data_type "s" explicitly; the ones a spreadsheet would run as a formula
    also get quotePrefix, so Excel shows the text as it is and keeps it text when edited.
    """
    sheet.append(list(values))
    for written in sheet[sheet.max_row]:
        if isinstance(written.value, str):
            written.data_type = "s"
            if looks_like_formula(written.value):
                written.quotePrefix = True


def write_own_xlsx(entries: Sequence[Entry], meta: RadarMeta | None = None) -> bytes:
    """Our own XLSX: entries on the first sheet, the radar's facts on a second; text never a formula."""
    import openpyxl  # imported late: only needed for spreadsheets
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = ENTRY_SHEET
    sheet.append(list(OWN_FIELDS))
    for entry in entries:
        append_text_row(sheet, _row(entry))
    for header in sheet[1]:
        header.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    if meta is not None:
        facts = workbook.create_sheet(META_SHEET)
        for key in META_FIELDS:
            append_text_row(facts, [key, getattr(meta, key)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_own_json(entries: Sequence[Entry], meta: RadarMeta | None = None) -> bytes:
    """Our own JSON document (UTF-8, readable indentation)."""
    meta = meta or RadarMeta()
    document = {
        "format": FORMAT_ID,
        "version": FORMAT_VERSION,
        "radar": {key: getattr(meta, key) for key in META_FIELDS},
        "entries": [dict(zip(OWN_FIELDS, _row(entry), strict=True)) for entry in entries],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
