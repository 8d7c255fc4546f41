"""The entry model shared by every reader and writer, and the result of reading a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Report row statuses. Every data row of a file gets exactly one.
ACCEPTED = "accepted"
ACCEPTED_WITH_CHANGE = "accepted_with_change"
REJECTED = "rejected"
STATUSES: tuple[str, ...] = (ACCEPTED, ACCEPTED_WITH_CHANGE, REJECTED)

#: Local adoption stage (PRODUCT.md §4): 0 overvejer ikke, 1 overvejer, 2 afprøver, 3 i drift.
STATUS_VALUES: tuple[int, ...] = (0, 1, 2, 3)
RELEVANCE_VALUES: tuple[int, ...] = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Entry:
    """One technology on a radar: the one record every reader, writer and both reopen paths share.

    `maturity` is the technical maturity (1-5) a group sets for its own technologies; files
    from other tools have none.
    """

    name: str
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
    # Where the entry came from; not part of the entry's identity, so a round trip through
    # another format (where line numbers differ) still compares equal.
    line: int = field(default=0, compare=False)


#: Entry fields in file order for our own format (CSV/XLSX columns and JSON keys).
OWN_FIELDS: tuple[str, ...] = (
    "technology_id",
    "name",
    "category",
    "description",
    "ring",
    "ring_raw",
    "ring_reason",
    "status",
    "relevance",
    "note",
    "owner",
    "next_step",
    "movement",
    "maturity",
)


@dataclass(frozen=True)
class RadarMeta:
    """Facts about a whole radar (own JSON/XLSX carry all; other formats some)."""

    name: str = ""
    municipality: str = ""
    domain: str = ""
    date: str = ""


@dataclass(frozen=True)
class Reason:
    """Why a row was changed or rejected: a catalogue key and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportRow:
    """What happened to one data row of the file."""

    line: int
    status: str
    name: str = ""
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class ReadResult:
    """Everything a reader found: entries, a report row per data row, and what needs mapping."""

    format: str
    entries: tuple[Entry, ...]
    report: tuple[ReportRow, ...]
    unknown_rings: tuple[str, ...] = ()
    unknown_quadrants: tuple[str, ...] = ()
    meta: RadarMeta = field(default_factory=RadarMeta)

    @property
    def rows(self) -> int:
        """Number of data rows in the file (one report row each)."""
        return len(self.report)

    def count(self, status: str) -> int:
        """How many report rows have `status`."""
        return sum(1 for row in self.report if row.status == status)


#: Format names a ReadResult can carry.
OWN_CSV = "teknologiradar_csv"
OWN_XLSX = "teknologiradar_xlsx"
OWN_JSON = "teknologiradar_json"
BYOR_CSV = "byor_csv"
BYOR_XLSX = "byor_xlsx"
BYOR_JSON = "byor_json"
ZALANDO_JSON = "zalando_json"
BACKSTAGE_JSON = "backstage_json"
#: A shape no reader knows, read through a mapping the user picked (radar.formats.custom).
CUSTOM_CSV = "custom_csv"
CUSTOM_XLSX = "custom_xlsx"
CUSTOM_JSON = "custom_json"
FORMATS: tuple[str, ...] = (
    OWN_CSV, OWN_XLSX, OWN_JSON, BYOR_CSV, BYOR_XLSX, BYOR_JSON, ZALANDO_JSON, BACKSTAGE_JSON,
    CUSTOM_CSV, CUSTOM_XLSX, CUSTOM_JSON,
)  # fmt: skip
