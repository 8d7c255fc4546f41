"""A maturity round in a real browser: a phone joins with the code and answers a statement, the projector's
count of who answered goes up, and once revealed the projector shows the room's result chart.

The radar, an earlier assessment and two answers already given are stored before the server starts (the
server then holds the file). Screenshots of the phone (390 x 844) and the projector (1280 x 720) go to the
test's temp folder for a person to look at.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from radar import maturity, workshop
from radar.db import maturity as mdb
from radar.db import own as db
from radar.db import workshop as wdb

from .conftest import running_app

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1280, "height": 720}
FIRST = maturity.STATEMENT_KEYS[0]


def prepare(folder: Path) -> tuple[str, dict]:
    """An own radar with an earlier assessment and an open maturity round two people have answered."""
    path = folder / "egne_radarer.duckdb"
    link = db.create_radar(path, {"name": "Ledergruppen", "date": "2026-12-03"}, [{"technology_id": "ai", "name": "AI"}])
    earlier = [{k: "2" for k in maturity.STATEMENT_KEYS}, {k: "3" for k in maturity.STATEMENT_KEYS}]
    mdb.save_for_radar(path, link, maturity.make_assessment(date(2026, 1, 10), earlier, "Januar"))
    items = [{"entry_id": k, "technology_id": None, "name": k, "description": None} for k in maturity.STATEMENT_KEYS]
    started = wdb.start_round(path, link, items, [workshop.MATURITY])
    for i, base in enumerate((1, 4)):
        token = wdb.join(path, started["code"], f"Deltager {i + 1}")
        for n, key in enumerate(maturity.STATEMENT_KEYS):
            wdb.vote(path, started["code"], token, key, workshop.MATURITY, str(min(5, base + n % 2)))
    db.close(path)
    return link, started


def wait_for_count(page: object, testid: str, expected: int, timeout: float = 20) -> None:
    deadline, seen = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            seen = int(page.locator(f"[data-testid='{testid}']").inner_text(timeout=2_000))
        except Exception:  # noqa: BLE001 - the view is being redrawn
            seen = None
        if seen == expected:
            return
        page.wait_for_timeout(300)
    raise AssertionError(f"{testid}: {seen}, expected {expected}")


def test_a_phone_answers_a_statement_and_the_projector_counts_and_shows_the_result(browser, tmp_path):
    link, started = prepare(tmp_path)
    code, text = started["code"], maturity.statement_text(FIRST, "da")
    with running_app(tmp_path) as server:
        projector_context = browser.new_context(viewport=PROJECTOR, locale="da-DK")
        projector = projector_context.new_page()
        projector.set_default_timeout(30_000)
        projector.goto(f"{server.url}/workshop?edit={link}&runde={started['round_id']}")
        projector.get_by_text(code, exact=True).wait_for()
        wait_for_count(projector, "mat-answered", 2)
        phone_context = browser.new_context(viewport=PHONE, locale="da-DK", is_mobile=True, has_touch=True)
        phone = phone_context.new_page()
        phone.set_default_timeout(30_000)
        phone.goto(f"{server.url}/deltag?kode={code}")
        phone.get_by_text("20 udsagn").wait_for()
        phone.get_by_role("button", name="Start").click()
        phone.locator(".ws-tech", has_text=text).wait_for()  # the statement's text, never its key
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no horizontal scrolling
        phone.screenshot(path=str(tmp_path / "maturity-phone.png"))
        phone.get_by_role("button", name="2 · I mindre grad").click()
        phone.get_by_text(f"Gemt: {text}: 2 · I mindre grad").wait_for()
        wait_for_count(projector, "mat-answered", 3)
        projector.get_by_role("button", name="Vis fordelingen").click()
        chart = projector.locator("[data-testid='stPlotlyChart']")
        chart.get_by_text("Midterste halvdel af svarene").wait_for()  # the spread band's legend: several answered
        chart.get_by_text("Tidligere (10.01.2026)").wait_for()  # the earlier assessment beside it
        projector.get_by_text("3 har svaret").first.wait_for()
        box = chart.first.bounding_box()
        assert box["y"] + box["height"] <= PROJECTOR["height"] + 5, box  # the whole chart on the projector's screen
        projector.screenshot(path=str(tmp_path / "maturity-projector.png"))
        phone_context.close()
        projector_context.close()
    stored = wdb.round_votes(tmp_path / "egne_radarer.duckdb", link, started["round_id"])
    db.close(tmp_path / "egne_radarer.duckdb")
    assert len(stored) == 2 * len(maturity.STATEMENT_KEYS) + 1
