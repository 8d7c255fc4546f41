"""Streamlit glue of "Lav jeres egen radar": list, new radar, workspace, presentation, exports.

Every write goes through `_write`, which passes the version this browser last saw; a stale
version is refused by radar.db.own (ConflictError) and the fresh state is shown. Messages
from callbacks are kept in session state and shown on the next run ("flash").
Editors are keyed by radar and an epoch; the epoch moves whenever the stored radar changed
other than through the editor itself, so an editor never shows edits on top of stale rows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import streamlit as st

from radar import chart, config, export, own
from radar.db import own as db
from radar.errors import ConflictError, DataError, RadarError, ValidationError
from radar.i18n import CATALOGUE
from radar.safe import plain
from radar.ui import PLOTLY_CONFIG, lang, language_switch, load, page_header, ring_list, sample_notice, tr, tr_text

_RADAR_ID = re.compile(r"^[A-Za-z0-9_-]{10,64}$")
EDITOR_FIELDS: dict[str, str] = {
    "status": "status", "relevance": "relevance", "hand_ring": "ring", "ring_reason": "ring_reason",
    "note": "note", "owner": "owner", "next_step": "next_step",
}  # fmt: skip
CUSTOM_FIELDS: dict[str, str] = {"name": "name", "category": "category", "description": "description", "own_maturity": "maturity"}
PRESENT_CSS = """
<style>
[data-testid="stMainBlockContainer"] {padding-top: 4.2rem; padding-bottom: 1rem;}
.ring-list .ring-head {font-size: 1.35rem;}
.ring-list .blip-item {font-size: 1.3rem; line-height: 1.5;}
</style>
"""


#: Chart height in the projector view: fits under the title row on a 1280x720 projector.
PRESENT_HEIGHT = 560
#: Chart height beside the editing widgets: the radar is as wide as its half of the page.
WORK_HEIGHT = 560
#: Width of the radar's column beside the matrix on a 1280-pixel screen; markers are sized for it.
WORK_RADAR_WIDTH = 650
PNG_WIDTH, PNG_HEIGHT = 1400, 1150


def own_db() -> Path:
    """The own-radar database in use."""
    return config.own_db_path()


# --- messages ------------------------------------------------------------------------------------
def message(error: RadarError) -> str:
    """A typed error as text in the current language (field names translated too)."""
    params = dict(error.params)
    if "field" in params:
        fields = [f.strip() for f in str(params["field"]).split(",")]
        params["field"] = ", ".join(tr(f"own_field_{f}") if f"own_field_{f}" in CATALOGUE else f for f in fields)
    # Values may come from a file or another browser: shown as literal text, never as Markdown.
    return tr(error.key, **{k: plain(v) if isinstance(v, str) and k != "field" else v for k, v in params.items()})


def flash(kind: str, text: str, area: str = "top") -> None:
    """Leave a message ("success" or "error") for the next run of this page to show in `area`."""
    st.session_state.setdefault("own_flash", []).append((kind, text, area))


_flash = flash


def technologies(count: int) -> str:
    """ "1 teknologi" / "5 teknologier" in the current language."""
    return own.technologies_text(int(count), lang())


def show_flash(area: str = "top") -> None:
    """Show (once) the messages the last action left for `area`: the top, beside the entries table
    ("entries"), under the add and remove controls ("entries-tools"), or in the history or details tab."""
    waiting = st.session_state.get("own_flash", [])
    st.session_state["own_flash"] = [m for m in waiting if m[2] != area]
    for kind, text, _ in (m for m in waiting if m[2] == area):
        # Each area's alert sits beside the controls that caused it, so it is shown once, not also as a toast.
        if kind == "error":
            st.error(text, icon=":material/error:")
        else:
            st.success(text, icon=":material/check_circle:")


# --- national reference ---------------------------------------------------------------------------
def newest_edition() -> int:
    """The newest national edition (its maturity ratings are the local method's)."""
    return int(load("editions")["year"].iloc[0])


def catalogue() -> pd.DataFrame:
    """The technology catalogue in the current language."""
    return load("technologies", lang())


def categories() -> pd.DataFrame:
    """Categories (radar sectors) in the current language."""
    return load("categories", lang())


def domain_names() -> dict[str, str]:
    """Domain id -> name in the current language, in display order."""
    doms = load("domains", lang())
    return dict(zip(doms["id"], doms["name"], strict=True))


def national_scores(domain: str | None) -> pd.DataFrame:
    """National scores of the newest edition, combined or for one domain."""
    return load("scores", newest_edition(), domain)


# --- URL ---------------------------------------------------------------------------------------------
# ?edit=<token> opens a radar to change it, ?view=<token> to see, present and export it. ?radar= is
# the share link of earlier versions: it was an edit link and stays one.
LINK_PARAMS: tuple[str, ...] = ("edit", "view", "radar")


def current_radar() -> str | None:
    """The token of ?edit=, ?view= (or the old ?radar=), or None (a malformed token is ignored)."""
    for param in LINK_PARAMS:
        wanted = st.query_params.get(param)
        if wanted and _RADAR_ID.match(wanted):
            return wanted
    return None


def open_radar(link: str | None, param: str = "edit") -> None:
    """Switch the page to the radar of `link` (None: back to the start); the URL is that link."""
    for name in (*LINK_PARAMS, "present"):
        st.query_params.pop(name, None)
    if link is not None:
        st.query_params[param] = link
    st.session_state.pop("own_present", None)


def link_url(param: str, token: str) -> str:
    """The address that opens a radar: this page's URL with ?edit=<token> or ?view=<token>."""
    base = (st.context.url or "").split("?")[0]
    return f"{base}?{param}={token}"


# --- the list of radars ------------------------------------------------------------------------------
def manage_radars() -> None:
    """The start: a new radar and opening an export; in `local` mode also the saved radars
    (open, rename, duplicate, delete) and the bin. In `hosted` mode a radar is reached only by its links."""
    show_flash()
    if config.hosted():
        st.caption(tr("own_hosted_intro"))
    else:
        radars = db.list_radars(own_db())
        st.subheader(tr("own_list_heading"))
        if radars.empty:
            st.caption(tr("own_list_empty"))
        for _, row in radars.iterrows():
            _radar_row(row)
    left, right = st.columns(2, gap="large")
    with left:
        new_radar_form()
    with right:
        open_export_form()
    if not config.hosted():
        recycle_bin()


def recycle_bin() -> None:
    """Deleted radars with the day each is removed for good, and a restore button (`local` mode)."""
    binned = db.list_bin(own_db())
    if binned.empty:
        return
    with st.expander(f"{tr('own_bin_heading')} ({len(binned)})", icon=":material/delete:"):
        st.caption(tr("own_bin_intro", days=db.BIN_DAYS))
        for _, row in binned.iterrows():
            name_col, info_col, button_col = st.columns([4, 4, 1.6], vertical_alignment="center")
            name_col.markdown(f"**{plain(row['name'])}**  \n{plain(row['municipality'] or '')}")
            info_col.caption(
                tr(
                    "own_bin_row",
                    deleted=own.local_time(row["deleted_at"], lang()),
                    until=own.format_date(row["purge_on"], lang()),
                )
            )
            button_col.button(
                tr("own_bin_restore"), key=f"own-restore-{row['edit_token']}", on_click=_restore, args=(row["edit_token"],),
                icon=":material/restore_from_trash:", width="stretch",
            )  # fmt: skip


def _restore(link: str, reopen: bool = False) -> None:
    try:
        name = db.restore_radar(own_db(), link)
    except RadarError as error:
        _flash("error", message(error))
        return
    _flash("success", tr_text("own_restored", name=name))
    if reopen:
        st.session_state.pop(_seen_key(link), None)


def _radar_row(row: pd.Series) -> None:
    rid = row["edit_token"]
    with st.container(border=True):
        name_col, info_col, open_col, more_col = st.columns([4, 4, 1.3, 1.3], vertical_alignment="center")
        name_col.markdown(f"**{plain(row['name'])}**  \n{plain(row['municipality'] or '')}")
        info_col.caption(f"{tr('own_col_updated')}: {own.local_time(row['updated'], lang())} · {technologies(row['entries'])}")
        open_col.button(tr("own_open"), key=f"own-open-{rid}", on_click=open_radar, args=(rid,), type="primary", width="stretch")
        with more_col.popover("⋯", width="stretch"):
            st.text_input(tr("own_new_name_label"), value=row["name"], key=f"own-rename-{rid}")
            st.button(tr("own_rename"), key=f"own-rename-btn-{rid}", on_click=_rename, args=(rid, int(row["version"])))
            st.button(tr("own_duplicate"), key=f"own-dup-{rid}", on_click=_duplicate, args=(rid, str(row["name"])))
            st.button(
                tr("own_delete"), key=f"own-del-{rid}", on_click=st.session_state.__setitem__, args=("own_confirm_delete", rid)
            )
        if st.session_state.get("own_confirm_delete") == rid:
            st.warning(
                tr_text("own_delete_confirm", name=row["name"], technologies=technologies(row["entries"]), days=db.BIN_DAYS)
            )
            yes, no = st.columns([1, 4])
            yes.button(
                tr("own_delete_yes"),
                key=f"own-del-yes-{rid}",
                type="primary",
                on_click=_delete,
                args=(rid, int(row["version"]), str(row["name"])),
            )
            no.button(tr("own_cancel"), key=f"own-del-no-{rid}", on_click=st.session_state.pop, args=("own_confirm_delete", None))


def _rename(link: str, version: int) -> None:
    name = st.session_state.get(f"own-rename-{link}", "")
    try:
        db.update_meta(own_db(), link, version, {"name": name})
        _flash("success", tr_text("own_renamed", name=name.strip()))
    except RadarError as error:
        _flash("error", message(error))


def _duplicate(link: str, name: str) -> None:
    copy = tr("own_copy_name", name=name)[: own.MAX_RADAR_NAME]
    try:
        copy_id = db.duplicate_radar(own_db(), link, copy)  # "Kopi af X (2)" when "Kopi af X" exists
        _flash("success", tr_text("own_duplicated", name=db.load_radar(own_db(), copy_id)["name"]))
    except RadarError as error:
        _flash("error", message(error))


def _delete(link: str, version: int, name: str) -> None:
    st.session_state.pop("own_confirm_delete", None)
    try:
        db.delete_radar(own_db(), link, version)
        until = own.format_date(date.today() + timedelta(days=db.BIN_DAYS), lang())
        _flash("success", tr_text("own_deleted", name=name, until=until))
    except RadarError as error:
        _flash("error", message(error))


def new_radar_form() -> None:
    """Name, municipality, optional domain, date, and where to start from; creates and opens the radar."""
    names = domain_names()
    starts = ["combined", "domain", "blank"]
    with st.form("own-new", border=True):
        st.subheader(tr("own_new_heading"))
        st.text_input(tr("own_field_radar_name"), key="own-new-name", max_chars=own.MAX_RADAR_NAME)
        st.text_input(tr("own_field_municipality"), key="own-new-municipality", max_chars=own.MAX_RADAR_NAME)
        st.selectbox(
            tr("own_field_domain"), ["", *names], key="own-new-domain", format_func=lambda d: names.get(d, tr("own_no_domain"))
        )
        st.date_input(tr("own_field_date"), value=date.today(), key="own-new-date", format="DD.MM.YYYY")
        st.radio(tr("own_new_start"), starts, key="own-new-start", format_func=lambda s: tr(f"own_start_{s}"))
        st.form_submit_button(tr("own_new_create"), type="primary", on_click=_create)


def _create() -> None:
    state = st.session_state
    domain, start = state.get("own-new-domain") or None, state.get("own-new-start")
    meta = {
        "name": state.get("own-new-name"),
        "municipality": state.get("own-new-municipality"),
        "domain": domain,
        "date": state.get("own-new-date"),
    }
    try:
        if start == "domain" and domain is None:
            raise ValidationError("own_error_domain_needed")
        entries = (
            [] if start == "blank" else own.starter_entries(national_scores(domain if start == "domain" else None), catalogue())
        )
        link = db.create_radar(own_db(), meta, entries)
    except RadarError as error:
        _flash("error", message(error))
        return
    for key in ("own-new-name", "own-new-municipality"):
        state[key] = ""
    _flash("success", tr_text("own_created", name=str(meta["name"]).strip(), technologies=technologies(len(entries))))
    if config.hosted():
        _flash("success", tr("own_keep_link"))
    open_radar(link)


def open_export_form() -> None:
    """Upload our own JSON/XLSX (or CSV) export and create a new radar from it."""
    with st.container(border=True):
        st.subheader(tr("own_open_file_heading"))
        st.caption(tr("own_open_file_help"))
        upload = st.file_uploader(
            tr("own_open_file_heading"), type=["json", "xlsx", "csv"], key="own-upload", label_visibility="collapsed"
        )
        if st.button(tr("own_open_file_button"), disabled=upload is None, key="own-upload-go") and upload is not None:
            try:
                link, count, opened = create_from_export(upload.getvalue(), upload.name)
            except RadarError as error:
                st.error(message(error))
                return
            name = db.load_radar(own_db(), link)["name"]
            text = tr_text("own_opened", name=name, technologies=technologies(count))
            wanted = own.meta_from_file(opened.meta, upload.name, ())["name"]
            if own.name_key(wanted) != own.name_key(name):
                text += " " + tr_text("own_name_made_free", wanted=wanted, name=name)
            _flash("success", text)
            changed, rejected = opened.result.count("accepted_with_change"), opened.result.count("rejected")
            if rejected:
                _flash("error", tr("own_opened_report", changed=changed, rejected=rejected))
            open_radar(link)
            st.rerun()


def create_from_export(data: bytes, filename: str) -> tuple[str, int, export.OpenedExport]:
    """A new radar from our own export file: (id, number of entries, what was read).

    The file's radar name is kept when it is free, else the radar gets "name (2)", "name (3)", ...
    """
    cats = categories()
    opened = export.read_own_export(data, filename, cats["id"].tolist())
    entries = own.entries_from_rows(opened.rows, catalogue(), load("categories", "da"))
    meta = own.meta_from_file(opened.meta, filename, domain_names())
    return db.create_radar(own_db(), meta, entries, free_name=True), len(entries), opened


# --- one radar: state ------------------------------------------------------------------------------
@dataclass
class Workspace:
    """Everything the workspace draws for one radar at the version just read.

    `link` is the token this browser opened the radar with; `can_edit` is True only for its edit link.
    """

    link: str
    meta: dict
    entries: pd.DataFrame
    table: pd.DataFrame
    blips: pd.DataFrame
    categories: pd.DataFrame
    national: pd.DataFrame
    can_edit: bool = False


def _seen_key(link: str) -> str:
    return f"own-seen-{link}"


def _epoch(link: str) -> int:
    return int(st.session_state.get(f"own-epoch-{link}", 0))


def _bump(link: str) -> None:
    st.session_state[f"own-epoch-{link}"] = _epoch(link) + 1


def load_workspace(link: str) -> Workspace | None:
    """Read the radar and compute its local table and blips; None (with a message) when it is gone."""
    try:
        meta, entries = db.load_state(own_db(), link)
    except DataError as error:
        page_header("own_title")
        show_flash()
        if error.key == "own_error_radar_in_bin":
            in_bin(link)
        else:
            st.error(message(error))
        st.button(tr("own_back"), on_click=open_radar, args=(None,), icon=":material/arrow_back:")
        return None
    seen = st.session_state.get(_seen_key(link))
    if seen != meta["version"]:
        if seen is not None:
            _bump(link)  # changed elsewhere: editors start again from the fresh rows
        st.session_state[_seen_key(link)] = meta["version"]
    national = national_scores(meta["domain"])
    table = own.local_table(entries, catalogue(), national)
    cats = own.radar_sectors(table, categories())
    blips = own.local_blips(table, cats["id"].tolist())
    return Workspace(link, meta, entries, table, blips, cats, national, can_edit=bool(meta["can_edit"]))


def in_bin(link: str) -> None:
    """The edit link of a radar in the bin: when it was deleted, until when it can be restored, and a restore button."""
    binned = db.list_bin(own_db())
    row = binned[binned["edit_token"] == link].iloc[0]
    st.warning(
        tr_text(
            "own_in_bin", name=row["name"], deleted=own.local_time(row["deleted_at"], lang()),
            until=own.format_date(row["purge_on"], lang()),
        ),
        icon=":material/delete:",
    )  # fmt: skip
    st.button(tr("own_bin_restore"), on_click=_restore, args=(link, True), type="primary", icon=":material/restore_from_trash:")


def _write(link: str, action: Callable[[Path, int], int], *, reset: bool, success: str | None = None, area: str = "top") -> bool:
    """Run one storage action with the version this browser saw; True when it was saved.

    Messages go to `area`, so an error while editing the table is shown beside the table.
    """
    seen = int(st.session_state.get(_seen_key(link), 0))
    try:
        version = action(own_db(), seen)
    except ConflictError as error:
        _flash("error", message(error), area)
        st.session_state.pop(_seen_key(link), None)
        _bump(link)
        return False
    except RadarError as error:
        _flash("error", message(error), area)
        return False
    st.session_state[_seen_key(link)] = version
    if reset:
        _bump(link)
    if success:
        _flash("success", success, area)
    return True


# --- one radar: header and toolbar ------------------------------------------------------------------
def presentation_toggle() -> bool:
    """The presentation switch, kept in ?present=1 so the link opens the projector view."""
    if "own_present" not in st.session_state:
        st.session_state["own_present"] = st.query_params.get("present") == "1"
    return bool(st.session_state["own_present"])


def _sync_present() -> None:
    if st.session_state.get("own_present"):
        st.query_params["present"] = "1"
    else:
        st.query_params.pop("present", None)


def _facts(ws: Workspace) -> str:
    meta = ws.meta
    domain = domain_names().get(meta["domain"], tr("own_no_domain"))
    return tr(
        "own_caption",
        municipality=plain(meta["municipality"] or "–"),
        domain=domain,
        date=own.format_date(meta["date"], lang()) or "–",
        technologies=technologies(len(ws.entries)),
    )


def header(ws: Workspace) -> tuple[str | None, bool]:
    """Title with the language switch, facts, and one toolbar row: back, undo, presentation, compare."""
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.title(plain(ws.meta["name"]))
    with right:
        language_switch()
    st.caption(_facts(ws) + " · " + tr("own_saved_at", time=own.local_time(ws.meta["updated"], lang())))
    cols = st.columns([1.3, 2.1, 1.6, 2.6, 2.5], vertical_alignment="bottom")
    cols[0].button(tr("own_back"), on_click=open_radar, args=(None,), icon=":material/arrow_back:", key="own-back")
    if ws.can_edit:
        cols[1].button(tr("own_undo"), on_click=_undo, args=(ws.link,), icon=":material/undo:", key="own-undo")
    cols[2].toggle(tr("own_present"), key="own_present", help=tr("own_present_help"), on_change=_sync_present)
    return compare_controls(ws, cols[3], cols[4])


def _undo(link: str, area: str = "top") -> None:
    _write(link, lambda path, version: db.undo(path, link, version), reset=True, success=tr("own_undone"), area=area)


# --- one radar: views ---------------------------------------------------------------------------------
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


def radar_fig(
    ws: Workspace,
    scope: str | None,
    ghosts: bool,
    presentation: bool = False,
    title: str | None = None,
    height: int | None = None,
    names_list: bool = False,
    width_hint: int | None = None,
) -> object:
    """The local radar figure, with the chosen national positions as ghosts when asked."""
    ghost_blips = None
    if ghosts and len(ws.blips):
        national = load("radar_blips", newest_edition(), scope, lang())
        # Only what the group has assessed: the rest sits where the country is anyway.
        assessed = ws.table.loc[ws.table["status"].notna() | ws.table["hand_set"], "technology"]
        ghost_blips = national[national["technology"].isin(set(assessed) & set(ws.blips["technology"]))]
    return chart.own_radar_figure(
        ws.blips,
        ws.categories,
        lang(),
        presentation=presentation,
        ghosts=ghost_blips,
        title=title,
        height=height,
        names_list=names_list,
        width_hint=width_hint,
    )


def matrix_fig(ws: Workspace, presentation: bool = False) -> object:
    """The priority matrix figure."""
    points = own.matrix_points(ws.table)
    return chart.priority_matrix_figure(points, ws.categories, lang(), high=own.MATRIX_HIGH, presentation=presentation)


def radar_and_matrix(ws: Workspace, scope: str | None, ghosts: bool) -> None:
    """The local radar and the priority matrix side by side, redrawn on every change."""
    left, right = st.columns([1.45, 1], gap="medium")
    with left:
        st.markdown(f"**{tr('own_radar_heading')}**")
        if ws.blips.empty:
            st.info(tr("own_radar_empty"))
        fig = radar_fig(ws, scope, ghosts, height=WORK_HEIGHT, width_hint=WORK_RADAR_WIDTH)
        st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key=f"own-radar-{ws.link}")
    with right:
        st.markdown(f"**{tr('own_matrix_heading')}**", help=tr("own_matrix_help"))
        fig = matrix_fig(ws)
        fig.update_layout(height=WORK_HEIGHT)
        st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key=f"own-matrix-{ws.link}")
        if ws.table["relevance"].notna().sum() == 0:
            st.caption(tr("own_matrix_empty"))
    missing = own.unplaced(ws.table)
    if missing:
        st.caption(tr_text("own_unplaced", names=", ".join(missing)))


