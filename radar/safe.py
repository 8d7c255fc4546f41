"""The one escaping function: text from a user, a file or a URL shown as text, never as markup.

`plain(value)` works in every place such text meets the screen: Streamlit Markdown (titles,
captions, alerts, toasts, tooltips, radio labels), HTML (st.html, the HTML export) and Plotly's
text and hover labels. Each character that could start markup (Markdown, HTML, Streamlit's
`:directives:` and `$math$`) is written as a numeric character reference, which each of those
renderers shows as the character itself but never reads as syntax. A word joiner (U+2060,
invisible) after "http", "www" and before "@" stops GitHub-flavoured Markdown from turning a
bare address into a link, which it would otherwise do after the references are decoded.
Table cells (st.dataframe) and widget values are text already and are given the raw value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

from radar.formats.text import _CONTROL, _INVISIBLE, _SURROGATE

_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|<>~$:&=\"'%@^/]")
#: Places where GFM's autolink-literal extension would start a link: a scheme, "www.", an e-mail "@".
_LINK_START = re.compile(r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=ftp)(?=:)|(?<=www)(?=\.)|(?=@)")
WORD_JOINER = "\u2060"


def plain(value: object) -> str:
    """`value` as literal text in Markdown, HTML and Plotly labels: no links, images, tags or formatting."""
    text = _LINK_START.sub(WORD_JOINER, str(value))
    return _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


#: What pdf_text puts for a character the PDF's font cannot draw (an emoji, a rare script).
PDF_MISSING = "\ufffd"
_PDF_DROP = re.compile(f"{_CONTROL.pattern}|{_INVISIBLE.pattern}|{_SURROGATE.pattern}|[\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def pdf_text(value: object, limit: int | None = None, glyphs: Container[int] | None = None) -> str:
    """`value` as text for the minutes PDF: NFC, without control, invisible and direction characters, tabs as
    spaces, at most `limit` characters (then "…"), and each character `glyphs` (the font's code points) lacks
    as U+FFFD. The PDF draws text, never markup, so "<script>" stays those eight characters."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value)).replace("\t", " ").replace("\r\n", "\n")
    text = _PDF_DROP.sub("", text.replace("\r", "\n"))
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)].rstrip() + "…"
    if glyphs is not None:
        missing = PDF_MISSING if ord(PDF_MISSING) in glyphs else "?"
        text = "".join(c if c == "\n" or ord(c) in glyphs else missing for c in text)
    return text
