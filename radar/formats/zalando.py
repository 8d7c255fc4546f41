"""Zalando tech-radar JSON: {date, entries: [{label, quadrant 0-3, ring 0-3, moved, active, link}]}.

Quadrant and ring names are not in the data file; Zalando keeps them in the page's
configuration. Pass that configuration (a JSON/JS object with `quadrants` and `rings`
lists of {name}) as `config` to use its names; without it rings map by position
(0..3 -> klar..afvent) and quadrants are kept as their index ("0".."3").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from radar.config import RING_KEYS
from radar.errors import ImportError_
from radar.formats.build import RawRecord, build_result, meta_from
from radar.formats.jsonutil import cell, is_scalar, load_json
from radar.formats.limits import MAX_SHORT_CHARS, check_rows
from radar.formats.links import with_links
from radar.formats.mapping import parse_bool, parse_int, resolve_ring
from radar.formats.model import ZALANDO_JSON, ReadResult, Reason
from radar.formats.text import shown

#: Zalando's `moved` values: 2 marks a new entry (drawn as a star).
ZALANDO_MOVED: dict[int, str] = {-1: "moved_out", 0: "unchanged", 1: "moved_in", 2: "new"}
#: Quadrants of a Zalando radar when no configuration names them (it always draws four).
ZALANDO_QUADRANTS = 4


@dataclass(frozen=True)
class ZalandoNames:
    """Quadrant and ring names by index, from a Zalando radar configuration."""

    quadrants: tuple[str, ...] = ()
    rings: tuple[str, ...] = ()


def _names(items: object) -> tuple[str, ...]:
    if not isinstance(items, list):
        return ()
    names = []
    for item in items:
        value = item.get("name") if isinstance(item, dict) else item
        names.append(cell(value).strip() if is_scalar(value) else "")
    return tuple(names)


def zalando_names(config: Mapping[str, object] | None) -> ZalandoNames:
    """Quadrant/ring names from a parsed Zalando-style config (missing parts stay empty)."""
    if not isinstance(config, Mapping):
        return ZalandoNames()
    return ZalandoNames(_names(config.get("quadrants")), _names(config.get("rings")))


def is_zalando_json(document: object) -> bool:
    """True for {entries: [...]} whose entries have a label and no Backstage timeline."""
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        return False
    items = [e for e in document["entries"] if isinstance(e, dict)]
    return any("label" in e for e in items) and not any("timeline" in e for e in items)


def _ring(value: object, names: ZalandoNames, reasons: list[Reason]) -> tuple[str | None, str]:
    index = parse_int(value, range(len(names.rings) or len(RING_KEYS))) if is_scalar(value) else None
    raw = shown(cell(value), MAX_SHORT_CHARS) if is_scalar(value) else ""
    if index is not None and names.rings and names.rings[index]:
        key, found = resolve_ring(names.rings[index])
        reasons.extend(found)
        return key, names.rings[index]
    if index is not None and index < len(RING_KEYS):
        key = RING_KEYS[index]
        reasons.append(Reason("import_ring_mapped", {"raw": raw, "ring": key}))
        return key, raw
    reasons.append(Reason("import_ring_unknown", {"raw": raw}) if raw else Reason("import_ring_missing"))
    return None, raw


def _quadrant(value: object, names: ZalandoNames, reasons: list[Reason]) -> str:
    """The category: the quadrant's name from the configuration, else its index, or a name some forks use."""
    text = cell(value).strip() if is_scalar(value) else ""
    number = parse_int(text, range(-(2**63), 2**63)) if text else None
    if number is None:
        return text
    count = len(names.quadrants) or ZALANDO_QUADRANTS
    if 0 <= number < count:
        return names.quadrants[number] if names.quadrants else text
    reasons.append(Reason("import_quadrant_out_of_range", {"value": shown(text), "max": count - 1}))
    return ""


def _active(value: object, reasons: list[Reason]) -> None:
    """Note an entry Zalando draws as inactive (grey): it is kept, and the report says so."""
    if value is None:
        return
    active = parse_bool(value) if is_scalar(value) else None
    if active is False:
        reasons.append(Reason("import_zalando_inactive"))
    elif active is None:
        shown_value = shown(cell(value)) if is_scalar(value) else "…"
        reasons.append(Reason("import_value_invalid", {"field": "active", "value": shown_value}))


def zalando_record(line: int, item: Mapping[str, object], names: ZalandoNames) -> RawRecord:
    """A RawRecord from one Zalando entry."""
    label = item.get("label")
    record = RawRecord(line=line, name=cell(label) if is_scalar(label) else "")
    record.category = _quadrant(item.get("quadrant"), names, record.reasons)
    record.ring, record.ring_raw = _ring(item.get("ring"), names, record.reasons)
    _active(item.get("active"), record.reasons)
    moved = item.get("moved")
    if moved is not None:
        step = parse_int(moved, ZALANDO_MOVED) if is_scalar(moved) else None
        record.movement = ZALANDO_MOVED.get(step) if step is not None else None
        if record.movement is None:
            record.reasons.append(Reason("import_value_invalid", {"field": "movement", "value": shown(cell(moved))}))
    details = item.get("details")  # a non-standard extra some forks use for a description
    description = cell(details) if isinstance(details, str) else ""
    record.description = with_links(description, [item.get("link")])
    return record


def read_zalando_json(
    data: bytes,
    filename: str = "",
    config: Mapping[str, object] | None = None,
    *,
    known_categories: Iterable[str] = (),
) -> ReadResult:
    """Read a Zalando radar JSON; `config` (parsed) supplies quadrant and ring names."""
    return zalando_result(load_json(data), config, known_categories=known_categories)


def zalando_result(
    document: object, config: Mapping[str, object] | None = None, *, known_categories: Iterable[str] = ()
) -> ReadResult:
    """ReadResult from an already parsed Zalando document."""
    if not is_zalando_json(document):
        raise ImportError_("import_json_shape")
    assert isinstance(document, dict)
    items = document["entries"]
    check_rows(len(items))
    names = zalando_names(config)
    records = [
        zalando_record(n, item, names) if isinstance(item, dict)
        else RawRecord(line=n, rejected=Reason("import_row_invalid"))
        for n, item in enumerate(items, start=1)
    ]  # fmt: skip
    meta = meta_from({"date": document.get("date")})
    return build_result(ZALANDO_JSON, records, meta=meta, known_categories=known_categories)
