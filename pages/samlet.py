"""Samlet radar: all domains pooled."""

import streamlit as st

from radar import ui

st.title(ui.tr("combined_title"))
st.caption(ui.tr("combined_intro"))
ui.sample_notice()
edition = ui.edition_picker()
ui.radar_explorer(edition, domain=None)
