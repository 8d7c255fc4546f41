"""Blip placement: rings, sectors, score order, determinism and, above all, no overlap."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from radar import layout
from radar.config import DEFAULT_CUTOFFS, RING_KEYS
from radar.config import GEOMETRY as PRODUCT_GEOMETRY
from radar.layout import ring_bounds, sector_bounds, sector_midpoints

# The hand-computed cases below assume a preferred diameter of 0.075, the product's gutter, equal
# ring bands of 0.25 and a gap of 0.6 diameters at each sector line (the product's geometry before
# KLAR got the widest band); the product's own radii are tested on their own.
GEOMETRY = dataclasses.replace(PRODUCT_GEOMETRY, blip_diameter=0.075, ring_radii=(0.25, 0.5, 0.75, 1.0), edge_gap=0.6)


def place_blips(items, categories, cutoffs=None, geometry=GEOMETRY):
    """The layout under test, with this module's geometry unless a test passes another."""
    return layout.place_blips(items, categories, cutoffs, geometry)


CATEGORIES = ["data", "ai", "infrastruktur", "borgerservice", "velfaerd", "sikkerhed"]
# Score band (lowest, upper) per ring under the default cut-offs, written out by hand.
BANDS = {"klar": (0.70, 1.0), "afproev": (0.50, 0.70), "hold_oeje": (0.30, 0.50), "afvent": (0.0, 0.30)}
TOL = 1e-9


def frame(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "category", "ring", "score"])


def realistic() -> pd.DataFrame:
    """25 technologies over 6 categories, rings consistent with the default cut-offs."""
    rows = [
        ("cloud", "infrastruktur", 0.82),
        ("video", "borgerservice", 0.88),
        ("mitid", "sikkerhed", 0.91),
        ("rpa", "data", 0.74),
        ("chatbot", "ai", 0.58),
        ("genai", "ai", 0.52),
        ("ml", "ai", 0.47),
        ("computer_vision", "ai", 0.33),
        ("datavarehus", "data", 0.66),
        ("open_data", "data", 0.61),
        ("iot", "infrastruktur", 0.44),
        ("5g", "infrastruktur", 0.36),
        ("edge", "infrastruktur", 0.22),
        ("selvbetjening", "borgerservice", 0.79),
        ("digital_post", "borgerservice", 0.93),
        ("sms_varsling", "borgerservice", 0.71),
        ("velfaerdsteknologi", "velfaerd", 0.63),
        ("skaerm_besog", "velfaerd", 0.69),
        ("robotstoevsuger", "velfaerd", 0.41),
        ("exoskelet", "velfaerd", 0.18),
        ("sensorer_plejehjem", "velfaerd", 0.55),
        ("zero_trust", "sikkerhed", 0.49),
        ("siem", "sikkerhed", 0.57),
        ("kvante", "sikkerhed", 0.05),
        ("blockchain", "data", float("nan")),
    ]
    out = []
    for ident, category, score in rows:
        ring = "afvent" if math.isnan(score) else next(k for k, (lo, _) in BANDS.items() if score >= lo)
        out.append((ident, category, ring, score))
    return frame(out)


def synthetic(n: int = 200, seed: int = 20240517) -> pd.DataFrame:
    """n seeded entries over 6 categories and 4 rings, plus 40 crowding KLAR of one sector."""
    rng = np.random.default_rng(seed)
    rings = rng.choice(RING_KEYS, n)
    # Mostly in-band scores, a tenth hand-set rings with out-of-band scores, a few missing.
    scores = np.array([rng.uniform(*BANDS[r]) for r in rings])
    off = rng.random(n) < 0.1
    scores[off] = rng.uniform(-0.2, 1.2, off.sum())
    scores[rng.random(n) < 0.05] = np.nan
    df = pd.DataFrame(
        {"id": [f"s{i:03d}" for i in range(n)], "category": rng.choice(CATEGORIES, n), "ring": rings, "score": scores}
    )
    crowd = pd.DataFrame(
        {
            "id": [f"crowd{i:02d}" for i in range(40)],
            "category": "ai",
            "ring": "klar",
            "score": rng.uniform(0.7, 1.0, 40),
        }
    )
    return pd.concat([df, crowd], ignore_index=True)