def method_note() -> None:
    """The expander that explains how the local ring is computed (values from config)."""
    bands = config.ring_score_bands()
    cutoffs = ", ".join(f"{tr('ring_' + r.key)} ≥ {low:.2f}" for r, (low, _) in zip(config.RINGS, bands, strict=True) if low > 0)
    with st.expander(tr("own_method_heading"), icon=":material/calculate:"):
        st.markdown(tr("own_method", default=own.DEFAULT_OWN_MATURITY, cutoffs=cutoffs))


def gap_table(ws: Workspace, scope: str | None, big: bool = False) -> None:
    """Gaps to the national (or chosen domain) radar, biggest first, in plain words."""
    gaps = own.gap_list(ws.table, national_scores(scope))
    if gaps.empty:
        st.caption(tr("own_gap_none"))
        return
    ring = lambda k: tr("ring_" + k) if isinstance(k, str) else "–"  # noqa: E731
    view = pd.DataFrame(
        {
            "number": gaps["number"],
            "name": gaps["name"],
            "text": [
                tr(p, local=ring(lo), national=ring(na))
                for p, lo, na in zip(gaps["phrase"], gaps["local_ring"], gaps["national_ring"], strict=True)
            ],
            "gap": [f"{g:+.2f}" if pd.notna(g) else "–" for g in gaps["gap"]],
        }
    )
    st.caption(tr("own_gap_intro"))
    st.dataframe(
        view,
        hide_index=True,
        width="stretch",
        row_height=44 if big else None,
        column_config={
            "number": st.column_config.NumberColumn(tr("col_number"), width="small"),
            "name": st.column_config.TextColumn(tr("col_technology")),
            "text": st.column_config.TextColumn(tr("own_col_gap_text"), width="large"),
            "gap": st.column_config.TextColumn(tr("own_col_gap"), help=tr("own_gap_intro"), width="small"),
        },
    )
    if ws.table["own"].any():
        st.caption(tr("own_gap_own_note"))


