"""A municipality's own radar: the local method, validation, views and file round trips.

Pure: plain dicts and frames in, dicts and frames out. No Streamlit, no SQL; radar.db.own
stores what this module checks, radar.ui_own draws what it computes.

The local method (shown on the page as "how the local ring is computed"):

- technical maturity m (1-5): the national expert rating of the newest edition for a
  catalogue technology; for the group's own technologies (or a catalogue technology with
  no rating) the maturity the group sets, DEFAULT_OWN_MATURITY (3) when they set none.
  m' = (m - 1) / 4, as nationally.
- local adoption a = local status / 3 (0 overvejer ikke .. 3 i drift). While the group has
  not set a status, a catalogue technology uses the national adoption index of the radar's
  domain (or the combined radar), so a new radar starts where the country stands; an own
  technology without a status counts as DEFAULT_OWN_STATUS (1, "overvejer"), so it is
  placed as soon as it is added.
- score s = (m' + a) / 2 and the ring from the national cut-offs, unless the group set the
  ring by hand (then a reason is required and the blip sits inside that ring).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from radar import dialogue, pipeline
from radar.config import (
    ADOPTION_STAGES,
    DEFAULT_CUTOFFS,
    MATURITY_LEVELS,
    MAX_STAGE,
    RELEVANCE_LEVELS,
    RING_KEYS,
    ring_score_bands,
)
from radar.errors import ValidationError
from radar.formats import limits
from radar.formats.mapping import vocab_key
from radar.formats.model import Entry, RadarMeta, ReadResult
from radar.formats.text import description_text, plain_text, truncate
from radar.i18n import CATALOGUE, t
from radar.layout import place_blips

# Each scale is defined once, in radar.config; the text limits once, in radar.formats.limits.
STATUSES: tuple[int, ...] = ADOPTION_STAGES
RELEVANCES: tuple[int, ...] = RELEVANCE_LEVELS
MATURITIES: tuple[int, ...] = MATURITY_LEVELS
#: Maturity assumed for an own technology the group has not rated: 3 -> m' = 0.5.
DEFAULT_OWN_MATURITY = 3
#: Status assumed for an own technology the group has not given one, so it is placed as soon as it
#: is added: 1 "overvejer" (considering) -> a = 1/3.
DEFAULT_OWN_STATUS = 1
MAX_ENTRIES = 200
MAX_RADAR_NAME = 80
MAX_ENTRY_NAME = limits.MAX_NAME_CHARS
MAX_SHORT = limits.MAX_SHORT_CHARS
MAX_LONG = limits.MAX_LONG_CHARS
#: Changes kept per radar for history and undo (the issue asks for at least 50).
KEEP_CHANGES = 100
#: Priority matrix: maturity and relevance at or above this count as high (4 and 5).
MATRIX_HIGH = 4
#: Quadrants of the priority matrix: (high relevance, high maturity) -> key.
QUADRANTS: dict[tuple[bool, bool], str] = {
    (True, True): "go",
    (True, False): "test",
    (False, True): "watch",
    (False, False): "leave",
}
#: Prefix of the blip key of a technology the group added itself.
OWN_PREFIX = "egen-"

META_FIELDS: tuple[str, ...] = ("name", "municipality", "domain", "date")
ENTRY_FIELDS: tuple[str, ...] = (
    "technology_id", "name", "category", "description", "maturity", "status", "relevance",
    "ring", "ring_reason", "note", "owner", "next_step",
)  # fmt: skip
_TEXT_LIMITS: dict[str, tuple[int, bool]] = {
    "technology_id": (MAX_SHORT, False),
    "name": (MAX_ENTRY_NAME, False),
    "category": (MAX_SHORT, False),
    "description": (MAX_LONG, True),
    "ring_reason": (MAX_LONG, True),
    "note": (MAX_LONG, True),
    "owner": (MAX_SHORT, False),
    "next_step": (MAX_LONG, True),
}
#: The entry fields held as whole numbers on a scale, with their allowed values.
INT_FIELDS: dict[str, tuple[int, ...]] = {"maturity": MATURITIES, "status": STATUSES, "relevance": RELEVANCES}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- cleaning and validation ------------------------------------------------------------------
def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text(value: object, multiline: bool = False) -> str:
    return "" if _blank(value) else plain_text(str(value), multiline=multiline)


def _int_or_none(value: object, field: str, allowed: tuple[int, ...], name: str) -> int | None:
    if _blank(value) or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("own_error_value", field=field, name=name, value=str(value)[:40]) from None
    if not number.is_integer() or int(number) not in allowed:
        raise ValidationError("own_error_value", field=field, name=name, value=str(value)[:40])
    return int(number)


def clean_meta(values: Mapping[str, object]) -> dict[str, object]:
    """Radar facts as stored: plain text, domain None when empty, date as YYYY-MM-DD; checked."""
    raw_date = values.get("date")
    when = raw_date.isoformat() if isinstance(raw_date, date) else _text(raw_date)
    meta = {
        "name": _text(values.get("name")),
        "municipality": _text(values.get("municipality")),
        "domain": _text(values.get("domain")) or None,
        "date": when,
    }
    validate_meta(meta)
    return meta


def validate_meta(meta: Mapping[str, object]) -> None:
    """Raise ValidationError when the radar's name, municipality or date breaks a rule."""
    name = str(meta.get("name") or "")
    if not name.strip():
        raise ValidationError("own_error_radar_name_empty")
    if len(name) > MAX_RADAR_NAME:
        raise ValidationError("own_error_radar_name_long", max=MAX_RADAR_NAME)
    if len(str(meta.get("municipality") or "")) > MAX_RADAR_NAME:
        raise ValidationError("own_error_municipality_long", max=MAX_RADAR_NAME)
    when = str(meta.get("date") or "")
    if when:
        try:
            if not _DATE.match(when):
                raise ValueError(when)
            date.fromisoformat(when)
        except ValueError:
            raise ValidationError("own_error_date", value=when[:20]) from None


