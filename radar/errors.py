"""Typed errors that carry a catalogue key and parameters, translated in one place (ui.show_error)."""

from __future__ import annotations


class RadarError(Exception):
    """Base error: `key` names a message in radar.i18n, `params` fill its placeholders."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(f"{key} {params}" if params else key)
        self.key = key
        self.params = params


class DataError(RadarError):
    """The stored data or seed files are missing or inconsistent."""


class ImportError_(RadarError):
    """An uploaded or imported file could not be read as a radar file."""


class ValidationError(RadarError):
    """User input broke a rule (empty name, ring without reason, ...)."""


class ConflictError(RadarError):
    """A stale edit: someone else changed the same record first."""


class ReadOnlyError(RadarError):
    """A change asked through a view link (or a join code): only the edit link may change a radar."""
