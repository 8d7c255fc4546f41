"""Exports of an own radar for the minutes, and opening our own export again.

- PNG: drawn on the server by kaleido driving Debian's Chromium; works offline (no MathJax,
  plotly.js from the installed plotly package).
- HTML: one standalone page with plotly.js embedded; opens offline, stays interactive.
- CSV / XLSX / JSON: our own format from radar.formats (spreadsheet formulas neutralised).

Every file carries radar.formats.Entry, the one record of an own-radar entry, with the
maturity a group sets for its own technologies, so a round trip through any of them
recreates an identical radar (radar.own.radar_from_file turns what is read into one).
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go

from radar.errors import ImportError_
from radar.formats.jsonutil import load_json
from radar.formats.limits import check_size
from radar.formats.model import Entry, RadarMeta, ReadResult
from radar.formats.own import (
    append_text_row,
    own_json_result,
    read_own_csv,
    read_own_xlsx,
    write_own_csv,
    write_own_json,
    write_own_xlsx,
)
from radar.formats.tabular import XLSX_MAGIC
from radar.i18n import t
from radar.safe import plain

#: Debian's Chromium; CHROMIUM_PATH (or kaleido's own BROWSER_PATH) overrides it.
DEFAULT_CHROMIUM = "/usr/bin/chromium"
PNG_WIDTH = 1600
PNG_SCALE = 1.0


def chromium_path() -> str:
    """The Chromium binary kaleido drives."""
    return os.environ.get("CHROMIUM_PATH") or os.environ.get("BROWSER_PATH") or DEFAULT_CHROMIUM


def figure_png(fig: go.Figure, width: int = PNG_WIDTH, height: int | None = None) -> bytes:
    """The figure as PNG bytes, rendered on the server by kaleido + Chromium (offline)."""
    import kaleido  # imported late: starting it is only needed when someone asks for a PNG

    fig_dict = fig.to_dict()
    height = height or fig_dict.get("layout", {}).get("height") or 900
    return kaleido.calc_fig_sync(
        fig_dict,
        opts={"format": "png", "width": width, "height": height, "scale": PNG_SCALE},
        kopts={"path": chromium_path(), "mathjax": False},
    )


def file_stem(name: str) -> str:
    """A safe file name stem from the radar's name (letters incl. æøå, digits, - and _)."""
    stem = re.sub(r"[^\w\-]+", "-", name, flags=re.UNICODE).strip("-_")
    return stem[:60] or "radar"


@dataclass(frozen=True)
class HtmlTable:
    """A plain table for the HTML export: header cells and rows of text."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]


def standalone_html(title: str, subtitle: str, figures: Sequence[go.Figure], table: HtmlTable | None, footer: str) -> bytes:
    """One self-contained HTML page (UTF-8) with plotly.js embedded: opens offline, stays interactive."""
    parts = []
    for index, fig in enumerate(figures):
        parts.append(
            fig.to_html(
                full_html=False,
                include_plotlyjs=index == 0,
                config={"displaylogo": False, "responsive": True},
                default_width="100%",
            )
        )
    table_html = ""
    if table is not None:
        head = "".join(f"<th>{plain(str(c))}</th>" for c in table.header)
        body = "".join("<tr>" + "".join(f"<td>{plain(str(c))}</td>" for c in row) + "</tr>" for row in table.rows)
        table_html = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    page = f"""<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{plain(title)}</title>
<style>
body {{font-family: "Source Sans Pro", Helvetica, Arial, sans-serif; color: #1b2a41;
       margin: 2rem auto; max-width: 1400px; padding: 0 1rem;}}
