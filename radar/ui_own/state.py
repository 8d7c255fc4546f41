"""State shared by the views of "Lav jeres egen radar": storage and links, messages, the workspace data.

Every write goes through `write`, which passes the version this browser last saw; a stale
version is refused by radar.db.own (ConflictError) and the fresh state is shown. Messages
from callbacks are kept in session state and shown on the next run ("flash").
Editors are keyed by radar and an epoch; the epoch moves whenever the stored radar changed
other than through the editor itself, so an editor never shows edits on top of stale rows.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from radar import chart, config, own, ui
from radar.db import own as db
from radar.errors import ConflictError, DataError, RadarError
from radar.i18n import CATALOGUE, number
from radar.safe import plain
from radar.ui import lang, page_header, tr, tr_text

_T = TypeVar("_T")
_RADAR_ID = re.compile(r"^[A-Za-z0-9_-]{10,64}$")


#: Chart height in the projector view: fits under the title row on a 1280x720 projector.
PRESENT_HEIGHT = 525
#: Width of the radar's column in the projector view on a 1280-pixel screen; markers are sized for it.
PRESENT_RADAR_WIDTH = 780


#: Chart height beside the editing widgets: the radar is as wide as its half of the page.
WORK_HEIGHT = 560


#: Width of the radar's column beside the matrix on a 1280-pixel screen; markers are sized for it.
WORK_RADAR_WIDTH = 730


def own_db() -> Path:
    """The own-radar database in use."""
    return config.own_db_path()


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


def technologies(count: int) -> str:
    """ "1 teknologi" / "5 teknologier" in the current language."""
    return own.technologies_text(int(count), lang())


def show_flash(area: str = "top") -> None:
    """Show (once) the messages the last action left for `area`: the top, beside the entries table
    ("entries"), under the control that caused them ("entries-add", "entries-remove", "entries-custom"),
    or in the history or details tab."""
    waiting = st.session_state.get("own_flash", [])
    st.session_state["own_flash"] = [m for m in waiting if m[2] != area]
    for kind, text, _ in (m for m in waiting if m[2] == area):
        # Each area's alert sits beside the controls that caused it, so it is shown once, not also as a toast.
        if kind == "error":
            st.error(text, icon=":material/error:")
        else:
            st.success(text, icon=":material/check_circle:")


def newest_edition() -> int:
    """The newest national edition (its maturity ratings are the local method's)."""
    return int(ui.editions()["year"].iloc[0])


def catalogue() -> pd.DataFrame:
    """The technology catalogue in the current language."""
    return ui.technologies(lang())


def categories() -> pd.DataFrame:
    """Categories (radar sectors) in the current language."""
    return ui.categories(lang())


def domain_names() -> dict[str, str]:
    """Domain id -> name in the current language, in display order."""
    doms = ui.domains(lang())
    return dict(zip(doms["id"], doms["name"], strict=True))


def sample_reference() -> bool:
    """True when the national edition an own radar is compared with (the newest) is sample data."""
    eds = ui.editions()
    return bool(eds.loc[eds["year"] == newest_edition(), "sample"].any())


def national_scores(domain: str | None) -> pd.DataFrame:
    """National scores of the newest edition, combined or for one domain."""
    return ui.scores(newest_edition(), domain)


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
    for name in (*LINK_PARAMS, "present", "dialog"):  # "dialog": the dialogue's projector view (radar.ui_dialogue)
        st.query_params.pop(name, None)
    if link is not None:
        st.query_params[param] = link
    st.session_state.pop("own_present", None)
    st.session_state[SCROLL_TOP] = True
    st.session_state[FULL_RUN] = True  # the workspace is a fragment: another view needs the whole page


#: Set when the page leaves or changes radar: the workspace's fragment hands over to a full run.
FULL_RUN = "own-full-run"


#: Set when another view opens: its first run scrolls the page to the top (Streamlit keeps the old
#: scroll position, so a radar created from the form low on the start page opened scrolled past its title).
SCROLL_TOP = "own-scroll-top"
_SCROLL_TOP_SCRIPT = (
    "<script>for (const el of [document.scrollingElement, ...document.querySelectorAll("
    "\"[data-testid='stMain'], [data-testid='stAppViewContainer']\")]) if (el) el.scrollTo(0, 0);</script>"
)


def scroll_to_top() -> None:
    """Scroll the page to its top once after another view opened (a constant script, no user text)."""
    if st.session_state.pop(SCROLL_TOP, None):
        st.html(_SCROLL_TOP_SCRIPT, unsafe_allow_javascript=True)


def back_label() -> str:
    """The way back to the start: the list of radars (local mode), or a new radar (hosted: no list)."""
    return tr("own_back_hosted" if config.hosted() else "own_back")


def link_url(param: str, token: str) -> str:
    """The address that opens a radar: this page's URL with ?edit=<token> or ?view=<token>."""
    base = (st.context.url or "").split("?")[0]
    return f"{base}?{param}={token}"


@dataclass
class Workspace:
    """Everything the workspace draws for one radar at the version just read.

    `link` is the token this browser opened the radar with; `can_edit` is True only for its edit link;
    `undo` and `redo` are what the undo bar would do next (radar.db.own.next_changes).
    """

    link: str
    meta: dict
    entries: pd.DataFrame
    table: pd.DataFrame
    blips: pd.DataFrame
    categories: pd.DataFrame
    national: pd.DataFrame
    can_edit: bool = False
    undo: dict | None = None
    redo: dict | None = None


def fingerprint(*parts: object) -> str:
    """A digest of plain values and frames (pickled in this process), for `memo` keys."""
    return hashlib.sha1(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL), usedforsecurity=False).hexdigest()


