"""One technology in detail; ?tech=<id> opens it directly."""

import streamlit as st

from radar import ui

ui.page_header("detail_title")
notice = st.empty()  # filled once the edition is known
techs = ui.technologies(ui.lang())
names = dict(zip(techs["id"], techs["name"], strict=True))
ui.url_state("tech", "tech", lambda raw: raw if raw in names else next(iter(names)))
left, right = st.columns(2)
with left:
    technology = st.selectbox(
        ui.tr("choose_technology"), list(names), key="tech", format_func=names.get, placeholder=ui.tr("choose_option")
    )
with right:
    edition = ui.edition_picker()
ui.sample_notice(edition, notice)
ui.url_write("tech", technology)
ui.technology_panel(technology, edition)
