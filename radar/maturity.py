"""The digital-maturity self-assessment, pure: statements, scale, scores, spread, comparison, JSON, chart.

Our own statements, written for this product from the questions KL's leadership guide asks under
its four headings (Strategi, Styring, Forankring, Teknik); this is not KL's evaluation form.
Each statement is answered on a 1-5 scale (1 = slet ikke ... 5 = i høj grad) or "ved ikke".

Scoring (shown on Om radaren):
- a statement's score is the mean of the 1-5 answers; "ved ikke" is not counted in it, but is
  counted and shown beside it;
- a heading's score is the mean of its answered statements' scores; the overall score is the mean
  of the headings that have a score;
- with several respondents: per statement n, the "ved ikke" count and the spread (interquartile
  range as radar.workshop.iqr); "split" by config.MATURITY_SPLIT_IQR / MATURITY_SPLIT_MIN_N; per
  heading the 25th-75th percentile of the respondents' own heading scores (the chart's band);
- the config.MATURITY_START_COUNT lowest-scoring statements are the "places to start";
- compare(later, earlier): what moved per heading and statement (less than config.MATURITY_MOVE_MIN is "same").

No Streamlit and no database here; radar.db.maturity stores assessments.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from radar.config import MATURITY_MOVE_MIN, MATURITY_SPLIT_IQR, MATURITY_SPLIT_MIN_N, MATURITY_START_COUNT
from radar.errors import DataError, ValidationError
from radar.formats.text import plain_text, truncate
from radar.i18n import number, t
from radar.own import format_date
from radar.workshop import iqr

HEADINGS: tuple[str, ...] = ("strategi", "styring", "forankring", "teknik")
#: The statements, each with a stable key (heading_topic); their texts are the catalogue's maturity_s_<key>.
STATEMENTS: dict[str, tuple[str, ...]] = {
    "strategi": ("strategi_fortaelling", "strategi_vaerdi", "strategi_ambition", "strategi_opbakning", "strategi_fagomraader"),
    "styring": ("styring_mandat", "styring_finansiering", "styring_gevinst", "styring_opfoelgning", "styring_prioritering"),
    "forankring": (
        "forankring_parathed", "forankring_kompetencer", "forankring_inddragelse", "forankring_ledelse", "forankring_borgere",
    ),
    "teknik": ("teknik_sammenhaeng", "teknik_datakvalitet", "teknik_infrastruktur", "teknik_sikkerhed", "teknik_gdpr"),
}  # fmt: skip
STATEMENT_KEYS: tuple[str, ...] = tuple(k for h in HEADINGS for k in STATEMENTS[h])
HEADING_OF: dict[str, str] = {k: h for h in HEADINGS for k in STATEMENTS[h]}
SCALE: tuple[int, ...] = (1, 2, 3, 4, 5)
DONT_KNOW = "ved_ikke"
#: The answers as stored (text): the scale, then "ved ikke".
OPTIONS: tuple[str, ...] = (*(str(v) for v in SCALE), DONT_KNOW)
#: The question of a workshop round of the kind "maturity": its items are the statements.
QUESTION = "maturity"
SOURCES: tuple[str, ...] = ("alone", "round", "file")
MAX_TITLE = 120
MAX_RESPONDENTS = 500
MAX_JSON_BYTES = 2_000_000
JSON_FORMAT = "teknologiradar-maturity"
JSON_VERSION = 1


def statement_text(key: str, lang: str) -> str:
    """A statement in words, in `lang`."""
    return t(f"maturity_s_{key}", lang)


def heading_label(heading: str, lang: str) -> str:
    """A heading's name: Strategi, Styring, Forankring, Teknik (Strategy, Governance, ... in English)."""
    return t(f"maturity_h_{heading}", lang)


def answer_label(value: object, lang: str) -> str:
    """An answer in words: "1 · Slet ikke" ... "5 · I høj grad", "Ved ikke"."""
    text = str(value)
    if text == DONT_KNOW:
        return t("maturity_dont_know", lang)
    return f"{text} · {t(f'maturity_scale_{text}', lang)}"


def clean_answer(value: object) -> str:
    """`value` as stored ("1".."5" or "ved_ikke"); ValidationError when it is no answer on the scale."""
    text = str(value).strip() if value is not None and not isinstance(value, bool) else ""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if text not in OPTIONS:
        raise ValidationError("maturity_error_answer", answer=str(value)[:40])
    return text


