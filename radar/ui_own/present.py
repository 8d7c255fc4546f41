"""The projector view of an open radar: one large view at a time, big fonts, no editing widgets."""

from __future__ import annotations

import streamlit as st

from radar.safe import plain
from radar.ui import PLOTLY_CONFIG, language_switch, ring_list, tr
from radar.ui_own.state import (
    PRESENT_HEIGHT,
    PRESENT_RADAR_WIDTH,
    Workspace,
    facts,
    gap_table,
    matrix_fig,
    radar_fig,
    sample_reference,
    sync_present,
)

PRESENT_CSS = """
<style>
[data-testid="stMainBlockContainer"] {padding-top: 4.2rem; padding-bottom: 1rem; padding-left: 2rem; padding-right: 2rem;}
/* The numbered list in two columns, so 25 technologies fit beside the radar on a 1280x720 projector. */
.ring-list {columns: 2; column-gap: 1.2rem;}
.ring-list .ring-head {font-size: 1.05rem; break-after: avoid; margin-top: .3rem;}
.ring-list .ring-group {break-inside: avoid-column;}
.ring-list .blip-item {font-size: 1.05rem; line-height: 1.35; break-inside: avoid;}
</style>
"""


def presentation(ws: Workspace) -> None:
    """The projector view: one large view at a time, big fonts, no editing widgets."""
    st.html(PRESENT_CSS)
    views = ["radar", "matrix", "gaps"]
    title, switch, toggle, language = st.columns([4.0, 3.2, 1.6, 1.7], vertical_alignment="center")
    title.markdown(f"### {plain(ws.meta['name'])}")
    title.caption(facts(ws))
    view = switch.segmented_control(
        tr("own_present_view"),
        views,
        default="radar",
        key=f"own-present-view-{ws.link}",
        format_func=lambda v: tr(f"own_view_{v}"),
        label_visibility="collapsed",
        required=True,
    )
    toggle.toggle(tr("own_present"), key="own_present", help=tr("own_present_help"), on_change=sync_present)
    with language:
        language_switch()
    scope = st.session_state.get(f"own-scope-{ws.link}", ws.meta["domain"]) or None
    ghosts = bool(st.session_state.get(f"own-ghosts-{ws.link}"))
    if view == "matrix":
        fig = matrix_fig(ws, presentation=True, height=PRESENT_HEIGHT)
        st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key="own-present-matrix")
    elif view == "gaps":
        gap_table(ws, scope, big=True)
    else:
        left, right = st.columns([2.1, 1], gap="medium")
        with left:
            fig = radar_fig(ws, scope, ghosts, presentation=True, height=PRESENT_HEIGHT, width_hint=PRESENT_RADAR_WIDTH)
            st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key="own-present-radar")
        with right:
            ring_list(ws.blips) if len(ws.blips) else st.info(tr("own_radar_empty" if ws.can_edit else "own_radar_empty_view"))
    if sample_reference():
        # Under the list, not in the caption under the title: there it wrapped and pushed the radar off a 720 px screen.
        (right if view == "radar" else st).caption(tr("sample_short"))
