"""A file in a shape no reader knows, read through a mapping the user picks.

A municipality's own list has its own column names (`Teknologi;Beskrivelse;Område;Modenhed`)
or is a JSON array of objects with keys of its own (`techName`, `maturity` 1-3, a nested
object of departments). `source_table` reads any such file into named columns of text, one
row per data row (nested objects flattened to "key: value" text); `guess_mapping` suggests
which column is the name, the description, the category, the ring or a number to turn into
rings; `read_mapped` turns the table and a FieldMapping into a ReadResult through the same
build_result as every reader, so every row gets one report row (accepted + rejected = rows).
Columns the mapping does not use are kept, as "column: value" lines, in the note.

A number becomes a ring by cut-offs, one lowest value per ring from KLAR outwards: the first
ring whose lowest value the number reaches. For a 1-3 scale the suggestion is 3 -> KLAR,
2 -> AFPRØV, 1 -> HOLD ØJE (one ring per level, from the top); for a wider scale the range
is cut into four equal bands.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from radar.config import RING_KEYS
from radar.errors import ImportError_
from radar.formats.build import RawRecord, build_result
from radar.formats.jsonutil import cell, is_scalar, parse_json_text
from radar.formats.limits import check_rows, check_size
from radar.formats.mapping import resolve_ring
from radar.formats.model import CUSTOM_CSV, CUSTOM_JSON, CUSTOM_XLSX, ReadResult, Reason
from radar.formats.tabular import COLUMN_ALIASES, XLSX_MAGIC, header_key, parse_csv, parse_xlsx
from radar.formats.text import decode_text, shown

#: The roles a column can be given; a ring comes from a ring column or from a number column, not both.
ROLES: tuple[str, ...] = ("name", "description", "category", "ring", "number")
#: Folded column names that suggest a role, beyond the ones our readers know (tabular.COLUMN_ALIASES).
_GUESSES: dict[str, str] = {
    "techname": "name",
    "technology": "name",
    "tech": "name",
    "område": "category",
    "omraade": "category",
    "area": "category",
    "fagområde": "category",
    "modenhed": "number",
    "maturity": "number",
    "score": "number",
    "niveau": "number",
    "level": "number",
}
#: Keys of a JSON object that hold the list of technologies, when the file is an object.
_LIST_KEYS: tuple[str, ...] = ("entries", "technologies", "items", "data", "rows")
#: How deep nested objects are flattened into text.
MAX_DEPTH = 8
#: Rings, innermost first, that a scale of at most this many levels gets one each.
_LEVELS = len(RING_KEYS)


@dataclass(frozen=True)
class SourceTable:
    """A file as named columns of text: (line, column -> text) per data row, and rows that could not be read."""

    format: str
    columns: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]
    rejected: dict[int, Reason] = field(default_factory=dict)

    def values(self, column: str) -> list[str]:
        """The non-empty texts of `column`, in file order."""
        return [row[column] for _, row in self.rows if row.get(column, "").strip()]


@dataclass(frozen=True)
class FieldMapping:
    """Which column plays which role; `cutoffs` are (ring key, lowest value or None) from KLAR outwards."""

    name: str
    description: str | None = None
    category: str | None = None
    ring: str | None = None
    number: str | None = None
    cutoffs: tuple[tuple[str, float | None], ...] = ()

    def used(self) -> set[str]:
        """The columns given a role."""
        return {c for c in (self.name, self.description, self.category, self.ring, self.number) if c}


# --- reading any shape into columns ------------------------------------------------------------
def flat_text(value: object, depth: int = 0) -> str:
    """A JSON value as one line of text: scalars as cells, objects as "key: value; …", lists joined by ", ".

    Nesting deeper than MAX_DEPTH is shown as "…", so a hostile file cannot exhaust the stack.
    """
    if is_scalar(value):
        return cell(value)
    if depth >= MAX_DEPTH:
        return "…"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {flat_text(item, depth + 1)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(flat_text(item, depth + 1) for item in value)
    return ""


def _json_items(document: object) -> list[object]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in _LIST_KEYS:
            if isinstance(document.get(key), list):
                return document[key]
        lists = [v for v in document.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
    raise ImportError_("import_json_shape")


def _json_table(document: object) -> SourceTable:
    items = _json_items(document)
    check_rows(len(items))
    columns: dict[str, None] = {}
    rows: list[tuple[int, dict[str, str]]] = []
    rejected: dict[int, Reason] = {}
    for line, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            rejected[line] = Reason("import_row_invalid")
            rows.append((line, {}))
            continue
        row = {str(key): flat_text(value) for key, value in item.items()}
        columns.update(dict.fromkeys(row))
        rows.append((line, row))
    return SourceTable(CUSTOM_JSON, tuple(columns), tuple(rows), rejected)


def source_table(data: bytes, sheet: str | None = None) -> SourceTable:
    """Any CSV, XLSX sheet or JSON list of objects as named columns of text (a BOM is no matter)."""
    check_size(data)
    if data.startswith(XLSX_MAGIC):
        table, _ = parse_xlsx(data, sheet)
        fmt = CUSTOM_XLSX
    else:
        text = decode_text(data)
        if text.lstrip()[:1] in ("{", "["):
            return _json_table(parse_json_text(text))
        table = parse_csv(text)
        fmt = CUSTOM_CSV
    header = [h.strip() or f"#{i + 1}" for i, h in enumerate(table.header)]
    columns = tuple(dict.fromkeys(header))
    rows = tuple((line, _named(header, cells)) for line, cells in zip(table.lines, table.rows, strict=True))
    return SourceTable(fmt, columns, rows, dict(table.rejected))


def _named(header: Sequence[str], cells: Sequence[str]) -> dict[str, str]:
    """Column -> cell, in column order; of two columns with one name the first wins."""
    row: dict[str, str] = {}
    for index, column in enumerate(header):
        row.setdefault(column, cells[index] if index < len(cells) else "")
    return row


def unknown_columns(columns: Iterable[str]) -> list[str]:
    """The columns none of our readers knows by name (what a reader would leave out)."""
    return [c for c in columns if header_key(c) not in COLUMN_ALIASES]


# --- suggesting a mapping ----------------------------------------------------------------------
def parse_number(text: str) -> float | None:
    """`text` as a number ("3", "2,5", " 4 "), else None."""
    try:
        number = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def default_cutoffs(values: Iterable[str]) -> tuple[tuple[str, float | None], ...]:
    """Suggested cut-offs for the numbers among `values` (see the module docstring)."""
    numbers = sorted({n for n in (parse_number(v) for v in values) if n is not None}, reverse=True)
    if not numbers:
        return tuple((ring, None) for ring in RING_KEYS)
    if len(numbers) <= _LEVELS and all(n.is_integer() for n in numbers):
        lows: list[float | None] = [*numbers, *([None] * (_LEVELS - len(numbers)))]
        return tuple(zip(RING_KEYS, lows, strict=True))
    high, low = numbers[0], numbers[-1]
    band = (high - low) / _LEVELS
    return tuple((ring, round(high - band * (i + 1), 2) if i < _LEVELS - 1 else low) for i, ring in enumerate(RING_KEYS))


def guess_mapping(table: SourceTable) -> FieldMapping:
    """A suggested mapping: columns by name (our readers' names and a few more), the first column as name otherwise."""
    roles: dict[str, str] = {}
    for column in table.columns:
        key = header_key(column)
        role = _GUESSES.get(key) or COLUMN_ALIASES.get(key)
        if role in ROLES and role not in roles:
            roles[role] = column
    if "ring" in roles:
        roles.pop("number", None)
    name = roles.get("name") or (table.columns[0] if table.columns else "")
    number = roles.get("number")
    return FieldMapping(
        name=name,
        description=roles.get("description"),
        category=roles.get("category"),
        ring=roles.get("ring"),
        number=number,
        cutoffs=default_cutoffs(table.values(number)) if number else (),
    )


def cutoff_problem(cutoffs: Sequence[tuple[str, float | None]]) -> str | None:
    """A catalogue key when the cut-offs cannot be used (none set, or not falling from KLAR outwards), else None."""
    lows = [low for _, low in cutoffs if low is not None]
    if not lows:
        return "import_cutoffs_none"
    if any(inner <= outer for inner, outer in zip(lows, lows[1:], strict=False)):
        return "import_cutoffs_order"
    return None


def ring_for(number: float, cutoffs: Sequence[tuple[str, float | None]]) -> str | None:
    """The first ring (from KLAR outwards) whose lowest value `number` reaches; None below them all."""
    for ring, low in cutoffs:
        if low is not None and number >= low:
            return ring
    return None


# --- reading through the mapping ---------------------------------------------------------------
def _record(line: int, row: Mapping[str, str], mapping: FieldMapping) -> RawRecord:
    record = RawRecord(
        line=line,
        name=row.get(mapping.name, ""),
        description=row.get(mapping.description, "") if mapping.description else "",
        category=row.get(mapping.category, "") if mapping.category else "",
    )
    if mapping.ring:
        record.ring_raw = row.get(mapping.ring, "")
        record.ring, reasons = resolve_ring(record.ring_raw)
        record.reasons.extend(reasons)
    elif mapping.number:
        text = row.get(mapping.number, "").strip()
        number = parse_number(text) if text else None
        record.ring_raw = text
        if not text:
            record.reasons.append(Reason("import_ring_missing"))
        elif number is None:
            record.reasons.append(Reason("import_value_invalid", {"field": mapping.number, "value": shown(text)}))
        else:
            record.ring = ring_for(number, mapping.cutoffs)
            if record.ring is None:
                record.reasons.append(Reason("import_number_no_ring", {"field": mapping.number, "value": shown(text)}))
            else:
                record.reasons.append(Reason("import_ring_mapped", {"raw": shown(text), "ring": record.ring}))
    else:
        record.reasons.append(Reason("import_ring_missing"))
    used = mapping.used()
    record.note = "\n".join(f"{column}: {value}" for column, value in row.items() if column not in used and value.strip())
    return record


def read_mapped(table: SourceTable, mapping: FieldMapping, *, known_categories: Iterable[str] = ()) -> ReadResult:
    """`table` read through `mapping`: entries and one report row per data row, the rest of each row in its note."""
    if mapping.name not in table.columns:
        raise ImportError_("import_no_name_column", columns=", ".join(table.columns)[:200])
    records = [
        RawRecord(line=line, rejected=table.rejected[line]) if line in table.rejected else _record(line, row, mapping)
        for line, row in table.rows
    ]
    return build_result(table.format, records, known_categories=known_categories)
