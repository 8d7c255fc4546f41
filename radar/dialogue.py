"""Dialogue questions for the meeting: the question set, the agenda, its notes and decisions.

Pure: plain dicts in, plain dicts out; no Streamlit, no SQL. radar.db.dialogue stores the
agenda with the own radar (same history and undo), radar.ui_dialogue draws it.

The questions are our own, written for the four parts of leading in a digital time that KL's
leadership guide names (the digital mindset, the world around, the organisation, the
employees), plus the questions a radar meeting needs. They are not KL's dialogue questions.
A question's key ("radar.cost_not") is stable: it is what the agenda stores and the file
carries; its words live in the catalogue (radar.i18n, "dlg_q_<part>_<name>") in both languages.

An agenda is an ordered list of items, each a dict with ITEM_FIELDS: its id, the question key
(or OWN for the group's own question, whose words are in `text`), and the group's notes and
decision typed under it in the meeting.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from radar.errors import DataError, ValidationError
from radar.formats import limits
from radar.formats.text import plain_text, truncate
from radar.i18n import t

#: The parts of the question set, in the order the picker shows them.
PARTS: tuple[str, ...] = ("mindset", "omverden", "organisation", "medarbejdere", "radar")
#: The questions of each part (keys "<part>.<name>"; words in the catalogue).
QUESTIONS: dict[str, tuple[str, ...]] = {
    "mindset": ("mindset.curious", "mindset.everyday", "mindset.example", "mindset.learn"),
    "omverden": ("omverden.change", "omverden.others", "omverden.citizens", "omverden.upward"),
    "organisation": ("organisation.room", "organisation.anchor", "organisation.skills", "organisation.story"),
    "medarbejdere": ("medarbejdere.safe", "medarbejdere.dilemmas", "medarbejdere.ethics", "medarbejdere.data"),
    "radar": ("radar.relevant", "radar.cost_not", "radar.stop", "radar.first", "radar.country"),
}
#: The question key of the group's own question (its words are the item's `text`).
OWN = "own"
ITEM_FIELDS: tuple[str, ...] = ("item_id", "question", "text", "notes", "decision")
#: The fields typed in the meeting under a question.
TYPED_FIELDS: tuple[str, ...] = ("notes", "decision")
#: Longest own question; notes and decisions may be as long as an entry's note.
MAX_QUESTION = limits.MAX_SHORT_CHARS
MAX_TYPED = limits.MAX_LONG_CHARS
#: Most questions on one agenda (a 90-minute meeting gets through far fewer).
MAX_ITEMS = 30
#: Longest question named in a change ("note til 'Hvad koster det …'"); the history has the rest.
MAX_NAMED = 32

ALL_QUESTIONS: tuple[str, ...] = tuple(key for part in PARTS for key in QUESTIONS[part])


def part_of(question: str) -> str:
    """The part a question key belongs to ("own" for the group's own question)."""
    return question.split(".", 1)[0] if question in ALL_QUESTIONS else OWN


def catalogue_key(question: str) -> str:
    """The catalogue key of a question's words: "radar.cost_not" -> "dlg_q_radar_cost_not"."""
    return "dlg_q_" + question.replace(".", "_")


def question_text(item: Mapping[str, Any], lang: str) -> str:
    """The words of an agenda item's question in `lang` (the group's own words for an own question)."""
    question = str(item.get("question") or "")
    if question in ALL_QUESTIONS:
        return t(catalogue_key(question), lang)
    return str(item.get("text") or "")


def new_item_id() -> str:
    """A fresh id for an agenda item."""
    return uuid.uuid4().hex[:12]


# --- cleaning -----------------------------------------------------------------------------------
def clean_question_text(value: object) -> str:
    """The group's own question as one line of plain text within MAX_QUESTION; ValidationError when empty."""
    text = truncate(plain_text(str(value or "")), MAX_QUESTION)
    if not text:
        raise ValidationError("dlg_error_own_empty")
    return text


def clean_typed(value: object) -> str:
    """Notes or a decision as plain text (lines kept) within MAX_TYPED."""
    return truncate(plain_text(str(value or ""), multiline=True), MAX_TYPED)


def clean_item(values: Mapping[str, Any]) -> dict[str, str]:
    """One agenda item with every field cleaned; ValidationError for a question we do not know."""
    question = str(values.get("question") or "")
    if question != OWN and question not in ALL_QUESTIONS:
        raise ValidationError("dlg_error_unknown_question", question=truncate(plain_text(question), 40))
    return {
        "item_id": str(values.get("item_id") or new_item_id()),
        "question": question,
        "text": clean_question_text(values.get("text")) if question == OWN else "",
        "notes": clean_typed(values.get("notes")),
        "decision": clean_typed(values.get("decision")),
    }


def _same_question(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    if a["question"] != b["question"]:
        return False
    return a["question"] != OWN or a["text"].casefold() == b["text"].casefold()


# --- agenda operations (list in, new list out) --------------------------------------------------------
def _check_room(agenda: Sequence[Mapping[str, Any]], item: Mapping[str, Any]) -> None:
    if len(agenda) >= MAX_ITEMS:
        raise ValidationError("dlg_error_full", limit=MAX_ITEMS)
    if any(_same_question(other, item) for other in agenda):
        raise ValidationError("dlg_error_duplicate")


def add_question(agenda: Sequence[Mapping[str, Any]], question: str) -> list[dict[str, Any]]:
    """The agenda with one of our questions appended; ValidationError when it is there already or the agenda is full."""
    item = clean_item({"question": question})
    _check_room(agenda, item)
    return [dict(i) for i in agenda] + [item]


def add_own(agenda: Sequence[Mapping[str, Any]], text: object) -> list[dict[str, Any]]:
    """The agenda with the group's own question appended (cleaned; not empty, not twice)."""
    item = clean_item({"question": OWN, "text": text})
    _check_room(agenda, item)
    return [dict(i) for i in agenda] + [item]


def _index(agenda: Sequence[Mapping[str, Any]], item_id: str) -> int:
    for index, item in enumerate(agenda):
        if item["item_id"] == item_id:
            return index
    raise ValidationError("dlg_error_item_gone")


def remove_item(agenda: Sequence[Mapping[str, Any]], item_id: str) -> list[dict[str, Any]]:
    """The agenda without one item (its notes go with it; undo brings them back)."""
    index = _index(agenda, item_id)
    return [dict(i) for n, i in enumerate(agenda) if n != index]


def move_item(agenda: Sequence[Mapping[str, Any]], item_id: str, offset: int) -> list[dict[str, Any]]:
    """The agenda with one item moved `offset` places (negative: earlier), kept inside the list."""
    items = [dict(i) for i in agenda]
    index = _index(items, item_id)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    return items


def set_typed(agenda: Sequence[Mapping[str, Any]], item_id: str, field: str, value: object) -> list[dict[str, Any]]:
    """The agenda with an item's notes or decision set (cleaned)."""
    if field not in TYPED_FIELDS:
        raise ValidationError("dlg_error_field", field=field)
    items = [dict(i) for i in agenda]
    items[_index(items, item_id)][field] = clean_typed(value)
    return items


# --- words for the history and the undo button ------------------------------------------------------
def _named(row: Mapping[str, Any], lang: str) -> str:
    text = question_text(row, lang)
    return "'" + (text if len(text) <= MAX_NAMED else text[: MAX_NAMED - 1].rstrip() + "…") + "'"


def change_summary(change: Mapping[str, Any], lang: str) -> str:
    """A logged agenda change in words, e.g. "note til 'Hvad koster det os ikke …'" or "spørgsmål tilføjet: '…'"."""
    before = change["before"].get("dialogue", {})
    after = change["after"].get("dialogue", {})
    parts: list[str] = []
    added = [after[k] for k in after if after[k] and not before.get(k)]
    removed = [before[k] for k in before if before[k] and not after.get(k)]
    for key, rows in (("dlg_change_added", added), ("dlg_change_removed", removed)):
        if rows:
            parts.append(t(key, lang, questions=", ".join(_named(r, lang) for r in rows)))
    moved = False
    for item_id, new in after.items():
        old = before.get(item_id)
        if not old or not new:
            continue
        for field in TYPED_FIELDS:
            if old.get(field) != new.get(field):
                parts.append(t(f"dlg_change_{field}", lang, question=_named(new, lang)))
        moved = moved or old.get("position") != new.get("position")
    if moved and not added and not removed:
        parts.append(t("dlg_change_moved", lang))
    return "; ".join(parts)


# --- files ------------------------------------------------------------------------------------------
def export_agenda(agenda: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The agenda for the radar's JSON file: question key, own words, notes, decision (no ids)."""
    return [{"question": i["question"], "text": i["text"], "notes": i["notes"], "decision": i["decision"]} for i in agenda]


def agenda_from_export(data: object) -> tuple[list[dict[str, str]], int]:
    """The agenda of a JSON file's "dialogue" key, cleaned, and how many items could not be read.

    An item whose question we do not know keeps its words as the group's own question when the
    file has them; items that are not objects, or have no question at all, are left out and counted.
    A "dialogue" that is not a list, or one longer than MAX_ITEMS, is a DataError.
    """
    if not isinstance(data, list):
        raise DataError("dlg_error_file")
    if len(data) > MAX_ITEMS:
        raise DataError("dlg_error_file_long", limit=MAX_ITEMS)
    agenda: list[dict[str, str]] = []
    dropped = 0
    for raw in data:
        if not isinstance(raw, Mapping):
            dropped += 1
            continue
        values = {k: raw.get(k) if isinstance(raw.get(k), str) else "" for k in ("question", "text", "notes", "decision")}
        if values["question"] not in ALL_QUESTIONS:
            values["question"] = OWN
        try:
            item = clean_item(values)
        except ValidationError:
            dropped += 1
            continue
        if any(_same_question(other, item) for other in agenda):
            dropped += 1
            continue
        agenda.append(item)
    return agenda, dropped


# --- the minutes --------------------------------------------------------------------------------------
def minutes_section(agenda_with_notes: Sequence[Mapping[str, Any]], lang: str) -> dict[str, Any]:
    """The dialogue part of the minutes: {"title", "lines", "table"} in `lang`, as plain text (the
    writer escapes it for its own format). `lines` sum up and list the decisions; `table` has one row
    per question (number, question, notes, decision), None when the agenda is empty."""
    title = t("dlg_minutes_title", lang)
    if not agenda_with_notes:
        return {"title": title, "lines": [t("dlg_minutes_empty", lang)], "table": None}
    decided = [(n, i) for n, i in enumerate(agenda_with_notes, start=1) if str(i.get("decision") or "").strip()]
    lines = [t("dlg_minutes_summary", lang, questions=len(agenda_with_notes), decisions=len(decided))]
    for n, item in decided:
        lines.append(t("dlg_minutes_decision", lang, number=n, question=question_text(item, lang), decision=item["decision"]))
    header = [t(k, lang) for k in ("col_number", "dlg_col_question", "dlg_col_notes", "dlg_col_decision")]
    rows = [
        [str(n), question_text(i, lang), str(i.get("notes") or ""), str(i.get("decision") or "")]
        for n, i in enumerate(agenda_with_notes, start=1)
    ]
    # The number column narrow, the written words wide (equal columns gave the number a quarter of the page).
    return {"title": title, "lines": lines, "table": {"header": header, "rows": rows, "widths": [6, 30, 36, 28]}}
