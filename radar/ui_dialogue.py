"""The "Dialog" tab of an open radar: pick dialogue questions for the agenda, then show them on the
projector one at a time, with the group's notes and decision typed under each.

Keystrokes are never lost: a text area's key is its item and field only (not the editors' epoch),
so no rerun replaces it while someone types; its value is set from the store only when the stored
text changed other than through this text area (undo, another browser). A note is saved when the
field is left (also by a click on "Næste") or on Ctrl+Enter, and is checked against the text this
browser last saw in that field, so a change of an entry elsewhere never refuses it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from radar import dialogue
from radar.db import dialogue as ddb
from radar.errors import ConflictError, RadarError
from radar.safe import plain
from radar.ui import lang, language_switch, tr
from radar.ui_own.entries import undo_bar
from radar.ui_own.state import (
    SCROLL_TOP,
    Workspace,
    bump,
    flash,
    message,
    own_db,
    scroll_to_top,
    seen_key,
    show_flash,
    write,
)

#: ?dialog=<n> opens the projector view at question n (1-based), so a reload keeps the place.
PRESENT_PARAM = "dialog"
AREA = "dialogue"
#: Height of the notes and decision fields on the projector: question and both fit on 1280x720.
TYPED_HEIGHT = 250

#: The agenda's move and remove buttons show their icon only; their words stay for screen readers (the
#: button's name would otherwise be Streamlit's "arrow_upward icon", in English).
AGENDA_CSS = """
<style>
[class*="st-key-dlg-up-"] button [data-testid="stMarkdownContainer"],
[class*="st-key-dlg-down-"] button [data-testid="stMarkdownContainer"],
[class*="st-key-dlg-remove-"] button [data-testid="stMarkdownContainer"] {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;}
</style>
"""

PRESENT_CSS = """
<style>
[data-testid="stMainBlockContainer"] {padding-top: 3.6rem; padding-bottom: .5rem; padding-left: 2rem; padding-right: 2rem;}
/* Read from the back of the room: the question at 32 px or more on a 1280-pixel projector. */
.st-key-dlg-question h1 {font-size: clamp(24px, 3.3vw, 46px); line-height: 1.22; font-weight: 600; padding: .2rem 0 .4rem 0;}
.st-key-dlg-typed textarea {font-size: 1.3rem; line-height: 1.4;}
.st-key-dlg-typed label p {font-size: 1.15rem; font-weight: 600;}
.st-key-dlg-typed [class*="st-key-dlg-read"] p {font-size: 1.3rem;}
</style>
"""


def presenting() -> bool:
    """True when the page shows the dialogue on the projector (?dialog=<n>)."""
    return PRESENT_PARAM in st.query_params


def _set_place(number: int | None) -> None:
    if number is None:
        st.query_params.pop(PRESENT_PARAM, None)
    else:
        st.query_params[PRESENT_PARAM] = str(number)
        st.session_state[SCROLL_TOP] = True  # the projector view starts at the top of the page


def _leave() -> None:
    """Back from the projector to the workspace, on the Dialog tab."""
    from radar.ui_own.workspace import TABS_KEY  # the workspace imports this module

    _set_place(None)
    st.session_state[TABS_KEY] = tr("own_tab_dialogue")


def _place(total: int) -> int:
    """The question shown (1..total), from ?dialog= (a number out of range or not a number: the nearest)."""
    try:
        wanted = int(st.query_params.get(PRESENT_PARAM) or 1)
    except ValueError:
        wanted = 1
    return max(1, min(total, wanted))


def part_label(question: str) -> str:
    """The name of the part a question belongs to."""
    return tr(f"dlg_part_{dialogue.part_of(question)}")


# --- the tab ----------------------------------------------------------------------------------------
def dialogue_tab(ws: Workspace) -> None:
    """The agenda with its undo, the question picker (edit link only), and the way to the projector."""
    agenda = ddb.load_agenda(own_db(), ws.link)
    if ws.can_edit:
        st.caption(tr("dlg_intro"))
    st.caption(tr("dlg_not_kl"))
    if not ws.can_edit:
        agenda_list(ws, agenda)
        return
    undo_bar(ws, AREA)
    show_flash(AREA)
    left, right = st.columns([1.1, 1], gap="large")
    with left:
        agenda_list(ws, agenda)
    with right:
        picker(ws, agenda)


def agenda_list(ws: Workspace, agenda: list[dict[str, Any]]) -> None:
    """The agenda in order; with the edit link each question can be moved or removed."""
    st.markdown(f"**{tr('dlg_agenda_heading')}**")
    if not agenda:
        st.info(tr("dlg_agenda_empty" if ws.can_edit else "dlg_agenda_empty_view"))
        return
    st.html(AGENDA_CSS)
    for number, item in enumerate(agenda, start=1):
        with st.container(border=True, key=f"dlg-item-{item['item_id']}"):
            text_col, buttons = st.columns([5, 1.6], vertical_alignment="center") if ws.can_edit else (st.container(), None)
            typed = " · ".join(tr(f"dlg_col_{f}") for f in dialogue.TYPED_FIELDS if item[f])
            text_col.markdown(f"**{number}.** {plain(dialogue.question_text(item, lang()))}")
            text_col.caption(part_label(item["question"]) + (f" · {typed}" if typed else ""))
            if item["decision"]:
                text_col.markdown(f"**{tr('dlg_col_decision')}:** {plain(item['decision'])}".replace("\n", "  \n"))
            if ws.can_edit:
                item_id = item["item_id"]
                moves = (("up", ":material/arrow_upward:", number == 1, ddb.move_item, (item_id, -1)),
                         ("down", ":material/arrow_downward:", number == len(agenda), ddb.move_item, (item_id, 1)),
                         ("remove", ":material/close:", False, ddb.remove_item, (item_id,)))  # fmt: skip
                # One row that stays a row on a phone (columns would stack the three buttons).
                with buttons.container(horizontal=True, horizontal_alignment="right", gap="small"):
                    for name, icon, disabled, change, args in moves:
                        st.button(
                            tr(f"dlg_{name}"), key=f"dlg-{name}-{item_id}", icon=icon, help=tr(f"dlg_{name}"), disabled=disabled,
                            on_click=_agenda_change, args=(ws.link, change, *args),
                        )  # fmt: skip
    st.button(
        tr("dlg_present"), key="dlg-present-go", type="primary", icon=":material/slideshow:", help=tr("dlg_present_help"),
        on_click=_set_place, args=(1,),
    )  # fmt: skip


def picker(ws: Workspace, agenda: list[dict[str, Any]]) -> None:
    """Our questions by part, each put on the agenda with one click, and a field for the group's own."""
    st.markdown(f"**{tr('dlg_pick_heading')}**")
    part = st.pills(
        tr("dlg_pick_part"), list(dialogue.PARTS), default="radar", key=f"dlg-part-{ws.link}",
        format_func=lambda p: tr(f"dlg_part_{p}"), required=True, label_visibility="collapsed", wrap=True,
    )  # fmt: skip
    chosen = {i["question"] for i in agenda}
    for question in dialogue.QUESTIONS[part or "radar"]:
        words, action = st.columns([5, 1.3], vertical_alignment="center")
        words.markdown(tr(dialogue.catalogue_key(question)))
        on = question in chosen
        action.button(
            tr("dlg_on_agenda") if on else tr("dlg_pick_add"), key=f"dlg-add-{question.replace('.', '-')}", disabled=on,
            icon=":material/check:" if on else ":material/add:", on_click=_agenda_change,
            args=(ws.link, ddb.add_question, question), width="stretch",
        )  # fmt: skip
    with st.form(f"dlg-own-{ws.link}", clear_on_submit=True, border=True):
        st.text_input(tr("dlg_own_label"), key=f"dlg-own-text-{ws.link}", max_chars=dialogue.MAX_QUESTION)
        st.form_submit_button(tr("dlg_own_add"), icon=":material/add:", on_click=_add_own, args=(ws.link,))


