"""Read the worst files we know of and report time and peak memory beside the targets.

    .venv/bin/python -m benchmarks.hostile_files

Every file up to the size limit (radar/formats/limits.py) must be read, or refused with our
typed error, within 5 s and 300 MB above the app's normal memory. The files are built in a
temp folder; each is read by the Import page's reader (radar.formats.read_radar_file) in a
fresh Python process, so one case's memory cannot hide another's: its peak resident size
while reading (VmHWM) minus its size just before (imports done, file in memory, as in the app). Targets
are reported, not asserted: these machines are shared and noisy (see benchmarks/bench.py).
"""

# Seeded random text stands in for prose (so it compresses like prose); nothing here is secret.
# ruff: noqa: S311

from __future__ import annotations

import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from radar.formats.limits import MAX_FILE_BYTES, MAX_MARKUP_CHARS, MAX_ROWS, SheetLimits

TARGET_SECONDS = 5.0
TARGET_MB = 300.0
_SHEET_START = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
_WORDS = [
    "".join(random.Random(n).choice("abcdefghijklmnopqrstuvwxyzæøå") for _ in range(random.Random(-n).randint(2, 11)))
    for n in range(2_000)
]


# --- the files -------------------------------------------------------------------------------------
def _text(rng: random.Random, size: int) -> str:
    """About `size` characters of words that compress like prose (3-4 times), not like a bomb."""
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(_WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def _csv(rows: list[list[str]]) -> bytes:
    import csv

    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _fill_to(limit: int, row: Callable[[int], str], header: str) -> bytes:
    """A CSV of `header` and rows made by `row(n)` as long as it stays within `limit` bytes."""
    parts, size, n = [header], len(header), 0
    while True:
        line = row(n)
        if size + len(line.encode()) > limit:
            return "".join(parts).encode("utf-8")
        parts.append(line)
        size += len(line.encode())
        n += 1


def _html_description(rng: random.Random, size: int, tags: int) -> str:
    """Prose of about `size` characters with `tags` / 2 bold words and a link: markup a real file has, a lot of it."""
    words = _text(rng, size).split(" ")
    step = max(len(words) // max(tags // 2, 1), 1)
    for i in range(0, len(words), step):
        words[i] = f"<b>{words[i]}</b>"
    return '<p><a href="https://example.dk/x?a=1&amp;b=2">kilde</a> ' + " ".join(words) + "</p>"


def _xlsx(sheet: str, members: dict[str, bytes] | None = None) -> bytes:
    """A minimal workbook around the sheet XML `sheet` (inline strings: no shared-strings part needed)."""
    parts = {
        "[Content_Types].xml": (
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            b'<Default Extension="xml" ContentType="application/xml"/>'
            b'<Override PartName="/xl/workbook.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            b'<Override PartName="/xl/worksheets/sheet1.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Target="xl/workbook.xml" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
        ),
        "xl/workbook.xml": (
            b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            b'<sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet.encode("utf-8"),
        **(members or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet(rows: list[list[str]]) -> str:
    def cell(ref: str, text: str) -> str:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{escaped}</t></is></c>'

    body = "".join(
        f'<row r="{r}">' + "".join(cell(f"{_column(c)}{r}", text) for c, text in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    return _SHEET_START + body + "</sheetData></worksheet>"


def _fitted(build: Callable[[float], bytes], size: Callable[[bytes], int], limit: int) -> bytes:
    """`build(scale)` with the largest scale (to within 2 %) whose `size` stays within `limit`."""
    scale = 1.0
    for _ in range(6):
        data = build(scale)
        if 0.96 * limit <= size(data) <= limit:
            return data
        scale *= 0.98 * limit / size(data)
    return build(scale * 0.95)


def _unzipped(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def xlsx_near_the_limits() -> bytes:
    """As big as a workbook may be: unpacked just under its limit, every cell the limit allows, markup close to the budget.

    Inline strings and no declared size: openpyxl's slowest way to read a sheet.
    """
    limits = SheetLimits()
    columns = limits.CELLS_PER_ROW - 1
    header = ["name", "ring", "quadrant", "description", *(f"extra {n}" for n in range(columns - 4))]
    tags = MAX_MARKUP_CHARS // MAX_ROWS - 12  # '<' in a description, '&' in its link: just inside the budget

    def build(scale: float) -> bytes:
        rng = random.Random(1)
        size = int(limits.unzipped_bytes / MAX_ROWS * scale)
        rows = [header] + [
            [f"Teknologi {n}", "adopt", rng.choice(["Tools", "Platforms"]), _html_description(rng, size, tags),
             *(_text(rng, 30) for _ in range(columns - 4))]
            for n in range(MAX_ROWS)
        ]  # fmt: skip
        return _xlsx(_sheet(rows))

    return _fitted(build, _unzipped, limits.unzipped_bytes)


def xlsx_bomb() -> bytes:
    """The issue's case: a small workbook whose sheet unpacks to 190 MB."""
    padding = " " * (190 * 1024 * 1024)
    return _xlsx(f"<?xml version='1.0'?>{padding}{_SHEET_START}</sheetData></worksheet>")


def xlsx_million_declared_rows() -> bytes:
    """Declared as A1:XFD1048576 with its last row at 1,048,576: openpyxl alone would pad a billion cells."""
    sheet = (
        _SHEET_START.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>')
        + '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>'
        + '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>Droner</t></is></c></row></sheetData></worksheet>'
    )
    return _xlsx(sheet)


def csv_max_size_html() -> bytes:
    """20 MB of BYOR CSV: 5,000 rows with 4 KB descriptions in HTML, markup just inside the budget."""
    tags = MAX_MARKUP_CHARS // MAX_ROWS - 12

    def build(scale: float) -> bytes:
        rng = random.Random(2)
        size = int(MAX_FILE_BYTES / MAX_ROWS * scale)
        rows = [["name", "ring", "quadrant", "isNew", "description"]] + [
            [f"Teknologi {n}", "adopt", "Tools", "FALSE", _html_description(rng, size, tags)] for n in range(MAX_ROWS)
        ]
        return _csv(rows)

    return _fitted(build, len, MAX_FILE_BYTES)


def csv_max_size_markup() -> bytes:
    """20 MB of CSV, 5,000 rows whose descriptions are nothing but tags: refused by the markup budget."""
    tags = "<b>" * (MAX_FILE_BYTES // MAX_ROWS // 3 - 10)
    rows = [[f"T{n}", "adopt", "", "", tags] for n in range(MAX_ROWS)]
    return _csv([["name", "ring", "quadrant", "isNew", "description"], *rows])


def csv_max_size_blank_lines() -> bytes:
    """20 MB of lines of bare separators around one row: none of them a data row."""
    header = "name,ring,quadrant,isNew,description\n"
    return _fill_to(MAX_FILE_BYTES, lambda n: ",,,,\n" if n else "Droner,adopt,Tools,FALSE,x\n", header)


def csv_max_size_unclosed_quote() -> bytes:
    """20 MB where a quote on line 2 never closes: 5,000 lines swallowed into one value, each reported."""
    row = "Teknologi,adopt,Tools,FALSE," + "x" * (MAX_FILE_BYTES // MAX_ROWS - 40) + "\n"
    return ("name,ring,quadrant,isNew,description\n" + '"' + row * (MAX_ROWS - 1)).encode()


def csv_one_huge_field() -> bytes:
    """One name of 20 MB (the csv module alone refuses fields over 128 KiB)."""
    return b"name,ring\n" + b"x" * (MAX_FILE_BYTES - 100) + b",adopt\n"


def csv_huge_unclosed_tag() -> bytes:
    """The issue's 60 KB description of '<a ' (51-68 s before), and the same filling the whole file."""
    return _csv([["name", "description"], ["A", "<a " * 20_000]])


def csv_max_size_unclosed_tag() -> bytes:
    return _csv([["name", "description"], ["A", "<a " * ((MAX_FILE_BYTES - 100) // 3)]])


def csv_deep_entities() -> bytes:
    """5,000 names and notes whose markup is escaped 49 and 200 times over (about 12 MB)."""

    def deep(text: str, depth: int) -> str:
        chain = "&" + "amp;" * (depth - 1)
        return text.replace("<", chain + "lt;").replace(">", chain + "gt;")

    rows = [["name", "ring", "note", "owner"]] + [
        [deep(f"<i>Teknologi {n}", 49), "klar", deep("<b>note", 200), deep("<i>ejer", 49)] for n in range(MAX_ROWS)
    ]
    return _csv(rows)


def csv_max_rows() -> bytes:
    rows = [["name", "ring", "quadrant", "isNew", "description"]] + [
        [f"Teknologi {n}", "adopt", "Tools", "TRUE", f"<p>Beskrivelse {n} med <b>fed</b> tekst</p>"] for n in range(MAX_ROWS)
    ]
    return _csv(rows)


def json_max_rows(shape: str) -> bytes:
    items = range(MAX_ROWS)
    if shape == "byor":
        document: object = [{"name": f"T{n}", "ring": "adopt", "quadrant": "Tools", "isNew": "TRUE", "description": "<b>x</b>"}
                            for n in items]  # fmt: skip
    elif shape == "zalando":
        document = {"date": "2026.05", "entries": [
            {"label": f"T{n}", "quadrant": n % 4, "ring": n % 4, "moved": 0, "active": n % 2 == 0, "link": "https://x.dk"}
            for n in items]}  # fmt: skip
    else:
        document = {"title": "Radar", "rings": [{"id": "adopt", "name": "ADOPT"}], "quadrants": [{"id": "q", "name": "Q"}],
                    "entries": [{"title": f"T{n}", "quadrant": "q", "description": "<p>x</p>",
                                 "timeline": [{"ringId": "adopt", "date": f"2026-01-{1 + n % 28:02d}", "moved": 0}] * 3}
                                for n in items]}  # fmt: skip
    return json.dumps(document).encode()


def json_max_size() -> bytes:
    """20 MB of BYOR JSON: 5,000 entries with 4 KB HTML descriptions."""
    tags = MAX_MARKUP_CHARS // MAX_ROWS - 12

    def build(scale: float) -> bytes:
        rng = random.Random(3)
        size = int(MAX_FILE_BYTES / MAX_ROWS * scale)
        entries = [{"name": f"T{n}", "ring": "adopt", "quadrant": "Tools", "description": _html_description(rng, size, tags)}
                   for n in range(MAX_ROWS)]  # fmt: skip
        return json.dumps(entries, ensure_ascii=False).encode()

    return _fitted(build, len, MAX_FILE_BYTES)


def own_xlsx_max_rows() -> bytes:
    """Our own Excel export of 5,000 full entries (13 columns, a 2,000-character description each)."""
    from radar.formats import Entry, write_own_xlsx

    rng = random.Random(4)
    entries = [
        Entry(name=f"Teknologi {n}", technology_id=f"t{n}", category="data", description=f"<p>{_text(rng, 2_000)}</p>",
              ring="klar", ring_raw="KLAR", ring_reason=_text(rng, 200), status=2, relevance=4, note=_text(rng, 300),
              owner="Ejer", next_step=_text(rng, 100), movement="new")
        for n in range(MAX_ROWS)
    ]  # fmt: skip
    return write_own_xlsx(entries)


#: (name, builder), in the order they are reported.
CASES: list[tuple[str, Callable[[], bytes]]] = [
    ("csv: 60 KB of '<a ' in a description", csv_huge_unclosed_tag),
    ("csv: 20 MB of '<a ' in a description", csv_max_size_unclosed_tag),
    ("csv: 20 MB, 5,000 HTML descriptions", csv_max_size_html),
    ("csv: 20 MB of tags (refused)", csv_max_size_markup),
    ("csv: 20 MB of blank separator lines", csv_max_size_blank_lines),
    ("csv: 20 MB after an unclosed quote", csv_max_size_unclosed_quote),
    ("csv: one 20 MB field", csv_one_huge_field),
    ("csv: 5,000 rows, deep entities (49, 200)", csv_deep_entities),
    ("csv: 5,000 rows (BYOR)", csv_max_rows),
    ("json: 20 MB, 5,000 HTML descriptions", json_max_size),
    ("json: 5,000 BYOR entries", lambda: json_max_rows("byor")),
    ("json: 5,000 Zalando entries", lambda: json_max_rows("zalando")),
    ("json: 5,000 Backstage entries", lambda: json_max_rows("backstage")),
    ("xlsx: 5,000 rows, our export", own_xlsx_max_rows),
    ("xlsx: near every limit (cells, size, markup)", xlsx_near_the_limits),
    ("xlsx: 190 MB unpacked bomb (refused)", xlsx_bomb),
    ("xlsx: declared 1,048,576 x 16,384", xlsx_million_declared_rows),
]


# --- measuring ------------------------------------------------------------------------------------------
def _status_mb(field: str) -> float | None:
    """A memory figure of this process from /proc (Linux), in MB."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return None
    return next((int(line.split()[1]) / 1024 for line in lines if line.startswith(field + ":")), None)


def _reset_peak() -> float:
    """Start counting the peak from now; returns the resident size now (MB)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM, the peak resident size, to the current size
    except OSError:
        pass
    # ru_maxrss would carry the parent's peak over the exec that started this process; VmHWM does not.
    return _status_mb("VmRSS") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb() -> float:
    return _status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(path: Path) -> dict[str, object]:
    """Read the file at `path` once (in this process) and return seconds, extra peak MB and the outcome."""
    import openpyxl  # noqa: F401 - imported before the baseline, as the app has it after its first Excel file

    from radar.errors import RadarError
    from radar.formats import read_radar_file

    data = path.read_bytes()
    read_radar_file(b"name,ring\nwarm up,adopt\n")
    baseline = _reset_peak()
    start = time.perf_counter()
    try:
        result = read_radar_file(data)
        outcome = f"{result.rows} rows, {len(result.entries)} kept"
    except RadarError as error:
        outcome = f"refused: {error.key}"
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "mb": _peak_mb() - baseline, "outcome": outcome}


def main() -> None:
    """Build every case, read each in a fresh process, and print the report with the targets."""
    print(f"{'file':46} {'bytes':>11} {'s':>7} {'target':>6} {'MB':>6} {'target':>6}  verdict  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name, build in CASES:
            path = Path(folder) / "case"
            data = build()
            path.write_bytes(data)
            run = subprocess.run(  # noqa: S603 - our interpreter, our module
                [sys.executable, "-m", "benchmarks.hostile_files", "--one", str(path)],
                capture_output=True, text=True, check=False, timeout=600,
            )  # fmt: skip
            if run.returncode != 0:
                print(f"{name:46} {len(data):11,d}  FAILED: {run.stderr.strip().splitlines()[-1:]}")
                continue
            found = json.loads(run.stdout)
            ok = found["seconds"] <= TARGET_SECONDS and found["mb"] <= TARGET_MB
            print(
                f"{name:46} {len(data):11,d} {found['seconds']:7.2f} {TARGET_SECONDS:6.0f} {found['mb']:6.0f} {TARGET_MB:6.0f}  "
                f"{'ok' if ok else 'SLOW/HIGH':7}  {found['outcome']}"
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure_one(Path(sys.argv[2]))))
    else:
        main()
