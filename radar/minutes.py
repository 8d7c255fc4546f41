"""The minutes of a meeting on an own radar, as data: sections of lines and tables, built from the radar.

Pure: the radar's facts, its local table and blips, the national reference, its workshop rounds and
votes in; a Minutes record out. No PDF library here: radar.minutes_pdf draws a Minutes with fpdf2.
Texts are in the language asked for, numbers by radar.i18n.number, dates by Babel.

Other features add their own sections (a maturity self-assessment, dialogue notes) in one shape,
rendered after the workshop results:

    {"title": str, "lines": [str, ...], "table": {"header": [str, ...], "rows": [[str, ...], ...]} or None}

`extra_section` accepts it leniently: every value becomes text, a row is cut or padded to the header.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
from babel.dates import format_date

from radar import own, workshop
from radar.config import RINGS
from radar.i18n import NUMBER_LOCALES, number, t

#: The fixed sections, in order; extra sections follow under the key "extra".
SECTION_KEYS: tuple[str, ...] = ("radar", "entries", "decisions", "gaps", "workshop")


@dataclass(frozen=True)
class Table:
    """A table of text: header cells, rows of the same length, relative column widths, and the rows to
    stress (by index: the technologies a workshop room disagreed on)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None
    marked: tuple[int, ...] = ()


