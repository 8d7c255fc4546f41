"""One AppTest per page: runs without exception, draws the expected blips, follows the domain."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from radar import service

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def app(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def radar_specs(at: AppTest) -> list[dict]:
    """The Plotly figures on the page that are radars (have numbered blip traces)."""
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return [s for s in specs if any(tr.get("mode") == "markers+text" for tr in s["data"])]


def blip_names(spec: dict) -> list[str]:
    """Technology ids of the blips in a radar figure."""
    return [c for tr in spec["data"] if tr.get("mode") == "markers+text" for c in tr.get("customdata", [])]


def latest(db) -> int:
    return int(service.editions(db)["year"].max())


def test_combined_radar_page(app, national_db):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Samlet radar"
    specs = radar_specs(at)
    assert len(specs) == 1
    assert sorted(blip_names(specs[0])) == sorted(service.radar_blips(national_db, latest(national_db), None, "da")["technology"])
    assert any("Eksempeldata" in info.value for info in at.info)


def test_combined_radar_in_english(app):
    app.query_params["lang"] = "en"
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Combined radar"


def test_domain_page_follows_the_domain(app, national_db):
    app.switch_page("pages/fagomraader.py")
    at = app.run()
    assert not at.exception
    first = blip_names(radar_specs(at)[0])
    at.selectbox(key="domain").set_value("teknik-miljoe").run()
    assert not at.exception
    second_spec = radar_specs(at)[0]
    expected = service.radar_blips(national_db, latest(national_db), "teknik-miljoe", "da")
    assert sorted(blip_names(second_spec)) == sorted(expected["technology"])
    assert at.query_params["domain"] == ["teknik-miljoe"] or at.query_params["domain"] == "teknik-miljoe"
    heatmaps = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert any(tr.get("type") == "heatmap" for s in heatmaps for tr in s["data"])
    assert first  # the first domain drew blips too


def test_domain_from_the_url(app, national_db):
    app.switch_page("pages/fagomraader.py")
    app.query_params["domain"] = "social-sundhed"
    at = app.run()
    assert not at.exception
    assert at.selectbox(key="domain").value == "social-sundhed"


def test_technology_page(app):
    app.switch_page("pages/teknologi.py")
    app.query_params["tech"] = "iot-sensorer"
    at = app.run()
    assert not at.exception
    assert at.subheader[0].value == "IoT og sensorer"
    assert any("Ring i hvert fagområde" in m.value for m in at.markdown)


def test_about_page(app):
    app.switch_page("pages/om.py")
    at = app.run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "0,70" in text and "0.70" not in text and "(m − 1) / 4" in text


def test_filters_from_the_url_thin_the_radar(app, national_db):
    app.query_params["ring"] = "klar"
    app.query_params["category"] = "citizen,immersive"
    at = app.run()
    assert not at.exception
    blips = service.radar_blips(national_db, latest(national_db), None, "da")
    expected = blips[(blips["ring"] == "klar") & blips["category"].isin(["citizen", "immersive"])]
    assert sorted(blip_names(radar_specs(at)[0])) == sorted(expected["technology"])
    assert 0 < len(expected) < len(blips)


def test_unknown_domain_in_the_url_is_explained(app):
    app.switch_page("pages/fagomraader.py")
    app.query_params["domain"] = "findes-ikke"
    at = app.run()
    assert not at.exception
    assert [html.unescape(w.value) for w in at.warning] == ["Ukendt fagområde: findes-ikke"]
    assert at.selectbox(key="domain").value == "dagtilbud-skole"


def test_real_edition_is_not_called_sample_data(national_db, tmp_path, monkeypatch):
    import shutil

    from radar.db import connect

    db = tmp_path / "radar.duckdb"
    shutil.copy(national_db, db)
    con = connect(db)
    con.execute("UPDATE editions SET sample = false WHERE year = (SELECT max(year) FROM editions)")
    con.close()
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert not any("Eksempeldata" in info.value for info in at.info)
    at.switch_page("pages/om.py").run()
    older = str(int(service.editions(db)["year"].min()))
    assert any("eksempeldata" in info.value and older in info.value for info in at.info)


def test_a_cached_national_frame_changed_by_its_caller_stays_as_read(national_db, monkeypatch):
    from radar import ui

    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    first = ui.technologies("da")
    expected = service.technologies(national_db, "da")
    first["name"] = "ændret"
    first.loc[first.index[0], "id"] = "x"
    first["extra"] = 1
    again = ui.technologies("da")
    assert again is not first
    assert again.equals(expected)
    assert ui.technologies("da").equals(expected)
