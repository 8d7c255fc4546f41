"""Samlet radar: all domains pooled."""

import streamlit as st

from radar import ui

ui.page_header("combined_title", "combined_intro")
ui.sample_notice()
left, right = st.columns([1, 2], vertical_alignment="bottom")
with left:
    edition = ui.edition_picker()
ui.radar_explorer(edition, domain=None, controls=right)