def clean_entry(values: Mapping[str, object]) -> dict[str, object]:
    """One entry as stored: text without markup and trimmed, numbers as int or None; checked."""
    entry: dict[str, object] = {}
    for field, (_, multiline) in _TEXT_LIMITS.items():
        entry[field] = _text(values.get(field), multiline)
    name = str(entry["name"])
    for field, allowed in INT_FIELDS.items():
        entry[field] = _int_or_none(values.get(field), field, allowed, name)
    ring = _text(values.get("ring"))
    if ring and ring not in RING_KEYS:
        raise ValidationError("own_error_value", field="ring", name=name, value=ring[:40])
    entry["ring"] = ring or None
    entry["technology_id"] = entry["technology_id"] or None
    validate_entry(entry)
    return entry


def validate_entry(entry: Mapping[str, object]) -> None:
    """Raise ValidationError when one entry breaks a rule (name, lengths, category).

    A ring set by hand without a reason is kept, not refused: it waits for its reason (see local_table)."""
    name = str(entry.get("name") or "")
    if not name.strip():
        raise ValidationError("own_error_entry_name_empty")
    if len(name) > MAX_ENTRY_NAME:
        raise ValidationError("own_error_entry_name_long", name=name[:40] + "…", max=MAX_ENTRY_NAME)
    for field, (limit, _) in _TEXT_LIMITS.items():
        if field != "name" and len(str(entry.get(field) or "")) > limit:
            raise ValidationError("own_error_text_long", field=field, name=name, max=limit)
    if not entry.get("technology_id") and not entry.get("category"):
        raise ValidationError("own_error_category_missing", name=name)


def name_key(name: object) -> str:
    """A radar name as compared for duplicates: trimmed, inner spaces collapsed, case folded."""
    return " ".join(str(name or "").split()).casefold()


_NUMBERED = re.compile(r"^(.*\S)\s+\((\d{1,6})\)$")


def free_name(name: str, taken: Iterable[object]) -> str:
    """`name` when no radar in `taken` has it, else the first free "name (2)", "name (3)", ...

    A name that already ends in a number counts on from it ("Navn (2)" -> "Navn (3)"). The
    result fits MAX_RADAR_NAME: the base is shortened to make room for the number.
    """
    used = {name_key(n) for n in taken}
    base = " ".join(str(name or "").split())
    if name_key(base) not in used:
        return base
    numbered = _NUMBERED.match(base)
    if numbered:
        base, number = numbered.group(1), int(numbered.group(2)) + 1
    else:
        number = 2
    while True:
        suffix = f" ({number})"
        candidate = base[: MAX_RADAR_NAME - len(suffix)].rstrip() + suffix
        if name_key(candidate) not in used:
            return candidate
        number += 1


