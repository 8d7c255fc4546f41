"""Figure builders: what the radar draws for a small hand-made blip table."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from radar import chart, explain, service
from radar.config import CATEGORY_COLORS, GEOMETRY, MIN_NUMBER_CONTRAST, RING_KEYS, RINGS
from radar.layout import place_blips

CATS = pd.DataFrame({"id": ["a", "b"], "name": ["Alfa", "Beta"]})


@pytest.fixture
def blips():
    table = pd.DataFrame(
        {
            "id": ["x", "y", "z"],
            "category": ["a", "a", "b"],
            "ring": ["klar", "afvent", "afproev"],
            "score": [0.8, 0.1, 0.6],
            "number": [1, 3, 2],
            "name": ["Ex", "Why", "Zed"],
            "movement": ["new", None, "moved_out"],
            "maturity": [5, 1, 4],
            "adoption": [0.6, 0.2, 0.45],
            "relevance": [0.9, 0.1, 0.5],
            "n": [50, 4, 30],
            "n_relevance": [52, 5, 31],
            "low_n": [False, True, False],
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
    lines = card.split("<br>")
    assert lines == [
        "<b>3. Why</b>",
        "Ring: <b>AFVENT</b>, fordi (modenhed 0,00 + udbredelse 0,20) / 2 = 0,10 < 0,30",
        "Modenhed: 1 · Forskning og koncept → 0,00 på 0-1",
        "Udbredelse: 0,20 (af 4 svar med et trin) ⚠ få svar",
        "Relevans: 10\xa0% (af 5 svar om relevans)",
        "Bevægelse: Ingen tidligere udgave",
    ]


def hover_card(row: dict, lang: str = "da") -> str:
    base = {"number": 7, "name": "3D print", "movement": "unchanged", "low_n": False, "n": 540, "n_relevance": 554}
    return chart.hover_text(pd.Series({**base, **row}), lang)


def test_hover_never_shows_a_score_as_the_cut_off_its_ring_is_below():
    # 3D print in the 2026 sample: 0.2972 in AFVENT was shown as "0,30", HOLD ØJE's cut-off.
    card = hover_card({"maturity": 2, "adoption": 0.3444, "score": 0.29720, "ring": "afvent", "relevance": 0.5})
    assert "0,297 < 0,30" in card and "0,30 <" not in card and "= 0,30" not in card


def test_hover_names_each_count_and_writes_numbers_in_the_language():
    card = hover_card({"maturity": 4, "adoption": 0.31, "score": 0.53, "ring": "afproev", "relevance": 0.976}, "en")
    assert "TRIAL</b>, because (maturity 0.75 + adoption 0.31) / 2 = 0.53 ≥ 0.50 and < 0.70" in card
    assert "Adoption: 0.31 (of 540 answers with a stage)" in card
    assert "Relevance: 98% (of 554 answers on relevance)" in card
    assert "n =" not in card


def test_hover_writes_a_missing_count_as_a_dash_never_none():
    card = hover_card({"maturity": 4, "adoption": 0.31, "score": 0.53, "ring": "afproev", "relevance": None, "n_relevance": None})
    assert "None" not in card and "nan" not in card
    assert "Relevans: – (af – svar om relevans)" in card


def test_heatmap_hover_and_scale_write_danish_numbers_and_honest_scores():
    matrix = pd.DataFrame(
        {
            "technology": ["print", "print"],
            "name": ["3D print", "3D print"],
            "domain": [None, "social-sundhed"],
            "domain_name": ["Samlet", "Social og sundhed"],
            "score": [0.2972, 0.55],
            "ring": ["afvent", "afproev"],
            "n": [1066, 80],
        }
    )
    scopes = {
        None: pd.DataFrame({"technology": ["print"], "maturity": [2], "adoption": [0.3444]}),
        "social-sundhed": pd.DataFrame({"technology": ["print"], "maturity": [4], "adoption": [0.35]}),
    }
    fig = chart.heatmap_figure(explain.matrix_reasons(matrix, scopes, "da"), "da")
    cells = [c for row in fig.data[0].customdata for c in row]
    assert cells == [
        "3D print · Samlet<br>AFVENT, fordi (modenhed 0,250 + udbredelse 0,344) / 2 = 0,297 < 0,30<br>1.066 svar med et trin",
        "3D print · Social og sundhed<br>AFPRØV, fordi (modenhed 0,75 + udbredelse 0,35) / 2 = 0,55 ≥ 0,50 og < 0,70"
        "<br>80 svar med et trin",
    ]
    assert list(fig.data[0].colorbar.ticktext) == ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"]
    assert "%{z" not in fig.data[0].hovertemplate


def test_stage_bars_write_shares_in_the_language():
    shares = pd.DataFrame({"label": ["Samlet"], "stage_0": [0.1], "stage_1": [0.2], "stage_2": [0.3], "stage_3": [0.4]})
    fig = chart.stage_bar_figure(shares, "da")
    assert [tr.text[0] for tr in fig.data] == ["10\xa0%", "20\xa0%", "30\xa0%", "40\xa0%"]
    assert fig.data[0].hovertext[0] == "Samlet: 10\xa0%"
    assert list(fig.layout.xaxis.ticktext)[:2] == ["0\xa0%", "20\xa0%"] and fig.layout.xaxis.tickformat is None


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
        {
            "name": ["Ex", "Ex", "Why", "Why"],
            "domain_name": ["D1", "D2", "D1", "D2"],
            "score": [0.8, 0.4, 0.1, None],
            "ring": ["klar", "hold_oeje", "afvent", None],
            "n": [40, 30, 20, 0],
            "why": ["", "", "", ""],
        }
    )
    fig = chart.heatmap_figure(scores, "da")
    assert fig.data[0].text == (("KLAR", "HOLD ØJE"), ("AFVENT", "–")) or [list(r) for r in fig.data[0].text] == [
        ["KLAR", "HOLD ØJE"],
        ["AFVENT", "–"],
    ]


def test_ring_labels_are_drawn_under_the_blips(blips):
    fig = chart.radar_figure(blips, CATS, "da")
    modes = [tr.mode for tr in fig.data]
    assert modes.index("text") < modes.index("markers+text")


# --- legibility: numbers large enough, in a colour that reads on their blip, blips apart ---------------
def wcag_luminance(hex_color: str) -> float:
    """WCAG 2.x relative luminance, written out from the definition (not radar.chart's code)."""

    def linear(byte: int) -> float:
        srgb = byte / 255.0
        if srgb <= 0.03928:
            return srgb / 12.92
        return math.pow((srgb + 0.055) / 1.055, 2.4)

    h = hex_color.strip().lstrip("#")
    red, green, blue = int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def wcag_contrast(a: str, b: str) -> float:
    la, lb = wcag_luminance(a), wcag_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#FFFFFF", "#000000", 21.0), ("#000000", "#000000", 1.0), ("#767676", "#FFFFFF", 4.54), ("#777777", "#ffffff", 4.48)],
)
def test_contrast_ratio_matches_published_wcag_values(first, second, ratio):
    assert chart.contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)
    assert wcag_contrast(first, second) == pytest.approx(ratio, abs=0.01)


