"""Backstage tech-radar JSON (TechRadarLoaderResponse): {title, rings, quadrants, entries}.

Each entry has a timeline; the newest item (Backstage keeps it first) gives the ring, the
movement and, from its description, the reason for the ring.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from radar.errors import ImportError_
from radar.formats.build import RawRecord, build_result, meta_from
from radar.formats.jsonutil import cell, is_scalar, load_json
from radar.formats.limits import check_rows
from radar.formats.links import with_links
from radar.formats.mapping import parse_int, resolve_ring
from radar.formats.model import BACKSTAGE_JSON, ReadResult, Reason
from radar.formats.text import shown

#: Backstage's MovedState: -1 moved out (down), 0 unchanged, 1 moved in (up).
BACKSTAGE_MOVED: dict[int, str] = {-1: "moved_out", 0: "unchanged", 1: "moved_in"}


def is_backstage_json(document: object) -> bool:
    """True for {entries: [...]} whose entries carry a timeline."""
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        return False
    return any(isinstance(e, dict) and "timeline" in e for e in document["entries"])


def _text(value: object) -> str:
    return cell(value) if is_scalar(value) else ""


def _by_id(items: object) -> dict[str, dict]:
    """Ring or quadrant definitions keyed by id, in file order."""
    found: dict[str, dict] = {}
    if isinstance(items, list):
        for item in items:
            if isinstance(item, dict) and _text(item.get("id")):
                found.setdefault(_text(item.get("id")), item)
    return found


def _newest_first(timeline: Sequence[object]) -> list[dict]:
    """Timeline items newest first: by date when every item has one, else as given."""
    items = [t for t in timeline if isinstance(t, dict)]
    dates = [_text(t.get("date")) for t in items]
    if all(dates):
        # ISO dates sort as text; the sort is stable, so equal dates keep file order.
        return [t for _, t in sorted(zip(dates, items, strict=True), key=lambda p: p[0], reverse=True)]
    return items


def _ring(item: Mapping[str, object], rings: dict[str, dict], reasons: list[Reason]) -> tuple[str | None, str]:
    ring_id = _text(item.get("ringId"))
    name = _text(rings.get(ring_id, {}).get("name")) or ring_id
    key, found = resolve_ring(name)
    if key is None and ring_id and ring_id != name:
        key, by_id = resolve_ring(ring_id)
        found = by_id if key is not None else found
    reasons.extend(found)
    return key, name


def _movement(timeline: list[dict], rings: dict[str, dict], reasons: list[Reason]) -> str | None:
    moved = timeline[0].get("moved")
    step = parse_int(moved, BACKSTAGE_MOVED) if moved is not None and is_scalar(moved) else None
    if step is not None:
        return BACKSTAGE_MOVED[step]
    # `moved` is missing or outside -1/0/1 (e.g. 2): derive it from the previous ring.
    derived = _derived_movement(timeline, list(rings))
    if derived is not None:
        reasons.append(Reason("import_movement_derived", {"value": shown(_text(moved)), "movement": derived}))
        return derived
    if moved is not None:
        reasons.append(Reason("import_value_invalid", {"field": "movement", "value": shown(_text(moved))}))
    return None


def _derived_movement(timeline: list[dict], order: list[str]) -> str | None:
    """Movement from the two newest timeline rings; rings are listed innermost first."""
    if len(timeline) < 2:
        return None
    now, before = _text(timeline[0].get("ringId")), _text(timeline[1].get("ringId"))
    if now not in order or before not in order:
        return None
    if now == before:
        return "unchanged"
    return "moved_in" if order.index(now) < order.index(before) else "moved_out"


def backstage_record(line: int, item: Mapping[str, object], rings: dict[str, dict], quadrants: dict[str, dict]) -> RawRecord:
    """A RawRecord from one Backstage entry."""
    name = _text(item.get("title")) or _text(item.get("key")) or _text(item.get("id"))
    quadrant = _text(item.get("quadrant"))
    record = RawRecord(line=line, name=name, category=_text(quadrants.get(quadrant, {}).get("name")) or quadrant)
    timeline = _newest_first(item["timeline"]) if isinstance(item.get("timeline"), list) else []
    if timeline:
        record.ring, record.ring_raw = _ring(timeline[0], rings, record.reasons)
        record.movement = _movement(timeline, rings, record.reasons)
        record.ring_reason = _text(timeline[0].get("description"))
    else:
        record.reasons.append(Reason("import_ring_missing"))
    links = item.get("links") if isinstance(item.get("links"), list) else []
    urls = [item.get("url"), *(link.get("url") for link in links if isinstance(link, dict))]
    record.description = with_links(_text(item.get("description")), urls)
    return record


def read_backstage_json(data: bytes, filename: str = "", *, known_categories: Iterable[str] = ()) -> ReadResult:
    """Read a Backstage tech-radar JSON document."""
    return backstage_result(load_json(data), known_categories=known_categories)


def backstage_result(document: object, *, known_categories: Iterable[str] = ()) -> ReadResult:
    """ReadResult from an already parsed Backstage document."""
    if not is_backstage_json(document):
        raise ImportError_("import_json_shape")
    assert isinstance(document, dict)
    items = document["entries"]
    check_rows(len(items))
    rings, quadrants = _by_id(document.get("rings")), _by_id(document.get("quadrants"))
    records = [
        backstage_record(n, item, rings, quadrants) if isinstance(item, dict)
        else RawRecord(line=n, rejected=Reason("import_row_invalid"))
        for n, item in enumerate(items, start=1)
    ]  # fmt: skip
    meta = meta_from({"name": document.get("title")})
    return build_result(BACKSTAGE_JSON, records, meta=meta, known_categories=known_categories)
