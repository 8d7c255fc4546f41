"""Who may publish a national edition from the Import page, and the publishing itself.

The page runs the same check and the same all-or-nothing write as `python -m radar import-edition`
(radar.edition.import_edition); this module only adds the door in front of it:

- a server with TEKNOLOGIRADAR_PUBLISH_KEY set asks for that key (in either mode), compared in
  constant time (hmac.compare_digest), and checked again at the moment of writing;
- without the key, a `local` server (one municipality's own) lets its users publish;
- without the key, a `hosted` server (many municipalities) does not offer it at all, and a direct
  attempt is refused with a message saying why and what to set;
- guessing is throttled: after MAX_WRONG_KEYS different wrong keys within WRONG_KEY_WINDOW seconds the
  server process refuses every key, the right one too, until the oldest wrong one is that old. A
  stranger can so hold the page's door shut for a while, never open it; the command line still works.

The command line is not behind this door: whoever can run it on the server can already write the file.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
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


#: Different wrong keys allowed within WRONG_KEY_WINDOW seconds (per server process) before every key is refused.
MAX_WRONG_KEYS = 5
WRONG_KEY_WINDOW = 600.0


class WrongKeys:
    """The different wrong keys tried lately (their hashes only), for the throttle of the module docstring.

    A page reruns with the same typed key many times; only a key not tried before counts.
    """

    def __init__(self, limit: int = MAX_WRONG_KEYS, window: float = WRONG_KEY_WINDOW, clock=time.monotonic) -> None:  # noqa: ANN001
        self.limit, self.window, self.clock = limit, window, clock
        self._tried: dict[bytes, float] = {}
        self._lock = threading.Lock()

    def _forget_old(self) -> None:
        now = self.clock()
        self._tried = {digest: when for digest, when in self._tried.items() if now - when < self.window}

    def wait_seconds(self) -> float:
        """Seconds until a key is checked again; 0 when the door is not held shut."""
        with self._lock:
            self._forget_old()
            if len(self._tried) < self.limit:
                return 0.0
            return max(self.window - (self.clock() - min(self._tried.values())), 0.0)

    def note(self, given: str) -> None:
        with self._lock:
            self._tried.setdefault(hashlib.sha256(given.encode("utf-8")).digest(), self.clock())


WRONG_KEYS = WrongKeys()


def key_matches(given: str | None) -> bool:
    """True when `given` is the publishing key (constant-time comparison); False when no key is set."""
    expected = config.PUBLISH_KEY.value()
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8"))


def check_key(given: str | None) -> None:
    """Raise ValidationError unless `given` is the publishing key and guessing has not shut the door (see WrongKeys)."""
    if not given:
        raise ValidationError("edition_page_key_needed")
    wait = WRONG_KEYS.wait_seconds()
    if wait > 0:
        raise ValidationError("edition_page_key_locked", minutes=max(round(wait / 60), 1))
    if not key_matches(given):
        WRONG_KEYS.note(given.strip())
        raise ValidationError("edition_page_key_wrong")


def check_access(given: str | None) -> None:
    """Raise ValidationError with the reason unless the settings let this caller publish."""
    kind = access()
    if kind == CLOSED:
        raise ValidationError("edition_page_closed")
    if kind == KEY:
        check_key(given)


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