def test_every_category_colour_gets_a_number_colour_that_passes_wcag_aa():
    failing = {c: round(wcag_contrast(chart.number_color(c), c), 2) for c in CATEGORY_COLORS}
    failing = {c: r for c, r in failing.items() if r < MIN_NUMBER_CONTRAST}
    assert failing == {}, f"number on blip below {MIN_NUMBER_CONTRAST}:1"


def test_numbers_are_dark_on_light_blips_and_white_on_dark_ones():
    assert chart.number_color("#E69F00").upper() != "#FFFFFF"  # orange
    assert chart.number_color("#56B4E9").upper() != "#FFFFFF"  # sky blue
    assert chart.number_color("#0072B2").upper() == "#FFFFFF"  # blue
    assert chart.number_color("#332288").upper() == "#FFFFFF"  # indigo


def many_categories(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """n categories (every palette colour once when n = len(CATEGORY_COLORS)), two blips each."""
    ids = [f"c{k}" for k in range(n)]
    cats = pd.DataFrame({"id": ids, "name": [f"Kategori nummer {k}" for k in range(n)]})
    rows = [(f"t{k}{j}", c, RING_KEYS[(k + j) % 4], 0.5) for k, c in enumerate(ids) for j in range(2)]
    items = pd.DataFrame(rows, columns=["id", "category", "ring", "score"])
    items["score"] = [{"klar": 0.8, "afproev": 0.6, "hold_oeje": 0.4, "afvent": 0.1}[r] for r in items["ring"]]
    blips = place_blips(items, ids).rename(columns={"id": "technology"})
    blips["number"] = range(1, len(blips) + 1)
    blips["name"] = blips["technology"]
    blips["movement"] = None
    return blips, cats


def test_every_drawn_number_reads_on_its_blip():
    blips, cats = many_categories(len(CATEGORY_COLORS))
    fig = chart.radar_figure(blips, cats, "da")
    pairs = [(tr.textfont.color, tr.marker.color) for tr in blip_traces(fig) if len(tr.x)]
    assert {marker for _, marker in pairs} == set(CATEGORY_COLORS)
    low = [(text, marker) for text, marker in pairs if wcag_contrast(text, marker) < MIN_NUMBER_CONTRAST]
    assert low == []


def drawn_scale(fig, width: int) -> float:
    """Pixels per data unit Plotly draws at: equal axes fit the tighter of plot width and height."""
    m = fig.layout.margin
    x0, x1 = fig.layout.xaxis.range
    y0, y1 = fig.layout.yaxis.range
    return min((fig.layout.height - m.t - m.b) / (y1 - y0), (width - m.l - m.r) / (x1 - x0))


# (height, width of the chart on screen, width_hint given to the chart, presentation, local radar)
SIZES = [
    (640, 740, None, False, False),  # the combined radar's column at 1280 x 720
    (640, 1400, None, False, False),  # a wider screen: only more white space
    (560, 650, 650, False, True),  # the own radar beside the matrix
    (525, 860, 860, True, True),  # presentation view
    (560, 700, 700, True, True),
    (400, 300, 300, False, False),  # a narrow column, told so
    (1150, 1780, None, True, True),  # the PNG export with its names list
]


@pytest.fixture(scope="module")
def national(national_db):
    """Every national radar of the sample data: each edition, combined and per domain."""
    cats = service.categories(national_db, "da")
    radars = []
    for edition in service.editions(national_db)["year"]:
        for domain in [None, *service.domains(national_db, "da")["id"]]:
            radars.append(service.radar_blips(national_db, int(edition), domain, "da"))
    return radars, cats


@pytest.mark.parametrize(("height", "width", "hint", "presentation", "local"), SIZES)
def test_markers_never_touch_and_numbers_are_at_least_the_minimum(national, height, width, hint, presentation, local):
    radars, cats = national
    for blips in radars:
        if local:
            fig = chart.radar_figure(blips, cats, "da", presentation=presentation, height=height, width_hint=hint, legend=False)
        else:
            fig = chart.radar_figure(blips, cats, "da", presentation=presentation, height=height, width_hint=hint)
        spacing_px = blips["diameter"].iloc[0] * drawn_scale(fig, width)
        for tr in blip_traces(fig):
            assert tr.marker.size + tr.marker.line.width <= spacing_px + 1e-9
            assert tr.textfont.size >= GEOMETRY.number_min_px


def test_at_1280_the_combined_radar_has_room_for_its_numbers(national):
    """A two-digit 14 px number is about 16 px wide and 10 px high: its blip must be at least 19 px."""
    radars, cats = national
    for blips in radars:
        fig = chart.radar_figure(blips, cats, "da")
        assert min(tr.marker.size for tr in blip_traces(fig)) >= 19


def test_names_list_keeps_its_margin_and_the_radar_fits_beside_it(national):
    radars, cats = national
    blips = radars[0].assign(maturity_source="national", status=None, relevance=None, national_ring=None)
    fig = chart.own_radar_figure(blips, cats, "da", presentation=True, height=1150, names_list=True, title="Odder")
    assert fig.layout.margin.r == chart.NAMES_LIST_WIDTH
    assert fig.layout.showlegend is False
    assert [tr for tr in fig.data if tr.legendgroup == "movement"] == []


def glyph_points(fig) -> list[tuple[float, float]]:
    return [(x, y) for tr in fig.data if tr.legendgroup == "movement" for x, y in zip(tr.x, tr.y, strict=True) if x is not None]


def assert_glyphs_nearest_their_blip(blips, fig) -> None:
    centres = {row.technology: (row.x, row.y) for row in blips.itertuples()}
    moving = blips[blips["movement"].isin(list(chart.MOVEMENT_SYMBOLS))]
    glyphs = glyph_points(fig)
    assert len(glyphs) == len(moving)
    for gx, gy in glyphs:
        nearest = sorted(centres, key=lambda tech: math.dist((gx, gy), centres[tech]))
        own, runner_up = nearest[0], nearest[1] if len(nearest) > 1 else None
        assert own in set(moving["technology"]), f"glyph at {(gx, gy)} is nearest a blip without movement"
        if runner_up is not None:
            assert math.dist((gx, gy), centres[own]) < math.dist((gx, gy), centres[runner_up])


def test_movement_glyphs_sit_nearest_their_own_blip_on_every_national_radar(national):
    radars, cats = national
    for blips in radars:
        fig = chart.radar_figure(blips, cats, "da")
        assert_glyphs_nearest_their_blip(blips, fig)


def test_a_glyph_leaves_its_crowded_corner():
    """Seven blips packed in one cell: the upper right of most of them is taken by a neighbour."""
    items = pd.DataFrame(
        {"id": list("abcdefg"), "category": ["a"] * 7, "ring": ["afvent"] * 7, "score": [0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.11]}
    )
    blips = place_blips(items, ["a", "b"]).rename(columns={"id": "technology"})
    blips["number"] = range(1, 8)
    blips["name"] = blips["technology"]
    blips["movement"] = ["new", "moved_in", "moved_out", "new", "moved_in", "moved_out", "new"]
    fig = chart.radar_figure(blips, CATS, "da")
    assert_glyphs_nearest_their_blip(blips, fig)


moves = st.sampled_from(["new", "moved_in", "moved_out", None])


@settings(max_examples=30, deadline=None)
@given(picks=st.lists(st.tuples(st.integers(0, 5), st.sampled_from(RING_KEYS), st.floats(0, 1), moves), min_size=1, max_size=60))
def test_property_glyphs_sit_nearest_their_own_blip(picks):
    cats = pd.DataFrame({"id": [f"c{k}" for k in range(6)], "name": [f"Sektor {k}" for k in range(6)]})
    items = pd.DataFrame(
        [(f"t{i}", f"c{k}", ring, score) for i, (k, ring, score, _) in enumerate(picks)],
        columns=["id", "category", "ring", "score"],
    )
    blips = place_blips(items, cats["id"].tolist()).rename(columns={"id": "technology"})
    blips["number"] = range(1, len(blips) + 1)
    blips["name"] = blips["technology"]
    blips["movement"] = [m for *_, m in picks]
    assert_glyphs_nearest_their_blip(blips, chart.radar_figure(blips, cats, "da"))


def test_priority_matrix_numbers_read_on_their_points():
    points = pd.DataFrame(
        {"technology": ["x", "y"], "x": [2, 4], "y": [3, 5], "number": [1, 12], "name": ["Ex", "Why"], "category": ["a", "b"],
         "maturity": [2, 4], "relevance": [3, 5], "quadrant": ["leave", "go"]}
    )  # fmt: skip
    fig = chart.priority_matrix_figure(points, CATS, "da")
    (points_trace,) = blip_traces(fig)  # one trace, each point in its sector's colour
    assert points_trace.textfont.size >= GEOMETRY.number_min_px
    pairs = list(zip(points_trace.textfont.color, points_trace.marker.color, strict=True))
    assert len(pairs) == 2 and len({marker for _, marker in pairs}) == 2
    for number, marker in pairs:
        assert wcag_contrast(number, marker) >= MIN_NUMBER_CONTRAST


def test_a_ring_set_by_hand_is_marked_with_a_character_every_font_has():
    row = pd.Series(
        {"number": 4, "name": "Droner", "ring": "klar", "hand_set": True, "score": 0.8, "maturity": 4,
         "maturity_source": "own", "status": 2, "relevance": 5, "national_ring": "afproev"}
    )  # fmt: skip
    card = chart.own_hover_text(row, "da")
    assert f"KLAR {chart.HAND_SET_MARK} (sat i hånden)" in card
    # U+2022 BULLET is in every text font (WGL4, Latin fonts); no emoji or pictograph.
    assert chart.HAND_SET_MARK == "\u2022"
    assert "✋" not in card


# --- drawn for the screen it is on ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "room", "expected"),
    [
        (None, None, (736, 640)),  # not measured yet (the first draw, AppTest): the assumed 1280-pixel column
        (740, 511, (740, 511)),  # 1280 x 720: the room below the chart's top
        (1172, 871, (1172, 871)),  # 1920 x 1080
        (358, 440, (358, 380)),  # a phone: no taller than wide, never below the minimum height
        (502, 200, (502, 380)),  # little room left (scrolled far down): the minimum height
    ],
)
def test_the_figure_takes_the_room_the_screen_leaves(width, room, expected):
    assert chart.screen_figure_size(width, room) == expected


