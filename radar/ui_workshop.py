"""Streamlit glue for workshop rounds: the facilitator's tab, the projector view and the participant's phone.

- The Workshop tab of an open radar (edit link) starts rounds, steers them and adopts the result.
- The projector view, /workshop?edit=<link>&runde=<round>, shows the join code and its QR code large,
  the live counts, and once revealed the distribution sorted by disagreement and the room's radar.
- The phone, /deltag?kode=<code>: one technology at a time. After joining, the participant's token
  is kept in the address (&deltager=<token>), not only in the session: a Streamlit session ends when
  the page is reloaded, the phone sleeps or the server restarts, while the address survives all three,
  so reopening the link on the same phone continues with the same answers.
Rules, counting and adoption live in radar.workshop; storage in radar.db.workshop.
"""

from __future__ import annotations

import functools
import re
import urllib.parse

import pandas as pd
import segno
import streamlit as st

from radar import chart, maturity, own, workshop
from radar.db import own as db
from radar.db import workshop as wdb
from radar.errors import RadarError
from radar.safe import plain
from radar.ui import PLOTLY_CONFIG, lang, language_switch, ring_list, tr, tr_text
from radar.ui_own.state import (
    PRESENT_HEIGHT,
    PRESENT_RADAR_WIDTH,
    Workspace,
    catalogue,
    categories,
    fingerprint,
    flash,
    load_workspace,
    memo,
    message,
    national_scores,
    own_db,
    show_flash,
    technologies,
    write,
)

#: How often the projector and a waiting phone look for new answers (seconds).
REFRESH_SECONDS = 1
AREA = "workshop"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{10,64}$")
_ROUND = re.compile(r"^[0-9a-f]{16}$")


def _names(technologies: list[dict]) -> dict[str, str]:
    """Entry id -> name in the current language (catalogue technologies are named by the catalogue)."""
    cat = catalogue().set_index("id")
    return {
        t["entry_id"]: str(cat.at[t["technology_id"], "name"]) if t.get("technology_id") in cat.index else str(t["name"])
        for t in technologies
    }


def _join_url(code: str) -> str:
    """The join link of `code`: this app's /deltag?kode=CODE."""
    here = (st.context.url or "/").split("?")[0]
    return urllib.parse.urljoin(here, "deltag") + f"?kode={code}"


@functools.lru_cache(maxsize=64)
def _qr_svg(url: str, size: int) -> str:
    """The QR code of `url` as an image of inline SVG data, made here on the server (segno), `size` pixels wide."""
    qr = segno.make(url, error="m")
    data = qr.svg_data_uri(scale=10, border=2, dark="#111111", light="#ffffff")
    return f"<img src='{data}' width='{size}' height='{size}' alt='QR' data-testid='ws-qr'>"


def _round_label(r: dict) -> str:
    return tr(
        "workshop_round_label",
        number=r["number"],
        state=tr(f"workshop_state_{r['status']}"),
        technologies=technologies(len(r["technologies"])),
    )


def _try(action: object, *args: object, success: str | None = None) -> bool:
    """Run a storage action from a callback; a typed error becomes a message in the Workshop area."""
    try:
        action(own_db(), *args)  # type: ignore[operator]
    except RadarError as error:
        flash("error", message(error), AREA)
        return False
    if success:
        flash("success", success, AREA)
    return True


# --- the facilitator's tab -----------------------------------------------------------------------------
def workshop_tab(ws: Workspace) -> None:
    """The Workshop tab: start a round, open its projector view, steer it, adopt the result."""
    st.caption(tr("workshop_intro"))
    show_flash(AREA)
    # A maturity round (its items are statements) is steered in the Modenhed tab.
    rounds = [r for r in wdb.list_rounds(own_db(), ws.link) if not workshop.is_maturity(r["questions"])]
    with st.expander(tr("workshop_new_heading"), expanded=not rounds, icon=":material/how_to_vote:"):
        new_round_form(ws)
    if not rounds:
        st.caption(tr("workshop_no_rounds"))
        return
    by_id = {r["round_id"]: r for r in rounds}
    key = f"ws-round-{ws.link}"
    if st.session_state.get(key) not in by_id:
        st.session_state[key] = rounds[0]["round_id"]
    chosen = by_id[st.selectbox(tr("workshop_round_pick"), list(by_id), key=key, format_func=lambda r: _round_label(by_id[r]))]
    controls(ws, chosen)
    live_panel(ws, chosen)


