"""Streamlit glue for the digital-maturity self-assessment: the answer form, the result, the Modenhed tab,
the page /modenhed (answered alone, saved with its own link) and a maturity round on the projector.

A maturity round is a workshop round (radar.db.workshop) whose items are the statements of radar.maturity
and whose one question is "maturity": the same join code, phone view (/deltag) and projector (/workshop).
Scores and rules live in radar.maturity; storage in radar.db.maturity.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
import streamlit as st

from radar import config, maturity, workshop
from radar.db import maturity as mdb
from radar.db import workshop as wdb
from radar.errors import RadarError
from radar.i18n import DATE_INPUT_FORMATS, number
from radar.ui import PLOTLY_CONFIG, lang, language_switch, page_header, tr, tr_text
from radar.ui_own.state import Workspace, flash, message, own_db, show_flash

AREA = "maturity"
#: The page's own link to an assessment answered alone: /modenhed?vurdering=<token>.
LINK_PARAM = "vurdering"


def _short(option: str) -> str:
    return tr("maturity_dont_know") if option == maturity.DONT_KNOW else option


def scale_caption() -> str:
    """ "1 = Slet ikke · 2 = I mindre grad · ... · Ved ikke" in the current language."""
    steps = [f"{v} = {tr(f'maturity_scale_{v}')}" for v in maturity.SCALE]
    return " · ".join(steps)


def answer_form(prefix: str, initial: Mapping[str, str] | None = None) -> dict[str, str]:
    """One segmented control per statement, grouped by heading; returns the answers given (statement -> value)."""
    st.caption(scale_caption())
    answers: dict[str, str] = {}
    for heading in maturity.HEADINGS:
        st.markdown(f"**{maturity.heading_label(heading, lang())}**")
        for key in maturity.STATEMENTS[heading]:
            widget = f"{prefix}-{key}"
            if widget not in st.session_state and initial and key in initial:
                st.session_state[widget] = initial[key]
            value = st.segmented_control(
                maturity.statement_text(key, lang()), list(maturity.OPTIONS), key=widget, format_func=_short
            )
            if value:
                answers[key] = value
    return answers


def overall_text(result: maturity.Result) -> str:
    """ "Samlet score: 3,4 af 5 · 12 har svaret"."""
    return tr("maturity_overall_text", score=maturity.score_text(result.overall, lang()), n=result.respondents)


def result_view(result: maturity.Result, earlier: maturity.Result | None, key: str, height: int = 380) -> None:
    """The result: overall, the chart, places to start, where the room is split, what moved, and every statement."""
    if not result.respondents:
        st.info(tr("maturity_none_answered"))
        return
    st.markdown(f"**{overall_text(result)}**")
    fig = maturity.result_figure(result, earlier, lang(), height=height)
    st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key=key)
    left, right = st.columns(2, gap="medium")
    with left:
        st.markdown(f"**{tr('maturity_start_heading')}**")
        st.caption(tr("maturity_start_intro"))
        lowest = maturity.places_to_start(result)
        st.markdown(
            "\n".join(
                f"{i}. {maturity.statement_text(r.key, lang())} "
                f"({maturity.heading_label(r.heading, lang())}, {maturity.score_text(r.mean, lang())})"
                for i, r in enumerate(lowest.itertuples(), start=1)
            )
        )
    with right:
        split = maturity.split_statements(result)
        if len(split):
            st.markdown(f"**{tr('maturity_split_heading')}**")
            st.caption(tr("maturity_split_intro", iqr=number(maturity.MATURITY_SPLIT_IQR, lang(), digits=0)))
            st.markdown("\n".join(f"- {maturity.statement_text(k, lang())}" for k in split["key"]))
    if earlier is not None:
        st.markdown(f"**{tr('maturity_moved_heading')}**")
        moved = maturity.compare(result, earlier)
        heads = moved[moved["level"] == "heading"]
        st.dataframe(
            pd.DataFrame(
                {
                    tr("maturity_col_heading"): [maturity.heading_label(k, lang()) for k in heads["key"]],
                    tr("maturity_col_earlier"): [maturity.score_text(v, lang()) for v in heads["earlier"]],
                    tr("maturity_col_score"): [maturity.score_text(v, lang()) for v in heads["later"]],
                    tr("maturity_col_change"): [
                        f"{maturity.change_text(c, lang())} ({tr(f'maturity_moved_{mv}')})"
                        for c, mv in zip(heads["change"], heads["movement"], strict=True)
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    with st.expander(tr("maturity_col_statement"), icon=":material/list:"):
        st.dataframe(statement_frame(result, earlier), hide_index=True, width="stretch")


def statement_frame(result: maturity.Result, earlier: maturity.Result | None) -> pd.DataFrame:
    """Every statement with its score, answers, "ved ikke", spread and split (and the earlier score and change)."""
    rows = result.statements
    frame = {
        tr("maturity_col_heading"): [maturity.heading_label(h, lang()) for h in rows["heading"]],
        tr("maturity_col_statement"): [maturity.statement_text(k, lang()) for k in rows["key"]],
        tr("maturity_col_score"): [maturity.score_text(v, lang()) for v in rows["mean"]],
        tr("maturity_col_n"): rows["n"].tolist(),
        tr("maturity_col_dont_know"): rows["dont_know"].tolist(),
        tr("maturity_col_spread"): [maturity.spread_text(a, b, lang()) for a, b in zip(rows["q1"], rows["q3"], strict=True)],
        tr("maturity_col_split"): [tr("maturity_yes") if s else "" for s in rows["split"]],
    }
    if earlier is not None:
        moved = maturity.compare(result, earlier)
        moved = moved[moved["level"] == "statement"].set_index("key")
        frame[tr("maturity_col_earlier")] = [maturity.score_text(moved.at[k, "earlier"], lang()) for k in rows["key"]]
        frame[tr("maturity_col_change")] = [maturity.change_text(moved.at[k, "change"], lang()) for k in rows["key"]]
    return pd.DataFrame(frame)


def _label(a: Mapping[str, object]) -> str:
    title = str(a["title"]) or tr(f"maturity_source_{a['source']}")
    # A widget's option is shown as text: no escaping (radar.safe), or the title would show its character references.
    return tr("maturity_label", day=maturity.day_text(a["day"], lang()), title=title, n=a["respondents"])


# --- the Modenhed tab of an own radar --------------------------------------------------------------------
def maturity_tab(ws: Workspace) -> None:
    """The Modenhed tab: saved assessments shown against an earlier one, a round for the room, answering here."""
    st.caption(tr("maturity_not_kl"))
    show_flash(AREA)
    saved = mdb.list_for_radar(own_db(), ws.link)
    if saved:
        saved_view(ws, saved)
    else:
        st.caption(tr("maturity_list_none"))
    if not ws.can_edit:
        return
    round_panel(ws, saved)
    with st.expander(tr("maturity_answer_heading"), icon=":material/edit_note:", expanded=not saved):
        answers = answer_form(f"mat-own-{ws.link}")
        left, right = st.columns(2, vertical_alignment="bottom")
        title = left.text_input(tr("maturity_title_field"), key=f"mat-own-title-{ws.link}", max_chars=maturity.MAX_TITLE)
        day = right.date_input(
            tr("maturity_day_field"), value=date.today(), key=f"mat-own-day-{ws.link}", format=DATE_INPUT_FORMATS[lang()]
        )
        if st.button(tr("maturity_save_radar"), type="primary", key=f"mat-own-save-{ws.link}", icon=":material/save:"):
            if _save(ws.link, maturity.make_assessment(day, [answers], title, "alone"), None):
                for key in maturity.STATEMENT_KEYS:  # saved: the form is empty for the next one
                    st.session_state.pop(f"mat-own-{ws.link}-{key}", None)
            st.rerun()


def saved_view(ws: Workspace, saved: list[dict]) -> None:
    """Pick a saved assessment and one to compare it with (by default the one before it)."""
    st.markdown(f"**{tr('maturity_list_heading')}**")
    by_id = {a["assessment_id"]: a for a in saved}
    ids = list(by_id)
    left, right = st.columns(2)
    chosen = left.selectbox(tr("maturity_pick"), ids, key=f"mat-pick-{ws.link}", format_func=lambda i: _label(by_id[i]))
    others = [i for i in ids if i != chosen]
    older = ids[ids.index(chosen) + 1 :]
    default = older[0] if older else None
    options = [None, *others]
    compare_key = f"mat-compare-{ws.link}-{chosen}"
    if st.session_state.get(compare_key, default) not in options:
        st.session_state.pop(compare_key, None)
    other = right.selectbox(
        tr("maturity_compare_with"),
        options,
        index=options.index(default),
        key=compare_key,
        format_func=lambda i: tr("maturity_compare_none") if i is None else _label(by_id[i]),
    )
    result = maturity.score(mdb.load_for_radar(own_db(), ws.link, chosen))
    earlier = maturity.score(mdb.load_for_radar(own_db(), ws.link, other)) if other else None
    result_view(result, earlier, key=f"mat-chart-{ws.link}")


def _save(link: str, found: maturity.Assessment, round_id: str | None) -> bool:
    """Save with the radar; a typed error becomes a message in the tab. True when saved."""
    try:
        mdb.save_for_radar(own_db(), link, found, round_id)
    except RadarError as error:
        flash("error", message(error), AREA)
        return False
    flash("success", tr("maturity_saved", day=maturity.day_text(found.day, lang())), AREA)
    return True


# --- a round for the whole room ----------------------------------------------------------------------------
def _items() -> list[dict[str, object]]:
    return [{"entry_id": k, "technology_id": None, "name": k, "description": None} for k in maturity.STATEMENT_KEYS]


def _start_round(link: str) -> None:
    try:
        started = wdb.start_round(own_db(), link, _items(), [workshop.MATURITY])
    except RadarError as error:
        flash("error", message(error), AREA)
        return
    flash("success", tr("workshop_started", number=started["number"], code=started["code"]), AREA)


def maturity_rounds(link: str) -> list[dict]:
    """The radar's maturity rounds, newest first."""
    return [r for r in wdb.list_rounds(own_db(), link) if workshop.is_maturity(r["questions"])]


