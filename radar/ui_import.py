"""Streamlit glue of the Import page: choose a file, read the report, map unknown rings and
categories, preview the radar, keep it as an own radar; and exports of the national radar.

The pure helpers at the top take plain values (ReadResult, Entry, frames) and are tested
without a running app. Everything a file brings is untrusted: it is shown through the one
escaping function (radar.safe.plain, here as ui.plain: our HTML, Plotly labels, Markdown
of widget labels) or as plain values in tables, never as Markdown or HTML of its own.

Other radars publish a ring but no score, so the preview places an imported blip by its
ring alone: its score is NaN, which radar.layout places in the middle of the ring's band,
and blips are numbered by ring, then name. Kept as an own radar, an imported ring becomes
a ring set by hand (its reason says which file it came from), so the blip stays where the
file put it until the group changes it; a category of its own stays the radar's own sector.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from radar import chart, config, explain, own, publish, ui, ui_edition, ui_own
from radar.db import own as own_db
from radar.errors import ImportError_, RadarError
from radar.formats import (
    ACCEPTED,
    ACCEPTED_WITH_CHANGE,
    MAX_FILE_BYTES,
    REJECTED,
    Entry,
    ReadResult,
    apply_category_mapping,
    apply_ring_mapping,
    read_radar_file,
    render_reason,
    render_summary,
    xlsx_sheets,
)
from radar.formats.custom import (
    ROLES,
    FieldMapping,
    SourceTable,
    cutoff_problem,
    default_cutoffs,
    guess_mapping,
    read_mapped,
    source_table,
    unknown_columns,
)
from radar.formats.mapping import vocab_key
from radar.formats.model import BYOR_CSV, BYOR_XLSX, OWN_CSV, OWN_XLSX, STATUSES, ZALANDO_JSON
from radar.formats.tabular import XLSX_MAGIC
from radar.formats.text import description_text, neutralise_formula, truncate
from radar.i18n import DATE_INPUT_FORMATS, t
from radar.layout import place_blips
from radar.national_export import national_files
from radar.safe import plain
from radar.ui import PLOTLY_CONFIG, lang, page_header, show_error, tr, tr_text

#: Choice in the category mapping: keep the file's own category.
KEEP = "__keep__"
#: Choice in the ring mapping: leave the technologies without a ring (listed as not placed).
UNPLACED = "__unplaced__"
#: Preview sector of technologies the file gave no category.
NO_CATEGORY = "__none__"
FILE_TYPES: tuple[str, ...] = ("csv", "tsv", "txt", "json", "xlsx", "xls")
MAX_UPLOAD_MB = MAX_FILE_BYTES // (1024 * 1024)
STATUS_COLORS: dict[str, str] = {ACCEPTED: "#1b7f4d", ACCEPTED_WITH_CHANGE: "#8a5a00", REJECTED: "#b3261e"}


# --- pure helpers ------------------------------------------------------------------------------
def with_our_categories(result: ReadResult, lookup: Mapping[str, str]) -> ReadResult:
    """`result` with categories that name one of ours (id or name) replaced by our id."""
    entries = tuple(
        replace(e, category=lookup[vocab_key(e.category)]) if e.category and vocab_key(e.category) in lookup else e
        for e in result.entries
    )
    return replace(result, entries=entries)


def uncategorised(result: ReadResult) -> int:
    """How many entries the file gave no category."""
    return sum(1 for e in result.entries if not e.category)


def ring_counts(result: ReadResult) -> dict[str, int]:
    """Entries per unknown ring text (as the reader lists them)."""
    keys = {vocab_key(raw): raw for raw in result.unknown_rings}
    counts = dict.fromkeys(result.unknown_rings, 0)
    for entry in result.entries:
        raw = keys.get(vocab_key(entry.ring_raw)) if entry.ring is None and entry.ring_raw else None
        if raw is not None:
            counts[raw] += 1
    return counts


def category_counts(result: ReadResult) -> dict[str, int]:
    """Entries per unknown category (as the reader lists them), plus "" for entries without one."""
    keys = {vocab_key(raw): raw for raw in result.unknown_quadrants}
    counts = dict.fromkeys(result.unknown_quadrants, 0)
    for entry in result.entries:
        raw = keys.get(vocab_key(entry.category))
        if raw is not None:
            counts[raw] += 1
    if uncategorised(result):
        counts[""] = uncategorised(result)
    return counts


def apply_choices(result: ReadResult, rings: Mapping[str, str | None], categories: Mapping[str, str | None]) -> ReadResult:
    """`result` with the user's ring and category choices applied (UNPLACED, KEEP and None change nothing)."""
    ring_map = {raw: key for raw, key in rings.items() if key in config.RING_KEYS}
    category_map = {raw: key for raw, key in categories.items() if key and key != KEEP}
    out = apply_ring_mapping(result, ring_map) if ring_map else result
    return apply_category_mapping(out, category_map) if category_map else out


