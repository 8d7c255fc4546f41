"""Why a blip sits where it sits, in words, with numbers that never claim more than they are.

Pure functions of plain values; every number is written by radar.i18n.number (Babel).

Honest rounding. A number is written with two decimals, or with as many more (up to
MAX_EXTRA) as it takes for the written number to tell the same story as the true one:

- a score lies on the same side of every ring cut-off as the written score (0.2972 is in
  AFVENT, so it is written 0,297, not 0,30, which would be HOLD ØJE's cut-off);
- a value is written as exactly 0 or 1 (0 % or 100 %) only when it is exactly that (a share
  of 0.998 is 99,8 %, not 100 %: someone said no).

When even that many decimals do not do it, the text says so in words: "under 0,30".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import pandas as pd

from radar import pipeline
from radar.config import DEFAULT_CUTOFFS, RING_KEYS
from radar.i18n import number, rounded, t

#: Decimals a number may grow by before the text says "under 0,30" instead.
MAX_EXTRA = 2
SCORE_DIGITS = 2
SHARE_DIGITS = 0  # per cent, whole numbers


def _missing(value: object) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _exact(value: float, percent: bool) -> Decimal:
    return Decimal(repr(float(value))) * (100 if percent else 1)


def honest_digits(
    value: float,
    cutoffs: Iterable[float] = (),
    extremes: Iterable[float] = (0.0, 1.0),
    digits: int = SCORE_DIGITS,
    percent: bool = False,
) -> int | None:
    """The fewest decimals (from `digits`, at most MAX_EXTRA more) that keep `value` honest; None if none do.

    Honest: on the same side of every cut-off (a cut-off is the lowest value of its ring) and
    equal to an extreme (0 or 1) only when the value is.
    """
    true = _exact(value, percent)
    cuts = [_exact(c, percent) for c in cutoffs]
    ends = [_exact(e, percent) for e in extremes]
    for decimals in range(digits, digits + MAX_EXTRA + 1):
        shown = rounded(value, decimals, percent)
        if all((true < c) == (shown < c) for c in cuts) and all((true == e) == (shown == e) for e in ends):
            return decimals
    return None


def bound_text(value: float, lang: str, percent: bool = False) -> str:
    """A cut-off or an extreme written exactly: with two decimals, or as many as it has (up to MAX_EXTRA more)."""
    base = SHARE_DIGITS if percent else SCORE_DIGITS
    for decimals in range(base, base + MAX_EXTRA + 1):
        if rounded(value, decimals, percent) == _exact(value, percent):
            return number(value, lang, decimals, percent)
    return number(value, lang, base + MAX_EXTRA, percent)


def short_number(value: float | None, lang: str) -> str:
    """A number with as few decimals as it has (up to SCORE_DIGITS + MAX_EXTRA): 3, 2,5, 0,125."""
    if _missing(value):
        return "–"
    for decimals in range(SCORE_DIGITS + MAX_EXTRA + 1):
        if rounded(float(value), decimals) == _exact(float(value), False):
            return number(value, lang, decimals)
    return number(value, lang, SCORE_DIGITS + MAX_EXTRA)


def _honest_text(value: float, lang: str, cutoffs: Iterable[float], digits: int, percent: bool) -> str:
    cuts = list(cutoffs)
    decimals = honest_digits(value, cuts, digits=digits, percent=percent)
    if decimals is not None:
        return number(value, lang, decimals, percent)
    # Too close to a bound even with MAX_EXTRA more decimals: name the bound the rounding would reach.
    shown, true = rounded(value, digits + MAX_EXTRA, percent), _exact(value, percent)
    for bound in sorted([*cuts, 1.0]):
        if true < _exact(bound, percent) <= shown:
            return t("number_below", lang, value=bound_text(bound, lang, percent))
    return t("number_above", lang, value=bound_text(0.0, lang, percent))


def ring_cutoffs(cutoffs: Mapping[str, float] | None = None) -> list[float]:
    """The cut-offs a score is measured against (the lowest ring's 0 is an extreme, not a cut-off)."""
    cutoffs = cutoffs or DEFAULT_CUTOFFS
    return [cutoffs[key] for key in RING_KEYS if cutoffs[key] > 0]


def score_text(score: float | None, lang: str, cutoffs: Mapping[str, float] | None = None) -> str:
    """A score written honestly against the ring cut-offs: 0,53; 0,297 (not 0,30 in AFVENT); "under 0,30"."""
    if _missing(score):
        return "–"
    return _honest_text(float(score), lang, ring_cutoffs(cutoffs), SCORE_DIGITS, percent=False)


def share_text(share: float | None, lang: str) -> str:
    """A share 0..1 in per cent, 100 % and 0 % only when exact: 98 %, 99,8 %."""
    if _missing(share):
        return "–"
    return _honest_text(float(share), lang, (), SHARE_DIGITS, percent=True)


def count_text(count: float | None, lang: str) -> str:
    """A count as the language writes it (1.066 / 1,066); "–" when missing."""
    return number(None if _missing(count) else count, lang, 0)


def _reason_digits(maturity_norm: float, adoption: float, score: float, cuts: list[float]) -> int | None:
    """Decimals for the parts and the score: the score's honest decimals, at least the adoption's."""
    for_score = honest_digits(score, cuts)
    for_adoption = honest_digits(adoption, ())
    if for_score is None:
        return None
    return max(for_score, for_adoption or SCORE_DIGITS + MAX_EXTRA, honest_digits(maturity_norm, ()) or SCORE_DIGITS)


def score_reason(
    maturity: float | None,
    adoption: float | None,
    score: float | None,
    ring: str | None,
    lang: str,
    cutoffs: Mapping[str, float] | None = None,
) -> str:
    """The score worked out and set against its ring's cut-offs: "(modenhed 0,75 + udbredelse 0,31) / 2 = 0,53 ≥ 0,50 og < 0,70".

    The normalised maturity m' = (m - 1) / 4, the adoption index a and the score s = (m' + a) / 2,
    compared with the ring's own cut-off and the next ring's. "=" when the written parts give the
    written score once rounded to its decimals, "≈" when rounding the parts moves the last digit.
    A score too close to a cut-off to write is left out; the comparison says which side it is on.
    """
    if not isinstance(ring, str) or any(_missing(v) for v in (maturity, adoption, score)):
        return t("no_score", lang)
    cutoffs = cutoffs or DEFAULT_CUTOFFS
    m_norm, a, s = float(pipeline.normalised_maturity(float(maturity))), float(adoption), float(score)
    index = RING_KEYS.index(ring)
    comparisons = []
    if cutoffs[ring] > 0:
        comparisons.append(t("why_at_least", lang, value=bound_text(cutoffs[ring], lang)))
    if index > 0:
        comparisons.append(t("why_below", lang, value=bound_text(cutoffs[RING_KEYS[index - 1]], lang)))
    compared = f" {t('why_and', lang)} ".join(comparisons)
    decimals = _reason_digits(m_norm, a, s, ring_cutoffs(cutoffs))
    parts = decimals if decimals is not None else SCORE_DIGITS + MAX_EXTRA
    formula = t("why_formula", lang, maturity=number(m_norm, lang, parts), adoption=number(a, lang, parts))
    if decimals is None:
        return f"{formula} {compared}"
    shown = rounded(s, decimals)
    from_parts = ((rounded(m_norm, decimals) + rounded(a, decimals)) / 2).quantize(shown)
    relation = "=" if from_parts == shown else "≈"
    return f"{formula} {relation} {number(s, lang, decimals)} {compared}"


def ring_reason(
    maturity: float | None,
    adoption: float | None,
    score: float | None,
    ring: str | None,
    lang: str,
    cutoffs: Mapping[str, float] | None = None,
) -> str:
    """Why a technology is in its ring: "AFPRØV, fordi (modenhed 0,75 + udbredelse 0,31) / 2 = 0,53 ≥ 0,50 og < 0,70"."""
    reason = score_reason(maturity, adoption, score, ring, lang, cutoffs)
    if not isinstance(ring, str) or reason == t("no_score", lang):
        return reason
    return t("why_ring", lang, ring=t(f"ring_{ring}", lang), reason=reason)


def index_text(value: float | None, lang: str) -> str:
    """An index 0..1 (adoption) with two decimals, written as exactly 0 or 1 only when it is."""
    if _missing(value):
        return "–"
    return _honest_text(float(value), lang, (), SCORE_DIGITS, percent=False)


def table_formatters(lang: str) -> dict[str, Callable[[object], str]]:
    """How each number column of a table is written (for a pandas Styler): the table shows what the hover shows."""
    return {
        "score": lambda v: score_text(v, lang),
        "maturity": lambda v: count_text(v, lang),
        "adoption": lambda v: index_text(v, lang),
        "relevance": lambda v: share_text(v, lang),
        "n": lambda v: count_text(v, lang),
        "n_relevance": lambda v: count_text(v, lang),
    }


def radar_table(blips: pd.DataFrame, category_names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """The national radar as a table in reading order: the values of the chart and the reason for each ring.

    Numbers stay numbers (so the table sorts by value); table_formatters says how each is written.
    """
    movement = blips["movement"].map(lambda m: t(f"movement_{m}", lang) if isinstance(m, str) else t("movement_none", lang))
    why = [
        score_reason(row.maturity, row.adoption, row.score, row.ring, lang)
        for row in blips[["maturity", "adoption", "score", "ring"]].itertuples(index=False)
    ]
    view = pd.DataFrame(
        {
            "number": blips["number"],
            "name": blips["name"],
            "category": blips["category"].map(category_names),
            "ring": blips["ring"].map(lambda k: t(f"ring_{k}", lang)),
            "score": blips["score"],
            "why": why,
            "maturity": blips["maturity"],
            "adoption": blips["adoption"],
            "n": blips["n"],
            "relevance": blips["relevance"],
            "n_relevance": blips["n_relevance"],
            "movement": movement,
            "low_n": blips["low_n"],
        }
    )
    return view.sort_values("number").reset_index(drop=True)


def scope_table(by_scope: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One technology's ring in each scope (combined, each domain) and why, for the detail panel."""
    why = [
        score_reason(row.maturity, row.adoption, row.score, row.ring, lang)
        for row in by_scope[["maturity", "adoption", "score", "ring"]].itertuples(index=False)
    ]
    return pd.DataFrame(
        {
            "scope": by_scope["label"],
            "ring": by_scope["ring"].map(lambda k: t(f"ring_{k}", lang) if isinstance(k, str) else "–"),
            "score": by_scope["score"],
            "why": why,
            "n": by_scope["n"],
        }
    )


#: The worked example on Om radaren: a technology with these values, run through the method itself.
EXAMPLE_MATURITY = 4
EXAMPLE_ADOPTION = 0.31


def example_reason(lang: str, cutoffs: Mapping[str, float] | None = None) -> str:
    """The reason for the worked example's ring, computed by the method (so the page can never say otherwise)."""
    score = pipeline.score(pipeline.normalised_maturity(EXAMPLE_MATURITY), EXAMPLE_ADOPTION)
    ring = pipeline.ring_for_score(score, cutoffs)
    return ring_reason(EXAMPLE_MATURITY, EXAMPLE_ADOPTION, score, ring, lang, cutoffs)


def matrix_reasons(matrix: pd.DataFrame, scores_by_scope: Mapping[str | None, pd.DataFrame], lang: str) -> pd.DataFrame:
    """The technology × domain matrix with each cell's reason for its ring (column `why`), for the heatmap.

    `matrix` has technology, domain (None: combined), score and ring; `scores_by_scope` holds each
    scope's scores with maturity and adoption (radar.service.scores).
    """
    parts = {
        scope: frame.set_index("technology")[["maturity", "adoption"]].to_dict("index")
        for scope, frame in scores_by_scope.items()
    }
    why = []
    for row in matrix[["technology", "domain", "score", "ring"]].itertuples(index=False):
        values = parts[None if _missing(row.domain) else row.domain].get(row.technology, {})
        why.append(ring_reason(values.get("maturity"), values.get("adoption"), row.score, row.ring, lang))
    return matrix.assign(why=why)
