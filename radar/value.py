"""The value question (KL 2022): what a technology has created for those who try or use it.

Pure pandas: counts of value answers (radar.db.national.value_counts) become a mix per technology,
written in words for the hover card and the technology page. A mix is shares of the value answers
given (config.VALUE_ANSWERS, "ved ikke" included), beside how many answers it rests on.
"""

from __future__ import annotations

import pandas as pd

from radar import config, explain
from radar.i18n import t

#: Columns of a mix: the answers it rests on, then one share per value answer.
COUNT_COLUMN = "n_value"
SHARE_COLUMNS: tuple[str, ...] = tuple(f"value_{v}" for v in config.VALUE_ANSWERS)


def value_mix(counts: pd.DataFrame, keys: tuple[str, ...] = ("technology",)) -> pd.DataFrame:
    """Per `keys` (from columns keys..., value, n): n_value and the share of each value answer."""
    if counts.empty:
        return pd.DataFrame({**{k: pd.Series(dtype=object) for k in keys}, COUNT_COLUMN: pd.Series(dtype="int64"),
                             **{c: pd.Series(dtype="float64") for c in SHARE_COLUMNS}})  # fmt: skip
    table = counts.pivot_table(index=list(keys), columns="value", values="n", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(config.VALUE_ANSWERS), fill_value=0)
    total = table.sum(axis=1)
    shares = table.div(total, axis=0).add_prefix("value_")
    return shares.assign(**{COUNT_COLUMN: total.astype("int64")}).reset_index()[[*keys, COUNT_COLUMN, *SHARE_COLUMNS]]


#: The kinds of value KL's question names; the rest ("no value yet", "don't know") follow them.
NAMED_VALUES = 3


def mix_text(row: pd.Series | dict, lang: str, line_break: str = "") -> str:
    """ "effektivisering 56 %, kvalitet 24 %, … (41 svar om værdi)"; "–" when nobody answered the question.

    `line_break` (e.g. "<br>" in a hover card) goes after the kinds of value, before "no value yet".
    """
    count = row.get(COUNT_COLUMN)
    if count is None or pd.isna(count) or int(count) == 0:
        return "–"
    parts = [
        t("value_share", lang, value=t(f"value_{v}", lang), share=explain.share_text(row.get(f"value_{v}"), lang))
        for v in config.VALUE_ANSWERS
    ]
    joined = ", ".join(parts[:NAMED_VALUES]) + "," + (line_break or " ") + ", ".join(parts[NAMED_VALUES:])
    return t("value_mix", lang, parts=joined, count=t("count_value", lang, n=explain.count_text(count, lang)))


#: The filter by value (radar pages, "Skabt værdi"): the kinds one can pick, KL's three named kinds.
FILTER_KINDS: tuple[str, ...] = config.VALUE_ANSWERS[:NAMED_VALUES]
#: A technology is shown for a kind when at least this share of its answers on value name that kind
#: (the share the hover card writes) ...
FILTER_SHARE = 0.25
#: ... and those answers are at least this many (fewer is flagged as few answers elsewhere too).
FILTER_MIN_ANSWERS = config.LOW_N


def reports(table: pd.DataFrame, kind: str) -> pd.Series:
    """Per row of a table with a value mix: True where `kind` is at least FILTER_SHARE of at least
    FILTER_MIN_ANSWERS answers on value; False without a mix (nobody was asked, or too few answered)."""
    if kind not in FILTER_KINDS:
        raise ValueError(f"unknown kind of value: {kind!r}")
    if COUNT_COLUMN not in table:
        return pd.Series(False, index=table.index)
    enough = table[COUNT_COLUMN].fillna(0) >= FILTER_MIN_ANSWERS
    return (enough & (table[f"value_{kind}"].fillna(0.0) >= FILTER_SHARE)).astype(bool)
