"""Samlet radar: all domains pooled."""

from radar import ui

ui.page_header("combined_title", "combined_intro")
ui.radar_explorer()  # the sample-data notice sits beside the radar, so the radar starts high on the page
