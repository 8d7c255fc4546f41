"""Text from a file or a link is text, everywhere, in a real browser.

A radar file whose every field carries a Markdown image, a Markdown link, an <img> tag and a
bare address, all pointing at a small HTTP server in this test process, is imported, kept,
opened, presented, compared, exported (every format; the HTML export is opened too), shared
by its view link and opened again from its JSON export; then every national page is opened
with the same text in every URL parameter the app reads. The server must receive nothing,
no image or link element may point at it, and the text must be on the screen as written.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import openpyxl
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import VIEWPORT, wait_for_app

pytestmark = pytest.mark.browser

WORD_JOINER = "\u2060"
# JavaScript twin of `norm`: the word joiner radar.safe.plain adds after "http" is invisible.
NORM_JS = "s => (s || '').replaceAll('\\u2060', '').replace(/\\s+/g, ' ').trim()"
# Every element attribute through which a browser would fetch or follow an address.
# The second entry is the catalogue's "cloud": an own radar shows it by the catalogue's name.
CATALOGUE_NAME = "Cloud"
URL_ATTRIBUTES = ("src", "href", "xlink:href", "srcset", "poster", "action", "formaction", "data", "background", "ping", "style")


@dataclass
class Trap:
    """An HTTP server on 127.0.0.1 that answers everything and remembers every request."""

    port: int
    requests: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


@contextlib.contextmanager
def trap_server() -> Iterator[Trap]:
    trap = Trap(port=0)

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            trap.requests.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "2")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(b"ok")

        do_GET = do_POST = do_HEAD = do_OPTIONS = _answer  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    trap.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield trap
    finally:
        server.shutdown()
        server.server_close()


def norm(text: str) -> str:
    return " ".join(text.replace(WORD_JOINER, "").split())


class Hostile:
    """The hostile text of each field, as written in the file and as it should be shown.

    Names are cleaned of markup on import (the <img> tag goes, the Markdown stays, being just
    characters); the radar's name and municipality hold 80 characters, so they carry two of
    the four kinds each.
    """

    def __init__(self, base: str) -> None:
        self.base = base

    def raw(self, f: str) -> str:
        b = self.base
        return f"![b]({b}i-{f}.png) [her]({b}p-{f}) <img src={b}t-{f}.png> {b}u-{f}"

    def shown(self, f: str) -> str:
        b = self.base
        return f"![b]({b}i-{f}.png) [her]({b}p-{f}) {b}u-{f}"

    @property
    def radar_name(self) -> str:
        return f"![b]({self.base}i-rn.png) {self.base}u-rn"

    @property
    def municipality_raw(self) -> str:
        return f"[her]({self.base}p-mu) <img src={self.base}t-mu.png> {self.base}u-mu"

    @property
    def municipality(self) -> str:
        return f"[her]({self.base}p-mu) {self.base}u-mu"

    def document(self) -> dict:
        """Our own JSON format: two entries, the second a catalogue technology (so the compare tab has a row)."""
        entry = {
            "technology_id": self.raw("tid"), "name": self.raw("nm"), "category": self.raw("cat"),
            "description": self.raw("desc"), "ring": self.raw("ring"), "ring_raw": self.raw("ring"),
            "ring_reason": self.raw("why"), "status": self.raw("st"), "relevance": self.raw("rel"),
            "note": self.raw("note"), "owner": self.raw("own"), "next_step": self.raw("next"), "movement": self.raw("mv"),
        }  # fmt: skip
        second = {
            **entry, "technology_id": "cloud", "name": self.raw("nm2"), "status": "2", "relevance": "4", "movement": "",
            "note": self.raw("note2"), "ring_reason": self.raw("why2"),
        }  # fmt: skip
        radar = {
            "name": self.radar_name, "municipality": self.municipality_raw, "domain": self.raw("dom"), "date": self.raw("date"),
        }  # fmt: skip
        return {"format": "teknologiradar", "version": 1, "radar": radar, "entries": [entry, second]}


class Findings:
    """Links and images pointing at the trap, per step: collected, and asserted once at the end."""

    def __init__(self, trap: Trap) -> None:
        self.trap = trap
        self.elements: list[str] = []
        self.steps: list[str] = []

    def scan(self, page, step: str) -> None:
        """Every frame of `page`: elements whose address attributes point at the trap."""
        self.steps.append(step)
        needle = f"127.0.0.1:{self.trap.port}"
        for frame in page.frames:
            found = frame.evaluate(
                """([needle, names]) => {
                    const out = [];
                    const walk = root => {
                        for (const el of root.querySelectorAll('*')) {
                            for (const attr of el.attributes) {
                                const name = attr.name.toLowerCase();
                                const value = (attr.value || '').toLowerCase();
                                const hit = value.includes(needle) || value.includes(needle.replace(':', '%3a'));
                                if (names.includes(name) && hit)
                                    out.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 120)}">`);
                            }
                            if (el.shadowRoot) walk(el.shadowRoot);
                        }
                    };
                    walk(document);
                    return out;
                }""",
                [needle, list(URL_ATTRIBUTES)],
            )
            self.elements += [f"{step} [{frame.url[:80]}]: {element}" for element in found]


def wait_shown(page, selector: str, text: str, *, spaces: bool = True, timeout: int = 30_000) -> None:
    """Wait until an element matching `selector` shows `text` (word joiners and spacing aside;
    without `spaces`, as Plotly shows wrapped labels: line by line with no space between)."""
    want = norm(text) if spaces else re.sub(r"\s+", "", norm(text))
    script = (
        f"([sel, want, spaces]) => {{ const norm = {NORM_JS};"
        " return [...document.querySelectorAll(sel)].some(e => { const t = norm(spaces ? e.innerText : e.textContent);"
        " return (spaces ? t : t.replace(/\\s+/g, '')).includes(want); }); }"
    )
    try:
        page.wait_for_function(script, arg=[selector, want, spaces], timeout=timeout)
    except PlaywrightTimeout:
        texts = page.locator(selector).evaluate_all("els => els.map(e => e.textContent)")
        raise AssertionError(f"{text!r} is not shown in {selector}; found {texts[:12]!r}") from None


def choose_ring(page, option: str) -> None:
    """Pick `option` for the file's unknown ring (its label holds the hostile ring text)."""
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="Ringen »").get_by_role("combobox")
    wanted = page.get_by_role("option", name=option, exact=True)
    for _ in range(3):
        # Right after an upload the first click may only move the focus, and a rerun that is still
        # drawing the report closes an open list: open it again, as a user would.
        wait_for_app(page)
        box.click()
        try:
            wanted.click(timeout=5_000)
        except PlaywrightTimeout:
            continue
        return
    pytest.fail(f"the ring list did not stay open long enough to choose {option}")


