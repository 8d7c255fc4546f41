"""The meeting script of the facilitator's workspace, end to end, on a 1280x720 projector (issue 8).

A facilitator starts a radar from a domain with only its KLAR and AFPRØV technologies, sets a
status, sets a ring by hand before its reason, adds the group's own technology, undoes and redoes
by name, and presents. At each step the test checks what went wrong in the measured meeting:
confirmations and undo where the eye is (in view), undo naming the change, numbers that stay put,
a ring waiting for its reason shown in place without moving the table, own technologies placed at
once, and a presentation that fits the screen. Screenshots go to the temp folder for a person to look at.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from .conftest import wait_for_app

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}
SHOTS = Path(tempfile.gettempdir()) / "meeting"
RADAR_NAME = "Dialogmøde Social og sundhed"
# Column widths of the entries editor (radar/ui_own/entries.py): name (pinned), number, ring, status, relevance, ring by hand.
NAME, NUMBER, RING, STATUS, RELEVANCE, HAND_RING = 200, 50, 100, 130, 105, 120
ROW = 35
NAME_TD, NUMBER_TD, RING_TD, STATUS_TD = 0, 1, 2, 3
#: The drawn Plotly charts of the workspace in page order: the radar, then the priority matrix.
CHARTS = "document.querySelectorAll(\"[data-testid='stPlotlyChart'] .js-plotly-plot\")"


def rows(page) -> list[list[str]]:
    """The editor's cells, once its accessible table has rows again (it is redrawn after each save)."""
    page.wait_for_function(
        "() => document.querySelectorAll(\"[data-testid='stDataFrame'] table[role='grid'] tbody tr\").length > 0"
    )
    body = page.locator("[data-testid='stDataFrame']").first.locator("table[role='grid'] tbody tr")
    return [[c.inner_text().strip() for c in body.nth(i).locator("td").all()] for i in range(body.count())]


def numbers(page) -> dict[str, str]:
    return {r[NAME_TD]: r[NUMBER_TD] for r in rows(page)}


def in_view(page, locator) -> bool:
    """The element's box lies inside the 1280x720 window as the page stands (no scrolling needed)."""
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PROJECTOR["height"]


def grid_box(page) -> dict:
    return page.locator("[data-testid='stDataFrame']").first.bounding_box()


def pick_in_cell(page, row: int, x: float, option: str) -> None:
    """Select a picker cell of the editor, open it with Enter, as at the keyboard, and choose `option`."""
    box = grid_box(page)
    page.mouse.click(box["x"] + x, box["y"] + ROW * (row + 1) + ROW / 2)
    page.wait_for_timeout(200)
    page.keyboard.press("Enter")
    page.get_by_role("option", name=option, exact=True).click()


def wait_for_cell(page, row: int, column: int, pattern: str) -> None:
    page.wait_for_function(
        "([row, column, pattern]) => {"
        " const tr = document.querySelectorAll(\"[data-testid='stDataFrame'] table[role='grid'] tbody tr\")[row];"
        " return tr && new RegExp(pattern).test(tr.querySelectorAll('td')[column].innerText.trim()); }",
        arg=[row, column, pattern],
        timeout=20_000,
    )


def shoot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-1280x720.png"))


