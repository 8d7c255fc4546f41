"""What a facilitator does on "Lav jeres egen radar" in a real browser (issue 3, part 8).

Builds a radar of five technologies, changes one status in the table, reloads and sees it
kept, opens the share link in a fresh browser context, downloads the PNG and the Excel
file, and opens the JSON export as a new radar.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import openpyxl
import pytest

from .conftest import VIEWPORT, pick_from_catalogue, running_app, wait_for_app

pytestmark = pytest.mark.browser

TECHNOLOGIES = ["Droner", "Chatbots", "Cloud", "Apps", "Blockchain"]
RADAR_NAME = "Browserradar Ærø"
# Column widths of the entries editor in radar/ui_own.py: name (pinned, medium), number, ring, status.
NAME_WIDTH, NUMBER_WIDTH, RING_WIDTH, STATUS_WIDTH = 200, 50, 100, 130
ROW_HEIGHT = 35
STATUS = 3  # index of the status column in the editor


def editor_rows(page) -> list[list[str]]:
    """Cell texts of the entries editor, from the grid's accessible table."""
    grid = page.locator("[data-testid='stDataFrame']").first
    rows = grid.locator("table[role='grid'] tbody tr")
    return [[cell.inner_text().strip() for cell in rows.nth(i).locator("td").all()] for i in range(rows.count())]


def radar_id(url: str) -> str:
    return parse_qs(urlparse(url).query)["edit"][0]


def wait_for_editor(page, count: int) -> None:
    page.wait_for_function(
        "n => { const g = document.querySelector(\"[data-testid='stDataFrame'] table[role='grid'] tbody\");"
        " return g && g.querySelectorAll('tr').length === n; }",
        arg=count,
    )


def set_status(page, row: int, label: str) -> None:
    """Double-click the status cell of `row` in the editor and pick `label` from its list."""
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    x = box["x"] + NAME_WIDTH + NUMBER_WIDTH + RING_WIDTH + STATUS_WIDTH / 2
    y = box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2
    page.mouse.dblclick(x, y)
    page.get_by_role("option", name=label, exact=True).click()


def download(page, label: str, folder: Path) -> Path:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=label).click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


@pytest.fixture
def own_server(tmp_path: Path):  # noqa: ANN201 - yields the conftest's AppServer
    """A server of this test's own: a retry after a timeout starts where a facilitator would, without the
    radar the first attempt made (with the session's server, the retry found the name taken)."""
    with running_app(tmp_path / "app") as server:
        yield server


