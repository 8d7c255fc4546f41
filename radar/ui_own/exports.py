"""The exports of an open radar: the minutes (PDF), PNG, HTML, Excel, CSV and JSON."""

from __future__ import annotations

import functools
from datetime import date

import pandas as pd
import streamlit as st

from radar import chart, dialogue, export, maturity, minutes, minutes_pdf, own, workshop
from radar.db import dialogue as ddb
from radar.db import maturity as mdb
from radar.db import workshop as wdb
from radar.ui import lang, tr
from radar.ui_own.state import (
    Workspace,
    domain_names,
    matrix_fig,
    national_scores,
    newest_edition,
    own_db,
    radar_fig,
    sample_reference,
)

PNG_WIDTH, PNG_HEIGHT = 1400, 1150


def _title(ws: Workspace) -> str:
    domain = domain_names().get(ws.meta["domain"], tr("own_no_domain"))
    when = own.format_date(ws.meta["date"], lang())
    return " · ".join(p for p in (ws.meta["name"], ws.meta["municipality"], domain, when) if p)


def _html_table(ws: Workspace) -> export.HtmlTable:
    cat_names = dict(zip(ws.categories["id"], ws.categories["name"], strict=True))
    keys = ("col_number", "col_technology", "col_category", "own_col_ring_shown", "own_col_status", "own_col_relevance",
            "own_col_reason", "own_col_note", "own_col_owner", "own_col_next")  # fmt: skip
    header = [tr(k) for k in keys]
    rows = []
    for _, row in ws.table.sort_values("number", na_position="last").iterrows():
        rows.append([
            "" if pd.isna(row["number"]) else str(row["number"]),
            row["name"],
            cat_names.get(row["category"], row["category"] or ""),
            tr("ring_" + row["ring"]) if isinstance(row["ring"], str) else "–",
            tr(f"stage_{int(row['status'])}") if pd.notna(row["status"]) else "–",
            "" if pd.isna(row["relevance"]) else str(int(row["relevance"])),
            row["ring_reason"], row["note"], row["owner"], row["next_step"],
        ])  # fmt: skip
    return export.HtmlTable(header, rows)


def notice() -> str:
    """The sample-data notice when the national reference (the newest edition) is sample data, else ""."""
    return tr("sample_notice") if sample_reference() else ""


def _png(ws: Workspace, scope: str | None, ghosts: bool) -> bytes:
    title = " — ".join(p for p in (_title(ws), notice()) if p)
    fig = radar_fig(ws, scope, ghosts, presentation=True, title=title, height=PNG_HEIGHT, names_list=True)
    return export.figure_png(fig, width=PNG_WIDTH + chart.NAMES_LIST_WIDTH)


def _html(ws: Workspace, scope: str | None, ghosts: bool) -> bytes:
    figures = [radar_fig(ws, scope, ghosts), matrix_fig(ws)]
    footer = " ".join(p for p in (tr("own_export_footer", date=own.format_date(date.today(), lang())), notice()) if p)
    subtitle = " — ".join(p for p in (_title(ws), notice()) if p)
    return export.standalone_html(ws.meta["name"], subtitle, figures, _html_table(ws), footer)


def _json(ws: Workspace, rows: list, meta: dict) -> bytes:
    """The radar as our JSON, with its workshop rounds (answers, no codes or tokens), its maturity
    assessments and its dialogue agenda (questions, notes, decisions) when it has them."""
    rounds = workshop.rounds_for_export(*wdb.rounds_data(own_db(), ws.link), ws.entries)
    assessments = [maturity.to_data(a) for a in mdb.all_for_radar(own_db(), ws.link)]
    agenda = dialogue.export_agenda(ddb.load_agenda(own_db(), ws.link))
    parts = (("workshop_rounds", rounds), ("maturity", assessments), ("dialogue", agenda))
    extra = {k: v for k, v in parts if v}
    return export.radar_json(rows, meta, notice(), extra=extra or None)


