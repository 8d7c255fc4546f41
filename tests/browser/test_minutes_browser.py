"""The end of the meeting in a real browser: the page prints clean (print media), and one click gives the minutes' PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from .conftest import wait_for_app

pytestmark = pytest.mark.browser

RADAR_NAME = "Referat på Ærø"
HIDDEN_IN_PRINT = ("stHeader", "stTopNav", "stButton", "stDownloadButton", "stSelectbox", "stCheckbox", "stButtonGroup")


def visible(page, test_id: str) -> int:
    """How many elements with `test_id` the page shows (a box of some size, not display: none)."""
    return page.evaluate(
        "id => [...document.querySelectorAll(`[data-testid='${id}']`)].filter(e => e.getClientRects().length > 0"
        " && e.getBoundingClientRect().height > 0).length",
        test_id,
    )


def test_the_page_prints_clean_and_the_minutes_download_as_a_pdf(app_server, watched, tmp_path):
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server.url}/egen-radar")
    wait_for_app(page)
    page.get_by_label("Radarens navn").fill(RADAR_NAME)
    page.get_by_role("button", name="Opret radar", exact=True).click()
    page.wait_for_selector(f"h1:has-text('{RADAR_NAME}')")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .scatterlayer .textpoint")
    wait_for_app(page)
    page.get_by_role("tab", name="Eksport").click()
    button = page.get_by_role("button", name="Referat (PDF)")
    button.wait_for()

    shown_on_screen = {test_id: visible(page, test_id) for test_id in HIDDEN_IN_PRINT}
    assert all(shown_on_screen.values()), f"the screen shows every control: {shown_on_screen}"
    page.emulate_media(media="print")
    assert {test_id: visible(page, test_id) for test_id in HIDDEN_IN_PRINT} == dict.fromkeys(HIDDEN_IN_PRINT, 0)
    assert visible(page, "stPlotlyChart") == 2, "the radar and the matrix are printed"
    assert page.locator("[data-testid='stPlotlyChart'] .scatterlayer .textpoint").first.is_visible()
    assert page.locator("h1", has_text=RADAR_NAME).is_visible()
    page.screenshot(path=str(tmp_path / "print-1280.png"), full_page=True)
    page.emulate_media(media="screen")

    with page.expect_download(timeout=60_000) as info:
        button.click()
    assert info.value.suggested_filename.startswith("Referat-på-Ærø-referat-")
    assert info.value.suggested_filename.endswith("-eksempeldata.pdf")
    target = tmp_path / "referat.pdf"
    info.value.save_as(target)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for heading in (f"Referat: {RADAR_NAME}", "Radaren", "Teknologier efter ring", "Beslutninger, ansvarlige og næste skridt",
                    "Forskelle til landet", "Workshoprunder", "Eksempeldata — ikke KL's officielle tal"):  # fmt: skip
        assert heading in text, heading
    assert watched.problems() == []
