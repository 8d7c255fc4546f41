"""The method of PRODUCT.md §4 as pure pandas: answers -> scores -> rings -> movement.

No I/O here. Frames in, frames out; every function can be tested with a hand-made table.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from radar.config import DEFAULT_CUTOFFS, LOW_N, MATURITY_LEVELS, MAX_STAGE, RING_KEYS

STAGE_COLUMNS: tuple[str, ...] = ("stage_0", "stage_1", "stage_2", "stage_3")


def normalised_maturity(maturity: pd.Series | float) -> pd.Series | float:
    """Technical maturity 1..5 mapped to 0..1: m' = (m - 1) / 4 (a column or one value)."""
    values = maturity.astype(float) if isinstance(maturity, pd.Series) else float(maturity)
    low, high = MATURITY_LEVELS[0], MATURITY_LEVELS[-1]
    return (values - low) / (high - low)


def score(maturity_norm: pd.Series | float, adoption: pd.Series | float) -> pd.Series | float:
    """The score s = (m' + a) / 2 that decides the ring (a column or one value)."""
    return (maturity_norm + adoption) / 2.0


def adoption_summary(answers: pd.DataFrame) -> pd.DataFrame:
    """Per technology: n, "ved ikke" count, stage shares, adoption index and relevance share.

    `answers` has columns technology, stage (0-3 or missing for "ved ikke") and relevant
    (bool or missing). n counts the respondents who gave a stage; the adoption index is
    mean(stage) / 3 over them; the relevance share is the mean of the yes/no answers.
    """
    stage = pd.to_numeric(answers["stage"], errors="coerce")
    relevant = answers["relevant"].astype("boolean").astype("Float64")
    frame = pd.DataFrame({"technology": answers["technology"], "stage": stage, "relevant": relevant})
    grouped = frame.groupby("technology", sort=True)
    summary = pd.DataFrame(
        {
            "n": grouped["stage"].count().astype(int),
            "dont_know": grouped["stage"].apply(lambda s: int(s.isna().sum())),
            "adoption": grouped["stage"].mean() / MAX_STAGE,
            "relevance": grouped["relevant"].mean().astype(float),
            "n_relevance": grouped["relevant"].count().astype(int),
        }
    )
    counts = frame.dropna(subset=["stage"]).pivot_table(
        index="technology", columns="stage", values="relevant", aggfunc="size", fill_value=0
    )
    for level, column in enumerate(STAGE_COLUMNS):
        share = counts[float(level)] if float(level) in counts.columns else pd.Series(0, index=counts.index)
        summary[column] = (share.reindex(summary.index).fillna(0) / summary["n"].where(summary["n"] > 0)).astype(float)
    return summary.reset_index()


def ring_for_score(score: float, cutoffs: Mapping[str, float] | None = None) -> str | None:
    """The ring a score falls in: the innermost ring whose cut-off it reaches; None for NaN."""
    if score is None or pd.isna(score):
        return None
    cutoffs = cutoffs or DEFAULT_CUTOFFS
    for key in RING_KEYS:
        if score >= cutoffs[key]:
            return key
    return RING_KEYS[-1]


def score_technologies(
    answers: pd.DataFrame,
    maturity: pd.DataFrame,
    cutoffs: Mapping[str, float] | None = None,
    low_n: int = LOW_N,
) -> pd.DataFrame:
    """Score and ring per technology: s = (m' + a) / 2, one row per technology in `maturity`.

    A technology without answers or without a maturity rating gets no score and no ring.
    `low_n` flags values resting on fewer respondents than that.
    """
    summary = adoption_summary(answers) if len(answers) else pd.DataFrame(columns=["technology"])
    table = maturity[["technology", "maturity"]].merge(summary, on="technology", how="left")
    table["n"] = table["n"].fillna(0).astype(int)
    table["dont_know"] = table["dont_know"].fillna(0).astype(int)
    table["n_relevance"] = table["n_relevance"].fillna(0).astype(int)
    for column in ("adoption", "relevance", *STAGE_COLUMNS):
        table[column] = table[column].astype(float) if column in table else np.nan
    table["maturity_norm"] = normalised_maturity(table["maturity"])
    table["score"] = score(table["maturity_norm"], table["adoption"])
    table["ring"] = [ring_for_score(s, cutoffs) for s in table["score"]]
    table["low_n"] = table["n"] < low_n
    return table.sort_values("technology", kind="stable").reset_index(drop=True)


def movement(current: pd.DataFrame, previous: pd.DataFrame | None) -> pd.Series:
    """Movement of each current ring against the previous edition's ring.

    new: not placed before; moved_in: a ring nearer the centre; moved_out: further out;
    unchanged: same ring. With no previous edition at all, movement is unknown (None).
    """
    if previous is None:
        return pd.Series([None] * len(current), index=current.index, dtype=object)
    before = dict(zip(previous["technology"], previous["ring"], strict=True))
    order = {key: i for i, key in enumerate(RING_KEYS)}
    result = []
    for tech, ring in zip(current["technology"], current["ring"], strict=True):
        old = before.get(tech)
        if not isinstance(ring, str):
            result.append(None)
        elif not isinstance(old, str):
            result.append("new")
        elif order[ring] < order[old]:
            result.append("moved_in")
        elif order[ring] > order[old]:
            result.append("moved_out")
        else:
            result.append("unchanged")
    return pd.Series(result, index=current.index, dtype=object)


def radar_table(
    scores: pd.DataFrame,
    technologies: pd.DataFrame,
    previous_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Scores joined to the catalogue (names, category) with movement and previous ring."""
    table = scores.merge(
        technologies[["id", "name_da", "name_en", "category", "sort"]].rename(columns={"id": "technology"}),
        on="technology",
        how="left",
    )
    table["movement"] = movement(table, previous_scores)
    previous = {} if previous_scores is None else dict(zip(previous_scores["technology"], previous_scores["ring"], strict=True))
    table["previous_ring"] = table["technology"].map(previous)
    return table


def number_blips(table: pd.DataFrame) -> pd.DataFrame:
    """Blip numbers 1..N in reading order: ring (inner first), then score high to low, then name."""
    order = {key: i for i, key in enumerate(RING_KEYS)}
    placed = table.assign(_ring=table["ring"].map(order))
    placed = placed.sort_values(["_ring", "score", "technology"], ascending=[True, False, True], kind="stable")
    numbers = pd.Series(range(1, len(placed) + 1), index=placed.index)
    return table.assign(number=numbers.reindex(table.index)).sort_values("number").reset_index(drop=True)
