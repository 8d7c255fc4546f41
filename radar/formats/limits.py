"""Limits for untrusted files, and the typed errors raised when a file breaks them."""

from __future__ import annotations

from radar.errors import ImportError_

#: Largest file we read at all (bytes).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Most data rows (CSV/XLSX rows, JSON entries) in one file.
MAX_ROWS = 5_000
#: An .xlsx is a zip; refuse one that would unpack to more than this (zip-bomb guard).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

#: Longest values kept; longer ones are cut and reported as truncated.
MAX_NAME_CHARS = 120
MAX_SHORT_CHARS = 200
MAX_LONG_CHARS = 2_000
MAX_DESCRIPTION_CHARS = 10_000


class FileTooLargeError(ImportError_):
    """The file is larger than MAX_FILE_BYTES (or unpacks to more than MAX_UNZIPPED_BYTES)."""


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
        raise TooManyRowsError("import_too_many_rows", max_rows=max_rows)
