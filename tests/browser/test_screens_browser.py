"""The national radar read on real screens: 390, 800, 1024, 1280 and 1920 pixels wide, in Chromium.

Measured in the page, from what Plotly drew (its axes give the radar's centre and scale):
no two blips touch, no blip's disc crosses a ring or a sector line, each movement glyph is
nearer its own blip than any other, sector labels are inside the chart (from 800 px up), and
where numbers are drawn they are at least 14 px, 4.5:1 on their blip and inside it. At 1280 x 720
the whole radar with its labels is in view without scrolling on the combined and the domain page.
A click on a blip opens its detail in view; every blip can be opened with the keyboard from the
list; the chart's screen-reader label is in the UI's language; axe-core (vendored, loaded from
tests/browser/vendor/) finds nothing serious or critical on any page. Screenshots go to
<tmp>/screens/ for a person to look at.
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path

import pytest

from radar import service
from radar.i18n import t

from .conftest import wait_for_app, wait_for_radar
from .test_legibility_browser import contrast

pytestmark = pytest.mark.browser

SCREENS = [(390, 844), (800, 900), (1024, 768), (1280, 720), (1920, 1080)]
RADAR_PAGES = ["", "fagomraader"]
ALL_PAGES = ["", "fagomraader", "egen-radar", "teknologi", "import", "modenhed", "om"]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SHOTS = Path(tempfile.gettempdir()) / "screens"
# Below this width the sector labels may reach past the chart's sides (a phone: see the README).
LABELS_INSIDE_FROM = 800

# The radar as drawn: its centre and pixels per unit from Plotly's own axes, each blip's disc (with
# its technology and number), each movement glyph (with whose it is), ring radii and sector lines.
RADAR_JS = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")].map(chart => {
  const gd = chart.querySelector('.js-plotly-plot');
  const svg = chart.querySelector('svg.main-svg');
  if (!gd || !gd._fullLayout || !svg || !(gd.layout.shapes || []).some(s => s.type === 'circle')) return null;
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const s = svg.getBoundingClientRect();
  const box = el => { const b = el.getBoundingClientRect(); return {x: b.x, y: b.y, w: b.width, h: b.height}; };
  const blips = [], glyphs = [], rings = [];
  for (const trace of chart.querySelectorAll('.scatterlayer .trace')) {
    const data = trace.__data__ && trace.__data__[0] && trace.__data__[0].trace;
    const points = [...trace.querySelectorAll('.points path.point')];
    const texts = [...trace.querySelectorAll('.textpoint text')];
    if (!points.length) { rings.push(...texts.map(t => ({text: t.textContent, box: box(t)}))); continue; }
    points.forEach((p, i) => {
      const b = box(p);
      const centre = {x: b.x + b.w / 2, y: b.y + b.h / 2, w: b.w};
      if (data.legendgroup === 'movement') { glyphs.push({...centre, of: data.meta[i]}); return; }
      const text = texts[i];
      blips.push({...centre, technology: data.customdata[i], marker: getComputedStyle(p).fill,
                  text: text ? text.textContent : null, textBox: text ? box(text) : null,
                  size: text ? parseFloat(getComputedStyle(text).fontSize) : null,
                  fill: text ? getComputedStyle(text).fill : null});
    });
  }
  return {svg: box(svg), centre: [s.x + xa._offset + xa.l2p(0), s.y + ya._offset + ya.l2p(0)],
          ppu: xa._length / (xa.range[1] - xa.range[0]), width: gd.layout.width,
          column: chart.parentElement.getBoundingClientRect().width,
          label: chart.getAttribute('aria-label'), blips, glyphs, rings,
          ringRadii: gd.layout.shapes.filter(s => s.type === 'circle').map(s => s.x1),
          sectorLines: gd.layout.shapes.filter(s => s.type === 'line').map(s => Math.atan2(s.x1, s.y1) * 180 / Math.PI),
          labels: [...chart.querySelectorAll('.annotation')].map(a => ({text: a.textContent, box: box(a)}))};
}).filter(Boolean)"""

# The radar has been drawn for the width the browser measured (its first draw, before the
# measurement arrives, has no fixed width), placed for that width (not the previous figure that
# Streamlit narrows to the column at once after a resize: layout.meta.width is the width the
# server placed the blips for), and its blips are on screen.
SIZED_JS = """() => {
  const charts = [...document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot")]
    .filter(gd => (gd.layout.shapes || []).some(s => s.type === 'circle'));
  const column = gd => gd.closest("[data-testid='stPlotlyChart']").parentElement.getBoundingClientRect().width;
  const placed = gd => gd.layout.meta && Math.abs(gd.layout.meta.width - gd.layout.width) < 0.01;
  return charts.length === 1 && charts[0].layout.width && Math.abs(charts[0].layout.width - column(charts[0])) < 2
    && placed(charts[0])
    && charts[0].querySelectorAll('.scatterlayer .points path.point').length > 0;
}"""


