"""One entry point: recognise a radar file by its content and read it."""

from __future__ import annotations

from collections.abc import Iterable

from radar.errors import ImportError_
from radar.formats import backstage, byor, own, zalando
from radar.formats.build import build_result, meta_from
from radar.formats.jsonutil import load_json, parse_json_text
from radar.formats.limits import check_size
from radar.formats.model import BYOR_CSV, BYOR_XLSX, OWN_CSV, OWN_XLSX, ReadResult
from radar.formats.tabular import XLSX_MAGIC, Table, parse_csv, parse_xlsx, table_kind
from radar.formats.text import decode_text

# Files people upload by mistake; naming them gives a clearer message than "not text".
_OLD_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Only signatures no CSV header could start with (so not "BM" or "MZ").
_BINARY_MAGIC: tuple[bytes, ...] = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF-", b"\x1f\x8b", b"\x7fELF")
# Keys that make a JSON object a radar configuration rather than a list of technologies.
_CONFIG_KEYS = frozenset({"quadrants", "rings", "segments"})


def read_radar_file(
    data: bytes,
    filename: str = "",
    sheet: str | None = None,
    *,
    config: bytes | None = None,
    known_categories: Iterable[str] = (),
) -> ReadResult:
    """Read any supported radar file, recognised from its content (the file name is not trusted).

    `sheet` picks an .xlsx sheet (default the first); `config` is a Zalando radar config
    (JSON with quadrant and ring names); categories in `known_categories` are not reported
    as needing a mapping. Raises ImportError_ (or a subclass) for anything unreadable.
    """
    check_size(data)
    known = tuple(known_categories)
    if data.startswith(XLSX_MAGIC):
        table, meta = parse_xlsx(data, sheet)
        return _table_result(table, xlsx=True, meta=meta, known=known)
    if data.startswith(_OLD_XLS_MAGIC):
        raise ImportError_("import_old_xls")
    if data.startswith(_BINARY_MAGIC):
        raise ImportError_("import_not_radar_file")
    text = decode_text(data)
    if text.lstrip()[:1] in ("{", "["):
        return _json_result(parse_json_text(text), config, known)
    return _table_result(parse_csv(text), xlsx=False, meta={}, known=known)


def _table_result(table: Table, *, xlsx: bool, meta: dict[str, str], known: tuple[str, ...]) -> ReadResult:
    if table_kind(table) == "byor":
        records = byor.records_from_table(table)
        return build_result(BYOR_XLSX if xlsx else BYOR_CSV, records, known_categories=known)
    records = own.records_from_table(table)
    fmt = OWN_XLSX if xlsx else OWN_CSV
    return build_result(fmt, records, meta=meta_from(meta), known_categories=known)


def _json_result(document: object, config: bytes | None, known: tuple[str, ...]) -> ReadResult:
    if own.is_own_json(document):
        return own.own_json_result(document, known_categories=known)
    if backstage.is_backstage_json(document):
        return backstage.backstage_result(document, known_categories=known)
    if zalando.is_zalando_json(document):
        return zalando.zalando_result(document, _config(config), known_categories=known)
    if byor.is_byor_json(document):
        return byor.byor_json_result(document, known_categories=known)
    if isinstance(document, dict) and _CONFIG_KEYS & document.keys():
        raise ImportError_("import_config_not_radar")
    raise ImportError_("import_json_shape")


def _config(config: bytes | None) -> dict | None:
    if config is None:
        return None
    try:
        parsed = load_json(config)
    except ImportError_:
        raise ImportError_("import_config_invalid") from None
    if not isinstance(parsed, dict):
        raise ImportError_("import_config_invalid")
    return parsed
