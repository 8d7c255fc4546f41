"""A new national edition from survey answers and expert ratings: read, check every row, write atomically.

    python -m radar import-edition --year 2027 --answers svar.csv --maturity modenhed.xlsx
    python -m radar import-edition --year 2026 --answers svar.csv --maturity modenhed.xlsx --replace

Both files may be CSV (UTF-8 with or without BOM, UTF-16 or a Windows code page; comma,
semicolon or tab) or Excel .xlsx (first sheet unless a sheet is named). Header names are
matched ignoring case, spaces, "-" and "_"; the Danish names in brackets work too.

Answers file, one row per respondent and technology:

- respondent_id (respondent): the respondent's id; one respondent answers for one
  municipality and one domain.
- municipality_code (kommunekode, kommune): the municipality's code, e.g. 101, or its name.
- domain (fagområde): the domain's id (e.g. social-sundhed) or name (Social og sundhed).
- technology (teknologi): the technology's id (e.g. iot-sensorer) or name (IoT og sensorer).
- stage (stadie): 0 overvejer ikke, 1 overvejer, 2 afprøver, 3 i drift (the words work
  too); empty or "ved ikke" means "ved ikke" and counts as no answer.
- relevant (relevans): ja/nej, 1/0 or true/false; empty means not answered.
- value (værdi), optional: what the technology has created (KL 2022's question): efficiency
  (effektivisering), quality (kvalitet), wellbeing (trivsel), none (ingen) or dont_know (ved ikke);
  empty means not asked. A file without the column is read as before.

Maturity file, one row per technology: technology (teknologi) and maturity (modenhed), a
whole number 1-5.

Every row is checked (unknown technology, domain or municipality; stage or maturity out of
range; the same respondent answering twice for a technology or for two domains or
municipalities; technologies with answers but no maturity) and the report names each
problem with its file and line. Only when no row has an error is the edition written: the
national database is rewritten to a temp file and renamed over the old one, so a bad file
changes nothing. The edition is marked as real data (sample = false).

Nothing already saved is lost without asking: when the database already holds an edition
of that year, the import is refused (exit code 1, the database unchanged) unless
--replace is given; with --replace that edition is replaced by the new files.
--dry-run only checks the files and notes whether the year already exists.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from radar import config
from radar.errors import ImportError_, ValidationError
from radar.formats.limits import TooManyRowsError
from radar.formats.mapping import parse_bool, parse_int, parse_status, vocab_key
from radar.formats.model import Reason
from radar.formats.tabular import XLSX_MAGIC, Table, detect_delimiter, parse_csv, parse_xlsx
from radar.formats.text import decode_text, shown
from radar.i18n import DEFAULT_LANGUAGE, LANGUAGES, Count, number, t

#: Largest edition file read (bytes) and most data rows: 98 municipalities x many
#: respondents x 30 technologies fits easily; anything bigger is not a survey export.
MAX_EDITION_BYTES = 100 * 1024 * 1024
MAX_EDITION_ROWS = 500_000
#: Issues printed per kind and file before the rest are summed up (the CLI's --all prints all).
SHOWN_PER_KIND = 20
FIRST_YEAR, LAST_YEAR = 1990, 2100

ANSWERS = "answers"
MATURITY = "maturity"
ANSWER_COLUMNS: tuple[str, ...] = ("respondent_id", "municipality_code", "domain", "technology", "stage", "relevant", "value")
#: Columns a file may leave out (an older survey without the value question).
OPTIONAL_COLUMNS: frozenset[str] = frozenset({"value"})
MATURITY_COLUMNS: tuple[str, ...] = ("technology", "maturity")
#: Folded header spellings -> column.
HEADER_ALIASES: dict[str, str] = {
    "respondentid": "respondent_id",
    "respondent": "respondent_id",
    "municipalitycode": "municipality_code",
    "municipality": "municipality_code",
    "kommunekode": "municipality_code",
    "kommune": "municipality_code",
    "domain": "domain",
    "fagområde": "domain",
    "fagomraade": "domain",
    "technology": "technology",
    "teknologi": "technology",
    "stage": "stage",
    "stadie": "stage",
    "relevant": "relevant",
    "relevans": "relevant",
    "value": "value",
    "værdi": "value",
    "vaerdi": "value",
    "maturity": "maturity",
    "modenhed": "maturity",
    "tekniskmodenhed": "maturity",
}
_DONT_KNOW = frozenset({"vedikke", "dontknow", "?"})
#: Folded words of a value answer -> its key in config.VALUE_ANSWERS.
VALUE_WORDS: dict[str, str] = {
    "efficiency": "efficiency", "effektivisering": "efficiency", "effektivitet": "efficiency",
    "quality": "quality", "kvalitet": "quality",
    "wellbeing": "wellbeing", "trivsel": "wellbeing",
    "none": "none", "ingen": "none", "ingenværdi": "none", "novalue": "none",
    "dontknow": "dont_know", "vedikke": "dont_know",
}  # fmt: skip
_OLD_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# --- reading files ----------------------------------------------------------------------------
@dataclass(frozen=True)
class RawTable:
    """A file's header and its data rows, each with the line (or sheet row) it starts on.

    `rejected` are rows that could not be read at all (lines a broken quote swallowed), by line.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    rejected: Mapping[int, Reason] = field(default_factory=dict)