@pytest.mark.parametrize(("width", "height"), [(358, 380), (502, 502), (567, 559), (740, 511), (1172, 871)])
def test_fit_blips_keeps_blips_apart_at_the_scale_they_are_drawn(national, width, height):
    radars, cats = national
    for blips in radars:
        fitted = chart.fit_blips(blips, cats, width, height)
        assert sorted(fitted["technology"]) == sorted(blips["technology"])
        fig = chart.radar_figure(fitted, cats, "da", height=height, width=width, legend=False)
        assert fig.layout.width == width
        spacing_px = fitted["diameter"].iloc[0] * drawn_scale(fig, width)
        traces = [tr for tr in fig.data if tr.customdata is not None and tr.hovertext is not None]
        for tr in traces:
            assert tr.marker.size + tr.marker.line.width <= spacing_px + 1e-9


def test_at_1280x720_the_fitted_radar_numbers_its_blips(national):
    """The room a 1280 x 720 screen leaves (740 x 511): every blip carries its number, 14 px or more."""
    radars, cats = national
    for blips in radars:
        fig = chart.radar_figure(chart.fit_blips(blips, cats, 740, 511), cats, "da", height=511, width=740, legend=False)
        assert chart.numbers_shown(fig)
        assert sum(len(tr.customdata) for tr in blip_traces(fig)) == len(blips)
        assert min(tr.textfont.size for tr in blip_traces(fig)) >= 14


