"""Honest to the last digit, on the pages: numbers in the language, scores never shown as a cut-off
they are below, the reason for each ring, each count named, the sample notice with the data."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from radar import explain, service
from radar.config import DEFAULT_CUTOFFS, RING_KEYS

APP = str(Path(__file__).resolve().parents[1] / "app.py")
NBSP = "\xa0"


@pytest.fixture
def app(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    return AppTest.from_file(APP, default_timeout=60)


def shown(frame) -> pd.DataFrame:
    """A table as the browser writes it: the Styler's display values (what a person reads)."""
    return pa.ipc.open_stream(frame.proto.arrow_data.styler.display_values).read_pandas()


def latest(db) -> int:
    return int(service.editions(db)["year"].max())


def test_the_table_writes_what_the_hover_writes_in_danish(app, national_db):
    at = app.run()
    assert not at.exception
    table = shown(at.dataframe[0])
    blips = service.radar_blips(national_db, latest(national_db), None, "da").sort_values("number")
    assert table["score"].tolist() == [explain.score_text(s, "da") for s in blips["score"]]
    assert table["relevance"].tolist() == [explain.share_text(s, "da") for s in blips["relevance"]]
    assert all("," in s and "." not in s for s in table["score"])
    assert all(s.endswith(f"{NBSP}%") for s in table["relevance"])
    first = blips.iloc[0]
    assert table["why"].iloc[0] == explain.score_reason(first["maturity"], first["adoption"], first["score"], first["ring"], "da")
    assert table["why"].iloc[0].startswith("(modenhed ")
    # the numbers stay numbers underneath, so the table sorts by value
    assert at.dataframe[0].value["score"].dtype.kind == "f"


def test_the_table_in_english_writes_points(app):
    app.query_params["lang"] = "en"
    at = app.run()
    assert not at.exception
    table = shown(at.dataframe[0])
    assert all("." in s and "," not in s for s in table["score"])
    assert table["why"].iloc[0].startswith("(maturity ")


def test_every_count_is_named_where_it_is_shown(app, national_db):
    at = app.run()
    assert not at.exception
    respondents = int(service.editions(national_db).set_index("year").loc[latest(national_db), "respondents"])
    assert any(f"{respondents} besvarelser i alt" in c.value for c in at.caption)
    assert not any("n =" in c.value for c in at.caption)
    assert at.select_slider(key="edition").options[-1] == str(latest(national_db))  # the time control names years only
    headers = {c["label"] for c in _column_labels(at.dataframe[0])}
    assert {"Svar med et trin", "Svar om relevans"} <= headers and "n" not in headers


def _column_labels(frame) -> list[dict]:
    import json

    config = json.loads(frame.proto.columns)
    return [v for v in config.values() if isinstance(v, dict) and "label" in v]


def test_a_domain_radar_names_its_count_as_the_domain_s(app, national_db):
    app.switch_page("pages/fagomraader.py")
    app.query_params["domain"] = "teknik-miljoe"
    at = app.run()
    assert not at.exception
    count = service.respondent_count(national_db, latest(national_db), "teknik-miljoe")
    assert any(f"{count} besvarelser fra fagområdet i alt" in c.value for c in at.caption)


def test_the_detail_says_why_and_writes_the_score_honestly(app, national_db):
    blips = service.radar_blips(national_db, latest(national_db), None, "da")
    # the technology nearest below a cut-off: the one most tempted to round up to it
    gaps = [
        (min([c - s for c in DEFAULT_CUTOFFS.values() if c > s] or [1.0]), tech)
        for tech, s in zip(blips["technology"], blips["score"], strict=True)
    ]
    tech = min(gaps)[1]
    row = blips.set_index("technology").loc[tech]
    app.switch_page("pages/teknologi.py")
    app.query_params["tech"] = tech
    at = app.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Score"] == explain.score_text(row["score"], "da")
    assert metrics["Svar med et trin"] == str(int(row["n"]))
    assert metrics["Relevans"].endswith(f"{NBSP}%")
    reason = explain.ring_reason(row["maturity"], row["adoption"], row["score"], row["ring"], "da")
    assert any(reason in m.value for m in at.markdown)
    scopes = shown(at.dataframe[0])
    assert scopes["score"].iloc[0] == explain.score_text(row["score"], "da")
    counts = f"bygger på {int(row['n'])} svar med et trin, relevansen på {int(row['n_relevance'])} svar om relevans."
    assert any(counts in c.value for c in at.caption)


def written_score_is_honest(text: str, ring: str) -> bool:
    """The score a person reads lies in the ring's band (a cut-off is the lowest score of its ring)."""
    match = re.fullmatch(r"(under|below) (?P<bound>[0-9,.]+)|(?P<value>[0-9,.]+)", text)
    assert match, text
    index = RING_KEYS.index(ring)
    low = DEFAULT_CUTOFFS[ring]
    high = DEFAULT_CUTOFFS[RING_KEYS[index - 1]] if index else float("inf")
    if match["bound"]:
        return float(match["bound"].replace(",", ".")) <= high
    value = float(match["value"].replace(",", "."))
    return low <= value < high


def test_no_score_in_any_sample_radar_reads_as_a_ring_it_is_not_in(national_db):
    for year in service.editions(national_db)["year"]:
        for domain in [None, *service.domains(national_db, "da")["id"]]:
            blips = service.radar_blips(national_db, int(year), domain, "da")
            wrong = [
                (int(year), domain, tech)
                for tech, s, ring in zip(blips["technology"], blips["score"], blips["ring"], strict=True)
                if not written_score_is_honest(explain.score_text(s, "da"), ring)
            ]
            assert wrong == []