def download(page, label: str, folder: Path) -> Path:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=label).click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    page.wait_for_function(
        "name => [...document.querySelectorAll('[role=tab]')].some(t => t.innerText.trim() === name"
        " && t.getAttribute('aria-selected') === 'true')",
        arg=name,
    )


def test_text_from_a_file_or_a_link_is_text_everywhere(app_server, browser, tmp_path):
    with trap_server() as trap:
        run_everything(app_server, browser, tmp_path, trap)


def run_everything(app_server, browser, tmp_path: Path, trap: Trap) -> None:
    h = Hostile(trap.base)
    findings = Findings(trap)
    radar_file = tmp_path / "fjendtlig.json"
    radar_file.write_text(json.dumps(h.document(), ensure_ascii=False), encoding="utf-8")
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        # --- Import: report, ring mapping, preview, keep ---------------------------------------
        page.goto(f"{app_server.url}/import")
        wait_for_app(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(str(radar_file))
        wait_shown(page, ".imp-report", h.shown("nm"))
        wait_shown(page, ".imp-groups", h.shown("ring"))
        wait_shown(page, "[data-testid='stSelectbox'] label", f"Ringen »{h.shown('ring')}«")
        wait_shown(page, "[data-testid='stSelectbox'] label", f"Kategorien »{h.shown('cat')}«")
        findings.scan(page, "import report")
        choose_ring(page, "KLAR")
        wait_shown(page, ".ring-list", h.shown("nm2"))
        wait_shown(page, "[data-testid='stPlotlyChart'] g.annotation", h.shown("cat"), spaces=False)
        wait_for_app(page)
        assert page.locator(".st-key-imp-keep-name input").input_value() == h.radar_name
        findings.scan(page, "import preview")
        page.get_by_role("button", name="Gem som egen radar").click()
        page.wait_for_url(re.compile(r"/egen-radar\?radar=[A-Za-z0-9_-]{10,}"))
        edit = parse_qs(urlparse(page.url).query)["radar"][0]

        # --- The own radar, opened by its edit link --------------------------------------------
        page.goto(f"{app_server.url}/egen-radar?edit={edit}")
        wait_shown(page, "[data-testid='stMain'] h1", h.radar_name)
        wait_shown(page, "[data-testid='stCaptionContainer']", h.municipality)
        wait_shown(page, "[data-testid='stPlotlyChart'] g.annotation", h.shown("cat"), spaces=False)
        wait_for_app(page)
        findings.scan(page, "own radar")

        # Presentation: radar with its numbered list, matrix, gaps; then back.
        page.get_by_text("Præsentation", exact=True).first.click()
        wait_shown(page, "[data-testid='stMain'] h3", h.radar_name)
        wait_shown(page, ".ring-list", h.shown("nm"))
        findings.scan(page, "presentation radar")
        for view, drawn in (
            ("Prioritering", ".st-key-own-present-matrix .js-plotly-plot .scatterlayer .point"),
            ("Forskelle til landet", f"[data-testid='stDataFrame'] table[role='grid'] td:has-text('{CATALOGUE_NAME}')"),
        ):
            page.locator("[data-testid='stButtonGroup']").get_by_text(view, exact=True).click()
            page.wait_for_selector(drawn, state="attached")
            findings.scan(page, f"presentation {view}")
        page.get_by_text("Præsentation", exact=True).first.click()
        wait_shown(page, "[data-testid='stMain'] h1", h.radar_name)
        wait_for_app(page)

        open_tab(page, "Sammenlign med landet")
        cells = page.locator("[data-testid='stDataFrame'] table[role='grid'] td")
        cells.filter(has_text=CATALOGUE_NAME).first.wait_for(state="attached")
        findings.scan(page, "compare")

        open_tab(page, "Eksport")
        folder = tmp_path / "exports"
        folder.mkdir()
        files = {ext: download(page, label, folder) for ext, label in (
            ("png", "Billede (PNG)"), ("html", "Interaktiv side (HTML)"), ("csv", "Tabel (CSV)"),
            ("xlsx", "Excel (.xlsx)"), ("json", "Hele radaren (JSON)"),
        )}  # fmt: skip
        findings.scan(page, "export tab")
        assert files["png"].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        # Data files hold the text as it is: no character references, no word joiners.
        document = json.loads(files["json"].read_text(encoding="utf-8"))
        assert document["radar"]["name"] == h.radar_name
        assert document["radar"]["municipality"] == h.municipality
        notes = {e["name"]: e["note"] for e in document["entries"]}
        assert notes == {h.shown("nm"): h.shown("note"), CATALOGUE_NAME: h.shown("note2")}
        csv_text = files["csv"].read_text(encoding="utf-8-sig")
        assert h.shown("nm") in csv_text and h.shown("next") in csv_text and "&#" not in csv_text and WORD_JOINER not in csv_text
        sheet = openpyxl.load_workbook(io.BytesIO(files["xlsx"].read_bytes())).worksheets[0]
        header = [c.value for c in sheet[1]]
        names = sorted(row[header.index("name")] for row in sheet.iter_rows(min_row=2, values_only=True))
        assert names == sorted([h.shown("nm"), CATALOGUE_NAME])

        # The HTML export, opened in the browser as a person opens the file.
        exported = context.new_page()
        exported.goto(files["html"].resolve().as_uri())
        exported.wait_for_selector(".js-plotly-plot .scatterlayer .textpoint")
        wait_shown(exported, "h1", h.radar_name)
        wait_shown(exported, "p.sub", h.municipality)
        wait_shown(exported, "td", h.shown("note"))
        wait_shown(exported, "td", h.shown("why2"))
        wait_shown(exported, "g.annotation", h.shown("cat"), spaces=False)
        findings.scan(exported, "HTML export")
        exported.close()

        open_tab(page, "Historik")
        wait_for_app(page)
        findings.scan(page, "history")
        open_tab(page, "Om radaren")
        codes = page.locator("[data-testid='stCode'] code")
        codes.nth(1).wait_for()
        view_link = codes.nth(1).inner_text().strip()
        assert "?view=" in view_link
        findings.scan(page, "settings")

        # --- The view link in a fresh browser --------------------------------------------------
        stranger = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="da-DK")
        try:
            other = stranger.new_page()
            other.set_default_timeout(30_000)
            other.goto(view_link)
            wait_shown(other, "[data-testid='stMain'] h1", h.radar_name)
            other.get_by_text("Du ser radaren via et visningslink").wait_for()
            wait_shown(other, "[data-testid='stPlotlyChart'] g.annotation", h.shown("cat"), spaces=False)
            wait_for_app(other)
            findings.scan(other, "view link")
            open_tab(other, "Om radaren")
            wait_shown(other, "[data-testid='stCaptionContainer']", h.municipality)
            findings.scan(other, "view link settings")
        finally:
            stranger.close()

        # --- Open the JSON export as a new radar -----------------------------------------------
        page.get_by_role("button", name="Alle radarer").click()
        wait_shown(page, "[data-testid='stMain'] [data-testid='stMarkdownContainer']", h.radar_name)
        wait_shown(page, "[data-testid='stMain'] [data-testid='stMarkdownContainer']", h.municipality)
        findings.scan(page, "own radar list")
        page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(files["json"]))
        page.get_by_role("button", name="Opret radar fra filen").click()
        page.wait_for_function("id => location.search.includes('edit=') && !location.search.includes(id)", arg=edit)
        wait_shown(page, "[data-testid='stMain'] h1", f"{h.radar_name} (2)")
        wait_shown(
            page, "[data-testid='stAlertContentSuccess']",
            f"Radaren '{h.radar_name} (2)' er oprettet fra filen med 2 teknologier. Der findes allerede en radar,"
            f" som hedder '{h.radar_name}', så den nye radar hedder '{h.radar_name} (2)'.",
        )  # fmt: skip
        wait_for_app(page)
        findings.scan(page, "opened export")

        # --- Import again under a name that is taken: the message names both, literally --------
        page.goto(f"{app_server.url}/import")
        wait_for_app(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(str(radar_file))
        wait_shown(page, ".imp-report", h.shown("nm"))
        choose_ring(page, "KLAR")
        wait_shown(page, ".ring-list", h.shown("nm2"))
        wait_for_app(page)
        page.locator(".st-key-imp-keep-name input").fill(h.radar_name)
        page.get_by_role("button", name="Gem som egen radar").click()
        page.wait_for_url(re.compile(r"/egen-radar\?radar="))
        wait_shown(page, "[data-testid='stMain'] h1", f"{h.radar_name} (3)")
        wait_shown(
            page, "[data-testid='stAlertContentSuccess']",
            f"Der findes allerede en radar, som hedder '{h.radar_name}', så den nye radar hedder '{h.radar_name} (3)'.",
        )  # fmt: skip
        wait_for_app(page)
        findings.scan(page, "kept under a taken name")

        # --- Delete it: the message and the bin name it literally --------------------------------
        open_tab(page, "Om radaren")
        page.get_by_role("button", name="Slet").click()
        page.get_by_role("button", name="Ja, slet radaren").click()
        wait_shown(page, "[data-testid='stAlertContentSuccess']", f"Radaren '{h.radar_name} (3)' er lagt i papirkurven.")
        page.get_by_text("Papirkurv (1)").click()
        wait_shown(page, "[data-testid='stExpander'] [data-testid='stMarkdownContainer']", f"{h.radar_name} (3)")
        findings.scan(page, "bin")

        # --- Every national page, with the text in every URL parameter the app reads ----------
        value = quote(h.raw("url"), safe="")
        read = ("domain", "q", "category", "ring", "movement", "edition", "tech", "lang", "edit", "view", "radar", "present")
        params = "&".join(f"{name}={value}" for name in read)
        for slug in ("", "fagomraader", "teknologi", "om", "import", "egen-radar"):
            page.goto(f"{app_server.url}/{slug}?{params}")
            wait_for_app(page)
            if slug in ("", "fagomraader"):
                page.get_by_text("Ingen teknologier passer til filtrene.").wait_for()
                assert norm(page.locator(".st-key-q input").input_value()) == norm(h.raw("url"))
            if slug == "fagomraader":
                wait_shown(page, "[data-testid='stAlertContentWarning']", f"Ukendt fagområde: {h.raw('url')}")
            findings.scan(page, f"/{slug} with hostile parameters")
    finally:
        context.close()

    assert findings.elements == [], "elements pointing at the trap:\n" + "\n".join(findings.elements)
    assert trap.requests == [], f"the trap server received requests: {trap.requests}"
    assert len(findings.steps) >= 20, findings.steps