h1 {{margin-bottom: .2rem;}} .sub {{color: #4a5a70; margin-top: 0;}}
table {{border-collapse: collapse; width: 100%; margin-top: 1.5rem; font-size: .95rem;}}
th, td {{border: 1px solid #cfd8e3; padding: .35rem .5rem; text-align: left; vertical-align: top; white-space: pre-wrap;}}
th {{background: #eef3f8;}} footer {{margin-top: 2rem; color: #4a5a70; font-size: .85rem;}}
</style></head><body>
<h1>{plain(title)}</h1><p class="sub">{plain(subtitle)}</p>
{"".join(parts)}
{table_html}
<footer>{plain(footer)}</footer>
</body></html>
"""
    return page.encode("utf-8")


def entries_csv(rows: Sequence[Entry]) -> bytes:
    """The entries as our own CSV (UTF-8 with BOM, ';'-separated, formulas neutralised)."""
    return write_own_csv(rows)


MINUTES_COLUMNS: tuple[str, ...] = (
    "col_technology",
    "col_category",
    "own_col_ring_shown",
    "own_col_reason",
    "own_col_status",
    "own_col_relevance",
    "own_col_note",
    "own_col_owner",
    "own_col_next",
)


def minutes_rows(rows: Sequence[Entry], lang: str, category_names: Mapping[str, str]) -> list[list[object]]:
    """The entries in words for the minutes: ring and status names, not codes (header row first)."""
    table: list[list[object]] = [[t(key, lang) for key in MINUTES_COLUMNS]]
    for e in rows:
        table.append([
            e.name, category_names.get(e.category, e.category), t("ring_" + e.ring, lang) if e.ring else "",
            e.ring_reason, t(f"stage_{e.status}", lang) if e.status is not None else "", e.relevance, e.note, e.owner,
            e.next_step,
        ])  # fmt: skip
    return table


def entries_xlsx(
    rows: Sequence[Entry],
    meta: RadarMeta,
    lang: str = "da",
    category_names: Mapping[str, str] | None = None,
    notice: str = "",
) -> bytes:
    """The entries as our own XLSX, and a minutes sheet in words that Excel opens on.

    The data sheet stays first, so opening the file as a radar reads it back exactly.
    """
    import openpyxl  # imported late: only needed for spreadsheets

    data = write_own_xlsx(rows, meta)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    bold = copy.copy(workbook.worksheets[0].cell(row=1, column=1).font)
    minutes = workbook.create_sheet(t("own_export_minutes_sheet", lang))
    if notice:  # the sample-data notice heads the sheet the minutes are read from
        append_text_row(minutes, [notice])
        minutes.cell(row=1, column=1).font = bold
    for values in minutes_rows(rows, lang, category_names or {}):
        append_text_row(minutes, values)
    header = 2 if notice else 1
    for cell in minutes[header]:
        cell.font = bold
    minutes.freeze_panes = f"A{header + 1}"
    for letter, width in zip("ABCDEFGHI", (28, 22, 12, 30, 16, 10, 40, 18, 30), strict=True):
        minutes.column_dimensions[letter].width = width
    workbook.active = workbook.index(minutes)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def radar_json(rows: Sequence[Entry], meta: RadarMeta, notice: str = "", extra: Mapping[str, object] | None = None) -> bytes:
    """The whole radar as our own JSON, the sample-data notice when the radar was compared with sample
    data, and `extra` keys (the workshop rounds)."""
    document = json.loads(write_own_json(rows, meta))
    if notice:
        document["notice"] = notice
    document.update(extra or {})
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def read_own_export(data: bytes, filename: str = "", known_categories: Sequence[str] = ()) -> ReadResult:
    """Read our own JSON, XLSX or CSV export back (format from the content, not the name).

    The same guarded readers as any import; each Entry carries its maturity. Anything that is
    not our own format is an ImportError_.
    """
    check_size(data)
    if data.startswith(XLSX_MAGIC):
        return read_own_xlsx(data, filename, known_categories=known_categories)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return own_json_result(load_json(data), known_categories=known_categories)
    if Path(filename).suffix.lower() in (".csv", ".txt", ""):
        return read_own_csv(data, filename, known_categories=known_categories)
    raise ImportError_("own_error_not_export")
