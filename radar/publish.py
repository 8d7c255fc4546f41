"""Who may publish a national edition from the Import page, and the publishing itself.

The page runs the same check and the same all-or-nothing write as `python -m radar import-edition`
(radar.edition.import_edition); this module only adds the door in front of it:

- a server with TEKNOLOGIRADAR_PUBLISH_KEY set asks for that key (in either mode), compared in
  constant time (hmac.compare_digest), and checked again at the moment of writing;
- without the key, a `local` server (one municipality's own) lets its users publish;
- without the key, a `hosted` server (many municipalities) does not offer it at all, and a direct
  attempt is refused with a message saying why and what to set.

The command line is not behind this door: whoever can run it on the server can already write the file.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from pathlib import Path

from radar import config
from radar.edition import EDITION_EXISTS, EditionCheck, import_edition
from radar.errors import ValidationError

#: Publishing is open to the page's users (local mode, no key set).
OPEN = "open"
#: Publishing needs the key of TEKNOLOGIRADAR_PUBLISH_KEY.
KEY = "key"
#: Publishing is not offered (hosted mode, no key set).
CLOSED = "closed"

#: Messages of radar.edition that speak of the command line, and the page's words for the same thing.
PAGE_WORDING: Mapping[str, str] = {
    "edition_exists_needs_replace": "edition_page_exists_needs_replace",
    "edition_more": "edition_page_more",
    EDITION_EXISTS: "edition_page_exists",
    "edition_db_busy": "edition_page_db_busy",
}


def access() -> str:
    """OPEN, KEY or CLOSED for the server's settings (see the module docstring)."""
    if config.PUBLISH_KEY.value():
        return KEY
    return CLOSED if config.hosted() else OPEN


def key_matches(given: str | None) -> bool:
    """True when `given` is the publishing key (constant-time comparison); False when no key is set."""
    expected = config.PUBLISH_KEY.value()
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8"))


def check_access(given: str | None) -> None:
    """Raise ValidationError with the reason unless the settings let this caller publish."""
    kind = access()
    if kind == CLOSED:
        raise ValidationError("edition_page_closed")
    if kind == KEY and not key_matches(given):
        raise ValidationError("edition_page_key_wrong" if given else "edition_page_key_needed")


def publish(
    db_path: Path,
    year: int,
    answers: bytes,
    maturity: bytes,
    *,
    key: str | None = None,
    answers_sheet: str | None = None,
    maturity_sheet: str | None = None,
    replace: bool = False,
) -> EditionCheck:
    """Check both files and, when every row is good, write edition `year` atomically, as the command line does.

    The door is checked first (ValidationError with the reason); then radar.edition.import_edition
    reads, checks and writes. A check with errors writes nothing and is returned for its report.
    """
    check_access(key)
    return import_edition(
        db_path, year, answers, maturity, answers_sheet=answers_sheet, maturity_sheet=maturity_sheet, write=True,
        replace=replace,
    )  # fmt: skip
