"""Foreign rings, movements and yes/no values -> ours; mapping steps on a result."""

from __future__ import annotations

import pytest

from radar.formats import apply_category_mapping, apply_ring_mapping, read_radar_file
from radar.formats.mapping import default_ring, parse_bool, parse_movement, parse_status, resolve_ring

from .helpers import BYOR_HEADER, csv_bytes


@pytest.mark.parametrize(
    ("raw", "ring"),
    [
        ("adopt", "klar"),
        ("Adopt", "klar"),
        (" Adopt", "klar"),
        ("TRIAL", "afproev"),
        ("assess", "hold_oeje"),
        ("hold", "afvent"),
        ("caution", "afvent"),
        ("KLAR", "klar"),
        ("AFPRØV", "afproev"),
        ("AFPROEV", "afproev"),
        ("afprøv", "afproev"),
        ("HOLD ØJE", "hold_oeje"),
        ("hold_oeje", "hold_oeje"),
        ("Hold øje", "hold_oeje"),
        ("AFVENT", "afvent"),
        ("Ta i bruk", "klar"),
        ("ta  i  bruk", "klar"),
        ("TAIBRUK", "klar"),
        ("Prøv ut", "afproev"),
        ("Vurder", "hold_oeje"),
        ("Utforsk", "hold_oeje"),
        ("Avvent", "afvent"),
        ("Unngå", "afvent"),
        ("Bruk", "klar"),
        ("Avstå", "afvent"),
    ],
)
def test_default_ring_mapping(raw: str, ring: str) -> None:
    assert default_ring(raw) == ring
    assert resolve_ring(raw)[0] == ring


@pytest.mark.parametrize("raw", ["explore", "endure", "retire", "RETAIN", "ASSESS / INTEGRATE", "7"])
def test_unknown_rings_are_kept_for_the_mapping_step(raw: str) -> None:
    ring, reasons = resolve_ring(raw)
    assert ring is None
    assert [r.key for r in reasons] == ["import_ring_unknown"]
    assert reasons[0].params == {"raw": raw}


@pytest.mark.parametrize(
    ("raw", "reason_keys"),
    [("klar", []), ("HOLD ØJE", []), ("adopt", ["import_ring_mapped"]), ("", ["import_ring_missing"])],
)
def test_only_foreign_ring_names_count_as_mapped(raw: str, reason_keys: list[str]) -> None:
    assert [r.key for r in resolve_ring(raw)[1]] == reason_keys


@pytest.mark.parametrize(
    ("raw", "movement"),
    [
        ("new", "new"),
        ("moved in", "moved_in"),
        ("Moved Out", "moved_out"),
        ("no change", "unchanged"),
        ("unchanged", "unchanged"),
        ("moved_in", "moved_in"),
        ("ny", "new"),
        ("flyttet ud", "moved_out"),
        ("sideways", None),
    ],
)
def test_parse_movement(raw: str, movement: str | None) -> None:
    assert parse_movement(raw) == movement


@pytest.mark.parametrize(
    ("raw", "value"),
    [(True, True), ("TRUE", True), ("true", True), ("Ja", True), ("FALSE", False), ("false", False), ("0", False),
     ("maybe", None), ("", None), (None, None)],
)  # fmt: skip
def test_parse_bool(raw: object, value: bool | None) -> None:
    assert parse_bool(raw) is value


@pytest.mark.parametrize(
    ("raw", "stage"),
    [("0", 0), ("3", 3), ("2.0", 2), ("overvejer ikke", 0), ("Overvejer", 1), ("afprøver", 2), ("I drift", 3),
     ("4", None), ("-1", None), ("1.5", None), ("x", None)],
)  # fmt: skip
def test_parse_status(raw: str, stage: int | None) -> None:
    assert parse_status(raw) == stage


def _custom_ring_file() -> bytes:
    return csv_bytes(
        [
            BYOR_HEADER,
            ("lodash", "adopt", "NPM Packages", "false", ""),
            ("moment", "retire", "NPM Packages", "false", ""),
            ("NUnit", "explore", "Automated Testing", "false", ""),
            ("xunit", "Explore", "Automated Testing", "false", ""),
        ]
    )


def test_apply_ring_mapping_fills_unknown_rings_and_updates_the_report() -> None:
    result = read_radar_file(_custom_ring_file())
    assert result.unknown_rings == ("retire", "explore")  # "Explore" is the same ring
    assert [e.ring for e in result.entries] == ["klar", None, None, None]

    mapped = apply_ring_mapping(result, {"explore": "hold_oeje"})
    assert [e.ring for e in mapped.entries] == ["klar", None, "hold_oeje", "hold_oeje"]
    assert mapped.unknown_rings == ("retire",)
    row = next(r for r in mapped.report if r.name == "NUnit")
    assert [r.key for r in row.reasons] == ["import_ring_mapped"]
    assert row.reasons[0].params == {"raw": "explore", "ring": "hold_oeje"}
    # pure: the original result is untouched
    assert result.unknown_rings == ("retire", "explore")
    assert result.entries[2].ring is None


def test_apply_ring_mapping_can_override_a_default() -> None:
    result = read_radar_file(_custom_ring_file())
    assert apply_ring_mapping(result, {"ADOPT": "afproev"}).entries[0].ring == "afproev"


def test_apply_ring_mapping_refuses_unknown_ring_keys() -> None:
    with pytest.raises(ValueError):
        apply_ring_mapping(read_radar_file(_custom_ring_file()), {"retire": "gone"})


def test_apply_category_mapping_maps_quadrants_to_our_categories() -> None:
    result = read_radar_file(_custom_ring_file())
    assert result.unknown_quadrants == ("NPM Packages", "Automated Testing")
    mapped = apply_category_mapping(result, {"npm packages": "apps"})
    assert [e.category for e in mapped.entries] == ["apps", "apps", "Automated Testing", "Automated Testing"]
    assert mapped.unknown_quadrants == ("Automated Testing",)


def test_known_categories_are_not_reported_as_unknown() -> None:
    result = read_radar_file(_custom_ring_file(), known_categories=["Automated testing"])
    assert result.unknown_quadrants == ("NPM Packages",)
