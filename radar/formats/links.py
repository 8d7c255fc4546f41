"""Links that some formats carry beside the description, folded into it as safe anchors."""

from __future__ import annotations

from collections.abc import Iterable

import nh3


def with_links(description: str, urls: Iterable[object]) -> str:
    """`description` followed by an anchor for every http(s) URL in `urls` (others dropped).

    The anchors are sanitiser input, not output: the URL is written with nh3's own text
    escaping (every character that could end the attribute or start markup as a reference),
    and sanitise_description later reads and re-writes the whole description.
    """
    anchors = []
    for url in urls:
        if not isinstance(url, str):
            continue
        url = url.strip()
        if url.lower().startswith(("http://", "https://")):
            safe = nh3.clean_text(url)
            anchors.append(f'<a href="{safe}">{safe}</a>')
    parts = [p for p in (description.strip(), "<br>".join(anchors)) if p]
    return "<br>".join(parts)
