"""Modenhed: the digital-maturity self-assessment answered alone (see radar.ui_maturity)."""

from radar import ui_maturity

ui_maturity.page()
