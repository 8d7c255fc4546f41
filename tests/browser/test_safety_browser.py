"""Strangers in a real browser: an oversized upload is refused in the user's language; a view link
changes nothing; the app never shows Streamlit's error details."""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from .conftest import PROJECT, wait_for_app

pytestmark = pytest.mark.browser


def test_streamlit_error_details_are_never_shown():
    settings = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert settings["client"]["showErrorDetails"] == "none"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", "Filen kan ikke bruges: den er større end 20 MB eller ikke en af de viste filtyper."),
        ("en", "The file cannot be used: it is larger than 20 MB or not one of the file types shown."),
    ],
)
def test_an_upload_over_the_limit_is_refused_in_the_users_language(app_server, watched, tmp_path: Path, lang, expected):
    big = tmp_path / "stor.csv"
    with big.open("wb") as out:
        out.write(b"name,ring,quadrant\n")
        out.write(b"A,adopt,Tools\n" * (21 * 1024 * 1024 // 14))
    page = watched.page
    page.goto(f"{app_server.url}/import" + ("?lang=en" if lang == "en" else ""))
    wait_for_app(page)
    page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(str(big))
    alert = page.locator("[data-testid='stFileUploader'] [role='alert']").first
    alert.wait_for()
    shown = page.evaluate("el => getComputedStyle(el, '::after').content", alert.element_handle())
    assert shown == f'"{expected}"'
    assert page.evaluate("el => getComputedStyle(el).fontSize", alert.element_handle()) == "0px", "the English text is hidden"


@pytest.mark.parametrize(
    ("lang", "button", "limit"), [("da", "Vælg fil", "Højst 20 MB pr. fil"), ("en", "Choose file", "At most 20 MB per file")]
)
def test_the_uploader_speaks_the_users_language(app_server, watched, lang, button, limit):
    page = watched.page
    page.goto(f"{app_server.url}/import" + ("?lang=en" if lang == "en" else ""))
    wait_for_app(page)
    zone = page.locator("[data-testid='stFileUploaderDropzone']").first
    label = zone.locator("[data-testid='stBaseButton-secondary'] p").first
    hint = zone.locator("[data-testid='stFileUploaderDropzoneInstructions'] span").first
    # The words come from the page's own style sheet, which may arrive a moment after the uploader: wait for it.
    after = "el => getComputedStyle(el, '::after').content"
    page.wait_for_function(f"el => ({after})(el) !== 'none'", arg=label.element_handle())
    shown = [page.evaluate(after, e.element_handle()) for e in (label, hint)]
    assert shown == [f'"{button}"', f'"{limit}"']


def test_a_view_link_in_a_browser_has_nothing_that_changes_the_radar(app_server, watched, browser):
    page = watched.page
    page.goto(f"{app_server.url}/egen-radar")
    wait_for_app(page)
    page.get_by_label("Radarens navn").fill("Kun til visning")
    page.get_by_text("En tom radar").click()
    page.get_by_role("button", name="Opret radar", exact=True).click()
    page.wait_for_selector("h1:has-text('Kun til visning')")
    wait_for_app(page)
    edit = parse_qs(urlparse(page.url).query)["edit"][0]
    page.get_by_role("tab", name="Om radaren").click()
    codes = page.locator("[data-testid='stCode'] code")
    codes.nth(1).wait_for()
    links = [codes.nth(i).inner_text().strip() for i in range(codes.count())]
    assert links[0].endswith(f"/egen-radar?edit={edit}")
    view = links[1]
    assert "?view=" in view and edit not in view

    stranger = browser.new_context(viewport={"width": 1280, "height": 720}, locale="da-DK")
    try:
        other = stranger.new_page()
        other.goto(view)
        wait_for_app(other)
        other.get_by_text("Du ser radaren via et visningslink").wait_for()
        assert other.locator("h1").first.inner_text().strip() == "Kun til visning"
        main = other.locator("[data-testid='stMain']")
        assert (
            main.locator(
                "input[type='text']:not([role='combobox']), textarea, [data-testid='stDataFrameGlideDataEditor']"
            ).count()
            == 0
        )
        assert other.get_by_role("button", name="Fortryd").count() == 0
        assert other.get_by_role("button", name="Slet").count() == 0
        assert edit not in other.content(), "the view page never carries the edit link"
        other.get_by_role("tab", name="Om radaren").click()
        shown = other.locator("[data-testid='stCode'] code")
        shown.first.wait_for()  # the tab's content is drawn after the click
        assert [c.strip() for c in shown.all_inner_texts()] == [view]
    finally:
        stranger.close()
    assert watched.problems() == []
