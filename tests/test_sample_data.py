"""The embedded sample data: reproducible, complete, and grounded in the public facts."""

import pytest

from radar import service
from radar.sample import reused_figures, write_sample

NAMED_IN_SEED = [
    "Kunstig intelligens (AI)",
    "Big data",
    "Fysiske robotter",
    "Droner",
    "Virtual reality (VR)",
    "Augmented reality (AR)",
    "3D print",
    "Blockchain",
    "Chatbots",
    "RPA (software-robotter)",
    "Apps",
    "Skærme og selvbetjening",
    "Digital twin",
    "Edge computing",
    "Virtuelle digitale assistenter",
    "Cloud",
    "IoT og sensorer",
    "Video og visuel kontakt",
    "Autonome køretøjer",
    "Kvantecomputere",
]


def test_generator_gives_the_committed_bytes(seed_dir, tmp_path):
    for path in write_sample(seed_dir, tmp_path):
        assert path.read_bytes() == (seed_dir / path.name).read_bytes(), f"{path.name} differs from the generator"


def test_catalogue_holds_the_twenty_named_technologies(national_db):
    names = set(service.technologies(national_db, "da")["name"])
    assert set(NAMED_IN_SEED) <= names
    techs = service.technologies(national_db, "en")
    assert techs["name_en"].str.len().gt(0).all() and techs["description_en"].str.len().gt(0).all()


def test_every_edition_covers_all_municipalities_and_domains(national_db):
    eds = service.editions(national_db)
    assert len(eds) >= 2
    assert (eds["respondents"] >= 500).all()
    assert (eds["municipalities"] == 98).all()


@pytest.fixture(scope="module")
def domain_scores(national_db):
    year = int(service.editions(national_db)["year"].max())
    doms = service.domains(national_db, "da")["id"].tolist()
    return {d: service.scores(national_db, year, d).set_index("technology") for d in doms}


@pytest.mark.parametrize(
    ("technology", "leading_domain"),
    [
        ("iot-sensorer", "teknik-miljoe"),
        ("fysiske-robotter", "social-sundhed"),
        ("apps", "dagtilbud-skole"),
        ("rpa", "oekonomi-administration"),
        ("chatbots", "oekonomi-administration"),
        ("droner", "teknik-miljoe"),
    ],
)
def test_domain_profiles_follow_the_public_facts(domain_scores, technology, leading_domain):
    adoption = {d: frame.loc[technology, "adoption"] for d, frame in domain_scores.items()}
    assert max(adoption, key=adoption.get) == leading_domain


def test_rings_and_movement_are_plausible(national_db):
    years = sorted(int(y) for y in service.editions(national_db)["year"])
    blips = service.radar_blips(national_db, years[-1], None, "da").set_index("technology")
    assert blips.loc["video", "ring"] == "klar"
    assert blips.loc["video", "relevance"] > 0.95
    assert blips.loc["cloud", "relevance"] > 0.88
    for far_out in ("kvantecomputere", "blockchain", "autonome-koeretoejer"):
        assert blips.loc[far_out, "ring"] == "afvent"
    assert blips.loc["cloud", "movement"] == "moved_in"
    assert blips.loc["iot-sensorer", "movement"] == "moved_in"
    counts = blips["ring"].value_counts()
    assert all(counts.get(ring, 0) >= 3 for ring in ("klar", "afproev", "hold_oeje", "afvent")), counts.to_dict()


@pytest.mark.parametrize(
    ("respondents", "relevance", "expected"),
    [
        ({2026: 554}, {}, ["2026: 554 respondents = KL 2023"]),
        ({2023: 554}, {}, []),  # KL's own count in its own year is the real figure, not a reuse
        ({2026: 531}, {2026: {"cloud": 0.933}}, ["2026: cloud relevance 93 % = KL 2021"]),
        ({2026: 531}, {2026: {"cloud": 0.9096, "video": 0.9718}}, []),
    ],
)
def test_reused_figures_finds_a_published_figure_shown_for_another_year(respondents, relevance, expected):
    assert reused_figures(respondents, relevance) == expected


def test_the_sample_never_shows_a_published_figure_as_another_year_s(national_db):
    eds = service.editions(national_db)
    respondents = {int(y): int(n) for y, n in zip(eds["year"], eds["respondents"], strict=True)}
    relevance = {year: service.scores(national_db, year).set_index("technology")["relevance"].to_dict() for year in respondents}
    assert reused_figures(respondents, relevance) == []
    assert 554 not in respondents.values()


def test_five_consecutive_editions_and_generative_ai_enters_in_2024(national_db):
    years = sorted(int(y) for y in service.editions(national_db)["year"])
    assert years == [2022, 2023, 2024, 2025, 2026]
    for year in (2022, 2023):
        assert "generativ-ai" not in set(service.scores(national_db, year)["technology"])
        assert "generativ-ai" not in set(service.radar_blips(national_db, year, None, "da")["technology"])
    entered = service.radar_blips(national_db, 2024, None, "da").set_index("technology")
    assert entered.loc["generativ-ai", "movement"] == "new"
    assert (entered.drop(index="generativ-ai")["movement"] != "new").all()


@pytest.mark.parametrize(
    ("technology", "path"),
    [
        # Cloud and IoT move in over the years, as the public facts tell: a time slider shows them travel.
        ("cloud", ["hold_oeje", "afproev", "afproev", "afproev", "klar"]),
        ("iot-sensorer", ["afvent", "hold_oeje", "hold_oeje", "hold_oeje", "afproev"]),
        ("generativ-ai", [None, None, "hold_oeje", "hold_oeje", "afproev"]),
    ],
)
def test_the_combined_ring_of_a_technology_edition_by_edition(national_db, technology, path):
    rings = []
    for year in (2022, 2023, 2024, 2025, 2026):
        blips = service.radar_blips(national_db, year, None, "da").set_index("technology")
        rings.append(blips.loc[technology, "ring"] if technology in blips.index else None)
    assert rings == path