def round_result(link: str, round_id: str) -> maturity.Result:
    """The room's answers so far as a result."""
    return maturity.score(maturity.responses_from_votes(wdb.round_votes(own_db(), link, round_id)))


def round_panel(ws: Workspace, saved: list[dict]) -> None:
    """Start a maturity round; steer the newest one, see its answers come in and save them as an assessment."""
    from radar import ui_workshop  # it imports this module for the projector

    st.markdown(f"**{tr('maturity_round_heading')}**")
    st.caption(tr("maturity_round_intro", count=len(maturity.STATEMENT_KEYS)))
    rounds = maturity_rounds(ws.link)
    st.button(
        tr("maturity_round_start"),
        key=f"mat-round-start-{ws.link}",
        on_click=_start_round,
        args=(ws.link,),
        icon=":material/how_to_vote:",
        type="secondary" if rounds and rounds[0]["status"] == "open" else "primary",
    )
    if not rounds:
        return
    r = rounds[0]
    st.caption(tr("maturity_round_label", number=r["number"], state=tr(f"workshop_state_{r['status']}")) + f" · {r['code']}")
    row = st.container(horizontal=True)
    rid = r["round_id"]
    row.link_button(tr("workshop_open_projector"), ui_workshop.projector_url(ws.link, rid), icon=":material/tv:")
    shown = bool(r["revealed"])
    row.button(
        tr("workshop_hide" if shown else "workshop_reveal"),
        key=f"mat-reveal-{rid}",
        icon=":material/visibility_off:" if shown else ":material/visibility:",
        on_click=_act,
        args=(wdb.reveal, ws.link, rid, not shown),
    )
    if r["status"] == "open":
        row.button(tr("workshop_close"), key=f"mat-close-{rid}", icon=":material/lock:", on_click=_act,
                   args=(wdb.close_round, ws.link, rid))  # fmt: skip
    done = mdb.round_saved(own_db(), ws.link, rid)
    row.button(
        tr("maturity_round_save"),
        key=f"mat-round-save-{rid}",
        icon=":material/save:",
        disabled=done,
        help=tr("maturity_round_saved_note") if done else None,
        on_click=_save_round,
        args=(ws.link, rid, r["created"]),
    )

    @st.fragment(run_every=ui_workshop.REFRESH_SECONDS if r["status"] == "open" else None)
    def counts() -> None:
        live = wdb.live_counts(own_db(), ws.link, rid)
        left, right = st.columns(2)
        left.metric(tr("workshop_joined"), live["joined"])
        right.metric(tr("maturity_round_answered"), live["voters"])

    counts()
    if shown:
        earlier = _newest_saved(ws.link, saved, rid)
        result_view(round_result(ws.link, rid), earlier, key=f"mat-round-chart-{rid}")
    else:
        st.info(tr("workshop_hidden"), icon=":material/visibility_off:")


