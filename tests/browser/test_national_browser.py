"""What a person does in a browser on the national radar pages."""

from __future__ import annotations

import re

import pytest

from radar import service

from .conftest import running_app, wait_for_app, wait_for_radar
from .test_screens_browser import SIZED_JS

pytestmark = pytest.mark.browser

# The combined radar is the default page at /.
PAGES = ["", "fagomraader", "egen-radar", "teknologi", "import", "om"]
ENGLISH_TITLES = {
    "": "Combined radar",
    "fagomraader": "Domains",
    "egen-radar": "Make your own radar",
    "teknologi": "Technology",
    "import": "Import",
    "om": "About the radar",
}


def wait_for_sized_radar(page: object) -> None:
    """Wait until the radar is drawn for the width the browser measured (its first draw comes before the
    measurement, and the rerun with it redraws the radar and its list) and the page has settled."""
    wait_for_radar(page)
    page.wait_for_function(SIZED_JS, timeout=60_000)
    wait_for_app(page)


def blip_labels(page: object) -> list[str]:
    """The numbers drawn inside the radar's blips (ring names are text points too: left out)."""
    texts = page.locator("[data-testid='stPlotlyChart'] .scatterlayer .textpoint").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    return [t for t in texts if t.strip().isdigit()]


def wait_for_blips(page: object, count: int) -> None:
    """Wait until the page shows `count` numbered blips: while a rerun replaces the radar, Streamlit
    can show the old chart beside the new one for a moment (seen once under two workers: 50 for 25)."""
    page.wait_for_function(
        "(n) => [...document.querySelectorAll(\"[data-testid='stPlotlyChart'] .scatterlayer .textpoint\")]"
        ".filter(e => /^\\d+$/.test(e.textContent.trim())).length === n",
        arg=count,
        timeout=30_000,
    )


def ring_list_text(page: object) -> str:
    return page.locator(".ring-list").first.inner_text()


