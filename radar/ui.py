"""Streamlit glue: language, cached loaders keyed on plain values, shared widgets, show_error.

The only module of radar/ that imports streamlit. Pages call these and stay short.
"""

from __future__ import annotations

import copy
import functools
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from radar import chart, config, explain, service
from radar import value as value_question
from radar.errors import RadarError
from radar.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from radar.national_export import file_stem
from radar.safe import plain

ICON = config.PACKAGE_DIR / "assets" / "icon.png"
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d", "zoom2d", "pan2d", "autoScale2d"]}


# --- language -----------------------------------------------------------------------------
LANGUAGE_KEY = "language"  # plain session value: survives page changes, unlike a widget's state
SWITCH_KEY = "language_switch"


def lang() -> str:
    """The current UI language: chosen with the switch, seeded from ?lang= on first load."""
    if LANGUAGE_KEY not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state[LANGUAGE_KEY] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    return st.session_state[LANGUAGE_KEY]


def _language_chosen() -> None:
    st.session_state[LANGUAGE_KEY] = st.session_state[SWITCH_KEY]


def tr(key: str, **params: object) -> str:
    """`key` translated into the current language."""
    return t(key, lang(), **params)


def tr_text(key: str, **params: object) -> str:
    """`key` translated, with every text parameter shown literally (names and values from users,
    files and links): for any message that carries such text into Markdown."""
    return tr(key, **{k: plain(v) if isinstance(v, str) else v for k, v in params.items()})


def page_header(title_key: str, intro_key: str | None = None) -> None:
    """Page title with the Dansk/English switch beside it, and an optional one-line intro."""
    # A row that gives the switch the room it needs (a fixed column share cut "English" off at 1024 px);
    # on a narrow screen the switch wraps under the title.
    with st.container(horizontal=True, vertical_alignment="center", gap="medium", key="page-header"):
        st.title(tr(title_key))
        language_switch()
    if intro_key:
        st.caption(tr(intro_key))


def language_switch() -> None:
    """The Dansk/English switch shown on every page; keeps ?lang= in the URL.

    Streamlit forgets a widget's state when another page is shown (the top navigation also
    drops the query string), so the choice lives in a plain session value and the switch
    is re-seeded from it on every page.
    """
    current = lang()
    st.session_state[SWITCH_KEY] = current
    st.segmented_control(
        tr("language"),
        options=list(LANGUAGES),
        key=SWITCH_KEY,
        format_func=lambda code: t(f"lang_{code}", code),
        selection_mode="single",
        required=True,
        label_visibility="collapsed",
        on_change=_language_chosen,
    )
    if current == DEFAULT_LANGUAGE:
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = current


def show_error(error: RadarError) -> None:
    """Show a typed error as a translated message; the page keeps its last good state.

    Parameters may come from uploaded files, so they are shown as literal text.
    """
    st.error(tr_text(error.key, **error.params), icon=":material/error:")


# --- cached data ------------------------------------------------------------------------------
def db_file() -> Path:
    """The national database in use."""
    return config.db_path()


