"""The import report in words: a report row or a whole summary, in Danish or English."""

from __future__ import annotations

from radar.config import MOVEMENTS, RING_KEYS
from radar.formats.model import (
    ACCEPTED,
    ACCEPTED_WITH_CHANGE,
    FORMATS,
    OWN_FIELDS,
    REJECTED,
    STATUSES,
    ReadResult,
    Reason,
    ReportRow,
)
from radar.i18n import DEFAULT_LANGUAGE, t

#: Every catalogue key a report reason can carry.
REASON_KEYS: tuple[str, ...] = (
    "import_trimmed",
    "import_markup_removed",
    "import_truncated",
    "import_ring_mapped",
    "import_ring_unknown",
    "import_ring_missing",
    "import_value_invalid",
    "import_duplicate_merged",
    "import_name_missing",
    "import_row_invalid",
    "import_csv_quotes_repaired",
    "import_movement_derived",
    "import_invisible_removed",
    "import_csv_unclosed_quote",
    "import_zalando_inactive",
    "import_quadrant_out_of_range",
    "import_number_no_ring",
)
#: Every catalogue key an ImportError_ from this package can carry.
ERROR_KEYS: tuple[str, ...] = (
    "import_file_too_large",
    "import_too_many_rows",
    "import_empty_file",
    "import_not_text",
    "import_not_radar_file",
    "import_old_xls",
    "import_xlsx_unreadable",
    "import_sheet_missing",
    "import_no_name_column",
    "import_csv_malformed",
    "import_json_invalid",
    "import_json_shape",
    "import_config_not_radar",
    "import_config_invalid",
    "import_version_unsupported",
    "import_xlsx_unpacked_too_large",
    "import_xlsx_packed_too_tightly",
    "import_xlsx_too_many_cells",
    "import_xlsx_too_wide",
    "import_too_much_markup",
)
#: Fields a reason can name: ours, and the other formats' is_new (BYOR) and active (Zalando).
FIELD_NAMES: tuple[str, ...] = (*OWN_FIELDS, "is_new", "active")
#: All keys this package needs in the catalogue (checked by a test).
CATALOGUE_KEYS: tuple[str, ...] = (
    *REASON_KEYS,
    *ERROR_KEYS,
    *(f"import_status_{s}" for s in STATUSES),
    *(f"import_field_{f}" for f in FIELD_NAMES),
    *(f"import_movement_{m}" for m in MOVEMENTS),
    *(f"import_format_{f}" for f in FORMATS),
    *(f"ring_{r}" for r in RING_KEYS),
    "import_row_line",
    "import_row_line_name",
    "import_summary",
)


def _localised(params: dict[str, object], lang: str) -> dict[str, object]:
    # Keys travel in params (field/ring/movement names); words are chosen here, per language.
    shown = dict(params)
    if params.get("field") in FIELD_NAMES:
        shown["field"] = t(f"import_field_{params['field']}", lang)
    if params.get("ring") in RING_KEYS:
        shown["ring"] = t(f"ring_{params['ring']}", lang)
    if params.get("movement") in MOVEMENTS:
        shown["movement"] = t(f"import_movement_{params['movement']}", lang)
    return shown


def render_reason(reason: Reason, lang: str = DEFAULT_LANGUAGE) -> str:
    """One reason as a sentence in `lang`."""
    return t(reason.key, lang, **_localised(reason.params, lang))


def render_report_row(row: ReportRow, lang: str = DEFAULT_LANGUAGE) -> str:
    """One report row as a line of text, e.g. "Linje 7 (Kubernetes): Godkendt med ændring – …"."""
    where = (
        t("import_row_line_name", lang, line=row.line, name=row.name) if row.name else t("import_row_line", lang, line=row.line)
    )
    text = f"{where}: {t(f'import_status_{row.status}', lang)}"
    if row.reasons:
        text += " – " + "; ".join(render_reason(r, lang) for r in row.reasons)
    return text


def render_summary(result: ReadResult, lang: str = DEFAULT_LANGUAGE) -> str:
    """The report's counts as one sentence in `lang`."""
    return t(
        "import_summary",
        lang,
        format=t(f"import_format_{result.format}", lang),
        rows=result.rows,
        accepted=result.count(ACCEPTED),
        changed=result.count(ACCEPTED_WITH_CHANGE),
        rejected=result.count(REJECTED),
        entries=len(result.entries),
    )