def new_round_form(ws: Workspace) -> None:
    names = dict(zip(ws.table["entry_id"], ws.table["name"], strict=True))
    with st.form(f"ws-new-{ws.link}", border=False):
        picked = st.multiselect(tr("workshop_pick_technologies"), list(names), default=list(names), format_func=names.get)
        questions = st.multiselect(
            tr("workshop_pick_questions"),
            list(workshop.QUESTIONS),
            default=["ring"],
            format_func=lambda q: tr(f"workshop_question_{q}"),
        )
        comments = st.checkbox(tr("workshop_comments"))
        if st.form_submit_button(tr("workshop_start"), type="primary", icon=":material/play_arrow:"):
            _start(ws, picked, questions, comments, None)
            st.rerun()


def _start(ws: Workspace, entry_ids: list[str], questions: list[str], comments: bool, parent: str | None) -> None:
    rows = ws.entries.set_index("entry_id")
    techs = [
        {"entry_id": e, **{k: rows.at[e, k] for k in ("technology_id", "name", "description")}}
        for e in entry_ids
        if e in rows.index
    ]
    try:
        started = wdb.start_round(own_db(), ws.link, techs, questions, comments=comments, parent_id=parent)
    except RadarError as error:
        flash("error", message(error), AREA)
        return
    st.session_state[f"ws-round-{ws.link}"] = started["round_id"]
    if st.query_params.get("runde"):
        st.query_params["runde"] = started["round_id"]  # the projector follows the new round
    flash("success", tr("workshop_started", number=started["number"], code=started["code"]), AREA)


def projector_url(link: str, round_id: str) -> str:
    """The address of a round's projector view."""
    here = (st.context.url or "/").split("?")[0]
    return urllib.parse.urljoin(here, "workshop") + "?" + urllib.parse.urlencode({"edit": link, "runde": round_id})


def controls(ws: Workspace, r: dict, projector: bool = False) -> None:
    """The buttons that steer a round: projector view, reveal or hide, close or open again, revote."""
    row = st.container(horizontal=True)
    rid = r["round_id"]
    if not projector:
        row.link_button(
            tr("workshop_open_projector"), projector_url(ws.link, rid), icon=":material/tv:", help=tr("workshop_projector_help")
        )
    shown = bool(r["revealed"])
    row.button(
        tr("workshop_hide" if shown else "workshop_reveal"),
        key=f"ws-reveal-{rid}-{projector}",
        type="secondary" if shown else "primary",
        icon=":material/visibility_off:" if shown else ":material/visibility:",
        on_click=_try,
        args=(wdb.reveal, ws.link, rid, not shown),
    )
    if r["status"] == "open":
        row.button(
            tr("workshop_close"),
            key=f"ws-close-{rid}-{projector}",
            icon=":material/lock:",
            on_click=_try,
            args=(wdb.close_round, ws.link, rid),
            kwargs={"success": tr("workshop_closed_done")},
        )
    else:
        row.button(
            tr("workshop_reopen"),
            key=f"ws-reopen-{rid}-{projector}",
            icon=":material/lock_open:",
            on_click=_try,
            args=(wdb.reopen_round, ws.link, rid),
        )
    if shown:
        votes = wdb.round_votes(own_db(), ws.link, rid)
        disputed = sorted({e for q in r["questions"] for e in workshop.disputed_ids(workshop.tally(votes, r["entry_ids"], q))})
        if disputed:
            row.button(
                tr("workshop_revote", count=len(disputed)),
                key=f"ws-revote-{rid}-{projector}",
                icon=":material/replay:",
                help=tr("workshop_revote_help"),
                on_click=_start,
                args=(ws, disputed, r["questions"], r["comments"], rid),
            )


def live_panel(ws: Workspace, r: dict) -> None:
    """In the tab: the live counts, then (once revealed) the results sorted by disagreement and adoption."""

    @st.fragment(run_every=REFRESH_SECONDS if r["status"] == "open" else None)
    def counts() -> None:
        stamp = wdb.round_stamp(own_db(), ws.link, r["round_id"])  # one small query: it holds both counts
        live = {"joined": stamp[2], "answers": stamp[3]} if stamp else wdb.live_counts(own_db(), ws.link, r["round_id"])
        left, right = st.columns(2)
        left.metric(tr("workshop_joined"), live["joined"])
        right.metric(tr("workshop_answers"), live["answers"])

    counts()
    fresh = wdb.get_round(own_db(), ws.link, r["round_id"])
    if not fresh["revealed"]:
        st.info(tr("workshop_hidden"), icon=":material/visibility_off:")
        return
    question = _question_pick(fresh, f"ws-q-{ws.link}")
    table, names = results(ws.link, fresh, question)
    st.caption(tr("workshop_sorted"))
    _results_table(table, names, question, wdb.round_votes(own_db(), ws.link, fresh["round_id"]))
    adopt_panel(ws, fresh, table, names, question)