# --- one radar: entries ----------------------------------------------------------------------------------
def _editor_frame(ws: Workspace) -> pd.DataFrame:
    table = ws.table
    return pd.DataFrame(
        {
            "number": table["number"],
            "name": table["name"],
            "ring_shown": [
                tr("ring_" + r) + (" ✋" if h else "") if isinstance(r, str) else "–"
                for r, h in zip(table["ring"], table["hand_set"], strict=True)
            ],
            "status": table["status"].astype("Int64"),
            "relevance": table["relevance"].astype("Int64"),
            "hand_ring": table["ring"].where(table["hand_set"], None).astype(object),
            "ring_reason": table["ring_reason"],
            "note": table["note"],
            "owner": table["owner"],
            "next_step": table["next_step"],
        }
    ).reset_index(drop=True)


def entries_editor(ws: Workspace) -> None:
    """The keyboard-friendly table of entries; each committed cell is saved at once."""
    key = f"own-editor-{ws.link}-{_epoch(ws.link)}"
    st.session_state[f"{key}-ids"] = ws.table["entry_id"].tolist()
    st.caption(tr("own_editor_hint"))
    stage = lambda s: tr(f"stage_{s}")  # noqa: E731
    st.data_editor(
        _editor_frame(ws),
        key=key,
        hide_index=True,
        num_rows="fixed",
        width="stretch",
        placeholder="",
        disabled=["number", "name", "ring_shown"],
        on_change=_save_editor,
        args=(ws.link, key, EDITOR_FIELDS),
        column_config={
            "number": st.column_config.NumberColumn(tr("col_number"), width=50),
            "name": st.column_config.TextColumn(tr("col_technology"), width="medium", pinned=True),
            "ring_shown": st.column_config.TextColumn(tr("own_col_ring_shown"), help=tr("own_help_ring_shown"), width=100),
            "status": st.column_config.SelectboxColumn(
                tr("own_col_status"), options=list(own.STATUSES), format_func=stage, help=tr("own_help_status"), width=130
            ),
            "relevance": st.column_config.NumberColumn(
                tr("own_col_relevance"), min_value=1, max_value=5, step=1, format="%d", help=tr("own_help_relevance"), width=105
            ),
            "hand_ring": st.column_config.SelectboxColumn(
                tr("own_col_hand_ring"),
                options=list(config.RING_KEYS),
                format_func=lambda k: tr("ring_" + k),
                help=tr("own_help_hand_ring"),
                width=120,
            ),
            "ring_reason": st.column_config.TextColumn(tr("own_col_reason"), max_chars=own.MAX_LONG),
            "note": st.column_config.TextColumn(tr("own_col_note"), max_chars=own.MAX_LONG, width="medium"),
            "owner": st.column_config.TextColumn(tr("own_col_owner"), max_chars=own.MAX_SHORT),
            "next_step": st.column_config.TextColumn(tr("own_col_next"), max_chars=own.MAX_LONG, width="medium"),
        },
    )


