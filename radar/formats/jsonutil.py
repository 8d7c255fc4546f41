"""Parsing JSON uploads safely, and turning JSON values into cell text."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from radar.errors import ImportError_
from radar.formats.limits import check_size
from radar.formats.tabular import cell_text, header_key
from radar.formats.text import decode_text


def load_json(data: bytes) -> Any:
    """The parsed JSON document in `data`; ImportError_ when it is not JSON."""
    check_size(data)
    return parse_json_text(decode_text(data))


def parse_json_text(text: str) -> Any:
    """The parsed JSON document in `text`; ImportError_ when it is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportError_("import_json_invalid", line=error.lineno, column=error.colno) from None
    except (ValueError, RecursionError):  # absurdly long numbers or nesting
        raise ImportError_("import_json_invalid", line=1, column=1) from None


def is_scalar(value: object) -> bool:
    """True for values a cell can hold: strings, numbers, booleans and null."""
    return value is None or isinstance(value, (str, int, float, bool))


def cell(value: object) -> str:
    """A scalar JSON value as cell text (null -> "", true -> "TRUE", 3.0 -> "3"), as spreadsheets give it."""
    return cell_text(value)


def object_fields(item: object, aliases: Mapping[str, str]) -> dict[str, str] | None:
    """Field -> cell text for the keys of a JSON object we understand; None if one isn't scalar.

    Keys are matched through `aliases` (folded header spelling -> field); unknown keys are
    ignored whatever they hold, as BYOR ignores extra columns.
    """
    if not isinstance(item, dict):
        return None
    values: dict[str, str] = {}
    for key, value in item.items():
        role = aliases.get(header_key(str(key)))
        if role is None or role in values:
            continue
        if not is_scalar(value):
            return None
        values[role] = cell(value)
    return values
