"""Decoding uploaded bytes, cleaning text values, and keeping spreadsheet formulas inert."""

from __future__ import annotations

import codecs
import html
import re
from collections import Counter

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
# Format characters nobody sees: zero-width space/joiners, direction marks, embeddings,
# overrides and isolates, soft hyphen, word joiner and invisible operators, BOM, Hangul and
# Khmer fillers, Mongolian selectors, interlinear annotation and tag characters. A name made
# of them looks empty, and "A\u200bB" would otherwise differ from "AB".
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# One or more "amp;" (or &#38; / &#x26;, semicolon optional as html.unescape allows) after "&".
_AMP_CHAIN = re.compile(r"&(?:amp;?|#0*38;?|#[xX]0*26;?)+", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[xX]?[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_UNESCAPE_ROUNDS = 8
_CLEAN_ROUNDS = 8
_MARKUP_CHARS = re.compile(r"[<>&]")
# '<' followed by what makes an HTML parser start a tag, end tag, comment or declaration.
_TAG_START = re.compile(r"<[A-Za-z/!?]")
# Comments, <!DOCTYPE>, <![CDATA[, <?…?> and "</" without a tag name: the parser drops them whole.
_DROPPED = re.compile(r"<[!?]|</[^A-Za-z]")
# A start tag's name in untrusted source, the way an HTML tokenizer reads it.
_SOURCE_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
# A start tag with something after its name: an attribute (or junk a parser reads as one).
# The whole of such a tag, up to its '>' (or to the next '<' when a parser would read on).
_SOURCE_ATTRIBUTED_TAG = re.compile(r"<[A-Za-z][^\t\n\f\r />]*+[\t\n\f\r /]++[^\t\n\f\r />][^<>]*+>?")
# A link with nothing but a plain href: what almost every description with attributes has.
_SIMPLE_LINK = re.compile(
    r"<a[\t\n\f\r ]+href[\t\n\f\r ]*=[\t\n\f\r ]*"
    r"(?:\"[^\"<>]*\"|'[^'<>]*'|[^\t\n\f\r \"'<>=`]+)[\t\n\f\r ]*>",
    re.IGNORECASE,
)
_KEPT_LINK = '<a href="'
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.\-])([A-Za-z][A-Za-z0-9+.\-]*+):")
_URL_JUNK = re.compile(r"[\t\n\r]")
# Start tags with attributes in nh3's output, which double-quotes attribute values and escapes
# '<' and '>' inside them, and the attribute names in one.
_OUTPUT_ATTRIBUTED_TAG = re.compile(r"<([a-z][^\s/>]*)\s([^>]*)>")
_OUTPUT_ATTRIBUTE = re.compile(r'([^\s="/>]+)="')


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


def visible_text(value: str) -> str:
    """`value` without invisible format characters (zero-width, bidi controls, soft hyphens, fillers)."""
    return _INVISIBLE.sub("", value)