def editor_updates(state: object, ids: list[str], fields: dict[str, str]) -> dict[str, dict[str, object]]:
    """{entry_id: {field: value}} from a data editor's pending edits (row positions -> entry ids)."""
    edited = getattr(state, "edited_rows", None)
    if edited is None and isinstance(state, dict):
        edited = state.get("edited_rows", {})
    updates: dict[str, dict[str, object]] = {}
    for position, change in (edited or {}).items():
        position = int(position)
        if position >= len(ids):
            continue
        values = {fields[c]: v for c, v in change.items() if c in fields}
        if values:
            updates[ids[position]] = values
    return updates


def _save_editor(link: str, key: str, fields: dict[str, str]) -> None:
    updates = editor_updates(st.session_state.get(key), st.session_state.get(f"{key}-ids", []), fields)
    if updates:
        _write(link, lambda path, version: db.update_entries(path, link, version, updates), reset=False, area="entries")


def add_from_catalogue(ws: Workspace) -> None:
    """Searchable multiselect of catalogue technologies not yet on the radar, and an add button."""
    cat = catalogue()
    present = set(ws.table["technology_id"].dropna())
    options = [tech for tech in cat["id"] if tech not in present]
    names = dict(zip(cat["id"], cat["name"], strict=True))
    key = f"own-pick-{ws.link}"
    st.markdown(f"**{tr('own_add_heading')}**")
    st.multiselect(
        tr("own_pick"),
        options,
        key=key,
        format_func=names.get,
        placeholder=tr("own_pick_placeholder"),
        label_visibility="collapsed",
    )
    st.button(tr("own_pick_add"), key=f"{key}-go", on_click=_add_picked, args=(ws.link, key), icon=":material/add:")


