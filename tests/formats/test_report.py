"""The import report: messages exist in both languages and render with their parameters."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from radar.formats import Reason, ReportRow, read_radar_file, render_reason, render_report_row, render_summary
from radar.formats.report import CATALOGUE_KEYS, ERROR_KEYS, REASON_KEYS
from radar.i18n import CATALOGUE, LANGUAGES, t

from .helpers import BYOR_HEADER, csv_bytes

PACKAGE = Path(__file__).parents[2] / "radar" / "formats"
SAMPLE_PARAMS = {
    "field": "name", "raw": "adopt", "ring": "klar", "value": "x", "first_line": 2, "name": "Droner", "max": 120,
    "movement": "moved_out", "size_mb": 21.5, "max_mb": 20, "max_rows": 5000, "sheet": "Ark2", "sheets": "Ark1",
    "columns": "id, titel", "line": 3, "column": 7, "version": "2", "ratio": 400, "start": 3, "end": 7,
}  # fmt: skip


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", CATALOGUE_KEYS)
def test_every_key_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = CATALOGUE[key]
    assert all(entry.get(lang) for lang in LANGUAGES)
    assert _placeholders(entry["da"]) == _placeholders(entry["en"])


def test_every_key_used_in_the_package_is_declared() -> None:
    """Catches a message key typed in code but missing from REASON_KEYS/ERROR_KEYS (and so from the catalogue)."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py"))
    used = set(re.findall(r'(?:Reason|Error_?|Error)\(\s*"(import_[a-z_]+)"', source))
    assert used
    assert used <= set(REASON_KEYS) | set(ERROR_KEYS)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", REASON_KEYS + ERROR_KEYS)
def test_every_message_renders(key: str, lang: str) -> None:
    params = {p: SAMPLE_PARAMS[p] for p in _placeholders(CATALOGUE[key]["da"])}
    text = render_reason(Reason(key, params), lang) if key in REASON_KEYS else t(key, lang, **params)
    assert "{" not in text


def test_danish_messages_use_danish_letters() -> None:
    danish = " ".join(CATALOGUE[k]["da"] for k in CATALOGUE_KEYS)
    assert {"æ", "ø", "å"} <= set(danish)


def test_report_row_renders_field_ring_and_movement_names_in_the_language() -> None:
    row = ReportRow(
        12,
        "accepted_with_change",
        "Droner",
        (Reason("import_trimmed", {"field": "name"}), Reason("import_ring_mapped", {"raw": "assess", "ring": "hold_oeje"})),
    )
    assert render_report_row(row, "da") == (
        "Linje 12 (Droner): Godkendt med ændring – Navn: mellemrum og linjeskift er ryddet op; "
        "ringen »assess« er oversat til HOLD ØJE"
    )
    assert render_report_row(row, "en") == (
        "Line 12 (Droner): Accepted with a change – Name: spaces and line breaks tidied; "
        "the ring “assess” was translated to WATCH"
    )


def test_summary() -> None:
    data = csv_bytes(
        [BYOR_HEADER, ("Droner", "KLAR", "Teknik", "TRUE", ""), ("Apps", "adopt", "", "", ""), ("", "", "", "", "x")]
    )
    result = read_radar_file(data)
    assert render_summary(result, "da") == (
        "Build Your Own Radar (CSV): 3 rækker læst – 1 godkendt, 1 godkendt med ændring, 1 afvist. 2 teknologier."
    )
