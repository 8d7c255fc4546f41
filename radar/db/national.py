"""Schema, build and queries of the national radar database (data/radar.duckdb)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd

from radar.config import ADOPTION_STAGES
from radar.errors import DataError

from . import connect, shared_cursor

SCHEMA = """
CREATE TABLE categories (
    id VARCHAR PRIMARY KEY, sort INTEGER NOT NULL,
    name_da VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
    description_da VARCHAR NOT NULL, description_en VARCHAR NOT NULL
);
CREATE TABLE domains (
    id VARCHAR PRIMARY KEY, sort INTEGER NOT NULL,
    name_da VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
    description_da VARCHAR NOT NULL, description_en VARCHAR NOT NULL
);
CREATE TABLE technologies (
    id VARCHAR PRIMARY KEY, sort INTEGER NOT NULL,
    name_da VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
    category VARCHAR NOT NULL REFERENCES categories (id),
    description_da VARCHAR NOT NULL, description_en VARCHAR NOT NULL
);
CREATE TABLE municipalities (code INTEGER PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, region VARCHAR NOT NULL);
CREATE TABLE editions (year INTEGER PRIMARY KEY, sample BOOLEAN NOT NULL);
CREATE TABLE maturity (
    edition INTEGER NOT NULL REFERENCES editions (year),
    technology VARCHAR NOT NULL REFERENCES technologies (id),
    maturity INTEGER NOT NULL CHECK (maturity BETWEEN 1 AND 5),
    PRIMARY KEY (edition, technology)
);
CREATE TABLE respondents (
    edition INTEGER NOT NULL REFERENCES editions (year),
    respondent_id VARCHAR NOT NULL,
    municipality_code INTEGER NOT NULL REFERENCES municipalities (code),
    domain VARCHAR NOT NULL REFERENCES domains (id),
    PRIMARY KEY (edition, respondent_id)
);
-- stage: 0 overvejer ikke, 1 overvejer, 2 afprøver, 3 i drift; NULL = "ved ikke".
CREATE TABLE answers (
    edition INTEGER NOT NULL,
    respondent_id VARCHAR NOT NULL,
    technology VARCHAR NOT NULL REFERENCES technologies (id),
    stage TINYINT CHECK (stage BETWEEN 0 AND 3),
    relevant BOOLEAN,
    PRIMARY KEY (edition, respondent_id, technology),
    FOREIGN KEY (edition, respondent_id) REFERENCES respondents (edition, respondent_id)
);
-- value: what the technology has created for a respondent who tries or uses it (KL 2022's question);
-- no row = not asked (an edition without the question, or a stage below 2) or not answered.
CREATE TABLE created_value (
    edition INTEGER NOT NULL,
    respondent_id VARCHAR NOT NULL,
    technology VARCHAR NOT NULL,
    value VARCHAR NOT NULL CHECK (value IN ('efficiency', 'quality', 'wellbeing', 'none', 'dont_know')),
    PRIMARY KEY (edition, respondent_id, technology),
    FOREIGN KEY (edition, respondent_id, technology) REFERENCES answers (edition, respondent_id, technology)
);
CREATE TABLE use_cases (
    technology VARCHAR NOT NULL REFERENCES technologies (id),
    domain VARCHAR NOT NULL REFERENCES domains (id),
    text_da VARCHAR NOT NULL, text_en VARCHAR NOT NULL
);
"""

#: Seed file -> (table, columns in table order). Row order of the file gives `sort`.
SEED_TABLES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("categories.csv", "categories", ("id", "sort", "name_da", "name_en", "description_da", "description_en")),
    ("domains.csv", "domains", ("id", "sort", "name_da", "name_en", "description_da", "description_en")),
    (
        "technologies.csv",
        "technologies",
        ("id", "sort", "name_da", "name_en", "category", "description_da", "description_en"),
    ),
    ("municipalities.csv", "municipalities", ("code", "name", "region")),
    ("editions.csv", "editions", ("year", "sample")),
    ("maturity.csv", "maturity", ("edition", "technology", "maturity")),
    ("respondents.csv", "respondents", ("edition", "respondent_id", "municipality_code", "domain")),
    ("answers.csv", "answers", ("edition", "respondent_id", "technology", "stage", "relevant")),
    ("values.csv", "created_value", ("edition", "respondent_id", "technology", "value")),
    ("use_cases.csv", "use_cases", ("technology", "domain", "text_da", "text_en")),
)


def read_seed(seed_dir: Path) -> dict[str, pd.DataFrame]:
    """The seed CSV files as frames keyed by table name, with `sort` from file order."""
    frames: dict[str, pd.DataFrame] = {}
    for filename, table, columns in SEED_TABLES:
        path = seed_dir / filename
        if not path.exists():
            raise DataError("error_seed_missing", file=str(path))
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        if "sort" in columns:
            frame["sort"] = range(len(frame))
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise DataError("error_seed_columns", file=filename, columns=", ".join(missing))
        frames[table] = frame[list(columns)].replace("", None)
    return frames


def write_tables(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]) -> None:
    """Create the schema and insert the frames; DuckDB casts and checks every constraint."""
    con.execute(SCHEMA)
    for _, table, columns in SEED_TABLES:
        frame = frames[table]
        con.register("incoming", frame)
        try:
            con.execute(f"INSERT INTO {table} SELECT {', '.join(columns)} FROM incoming")  # noqa: S608 - names from SEED_TABLES
        finally:
            con.unregister("incoming")


def build_database(seed_dir: Path, target: Path) -> Path:
    """Write the national database from seed files atomically: temp file, then rename."""
    frames = read_seed(seed_dir)
    replace_database(target, frames)
    return target


def replace_database(target: Path, frames: dict[str, pd.DataFrame]) -> None:
    """Write `frames` to a temp file next to `target` and rename it over; a failure changes nothing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        con = connect(tmp)
        try:
            with con:
                write_tables(con, frames)
        finally:
            con.close()
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)


