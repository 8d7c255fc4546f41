"""The radar through the editions: the placed blips of every edition, trails of earlier positions, the time
control on the radar pages, and the five small radars on Fagområder.

Real DuckDB files: the seed's national database, and a copy of it in which one technology was not asked in
the oldest edition (as generative AI entered KL's radar in 2024). Nothing here depends on how many editions
there are.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from radar import chart, service
from radar.config import GEOMETRY, RING_KEYS
from radar.layout import ring_bounds, sector_bounds
from radar.safe import plain

APP = str(Path(__file__).resolve().parents[1] / "app.py")
LATE = "cloud"  # the technology the copy leaves out of the oldest edition (on every radar of the seed)
WIDTH, HEIGHT = 740, 640


def years(db: Path) -> list[int]:
    return sorted(int(y) for y in service.editions(db)["year"])


@pytest.fixture(scope="module")
def late_db(national_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The national database with LATE not asked in the oldest edition: no answers, no maturity rating."""
    target = tmp_path_factory.mktemp("late") / "radar.duckdb"
    shutil.copy(national_db, target)
    oldest = years(national_db)[0]
    con = duckdb.connect(str(target))
    for table in ("created_value", "answers", "maturity"):
        con.execute(f"DELETE FROM {table} WHERE edition = ? AND technology = ?", [oldest, LATE])  # noqa: S608 - fixed names
    con.close()
    return target


def categories(db: Path) -> pd.DataFrame:
    return service.categories(db, "da")


# --- the placed blips of every edition ----------------------------------------------------------------
@pytest.mark.parametrize("domain", [None, "teknik-miljoe"])
def test_the_timeline_holds_each_edition_as_its_own_radar_places_it(national_db, domain):
    timeline = service.radar_timeline(national_db, domain)
    assert timeline["edition"].drop_duplicates().tolist() == years(national_db)  # oldest first
    for year in years(national_db):
        own = service.radar_blips(national_db, year, domain, "da").set_index("technology").sort_index()
        part = timeline[timeline["edition"] == year].set_index("technology").sort_index()
        assert part.index.tolist() == own.index.tolist()
        assert part["ring"].tolist() == own["ring"].tolist()
        assert part["r"].tolist() == pytest.approx(own["r"].tolist())
        assert part["theta"].tolist() == pytest.approx(own["theta"].tolist())


def test_a_technology_has_one_number_in_every_edition_and_every_domain(national_db):
    combined = service.radar_timeline(national_db, None)
    assert (combined.groupby("technology")["number"].nunique() == 1).all()
    newest = service.radar_blips(national_db, years(national_db)[-1], None, "da")
    numbers = dict(zip(combined["technology"], combined["number"], strict=False))
    # The newest combined radar keeps its reading order 1..N.
    expected = dict(zip(newest["technology"], newest["number"], strict=True))
    assert {tech: numbers[tech] for tech in newest["technology"]} == expected
    for domain in service.domains(national_db, "da")["id"]:
        part = service.radar_timeline(national_db, domain)
        assert {tech: numbers[tech] for tech in part["technology"]} == dict(zip(part["technology"], part["number"], strict=False))


def test_a_technology_not_asked_in_the_oldest_edition_is_missing_there_and_keeps_its_number(late_db):
    timeline = service.radar_timeline(late_db, None)
    eds = years(late_db)
    assert LATE not in set(timeline.loc[timeline["edition"] == eds[0], "technology"])
    assert timeline.loc[timeline["technology"] == LATE, "edition"].tolist() == eds[1:]
    assert timeline.loc[timeline["technology"] == LATE, "number"].nunique() == 1


# --- trails -------------------------------------------------------------------------------------------
def shown_blips(db: Path, edition: int) -> pd.DataFrame:
    return chart.fit_blips(service.radar_blips(db, edition, None, "da"), categories(db), WIDTH, HEIGHT)


