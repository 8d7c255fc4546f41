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

_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|<>~$:&=\"'%@^/]")
#: Places where GFM's autolink-literal extension would start a link: a scheme, "www.", an e-mail "@".
_LINK_START = re.compile(r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=ftp)(?=:)|(?<=www)(?=\.)|(?=@)")
WORD_JOINER = "\u2060"


def plain(value: object) -> str:
    """`value` as literal text in Markdown, HTML and Plotly labels: no links, images, tags or formatting."""
    text = _LINK_START.sub(WORD_JOINER, str(value))
    return _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)
