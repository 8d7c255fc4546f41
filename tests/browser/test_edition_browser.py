"""A new national edition from the Import page in a real browser (issue 11 §5): choose the two files, read
the report, press Udgiv, and find the edition on the combined radar's time control.

The server is one of its own (publishing changes its database, which the other browser tests share).
"""

from __future__ import annotations

import pandas as pd
import pytest
from playwright.sync_api import expect

from radar.sample import generate_survey

from .conftest import PROJECT, running_app, wait_for_app, wait_for_radar

pytestmark = pytest.mark.browser
SEED = PROJECT / "data" / "seed"


def sample_files(folder) -> tuple[str, str]:
    """An answers and a maturity file as an analyst sends them: 80 respondents drawn by the sample generator."""
    targets = pd.read_csv(SEED / "targets.csv")
    newest = max(int(c.removeprefix("adoption_")) for c in targets.columns if c.startswith("adoption_"))
    municipalities = pd.read_csv(SEED / "municipalities.csv")
    domains = pd.read_csv(SEED / "domains.csv")["id"].tolist()
    respondents, answers = generate_survey(targets, municipalities, domains, seed=2027, respondents_per_edition={newest: 80})
    rows = answers.merge(respondents, on=["edition", "respondent_id"])
    rows = rows.assign(relevant=rows["relevant"].map({1: "ja", 0: "nej"}))
    rows = rows[["respondent_id", "municipality_code", "domain", "technology", "stage", "relevant"]]
    maturity = pd.read_csv(SEED / "maturity.csv")
    maturity = maturity[maturity["edition"] == newest][["technology", "maturity"]]
    answers_path, maturity_path = folder / "svar 2027.csv", folder / "modenhed 2027.csv"
    rows.to_csv(answers_path, index=False, sep=";", encoding="cp1252")  # as Danish Excel saves it
    maturity.to_csv(maturity_path, index=False, sep=";", encoding="cp1252")
    return str(answers_path), str(maturity_path)


def test_an_edition_is_uploaded_reported_published_and_picked(watched, tmp_path):
    answers, maturity = sample_files(tmp_path)
    page = watched.page
    with running_app(tmp_path) as server:
        page.goto(f"{server.url}/import?fane=udgave")
        wait_for_app(page)
        page.get_by_role("tab", name="Ny national udgave", selected=True).wait_for()
        inputs = page.locator(".st-key-ed-files [data-testid='stFileUploaderDropzoneInput']")
        inputs.nth(0).set_input_files(answers)
        page.get_by_text("Vælg både svarfilen og modenhedsfilen").wait_for()
        inputs.nth(1).set_input_files(maturity)
        page.get_by_text("svar 2027.csv: 2.000 rækker læst – 0 med fejl.").wait_for()
        page.get_by_text("Filerne er i orden: 80 respondenter fra 80 kommuner, 2.000 svar").wait_for()
        page.get_by_role("button", name="Udgiv udgave 2027").click()
        page.get_by_text("Udgave 2027 er udgivet: 80 respondenter").wait_for()
        page.get_by_role("link", name="Se udgave 2027 på Samlet radar").click()
        expect(page.locator(".st-key-edition [data-testid='stSliderThumbValue']")).to_have_text("2027")  # the time control
        page.get_by_text("80 besvarelser i alt").first.wait_for()
        wait_for_radar(page)
        assert not watched.problems()