def validate_entries(entries: Iterable[Mapping[str, object]]) -> None:
    """Raise ValidationError for too many entries or two with the same name or technology."""
    entries = list(entries)
    if len(entries) > MAX_ENTRIES:
        raise ValidationError("own_error_too_many", max=MAX_ENTRIES, count=len(entries))
    names: set[str] = set()
    techs: set[str] = set()
    for entry in entries:
        folded = str(entry.get("name") or "").casefold()
        tech = entry.get("technology_id")
        if folded in names or (tech and tech in techs):
            raise ValidationError("own_error_duplicate", name=str(entry.get("name")))
        names.add(folded)
        if tech:
            techs.add(str(tech))


# --- the local method --------------------------------------------------------------------------
def entry_key(technology_id: object, entry_id: object) -> str:
    """The blip key: the catalogue id, or egen-<entry id> for the group's own technology."""
    return str(technology_id) if isinstance(technology_id, str) and technology_id else f"{OWN_PREFIX}{entry_id}"


def _position_score(score: float, ring: str, bands: Mapping[str, tuple[float, float]]) -> float:
    """A score inside `ring`'s band (`bands`: ring -> (low, high)): a hand-set ring keeps the blip in that ring."""
    low, high = bands[ring]
    if score is None or math.isnan(score):
        return (low + high) / 2
    return min(max(float(score), low), high - 1e-6)


#: The columns of the local table, in order (see local_table).
LOCAL_COLUMNS: tuple[str, ...] = (
    "entry_id", "number", "technology", "technology_id", "own", "name", "category", "description", "maturity",
    "maturity_source", "own_maturity", "status", "adoption", "adoption_source", "score", "computed_ring",
    "ring", "hand_set", "chosen_ring", "ring_pending", "position_score", "relevance", "ring_reason", "note", "owner",
    "next_step", "national_ring", "national_score",
)  # fmt: skip


def _records(frame: pd.DataFrame, columns: Iterable[str]) -> list[dict[str, object]]:
    """The rows of `frame` as dicts of `columns` (those it has), read column by column: a small frame's
    to_dict("records") costs more than the local method itself."""
    present = [c for c in columns if c in frame.columns]
    return [dict(zip(present, values, strict=True)) for values in zip(*(frame[c].tolist() for c in present), strict=True)]


def _int(value: object) -> int | None:
    return None if _blank(value) else int(value)