def test_the_meeting_script_at_1280x720(app_server, watched):
    page = watched.page
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_server.url}/egen-radar")
    wait_for_app(page)

    # Start from the domain's national radar, with only what is KLAR or AFPRØV there.
    page.locator(".st-key-own-new-name input").fill(RADAR_NAME)
    page.locator(".st-key-own-new-municipality input").fill("Ærø")
    domain = page.locator(".st-key-own-new-domain input")
    domain.click()
    domain.fill("Social og")
    page.get_by_role("option", name="Social og sundhed", exact=True).click()
    page.get_by_text("Fagområdets nationale radar").click()
    page.get_by_text("Kun KLAR og AFPRØV").click()
    page.get_by_role("button", name="Opret radar", exact=True).click()
    page.wait_for_selector(f"h1:has-text('{RADAR_NAME}')")
    wait_for_app(page)
    created = page.get_by_test_id("stAlertContentSuccess").filter(has_text="er oprettet med")
    created.wait_for()
    shoot(page, "created")
    assert in_view(page, created), f"the confirmation of the new radar is out of view: {created.bounding_box()}"
    page.locator("[data-testid='stDataFrame'] table[role='grid'] tbody tr").first.wait_for(state="attached")
    start = rows(page)
    count = len(start)
    assert 0 < count < 25, "only the domain's KLAR and AFPRØV technologies are brought"
    assert [r[NUMBER_TD] for r in start] == [str(n) for n in range(1, count + 1)], "the table is sorted by number"
    before = numbers(page)

    # A status for the third technology: saved, undo names it, numbers stay put.
    page.locator("[data-testid='stDataFrame']").first.scroll_into_view_if_needed()
    third = start[2][NAME_TD]
    pick_in_cell(page, 2, NAME + NUMBER + RING + STATUS / 2, "3 · I drift")
    undo = page.locator(".st-key-own-undo-entries button")
    expect = f"Fortryd: status for {third}"
    page.wait_for_function(
        "text => { const b = document.querySelector('.st-key-own-undo-entries button');"
        " return b && b.innerText.includes(text); }",
        arg=expect,
        timeout=20_000,
    )
    assert re.search(r"→ i drift", undo.inner_text()), undo.inner_text()
    assert in_view(page, undo), "undo is out of view beside the table"
    assert numbers(page) == before, "a status change renumbered the radar"

    # Relevance is the matrix's axis: an edit of it draws the matrix again and leaves the radar as drawn
    # (Streamlit replaces a chart whose figure changed; the same figure keeps the chart the browser has).
    page.evaluate(f"() => {{ window.__radar = {CHARTS}[0]; }}")
    box = grid_box(page)
    page.mouse.click(box["x"] + NAME + NUMBER + RING + STATUS + RELEVANCE / 2, box["y"] + ROW * 2 + ROW / 2)
    page.keyboard.type("4")
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => {{ const m = {CHARTS}[1]; return m && m.data && m.data.some(t => (t.hovertext || [])"
        ".some(h => h.includes('Relevans her: 4'))); }",
        timeout=20_000,
    )
    assert page.evaluate(f"() => window.__radar.isConnected && {CHARTS}[0] === window.__radar"), "the radar was drawn again"

    # A ring by hand before its reason: waits in place, the table does not move, then the reason places it.
    first = start[0][NAME_TD]
    top = grid_box(page)["y"]
    pick_in_cell(page, 0, NAME + NUMBER + RING + STATUS + RELEVANCE + HAND_RING / 2, "AFVENT")
    wait_for_cell(page, 0, RING_TD, "AFVENT venter på begrundelse")
    assert page.get_by_test_id("stAlertContentError").count() == 0
    assert abs(grid_box(page)["y"] - top) < 2, "the table jumped when the ring waited for its reason"
    page.keyboard.press("ArrowRight")  # the reason cell beside it
    page.keyboard.type("Afventer ny lovgivning", delay=30)
    page.keyboard.press("Enter")
    wait_for_cell(page, 0, RING_TD, "^AFVENT •$")
    page.wait_for_function("() => !window.__radar.isConnected", timeout=20_000)  # the blip moved: drawn again
    assert numbers(page) == before
    shoot(page, "hand-set-ring")

    # Undo and redo by name; each confirmation where the eye is.
    wait_for_app(page)
    label = undo.inner_text()
    assert "Afventer ny lovgivning" in label or first in label, label
    undo.click()
    done = page.get_by_test_id("stAlertContentSuccess").filter(has_text="Fortrudt:")
    done.wait_for()
    shoot(page, "undone")
    assert in_view(page, done), done.bounding_box()
    wait_for_cell(page, 0, RING_TD, "AFVENT venter på begrundelse")
    page.locator(".st-key-own-redo-entries button").click()
    page.get_by_test_id("stAlertContentSuccess").filter(has_text="Gentaget:").wait_for()
    wait_for_cell(page, 0, RING_TD, "^AFVENT •$")

    # The group's own technology: the next free number, placed at once.
    page.locator("[data-testid='stForm']").filter(has_text="Tilføj jeres egen teknologi").locator("input").first.fill(
        "Juridisk chatbot"
    )
    page.get_by_role("button", name="Tilføj teknologi").click()
    added = page.get_by_test_id("stAlertContentSuccess").filter(has_text="Tilføjet: Juridisk chatbot")
    added.wait_for()
    added.scroll_into_view_if_needed()
    assert in_view(page, added)
    wait_for_app(page)
    page.wait_for_function(
        "n => document.querySelectorAll(\"[data-testid='stDataFrame'] table[role='grid'] tbody tr\").length === n",
        arg=count + 1,
    )
    # The grid draws only the rows in view: those it shows keep their numbers; the new one is checked in the list below.
    after = numbers(page)
    assert after == {name: number for name, number in before.items() if name in after}
    page.wait_for_function(
        "n => document.querySelectorAll(\"[data-testid='stPlotlyChart'] .scatterlayer .textpoint\").length >= n",
        arg=count + 1,
    )

    # Present: the whole radar and its numbered list on the 720-pixel screen, without scrolling.
    page.evaluate("window.scrollTo(0, 0)")
    page.get_by_text("Præsentation", exact=True).first.click()
    page.wait_for_selector(".ring-list")
    page.wait_for_function(
        "n => document.querySelectorAll(\"[data-testid='stPlotlyChart'] .scatterlayer .textpoint\").length >= n", arg=count + 1
    )
    page.wait_for_timeout(500)
    fit = page.evaluate(
        """() => ({scrollY: window.scrollY,
                   radar: document.querySelector("[data-testid='stPlotlyChart'] svg.main-svg").getBoundingClientRect().bottom,
                   list: document.querySelector('.ring-list').getBoundingClientRect().bottom})"""
    )
    shoot(page, "presentation")
    assert fit["scrollY"] == 0 and fit["radar"] <= PROJECTOR["height"] and fit["list"] <= PROJECTOR["height"], fit
    listed = page.locator(".ring-list").inner_text()
    assert re.search(rf"\b{count + 1}\s+Juridisk chatbot", listed), "the own technology: next free number, placed in a ring"
    assert watched.problems() == []
