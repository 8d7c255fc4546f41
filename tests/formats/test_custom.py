"""The mapping step's pure logic: any shape into columns, a suggested mapping, numbers into rings, the report."""

from __future__ import annotations

import pytest

from radar.errors import ImportError_
from radar.formats import ACCEPTED, ACCEPTED_WITH_CHANGE, REJECTED, read_radar_file
from radar.formats.custom import (
    FieldMapping,
    cutoff_problem,
    default_cutoffs,
    flat_text,
    guess_mapping,
    read_mapped,
    ring_for,
    source_table,
    unknown_columns,
)

from .helpers import OWN_LIST_CSV, OWN_LIST_JSON_BYTES, xlsx_bytes

ONE_TO_THREE = (("klar", 3.0), ("afproev", 2.0), ("hold_oeje", 1.0), ("afvent", None))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("x", "x"),
        (3, "3"),
        (None, ""),
        ({"Teknik": "pilot", "Skole": "nej"}, "Teknik: pilot; Skole: nej"),
        ({"a": {"b": 1}}, "a: b: 1"),
        (["x", 2], "x, 2"),
        ({}, ""),
    ],
)
def test_flat_text(value, text):
    assert flat_text(value) == text


@pytest.mark.parametrize(
    ("values", "cutoffs"),
    [
        (["1", "2", "3", "2"], ONE_TO_THREE),
        (["1", "5", "3"], (("klar", 5.0), ("afproev", 3.0), ("hold_oeje", 1.0), ("afvent", None))),
        (["0", "1", "2", "3"], (("klar", 3.0), ("afproev", 2.0), ("hold_oeje", 1.0), ("afvent", 0.0))),
        (["1", "2", "3", "4", "5"], (("klar", 4.0), ("afproev", 3.0), ("hold_oeje", 2.0), ("afvent", 1.0))),
        (["0", "0,5", "1"], (("klar", 0.75), ("afproev", 0.5), ("hold_oeje", 0.25), ("afvent", 0.0))),
        (["høj", ""], (("klar", None), ("afproev", None), ("hold_oeje", None), ("afvent", None))),
    ],
)
def test_default_cutoffs(values, cutoffs):
    assert default_cutoffs(values) == cutoffs


@pytest.mark.parametrize(
    ("number", "ring"),
    [(3, "klar"), (3.5, "klar"), (2, "afproev"), (2.9, "afproev"), (1, "hold_oeje"), (0, None), (-1, None)],
)
def test_ring_for_one_to_three(number, ring):
    assert ring_for(number, ONE_TO_THREE) == ring


@pytest.mark.parametrize(
    ("cutoffs", "problem"),
    [
        (ONE_TO_THREE, None),
        ((("klar", 4.0), ("afproev", None), ("hold_oeje", 2.0), ("afvent", 1.0)), None),
        ((("klar", 2.0), ("afproev", 3.0), ("hold_oeje", 1.0), ("afvent", None)), "import_cutoffs_order"),
        ((("klar", 2.0), ("afproev", 2.0), ("hold_oeje", None), ("afvent", None)), "import_cutoffs_order"),
        ((("klar", None), ("afproev", None), ("hold_oeje", None), ("afvent", None)), "import_cutoffs_none"),
    ],
)
def test_cutoff_problem(cutoffs, problem):
    assert cutoff_problem(cutoffs) == problem


