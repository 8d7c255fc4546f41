"""The method of PRODUCT.md §4 on small hand-computed tables."""

import math

import pandas as pd
import pytest

from radar import pipeline


def counts(rows):
    """Answer counts from (technology, [answers with stage 0, 1, 2, 3], "ved ikke", relevant yes, relevant no) tuples."""
    return pd.DataFrame(
        [(tech, *stages, dont_know, yes, no) for tech, stages, dont_know, yes, no in rows],
        columns=["technology", *pipeline.COUNT_COLUMNS],
    )


@pytest.mark.parametrize(
    ("maturity", "expected"),
    [(1, 0.0), (2, 0.25), (3, 0.5), (4, 0.75), (5, 1.0)],
)
def test_normalised_maturity(maturity, expected):
    assert pipeline.normalised_maturity(pd.Series([maturity])).iloc[0] == expected


def test_adoption_summary_by_hand():
    # video: stages 3, 3, 2, and one "ved ikke" -> n = 3, a = (8 / 3) / 3 = 0.888..
    # relevance: 3 yes of 4 -> 0.75
    # (answers: 3 yes, 3 yes, 2 no, "ved ikke" yes)
    table = pipeline.adoption_summary(counts([("video", [0, 0, 1, 2], 1, 3, 1)])).set_index("technology")
    row = table.loc["video"]
    assert row["n"] == 3
    assert row["dont_know"] == 1
    assert row["adoption"] == pytest.approx(8 / 9)
    assert row["relevance"] == pytest.approx(0.75)
    assert row["n_relevance"] == 4
    assert (row["stage_0"], row["stage_1"], row["stage_2"], row["stage_3"]) == pytest.approx((0, 0, 1 / 3, 2 / 3))


@pytest.mark.parametrize(
    ("score", "ring"),
    [
        (1.0, "klar"),
        (0.70, "klar"),
        (0.6999, "afproev"),
        (0.50, "afproev"),
        (0.49, "hold_oeje"),
        (0.30, "hold_oeje"),
        (0.2999, "afvent"),
        (0.0, "afvent"),
        (math.nan, None),
    ],
)
def test_ring_for_score_default_cutoffs(score, ring):
    assert pipeline.ring_for_score(score) == ring


def test_ring_cutoffs_are_configurable():
    strict = {"klar": 0.9, "afproev": 0.8, "hold_oeje": 0.5, "afvent": 0.0}
    assert pipeline.ring_for_score(0.85, strict) == "afproev"
    assert pipeline.ring_for_score(0.85) == "klar"


def test_score_technologies_by_hand():
    # cloud: m = 5 -> m' = 1; stages 1, 2 -> a = 1.5 / 3 = 0.5; s = 0.75 -> KLAR
    # drone: m = 3 -> m' = 0.5; stages 0, 0 -> a = 0; s = 0.25 -> AFVENT
    # vr: m = 2, nobody answered -> no score, no ring
    # answers: cloud 1 yes, 2 yes; drone 0 no, 0 yes
    ans = counts([("cloud", [0, 1, 1, 0], 0, 2, 0), ("drone", [2, 0, 0, 0], 0, 1, 1)])
    maturity = pd.DataFrame({"technology": ["cloud", "drone", "vr"], "maturity": [5, 3, 2]})
    table = pipeline.score_technologies(ans, maturity, low_n=2).set_index("technology")
    assert table.loc["cloud", "score"] == pytest.approx(0.75)
    assert table.loc["cloud", "ring"] == "klar"
    assert table.loc["drone", "score"] == pytest.approx(0.25)
    assert table.loc["drone", "ring"] == "afvent"
    assert table.loc["drone", "relevance"] == pytest.approx(0.5)
    assert math.isnan(table.loc["vr", "score"])
    assert pd.isna(table.loc["vr", "ring"])
    assert table.loc["vr", "n"] == 0
    assert not table.loc["cloud", "low_n"]
    assert table.loc["vr", "low_n"]