def memo(name: str, key: str, build: Callable[[], _T]) -> _T:
    """This browser's last value built under `name`, rebuilt only when `key` changed.

    An edit reruns the workspace; what the edit did not change (the radar after a relevance edit,
    the matrix after a status edit, the local table of a radar another browser did not touch) is
    reused instead of built again.
    """
    held = st.session_state.get(f"own-memo-{name}")
    if held is not None and held[0] == key:
        return held[1]
    value = build()
    st.session_state[f"own-memo-{name}"] = (key, value)
    return value


def seen_key(link: str) -> str:
    return f"own-seen-{link}"


def epoch(link: str) -> int:
    return int(st.session_state.get(f"own-epoch-{link}", 0))


def bump(link: str) -> None:
    st.session_state[f"own-epoch-{link}"] = epoch(link) + 1


def handed_key(link: str) -> str:
    return f"own-saved-{link}"


def hand_over(link: str, state: db.State) -> int:
    """Keep the radar as this browser's save just left it, for this run to draw (see load_workspace); its version."""
    st.session_state[handed_key(link)] = state
    return state.version


def load_workspace(link: str) -> Workspace | None:
    """Read the radar and compute its local table and blips; None (with a message) when it is gone.

    Right after this browser saved a cell, the radar is drawn from what the save left (`hand_over`),
    taken once and only while it is the version this browser last saw: the same rows a read would give
    (tests/test_own_undo.py), without reading them again on every cell.
    """
    state = st.session_state.pop(handed_key(link), None)
    try:
        if state is None or state.version != st.session_state.get(seen_key(link)):
            state = db.read_state(own_db(), link)
    except DataError as error:
        page_header("own_title")
        show_flash()
        if error.key == "own_error_radar_in_bin":
            in_bin(link)
        else:
            st.error(message(error))
        st.button(back_label(), on_click=open_radar, args=(None,), icon=":material/arrow_back:")
        return None
    meta, entries = state.meta, state.entries
    seen = st.session_state.get(seen_key(link))
    if seen != meta["version"]:
        if seen is not None:
            bump(link)  # changed elsewhere: editors start again from the fresh rows
        st.session_state[seen_key(link)] = meta["version"]
    national = national_scores(meta["domain"])
    table, cats, blips = _local(entries, national)
    return Workspace(
        link, meta, entries, table, blips, cats, national, can_edit=bool(meta["can_edit"]), undo=state.undo, redo=state.redo
    )