def report_rows(result: ReadResult, lang: str, statuses: Iterable[str] | None = None) -> list[dict[str, object]]:
    """One dict per report row (line, status key, status text, name, what happened), in file order."""
    wanted = set(STATUSES if statuses is None else statuses)
    return [
        {
            "line": row.line,
            "status": row.status,
            "status_text": t(f"import_status_{row.status}", lang),
            "name": row.name,
            "what": "; ".join(render_reason(r, lang) for r in row.reasons),
        }
        for row in result.report
        if row.status in wanted
    ]


def reason_groups(result: ReadResult, lang: str) -> list[tuple[str, int]]:
    """What happened to the rows, grouped: (sentence, number of rows), commonest first.

    Reasons that name another line (a merged duplicate) are grouped under one sentence.
    """
    counts: dict[str, int] = {}
    for row in result.report:
        for reason in row.reasons:
            text = t("import_group_duplicate", lang) if reason.key == "import_duplicate_merged" else render_reason(reason, lang)
            counts[text] = counts.get(text, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def reason_groups_html(groups: Sequence[tuple[str, int]], lang: str) -> str:
    """The grouped reasons as a short list; the sentences carry values from the file, so they are escaped."""
    items = "".join(f"<li><b>{count}</b> × {plain(text)}</li>" for text, count in groups)
    head = plain(t("import_groups_heading", lang))
    return f"<div class='imp-groups'><div class='imp-groups-head'>{head}</div><ul>{items}</ul></div>"


def report_table_html(rows: Sequence[Mapping[str, object]], lang: str) -> str:
    """The report rows as an HTML table; every value from the file is escaped."""
    head = "".join(
        f"<th>{plain(t(k, lang))}</th>" for k in ("import_col_line", "import_col_status", "col_technology", "import_col_what")
    )
    body = []
    for row in rows:
        color = STATUS_COLORS.get(str(row["status"]), "#1b2a41")
        body.append(
            f"<tr><td class='imp-line'>{int(row['line'])}</td>"  # type: ignore[call-overload]
            f"<td><span class='imp-status' style='color:{color}'>{plain(str(row['status_text']))}</span></td>"
            f"<td>{plain(str(row['name']))}</td><td>{plain(str(row['what']))}</td></tr>"
        )
    return f"<div class='imp-report'><table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"


def report_csv(result: ReadResult, lang: str) -> bytes:
    """The whole report as CSV for Excel (UTF-8 with BOM, ";"), formulas neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([t(k, lang) for k in ("import_col_line", "import_col_status", "col_technology", "import_col_what")])
    for row in report_rows(result, lang):
        writer.writerow(
            [row["line"], row["status_text"], neutralise_formula(str(row["name"])), neutralise_formula(str(row["what"]))]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def preview_blips(entries: Sequence[Entry], categories: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """(blips, sectors, names not placed) for drawing imported entries with radar.chart.radar_figure.

    Sectors follow radar.own.sector_order over every entry (placed or not), as the radar kept
    from them will: all our categories when the file uses one of them, then the file's own
    categories (and NO_CATEGORY for entries without one) in file order; only the file's own
    when it uses none of ours. So the preview and the kept radar have the same sectors and
    colours. Every score is NaN: blips sit by ring only (see the module docstring).
    """
    names = dict(zip(categories["id"].astype(str), categories["name"].astype(str), strict=True))
    placed = [e for e in entries if e.ring in config.RING_KEYS]
    unplaced = [e.name for e in entries if e.ring not in config.RING_KEYS]
    sector_ids = own.sector_order([e.category or NO_CATEGORY for e in entries], categories["id"])
    sector_names = [names.get(c) or (t("import_no_category", lang) if c == NO_CATEGORY else c) for c in sector_ids]
    sectors = pd.DataFrame({"id": sector_ids, "name": sector_names})
    order = {key: i for i, key in enumerate(config.RING_KEYS)}
    placed.sort(key=lambda e: (order[str(e.ring)], e.name.casefold(), e.name))
    items = pd.DataFrame(
        {
            "id": [f"imp-{n}" for n in range(1, len(placed) + 1)],
            "number": list(range(1, len(placed) + 1)),
            "name": [e.name for e in placed],
            "category": [e.category or NO_CATEGORY for e in placed],
            "ring": [e.ring for e in placed],
            "ring_raw": [e.ring_raw for e in placed],
            "score": [math.nan] * len(placed),
            "movement": [e.movement for e in placed],
            "description": [description_text(e.description) for e in placed],
        }
    )
    blips = place_blips(items, sector_ids).rename(columns={"id": "technology"})
    blips = blips.assign(maturity=math.nan, adoption=math.nan, relevance=math.nan, n="", low_n=False)
    return blips, sectors, unplaced


def hover_card(row: Mapping[str, object], sector_name: str, lang: str) -> str:
    """The hover text of an imported blip; every value from the file is escaped for Plotly."""
    ring = t(f"ring_{row['ring']}", lang)
    raw = str(row.get("ring_raw") or "")
    lines = [
        f"<b>{row['number']}. {plain(str(row['name']))}</b>",
        f"{t('col_ring', lang)}: <b>{ring}</b>" + (f" ({plain(t('import_hover_in_file', lang, raw=raw))})" if raw else ""),
        f"{t('col_category', lang)}: {plain(sector_name)}",
    ]
    movement = row.get("movement")
    if isinstance(movement, str):
        lines.append(f"{t('col_movement', lang)}: {t('movement_' + movement, lang)}")
    text = str(row.get("description") or "")
    if text:
        lines.append(plain(truncate(" ".join(text.split()), 160) + ("…" if len(text) > 160 else "")))
    return "<br>".join(lines)


def preview_figure(blips: pd.DataFrame, sectors: pd.DataFrame, lang: str) -> object:
    """The radar of the imported entries, with hover cards of their own."""
    names = dict(zip(sectors["id"], sectors["name"], strict=True))
    # radar_figure shows sector names literally and breaks long ones; escaping them here too would show the escapes.
    fig = chart.radar_figure(blips, sectors, lang)
    cards = {row["technology"]: hover_card(row, names[row["category"]], lang) for _, row in blips.iterrows()}
    for trace in fig.data:
        if getattr(trace, "customdata", None) is not None and getattr(trace, "hovertext", None) is not None:
            trace.hovertext = [cards[tech] for tech in trace.customdata]
    return fig


def ring_list_html(blips: pd.DataFrame, lang: str) -> str:
    """The numbered list beside the preview, grouped by ring; names escaped."""
    parts = ["<div class='ring-list'>"]
    glyph = {"new": " ★", "moved_in": " ▲", "moved_out": " ▼"}
    for ring in config.RING_KEYS:
        part = blips[blips["ring"] == ring].sort_values("number")
        if part.empty:
            continue
        parts.append(f"<div class='ring-head'>{plain(t('ring_' + ring, lang))}</div>")
        for _, row in part.iterrows():
            move = glyph.get(row["movement"], "") if isinstance(row["movement"], str) else ""
            parts.append(f"<div class='blip-item'><b>{int(row['number'])}</b>&nbsp; {plain(str(row['name']))}{move}</div>")
    parts.append("</div>")
    return "".join(parts)


def default_meta(meta: Mapping[str, object]) -> dict[str, object]:
    """The keep form's starting values from the radar made of the file: its facts, today when it names no date."""
    try:
        when = date.fromisoformat(str(meta.get("date") or "")[:10])
    except ValueError:
        when = date.today()
    return {**meta, "date": when}


# --- Streamlit: reading --------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=16)
def _read(data: bytes, sheet: str | None, config_data: bytes | None, known: tuple[str, ...]) -> ReadResult:
    return read_radar_file(data, "", sheet, config=config_data, known_categories=known)


@st.cache_data(show_spinner=False, max_entries=16)
def _sheets(data: bytes) -> list[str]:
    return xlsx_sheets(data)


def _our_categories() -> pd.DataFrame:
    return ui.categories(lang())


def _known_names() -> tuple[str, ...]:
    both = [ui.categories("da"), ui.categories("en")]
    return tuple(dict.fromkeys(str(v) for frame in both for column in ("id", "name") for v in frame[column]))


def choose_file() -> tuple[bytes, str, bytes | None, str | None] | None:
    """Step 1: the file (and an optional Zalando configuration, and a sheet); None until a readable one is chosen."""
    st.subheader(tr("import_step_file"))
    upload = st.file_uploader(
        tr("import_file_label"), type=list(FILE_TYPES), key="imp-file", help=tr("import_file_help"), max_upload_size=MAX_UPLOAD_MB
    )
    with st.expander(tr("import_config_heading")):
        st.caption(tr("import_config_help"))
        config_upload = st.file_uploader(
            tr("import_config_label"), type=["json"], key="imp-config", max_upload_size=MAX_UPLOAD_MB
        )
    if upload is None:
        st.info(tr("import_start_hint"), icon=":material/upload_file:")
        return None
    data = upload.getvalue()
    sheet = None
    if data.startswith(XLSX_MAGIC):
        try:
            sheets = _sheets(data)
        except RadarError as error:  # a broken or hostile workbook: say so, never a traceback
            show_error(error)
            return None
        if len(sheets) > 1:
            sheet = st.selectbox(tr("import_sheet_label"), sheets, key="imp-sheet")
    return data, upload.name, config_upload.getvalue() if config_upload is not None else None, sheet


# --- Streamlit: choosing the fields of a shape no reader knows -----------------------------------
#: What a reader refuses for its shape (not for size or safety): the mapping step is the way in.
MAPPABLE_ERRORS: frozenset[str] = frozenset({"import_json_shape", "import_no_name_column", "import_config_not_radar"})
#: Formats whose columns a reader may have left out (the table formats).
TABLE_FORMATS: frozenset[str] = frozenset({OWN_CSV, OWN_XLSX, BYOR_CSV, BYOR_XLSX})
SAMPLE_ROWS = 5


@st.cache_data(show_spinner=False, max_entries=16)
def _source(data: bytes, sheet: str | None) -> SourceTable:
    return source_table(data, sheet)


def cutoff_rules(cutoffs: Sequence[tuple[str, float | None]], lang: str) -> str:
    """The cut-offs in words, e.g. "3 → KLAR, 2 → AFPRØV, 1 → HOLD ØJE" (numbers and our ring names only)."""
    return ", ".join(f"{explain.short_number(low, lang)} → {t(f'ring_{ring}', lang)}" for ring, low in cutoffs if low is not None)


def fields_step(
    data: bytes, sheet: str | None, digest: str, result: ReadResult | None, refused: RadarError | None
) -> ReadResult | None:
    """The mapping step: the way in when no reader knows the shape, offered when a reader left columns out."""
    if refused is not None:
        table = None
        if getattr(refused, "key", "") in MAPPABLE_ERRORS:
            try:
                table = _source(data, sheet)
            except RadarError:
                table = None
        show_error(refused)  # why no reader took the file, then (when its shape allows) the way in
        if table is None or not table.columns:
            return None
        st.info(tr("import_fields_refused"), icon=":material/table_edit:")
        return choose_fields(table, digest)
    assert result is not None
    if result.format not in TABLE_FORMATS:
        return result
    table = _source(data, sheet)
    left_out = unknown_columns(table.columns)
    if not left_out:
        return result
    st.caption(tr("import_fields_unknown", columns=plain(", ".join(left_out))))
    no_rings = not any(e.ring for e in result.entries)
    if st.toggle(tr("import_fields_toggle"), value=no_rings, key=f"imp-fields-on-{digest}"):
        return choose_fields(table, digest)
    return result


def choose_fields(table: SourceTable, digest: str) -> ReadResult | None:
    """Which column is the name, description, category, ring or number (with cut-offs); None until usable."""
    language = lang()
    st.subheader(tr("import_step_fields"))
    guess = guess_mapping(table)
    columns = list(table.columns)
    optional = [None, *columns]
    chosen: dict[str, str | None] = {}
    cols = st.columns(len(ROLES))
    for col, role in zip(cols, ROLES, strict=True):
        options = columns if role == "name" else optional
        default = getattr(guess, role)
        chosen[role] = col.selectbox(
            tr(f"import_role_{role}"), options, index=options.index(default) if default in options else 0,
            key=f"imp-role-{digest}-{role}", format_func=lambda c: tr("import_role_none") if c is None else str(c),
        )  # fmt: skip
    if chosen["ring"] and chosen["number"]:
        st.caption(tr("import_fields_ring_wins"))
        chosen["number"] = None
    cutoffs: tuple[tuple[str, float | None], ...] = ()
    number = chosen["number"]
    if number:
        st.markdown(f"**{tr('import_cutoffs_heading')}**")
        suggested = default_cutoffs(table.values(number))
        inputs = st.columns(len(suggested))
        column_key = hashlib.sha256(number.encode()).hexdigest()[:8]
        cutoffs = tuple(
            (ring, box.number_input(
                tr("import_cutoff_label", ring=tr(f"ring_{ring}")), value=low, step=1.0, format="%g",
                key=f"imp-cut-{digest}-{column_key}-{ring}",
            ))
            for box, (ring, low) in zip(inputs, suggested, strict=True)
        )  # fmt: skip
        problem = cutoff_problem(cutoffs)
        if problem:
            st.warning(tr(problem), icon=":material/block:")
            return None
        st.caption(tr("import_cutoffs_shown", rules=cutoff_rules(cutoffs, language)))
    mapping = FieldMapping(
        name=str(chosen["name"]), description=chosen["description"], category=chosen["category"], ring=chosen["ring"],
        number=number, cutoffs=cutoffs,
    )  # fmt: skip
    rest = [c for c in columns if c not in mapping.used()]
    if rest:
        st.caption(tr("import_fields_notes", columns=plain(", ".join(rest))))
    with st.expander(tr("import_fields_sample")):
        st.dataframe(pd.DataFrame([row for _, row in table.rows[:SAMPLE_ROWS]]), hide_index=True)
    try:
        return read_mapped(table, mapping, known_categories=_known_names())
    except RadarError as error:
        show_error(error)
        return None


# --- Streamlit: the report -------------------------------------------------------------------------
REPORT_CSS = """
<style>
.imp-report {max-height: 460px; overflow: auto; border: 1px solid rgba(49, 51, 63, 0.15); border-radius: .5rem;}
.imp-report table {border-collapse: collapse; width: 100%; font-size: .95rem;}
.imp-report th {position: sticky; top: 0; background: #f3f5f8; text-align: left; padding: .35rem .6rem;}
.imp-report td {border-top: 1px solid rgba(49, 51, 63, 0.1); padding: .3rem .6rem; vertical-align: top;}
.imp-report td.imp-line {text-align: right; font-variant-numeric: tabular-nums; width: 4.5rem;}
.imp-report .imp-status {font-weight: 600; white-space: nowrap;}
.imp-groups {margin: .2rem 0 .8rem 0;}
.imp-groups-head {font-weight: 600; margin-bottom: .2rem;}
.imp-groups ul {margin: 0; padding-left: 1.2rem;}
</style>
"""


def show_report(result: ReadResult, digest: str) -> None:
    """Step 2: the counts (that add up to the rows in the file) and every row, filtered by status."""
    language = lang()
    st.subheader(tr("import_step_report"))
    st.caption(render_summary(result, language))
    counts = {status: result.count(status) for status in STATUSES}
    cols = st.columns(4)
    cols[0].metric(tr("import_count_rows"), result.rows, help=tr("import_count_rows_help"))
    for col, status in zip(cols[1:], STATUSES, strict=True):
        col.metric(tr(f"import_status_{status}"), counts[status])
    groups = reason_groups(result, language)
    if groups:
        st.html(REPORT_CSS + reason_groups_html(groups, language))
    busy = [s for s in (ACCEPTED_WITH_CHANGE, REJECTED) if counts[s]]
    shown = st.pills(
        tr("import_filter_label"), list(STATUSES), selection_mode="multi", default=busy or [ACCEPTED], key=f"imp-filter-{digest}",
        format_func=lambda s: f"{tr('import_status_' + s)} ({counts[s]})",
    )  # fmt: skip
    rows = report_rows(result, language, shown)
    if rows:
        st.html(REPORT_CSS + report_table_html(rows, language))
    else:
        st.caption(tr("import_filter_nothing"))
    st.download_button(
        tr("import_report_download"), data=report_csv(result, language), file_name="importrapport.csv", mime="text/csv",
        icon=":material/download:", key=f"imp-report-dl-{digest}", on_click="ignore",
    )  # fmt: skip


# --- Streamlit: mapping -----------------------------------------------------------------------------
def choose_mappings(result: ReadResult, digest: str) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """Step 3 (only when needed): a ring for every unknown ring, a category (or keep) for every unknown one."""
    rings = ring_counts(result)
    cats = category_counts(result)
    if not rings and not cats:
        return {}, {}
    st.subheader(tr("import_step_mapping"))
    st.caption(tr("import_mapping_intro"))
    language = lang()
    ring_choice: dict[str, str | None] = {}
    category_choice: dict[str, str | None] = {}
    ours = _our_categories()
    cat_names = dict(zip(ours["id"], ours["name"], strict=True))
    if rings:
        st.markdown(f"**{tr('import_mapping_rings')}**")
        cols = st.columns(2, gap="large")
        for index, (raw, count) in enumerate(rings.items()):
            label = tr("own_import_ring_choice", raw=plain(raw), technologies=own.technologies_text(count, language))
            ring_choice[raw] = cols[index % 2].selectbox(
                label, [*config.RING_KEYS, UNPLACED], index=None,
                placeholder=tr("import_choose_ring"), key=f"imp-ring-{digest}-{index}",
                format_func=lambda k: tr("import_leave_unplaced") if k == UNPLACED else tr(f"ring_{k}"),
            )  # fmt: skip
    if cats:
        st.markdown(f"**{tr('import_mapping_categories')}**")
        cols = st.columns(2, gap="large")
        for index, (raw, count) in enumerate(cats.items()):
            label = (
                tr("import_category_none", count=count)
                if raw == ""
                else tr("own_import_category_choice", raw=plain(raw), technologies=own.technologies_text(count, language))
            )
            keep_label = tr("import_keep_category") if raw else tr("import_no_category")
            category_choice[raw] = cols[index % 2].selectbox(
                label, [KEEP, *cat_names], key=f"imp-cat-{digest}-{index}",
                format_func=lambda k, kept=keep_label: kept if k == KEEP else cat_names[k],
            )  # fmt: skip
    return ring_choice, category_choice


# --- Streamlit: preview and keep ----------------------------------------------------------------------
def show_preview(result: ReadResult) -> None:
    """Step 4: the radar as it will be kept, with its numbered list; what is not placed is named."""
    language = lang()
    st.subheader(tr("import_step_preview"))
    st.caption(tr("import_preview_intro"))
    blips, sectors, unplaced = preview_blips(result.entries, _our_categories(), language)
    if blips.empty:
        st.info(tr("import_preview_empty"), icon=":material/info:")
    else:
        left, right = st.columns([3, 1.3], gap="medium")
        with left:
            st.plotly_chart(preview_figure(blips, sectors, language), theme=None, config=PLOTLY_CONFIG, key="imp-preview")
        with right:
            with st.container(height=config.GEOMETRY.figure_height, border=False):
                st.html(ring_list_html(blips, language))
    if unplaced:
        st.warning(tr("import_unplaced", count=len(unplaced), names=plain(", ".join(unplaced))), icon=":material/warning:")


def keep_form(result: ReadResult, filename: str, waiting: int) -> None:
    """Step 5: name, municipality, domain and date, then store as an own radar and open it."""
    language = lang()
    st.subheader(tr("import_step_keep"))
    ours = pd.concat([ui.categories("da"), ui.categories("en")], ignore_index=True)
    doms = ui.domains(language)
    domain_names = dict(zip(doms["id"], doms["name"], strict=True))
    made = own.radar_from_file(result, filename, ui.technologies(language), ours, domain_names, language)
    rows, shortened = made.entries, made.shortened
    problems = []
    if waiting:
        problems.append(tr("import_keep_need_rings", count=waiting))
    if not rows:
        problems.append(tr("import_keep_nothing"))
    if len(rows) > own.MAX_ENTRIES:
        problems.append(tr("import_keep_too_many", count=len(rows), max=own.MAX_ENTRIES))
    if shortened:
        st.caption(tr("import_keep_shortened", count=shortened, max=own.MAX_LONG))
    start = default_meta(made.meta)
    # Suggest a name no saved radar has; the store checks again and counts on if it was taken meanwhile.
    start["name"] = own.free_name(str(start["name"]), own_db.taken_names(config.own_db_path()))
    with st.form("imp-keep", border=True):
        st.caption(
            tr("own_import_keep_intro_one")
            if len(rows) == 1
            else tr("own_import_keep_intro", technologies=own.technologies_text(len(rows), language))
        )
        name = st.text_input(
            tr("own_field_radar_name"), value=str(start["name"]), max_chars=own.MAX_RADAR_NAME, key="imp-keep-name"
        )
        left, mid, right = st.columns(3)
        municipality = left.text_input(
            tr("own_field_municipality"), value=str(start["municipality"]), max_chars=own.MAX_RADAR_NAME
        )
        domain_choices = [None, *domain_names]
        domain = mid.selectbox(
            tr("own_field_domain"), domain_choices, index=domain_choices.index(start["domain"]),
            format_func=lambda d: domain_names.get(d, tr("own_no_domain")),
        )  # fmt: skip
        when = right.date_input(tr("own_field_date"), value=start["date"], format=DATE_INPUT_FORMATS[lang()])
        for problem in problems:
            st.warning(problem, icon=":material/block:")
        submitted = st.form_submit_button(
            tr("import_keep_button"), type="primary", disabled=bool(problems), icon=":material/save:"
        )
    if submitted and not problems:
        meta = {"name": name, "municipality": municipality, "domain": domain, "date": when}
        try:
            radar_id = own_db.create_radar(config.own_db_path(), meta, rows, free_name=True)
            kept = own_db.load_radar(config.own_db_path(), radar_id)["name"]
        except RadarError as error:
            show_error(error)
            return
        if own.name_key(kept) != own.name_key(name):
            ui_own.flash("success", tr_text("own_name_made_free", wanted=" ".join(name.split()), name=kept))
        st.switch_page("pages/egen_radar.py", query_params={"radar": radar_id})


def import_flow() -> None:
    """The import tab: file, report, mapping, preview, keep."""
    chosen = choose_file()
    if chosen is None:
        return
    data, filename, config_data, sheet = chosen
    digest = hashlib.sha256(data + b"\x00" + (sheet or "").encode() + b"\x00" + (config_data or b"")).hexdigest()[:12]
    try:
        result: ReadResult | None = _read(data, sheet, config_data, _known_names())
        refused: RadarError | None = None
    except RadarError as error:
        result, refused = None, error
    result = fields_step(data, sheet, digest, result, refused)
    if result is None:
        return
    if not result.rows:  # a header without rows, or an empty list: four zero counts would say nothing
        show_error(ImportError_("import_no_rows"))
        return
    if result.format == ZALANDO_JSON and config_data is None and result.unknown_quadrants:
        st.info(tr("import_zalando_hint"), icon=":material/info:")
    result = with_our_categories(result, own.category_ids(ui.categories("da")) | own.category_ids(ui.categories("en")))
    show_report(result, digest)
    ring_choice, category_choice = choose_mappings(result, digest)
    mapped = apply_choices(result, ring_choice, category_choice)
    waiting = sum(1 for choice in ring_choice.values() if choice is None)
    show_preview(mapped)
    keep_form(mapped, filename, waiting)


# --- Streamlit: exports of the national radar ------------------------------------------------------
def export_national() -> None:
    """Download the national radar (an edition, combined or one domain) as BYOR CSV and our own CSV/Excel/JSON.

    While the edition is sample data, the tab shows the sample notice and every file says so
    in its name and inside (radar.national_export).
    """
    language = lang()
    st.caption(tr("import_export_intro"))
    eds = ui.editions()
    years = [int(y) for y in eds["year"]]
    doms = ui.domains(language)
    scopes = {None: tr("detail_scope_combined"), **dict(zip(doms["id"], doms["name"], strict=True))}
    left, right = st.columns(2)
    counts = dict(zip(years, eds["respondents"], strict=True))
    year = left.selectbox(
        tr("edition"),
        years,
        key="imp-export-edition",
        format_func=lambda y: t("edition_label", language, year=y, respondents=explain.count_text(counts[y], language)),
    )
    scope = right.selectbox(tr("domain"), list(scopes), key="imp-export-scope", format_func=scopes.get)
    ui.sample_notice(year)
    try:
        blips = ui.radar_blips(year, scope, language)
    except RadarError as error:
        show_error(error)
        return
    sample = bool(eds.loc[eds["year"] == year, "sample"].any())
    files = national_files(blips, ui.technologies(language), _our_categories(), year, scope, scopes[scope], sample, language)
    st.caption(tr("import_export_count", count=len(blips)))
    cols = st.columns(len(files))
    for col, file in zip(cols, files, strict=True):
        col.download_button(
            tr(file.label_key), data=file.data, file_name=file.file_name, mime=file.mime, on_click="ignore",
            icon=":material/download:", key=f"imp-export-{file.label_key}", width="stretch",
        )  # fmt: skip
    st.caption(tr("import_export_byor_note"))


def page() -> None:
    """The whole Import page."""
    page_header("import_title", "import_intro")
    asked = st.query_params.get(ui_edition.PART_PARAM) == ui_edition.PART_VALUE
    if publish.access() == publish.CLOSED:
        if asked:  # a link to the part on a server that does not offer it: say why
            ui_edition.closed_notice()
        tab_import, tab_export = st.tabs([tr("import_tab_import"), tr("import_tab_export")])
    else:
        labels = [tr("import_tab_import"), tr("import_tab_edition"), tr("import_tab_export")]
        tab_import, tab_edition, tab_export = st.tabs(labels, default=labels[1] if asked else None)
        with tab_edition:
            ui_edition.edition_part()
    with tab_import:
        import_flow()
    with tab_export:
        export_national()
