"""Fagområder: one domain's radar (?domain=<slug>), and a technology × domain comparison."""

import streamlit as st

from radar import chart, ui

ui.page_header("domains_title", "domains_intro")
tab_radar, tab_compare = st.tabs([ui.tr("tab_radar"), ui.tr("tab_compare")])
with tab_radar:
    edition, _ = ui.radar_explorer(pick_domain=True)  # the sample-data notice sits beside the radar
with tab_compare:
    ui.domain_radars(edition)
    st.caption(ui.tr("compare_intro"))
    matrix = ui.explained_matrix(edition)
    st.plotly_chart(
        chart.heatmap_figure(matrix, ui.lang()), theme=None, config=ui.chart_config(edition, None, "fagomraader"), key="compare"
    )
