"""The one escaping function: text from users, files and links is shown as text in Markdown, HTML and Plotly."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from radar.safe import WORD_JOINER, plain

HOSTILE = [
    "![b](http://evil.invalid/beacon.png)",
    "[her](http://evil.invalid/phish)",
    "<img src=http://evil.invalid/x.png>",
    "<script>alert(1)</script>",
    "**fed** _skrå_ `kode` ~~streg~~",
    ":red[rød] :material/home: $x^2$",
    "# Overskrift\n- punkt",
    "http://evil.invalid/auto www.evil.invalid a@evil.invalid",
    "&amp;lt;script&amp;gt;",
    "Æble, øl & å — 100 % \"citat\" 'enkelt'",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_text_comes_back_unchanged_once_references_are_read(text):
    assert html.unescape(plain(text)).replace(WORD_JOINER, "") == text


@pytest.mark.parametrize("text", HOSTILE)
def test_no_character_that_starts_markup_is_left(text):
    shown = plain(text)
    assert not re.search(r"[<>\[\]()!*_`~$:#|\\]", shown.replace("&#", "")), shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://x.dk", "http\u2060&#58;&#47;&#47;x&#46;dk"),
        ("https://x.dk", "https\u2060&#58;&#47;&#47;x&#46;dk"),
        ("www.x.dk", "www\u2060&#46;x&#46;dk"),
        ("a@b.dk", "a\u2060&#64;b&#46;dk"),
        ("Aarhus Kommune", "Aarhus Kommune"),
    ],
)
def test_bare_addresses_cannot_become_links(text, expected):
    assert plain(text) == expected


def test_there_is_no_second_escaping_function():
    """One escaping function: no other module escapes Markdown or HTML by hand."""
    root = Path(__file__).resolve().parents[1]
    offenders = []
    for path in sorted([*root.glob("radar/**/*.py"), *root.glob("pages/*.py"), root / "app.py"]):
        if path.name == "safe.py":
            continue
        source = path.read_text("utf-8")
        for pattern in (r"html\.escape\(", r"MARKDOWN_SPECIALS", r"def _md\(", r"def _esc\(", r'replace\("<", "&lt;"\)'):
            if re.search(pattern, source):
                offenders.append(f"{path.relative_to(root)}: {pattern}")
    assert offenders == []
