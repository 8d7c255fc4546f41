"""The method of PRODUCT.md §4 as pure pandas: answer counts -> scores -> rings -> movement.

The answers are counted where they live (radar.db.national.answer_counts, in DuckDB); the method
works on those counts, a few rows per technology. No I/O here: frames in, frames out; every
function can be tested with a hand-made table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from radar.config import ADOPTION_STAGES, DEFAULT_CUTOFFS, LOW_N, MATURITY_LEVELS, MAX_STAGE, RING_KEYS

#: The share of respondents at each adoption stage (among those who gave a stage), in the result.
STAGE_COLUMNS: tuple[str, ...] = tuple(f"stage_{level}" for level in ADOPTION_STAGES)
#: The method's input, per technology of one edition and scope: how many answers gave each stage,
#: "ved ikke", relevant yes and relevant no (radar.db.national.answer_counts counts them in DuckDB).
STAGE_COUNTS: tuple[str, ...] = tuple(f"count_{column}" for column in STAGE_COLUMNS)
COUNT_COLUMNS: tuple[str, ...] = (*STAGE_COUNTS, "count_dont_know", "count_relevant", "count_not_relevant")


def normalised_maturity(maturity: pd.Series | float) -> pd.Series | float:
    """Technical maturity 1..5 mapped to 0..1: m' = (m - 1) / 4 (a column or one value)."""
    values = maturity.astype(float) if isinstance(maturity, pd.Series) else float(maturity)
    low, high = MATURITY_LEVELS[0], MATURITY_LEVELS[-1]
    return (values - low) / (high - low)


def score(maturity_norm: pd.Series | float, adoption: pd.Series | float) -> pd.Series | float:
    """The score s = (m' + a) / 2 that decides the ring (a column or one value)."""
    return (maturity_norm + adoption) / 2.0


def adoption_summary(counts: pd.DataFrame, keys: Sequence[str] = ()) -> pd.DataFrame:
    """Per technology: n, "ved ikke" count, stage shares, adoption index and relevance share.

    `counts` has a technology column, the `keys` columns (edition, domain: when it holds several
    editions or scopes) and the COUNT_COLUMNS, one row per technology (and key). n counts the
    respondents who gave a stage; the adoption index is mean(stage) / 3 over them, that is
    (0·count_stage_0 + 1·count_stage_1 + 2·count_stage_2 + 3·count_stage_3) / n / 3; a stage share
    is its count / n; the relevance share is yes / (yes + no). Without any stage (or any yes/no)
    the mean is missing, not 0.
    """
    stages = counts[list(STAGE_COUNTS)].astype("int64")
    n = stages.sum(axis=1)
    answered = n.where(n > 0)  # NaN where nobody gave a stage, so the means are missing, not 0
    stage_total = sum(level * stages[column] for level, column in zip(ADOPTION_STAGES, STAGE_COUNTS, strict=True))
    yes, no = counts["count_relevant"].astype("int64"), counts["count_not_relevant"].astype("int64")
    n_relevance = yes + no
    summary = pd.DataFrame(
        {
            **{column: counts[column] for column in (*keys, "technology")},
            "n": n,
            "dont_know": counts["count_dont_know"].astype("int64"),
            "adoption": stage_total / answered / MAX_STAGE,
            "relevance": yes / n_relevance.where(n_relevance > 0),
            "n_relevance": n_relevance,
        }
    )
    for column, count in zip(STAGE_COLUMNS, STAGE_COUNTS, strict=True):
        summary[column] = stages[count] / answered
    return summary.reset_index(drop=True)


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
    counts: pd.DataFrame,
    maturity: pd.DataFrame,
    cutoffs: Mapping[str, float] | None = None,
    low_n: int = LOW_N,
    keys: Sequence[str] = (),
) -> pd.DataFrame:
    """Score and ring per technology: s = (m' + a) / 2, one row per row of `maturity`.

    `counts` holds the answer counts (technology and COUNT_COLUMNS) of one edition and scope,
    `maturity` that edition's technology and maturity. With `keys` (e.g. edition and domain) both
    hold several editions or scopes at once, matched on the keys and technology (a missing domain,
    the pooled scope, matches a missing domain), and the result is sorted by the keys first. A
    technology without answers or without a maturity rating gets no score and no ring. `low_n`
    flags values resting on fewer respondents than that.
    """
    on = [*keys, "technology"]
    summary = adoption_summary(counts, keys)
    table = maturity[[*on, "maturity"]].merge(summary, on=on, how="left")
    for column in ("n", "dont_know", "n_relevance"):
        table[column] = table[column].fillna(0).astype(int)
    for column in ("adoption", "relevance", *STAGE_COLUMNS):
        table[column] = table[column].astype(float)
    table["maturity_norm"] = normalised_maturity(table["maturity"])
    table["score"] = score(table["maturity_norm"], table["adoption"])
    table["ring"] = [ring_for_score(s, cutoffs) for s in table["score"]]
    table["low_n"] = table["n"] < low_n
    return table.sort_values(on, kind="stable", na_position="first").reset_index(drop=True)


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


def number_blips(table: pd.DataFrame, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Blip numbers 1..N in reading order: ring (inner first), then score high to low, then name.

    With `reference` (technology, number: the combined radar of the same edition), a technology keeps
    the reference's number, so it has one number on the combined radar and on every domain radar;
    one the reference lacks is numbered after the reference's last, in reading order.
    """
    order = {key: i for i, key in enumerate(RING_KEYS)}
    placed = table.assign(_ring=table["ring"].map(order))
    placed = placed.sort_values(["_ring", "score", "technology"], ascending=[True, False, True], kind="stable")
    if reference is None:
        numbers = pd.Series(range(1, len(placed) + 1), index=placed.index)
    else:
        known = dict(zip(reference["technology"], reference["number"].astype(int), strict=True))
        numbers = placed["technology"].map(known)
        extra = numbers.isna()
        start = max(known.values(), default=0) + 1
        numbers[extra] = range(start, start + int(extra.sum()))
        numbers = numbers.astype(int)
    return table.assign(number=numbers.reindex(table.index)).sort_values("number").reset_index(drop=True)