def test_a_trail_runs_through_every_edition_up_to_the_shown_one_oldest_first(late_db):
    eds = years(late_db)
    newest = eds[-1]
    shown = shown_blips(late_db, newest)
    timeline = service.radar_timeline(late_db, None)
    trails = chart.trail_positions(shown, timeline, categories(late_db), newest, WIDTH, HEIGHT)
    lengths = trails.groupby("technology").size()
    # Every other technology has a point in each edition whose own radar has it (Generativ AI enters in 2024).
    on_radar = pd.concat([service.radar_blips(late_db, year, None, "da")[["technology"]] for year in eds])
    assert lengths.drop(LATE).to_dict() == on_radar.groupby("technology").size().drop(LATE).to_dict()
    assert lengths[LATE] == len(eds) - 1  # not asked in the oldest edition: one point fewer
    for _, path in trails.groupby("technology"):
        assert path["edition"].tolist() == sorted(path["edition"])
    # It ends on the blip itself, and each earlier point is where that edition's radar, drawn at this size, has it.
    last = trails[trails["edition"] == newest].set_index("technology").sort_index()
    assert last["r"].tolist() == pytest.approx(shown.set_index("technology").sort_index()["r"].tolist())
    for year in eds[:-1]:
        drawn = chart.fit_blips(timeline[timeline["edition"] == year], categories(late_db), WIDTH, HEIGHT)
        drawn = drawn.set_index("technology").sort_index()
        mine = trails[trails["edition"] == year].set_index("technology").sort_index()
        assert mine["theta"].tolist() == pytest.approx(drawn["theta"].tolist())
        assert mine["ring"].tolist() == drawn["ring"].tolist()


def test_an_older_edition_shows_no_later_positions(national_db):
    eds = years(national_db)
    oldest = eds[0]
    timeline = service.radar_timeline(national_db, None)
    trails = chart.trail_positions(shown_blips(national_db, oldest), timeline, categories(national_db), oldest, WIDTH, HEIGHT)
    assert set(trails["edition"]) == {oldest}


def trail_traces(fig) -> list:
    return [tr for tr in fig.data if tr.meta == chart.TRAIL_META]


def test_the_trails_are_drawn_under_the_blips_with_their_edition_and_ring_on_hover(national_db):
    eds = years(national_db)
    if len(eds) < 2:
        pytest.skip("one edition: no trail to draw")
    newest = eds[-1]
    shown = shown_blips(national_db, newest)
    timeline = service.radar_timeline(national_db, None)
    trails = chart.trail_positions(shown, timeline, categories(national_db), newest, WIDTH, HEIGHT)
    fig = chart.radar_figure(shown, categories(national_db), "da", height=HEIGHT, width=WIDTH, legend=False, trails=trails)
    plain_fig = chart.radar_figure(shown, categories(national_db), "da", height=HEIGHT, width=WIDTH, legend=False)
    drawn = trail_traces(fig)
    assert drawn and trail_traces(plain_fig) == []
    blip_indexes = [i for i, tr in enumerate(fig.data) if tr.mode == "markers+text"]
    trail_indexes = [i for i, tr in enumerate(fig.data) if tr.meta == chart.TRAIL_META]
    assert max(trail_indexes) < min(blip_indexes)  # under every blip and its number
    assert all(tr.text is None for tr in drawn)  # a trail carries no text that could cover a number
    lines = [tr for tr in drawn if tr.mode == "lines"]
    assert lines and all(tr.hoverinfo == "skip" for tr in lines)
    dots = [tr for tr in drawn if tr.mode == "markers"]
    ring_names = {f"Udgave {year}: {name}" for year in eds[:-1] for name in ("KLAR", "AFPRØV", "HOLD ØJE", "AFVENT")}
    cards = [card for tr in dots for card in tr.hovertext]
    assert cards and all(card.split("<br>")[1] in ring_names for card in cards)
    numbers = dict(zip(shown["technology"], shown["number"], strict=True))
    for tr in dots:
        for tech, card in zip(tr.customdata, tr.hovertext, strict=True):
            assert card.startswith(f"<b>{numbers[tech]}. ")
    # No dot lies under a blip of the shown radar (it would be hidden, and take the blip's click).
    radius = float(shown["diameter"].iloc[0]) / 2
    centres = [chart.polar_to_xy(r, th) for r, th in zip(shown["r"], shown["theta"], strict=True)]
    assert all(math.dist((x, y), c) > radius for tr in dots for x, y in zip(tr.x, tr.y, strict=True) for c in centres)
    # Every trail stays in its category's sector: it never crosses a sector line or the ring names' wedge.
    cats = categories(national_db)["id"].tolist()
    sector_of = {
        color: sector_bounds(k, len(cats), GEOMETRY.label_gutter_deg)
        for k, color in enumerate(chart.category_colors(cats).values())
    }
    for tr in lines:
        low, high = sector_of[tr.line.color]
        angles = [math.degrees(math.atan2(x, y)) % 360 for x, y in zip(tr.x, tr.y, strict=True) if x is not None]
        assert all(low <= a <= high for a in angles)
    # The shown radar itself is unchanged by its trails.
    assert [tr.to_json() for tr in fig.data if tr.meta != chart.TRAIL_META] == [tr.to_json() for tr in plain_fig.data]