def sized_radar(page) -> dict:
    """The one radar on the page, once drawn for the screen's size (and settled)."""
    # A resize still on its way redraws it once more: settled is two looks 800 ms apart that agree.
    deadline = time.monotonic() + 60
    page.wait_for_function(SIZED_JS, timeout=60_000)
    before = page.evaluate(RADAR_JS)
    while True:
        page.wait_for_timeout(800)
        page.wait_for_function(SIZED_JS, timeout=60_000)
        radars = page.evaluate(RADAR_JS)
        if radars == before or time.monotonic() > deadline:
            break
        before = radars
    assert len(radars) == 1
    return radars[0]


def drawing_problems(radar: dict, labels_inside: bool) -> list[str]:
    """Every touching pair, every disc across a ring or sector line, every glyph nearer another blip, every cut label."""
    problems = []
    cx, cy = radar["centre"]
    ppu = radar["ppu"]
    blips = radar["blips"]
    for blip in blips:
        r = math.dist((blip["x"], blip["y"]), (cx, cy))
        radius = blip["w"] / 2
        for ring in radar["ringRadii"]:
            if abs(r - ring * ppu) < radius:
                problems.append(f"{blip['technology']} crosses the ring line at {ring}")
        angle = math.degrees(math.atan2(blip["x"] - cx, cy - blip["y"]))
        for line in radar["sectorLines"]:
            apart = math.radians(abs((angle - line + 180) % 360 - 180))
            if apart < math.pi / 2 and r * math.sin(apart) < radius:
                problems.append(f"{blip['technology']} crosses the sector line at {line:.1f}°")
    for i, a in enumerate(blips):
        for b in blips[i + 1 :]:
            apart = math.dist((a["x"], a["y"]), (b["x"], b["y"]))
            if apart < (a["w"] + b["w"]) / 2 - 0.5:
                problems.append(f"{a['technology']} and {b['technology']} overlap ({apart:.1f} px apart)")
    for glyph in radar["glyphs"]:
        distances = sorted((math.dist((glyph["x"], glyph["y"]), (b["x"], b["y"])), b["technology"]) for b in blips)
        if distances[0][1] != glyph["of"]:
            problems.append(f"the glyph of {glyph['of']} is nearest {distances[0][1]}")
    svg = radar["svg"]
    for label in radar["labels"] if labels_inside else []:
        box = label["box"]
        if box["x"] < svg["x"] - 0.5 or box["x"] + box["w"] > svg["x"] + svg["w"] + 0.5:
            problems.append(f"sector label {label['text']!r} is cut off at the side")
    return problems


def number_problems(radar: dict) -> list[str]:
    """Every number below 14 px, below 4.5:1 on its blip, or wider than its blip."""
    problems = []
    for blip in radar["blips"]:
        if blip["text"] is None:
            problems.append(f"{blip['technology']} has no number")
            continue
        if blip["size"] < 14:
            problems.append(f"number {blip['text']} is {blip['size']} px")
        if contrast(blip["fill"], blip["marker"]) < 4.5:
            problems.append(f"number {blip['text']} is below 4.5:1 on its blip")
        if blip["textBox"]["w"] > blip["w"]:
            problems.append(f"number {blip['text']} is wider than its blip")
    return problems


def expected_count(app_server, domain: str | None) -> int:
    edition = int(service.editions(app_server.db)["year"].max())
    return len(service.radar_blips(app_server.db, edition, domain, "da"))


def first_domain(app_server) -> str:
    return str(service.domains(app_server.db, "da")["id"].iloc[0])


@pytest.mark.parametrize("slug", RADAR_PAGES)
@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_the_radar_is_drawn_for_the_screen(app_server, watched, slug, width, height):
    page = watched.page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{app_server.url}/{slug}")
    wait_for_radar(page)
    radar = sized_radar(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{slug or 'samlet'}-{width}x{height}.png"))
    blips = radar["blips"]
    print(f"{slug or 'samlet'} {width}x{height}: chart {radar['width']} px, blips {min(b['w'] for b in blips):.1f} px")
    assert len(blips) == expected_count(app_server, first_domain(app_server) if slug else None)
    assert radar["width"] == pytest.approx(radar["column"], abs=2)
    assert drawing_problems(radar, labels_inside=width >= LABELS_INSIDE_FROM) == []
    if width >= LABELS_INSIDE_FROM:
        assert number_problems(radar) == []
    assert switch_cut_off(page) == []
    assert watched.problems() == []


def switch_cut_off(page) -> list[str]:  # noqa: ANN001 - Playwright page
    """The language switch's buttons that a clipping ancestor cuts (at 1024 px, "English" lost its right edge)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.st-key-language_switch button')].flatMap(button => {
            const box = button.getBoundingClientRect();
            const cuts = [];
            for (let el = button.parentElement; el && el !== document.body; el = el.parentElement) {
                const style = getComputedStyle(el);
                if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
                const clip = el.getBoundingClientRect();
                if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) cuts.push(button.innerText.trim());
            }
            return cuts;
        })"""
    )


