"""Workshop rounds, pure: join codes, answers, the room's distribution and agreement, adoption, export.

A round asks the room one or more questions about a radar's technologies: its ring, its local
relevance (1-5) or its local status (0-3). Each participant gives at most one answer per
technology, question and round. The agreement measures (defined on Om radaren):

- the modal answer and its share: the answer most participants gave, and how many of them gave it;
- "uenighed" (disputed): the modal count minus the runner-up count is under
  config.DISAGREEMENT_MARGIN of the answers (Thoughtworks BYOR's rule, there 10 %);
- for relevance, the interquartile range (75th minus 25th percentile, linear interpolation).

No Streamlit and no database here; radar.db.workshop stores rounds and votes.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
from babel.dates import format_date

from radar.config import ADOPTION_STAGES, DISAGREEMENT_MARGIN, RELEVANCE_LEVELS, RING_KEYS
from radar.errors import DataError, ValidationError
from radar.formats.text import plain_text, truncate
from radar.i18n import NUMBER_LOCALES, number, t

QUESTIONS: tuple[str, ...] = ("ring", "relevance", "status")
#: Join codes use no look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
#: A participant's optional first name and an answer's optional comment.
MAX_NAME = 40
MAX_COMMENT = 300
#: A round of a workshop is about at most this many technologies (an own radar has at most 200).
MAX_TECHNOLOGIES = 200
EXPORT_STATUSES: tuple[str, ...] = ("open", "closed")


def new_code() -> str:
    """A fresh join code: CODE_LENGTH characters from CODE_ALPHABET (about 244 million codes)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(text: object) -> str | None:
    """A typed or linked code as stored (upper case, spaces and dashes dropped); None when it cannot be a code."""
    if not isinstance(text, str):
        return None
    code = "".join(text.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return None
    return code


#: A round of the kind "maturity" asks only this question, about the statements of radar.maturity.
MATURITY = "maturity"


def is_maturity(questions: Iterable[object]) -> bool:
    """True for the questions of a maturity round (its items are statements, not technologies)."""
    return list(questions) == [MATURITY]


def options(question: str) -> tuple[str, ...]:
    """The answers a question allows, as stored (text): rings innermost first, relevance 1-5, status 0-3,
    maturity 1-5 and "ved ikke"."""
    if question == MATURITY:
        from radar import maturity  # it imports this module

        return maturity.OPTIONS
    if question == "ring":
        return RING_KEYS
    if question == "relevance":
        return tuple(str(v) for v in RELEVANCE_LEVELS)
    if question == "status":
        return tuple(str(v) for v in ADOPTION_STAGES)
    raise ValidationError("workshop_error_question")


def check_answer(question: object, value: object) -> str:
    """`value` as stored when it is an allowed answer to `question`; ValidationError otherwise."""
    if question not in (*QUESTIONS, MATURITY):
        raise ValidationError("workshop_error_question")
    text = str(value).strip() if value is not None else ""
    if text not in options(str(question)):
        raise ValidationError("workshop_error_answer")
    return text


def clean_questions(questions: Iterable[object]) -> list[str]:
    """The questions of a round in their fixed order; ValidationError when none (or an unknown one) is asked."""
    wanted = list(questions)
    if is_maturity(wanted):
        return [MATURITY]
    if not wanted or any(q not in QUESTIONS for q in wanted):
        raise ValidationError("workshop_error_no_question")
    return [q for q in QUESTIONS if q in wanted]


def clean_name(text: object) -> str:
    """A participant's optional first name as stored: plain text, one line, at most MAX_NAME characters."""
    return truncate(plain_text(str(text or "")), MAX_NAME).strip()


def clean_comment(text: object) -> str:
    """An answer's optional comment as stored: plain text, at most MAX_COMMENT characters."""
    return truncate(plain_text(str(text or "")), MAX_COMMENT).strip()


def answer_label(question: str, value: object, lang: str) -> str:
    """An answer in words: KLAR, "4", Afprøver."""
    if question == "ring":
        return t(f"ring_{value}", lang)
    if question == "status":
        return t(f"stage_{value}", lang)
    if question == MATURITY:
        from radar import maturity

        return maturity.answer_label(value, lang)
    return str(value)


# --- the room's answers ------------------------------------------------------------------------
TALLY_COLUMNS: tuple[str, ...] = (
    "entry_id", "n", "counts", "modal", "modal_count", "modal_share", "runner_up", "runner_up_count", "margin",
    "disputed", "iqr",
)  # fmt: skip


def iqr(values: Iterable[float]) -> float:
    """The interquartile range of `values` (75th minus 25th percentile, linear interpolation); NaN when empty."""
    data = np.asarray(list(values), dtype=float)
    if data.size == 0:
        return math.nan
    q1, q3 = np.percentile(data, [25, 75])
    return float(q3 - q1)


def tally(votes: pd.DataFrame, entry_ids: Iterable[str], question: str, margin: float = DISAGREEMENT_MARGIN) -> pd.DataFrame:
    """One row per technology of `entry_ids` (in that order): its answers to `question` counted per option.

    `votes` has entry_id, question, value (one row per participant's answer). `counts` maps each
    option to its count; the modal answer is the most given (on a tie, the first in option order);
    `margin` is (modal count - runner-up count) / n and `disputed` is True when it is below the rule's
    share. `iqr` is the relevance answers' interquartile range (NaN for other questions).
    """
    allowed = options(question)
    mine = votes[votes["question"] == question] if len(votes) else votes
    rows = []
    for entry_id in entry_ids:
        values = [str(v) for v in mine.loc[mine["entry_id"] == entry_id, "value"]] if len(mine) else []
        counts = {o: values.count(o) for o in allowed}
        n = sum(counts.values())
        ranked = sorted(allowed, key=lambda o: -counts[o])  # stable: ties keep the option order
        top, second = ranked[0], ranked[1]
        gap = (counts[top] - counts[second]) / n if n else math.nan
        rows.append(
            {
                "entry_id": entry_id,
                "n": n,
                "counts": counts,
                "modal": top if n else None,
                "modal_count": counts[top] if n else 0,
                "modal_share": counts[top] / n if n else math.nan,
                "runner_up": second if n and counts[second] else None,
                "runner_up_count": counts[second] if n else 0,
                "margin": gap,
                "disputed": bool(n) and gap < margin,
                "iqr": iqr(float(v) for v in values) if question == "relevance" else math.nan,
            }
        )
    return pd.DataFrame(rows, columns=list(TALLY_COLUMNS))


def by_disagreement(table: pd.DataFrame) -> pd.DataFrame:
    """The tally with the most disputed first: disputed ones, then the smallest margin, the widest IQR,
    the most answers; technologies nobody answered last."""
    order = table.assign(
        _none=table["n"] == 0,
        _margin=table["margin"].fillna(1.0),
        _iqr=table["iqr"].fillna(0.0),
    )
    order = order.sort_values(
        ["_none", "disputed", "_margin", "_iqr", "n"], ascending=[True, False, True, False, False], kind="stable"
    )
    return order.drop(columns=["_none", "_margin", "_iqr"]).reset_index(drop=True)


def agreed(table: pd.DataFrame) -> pd.DataFrame:
    """The technologies the room agreed on: answered by someone and not disputed."""
    return table[(table["n"] > 0) & ~table["disputed"]]


def disputed_ids(table: pd.DataFrame) -> list[str]:
    """The entry ids of the disputed technologies, in the tally's order (for a revote)."""
    return [str(e) for e in table.loc[table["disputed"], "entry_id"]]


def agreement_text(row: Mapping[str, Any], question: str, lang: str) -> str:
    """The agreement of one tallied technology in words: "9 af 12 valgte AFPRØV (75 %)", "uenighed: ..."."""
    if not row["n"]:
        return t("workshop_no_answers", lang)
    text = t(
        "workshop_modal", lang, count=row["modal_count"], n=row["n"], answer=answer_label(question, row["modal"], lang),
        share=number(row["modal_share"], lang, digits=0, percent=True),
    )  # fmt: skip
    if question == "relevance":
        text += " · " + t("workshop_iqr", lang, iqr=number(row["iqr"], lang, digits=1))
    return t("workshop_disputed_text", lang, text=text) if row["disputed"] else text


# --- adopting the result -------------------------------------------------------------------------
def day_text(day: date | datetime, lang: str) -> str:
    """A round's day as the reason writes it: "3. dec." in Danish, "3 Dec" in English."""
    pattern = "d. MMM" if lang == "da" else "d MMM"
    return format_date(day, pattern, locale=NUMBER_LOCALES.get(lang, NUMBER_LOCALES["da"]))


def reason_text(day: date | datetime, count: int, n: int, question: str, value: object, lang: str) -> str:
    """The automatic reason of an adopted answer: "Workshop 3. dec.: 9 af 12 valgte AFPRØV"."""
    return t("workshop_reason", lang, day=day_text(day, lang), count=count, n=n, answer=answer_label(question, value, lang))


def adoption_updates(rows: pd.DataFrame, question: str, day: date | datetime, lang: str) -> dict[str, dict[str, object]]:
    """The entry updates (for radar.db.own.update_entries) that adopt the modal answer of each tallied row:
    the ring set by hand with the automatic reason, or the relevance or status. Rows without answers are skipped."""
    updates: dict[str, dict[str, object]] = {}
    for _, row in rows.iterrows():
        if not row["n"]:
            continue
        if question == "ring":
            reason = reason_text(day, int(row["modal_count"]), int(row["n"]), question, row["modal"], lang)
            updates[str(row["entry_id"])] = {"ring": row["modal"], "ring_reason": reason}
        else:
            updates[str(row["entry_id"])] = {question: int(row["modal"])}
    return updates


def overrule_update(ring: str, reason: str) -> dict[str, object]:
    """A facilitator's own ring and reason for one technology; ValidationError without a reason."""
    if ring not in RING_KEYS:
        raise ValidationError("workshop_error_answer")
    if not str(reason or "").strip():
        raise ValidationError("workshop_error_reason")
    return {"ring": ring, "ring_reason": str(reason).strip()}


# --- the room's choices as a radar ----------------------------------------------------------------
def choice_entries(entries: pd.DataFrame, table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The radar's entries with the room's modal ring set by hand (so radar.own.local_table places them
    there) and, in `name`, how split the room was; technologies nobody placed are left out."""
    answered = table[table["n"] > 0].set_index("entry_id")
    chosen = entries[entries["entry_id"].isin(answered.index)].copy()
    chosen["ring"] = [answered.at[e, "modal"] for e in chosen["entry_id"]]
    chosen["ring_reason"] = [agreement_text(answered.loc[e], "ring", lang) for e in chosen["entry_id"]]
    return chosen


def choice_label(name: str, row: Mapping[str, Any], lang: str) -> str:
    """A blip's name in the room's radar: "Droner · 75 %" or "Droner · uenighed"."""
    if row["disputed"]:
        return f"{name} · {t('workshop_disputed', lang)}"
    return f"{name} · {number(row['modal_share'], lang, digits=0, percent=True)}"


# --- export and reopening -----------------------------------------------------------------------
def _technology_key(entry: Mapping[str, Any]) -> str:
    tech = entry.get("technology_id")
    return str(tech) if isinstance(tech, str) and tech else f"name:{entry.get('name')}"


def rounds_for_export(rounds: list[Mapping[str, Any]], votes: pd.DataFrame, entries: pd.DataFrame) -> list[dict[str, Any]]:
    """The rounds of a radar (radar.db.workshop.rounds_data) as plain JSON data for the radar's export.

    Technologies are named by their catalogue id (or "name:<name>" for the group's own), so the
    rounds can be put back onto a reopened radar whose entries have new ids. Participants are
    numbered 1, 2, ... in the order they joined; join codes and tokens are not exported.
    """
    keys = {str(e["entry_id"]): _technology_key(e) for e in entries.to_dict("records")}
    numbers = {number: r["number"] for number, r in ((r["round_id"], r) for r in rounds)}
    people: dict[str, str] = {}
    result = []
    # A maturity round's answers leave with the radar as a saved assessment (radar.maturity), not as a round.
    for r in sorted((r for r in rounds if not is_maturity(r["questions"])), key=lambda r: r["number"]):
        mine = votes[votes["round_id"] == r["round_id"]] if len(votes) else votes
        for pid in mine["participant_id"] if len(mine) else []:
            people.setdefault(str(pid), str(len(people) + 1))
        result.append(
            {
                "number": int(r["number"]),
                "started": _iso(r.get("created")),
                "closed": _iso(r.get("closed")),
                "status": "closed",
                "questions": list(r["questions"]),
                "comments": bool(r.get("comments")),
                "revealed": bool(r.get("revealed")),
                "revote_of": numbers.get(r.get("parent_id")),
                "technologies": [keys[str(e)] for e in r["entry_ids"] if str(e) in keys],
                "votes": [
                    {
                        "participant": people[str(v["participant_id"])],
                        "name": v.get("name") or "",
                        "technology": keys[str(v["entry_id"])],
                        "question": v["question"],
                        "answer": v["value"],
                        "comment": v.get("comment") or "",
                    }
                    for v in (mine.to_dict("records") if len(mine) else [])
                    if str(v["entry_id"]) in keys
                ],
            }
        )
    return result


def _iso(value: object) -> str | None:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    return str(value)


def rounds_from_export(data: object, entries: pd.DataFrame) -> list[dict[str, Any]]:
    """The exported rounds (rounds_for_export) mapped onto a reopened radar's `entries`, for
    radar.db.workshop.restore_rounds; every round comes back closed. A technology the radar no longer
    has is left out, as are answers that break a rule; DataError when `data` is not exported rounds."""
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(r, Mapping) for r in data):
        raise DataError("workshop_error_export")
    ids: dict[str, str] = {}
    for e in entries.to_dict("records"):
        ids[_technology_key(e)] = str(e["entry_id"])
        ids.setdefault(f"name:{e.get('name')}", str(e["entry_id"]))
    result = []
    try:
        for r in data:
            if is_maturity(r.get("questions") or []):
                continue
            questions = clean_questions(r.get("questions") or [])
            techs = [ids[k] for k in r.get("technologies") or [] if isinstance(k, str) and k in ids]
            votes = []
            seen: set[tuple[str, str, str]] = set()
            for v in r.get("votes") or []:
                entry_id, question = ids.get(str(v.get("technology"))), v.get("question")
                if entry_id is None or entry_id not in techs or question not in questions:
                    continue
                try:
                    value = check_answer(question, v.get("answer"))
                except ValidationError:
                    continue
                key = (str(v.get("participant")), entry_id, str(question))
                if key in seen:
                    continue  # one answer per participant, technology and question
                seen.add(key)
                votes.append(
                    {"participant": key[0], "name": clean_name(v.get("name")), "entry_id": entry_id, "question": question,
                     "value": value, "comment": clean_comment(v.get("comment"))}
                )  # fmt: skip
            result.append(
                {
                    "number": int(r["number"]),
                    "started": _parse_time(r.get("started")),
                    "closed": _parse_time(r.get("closed")),
                    "questions": questions,
                    "comments": bool(r.get("comments")),
                    "revealed": bool(r.get("revealed")),
                    "revote_of": int(r["revote_of"]) if r.get("revote_of") is not None else None,
                    "entry_ids": techs,
                    "votes": votes,
                }
            )
    except (KeyError, TypeError, ValueError, AttributeError, ValidationError):
        raise DataError("workshop_error_export") from None
    return result


def _parse_time(value: object) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(str(value))


# --- figures for the projector (pure Plotly) ---------------------------------------------------------
#: One colour per answer step, darkest for the innermost ring, the highest relevance and "i drift";
#: the number on a bar is white on the two darkest and near-black on the rest.
STEP_COLORS: dict[int, tuple[str, ...]] = {
    4: ("#08519c", "#3182bd", "#9ecae1", "#deebf7"),
    5: ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"),
}
DARK_STEPS = {"#08519c", "#3182bd"}


def _step_colors(question: str) -> tuple[str, ...]:
    steps = options(question)
    colors = STEP_COLORS[len(steps)]
    return tuple(reversed(colors)) if question == "status" else colors


def spread_figure(table: pd.DataFrame, names: Mapping[str, str], question: str, lang: str, height: int = 520) -> Any:
    """The room's distribution for a projector: one stacked bar per technology (in the table's order, the
    first at the top), a segment per answer with its count, and the agreement in words at the right."""
    import plotly.graph_objects as go

    rows = table.iloc[::-1]
    labels = [str(names.get(str(e), e)) for e in rows["entry_id"]]
    fig = go.Figure()
    for option, color in zip(options(question), _step_colors(question), strict=True):
        counts = [int(c[option]) for c in rows["counts"]]
        fig.add_bar(
            y=labels, x=counts, orientation="h", name=answer_label(question, option, lang), marker_color=color,
            text=[str(c) if c else "" for c in counts], textposition="inside", insidetextanchor="middle", textangle=0,
            textfont={"size": 18, "color": "#ffffff" if color in DARK_STEPS else "#111111"},
            hovertemplate="%{y}: %{x}<extra>" + answer_label(question, option, lang) + "</extra>",
        )  # fmt: skip
    most = max([int(n) for n in rows["n"]] + [1])
    for label, (_, row) in zip(labels, rows.iterrows(), strict=True):
        words = agreement_text(row, question, lang)
        fig.add_annotation(
            x=most, y=label, text=words, showarrow=False, xanchor="left", xshift=10,
            font={"size": 15 if len(rows) <= 15 else 13, "color": "#b2182b" if row["disputed"] else "#333333"},
        )  # fmt: skip
    fig.update_layout(
        barmode="stack", height=height, margin={"l": 10, "r": 330, "t": 34, "b": 4}, plot_bgcolor="#ffffff",
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "font": {"size": 16}, "traceorder": "normal"},
        font={"size": 16}, bargap=0.25,
    )  # fmt: skip
    fig.update_xaxes(visible=False, range=[0, most])
    fig.update_yaxes(tickfont={"size": 17 if len(rows) <= 15 else 14}, automargin=True)
    return fig


def answered_figure(names: Mapping[str, str], answered: Mapping[str, int], joined: int, lang: str, height: int = 520) -> Any:
    """While the counts are hidden: how many participants answered each technology, as bars out of those joined."""
    import plotly.graph_objects as go

    ids = list(answered)[::-1]
    labels = [str(names.get(e, e)) for e in ids]
    counts = [int(answered[e]) for e in ids]
    top = max([joined, *counts, 1])
    fig = go.Figure(
        go.Bar(
            y=labels, x=counts, orientation="h", marker_color="#3182bd", text=[f"{c}/{joined}" for c in counts],
            textposition="outside", textfont={"size": 16}, hovertemplate="%{y}: %{x}<extra></extra>", cliponaxis=False,
        )
    )  # fmt: skip
    fig.update_layout(height=height, margin={"l": 10, "r": 60, "t": 10, "b": 10}, plot_bgcolor="#ffffff", font={"size": 16})
    fig.update_xaxes(visible=False, range=[0, top])
    fig.update_yaxes(tickfont={"size": 16}, automargin=True)
    return fig


def distribution_text(row: Mapping[str, Any], question: str, lang: str) -> str:
    """A tallied technology's counts in one line: "KLAR 3 · AFPRØV 9 · HOLD ØJE 0 · AFVENT 0"."""
    return " · ".join(f"{answer_label(question, o, lang)} {row['counts'][o]}" for o in options(question))
