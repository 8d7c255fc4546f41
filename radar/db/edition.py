"""Reading what an edition import checks against, and writing one edition into the national database.

The write is whole-file: every table is read, the edition's rows are replaced, and the new
file is written under a temp name of its own and renamed over the old one, so a failure at
any point leaves the database exactly as it was. Two imports at once take turns: the whole
read-modify-replace holds an exclusive lock on a sidecar file (`<database>.lock`, kept
beside it), so the second one reads what the first one wrote and both editions are kept.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from radar.errors import DataError, ValidationError

from . import national

#: How long an import waits for another one writing the same database before it gives up.
LOCK_WAIT_SECONDS = 120.0

#: Tables that hold rows of one edition, and their edition column.
EDITION_TABLES: dict[str, str] = {
    "editions": "year", "maturity": "edition", "respondents": "edition", "answers": "edition", "created_value": "edition",
}  # fmt: skip
VALUE_COLUMNS: tuple[str, ...] = ("respondent_id", "technology", "value")


def load_municipalities(path: Path) -> pd.DataFrame:
    """Municipality code, name and region, by code."""
    if not path.exists():
        raise DataError("error_db_missing", path=str(path))
    return national.shared_cursor(path).execute("SELECT code, name, region FROM municipalities ORDER BY code").df()


def edition_tables(
    existing: dict[str, pd.DataFrame],
    year: int,
    maturity: pd.DataFrame,
    respondents: pd.DataFrame,
    answers: pd.DataFrame,
    values: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """`existing` tables with edition `year` replaced by the given rows (editions row with sample = false).

    `maturity` has technology, maturity; `respondents` respondent_id, municipality_code,
    domain; `answers` respondent_id, technology, stage (<NA> = "ved ikke"), relevant;
    `values` (none: the files did not ask the value question) respondent_id, technology, value.
    """
    values = pd.DataFrame({c: pd.Series(dtype="string") for c in VALUE_COLUMNS}) if values is None else values
    frames = dict(existing)
    for table, column in EDITION_TABLES.items():
        frame = existing[table]
        frames[table] = frame[frame[column].astype(int) != int(year)]
    new_rows = {
        "editions": pd.DataFrame({"year": [int(year)], "sample": [False]}),
        "maturity": maturity[["technology", "maturity"]].assign(edition=int(year)),
        "respondents": respondents[["respondent_id", "municipality_code", "domain"]].assign(edition=int(year)),
        "answers": answers[["respondent_id", "technology", "stage", "relevant"]].assign(edition=int(year)),
        "created_value": values[list(VALUE_COLUMNS)].assign(edition=int(year)),
    }
    for table, rows in new_rows.items():
        columns = list(existing[table].columns)
        rows = rows[columns]
        kept = frames[table]
        frames[table] = rows.reset_index(drop=True) if kept.empty else pd.concat([kept, rows], ignore_index=True)
    frames["answers"] = frames["answers"].astype({"stage": "Int8", "relevant": "boolean"})
    return frames


def write_edition(
    path: Path,
    year: int,
    maturity: pd.DataFrame,
    respondents: pd.DataFrame,
    answers: pd.DataFrame,
    values: pd.DataFrame | None = None,
    *,
    replace: bool = False,
) -> None:
    """Write edition `year` into the database at `path` atomically (temp file, then rename).

    An edition of `year` already in the database is replaced only with `replace`; without it
    ValidationError("edition_exists") is raised and the database is left as it is.
    """
    if not path.exists():
        raise DataError("error_db_missing", path=str(path))
    with _write_lock(path):
        # Read under the lock: an edition another import wrote meanwhile is kept, and its year counts.
        existing = national.export_tables(path)
        if not replace and int(year) in set(existing["editions"]["year"].astype(int)):
            raise ValidationError("edition_exists", year=int(year))
        _replace_file(path, edition_tables(existing, year, maturity, respondents, answers, values))


def lock_path(path: Path) -> Path:
    """The sidecar file whose lock serialises writers of the database at `path`."""
    return path.with_name(path.name + ".lock")


@contextmanager
def _write_lock(path: Path) -> Iterator[None]:
    """Hold the exclusive write lock of the database at `path`; DataError when another writer keeps it too long."""
    # The lock file is never removed: removing it would let a waiting and a new writer lock two different files.
    with open(lock_path(path), "a") as handle:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DataError("edition_db_busy", path=str(path)) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _replace_file(path: Path, frames: dict[str, pd.DataFrame]) -> None:
    """Write `frames` as a new database in a temp folder of its own beside `path`, then rename it over `path`."""
    folder = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}."))
    try:
        national.replace_database(folder / path.name, frames)
        os.replace(folder / path.name, path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
