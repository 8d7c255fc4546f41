"""Lav jeres egen radar: build, keep, share, present and export a municipality's own radar.

?radar=<id> opens a radar (the share link); &present=1 opens the projector view.
"""

from radar import ui_own

ui_own.page()