def _act(action: object, *args: object) -> None:
    try:
        action(own_db(), *args)  # type: ignore[operator]
    except RadarError as error:
        flash("error", message(error), AREA)


def _save_round(link: str, round_id: str, created: object) -> None:
    responses = maturity.responses_from_votes(wdb.round_votes(own_db(), link, round_id))
    day = pd.Timestamp(created).date() if created is not None else date.today()
    try:
        found = maturity.make_assessment(day, responses, "", "round")
    except RadarError as error:
        flash("error", message(error), AREA)
        return
    _save(link, found, round_id)


def _newest_saved(link: str, saved: list[dict], round_id: str) -> maturity.Result | None:
    """The newest saved assessment that is not this round's own: the round is shown against it."""
    other = next((a for a in saved if a["round_id"] != round_id), None)
    return maturity.score(mdb.load_for_radar(own_db(), link, other["assessment_id"])) if other else None


# --- the projector --------------------------------------------------------------------------------------------
def projector(ws: Workspace, r: dict) -> None:
    """A maturity round on the projector: the join code and how many answered; once revealed, the result chart."""
    from radar import ui_workshop

    title, switch = st.columns([5, 1], vertical_alignment="center")
    title.markdown(f"### {tr_text('maturity_projector_title', number=r['number'], name=ws.meta['name'])}")
    with switch:
        language_switch()
    if ws.can_edit:
        show_flash(ui_workshop.AREA)
        row = st.container(horizontal=True)
        shown = bool(r["revealed"])
        row.button(
            tr("workshop_hide" if shown else "workshop_reveal"),
            key=f"mat-proj-reveal-{r['round_id']}",
            type="secondary" if shown else "primary",
            icon=":material/visibility_off:" if shown else ":material/visibility:",
            on_click=_act,
            args=(wdb.reveal, ws.link, r["round_id"], not shown),
        )
        if r["status"] == "open":
            row.button(tr("workshop_close"), key=f"mat-proj-close-{r['round_id']}", icon=":material/lock:", on_click=_act,
                       args=(wdb.close_round, ws.link, r["round_id"]))  # fmt: skip
    saved = mdb.list_for_radar(own_db(), ws.link)
    round_id = r["round_id"]

    @st.fragment(run_every=ui_workshop.REFRESH_SECONDS)
    def body() -> None:
        now = wdb.get_round(own_db(), ws.link, round_id)
        live = wdb.live_counts(own_db(), ws.link, round_id)
        url = ui_workshop._join_url(now["code"])
        numbers = (
            f"<div><span class='ws-big' data-testid='ws-joined'>{live['joined']}</span> "
            f"<span class='ws-small'>{tr('workshop_joined')}</span> &nbsp; "
            f"<span class='ws-big' data-testid='mat-answered'>{live['voters']}</span> "
            f"<span class='ws-small'>{tr('maturity_round_answered')}</span></div>"
        )
        if not now["revealed"]:
            left, right = st.columns([1, 1.5], gap="medium")
            with left:
                ui_workshop.join_panel(now)
            with right:
                st.html(numbers)
                # Read from the back of the room: the scale in large type, not as a caption.
                st.html(
                    f"<div style='font-size:1.35rem;line-height:1.4;margin:.6rem 0'><b>{tr('maturity_title')}</b><br>"
                    f"{tr('maturity_intro')}</div>"
                    f"<div style='font-size:1.2rem;color:#333'>{scale_caption()}</div>"
                )
                st.info(tr("workshop_hidden"), icon=":material/visibility_off:")
            return
        side, main = st.columns([1, 3.4], gap="medium")
        result = round_result(ws.link, round_id)
        with side:
            if now["status"] == "open":
                st.html(f"<div class='ws-qr'>{ui_workshop._qr_svg(url, 120)}</div>")
                st.html(f"<div class='ws-code ws-code-small' data-testid='ws-code'>{now['code']}</div>")
            st.html(numbers)
            if result.respondents:
                items = "".join(f"<li>{maturity.statement_text(k, lang())}</li>" for k in maturity.places_to_start(result)["key"])
                st.html(
                    f"<div style='font-size:1.05rem;line-height:1.3'><b>{tr('maturity_start_heading')}</b>"
                    f"<ol style='padding-left:1.2rem;margin:.3rem 0'>{items}</ol></div>"
                )
        with main:
            if not result.respondents:
                st.info(tr("maturity_none_answered"))
                return
            st.markdown(f"**{overall_text(result)}**")
            earlier = _newest_saved(ws.link, saved, round_id)
            fig = maturity.result_figure(result, earlier, lang(), height=470)
            st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key="mat-proj-chart")

    body()


