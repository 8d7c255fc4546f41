"""The technology page's path across editions: every scope's score in every edition, over the ring bands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from radar import config, explain, service

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def page(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))

    def run(technology: str, lang: str = "da") -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.switch_page("pages/teknologi.py")
        at.query_params["tech"] = technology
        if lang != "da":
            at.query_params["lang"] = lang
        at = at.run()
        assert not at.exception
        return at

    return run


def path_spec(at: AppTest) -> dict:
    """The one figure on the page whose traces name their scope (`meta`): the path across editions."""
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    paths = [s for s in specs if any("meta" in tr for tr in s["data"])]
    assert len(paths) == 1
    return paths[0]


@pytest.mark.parametrize(
    ("technology", "years"),
    [("cloud", [2022, 2023, 2024, 2025, 2026]), ("generativ-ai", [2024, 2025, 2026])],
)
def test_the_path_draws_the_score_of_every_edition_and_domain(page, national_db, technology, years):
    at = page(technology)
    spec = path_spec(at)
    scopes = [None, *service.domains(national_db, "da")["id"]]
    own = [tr for tr in spec["data"] if "meta" in tr]
    assert [tr["meta"] or None for tr in own] == scopes
    for trace in own:
        domain = trace["meta"] or None
        assert [int(x) for x in trace["x"]] == years, domain
        expected = [service.scores(national_db, year, domain).set_index("technology").loc[technology, "score"] for year in years]
        assert trace["y"] == pytest.approx(expected, rel=1e-12, abs=0), domain
        for score, text in zip(expected, trace["hovertext"], strict=True):
            assert f"Score: {explain.score_text(score, 'da')}" in text and "," in explain.score_text(score, "da")
    # The combined radar's path is drawn again, grey and silent, in each of the five domain panels.
    reference = [tr for tr in spec["data"] if "meta" not in tr]
    assert len(reference) == len(scopes) - 1
    assert all(tr["y"] == own[0]["y"] and tr["hoverinfo"] == "skip" for tr in reference)
    entered = [c.value for c in at.caption if "Med i radaren fra udgave" in c.value]
    assert entered == ([] if years[0] == 2022 else ["Med i radaren fra udgave 2024; der er ingen svar om den før."])


def test_every_panel_shows_the_four_rings_at_their_cut_offs(page):
    spec = path_spec(page("iot-sensorer", "en"))
    bands = sorted((s["yref"], s["y0"], s["y1"]) for s in spec["layout"]["shapes"] if s["type"] == "rect")
    cuts = [ring.cutoff for ring in config.RINGS]
    tops = [1.0, *cuts[:-1]]
    axes = sorted({yref for yref, _, _ in bands})
    assert len(axes) == 6
    assert bands == sorted((axis, low, high) for axis in axes for low, high in zip(cuts, tops, strict=True))
    assert spec["layout"]["yaxis"]["ticktext"] == ["READY", "TRIAL", "WATCH", "WAIT"]
    text = next(tr for tr in spec["data"] if tr.get("meta") == "")["hovertext"][0]
    assert "Score: 0." in text and "0," not in text  # English decimals


def test_the_edition_picker_offers_the_five_editions(page):
    at = page("cloud")
    assert list(at.selectbox(key="edition").options) == [
        f"{year} ({n} besvarelser i alt)" for year, n in ((2026, 531), (2025, 508), (2024, 502), (2023, 517), (2022, 512))
    ]


def test_a_domain_without_answers_in_an_edition_leaves_a_gap_not_a_zero():
    import pandas as pd

    from radar import chart

    rows = [
        (2025, None, None, 0.52, "afproev", 4, 0.29, 40, False),
        (2025, "d1", "Én", float("nan"), None, 4, float("nan"), 0, True),
        (2026, None, None, 0.7125, "klar", 5, 0.425, 44, False),
        (2026, "d1", "Én", 0.6, "afproev", 5, 0.2, 3, True),
    ]
    paths = pd.DataFrame(rows, columns=list(service.PATH_COLUMNS)).astype({"domain": object, "scope_name": object})
    fig = chart.path_figure(paths, "da", "Samlet")
    own = {tr.meta: tr for tr in fig.data if tr.meta is not None}
    assert list(own) == ["", "d1"]
    assert list(own[""].x) == ["2025", "2026"] and list(own[""].y) == [0.52, 0.7125]
    assert own["d1"].y[1] == 0.6 and pd.isna(own["d1"].y[0])
    assert own["d1"].hovertext[0] == ""
    assert "Score: 0,60 · <b>AFPRØV</b>" in own["d1"].hovertext[1] and "⚠ få svar" in own["d1"].hovertext[1]
    assert "3 svar med et trin" in own["d1"].hovertext[1]
