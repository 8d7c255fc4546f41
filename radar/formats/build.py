"""Turn the raw rows a reader found into clean entries and a report row for every row."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

from radar.config import RING_KEYS
from radar.errors import ImportError_
from radar.formats.jsonutil import cell, is_scalar
from radar.formats.limits import (
    MAX_DESCRIPTION_CHARS,
    MAX_LONG_CHARS,
    MAX_MARKUP_CHARS,
    MAX_NAME_CHARS,
    MAX_SHORT_CHARS,
    RAW_CHARS_FACTOR,
    check_rows,
)
from radar.formats.mapping import unknown_rings, vocab_key
from radar.formats.model import (
    ACCEPTED,
    ACCEPTED_WITH_CHANGE,
    REJECTED,
    Entry,
    RadarMeta,
    ReadResult,
    Reason,
    ReportRow,
)
from radar.formats.tabular import Table
from radar.formats.text import (
    markup_was_removed,
    normalise_newlines,
    plain_text,
    sanitise_description,
    truncate,
    visible_text,
)

# field -> (longest value, keeps line breaks)
_PLAIN_FIELDS: dict[str, tuple[int, bool]] = {
    "name": (MAX_NAME_CHARS, False),
    "technology_id": (MAX_SHORT_CHARS, False),
    "category": (MAX_SHORT_CHARS, False),
    "ring_raw": (MAX_SHORT_CHARS, False),
    "owner": (MAX_SHORT_CHARS, False),
    "ring_reason": (MAX_LONG_CHARS, True),
    "note": (MAX_LONG_CHARS, True),
    "next_step": (MAX_LONG_CHARS, True),
}
_SPACES = re.compile(r"[^\S\n]+")
META_FIELDS: tuple[str, ...] = ("name", "municipality", "domain", "date")


@dataclass
class RawRecord:
    """One data row as a reader found it: text not yet cleaned, rings/numbers already parsed.

    It stays a separate, mutable type because it holds what Entry must never carry: text not
    yet cleaned, the reasons gathered so far and why the row was rejected. Its fields are
    Entry's fields (see test_raw_record_has_every_entry_field), so build_result loses none.
    """

    line: int
    name: str = ""
    technology_id: str = ""
    category: str = ""
    description: str = ""
    ring: str | None = None
    ring_raw: str = ""
    ring_reason: str = ""
    status: int | None = None
    relevance: int | None = None
    note: str = ""
    owner: str = ""
    next_step: str = ""
    movement: str | None = None
    maturity: int | None = None
    reasons: list[Reason] = field(default_factory=list)
    rejected: Reason | None = None


def table_records(table: Table, record: Callable[[int, dict[str, str]], RawRecord]) -> list[RawRecord]:
    """A RawRecord for every row of `table` made by `record`; rows it could not read are rejected with their reason."""
    return [
        RawRecord(line=line, rejected=table.rejected[line]) if line in table.rejected else record(line, values)
        for line, values in table.records()
    ]


def _whitespace_only(value: str, multiline: bool) -> str:
    text = normalise_newlines(value)
    if multiline:
        return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()
    return " ".join(text.split())


def _raw(value: str, limit: int) -> str:
    """The part of `value` worth cleaning: a few times its limit (cleaning only shortens text)."""
    return value[: limit * RAW_CHARS_FACTOR]


def clean_plain(name: str, value: str, reasons: list[Reason]) -> str:
    """`value` of field `name` as plain text within its limit; changes are added to `reasons`."""
    limit, multiline = _PLAIN_FIELDS[name]
    source = _raw(value, limit)
    cleaned = plain_text(source, multiline=multiline)
    if cleaned != source:
        reasons.append(Reason(_change(source, cleaned, multiline), {"field": name}))
    cut = truncate(cleaned, limit)
    if cut != cleaned or len(source) < len(value):
        reasons.append(Reason("import_truncated", {"field": name, "max": limit}))
    return cut


def _change(source: str, cleaned: str, multiline: bool) -> str:
    """The reason key for how cleaning changed `source`: only spaces, invisible characters, or markup."""
    if cleaned == _whitespace_only(source, multiline):
        return "import_trimmed"
    if cleaned == _whitespace_only(visible_text(source), multiline):
        return "import_invisible_removed"
    return "import_markup_removed"


def clean_description(value: str, reasons: list[Reason]) -> str:
    """`value` sanitised and within the description limit; changes are added to `reasons`."""
    source = _raw(value, MAX_DESCRIPTION_CHARS)
    cleaned = sanitise_description(source)
    if markup_was_removed(source, cleaned):
        reasons.append(Reason("import_markup_removed", {"field": "description"}))
    if len(cleaned) <= MAX_DESCRIPTION_CHARS and len(source) == len(value):
        return cleaned
    reasons.append(Reason("import_truncated", {"field": "description", "max": MAX_DESCRIPTION_CHARS}))
    return _cut_html(cleaned, MAX_DESCRIPTION_CHARS)


def _cut_html(cleaned: str, limit: int) -> str:
    """Sanitised HTML cut to at most `limit` characters, still sanitised (open tags closed again)."""
    cut = cleaned
    for attempt in range(_CUT_ATTEMPTS):
        if len(cleaned) <= limit:
            return cleaned
        over = len(cleaned) - limit
        # Cutting the text can leave tags open, which sanitising closes again (a little longer):
        # cut by the excess, and by more each time so that a few attempts always suffice.
        cut = _before_open_markup(cut[: max(len(cut) - over - attempt * limit // _CUT_ATTEMPTS, 0)])
        cleaned = sanitise_description(cut)
    return cleaned if len(cleaned) <= limit else ""


_CUT_ATTEMPTS = 8


def _before_open_markup(cut: str) -> str:
    """`cut` without a tag or entity that its end splits ("<a hre", "&am")."""
    for opener, closer in (("<", ">"), ("&", ";")):
        start = cut.rfind(opener)
        if start != -1 and cut.find(closer, start) == -1:
            cut = cut[:start]
    return cut


def _markup_chars(records: Sequence[RawRecord]) -> int:
    """'<' and '&' in the parts of all text values that cleaning will look at."""
    total = 0
    for record in records:
        for name, (limit, _) in (*_PLAIN_FIELDS.items(), ("description", (MAX_DESCRIPTION_CHARS, True))):
            value = getattr(record, name)
            end = limit * RAW_CHARS_FACTOR
            total += value.count("<", 0, end) + value.count("&", 0, end)
    return total


def _clean(record: RawRecord) -> tuple[Entry, list[Reason]]:
    reasons = list(record.reasons)
    values = {name: clean_plain(name, getattr(record, name), reasons) for name in _PLAIN_FIELDS}
    values["description"] = clean_description(record.description, reasons)
    ring = record.ring if record.ring in RING_KEYS else None
    entry = Entry(
        ring=ring,
        status=record.status,
        relevance=record.relevance,
        movement=record.movement,
        maturity=record.maturity,
        line=record.line,
        **values,
    )
    return entry, reasons


def _merge(first: Entry, later: Entry) -> Entry:
    """`first` with its empty fields filled from the duplicate `later` (first wins otherwise)."""
    filled: dict[str, object] = {}
    for f in fields(Entry):
        if f.name in ("line", "ring", "ring_raw"):
            continue
        if getattr(first, f.name) in ("", None) and getattr(later, f.name) not in ("", None):
            filled[f.name] = getattr(later, f.name)
    if first.ring is None and later.ring is not None:
        filled["ring"], filled["ring_raw"] = later.ring, later.ring_raw
    return replace(first, **filled) if filled else first


def _unknown_categories(entries: Iterable[Entry], known: set[str]) -> tuple[str, ...]:
    """Categories not among `known` (folded), once each in file order (case and spaces ignored)."""
    found: dict[str, str] = {}
    for entry in entries:
        key = vocab_key(entry.category)
        if entry.category and key not in known:
            found.setdefault(key, entry.category)
    return tuple(found.values())


def build_result(
    format_name: str,
    records: Sequence[RawRecord],
    *,
    meta: RadarMeta | None = None,
    known_categories: Iterable[str] = (),
) -> ReadResult:
    """Clean `records` into a ReadResult; every record gets exactly one report row."""
    check_rows(len(records))
    if _markup_chars(records) > MAX_MARKUP_CHARS:
        raise ImportError_("import_too_much_markup", max=MAX_MARKUP_CHARS)
    entries: dict[str, Entry] = {}  # by folded name, in first-seen order
    report: list[ReportRow] = []
    for record in records:
        if record.rejected is not None:
            report.append(ReportRow(record.line, REJECTED, plain_text(record.name), (record.rejected,)))
            continue
        entry, reasons = _clean(record)
        if not entry.name:
            report.append(ReportRow(record.line, REJECTED, "", (Reason("import_name_missing"),)))
            continue
        key = entry.name.casefold()
        first = entries.get(key)
        if first is not None:
            entries[key] = _merge(first, entry)
            reason = Reason("import_duplicate_merged", {"first_line": first.line, "name": first.name})
            report.append(ReportRow(record.line, ACCEPTED_WITH_CHANGE, entry.name, (reason,)))
            continue
        entries[key] = entry
        status = ACCEPTED_WITH_CHANGE if reasons else ACCEPTED
        report.append(ReportRow(record.line, status, entry.name, tuple(reasons)))
    kept = tuple(entries.values())
    known = {vocab_key(c) for c in known_categories}
    return ReadResult(
        format=format_name,
        entries=kept,
        report=tuple(report),
        unknown_rings=unknown_rings(kept),
        unknown_quadrants=_unknown_categories(kept, known),
        meta=meta or RadarMeta(),
    )


def meta_from(values: Mapping[str, object]) -> RadarMeta:
    """RadarMeta from a mapping with (some of) name, municipality, domain, date."""
    clean = {
        key: truncate(plain_text(cell(values.get(key)) if is_scalar(values.get(key)) else ""), MAX_SHORT_CHARS)
        for key in META_FIELDS
    }
    return RadarMeta(**clean)