def effective_score(ring: str, score: float, cutoffs: dict[str, float] | None = None) -> float:
    lo, hi = BANDS[ring] if cutoffs is None else _bands(cutoffs)[ring]
    return (lo + hi) / 2 if math.isnan(score) else min(max(score, lo), hi)


def _bands(cutoffs: dict[str, float]) -> dict[str, tuple[float, float]]:
    bands, upper = {}, 1.0
    for key in RING_KEYS:
        bands[key], upper = (cutoffs[key], upper), cutoffs[key]
    return bands


def assert_no_overlap(out: pd.DataFrame) -> None:
    d = out["diameter"].iloc[0]
    assert (out["diameter"] == d).all()
    xy = out[["x", "y"]].to_numpy()
    dist = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=-1))
    np.fill_diagonal(dist, np.inf)
    assert dist.min() >= d - TOL, f"closest centres {dist.min()} < diameter {d}"


def _ray_distance(r: float, angle_deg: float) -> float:
    """Distance from a point at angle_deg (0..360) from a ray through the origin to that ray."""
    return r * math.sin(math.radians(angle_deg)) if angle_deg <= 90 else r


def assert_in_cells(
    out: pd.DataFrame, categories: list[str], gutter: float = GEOMETRY.label_gutter_deg, geometry=GEOMETRY
) -> None:
    """Every blip's whole disc lies in its ring band and its category sector."""
    half = out["diameter"].iloc[0] / 2
    for row in out.itertuples():
        inner, outer = ring_bounds(RING_KEYS.index(row.ring), geometry)
        start, end = sector_bounds(categories.index(row.category), len(categories), gutter)
        assert inner + half - TOL <= row.r <= outer - half + TOL, row
        assert start <= row.theta < end, row
        assert _ray_distance(row.r, row.theta - start) >= half - TOL, row
        assert _ray_distance(row.r, end - row.theta) >= half - TOL, row
        assert math.hypot(row.x, row.y) == pytest.approx(row.r, abs=TOL)


def assert_monotone(out: pd.DataFrame, cutoffs: dict[str, float] | None = None) -> None:
    """Within a cell, a strictly higher (effective) score never lies further out."""
    eff = [effective_score(r, s, cutoffs) for r, s in zip(out["ring"], out["score"], strict=True)]
    cells = out.assign(eff=eff).groupby(["ring", "category"])
    for _, cell in cells:
        ordered = cell.sort_values(["eff", "r"], ascending=[False, True])
        assert ordered["r"].is_monotonic_increasing, ordered[["id", "eff", "r"]]


# --- pure helpers -----------------------------------------------------------------------


@pytest.mark.parametrize(("index", "expected"), [(0, (0.0, 0.25)), (1, (0.25, 0.5)), (2, (0.5, 0.75)), (3, (0.75, 1.0))])
def test_ring_bounds_follow_the_geometry_klar_innermost(index, expected):
    assert ring_bounds(index, GEOMETRY) == pytest.approx(expected)


@pytest.mark.parametrize(("index", "expected"), [(0, (0.0, 0.325)), (1, (0.325, 0.55)), (2, (0.55, 0.775)), (3, (0.775, 1.0))])
def test_the_products_klar_band_is_the_widest_as_in_build_your_own_radar(index, expected):
    # BYOR's ring radii 130, 220, 310, 400 over 400.
    assert ring_bounds(index, PRODUCT_GEOMETRY) == pytest.approx(expected)


