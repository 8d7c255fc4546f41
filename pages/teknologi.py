"""One technology in detail; ?tech=<id> opens it directly (an unknown id is said, not replaced)."""

import streamlit as st

from radar import ui

ui.page_header("detail_title")
notice = st.empty()  # filled once the edition is known
left, right = st.columns(2)
with left:
    technology = ui.technology_picker()
with right:
    edition = ui.edition_picker()
ui.sample_notice(edition, notice)
if technology is not None:
    ui.technology_panel(technology, edition)