# --- the page /modenhed: answered alone ----------------------------------------------------------------------------
def page() -> None:
    """/modenhed: answer the statements alone, see the result, save it with its own link, download or compare a JSON."""
    page_header("maturity_title")
    st.caption(tr("maturity_not_kl"))
    st.write(tr("maturity_intro"))
    token = st.query_params.get(LINK_PARAM)
    stored = None
    if token:
        try:
            stored = mdb.load_alone(own_db(), token)
        except RadarError as error:
            st.error(message(error), icon=":material/error:")
            token = None
    show_flash(AREA)
    answers = answer_form(f"mat-alone-{token or 'new'}", stored.responses[0] if stored and stored.responses else None)
    left, right = st.columns(2, vertical_alignment="bottom")
    title_key, day_key = f"mat-alone-title-{token}", f"mat-alone-day-{token}"
    st.session_state.setdefault(title_key, stored.title if stored else "")
    st.session_state.setdefault(day_key, stored.day if stored else date.today())
    title = left.text_input(tr("maturity_title_field"), key=title_key, max_chars=maturity.MAX_TITLE)
    day = right.date_input(tr("maturity_day_field"), key=day_key, format=DATE_INPUT_FORMATS[lang()])
    found = maturity.make_assessment(day, [answers] if answers else [], title, "alone")
    st.subheader(tr("maturity_result_heading"))
    upload = st.file_uploader(tr("maturity_upload"), type=["json"], key="mat-alone-upload")
    earlier = None
    if upload is not None:
        try:
            earlier = maturity.score(maturity.from_json(upload.getvalue()))
        except RadarError as error:
            st.error(message(error), icon=":material/error:")
    result_view(maturity.score(found), earlier, key="mat-alone-chart")
    row = st.container(horizontal=True)
    if row.button(tr("maturity_save_alone"), type="primary", key="mat-alone-save", icon=":material/save:"):
        _save_alone(token, found)
    row.download_button(
        tr("maturity_download"),
        data=maturity.to_json(found),
        file_name=f"modenhed-{day.isoformat()}.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/download:",
        disabled=not found.respondents,
        key="mat-alone-json",
    )
    if token:
        here = (st.context.url or "/").split("?")[0]
        st.caption(tr("maturity_link"))
        st.code(f"{here}?{LINK_PARAM}={token}", language=None)


