"""Links that some formats carry beside the description, folded into it as safe anchors."""

from __future__ import annotations

import html
from collections.abc import Iterable


def with_links(description: str, urls: Iterable[object]) -> str:
    """`description` followed by an anchor for every http(s) URL in `urls` (others dropped)."""
    anchors = []
    for url in urls:
        if not isinstance(url, str):
            continue
        url = url.strip()
        if url.lower().startswith(("http://", "https://")):
            safe = html.escape(url, quote=True)
            anchors.append(f'<a href="{safe}">{safe}</a>')
    parts = [p for p in (description.strip(), "<br>".join(anchors)) if p]
    return "<br>".join(parts)