def about_text(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_om_radaren_writes_its_numbers_in_the_language(app, national_db):
    app.switch_page("pages/om.py")
    at = app.run()
    assert not at.exception
    text = about_text(at)
    assert "score fra 0,70 til og med 1,00" in text and "score fra 0,30 til under 0,50" in text
    assert "0.70" not in text
    respondents = int(service.editions(national_db)["respondents"].iloc[0])
    assert f"{respondents} besvarelser i alt fra 98 kommuner" in text


def test_om_radaren_names_the_three_counts(app):
    app.switch_page("pages/om.py")
    at = app.run()
    text = about_text(at)
    for name in ("Besvarelser i alt", "Svar med et trin", "Svar om relevans"):
        assert f"**{name}**" in text
    assert "(n)" not in text


def test_om_radaren_shows_the_reason_for_a_ring_as_the_method_computes_it(app):
    app.switch_page("pages/om.py")
    at = app.run()
    expected = "AFPRØV, fordi (modenhed 0,75 + udbredelse 0,31) / 2 = 0,53 ≥ 0,50 og < 0,70"
    assert explain.example_reason("da") == expected
    assert any(m.value == "> " + expected for m in at.markdown)


@pytest.mark.parametrize(
    ("lang", "claim", "old_claim"),
    [
        ("da", "Inden for sin ring og sin kategoris sektor ligger en teknologi tættere på centrum", "Inden for sin ring ligger"),
        (
            "en",
            "Within its ring and its category's sector a technology lies closer to the centre",
            "Within its ring a technology",
        ),
    ],
)
def test_om_radaren_claims_the_order_by_score_only_within_a_sector(app, lang, claim, old_claim):
    app.switch_page("pages/om.py")
    app.query_params["lang"] = lang
    text = about_text(app.run())
    assert claim in text and old_claim not in text


def test_what_om_radaren_claims_holds_in_every_sample_radar(national_db):
    """Within a ring and a sector, a higher score is never further from the centre."""
    broken = []
    for year in service.editions(national_db)["year"]:
        for domain in [None, *service.domains(national_db, "da")["id"]]:
            blips = service.radar_blips(national_db, int(year), domain, "da")
            for (ring, category), cell in blips.groupby(["ring", "category"]):
                ordered = cell.sort_values("score", ascending=False)
                radii = ordered["r"].tolist()
                if any(outer < inner - 1e-9 for inner, outer in zip(radii, radii[1:], strict=False)):
                    broken.append((int(year), domain, ring, category))
    assert broken == []


def test_an_unknown_technology_in_the_link_is_said_not_replaced_by_the_first(app):
    import html

    app.switch_page("pages/teknologi.py")
    app.query_params["tech"] = "findes-ikke"
    at = app.run()
    assert not at.exception
    assert [html.unescape(w.value) for w in at.warning] == [
        "Linket nævner en teknologi, radaren ikke kender: findes-ikke. Vælg en teknologi på listen."
    ]
    assert at.selectbox(key="tech").value is None
    assert len(at.subheader) == 0 and len(at.metric) == 0  # no detail of a technology nobody asked for
    at.selectbox(key="tech").set_value("cloud").run()
    assert not at.exception
    assert len(at.warning) == 0 and at.subheader[0].value == "Cloud"
    assert at.query_params["tech"] in ("cloud", ["cloud"])


def test_a_link_with_markup_for_a_technology_is_shown_as_text(app):
    app.switch_page("pages/teknologi.py")
    app.query_params["tech"] = "![x](http://evil.example/x.png)"
    at = app.run()
    assert not at.exception
    import html

    value = at.warning[0].value
    assert "![x](" not in value
    assert (
        html.unescape(value)
        .replace("\u2060", "")
        .startswith("Linket nævner en teknologi, radaren ikke kender: ![x](http://evil.example/x.png).")
    )


def test_the_technology_page_without_a_link_opens_the_first(app, national_db):
    import html

    app.switch_page("pages/teknologi.py")
    at = app.run()
    assert not at.exception and len(at.warning) == 0
    first = service.technologies(national_db, "da")["name"].iloc[0]
    assert html.unescape(at.subheader[0].value) == first


def test_nothing_the_national_radar_writes_reads_none_nan_or_minus_zero(national_db):
    from radar import chart

    bad = re.compile(r"None|nan|NaN|-0[,.]0*(?![0-9]*[1-9])")
    found = []
    for lang in ("da", "en"):
        cats = service.categories(national_db, lang)
        names = dict(zip(cats["id"], cats["name"], strict=True))
        for year in service.editions(national_db)["year"]:
            for domain in [None, *service.domains(national_db, lang)["id"]]:
                blips = service.radar_blips(national_db, int(year), domain, lang)
                texts = [chart.hover_text(row, lang) for _, row in blips.iterrows()]
                table = explain.radar_table(blips, names, lang)
                for column, write in explain.table_formatters(lang).items():
                    texts += [write(v) for v in table[column]]
                texts += table["why"].tolist()
                found += [(int(year), domain, lang, text) for text in texts if bad.search(text)]
    assert found == []


def test_a_picture_of_a_sample_chart_says_so_in_its_file_name(app, national_db):
    import json

    at = app.run()
    assert not at.exception
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"]["filename"] == f"teknologiradar-{latest(national_db)}-samlet-eksempeldata"
    assert config["displaylogo"] is False


def test_each_heatmap_cell_says_why_its_ring(app):
    import json

    app.switch_page("pages/fagomraader.py")
    at = app.run()
    assert not at.exception
    heatmap = next(tr for c in at.get("plotly_chart") for tr in json.loads(c.proto.spec)["data"] if tr.get("type") == "heatmap")
    cells = [cell for row in heatmap["customdata"] for cell in row]
    assert cells and all(", fordi (modenhed " in cell and " svar med et trin" in cell for cell in cells)
