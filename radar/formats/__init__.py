"""Radar file formats: read any supported file into Entries with a full report, and write ours.

Readers: read_radar_file (recognises the format from the content), or one per format; a shape
no reader knows through source_table and read_mapped with a FieldMapping the user picks.
Writers: own CSV/XLSX/JSON and BYOR CSV. Pure Python: no Streamlit, no database.
"""

from radar.formats.backstage import read_backstage_json
from radar.formats.byor import read_byor_csv, read_byor_json, read_byor_xlsx, write_byor_csv
from radar.formats.custom import FieldMapping, SourceTable, guess_mapping, read_mapped, source_table
from radar.formats.detect import read_radar_file
from radar.formats.limits import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    FileTooLargeError,
    TooManyRowsError,
)
from radar.formats.mapping import apply_category_mapping, apply_ring_mapping, default_ring
from radar.formats.model import (
    ACCEPTED,
    ACCEPTED_WITH_CHANGE,
    OWN_FIELDS,
    REJECTED,
    Entry,
    RadarMeta,
    ReadResult,
    Reason,
    ReportRow,
)
from radar.formats.own import (
    read_own_csv,
    read_own_json,
    read_own_xlsx,
    write_own_csv,
    write_own_json,
    write_own_xlsx,
)
from radar.formats.report import render_reason, render_report_row, render_summary
from radar.formats.tabular import xlsx_sheets
from radar.formats.zalando import read_zalando_json

__all__ = [
    "ACCEPTED",
    "ACCEPTED_WITH_CHANGE",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "OWN_FIELDS",
    "REJECTED",
    "Entry",
    "FieldMapping",
    "FileTooLargeError",
    "RadarMeta",
    "ReadResult",
    "Reason",
    "ReportRow",
    "SourceTable",
    "TooManyRowsError",
    "apply_category_mapping",
    "apply_ring_mapping",
    "default_ring",
    "guess_mapping",
    "read_backstage_json",
    "read_byor_csv",
    "read_byor_json",
    "read_byor_xlsx",
    "read_mapped",
    "read_own_csv",
    "read_own_json",
    "read_own_xlsx",
    "read_radar_file",
    "read_zalando_json",
    "render_reason",
    "render_report_row",
    "render_summary",
    "source_table",
    "write_byor_csv",
    "write_own_csv",
    "write_own_json",
    "write_own_xlsx",
    "xlsx_sheets",
]
