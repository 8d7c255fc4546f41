"""Every real radar file in ../shared/external-radars (see its SOURCES.md) read end to end.

Expected counts come from SOURCES.md's summary table (rows in the file) and its per-file
notes (duplicates, custom rings); the file's rows are also counted here independently with
the csv/json modules, so the report's invariant is checked against the file itself.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from radar.errors import ImportError_
from radar.formats import REJECTED, ReadResult, apply_ring_mapping, read_radar_file
from radar.formats.model import STATUSES

EXTERNAL = Path(__file__).parents[2].parent / "shared" / "external-radars"

TW = "setchy__thoughtworks-tech-radar-volumes__Thoughtworks Technology Radar Volume"
MOJ = "moj-analytical-services__data-and-analytics-engineering-tech-radar__"

# file -> (format, data rows in the file, entries after merging duplicates, unknown rings)
RADAR_FILES: dict[str, tuple[str, int, int, tuple[str, ...]]] = {
    f"{TW} 34 (Apr 2026).csv": ("byor_csv", 118, 118, ()),
    f"{TW} 01 (Jan 2010).csv": ("byor_csv", 38, 38, ()),
    f"{TW} 34 (Apr 2026).json": ("byor_json", 118, 118, ()),
    "red-gate__Tech-Radar__radar.csv": ("byor_csv", 72, 72, ()),
    "red-gate__Tech-Radar__radar_libraries.csv": ("byor_csv", 58, 58, ("endure", "explore", "retire")),
    "lamoda__technoradar__LaTech Radar.csv": ("byor_csv", 134, 134, ()),
    "camunda__technology-radars__infra.csv": ("byor_csv", 62, 61, ()),  # AWS EKS twice
    "statisticsnorway__teknologiradar__SSB - Teknologiradar.csv": ("byor_csv", 41, 41, ()),
    "statisticsnorway__teknologiradar__teknologiradar.csv": ("byor_csv", 15, 15, ()),
    "statisticsnorway__teknologiradar__teknologiradar.json": ("backstage_json", 47, 47, ()),
    "zalando__tech-radar__config.json": ("zalando_json", 81, 81, ()),
    "Agreena-ApS__data-tech-radar__config.json": ("zalando_json", 61, 61, ()),
    "AFract__tech-radar__config.json": ("zalando_json", 41, 41, ()),
    f"{MOJ}blips.json": ("zalando_json", 115, 115, ()),
    # 528 revisions of 249 items: later revisions merge into the first one read
    "AOEpeople__techradar__radar-revisions.DERIVED.csv": ("teknologiradar_csv", 528, 249, ()),
}
# Files in the folder that are not lists of technologies -> the ImportError_ key they give.
NOT_RADAR_LISTS: dict[str, str] = {
    "camunda__technology-radars__schema.json": "import_json_shape",
    f"{MOJ}radar_config.json": "import_config_not_radar",
    "AOEpeople__techradar__config.json": "import_config_not_radar",
    "AOEpeople__techradar__helm.md": "import_no_name_column",
}


@pytest.fixture(scope="module")
def folder() -> Path:
    if not EXTERNAL.is_dir():
        pytest.skip(f"external radar files not found: {EXTERNAL} is missing")
    return EXTERNAL


def read(folder: Path, name: str, **options: object) -> ReadResult:
    return read_radar_file((folder / name).read_bytes(), name, **options)  # type: ignore[arg-type]


def rows_in_file(path: Path) -> int:
    """Data rows counted independently: csv.DictReader rows, or JSON list / entries length."""
    text = path.read_bytes().decode("utf-8-sig")
    if path.suffix == ".json":
        document = json.loads(text)
        return len(document if isinstance(document, list) else document["entries"])
    return sum(1 for _ in csv.DictReader(io.StringIO(text, newline="")))


def test_every_file_in_the_folder_is_covered(folder: Path) -> None:
    present = {p.name for p in folder.iterdir() if p.name != "SOURCES.md"}
    assert present == set(RADAR_FILES) | set(NOT_RADAR_LISTS)


@pytest.mark.parametrize("name", sorted(RADAR_FILES))
def test_real_radar_file_is_read_and_every_row_accounted_for(folder: Path, name: str) -> None:
    fmt, rows, entries, unknown = RADAR_FILES[name]
    result = read(folder, name)
    assert result.format == fmt
    assert rows_in_file(folder / name) == rows
    assert sum(result.count(s) for s in STATUSES) == rows
    assert [r.line for r in result.report] == sorted({r.line for r in result.report})
    assert len(result.entries) == entries
    assert result.count(REJECTED) == 0  # every real row has a name
    assert result.unknown_rings == unknown
    assert all(e.ring is not None for e in result.entries if e.ring_raw not in unknown)


@pytest.mark.parametrize("name", sorted(NOT_RADAR_LISTS))
def test_files_that_are_not_radar_lists_give_our_typed_error(folder: Path, name: str) -> None:
    try:
        read(folder, name)
    except ImportError_ as error:
        assert error.key == NOT_RADAR_LISTS[name]
    else:  # pragma: no cover - a result would also be acceptable, but is not what we expect now
        pytest.fail(f"{name} was read as a radar list")


def test_thoughtworks_caution_and_status(folder: Path) -> None:
    result = read(folder, f"{TW} 34 (Apr 2026).csv")
    assert Counter(e.ring_raw for e in result.entries if e.ring == "afvent") == {"caution": 9}
    assert Counter(e.movement for e in result.entries) == {"new": 87, "moved_in": 17, "unchanged": 13, "moved_out": 1}
    assert all("target=" not in e.description and "aria-label" not in e.description for e in result.entries)


def test_thoughtworks_json_matches_the_csv_once_its_quotes_are_repaired(folder: Path) -> None:
    from_json = read(folder, f"{TW} 34 (Apr 2026).json")
    assert not any(e.description.startswith('"') or '""' in e.description for e in from_json.entries)
    assert from_json.entries == read(folder, f"{TW} 34 (Apr 2026).csv").entries


def test_thoughtworks_first_volume_has_empty_descriptions(folder: Path) -> None:
    result = read(folder, f"{TW} 01 (Jan 2010).csv")
    assert sum(1 for e in result.entries if not e.description) == 19
    assert {e.movement for e in result.entries} == {"new"}


def test_redgate_all_new_and_typography_kept(folder: Path) -> None:
    result = read(folder, "red-gate__Tech-Radar__radar.csv")
    assert {e.movement for e in result.entries} == {"new"}
    assert "Object–relational mappers (ORMs)" in {e.name for e in result.entries}
    assert all("href='" not in e.description for e in result.entries)  # re-quoted by the sanitiser


def test_redgate_custom_rings_can_be_mapped(folder: Path) -> None:
    result = read(folder, "red-gate__Tech-Radar__radar_libraries.csv")
    assert Counter(e.ring_raw for e in result.entries if e.ring is None) == {"endure": 17, "explore": 9, "retire": 6}
    mapped = apply_ring_mapping(result, {"explore": "afproev", "endure": "hold_oeje", "retire": "afvent"})
    assert mapped.unknown_rings == ()
    assert Counter(e.ring for e in mapped.entries) == {"klar": 26, "hold_oeje": 17, "afproev": 9, "afvent": 6}


def test_lamoda_trailing_spaces_are_trimmed_and_reported(folder: Path) -> None:
    result = read(folder, "lamoda__technoradar__LaTech Radar.csv")
    trimmed = [r.name for r in result.report if any(x.key == "import_trimmed" for x in r.reasons)]
    assert trimmed == ["Java 11", "Kubernetes", "OpenStack", "Pentaho DI", "Scala", "Spark 2"]
    assert sum(1 for e in result.entries if any("а" <= ch <= "я" for ch in e.description)) == 16  # Cyrillic kept


def test_camunda_duplicate_is_merged_and_first_ring_wins(folder: Path) -> None:
    result = read(folder, "camunda__technology-radars__infra.csv")
    (eks,) = [e for e in result.entries if e.name == "AWS EKS"]
    merged = [r for r in result.report if any(x.key == "import_duplicate_merged" for x in r.reasons)]
    assert [(r.name, r.reasons[0].params["first_line"]) for r in merged] == [("AWS EKS", eks.line)]
    assert eks.ring == "klar"
    # 59 Adopt (one written " Adopt") and 3 Assess rows; the Assess duplicate of AWS EKS is merged away
    assert Counter(e.ring for e in result.entries) == {"klar": 59, "hold_oeje": 2}


def test_statistics_norway_norwegian_rings_and_letters(folder: Path) -> None:
    result = read(folder, "statisticsnorway__teknologiradar__teknologiradar.csv")
    assert Counter(e.ring for e in result.entries) == {"klar": 11, "afvent": 3, "afproev": 1}
    assert result.unknown_quadrants == ("Infrastruktur", "DevOps", "Programmering")
    older = read(folder, "statisticsnorway__teknologiradar__SSB - Teknologiradar.csv")
    assert "Google Cloud Storge" in {e.name for e in older.entries}
    assert any("ø" in e.description for e in older.entries)


def test_statistics_norway_backstage(folder: Path) -> None:
    result = read(folder, "statisticsnorway__teknologiradar__teknologiradar.json")
    entries = {e.name: e for e in result.entries}
    assert {"Pre-commit", "FastAPI"} <= entries.keys()  # title, not key
    assert Counter(e.ring_raw for e in result.entries).keys() <= {"Bruk", "Vurder", "Avstå"}
    bigquery = entries["Google BigQuery"]
    assert (bigquery.ring, bigquery.movement) == ("afvent", "moved_out")
    assert "flyttet" in bigquery.ring_reason
    assert (entries["Maven"].ring, entries["Maven"].movement) == ("afvent", "moved_out")


def test_zalando_movement_counts(folder: Path) -> None:
    moj = read(folder, f"{MOJ}blips.json")
    assert Counter(e.movement for e in moj.entries) == {"unchanged": 49, "new": 33, "moved_out": 19, "moved_in": 14}
    assert "CI/CD" in {e.name for e in moj.entries}
    assert moj.meta.date == "2024-08-17"
    afract = read(folder, "AFract__tech-radar__config.json")
    assert {e.movement for e in afract.entries} == {None}  # no `moved` at all


def test_zalando_with_its_sibling_config(folder: Path) -> None:
    config = (folder / f"{MOJ}radar_config.json").read_bytes()
    result = read(folder, f"{MOJ}blips.json", config=config)
    assert result.unknown_quadrants == ("Techniques", "Platforms", "Languages and Frameworks", "Tools")
    assert result.unknown_rings == ("RETAIN", "REPLACE")  # no obvious counterpart: the user decides
    assert Counter(e.ring for e in result.entries)["klar"] == 63