@pytest.mark.parametrize("radii", [(0.5, 0.25, 0.75, 1.0), (0.25, 0.5, 0.75, 0.9), (0.25, 0.5, 1.0)])
def test_ring_radii_must_grow_to_one_per_ring(radii):
    with pytest.raises(ValueError, match="ring_radii"):
        place_blips(frame([("t", "ai", "klar", 0.8)]), CATEGORIES, geometry=dataclasses.replace(GEOMETRY, ring_radii=radii))


@pytest.mark.parametrize("index", [-1, 4])
def test_ring_bounds_rejects_unknown_ring(index):
    with pytest.raises(ValueError):
        ring_bounds(index)


@pytest.mark.parametrize(
    ("k", "n", "expected"),
    [(0, 6, (0.0, 60.0)), (5, 6, (300.0, 360.0)), (0, 1, (0.0, 360.0)), (2, 8, (90.0, 135.0)), (1, 3, (120.0, 240.0))],
)
def test_sector_bounds(k, n, expected):
    assert sector_bounds(k, n) == pytest.approx(expected)


@pytest.mark.parametrize(("k", "n"), [(6, 6), (-1, 6), (0, 0)])
def test_sector_bounds_rejects_unknown_sector(k, n):
    with pytest.raises(ValueError):
        sector_bounds(k, n)


@pytest.mark.parametrize(
    ("categories", "expected"),
    [
        (["a", "b", "c", "d"], [45.0, 135.0, 225.0, 315.0]),
        (["only"], [180.0]),
        ([], []),
        (CATEGORIES, [30, 90, 150, 210, 270, 330]),
    ],
)
def test_sector_midpoints(categories, expected):
    assert sector_midpoints(categories) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("k", "n", "gutter", "expected"), [(0, 6, 24.0, (12.0, 68.0)), (5, 6, 24.0, (292.0, 348.0)), (0, 1, 20.0, (10.0, 350.0))]
)
def test_sector_bounds_leave_the_label_gutter_free(k, n, gutter, expected):
    assert sector_bounds(k, n, gutter) == pytest.approx(expected)


def test_no_blip_sits_in_the_label_gutter():
    out = place_blips(realistic(), CATEGORIES)
    half_gutter = GEOMETRY.label_gutter_deg / 2
    assert ((out["theta"] >= half_gutter) & (out["theta"] <= 360 - half_gutter)).all()


# --- radius from the score ---------------------------------------------------------------

# A lone blip at the preferred diameter 0.075: candidate rows lie every 0.075 / 4 from
# outer - 0.0375 inward down to inner + 0.0375; the blip takes the row nearest its ideal radius
# outer - (s - lo) / (hi - lo) * 0.25. KLAR's rows below 0.09 are too narrow for a 60° sector
# with the 0.6-diameter gap at each sector line (0.045 / sin 30° = 0.09).
ALTERED = {"klar": 0.8, "afproev": 0.5, "hold_oeje": 0.3, "afvent": 0.0}


@pytest.mark.parametrize(
    ("ring", "score", "cutoffs", "expected_r"),
    [
        ("afproev", 0.60, None, 0.36875),  # ideal 0.375, rows 0.36875 / 0.3875
        ("afproev", 0.95, None, 0.29375),  # above the band: clipped to 0.70, ideal 0.25, innermost row
        ("afproev", 0.10, None, 0.4625),  # below the band: clipped to 0.50, ideal 0.5, outermost row
        ("afproev", float("nan"), None, 0.36875),  # missing: middle of the band, like 0.60
        ("afvent", float("nan"), None, 0.86875),  # ideal 0.875, rows 0.86875 / 0.8875
        ("hold_oeje", 0.30, None, 0.7125),  # the cut-off itself: outer edge
        ("klar", 1.00, None, 0.1),  # ideal 0 (the centre), nearest row wide enough
        ("klar", -1.0, None, 0.2125),  # hand-set KLAR with a low score: outermost row
        ("klar", 0.90, ALTERED, 0.11875),  # cut-off 0.8: ideal 0.125
        ("klar", 0.80, ALTERED, 0.2125),
    ],
)
def test_lone_blip_radius_follows_score(ring, score, cutoffs, expected_r):
    out = place_blips(frame([("t", "ai", ring, score)]), CATEGORIES, cutoffs)
    assert out["diameter"].iloc[0] == GEOMETRY.blip_diameter
    assert out["r"].iloc[0] == pytest.approx(expected_r, abs=1e-12)


