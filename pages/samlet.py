"""Samlet radar: all domains pooled."""

import streamlit as st

from radar import ui

ui.page_header("combined_title", "combined_intro")
notice = st.empty()  # filled once the edition is known
left, right = st.columns([1, 2], vertical_alignment="bottom")
with left:
    edition = ui.edition_picker()
ui.sample_notice(edition, notice)
ui.radar_explorer(edition, domain=None, controls=right)
