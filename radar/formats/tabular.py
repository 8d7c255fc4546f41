"""Tables from CSV text or XLSX bytes: header, rows with their line numbers, column roles."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from radar.errors import ImportError_
from radar.formats.limits import MAX_ROWS, MAX_UNZIPPED_BYTES, FileTooLargeError, check_rows
from radar.formats.text import restore_formula

DELIMITERS: tuple[str, ...] = (",", ";", "\t")
XLSX_MAGIC = b"PK\x03\x04"
#: Sheet our XLSX writer adds for the radar's name, municipality, domain and date.
META_SHEET = "Om radaren"

_HEADER_JUNK = re.compile(r"[\s_\-]+")


def header_key(value: str) -> str:
    """A header cell folded for matching: "isNew", "is_new" and " IsNew " are the same."""
    return _HEADER_JUNK.sub("", value.replace("\ufeff", "").casefold())


# Header spellings we understand -> Entry field (or BYOR-only column).
COLUMN_ALIASES: dict[str, str] = {
    "technologyid": "technology_id",
    "teknologiid": "technology_id",
    "name": "name",
    "navn": "name",
    "title": "name",
    "label": "name",
    "teknologi": "name",
    "category": "category",
    "kategori": "category",
    "quadrant": "category",
    "kvadrant": "category",
    "segment": "category",
    "description": "description",
    "beskrivelse": "description",
    "body": "description",
    "ring": "ring",
    "ringraw": "ring_raw",
    "ringireksisterendefil": "ring_raw",
    "ringreason": "ring_reason",
    "begrundelse": "ring_reason",
    "status": "status",
    "stadie": "status",
    "relevance": "relevance",
    "relevans": "relevance",
    "note": "note",
    "noter": "note",
    "owner": "owner",
    "ejer": "owner",
    "ansvarlig": "owner",
    "nextstep": "next_step",
    "næsteskridt": "next_step",
    "movement": "movement",
    "bevægelse": "movement",
    "isnew": "is_new",
}
# Columns only our own format has; their presence means the table is ours, not BYOR.
OWN_ONLY_COLUMNS: frozenset[str] = frozenset(
    {"technology_id", "ring_raw", "ring_reason", "relevance", "note", "owner", "next_step", "movement"}
)


@dataclass(frozen=True)
class Table:
    """A header and its data rows; `lines[i]` is where row i starts in the source."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]

    def columns(self) -> dict[str, int]:
        """Field -> column index for the header cells we understand (first occurrence wins)."""
        found: dict[str, int] = {}
        for index, cell in enumerate(self.header):
            role = COLUMN_ALIASES.get(header_key(cell))
            if role is not None and role not in found:
                found[role] = index
        return found

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(line, field -> cell) for every data row; missing cells are empty."""
        columns = self.columns()
        for line, row in zip(self.lines, self.rows, strict=True):
            yield line, {role: row[i] if i < len(row) else "" for role, i in columns.items()}


def require_name(table: Table) -> None:
    """Raise ImportError_ when `table` has no column we can read as the technology's name."""
    if "name" not in table.columns():
        raise ImportError_("import_no_name_column", columns=", ".join(c for c in table.header if c)[:200])


def table_kind(table: Table) -> str:
    """The kind of table, "own" or "byor"; ImportError_ when it has no name column."""
    require_name(table)
    columns = table.columns()
    if OWN_ONLY_COLUMNS & columns.keys():
        return "own"
    if "is_new" in columns:
        return "byor"
    if "category" in columns and header_key(table.header[columns["category"]]) == "quadrant":
        return "byor"
    return "own"


def _first_record(text: str, max_lines: int = 50) -> str:
    """The first non-blank line, extended over line breaks inside quotes (within `max_lines`)."""
    parts: list[str] = []
    quotes = 0
    for line in text.splitlines():
        if not parts and not line.strip():
            continue
        parts.append(line)
        quotes += line.count('"')
        if quotes % 2 == 0 or len(parts) >= max_lines:
            break
    return "\n".join(parts)