@pytest.mark.parametrize(
    ("ring", "score", "same_as"), [("afproev", 0.9, 0.7), ("afproev", -3.0, 0.5), ("hold_oeje", float("nan"), 0.4)]
)
def test_out_of_band_and_missing_scores_match_their_clipped_score(ring, score, same_as):
    a = place_blips(frame([("t", "data", ring, score)]), CATEGORIES)
    b = place_blips(frame([("t", "data", ring, same_as)]), CATEGORIES)
    assert a["r"].iloc[0] == b["r"].iloc[0]


def test_higher_score_lies_nearer_the_centre_in_a_cell():
    scores = [0.99, 0.95, 0.9, 0.86, 0.83, 0.8, 0.77, 0.74, 0.71, 0.70]
    out = place_blips(frame([(f"t{i}", "data", "klar", s) for i, s in enumerate(scores)]), CATEGORIES)
    assert out["r"].is_monotonic_increasing
    assert out["r"].iloc[-1] > out["r"].iloc[0]  # the score is visible, not one row for all


def test_custom_cutoffs_keep_order_and_cells():
    rng = np.random.default_rng(7)
    rows = [(f"t{i}", CATEGORIES[i % 6], RING_KEYS[i % 4], float(rng.uniform(-0.1, 1.1))) for i in range(60)]
    out = place_blips(frame(rows), CATEGORIES, ALTERED)
    assert_no_overlap(out)
    assert_in_cells(out, CATEGORIES)
    assert_monotone(out, ALTERED)


# --- angle from the category -------------------------------------------------------------


@pytest.mark.parametrize("n_categories", [1, 2, 3, 6, 8])
def test_angle_lies_in_category_sector(n_categories):
    categories = [f"c{k}" for k in range(n_categories)]
    rows = [(f"t{k}-{ring}", f"c{k}", ring, 0.5) for k in range(n_categories) for ring in RING_KEYS]
    out = place_blips(frame(rows), categories)
    assert_in_cells(out, categories)
    assert_no_overlap(out)


# --- the realistic and synthetic sets ----------------------------------------------------


@pytest.mark.parametrize("make", [realistic, synthetic], ids=["realistic25", "synthetic240"])
def test_no_overlap_containment_and_order(make):
    items = make()
    out = place_blips(items, CATEGORIES)
    assert_no_overlap(out)
    assert_in_cells(out, CATEGORIES)
    assert_monotone(out)


NO_GUTTER = dataclasses.replace(GEOMETRY, label_gutter_deg=0.0)


# Without the label gutter, at 0.075 a 60° KLAR cell holds 3 blips: 2 on the row at 0.2125 (the sector-line gaps leave
# 35.6° and two blips need 20.3°) and 1 at 0.1375 (21.8° free); rows below 0.09 hold none.
@pytest.mark.parametrize(("n", "keeps_preferred"), [(1, True), (3, True), (4, False)])
def test_diameter_shrinks_exactly_when_a_cell_overflows(n, keeps_preferred):
    out = place_blips(frame([(f"t{i}", "ai", "klar", 0.75 + 0.05 * i) for i in range(n)]), CATEGORIES, geometry=NO_GUTTER)
    d = out["diameter"].iloc[0]
    assert bool(d == GEOMETRY.blip_diameter) is keeps_preferred
    assert d > 0.9 * GEOMETRY.blip_diameter  # one blip too many costs a little, not half the size
    assert_no_overlap(out)
    assert_in_cells(out, CATEGORIES, gutter=0.0)