def _agenda_change(link: str, change: Callable[..., int], *args: object) -> None:
    write(link, lambda path, version: change(path, link, version, *args), reset=True, area=AREA)


def _add_own(link: str) -> None:
    text = st.session_state.get(f"dlg-own-text-{link}") or ""
    _agenda_change(link, ddb.add_own, text)


# --- the projector ----------------------------------------------------------------------------------
def present(ws: Workspace) -> None:
    """One question at a time, large, with the group's notes and decision under it."""
    st.html(PRESENT_CSS)
    agenda = ddb.load_agenda(own_db(), ws.link)
    if not agenda:
        st.info(tr("dlg_agenda_empty" if ws.can_edit else "dlg_agenda_empty_view"))
        st.button(tr("dlg_present_exit"), key="dlg-exit", icon=":material/close:", on_click=_leave)
        return
    number = _place(len(agenda))
    item = agenda[number - 1]
    # One row that wraps on a phone, Previous and Next side by side.
    with st.container(horizontal=True, vertical_alignment="center", key="dlg-bar"):
        st.caption(
            f"{plain(ws.meta['name'])} · {tr('dlg_position', number=number, total=len(agenda))} · {part_label(item['question'])}",
            width="stretch",
        )
        st.button(tr("dlg_previous"), key="dlg-prev", icon=":material/arrow_back:", disabled=number == 1,
                  on_click=_set_place, args=(number - 1,))  # fmt: skip
        st.button(tr("dlg_next"), key="dlg-next", icon=":material/arrow_forward:", disabled=number == len(agenda),
                  on_click=_set_place, args=(number + 1,), type="primary")  # fmt: skip
        st.button(tr("dlg_present_exit"), key="dlg-exit", icon=":material/close:", on_click=_leave)
        language_switch()
    # Messages come and go inside a container that is always there: an element appearing above the
    # fields would move them in the page's element tree, and the browser would draw them anew,
    # dropping the focus and what is being typed.
    with st.container(key="dlg-messages"):
        show_flash(AREA)
    with st.container(key="dlg-question"):
        st.title(plain(dialogue.question_text(item, lang())), anchor=False)  # the page's heading, for screen readers too
    with st.container(key="dlg-typed"):
        notes, decision = st.columns([3, 2], gap="medium")
        for column, field in ((notes, "notes"), (decision, "decision")):
            with column:
                typed_field(ws, item, field)
        if ws.can_edit:
            st.caption(tr("dlg_saved_hint"))
    scroll_to_top()  # last, for the same reason: it is drawn only in the first run of a question