def test_only_ved_ikke_gives_no_score_and_no_relevance_without_yes_or_no():
    # kvante: two answers, both "ved ikke" and without a relevance answer -> n = 0, nothing to average
    table = pipeline.score_technologies(
        counts([("kvante", [0, 0, 0, 0], 2, 0, 0)]), pd.DataFrame({"technology": ["kvante"], "maturity": [1]})
    ).set_index("technology")
    row = table.loc["kvante"]
    assert (row["n"], row["dont_know"], row["n_relevance"]) == (0, 2, 0)
    assert math.isnan(row["adoption"]) and math.isnan(row["relevance"]) and math.isnan(row["stage_3"])
    assert math.isnan(row["score"]) and pd.isna(row["ring"])


def test_no_counts_at_all_gives_every_rated_technology_a_row_without_score():
    table = pipeline.score_technologies(counts([]), pd.DataFrame({"technology": ["a", "b"], "maturity": [5, 1]}))
    assert table["technology"].tolist() == ["a", "b"]
    assert table["n"].tolist() == [0, 0]
    assert table["ring"].isna().all()


def test_low_n_flag_at_ten():
    ans = counts([("apps", [0, 0, 0, 9], 0, 9, 0), ("video", [0, 0, 0, 10], 0, 10, 0)])
    maturity = pd.DataFrame({"technology": ["apps", "video"], "maturity": [5, 5]})
    table = pipeline.score_technologies(ans, maturity).set_index("technology")
    assert table.loc["apps", "low_n"]
    assert not table.loc["video", "low_n"]


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        (None, "klar", "new"),
        ("afproev", "klar", "moved_in"),
        ("klar", "afvent", "moved_out"),
        ("hold_oeje", "hold_oeje", "unchanged"),
    ],
)
def test_movement(before, now, expected):
    current = pd.DataFrame({"technology": ["x"], "ring": [now]})
    previous = pd.DataFrame({"technology": ["x"] if before else [], "ring": [before] if before else []})
    assert pipeline.movement(current, previous).iloc[0] == expected


def test_movement_without_previous_edition_is_unknown():
    current = pd.DataFrame({"technology": ["x"], "ring": ["klar"]})
    assert pipeline.movement(current, None).iloc[0] is None


def test_number_blips_reads_inner_ring_first_then_score():
    table = pd.DataFrame(
        {"technology": ["a", "b", "c", "d"], "ring": ["afvent", "klar", "klar", "afproev"], "score": [0.1, 0.8, 0.9, 0.6]}
    )
    numbered = pipeline.number_blips(table)
    assert numbered["technology"].tolist() == ["c", "b", "d", "a"]
    assert numbered["number"].tolist() == [1, 2, 3, 4]


def test_score_technologies_over_several_scopes_at_once_is_each_scope_alone():
    # The same method on a table of two editions and two scopes (pooled = missing domain) as on each alone.
    rows = {
        (2025, None): [("cloud", [0, 1, 1, 0], 0, 2, 0)],
        (2026, None): [("cloud", [0, 0, 1, 2], 1, 3, 1), ("drone", [2, 0, 0, 0], 0, 1, 1)],
        (2026, "d1"): [("cloud", [0, 0, 0, 2], 0, 1, 1)],
    }
    maturity = {2025: pd.DataFrame({"technology": ["cloud", "drone"], "maturity": [4, 3]}), 2026: None}
    maturity[2026] = pd.DataFrame({"technology": ["cloud", "drone"], "maturity": [5, 3]})
    keyed_counts = pd.concat([counts(r).assign(edition=e, domain=d) for (e, d), r in rows.items()], ignore_index=True)
    keyed_maturity = pd.concat([maturity[e].assign(edition=e, domain=d) for e, d in rows], ignore_index=True)
    together = pipeline.score_technologies(keyed_counts, keyed_maturity, keys=("edition", "domain"))
    assert together[["edition", "domain"]].drop_duplicates().values.tolist() == [[2025, None], [2026, None], [2026, "d1"]]
    for (edition, domain), part in rows.items():
        alone = pipeline.score_technologies(counts(part), maturity[edition])
        mask = (together["edition"] == edition) & (together["domain"].isna() if domain is None else together["domain"] == domain)
        pd.testing.assert_frame_equal(together[mask].drop(columns=["edition", "domain"]).reset_index(drop=True), alone)
