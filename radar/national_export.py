"""The national radar as files for other tools and for the minutes: BYOR CSV and our own CSV, Excel, JSON.

Pure: blips, catalogue frames and plain values in, bytes and file names out (radar.ui_import
offers them as downloads). Every file says what it holds in the reader's language: the
reason for each ring in words and numbers (radar.explain), and, while the edition is sample
data, the sample notice in its file name and inside it (each row's note, the radar's name,
and for BYOR, which has no notes, each description).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from radar import explain
from radar.formats import Entry, RadarMeta, write_byor_csv, write_own_csv, write_own_json, write_own_xlsx
from radar.i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportFile:
    """One download: its button label key, how to make its bytes, its file name and type."""

    label_key: str
    data: Callable[[], bytes]
    file_name: str
    mime: str


def national_entries(
    blips: pd.DataFrame, technologies: pd.DataFrame, categories: pd.DataFrame, lang: str, note: str = ""
) -> list[Entry]:
    """The national radar's placed technologies as Entries (for our own format and BYOR CSV).

    Category is the category's name in `lang` (what other tools show as a quadrant); the ring
    reason says why the ring in words and numbers, and on how many answers with a stage it rests.
    """
    texts = dict(zip(technologies["id"], technologies["description"], strict=True))
    cat_names = dict(zip(categories["id"], categories["name"], strict=True))
    entries = []
    for _, row in blips.sort_values("number").iterrows():
        reason = t(
            "import_national_reason",
            lang,
            reason=explain.ring_reason(row["maturity"], row["adoption"], row["score"], row["ring"], lang),
            count=t("count_stage", lang, n=explain.count_text(row["n"], lang)),
        )
        movement = row.get("movement")
        entries.append(
            Entry(
                name=str(row["name"]),
                technology_id=str(row["technology"]),
                category=str(cat_names.get(row["category"], row["category"])),
                description=str(texts.get(row["technology"], "")),
                ring=str(row["ring"]),
                ring_reason=reason,
                movement=movement if isinstance(movement, str) else None,
                note=note,
            )
        )
    return entries


def file_stem(year: int, scope: str | None, sample: bool, lang: str, kind: str = "") -> str:
    """The name (without extension) of any file of one edition and scope: "teknologiradar-2026-samlet-eksempeldata"."""
    parts = ["teknologiradar", str(year), scope or "samlet", kind, t("sample_file_suffix", lang) if sample else ""]
    return "-".join(part for part in parts if part)


def national_files(
    blips: pd.DataFrame,
    technologies: pd.DataFrame,
    categories: pd.DataFrame,
    year: int,
    scope: str | None,
    scope_label: str,
    sample: bool,
    lang: str,
) -> list[ExportFile]:
    """The four downloads of one edition and scope (None: combined), each saying so when it is sample data."""
    marker = t("sample_short", lang) if sample else ""
    note = t("import_national_note", lang, scope=scope_label, year=year) + (f" · {marker}" if sample else "")
    entries = national_entries(blips, technologies, categories, lang, note)
    # BYOR has no notes: the notice goes first in each description, which BYOR shows with the blip.
    byor = [replace(e, description=f"{marker}. {e.description}") for e in entries] if sample else entries
    name = f"Teknologiradar {year} – {scope_label}" + (f" ({marker})" if sample else "")
    meta = RadarMeta(name=name, domain=scope or "", date=str(year))
    stem = file_stem(year, scope, sample, lang)
    return [
        ExportFile("import_export_byor", lambda: write_byor_csv(byor), f"{stem}-byor.csv", "text/csv"),
        ExportFile("import_export_csv", lambda: write_own_csv(entries), f"{stem}.csv", "text/csv"),
        ExportFile("import_export_xlsx", lambda: write_own_xlsx(entries, meta), f"{stem}.xlsx", XLSX_MIME),
        ExportFile("import_export_json", lambda: write_own_json(entries, meta), f"{stem}.json", "application/json"),
    ]