def widget_key(link: str, item_id: str, field: str) -> str:
    """The text area of one item's notes or decision: the same key for as long as the item exists."""
    return f"dlg-{link}-{item_id}-{field}"


def _stored_key(link: str, item_id: str, field: str) -> str:
    return f"dlg-stored-{link}-{item_id}-{field}"


def typed_field(ws: Workspace, item: dict[str, Any], field: str) -> None:
    """The notes or decision of `item`: a text area saved when left (edit link), or the text (view link)."""
    label = tr(f"dlg_col_{field}")
    stored = item[field]
    if not ws.can_edit:
        st.markdown(f"**{label}**")
        st.container(key=f"dlg-read-{field}").markdown(plain(stored).replace("\n", "  \n") or "–")
        return
    key, seen = widget_key(ws.link, item["item_id"], field), _stored_key(ws.link, item["item_id"], field)
    if key not in st.session_state or st.session_state.get(seen) != stored:
        # The field is new here, or the store changed other than through it (undo, another browser).
        st.session_state[key] = stored
        st.session_state[seen] = stored
    st.text_area(
        label, key=key, height=TYPED_HEIGHT, max_chars=dialogue.MAX_TYPED,
        placeholder=tr(f"dlg_{field}_placeholder"), on_change=_save_typed, args=(ws.link, item["item_id"], field),
    )  # fmt: skip


def _save_typed(link: str, item_id: str, field: str) -> None:
    key, seen = widget_key(link, item_id, field), _stored_key(link, item_id, field)
    text = st.session_state.get(key) or ""
    before = int(st.session_state.get(seen_key(link), 0))
    try:
        version, stored = ddb.save_typed(own_db(), link, item_id, field, text, st.session_state.get(seen, ""))
    except ConflictError as error:
        # Keep what was typed in the field; the next save takes the other browser's text as seen.
        fresh = {i["item_id"]: i for i in ddb.load_agenda(own_db(), link)}
        if item_id in fresh:
            st.session_state[seen] = fresh[item_id][field]
        flash("error", message(error), AREA)
        return
    except RadarError as error:
        flash("error", message(error), AREA)
        return
    st.session_state[seen] = stored
    if stored.split() != text.split():
        # Markup was taken out: the field shows what was kept. Only spaces trimmed: the field keeps
        # them, so nothing typed after Ctrl+Enter is replaced under the typist.
        st.session_state[key] = stored
    st.session_state[seen_key(link)] = version
    if version != before + 1:
        bump(link)  # another browser changed the radar meanwhile: the editors start again from fresh rows


def restore_from_file(link: str, data: object) -> None:
    """Put the "dialogue" of an opened JSON file on the new radar; a message says what could not be read."""
    try:
        agenda, dropped = dialogue.agenda_from_export(data)
        ddb.restore_agenda(own_db(), link, agenda)
    except RadarError as error:
        flash("error", message(error))  # the radar is kept; only its agenda could not be read
        return
    if dropped:
        flash("error", tr("dlg_file_dropped", count=dropped))
