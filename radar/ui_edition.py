"""Streamlit glue of the Import page's part "Ny national udgave": upload, report, publish.

The analyst chooses the answers file and the maturity file (the templates and formats of
`python -m radar import-edition`), sees the command line's own report (radar.edition.render_report,
in the page's words for its few command-line hints) and publishes with its all-or-nothing write
(radar.publish.publish -> radar.edition.import_edition). Who may do so is radar.publish.access().
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from radar import edition, publish, ui
from radar.edition import ANSWERS, MATURITY, EditionCheck
from radar.errors import RadarError, ValidationError
from radar.formats.tabular import XLSX_MAGIC, xlsx_sheets
from radar.i18n import number, t
from radar.safe import plain
from radar.ui import lang, show_error, tr

FILE_TYPES: tuple[str, ...] = ("csv", "tsv", "txt", "xlsx", "xls")
MAX_UPLOAD_MB = edition.MAX_EDITION_BYTES // (1024 * 1024)
#: Session keys: the typed publishing key, the uploaders' generation (a new one empties them) and the last publication.
KEY_INPUT = "ed-key"
GENERATION = "ed-generation"
PUBLISHED = "ed-published"
#: The sheets to read of the answers and the maturity workbook (None: the first, or not a workbook).
Sheets = tuple[str | None, str | None]
#: ?fane=udgave opens the part directly (a link from the README or a colleague).
PART_PARAM, PART_VALUE = "fane", "udgave"

CSS = """
<style>
.ed-report {max-height: 420px; overflow: auto; border: 1px solid rgba(49, 51, 63, 0.15); border-radius: .5rem;
  padding: .5rem .8rem; font-size: .95rem;}