def _add_picked(link: str, key: str) -> None:
    picked = list(st.session_state.get(key) or [])
    if not picked:
        return
    cat = catalogue()
    entries = [own.catalogue_entry(tech, cat) for tech in picked]
    names = ", ".join(str(e["name"]) for e in entries)
    if _write(
        link,
        lambda path, version: db.add_entries(path, link, version, entries),
        reset=True,
        success=tr_text("own_added", names=names),
        area="entries-tools",
    ):
        st.session_state[key] = []


def category_choices(ws: Workspace) -> dict[str, str]:
    """Categories an own technology can have: the radar's sectors, then ours it does not show yet."""
    choices = dict(zip(ws.categories["id"], ws.categories["name"], strict=True))
    ours = categories()
    return choices | {c: n for c, n in zip(ours["id"], ours["name"], strict=True) if c not in choices}


def add_custom(ws: Workspace) -> None:
    """A small form for the group's own technology: name, category, short description, maturity."""
    cat_names = category_choices(ws)
    prefix = f"own-custom-{ws.link}"
    with st.form(prefix, border=True):
        st.markdown(f"**{tr('own_custom_heading')}**")
        left, right = st.columns(2)
        left.text_input(tr("own_col_name"), key=f"{prefix}-name", max_chars=own.MAX_ENTRY_NAME)
        right.selectbox(tr("col_category"), list(cat_names), key=f"{prefix}-category", format_func=cat_names.get)
        st.text_area(tr("own_col_description"), key=f"{prefix}-description", height=68, max_chars=own.MAX_LONG)
        st.selectbox(
            tr("own_col_own_maturity"),
            [None, *own.MATURITIES],
            key=f"{prefix}-maturity",
            format_func=lambda m: tr(f"maturity_{m}") if m else tr("own_help_own_maturity", default=own.DEFAULT_OWN_MATURITY),
        )
        st.form_submit_button(tr("own_custom_add"), on_click=_add_custom, args=(ws.link, prefix), icon=":material/add:")


