"""What a person does on the Import page in a real browser (issue 4, parts 6 and 8).

Uploads a BYOR CSV carrying a <script> in a name and an <img onerror> in a description: no
dialog opens, no markup reaches the page, the text shows as text, the report lists every
row, and keeping the radar opens it on the make-your-own-radar page. Then a real file from
../shared/external-radars/ (when present) with its report counts and ring mapping.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from radar.formats import ACCEPTED, ACCEPTED_WITH_CHANGE, REJECTED, read_radar_file

from .conftest import PROJECT, wait_for_app

pytestmark = pytest.mark.browser

EXTERNAL = PROJECT.parent / "shared" / "external-radars"
REAL_FILE = "red-gate__Tech-Radar__radar_libraries.csv"  # 58 rows, rings endure/explore/retire unknown to us
HOSTILE_CSV = (
    "name,ring,quadrant,isNew,description\n"
    "<script>alert(1)</script>Kubernetes,Adopt,Platforms,TRUE,<img src=x onerror=alert(1)>Container orchestration\n"
    '5 < 6 & 7 > 3,Trial,Tools,FALSE,"<p>Nice <b>tool</b></p><img src=x onerror=alert(2)>"\n'
    "Terraform,Explore,Tools,FALSE,Infrastructure as code\n"
    ",Hold,Tools,FALSE,no name\n"
)


def upload(page, path: Path) -> None:
    page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(str(path))
    page.get_by_text("2. Hvad skete der med hver række").wait_for()
    wait_for_app(page)


def metrics(page) -> dict[str, str]:
    """Label -> value of the report's count tiles."""
    tiles = page.locator("[data-testid='stMetric']")
    # The report's heading is drawn before its tiles: wait for the last tile, as the reader does.
    tiles.filter(has_text="Afvist").first.wait_for()
    result = {}
    for i in range(tiles.count()):
        label = tiles.nth(i).locator("[data-testid='stMetricLabel']").inner_text().strip()
        result[label] = tiles.nth(i).locator("[data-testid='stMetricValue']").inner_text().strip()
    return result


def choose(page, label_part: str, option: str) -> None:
    """Pick `option` in the selectbox whose label contains `label_part`."""
    box = page.locator("[data-testid='stSelectbox']").filter(has_text=label_part).get_by_role("combobox")
    wanted = page.get_by_role("option", name=option, exact=True)
    # Right after an upload the first click may only move the focus into the box; click until the list is open.
    for _ in range(3):
        box.click()
        try:
            wanted.wait_for(timeout=3_000)
        except PlaywrightTimeout:
            continue  # the list did not open yet
        break
    wanted.click()
    wait_for_app(page)


def test_markup_in_a_file_stays_text_and_the_radar_is_kept(app_server, watched, tmp_path):
    page = watched.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    image_requests: list[str] = []
    page.on("request", lambda req: image_requests.append(req.url) if urlsplit(req.url).path.endswith("/x") else None)
    csv_file = tmp_path / "fjendtlig radar.csv"
    csv_file.write_text(HOSTILE_CSV, encoding="utf-8")

    page.goto(f"{app_server.url}/import")
    wait_for_app(page)
    upload(page, csv_file)

    assert metrics(page) == {"Rækker i filen": "4", "Godkendt": "0", "Godkendt med ændring": "3", "Afvist": "1"}
    report = page.locator(".imp-report").inner_text()
    for line in ("2\tGodkendt med ændring\tKubernetes", "3\tGodkendt med ændring\t5 < 6 & 7 > 3", "5\tAfvist\t\tnavnet mangler"):
        assert line in report, report
    assert "formatering eller kode er fjernet" in report
    # The text shows as text, and none of the markup became elements.
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_text("5 < 6 & 7 > 3", exact=True).first.is_visible()
    assert main.locator("script").count() == 0
    assert page.locator("img[onerror], img[src='x']").count() == 0

    # The unknown ring must be chosen before the radar can be kept.
    keep = page.get_by_role("button", name="Gem som egen radar")
    assert keep.is_disabled()
    choose(page, "Ringen »Explore«", "AFPRØV")
    page.locator(".ring-list").first.get_by_text("Terraform").wait_for()  # the radar is redrawn with the mapped ring
    ring_list = page.locator(".ring-list").first.inner_text()
    assert "5 < 6 & 7 > 3" in ring_list and "Terraform" in ring_list and "Kubernetes ★" in ring_list
    page.get_by_label("Radarens navn").fill("Importeret radar")
    keep = page.get_by_role("button", name="Gem som egen radar")
    assert keep.is_enabled()
    keep.click()
    page.wait_for_url(re.compile(r"/egen-radar\?radar=[A-Za-z0-9_-]{10,}"))
    wait_for_app(page)
    assert page.locator("[data-testid='stMain'] h1").first.inner_text().strip() == "Importeret radar"
    # The entries table (a data grid; its accessible table holds the cell texts) lists the kept names as text.
    grid = page.locator("[data-testid='stDataFrame'] table[role='grid'] td")
    for name in ("5 < 6 & 7 > 3", "Kubernetes", "Terraform"):
        grid.filter(has_text=name).first.wait_for(state="attached")

    assert dialogs == []
    assert image_requests == []
    assert page.locator("img[onerror]").count() == 0
    assert watched.problems() == []