def clean_response(answers: Mapping[str, object]) -> dict[str, str]:
    """One respondent's answers as stored, in catalogue order; a missing or empty answer is left out.
    ValidationError for an unknown statement or an answer off the scale."""
    result = {}
    for key, value in answers.items():
        if key not in HEADING_OF:
            raise ValidationError("maturity_error_statement", statement=str(key)[:60])
        if value is None or value == "":
            continue
        result[key] = clean_answer(value)
    return {k: result[k] for k in STATEMENT_KEYS if k in result}


@dataclass(frozen=True)
class Assessment:
    """One assessment: its day, an optional title, how it was made and one dict of answers per respondent."""

    day: date
    responses: tuple[dict[str, str], ...]
    title: str = ""
    source: str = "alone"

    @property
    def respondents(self) -> int:
        """How many respondents gave at least one answer."""
        return sum(1 for r in self.responses if r)


def make_assessment(
    day: date, responses: Iterable[Mapping[str, object]], title: object = "", source: str = "alone"
) -> Assessment:
    """An Assessment with every answer checked (clean_response) and the title as plain text."""
    if source not in SOURCES:
        raise ValidationError("maturity_error_source")
    cleaned = tuple(clean_response(r) for r in responses)
    if len(cleaned) > MAX_RESPONDENTS:
        raise ValidationError("maturity_error_too_many", limit=MAX_RESPONDENTS)
    return Assessment(day=day, responses=cleaned, title=truncate(plain_text(str(title or "")), MAX_TITLE).strip(), source=source)


def responses_from_votes(votes: pd.DataFrame) -> list[dict[str, str]]:
    """A maturity round's votes (participant_id, entry_id = statement key, question, value) as one
    response per participant, in the order they first answered; other questions and unknown keys are left out."""
    if votes is None or not len(votes):
        return []
    mine = votes[(votes["question"] == QUESTION) & votes["entry_id"].isin(STATEMENT_KEYS)]
    people: dict[str, dict[str, object]] = {}
    for row in mine.itertuples(index=False):
        people.setdefault(str(row.participant_id), {})[str(row.entry_id)] = row.value
    return [clean_response(r) for r in people.values()]


# --- scores -------------------------------------------------------------------------------------------
STATEMENT_COLUMNS: tuple[str, ...] = (
    "key", "heading", "n", "dont_know", "mean", "q1", "q3", "iqr", "low", "high", "split",
)  # fmt: skip
HEADING_COLUMNS: tuple[str, ...] = ("heading", "score", "statements", "respondents", "q1", "q3", "low", "high")


@dataclass(frozen=True)
class Result:
    """The scores of one assessment: per statement, per heading, overall, and how many answered."""

    statements: pd.DataFrame
    headings: pd.DataFrame
    overall: float
    respondents: int
    day: date | None = None
    title: str = ""


def _values(responses: Iterable[Mapping[str, str]], key: str) -> list[float]:
    return [float(r[key]) for r in responses if r.get(key) not in (None, DONT_KNOW)]


def _mean(values: Iterable[float]) -> float:
    data = [v for v in values if not math.isnan(v)]
    return float(sum(data) / len(data)) if data else math.nan


def _percentiles(values: list[float]) -> tuple[float, float]:
    if not values:
        return math.nan, math.nan
    q1, q3 = np.percentile(np.asarray(values, dtype=float), [25, 75])
    return float(q1), float(q3)


def statement_scores(responses: Iterable[Mapping[str, str]]) -> pd.DataFrame:
    """One row per statement (catalogue order): n (1-5 answers), dont_know, mean, q1, q3, iqr, low, high, split."""
    people = list(responses)
    rows = []
    for key in STATEMENT_KEYS:
        values = _values(people, key)
        q1, q3 = _percentiles(values)
        spread = iqr(values)
        rows.append(
            {
                "key": key,
                "heading": HEADING_OF[key],
                "n": len(values),
                "dont_know": sum(1 for r in people if r.get(key) == DONT_KNOW),
                "mean": _mean(values),
                "q1": q1,
                "q3": q3,
                "iqr": spread,
                "low": min(values) if values else math.nan,
                "high": max(values) if values else math.nan,
                "split": len(values) >= MATURITY_SPLIT_MIN_N and spread >= MATURITY_SPLIT_IQR,
            }
        )
    return pd.DataFrame(rows, columns=list(STATEMENT_COLUMNS))