def minutes_sections(ws: Workspace) -> list[dict]:
    """Sections other features add to the minutes, after the workshop rounds, in radar.minutes' shape
    ({"title", "lines", "table": {"header", "rows"} or None}): the latest maturity self-assessment (against the
    one before it), then the dialogue notes."""
    sections = []
    assessments = mdb.all_for_radar(own_db(), ws.link)
    if assessments:
        earlier = maturity.score(assessments[-2]) if len(assessments) > 1 else None
        sections.append(maturity.minutes_section(maturity.score(assessments[-1]), earlier, lang()))
    agenda = ddb.load_agenda(own_db(), ws.link)
    if agenda:
        sections.append(dialogue.minutes_section(agenda, lang()))
    return sections


def _minutes(ws: Workspace, scope: str | None) -> bytes:
    """The minutes of the meeting as an A4 PDF (made on the server when clicked), compared with `scope`."""
    rounds, votes = wdb.rounds_data(own_db(), ws.link)
    names = domain_names()
    reference = tr("minutes_reference", scope=names.get(scope or "", tr("own_compare_combined")), year=newest_edition())
    made = minutes.build_minutes(
        ws.meta, ws.table, ws.blips, ws.categories, national_scores(scope), reference, rounds, votes, lang(),
        sample=sample_reference(), domain_name=names.get(ws.meta["domain"] or "", tr("own_no_domain")), today=date.today(),
        extra_sections=minutes_sections(ws),
    )  # fmt: skip
    return minutes_pdf.minutes_pdf(made)


def minutes_file_name(ws: Workspace) -> str:
    """The minutes' file name: radar name, "referat", the meeting's date, "eksempeldata" while the sample applies."""
    when = ws.meta["date"] or date.today().isoformat()
    parts = [export.file_stem(ws.meta["name"]), tr("minutes_file_word"), when]
    if sample_reference():
        parts.append(tr("sample_file_suffix"))
    return "-".join(parts) + ".pdf"


def exports(ws: Workspace, scope: str | None, ghosts: bool) -> None:
    """Download buttons: the minutes (PDF) first, then PNG (both made on the server when clicked), HTML, CSV, XLSX and JSON."""
    st.download_button(
        tr("minutes_download"),
        data=functools.partial(_minutes, ws, scope),
        file_name=minutes_file_name(ws),
        mime="application/pdf",
        key="own-export-minutes",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        type="primary",
        help=tr("minutes_download_help"),
    )
    st.caption(tr("own_export_intro"))
    stem = export.file_stem(ws.meta["name"]) + (f"-{tr('sample_file_suffix')}" if sample_reference() else "")
    rows = own.export_rows(ws.table)
    meta = own.export_meta(ws.meta)
    category_names = dict(zip(ws.categories["id"], ws.categories["name"], strict=True))
    files = [
        ("png", "own_export_png", "image/png", functools.partial(_png, ws, scope, ghosts), ":material/image:"),
        ("html", "own_export_html", "text/html", functools.partial(_html, ws, scope, ghosts), ":material/public:"),
        ("xlsx", "own_export_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         functools.partial(export.entries_xlsx, rows, meta, lang(), category_names, notice()),
         ":material/table:"),
        ("csv", "own_export_csv", "text/csv", functools.partial(export.entries_csv, rows), ":material/csv:"),
        ("json", "own_export_json", "application/json", functools.partial(_json, ws, rows, meta), ":material/data_object:"),
    ]  # fmt: skip
    cols = st.columns(len(files))
    for col, (ext, label, mime, make, icon) in zip(cols, files, strict=True):
        col.download_button(
            tr(label),
            data=make,
            file_name=f"{stem}.{ext}",
            mime=mime,
            key=f"own-export-{ext}",
            on_click="ignore",
            icon=icon,
            width="stretch",
        )
    st.caption(tr("own_export_reopen"))