def export_tables(path: Path) -> dict[str, pd.DataFrame]:
    """Every seed table of an existing database as frames (for rewriting with a new edition)."""
    con = shared_cursor(path)
    return {table: con.execute(f"SELECT {', '.join(cols)} FROM {table}").df() for _, table, cols in SEED_TABLES}  # noqa: S608


def missing_tables(path: Path) -> list[str]:
    """The seed tables a database written by an older version lacks (e.g. created_value before the value question)."""
    con = connect(path, read_only=True)
    try:
        present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()
    return [table for _, table, _ in SEED_TABLES if table not in present]


def upgrade_database(target: Path) -> list[str]:
    """Bring a database of an older version up to today's schema: the tables it lacks are added, empty, and
    every row it has is kept (an imported edition too); temp file, then rename. Returns the tables added."""
    missing = missing_tables(target)
    if not missing:
        return []
    con = connect(target, read_only=True)
    try:
        frames = {
            table: con.execute(f"SELECT {', '.join(cols)} FROM {table}").df()  # noqa: S608 - names from SEED_TABLES
            if table not in missing
            else pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
            for _, table, cols in SEED_TABLES
        }
    finally:
        con.close()
    replace_database(target, frames)
    return missing


def _query(path: Path, sql: str, params: list | None = None) -> pd.DataFrame:
    if not path.exists():
        raise DataError("error_db_missing", path=str(path))
    return shared_cursor(path).execute(sql, params or []).df()


def load_categories(path: Path) -> pd.DataFrame:
    """Radar sectors in drawing order."""
    return _query(path, "SELECT * FROM categories ORDER BY sort")


def load_domains(path: Path) -> pd.DataFrame:
    """Municipal domains in display order."""
    return _query(path, "SELECT * FROM domains ORDER BY sort")


def load_technologies(path: Path) -> pd.DataFrame:
    """The technology catalogue with category, in catalogue order."""
    return _query(path, "SELECT * FROM technologies ORDER BY sort")


def load_editions(path: Path) -> pd.DataFrame:
    """Editions, newest first, with respondent counts."""
    return _query(
        path,
        """SELECT e.year, e.sample, count(r.respondent_id) AS respondents,
                  count(DISTINCT r.municipality_code) AS municipalities
           FROM editions e LEFT JOIN respondents r ON r.edition = e.year
           GROUP BY e.year, e.sample ORDER BY e.year DESC""",
    )


def load_maturity(path: Path, editions: Sequence[int] | None = None) -> pd.DataFrame:
    """Expert technical maturity (1-5) per edition and technology, for `editions` (None: every edition)."""
    chosen = None if editions is None else [int(e) for e in editions]
    where = "" if chosen is None else f"WHERE edition IN ({_placeholders(chosen)})" if chosen else "WHERE false"
    sql = f"SELECT edition, technology, maturity FROM maturity {where} ORDER BY edition, technology"  # noqa: S608 - placeholders only
    return _query(path, sql, chosen or [])


#: What the method needs to know of the answers, per edition, scope and technology. DuckDB first
#: counts the answers per cell, a cell being one combination of ANSWER_COLUMNS (stage 0-3 or NULL,
#: relevant yes/no/NULL) in an edition, scope and technology; then each entry of ANSWER_COUNTS (count
#: column -> condition on a cell) adds up the cells meeting its condition. radar.pipeline computes n,
#: adoption, stage shares and relevance from these counts alone. A new answer column (a per-answer
#: "value", say) is counted by naming it in ANSWER_COLUMNS and adding its conditions to ANSWER_COUNTS,
#: e.g. "count_value_quality": "value = 'quality'"; the query, its grouping and its scopes stay.
ANSWER_COLUMNS: tuple[str, ...] = ("stage", "relevant")
ANSWER_COUNTS: dict[str, str] = {
    **{f"count_stage_{level}": f"stage = {level}" for level in ADOPTION_STAGES},
    "count_dont_know": "stage IS NULL",
    "count_relevant": "relevant",
    "count_not_relevant": "NOT relevant",
}