def test_crowded_cell_shrinks_the_whole_chart_not_overlaps():
    out = place_blips(synthetic(), CATEGORIES)
    d = out["diameter"].iloc[0]
    assert GEOMETRY.min_blip_diameter <= d < GEOMETRY.blip_diameter


def test_beyond_the_minimum_diameter_blips_shrink_further_and_still_do_not_overlap():
    rows = [(f"t{i:03d}", "ai", "klar", 0.7 + 0.3 * i / 300) for i in range(300)]
    out = place_blips(frame(rows), CATEGORIES)
    assert out["diameter"].iloc[0] < GEOMETRY.min_blip_diameter
    assert_no_overlap(out)
    assert_in_cells(out, CATEGORIES)


# --- determinism and the frame contract --------------------------------------------------


def test_same_data_same_picture_whatever_the_row_order():
    items = synthetic()
    first = place_blips(items, CATEGORIES)
    again = place_blips(items, CATEGORIES)
    pd.testing.assert_frame_equal(first, again)
    shuffled = items.sample(frac=1.0, random_state=3).reset_index(drop=True)
    moved = place_blips(shuffled, CATEGORIES).set_index("id").loc[first["id"]]
    for column in ["r", "theta", "x", "y", "diameter"]:
        assert (moved[column].to_numpy() == first[column].to_numpy()).all(), column


def test_keeps_rows_index_and_other_columns():
    items = realistic().assign(name=lambda f: f["id"].str.upper())
    items.index = range(100, 125)
    out = place_blips(items, CATEGORIES)
    assert list(out.index) == list(items.index)
    pd.testing.assert_frame_equal(out[items.columns], items)
    assert list(out.columns) == [*items.columns, "r", "theta", "x", "y", "diameter"]
    assert "r" not in items.columns  # a copy, the input is untouched


def test_empty_input_gives_empty_frame_with_columns():
    out = place_blips(frame([]), CATEGORIES)
    assert out.empty
    assert {"id", "category", "ring", "score", "r", "theta", "x", "y", "diameter"} <= set(out.columns)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("a", "robotics", "klar", 0.8)], "unknown categories.*robotics"),
        ([("a", "ai", "adopt", 0.8)], "unknown rings.*adopt"),
        ([("a", "ai", "klar", 0.8), ("a", "data", "klar", 0.9)], "unique"),
    ],
)
def test_bad_input_raises_clear_error(rows, message):
    with pytest.raises(ValueError, match=message):
        place_blips(frame(rows), CATEGORIES)


def test_incomplete_cutoffs_are_rejected():
    with pytest.raises(ValueError, match="cutoffs"):
        place_blips(frame([("a", "ai", "klar", 0.8)]), CATEGORIES, {"klar": 0.7})


def test_default_cutoffs_are_the_documented_bands():
    assert _bands(DEFAULT_CUTOFFS) == BANDS


# --- property ----------------------------------------------------------------------------

entries = st.tuples(
    st.integers(min_value=0, max_value=7),
    st.sampled_from(RING_KEYS),
    st.one_of(st.floats(min_value=-0.3, max_value=1.3), st.just(float("nan"))),
)


@settings(max_examples=40, deadline=None)
@given(n_categories=st.integers(min_value=1, max_value=8), picks=st.lists(entries, max_size=120))
def test_property_no_overlap_and_containment(n_categories, picks):
    categories = [f"c{k}" for k in range(n_categories)]
    rows = [(f"t{i}", categories[k % n_categories], ring, score) for i, (k, ring, score) in enumerate(picks)]
    out = place_blips(frame(rows), categories)
    assert len(out) == len(rows)
    if rows:
        assert_no_overlap(out)
        assert_in_cells(out, categories)
        assert_monotone(out)
