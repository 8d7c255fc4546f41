"""Fagområder: one domain's radar, and a technology × domain comparison."""

import streamlit as st

from radar import chart, ui

ui.page_header("domains_title", "domains_intro")
notice = st.empty()  # filled once the edition is known
left, right = st.columns(2)
with left:
    domain = ui.domain_picker()
with right:
    edition = ui.edition_picker()
ui.sample_notice(edition, notice)
tab_radar, tab_compare = st.tabs([ui.tr("tab_radar"), ui.tr("tab_compare")])
with tab_radar:
    ui.radar_explorer(edition, domain=domain)
with tab_compare:
    st.caption(ui.tr("compare_intro"))
    matrix = ui.load("domain_matrix", edition, ui.lang())
    st.plotly_chart(chart.heatmap_figure(matrix, ui.lang()), theme=None, config=ui.PLOTLY_CONFIG, key="compare")