@dataclass(frozen=True)
class Part:
    """A piece of a section: an optional sub-heading, lines of text, an optional table."""

    heading: str = ""
    lines: tuple[str, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Minutes:
    """One meeting's minutes: the heading facts, the radar to draw (blips placed by radar.layout) and the sections."""

    lang: str
    title: str
    radar_name: str
    facts: tuple[str, ...]
    participants: int
    notice: str
    blips: pd.DataFrame
    categories: pd.DataFrame
    sections: tuple[Section, ...]
    footer: str
    page_word: str = "Side"
    drawing_note: str = ""
    numbers_missing_note: str = ""
    extra: tuple[Section, ...] = field(default=())


def long_date(value: object, lang: str) -> str:
    """A date as the language writes it out (Babel, CLDR long): "3. december 2026", "3 December 2026"; "" when empty."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value)[:10])
        except ValueError:
            return str(value)
    return format_date(day, format="long", locale=NUMBER_LOCALES.get(lang, NUMBER_LOCALES["da"]))


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def extra_section(data: Mapping[str, Any]) -> Section:
    """A section supplied by another feature ({"title", "lines", "table": {"header", "rows", optional "widths"} or None})
    as a Section; "widths" are relative column widths (one per column, else the columns share the page equally)."""
    title = _text(data.get("title"))
    lines = tuple(_text(line) for line in (data.get("lines") or ()))
    table = None
    raw = data.get("table")
    if isinstance(raw, Mapping):
        header = tuple(_text(h) for h in (raw.get("header") or ()))
        rows = [tuple(_text(c) for c in row) for row in (raw.get("rows") or ())]
        width = len(header) or max((len(r) for r in rows), default=0)
        if width:
            rows = [(*r[:width], *("",) * (width - len(r))) for r in rows]
            widths = raw.get("widths")
            relative = tuple(float(w) for w in widths) if isinstance(widths, (list, tuple)) and len(widths) == width else None
            table = Table(header or ("",) * width, tuple(rows), relative)
    return Section("extra", title, (Part(lines=lines, table=table),))


def _ring(key: object, lang: str) -> str:
    return t("ring_" + key, lang) if isinstance(key, str) and key else "–"


def _status(value: object, lang: str) -> str:
    text = _text(value)
    return t(f"stage_{int(float(text))}", lang) if text else "–"


def _number(value: object) -> str:
    text = _text(value)
    return str(int(float(text))) if text else ""


def _reason(row: Mapping[str, Any], lang: str) -> str:
    if row["hand_set"]:
        return _text(row["ring_reason"])
    if row.get("ring_pending"):
        return t("minutes_reason_pending", lang, ring=_ring(row.get("chosen_ring"), lang))
    return t("minutes_reason_computed", lang, score=number(row["score"], lang))


def entries_section(table: pd.DataFrame, lang: str) -> Section:
    """The numbered list by ring, innermost first: number, name, status, reason; entries not placed last."""
    header = (t("col_number", lang), t("col_technology", lang), t("own_col_status", lang), t("own_col_reason", lang))
    widths = (8, 30, 17, 45)
    parts = []
    ordered = table.sort_values("number", kind="stable")
    for ring in RINGS:
        rows = ordered[ordered["ring"] == ring.key]
        if rows.empty:
            continue
        body = tuple(
            (_number(r["number"]), _text(r["name"]), _status(r["status"], lang), _reason(r, lang)) for _, r in rows.iterrows()
        )
        heading = f"{t('ring_' + ring.key, lang)} · {own.technologies_text(len(rows), lang)}"
        parts.append(Part(heading=heading, table=Table(header, body, widths)))
    missing = ordered[ordered["ring"].isna()]
    if len(missing):
        body = tuple((_number(r["number"]), _text(r["name"]), _status(r["status"], lang), "") for _, r in missing.iterrows())
        parts.append(Part(heading=t("minutes_unplaced", lang), table=Table(header, body, widths)))
    if not parts:
        parts.append(Part(lines=(t("minutes_no_entries", lang),)))
    return Section("entries", t("minutes_section_entries", lang), tuple(parts))


def decisions_section(table: pd.DataFrame, lang: str) -> Section:
    """What the group wrote down per technology: note / decision, owner, next step (rows with any of them)."""
    ordered = table.sort_values("number", kind="stable")
    body = tuple(
        (_number(r["number"]), _text(r["name"]), _text(r["note"]), _text(r["owner"]), _text(r["next_step"]))
        for _, r in ordered.iterrows()
        if any(_text(r[f]).strip() for f in ("note", "owner", "next_step"))
    )
    if not body:
        return Section("decisions", t("minutes_section_decisions", lang), (Part(lines=(t("minutes_no_decisions", lang),)),))
    header = (t("col_number", lang), t("col_technology", lang), t("own_col_note", lang), t("own_col_owner", lang),
              t("own_col_next", lang))  # fmt: skip
    return Section("decisions", t("minutes_section_decisions", lang), (Part(table=Table(header, body, (8, 22, 32, 14, 24))),))


def gaps_section(table: pd.DataFrame, reference: pd.DataFrame, reference_name: str, lang: str) -> Section:
    """The gaps to the country (radar.own.gap_list, biggest first) in words, with the reference named."""
    gaps = own.gap_list(table, reference)
    lines = [t("minutes_gaps_reference", lang, reference=reference_name), t("own_gap_intro", lang)]
    if gaps.empty:
        return Section("gaps", t("minutes_section_gaps", lang), (Part(lines=(lines[0], t("own_gap_none", lang))),))
    body = tuple(
        (
            _number(g["number"]),
            _text(g["name"]),
            t(g["phrase"], lang, local=_ring(g["local_ring"], lang), national=_ring(g["national_ring"], lang)),
            ("+" if g["gap"] > 0 else "") + number(g["gap"], lang) if pd.notna(g["gap"]) else "–",
        )
        for _, g in gaps.iterrows()
    )
    header = (t("col_number", lang), t("col_technology", lang), t("own_col_gap_text", lang), t("own_col_gap", lang))
    if table["own"].any():
        lines.append(t("own_gap_own_note", lang))
    return Section(
        "gaps", t("minutes_section_gaps", lang), (Part(lines=tuple(lines), table=Table(header, body, (8, 30, 50, 12))),)
    )


def round_participants(votes: pd.DataFrame, round_id: str) -> int:
    """How many participants answered at least once in the round."""
    if not len(votes):
        return 0
    return int(votes.loc[votes["round_id"] == round_id, "participant_id"].nunique())


def workshop_section(rounds: Sequence[Mapping[str, Any]], votes: pd.DataFrame, names: Mapping[str, str], lang: str) -> Section:
    """Each round (oldest first): date, questions, participants, and per question and technology the room's
    choice, its share and whether the room disagreed (radar.workshop.tally, most disputed first)."""
    title = t("minutes_section_workshop", lang)
    # A maturity round asks statements, not technologies: its result is the maturity section's.
    rounds = [r for r in rounds if not workshop.is_maturity(r["questions"])]
    if not rounds:
        return Section("workshop", title, (Part(lines=(t("minutes_no_rounds", lang),)),))
    numbers = {r["round_id"]: r["number"] for r in rounds}
    parts = []
    for r in sorted(rounds, key=lambda r: r["number"]):
        mine = votes[votes["round_id"] == r["round_id"]] if len(votes) else votes
        questions = ", ".join(t(f"workshop_question_{q}", lang) for q in r["questions"])
        lines = [
            t("minutes_round_questions", lang, questions=questions),
            t("minutes_round_participants", lang, count=round_participants(votes, r["round_id"])),
        ]
        if r.get("parent_id") in numbers:
            lines.append(t("minutes_round_revote", lang, number=numbers[r["parent_id"]]))
        heading = t("minutes_round_heading", lang, number=r["number"], date=long_date(r.get("created"), lang))
        round_names = {str(x["entry_id"]): names.get(str(x["entry_id"]), _text(x.get("name"))) for x in r["technologies"]}
        parts.append(Part(heading=heading, lines=tuple(lines)))
        for question in r["questions"]:
            tally = workshop.by_disagreement(workshop.tally(mine, r["entry_ids"], question))
            body = tuple(
                (
                    round_names.get(str(row["entry_id"]), str(row["entry_id"])),
                    workshop.answer_label(question, row["modal"], lang) if row["n"] else "–",
                    number(row["modal_share"], lang, digits=0, percent=True) if row["n"] else "–",
                    str(int(row["n"])),
                    (t("minutes_disputed", lang) if row["disputed"] else t("minutes_agreed", lang)) if row["n"] else "–",
                )
                for _, row in tally.iterrows()
            )
            header = (t("col_technology", lang), t("minutes_col_choice", lang), t("minutes_col_share", lang),
                      t("minutes_col_answers", lang), t("minutes_col_agreement", lang))  # fmt: skip
            marked = tuple(i for i, disputed in enumerate(tally["disputed"]) if disputed)
            table = Table(header, body, (36, 18, 12, 12, 22), marked)
            # A round of one question names it in its facts already; more questions get a heading each.
            heading = t(f"workshop_question_{question}", lang) if len(r["questions"]) > 1 else ""
            parts.append(Part(heading=heading, table=table))
    return Section("workshop", title, tuple(parts))


def build_minutes(
    meta: Mapping[str, Any],
    table: pd.DataFrame,
    blips: pd.DataFrame,
    categories: pd.DataFrame,
    reference: pd.DataFrame,
    reference_name: str,
    rounds: Sequence[Mapping[str, Any]],
    votes: pd.DataFrame,
    lang: str,
    *,
    sample: bool,
    domain_name: str,
    today: date,
    extra_sections: Iterable[Mapping[str, Any]] = (),
) -> Minutes:
    """The minutes of an own radar.

    `meta` is the radar's facts (name, municipality, domain, date); `table` and `blips` are radar.own's
    local table and placed blips (the screen chart's); `reference` the national scores it is compared with
    (named `reference_name`); `rounds` and `votes` as radar.db.workshop.rounds_data gives them. The meeting's
    date is the radar's date, else `today`. Participants: the most that answered in one round.
    """
    names = {str(e): _text(n) for e, n in zip(table["entry_id"], table["name"], strict=True)}
    participants = max((round_participants(votes, r["round_id"]) for r in rounds), default=0)
    when = long_date(meta.get("date") or today, lang)
    place = " · ".join(p for p in (_text(meta.get("municipality")), domain_name) if p)
    facts = [
        place,
        t("minutes_date", lang, date=when),
        t("minutes_participants", lang, count=participants) if rounds else t("minutes_participants_none", lang),
        own.technologies_text(len(table), lang),
    ]
    sections = (
        Section("radar", t("minutes_section_radar", lang)),
        entries_section(table, lang),
        decisions_section(table, lang),
        gaps_section(table, reference, reference_name, lang),
        workshop_section(rounds, votes, names, lang),
    )
    return Minutes(
        lang=lang,
        title=t("minutes_title", lang),
        radar_name=_text(meta.get("name")),
        facts=tuple(f for f in facts if f),
        participants=participants,
        notice=t("sample_notice", lang) if sample else "",
        blips=blips,
        categories=categories,
        sections=sections,
        footer=t("minutes_footer", lang, date=long_date(today, lang)),
        page_word=t("minutes_page", lang),
        drawing_note=t("minutes_drawing_note", lang),
        numbers_missing_note=t("minutes_numbers_missing", lang),
        extra=tuple(extra_section(s) for s in extra_sections),
    )