def _add_custom(link: str, prefix: str) -> None:
    state = st.session_state
    entry = {
        "technology_id": None,
        "name": state.get(f"{prefix}-name"),
        "category": state.get(f"{prefix}-category"),
        "description": state.get(f"{prefix}-description"),
        "maturity": state.get(f"{prefix}-maturity"),
    }
    name = str(entry["name"] or "").strip()
    if _write(
        link,
        lambda path, version: db.add_entries(path, link, version, [entry]),
        reset=True,
        success=tr_text("own_added", names=name),
        area="entries-tools",
    ):
        state[f"{prefix}-name"] = ""
        state[f"{prefix}-description"] = ""
        state[f"{prefix}-maturity"] = None


def custom_editor(ws: Workspace) -> None:
    """The group's own technologies: rename, category, description and maturity, saved at once."""
    mine = ws.table[ws.table["own"]]
    if mine.empty:
        return
    cat_names = category_choices(ws)
    key = f"own-custom-editor-{ws.link}-{_epoch(ws.link)}"
    st.session_state[f"{key}-ids"] = mine["entry_id"].tolist()
    st.markdown(f"**{tr('own_custom_list')}**")
    frame = pd.DataFrame(
        {
            "name": mine["name"],
            "category": mine["category"],
            "description": mine["description"],
            "own_maturity": mine["own_maturity"].astype("Int64"),
        }
    ).reset_index(drop=True)
    st.data_editor(
        frame,
        key=key,
        hide_index=True,
        num_rows="fixed",
        width="stretch",
        placeholder="",
        on_change=_save_editor,
        args=(ws.link, key, CUSTOM_FIELDS),
        column_config={
            "name": st.column_config.TextColumn(tr("own_col_name"), required=True, max_chars=own.MAX_ENTRY_NAME),
            "category": st.column_config.SelectboxColumn(
                tr("col_category"), options=list(cat_names), format_func=cat_names.get, required=True
            ),
            "description": st.column_config.TextColumn(tr("own_col_description"), width="large", max_chars=own.MAX_LONG),
            "own_maturity": st.column_config.NumberColumn(
                tr("own_col_own_maturity"),
                min_value=1,
                max_value=5,
                step=1,
                format="%d",
                help=tr("own_help_own_maturity", default=own.DEFAULT_OWN_MATURITY),
            ),
        },
    )