@pytest.mark.parametrize(
    ("start", "end"),
    [((0.2, 30.0), (0.6, 150.0)), ((0.9, 300.0), (0.4, 200.0)), ((0.5, 100.0), (0.5, 100.0)), ((0.3, 50.0), (0.7, 52.0))],
)
def test_a_trail_step_follows_the_rings_between_its_ends(start, end):
    points = chart.trail_segment(start, end)
    assert points[0] == pytest.approx(chart.polar_to_xy(*start)) and points[-1] == pytest.approx(chart.polar_to_xy(*end))
    radii = sorted((start[0], end[0]))
    angles = sorted((start[1], end[1]))
    for x, y in points:
        assert radii[0] - 1e-9 <= math.hypot(x, y) <= radii[1] + 1e-9
        assert angles[0] - 1e-9 <= math.degrees(math.atan2(x, y)) % 360 <= angles[1] + 1e-9


# --- small radars -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("width", "size"),
    [(None, chart.SMALL_RADAR_PX), (1120, 211), (1760, chart.SMALL_RADAR_MAX_PX), (600, 292), (358, 171), (200, 200)],
)
def test_five_small_radars_share_a_row_or_wrap_on_a_narrow_screen(width, size):
    assert chart.small_radar_size(width, 5) == size


def test_a_small_radar_shows_every_technology_in_its_colour_without_overlap(national_db):
    cats = categories(national_db)
    blips = service.radar_blips(national_db, years(national_db)[-1], "social-sundhed", "da")
    fig = chart.small_radar_figure(blips, cats, "da", size=chart.SMALL_RADAR_PX)
    assert fig.layout.width == fig.layout.height == chart.SMALL_RADAR_PX
    # Rings as outlines, not circles: the page's one large radar is the only chart with circle shapes.
    assert [s.type for s in fig.layout.shapes].count("path") == len(RING_KEYS)
    assert "circle" not in {s.type for s in fig.layout.shapes}
    colors = chart.category_colors(cats["id"].tolist())
    names = dict(zip(blips["technology"], blips["name"], strict=True))
    seen = []
    for tr in fig.data:
        assert tr.mode == "markers" and tr.text is None
        category = {blips.set_index("technology").at[tech, "category"] for tech in tr.customdata}
        assert len(category) == 1 and tr.marker.color == colors[category.pop()]
        for tech, card in zip(tr.customdata, tr.hovertext, strict=True):
            assert plain(names[tech]) in card  # as Plotly shows it, literally
        seen += [(tech, x, y) for tech, x, y in zip(tr.customdata, tr.x, tr.y, strict=True)]
    assert sorted(t for t, _, _ in seen) == sorted(blips["technology"])
    # Markers at the figure's scale never touch: centres at least a marker apart, all inside the outer ring.
    scale = chart.SMALL_RADAR_PX / (fig.layout.xaxis.range[1] - fig.layout.xaxis.range[0])
    marker = fig.data[0].marker.size
    for i, (_, x1, y1) in enumerate(seen):
        assert math.hypot(x1, y1) * scale + marker / 2 <= ring_bounds(len(RING_KEYS) - 1)[1] * scale + 1
        for _, x2, y2 in seen[i + 1 :]:
            assert math.dist((x1, y1), (x2, y2)) * scale >= marker


