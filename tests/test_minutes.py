"""The minutes as a PDF: the sample meeting (an own radar in a real DuckDB file, a closed workshop round, an
extra section) read back with pypdf; English; hostile text; 200 entries over several pages; the download button."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from radar import drawing, minutes, minutes_pdf, own, service
from radar.config import RING_KEYS
from radar.db import own as db
from radar.db import workshop as wdb
from radar.i18n import t
from radar.safe import PDF_MISSING, pdf_text

META = {"name": "Odder Kommune: teknologidag", "municipality": "Odder", "domain": None, "date": "2026-12-03"}
MATURITY = {
    "title": "Digital modenhed",
    "lines": ["Selvvurdering med fire overskrifter; laveste udsagn er stederne at starte."],
    "table": {"header": ["Overskrift", "Score", "Spredning"], "rows": [["Strategi", "3,2", "0,8"], ["Teknik", "2,1", "1,4"]]},
}
TODAY = date(2026, 12, 3)


def _reference(national_db: Path, lang: str) -> dict:
    edition = int(service.editions(national_db)["year"].max())
    return {
        "edition": edition,
        "sample": bool(service.editions(national_db).set_index("year").at[edition, "sample"]),
        "catalogue": service.technologies(national_db, lang),
        "categories": service.categories(national_db, lang),
        "national": service.scores(national_db, edition, None),
    }


def meeting(national_db: Path, path: Path, lang: str = "da", extra: list | None = None, count: int | None = None) -> tuple:
    """The sample meeting: a radar started from the country, decisions typed in, one closed round of 3 voters."""
    ref = _reference(national_db, "da")
    entries = own.starter_entries(ref["national"], ref["catalogue"])[: count or 10]
    link = db.create_radar(path, META, entries)
    ids = db.load_entries(path, link)["entry_id"].tolist()
    version = db.update_entries(
        path, link, 1,
        {
            ids[0]: {"status": 3, "relevance": 5, "note": "Bredes ud til hele forvaltningen", "owner": "Søren Ærø",
                     "next_step": "Plan til direktionen i januar"},
            ids[1]: {"ring": "afvent", "ring_reason": "Afventer udbud i 2027", "status": 1, "owner": "Åse Øster"},
            ids[2]: {"status": 0, "relevance": 2},
        },
    )  # fmt: skip
    db.add_entries(path, link, version, [{"name": "Vejsensorer i Odder", "category": "sensors", "status": 2, "maturity": 4}])
    techs = db.load_entries(path, link).to_dict("records")
    started = wdb.start_round(path, link, techs[:4], ["ring"])
    answers = [("klar", "klar", "afproev"), ("afproev", "afproev", "afproev"), ("klar", "afvent", "hold_oeje")]
    for who, ring_votes in zip(("Anna", "Bo", "Cai"), zip(*answers, strict=True), strict=True):
        token = wdb.join(path, started["code"], who)
        for entry, value in zip(started["entry_ids"][:3], ring_votes, strict=True):
            wdb.vote(path, started["code"], token, entry, "ring", value)
    wdb.close_round(path, link, started["round_id"])
    return link, build(national_db, path, link, lang, extra if extra is not None else [MATURITY])


def build(national_db: Path, path: Path, link: str, lang: str, extra: list) -> minutes.Minutes:
    ref = _reference(national_db, lang)
    meta, entries = db.load_state(path, link)
    table = own.local_table(entries, ref["catalogue"], ref["national"])
    cats = own.radar_sectors(table, ref["categories"])
    blips = own.local_blips(table, cats["id"].tolist())
    rounds, votes = wdb.rounds_data(path, link)
    reference = t("minutes_reference", lang, scope=t("own_compare_combined", lang), year=ref["edition"])
    return minutes.build_minutes(
        meta, table, blips, cats, ref["national"], reference, rounds, votes, lang,
        sample=ref["sample"], domain_name=t("own_no_domain", lang), today=TODAY, extra_sections=extra,
    )  # fmt: skip


def pdf_words(data: bytes) -> tuple[str, int]:
    """All text of the PDF (pages joined, line breaks as spaces) and its page count."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages)