def test_build_share_export_and_reopen_a_radar(own_server, browser, watched, tmp_path):
    app_server = own_server
    page = watched.page
    page.goto(f"{app_server.url}/egen-radar")
    wait_for_app(page)

    # A blank radar with a name and a municipality.
    page.get_by_label("Radarens navn").fill(RADAR_NAME)
    page.get_by_label("Kommune").fill("Ærø")
    page.get_by_text("En tom radar").click()
    wait_for_app(page)  # the name and the choice have reached the server, as the facilitator sees them taken
    page.get_by_role("button", name="Opret radar", exact=True).click()
    page.wait_for_selector(f"h1:has-text('{RADAR_NAME}')", timeout=60_000)
    wait_for_app(page)
    first_id = radar_id(page.url)

    # Five technologies from the catalogue, found by typing in the searchable multiselect.
    pick_from_catalogue(page, first_id, TECHNOLOGIES)
    chosen = page.locator(f".st-key-own-pick-{first_id}").inner_text()
    assert all(name in chosen for name in TECHNOLOGIES), chosen
    page.get_by_role("button", name="Tilføj valgte").click()
    page.get_by_test_id("stAlertContentSuccess").get_by_text("Tilføjet:").wait_for()
    wait_for_app(page)
    wait_for_editor(page, 5)
    rows = editor_rows(page)
    assert sorted(r[0] for r in rows) == sorted(TECHNOLOGIES)
    assert page.locator("[data-testid='stPlotlyChart'] .scatterlayer .textpoint").count() >= 5

    # The group sets one status in the table; it is saved as soon as the cell is left.
    changed = rows[0][0]
    set_status(page, 0, "3 · I drift")
    # The grid's accessible table holds the stored value (3 = i drift) and the recomputed ring.
    page.wait_for_function(
        "name => [...document.querySelectorAll(\"[data-testid='stDataFrame'] table[role='grid'] tbody tr\")]"
        ".some(tr => { const td = tr.querySelectorAll('td');"
        " return td[0].innerText.trim() === name && td[3].innerText.trim() === '3'; })",
        arg=changed,
    )
    wait_for_app(page)

    # Reload the browser: the change is still there.
    page.reload()
    wait_for_app(page)
    wait_for_editor(page, 5)
    after_reload = {r[0]: r for r in editor_rows(page)}
    assert after_reload[changed][STATUS] == "3"
    assert [r[STATUS] for r in after_reload.values()].count("3") == 1
    assert [r[STATUS] for r in after_reload.values()].count("") == 4

    # The share link opens the same radar in a fresh browser (no shared session or cookies).
    other = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="da-DK")
    try:
        shared = other.new_page()
        shared.set_default_timeout(30_000)
        shared.goto(page.url)
        wait_for_app(shared)
        assert shared.locator("h1").first.inner_text().strip() == RADAR_NAME
        wait_for_editor(shared, 5)
        assert {r[0]: r for r in editor_rows(shared)}[changed][STATUS] == "3"
    finally:
        other.close()

    # Exports for the minutes.
    page.get_by_role("tab", name="Eksport").click()
    png = download(page, "Billede (PNG)", tmp_path)
    assert png.suffix == ".png" and png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert png.stat().st_size > 20_000
    xlsx = download(page, "Excel (.xlsx)", tmp_path)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes())).worksheets[0]
    header = [c.value for c in sheet[1]]
    records = [dict(zip(header, (c.value for c in row), strict=False)) for row in sheet.iter_rows(min_row=2)]
    assert sorted(r["name"] for r in records) == sorted(TECHNOLOGIES)
    assert {r["name"]: r["status"] for r in records}[changed] == 3
    exported = download(page, "Hele radaren (JSON)", tmp_path)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["radar"]["name"] == RADAR_NAME and len(document["entries"]) == 5

    # Open the JSON export as a new radar.
    page.get_by_role("button", name="Alle radarer").click()
    wait_for_app(page)
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(exported))
    page.get_by_role("button", name="Opret radar fra filen").click()
    page.wait_for_function("id => location.search.includes('edit=') && !location.search.includes(id)", arg=first_id)
    # The saved radar already has the file's name, so the new one gets the next free name.
    page.wait_for_selector(f"h1:has-text('{RADAR_NAME} (2)')")
    wait_for_app(page)
    wait_for_editor(page, 5)
    assert radar_id(page.url) != first_id
    page.get_by_test_id("stAlertContentSuccess").get_by_text(f"Radaren '{RADAR_NAME} (2)' er oprettet fra filen").wait_for()
    assert page.get_by_test_id("stToast").count() == 0, "each message is shown once"
    reopened = {r[0]: r for r in editor_rows(page)}
    assert sorted(reopened) == sorted(TECHNOLOGIES)
    assert reopened[changed][STATUS] == "3"
    page.get_by_role("tab", name="Eksport").click()
    (tmp_path / "again").mkdir()
    again = json.loads(download(page, "Hele radaren (JSON)", tmp_path / "again").read_text(encoding="utf-8"))
    assert again["radar"]["name"] == f"{RADAR_NAME} (2)"
    assert again | {"radar": {**again["radar"], "name": RADAR_NAME}} == document, (
        "the reopened radar exports what the first one did"
    )

    problems = [p for p in watched.problems() if not re.search(r"favicon|404", p)]
    assert problems == []
