"""Tables from CSV text or XLSX bytes: header, rows with their line numbers, column roles."""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time

from radar.errors import ImportError_
from radar.formats.limits import MAX_ROWS, FileTooLargeError, SheetLimits, check_rows
from radar.formats.model import Reason
from radar.formats.text import restore_formula, valid_text

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
    "maturity": "maturity",
}
# Columns only our own format has; their presence means the table is ours, not BYOR.
OWN_ONLY_COLUMNS: frozenset[str] = frozenset(
    {"technology_id", "ring_raw", "ring_reason", "relevance", "note", "owner", "next_step", "movement"}
)


@dataclass(frozen=True)
class Table:
    """A header and its data rows; `lines[i]` is where row i starts in the source.

    `rejected` holds rows that cannot be read at all, by line (their cells are empty): the
    lines an unclosed quote swallowed, each reported with where the quote starts.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    rejected: Mapping[int, Reason] = field(default_factory=dict)

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


_LINES_CHUNK = 1 << 20


def physical_lines(text: str, last_ending: str = "") -> Iterator[str]:
    """The lines of `text` with their line breaks (\\r\\n, \\r or \\n, as the csv module counts them), one at a time.

    `last_ending` is added to the last line when it has no line break. A megabyte at a time,
    cut after a \\n: io.StringIO of the whole text would hold four bytes a character, and a
    Python loop over millions of lines would be slow.
    """
    return itertools.chain.from_iterable(io.StringIO(chunk, newline="") for chunk in _chunks(text, last_ending))


def _chunks(text: str, last_ending: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = text.find("\n", start + _LINES_CHUNK)
        end = len(text) if end == -1 else end + 1
        chunk = text[start:end]
        yield chunk + last_ending if end == len(text) and not chunk.endswith(("\n", "\r")) else chunk
        start = end


def _first_record(text: str, max_lines: int = 50) -> str:
    """The first non-blank line, extended over line breaks inside quotes (within `max_lines`)."""
    parts: list[str] = []
    quotes = 0
    for line in physical_lines(text):  # lazily: the text may have millions of lines
        line = line.rstrip("\r\n")
        if not parts and not line.strip():
            continue
        parts.append(line)
        quotes += line.count('"')
        if quotes % 2 == 0 or len(parts) >= max_lines:
            break
    return "\n".join(parts)


def detect_delimiter(text: str, aliases: Container[str] = COLUMN_ALIASES) -> str:
    """The delimiter of CSV `text`: the candidate that yields most known header names (`aliases`, folded), else the commonest."""
    header = _first_record(text)
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:
            continue
        known = sum(1 for c in cells if header_key(c) in aliases)
        score = (known, len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


#: What _table reads: (line, cells, and the reason when the row cannot be read at all).
_Record = tuple[int, tuple[str, ...], Reason | None]


def _table(records: Iterable[_Record], max_rows: int) -> Table:
    """A Table from records: blank ones skipped, the first one the header."""
    header: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    rejected: dict[int, Reason] = {}
    for line, cells, reason in records:
        if reason is None and not any(cell.strip() for cell in cells):
            continue  # a blank line (or one of bare separators) holds no data row
        if header is None:
            if reason is not None:
                raise ImportError_("import_csv_malformed", line=line)  # the header itself is broken
            header = cells
            continue
        rows.append(cells)
        lines.append(line)
        if reason is not None:
            rejected[line] = reason
        check_rows(len(rows), max_rows)
    if header is None:
        raise ImportError_("import_empty_file")
    return Table(header, tuple(rows), tuple(lines), rejected)


# Marks the end of the text for the csv module; decode_text refuses NUL, so no text holds one.
_END = "\x00"
_NEWLINE = re.compile(r"\r\n|\r|\n")
# The csv module's own limit (128 KiB) would make a long description a broken file; values
# are cut to their limits after reading, and no field can be longer than the file.
csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))


def _lines_and_end(text: str) -> Iterator[str]:
    """The physical lines of `text`, the last one ended by a line break, then a line of _END alone."""
    return itertools.chain(physical_lines(text, last_ending="\n"), [_END])


def _looks_swallowed(parts: list[str], width: int, delimiter: str) -> bool:
    """True when a quoted value's lines look like rows a stray quote swallowed.

    `parts` are the value's lines; every line wholly inside it splits into exactly `width`
    cells, as the table's rows do. A real multi-line note rarely has that many separators.
    """
    inner = parts[1:-1]
    if width < 3 or not inner:
        return False
    return all(len(next(csv.reader([line], delimiter=delimiter), [])) == width for line in inner)


def _swallowed(first: int, quote: int, last: int, parts: list[str], start: int, end: int) -> Iterator[_Record]:
    """Rejected records for a row a stray quote broke: the row it opens in and each non-blank line after.

    `parts` are the lines of the quoted value, which starts on line `quote`; the record ran
    from `first` to `last`.
    """
    reason = Reason("import_csv_unclosed_quote", {"start": start, "end": end})
    yield first, (), reason
    for line in range(quote + 1, last + 1):
        index = line - quote
        if index >= len(parts) or parts[index].strip():
            yield line, (), reason


def _lines(value: str) -> list[str]:
    return _NEWLINE.split(value)


def parse_csv(text: str, delimiter: str | None = None, max_rows: int = MAX_ROWS) -> Table:
    """A Table from CSV `text` (blank lines skipped); ImportError_ when it is not CSV.

    A quote that never closes (or closes only lines later, after swallowing what looks like
    whole rows) does not turn the rest of the file into one value silently: each line it
    swallowed is a rejected row naming the lines the quote spans.
    """
    if _END in text:
        raise ImportError_("import_not_text")
    delimiter = delimiter or detect_delimiter(text)
    reader = csv.reader(_lines_and_end(text), delimiter=delimiter)

    def records() -> Iterator[_Record]:
        end, width = 0, 0
        for record in reader:
            # A record starts on the line after the previous one ended (quoted fields span lines).
            start, end = end + 1, reader.line_num
            if record == [_END]:
                return
            if not "".join(record).strip():  # blank (one C call: a file may have millions of such lines)
                continue
            width = width or len(record)
            if record[-1].endswith(_END):  # the text ended inside a quoted value
                value = record[-1][: -len(_END)]
                parts = _lines(value.removesuffix("\n").removesuffix("\r"))
                last = end - 1
                quote = last - len(parts) + 1
                yield from _swallowed(start, quote, last, parts, quote, last)
                continue
            broken = next((i for i, cell in enumerate(record) if _NEWLINE.search(cell)
                           and _looks_swallowed(_lines(cell), width, delimiter)), None)  # fmt: skip
            if broken is None:
                yield start, tuple(restore_formula(cell) for cell in record), None
                continue
            parts = _lines(record[broken])
            quote = start + sum(len(_lines(cell)) - 1 for cell in record[:broken])
            yield from _swallowed(start, quote, end, parts, quote, quote + len(parts) - 1)

    try:
        return _table(records(), max_rows)
    except csv.Error:
        raise ImportError_("import_csv_malformed", line=reader.line_num) from None


def cell_text(value: object) -> str:
    """A cell value (from JSON or a spreadsheet) as text: None -> "", True -> "TRUE", 3.0 -> "3", dates ISO.

    Lone surrogates (JSON "\\ud800", Excel "_xD800_") become U+FFFD: they are not text and
    nothing downstream (the sanitiser, Streamlit) can encode them.
    """
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
    return valid_text(str(value))


# --- .xlsx ------------------------------------------------------------------------------------
_CHUNK = 1 << 20
# A cell element, with or without a namespace prefix (<c r="A1">, <x:c>); not <col>, <cfRule>.
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
# A document type declaration can define entities that expand far beyond the file.
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_UTF16_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")
_MAX_MEMBERS = 1_000


def _unpacked_too_large(size: int, limit: int) -> FileTooLargeError:
    return FileTooLargeError("import_xlsx_unpacked_too_large", size_mb=round(size / 1024 / 1024, 1),
                             max_mb=limit // (1024 * 1024))  # fmt: skip


def _check_members(archive: zipfile.ZipFile, limits: SheetLimits) -> None:
    """Refuse a workbook by its zip directory alone: too many members, too large unpacked, packed too tightly."""
    members = archive.infolist()
    if len(members) > _MAX_MEMBERS:
        raise ImportError_("import_xlsx_unreadable")
    unpacked = sum(info.file_size for info in members)
    if unpacked > limits.unzipped_bytes:
        raise _unpacked_too_large(unpacked, limits.unzipped_bytes)
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.RATIO_CHECKED_BYTES and ratio > limits.MAX_RATIO:
            raise ImportError_("import_xlsx_packed_too_tightly", ratio=round(ratio), max=limits.MAX_RATIO)


def _count_xml(archive: zipfile.ZipFile, limits: SheetLimits) -> None:
    """Stream through every XML member once, counting cells and tags, before openpyxl parses any.

    Python's zipfile stops at a member's declared size, so what is counted is all there is.
    """
    cells = tags = 0
    for info in archive.infolist():
        with archive.open(info) as member:
            chunk = member.read(_CHUNK)
            if chunk.startswith(_UTF16_STARTS):
                raise ImportError_("import_xlsx_unreadable")  # Excel writes UTF-8; UTF-16 would hide from the count
            if b"\x00" in chunk:
                continue  # binary (an image): the XML parser could not read it either
            pending = b""
            while chunk or pending:
                buffer = pending + chunk
                # A tag may go on in the next chunk: keep a short tail that starts with '<'.
                cut = buffer.rfind(b"<")
                keep = chunk and cut != -1 and len(buffer) - cut < 64
                head, pending = (buffer[:cut], buffer[cut:]) if keep else (buffer, b"")
                if _DTD.search(head):
                    raise ImportError_("import_xlsx_unreadable")
                cells += len(_CELL.findall(head))
                tags += head.count(b"<")
                if cells > limits.cells or tags > limits.tags:
                    raise ImportError_("import_xlsx_too_many_cells", max=limits.cells)
                chunk = member.read(_CHUNK) if chunk else b""


def _check_workbook(data: bytes, limits: SheetLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise ImportError_("import_not_radar_file")
            _check_members(archive, limits)
            _count_xml(archive, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, ValueError, EOFError,
            zlib.error):  # fmt: skip
        # Broken, encrypted (RuntimeError) or oddly compressed (NotImplementedError) archives.
        raise ImportError_("import_xlsx_unreadable") from None


def xlsx_sheets(data: bytes) -> list[str]:
    """Names of the sheets in an .xlsx, in workbook order; ImportError_ when it cannot be read."""
    workbook = _open_workbook(data, SheetLimits())
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _open_workbook(data: bytes, limits: SheetLimits):  # noqa: ANN202 - openpyxl's Workbook type
    _check_workbook(data, limits)
    import openpyxl  # imported late: only needed for spreadsheets

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, XML errors...) for broken files
        raise ImportError_("import_xlsx_unreadable") from None


def parse_xlsx(data: bytes, sheet: str | None = None, max_rows: int = MAX_ROWS) -> tuple[Table, dict[str, str]]:
    """A Table from the first (or the named) sheet, and key/value pairs of our meta sheet if any."""
    limits = SheetLimits(max_rows)
    workbook = _open_workbook(data, limits)
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise ImportError_("import_sheet_missing", sheet=sheet, sheets=", ".join(names))
        if not names:
            raise ImportError_("import_empty_file")
        table = _table(_sheet_records(workbook[sheet or names[0]], limits), max_rows)
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


def _sheet_records(worksheet, limits: SheetLimits) -> Iterator[_Record]:  # noqa: ANN001 - openpyxl worksheet
    """(row number, cell texts) of every row, within the sheet limits.

    The sheet's declared size is checked and then not trusted: openpyxl pads every row to a
    declared width and stops at a declared height, so a wrong one would pad a million rows
    or drop real ones. Without it, each row is as long as its last cell.
    """
    if (worksheet.max_row or 0) > limits.MAX_ROW_NUMBER or (worksheet.max_column or 0) > _EXCEL_COLUMNS:
        raise ImportError_("import_xlsx_unreadable")  # beyond what any spreadsheet can hold
    worksheet.reset_dimensions()
    budget = limits.cells
    for number, row in enumerate(worksheet.iter_rows(), start=1):
        if number > limits.MAX_ROW_NUMBER:
            raise ImportError_("import_xlsx_unreadable")
        if len(row) > limits.MAX_COLUMNS:
            if any(cell.value not in (None, "") for cell in row[limits.MAX_COLUMNS :]):
                raise ImportError_("import_xlsx_too_wide", max=limits.MAX_COLUMNS)
            row = row[: limits.MAX_COLUMNS]
        budget -= len(row)
        if budget < 0:
            raise ImportError_("import_xlsx_too_many_cells", max=limits.cells)
        yield number, tuple(_sheetcell_text(cell) for cell in row), None


_EXCEL_COLUMNS = 16_384


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
    if not text.startswith("'"):
        return text  # restore_formula would not change it: no need to look up the cell's style
    return text if _quote_prefixed(cell) else restore_formula(text)
