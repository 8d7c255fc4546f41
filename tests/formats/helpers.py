"""Small builders for test files: CSV text/bytes and XLSX workbooks made in code."""

from __future__ import annotations

import csv
import io
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
