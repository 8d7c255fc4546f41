"""Decoding, cleaning and formula neutralising of single values."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from radar.errors import ImportError_
from radar.formats.text import (
    decode_text,
    markup_was_removed,
    neutralise_formula,
    plain_text,
    restore_formula,
    sanitise_description,
)

DANISH = "navn;ring\nKunstig intelligens;KLAR\nRobotter på plejecentre;AFPRØV\nØkonomi – “ÆØÅ”;HOLD ØJE\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(DANISH.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + DANISH.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(DANISH.encode("utf-16"), id="utf-16 with BOM"),
        pytest.param(codecs.BOM_UTF16_BE + DANISH.encode("utf-16-be"), id="utf-16 big endian"),
        pytest.param(DANISH.encode("cp1252"), id="cp1252 (Danish Excel)"),
    ],
)
def test_decode_text_reads_danish_in_every_supported_encoding(data: bytes) -> None:
    assert decode_text(data) == DANISH


def test_decode_text_reads_latin_1_without_euro_signs() -> None:
    text = "navn;ejer\nVelfærdsteknologi;Søren Ærø\n"
    assert decode_text(text.encode("latin-1")) == text


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "import_empty_file"),
        (codecs.BOM_UTF8 + b"  \n\n", "import_empty_file"),
        (b"\x00\x01\x02\x03" * 50, "import_not_text"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "import_not_text"),
    ],
)
def test_decode_text_refuses_what_is_not_text(data: bytes, key: str) -> None:
    with pytest.raises(ImportError_) as caught:
        decode_text(data)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kubernetes ", "Kubernetes"),
        ("  Java   11 ", "Java 11"),
        ("<b>Droner</b>", "Droner"),
        ("Chatbot<script>alert(1)</script>", "Chatbot"),
        ("AT&amp;T", "AT&T"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;Apps", "Apps"),
        ("Object–relational mappers (ORMs)", "Object–relational mappers (ORMs)"),
        ("Linje\r\nto", "Linje to"),
        ("Skærme og selvbetjening", "Skærme og selvbetjening"),
    ],
)
def test_plain_text_removes_markup_and_tidies_spaces(raw: str, expected: str) -> None:
    assert plain_text(raw) == expected


def test_plain_text_keeps_line_breaks_when_multiline() -> None:
    assert plain_text(" første  linje \r\nanden <i>linje</i>", multiline=True) == "første linje\nanden linje"


@pytest.mark.parametrize(
    ("raw", "must_not_contain", "must_contain"),
    [
        ("<img src=x onerror=alert(1)>Billede", ["<img", "onerror"], ["Billede"]),
        ("<script>alert(1)</script><p>Tekst</p>", ["script", "alert"], ["<p>Tekst</p>"]),
        ('<a href="javascript:alert(1)">klik</a>', ["javascript"], ["klik"]),
        ('<a href="/relativ">link</a>', ["/relativ"], ["link"]),
        ('<a href=\'https://kl.dk\' target="_blank" class="pop-out">KL</a>', ["_blank", "pop-out"], ['href="https://kl.dk"']),
        ('<p style="color:red" onclick="x()">tekst</p>', ["style", "onclick"], ["<p>tekst</p>"]),
        (
            "<ul><li>en</li><li>to</li></ul><br><strong>fed</strong> <em>kursiv</em>",
            [],
            ["<li>en</li>", "<br>", "<strong>", "<em>"],
        ),
        ("<iframe src='https://evil.example'></iframe>Tekst", ["iframe"], ["Tekst"]),
    ],
)
def test_sanitise_description_keeps_harmless_formatting_only(
    raw: str, must_not_contain: list[str], must_contain: list[str]
) -> None:
    cleaned = sanitise_description(raw)
    for bad in must_not_contain:
        assert bad not in cleaned
    for good in must_contain:
        assert good in cleaned


@pytest.mark.parametrize(
    ("before", "removed"),
    [
        ("<p>Tekst</p>", False),
        ("<a href='https://kl.dk'>KL</a>", False),  # only re-spelled (quotes, rel added)
        ("a & b", False),  # only re-escaped
        ("<p>uafsluttet", False),  # only closed
        ('<a href="https://kl.dk" class="x">KL</a>', True),
        ("<script>x</script>Tekst", True),
        ("<img src=x>", True),
    ],
)
def test_markup_was_removed_ignores_mere_respelling(before: str, removed: bool) -> None:
    assert markup_was_removed(before, sanitise_description(before)) is removed


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+45 12345678", "'+45 12345678"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tTabulator", "'\tTabulator"),
        ("\rRetur", "'\rRetur"),
        ("'=allerede citeret", "''=allerede citeret"),
        ("'90'erne", "'90'erne"),  # a plain leading apostrophe needs no protection
        ("Kunstig intelligens", "Kunstig intelligens"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise_formula_and_its_inverse(value: str, written: str) -> None:
    assert neutralise_formula(value) == written
    assert restore_formula(written) == value


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="'=+-@\t\rab ", max_size=12))
def test_restore_undoes_neutralise_for_any_text(value: str) -> None:
    written = neutralise_formula(value)
    assert restore_formula(written) == value
    assert written[:1] not in ("=", "+", "-", "@", "\t", "\r")


MARKUP_SOUP = st.lists(
    st.sampled_from(["<", ">", "&", ";", "/", "a", " ", "\n", "\r", "lt", "gt", "amp", "#60", "p", "script", "b", "'", '"',
                     "<p>", "</p>", "<a href='https://x.dk'>", "</a>", "<img src=x onerror=y>", "=", "æ"]),
    max_size=25,
).map("".join)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(MARKUP_SOUP)
def test_cleaning_is_stable_so_cleaned_values_survive_a_round_trip(value: str) -> None:
    for multiline in (False, True):
        once = plain_text(value, multiline=multiline)
        assert plain_text(once, multiline=multiline) == once
    cleaned = sanitise_description(value)
    assert sanitise_description(cleaned) == cleaned
    assert "onerror" not in cleaned and "<script" not in cleaned
