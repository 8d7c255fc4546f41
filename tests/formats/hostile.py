"""Files found to break the readers (section 3 of the hostile-files issue), as bytes, by name.

Each is a fixed example of the property tests (test_properties.py) and has a test of its own
with the expected outcome (test_hostile.py).
"""

from __future__ import annotations

import json

from .helpers import BYOR_HEADER, csv_bytes, hand_made_xlsx, inline_cell, sheet_xml

SURROGATE_NAME = "\ud800x"


def _json(document: object) -> bytes:
    # ensure_ascii writes the lone surrogate as the escape "\ud800", as a file would have it.
    return json.dumps(document).encode()


def deep_entity(text: str, depth: int = 49) -> str:
    """`text` with its '<' and '>' escaped `depth` times over: &amp;amp;…lt;."""
    chain = "&" + "amp;" * (depth - 1)
    return text.replace("<", chain + "lt;").replace(">", chain + "gt;")


def zip_bomb(unpacked: int = 4 * 1024 * 1024) -> bytes:
    """A workbook whose sheet is `unpacked` bytes of XML that compress about a thousand times."""
    padding = " " * unpacked
    return hand_made_xlsx(sheet_xml([f'<row r="1">{inline_cell("A1", "name")}</row>'], before=f"<?xml version='1.0'?>{padding}"))


REPRODUCERS: dict[str, bytes] = {
    "broken xlsx": b"PK\x03\x04garbage",
    "bogus comment in a description": csv_bytes([("name", "ring", "description"), ("A", "adopt", "a <![> b")]),
    "lone surrogate, own JSON": _json(
        {"format": "teknologiradar", "version": 1, "entries": [{"name": SURROGATE_NAME, "ring": "klar"}]}
    ),
    "lone surrogate, BYOR JSON": _json([{"name": SURROGATE_NAME, "ring": "adopt", "quadrant": "Tools"}]),
    "lone surrogate, Zalando": _json({"entries": [{"label": SURROGATE_NAME, "quadrant": 0, "ring": 0}]}),
    "lone surrogate, Backstage": _json({"entries": [{"title": SURROGATE_NAME, "timeline": [{"ringId": "adopt"}]}]}),
    "lone surrogate, own JSON version": _json({"format": "teknologiradar", "version": SURROGATE_NAME, "entries": []}),
    "60 KB of '<a '": csv_bytes([("name", "description"), ("A", "<a " * 20_000)]),
    "zip bomb": zip_bomb(),
    "unclosed quote": b'name,ring,quadrant\nA,adopt,Tools\n"B,adopt,Tools\nC,adopt,Tools\nD,adopt,Tools\nE,adopt,Tools\n',
    "Zalando inactive, quadrant 7": _json({"entries": [{"label": "X", "quadrant": 7, "ring": 0, "active": False}]}),
    "header only": b"name,ring,quadrant\n",
    "invisible names": "name,ring\n\u200b\u200e\u202e,adopt\nA\u200bB,adopt\nAB,adopt\n".encode(),
    "entity nested 49 deep": csv_bytes([("name", "ring"), (deep_entity("<script>alert(1)</script>Droner"), "adopt")]),
    "field longer than the csv module's limit": csv_bytes([BYOR_HEADER, ("x" * 200_000, "adopt", "", "", "")]),
    "relevant -1": b"respondent_id,municipality_code,domain,technology,stage,relevant\nR-1,101,social-sundhed,video,3,-1\n",
}