@pytest.mark.parametrize("slug", RADAR_PAGES)
def test_at_1280x720_the_whole_radar_is_in_view(app_server, watched, slug):
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server.url}/{slug}")
    wait_for_radar(page)
    radar = sized_radar(page)
    assert page.evaluate("window.scrollY") == 0
    things = [("the chart", radar["svg"])] + [(f"label {x['text']}", x["box"]) for x in radar["labels"] + radar["rings"]]
    below = [f"{name} ends at {box['y'] + box['h']:.0f} px" for name, box in things if box["y"] + box["h"] > 720]
    above = [name for name, box in things if box["y"] < 0]
    assert below == [] and above == []
    assert {x["text"] for x in radar["rings"]} == {"KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"}
    assert number_problems(radar) == []


def test_a_narrower_window_redraws_the_radar_for_its_width(app_server, watched):
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server.url}/")
    wait_for_radar(page)
    wide = sized_radar(page)
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_function(
        "w => { const gd = [...document.querySelectorAll('.js-plotly-plot')].find(g => (g.layout.shapes || []).length);"
        " return gd && gd.layout.width && gd.layout.width < w && gd.layout.meta && gd.layout.meta.width === gd.layout.width; }",
        arg=wide["width"],
        timeout=60_000,
    )
    narrow = sized_radar(page)
    assert narrow["width"] < wide["width"]
    assert drawing_problems(narrow, labels_inside=True) == []
    assert number_problems(narrow) == []


def test_a_click_on_a_blip_opens_its_detail_in_view(app_server, watched):
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server.url}/")
    wait_for_radar(page)
    radar = sized_radar(page)
    blip = next(b for b in radar["blips"] if b["text"] == "1")
    page.mouse.click(blip["x"], blip["y"])
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=30_000)
    dialog.get_by_text("Ring i hvert fagområde").wait_for(timeout=30_000)
    box = dialog.bounding_box()
    assert box["y"] >= 0 and box["y"] < 720 / 3, f"the detail starts at {box['y']:.0f} px"
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    assert watched.problems() == []


def test_every_blip_can_be_opened_with_the_keyboard(app_server, watched):
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server.url}/")
    wait_for_radar(page)
    sized_radar(page)
    names = service.radar_blips(app_server.db, int(service.editions(app_server.db)["year"].max()), None, "da")
    picker = page.get_by_role("combobox", name="Vis detaljer for", exact=True)
    picker.focus()
    page.keyboard.type("Droner")
    page.keyboard.press("Enter")
    number = int(names.loc[names["technology"] == "droner", "number"].iloc[0])
    page.get_by_text("Ring i hvert fagområde").wait_for(timeout=30_000)
    assert page.get_by_role("heading", name="Droner").is_visible()
    assert picker.input_value() == f"{number}. Droner"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_chart_has_a_screen_reader_label_in_the_ui_language(app_server, watched, lang):
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server.url}/fagomraader" + ("?lang=en" if lang == "en" else ""))
    wait_for_radar(page)
    page.wait_for_function(
        "label => [...document.querySelectorAll(\"[data-testid='stPlotlyChart']\")]"
        ".some(c => c.getAttribute('aria-label') === label)",
        arg=t("radar_aria", lang),
        timeout=30_000,
    )
    assert sized_radar(page)["label"] == t("radar_aria", lang)


@pytest.mark.parametrize("slug", ALL_PAGES)
def test_axe_finds_nothing_serious_on_any_page(app_server, watched, slug):
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server.url}/{slug}")
    wait_for_app(page)
    if slug in RADAR_PAGES:
        sized_radar(page)
    # Streamlit fades what a rerun is about to replace (data-stale): faded text fails contrast until it is gone.
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=30_000)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0].target.join(' ')}`)"""
    )
    assert violations == []


@pytest.mark.parametrize("slug", [*ALL_PAGES, "deltag"])
def test_every_page_has_one_main_heading(app_server, watched, slug):
    page = watched.page
    page.goto(f"{app_server.url}/{slug}")
    wait_for_app(page)
    page.locator("[data-testid='stMain'] h1").first.wait_for()
    assert page.locator("[data-testid='stMain'] h1").count() == 1
