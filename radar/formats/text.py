"""Decoding uploaded bytes, cleaning text values, and keeping spreadsheet formulas inert."""

from __future__ import annotations

import codecs
import html
import re
from collections import Counter
from html.parser import HTMLParser

import charset_normalizer
import nh3

from radar.errors import ImportError_

# Without a BOM and not valid UTF-8, a Danish file is almost always a Windows/Excel "ANSI"
# export (cp1252). Unrestricted detection guesses cp1250 for "æøå" and turns Ø into Ř, so
# charset-normalizer only chooses among the Western European code pages that can occur here.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1252", "iso8859_15", "mac_roman")

#: Formatting that may stay in a description; everything else is removed.
ALLOWED_TAGS: frozenset[str] = frozenset({"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li"})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href"}}
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https"})

#: First characters that make Excel/LibreOffice treat a cell as a formula (CSV injection).
FORMULA_CHARS = ("=", "+", "-", "@", "\t", "\r")
# A value needs the protective quote when, after any leading quotes, it starts with a
# formula character. Prefixing exactly those values (and only those) keeps the scheme
# lossless: see neutralise_formula / restore_formula.
_NEEDS_QUOTE = re.compile(r"^'*[=+\-@\t\r]")

# C0/C1 control characters other than tab and newline: invisible, and illegal in XLSX XML.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")


def decode_text(data: bytes) -> str:
    """Text of an uploaded file: UTF-8 (BOM or not), UTF-16 with BOM, else a Western code page."""
    if data.startswith(codecs.BOM_UTF8):
        text = _decode_or_fail(data[len(codecs.BOM_UTF8) :], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_or_fail(data, "utf-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            best = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
            if best is None:
                raise ImportError_("import_not_text") from None
            text = str(best)
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        # NUL never occurs in a real CSV/JSON text; it means binary data or a wrong encoding.
        raise ImportError_("import_not_text")
    if not text.strip():
        raise ImportError_("import_empty_file")
    return text


def _decode_or_fail(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ImportError_("import_not_text") from None


def normalise_newlines(value: str) -> str:
    """`value` with CRLF/CR as LF and control characters removed."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def plain_text(value: str, *, multiline: bool = False) -> str:
    """`value` with all markup removed, entities decoded and whitespace tidied."""
    text = normalise_newlines(value)
    # Decoding entities can reveal new markup ("&lt;script&gt;") or entities ("&amp;lt;"), so
    # repeat until stable; a stable result is what keeps read(write(x)) == x.
    for _ in range(50):
        cleaned = html.unescape(nh3.clean(text, tags=set()))
        cleaned = normalise_newlines(cleaned)
        if cleaned == text:
            break
        text = cleaned
    if multiline:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        return "\n".join(lines).strip()
    return _SPACES.sub(" ", text).strip()


def _http_only(tag: str, attribute: str, value: str) -> str | None:
    # nh3 keeps relative URLs whatever the scheme list says; a description link must be absolute.
    if tag == "a" and attribute == "href" and not value.strip().lower().startswith(("http://", "https://")):
        return None
    return value


def sanitise_description(value: str) -> str:
    """`value` as safe HTML: harmless formatting and http(s) links kept, all else removed."""
    text = normalise_newlines(value).strip()
    if not text:
        return ""
    cleaned = nh3.clean(
        text,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        attribute_filter=_http_only,
    )
    return normalise_newlines(cleaned).strip()


class _Inventory(HTMLParser):
    """Collects tags, attribute names and text of an HTML fragment, to compare two versions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.markup: Counter[str] = Counter()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.markup[tag] += 1
        for name, _ in attrs:
            if name != "rel":  # added by the sanitiser, not a removal
                self.markup[f"{tag}@{name}"] += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _inventory(fragment: str) -> tuple[Counter[str], str]:
    parser = _Inventory()
    parser.feed(fragment)
    parser.close()
    return parser.markup, _SPACES.sub(" ", "".join(parser.text)).strip()


def markup_was_removed(before: str, after: str) -> bool:
    """True when sanitising dropped tags, attributes or text (not mere re-spelling of markup)."""
    before_markup, before_text = _inventory(before)
    after_markup, after_text = _inventory(after)
    # End tags are ignored, so closing an unclosed <p> does not count as a change.
    return before_text != after_text or before_markup != after_markup


def shown(value: object, limit: int = 40) -> str:
    """`value` as short plain text, safe to put into a report message."""
    return truncate(plain_text(str(value)), limit)


def truncate(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters."""
    return value if len(value) <= limit else value[:limit].rstrip()


def looks_like_formula(value: str) -> bool:
    """True when a spreadsheet would run `value` as a formula, or it starts with quotes before one."""
    return _NEEDS_QUOTE.match(value) is not None


def neutralise_formula(value: str) -> str:
    """`value` with a leading ' when a spreadsheet would otherwise run it as a formula (for CSV)."""
    return "'" + value if looks_like_formula(value) else value


def restore_formula(value: str) -> str:
    """Inverse of neutralise_formula: drop the protective ' again (and nothing else).

    Used for CSV, and for XLSX cells without Excel's quotePrefix style (files from older
    versions of our writer, which stored the protective ' in the cell text).
    """
    if value.startswith("'") and _NEEDS_QUOTE.match(value[1:]):
        return value[1:]
    return value
