"""The filter by value on the radar pages ("Skabt værdi", ?value=): a technology is shown for a kind of value
when at least a quarter of at least ten answers on value name that kind."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from radar import service

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def blips(rows: list[tuple]) -> pd.DataFrame:
    """Blips with a value mix: (technology, n_value, efficiency, quality, wellbeing); the rest none/don't know."""
    frame = pd.DataFrame(rows, columns=["technology", "n_value", "value_efficiency", "value_quality", "value_wellbeing"])
    rest = 1 - frame[["value_efficiency", "value_quality", "value_wellbeing"]].sum(axis=1)
    frame = frame.assign(value_none=rest / 2, value_dont_know=rest / 2, name_da=frame["technology"], name_en=frame["technology"])
    return frame.assign(category="data", ring="afproev", movement="unchanged")


TABLE = blips(
    [
        ("quarter", 40, 0.50, 0.25, 0.10),  # quality exactly a quarter: shown for quality
        ("under", 40, 0.60, 0.245, 0.05),  # just under a quarter: not shown for quality
        ("few", 9, 0.20, 0.70, 0.10),  # quality 70 % but only 9 answers on value: not shown
        ("ten", 10, 0.30, 0.30, 0.30),  # ten answers: enough, shown for all three
        ("nobody", 0, float("nan"), float("nan"), float("nan")),  # nobody asked: never shown for a kind
    ]
)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (None, ["quarter", "under", "few", "ten", "nobody"]),
        ("", ["quarter", "under", "few", "ten", "nobody"]),
        ("efficiency", ["quarter", "under", "ten"]),
        ("quality", ["quarter", "ten"]),
        ("wellbeing", ["ten"]),
    ],
)
def test_filter_blips_keeps_the_technologies_where_the_kind_is_reported(kind, expected):
    assert service.filter_blips(TABLE, value_kind=kind)["technology"].tolist() == expected


def test_the_value_filter_combines_with_the_others():
    table = TABLE.assign(ring=["klar", "afproev", "klar", "afproev", "klar"])
    assert service.filter_blips(table, rings=["klar"], value_kind="quality")["technology"].tolist() == ["quarter"]
    assert service.filter_blips(table, search="TE", value_kind="wellbeing")["technology"].tolist() == ["ten"]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown kind of value"):
        service.filter_blips(TABLE, value_kind="none")


# --- the page ------------------------------------------------------------------------------------------
@pytest.fixture
def app(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    return AppTest.from_file(APP, default_timeout=60)


def drawn(at: AppTest) -> list[str]:
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return sorted(c for s in specs for tr in s["data"] if tr.get("mode") == "markers+text" for c in tr.get("customdata", []))


def newest(db) -> int:
    return int(service.editions(db)["year"].max())


def reported(db, kind: str) -> list[str]:
    """The technologies of the newest combined radar whose answers on value name `kind` at least a quarter of the
    time, of at least ten such answers, counted here from the blips' mix by plain arithmetic."""
    table = service.radar_blips(db, newest(db), None, "da")
    count = table[f"value_{kind}"] * table["n_value"]
    return sorted(table.loc[(table["n_value"] >= 10) & (count >= 0.25 * table["n_value"]), "technology"])


def test_the_combined_radar_shows_only_the_technologies_with_quality_from_the_link(app, national_db):
    app.query_params["value"] = "quality"
    at = app.run()
    assert not at.exception
    expected = reported(national_db, "quality")
    assert 0 < len(expected) < len(service.radar_blips(national_db, newest(national_db), None, "da"))
    assert drawn(at) == expected
    assert at.selectbox(key="f_value").value == "quality"


def test_choosing_a_kind_writes_the_link_and_all_brings_every_technology_back(app, national_db):
    at = app.run()
    everything = drawn(at)
    at = at.selectbox(key="f_value").set_value("efficiency").run()
    assert not at.exception
    assert at.query_params["value"] in (["efficiency"], "efficiency")
    assert drawn(at) == reported(national_db, "efficiency")
    at = at.selectbox(key="f_value").set_value("").run()
    assert "value" not in at.query_params
    assert drawn(at) == everything


def test_a_kind_nobody_reports_enough_says_so_in_words(app):
    app.query_params["value"] = "wellbeing"
    at = app.run()
    assert not at.exception
    assert drawn(at) == []
    assert [html.unescape(i.value) for i in at.info if "svar om værdi" in i.value] == [
        "Ingen teknologi her har trivsel i mindst 25\xa0% af svarene om værdi (med mindst 10 svar om værdi)."
    ]


def test_an_unknown_kind_in_the_link_shows_every_technology(app):
    app.query_params["value"] = "<b>bogus</b>"
    at = app.run()
    assert not at.exception
    assert at.selectbox(key="f_value").value == ""
    assert len(drawn(at)) == 25


def test_om_radaren_states_the_filter_s_rule(app):
    app.switch_page("pages/om.py")
    at = app.run()
    assert not at.exception
    assert any(
        "mindst 25\xa0% af svarene om værdi nævner den valgte slags" in m.value and "mindst 10 svar om værdi" in m.value
        for m in at.markdown
    )