def valid_text(value: str) -> str:
    """`value` with lone surrogates (from JSON "\\ud800" or Excel "_xD800_" escapes) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _unescaped(text: str) -> str:
    """Entities decoded to a fixed point; what still decodes after a few rounds is dropped."""
    text = _AMP_CHAIN.sub("&", text)  # "&amp;amp;…amp;lt;" in one step, however deep
    for _ in range(_UNESCAPE_ROUNDS):
        decoded = html.unescape(text)
        if decoded == text:
            return text
        text = decoded
    return _ENTITY.sub("", text)


def _without_markup(text: str) -> str:
    """`text` with tags, comments and script/style content removed (entities stay decoded)."""
    if _TAG_START.search(text) is None:
        return text  # nothing a parser would take as markup: nh3 would only escape it again
    return html.unescape(nh3.clean(text, tags=set()))


def plain_text(value: str, *, multiline: bool = False) -> str:
    """`value` with all markup removed, entities decoded, invisible characters dropped and whitespace tidied."""
    text = visible_text(normalise_newlines(value))
    # Decoding entities can reveal new markup ("&lt;script&gt;") and removing markup new
    # entities ("&<b></b>lt;"), so repeat until stable; a stable result is what keeps
    # read(write(x)) == x. Only crafted input is still changing after a few rounds: its
    # remaining markup characters are dropped, which is stable too.
    for _ in range(_CLEAN_ROUNDS):
        cleaned = visible_text(normalise_newlines(_without_markup(_unescaped(text))))
        if cleaned == text:
            break
        text = cleaned
    else:
        text = _MARKUP_CHARS.sub("", text)
    if multiline:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        return "\n".join(lines).strip()
    return _SPACES.sub(" ", text).strip()


def _http_only(tag: str, attribute: str, value: str) -> str | None:
    # nh3 keeps relative URLs whatever the scheme list says; a description link must be absolute.
    if tag == "a" and attribute == "href" and not value.strip().lower().startswith(("http://", "https://")):
        return None
    return value


def _escaped_text(text: str) -> str:
    """What nh3 makes of `text` without '<' or '&': the same text with '>' and no-break spaces escaped."""
    return text.replace(">", "&gt;").replace("\xa0", "&nbsp;")


def sanitise_description(value: str) -> str:
    """`value` as safe HTML: harmless formatting and http(s) links kept, all else removed."""
    text = normalise_newlines(value).strip()
    if not text:
        return ""
    if "<" not in text and "&" not in text:
        return _escaped_text(text)  # plain text: the same result as nh3, without parsing
    cleaned = nh3.clean(
        text,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        attribute_filter=_http_only,
    )
    return normalise_newlines(cleaned).strip()


def _attributes(fragment: str) -> Counter[str]:
    """tag@attribute of every start tag in nh3's output (well-formed: every other '<' is escaped)."""
    found: Counter[str] = Counter()
    for tag, attrs in _OUTPUT_ATTRIBUTED_TAG.findall(fragment):
        found.update(f"{tag}@{name}" for name in _OUTPUT_ATTRIBUTE.findall(attrs) if name != "rel")
    return found


def markup_was_removed(before: str, after: str) -> bool:
    """True when sanitising `before` into `after` dropped tags, attributes or their content.

    Mere re-spelling is no removal: quotes, escaping, closing an unclosed <p>, the rel that
    the sanitiser adds. Every step is a linear scan or one nh3 pass (no Python HTML parser,
    whose cost on broken markup grows with the cube of its length).
    """
    text = normalise_newlines(before)
    if text.strip() and not after:
        return True  # something became nothing (e.g. a tag left open at the end swallowed the rest)
    if _DROPPED.search(text):
        return True  # a comment, declaration or processing instruction: never kept, nor its content
    tags = [name.lower() for name in _SOURCE_TAG.findall(text)]
    names = set(tags)
    if not names:
        return False  # no tags at all: the sanitiser only escapes
    if not names <= ALLOWED_TAGS:
        return True  # a tag that is never kept (or a tag-like text the sanitiser removes)
    attributed = _SOURCE_ATTRIBUTED_TAG.findall(text)
    if not attributed:
        return False  # kept tags without attributes: nothing to drop but comments
    if all(_SIMPLE_LINK.fullmatch(tag) for tag in attributed) and after.count("<a ") == tags.count("a"):
        # Only plain links, each written once (a parser repairing unclosed ones may copy them): the
        # sanitiser either keeps a link's href (an absolute http(s) URL) or drops it.
        return after.count(_KEPT_LINK) != len(attributed)
    # Other attributes: re-spell the source keeping every attribute and URL scheme, then
    # compare what the two versions carry.
    schemes = set(_SCHEME.findall(_URL_JUNK.sub("", html.unescape(text)))) | set(ALLOWED_URL_SCHEMES)
    respelled = nh3.clean(
        text,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(),
        generic_attribute_prefixes={""},
        link_rel=None,
        url_schemes={s.lower() for s in schemes},
    )
    return _attributes(respelled) != _attributes(after)


def shown(value: object, limit: int = 40) -> str:
    """`value` as short plain text, safe to put into a report message."""
    # Only the start can be shown, so only the start is cleaned (a value may be megabytes long).
    return truncate(plain_text(str(value)[: limit * 10]), limit)


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


_BLOCK_END = re.compile(r"(?i)<\s*(br\s*/?|/p|/li|/ul|/ol)\s*>")


def description_text(description: str) -> str:
    """A sanitised HTML description as plain text, paragraphs and list items on their own lines."""
    return plain_text(_BLOCK_END.sub("\n", description), multiline=True)
