"""Thoughtworks Build-Your-Own-Radar (BYOR): CSV and JSON in, CSV out.

BYOR columns are name, ring, quadrant, isNew and description (status optional and winning
over isNew when present); other columns are ignored, as BYOR does.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence

from radar.config import RING_KEYS
from radar.errors import ImportError_
from radar.formats.build import RawRecord, build_result, table_records
from radar.formats.jsonutil import load_json, object_fields
from radar.formats.limits import check_rows, check_size
from radar.formats.mapping import parse_bool, parse_movement, resolve_ring
from radar.formats.model import BYOR_CSV, BYOR_JSON, BYOR_XLSX, Entry, ReadResult, Reason
from radar.formats.tabular import COLUMN_ALIASES, Table, header_key, parse_csv, parse_xlsx, require_name
from radar.formats.text import decode_text, neutralise_formula, shown

#: BYOR's default ring names, in our ring order (innermost first).
BYOR_RINGS: dict[str, str] = dict(zip(RING_KEYS, ("adopt", "trial", "assess", "hold"), strict=True))
BYOR_COLUMNS: tuple[str, ...] = ("name", "ring", "quadrant", "isNew", "description")

# A value still wrapped in CSV quoting: "…" with every inner quote doubled.
_CSV_QUOTED = re.compile(r'"((?:[^"]|"")*)"', re.DOTALL)


def byor_record(line: int, values: Mapping[str, str]) -> RawRecord:
    """A RawRecord from one BYOR row (field -> cell text)."""
    record = RawRecord(
        line=line,
        name=values.get("name", ""),
        category=values.get("category", ""),
        description=values.get("description", ""),
    )
    record.ring_raw = values.get("ring", "")
    record.ring, reasons = resolve_ring(record.ring_raw)
    record.reasons.extend(reasons)
    record.movement = _movement(values, record.reasons)
    return record


def _movement(values: Mapping[str, str], reasons: list[Reason]) -> str | None:
    status = values.get("status", "").strip()
    movement = parse_movement(status) if status else None
    if movement is not None:
        return movement
    new = parse_bool(values.get("is_new", "").strip())
    if new is not None:
        return "new" if new else "unchanged"
    for name, text in (("status", status), ("is_new", values.get("is_new", "").strip())):
        if text:
            reasons.append(Reason("import_value_invalid", {"field": name, "value": shown(text)}))
            break
    return None


def records_from_table(table: Table) -> list[RawRecord]:
    """RawRecords from a BYOR-shaped table."""
    return table_records(table, byor_record)


def read_byor_csv(data: bytes, filename: str = "", *, known_categories: Iterable[str] = ()) -> ReadResult:
    """Read a BYOR CSV (any of , ; tab; any supported encoding)."""
    check_size(data)
    table = parse_csv(decode_text(data))
    require_name(table)
    return build_result(BYOR_CSV, records_from_table(table), known_categories=known_categories)


def read_byor_xlsx(
    data: bytes, filename: str = "", sheet: str | None = None, *, known_categories: Iterable[str] = ()
) -> ReadResult:
    """Read BYOR columns from the first (or the named) sheet of an .xlsx."""
    check_size(data)
    table, _ = parse_xlsx(data, sheet)
    require_name(table)
    return build_result(BYOR_XLSX, records_from_table(table), known_categories=known_categories)


def is_byor_json(document: object) -> bool:
    """True when `document` looks like BYOR JSON: a list of objects, one with a name."""
    return (
        isinstance(document, list)
        and bool(document)
        and any(isinstance(i, dict) and "name" in {header_key(str(k)) for k in i} for i in document)
    )


def unquote_csv_leftover(value: str) -> tuple[str, bool]:
    """`value` without CSV quoting left behind by a CSV->JSON conversion, and whether it had any."""
    match = _CSV_QUOTED.fullmatch(value.strip())
    # Only undo quoting that is unmistakable: doubled inner quotes, or markup right inside.
    if match is None or ('""' not in match.group(1) and not value.strip().startswith('"<')):
        return value, False
    return match.group(1).replace('""', '"'), True


def read_byor_json(data: bytes, filename: str = "", *, known_categories: Iterable[str] = ()) -> ReadResult:
    """Read BYOR JSON: an array of objects with name, ring, quadrant, isNew/status, description."""
    return byor_json_result(load_json(data), known_categories=known_categories)


def byor_json_result(document: object, *, known_categories: Iterable[str] = ()) -> ReadResult:
    """ReadResult from an already parsed BYOR JSON document."""
    if not is_byor_json(document):
        raise ImportError_("import_json_shape")
    assert isinstance(document, list)
    check_rows(len(document))
    records = []
    for number, item in enumerate(document, start=1):
        values = object_fields(item, COLUMN_ALIASES)
        if values is None:
            records.append(RawRecord(line=number, rejected=Reason("import_row_invalid")))
            continue
        description, repaired = unquote_csv_leftover(values.get("description", ""))
        values["description"] = description
        record = byor_record(number, values)
        if repaired:
            record.reasons.insert(0, Reason("import_csv_quotes_repaired", {"field": "description"}))
        records.append(record)
    return build_result(BYOR_JSON, records, known_categories=known_categories)


def write_byor_csv(entries: Sequence[Entry]) -> bytes:
    """BYOR CSV (name,ring,quadrant,isNew,description), UTF-8 without BOM, formulas neutralised.

    No BOM: BYOR matches the header text exactly and would not find "name" behind one.
    Entries without a ring keep their original ring text, which BYOR will skip.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(BYOR_COLUMNS)
    for entry in entries:
        ring = BYOR_RINGS[entry.ring] if entry.ring else entry.ring_raw
        is_new = "TRUE" if entry.movement == "new" else "FALSE"
        row = (entry.name, ring, entry.category, is_new, entry.description)
        writer.writerow([neutralise_formula(v) for v in row])
    return buffer.getvalue().encode("utf-8")
