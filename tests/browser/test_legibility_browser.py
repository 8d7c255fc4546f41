"""Blip numbers a room can read, at 1280 x 720 (a projector) in a real browser.

On the combined radar, on an own radar made through the page, and in its presentation view:
every blip number is drawn at 14 px or more, in a colour with a WCAG contrast of at least
4.5:1 on its blip, inside its blip; no two blips touch; the sector labels are not cut off;
and the presentation view (radar and numbered list) fits the 720-pixel screen without
scrolling. Screenshots at 1280 x 720 and 390 x 844 go to /tmp/legibility/ (the temp folder) for a person to look at.
"""

from __future__ import annotations

import math
import re
import tempfile
from pathlib import Path

import pytest

from radar import service

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
SHOTS = Path(tempfile.gettempdir()) / "legibility"
MIN_NUMBER_PX = 14.0
MIN_CONTRAST = 4.5
RADAR_NAME = "Læsbarhed Ærø"

# Per chart on the page: the blip numbers (text points of traces that also draw markers, so the
# ring names are left out) with their font size, fill and box, and the marker each sits on.
# Sector labels and the chart's own box come along for the fit checks.
CHARTS_JS = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")].map(chart => {
  const box = el => { const b = el.getBoundingClientRect(); return {x: b.x, y: b.y, w: b.width, h: b.height}; };
  const svg = chart.querySelector('svg.main-svg');
  const blips = [];
  const rings = [];
  for (const trace of chart.querySelectorAll('.scatterlayer .trace')) {
    const points = [...trace.querySelectorAll('.points path.point')];
    const texts = [...trace.querySelectorAll('.textpoint text')];
    if (!points.length) { rings.push(...texts.map(t => t.textContent)); continue; }
    texts.forEach((t, i) => {
      const style = getComputedStyle(t);
      blips.push({text: t.textContent, size: parseFloat(style.fontSize), fill: style.fill,
                  box: box(t), marker: getComputedStyle(points[i]).fill, markerBox: box(points[i])});
    });
  }
  return {svg: svg ? box(svg) : null, blips, rings,
          labels: [...chart.querySelectorAll('.annotation')].map(a => ({text: a.textContent, box: box(a)}))};
})"""


def wcag_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.x relative luminance, from the definition."""

    def linear(byte: int) -> float:
        c = byte / 255.0
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def css_rgb(value: str) -> tuple[int, int, int]:
    """(r, g, b) of a computed CSS colour such as 'rgb(17, 17, 17)'."""
    found = re.match(r"rgba?\((\d+),\s*(\d+),\s*(\d+)", value)
    assert found, f"not a computed colour: {value!r}"
    return int(found[1]), int(found[2]), int(found[3])


