"""The string catalogue stays honest: both languages, same placeholders, every used key exists."""

import re
import string
from pathlib import Path

import pytest

from radar.i18n import CATALOGUE, LANGUAGES, Count, t

PROJECT = Path(__file__).resolve().parents[1]
SOURCES = [*PROJECT.glob("radar/**/*.py"), *PROJECT.glob("pages/*.py"), PROJECT / "app.py"]
# Literal keys passed to the translators: t("key"...), tr("key"...), ui.tr("key"...), RadarError subclasses("key"...).
USED = re.compile(r"""\b(?:t|tr|_t|page_header|Error_?|DataError|ValidationError|ConflictError)\(\s*["']([a-z0-9_]+)["']""")


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES), key
    assert all(entry[lang].strip() for lang in LANGUAGES), key
    assert placeholders(entry["da"]) == placeholders(entry["en"]), key


def test_every_literal_key_in_the_code_exists():
    missing = {}
    for path in SOURCES:
        for key in USED.findall(path.read_text(encoding="utf-8")):
            if not key.endswith("_") and key not in CATALOGUE:  # a trailing _ is a prefix: "ring_" + key
                missing.setdefault(key, path.relative_to(PROJECT).as_posix())
    assert missing == {}


def test_danish_is_the_default_and_english_differs():
    assert t("nav_combined") == "Samlet radar"
    assert t("nav_combined", "en") == "Combined radar"
    assert t("ring_hold_oeje") == "HOLD ØJE"


@pytest.mark.parametrize(
    ("value", "lang", "digits", "expected"),
    [(0.625, "da", 2, "0,62"), (0.625, "en", 2, "0.62"), (4.0, "da", 0, "4"), (None, "da", 2, "–"), (float("nan"), "en", 2, "–")],
)
def test_numbers_are_written_the_way_the_language_writes_them(value, lang, digits, expected):
    from radar.i18n import number

    assert number(value, lang, digits) == expected


def test_a_limit_in_a_message_is_written_as_the_language_writes_numbers() -> None:
    assert t("edition_too_many_rows", "da", max_rows=Count(500_000)) == "Filen har mere end 500.000 rækker."
    assert t("edition_too_many_rows", "en", max_rows=Count(500_000)) == "The file has more than 500,000 rows."
    # A plain int (a year, a row number) is left as it is.
    assert "2026" in t("edition_too_many_rows", "da", max_rows=2026)