def detect_delimiter(text: str) -> str:
    """The delimiter of CSV `text`: the candidate that yields a known header, else the commonest."""
    header = _first_record(text)
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:
            continue
        known = sum(1 for c in cells if header_key(c) in COLUMN_ALIASES)
        score = (known, len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _table(records: Iterable[tuple[int, tuple[str, ...]]], max_rows: int) -> Table:
    """A Table from (line, cells) records: blank ones skipped, the first one the header."""
    header: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue  # a blank line (or one of bare separators) holds no data row
        if header is None:
            header = cells
            continue
        rows.append(cells)
        lines.append(line)
        check_rows(len(rows), max_rows)
    if header is None:
        raise ImportError_("import_empty_file")
    return Table(header, tuple(rows), tuple(lines))


def parse_csv(text: str, delimiter: str | None = None, max_rows: int = MAX_ROWS) -> Table:
    """A Table from CSV `text` (blank lines skipped); ImportError_ when it is not CSV."""
    delimiter = delimiter or detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def records() -> Iterator[tuple[int, tuple[str, ...]]]:
        end = 0
        for record in reader:
            # A record starts on the line after the previous one ended (quoted fields span lines).
            start, end = end + 1, reader.line_num
            yield start, tuple(restore_formula(cell) for cell in record)

    try:
        return _table(records(), max_rows)
    except csv.Error:
        raise ImportError_("import_csv_malformed", line=reader.line_num) from None


def cell_text(value: object) -> str:
    """A cell value (from JSON or a spreadsheet) as text: None -> "", True -> "TRUE", 3.0 -> "3", dates ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportError_("import_xlsx_unreadable") from None
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise ImportError_("import_not_radar_file")
    if unpacked > MAX_UNZIPPED_BYTES:
        raise FileTooLargeError("import_file_too_large", size_mb=round(unpacked / 1024 / 1024, 1),
                                max_mb=MAX_UNZIPPED_BYTES // (1024 * 1024))  # fmt: skip


def xlsx_sheets(data: bytes) -> list[str]:
    """Names of the sheets in an .xlsx, in workbook order."""
    workbook = _open_workbook(data)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _open_workbook(data: bytes):  # noqa: ANN202 - openpyxl's Workbook type
    _check_zip(data)
    import openpyxl  # imported late: only needed for spreadsheets

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, XML errors...) for broken files
        raise ImportError_("import_xlsx_unreadable") from None


def parse_xlsx(data: bytes, sheet: str | None = None, max_rows: int = MAX_ROWS) -> tuple[Table, dict[str, str]]:
    """A Table from the first (or the named) sheet, and key/value pairs of our meta sheet if any."""
    workbook = _open_workbook(data)
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise ImportError_("import_sheet_missing", sheet=sheet, sheets=", ".join(names))
        if not names:
            raise ImportError_("import_empty_file")
        table = _sheet_table(workbook[sheet or names[0]], max_rows)
        meta: dict[str, str] = {}
        if META_SHEET in names and (sheet or names[0]) != META_SHEET:
            meta = dict(_sheet_pairs(workbook[META_SHEET]))
        return table, meta
    except ImportError_:
        raise
    except Exception:  # malformed sheet XML surfaces only while iterating rows
        raise ImportError_("import_xlsx_unreadable") from None
    finally:
        workbook.close()


def _sheet_table(worksheet, max_rows: int = MAX_ROWS) -> Table:  # noqa: ANN001 - openpyxl worksheet
    records = ((number, tuple(_sheetcell_text(cell) for cell in row)) for number, row in enumerate(worksheet.iter_rows(), start=1))
    return _table(records, max_rows)


def _sheet_pairs(worksheet) -> Iterator[tuple[str, str]]:  # noqa: ANN001 - openpyxl worksheet
    for row in worksheet.iter_rows(min_row=1, max_row=50, max_col=2):
        if len(row) == 2 and row[0].value is not None:
            yield cell_text(row[0].value).strip(), _sheetcell_text(row[1])


def _quote_prefixed(cell) -> bool:  # noqa: ANN001 - openpyxl read-only cell
    """True when the cell has Excel's quotePrefix style: its text is exactly what the user sees."""
    try:
        style = cell.style_array  # absent on an EmptyCell
    except (AttributeError, IndexError):  # IndexError: a style id the file does not define
        return False
    return bool(style.quotePrefix)


def _sheetcell_text(cell) -> str:  # noqa: ANN001 - openpyxl read-only cell
    """A cell's text; without quotePrefix the protective ' of older exports is removed (restore_formula)."""
    text = cell_text(cell.value)
    return text if _quote_prefixed(cell) else restore_formula(text)
