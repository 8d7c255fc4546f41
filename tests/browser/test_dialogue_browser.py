"""The dialogue on the projector (issue 10, point 2): pick two questions, present them, type the group's
notes fast, go on and back; nothing typed is lost, and undo names the note it takes back.

Keys are sent as a keyboard sends them, about 40 a second; the decision is typed right after Tab from
the notes, while the app saves the notes, and "Næste" is clicked straight after the last key.
"""

from __future__ import annotations

import pytest

from .conftest import wait_for_app
from .test_keystrokes_browser import key

pytestmark = pytest.mark.browser

KEY_DELAY_MS = 25
NOTES = "Droner til vejsyn, chatbots i borgerservice. Æbler og øl på næste møde."
DECISION = "Vi afprøver chatbots i 2027"
SECOND = "Det koster tillid at vente"


def type_text(page: object, cdp: object, text: str) -> None:
    for char in text:
        key(cdp, char, char)
        page.wait_for_timeout(KEY_DELAY_MS)


def fields(page: object) -> list[str]:
    return page.locator(".st-key-dlg-typed textarea").evaluate_all("els => els.map(e => e.value)")


def test_notes_typed_fast_on_the_projector_are_kept_through_next_and_previous(app_server, watched):
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server.url}/egen-radar")
    wait_for_app(page)
    page.locator(".st-key-own-new-name input").fill("Dialograder")
    page.get_by_text("En tom radar").click()
    wait_for_app(page)  # the name and the choice have reached the server, as the facilitator sees them taken
    page.get_by_role("button", name="Opret radar", exact=True).click()
    page.wait_for_selector("h1:has-text('Dialograder')", timeout=60_000)
    wait_for_app(page)
    page.get_by_role("tab", name="Dialog").click()
    for question in ("radar-relevant", "radar-cost_not"):
        page.locator(f".st-key-dlg-add-{question} button").click()
        page.locator(f".st-key-dlg-add-{question} button:has-text('Valgt')").wait_for()
    # The icon-only move and remove buttons are named in the UI's language for a screen reader.
    for name in ("Flyt op", "Flyt ned", "Fjern fra dagsordenen"):
        assert page.get_by_role("button", name=name, exact=True).count() == 2
    page.get_by_role("button", name="Vis på projektoren").click()
    page.locator("h1:has-text('Hvilke af teknologierne på radaren er relevante for os')").wait_for()
    wait_for_app(page)
    size = page.locator(".st-key-dlg-question h1").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 32, f"the question is {size} px on a 1280x720 projector"

    cdp = page.context.new_cdp_session(page)
    page.locator(".st-key-dlg-typed textarea").first.click()
    type_text(page, cdp, NOTES)
    key(cdp, "Tab", "", 9)  # on to the decision while the notes are saved
    type_text(page, cdp, DECISION)
    page.get_by_role("button", name="Næste").click()
    page.locator("h1:has-text('Hvad koster det os ikke at komme i gang')").wait_for()
    wait_for_app(page)
    page.locator(".st-key-dlg-typed textarea").first.click()
    type_text(page, cdp, SECOND)
    page.get_by_role("button", name="Forrige").click()
    page.locator("h1:has-text('Hvilke af teknologierne')").wait_for()
    wait_for_app(page)
    assert fields(page) == [NOTES, DECISION]
    # Question and both fields on one 1280x720 screen, no scrolling.
    bottom = page.locator(".st-key-dlg-typed textarea").last.evaluate("e => e.getBoundingClientRect().bottom")
    assert bottom <= 720
    assert page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight") <= 720

    page.reload()  # what was stored: the same question, from ?dialog=
    page.locator("h1:has-text('Hvilke af teknologierne')").wait_for()
    wait_for_app(page)
    assert fields(page) == [NOTES, DECISION]
    page.get_by_role("button", name="Næste").click()
    page.locator("h1:has-text('Hvad koster det os')").wait_for()
    wait_for_app(page)
    assert fields(page) == [SECOND, ""]

    page.get_by_role("button", name="Tilbage til dagsordenen").click()
    undo = page.get_by_role("button", name="Fortryd: note til 'Hvad koster det os ikke at komm…'")
    undo.wait_for()
    undo.click()
    page.get_by_text("Fortrudt: note til 'Hvad koster det os ikke at komm…'").wait_for()
    assert watched.problems() == []