@pytest.mark.parametrize("slug", PAGES)
def test_every_page_loads_without_errors(app_server, watched, slug):
    page = watched.page
    page.goto(f"{app_server.url}/{slug}")
    wait_for_app(page)
    if slug in ("", "fagomraader"):
        wait_for_sized_radar(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert watched.problems() == []


@pytest.mark.parametrize("slug", PAGES)
def test_every_page_switches_to_english(app_server, watched, slug):
    page = watched.page
    page.goto(f"{app_server.url}/{slug}")
    wait_for_app(page)
    page.get_by_test_id("stButtonGroup").first.get_by_text("English", exact=True).click()
    page.wait_for_function(
        "(title) => document.querySelector('h1') && document.querySelector('h1').innerText.includes(title)",
        arg=ENGLISH_TITLES[slug],
    )
    page.wait_for_url(re.compile(r"lang=en"))
    assert watched.problems() == []


def test_english_stays_when_moving_between_pages(app_server, watched):
    page = watched.page
    page.goto(f"{app_server.url}/")
    wait_for_sized_radar(page)
    page.get_by_test_id("stButtonGroup").first.get_by_text("English", exact=True).click()
    page.wait_for_function("() => document.querySelector('h1').innerText.includes('Combined radar')")
    wait_for_sized_radar(page)  # the radar redrawn in English, as the reader sees it, before going on
    page.get_by_role("link", name="Domains").click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('Domains')")
    wait_for_sized_radar(page)
    assert "READY" in ring_list_text(page)
    page.wait_for_url(re.compile(r"lang=en"))
    page.get_by_role("link", name="About the radar").click()
    page.wait_for_function(
        "() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('About the radar')"
    )
    assert watched.problems() == []


def test_combined_radar_draws_every_placed_technology(app_server, watched):
    page = watched.page
    page.goto(f"{app_server.url}/")
    wait_for_sized_radar(page)
    latest = int(service.editions(app_server.db)["year"].max())
    expected = len(service.radar_blips(app_server.db, latest, None, "da"))
    wait_for_blips(page, expected)
    labels = sorted(blip_labels(page), key=int)
    assert labels == [str(i) for i in range(1, expected + 1)]
    assert "KLAR" in ring_list_text(page)
    assert page.get_by_text("Eksempeldata").first.is_visible()


def test_choosing_another_domain_redraws_the_radar(app_server, watched):
    page = watched.page
    page.goto(f"{app_server.url}/fagomraader")
    wait_for_sized_radar(page)
    before = ring_list_text(page)
    page.get_by_role("combobox", name="Fagområde").click()
    page.get_by_role("option", name="Teknik og miljø").click()
    page.wait_for_url(re.compile(r"domain=teknik-miljoe"))
    wait_for_sized_radar(page)
    page.wait_for_function("(before) => document.querySelector('.ring-list').innerText !== before", arg=before)
    latest = int(service.editions(app_server.db)["year"].max())
    expected = service.radar_blips(app_server.db, latest, "teknik-miljoe", "da")
    klar = expected[expected["ring"] == "klar"].sort_values("number")["name"].tolist()
    text = ring_list_text(page)
    assert all(name in text for name in klar)
    assert watched.problems() == []


def test_domain_in_the_url_opens_that_domain(app_server, watched):
    page = watched.page
    page.goto(f"{app_server.url}/fagomraader?domain=social-sundhed")
    wait_for_sized_radar(page)
    assert page.get_by_role("combobox", name="Fagområde").input_value() == "Social og sundhed"
    latest = int(service.editions(app_server.db)["year"].max())
    expected = service.radar_blips(app_server.db, latest, "social-sundhed", "da")
    wait_for_blips(page, len(expected))
    assert len(blip_labels(page)) == len(expected)


def test_language_switch_changes_the_labels(app_server, watched):
    page = watched.page
    page.goto(f"{app_server.url}/")
    wait_for_sized_radar(page)
    assert page.locator("h1").first.inner_text().strip() == "Samlet radar"
    page.get_by_test_id("stButtonGroup").first.get_by_text("English", exact=True).click()
    page.wait_for_function(
        "() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('Combined radar')"
    )
    wait_for_sized_radar(page)
    assert "READY" in ring_list_text(page)
    assert page.get_by_text("Sample data").first.is_visible()
    assert watched.problems() == []


def test_search_filter_thins_radar_and_list_and_lands_in_the_url(app_server, watched):
    page = watched.page
    page.goto(f"{app_server.url}/?q=robot")
    wait_for_sized_radar(page)
    text = ring_list_text(page)
    assert "Fysiske robotter" in text and "RPA (software-robotter)" in text
    assert "Cloud" not in text
    assert len(blip_labels(page)) == 2
    assert "q=robot" in page.url


def test_filters_from_a_link_show_in_the_filter_popover_and_can_be_taken_off(app_server, watched):
    """A shared link with ?ring= filters the radar, and opening Filtre shows why (the dropdowns showed nothing)."""
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server.url}/?ring=klar")
    wait_for_sized_radar(page)
    klar = len(blip_labels(page))
    page.get_by_role("button", name="Filtre (1)").click()
    chip = page.locator("[data-testid='stPopoverBody'] [data-tag]")
    chip.first.wait_for(timeout=60_000)
    assert chip.all_inner_texts() == ["KLAR"]
    page.get_by_role("button", name="Remove KLAR").click()  # the chip's × (Streamlit's own English name)
    page.get_by_text(f"Viser {expected_blips(app_server)} af {expected_blips(app_server)} teknologier").wait_for(timeout=60_000)
    assert "ring=" not in page.url
    # The list's count comes before the chart's redraw: wait for the radar the user waits for.
    page.wait_for_function(
        """n => [...document.querySelectorAll("[data-testid='stPlotlyChart'] .scatterlayer .textpoint")]
                 .filter(e => /^\\s*\\d+\\s*$/.test(e.textContent)).length > n""",
        arg=klar,
        timeout=60_000,
    )
    assert len(blip_labels(page)) > klar


def expected_blips(app_server) -> int:
    return len(service.radar_blips(app_server.db, int(service.editions(app_server.db)["year"].max()), None, "da"))


def test_clicking_a_blip_opens_its_detail(app_server, watched):
    page = watched.page
    page.goto(f"{app_server.url}/?q=video")
    wait_for_sized_radar(page)
    number = page.locator("[data-testid='stPlotlyChart'] .scatterlayer .textpoint").filter(has_text=re.compile(r"^1$")).first
    box = number.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("text=Ring i hvert fagområde", timeout=30_000)
    assert page.get_by_text("Eksempler på anvendelse").first.is_visible()


def test_a_first_visitor_on_a_subpage_gets_the_whole_app(tmp_path, watched):
    """A fresh server whose very first visitor opens /teknologi still shows our navigation."""
    with running_app(tmp_path) as server:
        page = watched.page
        page.goto(f"{server.url}/teknologi?tech=cloud")
        wait_for_app(page)
        nav = page.get_by_role("link", name="Fagområder")
        assert nav.count() >= 1
        assert page.get_by_test_id("stSidebarNav").count() == 0  # no bare pages/ listing
        page.wait_for_selector("h3:has-text('Cloud')")
        assert watched.problems() == []


def test_an_old_link_to_samlet_opens_the_combined_radar(app_server, watched):
    page = watched.page
    page.goto(f"{app_server.url}/samlet")
    wait_for_sized_radar(page)
    assert page.locator("h1").first.inner_text().strip() == "Samlet radar"
    assert page.get_by_text("Page not found").count() == 0
