"""A technology has one number in an edition: the combined radar's, on every domain radar too."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from radar import pipeline, service

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def numbers_drawn(at: AppTest) -> dict[str, str]:
    """Technology -> the number drawn on its blip, from the page's one radar."""
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    radar = [tr for s in specs for tr in s["data"] if tr.get("mode") == "markers+text"]
    return {tech: text for tr in radar for tech, text in zip(tr["customdata"], tr["text"], strict=True)}


def test_every_domain_radar_numbers_as_the_combined_radar(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    combined = AppTest.from_file(APP, default_timeout=60).run()
    expected = numbers_drawn(combined)
    assert len(expected) == 25
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/fagomraader.py")
    at.run()
    for domain in service.domains(national_db, "da")["id"]:
        at.selectbox(key="domain").set_value(domain).run()
        assert not at.exception
        drawn = numbers_drawn(at)
        assert drawn, domain
        assert {tech: expected[tech] for tech in drawn} == drawn, domain


def test_a_technology_the_reference_lacks_is_numbered_after_it():
    table = pd.DataFrame({"technology": ["a", "b", "c"], "ring": ["afproev", "klar", "afvent"], "score": [0.6, 0.8, 0.1]})
    reference = pd.DataFrame({"technology": ["a", "b"], "number": [2, 1]})
    numbered = pipeline.number_blips(table, reference=reference)
    assert dict(zip(numbered["technology"], numbered["number"], strict=True)) == {"b": 1, "a": 2, "c": 3}


@pytest.mark.parametrize("missing", [[], ["x"], ["x", "y"]])
def test_without_a_reference_numbers_read_inner_ring_first(missing):
    table = pd.DataFrame({"technology": ["a", "b", *missing], "ring": ["afproev", "klar", *["afvent"] * len(missing)]})
    table["score"] = [0.6, 0.8, *[0.1] * len(missing)]
    numbered = pipeline.number_blips(table)
    assert numbered["technology"].tolist()[:2] == ["b", "a"]
    assert numbered["number"].tolist() == list(range(1, len(table) + 1))


@pytest.mark.parametrize("page", [None, "pages/fagomraader.py"])
def test_every_blip_can_be_picked_from_the_list_picker(national_db, tmp_path, monkeypatch, page):
    """The keyboard's way to every blip: the picker beside the radar lists each drawn blip, by its number."""
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60)
    if page:
        at.switch_page(page)
    at.run()
    drawn = numbers_drawn(at)
    names = service.technologies(national_db, "da").set_index("id")["name"]
    picker = at.selectbox(key="detail_pick")
    assert sorted(picker.options) == sorted(f"{number}. {names[tech]}" for tech, number in drawn.items())