def local_table(
    entries: pd.DataFrame,
    catalogue: pd.DataFrame,
    national: pd.DataFrame,
    cutoffs: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Every entry with maturity, adoption, score and ring by the local method (see module doc).

    `entries` as stored (entry_id, technology_id, name, category, maturity, status, relevance,
    ring, ...); `catalogue` has id, name, category, description (localised); `national` has
    technology, maturity, adoption, score, ring of the radar's reference scope.
    """
    cutoffs = dict(cutoffs or DEFAULT_CUTOFFS)
    bands = dict(zip(RING_KEYS, ring_score_bands(cutoffs), strict=True))
    # Plain dicts and lists, one frame at the end: this runs on every edit of a meeting, for every entry.
    cat = {r["id"]: r for r in _records(catalogue, ("id", "name", "category", "description"))}
    nat = {r["technology"]: r for r in _records(national, ("technology", "maturity", "adoption", "score", "ring"))}
    rows = []
    for e in _records(entries, ("entry_id", "number", *ENTRY_FIELDS)):
        tech = e.get("technology_id")
        known = isinstance(tech, str) and tech in cat
        national_row = nat.get(tech) if known else None
        own_maturity = _int(e.get("maturity"))
        if national_row and not _blank(national_row["maturity"]):
            maturity, maturity_source = float(national_row["maturity"]), "national"
        elif own_maturity is not None:
            maturity, maturity_source = float(own_maturity), "own"
        else:
            maturity, maturity_source = float(DEFAULT_OWN_MATURITY), "default"
        status = _int(e.get("status"))
        if status is not None:
            adoption, adoption_source = status / MAX_STAGE, "local"
        elif national_row and not _blank(national_row["adoption"]):
            adoption, adoption_source = float(national_row["adoption"]), "national"
        elif not known:
            adoption, adoption_source = DEFAULT_OWN_STATUS / MAX_STAGE, "default"
        else:
            adoption, adoption_source = math.nan, None
        score = pipeline.score(pipeline.normalised_maturity(maturity), adoption) if not math.isnan(adoption) else math.nan
        computed = pipeline.ring_for_score(score, cutoffs)
        chosen = e.get("ring") if isinstance(e.get("ring"), str) and e.get("ring") else None
        # A ring set by hand counts once it has a reason; until then it waits, shown as pending.
        hand = chosen if chosen and str(e.get("ring_reason") or "").strip() else None
        ring = hand or computed
        rows.append(
            (
                e["entry_id"],
                _int(e.get("number")),
                entry_key(tech, e["entry_id"]),
                tech if known else None,
                not known,
                cat[tech]["name"] if known else e["name"],
                cat[tech]["category"] if known else e.get("category"),
                cat[tech]["description"] if known else (e.get("description") or ""),
                maturity,
                maturity_source,
                own_maturity,
                status,
                adoption,
                adoption_source,
                score,
                computed,
                ring,
                hand is not None,
                chosen,
                chosen is not None and hand is None,
                _position_score(score, ring, bands) if ring else math.nan,
                _int(e.get("relevance")),
                e.get("ring_reason") or "",
                e.get("note") or "",
                e.get("owner") or "",
                e.get("next_step") or "",
                national_row["ring"] if national_row else None,
                float(national_row["score"]) if national_row else math.nan,
            )
        )
    table = pd.DataFrame.from_records(rows, columns=list(LOCAL_COLUMNS))
    return with_numbers(table)


def renumber_order(table: pd.DataFrame) -> list[str]:
    """Entry ids in the order an explicit renumbering gives them: placed entries by ring (inner
    first), then score high to low, then name; entries not placed yet after them, by name."""
    placed = table[table["ring"].notna()]
    numbered = pipeline.number_blips(placed.assign(score=placed["position_score"])) if len(placed) else placed
    rest = table[table["ring"].isna()].sort_values("name", kind="stable")
    return [*numbered["entry_id"], *rest["entry_id"]]


def with_numbers(table: pd.DataFrame) -> pd.DataFrame:
    """`table` (its `number` column the stored numbers, blank for none) with each entry's number: the
    stored one, so numbers stay put while a meeting edits; an entry without one gets the next free
    numbers in renumber order."""
    numbers = [None if _blank(n) else int(n) for n in table["number"].tolist()]
    if any(n is None for n in numbers):  # the order is needed only to number new entries
        top = max((n for n in numbers if n is not None), default=0)
        given = dict(zip(table["entry_id"], numbers, strict=True))
        for entry_id in renumber_order(table):
            if given[entry_id] is None:
                top += 1
                given[entry_id] = top
        numbers = [given[e] for e in table["entry_id"]]
    return table.assign(number=pd.array(numbers, dtype="Int64"))


def sector_order(used: Iterable[object], ours: Iterable[str]) -> list[str]:
    """Sector ids of a radar whose entries use the categories `used` (in entry order).

    Our categories (all of them, in our order) when at least one entry uses one of them, so
    a radar started from the national radar looks like it; then the radar's own categories in
    order of first appearance. A radar that uses only its own categories gets only those, and
    an empty radar gets ours. The Import preview and the kept radar share this rule, so a
    file's sectors (and their colours) are the same in both.
    """
    ours = [str(c) for c in ours]
    known = set(ours)
    seen = list(dict.fromkeys(str(c) for c in used if not _blank(c) and str(c)))
    extra = [c for c in seen if c not in known]
    if any(c in known for c in seen) or not seen:
        return ours + extra
    return extra


def radar_sectors(table: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """Sectors of a local radar (ids and names, see sector_order), so every entry can be drawn."""
    names = dict(zip(categories["id"].astype(str), categories["name"], strict=True))
    ids = sector_order(table["category"], categories["id"])
    return pd.DataFrame({"id": ids, "name": [names.get(c, c) for c in ids]})


def local_blips(table: pd.DataFrame, categories: list[str]) -> pd.DataFrame:
    """The placed entries as radar blips (columns radar_figure draws), positioned by place_blips."""
    placed = table[table["ring"].notna() & table["category"].isin(categories)]
    if placed.empty:
        return placed.assign(r=[], theta=[], x=[], y=[], diameter=[], movement=[], n=[], low_n=[])
    key = tuple(zip(placed["technology"], placed["ring"], placed["category"], placed["position_score"], strict=True))
    spots = _placement(key, tuple(categories))
    blips = placed.assign(**spots, number=placed["number"].astype(int), movement=None, n="", low_n=False)
    return blips.sort_values("number").reset_index(drop=True)


@functools.lru_cache(maxsize=256)
def _placement(blips: tuple[tuple[str, str, str, float], ...], categories: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Positions (r, theta, x, y, diameter) of blips given as (key, ring, category, position score):
    the same blips in the same sectors are placed once, so an edit that moves no blip (relevance, a
    note) does not place them all again."""
    items = pd.DataFrame(blips, columns=["id", "ring", "category", "score"])
    spots = place_blips(items, list(categories))
    columns = {column: spots[column].to_numpy(copy=True) for column in ("r", "theta", "x", "y", "diameter")}
    for values in columns.values():
        values.flags.writeable = False  # shared by every later call with the same key
    return columns


def unplaced(table: pd.DataFrame) -> list[str]:
    """Names of entries that cannot be placed yet (own technology with neither status nor ring)."""
    return table.loc[table["ring"].isna(), "name"].tolist()


# --- compare with the country ------------------------------------------------------------------
def gap_list(table: pd.DataFrame, national: pd.DataFrame) -> pd.DataFrame:
    """Local against national per catalogue technology, biggest gap first, with a phrase key.

    gap = local score - national score (the blip's score inside a hand-set ring). Own
    technologies have no national position and are left out; entries without a local
    status are listed last with no gap (they sit where the country is).
    """
    nat = national.set_index("technology")
    order = {key: i for i, key in enumerate(RING_KEYS)}
    rows = []
    for _, row in table.iterrows():
        tech = row["technology_id"]
        if not isinstance(tech, str) or tech not in nat.index or not isinstance(nat.at[tech, "ring"], str):
            continue
        national_ring = nat.at[tech, "ring"]
        local_ring = row["ring"]
        status = row["status"]
        gap = math.nan
        if (_blank(status) and not row["hand_set"]) or not isinstance(local_ring, str):
            key = "own_gap_not_assessed"
        else:
            gap = float(row["position_score"]) - float(nat.at[tech, "score"])
            if status == 0 and national_ring in RING_KEYS[:2]:
                key = "own_gap_not_considered"
            elif status == MAX_STAGE and order[national_ring] >= 2:
                key = "own_gap_in_use_ahead"
            elif order[local_ring] < order[national_ring]:
                key = "own_gap_ahead"
            elif order[local_ring] > order[national_ring]:
                key = "own_gap_behind"
            else:
                key = "own_gap_level"
        rows.append(
            {
                "technology": tech,
                "number": row["number"],
                "name": row["name"],
                "local_ring": local_ring,
                "national_ring": national_ring,
                "status": status,
                "gap": gap,
                "phrase": key,
            }
        )
    frame = pd.DataFrame(rows, columns=["technology", "number", "name", "local_ring", "national_ring", "status", "gap", "phrase"])
    frame["_size"] = frame["gap"].abs()
    frame = frame.sort_values(["_size", "name"], ascending=[False, True], na_position="last", kind="stable")
    return frame.drop(columns="_size").reset_index(drop=True)


# --- priority matrix ---------------------------------------------------------------------------
def quadrant(maturity: float, relevance: float) -> str:
    """The matrix quadrant of a maturity (1-5) and a local relevance (1-5): go, test, watch, leave."""
    return QUADRANTS[(relevance >= MATRIX_HIGH, maturity >= MATRIX_HIGH)]


def matrix_points(table: pd.DataFrame, spread: float = 0.26) -> pd.DataFrame:
    """Entries with a relevance as matrix points: x maturity, y relevance, spread so none overlap.

    Points sharing a cell are set on a small circle around it (two circles past eight), in a
    fixed order, so the same radar always draws the same matrix.
    """
    rated = table[table["relevance"].notna() & table["maturity"].notna()]
    maturities, relevances = rated["maturity"].astype(float), rated["relevance"].astype(float)
    cells = [(float(round(m)), float(r)) for m, r in zip(maturities, relevances, strict=True)]
    names = rated["name"].tolist()
    order = sorted(range(len(cells)), key=lambda i: (cells[i], names[i]))  # each cell's points together, by name
    sizes = Counter(cells)
    placed: Counter = Counter()
    xs, ys = [], []
    for x0, y0 in (cells[i] for i in order):
        k, i = sizes[(x0, y0)], placed[(x0, y0)]
        placed[(x0, y0)] += 1
        if k == 1:
            dx = dy = 0.0
        else:
            inner = min(k, 8)
            radius, slots, slot = (spread, inner, i) if i < 8 else (spread * 1.6, k - 8, i - 8)
            angle = math.pi / 2 + 2 * math.pi * slot / slots
            dx, dy = radius * math.cos(angle), radius * 0.8 * math.sin(angle)
        xs.append(x0 + dx)
        ys.append(y0 + dy)
    rated = rated.iloc[order]
    quadrants = [quadrant(m, r) for m, r in zip(rated["maturity"], rated["relevance"], strict=True)]
    return rated.assign(x=xs, y=ys, quadrant=quadrants).reset_index(drop=True)


def change_text(detail: str, lang: str) -> str:
    """A logged change's detail in words, e.g. "AI: status, note; Droner"."""
    try:
        items = json.loads(detail)
    except ValueError:
        return detail
    parts = []
    for name, fields in items:
        words = [t(f"own_field_{f}", lang) if f"own_field_{f}" in CATALOGUE else f for f in fields]
        parts.append(f"{name}: {', '.join(words)}" if name and words else name or ", ".join(words))
    return "; ".join(parts)


def _edits(change: Mapping[str, object]) -> Iterator[tuple[Mapping[str, object], Mapping[str, object], str]]:
    """(before, after, field) for every entry field a logged change edited on an entry it kept."""
    before = change["before"].get("entries", {})
    for entry_id, new in change["after"].get("entries", {}).items():
        old = before.get(entry_id)
        if old is not None and new is not None:
            yield from ((old, new, f) for f in ENTRY_FIELDS if old.get(f) != new.get(f))


def edited_fields(change: Mapping[str, object]) -> set[str]:
    """The entry fields a logged change edited on entries it kept (none for adding, removing or the radar's facts)."""
    return {field for _, _, field in _edits(change)}


#: Entries named in a change's summary on the undo button; more are counted.
SUMMARY_ITEMS = 2


def _value_text(field: str, value: object, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return "–"
    if field == "status":
        return t(f"stage_{int(value)}", lang).lower()
    if field == "ring":
        return t(f"ring_{value}", lang)
    text = " ".join(str(value).split())
    return text if len(text) <= 30 else text[:29] + "…"


def change_summary(change: Mapping[str, object], lang: str) -> str:
    """One logged change in words, with the values before and after, e.g.
    "status for Droner: afprøver → overvejer" or "tilføjet: Droner, Apps" (a change from next_change or history)."""
    before, after = change["before"], change["after"]
    if change["action"] == "dialogue":
        return dialogue.change_summary(change, lang)
    if change["action"] == "renumber":
        return t("own_change_renumbered", lang)
    if change["action"] == "meta":
        parts = [
            f"{t('own_field_radar_' + k if k != 'name' else 'own_field_radar_name', lang).lower()}: "
            f"{_value_text(k, before['meta'].get(k), lang)} → {_value_text(k, after['meta'].get(k), lang)}"
            for k in after["meta"]
        ]
        return "; ".join(parts)
    added = [row["name"] for entry_id, row in after["entries"].items() if before["entries"].get(entry_id) is None and row]
    removed = [row["name"] for entry_id, row in before["entries"].items() if after["entries"].get(entry_id) is None and row]
    edits = [
        t("own_change_edit", lang, field=t(f"own_field_{field}", lang), name=new["name"],
          before=_value_text(field, old.get(field), lang), after=_value_text(field, new.get(field), lang))
        for old, new, field in _edits(change)
    ]  # fmt: skip
    parts = []
    for key, items in (("own_change_added", added), ("own_change_removed", removed)):
        if items:
            shown = ", ".join(items[:SUMMARY_ITEMS]) + (f" (+{len(items) - SUMMARY_ITEMS})" if len(items) > SUMMARY_ITEMS else "")
            parts.append(t(key, lang, names=shown))
    parts += edits[:SUMMARY_ITEMS]
    if len(edits) > SUMMARY_ITEMS:
        parts.append(t("own_change_more", lang, count=len(edits) - SUMMARY_ITEMS))
    return "; ".join(parts)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(when: date, lang: str) -> str:
    return f"{when.day} {_MONTHS_EN[when.month - 1]} {when.year}" if lang == "en" else when.strftime("%d.%m.%Y")


def format_date(value: object, lang: str = "da") -> str:
    """A date as the language writes it: 27.11.2026 in Danish, 27 Nov 2026 in English ("" when empty)."""
    if _blank(value) or value == "":
        return ""
    if isinstance(value, date):
        return _day(value, lang)
    try:
        return _day(date.fromisoformat(str(value)[:10]), lang)
    except ValueError:
        return str(value)


def local_time(value: object, lang: str = "da", zone: str = "Europe/Copenhagen") -> str:
    """A stored UTC timestamp as local day and time, e.g. 27.11.2026 20:16 (27 Nov 2026 20:16 in English)."""
    if _blank(value):
        return ""
    stamp = pd.Timestamp(value)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
    local = stamp.tz_convert(zone)
    return f"{_day(local.date(), lang)} {local.strftime('%H:%M')}"


def technologies_text(count: int, lang: str = "da") -> str:
    """ "1 teknologi", "5 teknologier" (in English "1 technology", "5 technologies")."""
    return t("own_technologies_one" if count == 1 else "own_technologies_other", lang, count=count)


# --- new radars --------------------------------------------------------------------------------
#: What a radar started from the country brings: every placed technology, only those the country
#: has in KLAR or AFPRØV, or the ones the group picks.
STARTER_CHOICES: tuple[str, ...] = ("all", "ready", "pick")


def starter_entries(
    national: pd.DataFrame, catalogue: pd.DataFrame, bring: str = "all", picked: Iterable[str] = ()
) -> list[dict[str, object]]:
    """Entries of a new radar started from a national (combined or domain) radar, in the national
    reading order (ring inner first, then score) so the new radar's numbers read like it: every placed
    technology (`bring` "all"), those in KLAR or AFPRØV ("ready"), or those in `picked` ("pick")."""
    placed = national[national["ring"].notna()]
    if bring == "ready":
        placed = placed[placed["ring"].isin(RING_KEYS[:2])]
    elif bring == "pick":
        placed = placed[placed["technology"].isin(set(picked))]
    order = list(pipeline.number_blips(placed)["technology"]) if len(placed) else []
    cat = catalogue.set_index("id")
    return [
        {"technology_id": tech, "name": cat.at[tech, "name"], "category": cat.at[tech, "category"]}
        for tech in order
        if tech in cat.index
    ]


def catalogue_entry(technology_id: str, catalogue: pd.DataFrame) -> dict[str, object]:
    """A new entry for a catalogue technology (name and category copied for storage)."""
    row = catalogue.set_index("id").loc[technology_id]
    return {"technology_id": technology_id, "name": row["name"], "category": row["category"]}


# --- files: entries <-> our own export format ------------------------------------------------
def export_rows(table: pd.DataFrame) -> list[Entry]:
    """The radar's entries as Entries for a file, in table order, each with the maturity the group set.

    `ring` is the ring shown on the local radar; `ring_raw` holds the ring key when the
    group set it by hand (empty when computed), so opening the file again restores it.
    """
    rows = []
    for _, row in table.iterrows():
        ring = row["ring"] if isinstance(row["ring"], str) else None
        rows.append(
            Entry(
                technology_id=row["technology_id"] if isinstance(row["technology_id"], str) else "",
                name=str(row["name"]),
                category=str(row["category"] or ""),
                description=str(row["description"] or ""),
                ring=ring,
                ring_raw=ring if row["hand_set"] else "",
                ring_reason=str(row["ring_reason"] or ""),
                status=None if _blank(row["status"]) else int(row["status"]),
                relevance=None if _blank(row["relevance"]) else int(row["relevance"]),
                note=str(row["note"] or ""),
                owner=str(row["owner"] or ""),
                next_step=str(row["next_step"] or ""),
                maturity=None if _blank(row["own_maturity"]) else int(row["own_maturity"]),
            )
        )
    return rows


def export_meta(meta: Mapping[str, object]) -> RadarMeta:
    """The radar's facts for a file."""
    return RadarMeta(
        name=str(meta.get("name") or ""),
        municipality=str(meta.get("municipality") or ""),
        domain=str(meta.get("domain") or ""),
        date=str(meta.get("date") or ""),
    )


def meta_from_file(meta: RadarMeta, filename: str, domains: Iterable[str]) -> dict[str, object]:
    """The facts of a radar opened from a file; the file's name when it names no radar."""
    stem = plain_text(re.sub(r"\.[A-Za-z0-9]{1,5}$", "", filename.replace("\\", "/").rsplit("/", 1)[-1]))
    return {
        "name": truncate(meta.name or stem or "Radar", MAX_RADAR_NAME),
        "municipality": truncate(meta.municipality, MAX_RADAR_NAME),
        "domain": meta.domain if meta.domain in set(domains) else None,
        "date": meta.date if _DATE.match(meta.date or "") else "",
    }


@dataclass(frozen=True)
class FileRadar:
    """A radar made from a read file: its facts, the entries to store, and how many descriptions were shortened."""

    meta: dict[str, object]
    entries: list[dict[str, object]]
    shortened: int = 0


def radar_from_file(
    result: ReadResult,
    filename: str,
    catalogue: pd.DataFrame,
    categories: pd.DataFrame,
    domains: Iterable[str],
    lang: str = "da",
) -> FileRadar:
    """The one way any read file becomes a radar, on the own-radar page and the Import page alike.

    Facts from meta_from_file, entries from entries_from_rows: nothing the file carries (its own
    sectors, the group's maturity, rings set by hand) is lost on either path.
    """
    entries, shortened = entries_from_rows(result.entries, catalogue, categories, source=filename, lang=lang)
    return FileRadar(meta_from_file(result.meta, filename, domains), entries, shortened)


def category_ids(categories: pd.DataFrame) -> dict[str, str]:
    """Our category ids by folded id and name (every name column given): what a file may call them."""
    lookup: dict[str, str] = {}
    for column in ("name_en", "name_da", "name", "id"):
        if column in categories:
            lookup.update({vocab_key(v): str(i) for v, i in zip(categories[column], categories["id"], strict=True)})
    return lookup


def entries_from_rows(
    rows: Iterable[Entry], catalogue: pd.DataFrame, categories: pd.DataFrame, *, source: str = "", lang: str = "da"
) -> tuple[list[dict[str, object]], int]:
    """Entries to store from Entries read from a file (the inverse of export_rows), and how many
    descriptions were shortened to fit.

    - A technology_id of our catalogue links the entry to it (once; a second entry with the same
      id stays the group's own technology); anything else is the group's own.
    - A category that names one of ours (id or name, either language) becomes our id; any other
      is kept as the radar's own sector; none becomes "Uden kategori". Nothing moves sector.
    - A ring counts as set by hand when the file states a ring of its own (ring_raw): our export
      writes it only for rings set by hand, other tools always. A hand ring without a reason from
      another tool's vocabulary gets one naming the file.
    - The maturity the group set is kept; descriptions become plain text within the limit.
    """
    lookup = category_ids(categories)
    known = set(catalogue["id"])
    used: set[str] = set()
    result: list[dict[str, object]] = []
    shortened = 0
    for e in rows:
        tech = e.technology_id if e.technology_id in known and e.technology_id not in used else None
        if tech:
            used.add(tech)
            base = catalogue_entry(tech, catalogue)
        else:
            text = description_text(e.description)
            if len(text) > MAX_LONG:
                text, shortened = truncate(text, MAX_LONG), shortened + 1
            category = lookup.get(vocab_key(e.category), e.category) if e.category else t("import_no_category", lang)
            base = {"technology_id": None, "name": e.name, "category": category, "description": text}
        hand = e.ring if e.ring in RING_KEYS and e.ring_raw.strip() else None
        reason = e.ring_reason
        if hand and not reason.strip() and vocab_key(e.ring_raw) not in RING_KEYS:
            reason = t("import_ring_reason_default", lang, source=source, raw=e.ring_raw)
        base.update(
            maturity=e.maturity, status=e.status, relevance=e.relevance, ring=hand, ring_reason=truncate(reason, MAX_LONG),
            note=e.note, owner=e.owner, next_step=e.next_step,
        )  # fmt: skip
        result.append(base)
    return result, shortened