def heading_scores(responses: Iterable[Mapping[str, str]], statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per heading: score (mean of its answered statements' means), how many statements have an
    answer, how many respondents answered any of them, and the 25th/75th percentile and the lowest and
    highest of the respondents' own heading scores (each respondent's mean over the heading)."""
    people = list(responses)
    table = statement_scores(people) if statements is None else statements
    rows = []
    for heading in HEADINGS:
        mine = table[table["heading"] == heading]
        answered = mine[mine["n"] > 0]
        own = [_mean(float(r[k]) for k in STATEMENTS[heading] if r.get(k) not in (None, DONT_KNOW)) for r in people]
        own = [v for v in own if not math.isnan(v)]
        q1, q3 = _percentiles(own)
        rows.append(
            {
                "heading": heading,
                "score": _mean(answered["mean"]) if len(answered) else math.nan,
                "statements": len(answered),
                "respondents": len(own),
                "q1": q1,
                "q3": q3,
                "low": min(own) if own else math.nan,
                "high": max(own) if own else math.nan,
            }
        )
    return pd.DataFrame(rows, columns=list(HEADING_COLUMNS))


def score(assessment: Assessment | Iterable[Mapping[str, str]]) -> Result:
    """The Result of an assessment (or of a plain list of responses)."""
    responses = list(assessment.responses) if isinstance(assessment, Assessment) else list(assessment)
    statements = statement_scores(responses)
    headings = heading_scores(responses, statements)
    return Result(
        statements=statements,
        headings=headings,
        overall=_mean(headings["score"]),
        respondents=sum(1 for r in responses if r),
        day=assessment.day if isinstance(assessment, Assessment) else None,
        title=assessment.title if isinstance(assessment, Assessment) else "",
    )


def places_to_start(result: Result, count: int = MATURITY_START_COUNT) -> pd.DataFrame:
    """The `count` lowest-scoring answered statements, lowest first (ties in catalogue order)."""
    answered = result.statements[result.statements["n"] > 0]
    return answered.sort_values("mean", kind="stable").head(count).reset_index(drop=True)


def split_statements(result: Result) -> pd.DataFrame:
    """The statements the room is split on (see config.MATURITY_SPLIT_IQR), in catalogue order."""
    return result.statements[result.statements["split"]].reset_index(drop=True)


def _movement(change: float) -> str:
    if math.isnan(change):
        return "none"
    if abs(change) < MATURITY_MOVE_MIN:
        return "same"
    return "up" if change > 0 else "down"


def compare(later: Result, earlier: Result) -> pd.DataFrame:
    """What moved: one row per heading, then per statement, with level ("heading"/"statement"), key,
    later, earlier, change (later - earlier) and movement ("up", "down", "same", or "none" when either lacks a score)."""
    rows = []
    for level, frame, column, key in (("heading", "headings", "score", "heading"), ("statement", "statements", "mean", "key")):
        now = getattr(later, frame).set_index(key)[column]
        before = getattr(earlier, frame).set_index(key)[column]
        for k in now.index:
            a, b = float(now[k]), float(before.get(k, math.nan))
            change = a - b if not (math.isnan(a) or math.isnan(b)) else math.nan
            rows.append({"level": level, "key": k, "later": a, "earlier": b, "change": change, "movement": _movement(change)})
    return pd.DataFrame(rows, columns=["level", "key", "later", "earlier", "change", "movement"])


def day_text(day: date | None, lang: str) -> str:
    """An assessment's day as the language writes it: 10.01.2026 in Danish, 10 Jan 2026 in English."""
    return format_date(day, lang) if day else ""


def score_text(value: float, lang: str) -> str:
    """A score on the 1-5 scale with one decimal ("3,4"), "–" when there is none."""
    return number(value, lang, digits=1)


def change_text(change: float, lang: str) -> str:
    """A change with its sign: "+0,5", "−0,3", "0,0"; "–" when there is none."""
    if math.isnan(change):
        return "–"
    text = number(abs(change), lang, digits=1)
    if text == number(0, lang, digits=1):
        return text
    return ("+" if change > 0 else "−") + text


# --- JSON ---------------------------------------------------------------------------------------------
def to_data(assessment: Assessment) -> dict[str, Any]:
    """The assessment as plain JSON data (read back by from_data)."""
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "date": assessment.day.isoformat(),
        "title": assessment.title,
        "source": assessment.source,
        "responses": [dict(r) for r in assessment.responses],
    }


