"""The local method, validation, gap list and priority matrix of radar.own, on hand-made tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from radar import own
from radar.config import RING_KEYS, ring_score_bands
from radar.errors import ValidationError
from radar.i18n import CATALOGUE, t

CATEGORIES = ["data", "automation", "citizen"]
CATALOGUE_FRAME = pd.DataFrame(
    {
        "id": ["ai", "rpa", "apps", "drones"],
        "name": ["AI", "RPA", "Apps", "Droner"],
        "category": ["data", "automation", "citizen", "automation"],
        "description": ["a", "b", "c", "d"],
    }
)
# national: maturity 1-5, adoption index, score, ring of each catalogue technology
NATIONAL = pd.DataFrame(
    {
        "technology": ["ai", "rpa", "apps", "drones"],
        "maturity": [5, 3, 5, 2],
        "adoption": [0.8, 0.4, 0.9, 0.1],
        "score": [0.9, 0.45, 0.95, 0.175],
        "ring": ["klar", "hold_oeje", "klar", "afvent"],
    }
)


def entries(*rows: dict) -> pd.DataFrame:
    """Stored entries with defaults for every column."""
    base = {f: None for f in own.ENTRY_FIELDS} | {"ring_reason": "", "note": "", "owner": "", "next_step": "", "description": ""}
    frame = pd.DataFrame([base | {"entry_id": f"e{i}", "position": i} | row for i, row in enumerate(rows)])
    for column in ("maturity", "status", "relevance"):
        frame[column] = frame[column].astype("Int64")
    return frame


def table_of(*rows: dict) -> pd.DataFrame:
    return own.local_table(entries(*rows), CATALOGUE_FRAME, NATIONAL)


# --- the local method ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "maturity_source", "adoption", "score", "ring"),
    [
        # catalogue technology: national maturity 5 (m'=1), status 3 (a=1) -> s=1.0
        ({"technology_id": "ai", "name": "AI", "status": 3}, "national", 1.0, 1.0, "klar"),
        # national maturity 5, status 0 -> (1 + 0) / 2 = 0.5
        ({"technology_id": "ai", "name": "AI", "status": 0}, "national", 0.0, 0.5, "afproev"),
        # maturity 3 (m'=0.5), status 1 (a=1/3) -> 0.4167
        ({"technology_id": "rpa", "name": "RPA", "status": 1}, "national", 1 / 3, (0.5 + 1 / 3) / 2, "hold_oeje"),
        # no status: the national adoption (0.4) stands in -> (0.5 + 0.4) / 2 = 0.45
        ({"technology_id": "rpa", "name": "RPA"}, "national", 0.4, 0.45, "hold_oeje"),
        # own technology, no maturity set: default 3 -> m'=0.5; status 2 -> (0.5 + 2/3) / 2
        ({"name": "Vores app", "category": "citizen", "status": 2}, "default", 2 / 3, (0.5 + 2 / 3) / 2, "afproev"),
        # own technology with maturity 5 set by the group, status 3 -> 1.0
        ({"name": "Vores app", "category": "citizen", "status": 3, "maturity": 5}, "own", 1.0, 1.0, "klar"),
        # own maturity 1, status 0 -> 0
        ({"name": "Vores app", "category": "citizen", "status": 0, "maturity": 1}, "own", 0.0, 0.0, "afvent"),
    ],
)
def test_local_method(row, maturity_source, adoption, score, ring):
    result = table_of(row).iloc[0]
    assert result["maturity_source"] == maturity_source
    assert result["adoption"] == pytest.approx(adoption)
    assert result["score"] == pytest.approx(score)
    assert result["ring"] == ring
    assert not result["hand_set"]


def test_own_technology_without_status_is_placed_as_considering():
    table = table_of({"name": "Vores app", "category": "citizen"}, {"technology_id": "ai", "name": "AI", "status": 3})
    row = table.iloc[0]
    # no maturity set: 3 -> m' = 0.5; no status: 1 "overvejer" -> a = 1/3; s = (0.5 + 1/3) / 2
    assert row["score"] == pytest.approx((0.5 + 1 / 3) / 2)
    assert (row["ring"], row["adoption_source"]) == ("hold_oeje", "default")
    assert own.unplaced(table) == []
    assert sorted(own.local_blips(table, CATEGORIES)["technology"]) == sorted(["ai", row["technology"]])


@pytest.mark.parametrize("hand_ring", RING_KEYS)
def test_hand_set_ring_wins_and_the_blip_sits_inside_it(hand_ring):
    table = table_of({"technology_id": "ai", "name": "AI", "status": 3, "ring": hand_ring, "ring_reason": "Gruppen er enig"})
    row = table.iloc[0]
    assert row["ring"] == hand_ring and row["hand_set"] and row["computed_ring"] == "klar"
    low, high = dict(zip(RING_KEYS, ring_score_bands(), strict=True))[hand_ring]
    assert low <= row["position_score"] < high
    blip = own.local_blips(table, CATEGORIES).iloc[0]
    index = RING_KEYS.index(hand_ring)
    assert index / 4 <= blip["r"] <= (index + 1) / 4


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_hand_set_ring_without_a_reason_waits_for_it(reason):
    table = table_of({"technology_id": "ai", "name": "AI", "status": 3, "ring": "afvent", "ring_reason": reason})
    row = table.iloc[0]
    assert (row["ring"], row["hand_set"], row["chosen_ring"], row["ring_pending"]) == ("klar", False, "afvent", True)
    done = table_of({"technology_id": "ai", "name": "AI", "status": 3, "ring": "afvent", "ring_reason": "Vi venter"}).iloc[0]
    assert (done["ring"], done["hand_set"], done["ring_pending"]) == ("afvent", True, False)


def test_blips_have_what_the_radar_draws_and_are_numbered_in_ring_order():
    table = table_of(
        {"technology_id": "drones", "name": "Droner", "status": 0},
        {"technology_id": "ai", "name": "AI", "status": 3},
        {"name": "Vores app", "category": "citizen", "status": 2},
    )
    blips = own.local_blips(table, CATEGORIES)
    for column in ("technology", "number", "name", "category", "ring", "score", "r", "theta", "diameter", "movement",
                   "maturity", "adoption", "relevance", "n", "low_n"):  # fmt: skip
        assert column in blips.columns, column
    assert blips["number"].tolist() == [1, 2, 3]
    assert blips["name"].tolist() == ["AI", "Vores app", "Droner"]
    assert blips["technology"].iloc[1].startswith(own.OWN_PREFIX)


def test_placement_is_deterministic():
    rows = [{"technology_id": tech, "name": tech, "status": s} for tech, s in (("ai", 3), ("rpa", 1), ("apps", 2), ("drones", 0))]
    first = own.local_blips(table_of(*rows), CATEGORIES)
    second = own.local_blips(table_of(*reversed(rows)), CATEGORIES)
    merged = first.merge(second, on="technology")
    assert (merged["r_x"] == merged["r_y"]).all() and (merged["theta_x"] == merged["theta_y"]).all()


# --- gaps ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "phrase"),
    [
        ({"technology_id": "ai", "name": "AI", "status": 0}, "own_gap_not_considered"),  # KLAR nationally, 0 here
        ({"technology_id": "drones", "name": "Droner", "status": 3}, "own_gap_in_use_ahead"),  # AFVENT nationally
        ({"technology_id": "rpa", "name": "RPA", "status": 2}, "own_gap_ahead"),  # HOLD ØJE nationally, AFPRØV here
        ({"technology_id": "apps", "name": "Apps", "status": 1}, "own_gap_behind"),
        ({"technology_id": "ai", "name": "AI", "status": 3}, "own_gap_level"),
        ({"technology_id": "rpa", "name": "RPA"}, "own_gap_not_assessed"),
    ],
)
def test_gap_phrases(row, phrase):
    gaps = own.gap_list(table_of(row), NATIONAL)
    assert gaps["phrase"].tolist() == [phrase]
    for lang in ("da", "en"):
        assert t(phrase, lang, local="A", national="B")


def test_gap_list_biggest_first_without_own_technologies():
    table = table_of(
        {"technology_id": "apps", "name": "Apps", "status": 2},  # small gap
        {"technology_id": "ai", "name": "AI", "status": 0},  # big negative gap
        {"technology_id": "rpa", "name": "RPA"},  # not assessed: last
        {"name": "Vores app", "category": "citizen", "status": 3},  # own: left out
    )
    gaps = own.gap_list(table, NATIONAL)
    assert gaps["name"].tolist() == ["AI", "Apps", "RPA"]
    assert gaps["gap"].iloc[0] == pytest.approx(0.5 - 0.9)
    assert math.isnan(gaps["gap"].iloc[2])
    assert "KLAR nationalt, ikke overvejet her" == t(gaps["phrase"].iloc[0], "da", national="KLAR", local="AFPRØV")


# --- priority matrix -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("maturity", "relevance", "quadrant"),
    [
        (5, 5, "go"),
        (4, 4, "go"),
        (3, 5, "test"),
        (1, 4, "test"),
        (4, 3, "watch"),
        (5, 1, "watch"),
        (3, 3, "leave"),
        (1, 1, "leave"),
    ],
)
def test_quadrants(maturity, relevance, quadrant):
    assert own.quadrant(maturity, relevance) == quadrant
    assert CATALOGUE[f"own_quadrant_{quadrant}"]["da"]


def test_matrix_points_spread_points_in_one_cell_and_skip_unrated():
    table = table_of(
        *({"name": f"Egen {i}", "category": "citizen", "status": 1, "relevance": 4, "maturity": 4} for i in range(11)),
        {"technology_id": "ai", "name": "AI", "status": 1},
    )
    points = own.matrix_points(table)
    assert len(points) == 11
    coords = set(zip(points["x"].round(6), points["y"].round(6), strict=True))
    assert len(coords) == 11
    assert (points["x"] - 4).abs().max() < 0.5 and (points["y"] - 4).abs().max() < 0.5
    assert set(points["quadrant"]) == {"go"}
    again = own.matrix_points(table)
    assert points[["x", "y"]].equals(again[["x", "y"]])


# --- validation -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"name": "", "category": "data"}, "own_error_entry_name_empty"),
        ({"name": "   ", "category": "data"}, "own_error_entry_name_empty"),
        ({"name": "x" * 121, "category": "data"}, "own_error_entry_name_long"),
        ({"name": "App", "category": "data", "ring": "adopt", "ring_reason": "x"}, "own_error_value"),
        ({"name": "App", "category": "data", "status": 4}, "own_error_value"),
        ({"name": "App", "category": "data", "relevance": 0}, "own_error_value"),
        ({"name": "App", "category": "data", "relevance": 2.5}, "own_error_value"),
        ({"name": "App", "category": "data", "maturity": "høj"}, "own_error_value"),
        ({"name": "App"}, "own_error_category_missing"),
        ({"name": "App", "category": "data", "note": "n" * 2001}, "own_error_text_long"),
    ],
)
def test_entry_rules(values, key):
    with pytest.raises(ValidationError) as caught:
        own.clean_entry(values)
    assert caught.value.key == key
    for lang in ("da", "en"):
        assert t(key, lang, **caught.value.params)


def test_clean_entry_strips_markup_and_parses_numbers():
    entry = own.clean_entry(
        {"name": " <b>Vores</b>  app ", "category": "citizen", "status": "2", "relevance": 5.0, "note": "<script>x</script>ok"}
    )
    assert entry["name"] == "Vores app"
    assert entry["status"] == 2 and entry["relevance"] == 5
    assert "<" not in entry["note"]


@pytest.mark.parametrize(
    ("rows", "key"),
    [
        ([{"name": "AI"}, {"name": "ai"}], "own_error_duplicate"),
        ([{"name": "AI", "technology_id": "ai"}, {"name": "Kunstig", "technology_id": "ai"}], "own_error_duplicate"),
        ([{"name": f"T{i}"} for i in range(201)], "own_error_too_many"),
    ],
)
def test_radar_rules(rows, key):
    with pytest.raises(ValidationError) as caught:
        own.validate_entries(rows)
    assert caught.value.key == key


def test_two_hundred_entries_are_allowed():
    own.validate_entries([{"name": f"T{i}"} for i in range(200)])


@pytest.mark.parametrize(
    ("meta", "key"),
    [
        ({"name": ""}, "own_error_radar_name_empty"),
        ({"name": "r" * 81}, "own_error_radar_name_long"),
        ({"name": "R", "municipality": "m" * 81}, "own_error_municipality_long"),
        ({"name": "R", "date": "27/11/2026"}, "own_error_date"),
        ({"name": "R", "date": "2026-02-30"}, "own_error_date"),
    ],
)
def test_meta_rules(meta, key):
    with pytest.raises(ValidationError) as caught:
        own.clean_meta(meta)
    assert caught.value.key == key


def test_every_own_key_has_both_languages():
    for key, texts in CATALOGUE.items():
        if key.startswith("own_"):
            assert texts.get("da") and texts.get("en"), key


# --- files -------------------------------------------------------------------------------------------------
def test_export_rows_round_trip_in_memory():
    table = table_of(
        {"technology_id": "ai", "name": "AI", "status": 3, "relevance": 5, "note": "Godt i gang", "owner": "Åse"},
        {"technology_id": "rpa", "name": "RPA", "ring": "afvent", "ring_reason": "Vent på ny platform"},
        {
            "name": "Vores app",
            "category": "citizen",
            "description": "Borgerapp",
            "maturity": 4,
            "status": 1,
            "next_step": "Pilot",
        },
    )
    rows = own.export_rows(table)
    assert rows[1].ring == "afvent" and rows[1].ring_raw == "afvent"
    assert rows[0].ring == "klar" and rows[0].ring_raw == ""
    cats = pd.DataFrame({"id": CATEGORIES, "name": ["Data", "Automatisering", "Borgere"]})
    back, _ = own.entries_from_rows(rows, CATALOGUE_FRAME, cats)
    assert back[0] | {"name": "AI"} == back[0]
    assert back[1]["ring"] == "afvent" and back[1]["ring_reason"] == "Vent på ny platform"
    assert back[0]["ring"] is None
    assert back[2] == {
        "technology_id": None, "name": "Vores app", "category": "citizen", "description": "Borgerapp", "maturity": 4,
        "status": 1, "relevance": None, "ring": None, "ring_reason": "", "note": "", "owner": "", "next_step": "Pilot",
    }  # fmt: skip


def test_local_time_is_copenhagen():
    assert own.local_time(pd.Timestamp("2026-07-01 10:00:00")) == "01.07.2026 12:00"
    assert own.local_time(None) == ""


@pytest.mark.parametrize(
    ("detail", "lang", "text"),
    [
        ('[["AI", ["status", "note"]], ["RPA", ["ring", "ring_reason"]]]', "da", "AI: status, note; RPA: ring, begrundelse"),
        ('[["AI", ["next_step"]]]', "en", "AI: next step"),
        ('[["Droner", []], ["Apps", []]]', "da", "Droner; Apps"),
        ('[["", ["radar_name", "radar_date"]]]', "da", "Radarens navn, dato"),
        ("not json", "da", "not json"),
    ],
)
def test_change_text(detail, lang, text):
    assert own.change_text(detail, lang) == text


def test_own_categories_become_extra_sectors_so_every_entry_is_drawn():
    from radar.own import radar_sectors

    ours = pd.DataFrame({"id": ["data", "citizen"], "name": ["Data", "Borgere"]})
    table = pd.DataFrame({"category": ["citizen", "Tools", "Platforms", "Tools", None]})
    sectors = radar_sectors(table, ours)
    assert sectors["id"].tolist() == ["data", "citizen", "Tools", "Platforms"]
    assert sectors["name"].tolist() == ["Data", "Borgere", "Tools", "Platforms"]


@pytest.mark.parametrize(
    ("categories", "expected"),
    [
        (["Tools", "Platforms", "Tools"], ["Tools", "Platforms"]),  # only its own: no empty national sectors
        ([], ["data", "citizen"]),  # an empty radar shows ours
        ([None, ""], ["data", "citizen"]),
        (["data"], ["data", "citizen"]),  # started from the national radar: all of ours
        (["Tools", "citizen"], ["data", "citizen", "Tools"]),
    ],
)
def test_sector_order(categories, expected):
    ours = pd.DataFrame({"id": ["data", "citizen"], "name": ["Data", "Borgere"]})
    assert own.sector_order(categories, ours["id"]) == expected
    assert own.radar_sectors(pd.DataFrame({"category": pd.Series(categories, dtype=object)}), ours)["id"].tolist() == expected


@pytest.mark.parametrize(
    ("name", "taken", "free"),
    [
        ("Aarhus", [], "Aarhus"),
        ("Aarhus", ["Odder"], "Aarhus"),
        ("Aarhus", [" aarhus  "], "Aarhus (2)"),
        ("Aarhus", ["Aarhus", "AARHUS (2)"], "Aarhus (3)"),
        ("Aarhus (2)", ["Aarhus", "Aarhus (2)"], "Aarhus (3)"),
        ("  Mødet   i marts ", ["mødet i marts"], "Mødet i marts (2)"),
        ("x" * 80, ["x" * 80], "x" * 76 + " (2)"),
    ],
)
def test_free_name(name, taken, free):
    assert own.free_name(name, taken) == free
    assert len(free) <= own.MAX_RADAR_NAME


def test_name_key_ignores_case_and_spaces():
    assert own.name_key("  Aarhus   2026 ") == own.name_key("aarhus 2026") == own.name_key("AARHUS 2026")
    assert own.name_key("Ærø") == own.name_key("ærø")


@pytest.mark.parametrize(
    ("count", "lang", "text"),
    [
        (1, "da", "1 teknologi"),
        (2, "da", "2 teknologier"),
        (0, "da", "0 teknologier"),
        (1, "en", "1 technology"),
        (5, "en", "5 technologies"),
    ],
)
def test_technologies_text(count, lang, text):
    assert own.technologies_text(count, lang) == text


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        ("2026-11-27", "da", "27.11.2026"),
        ("2026-11-27", "en", "27 Nov 2026"),
        ("", "da", ""),
        (None, "en", ""),
        ("2026-03-05", "da", "05.03.2026"),
    ],
)
def test_format_date(value, lang, text):
    assert own.format_date(value, lang) == text


def test_local_time_in_english_writes_the_month():
    assert own.local_time("2026-11-27 19:16:00", "en") == "27 Nov 2026 20:16"
    assert own.local_time("2026-11-27 19:16:00", "da") == "27.11.2026 20:16"
