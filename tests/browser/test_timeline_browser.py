"""The radar through the editions in a real browser: trails on at 1280 x 720 keep every number legible, lie
under the blips and say their edition and ring on hover, and the time control (the keyboard on its slider)
moves the radar to another edition and into the link. Screenshots at 1280 x 720 and 390 x 844 go to
<tmp>/timeline/ for a person to look at.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from radar import service

from .test_legibility_browser import PHONE, PROJECTOR, legibility_problems, national_count, radar_charts, wait_for_numbers

pytestmark = pytest.mark.browser

SHOTS = Path(tempfile.gettempdir()) / "timeline"

# In the radar's scatter layer, in drawing order: "trail" for a trail trace (meta "trail"), "blip" for a trace
# of numbered blips; and the screen centre of each trail dot.
LAYERS_JS = """() => {
  const chart = [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
    .find(c => [...c.querySelectorAll('.scatterlayer .trace')].some(t => t.querySelector('.textpoint text')));
  if (!chart) return null;
  const order = [], dots = [];
  for (const trace of chart.querySelectorAll('.scatterlayer .trace')) {
    const data = trace.__data__ && trace.__data__[0] && trace.__data__[0].trace;
    if (data && data.meta === 'trail') {
      order.push('trail');
      for (const p of trace.querySelectorAll('.points path.point')) {
        const b = p.getBoundingClientRect();
        dots.push({x: b.x + b.width / 2, y: b.y + b.height / 2});
      }
    } else if (trace.querySelector('.textpoint text') && trace.querySelector('.points path.point')) {
      order.push('blip');
    }
  }
  return {order, dots};
}"""


def layers(page) -> dict:
    return page.evaluate(LAYERS_JS)


def test_trails_read_at_1280x720_and_the_time_control_moves_the_radar(app_server, watched):
    page = watched.page
    years = sorted(int(y) for y in service.editions(app_server.db)["year"])
    if len(years) < 2:
        pytest.skip("one edition: no trail and nowhere to move")
    count = national_count(app_server)
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_server.url}/?trails=1")
    wait_for_numbers(page, count)
    page.wait_for_function(f"() => ({LAYERS_JS})() && ({LAYERS_JS})().order.includes('trail')")
    charts = radar_charts(page)
    assert len(charts) == 1 and len(charts[0]["blips"]) == count
    assert legibility_problems(charts[0]) == []  # trails on: every number still 14 px, 4.5:1, inside its blip
    drawn = layers(page)
    assert drawn["order"].index("blip") > max(i for i, kind in enumerate(drawn["order"]) if kind == "trail")
    assert page.get_by_text("Spor: den tynde linje").is_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "trails-1280x720.png"))

    # A trail dot names its edition and ring.
    earlier = "|".join(str(y) for y in years[:-1])
    names_edition = re.compile(rf"Udgave ({earlier}): (KLAR|AFPRØV|HOLD ØJE|AFVENT)")
    said = ""
    for dot in drawn["dots"]:  # every dot if need be: near a blip, the blip's card shows
        page.mouse.move(dot["x"], dot["y"])
        with contextlib.suppress(PlaywrightTimeout):  # a busy machine draws the card late; try the next dot then
            page.wait_for_function("() => document.querySelector('.hoverlayer .hovertext')", timeout=3_000)
        said = page.evaluate("() => [...document.querySelectorAll('.hoverlayer .hovertext')].map(e => e.textContent).join(' ')")
        if names_edition.search(said):
            break  # a dot under a blip shows the blip's card (Plotly picks the nearest point): the next dot then
    assert names_edition.search(said), said

    # The time control, from the keyboard: Home goes to the oldest edition, which the link then names.
    page.get_by_role("slider").first.focus()
    page.keyboard.press("Home")
    page.wait_for_url(re.compile(rf"edition={years[0]}"))
    wait_for_numbers(page, len(service.radar_blips(app_server.db, years[0], None, "da")))
    page.wait_for_function(f"() => ({LAYERS_JS})() && !({LAYERS_JS})().order.includes('trail')")  # nothing before the oldest

    page.get_by_role("slider").first.focus()
    page.keyboard.press("End")  # and back to the newest: the link names no edition again
    page.wait_for_function("() => !location.search.includes('edition=')")
    wait_for_numbers(page, count)
    page.wait_for_function(f"() => ({LAYERS_JS})() && ({LAYERS_JS})().order.includes('trail')")

    page.set_viewport_size(PHONE)  # on a phone the trails are drawn too, under dots without numbers
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stPlotlyChart] svg.main-svg')]"
        ".every(svg => svg.getBoundingClientRect().right <= window.innerWidth)"
    )
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SHOTS / "trails-390x844.png"), full_page=True)
    assert watched.problems() == []
