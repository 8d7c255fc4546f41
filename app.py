"""Entry point: page config, navigation and the language switch. No data work here."""

import streamlit as st

from radar import ui, ui_workshop

# A local icon file: a Material or emoji page icon would be fetched from the internet.
st.set_page_config(page_title="Teknologiradar", page_icon=str(ui.ICON), layout="wide")
ui.page_style()

combined = st.Page("pages/samlet.py", title=ui.tr("nav_combined"), icon=":material/radar:", url_path="radar", default=True)
pages = [
    combined,
    st.Page("pages/fagomraader.py", title=ui.tr("nav_domains"), icon=":material/category:", url_path="fagomraader"),
    st.Page("pages/egen_radar.py", title=ui.tr("nav_own"), icon=":material/edit_note:", url_path="egen-radar"),
    st.Page("pages/teknologi.py", title=ui.tr("nav_technology"), icon=":material/memory:", url_path="teknologi"),
    st.Page("pages/importer.py", title=ui.tr("nav_import"), icon=":material/upload_file:", url_path="import"),
    st.Page("pages/modenhed.py", title=ui.tr("nav_maturity"), icon=":material/speed:", url_path="modenhed"),
    st.Page("pages/om.py", title=ui.tr("nav_about"), icon=":material/help:", url_path="om"),
]
# Workshop rounds: the participant's phone (/deltag?kode=CODE) and the round on the projector, reached by links only.
pages.append(st.Page("pages/deltag.py", title=ui.tr("nav_join"), url_path="deltag", visibility="hidden"))
pages.append(st.Page(ui_workshop.projector_page, title=ui.tr("nav_workshop_projector"), url_path="workshop", visibility="hidden"))
# The combined radar is served at /; an old link or bookmark to /samlet lands there too.
pages.append(st.Page(lambda: st.switch_page(combined), title=ui.tr("nav_combined"), url_path="samlet", visibility="hidden"))
st.navigation(pages, position="top").run()
