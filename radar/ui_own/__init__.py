"""Streamlit glue of "Lav jeres egen radar", split by view: start (list, bin, new, open export),
workspace (one radar), entries (the editing table), exports, present (projector view); state holds
what they share. The logic lives below in radar.own and radar.db.own."""

from __future__ import annotations

from radar.ui import page_header, sample_notice
from radar.ui_own.entries import EDITOR_FIELDS, editor_updates
from radar.ui_own.start import manage_radars
from radar.ui_own.state import current_radar, flash, scroll_to_top
from radar.ui_own.workspace import workspace

__all__ = ["EDITOR_FIELDS", "editor_updates", "flash", "page"]


def page() -> None:
    """The whole page: the start (new radar, open an export, the list in local mode), or the radar of its link."""
    link = current_radar()
    scroll_to_top()
    if link is None:
        page_header("own_title", "own_intro")
        sample_notice()
        manage_radars()
    else:
        workspace(link)
