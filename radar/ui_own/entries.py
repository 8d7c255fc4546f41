"""The entries of an open radar: the editing table, adding from the catalogue or the group's own, removing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from radar import chart, config, own
from radar.db import own as db
from radar.safe import plain
from radar.ui import lang, tr, tr_text
from radar.ui_own.state import (
    Workspace,
    catalogue,
    categories,
    epoch,
    hand_over,
    own_db,
    stored_table,
    write,
)

EDITOR_FIELDS: dict[str, str] = {
    "status": "status", "relevance": "relevance", "hand_ring": "ring", "ring_reason": "ring_reason",
    "note": "note", "owner": "owner", "next_step": "next_step",
}  # fmt: skip


CUSTOM_FIELDS: dict[str, str] = {"name": "name", "category": "category", "description": "description", "own_maturity": "maturity"}


#: Marks a ring set by hand, as in the chart's hover: a bullet every font draws (an emoji shows as an
#: empty box without emoji fonts).
HAND_SET_MARK = chart.HAND_SET_MARK


def status_option(status: int) -> str:
    """A status as the table's picker shows it: its number first, and words that are not the start
    of another status's words, so typing a prefix or a whole word picks that status (see tests)."""
    return tr(f"own_status_option_{status}")


#: The columns of the local table the ring cell is written from.
RING_SHOWN_FROM: list[str] = ["ring", "chosen_ring", "ring_pending", "hand_set"]


def ring_shown(row: pd.Series | dict) -> str:
    """The ring cell: the ring in force, marked when set by hand, and a chosen ring waiting for its reason."""
    if row["ring_pending"]:
        current = tr("ring_" + row["ring"]) if isinstance(row["ring"], str) else "–"
        return tr("own_ring_pending", ring=current, chosen=tr("ring_" + row["chosen_ring"]))
    if not isinstance(row["ring"], str):
        return "–"
    return tr("ring_" + row["ring"]) + (f" {HAND_SET_MARK}" if row["hand_set"] else "")


#: The script that keeps every keystroke typed into a data editor (see its header).
KEEP_KEYS = (config.PACKAGE_DIR / "assets" / "keep_keys.js").read_text(encoding="utf-8")


def keep_keystrokes() -> None:
    """Load the keystroke keeper into the page (once per page; a constant script, no user text in it).
    Called outside the entries table's fragment, so a saved cell does not send it again."""
    st.html(f"<script>{KEEP_KEYS}</script>", unsafe_allow_javascript=True)


def _editable(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "status": table["status"].astype("Int64"),
            "relevance": table["relevance"].astype("Int64"),
            "hand_ring": table["chosen_ring"].astype(object),
            "ring_reason": table["ring_reason"],
            "note": table["note"],
            "owner": table["owner"],
            "next_step": table["next_step"],
        }
    ).reset_index(drop=True)


def frozen(key: str, table: pd.DataFrame, build: Callable[[pd.DataFrame], pd.DataFrame]) -> pd.DataFrame:
    """The editable columns as they were when the editor `key` was made.

    Saved edits stay in the editor's own state on top of these values; sending the grid new values
    for the columns being edited would re-render it under the typist (an editor open at that moment
    loses its text). A new key (undo, add, remove, a change from another browser) takes fresh values.
    """
    ids = table["entry_id"].tolist()
    held = st.session_state.get(f"{key}-frozen")
    if held is None or held[0] != ids:
        held = (ids, build(table))
        st.session_state[f"{key}-frozen"] = held
    return held[1]


def _editor_frame(key: str, table: pd.DataFrame) -> pd.DataFrame:
    live = pd.DataFrame(
        {
            "number": table["number"],
            "name": table["name"],
            "ring_shown": [ring_shown(row) for row in table[RING_SHOWN_FROM].to_dict("records")],
        }
    ).reset_index(drop=True)
    return pd.concat([live, frozen(key, table, _editable)], axis=1)


def editor_key(ws: Workspace) -> str:
    return f"own-editor-{ws.link}-{epoch(ws.link)}"


def editor_table(ws: Workspace) -> pd.DataFrame:
    """What the entries table shows, by number (see entries_editor)."""
    key = editor_key(ws)
    table = ws.table.sort_values("number", kind="stable")
    st.session_state[f"{key}-ids"] = table["entry_id"].tolist()
    return _editor_frame(key, table)