def _stamp(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else -1.0


@functools.lru_cache(maxsize=64)
def _run(fn: Callable[..., object], path: str, stamp: float, *args: object) -> object:
    return fn(Path(path), *args)


def _handed_out(value: object) -> object:
    """A cached result as its caller may change it: a frame as a shallow copy (pandas copies a column
    on its first write), anything else as a deep copy."""
    if isinstance(value, pd.DataFrame):
        return value.copy(deep=False)
    return value if isinstance(value, int | float | str) else copy.deepcopy(value)


def _cached(fn: Callable[..., object]) -> Callable[..., object]:
    """`fn(db, *args)` of radar.service as `loader(*args)`, cached on the database file's path and
    modification time (a new edition or rebuild is seen at once).

    One copy per server process, shared by every visitor, in a plain LRU cache rather than
    st.cache_data: that one pickles a result when it stores it and unpickles it on every hit, which
    on the own radar was several milliseconds of each edit for a handful of 25-row frames.
    """

    @functools.wraps(fn)
    def loader(*args: object) -> object:
        path = db_file()
        return _handed_out(_run(fn, str(path), _stamp(path), *args))

    return loader


# Cached loaders, one named function each (go-to-definition lands on the service function).
editions = _cached(service.editions)
domains = _cached(service.domains)
categories = _cached(service.categories)
technologies = _cached(service.technologies)
scores = _cached(service.scores)
radar_blips = _cached(service.radar_blips)
respondent_count = _cached(service.respondent_count)
technology_detail = _cached(service.technology_detail)
domain_matrix = _cached(service.domain_matrix)
radar_timeline = _cached(service.radar_timeline)


def chart_config(edition: int, domain: str | None, kind: str = "") -> dict:
    """Plotly's settings for a chart of this edition and scope: its image download is named by national_export.file_stem,
    so a picture of sample data says so in its file name."""
    eds = editions()
    sample = bool(eds.loc[eds["year"] == edition, "sample"].any())
    return {**PLOTLY_CONFIG, "toImageButtonOptions": {"filename": file_stem(edition, domain, sample, lang(), kind)}}


def explained_matrix(edition: int) -> pd.DataFrame:
    """The technology × domain matrix of an edition with each cell's reason for its ring (for the heatmap)."""
    language = lang()
    matrix = domain_matrix(edition, language)
    scopes = [None if pd.isna(d) else d for d in matrix["domain"].drop_duplicates()]
    return explain.matrix_reasons(matrix, {scope: scores(edition, scope) for scope in scopes}, language)


def sample_notice(edition: int | None = None, container: object | None = None) -> None:
    """The plain notice that the numbers shown are sample data: for `edition`, or while any edition is.

    Without an edition (e.g. on Om radaren) and with real editions imported beside sample
    ones, the notice names the sample editions.
    """
    eds = editions()
    if edition is not None:
        if bool(eds.loc[eds["year"] == edition, "sample"].any()):
            (container or st).info(tr("sample_notice"), icon=":material/info:")
        return
    sample_years = sorted(int(y) for y in eds.loc[eds["sample"], "year"])
    if sample_years and len(sample_years) == len(eds):
        (container or st).info(tr("sample_notice"), icon=":material/info:")
    elif sample_years:
        (container or st).info(tr("sample_notice_some", years=", ".join(map(str, sample_years))), icon=":material/info:")


# --- URL-backed widgets -----------------------------------------------------------------------
def url_state(key: str, param: str, parse: Callable[[str], object]) -> None:
    """Seed session_state[key] from ?param= the first time a page is opened with it."""
    if key not in st.session_state and param in st.query_params:
        st.session_state[key] = parse(st.query_params[param])


def url_write(param: str, value: object) -> None:
    """Mirror a widget value into the URL (lists comma-separated); empty values are removed."""
    if value in (None, "", [], ()):
        st.query_params.pop(param, None)
    elif isinstance(value, list | tuple):
        st.query_params[param] = ",".join(str(v) for v in value)
    else:
        st.query_params[param] = str(value)


def edition_picker() -> int:
    """Edition selector, newest by default, kept in ?edition=."""
    eds = editions()
    years = [int(y) for y in eds["year"]]
    counts = dict(zip(years, eds["respondents"], strict=True))
    language = lang()  # bound now: the label must not depend on session state when it is called
    url_state("edition", "edition", lambda raw: int(raw) if raw.isdigit() and int(raw) in years else years[0])
    year = st.selectbox(
        tr("edition"),
        years,
        key="edition",
        format_func=lambda y: t("edition_label", language, year=y, respondents=explain.count_text(counts[y], language)),
        placeholder=tr("choose_option"),
    )
    url_write("edition", None if year == years[0] else year)
    return int(year)


#: The play button's state: the editions still to show, the next one to show, and when the page was last drawn.
PLAY_QUEUE, PLAY_NEXT, PLAY_DRAWN = "timeline_queue", "timeline_next", "timeline_drawn"
#: Seconds each edition is shown while the play button steps through them.
PLAY_STEP_S = 1.6


def edition_timeline() -> int:
    """The radar pages' time control: a slider over the editions, oldest on the left, newest by default, kept in ?edition=.

    Moving it, or the play button beside it (which steps from the oldest edition to the newest, one rerun
    each), shows the radar of that edition; each technology keeps its number through the editions
    (radar.service.radar_timeline). Touching the slider stops the play.
    """
    years = sorted(int(y) for y in editions()["year"])
    newest = years[-1]
    raw = st.query_params.get("edition", "")
    # The link's edition (else the newest) is the slider's own default, not a value written into its state: a
    # slider the browser mounts again falls back to its default, which must not be the oldest edition.
    linked = int(raw) if raw.isdigit() and int(raw) in years else newest
    stepped = PLAY_NEXT in st.session_state
    if stepped:  # the play button's next edition; no default beside it (Streamlit warns of a value set twice)
        st.session_state["edition"] = st.session_state.pop(PLAY_NEXT)
    elif "edition" in st.session_state and st.session_state["edition"] not in years:
        del st.session_state["edition"]  # e.g. an edition that is gone
    year = st.select_slider(
        tr("edition"), years, value=None if stepped else linked, key="edition", help=tr("timeline_help"),
        on_change=st.session_state.pop, args=(PLAY_QUEUE, None),
    )  # fmt: skip
    url_write("edition", None if year == newest else year)
    left, right = st.columns([3, 2], vertical_alignment="center")
    left.caption(tr("timeline_range", count=len(years), first=years[0], last=newest))
    with right:
        _player(years)
    return int(year)


def _player(years: list[int]) -> None:
    """The play button: a fragment that, while playing, reruns on a timer and moves the slider on by one edition."""
    playing = bool(st.session_state.get(PLAY_QUEUE))
    st.session_state[PLAY_DRAWN] = time.monotonic()

    @st.fragment(run_every=PLAY_STEP_S if playing else None)
    def player() -> None:
        queue = st.session_state.get(PLAY_QUEUE) or []
        # The timer's run (not the page's own run, which drew this edition a moment ago) moves on.
        if queue and time.monotonic() - st.session_state.get(PLAY_DRAWN, 0.0) >= PLAY_STEP_S * 0.8:
            st.session_state[PLAY_NEXT], st.session_state[PLAY_QUEUE] = queue[0], queue[1:]
            st.rerun(scope="app")
        if queue:
            if st.button(tr("timeline_stop"), key="timeline_stop", icon=":material/stop:", width="stretch"):
                st.session_state.pop(PLAY_QUEUE, None)
                st.rerun(scope="app")
        elif st.button(tr("timeline_play"), key="timeline_play", icon=":material/play_arrow:", width="stretch",
                       disabled=len(years) < 2, help=tr("timeline_play_help")):  # fmt: skip
            st.session_state[PLAY_NEXT], st.session_state[PLAY_QUEUE] = years[0], years[1:]
            st.rerun(scope="app")

    player()


def trails_toggle(edition: int) -> bool:
    """The "show trails" switch, off by default and kept in ?trails=1; it does nothing on the oldest edition."""
    oldest = min(int(y) for y in editions()["year"])
    linked = st.query_params.get("trails") == "1"  # the default, as for the time control: see edition_timeline
    on = st.toggle(tr("trails_toggle"), value=linked, key="trails", help=tr("trails_help"), disabled=edition == oldest)
    url_write("trails", "1" if on else None)
    return bool(on) and edition != oldest


#: A ?domain= that named no domain, said until the user picks one.
UNKNOWN_DOMAIN = "domain_unknown"


def domain_picker() -> str:
    """Domain selector kept in ?domain=<slug>, so a shared link opens that domain."""
    doms = domains(lang())
    ids = doms["id"].tolist()
    names = dict(zip(ids, doms["name"], strict=True))
    wanted = st.query_params.get("domain")
    if wanted is not None and wanted not in ids:
        st.session_state[UNKNOWN_DOMAIN] = wanted  # kept: the next rerun finds ?domain= already set to the first domain
    if st.session_state.get(UNKNOWN_DOMAIN) is not None:
        st.warning(tr_text("error_unknown_domain", domain=st.session_state[UNKNOWN_DOMAIN]))
    # The link's domain is the picker's default rather than a value written into its state: a picker the
    # browser mounts again falls back to its default (the first domain, in 1 of 6 loads of a ?domain= link).
    linked = ids.index(wanted) if wanted in ids else 0
    domain = st.selectbox(
        tr("domain"), ids, index=linked, key="domain", format_func=names.get, placeholder=tr("choose_option"),
        on_change=st.session_state.pop, args=(UNKNOWN_DOMAIN, None),
    )  # fmt: skip
    url_write("domain", domain)
    return domain


def technology_picker() -> str | None:
    """Technology selector kept in ?tech=<id>, the first technology by default.

    A ?tech= that names no technology is said in a message and nothing is picked (no detail is
    shown for a technology nobody asked for); the link stays as it came until one is chosen.
    """
    techs = technologies(lang())
    names = dict(zip(techs["id"], techs["name"], strict=True))
    wanted = st.query_params.get("tech")
    message = st.empty()  # above the picker, filled once we know whether anything is picked
    url_state("tech", "tech", lambda raw: raw if raw in names else None)
    technology = st.selectbox(
        tr("choose_technology"), list(names), key="tech", format_func=names.get, placeholder=tr("choose_option")
    )
    if technology is not None:
        url_write("tech", technology)
    elif wanted is not None and wanted not in names:
        message.warning(tr_text("error_unknown_technology_link", technology=wanted))
    return technology


def _split(valid: set[str]) -> Callable[[str], list[str]]:
    return lambda raw: [v for v in raw.split(",") if v in valid]


#: Session keys of the radar's filters (category, ring, movement, value), each kept in the link.
FILTER_KEYS: tuple[str, ...] = ("f_cat", "f_ring", "f_move", "f_value")


def filter_controls(blips: pd.DataFrame) -> pd.DataFrame:
    """Search box and category/ring/movement filters, kept in the URL; returns the matching blips.

    The search box is bound to ?q= by Streamlit itself (`bind="query-params"`): the browser fills it
    from the link before any rerun, so the screen measurement's first rerun cannot find it empty
    (seeded from session state, it came back empty in 3 of 6 loads). The filters keep their own
    ?category=a,b links (Streamlit's binding writes an option's label, which is language-bound).
    """
    cats = categories(lang())
    cat_names = dict(zip(cats["id"], cats["name"], strict=True))
    rings = list(config.RING_KEYS)
    moves = list(config.MOVEMENTS)
    url_state("f_cat", "category", _split(set(cat_names)))
    url_state("f_ring", "ring", _split(set(rings)))
    url_state("f_move", "movement", _split(set(moves)))
    kinds = ["", *value_question.FILTER_KINDS]
    url_state("f_value", "value", lambda raw: raw if raw in kinds else "")
    # The popover draws its widgets only when opened; a value set before a later rerun would be lost
    # there (the radar filtered, the dropdown empty). Handing each value back every run keeps them shown.
    for key in FILTER_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    active = sum(bool(st.session_state.get(k)) for k in FILTER_KEYS)
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    search = left.text_input(
        tr("search"), key="q", help=tr("search_help"), placeholder=tr("search_placeholder"), bind="query-params"
    )
    with right.popover(tr("filters") + (f" ({active})" if active else ""), width="stretch"):
        chosen_cats = st.multiselect(
            tr("filter_category"), list(cat_names), key="f_cat", format_func=cat_names.get, placeholder=tr("choose_options")
        )
        chosen_rings = st.multiselect(
            tr("filter_ring"), rings, key="f_ring", format_func=lambda k: tr("ring_" + k), placeholder=tr("choose_options")
        )
        chosen_moves = st.multiselect(
            tr("filter_movement"),
            moves,
            key="f_move",
            format_func=lambda k: tr("movement_" + k),
            placeholder=tr("choose_options"),
        )
        chosen_value = value_filter(kinds)
    for param, value in (("category", chosen_cats), ("ring", chosen_rings), ("movement", chosen_moves), ("value", chosen_value)):
        url_write(param, value)
    shown = service.filter_blips(blips, search or "", chosen_cats, chosen_rings, chosen_moves, chosen_value or None)
    if chosen_value and shown.empty:
        st.info(tr("filter_value_none", kind=tr(f"value_{chosen_value}"), **value_filter_bar()))
    return shown


def value_filter_bar() -> dict[str, str]:
    """The filter by value's bar in the UI language: the share and the fewest answers on value."""
    language = lang()
    return {
        "share": explain.share_text(value_question.FILTER_SHARE, language),
        "min": explain.count_text(value_question.FILTER_MIN_ANSWERS, language),
    }


def value_filter(kinds: list[str]) -> str:
    """The "Skabt værdi" picker: "" (all technologies) or a kind of value, kept in ?value=."""
    return st.selectbox(
        tr("filter_value"),
        kinds,
        key="f_value",
        format_func=lambda k: tr(f"value_{k}").capitalize() if k else tr("filter_value_all"),
        help=tr("filter_value_help", **value_filter_bar()),
    )


# --- the radar explorer -----------------------------------------------------------------------
#: Measures, in the browser, the width of the column the radar is drawn in and the height the screen
#: leaves below the radar's top, and sends both to the script whenever they change (a resize, a phone
#: turned); radar.chart then draws the radar for exactly that size. It also gives the chart its name
#: for screen readers, in the UI's language. It reads nothing else and sends nothing elsewhere.
SCREEN_JS = """
export default function (component) {
  const { setStateValue, parentElement, data } = component;
  const host = parentElement.getRootNode().host || parentElement;
  let last = "", timer = null;
  const chartOf = () => {
    const block = host.closest("[data-testid='stVerticalBlock']");
    return block ? block.querySelector("[data-testid='stPlotlyChart']") : null;
  };
  const measure = () => {
    const chart = chartOf();
    if (chart && data && data.label) {
      chart.setAttribute("role", "figure");
      chart.setAttribute("aria-label", data.label);
    }
    const box = host.getBoundingClientRect();
    if (box.width < 1) return;
    const top = (chart ? chart.getBoundingClientRect().top : box.bottom + 16) + window.scrollY;
    const size = {width: Math.floor(box.width), room: Math.floor(window.innerHeight - top - 8)};
    const text = JSON.stringify(size);
    if (text !== last) { last = text; setStateValue("size", size); }
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(measure, 120); };
  const watcher = new ResizeObserver(later);
  watcher.observe(host);
  window.addEventListener("resize", later);
  // The first measurement reruns the script. Sent at once, that rerun could go out before the browser
  // had taken the widgets seeded from the link (?ring=, ?edition=): wait until the page has settled.
  setTimeout(measure, 400);
  const labeller = new MutationObserver(() => {
    const c = chartOf();
    if (c && data && c.getAttribute("aria-label") !== data.label) measure();
  });
  const block = host.closest("[data-testid='stVerticalBlock']");
  if (block) labeller.observe(block, {childList: true, subtree: true});
  return () => { watcher.disconnect(); labeller.disconnect(); window.removeEventListener("resize", later); clearTimeout(timer); };
}
"""
_screen = st.components.v2.component("teknologiradar_screen", js=SCREEN_JS)


def screen_size(key: str, label: str) -> tuple[int | None, int | None]:
    """(column width, room below the chart's top) in pixels as the browser measured them; (None, None) until it has.

    `label` names the chart below it for screen readers.
    """
    result = _screen(key=key, data={"label": label}, height="content", on_size_change=lambda: None)
    size = result.get("size") if result is not None else None
    if not isinstance(size, dict):
        return None, None
    width, room = size.get("width"), size.get("room")
    known = isinstance(width, int | float) and width > 0
    return (int(width) if known else None, int(room) if known and isinstance(room, int | float) else None)


def movement_key() -> str:
    """The movement symbols in words, as the list and the chart draw them."""
    return tr("movement_legend") + ": " + " · ".join(f"{symbol} {tr('movement_' + key)}" for key, symbol in MOVE_SYMBOLS.items())


#: The movement glyph of each movement in the list (the chart draws the same shapes).
MOVE_SYMBOLS: dict[str, str] = {"new": "★", "moved_in": "▲", "moved_out": "▼"}


def numbered_blips(edition: int, domain: str | None, language: str) -> pd.DataFrame:
    """The radar's blips numbered as radar.service.radar_timeline numbers them: a technology has one number in
    every edition, on the combined radar and on every domain radar, so the time control moves it without renumbering."""
    blips = radar_blips(edition, domain, language)
    if len(blips) == 0:
        return blips
    from radar import pipeline

    # The combined timeline's numbers are every radar's (a domain's timeline carries the same): one cached call for all.
    numbers = radar_timeline(None)[["technology", "number"]].drop_duplicates("technology")
    return pipeline.number_blips(blips.drop(columns="number"), reference=numbers)


def radar_explorer(notice: object | None = None, pick_domain: bool = False) -> tuple[int, str | None]:
    """Radar beside its controls and numbered list; a click on a blip opens its detail over the page.

    The chart takes the top left of the page, drawn for the width of its column and the height
    the screen leaves below its top (measured in the browser), so at 1280 x 720 it is whole in view;
    the pickers (domain when `pick_domain`, edition), the sample-data notice (into `notice` when
    given, else beside the radar), search, filters and the list sit in the column beside it.
    Returns the (edition, domain) shown; domain None is the combined radar.
    """
    language = lang()
    chart_col, side = st.columns([2.7, 1.3], gap="medium")
    key = f"radar-{'domain' if pick_domain else 'all'}"
    with side:
        domain = domain_picker() if pick_domain else None
        edition = edition_timeline()
        show_trails = trails_toggle(edition)
        sample_notice(edition, notice or st.container())
        try:
            blips = numbered_blips(edition, domain, language)
        except RadarError as error:
            show_error(error)
            return edition, domain
        shown = filter_controls(blips)
    with chart_col:
        # Mounted after the pickers: its first measurement reruns the script, which must not cut the
        # first run short before the pickers have taken their value from the link (?domain=).
        width, room = screen_size(f"screen-{key}", tr("radar_aria"))
    cats = categories(language)
    fig_width, fig_height = chart.screen_figure_size(width, room)
    # One category shown (a filter or a search): its sector takes the whole radar, so a crowded
    # sector can be read; the other sectors' blips are not shown anyway.
    zoomed = shown["category"].nunique() == 1 and len(shown) < len(blips)
    drawn_cats = cats[cats["id"].isin(shown["category"])] if zoomed else cats
    shown = chart.fit_blips(shown, drawn_cats, fig_width, fig_height)
    trails = None
    if show_trails:  # each technology's earlier positions, from the radar of each edition drawn at this size
        trails = chart.trail_positions(shown, radar_timeline(domain), drawn_cats, edition, fig_width, fig_height)
    with side:
        respondents = explain.count_text(respondent_count(edition, domain), language)
        counted = tr("count_respondents_domain" if domain else "count_respondents", n=respondents)
        st.caption(tr("shown_count", shown=len(shown), total=len(blips)) + " · " + counted)
        st.caption(movement_key())
        ring_list(shown)
    with chart_col:
        colors = chart.category_colors(cats["id"].tolist())
        fig = chart.radar_figure(
            shown, drawn_cats, language, height=fig_height, width=width and fig_width, legend=False, colors=colors, trails=trails
        )
        if zoomed:
            st.caption(tr("radar_zoomed", category=plain(str(drawn_cats["name"].iloc[0]))))
        if not chart.numbers_shown(fig):
            st.caption(tr("radar_crowded"))
        config = chart_config(edition, domain)
        event = st.plotly_chart(
            fig, key=key, on_select="rerun", selection_mode="points", theme=None, config=config, width="content"
        )
        if trails is not None:
            st.caption(tr("trails_caption", first=int(trails["edition"].min()), last=edition))
        with st.expander(tr("tab_table"), icon=":material/table:"):
            radar_table(shown)
    clicked = _pick_from_event(event, key)
    if len(shown) == 0:
        st.warning(tr("nothing_matches"))
        return edition, domain
    names = dict(zip(shown["technology"], shown["number"].astype(str) + ". " + shown["name"], strict=True))
    if clicked in names:
        st.dialog(plain(names[clicked]), width="large")(technology_panel)(clicked, edition, heading=False)
    if st.session_state.get("detail_pick") not in names:
        st.session_state.pop("detail_pick", None)
    st.caption(tr("click_hint"))
    pick = st.selectbox(
        tr("open_detail"), list(names), key="detail_pick", format_func=names.get, index=None, placeholder=tr("choose_technology")
    )
    if pick and pick != clicked:  # the dialog shows it already (and its charts' keys)
        with st.container(border=True):
            technology_panel(pick, edition)
    return edition, domain


def domain_radars(edition: int) -> None:
    """One small radar per domain for `edition`, side by side (a narrow screen wraps them), each named above it.

    The same numbers and category colours as the large radar; the blips carry no numbers (too small), and the
    hover card names each one."""
    language = lang()
    cats = categories(language)
    colors = chart.category_colors(cats["id"].tolist())
    doms = domains(language)
    heading = tr("small_radars_heading", edition=edition)
    st.markdown(f"**{heading}**")
    with st.container():  # alone in its block, so the measurement labels no chart
        width, _ = screen_size("screen-small-radars", heading)
    size = chart.small_radar_size(width, len(doms))
    with st.container(horizontal=True, gap="small"):
        for domain_id, name in zip(doms["id"], doms["name"], strict=True):
            with st.container(width=size, gap=None):
                st.markdown(f"**{plain(name)}**")
                blips = numbered_blips(edition, domain_id, language)
                fig = chart.small_radar_figure(blips, cats, language, size=size, colors=colors)
                config = chart_config(edition, domain_id, "lille")
                st.plotly_chart(fig, key=f"small-radar-{domain_id}", theme=None, config=config, width="content")
    st.caption(tr("small_radars_caption"))
    key = " &ensp; ".join(
        f"<span style='white-space:nowrap'><span aria-hidden='true' style='display:inline-block;width:.75em;"
        f"height:.75em;border-radius:50%;background:{colors[c]}'></span>&nbsp;{plain(n)}</span>"
        for c, n in zip(cats["id"], cats["name"], strict=True)
    )
    st.html(f"<div class='category-key'>{key}</div>")  # which colour is which category, as the large radar's sector labels say


def _pick_from_event(event: object, chart_key: str) -> str | None:
    """The technology a new click on the chart chose, once per click (a rerun for another reason opens nothing)."""
    points = getattr(getattr(event, "selection", None), "points", None) or (event or {}).get("selection", {}).get("points", [])
    if not points:
        st.session_state.pop("_last_click", None)
        return None
    technology = points[0].get("customdata")
    if isinstance(technology, list):
        technology = technology[0]
    marker = (chart_key, technology)
    if technology and st.session_state.get("_last_click") != marker:
        st.session_state["_last_click"] = marker
        return technology
    return None


def ring_list(blips: pd.DataFrame) -> None:
    """The numbered list beside the radar, grouped by ring as the well-known radars do."""
    st.markdown(f"**{tr('list_heading')}**")
    groups = []
    for ring in config.RING_KEYS:
        part = blips[blips["ring"] == ring].sort_values("number")
        if part.empty:
            continue
        lines = [f"<div class='ring-head'>{tr('ring_' + ring)}</div>"]
        for _, row in part.iterrows():
            flag = " ⚠" if row["low_n"] else ""
            move = f" {MOVE_SYMBOLS[row['movement']]}" if row["movement"] in MOVE_SYMBOLS else ""
            lines.append(f"<div class='blip-item'><b>{row['number']}</b>&nbsp; {plain(row['name'])}{move}{flag}</div>")
        groups.append("<div class='ring-group'>" + "".join(lines) + "</div>")
    # One block for all rings, so a projector view can set it in columns without splitting a ring's head from its list.
    st.html("<div class='ring-list'>" + "".join(groups) + "</div>")


def radar_table(blips: pd.DataFrame) -> None:
    """The accessible table view: the same information as the chart, each number written as the hover writes it.

    The numbers stay numbers (the table sorts by value); a pandas Styler writes them in the UI
    language through radar.explain, so a column has no printf format of its own.
    """
    cats = categories(lang())
    view = explain.radar_table(blips, dict(zip(cats["id"], cats["name"], strict=True)), lang())
    st.dataframe(
        _styled(view),
        hide_index=True,
        width="stretch",
        column_config={
            "number": st.column_config.NumberColumn(tr("col_number"), width="small"),
            "name": st.column_config.TextColumn(tr("col_technology")),
            "category": st.column_config.TextColumn(tr("col_category")),
            "ring": st.column_config.TextColumn(tr("col_ring")),
            "score": st.column_config.NumberColumn(tr("col_score"), help=tr("help_score")),
            "why": st.column_config.TextColumn(tr("col_why"), help=tr("help_why"), width="large"),
            "maturity": st.column_config.NumberColumn(tr("col_maturity"), help=tr("help_maturity")),
            "adoption": st.column_config.NumberColumn(tr("col_adoption"), help=tr("help_adoption")),
            "n": st.column_config.NumberColumn(tr("col_n_stage"), help=tr("help_n_stage")),
            "relevance": st.column_config.NumberColumn(tr("col_relevance"), help=tr("help_relevance")),
            "n_relevance": st.column_config.NumberColumn(tr("col_n_relevance"), help=tr("help_n_relevance")),
            "movement": st.column_config.TextColumn(tr("col_movement")),
            "low_n": st.column_config.CheckboxColumn(tr("col_low_n"), help=tr("low_n_help", low_n=config.LOW_N)),
        },
    )


def _styled(view: pd.DataFrame) -> object:
    """`view` with its number columns written by radar.explain in the UI language."""
    formatters = explain.table_formatters(lang())
    return view.style.format({column: fn for column, fn in formatters.items() if column in view})


def technology_panel(technology: str, edition: int, heading: bool = True) -> None:
    """Detail of one technology: description, maturity, adoption stages, rings by domain, use cases, history.

    `heading` False leaves out the name (a dialog already carries it as its title)."""
    language = lang()
    try:
        detail = technology_detail(technology, edition, language)
    except RadarError as error:
        show_error(error)
        return
    by_scope = detail["by_scope"].copy()
    by_scope["label"] = by_scope["scope_name"].fillna(tr("detail_scope_combined"))
    combined = by_scope.iloc[0]
    if heading:
        st.subheader(plain(detail["name"]))
    st.markdown(plain(detail["description"]))
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(tr("col_ring"), tr("ring_" + combined["ring"]) if isinstance(combined["ring"], str) else "–", help=tr("help_score"))
    m2.metric(tr("col_score"), explain.score_text(combined["score"], language), help=tr("help_score"))
    relevance = explain.share_text(combined["relevance"], language)
    m3.metric(tr("col_relevance"), relevance, help=tr("help_relevance") + " " + tr("help_n_relevance"))
    m4.metric(tr("col_n_stage"), explain.count_text(combined["n"], language), help=tr("help_n_stage"))
    st.markdown(explain.ring_reason(combined["maturity"], combined["adoption"], combined["score"], combined["ring"], language))
    with_stage, on_relevance = (explain.count_text(combined[column], language) for column in ("n", "n_relevance"))
    st.caption(tr("detail_counts", stage=with_stage, relevance=on_relevance))
    st.markdown(tr("detail_maturity", label=tr(f"maturity_{int(combined['maturity'])}")))
    st.markdown(f"**{tr('detail_adoption')}**")
    st.plotly_chart(
        chart.stage_bar_figure(by_scope, language),
        theme=None,
        config=chart_config(edition, None, technology),
        key=f"stages-{technology}",
    )
    st.markdown(f"**{tr('detail_value')}**", help=tr("detail_value_help"))
    values = detail["values"].assign(label=detail["values"]["scope_name"].fillna(tr("detail_scope_combined")))
    st.markdown("\n".join(
        "- " + tr("detail_value_scope", scope=plain(row["label"]), mix=value_question.mix_text(row, language))
        for _, row in values.iterrows()
    ))  # fmt: skip
    st.markdown(f"**{tr('detail_rings_by_domain')}**")  # the whole width: each row says why in words
    st.dataframe(
        _styled(explain.scope_table(by_scope, language)),
        hide_index=True,
        width="stretch",
        column_config={
            "scope": st.column_config.TextColumn(tr("domain")),
            "ring": st.column_config.TextColumn(tr("col_ring")),
            "score": st.column_config.NumberColumn(tr("col_score"), help=tr("help_score")),
            "why": st.column_config.TextColumn(tr("col_why"), help=tr("help_why"), width="large"),
            "n": st.column_config.NumberColumn(tr("col_n_stage"), help=tr("help_n_stage")),
        },
    )
    st.markdown(f"**{tr('detail_use_cases')}**")
    if detail["use_cases"].empty:
        st.caption(tr("detail_no_use_cases"))
    for _, row in detail["use_cases"].iterrows():
        st.markdown(f"- **{plain(row['domain_name'])}:** {plain(row['text'])}")
    technology_paths(detail["paths"], technology, edition)


def technology_paths(paths: pd.DataFrame, technology: str, edition: int) -> None:
    """The technology's score across editions, combined and per domain, over the ring bands."""
    language = lang()
    rings = [
        tr("detail_paths_ring_from", ring=tr("ring_" + key), value=explain.bound_text(cut, language))
        if cut > 0 else tr("detail_paths_ring_below", ring=tr("ring_" + key))
        for key, cut in config.DEFAULT_CUTOFFS.items()
    ]  # fmt: skip
    st.markdown(f"**{tr('detail_paths')}**", help=tr("detail_paths_help", rings=", ".join(rings)))
    first = int(paths["edition"].min()) if len(paths) else None
    if first is not None and first > min(int(y) for y in editions()["year"]):
        st.caption(tr("detail_paths_entered", year=first))
    st.plotly_chart(
        chart.path_figure(paths, language, tr("detail_scope_combined")),
        theme=None,
        config=chart_config(edition, None, technology),
        key=f"history-{technology}",
    )


CSS = """
<style>
[data-testid="stMainBlockContainer"] {padding-top: 3.6rem;}
.ring-list .ring-head {font-weight: 700; letter-spacing: .04em; margin-top: .6rem; color: #0b4f8a;}
.ring-list .blip-item {font-size: 1rem; line-height: 1.45;}
/* Streamlit's caption (its text colour at opacity 0.6, #828180) is 3.9:1 on white; this one reaches WCAG AA (6.4:1). */
[data-testid="stCaptionContainer"] {color: #5f5e5c !important; opacity: 1 !important;}
</style>
"""


#: Streamlit's file uploader speaks English of its own ("Upload", "20MB per file", and its refusal of
#: a file over the limit or of another type, before the app sees it); this says the same in the UI language.
UPLOAD_REFUSED_CSS = """
<style>
[data-testid="stFileUploader"] [role="alert"] {{font-size: 0;}}
[data-testid="stFileUploader"] [role="alert"]::after {{content: "{text}"; font-size: .875rem;}}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p {{font-size: 0;}}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after {{
  content: "{button}"; font-size: .875rem;
}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0;}}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{content: "{limit}"; font-size: .875rem;}}
</style>
"""


def page_style() -> None:
    """Small CSS for the ring list and the uploader's refusal in the UI language; no external fonts or assets."""
    from radar.formats.limits import MAX_FILE_BYTES

    max_mb = MAX_FILE_BYTES // (1024 * 1024)
    words = {
        "text": tr("upload_refused", max_mb=max_mb),
        "button": tr("upload_button"),
        "limit": tr("upload_limit", max_mb=max_mb),
    }
    st.html(CSS + UPLOAD_REFUSED_CSS.format(**{k: v.replace("\\", "").replace('"', "'") for k, v in words.items()}))