@pytest.fixture(scope="module")
def sample_meeting(national_db, tmp_path_factory) -> tuple[minutes.Minutes, bytes]:
    """The sample meeting's minutes in Danish and their PDF, made once for the tests that only read them."""
    target = tmp_path_factory.mktemp("minutes") / "own.duckdb"
    _, made = meeting(national_db, target)
    yield made, minutes_pdf.minutes_pdf(made)
    db.close(target)


def test_the_sample_meeting_has_every_section_and_its_values(sample_meeting):
    made, data = sample_meeting
    assert data.startswith(b"%PDF-") and not minutes_pdf.needs_shaping(made)
    text, pages = pdf_words(data)
    headings = ["Referat: Odder Kommune: teknologidag", "Radaren", "Teknologier efter ring",
                "Beslutninger, ansvarlige og næste skridt", "Forskelle til landet", "Workshoprunder",
                "Digital modenhed"]  # fmt: skip
    assert [h for h in headings if h not in text] == []
    assert "Dato: 3. december 2026" in text
    assert "Deltagere: 3 (flest, der svarede i én workshoprunde)" in text
    assert "Eksempeldata — ikke KL's officielle tal" in text
    first = made.sections[1].parts[0].table.rows[0]  # the first technology of the innermost ring drawn
    assert f"{first[0]} {first[1]}" in text
    assert "Søren Ærø" in text and "Plan til direktionen i januar" in text and "Afventer udbud i 2027" in text
    assert "Vejsensorer i Odder" in text
    assert re.search(r"Runde 1 · \d{1,2}\. [a-zæøå]+ 20\d\d Spørgsmål: Ring Deltagere, der svarede: 3", text), text
    assert "✓ enige" in text and "uenighed" in text
    assert "Strategi 3,2 0,8" in text
    assert pages >= 2


def test_the_room_is_tallied_per_technology(sample_meeting):
    made, _ = sample_meeting
    workshop_part = [s for s in made.sections if s.key == "workshop"][0]
    rows = {r[0]: r[1:] for r in workshop_part.parts[1].table.rows}
    # 3 voters: KLAR, KLAR, AFPRØV on the first; all AFPRØV on the second; one each on the third
    assert sorted(rows.values()) == sorted([
        ("KLAR", "67\xa0%", "3", "✓ enige"), ("AFPRØV", "100\xa0%", "3", "✓ enige"), ("KLAR", "33\xa0%", "3", "uenighed"),
        ("–", "–", "0", "–"),
    ])  # fmt: skip
    table = workshop_part.parts[1].table
    assert [table.rows[i][4] for i in table.marked] == ["uenighed"], "the disputed row is stressed"


def test_the_sections_come_in_order_with_the_extra_sections_after_the_workshop(sample_meeting):
    made, _ = sample_meeting
    assert [s.key for s in made.sections] == list(minutes.SECTION_KEYS)
    assert [s.title for s in made.extra] == ["Digital modenhed"]


def test_the_english_minutes(national_db, path):
    _, made = meeting(national_db, path, "en")
    text, _ = pdf_words(minutes_pdf.minutes_pdf(made))
    for expected in ("Minutes: Odder Kommune", "Technologies by ring", "Decisions, owners and next steps", "Gaps to the country",
                     "Workshop rounds", "Date: 3 December 2026", "Participants: 3", "Sample data — not KL's official figures",
                     "Round 1 · ", "READY", "Page 1/"):  # fmt: skip
        assert expected in text, expected


def test_the_radar_is_drawn_from_the_screen_charts_blip_positions(sample_meeting):
    made, _ = sample_meeting
    art = drawing.radar_drawing(made.blips, made.categories, "da", 500, 460)
    assert [(b.x, b.y) for b in art.blips] == list(zip(made.blips["x"], made.blips["y"], strict=True))
    assert [b.number for b in art.blips] == [str(n) for n in made.blips["number"]]
    assert [c.radius for c in art.rings] == [1.0, 0.775, 0.55, 0.325]
    assert [lab.lines[0] for lab in art.ring_labels] == [t("ring_" + k, "da") for k in RING_KEYS]
    assert len(art.lines) == len(made.categories) + 1 and art.numbers_shown  # the ring names' free wedge has two edges


HOSTILE_NAME = "<script>alert('x')</script> \u202eevil\u202c 🦄👍 שלום عربي"