def _local(entries: pd.DataFrame, national: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The local table, the radar's sectors and its blips, built again only when the entries changed."""

    def compute() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        table = own.local_table(entries, catalogue(), national)
        cats = own.radar_sectors(table, categories())
        return table, cats, own.local_blips(table, cats["id"].tolist())

    return memo("local", fingerprint(entries, national, lang()), compute)


def stored_table(path: Path, link: str) -> pd.DataFrame:
    """The radar's local table as stored now, for an action that needs it (renumbering); raises as read_state does."""
    state = db.read_state(path, link)
    return _local(state.entries, national_scores(state.meta["domain"]))[0]


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
    st.button(tr("own_bin_restore"), on_click=restore, args=(link, True), type="primary", icon=":material/restore_from_trash:")


def restore(link: str, reopen: bool = False) -> None:
    try:
        name = db.restore_radar(own_db(), link)
    except RadarError as error:
        flash("error", message(error))
        return
    flash("success", tr_text("own_restored", name=name))
    if reopen:
        st.session_state.pop(seen_key(link), None)


def write(link: str, action: Callable[[Path, int], int], *, reset: bool, success: str | None = None, area: str = "top") -> bool:
    """Run one storage action with the version this browser saw; True when it was saved.

    Messages go to `area`, so an error while editing the table is shown beside the table.
    """
    seen = int(st.session_state.get(seen_key(link), 0))
    try:
        version = action(own_db(), seen)
    except ConflictError as error:
        flash("error", message(error), area)
        st.session_state.pop(seen_key(link), None)
        bump(link)
        return False
    except RadarError as error:
        flash("error", message(error), area)
        return False
    st.session_state[seen_key(link)] = version
    if reset:
        bump(link)
    if success:
        flash("success", success, area)
    return True


def delete(link: str, version: int, name: str) -> None:
    st.session_state.pop("own_confirm_delete", None)
    try:
        db.delete_radar(own_db(), link, version)
        until = own.format_date(date.today() + timedelta(days=db.BIN_DAYS), lang())
        flash("success", tr_text("own_deleted", name=name, until=until))
    except RadarError as error:
        flash("error", message(error))


def presentation_toggle() -> bool:
    """The presentation switch, kept in ?present=1 so the link opens the projector view."""
    if "own_present" not in st.session_state:
        st.session_state["own_present"] = st.query_params.get("present") == "1"
    return bool(st.session_state["own_present"])


def sync_present() -> None:
    if st.session_state.get("own_present"):
        st.query_params["present"] = "1"
    else:
        st.query_params.pop("present", None)


def facts(ws: Workspace) -> str:
    meta = ws.meta
    domain = domain_names().get(meta["domain"], tr("own_no_domain"))
    return tr(
        "own_caption",
        municipality=plain(meta["municipality"] or "–"),
        domain=domain,
        date=own.format_date(meta["date"], lang()) or "–",
        technologies=technologies(len(ws.entries)),
    )


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
        national = ui.radar_blips(newest_edition(), scope, lang())
        # Only what the group has assessed: the rest sits where the country is anyway.
        assessed = ws.table.loc[ws.table["status"].notna() | ws.table["hand_set"], "technology"]
        ghost_blips = national[national["technology"].isin(set(assessed) & set(ws.blips["technology"]))]
    options = {"presentation": presentation, "ghosts": ghost_blips, "title": title, "height": height}
    options |= {"names_list": names_list, "width_hint": width_hint}
    # Drawn again only when a blip moved (or the radar's look changed); an edit that changes only what
    # the hover cards say (a status that keeps the blip's place) rewrites the cards alone, and one that
    # changes neither (relevance, a note) returns the same figure: the browser keeps the radar it has.
    key = fingerprint(ws.blips[list(chart.OWN_RADAR_DRAWN)], ws.categories, lang(), options)
    name = f"radar-{presentation}-{height}-{width_hint}"
    fig = memo(name, key, lambda: chart.own_radar_figure(ws.blips, ws.categories, lang(), **options))
    cards = fingerprint(key, chart.card_fields(ws.blips))
    return memo(f"{name}-cards", cards, lambda: chart.own_hover_cards(fig, ws.blips, lang()))


def matrix_fig(ws: Workspace, presentation: bool = False, height: int | None = None) -> object:
    """The priority matrix figure (`height` in pixels, or the chart's own)."""
    points = own.matrix_points(ws.table)

    def build() -> object:
        spec = chart.priority_matrix_spec(points, ws.categories, lang(), high=own.MATRIX_HIGH, presentation=presentation)
        if height:
            spec["layout"]["height"] = height
        return chart.trusted_figure(spec)

    return memo(f"matrix-{presentation}-{height}", fingerprint(points, ws.categories, lang(), presentation), build)


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
            "gap": [("+" if g > 0 else "") + number(g, lang()) if pd.notna(g) else "–" for g in gaps["gap"]],
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
