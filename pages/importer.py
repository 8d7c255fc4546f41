"""Importér: read a radar file from another tool or our own, check it, preview it and keep it as an own radar;
download the national radar as BYOR CSV or our own CSV/Excel/JSON."""

from radar import ui_import

ui_import.page()
