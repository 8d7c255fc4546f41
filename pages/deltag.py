"""Deltag: a participant's phone in a workshop round, /deltag?kode=CODE (see radar.ui_workshop)."""

from radar import ui_workshop

ui_workshop.participant_page()