.ed-report p {margin: .15rem 0;}
.ed-report p.ed-head {font-weight: 600; margin-top: .5rem;}
.ed-report ul {margin: 0 0 .3rem 0; padding-left: 1.2rem;}
.st-key-ed-files [data-testid="stFileUploaderDropzoneInstructions"] span::after {content: "{limit}";}
.st-key-ed-files [data-testid="stFileUploader"] [role="alert"]::after {content: "{refused}";}
</style>
"""


# --- pure helpers ------------------------------------------------------------------------------
def report_html(lines: list[str]) -> str:
    """The report's lines (radar.edition.render_report) as HTML: indented lines as list items, the rest as
    paragraphs; headings ("Fejl:", "Bemærk:") in bold. Every line carries values from the files: escaped."""
    parts: list[str] = []
    items: list[str] = []
    headings = {t("edition_errors_heading", lang_) for lang_ in ("da", "en")} | {
        t("edition_warnings_heading", lang_) for lang_ in ("da", "en")
    }
    for line in lines:
        if line.startswith("  "):
            items.append(f"<li>{plain(line.strip())}</li>")
            continue
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
            items = []
        css = " class='ed-head'" if line in headings else ""
        parts.append(f"<p{css}>{plain(line)}</p>")
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return f"<div class='ed-report'>{''.join(parts)}</div>"


def report_text(lines: list[str]) -> bytes:
    """The whole report as a text file (UTF-8 with BOM, Windows line ends, so Notepad shows æøå)."""
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def default_year(years: list[int]) -> int:
    """The year after the newest edition (this year's survey is next), or 2027 in an empty database."""
    return max(years) + 1 if years else 2027


# --- Streamlit ---------------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=4)
def _check(db: str, stamp: float, year: int, answers: bytes, maturity: bytes, replace: bool, sheets: Sheets) -> EditionCheck:
    # Keyed on the database's modification time: a publication (or a rebuild) checks again.
    return edition.import_edition(
        Path(db), year, answers, maturity, answers_sheet=sheets[0], maturity_sheet=sheets[1], write=False, replace=replace
    )


def _stamp(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else -1.0


def _shown_error(error: RadarError) -> None:
    """A typed error in the page's words (radar.publish.PAGE_WORDING), values shown as text."""
    key = publish.PAGE_WORDING.get(error.key, error.key)
    show_error(ValidationError(key, **error.params) if key != error.key else error)


def closed_notice() -> None:
    """What a hosted server without a publishing key says when the part is asked for directly."""
    st.warning(tr("edition_page_closed"), icon=":material/lock:")


def _key_gate() -> str | None:
    """The typed key when the server asks for one and it is right; "" when no key is asked; None to stop here."""
    if publish.access() != publish.KEY:
        return ""
    given = st.text_input(tr("edition_page_key_label"), type="password", key=KEY_INPUT, help=tr("edition_page_key_help"))
    if not given:
        st.info(tr("edition_page_key_needed"), icon=":material/key:")
        return None
    try:
        publish.check_key(given)
    except ValidationError as error:
        show_error(error)
        return None
    return given


def _published_notice() -> None:
    done = st.session_state.pop(PUBLISHED, None)
    if done is None:
        return
    year, lines = done
    st.success("\n\n".join(lines), icon=":material/check_circle:")  # catalogue text and numbers only
    st.page_link("pages/samlet.py", label=tr("edition_page_see", year=year), icon=":material/radar:",
                 query_params={"edition": str(year)})  # fmt: skip


def _published_lines(check: EditionCheck, db: Path, language: str) -> list[str]:
    count = lambda value: number(value, language, 0)  # noqa: E731
    lines = [
        t("edition_page_published", language, year=check.year, respondents=count(len(check.respondents)),
          municipalities=count(check.respondents["municipality_code"].nunique()), answers=count(len(check.answers)),
          technologies=count(len(check.maturity)))
    ]  # fmt: skip
    previous, moves = edition.movement_counts(db, check.year)
    if previous is not None:
        lines.append(t("edition_movement", language, previous=previous, **{k: count(v) for k, v in moves.items()}))
    return lines


def _templates_and_year(years: list[int]) -> int:
    """The edition's year (the year after the newest by default) beside the two templates."""
    year_col, answers_col, maturity_col = st.columns([1, 1, 1], vertical_alignment="bottom")
    year = year_col.number_input(
        tr("edition_page_year"), min_value=edition.FIRST_YEAR, max_value=edition.LAST_YEAR, value=default_year(years),
        step=1, format="%d", key="ed-year",
    )  # fmt: skip
    answers_col.download_button(
        tr("edition_template_answers"), data=edition.template_answers_csv(), file_name="skabelon-svar.csv", mime="text/csv",
        icon=":material/download:", key="ed-template-answers", on_click="ignore", width="stretch",
    )  # fmt: skip
    maturity_col.download_button(
        tr("edition_template_maturity"), data=edition.template_maturity_csv(), file_name="skabelon-modenhed.csv",
        mime="text/csv", icon=":material/download:", key="ed-template-maturity", on_click="ignore", width="stretch",
    )  # fmt: skip
    return int(year)


def _files(generation: int) -> tuple[object | None, object | None]:
    """The two uploaders (a new generation starts them empty)."""
    with st.container(key="ed-files"):
        left, right = st.columns(2)
        answers = left.file_uploader(
            tr("edition_page_answers_label"), type=list(FILE_TYPES), key=f"ed-answers-{generation}",
            help=tr("edition_page_file_help"), max_upload_size=MAX_UPLOAD_MB,
        )  # fmt: skip
        maturity = right.file_uploader(
            tr("edition_page_maturity_label"), type=list(FILE_TYPES), key=f"ed-maturity-{generation}",
            help=tr("edition_page_file_help"), max_upload_size=MAX_UPLOAD_MB,
        )  # fmt: skip
    return answers, maturity


def _sheet(data: bytes, kind: str, generation: int) -> str | None:
    """The sheet to read of a workbook with more than one (a picker under the files); None: the first, or not a workbook.

    A workbook that cannot be opened gets no picker: reading it says what is wrong, as for any bad file.
    """
    if not data.startswith(XLSX_MAGIC):
        return None
    try:
        sheets = xlsx_sheets(data)
    except RadarError:
        return None
    if len(sheets) < 2:
        return None
    return st.selectbox(tr(f"edition_page_sheet_{kind}"), sheets, key=f"ed-sheet-{kind}-{generation}")


def _verdict(check: EditionCheck, year: int, exists: bool, replace: bool, language: str) -> bool:
    """Say first what the report means; True when the edition may be published."""
    if not check.ok:
        st.error(tr("edition_page_has_errors"), icon=":material/block:")
        return False
    if exists and not replace:
        st.warning(tr("edition_page_needs_replace", year=year), icon=":material/block:")
        return False
    count = lambda value: number(value, language, 0)  # noqa: E731
    st.success(
        tr("edition_page_ok", respondents=count(len(check.respondents)),
           municipalities=count(check.respondents["municipality_code"].nunique()), answers=count(len(check.answers)),
           technologies=count(len(check.maturity))),
        icon=":material/check_circle:",
    )  # fmt: skip
    return True


def _publish(
    db: Path, year: int, answers: bytes, maturity: bytes, sheets: Sheets, key: str | None, replace: bool, language: str
) -> None:
    """Publish (the door is checked again), then start over with empty uploaders and the success said on top."""
    try:
        done = publish.publish(
            db, year, answers, maturity, key=key, replace=replace, answers_sheet=sheets[0], maturity_sheet=sheets[1]
        )
    except RadarError as error:
        _shown_error(error)
        return
    except OSError as error:  # disk full, no right to write: the old file is untouched (temp file, then rename)
        st.error(tr("edition_page_write_failed", reason=plain(error.strerror or str(error))), icon=":material/error:")
        return
    if not done.ok:  # the files are the ones checked, but the catalogue could have changed meanwhile
        st.error(tr("edition_page_has_errors"), icon=":material/block:")
        return
    st.session_state[PUBLISHED] = (year, _published_lines(done, db, language))
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
    st.session_state.pop("ed-year", None)  # the next run offers the year after the new edition
    st.rerun()


def edition_part() -> None:
    """The whole part: the door, year and templates, the two files, the verdict, the report, the publish button."""
    if publish.access() == publish.CLOSED:
        closed_notice()
        return
    language = lang()
    # The uploaders here take the command line's limit, not the radar files' one the page style names.
    words = {"{limit}": tr("upload_limit", max_mb=MAX_UPLOAD_MB), "{refused}": tr("upload_refused", max_mb=MAX_UPLOAD_MB)}
    css = CSS
    for placeholder, text in words.items():
        css = css.replace(placeholder, text.replace("\\", "").replace('"', "'"))
    st.html(css)
    st.caption(tr("edition_page_intro"))
    _published_notice()
    given = _key_gate()
    if given is None:
        return
    db = ui.db_file()
    years = [int(y) for y in ui.editions()["year"]]
    year = _templates_and_year(years)
    generation = st.session_state.setdefault(GENERATION, 0)
    answers, maturity = _files(generation)
    exists = year in years
    replace = exists and st.checkbox(tr("edition_page_replace", year=year), key=f"ed-replace-{year}",
                                     help=tr("edition_page_replace_help"))  # fmt: skip
    if answers is None or maturity is None:
        st.info(tr("edition_page_waiting"), icon=":material/upload_file:")
        return
    answers_data, maturity_data = answers.getvalue(), maturity.getvalue()
    sheets = (_sheet(answers_data, ANSWERS, generation), _sheet(maturity_data, MATURITY, generation))
    try:
        check = _check(str(db), _stamp(db), year, answers_data, maturity_data, replace, sheets)
    except RadarError as error:  # unreadable, too large, a bad year: the same messages as the command line
        _shown_error(error)
        st.caption(tr("edition_page_nothing_written"))
        return
    st.subheader(tr("edition_page_report_heading"))
    allowed = _verdict(check, year, exists, replace, language)
    names = {ANSWERS: answers.name, MATURITY: maturity.name}
    st.html(report_html(edition.render_report(check, names, language, wording=publish.PAGE_WORDING)))
    digest = hashlib.sha256(answers_data + b"\x00" + maturity_data).hexdigest()[:12]
    full = edition.render_report(check, names, language, limit=None, wording=publish.PAGE_WORDING)
    left, right = st.columns(2, vertical_alignment="center")
    right.download_button(
        tr("edition_page_report_download"), data=report_text(full), file_name=f"rapport-udgave-{year}.txt",
        mime="text/plain", icon=":material/download:", key=f"ed-report-{digest}", on_click="ignore", width="stretch",
    )  # fmt: skip
    if allowed and left.button(
        tr("edition_page_publish", year=year), type="primary", icon=":material/publish:", key="ed-publish", width="stretch"
    ):
        _publish(db, year, answers_data, maturity_data, sheets, given or None, replace, language)
