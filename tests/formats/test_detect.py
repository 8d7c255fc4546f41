"""read_radar_file: the format comes from the content; anything unreadable is a typed ImportError_."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from radar.errors import ImportError_
from radar.formats import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    FileTooLargeError,
    TooManyRowsError,
    read_radar_file,
    write_own_csv,
    write_own_json,
    write_own_xlsx,
)
from radar.formats.model import Entry

from .helpers import BYOR_HEADER, csv_bytes, xlsx_bytes

BYOR_CSV = csv_bytes([BYOR_HEADER, ("Droner", "trial", "Tools", "TRUE", "")])
BYOR_JSON = json.dumps([{"name": "Droner", "ring": "trial", "quadrant": "Tools"}]).encode()
ZALANDO = json.dumps({"date": "2026.05", "entries": [{"label": "Droner", "quadrant": 1, "ring": 1}]}).encode()
BACKSTAGE = json.dumps(
    {"rings": [{"id": "trial"}], "quadrants": [], "entries": [{"title": "Droner", "timeline": [{"ringId": "trial"}]}]}
).encode()
ENTRIES = (Entry(name="Droner", ring="afproev"),)


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (BYOR_CSV, "byor_csv"),
        (BYOR_JSON, "byor_json"),
        (ZALANDO, "zalando_json"),
        (BACKSTAGE, "backstage_json"),
        (write_own_csv(ENTRIES), "teknologiradar_csv"),
        (write_own_xlsx(ENTRIES), "teknologiradar_xlsx"),
        (write_own_json(ENTRIES), "teknologiradar_json"),
        (xlsx_bytes({"Ark1": [BYOR_HEADER, ("Droner", "trial", "Tools", "TRUE", "")]}), "byor_xlsx"),
    ],
)
@pytest.mark.parametrize("filename", ["", "radar.csv", "radar.json", "radar.xlsx", "billede.png"])
def test_format_is_recognised_from_content_not_file_name(data: bytes, fmt: str, filename: str) -> None:
    result = read_radar_file(data, filename)
    assert result.format == fmt
    assert [(e.name, e.ring) for e in result.entries] == [("Droner", "afproev")]


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


NOT_RADAR_FILES = [
    pytest.param(b"", "import_empty_file", id="empty"),
    pytest.param(b" \r\n\t\n", "import_empty_file", id="only whitespace"),
    pytest.param(b"\xef\xbb\xbf", "import_empty_file", id="only a BOM"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "import_not_radar_file", id="png"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "import_not_radar_file", id="pdf"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "import_old_xls", id="old xls"),
    pytest.param(bytes(range(256)) * 4, "import_not_text", id="random-looking bytes"),
    pytest.param(_zip({"readme.txt": b"hello"}), "import_not_radar_file", id="zip that is not xlsx"),
    pytest.param(b"PK\x03\x04" + b"garbage" * 20, "import_xlsx_unreadable", id="broken zip"),
    pytest.param(
        _zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"not xml"}), "import_xlsx_unreadable", id="broken xlsx"
    ),
    pytest.param(b'{"a": 1}', "import_json_shape", id="json object of another kind"),
    pytest.param(b"[1, 2, 3]", "import_json_shape", id="json list of numbers"),
    pytest.param(b"[]", "import_json_shape", id="empty json list"),
    pytest.param(b'{"entries": "none"}', "import_json_shape", id="entries not a list"),
    pytest.param(b'{"quadrants": [{"name": "Tools"}], "rings": [{"name": "ADOPT"}]}', "import_config_not_radar", id="config"),
    pytest.param(b'{"fields": [{"name": "name", "type": "string"}]}', "import_json_shape", id="table schema"),
    pytest.param(b'{"name": "Droner", ', "import_json_invalid", id="truncated json"),
    pytest.param(b"[" * 100_000, "import_json_invalid", id="absurd nesting"),
    pytest.param(b"[" + b"9" * 10_000 + b"]", "import_json_invalid", id="absurd number"),
    pytest.param(b"---\ntitle: Helm\nring: adopt\n---\nSome markdown\n", "import_no_name_column", id="markdown"),
    pytest.param(b"id;titel\n1;2\n", "import_no_name_column", id="csv without a name column"),
]


@pytest.mark.parametrize(("data", "key"), NOT_RADAR_FILES)
def test_files_that_are_not_radar_files_give_a_plain_typed_error(data: bytes, key: str) -> None:
    with pytest.raises(ImportError_) as caught:
        read_radar_file(data, "upload.csv")
    assert caught.value.key == key


def test_file_over_the_size_limit() -> None:
    data = b"name\n" + b"x" * MAX_FILE_BYTES
    with pytest.raises(FileTooLargeError) as caught:
        read_radar_file(data)
    assert caught.value.key == "import_file_too_large"
    assert caught.value.params["max_mb"] == 20


def _rows(count: int) -> list[tuple[str, ...]]:
    return [BYOR_HEADER, *((f"Teknologi {n}", "adopt", "Tools", "FALSE", "") for n in range(count))]


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda n: csv_bytes(_rows(n)), id="csv"),
        pytest.param(lambda n: xlsx_bytes({"Ark1": _rows(n)}), id="xlsx"),
        pytest.param(lambda n: json.dumps([{"name": f"T{i}", "ring": "adopt"} for i in range(n)]).encode(), id="byor json"),
        pytest.param(
            lambda n: json.dumps({"entries": [{"label": f"T{i}", "quadrant": 0, "ring": 0} for i in range(n)]}).encode(),
            id="zalando",
        ),
    ],
)
def test_row_limit(build) -> None:  # noqa: ANN001
    assert read_radar_file(build(MAX_ROWS)).rows == MAX_ROWS
    with pytest.raises(TooManyRowsError) as caught:
        read_radar_file(build(MAX_ROWS + 1))
    assert (caught.value.key, caught.value.params) == ("import_too_many_rows", {"max_rows": MAX_ROWS})


def test_xlsx_that_unpacks_too_large_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("radar.formats.limits.SheetLimits.BASE_UNZIPPED_BYTES", 1_000)
    monkeypatch.setattr("radar.formats.limits.SheetLimits.UNZIPPED_BYTES_PER_ROW", 1)
    with pytest.raises(FileTooLargeError) as caught:
        read_radar_file(xlsx_bytes({"Ark1": _rows(50)}))
    assert caught.value.key == "import_xlsx_unpacked_too_large"


def test_blank_lines_are_not_data_rows() -> None:
    data = b"name,ring\n\nDroner,trial\n\n,\n   \nApps,adopt\n"
    result = read_radar_file(data)
    assert [(r.line, r.name) for r in result.report] == [(3, "Droner"), (7, "Apps")]
