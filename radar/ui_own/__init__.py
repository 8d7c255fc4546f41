"""Streamlit glue of "Lav jeres egen radar", split by view: start (list, bin, new, open export),
workspace (one radar), entries (the editing table), exports, present (projector view); state holds
what they share. The logic lives below in radar.own and radar.db.own."""

from __future__ import annotations

import streamlit as st

from radar import config
from radar.ui import page_header, sample_notice
from radar.ui_own.entries import EDITOR_FIELDS, editor_updates
from radar.ui_own.start import manage_radars
from radar.ui_own.state import current_radar, flash, scroll_to_top
from radar.ui_own.workspace import workspace

__all__ = ["EDITOR_FIELDS", "editor_updates", "flash", "page"]


#: The print stylesheet of this page (a constant file of ours, no user text).
PRINT_CSS = config.PACKAGE_DIR / "assets" / "print.css"


def print_style() -> None:
    """The page's print stylesheet: the browser's own print shows the radar and the lists, no controls."""
    st.html(f"<style>{PRINT_CSS.read_text('utf-8')}</style>")


def page() -> None:
    """The whole page: the start (new radar, open an export, the list in local mode), or the radar of its link."""
    link = current_radar()
    print_style()
    scroll_to_top()
    if link is None:
        page_header("own_title", "own_intro")
        sample_notice()
        manage_radars()
    else:
        workspace(link)