def remove_entries(ws: Workspace) -> None:
    """Pick entries and remove them (undo brings them back)."""
    if ws.table.empty:
        return
    names = dict(zip(ws.table["entry_id"], ws.table["name"], strict=True))
    key = f"own-remove-{ws.link}-{_epoch(ws.link)}"
    st.markdown(f"**{tr('own_remove_heading')}**")
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    left.multiselect(
        tr("own_remove_heading"),
        list(names),
        key=key,
        format_func=names.get,
        label_visibility="collapsed",
        placeholder=tr("own_pick_placeholder"),
    )
    right.button(tr("own_remove_button"), key=f"{key}-go", on_click=_remove, args=(ws.link, key, names), icon=":material/delete:")


def _remove(link: str, key: str, names: dict[str, str]) -> None:
    chosen = list(st.session_state.get(key) or [])
    if chosen:
        text = tr_text("own_removed", names=", ".join(names[c] for c in chosen))
        _write(
            link,
            lambda path, version: db.remove_entries(path, link, version, chosen),
            reset=True,
            success=text,
            area="entries-tools",
        )


# --- one radar: details, history, exports ---------------------------------------------------------------
def details(ws: Workspace) -> None:
    """The radar's facts, each saved when the field is left, and the share link."""
    rid, meta = ws.link, ws.meta
    prefix = f"own-meta-{rid}-{_epoch(rid)}"
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
        format="DD.MM.YYYY",
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
    _delete(link, version, name)
    if not any(kind == "error" for kind, _, _ in st.session_state.get("own_flash", [])):
        open_radar(None)


def _save_meta(link: str, prefix: str, field: str) -> None:
    value = st.session_state.get(f"{prefix}-{field}")
    value = value or None if field == "domain" else value
    _write(link, lambda path, version: db.update_meta(path, link, version, {field: value}), reset=True, area="details")


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
            "detail": [own.change_text(d, lang()) for d in changes["detail"]],
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
        st.button(tr("own_undo"), on_click=_undo, args=(ws.link, "history"), icon=":material/undo:", key="own-undo-history")


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


def _png(ws: Workspace, scope: str | None, ghosts: bool) -> bytes:
    fig = radar_fig(ws, scope, ghosts, presentation=True, title=_title(ws), height=PNG_HEIGHT, names_list=True)
    return export.figure_png(fig, width=PNG_WIDTH + chart.NAMES_LIST_WIDTH)


def _html(ws: Workspace, scope: str | None, ghosts: bool) -> bytes:
    figures = [radar_fig(ws, scope, ghosts), matrix_fig(ws)]
    footer = tr("own_export_footer", date=own.format_date(date.today(), lang()))
    return export.standalone_html(ws.meta["name"], _title(ws), figures, _html_table(ws), footer)