def contrast(a: str, b: str) -> float:
    la, lb = wcag_luminance(css_rgb(a)), wcag_luminance(css_rgb(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def radar_charts(page) -> list[dict]:
    """The charts on the page that are radars (their ring names are drawn) and take room on the screen (a chart
    Streamlit is replacing during a rerun may still be in the page, drawn at no size)."""
    return [c for c in page.evaluate(CHARTS_JS) if "KLAR" in c["rings"] and c["svg"]["w"] > 0]


def wait_for_numbers(page, count: int) -> None:
    """Wait for what a person waits for: one radar on the page, showing `count` blip numbers."""
    page.wait_for_function(
        """n => {
             const shown = [...document.querySelectorAll("[data-testid='stPlotlyChart']")].map(chart =>
               [...chart.querySelectorAll('.scatterlayer .trace')]
                 .filter(t => t.querySelector('.points path.point'))
                 .reduce((sum, t) => sum + t.querySelectorAll('.textpoint text').length, 0)).filter(k => k > 0);
             return shown.length === 1 && shown[0] === n; }""",
        arg=count,
        timeout=60_000,
    )


def legibility_problems(chart: dict) -> list[str]:
    """Every number below 14 px, below 4.5:1 on its blip or wider than its blip, every two blips
    that touch, and every sector label cut off by the chart's edge."""
    problems = []
    for blip in chart["blips"]:
        ratio = contrast(blip["fill"], blip["marker"])
        if blip["size"] < MIN_NUMBER_PX:
            problems.append(f"number {blip['text']} is {blip['size']} px")
        if ratio < MIN_CONTRAST:
            problems.append(f"number {blip['text']}: {blip['fill']} on {blip['marker']} is {ratio:.2f}:1")
        if blip["box"]["w"] > blip["markerBox"]["w"]:
            problems.append(
                f"number {blip['text']} ({blip['box']['w']:.1f} px) is wider than its blip ({blip['markerBox']['w']:.1f} px)"
            )
    discs = [(b["text"], b["markerBox"]) for b in chart["blips"]]
    for i, (a, box_a) in enumerate(discs):
        for b, box_b in discs[i + 1 :]:
            apart = math.dist(
                (box_a["x"] + box_a["w"] / 2, box_a["y"] + box_a["h"] / 2),
                (box_b["x"] + box_b["w"] / 2, box_b["y"] + box_b["h"] / 2),
            )
            if apart < (box_a["w"] + box_b["w"]) / 2 - 0.5:
                problems.append(f"blips {a} and {b} overlap ({apart:.1f} px apart)")
    svg = chart["svg"]
    for label in chart["labels"]:
        box = label["box"]
        if box["x"] < svg["x"] - 0.5 or box["x"] + box["w"] > svg["x"] + svg["w"] + 0.5:
            problems.append(f"sector label {label['text']!r} is cut off at the side")
    return problems


def sizes(chart: dict) -> str:
    """What was measured, for the test's output."""
    fonts = sorted({b["size"] for b in chart["blips"]})
    markers = sorted({round(b["markerBox"]["w"], 1) for b in chart["blips"]})
    ratios = {f"{b['fill']} on {b['marker']}": round(contrast(b["fill"], b["marker"]), 2) for b in chart["blips"]}
    return f"numbers {fonts} px on blips {markers[0]}-{markers[-1]} px; contrast {ratios}"


def shoot(page, name: str, viewport: dict, count: int) -> None:
    page.set_viewport_size(viewport)
    # Plotly redraws for the new width after the resize: wait until the chart fits the screen.
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stPlotlyChart] svg.main-svg')]"
        ".every(svg => svg.getBoundingClientRect().right <= window.innerWidth)"
    )
    wait_for_numbers(page, count)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{viewport['width']}x{viewport['height']}.png"))


def national_count(app_server) -> int:
    edition = int(service.editions(app_server.db)["year"].max())
    return len(service.radar_blips(app_server.db, edition, None, "da"))


def test_combined_radar_numbers_read_at_1280x720(app_server, watched):
    page = watched.page
    count = national_count(app_server)
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_server.url}/")
    wait_for_numbers(page, count)
    charts = radar_charts(page)
    assert len(charts) == 1
    assert len(charts[0]["blips"]) == count
    print("combined radar:", sizes(charts[0]))
    assert legibility_problems(charts[0]) == []
    shoot(page, "combined", PROJECTOR, count)
    shoot(page, "combined", PHONE, count)
    assert watched.problems() == []


def test_own_radar_and_its_presentation_read_at_1280x720(app_server, watched):
    page = watched.page
    count = national_count(app_server)
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_server.url}/egen-radar")
    page.get_by_label("Radarens navn").fill(RADAR_NAME)
    page.get_by_role("button", name="Opret radar", exact=True).click()  # starts from the combined radar
    page.wait_for_selector(f"h1:has-text('{RADAR_NAME}')")
    wait_for_numbers(page, count)
    charts = radar_charts(page)
    assert len(charts) == 1 and len(charts[0]["blips"]) == count
    print("own radar:", sizes(charts[0]))
    assert legibility_problems(charts[0]) == []

    page.get_by_text("Præsentation", exact=True).first.click()
    page.wait_for_selector(".ring-list")
    wait_for_numbers(page, count)
    charts = radar_charts(page)
    assert len(charts) == 1 and len(charts[0]["blips"]) == count
    print("presentation:", sizes(charts[0]))
    assert legibility_problems(charts[0]) == []
    # The whole radar and the numbered list are in view on a 720-pixel projector, without scrolling.
    fit = page.evaluate(
        """() => ({scrollY: window.scrollY, height: window.innerHeight,
                   radar: document.querySelector("[data-testid='stPlotlyChart'] svg.main-svg").getBoundingClientRect().bottom,
                   list: document.querySelector('.ring-list').getBoundingClientRect().bottom})"""
    )
    print("presentation bottoms:", fit)
    # Pictures first, so a person can look at a failure too.
    shoot(page, "presentation", PROJECTOR, count)
    shoot(page, "presentation", PHONE, count)
    assert fit["scrollY"] == 0
    assert fit["radar"] <= PROJECTOR["height"], f"radar ends at {fit['radar']:.0f} px, below the 720 px screen"
    assert fit["list"] <= PROJECTOR["height"], f"numbered list ends at {fit['list']:.0f} px, below the 720 px screen"
    assert watched.problems() == []