def entries_editor(ws: Workspace, table: pd.DataFrame | None = None, rerun: str | None = None) -> None:
    """The keyboard-friendly table of entries (`editor_table`, worked out here when not given); each
    committed cell is saved at once. A save refused (the radar changed elsewhere) reruns the fragment
    named `rerun`, when given, to show the radar as it is now."""
    key = editor_key(ws)
    st.data_editor(
        editor_table(ws) if table is None else table,
        key=key,
        hide_index=True,
        num_rows="fixed",
        width="stretch",
        placeholder="",
        disabled=["number", "name", "ring_shown"],
        on_change=_save_editor,
        args=(ws.link, key, EDITOR_FIELDS, rerun),
        column_config={
            "number": st.column_config.NumberColumn(tr("col_number"), width=50),
            "name": st.column_config.TextColumn(tr("col_technology"), width="medium", pinned=True),
            "ring_shown": st.column_config.TextColumn(tr("own_col_ring_shown"), help=tr("own_help_ring_shown"), width=100),
            "status": st.column_config.SelectboxColumn(
                tr("own_col_status"), options=list(own.STATUSES), format_func=status_option, help=tr("own_help_status"), width=130
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


#: Longest change named on the undo and redo buttons; the history has the whole text.
MAX_BUTTON_CHANGE = 60


def _short(text: str) -> str:
    return text if len(text) <= MAX_BUTTON_CHANGE else text[: MAX_BUTTON_CHANGE - 1] + "…"


def undo_bar(ws: Workspace, area: str, rerun: str | None = None, saved: bool = False) -> None:
    """Undo and redo, each naming the change it will make, and (`saved`) when the radar was saved, in
    one row that wraps: beside the table (or the history). Undoing more than cells or numbers
    reruns the fragment named `rerun`, when given (see TABLE_ONLY_ACTIONS)."""
    undo_next, redo_next = ws.undo, ws.redo
    row = st.container(horizontal=True, vertical_alignment="center")
    if saved:  # first: the table's toolbar floats over the right end of the line above it
        row.caption(tr("own_saved_at", time=own.local_time(ws.meta["updated"], lang())), width="content")
    row.button(
        tr("own_undo_named", change=_short(own.change_summary(undo_next, lang()))) if undo_next else tr("own_nothing_to_undo"),
        key=f"own-undo-{area}", on_click=_step, args=(ws.link, False, area, rerun), icon=":material/undo:",
        disabled=undo_next is None,
    )  # fmt: skip
    if redo_next:
        row.button(
            tr("own_redo_named", change=_short(own.change_summary(redo_next, lang()))), key=f"own-redo-{area}",
            on_click=_step, args=(ws.link, True, area, rerun), icon=":material/redo:",
        )  # fmt: skip


#: Changes whose undo or redo shows only in the table and the charts (the table's cells, numbers): the table's
#: fragment redraws them. Undoing anything else (adding, removing, the radar's facts, a name, category,
#: description or maturity, which the pickers and the own technologies' editor show too) reruns the named fragment.
TABLE_ONLY_ACTIONS: frozenset[str] = frozenset({"edit", "renumber"})


def table_only(change: dict) -> bool:
    """Whether undoing or redoing `change` shows only in the table and the charts (see TABLE_ONLY_ACTIONS)."""
    return change["action"] in TABLE_ONLY_ACTIONS and own.edited_fields(change) <= set(EDITOR_FIELDS.values())


def _step(link: str, redo: bool, area: str, rerun: str | None = None) -> None:
    change = db.next_change(own_db(), link, redo=redo)
    if change is None:
        return
    text = tr("own_redone_named" if redo else "own_undone_named", change=own.change_summary(change, lang()))
    step = db.redo if redo else db.undo
    write(link, lambda path, version: step(path, link, version), reset=True, success=plain(text), area=area)
    if rerun and not table_only(change):
        st.rerun(rerun)


def renumber_button(ws: Workspace) -> None:
    """Renumbering, asked for: beside the table's hint, outside the table's fragment (a saved cell does
    not send it again); it works out the order from the radar as stored when it is pressed."""
    if len(ws.table):
        st.button(
            tr("own_renumber"),
            key="own-renumber",
            on_click=_renumber,
            args=(ws.link,),
            help=tr("own_renumber_help"),
            icon=":material/format_list_numbered:",
        )


def _renumber(link: str) -> None:
    def renumber(path: Path, version: int) -> int:
        return db.renumber(path, link, version, own.renumber_order(stored_table(path, link)))

    write(link, renumber, reset=True, success=tr("own_renumbered"), area="entries")


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


def _save_editor(link: str, key: str, fields: dict[str, str], rerun: str | None = None) -> None:
    updates = editor_updates(st.session_state.get(key), st.session_state.get(f"{key}-ids", []), fields)
    if not updates:
        return

    def save(path: Path, version: int) -> int:
        return hand_over(link, db.save_entries(path, link, version, updates))  # drawn from what the save left

    saved = write(link, save, reset=False, area="entries")
    if not saved and rerun:
        st.rerun(rerun)


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
    if write(
        link,
        lambda path, version: db.add_entries(path, link, version, entries),
        reset=True,
        success=tr_text("own_added", names=names),
        area="entries-add",
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
    if write(
        link,
        lambda path, version: db.add_entries(path, link, version, [entry]),
        reset=True,
        success=tr_text("own_added", names=name),
        area="entries-custom",
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
    key = f"own-custom-editor-{ws.link}-{epoch(ws.link)}"
    st.session_state[f"{key}-ids"] = mine["entry_id"].tolist()
    st.markdown(f"**{tr('own_custom_list')}**")
    frame = frozen(key, mine, _custom_editable)
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


def _custom_editable(mine: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": mine["name"],
            "category": mine["category"],
            "description": mine["description"],
            "own_maturity": mine["own_maturity"].astype("Int64"),
        }
    ).reset_index(drop=True)


def remove_entries(ws: Workspace) -> None:
    """Pick entries and remove them (undo brings them back)."""
    if ws.table.empty:
        return
    names = dict(zip(ws.table["entry_id"], ws.table["name"], strict=True))
    key = f"own-remove-{ws.link}-{epoch(ws.link)}"
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
        write(
            link,
            lambda path, version: db.remove_entries(path, link, version, chosen),
            reset=True,
            success=text,
            area="entries-remove",
        )
