"""Deterministic generator of the embedded sample survey (Eksempeldata, not KL's figures).

The answers are drawn from documented target mixes in data/seed/targets.csv:
for each technology an expected adoption index per edition (pooled over domains), a
relevance share and a share of "ved ikke"; per domain an additive offset to both. An empty
adoption target means the technology was not asked about in that edition (Generativ AI enters
in 2024): it gets no answers. Each municipality also gets a small "frontrunner or follower"
offset per edition. A respondent's stage is Binomial(3, p), so the expected adoption index
mean(stage)/3 equals p. Each edition draws from its own stream of the fixed seed, so an edition
added later changes no other edition, and the output is byte-for-byte the same on every run and machine.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from radar.i18n import rounded

SAMPLE_SEED = 20_260_401
#: Respondents per edition: of the size of KL's real surveys (2023: 554 answers from all 98
#: municipalities), but never one of KL's published counts, which belong to their own year.
RESPONDENTS_PER_EDITION: dict[int, int] = {2022: 512, 2023: 517, 2024: 502, 2025: 508, 2026: 531}
MUNICIPALITY_SPREAD = 0.05

#: KL's published figures (PRODUCT.md §4): respondents per survey year, and relevance shares per
#: survey year and technology. The sample is grounded in them but must not show one as another
#: year's figure (a sample 2026 with 554 respondents would read as KL's count); see reused_figures.
PUBLISHED_RESPONDENTS: dict[int, int] = {2023: 554}
PUBLISHED_RELEVANCE: dict[int, dict[str, float]] = {2021: {"video": 0.99, "cloud": 0.93}}


def reused_figures(respondents: Mapping[int, int], relevance: Mapping[int, Mapping[str, float]]) -> list[str]:
    """The sample's figures that equal a published figure of another year, as the UI writes them (whole per cent).

    `respondents` is the sample's count per edition; `relevance` the sample's share per edition and technology.
    """
    found = []
    for year, count in sorted(respondents.items()):
        same = [real for real, n in PUBLISHED_RESPONDENTS.items() if n == count and real != year]
        found += [f"{year}: {count} respondents = KL {real}" for real in same]
    for year, shares in sorted(relevance.items()):
        for real, published in PUBLISHED_RELEVANCE.items():
            for tech, share in published.items():
                if real != year and tech in shares and rounded(shares[tech], 0, percent=True) == rounded(share, 0, percent=True):
                    found.append(f"{year}: {tech} relevance {rounded(share, 0, percent=True)} % = KL {real}")
    return found


#: The value question has its own random stream, so adding it changed no stage or relevance answer.
VALUE_SEED = 20_220_228
#: Shares of the value answers of a respondent who tries or uses a technology (stage 2 or 3). KL's 2022
#: survey (published 28 Feb 2022): efficiency 56 %, quality 24 %, wellbeing 6 %; the remaining 14 % are
#: our own split between "no value yet" and "don't know".
VALUE_SHARES: dict[str, float] = {"efficiency": 0.56, "quality": 0.24, "wellbeing": 0.06, "none": 0.07, "dont_know": 0.07}
#: Stages whose respondents are asked the value question (they have tried or use the technology).
VALUE_STAGES: tuple[str, ...] = ("2", "3")


def generate_values(answers: pd.DataFrame, seed: int = VALUE_SEED) -> pd.DataFrame:
    """The value answers (edition, respondent_id, technology, value) of the answers at stage 2 or 3, deterministic for a seed."""
    rng = np.random.default_rng(seed)
    asked = answers[answers["stage"].astype(str).isin(VALUE_STAGES)]
    kinds = list(VALUE_SHARES)
    drawn = rng.choice(len(kinds), size=len(asked), p=list(VALUE_SHARES.values()))
    return pd.DataFrame(
        {
            "edition": asked["edition"].to_numpy(),
            "respondent_id": asked["respondent_id"].to_numpy(),
            "technology": asked["technology"].to_numpy(),
            "value": [kinds[i] for i in drawn],
        }
    )


def _probability(value: float) -> float:
    return float(min(max(value, 0.0), 1.0))


def generate_survey(
    targets: pd.DataFrame,
    municipalities: pd.DataFrame,
    domains: list[str],
    seed: int = SAMPLE_SEED,
    respondents_per_edition: dict[int, int] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sample respondents and answers: (respondents, answers) frames, deterministic for a seed."""
    sizes = respondents_per_edition or RESPONDENTS_PER_EDITION
    codes = municipalities["code"].astype(int).tolist()
    targets = targets.set_index("technology")
    respondent_rows: list[tuple] = []
    answer_rows: list[tuple] = []
    for edition, size in sorted(sizes.items()):
        rng = np.random.default_rng([seed, edition])
        asked = targets[targets[f"adoption_{edition}"].notna()]
        # Every municipality and every domain answers at least once, as in KL's survey.
        muni_order = codes + rng.choice(codes, size=max(size - len(codes), 0)).tolist()
        domain_order = [domains[i % len(domains)] for i in range(size)]
        rng.shuffle(domain_order)
        muni_effect = dict(zip(codes, rng.normal(0.0, MUNICIPALITY_SPREAD, len(codes)), strict=True))
        for i in range(size):
            rid = f"R{edition}-{i + 1:04d}"
            muni, domain = muni_order[i], domain_order[i]
            respondent_rows.append((edition, rid, muni, domain))
            for tech, row in asked.iterrows():
                offset = float(row[domain])
                p = _probability(row[f"adoption_{edition}"] + offset + muni_effect[muni] * (row[f"adoption_{edition}"] > 0.02))
                dont_know = rng.random() < row["dont_know"]
                stage = "" if dont_know else str(int(rng.binomial(3, p)))
                relevant = int(rng.random() < _probability(row["relevance"] + offset))
                answer_rows.append((edition, rid, tech, stage, relevant))
    respondents = pd.DataFrame(respondent_rows, columns=["edition", "respondent_id", "municipality_code", "domain"])
    answers = pd.DataFrame(answer_rows, columns=["edition", "respondent_id", "technology", "stage", "relevant"])
    return respondents, answers


def frame_to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV bytes written by the csv module with LF line ends, so output is byte-stable."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.itertuples(index=False, name=None))
    return buffer.getvalue().encode("utf-8")


def write_sample(seed_dir: Path, out_dir: Path | None = None, seed: int = SAMPLE_SEED) -> list[Path]:
    """Generate respondents.csv, answers.csv and values.csv from the seed folder's targets; returns the paths."""
    out_dir = out_dir or seed_dir
    targets = pd.read_csv(seed_dir / "targets.csv")
    municipalities = pd.read_csv(seed_dir / "municipalities.csv")
    domains = pd.read_csv(seed_dir / "domains.csv")["id"].tolist()
    respondents, answers = generate_survey(targets, municipalities, domains, seed)
    paths = []
    values = generate_values(answers)
    for name, frame in (("respondents.csv", respondents), ("answers.csv", answers), ("values.csv", values)):
        path = out_dir / name
        path.write_bytes(frame_to_csv_bytes(frame))
        paths.append(path)
    return paths
