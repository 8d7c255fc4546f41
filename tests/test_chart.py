"""Figure builders: what the radar draws for a small hand-made blip table."""

import pandas as pd
import pytest

from radar import chart
from radar.config import RINGS
from radar.layout import place_blips

CATS = pd.DataFrame({"id": ["a", "b"], "name": ["Alfa", "Beta"]})


@pytest.fixture
def blips():
    table = pd.DataFrame(
        {
            "id": ["x", "y", "z"], "category": ["a", "a", "b"], "ring": ["klar", "afvent", "afproev"],
            "score": [0.8, 0.1, 0.6], "number": [1, 3, 2], "name": ["Ex", "Why", "Zed"],
            "movement": ["new", None, "moved_out"], "maturity": [5, 1, 4], "adoption": [0.6, 0.0, 0.45],
            "relevance": [0.9, 0.1, 0.5], "n": [50, 4, 30], "low_n": [False, True, False],
        }
    )
    return place_blips(table, ["a", "b"]).rename(columns={"id": "technology"})


def blip_traces(fig):
    return [tr for tr in fig.data if tr.mode == "markers+text"]


def test_every_blip_is_drawn_once_with_its_number_and_id(blips):
    fig = chart.radar_figure(blips, CATS, "da")
    ids = [c for tr in blip_traces(fig) for c in tr.customdata]
    numbers = [n for tr in blip_traces(fig) for n in tr.text]
    assert sorted(ids) == ["x", "y", "z"]
    assert sorted(numbers) == ["1", "2", "3"]


def test_blip_positions_match_the_layout(blips):
    fig = chart.radar_figure(blips, CATS, "da")
    drawn = {c: (x, y) for tr in blip_traces(fig) for c, x, y in zip(tr.customdata, tr.x, tr.y, strict=True)}
    for row in blips.itertuples():
        assert drawn[row.technology] == pytest.approx((row.x, row.y))


def test_hover_explains_the_numbers(blips):
    fig = chart.radar_figure(blips, CATS, "da")
    card = next(h for tr in blip_traces(fig) for c, h in zip(tr.customdata, tr.hovertext, strict=True) if c == "y")
    for part in ("Why", "AFVENT", "Score: 0,10", "Modenhed: 1", "Relevans: 10%", "n = 4", "få svar"):
        assert part in card


def test_movement_glyphs_and_legend(blips):
    fig = chart.radar_figure(blips, CATS, "en")
    glyphs = {tr.name: [x for x in tr.x if x is not None] for tr in fig.data if tr.legendgroup == "movement"}
    assert set(glyphs) == {"New", "Moved in", "Moved out"}
    assert len(glyphs["New"]) == 1 and len(glyphs["Moved out"]) == 1 and glyphs["Moved in"] == []


def test_rings_and_sectors_are_labelled_in_the_language(blips):
    fig = chart.radar_figure(blips, CATS, "en")
    texts = " ".join(a.text for a in fig.layout.annotations)
    texts += " ".join(str(x) for tr in fig.data if tr.mode == "text" for x in tr.text)
    for word in ("READY", "TRIAL", "WATCH", "WAIT", "Alfa", "Beta"):
        assert word in texts
    circles = [s for s in fig.layout.shapes if s.type == "circle"]
    assert len(circles) == len(RINGS)


def test_presentation_is_larger(blips):
    normal = chart.radar_figure(blips, CATS, "da")
    big = chart.radar_figure(blips, CATS, "da", presentation=True)
    assert big.layout.height > normal.layout.height
    assert big.layout.font.size > normal.layout.font.size


def test_heatmap_writes_ring_names_in_cells():
    scores = pd.DataFrame(
        {"name": ["Ex", "Ex", "Why", "Why"], "domain_name": ["D1", "D2", "D1", "D2"], "score": [0.8, 0.4, 0.1, None],
         "ring": ["klar", "hold_oeje", "afvent", None]}
    )
    fig = chart.heatmap_figure(scores, "da")
    assert fig.data[0].text == (("KLAR", "HOLD ØJE"), ("AFVENT", "–")) or [list(r) for r in fig.data[0].text] == [
        ["KLAR", "HOLD ØJE"], ["AFVENT", "–"]]


def test_ring_labels_are_drawn_under_the_blips(blips):
    fig = chart.radar_figure(blips, CATS, "da")
    modes = [tr.mode for tr in fig.data]
    assert modes.index("text") < modes.index("markers+text")


@pytest.mark.parametrize(("height", "width_hint", "presentation"), [(640, None, False), (560, 650, False), (560, None, True), (400, 300, False)])
def test_markers_are_never_wider_than_the_gap_the_layout_keeps(blips, height, width_hint, presentation):
    fig = chart.radar_figure(blips, CATS, "da", presentation=presentation, height=height, width_hint=width_hint)
    reach = 1.0 + 0.5 * (1.25 if presentation else 1.0)
    ppu = chart.pixels_per_unit(height, fig.layout.margin.to_plotly_json(), reach, width_hint)
    diameter_px = blips["diameter"].iloc[0] * ppu
    for tr in blip_traces(fig):
        assert tr.marker.size <= diameter_px
