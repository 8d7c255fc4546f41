"""Every keystroke typed into the entries table is saved (issue 8, point 5).

A facilitator types a note, presses Enter and goes straight on typing in the next cell while the
app saves the first one and redraws the radar. Before the keystroke keeper (radar/assets/keep_keys.js)
and the frozen editor values, "Juridisk" was saved as "idisk" and whole cells were lost.

Keys are sent as a keyboard sends them (a key press with its character, Danish letters too), at
about 40 keys a second, faster than anyone types, and the next word starts right after Enter.
"""

from __future__ import annotations

import uuid

import pytest

from .conftest import pick_from_catalogue, wait_for_app

pytestmark = pytest.mark.browser

TECHNOLOGIES = ["Droner", "Chatbots", "Cloud", "Apps", "Blockchain"]
NOTES = ["Juridisk", "Økonomi først", "Velfærd", "Tæt på borgeren", "Åben data"]
KEY_DELAY_MS = 25
#: Columns right of the pinned name column, up to the note: number, ring, status, relevance, hand-set ring, reason, note.
STEPS_TO_NOTE = 7


def key(cdp: object, name: str, text: str = "", code: int = 0) -> None:
    """One key press as the keyboard sends it: keyDown with its text, then keyUp."""
    down = {"type": "keyDown", "key": name}
    if text:
        down |= {"text": text, "unmodifiedText": text}
    if code:
        down["windowsVirtualKeyCode"] = code
    cdp.send("Input.dispatchKeyEvent", down)
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": name, **({"windowsVirtualKeyCode": code} if code else {})})


def type_burst(page: object, cdp: object, words: list[str]) -> None:
    for word in words:
        for char in word:
            key(cdp, char, char)
            page.wait_for_timeout(KEY_DELAY_MS)
        key(cdp, "Enter", "\r", 13)  # commit, and straight on to the cell below


SELECTED = "[data-testid='stDataFrame'] table[role='grid'] td[aria-selected='true']"


def move_right(page: object, steps: int) -> None:
    """From the selected cell `steps` cells to the right, one at a time, each seen selected before the next
    (as a user watches the selection move): a press sent while the grid redraws must not leave the burst
    in the cell beside the one meant."""
    page.wait_for_function(f"() => document.querySelector(\"{SELECTED}\")?.getAttribute('aria-colindex') === '1'")
    for step in range(2, steps + 2):
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            f"col => document.querySelector(\"{SELECTED}\")?.getAttribute('aria-colindex') === col", arg=str(step)
        )


def note_column(page: object) -> list[str]:
    rows = page.locator("[data-testid='stDataFrame']").first.locator("table[role='grid'] tbody tr")
    return [rows.nth(i).locator("td").nth(STEPS_TO_NOTE).inner_text().strip() for i in range(rows.count())]


def test_a_burst_of_typing_after_enter_is_saved_to_the_last_character(app_server, watched):
    page = watched.page
    page.goto(f"{app_server.url}/egen-radar")
    wait_for_app(page)
    name = f"Tasteradar {uuid.uuid4().hex[:6]}"  # a run again after a failure must not find its name taken
    page.locator(".st-key-own-new-name input").fill(name)
    page.get_by_text("En tom radar").click()
    wait_for_app(page)  # the name and the choice have reached the server, as the facilitator sees them taken
    page.get_by_role("button", name="Opret radar", exact=True).click()
    page.wait_for_selector(f"h1:has-text('{name}')", timeout=60_000)
    wait_for_app(page)
    link = page.url.split("edit=")[1].split("&")[0]
    pick_from_catalogue(page, link, TECHNOLOGIES)
    page.get_by_role("button", name="Tilføj valgte").click()
    page.get_by_test_id("stAlertContentSuccess").get_by_text("Tilføjet:").wait_for()
    wait_for_app(page)

    # The first row's name cell, then along the row to its note.
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 60, box["y"] + 35 + 17)
    move_right(page, STEPS_TO_NOTE)
    cdp = page.context.new_cdp_session(page)
    type_burst(page, cdp, NOTES)

    # What the table shows, then what was stored (a fresh load of the page reads the database).
    try:
        page.wait_for_function(
            "notes => { const rows = [...document.querySelectorAll(\"[data-testid='stDataFrame'] table[role='grid'] tbody tr\")];"
            " return notes.every((n, i) => rows[i] && rows[i].querySelectorAll('td')[7].innerText.trim() === n); }",
            arg=NOTES,
            timeout=15_000,
        )
    except Exception:  # noqa: BLE001 - say what the table shows instead
        pytest.fail(f"the table shows {note_column(page)}, typed {NOTES}")
    page.wait_for_timeout(1500)  # the last cell's save is sent 150 ms after its Enter, then it runs
    page.reload()
    wait_for_app(page)
    page.locator("[data-testid='stDataFrame'] table[role='grid'] tbody tr").first.wait_for(state="attached")
    assert note_column(page) == NOTES
    assert watched.problems() == []
