"""An edit on the own radar redraws only what changed: the matrix from a plain spec, the radar's hover
cards without drawing the radar again, and a server whose imports a full garbage collection skips."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from radar import chart, own, service
from radar.db import own as own_db

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def radar(national_db, tmp_path_factory):
    """The combined radar's 25 technologies as an own radar, read back from its file, with a few relevances."""
    edition = int(service.editions(national_db)["year"].iloc[0])
    national = service.scores(national_db, edition)
    catalogue = service.technologies(national_db, "da")
    path = tmp_path_factory.mktemp("own") / "own.duckdb"
    link = own_db.create_radar(path, {"name": "Odder", "municipality": "Odder"}, own.starter_entries(national, catalogue))
    _, entries = own_db.load_state(path, link)
    own_db.close(path)
    entries["relevance"] = pd.array([(i % 5) + 1 if i % 3 else None for i in range(len(entries))], dtype="Int64")
    sectors = own.radar_sectors(own.local_table(entries, catalogue, national), service.categories(national_db, "da"))
    return entries, catalogue, national, sectors


def blips_of(radar, entries: pd.DataFrame) -> pd.DataFrame:
    _, catalogue, national, sectors = radar
    return own.local_blips(own.local_table(entries, catalogue, national), sectors["id"].tolist())


def edited(entries: pd.DataFrame, row: int, **values: object) -> pd.DataFrame:
    changed = entries.copy()
    for column, value in values.items():
        changed.loc[changed.index[row], column] = value
    return changed


def as_json(fig: go.Figure) -> dict:
    return json.loads(pio.to_json(fig, validate=False))


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("presentation", [False, True])
def test_plotly_validation_changes_nothing_in_the_matrix_spec(radar, lang, presentation):
    entries, catalogue, national, sectors = radar
    points = own.matrix_points(own.local_table(entries, catalogue, national))
    assert len(points) == 16
    spec = chart.priority_matrix_spec(points, sectors, lang, high=own.MATRIX_HIGH, presentation=presentation)
    validated = go.Figure(spec)  # raises on any property Plotly does not know
    assert as_json(chart.trusted_figure(spec)) == as_json(validated)
    drawn = {c: (x, y) for tr in validated.data if tr.customdata for c, x, y in zip(tr.customdata, tr.x, tr.y, strict=True)}
    assert drawn == {row.technology: (row.x, row.y) for row in points.itertuples()}


def test_an_empty_matrix_spec_is_a_valid_figure(radar):
    _, _, _, sectors = radar
    spec = chart.priority_matrix_spec(pd.DataFrame(columns=["category"]), sectors, "da")
    assert as_json(chart.trusted_figure(spec)) == as_json(go.Figure(spec))
    quadrants = next(tr["text"] for tr in spec["data"] if tr["mode"] == "text")
    assert quadrants == ["<b>Gå i gang</b>", "<b>Afprøv</b>", "<b>Hold øje</b>", "<b>Lad ligge</b>"]


def test_a_relevance_or_note_edit_leaves_the_radar_as_drawn(radar):
    entries = radar[0]
    before, after = blips_of(radar, entries), blips_of(radar, edited(entries, 3, relevance=5, note="Tal med IT"))
    drawn = list(chart.OWN_RADAR_DRAWN + chart.OWN_CARD_FIELDS)
    pd.testing.assert_frame_equal(before[drawn], after[drawn])
    was = chart.own_radar_figure(before, radar[3], "da", height=560, width_hint=730)
    now = chart.own_radar_figure(after, radar[3], "da", height=560, width_hint=730)
    # The same figure to the byte: Streamlit names a chart by its spec, so the browser keeps the radar it has.
    assert pio.to_json(now, validate=False) == pio.to_json(was, validate=False)
    name = entries.iloc[3]["name"]
    cards = [h for tr in now.data if tr.hovertext for h in tr.hovertext if f". {name}</b>" in h]
    assert len(cards) == 1 and "Relevans" not in cards[0] and "Status her" in cards[0]


def test_the_matrix_card_says_the_relevance_the_radar_card_leaves_out(radar):
    entries, catalogue, national, sectors = radar
    points = own.matrix_points(own.local_table(edited(entries, 3, relevance=5), catalogue, national))
    spec = chart.priority_matrix_spec(points, sectors, "da", high=own.MATRIX_HIGH)
    name = entries.iloc[3]["name"]
    cards = [h for tr in spec["data"] for h in tr.get("hovertext", []) if f"<b>{name}</b>" in h]
    assert len(cards) == 1 and "Relevans her: 5" in cards[0]


def test_a_status_edit_that_keeps_the_place_rewrites_only_the_hover_cards(radar):
    entries = radar[0]
    before, after = blips_of(radar, entries), blips_of(radar, edited(entries, 2, status=2))
    drawn = list(chart.OWN_RADAR_DRAWN)
    pd.testing.assert_frame_equal(before[drawn], after[drawn])
    fresh = chart.own_radar_figure(after, radar[3], "da", height=560, width_hint=730)
    rewritten = chart.own_hover_cards(chart.own_radar_figure(before, radar[3], "da", height=560, width_hint=730), after, "da")
    assert as_json(rewritten) == as_json(fresh)
    was = chart.own_radar_figure(before, radar[3], "da", height=560, width_hint=730)
    assert as_json(rewritten) != as_json(was)  # the card of row 2 says its new status


def test_a_status_edit_that_moves_a_blip_changes_what_the_radar_draws(radar):
    entries = radar[0]
    before, after = blips_of(radar, entries), blips_of(radar, edited(entries, 3, status=3))
    drawn = list(chart.OWN_RADAR_DRAWN)
    moved = before[drawn].compare(after[drawn])
    assert {column for column, _ in moved.columns} >= {"r"}


def test_the_server_freezes_what_it_imports_so_a_full_collection_skips_it():
    script = "import gc; from radar import serve; frozen = serve.freeze_imports(); print(frozen, len(gc.get_objects()))"
    command = [sys.executable, "-c", script]
    out = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True, timeout=120)  # noqa: S603
    frozen, tracked = (int(n) for n in out.stdout.split())
    assert frozen > 100_000  # Plotly, pandas, DuckDB, Streamlit and the app's modules
    assert tracked < frozen / 20
    assert "No runtime found" not in out.stderr
    assert "leaked" not in out.stderr