def _question_pick(r: dict, key: str) -> str:
    if len(r["questions"]) == 1:
        return r["questions"][0]
    if st.session_state.get(key) not in r["questions"]:
        st.session_state[key] = r["questions"][0]
    return st.segmented_control(
        tr("workshop_result_question"), r["questions"], key=key, format_func=lambda q: tr(f"workshop_question_{q}"), required=True
    )


def results(link: str, r: dict, question: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The round's tally of `question`, most disputed first, and the technologies' names."""
    votes = wdb.round_votes(own_db(), link, r["round_id"])
    return workshop.by_disagreement(workshop.tally(votes, r["entry_ids"], question)), _names(r["technologies"])


def _results_table(table: pd.DataFrame, names: dict[str, str], question: str, votes: pd.DataFrame) -> None:
    notes = votes[(votes["question"] == question) & (votes["comment"] != "")] if len(votes) else votes
    view = pd.DataFrame(
        {
            "name": [names.get(e, e) for e in table["entry_id"]],
            "agreement": [workshop.agreement_text(row, question, lang()) for _, row in table.iterrows()],
            "spread": [workshop.distribution_text(row, question, lang()) for _, row in table.iterrows()],
            "comments": [
                " | ".join(notes.loc[notes["entry_id"] == e, "comment"]) if len(notes) else "" for e in table["entry_id"]
            ],
        }
    )
    st.dataframe(
        view,
        hide_index=True,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn(tr("col_technology")),
            "agreement": st.column_config.TextColumn(tr("workshop_col_agreement"), width="large"),
            "spread": st.column_config.TextColumn(tr("workshop_col_spread"), width="medium"),
            "comments": st.column_config.TextColumn(tr("workshop_col_comments")),
        },
    )


def adopt_panel(ws: Workspace, r: dict, table: pd.DataFrame, names: dict[str, str], question: str) -> None:
    """Adopt the room's choice: all agreed at once, one technology, or a ring of the facilitator's own with a reason."""
    st.markdown(f"**{tr('workshop_adopt_heading')}**")
    st.caption(tr("workshop_adopt_intro"))
    day = pd.Timestamp(r["created"]).date()
    agreed = workshop.agreed(table)
    answered = table[table["n"] > 0]
    if answered.empty:
        st.caption(tr("workshop_adopt_nothing"))
        return
    st.button(
        tr("workshop_adopt_all", count=len(agreed)),
        key=f"ws-adopt-all-{r['round_id']}-{question}",
        type="primary",
        disabled=agreed.empty,
        on_click=_adopt,
        args=(ws.link, workshop.adoption_updates(agreed, question, day, lang()), names),
    )
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    one = left.selectbox(
        tr("workshop_adopt_pick"), list(answered["entry_id"]), format_func=names.get, key=f"ws-one-{r['round_id']}"
    )
    chosen = answered[answered["entry_id"] == one]
    right.button(
        tr("workshop_adopt_one"),
        key=f"ws-adopt-one-{r['round_id']}-{question}",
        on_click=_adopt,
        args=(ws.link, workshop.adoption_updates(chosen, question, day, lang()), names),
    )
    with st.expander(tr("workshop_overrule"), icon=":material/edit:"):
        with st.form(f"ws-overrule-{r['round_id']}", border=False):
            tech = st.selectbox(tr("workshop_adopt_pick"), list(table["entry_id"]), format_func=names.get)
            ring = st.selectbox(tr("workshop_overrule_ring"), workshop.options("ring"), format_func=lambda k: tr(f"ring_{k}"))
            reason = st.text_input(tr("workshop_overrule_reason"), max_chars=own.MAX_LONG)
            if st.form_submit_button(tr("workshop_overrule_save")):
                try:
                    update = {tech: workshop.overrule_update(ring, reason)}
                except RadarError as error:
                    st.error(message(error))
                else:
                    _adopt(ws.link, update, names)
                    st.rerun()


def _adopt(link: str, updates: dict[str, dict[str, object]], names: dict[str, str]) -> None:
    """One adoption = one call of radar.db.own.update_entries: one change in the history, one undo."""
    if not updates:
        flash("error", tr("workshop_adopt_nothing"), AREA)
        return
    done = tr_text("workshop_adopted", names=", ".join(names.get(e, e) for e in updates))
    write(link, lambda path, version: db.update_entries(path, link, version, updates), reset=True, success=done, area=AREA)


# --- the projector view ---------------------------------------------------------------------------------
PROJECTOR_CSS = """
<style>
[data-testid="stMainBlockContainer"] {padding-top: 3.6rem; padding-bottom: .5rem; padding-left: 1.5rem; padding-right: 1.5rem;}
.ws-code {font-size: 5.2rem; font-weight: 800; letter-spacing: .5rem; line-height: 1; text-align: center; margin: .3rem 0;
          font-family: ui-monospace, "DejaVu Sans Mono", monospace;}
.ws-code-small {font-size: 2.4rem; letter-spacing: .2rem;}
.ws-qr {display: flex; justify-content: center;}
.ws-join {font-size: 1.15rem; text-align: center; overflow-wrap: anywhere;}
.ws-big {font-size: 2.6rem; font-weight: 700; line-height: 1.1;}
.ws-small {font-size: 1.1rem; color: #444;}
.ring-list {columns: 1;}
.ring-list .blip-item {font-size: 1.0rem; line-height: 1.3;}
</style>
"""


def projector_page() -> None:
    """/workshop?edit=<link>&runde=<round>: the round on the projector, 1280x720."""
    st.html(PROJECTOR_CSS)
    link, round_id = st.query_params.get("edit") or st.query_params.get("view"), st.query_params.get("runde")
    ws = load_workspace(link) if link and _TOKEN.match(link) and round_id and _ROUND.match(round_id) else None
    r = None
    if ws is not None:
        try:
            r = wdb.get_round(own_db(), ws.link, round_id)
        except RadarError as error:
            st.error(message(error))
            return
    if r is None:
        if ws is None and not (link and _TOKEN.match(link)):
            st.error(tr("workshop_error_projector_link"))
        return
    if workshop.is_maturity(r["questions"]):
        from radar import ui_maturity  # it imports this module

        ui_maturity.projector(ws, r)
        return
    title, language = st.columns([5, 1], vertical_alignment="center")
    title.markdown(f"### {tr_text('workshop_projector_title', number=r['number'], name=ws.meta['name'])}")
    with language:
        language_switch()
    if ws.can_edit:
        show_flash(AREA)
        controls(ws, r, projector=True)
    _projector_body(ws, r["round_id"])


def join_panel(r: dict) -> None:
    """How the room joins an open round, large for the projector: the QR code, the code, the address;
    a closed round says so instead."""
    if r["status"] != "open":
        st.warning(tr("workshop_projector_closed"))
        return
    url = _join_url(r["code"])
    st.html(f"<div class='ws-qr'>{_qr_svg(url, 300)}</div>")
    st.html(f"<div class='ws-code' data-testid='ws-code'>{r['code']}</div>")
    st.html(f"<div class='ws-join'>{tr_text('workshop_join_at', url=url.split('?')[0])}</div>")


def _projector_body(ws: Workspace, round_id: str) -> None:
    @st.fragment(run_every=REFRESH_SECONDS)
    def body() -> None:
        # Every second: one small query; the round, its counts and its figures are read and built again only
        # when it tells that something changed (an answer, a participant, reveal, close).
        stamp = fingerprint(wdb.round_stamp(own_db(), ws.link, round_id), lang())
        r, live, names, votes = memo("ws-proj-state", stamp, lambda: _projector_state(ws.link, round_id))
        if not r["revealed"]:
            left, right = st.columns([1, 1.5], gap="medium")
            with left:
                join_panel(r)
            with right:
                _live_numbers(live)
                fig = memo(
                    "ws-proj-answered",
                    stamp,
                    lambda: workshop.answered_figure(names, live["answered"], live["joined"], lang(), height=430),
                )
                st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key="ws-answered")
            return
        side, main = st.columns([1, 3.4], gap="medium")
        with side:
            if r["status"] == "open":
                st.html(f"<div class='ws-qr'>{_qr_svg(_join_url(r['code']), 150)}</div>")
                st.html(f"<div class='ws-code ws-code-small' data-testid='ws-code'>{r['code']}</div>")
            else:
                st.warning(tr("workshop_projector_closed"))
            _live_numbers(live)
            view = st.segmented_control(
                tr("workshop_view_pick"),
                ["spread", "radar"],
                default="spread",
                key="ws-view",
                required=True,
                format_func=lambda v: tr(f"workshop_view_{v}"),
                label_visibility="collapsed",
            )
            question = _question_pick(r, "ws-proj-q") if view == "spread" else "ring"
        with main:
            if view == "radar":
                _room_radar(ws, r, votes, stamp)
                return
            fig = memo("ws-proj-spread", fingerprint(stamp, question), lambda: _spread(r, votes, names, question))
            st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key="ws-spread")

    body()


def _projector_state(link: str, round_id: str) -> tuple[dict, dict, dict[str, str], pd.DataFrame]:
    """The round, its live counts, its technologies' names and its answers, read for the projector."""
    r = wdb.get_round(own_db(), link, round_id)
    votes = wdb.round_votes(own_db(), link, round_id) if r["revealed"] else pd.DataFrame()
    return r, wdb.live_counts(own_db(), link, round_id), _names(r["technologies"]), votes


def _spread(r: dict, votes: pd.DataFrame, names: dict[str, str], question: str) -> object:
    table = workshop.by_disagreement(workshop.tally(votes, r["entry_ids"], question))
    return workshop.spread_figure(table, names, question, lang(), height=min(540, 60 + 34 * len(table)))


def _live_numbers(live: dict) -> None:
    st.html(
        f"<div><span class='ws-big' data-testid='ws-joined'>{live['joined']}</span> "
        f"<span class='ws-small'>{tr('workshop_joined')}</span> &nbsp; "
        f"<span class='ws-big' data-testid='ws-answers'>{live['answers']}</span> "
        f"<span class='ws-small'>{tr('workshop_answers')}</span></div>"
    )


def _room_radar(ws: Workspace, r: dict, votes: pd.DataFrame, stamp: str) -> None:
    """The room's choices as a radar: each blip in the ring most chose, its name saying how split the room was;
    built again only when `stamp` (the round's answers, the language) or the radar's version changed."""
    if "ring" not in r["questions"]:
        st.info(tr("workshop_radar_none"))
        return
    key = fingerprint(stamp, ws.meta["version"])
    blips, fig = memo("ws-proj-radar", key, lambda: _room_radar_figure(ws, r, votes))
    left, right = st.columns([2.2, 1])
    left.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key="ws-radar")
    with right:
        st.caption(tr("workshop_radar_caption"))
        ring_list(blips)


def _room_radar_figure(ws: Workspace, r: dict, votes: pd.DataFrame) -> tuple[pd.DataFrame, object]:
    table = workshop.tally(votes, r["entry_ids"], "ring")
    chosen = workshop.choice_entries(ws.entries, table, lang())
    local = own.local_table(chosen, catalogue(), national_scores(ws.meta["domain"]))
    rows = table.set_index("entry_id")
    local["name"] = [workshop.choice_label(n, rows.loc[e], lang()) for n, e in zip(local["name"], local["entry_id"], strict=True)]
    cats = own.radar_sectors(local, categories())
    blips = own.local_blips(local, cats["id"].tolist())
    fig = chart.own_radar_figure(
        blips, cats, lang(), presentation=True, height=PRESENT_HEIGHT - 40, width_hint=PRESENT_RADAR_WIDTH - 120
    )
    return blips, fig


# --- the participant's phone ------------------------------------------------------------------------------
PHONE_CSS = """
<style>
[data-testid="stMainBlockContainer"] {padding: 3.5rem .9rem 2rem .9rem; max-width: 34rem;}
[data-testid="stMain"] .stButton button, [data-testid="stMain"] .stFormSubmitButton button {min-height: 48px; font-size: 1.1rem;}
[data-testid="stMain"] [data-testid="stTextInputRootElement"] input {min-height: 44px; font-size: 1.1rem;}
[data-testid="stMain"] [data-testid="stButtonGroup"] button {min-height: 44px; min-width: 64px;}
[data-testid="stMain"] h1 {font-size: 1.6rem; padding: .4rem 0;}
.ws-tech {font-size: 1.45rem; font-weight: 700; margin: .2rem 0 .1rem 0; overflow-wrap: anywhere;}
.ws-desc {font-size: 1rem; color: #333; overflow-wrap: anywhere;}
.ws-nat {font-size: .95rem; color: #555;}
.ws-ack {font-size: 1.05rem; font-weight: 600; color: #1b5e20;}
</style>
"""
CODE_PARAM, TOKEN_PARAM = "kode", "deltager"


def participant_page() -> None:
    """/deltag?kode=CODE on a phone: join, then one technology at a time with big answer buttons."""
    st.html(PHONE_CSS)
    head, switch = st.columns([3, 2], vertical_alignment="center")
    head.markdown(f"# {tr('deltag_title')}")  # the page's one h1, as small as a phone needs it
    with switch:
        language_switch()
    code = workshop.clean_code(st.query_params.get(CODE_PARAM))
    if st.query_params.get(CODE_PARAM) is None:
        _code_form()
        return
    token = st.query_params.get(TOKEN_PARAM)
    token = token if token and _TOKEN.match(token) else None
    try:
        seen = wdb.participant_round(own_db(), code or "", token)
    except RadarError as error:
        st.error(message(error), icon=":material/error:")
        _code_form()
        return
    st.session_state.pop(FULL_RUN, None)  # this run reads everything afresh
    if seen["participant"] is None:
        _phone_messages()
        if not seen["open"]:
            st.info(tr("deltag_closed"))
            return
        _join_form(seen)
        return
    if not seen["open"]:
        _phone_messages()
        st.info(tr("deltag_closed"), icon=":material/lock:")
        _watch(seen)
        return
    st.session_state[_SEEN] = seen
    key = _position_key(seen)
    if key not in st.session_state:
        st.session_state[key] = _first_open(seen)
    if int(st.session_state[key]) >= len(seen["technologies"]):
        _phone_messages()
        _done_screen(seen)
        return
    _vote_card()


#: The round as this phone saw it at the last full run, its own answers kept up to date by the taps since.
_SEEN = "ws-phone-seen"
#: Set by a tap that needs the whole page again (the round closed or changed, the last technology answered).
FULL_RUN = "ws-phone-full"


def _phone_messages() -> None:
    # Kept until the next answer or move, so a rerun (a reconnect, a refresh) never shifts the buttons under a finger.
    for kind, text in st.session_state.get("ws_phone", []):
        (st.error if kind == "error" else st.html)(text)


def _code_form() -> None:
    with st.form("ws-code", border=False):
        st.caption(tr("deltag_code_intro"))
        typed = st.text_input(tr("deltag_code_input"), max_chars=12)
        if st.form_submit_button(tr("deltag_go"), type="primary", width="stretch"):
            st.query_params[CODE_PARAM] = workshop.clean_code(typed) or typed.strip()[:12]
            st.query_params.pop(TOKEN_PARAM, None)
            st.rerun()


def _join_form(seen: dict) -> None:
    count = len(seen["technologies"])
    items = tr("maturity_statements", count=count) if workshop.is_maturity(seen["questions"]) else technologies(count)
    st.caption(tr("deltag_anonymous", number=seen["number"], technologies=items))
    with st.form("ws-join", border=False):
        st.text_input(tr("deltag_name"), max_chars=workshop.MAX_NAME, key=_JOIN_NAME)
        # A callback, not `if submitted: ... st.rerun()`: the run after the tap already shows the first technology.
        st.form_submit_button(tr("deltag_join"), type="primary", width="stretch", on_click=_join, args=(seen["code"],))


_JOIN_NAME = "ws-join-name"


def _join(code: str) -> None:
    try:
        token = wdb.join(own_db(), code, st.session_state.get(_JOIN_NAME, ""))
    except RadarError as error:
        st.session_state["ws_phone"] = [("error", message(error))]
        return
    st.session_state.pop("ws_phone", None)
    st.query_params[TOKEN_PARAM] = token


def _position_key(seen: dict) -> str:
    return f"ws-pos-{seen['round_id']}"


def _first_open(seen: dict) -> int:
    """Where a reopened link continues: the first technology with a question not answered yet (else the end)."""
    for index, t in enumerate(seen["technologies"]):
        if any((t["entry_id"], q) not in seen["answers"] for q in seen["questions"]):
            return index
    return len(seen["technologies"])


def _done_screen(seen: dict) -> None:
    total = len(seen["technologies"])
    answered = sum(all((t["entry_id"], q) in seen["answers"] for q in seen["questions"]) for t in seen["technologies"])
    st.success(tr("deltag_done", answered=answered, total=total), icon=":material/check_circle:")
    row = st.container(horizontal=True)
    row.button(
        tr("deltag_prev"),
        key="ws-back-end",
        on_click=_move,
        args=(_position_key(seen), total - 1),
        width="stretch",
        icon=":material/arrow_back:",
    )
    _watch(seen)


@st.fragment
def _vote_card() -> None:
    """One technology with its answer buttons and the acknowledgement: a tap reruns this part only, from the round
    this phone read at its last full run and its own answers since (no query but the vote's own transaction)."""
    if st.session_state.pop(FULL_RUN, None):
        st.rerun(scope="app")
    seen = st.session_state[_SEEN]
    _phone_messages()
    total = len(seen["technologies"])
    key = _position_key(seen)
    index = min(max(int(st.session_state[key]), 0), total - 1)
    tech = seen["technologies"][index]
    st.progress((index + 1) / total, text=tr("deltag_progress", index=index + 1, total=total))
    name, description, national = _described(seen)[tech["entry_id"]]
    st.html(f"<div class='ws-tech'>{plain(name)}</div><div class='ws-nat'>{national}</div>")
    if description:
        st.html(f"<div class='ws-desc'>{plain(description)}</div>")
    for question in seen["questions"]:
        _question(seen, tech, question)
    if seen["comments"]:
        _comment(seen, tech)
    row = st.container(horizontal=True)
    row.button(
        tr("deltag_prev"),
        key=f"ws-prev-{index}",
        on_click=_move,
        args=(key, index - 1),
        disabled=index == 0,
        width="stretch",
        icon=":material/arrow_back:",
    )
    row.button(
        tr("deltag_next"),
        key=f"ws-next-{index}",
        on_click=_move,
        args=(key, index + 1, total),
        width="stretch",
        icon=":material/arrow_forward:",
        type="primary",
    )


def _described(seen: dict) -> dict[str, tuple[str, str, str]]:
    """Entry id -> name, short description and national ring in words, for the round's technologies in the current
    language: made once per round and language on this phone, not on every tap."""
    domain = seen["radar_domain"]

    def build() -> dict[str, tuple[str, str, str]]:
        cat, national = catalogue().set_index("id"), national_scores(domain)
        rings = dict(zip(national["technology"], national["ring"], strict=True))
        return {t["entry_id"]: _describe(t, cat, rings) for t in seen["technologies"]}

    return memo("ws-phone-describe", fingerprint(seen["round_id"], lang(), domain), build)


def _describe(tech: dict, cat: pd.DataFrame, rings: dict[str, object]) -> tuple[str, str, str]:
    """A technology's name and short description in the current language (`cat`: the catalogue by id), and its
    national ring in words (`rings`: technology id -> ring); for a statement of a maturity round (no technology
    id, a statement key as id) its text and heading."""
    tid = tech.get("technology_id")
    if not tid and tech["entry_id"] in maturity.HEADING_OF:
        key = tech["entry_id"]
        return maturity.statement_text(key, lang()), "", maturity.heading_label(maturity.HEADING_OF[key], lang())
    known = isinstance(tid, str) and tid in cat.index
    name = str(cat.at[tid, "name"]) if known else str(tech.get("name") or "")
    description = str(cat.at[tid, "description"]) if known else str(tech.get("description") or "")
    if len(description) > 220:
        description = description[:217].rsplit(" ", 1)[0] + " …"
    ring = rings.get(tid) if known else None
    return (
        name,
        description,
        tr("deltag_national", ring=tr(f"ring_{ring}")) if isinstance(ring, str) else tr("deltag_national_none"),
    )


def _question(seen: dict, tech: dict, question: str) -> None:
    entry_id = tech["entry_id"]
    mine = seen["answers"].get((entry_id, question), {}).get("value")
    st.markdown(f"**{tr(f'deltag_question_{question}')}**")
    earlier = seen["earlier"]
    if earlier is not None and len(earlier):
        row = workshop.tally(earlier, [entry_id], question).iloc[0]
        if row["n"]:
            st.caption(
                tr("deltag_earlier", text=workshop.agreement_text(row, question, lang()))
                + " — "
                + workshop.distribution_text(row, question, lang())
            )
    # The maturity scale's six answers in words are stacked: side by side they would not fit a phone.
    row = st.container(horizontal=question != workshop.MATURITY, gap="small")
    for option in workshop.options(question):
        row.button(
            workshop.answer_label(question, option, lang()),
            key=f"ws-a-{entry_id}-{question}-{option}",
            type="primary" if option == mine else "secondary",
            width="stretch",
            icon=":material/check:" if option == mine else None,
            on_click=_answer,
            args=(seen, tech, question, option),
        )


def _answer(seen: dict, tech: dict, question: str, option: str) -> None:
    """Store the answer; the phone says "Gemt" only once the server has stored it."""
    comment = st.session_state.get(f"ws-c-{tech['entry_id']}", "")
    try:
        wdb.vote(
            own_db(), seen["code"], st.query_params.get(TOKEN_PARAM), tech["entry_id"], question, option, comment,
            round_id=seen["round_id"],
        )  # fmt: skip
    except RadarError as error:
        st.session_state["ws_phone"] = [("error", message(error))]
        st.session_state[FULL_RUN] = True  # the round closed or changed: the whole page shows what it is now
        return
    name = _described(seen)[tech["entry_id"]][0]
    ack = tr_text("deltag_saved", answer=f"{name}: {workshop.answer_label(question, option, lang())}")
    st.session_state["ws_phone"] = [("ok", f"<span class='ws-ack'>✓ {ack}</span>")]
    was_done = all((tech["entry_id"], q) in seen["answers"] for q in seen["questions"])
    note = workshop.clean_comment(comment) if seen["comments"] else ""
    seen["answers"] = {**seen["answers"], (tech["entry_id"], question): {"value": option, "comment": note}}
    if not was_done and all((tech["entry_id"], q) in seen["answers"] for q in seen["questions"]):
        key = _position_key(seen)
        _move(key, int(st.session_state.get(key, 0)) + 1, len(seen["technologies"]), keep_message=True)  # moves on


def _comment(seen: dict, tech: dict) -> None:
    entry_id = tech["entry_id"]
    key = f"ws-c-{entry_id}"
    if key not in st.session_state:
        st.session_state[key] = next(
            (a["comment"] for (e, _), a in seen["answers"].items() if e == entry_id and a["comment"]), ""
        )
    st.text_input(tr("deltag_comment"), key=key, max_chars=workshop.MAX_COMMENT)
    given = [q for q in seen["questions"] if (entry_id, q) in seen["answers"]]
    if given:
        st.button(
            tr("deltag_comment_save"), key=f"ws-cs-{entry_id}", on_click=_save_comment, args=(seen, tech, given), width="stretch"
        )


def _save_comment(seen: dict, tech: dict, questions: list[str]) -> None:
    comment = st.session_state.get(f"ws-c-{tech['entry_id']}", "")
    try:
        for q in questions:
            wdb.vote(
                own_db(),
                seen["code"],
                st.query_params.get(TOKEN_PARAM),
                tech["entry_id"],
                q,
                seen["answers"][(tech["entry_id"], q)]["value"],
                comment,
                round_id=seen["round_id"],
            )
    except RadarError as error:
        st.session_state["ws_phone"] = [("error", message(error))]
        st.session_state[FULL_RUN] = True
        return
    note = workshop.clean_comment(comment)
    seen["answers"] = {
        k: ({**a, "comment": note} if k[0] == tech["entry_id"] and k[1] in questions else a) for k, a in seen["answers"].items()
    }
    st.session_state["ws_phone"] = [("ok", f"<span class='ws-ack'>✓ {tr_text('deltag_saved', answer=comment or '–')}</span>")]


def _move(key: str, index: int, total: int | None = None, keep_message: bool = False) -> None:
    st.session_state[key] = max(index, 0)
    if not keep_message:
        st.session_state.pop("ws_phone", None)
    if total is not None and index >= total:
        st.session_state[FULL_RUN] = True  # past the last technology: the thank-you page, which watches the round


#: How often a phone that has answered all (or whose round is closed) looks for the next round (seconds); a phone
#: in the middle of a round does not look at all: its next tap finds out.
WATCH_SECONDS = REFRESH_SECONDS * 3


def _watch(seen: dict) -> None:
    """On a waiting phone: look every few seconds, with one small query, whether the round closed, opened again or a
    revote began."""

    @st.fragment(run_every=WATCH_SECONDS)
    def check() -> None:
        if wdb.code_state(own_db(), seen["code"]) != (seen["round_id"], seen["open"]):
            st.rerun()

    check()