def small_radar(national_db: Path, path: Path, count: int = 3) -> str:
    """A radar of the country's first `count` technologies, no rounds: its edit link."""
    ref = _reference(national_db, "da")
    return db.create_radar(path, META, own.starter_entries(ref["national"], ref["catalogue"])[:count])


def test_hostile_text_is_sanitized_and_does_not_crash(national_db, path):
    link = small_radar(national_db, path)
    entry = db.load_entries(path, link)["entry_id"].iloc[0]
    version = db.load_radar(path, link)["version"]
    db.update_entries(path, link, version, {entry: {"note": "Lang " * 399 + "\u202e🦄", "owner": "Bo \u200bÆrø"}})
    extra = [
        {"title": HOSTILE_NAME, "lines": ["x" * 10_000, "ord " * 2500, None], "table": {"header": ["a", "b"], "rows": [["1"], ["2", "3", "4"]]}},  # noqa: E501
        {"title": "Ingen tabel", "lines": [], "table": None},
    ]  # fmt: skip
    made = build(national_db, path, link, "da", extra)
    text, pages = pdf_words(minutes_pdf.minutes_pdf(made))
    assert "<script>alert('x')</script>" in text and "Bo Ærø" in text and "Lang Lang" in text
    assert "\u202e" not in text
    assert minutes_pdf.needs_shaping(made)
    assert "שלום" in text, "right-to-left text is shaped (uharfbuzz) and set in its reading order"
    assert "🦄" not in text and "👍" not in text and PDF_MISSING in text
    assert "Ingen tabel" in text and pages >= 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a\u202eb\u200bc\x07d", "abcd"),
        ("tab\there", "tab here"),
        ("linje\r\nto", "linje\nto"),
        ("<script>", "<script>"),
        (None, ""),
        ("e\u0301", "é"),
    ],
)
def test_pdf_text_drops_invisible_and_control_characters(value, expected):
    assert pdf_text(value) == expected


def test_pdf_text_cuts_long_text_and_marks_missing_glyphs():
    assert pdf_text("x" * 50, limit=10) == "x" * 9 + "…"
    assert pdf_text("æ😀", glyphs={ord("æ"), ord(PDF_MISSING)}) == "æ" + PDF_MISSING
    assert pdf_text("æ😀", glyphs={ord("æ")}) == "æ?"


def test_the_shipped_font_draws_danish_letters_the_check_mark_and_the_ring_names():
    needed = "æøåÆØÅ✓–—·…" + "".join(t("ring_" + k, lang) for k in RING_KEYS for lang in ("da", "en"))
    assert [c for c in needed if ord(c) not in minutes_pdf.font_glyphs()] == []
    assert (minutes_pdf.FONT_DIR / "LICENSE-DejaVu.txt").read_text("utf-8").count("Bitstream") > 3


def test_two_hundred_entries_run_over_several_pages(national_db, path):
    ref = _reference(national_db, "da")
    many = [{"name": f"Teknologi nummer {i}", "category": ref["categories"]["id"].iloc[i % 6], "status": i % 4,
             "owner": f"Ejer {i}" if i % 50 == 49 else ""} for i in range(200)]  # fmt: skip
    link = db.create_radar(path, {**META, "name": "Mange"}, many)
    made = build(national_db, path, link, "da", [])
    text, pages = pdf_words(minutes_pdf.minutes_pdf(made))
    assert pages >= 6
    assert "Teknologi nummer 0" in text and "Teknologi nummer 199" in text and "Ejer 199" in text
    assert "Side 1/" in text


def test_a_radar_without_rounds_or_notes_says_so(national_db, path):
    link = small_radar(national_db, path)
    made = build(national_db, path, link, "da", [])
    text, _ = pdf_words(minutes_pdf.minutes_pdf(made))
    assert t("minutes_no_rounds", "da") in text and t("minutes_no_decisions", "da") in text
    assert t("minutes_participants_none", "da") in text


def test_an_extra_section_is_taken_leniently():
    section = minutes.extra_section({"title": 7, "lines": [1, None], "table": {"header": ["a", "b"], "rows": [[1], [1, 2, 3]]}})
    assert section.title == "7" and section.parts[0].lines == ("1", "")
    assert section.parts[0].table.rows == (("1", ""), ("1", "2"))
    assert minutes.extra_section({"title": "x"}).parts[0].table is None
    assert section.parts[0].table.widths is None  # no widths: equal columns