def exports(ws: Workspace, scope: str | None, ghosts: bool) -> None:
    """Download buttons: PNG (made on the server when clicked), HTML, CSV, XLSX and JSON."""
    st.caption(tr("own_export_intro"))
    stem = export.file_stem(ws.meta["name"])
    rows = own.export_rows(ws.table)
    meta = own.export_meta(ws.meta)
    files = [
        ("png", "own_export_png", "image/png", functools.partial(_png, ws, scope, ghosts), ":material/image:"),
        ("html", "own_export_html", "text/html", functools.partial(_html, ws, scope, ghosts), ":material/public:"),
        ("xlsx", "own_export_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         functools.partial(export.entries_xlsx, rows, meta, lang(), dict(zip(ws.categories["id"], ws.categories["name"], strict=True))),
         ":material/table:"),
        ("csv", "own_export_csv", "text/csv", functools.partial(export.entries_csv, rows), ":material/csv:"),
        ("json", "own_export_json", "application/json", functools.partial(export.radar_json, rows, meta),
         ":material/data_object:"),
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


# --- pages ------------------------------------------------------------------------------------------------
def workspace(link: str) -> None:
    """One radar: header, radar and matrix, method, and tabs for entries, compare, export, history, details."""
    present = presentation_toggle()
    ws = load_workspace(link)
    if ws is None:
        return
    if present:
        presentation(ws)
        return
    scope, ghosts = header(ws)
    show_flash()
    if not ws.can_edit:
        st.info(tr("own_read_only"), icon=":material/visibility:")
    radar_and_matrix(ws, scope, ghosts)
    method_note()
    if not ws.can_edit:
        read_only_tabs(ws, scope, ghosts)
        return
    tabs = st.tabs(
        [tr("own_tab_entries"), tr("own_tab_compare"), tr("own_tab_export"), tr("own_tab_history"), tr("own_tab_settings")]
    )
    with tabs[0]:
        show_flash("entries")
        entries_editor(ws)
        left, right = st.columns(2, gap="large")
        with left:
            add_from_catalogue(ws)
            remove_entries(ws)
        with right:
            add_custom(ws)
        show_flash("entries-tools")
        custom_editor(ws)
    with tabs[1]:
        gap_table(ws, scope)
    with tabs[2]:
        exports(ws, scope, ghosts)
    with tabs[3]:
        show_flash("history")
        history(ws)
    with tabs[4]:
        show_flash("details")
        details(ws)


def read_only_tabs(ws: Workspace, scope: str | None, ghosts: bool) -> None:
    """What a view link shows below the radar: the entries as a table, the gaps, the exports, the history."""
    tabs = st.tabs(
        [tr("own_tab_entries"), tr("own_tab_compare"), tr("own_tab_export"), tr("own_tab_history"), tr("own_tab_settings")]
    )
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
        st.caption(_facts(ws))
        share_links(ws)


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

    if _write(link, rotate, reset=True, area="details"):
        open_radar(fresh[0])
        st.session_state[_seen_key(fresh[0])] = st.session_state.pop(_seen_key(link), 0)
        _flash("success", tr("own_new_edit_link_done"), "details")


def presentation(ws: Workspace) -> None:
    """The projector view: one large view at a time, big fonts, no editing widgets."""
    st.html(PRESENT_CSS)
    views = ["radar", "matrix", "gaps"]
    title, switch, toggle, language = st.columns([4.0, 3.2, 1.6, 1.7], vertical_alignment="center")
    title.markdown(f"### {plain(ws.meta['name'])}")
    title.caption(_facts(ws))
    view = switch.segmented_control(
        tr("own_present_view"),
        views,
        default="radar",
        key=f"own-present-view-{ws.link}",
        format_func=lambda v: tr(f"own_view_{v}"),
        label_visibility="collapsed",
        required=True,
    )
    toggle.toggle(tr("own_present"), key="own_present", help=tr("own_present_help"), on_change=_sync_present)
    with language:
        language_switch()
    scope = st.session_state.get(f"own-scope-{ws.link}", ws.meta["domain"]) or None
    ghosts = bool(st.session_state.get(f"own-ghosts-{ws.link}"))
    if view == "matrix":
        fig = matrix_fig(ws, presentation=True)
        fig.update_layout(height=PRESENT_HEIGHT)
        st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key="own-present-matrix")
    elif view == "gaps":
        gap_table(ws, scope, big=True)
    else:
        left, right = st.columns([2.6, 1], gap="medium")
        with left:
            fig = radar_fig(ws, scope, ghosts, presentation=True, height=PRESENT_HEIGHT)
            st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key="own-present-radar")
        with right:
            ring_list(ws.blips) if len(ws.blips) else st.info(tr("own_radar_empty"))


def page() -> None:
    """The whole page: the list of radars, or the radar of ?radar=."""
    link = current_radar()
    if link is None:
        page_header("own_title", "own_intro")
        sample_notice()
        manage_radars()
    else:
        workspace(link)
