"""Reading what an edition import checks against, and writing one edition into the national database.

The write is whole-file: every table is read, the edition's rows are replaced, and
national.replace_database writes a temp file and renames it over the old one, so a
failure at any point leaves the database exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from radar.errors import DataError, ValidationError

from . import national

#: Tables that hold rows of one edition, and their edition column.
EDITION_TABLES: dict[str, str] = {"editions": "year", "maturity": "edition", "respondents": "edition", "answers": "edition"}


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
) -> dict[str, pd.DataFrame]:
    """`existing` tables with edition `year` replaced by the given rows (editions row with sample = false).

    `maturity` has technology, maturity; `respondents` respondent_id, municipality_code,
    domain; `answers` respondent_id, technology, stage (<NA> = "ved ikke"), relevant.
    """
    frames = dict(existing)
    for table, column in EDITION_TABLES.items():
        frame = existing[table]
        frames[table] = frame[frame[column].astype(int) != int(year)]
    new_rows = {
        "editions": pd.DataFrame({"year": [int(year)], "sample": [False]}),
        "maturity": maturity[["technology", "maturity"]].assign(edition=int(year)),
        "respondents": respondents[["respondent_id", "municipality_code", "domain"]].assign(edition=int(year)),
        "answers": answers[["respondent_id", "technology", "stage", "relevant"]].assign(edition=int(year)),
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
    *,
    replace: bool = False,
) -> None:
    """Write edition `year` into the database at `path` atomically (temp file, then rename).

    An edition of `year` already in the database is replaced only with `replace`; without it
    ValidationError("edition_exists") is raised and the database is left as it is.
    """
    if not path.exists():
        raise DataError("error_db_missing", path=str(path))
    existing = national.export_tables(path)
    if not replace and int(year) in set(existing["editions"]["year"].astype(int)):
        raise ValidationError("edition_exists", year=int(year))
    national.replace_database(path, edition_tables(existing, year, maturity, respondents, answers))