def test_an_extra_section_keeps_its_column_widths_only_when_there_is_one_per_column():
    table = {"header": ["Nr.", "Spørgsmål"], "rows": [["1", "Hvem?"]]}
    assert minutes.extra_section({"title": "x", "table": {**table, "widths": [1, 9]}}).parts[0].table.widths == (1.0, 9.0)
    assert minutes.extra_section({"title": "x", "table": {**table, "widths": [1, 2, 3]}}).parts[0].table.widths is None


def test_the_download_button_is_on_the_own_radars_export_tab_in_english(national_db, path, own_app):
    link = small_radar(national_db, path)
    own_app.query_params["edit"] = link
    own_app.query_params["lang"] = "en"
    own_app.session_state["own-tabs"] = t("own_tab_export", "en")
    at = own_app.run()
    assert not at.exception
    buttons = [b for b in at.download_button if b.proto.label == "Minutes (PDF)"]
    assert len(buttons) == 1


def test_long_dates_are_written_the_languages_way():
    assert minutes.long_date("2026-12-03", "da") == "3. december 2026"
    assert minutes.long_date(date(2026, 12, 3), "en") == "3 December 2026"
    assert minutes.long_date(pd.NaT, "da") == ""


def test_an_empty_radar_gives_minutes_too(national_db, path):
    link = db.create_radar(path, {**META, "name": "Tom"}, [])
    made = build(national_db, path, link, "en", [])
    text, pages = pdf_words(minutes_pdf.minutes_pdf(made))
    assert "The radar has no technologies yet." in text and "0 technologies" in text and pages >= 1


def test_the_radars_latest_maturity_assessment_and_its_dialogue_notes_are_in_its_minutes(national_db, path, monkeypatch):
    from types import SimpleNamespace

    from radar import maturity
    from radar.db import dialogue as ddb
    from radar.db import maturity as mdb
    from radar.ui_own import exports

    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(path))
    link, _ = meeting(national_db, path, extra=[])
    every = {key: "2" for keys in maturity.STATEMENTS.values() for key in keys}
    mdb.save_for_radar(path, link, maturity.Assessment(day=date(2026, 6, 1), responses=(every,)))
    later = {**every, "strategi_vaerdi": "5", "styring_mandat": "4"}
    mdb.save_for_radar(path, link, maturity.Assessment(day=date(2026, 12, 3), responses=(later, every)))
    version = ddb.add_question(path, link, int(db.load_radar(path, link)["version"]), "radar.cost_not")
    ddb.save_typed(path, link, ddb.load_agenda(path, link)[0]["item_id"], "decision", "Anna undersøger udbud", "")
    sections = exports.minutes_sections(SimpleNamespace(link=link))
    assert version > 1 and [s["title"] for s in sections] == ["Digital modenhed", "Dialogspørgsmål"]
    text, _ = pdf_words(minutes_pdf.minutes_pdf(build(national_db, path, link, "da", sections)))
    assert "Digital modenhed" in text and "Dialogspørgsmål" in text and "Anna undersøger udbud" in text
    overall = maturity.score_text(maturity.score(maturity.Assessment(day=TODAY, responses=(later, every))).overall, "da")
    assert f"Samlet score {overall} af 5; 2 har svaret." in text


def test_a_radar_with_a_maturity_round_gets_its_minutes_with_the_round_in_the_maturity_part(national_db, path):
    from radar import maturity, workshop

    link, _ = meeting(national_db, path, extra=[])
    items = [{"entry_id": k, "technology_id": None, "name": k, "description": None} for k in maturity.STATEMENT_KEYS]
    started = wdb.start_round(path, link, items, [workshop.MATURITY])
    token = wdb.join(path, started["code"], "Dina")
    wdb.vote(path, started["code"], token, maturity.STATEMENT_KEYS[0], workshop.MATURITY, "4")
    made = build(national_db, path, link, "da", [])
    text, _ = pdf_words(minutes_pdf.minutes_pdf(made))
    assert "Runde 1" in text and "Runde 2" not in text  # the workshop part lists the technology round only
