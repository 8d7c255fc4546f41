"""Samlet radar: all domains pooled."""

import streamlit as st

from radar import ui

ui.page_header("combined_title", "combined_intro")
notice = st.empty()  # the sample-data notice, once the edition is known
ui.radar_explorer(notice)
