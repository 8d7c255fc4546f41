"""Zalando and Backstage radar JSON, from small fixture files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from radar.errors import ImportError_
from radar.formats import ACCEPTED_WITH_CHANGE, REJECTED, read_backstage_json, read_radar_file, read_zalando_json

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def zalando() -> bytes:
    return (FIXTURES / "zalando_small.json").read_bytes()


def test_zalando_without_config_maps_rings_by_position(zalando: bytes) -> None:
    result = read_radar_file(zalando, "config.json")
    assert result.format == "zalando_json"
    assert result.meta.date == "2026.05"
    assert [(e.name, e.category, e.ring, e.ring_raw) for e in result.entries] == [
        ("Kunstig intelligens", "0", "klar", "0"),
        ("Droner", "1", "afproev", "1"),
        ("CI/CD", "2", "hold_oeje", "2"),
        ("Blockchain", "3", "afvent", "3"),
        ("Kvantecomputere", "3", None, "4"),
    ]
    assert result.unknown_rings == ("4",)
    assert result.unknown_quadrants == ("0", "1", "2", "3")
    assert [r.status for r in result.report][-1] == REJECTED  # empty label


def test_zalando_movement_links_and_details(zalando: bytes) -> None:
    entries = {e.name: e for e in read_zalando_json(zalando).entries}
    assert [e.movement for e in entries.values()] == ["unchanged", "new", "moved_out", "moved_in", None]
    assert entries["Kunstig intelligens"].description == (
        '<a href="https://example.dk/ai" rel="noopener noreferrer">https://example.dk/ai</a>'
    )
    assert entries["CI/CD"].description == ""  # javascript: link dropped
    assert entries["Blockchain"].description == ""
    assert entries["Kvantecomputere"].description == "Langt fra <b>drift</b>"


def test_zalando_with_config_uses_its_names(zalando: bytes) -> None:
    config = (FIXTURES / "zalando_small_config.json").read_bytes()
    result = read_radar_file(zalando, config=config)
    assert [(e.category, e.ring, e.ring_raw) for e in result.entries] == [
        ("Data og AI", "klar", "ADOPT"),
        ("Robotter", "afproev", "TRIAL"),
        ("Infrastruktur", None, "RETAIN"),
        ("Nye teknologier", "afvent", "HOLD"),
        ("Nye teknologier", None, "REJECTED"),
    ]
    assert result.unknown_rings == ("RETAIN", "REJECTED")
    direct = read_zalando_json(zalando, config=json.loads(config))
    assert direct.entries == result.entries


def test_zalando_config_that_is_not_json_is_a_clear_error(zalando: bytes) -> None:
    with pytest.raises(ImportError_) as caught:
        read_radar_file(zalando, config=b"const config = { quadrants: [] }")
    assert caught.value.key == "import_config_invalid"


@pytest.fixture(scope="module")
def backstage() -> bytes:
    return (FIXTURES / "backstage_small.json").read_bytes()


def test_backstage_newest_timeline_item_gives_ring_movement_and_reason(backstage: bytes) -> None:
    result = read_radar_file(backstage)
    assert result.format == "backstage_json"
    assert result.meta.name == "Kommunens teknologiradar"
    cloud, precommit, maven, unknown, empty = result.entries
    assert (cloud.ring, cloud.ring_raw, cloud.category) == ("afvent", "Avstå", "Infrastruktur")
    assert cloud.ring_reason == "Flyttet fra bruk til avstå\n\nfor at undgå binding"
    # moved=2 is outside Backstage's -1/0/1: derived from bruk -> avstå instead
    assert cloud.movement == "moved_out"
    assert "import_movement_derived" in [r.key for r in result.report[0].reasons]
    # timeline given oldest first: the newest date still wins
    assert (precommit.name, precommit.ring, precommit.movement) == ("Pre-commit", "klar", "moved_in")
    assert precommit.ring_reason == "I brug i alle teams"
    assert (maven.ring, maven.movement) == ("afvent", "moved_out")
    assert maven.description == (  # the ftp link is dropped
        'Byggeværktøj<br><a href="https://example.dk/maven" rel="noopener noreferrer">https://example.dk/maven</a>'
    )
    assert (unknown.ring, unknown.ring_raw, unknown.category) == (None, "måske", "sikkerhed")
    assert (empty.ring, empty.ring_raw) == (None, "")
    assert result.unknown_rings == ("måske",)
    assert result.report[4].status == ACCEPTED_WITH_CHANGE
    assert [r.key for r in result.report[4].reasons] == ["import_ring_missing"]


def test_backstage_reader_refuses_zalando_files(zalando: bytes) -> None:
    with pytest.raises(ImportError_) as caught:
        read_backstage_json(zalando)
    assert caught.value.key == "import_json_shape"