# --- the pages ----------------------------------------------------------------------------------------
@pytest.fixture
def app(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    return AppTest.from_file(APP, default_timeout=60)


def radar_spec(at: AppTest) -> dict:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    radars = [s for s in specs if any(tr.get("mode") == "markers+text" for tr in s["data"])]
    assert len(radars) == 1
    return radars[0]


def blip_numbers(spec: dict) -> dict[str, str]:
    return {
        tech: number
        for tr in spec["data"]
        if tr.get("mode") == "markers+text"
        for tech, number in zip(tr["customdata"], tr["text"], strict=True)
    }


def test_moving_the_time_control_shows_that_edition_in_the_url_with_the_same_numbers(app, national_db):
    eds = years(national_db)
    at = app.run()
    assert not at.exception
    slider = at.select_slider(key="edition")
    assert slider.value == eds[-1] and "edition" not in at.query_params
    newest = blip_numbers(radar_spec(at))
    at = slider.set_value(eds[0]).run()
    assert not at.exception
    assert at.query_params["edition"] == str(eds[0])
    older = blip_numbers(radar_spec(at))
    assert sorted(older) == sorted(service.radar_blips(national_db, eds[0], None, "da")["technology"])
    assert {tech: older[tech] for tech in older if tech in newest} == {tech: newest[tech] for tech in older if tech in newest}


def test_the_trails_switch_draws_trails_and_is_kept_in_the_url(app, national_db):
    if len(years(national_db)) < 2:
        pytest.skip("one edition: no trail to draw")
    at = app.run()
    assert not any(tr.get("meta") == chart.TRAIL_META for tr in radar_spec(at)["data"])  # off by default
    at = at.toggle(key="trails").set_value(True).run()
    assert not at.exception
    assert at.query_params["trails"] == "1"
    assert any(tr.get("meta") == chart.TRAIL_META for tr in radar_spec(at)["data"])
    assert any(c.value.startswith("Spor: den tynde linje") for c in at.caption)


def test_play_starts_at_the_oldest_edition(app, national_db):
    eds = years(national_db)
    if len(eds) < 2:
        pytest.skip("one edition: nothing to play")
    at = app.run()
    at = at.button(key="timeline_play").click().run()
    assert not at.exception
    assert at.select_slider(key="edition").value == eds[0]
    assert at.button(key="timeline_stop").label == "Stop"


def test_the_domain_page_compares_five_small_radars_of_the_chosen_edition(app, national_db):
    app.switch_page("pages/fagomraader.py")
    at = app.run()
    assert not at.exception
    doms = service.domains(national_db, "da")
    small = [c for c in at.get("plotly_chart") if c.proto.id and "small-radar" in c.proto.id]
    assert len(small) == len(doms)
    specs = [json.loads(c.proto.spec) for c in small]
    shown = [sorted(t for tr in s["data"] for t in tr["customdata"]) for s in specs]
    expected = [sorted(service.radar_blips(national_db, years(national_db)[-1], d, "da")["technology"]) for d in doms["id"]]
    assert shown == expected
    markdown = [m.value for m in at.markdown]
    assert all(f"**{name}**" in markdown for name in doms["name"])