def test_a_crowded_radar_leaves_the_numbers_out_and_says_so():
    """600 entries in one sector: the blips are too small for numbers, so none is drawn (the page says why)."""
    cats = pd.DataFrame({"id": ["a", "b"], "name": ["Alfa", "Beta"]})
    rows = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(600)],
            "category": ["a"] * 600,
            "ring": [RING_KEYS[i % 4] for i in range(600)],
            "score": [0.8 if i % 4 == 0 else 0.6 if i % 4 == 1 else 0.4 if i % 4 == 2 else 0.1 for i in range(600)],
            "number": range(1, 601),
            "name": [f"T{i}" for i in range(600)],
            "movement": [None] * 600,
        }
    )
    placed = place_blips(rows, ["a", "b"]).rename(columns={"id": "technology"})
    fig = chart.radar_figure(placed, cats, "da", height=511, width=740, legend=False)
    assert not chart.numbers_shown(fig)
    drawn = [tr for tr in fig.data if tr.customdata is not None and tr.hovertext is not None]
    assert sum(len(tr.customdata) for tr in drawn) == 600
    assert all(tr.mode == "markers" and tr.text is None for tr in drawn)
    # The ring names are drawn over the dots, with a halo, so the crowd does not bury them.
    assert fig.data[-1].mode == "text" and "KLAR" in "".join(fig.data[-1].text)
    assert fig.data[-1].textfont.shadow