def _save_alone(token: str | None, found: maturity.Assessment) -> None:
    try:
        if token:
            mdb.update_alone(own_db(), token, found)
            flash("success", tr("maturity_saved", day=maturity.day_text(found.day, lang())), AREA)
        else:
            token = mdb.save_alone(own_db(), found)
            flash("success", tr("maturity_saved_alone"), AREA)
    except RadarError as error:
        st.error(message(error), icon=":material/error:")
        return
    if st.query_params.get(LINK_PARAM) != token:
        # The answers move to the widgets of the saved assessment, so nothing typed is lost on the way.
        for key in maturity.STATEMENT_KEYS:
            value = st.session_state.get(f"mat-alone-new-{key}")
            if value:
                st.session_state[f"mat-alone-{token}-{key}"] = value
        st.session_state[f"mat-alone-title-{token}"] = found.title
        st.session_state[f"mat-alone-day-{token}"] = found.day
        st.query_params[LINK_PARAM] = token
    st.rerun()


# --- Om radaren ----------------------------------------------------------------------------------------------------
def about_section() -> None:
    """Om radaren's section on the maturity scale, the statements (a table made from the catalogue) and the scoring."""
    st.subheader(tr("about_maturity_self_heading"))
    st.caption(tr("maturity_not_kl"))
    scale = ", ".join(f"{v} = {tr(f'maturity_scale_{v}').lower()}" for v in maturity.SCALE)
    st.markdown(
        tr(
            "about_maturity_self",
            scale=scale,
            min_n=config.MATURITY_SPLIT_MIN_N,
            iqr=number(config.MATURITY_SPLIT_IQR, lang(), digits=0),
            count=config.MATURITY_START_COUNT,
            move=number(config.MATURITY_MOVE_MIN, lang()),
        )
    )
    st.dataframe(about_table(lang()), hide_index=True, width="stretch")


def about_table(language: str) -> pd.DataFrame:
    """The statements by heading, with their keys, in `language`: made from the catalogue, not copied."""
    rows = [
        {
            tr("maturity_col_heading"): maturity.heading_label(h, language),
            tr("maturity_col_statement"): maturity.statement_text(k, language),
            tr("maturity_col_key"): k,
        }
        for h in maturity.HEADINGS
        for k in maturity.STATEMENTS[h]
    ]
    return pd.DataFrame(rows)
