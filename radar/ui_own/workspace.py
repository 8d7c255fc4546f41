"""One open radar: header and toolbar, radar and matrix, the tabs (entries, compare, export, history, details)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from radar import config, own, ui_dialogue, ui_maturity, ui_workshop
from radar.db import own as db
from radar.i18n import DATE_INPUT_FORMATS, number
from radar.safe import plain
from radar.ui import PLOTLY_CONFIG, lang, language_switch, tr, tr_text
from radar.ui_own.entries import (
    add_custom,
    add_from_catalogue,
    custom_editor,
    editor_table,
    entries_editor,
    keep_keystrokes,
    remove_entries,
    renumber_button,
    undo_bar,
)
from radar.ui_own.exports import _html_table, exports
from radar.ui_own.present import presentation
from radar.ui_own.state import (
    FULL_RUN,
    WORK_HEIGHT,
    WORK_RADAR_WIDTH,
    Workspace,
    back_label,
    delete,
    domain_names,
    epoch,
    facts,
    flash,
    gap_table,
    link_url,
    load_workspace,
    matrix_fig,
    open_radar,
    own_db,
    presentation_toggle,
    radar_fig,
    sample_reference,
    seen_key,
    show_flash,
    sync_present,
    technologies,
    write,
)


def header(ws: Workspace) -> tuple[str | None, bool]:
    """Title with the language switch, facts, and one toolbar row: back, presentation, compare (undo sits by the table)."""
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.title(plain(ws.meta["name"]))
    with right:
        language_switch()
    sample = " · " + tr("sample_short") if sample_reference() else ""  # compared with sample data: say so, compactly
    st.caption(facts(ws) + sample)
    cols = st.columns([1.3, 1.6, 2.6, 2.5, 2.1], vertical_alignment="bottom")
    cols[0].button(back_label(), on_click=open_radar, args=(None,), icon=":material/arrow_back:", key="own-back")
    cols[1].toggle(tr("own_present"), key="own_present", help=tr("own_present_help"), on_change=sync_present)
    return compare_controls(ws, cols[2], cols[3])


def compare_controls(ws: Workspace, left: object, right: object) -> tuple[str | None, bool]:
    """Which national radar to compare with (default: the radar's domain) and whether to draw it."""
    names = domain_names()
    key = f"own-scope-{ws.link}"
    if st.session_state.get(key) not in ("", *names):
        st.session_state[key] = ws.meta["domain"] or ""
    scope = left.selectbox(
        tr("own_compare_scope"), ["", *names], key=key, format_func=lambda d: names.get(d, tr("own_compare_combined"))
    )
    ghosts = right.toggle(tr("own_show_ghosts"), key=f"own-ghosts-{ws.link}", help=tr("own_show_ghosts_help"))
    return scope or None, ghosts


@dataclass(frozen=True)
class ChartSlots:
    """Where the charts go: the radar's and the matrix's columns under their headings, and a line under both."""

    radar: DeltaGenerator
    matrix: DeltaGenerator
    below: DeltaGenerator


def chart_slots() -> ChartSlots:
    """The radar and the priority matrix side by side, with their headings. The headings are drawn with
    the workspace; the charts into the slots, by the entries table's fragment on every saved cell."""
    left, right = st.columns([2, 1], gap="medium")
    left.markdown(f"**{tr('own_radar_heading')}**")
    right.markdown(f"**{tr('own_matrix_heading')}**", help=tr("own_matrix_help"))
    return ChartSlots(left.container(), right.container(), st.container())


def chart_figures(ws: Workspace, scope: str | None, ghosts: bool) -> tuple[object, object]:
    """The radar's and the matrix's figures."""
    return radar_fig(ws, scope, ghosts, height=WORK_HEIGHT, width_hint=WORK_RADAR_WIDTH), matrix_fig(ws, height=WORK_HEIGHT)


def radar_and_matrix(ws: Workspace, slots: ChartSlots, figures: tuple[object, object]) -> None:
    """The local radar and the priority matrix (`chart_figures`) in their slots, redrawn on every change."""
    radar, matrix = figures
    with slots.radar:
        if ws.blips.empty:
            st.info(tr("own_radar_empty" if ws.can_edit else "own_radar_empty_view"))
        st.plotly_chart(radar, theme=None, config=PLOTLY_CONFIG, key=f"own-radar-{ws.link}")
    with slots.matrix:
        st.plotly_chart(matrix, theme=None, config=PLOTLY_CONFIG, key=f"own-matrix-{ws.link}")
        if ws.table["relevance"].notna().sum() == 0:
            st.caption(tr("own_matrix_empty"))
    missing = own.unplaced(ws.table)
    if missing:
        slots.below.caption(tr_text("own_unplaced", names=", ".join(missing)))


def method_note() -> None:
    """The expander that explains how the local ring is computed (values from config)."""
    bands = config.ring_score_bands()
    rings = zip(config.RINGS, bands, strict=True)
    cutoffs = ", ".join(f"{tr('ring_' + r.key)} ≥ {number(low, lang())}" for r, (low, _) in rings if low > 0)
    with st.expander(tr("own_method_heading"), icon=":material/calculate:"):
        st.markdown(
            tr(
                "own_method",
                default=own.DEFAULT_OWN_MATURITY,
                cutoffs=cutoffs,
                own_stage=tr(f"stage_{own.DEFAULT_OWN_STATUS}").lower(),
            )
        )


def details(ws: Workspace) -> None:
    """The radar's facts, each saved when the field is left, and the share link."""
    rid, meta = ws.link, ws.meta
    prefix = f"own-meta-{rid}-{epoch(rid)}"
    names = domain_names()
    st.caption(tr("own_settings_intro"))
    left, right = st.columns(2)
    left.text_input(
        tr("own_field_radar_name"),
        value=meta["name"],
        key=f"{prefix}-name",
        on_change=_save_meta,
        args=(rid, prefix, "name"),
        max_chars=own.MAX_RADAR_NAME,
    )
    right.text_input(
        tr("own_field_municipality"),
        value=meta["municipality"],
        key=f"{prefix}-municipality",
        on_change=_save_meta,
        args=(rid, prefix, "municipality"),
        max_chars=own.MAX_RADAR_NAME,
    )
    options = ["", *names]
    left.selectbox(
        tr("own_field_domain"),
        options,
        index=options.index(meta["domain"]) if meta["domain"] in options else 0,
        key=f"{prefix}-domain",
        format_func=lambda d: names.get(d, tr("own_no_domain")),
        on_change=_save_meta,
        args=(rid, prefix, "domain"),
    )
    when = date.fromisoformat(meta["date"]) if meta["date"] else None
    right.date_input(
        tr("own_field_date"),
        value=when,
        key=f"{prefix}-date",
        format=DATE_INPUT_FORMATS[lang()],
        on_change=_save_meta,
        args=(rid, prefix, "date"),
    )
    share_links(ws)
    with st.popover(tr("own_delete"), icon=":material/delete:"):
        st.caption(tr_text("own_delete_confirm", name=meta["name"], technologies=technologies(len(ws.entries)), days=db.BIN_DAYS))
        st.button(
            tr("own_delete_yes"), key=f"own-del-ws-{rid}", type="primary", on_click=_delete_open,
            args=(rid, int(meta["version"]), str(meta["name"])),
        )  # fmt: skip


def _delete_open(link: str, version: int, name: str) -> None:
    """Delete the open radar and go back to the start, where the message says until when it can be restored."""
    delete(link, version, name)
    if not any(kind == "error" for kind, _, _ in st.session_state.get("own_flash", [])):
        open_radar(None)


def _save_meta(link: str, prefix: str, field: str) -> None:
    value = st.session_state.get(f"{prefix}-{field}")
    value = value or None if field == "domain" else value
    write(link, lambda path, version: db.update_meta(path, link, version, {field: value}), reset=True, area="details")


def history(ws: Workspace) -> None:
    """The last changes, newest first, with undo."""
    changes = db.history(own_db(), ws.link, limit=50)
    if changes.empty:
        st.caption(tr("own_history_empty"))
        return
    st.caption(tr("own_history_intro", count=len(changes)))
    view = pd.DataFrame(
        {
            "when": [own.local_time(v, lang()) for v in changes["changed_at"]],
            "action": [tr(f"own_action_{a}") for a in changes["action"]],
            "detail": [own.change_summary(c, lang()) for c in db.history_changes(changes)],
        }
    )
    st.dataframe(
        view,
        hide_index=True,
        width="stretch",
        column_config={
            "when": st.column_config.TextColumn(tr("own_col_when"), width="small"),
            "action": st.column_config.TextColumn(tr("own_col_action"), width="small"),
            "detail": st.column_config.TextColumn(tr("own_col_detail"), width="large"),
        },
    )
    if ws.can_edit:
        undo_bar(ws, "history")


def workspace(link: str) -> None:
    """One radar, drawn by a fragment of its own (see `live`)."""
    st.session_state.pop(FULL_RUN, None)  # this run draws everything
    st.session_state[LIVE_LANGUAGE] = lang()
    live(link)


#: The language of the last full run: the language switch sits in the fragment, the navigation outside it.
LIVE_LANGUAGE = "own-live-language"

#: The open tab of the workspace (one per browser: a new edit link keeps the tab it was made on).
TABS_KEY = "own-tabs"

#: The workspace's fragment, rerun by name from the entries table's fragment when more than a cell changed.
LIVE_FRAGMENT = "own-live"


@st.fragment(key=LIVE_FRAGMENT)
def live(link: str) -> None:
    """The workspace: header, radar, matrix and the open tab. A change made here (a cell saved in the
    table, undo, a new name) reruns only this fragment: faster, and the page keeps its place instead of
    jumping while the whole app is drawn again. Leaving the radar asks for a full run (`FULL_RUN`)."""
    if st.session_state.pop(FULL_RUN, None) or st.session_state.get(LIVE_LANGUAGE) != lang():
        st.rerun(scope="app")  # leaving the radar, or a new language for the whole page (its navigation too)
    present = presentation_toggle()
    ws = load_workspace(link)
    if ws is None:
        return
    if ui_dialogue.presenting():
        ui_dialogue.present(ws)
        return
    if present:
        presentation(ws)
        return
    scope, ghosts = header(ws)
    show_flash()
    if not ws.can_edit:
        st.info(tr("own_read_only"), icon=":material/visibility:")
    charts = chart_slots()  # drawn here, or by the entries table's fragment when its tab is open
    method_note()
    if not ws.can_edit:
        radar_and_matrix(ws, charts, chart_figures(ws, scope, ghosts))
        read_only_tabs(ws, scope, ghosts)
        return
    names = ["entries", "compare", "export", "history", "settings", "workshop", "maturity", "dialogue"]
    tabs = dict(zip(names, st.tabs([tr(f"own_tab_{n}") for n in names], key=TABS_KEY, on_change="rerun"), strict=True))
    if tabs["entries"].open is not False:
        with tabs["entries"]:
            entries_tab(ws, charts, scope, ghosts)
    else:
        radar_and_matrix(ws, charts, chart_figures(ws, scope, ghosts))
    if tabs["compare"].open:
        with tabs["compare"]:
            gap_table(ws, scope)
    if tabs["export"].open:
        with tabs["export"]:
            exports(ws, scope, ghosts)
    if tabs["history"].open:
        with tabs["history"]:
            show_flash("history")
            history(ws)
    if tabs["settings"].open:
        with tabs["settings"]:
            show_flash("details")
            details(ws)
    if tabs["workshop"].open:
        with tabs["workshop"]:
            ui_workshop.workshop_tab(ws)
    if tabs["maturity"].open:
        with tabs["maturity"]:
            ui_maturity.maturity_tab(ws)
    if tabs["dialogue"].open:
        with tabs["dialogue"]:
            ui_dialogue.dialogue_tab(ws)


def entries_tab(ws: Workspace, charts: ChartSlots, scope: str | None, ghosts: bool) -> None:
    """Undo beside the table, the table (which draws the charts too), adding and removing, the group's own technologies."""
    keep_keystrokes()
    with st.container(horizontal=True, vertical_alignment="center"):  # not in the table's fragment: a cell does not change them
        st.caption(tr("own_editor_hint"), width="stretch")
        renumber_button(ws)
    entries_table(ws.link, charts, scope, ghosts)
    left, right = st.columns(2, gap="large")
    # Each confirmation sits under the control that caused it, where the eye is.
    with left:
        add_from_catalogue(ws)
        show_flash("entries-add")
        remove_entries(ws)
        show_flash("entries-remove")
    with right:
        add_custom(ws)
        show_flash("entries-custom")
    custom_editor(ws)


@st.fragment
def entries_table(link: str, charts: ChartSlots, scope: str | None, ghosts: bool) -> None:
    """The radar and the matrix (into `charts`, above the tabs), when the radar was saved, undo and redo,
    and the entries table, of the radar as stored now.

    A fragment of its own inside the workspace's: a cell saved in the table reruns only this, so the
    charts and the table are drawn again in that one run, and the header, the pickers, the forms and
    the other tabs are left as they are (a cell changes none of them). Undoing or redoing an add, a removal
    or the radar's facts, and a save refused because the radar changed elsewhere, rerun the whole workspace.

    Everything is worked out before the first element is sent, so the browser gets the run's elements
    together and draws them once, not once for each element as it trickles in.
    """
    ws = load_workspace(link)
    if ws is None:
        return
    figures, table = chart_figures(ws, scope, ghosts), editor_table(ws)
    radar_and_matrix(ws, charts, figures)
    undo_bar(ws, "entries", rerun=LIVE_FRAGMENT, saved=True)
    show_flash("entries")
    entries_editor(ws, table, rerun=LIVE_FRAGMENT)


def read_only_tabs(ws: Workspace, scope: str | None, ghosts: bool) -> None:
    """What a view link shows below the radar: the entries as a table, the gaps, the exports, the history."""
    names = ("entries", "compare", "export", "history", "settings", "maturity", "dialogue")
    tabs = st.tabs([tr(f"own_tab_{n}") for n in names])
    with tabs[0]:
        table = _html_table(ws)
        st.dataframe(pd.DataFrame(table.rows, columns=table.header), hide_index=True, width="stretch")
    with tabs[1]:
        gap_table(ws, scope)
    with tabs[2]:
        exports(ws, scope, ghosts)
    with tabs[3]:
        history(ws)
    with tabs[4]:
        st.caption(facts(ws))
        share_links(ws)
    with tabs[5]:
        ui_maturity.maturity_tab(ws)  # the saved assessments, to look at
    with tabs[6]:
        ui_dialogue.dialogue_tab(ws)


def share_links(ws: Workspace) -> None:
    """The radar's links, each in a box with a copy button; the edit link (and making a new one) only for its editors."""
    found = db.links(own_db(), ws.link)
    st.markdown(f"**{tr('own_share')}**", help=tr("own_share_help"))
    if "edit" in found:
        st.caption(tr("own_edit_link") + " — " + tr("own_edit_link_help"))
        st.code(link_url("edit", found["edit"]), language=None)
    st.caption(tr("own_view_link") + " — " + tr("own_view_link_help"))
    st.code(link_url("view", found["view"]), language=None)
    if "edit" not in found:
        return
    with st.popover(tr("own_new_edit_link"), icon=":material/key:"):
        st.caption(tr("own_new_edit_link_confirm"))
        st.button(
            tr("own_new_edit_link_yes"), key=f"own-new-link-{ws.link}", on_click=_new_edit_link, args=(ws.link,), type="primary"
        )


def _new_edit_link(link: str) -> None:
    fresh: list[str] = []

    def rotate(path: Path, version: int) -> int:
        fresh.append(db.new_edit_link(path, link, version))
        return version + 1

    if write(link, rotate, reset=True, area="details"):
        open_radar(fresh[0])
        st.session_state[seen_key(fresh[0])] = st.session_state.pop(seen_key(link), 0)
        flash("success", tr("own_new_edit_link_done"), "details")