def _placeholders(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def answer_counts(
    path: Path,
    editions: Sequence[int] | None = None,
    domain: str | None = None,
    *,
    each_domain: bool = False,
    technology: str | None = None,
) -> pd.DataFrame:
    """The counts of ANSWER_COUNTS per edition, scope and technology, aggregated in DuckDB.

    Columns: edition, domain, technology, then one column per entry of ANSWER_COUNTS. The scope is
    `domain` (None: every respondent pooled, given as domain NULL); with `each_domain` (`domain` is
    then not used) the pooled scope and every domain come from one pass over the answers, the pooled
    rows a GROUPING SET over the domains' cells. `editions` None means every edition; `technology`
    keeps one. A technology without answers in a scope has no row there. The raw answers never leave DuckDB:
    the result is a row per edition, scope and technology.
    """
    chosen = None if editions is None else [int(e) for e in editions]
    # Parameters in the order their placeholders appear: in the select list, in the source, in the filter.
    select_params: list = []
    source_params: list = []
    filters, filter_params = [], []
    if chosen is not None:
        filters.append(f"a.edition IN ({_placeholders(chosen)})" if chosen else "false")
        filter_params += chosen
    if technology is not None:
        filters.append("a.technology = ?")
        filter_params.append(technology)
    # The respondents' domain, joined on the respondent id alone when one edition is asked for (both
    # sides are then of that edition, and one key is markedly faster on millions of answers).
    same_edition = "" if chosen is not None and len(chosen) == 1 else " AND r.edition = a.edition"
    of_editions = [] if chosen is None else [f"r.edition IN ({_placeholders(chosen)})" if chosen else "false"]
    if each_domain:
        # Grouped on the domain's number (domains.sort); named once the answers have become cells.
        respondents = "SELECT r.edition, r.respondent_id, d.sort FROM respondents r JOIN domains d ON d.id = r.domain"
        source = f"answers a JOIN ({respondents} {_where(of_editions)}) r ON r.respondent_id = a.respondent_id{same_edition}"
        source_params += chosen or []
        scope, named, scope_name = "r.sort", "JOIN domains d ON d.sort = c.scope", "d.id"
    elif domain is not None:
        # One domain: the same for every answer, so given as a value rather than grouped on.
        respondents = f"SELECT r.edition, r.respondent_id FROM respondents r {_where([*of_editions, 'r.domain = ?'])}"  # noqa: S608
        source = f"answers a JOIN ({respondents}) r ON r.respondent_id = a.respondent_id{same_edition}"
        source_params += [*(chosen or []), domain]
        scope, named, scope_name = "CAST(? AS VARCHAR)", "", "c.scope"
        select_params.append(domain)
    else:
        # Pooled: every answer has its respondent (a foreign key), so the join would change nothing.
        source, scope, named, scope_name = "answers a", "CAST(NULL AS VARCHAR)", "", "c.scope"
    columns = ", ".join(f"a.{column}" for column in ANSWER_COLUMNS)
    counts = ", ".join(
        f"CAST(coalesce(sum(answers) FILTER (WHERE {condition}), 0) AS BIGINT) AS {name}"
        for name, condition in ANSWER_COUNTS.items()
    )
    group = "GROUPING SETS ((c.edition, c.technology), (c.edition, d.id, c.technology))" if each_domain else "ALL"
    sql = f"""
        WITH cells AS (
            SELECT a.edition, {scope} AS scope, a.technology, {columns}, count(*) AS answers
            FROM {source} {_where(filters)}
            GROUP BY ALL
        )
        SELECT c.edition, {scope_name} AS domain, c.technology, {counts}
        FROM cells c {named} GROUP BY {group}
        ORDER BY edition, domain NULLS FIRST, technology"""  # noqa: S608 - names from ANSWER_COLUMNS/ANSWER_COUNTS, values as parameters
    return _query(path, sql, select_params + source_params + filter_params)


def _where(conditions: Sequence[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def load_use_cases(path: Path) -> pd.DataFrame:
    """Use cases per technology and domain."""
    return _query(
        path,
        """SELECT u.technology, u.domain, u.text_da, u.text_en FROM use_cases u
           JOIN domains d ON d.id = u.domain ORDER BY u.technology, d.sort""",
    )


def count_respondents(path: Path, edition: int, domain: str | None = None) -> int:
    """Number of respondents of one edition, all domains or one."""
    frame = _query(
        path,
        "SELECT count(*) AS n FROM respondents WHERE edition = ? AND (CAST(? AS VARCHAR) IS NULL OR domain = ?)",
        [edition, domain, domain],
    )
    return int(frame["n"].iloc[0])


def value_counts(path: Path, edition: int, domain: str | None = None, technology: str | None = None) -> pd.DataFrame:
    """Value answers counted per technology and value (columns technology, value, n) in one edition,
    pooled or of one domain's respondents, all technologies or one."""
    sql = """
        SELECT v.technology, v.value, count(*) AS n
        FROM created_value v JOIN respondents r ON r.edition = v.edition AND r.respondent_id = v.respondent_id
        WHERE v.edition = ? AND (CAST(? AS VARCHAR) IS NULL OR r.domain = ?)
          AND (CAST(? AS VARCHAR) IS NULL OR v.technology = ?)
        GROUP BY ALL ORDER BY v.technology, v.value"""
    return _query(path, sql, [int(edition), domain, domain, technology, technology])