def test_the_csv_of_own_columns_is_guessed_and_read_with_every_row_accounted_for():
    table = source_table(OWN_LIST_CSV)
    assert table.columns == ("Teknologi", "Beskrivelse", "Område", "Modenhed")
    assert unknown_columns(table.columns) == ["Område", "Modenhed"]
    mapping = guess_mapping(table)
    assert mapping == FieldMapping(
        name="Teknologi", description="Beskrivelse", category="Område", number="Modenhed", cutoffs=ONE_TO_THREE
    )
    result = read_mapped(table, mapping)
    assert result.format == "custom_csv"
    assert [(e.name, e.category, e.ring, e.note) for e in result.entries] == [
        ("Droner til inspektion", "Teknik og miljø", "klar", ""),
        ("Chatbot", "Borgerservice", "afproev", ""),
        ("Vejsensorer", "Teknik og miljø", "hold_oeje", ""),
        ("Robotstøvsugere", "Skole", None, ""),
    ]
    assert [(r.line, r.status) for r in result.report] == [
        (2, ACCEPTED_WITH_CHANGE), (3, ACCEPTED_WITH_CHANGE), (4, ACCEPTED_WITH_CHANGE), (5, REJECTED),
        (6, ACCEPTED_WITH_CHANGE),
    ]  # fmt: skip
    assert result.count(ACCEPTED) + result.count(ACCEPTED_WITH_CHANGE) + result.count(REJECTED) == result.rows == 5
    # a value that is no number is reported, and waits for a ring like any unknown ring
    assert [r.key for r in result.report[4].reasons] == ["import_value_invalid"]
    assert result.unknown_rings == ("høj",)


def test_the_json_with_a_bom_and_nested_departments_is_read_with_the_rest_as_notes():
    table = source_table(OWN_LIST_JSON_BYTES)
    assert table.format == "custom_json"
    assert table.columns == ("techName", "maturity", "departments", "contact")
    mapping = guess_mapping(table)
    assert (mapping.name, mapping.number, mapping.cutoffs) == ("techName", "maturity", ONE_TO_THREE)
    result = read_mapped(table, mapping)
    assert [(e.name, e.ring, e.note) for e in result.entries] == [
        ("Droner", "klar", "departments: Teknik: pilot; Skole: nej\ncontact: Åse"),
        ("Chatbot", "hold_oeje", "departments: Borgerservice: i drift"),
        ("RPA", "afproev", ""),
    ]
    assert [(r.line, r.status) for r in result.report][-1] == (4, REJECTED)
    assert result.rows == 4 and result.count(REJECTED) == 1
    with pytest.raises(ImportError_):
        read_radar_file(OWN_LIST_JSON_BYTES)  # no reader knows the shape: the mapping step is the way in


@pytest.mark.parametrize(
    ("mapping", "expected"),
    [
        # the user's own cut-offs: 3 and 2 KLAR, 1 AFVENT
        (
            FieldMapping(name="Teknologi", number="Modenhed", cutoffs=(("klar", 2.0), ("afvent", 1.0))),
            ["klar", "klar", "afvent", None],
        ),
        # no ring at all: every technology waits, none is dropped
        (FieldMapping(name="Teknologi"), [None, None, None, None]),
        # the number column as a ring column: numbers are no ring names
        (FieldMapping(name="Teknologi", ring="Modenhed"), [None, None, None, None]),
    ],
)
def test_rings_follow_the_mapping(mapping, expected):
    result = read_mapped(source_table(OWN_LIST_CSV), mapping)
    assert [e.ring for e in result.entries] == expected
    assert result.rows == 5


def test_columns_without_a_role_become_notes_and_an_xlsx_reads_the_same():
    data = xlsx_bytes({"Liste": [["Teknologi", "Område", "Modenhed", "Kontakt"], ["Droner", "Teknik", 3, "Åse"]]})
    table = source_table(data)
    assert table.format == "custom_xlsx"
    result = read_mapped(table, FieldMapping(name="Teknologi", number="Modenhed", cutoffs=ONE_TO_THREE))
    [entry] = result.entries
    assert (entry.ring, entry.category, entry.note) == ("klar", "", "Område: Teknik\nKontakt: Åse")


def test_a_name_column_that_is_not_there_is_refused():
    with pytest.raises(ImportError_):
        read_mapped(source_table(OWN_LIST_CSV), FieldMapping(name="Navn"))
