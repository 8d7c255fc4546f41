"""Every user-facing string, Danish first and English beside it.

One catalogue, grouped in sections by area. Keys are stable; texts may change.
`t(key, lang, **params)` formats with str.format. Tests check every key has both languages.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("da", "en")
DEFAULT_LANGUAGE = "da"

CATALOGUE: dict[str, dict[str, str]] = {
    # --- app and navigation -------------------------------------------------------------
    "app_title": {"da": "Teknologiradar", "en": "Technology radar"},
    "language": {"da": "Sprog", "en": "Language"},
    "lang_da": {"da": "Dansk", "en": "Dansk"},
    "lang_en": {"da": "English", "en": "English"},
    # --- rings ------------------------------------------------------------------------------
    "ring_klar": {"da": "KLAR", "en": "READY"},
    "ring_afproev": {"da": "AFPRØV", "en": "TRIAL"},
    "ring_hold_oeje": {"da": "HOLD ØJE", "en": "WATCH"},
    "ring_afvent": {"da": "AFVENT", "en": "WAIT"},
    # --- foundation (radar pages, method) ---------------------------------------------------
    # --- own radar (make your own radar) ----------------------------------------------------
    # --- formats and import -----------------------------------------------------------------
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for `key` in `lang`, with `params` filled in; unknown keys raise KeyError."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text
