"""The value question (issue 11 §4): what a technology has created, from the sample, import-edition and the
seed files to the hover card and the technology page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from radar import chart, service, value
from radar.db import national
from radar.edition import ANSWERS, MATURITY, check_edition, import_edition, read_table, render_issue
from radar.sample import VALUE_SHARES, generate_values

APP = str(Path(__file__).resolve().parents[1] / "app.py")
HEADER = "respondent_id,municipality_code,domain,technology,stage,relevant,value"


@pytest.fixture(scope="module")
def seed_values(seed_dir: Path) -> pd.DataFrame:
    return pd.read_csv(seed_dir / "values.csv", dtype=str)


@pytest.fixture(scope="module")
def seed_answers(seed_dir: Path) -> pd.DataFrame:
    return pd.read_csv(seed_dir / "answers.csv", dtype=str, keep_default_na=False)


@pytest.fixture
def db(national_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "radar.duckdb"
    shutil.copy(national_db, target)
    return target


# --- the sample ----------------------------------------------------------------------------------------
def test_exactly_the_answers_at_stage_2_or_3_have_a_value(seed_values, seed_answers):
    asked = seed_answers[seed_answers["stage"].isin(["2", "3"])]
    keys = ["edition", "respondent_id", "technology"]
    assert len(seed_values) == len(asked) > 0
    assert seed_values[keys].sort_values(keys).reset_index(drop=True).equals(asked[keys].sort_values(keys).reset_index(drop=True))


def test_the_value_answers_are_drawn_from_their_own_stream(seed_answers):
    first, again = generate_values(seed_answers), generate_values(seed_answers)
    pd.testing.assert_frame_equal(first, again)
    other = generate_values(seed_answers, seed=1)
    assert not first["value"].equals(other["value"])


def test_the_sample_mix_is_grounded_on_kl_2022(seed_values):
    shares = seed_values["value"].value_counts(normalize=True)
    # KL, 28 Feb 2022: efficiency 56 %, quality 24 %, wellbeing 6 % (of 5,400 draws: within 2 points).
    for kind, published in {"efficiency": 0.56, "quality": 0.24, "wellbeing": 0.06}.items():
        assert abs(shares[kind] - published) < 0.02, (kind, shares[kind])
    assert set(shares.index) == set(VALUE_SHARES)


# --- the mix --------------------------------------------------------------------------------------------
def test_a_mix_is_the_share_of_each_value_among_the_answers():
    counts = pd.DataFrame(
        {"technology": ["a", "a", "a", "b"], "value": ["efficiency", "quality", "dont_know", "none"], "n": [6, 3, 1, 2]}
    )
    mix = value.value_mix(counts).set_index("technology")
    assert mix.loc["a", "n_value"] == 10 and mix.loc["b", "n_value"] == 2
    assert mix.loc["a", ["value_efficiency", "value_quality", "value_wellbeing", "value_none", "value_dont_know"]].tolist() == [
        0.6, 0.3, 0.0, 0.0, 0.1
    ]  # fmt: skip
    assert mix.loc["b", "value_none"] == 1.0


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # Babel writes Danish per cent after a no-break space.
        (
            "da",
            "effektivisering 60\xa0%, kvalitet 30\xa0%, trivsel 0\xa0%, ingen værdi endnu 0\xa0%, ved ikke 10\xa0% "
            "(10 svar om værdi)",
        ),
        ("en", "efficiency 60%, quality 30%, wellbeing 0%, no value yet 0%, don't know 10% (10 answers on value)"),
    ],
)
def test_a_mix_in_words(lang, expected):
    row = {"n_value": 10, "value_efficiency": 0.6, "value_quality": 0.3, "value_wellbeing": 0.0, "value_none": 0.0,
           "value_dont_know": 0.1}  # fmt: skip
    assert value.mix_text(row, lang) == expected
    assert value.mix_text({"n_value": 0}, lang) == "–"


# --- the product ------------------------------------------------------------------------------------------
def test_the_radar_counts_each_technologys_value_answers(national_db, seed_values, seed_dir):
    respondents = pd.read_csv(seed_dir / "respondents.csv", dtype=str)
    mine = seed_values[seed_values["edition"] == "2026"].merge(respondents, on=["edition", "respondent_id"])
    for domain in (None, "teknik-miljoe"):
        blips = service.radar_blips(national_db, 2026, domain, "da").set_index("technology")
        part = mine if domain is None else mine[mine["domain"] == domain]
        expected = part.groupby("technology").size()
        assert blips["n_value"].to_dict() == {tech: int(expected.get(tech, 0)) for tech in blips.index}
        efficiency = (part["value"] == "efficiency").groupby(part["technology"]).mean()
        assert blips.loc["video", "value_efficiency"] == pytest.approx(efficiency["video"])


def test_the_hover_card_shows_the_value_mix(national_db):
    row = service.radar_blips(national_db, 2026, None, "da").set_index("technology").loc["video"]
    card = chart.hover_text(row.rename({"technology": "id"}), "da")
    assert card.endswith(f"Skabt værdi: {value.mix_text(row, 'da', '<br>')}")
    assert "trivsel" in card.split("<br>")[-2] and card.split("<br>")[-1].startswith("ingen værdi endnu ")
    assert f"({int(row['n_value'])} svar om værdi)" in card
    assert "Skabt værdi" not in chart.hover_text(row.drop(labels=list(value.SHARE_COLUMNS) + ["n_value"]), "da")


def test_the_technology_page_shows_the_value_mix_per_domain(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/teknologi.py")
    at.query_params["tech"] = "video"
    at = at.run()
    assert not at.exception
    values = service.technology_detail(national_db, "video", 2026, "da")["values"]
    [block] = [m.value for m in at.markdown if m.value.startswith("- Samlet: ")]
    lines = block.splitlines()
    assert len(lines) == 6  # the combined radar and five domains
    assert lines[0] == "- Samlet: " + value.mix_text(values.iloc[0], "da")
    assert lines[1].startswith("- Dagtilbud og skole: effektivisering ")


# --- import-edition -----------------------------------------------------------------------------------------
def test_an_edition_file_with_values_stores_them(db):
    rows = [
        "R-1,101,social-sundhed,video,3,ja,kvalitet",
        "R-1,101,social-sundhed,droner,1,nej,",
        "R-2,751,teknik-miljoe,video,2,1,efficiency",
        "R-2,751,teknik-miljoe,droner,3,0,ved ikke",
    ]
    check = import_edition(db, 2027, ("\n".join([HEADER, *rows]) + "\n").encode(), b"technology,maturity\nvideo,5\ndroner,3\n")
    assert check.ok
    stored = national.export_tables(db)["created_value"]
    stored = stored[stored["edition"] == 2027].sort_values(["respondent_id", "technology"])
    assert stored[["respondent_id", "technology", "value"]].values.tolist() == [
        ["R-1", "video", "quality"], ["R-2", "droner", "dont_know"], ["R-2", "video", "efficiency"]
    ]  # fmt: skip
    mix = service.radar_blips(db, 2027, None, "da").set_index("technology")
    assert mix.loc["video", "n_value"] == 2 and mix.loc["video", "value_quality"] == 0.5


def test_an_edition_file_without_values_is_read_as_before(db):
    answers = b"respondent_id,municipality_code,domain,technology,stage,relevant\nR-1,101,social-sundhed,video,3,ja\n"
    check = import_edition(db, 2027, answers, b"technology,maturity\nvideo,5\n")
    assert check.ok
    stored = national.export_tables(db)["created_value"]
    assert stored[stored["edition"] == 2027].empty
    assert service.radar_blips(db, 2027, None, "da").set_index("technology").loc["video", "n_value"] == 0


def test_a_bad_value_is_reported_with_its_line(national_db):
    from radar.edition import Known

    rows = ["R-1,101,social-sundhed,video,3,ja,glæde", "R-1,101,social-sundhed,droner,1,nej,"]
    check = check_edition(
        2027, read_table(("\n".join([HEADER, *rows]) + "\n").encode()), read_table(b"technology,maturity\nvideo,5\ndroner,3\n"),
        Known.from_db(national_db),
    )  # fmt: skip
    [issue] = check.errors
    assert (issue.line, issue.key) == (2, "edition_value_invalid")
    assert render_issue(issue, {ANSWERS: "svar.csv", MATURITY: "m"}).startswith("svar.csv, linje 2: værdien »glæde« er ugyldig")


def test_om_radaren_names_the_count_of_value_answers(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/om.py")
    at = at.run()
    assert not at.exception
    assert any(m.value.startswith("- **Svar om værdi**: ") for m in at.markdown)