def _raw(table: Table) -> RawTable:
    strip = lambda cells: tuple(cell.strip() for cell in cells)  # noqa: E731
    return RawTable(strip(table.header), tuple(zip(table.lines, (strip(r) for r in table.rows), strict=True)), table.rejected)


def read_table(data: bytes, sheet: str | None = None) -> RawTable:
    """The rows of a CSV or .xlsx edition file; ImportError_ when it cannot be read."""
    if len(data) > MAX_EDITION_BYTES:
        raise ImportError_("edition_file_too_large", max_mb=MAX_EDITION_BYTES // (1024 * 1024))
    if data.startswith(_OLD_XLS_MAGIC):
        raise ImportError_("import_old_xls")
    # The same table readers as radar files, with the larger row limit of a national survey.
    try:
        if data.startswith(XLSX_MAGIC):
            return _raw(parse_xlsx(data, sheet, max_rows=MAX_EDITION_ROWS)[0])
        text = decode_text(data)
        return _raw(parse_csv(text, detect_delimiter(text, HEADER_ALIASES), max_rows=MAX_EDITION_ROWS))
    except TooManyRowsError:
        raise ImportError_("edition_too_many_rows", max_rows=Count(MAX_EDITION_ROWS)) from None


# --- what the rows are checked against -----------------------------------------------------------
@dataclass(frozen=True)
class Known:
    """The values an edition may use: ids and names folded to their id or code."""

    technologies: Mapping[str, str]
    domains: Mapping[str, str]
    municipalities: Mapping[str, int]
    technology_names: Mapping[str, str]
    technology_order: tuple[str, ...]
    years: tuple[int, ...] = ()

    @classmethod
    def from_frames(
        cls, technologies: pd.DataFrame, domains: pd.DataFrame, municipalities: pd.DataFrame, years: Iterable[int] = ()
    ) -> Known:
        """From the catalogue frames (id, name_da, name_en; code, name)."""

        def folded(frame: pd.DataFrame) -> dict[str, str]:
            out: dict[str, str] = {}
            for column in ("name_en", "name_da", "id"):  # ids win over a name spelled the same
                out.update({vocab_key(v): str(i) for v, i in zip(frame[column], frame["id"], strict=True)})
            return out

        munis = {vocab_key(n): int(c) for n, c in zip(municipalities["name"], municipalities["code"], strict=True)}
        munis.update({str(int(c)): int(c) for c in municipalities["code"]})
        return cls(
            technologies=folded(technologies),
            domains=folded(domains),
            municipalities=munis,
            technology_names=dict(zip(technologies["id"].astype(str), technologies["name_da"].astype(str), strict=True)),
            technology_order=tuple(str(i) for i in technologies["id"]),
            years=tuple(int(y) for y in years),
        )

    @classmethod
    def from_db(cls, path: Path) -> Known:
        """From the national database at `path`."""
        from radar.db import edition as edition_db
        from radar.db import national

        return cls.from_frames(
            national.load_technologies(path),
            national.load_domains(path),
            edition_db.load_municipalities(path),
            national.load_editions(path)["year"],
        )

    def municipality(self, value: str) -> int | None:
        """The code for a code ("0101", "101", "101.0") or a name, else None."""
        text = value.strip()
        number = parse_int(text, self.municipalities.values()) if text else None
        return number if number is not None else self.municipalities.get(vocab_key(text))


# --- checking ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Issue:
    """One problem: in which file and line (0 = the whole file), a message key and its parameters."""

    file: str
    line: int
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    warning: bool = False


#: Message key of the refusal to overwrite an edition that is already in the database.
EDITION_EXISTS = "edition_exists"


@dataclass(frozen=True)
class EditionCheck:
    """What the two files hold after checking: the edition's rows and every issue found."""

    year: int
    respondents: pd.DataFrame
    answers: pd.DataFrame
    maturity: pd.DataFrame
    issues: tuple[Issue, ...]
    answer_rows: int
    maturity_rows: int

    @property
    def errors(self) -> tuple[Issue, ...]:
        """Issues that stop the edition from being written."""
        return tuple(i for i in self.issues if not i.warning)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """Issues worth knowing that do not stop the edition."""
        return tuple(i for i in self.issues if i.warning)

    @property
    def ok(self) -> bool:
        """True when the edition may be written."""
        return not self.errors


def _columns(table: RawTable, wanted: Sequence[str], file: str) -> tuple[dict[str, int], list[Issue]]:
    found: dict[str, int] = {}
    for index, cell in enumerate(table.header):
        column = HEADER_ALIASES.get(vocab_key(cell))
        if column in wanted and column not in found:
            found[column] = index
    missing = [c for c in wanted if c not in found and c not in OPTIONAL_COLUMNS]
    if not missing:
        return found, []
    header = ", ".join(shown(c, 30) for c in table.header if c)[:200] or "–"
    return found, [Issue(file, 0, "edition_columns_missing", {"columns": ", ".join(missing), "found": header})]


def _values(table: RawTable, columns: Mapping[str, int]) -> Iterable[tuple[int, dict[str, str]]]:
    for line, cells in table.rows:
        if line not in table.rejected:
            yield line, {name: cells[i].strip() if i < len(cells) else "" for name, i in columns.items()}


def _unreadable(table: RawTable, file: str) -> list[Issue]:
    """An issue for every row that could not be read at all, with its reason (e.g. an unclosed quote)."""
    return [Issue(file, line, reason.key, reason.params) for line, reason in table.rejected.items()]


def parse_stage(value: str) -> tuple[int | None, str | None]:
    """(stage, None) for 0-3, a stage word, or "ved ikke"/empty (stage None); (None, issue key) otherwise."""
    if not value.strip() or vocab_key(value) in _DONT_KNOW:
        return None, None
    stage = parse_status(value)
    if stage is not None:
        return stage, None
    number = parse_int(value, range(-1000, 1001))
    return None, "edition_stage_out_of_range" if number is not None else "edition_stage_invalid"


def parse_value(value: str) -> tuple[str | None, str | None]:
    """(value key, None) for a value answer word, (None, None) for empty; (None, issue key) otherwise."""
    if not value.strip():
        return None, None
    key = VALUE_WORDS.get(vocab_key(value))
    return (key, None) if key else (None, "edition_value_invalid")


def check_answers(table: RawTable, known: Known) -> tuple[pd.DataFrame, pd.DataFrame, list[Issue]]:
    """(respondents, answers, issues) from the answers file; rows with an error are left out.

    The answers frame carries the value answer in a column `value` (<NA>: not asked); value_frame splits it off.
    """
    columns, issues = _columns(table, ANSWER_COLUMNS, ANSWERS)
    respondents: dict[str, tuple[int, int, str, int]] = {}  # id -> (line, code, domain, first line)
    seen: dict[tuple[str, str], int] = {}
    answers: list[tuple[str, str, int | None, bool | None, str | None]] = []
    if issues:
        return _respondent_frame({}), _answer_frame([]), issues
    issues.extend(_unreadable(table, ANSWERS))
    for line, row in _values(table, columns):
        problems: list[tuple[str, dict[str, Any]]] = []
        respondent = row["respondent_id"]
        if not respondent:
            problems.append(("edition_respondent_missing", {}))
        code = known.municipality(row["municipality_code"])
        if code is None:
            problems.append(("edition_municipality_unknown", {"value": shown(row["municipality_code"])}))
        domain = known.domains.get(vocab_key(row["domain"]))
        if domain is None:
            problems.append(("edition_domain_unknown", {"value": shown(row["domain"])}))
        technology = known.technologies.get(vocab_key(row["technology"]))
        if technology is None:
            problems.append(("edition_technology_unknown", {"value": shown(row["technology"])}))
        stage, stage_problem = parse_stage(row["stage"])
        if stage_problem:
            problems.append((stage_problem, {"value": shown(row["stage"])}))
        relevant = parse_bool(row["relevant"]) if row["relevant"] else None
        if row["relevant"] and relevant is None:
            problems.append(("edition_relevant_invalid", {"value": shown(row["relevant"])}))
        value, value_problem = parse_value(row.get("value", ""))
        if value_problem:
            problems.append((value_problem, {"value": shown(row["value"])}))
        if respondent and technology is not None:
            first = seen.get((respondent, technology))
            if first is not None:
                problems.append(
                    ("edition_duplicate_answer", {"respondent": shown(respondent), "technology": technology, "first_line": first})
                )
            else:
                seen[(respondent, technology)] = line
        if respondent and code is not None and domain is not None:
            before = respondents.get(respondent)
            if before is None:
                respondents[respondent] = (line, code, domain, line)
            else:
                if before[2] != domain:
                    params = {"respondent": shown(respondent), "value": domain, "first": before[2], "first_line": before[3]}
                    problems.append(("edition_respondent_two_domains", params))
                if before[1] != code:
                    params = {"respondent": shown(respondent), "value": code, "first": before[1], "first_line": before[3]}
                    problems.append(("edition_respondent_two_municipalities", params))
        issues.extend(Issue(ANSWERS, line, key, params) for key, params in problems)
        if not problems:
            answers.append((respondent, str(technology), stage, relevant, value))
    answered = {a[0] for a in answers}
    return _respondent_frame({k: v for k, v in respondents.items() if k in answered}), _answer_frame(answers), issues


def _respondent_frame(respondents: Mapping[str, tuple[int, int, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "respondent_id": pd.Series(list(respondents), dtype="string"),
            "municipality_code": pd.Series([v[1] for v in respondents.values()], dtype="int32"),
            "domain": pd.Series([v[2] for v in respondents.values()], dtype="string"),
        }
    )


def _answer_frame(answers: Sequence[tuple[str, str, int | None, bool | None, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "respondent_id": pd.Series([a[0] for a in answers], dtype="string"),
            "technology": pd.Series([a[1] for a in answers], dtype="string"),
            "stage": pd.array([a[2] for a in answers], dtype="Int8"),
            "relevant": pd.array([a[3] for a in answers], dtype="boolean"),
            "value": pd.Series([a[4] for a in answers], dtype="string"),
        }
    )


def value_frame(answers: pd.DataFrame) -> pd.DataFrame:
    """The value answers (respondent_id, technology, value) of a checked answers frame: the rows that have one."""
    given = answers[answers["value"].notna()] if "value" in answers else answers.iloc[0:0].assign(value=pd.NA)
    return given[["respondent_id", "technology", "value"]].reset_index(drop=True)


def check_maturity(table: RawTable, known: Known) -> tuple[pd.DataFrame, list[Issue]]:
    """(technology, maturity) rows and issues from the maturity file; rows with an error are left out."""
    columns, issues = _columns(table, MATURITY_COLUMNS, MATURITY)
    rows: dict[str, int] = {}
    first_line: dict[str, int] = {}
    if not issues:
        issues.extend(_unreadable(table, MATURITY))
        for line, row in _values(table, columns):
            problems: list[tuple[str, dict[str, Any]]] = []
            technology = known.technologies.get(vocab_key(row["technology"]))
            if technology is None:
                problems.append(("edition_technology_unknown", {"value": shown(row["technology"])}))
            maturity = parse_int(row["maturity"], config.MATURITY_LEVELS) if row["maturity"] else None
            if not row["maturity"]:
                problems.append(("edition_maturity_empty", {}))
            elif maturity is None:
                number = parse_int(row["maturity"], range(-1000, 1001))
                key = "edition_maturity_out_of_range" if number is not None else "edition_maturity_invalid"
                problems.append((key, {"value": shown(row["maturity"])}))
            if technology is not None:
                if technology in first_line:
                    problems.append(
                        ("edition_maturity_duplicate", {"technology": technology, "first_line": first_line[technology]})
                    )
                else:
                    first_line[technology] = line
            issues.extend(Issue(MATURITY, line, key, params) for key, params in problems)
            if not problems and technology is not None and maturity is not None:
                rows[technology] = maturity
    frame = pd.DataFrame(
        {"technology": pd.Series(list(rows), dtype="string"), "maturity": pd.Series(list(rows.values()), dtype="int32")}
    )
    return frame, issues


def _cross_check(
    answers: pd.DataFrame,
    maturity: pd.DataFrame,
    answers_clean: bool,
    maturity_read: bool,
    known: Known,
    year: int,
    replace: bool,
) -> list[Issue]:
    issues: list[Issue] = []
    if year in known.years:
        key = "edition_replaces" if replace else "edition_exists_needs_replace"
        issues.append(Issue(ANSWERS, 0, key, {"year": year}, warning=True))
    if not maturity_read:
        return issues
    if answers.empty and answers_clean:
        issues.append(Issue(ANSWERS, 0, "edition_no_rows"))
    if maturity.empty:
        issues.append(Issue(MATURITY, 0, "edition_no_rows"))
    if answers.empty or maturity.empty:
        return issues
    answered = set(answers["technology"])
    rated = set(maturity["technology"])
    for technology in known.technology_order:
        if technology in answered and technology not in rated:
            issues.append(Issue(MATURITY, 0, "edition_maturity_missing", {"technology": technology}))
        elif technology in rated and technology not in answered and answers_clean:
            issues.append(Issue(ANSWERS, 0, "edition_no_answers", {"technology": technology}, warning=True))
    # Only from a clean answers file: a technology whose rows all had errors is not "absent".
    absent = [known.technology_names.get(t_, t_) for t_ in known.technology_order if t_ not in answered and t_ not in rated]
    if absent and answers_clean:
        issues.append(Issue(MATURITY, 0, "edition_technologies_absent", {"names": ", ".join(absent)}, warning=True))
    return issues


def check_year(year: int) -> None:
    """Raise ValidationError unless `year` is a plausible edition year."""
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise ValidationError("edition_year_invalid", year=year)


def check_edition(year: int, answers: RawTable, maturity: RawTable, known: Known, *, replace: bool = False) -> EditionCheck:
    """Check both files against `known`: the edition's rows (error-free rows only) and every issue.

    An existing edition of `year` is a warning: that it will be replaced (`replace`) or that
    replacing it needs --replace.
    """
    check_year(year)
    respondents, answer_rows, answer_issues = check_answers(answers, known)
    maturity_rows, maturity_issues = check_maturity(maturity, known)
    read_maturity = not any(i.key == "edition_columns_missing" for i in maturity_issues)
    cross = _cross_check(answer_rows, maturity_rows, not answer_issues, read_maturity, known, int(year), replace)
    return EditionCheck(
        year=int(year),
        respondents=respondents,
        answers=answer_rows,
        maturity=maturity_rows,
        issues=(*answer_issues, *maturity_issues, *cross),
        answer_rows=len(answers.rows),
        maturity_rows=len(maturity.rows),
    )


# --- the report ----------------------------------------------------------------------------------
def render_issue(
    issue: Issue, names: Mapping[str, str], lang: str = DEFAULT_LANGUAGE, wording: Mapping[str, str] | None = None
) -> str:
    """One issue as a line: file, line number and the problem in `lang`.

    `wording` swaps a message key for another that says the same (the Import page's words for a
    hint that speaks of the command line, radar.publish.PAGE_WORDING).
    """
    message = t((wording or {}).get(issue.key, issue.key), lang, **issue.params)
    name = names.get(issue.file, issue.file)
    if issue.line:
        return t("edition_issue_line", lang, file=name, line=issue.line, message=message)
    return t("edition_issue_file", lang, file=name, message=message)


def render_report(
    check: EditionCheck,
    names: Mapping[str, str],
    lang: str = DEFAULT_LANGUAGE,
    limit: int | None = SHOWN_PER_KIND,
    wording: Mapping[str, str] | None = None,
) -> list[str]:
    """The check as lines of text: a count per file, the errors (at most `limit` per kind and file), then warnings.

    The command line prints these lines; the Import page shows the same lines (with `wording`, see render_issue).
    """
    words = wording or {}
    count = lambda value: number(value, lang, 0)  # noqa: E731
    lines = [
        t("edition_file_summary", lang, file=names[ANSWERS], rows=count(check.answer_rows),
          errors=count(_count(check.errors, ANSWERS))),
        t("edition_file_summary", lang, file=names[MATURITY], rows=count(check.maturity_rows),
          errors=count(_count(check.errors, MATURITY))),
    ]  # fmt: skip
    for heading, issues in (("edition_errors_heading", check.errors), ("edition_warnings_heading", check.warnings)):
        if not issues:
            continue
        lines.append(t(heading, lang))
        shown_per: dict[tuple[str, str], int] = {}
        hidden: dict[tuple[str, str], int] = {}
        for issue in issues:
            kind = (issue.file, issue.key)
            if limit is not None and shown_per.get(kind, 0) >= limit:
                hidden[kind] = hidden.get(kind, 0) + 1
                continue
            shown_per[kind] = shown_per.get(kind, 0) + 1
            lines.append("  " + render_issue(issue, names, lang, words))
        for (file, _), more in hidden.items():
            lines.append("  " + t(words.get("edition_more", "edition_more"), lang, file=names.get(file, file), count=count(more)))
    return lines


def _count(issues: Iterable[Issue], file: str) -> int:
    """Rows of `file` with at least one of `issues` (a problem with the whole file counts as one)."""
    return len({i.line for i in issues if i.file == file})


def movement_counts(path: Path, year: int) -> tuple[int | None, dict[str, int]]:
    """(previous edition, count per movement) of the combined radar of `year` against the edition before."""
    from radar import pipeline, service

    previous = service.previous_edition(path, year)
    current = service.scores(path, year)
    before = service.scores(path, previous) if previous is not None else None
    moves = pipeline.movement(current, before).dropna()
    return previous, {m: int((moves == m).sum()) for m in config.MOVEMENTS}


# --- the whole import ------------------------------------------------------------------------------
def import_edition(
    db_path: Path,
    year: int,
    answers: bytes,
    maturity: bytes,
    *,
    answers_sheet: str | None = None,
    maturity_sheet: str | None = None,
    write: bool = True,
    replace: bool = False,
) -> EditionCheck:
    """Read and check both files; when no row has an error (and `write`), write edition `year` atomically.

    When the database already holds edition `year` and `write` is asked without `replace`,
    ValidationError(EDITION_EXISTS) is raised before anything is read or written.
    """
    check_year(year)
    known = Known.from_db(db_path)
    if write and not replace and int(year) in known.years:
        raise ValidationError(EDITION_EXISTS, year=int(year))
    tables = read_table(answers, answers_sheet), read_table(maturity, maturity_sheet)
    check = check_edition(year, *tables, known, replace=replace)
    if check.ok and write:
        from radar.db.edition import write_edition

        write_edition(
            db_path, check.year, check.maturity, check.respondents, check.answers, value_frame(check.answers), replace=replace
        )
    return check


# --- templates ------------------------------------------------------------------------------------
_TEMPLATE_ANSWERS: tuple[tuple[str, ...], ...] = (
    ("R-0001", "101", "social-sundhed", "video", "3", "ja", "kvalitet"),
    ("R-0001", "101", "social-sundhed", "iot-sensorer", "2", "ja", "effektivisering"),
    ("R-0001", "101", "social-sundhed", "kvantecomputere", "", "nej", ""),
    ("R-0002", "751", "dagtilbud-skole", "video", "1", "ja", ""),
    ("R-0002", "751", "dagtilbud-skole", "iot-sensorer", "0", "nej", ""),
    ("R-0003", "851", "Teknik og miljø", "Droner", "2", "ja", "ved ikke"),
)
_TEMPLATE_MATURITY: tuple[tuple[str, ...], ...] = (
    ("video", "5"),
    ("iot-sensorer", "4"),
    ("droner", "3"),
    ("kvantecomputere", "1"),
)


def _template(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    # UTF-8 with BOM and ";" so Danish Excel opens it with æøå in the right columns.
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template_answers_csv() -> bytes:
    """A template answers file: the documented header and a few example rows (CSV for Excel)."""
    return _template(ANSWER_COLUMNS, _TEMPLATE_ANSWERS)


def template_maturity_csv() -> bytes:
    """A template maturity file: the documented header and a few example rows (CSV for Excel)."""
    return _template(MATURITY_COLUMNS, _TEMPLATE_MATURITY)


# --- command line -----------------------------------------------------------------------------------
def cli_lang() -> str:
    """Language of the report: TEKNOLOGIRADAR_LANG (da or en), Danish by default."""
    wanted = os.environ.get("TEKNOLOGIRADAR_LANG", DEFAULT_LANGUAGE)
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def _run(args: argparse.Namespace) -> int:
    lang = cli_lang()
    target = Path(args.db) if args.db else config.db_path()
    answers_path, maturity_path = Path(args.answers), Path(args.maturity)
    try:
        answers_data, maturity_data = answers_path.read_bytes(), maturity_path.read_bytes()
    except OSError as error:
        print(t("edition_file_unreadable", lang, file=str(error.filename), reason=error.strerror), flush=True)
        return 1
    names = {ANSWERS: answers_path.name, MATURITY: maturity_path.name}
    try:
        check = import_edition(
            target, args.year, answers_data, maturity_data, answers_sheet=args.answers_sheet,
            maturity_sheet=args.maturity_sheet, write=not args.dry_run, replace=args.replace,
        )  # fmt: skip
    except ValidationError as error:
        if error.key != EDITION_EXISTS:
            raise
        print(t(error.key, lang, **error.params), file=sys.stderr, flush=True)
        return 1
    for line in render_report(check, names, lang, None if args.all else SHOWN_PER_KIND):
        print(line)
    if not check.ok:
        print(t("edition_nothing_written", lang))
        return 1
    if args.dry_run:
        print(t("edition_dry_run_ok", lang))
        return 0
    print(
        t(
            "edition_written", lang, year=check.year, path=str(target), respondents=len(check.respondents),
            municipalities=check.respondents["municipality_code"].nunique(), answers=len(check.answers),
            technologies=len(check.maturity),
        )
    )  # fmt: skip
    previous, moves = movement_counts(target, check.year)
    if previous is not None:
        print(t("edition_movement", lang, previous=previous, **moves))
    return 0


def add_import_command(subparsers: Any) -> None:
    """Add `import-edition` to the `python -m radar` command line."""
    parser = subparsers.add_parser(
        "import-edition",
        help="check survey answers and maturity ratings and write them as a new edition (--replace for an existing year)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--year", type=int, required=True, help="the edition's year, e.g. 2027")
    parser.add_argument("--answers", required=True, help="survey answers, CSV or .xlsx")
    parser.add_argument("--maturity", required=True, help="technical maturity per technology, CSV or .xlsx")
    parser.add_argument("--db", default=None, help="national database (default: data/radar.duckdb or TEKNOLOGIRADAR_DB)")
    parser.add_argument("--answers-sheet", default=None, help="sheet of an .xlsx answers file (default: the first)")
    parser.add_argument("--maturity-sheet", default=None, help="sheet of an .xlsx maturity file (default: the first)")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="replace the edition of --year if the database already has one (without it, the import is refused)",
    )
    parser.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    parser.add_argument("--all", action="store_true", help=f"print every problem (default: {SHOWN_PER_KIND} per kind)")
    parser.set_defaults(run=_run)