def test_a_real_radar_file_shows_its_counts_and_asks_for_its_rings(app_server, watched, tmp_path):
    path = EXTERNAL / REAL_FILE
    if not path.exists():
        pytest.skip(f"real radar file not found: {path} is missing (../shared/external-radars/ is not checked out)")
    expected = read_radar_file(path.read_bytes())
    page = watched.page
    page.goto(f"{app_server.url}/import")
    wait_for_app(page)
    upload(page, path)
    assert metrics(page) == {
        "Rækker i filen": str(expected.rows),
        "Godkendt": str(expected.count(ACCEPTED)),
        "Godkendt med ændring": str(expected.count(ACCEPTED_WITH_CHANGE)),
        "Afvist": str(expected.count(REJECTED)),
    }
    assert expected.count(ACCEPTED) + expected.count(ACCEPTED_WITH_CHANGE) + expected.count(REJECTED) == expected.rows == 58
    # Every unknown ring gets its own visible choice.
    labels = page.locator("[data-testid='stSelectbox'] label").all_inner_texts()
    for ring in expected.unknown_rings:
        assert any(f"Ringen »{ring}«" in label for label in labels), labels
    assert page.get_by_role("button", name="Gem som egen radar").is_disabled()
    # The report's table lists the rows shown by the filter (changed rows by default).
    rows = page.locator(".imp-report tbody tr")
    assert rows.count() == expected.count(ACCEPTED_WITH_CHANGE) + expected.count(REJECTED)
    assert watched.problems() == []


OWN_LIST_JSON = "\ufeff" + (
    '[{"techName": "<img src=x onerror=alert(1)>Droner", "maturity": 3, "departments": {"Teknik": "pilot"}},\n'
    ' {"techName": "Chatbot", "maturity": 1, "departments": {"Borgerservice": "i drift"}},\n'
    ' {"techName": "RPA", "maturity": 2}, 7]'
)


def test_a_list_in_a_shape_of_its_own_is_brought_in_by_choosing_its_fields(app_server, watched, tmp_path):
    page = watched.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    json_file = tmp_path / "vores liste.json"
    json_file.write_bytes(OWN_LIST_JSON.encode("utf-8"))

    page.goto(f"{app_server.url}/import")
    wait_for_app(page)
    upload(page, json_file)
    main = page.locator("[data-testid='stMain']")
    main.get_by_text("Vælg felterne", exact=True).wait_for()
    main.get_by_text("3 → KLAR, 2 → AFPRØV, 1 → HOLD ØJE").wait_for()
    page.locator("[data-testid='stMetric']").first.wait_for()
    assert metrics(page) == {"Rækker i filen": "4", "Godkendt": "0", "Godkendt med ændring": "3", "Afvist": "1"}

    # The cut-offs are the person's to change: from 2 a technology is KLAR, AFPRØV is given a lower bound.
    page.get_by_label("AFPRØV fra").fill("1.5")
    page.get_by_label("AFPRØV fra").press("Enter")
    wait_for_app(page)
    page.get_by_label("KLAR fra").fill("2")
    page.get_by_label("KLAR fra").press("Enter")
    wait_for_app(page)
    main.get_by_text("2 → KLAR, 1,5 → AFPRØV, 1 → HOLD ØJE").wait_for()
    ring_list = page.locator(".ring-list").first.inner_text()
    assert "Droner" in ring_list and "RPA" in ring_list and "Chatbot" in ring_list
    assert page.locator("img[onerror], img[src='x']").count() == 0

    page.get_by_role("button", name="Gem som egen radar").click()
    page.wait_for_url(re.compile(r"/egen-radar\?radar=[A-Za-z0-9_-]{10,}"))
    wait_for_app(page)
    assert dialogs == []
    assert page.locator("img[onerror]").count() == 0
    assert watched.problems() == []