def to_json(assessment: Assessment) -> bytes:
    """The assessment as a JSON file (UTF-8, Danish letters as they are)."""
    return json.dumps(to_data(assessment), ensure_ascii=False, indent=2).encode("utf-8")


def from_data(data: object) -> Assessment:
    """An Assessment from JSON data (to_data); DataError with a message saying what is wrong otherwise."""
    if not isinstance(data, Mapping):
        raise DataError("maturity_error_not_assessment")
    if data.get("format") != JSON_FORMAT:
        raise DataError("maturity_error_not_assessment")
    if data.get("version") != JSON_VERSION:
        raise DataError("maturity_error_version", version=str(data.get("version"))[:20])
    try:
        day = date.fromisoformat(str(data.get("date")))
    except ValueError:
        raise DataError("maturity_error_date", value=str(data.get("date"))[:30]) from None
    responses = data.get("responses")
    if not isinstance(responses, list) or not all(isinstance(r, Mapping) for r in responses):
        raise DataError("maturity_error_responses")
    source = data.get("source", "file")
    try:
        return make_assessment(day, responses, data.get("title") or "", source if source in SOURCES else "file")
    except ValidationError as error:
        raise DataError(error.key, **error.params) from None


def from_json(raw: bytes | str) -> Assessment:
    """An Assessment from a JSON file's bytes; DataError for a file too large, not JSON or not an assessment."""
    if len(raw) > MAX_JSON_BYTES:
        raise DataError("maturity_error_too_large", limit=MAX_JSON_BYTES // 1_000_000)
    try:
        data = json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise DataError("maturity_error_json") from None
    return from_data(data)


def list_from_data(data: object) -> list[Assessment]:
    """The "maturity" key of a radar's JSON export: a list of assessments; [] when absent (older files)."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError("maturity_error_responses")
    return [from_data(d) for d in data]


def _short(key: str, lang: str) -> str:
    return statement_text(key, lang).rstrip(".")


# --- for the minutes and the tables ---------------------------------------------------------------------
def minutes_section(result: Result, earlier: Result | None, lang: str) -> dict[str, Any]:
    """The maturity result for the minutes PDF: {"title", "lines", "table"} (table None when nobody answered).
    Lines: overall and n, the places to start, the split statements, and what moved against `earlier`."""
    title = t("maturity_minutes_title", lang)
    if not result.respondents:
        return {"title": title, "lines": [t("maturity_none_answered", lang)], "table": None}
    lines = [
        t("maturity_minutes_overall", lang, score=score_text(result.overall, lang), n=result.respondents)
        + (" " + t("maturity_minutes_day", lang, day=day_text(result.day, lang)) if result.day else "")
    ]
    lowest = places_to_start(result)
    if len(lowest):
        named = "; ".join(f"{_short(r.key, lang)} ({score_text(r.mean, lang)})" for r in lowest.itertuples())
        lines.append(t("maturity_minutes_start", lang, statements=named))
    split = split_statements(result)
    if len(split):
        lines.append(t("maturity_minutes_split", lang, statements="; ".join(_short(k, lang) for k in split["key"])))
    header = [t("maturity_col_heading", lang), t("maturity_col_score", lang), t("maturity_col_spread", lang)]
    moved = compare(result, earlier) if earlier is not None else None
    if moved is not None:
        header += [t("maturity_col_earlier", lang), t("maturity_col_change", lang)]
        changes = moved[(moved["level"] == "statement") & moved["movement"].isin(["up", "down"])]
        if len(changes):
            named = "; ".join(f"{_short(r.key, lang)} {change_text(r.change, lang)}" for r in changes.itertuples())
            lines.append(t("maturity_minutes_moved", lang, statements=named))
        else:
            lines.append(t("maturity_minutes_unmoved", lang))
    rows = []
    for h in result.headings.itertuples():
        row = [heading_label(h.heading, lang), score_text(h.score, lang), spread_text(h.q1, h.q3, lang)]
        if moved is not None:
            m = moved[(moved["level"] == "heading") & (moved["key"] == h.heading)].iloc[0]
            row += [score_text(m["earlier"], lang), change_text(m["change"], lang)]
        rows.append(row)
    overall = [t("maturity_overall", lang), score_text(result.overall, lang), ""]
    if moved is not None and earlier is not None:
        change = result.overall - earlier.overall
        overall += [score_text(earlier.overall, lang), change_text(change, lang)]
    rows.append(overall)
    return {"title": title, "lines": lines, "table": {"header": header, "rows": rows}}


def spread_text(q1: float, q3: float, lang: str) -> str:
    """The middle half of the answers: "2,5-4,0" ("–" when there is none)."""
    if math.isnan(q1) or math.isnan(q3):
        return "–"
    return f"{score_text(q1, lang)}-{score_text(q3, lang)}"


# --- the chart (pure Plotly) ---------------------------------------------------------------------------------
SCORE_COLOR = "#08519c"
BAND_COLOR = "rgba(49, 130, 189, 0.28)"
EARLIER_COLOR = "#D55E00"


def result_figure(result: Result, earlier: Result | None, lang: str, height: int = 360, compact: bool = False) -> Any:
    """The four headings as rows on the 1-5 scale: the room's score as a dot with its number, the middle
    half of the respondents' heading scores (25th-75th percentile) as a band when several answered, and
    the earlier assessment as an open diamond. `compact` for a phone: smaller type, legend below."""
    import plotly.graph_objects as go

    labels = [heading_label(h, lang) for h in result.headings["heading"]]
    size = 13 if compact else 16
    fig = go.Figure()
    heads = result.headings
    if result.respondents > 1:
        fig.add_bar(
            y=labels, x=(heads["q3"] - heads["q1"]).fillna(0).clip(lower=0.04), base=heads["q1"], orientation="h",
            marker={"color": BAND_COLOR, "line": {"width": 0}}, width=0.55, name=t("maturity_chart_band", lang),
            customdata=[spread_text(a, b, lang) for a, b in zip(heads["q1"], heads["q3"], strict=True)],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )  # fmt: skip
    if earlier is not None:
        before = earlier.headings.set_index("heading")["score"]
        fig.add_scatter(
            y=labels, x=[before.get(h, math.nan) for h in heads["heading"]], mode="markers",
            marker={"symbol": "diamond-open", "size": 16 if compact else 20, "color": EARLIER_COLOR, "line": {"width": 3}},
            name=t("maturity_chart_earlier", lang, day=day_text(earlier.day, lang)),
            hovertemplate="%{y}: %{x:.1f}<extra></extra>",
        )  # fmt: skip
    fig.add_scatter(
        y=labels, x=heads["score"], mode="markers+text", text=[score_text(v, lang) for v in heads["score"]],
        textposition="top center", textfont={"size": size + 2, "color": SCORE_COLOR},
        marker={"size": 16 if compact else 20, "color": SCORE_COLOR}, name=t("maturity_chart_score", lang),
        hovertemplate="%{y}: %{text}<extra></extra>", cliponaxis=False,
    )  # fmt: skip
    legend = {"orientation": "h", "y": -0.3 if compact else -0.24, "yanchor": "top", "x": 0, "font": {"size": size - 1}}
    fig.update_layout(
        height=height, margin={"l": 8, "r": 16, "t": 10, "b": 10}, plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
        font={"size": size}, legend=legend, showlegend=True, bargap=0.3,
    )  # fmt: skip
    # Numbers on the axis and the scale's ends in its title: the five labels in words do not fit a phone.
    ends = t("maturity_axis", lang, low=t("maturity_scale_1", lang).lower(), high=t("maturity_scale_5", lang).lower())
    fig.update_xaxes(
        range=[0.8, 5.25], tickvals=list(SCALE), ticktext=[str(v) for v in SCALE], showgrid=True, gridcolor="#e5e5e5",
        zeroline=False, tickfont={"size": size}, fixedrange=True, title={"text": ends, "font": {"size": size - 2}},
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", tickfont={"size": size + 1}, automargin=True, fixedrange=True)
    return fig
