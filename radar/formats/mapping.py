"""Foreign vocabularies -> ours: rings, movement, yes/no, adoption stage; and user mappings."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping
from dataclasses import replace

from radar.config import MOVEMENTS, RING_KEYS
from radar.formats.limits import MAX_SHORT_CHARS
from radar.formats.model import (
    ACCEPTED,
    ACCEPTED_WITH_CHANGE,
    REJECTED,
    Entry,
    ReadResult,
    Reason,
    ReportRow,
)
from radar.formats.text import shown

_IGNORED = re.compile(r"[\s_\-]+")


def vocab_key(value: object) -> str:
    """`value` folded for vocabulary look-ups: case, spaces, '-' and '_' ignored."""
    return _IGNORED.sub("", str(value).casefold())


# Our own names for the rings (keys, Danish and English labels): reading them is no change.
_OWN_RINGS: dict[str, str] = {
    "klar": "klar",
    "ready": "klar",
    "afprøv": "afproev",
    "afproev": "afproev",
    "trial": "afproev",
    "holdøje": "hold_oeje",
    "holdoeje": "hold_oeje",
    "watch": "hold_oeje",
    "afvent": "afvent",
    "wait": "afvent",
}

# Other radars' rings that have an obvious counterpart. Anything else is left for the
# mapping step rather than guessed (e.g. Redgate's explore/endure/retire, MoJ's RETAIN).
DEFAULT_RING_ALIASES: dict[str, str] = {
    # Thoughtworks / BYOR, Zalando, Backstage defaults; Thoughtworks renamed hold -> caution.
    "adopt": "klar",
    "assess": "hold_oeje",
    "hold": "afvent",
    "caution": "afvent",
    # Norwegian (e.g. Statistics Norway)
    "taibruk": "klar",
    "bruk": "klar",
    "prøvut": "afproev",
    "prøv": "afproev",
    "vurder": "hold_oeje",
    "utforsk": "hold_oeje",
    "avvent": "afvent",
    "unngå": "afvent",
    "avstå": "afvent",
}


def own_ring(value: str) -> str | None:
    """Our ring key when `value` is one of our own ring names, else None."""
    return _OWN_RINGS.get(vocab_key(value))


def default_ring(value: str) -> str | None:
    """Our ring key for `value` by our names or the default aliases, else None."""
    key = vocab_key(value)
    return _OWN_RINGS.get(key) or DEFAULT_RING_ALIASES.get(key)


def resolve_ring(raw: str) -> tuple[str | None, tuple[Reason, ...]]:
    """Ring key for the ring text `raw`, with the report reason when it was mapped or is unknown."""
    text = shown(raw, MAX_SHORT_CHARS)  # no ring name is longer; the report shows at most this
    if not text:
        return None, (Reason("import_ring_missing"),)
    own = own_ring(text)
    if own is not None:
        return own, ()
    alias = DEFAULT_RING_ALIASES.get(vocab_key(text))
    if alias is not None:
        return alias, (Reason("import_ring_mapped", {"raw": text, "ring": alias}),)
    return None, (Reason("import_ring_unknown", {"raw": text}),)


_MOVEMENTS: dict[str, str] = {
    **{vocab_key(m): m for m in MOVEMENTS},
    "nochange": "unchanged",
    "ny": "new",
    "flyttetind": "moved_in",
    "flyttetud": "moved_out",
    "uændret": "unchanged",
}


def parse_movement(value: object) -> str | None:
    """Movement key for BYOR status / our own movement text, else None."""
    return _MOVEMENTS.get(vocab_key(value)) if value is not None else None


_BOOLEANS: dict[str, bool] = {
    "true": True, "yes": True, "ja": True, "1": True, "sand": True,
    "false": False, "no": False, "nej": False, "0": False, "falsk": False,
}  # fmt: skip


def parse_bool(value: object) -> bool | None:
    """True/False for yes/no-like values (JSON booleans, "TRUE", "false", "ja", 1), else None."""
    if isinstance(value, bool):
        return value
    if value is None:
        return None
    # Only case and outer spaces are ignored: vocab_key would drop the "-" of "-1" and read it as 1.
    return _BOOLEANS.get(str(value).strip().casefold())


_STAGES: dict[str, int] = {
    "overvejerikke": 0,
    "overvejer": 1,
    "afprøver": 2,
    "afproever": 2,
    "idrift": 3,
}


def parse_int(value: object, allowed: Container[int]) -> int | None:
    """`value` as an int in `allowed` ("3", 3, 3.0), else None."""
    text = str(value).strip()
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    if not number.is_integer():
        return None
    result = int(number)
    return result if result in allowed else None


def parse_status(value: object) -> int | None:
    """Adoption stage 0..3 from a number or its Danish label, else None."""
    stage = _STAGES.get(vocab_key(value))
    return stage if stage is not None else parse_int(value, range(4))


def unknown_rings(entries: Iterable[Entry]) -> tuple[str, ...]:
    """Ring texts still without a ring key, once each (case and spaces ignored), in file order."""
    found: dict[str, str] = {}
    for entry in entries:
        if entry.ring is None and entry.ring_raw:
            found.setdefault(vocab_key(entry.ring_raw), entry.ring_raw)
    return tuple(found.values())


def _with_reasons(row: ReportRow, reasons: tuple[Reason, ...]) -> ReportRow:
    if row.status == REJECTED:
        return row
    return replace(row, reasons=reasons, status=ACCEPTED_WITH_CHANGE if reasons else ACCEPTED)


def apply_ring_mapping(result: ReadResult, mapping: Mapping[str, str]) -> ReadResult:
    """A copy of `result` where entries whose ring text is in `mapping` get that ring key."""
    bad = [key for key in mapping.values() if key not in RING_KEYS]
    if bad:
        raise ValueError(f"not ring keys: {bad}")
    folded = {vocab_key(raw): key for raw, key in mapping.items()}
    entries = []
    changed_lines: dict[int, Reason] = {}
    for entry in result.entries:
        key = folded.get(vocab_key(entry.ring_raw)) if entry.ring_raw else None
        if key is None:
            entries.append(entry)
            continue
        entries.append(replace(entry, ring=key))
        changed_lines[entry.line] = Reason("import_ring_mapped", {"raw": entry.ring_raw, "ring": key})
    report = []
    for row in result.report:
        reason = changed_lines.get(row.line)
        if reason is None or row.status == REJECTED:
            report.append(row)
            continue
        kept = tuple(r for r in row.reasons if r.key not in ("import_ring_unknown", "import_ring_mapped"))
        report.append(_with_reasons(row, (reason, *kept)))
    return replace(result, entries=tuple(entries), report=tuple(report), unknown_rings=unknown_rings(entries))


def apply_category_mapping(result: ReadResult, mapping: Mapping[str, str]) -> ReadResult:
    """A copy of `result` where categories found in `mapping` (case-insensitive) are replaced."""
    folded = {vocab_key(raw): new for raw, new in mapping.items()}
    entries = tuple(
        replace(e, category=folded[vocab_key(e.category)]) if vocab_key(e.category) in folded else e for e in result.entries
    )
    unknown = tuple(q for q in result.unknown_quadrants if vocab_key(q) not in folded)
    return replace(result, entries=entries, unknown_quadrants=unknown)
