"""Limits for untrusted files, and the typed errors raised when a file breaks them.

The limits keep reading any file within 5 s and 300 MB (benchmarks/hostile_files.py
measures the worst cases): what a file may hold, what an .xlsx may unpack to, and how much
markup the sanitiser is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from radar.errors import ImportError_
from radar.i18n import Count

#: Largest file we read at all (bytes).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Most data rows (CSV/XLSX rows, JSON entries) in one file.
MAX_ROWS = 5_000

#: Longest values kept; longer ones are cut and reported as truncated.
MAX_NAME_CHARS = 120
MAX_SHORT_CHARS = 200
MAX_LONG_CHARS = 2_000
MAX_DESCRIPTION_CHARS = 10_000
#: Only this many times a value's limit is cleaned at all: the rest could never be kept.
RAW_CHARS_FACTOR = 10
#: Most markup characters ('<' and '&') in all values of one file together. Sanitising costs
#: about a microsecond per markup character; a real radar file has a few per entry.
MAX_MARKUP_CHARS = 300_000


@dataclass(frozen=True)
class SheetLimits:
    """What reading one .xlsx may cost, scaled with the rows the reader accepts.

    The zip's member sizes are checked before anything is unpacked, the XML is counted
    while streaming through it once, and only then does openpyxl read it; so a zip bomb,
    a billion cells or a declared sheet size of a million rows is refused quickly.
    """

    max_rows: int = MAX_ROWS

    #: Unpacked size of a radar workbook: what the largest CSV file holds, and its XML around it.
    BASE_UNZIPPED_BYTES = 32 * 1024 * 1024
    UNZIPPED_BYTES_PER_ROW = 512
    #: A zip member this large must not be packed tighter than MAX_RATIO (real sheets: 5-20x).
    RATIO_CHECKED_BYTES = 1024 * 1024
    MAX_RATIO = 100
    #: Cells (<c> elements, empty or not) and XML tags per accepted row: openpyxl takes 15-30
    #: microseconds per cell, so these keep reading a full radar workbook within about 2 s.
    #: Our own export has 14 columns.
    CELLS_PER_ROW = 15
    TAGS_PER_ROW = 150
    #: Columns and row numbers a sheet may use (Excel's own maximum row number).
    MAX_COLUMNS = 200
    MAX_ROW_NUMBER = 1_048_576

    @property
    def unzipped_bytes(self) -> int:
        """Largest total unpacked size of all members."""
        return max(self.BASE_UNZIPPED_BYTES, self.max_rows * self.UNZIPPED_BYTES_PER_ROW)

    @property
    def cells(self) -> int:
        """Most <c> elements in the whole workbook (and most cells openpyxl may hand us)."""
        return (self.max_rows + 1) * self.CELLS_PER_ROW

    @property
    def tags(self) -> int:
        """Most XML start and end tags in the whole workbook."""
        return (self.max_rows + 1) * self.TAGS_PER_ROW


class FileTooLargeError(ImportError_):
    """The file is larger than MAX_FILE_BYTES (or unpacks to more than its SheetLimits allow)."""


class TooManyRowsError(ImportError_):
    """The file has more than MAX_ROWS data rows."""


def check_size(data: bytes) -> None:
    """Raise FileTooLargeError when `data` is over the size limit, ImportError_ when empty."""
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLargeError(
            "import_file_too_large",
            size_mb=round(len(data) / 1024 / 1024, 1),
            max_mb=MAX_FILE_BYTES // (1024 * 1024),
        )
    if not data.strip():
        raise ImportError_("import_empty_file")


def check_rows(count: int, max_rows: int = MAX_ROWS) -> None:
    """Raise TooManyRowsError when `count` data rows is over the row limit."""
    if count > max_rows:
        raise TooManyRowsError("import_too_many_rows", max_rows=Count(max_rows))
