"""Small builders for test files: CSV text/bytes and XLSX workbooks made in code."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence

import openpyxl

BYOR_HEADER = ("name", "ring", "quadrant", "isNew", "description")


def csv_text(rows: Sequence[Sequence[object]], delimiter: str = ",", newline: str = "\n") -> str:
    """Rows written by the csv module (quoting what needs quoting)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


def csv_bytes(rows: Sequence[Sequence[object]], delimiter: str = ",", encoding: str = "utf-8", newline: str = "\n") -> bytes:
    """Rows as CSV bytes in `encoding` ("utf-8-sig" adds a BOM, "utf-16" a UTF-16 BOM)."""
    return csv_text(rows, delimiter, newline).encode(encoding)


def xlsx_bytes(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    """A workbook with one sheet per item, in order."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def raw_csv_cells(data: bytes, delimiter: str = ";") -> list[list[str]]:
    """The cells of a CSV exactly as a spreadsheet would receive them (no restoring)."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


SHEET_START = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def inline_cell(ref: str, text: str) -> str:
    """One cell of sheet XML holding `text` (XML-escaped) as an inline string."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{escaped}</t></is></c>'


def sheet_xml(rows: Sequence[str], dimension: str | None = None, before: str = "") -> bytes:
    """Sheet XML with the given <row> elements (already written), an optional declared size and text before it."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f"{before}{SHEET_START}{declared}<sheetData>{''.join(rows)}</sheetData></worksheet>".encode()


def with_members(data: bytes, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A copy of the zip `data` with `members` replaced or added (for hand-made sheets and bombs)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", compression) as target:
        for info in source.infolist():
            if info.filename not in members:
                target.writestr(info.filename, source.read(info.filename))
        for name, content in members.items():
            target.writestr(name, content)
    return out.getvalue()


def hand_made_xlsx(sheet: bytes, **members: bytes) -> bytes:
    """A real workbook (made by openpyxl) whose first sheet is replaced by `sheet`."""
    return with_members(xlsx_bytes({"Ark1": [("name",)]}), {"xl/worksheets/sheet1.xml": sheet, **members})


# A municipality's own lists in shapes no reader knows (the mapping step, issue point 11).
OWN_LIST_CSV = (
    "Teknologi;Beskrivelse;Område;Modenhed\r\n"
    "Droner til inspektion;Droner ser på broer;Teknik og miljø;3\r\n"
    "Chatbot;Svarer borgere;Borgerservice;2\r\n"
    "Vejsensorer;Måler is på vejene;Teknik og miljø;1\r\n"
    ";Uden navn;Teknik og miljø;2\r\n"
    "Robotstøvsugere;Gulve i skoler;Skole;høj\r\n"
).encode()
OWN_LIST_JSON = "\ufeff" + (
    '[{"techName": "Droner", "maturity": 3, "departments": {"Teknik": "pilot", "Skole": "nej"}, "contact": "Åse"},\n'
    ' {"techName": "Chatbot", "maturity": 1, "departments": {"Borgerservice": "i drift"}},\n'
    ' {"techName": "RPA", "maturity": 2, "departments": {}},\n'
    ' "ikke et objekt"]'
)
OWN_LIST_JSON_BYTES = OWN_LIST_JSON.encode("utf-8")
