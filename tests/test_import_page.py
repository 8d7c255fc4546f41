"""The Import page (issue 4, part 6): an AppTest that uploads files, and the page's pure helpers."""

from __future__ import annotations

import html
import io
import json
import math
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from formats.helpers import OWN_LIST_CSV, OWN_LIST_JSON_BYTES
from streamlit.testing.v1 import AppTest

from radar import config, service
from radar.db import own as own_db
from radar.formats import (
    ACCEPTED,
    ACCEPTED_WITH_CHANGE,
    REJECTED,
    Entry,
    read_radar_file,
    write_byor_csv,
    write_own_csv,
    write_own_json,
    write_own_xlsx,
)
from radar.formats.text import description_text
from radar.layout import ring_bounds
from radar.national_export import national_entries
from radar.own import category_ids, entries_from_rows
from radar.safe import plain
from radar.ui_import import (
    KEEP,
    NO_CATEGORY,
    UNPLACED,
    apply_choices,
    category_counts,
    preview_blips,
    preview_figure,
    reason_groups,
    report_csv,
    report_rows,
    report_table_html,
    ring_counts,
    ring_list_html,
    with_our_categories,
)

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[1] / "app.py")
FIXTURES = Path(__file__).parent / "fixtures"

MARKUP_CSV = (
    b"name,ring,quadrant,isNew,description\n"
    b"<script>alert(1)</script>Kubernetes,Adopt,Platforms,TRUE,<img src=x onerror=alert(1)>Container orchestration\n"
    b'5 < 6 & 7 > 3,Trial,Tools,FALSE,"<p>Nice <b>tool</b></p><img src=x onerror=alert(1)>"\n'
    b"Terraform,Explore,Tools,FALSE,plain\n"
    b",Hold,Tools,FALSE,no name\n"
    b"Kunstig intelligens,Adopt,Data og kunstig intelligens,FALSE,ours\n"
)


@pytest.fixture
def app(national_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(tmp_path / "own.duckdb"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/importer.py")
    return at


@pytest.fixture(scope="module")
def categories(national_db) -> pd.DataFrame:
    return service.categories(national_db, "da")


def html_bodies(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def upload(at: AppTest, name: str, data: bytes, key: str = "imp-file") -> AppTest:
    at.file_uploader(key=key).set_value((name, data, "application/octet-stream"))
    return at.run()


# --- the page ---------------------------------------------------------------------------------------
def test_page_renders_with_an_uploader_and_the_exports(app):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Importér en radar"
    # The second tab is a new national edition (tests/test_edition_page.py): its two files and templates.
    assert [f.label for f in at.get("file_uploader")] == [
        "Radarfil (CSV, Excel eller JSON)", "Opsætningsfil (JSON)", "Svar (CSV eller Excel)", "Modenhed (CSV eller Excel)"
    ]  # fmt: skip
    labels = [b.proto.label for b in at.get("download_button")]
    templates = ["Skabelon til svar (CSV)", "Skabelon til modenhed (CSV)"]
    assert labels == [*templates, "Build Your Own Radar (CSV)", "CSV", "Excel", "JSON"]


def test_page_in_english(app):
    app.query_params["lang"] = "en"
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Import a radar"


def test_upload_reports_every_row_escapes_markup_and_keeps_the_radar(app, tmp_path):
    at = upload(app.run(), "markup.csv", MARKUP_CSV)
    assert not at.exception
    assert [(m.label, m.value) for m in at.metric] == [
        ("Rækker i filen", "5"), ("Godkendt", "0"), ("Godkendt med ændring", "4"), ("Afvist", "1"),
    ]  # fmt: skip
    body = html_bodies(at)
    assert "5 < 6 & 7 > 3" in html.unescape(body) and "5 < 6" not in body
    assert "Kubernetes" in body and "navnet mangler" in body
    assert "<script" not in body and "<img" not in body and "onerror" not in body
    # The unknown ring must be chosen before the radar can be kept; categories may stay.
    ring = at.selectbox(key=next(s.key for s in at.selectbox if s.label.startswith("Ringen »Explore«")))
    assert ring.value is None
    keep = at.get("form_submit_button")[0] if at.get("form_submit_button") else at.button[0]
    assert keep.disabled
    assert any("»Explore«" in w.value for w in at.warning) or any("ukendte ringe" in w.value for w in at.warning)
    at = ring.set_value("afproev").run()
    assert not at.exception
    keep = next(b for b in at.button if b.label == "Gem som egen radar")
    assert not keep.disabled
    at = keep.click().run()
    assert not at.exception
    radars = own_db.list_radars(tmp_path / "own.duckdb")
    assert radars["name"].tolist() == ["markup"]
    entries = own_db.load_entries(tmp_path / "own.duckdb", radars["edit_token"].iloc[0]).set_index("name")
    assert sorted(entries.index) == ["5 < 6 & 7 > 3", "Kubernetes", "Kunstig intelligens", "Terraform"]
    assert entries.loc["Terraform", "ring"] == "afproev"
    assert entries.loc["Kunstig intelligens", "category"] == "data"
    assert "markup.csv" in entries.loc["Kubernetes", "ring_reason"]
    # The own radar page opened with the new radar.
    assert at.query_params["radar"] in (radars["edit_token"].iloc[0], [radars["edit_token"].iloc[0]])


def test_a_taken_name_is_reported_with_the_names_shown_literally(app, tmp_path):
    taken = "![i](http://example.com/i.png) [x](http://example.com/p)"
    own_db.create_radar(tmp_path / "own.duckdb", {"name": taken, "municipality": "", "domain": None, "date": None})
    at = upload(app.run(), "radar.csv", b"name,ring,quadrant\nDroner,Adopt,Tools\n")
    at.text_input(key="imp-keep-name").set_value(taken)  # a form's values are sent with its button
    at = next(b for b in at.button if b.label == "Gem som egen radar").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        f"Der findes allerede en radar, som hedder '{plain(taken)}', så den nye radar hedder '{plain(taken + ' (2)')}'."
    ]


def test_a_file_that_is_not_a_radar_gets_a_plain_message(app):
    at = upload(app.run(), "photo.csv", b"\x89PNG\r\n\x1a\nbinary")
    assert not at.exception
    assert [e.value for e in at.error] == ["Filen ligner ikke en radarfil. Brug CSV, Excel (.xlsx) eller JSON."]
    assert not at.metric


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("x.xlsx", b"PK\x03\x04garbage", "Excel-filen kunne ikke åbnes. Den kan være beskadiget eller beskyttet "
                     "med adgangskode.", id="broken xlsx"),
        pytest.param("tom.csv", b"\xef\xbb\xbf \r\n", "Filen er tom.", id="empty file"),
        pytest.param("kun-overskrift.csv", b"name,ring,quadrant\n", "Filen har ingen rækker med teknologier – kun en "
                     "overskriftslinje eller en tom liste. Tilføj rækker, og vælg filen igen.", id="header only"),
        pytest.param("tom.json", b'{"format": "teknologiradar", "version": 1, "entries": []}', "Filen har ingen rækker "
                     "med teknologier – kun en overskriftslinje eller en tom liste. Tilføj rækker, og vælg filen igen.",
                     id="json without entries"),
    ],
)  # fmt: skip
def test_a_file_a_user_can_get_wrong_shows_our_message_and_no_traceback(app, name, data, expected):
    at = upload(app.run(), name, data)
    assert not at.exception
    assert [e.value for e in at.error] == [expected]
    assert not at.metric  # no report of zero rows


def test_a_broken_xlsx_in_english(app):
    app.query_params["lang"] = "en"
    at = upload(app.run(), "x.xlsx", b"PK\x03\x04garbage")
    assert not at.exception
    assert [e.value for e in at.error] == ["The Excel file could not be opened. It may be damaged or password-protected."]


def test_error_messages_escape_values_from_the_file(app):
    at = upload(app.run(), "odd.csv", b"nombre,[x](javascript:alert(1)),![img](http://example.com/t.png)\n1,2,3\n")
    assert not at.exception
    message = at.error[0].value
    assert "nombre, &#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;, &#33;&#91;img&#93;" in message


def test_zalando_with_its_configuration_names_the_quadrants(app):
    at = upload(app.run(), "zalando.json", (FIXTURES / "zalando_small.json").read_bytes())
    assert not at.exception
    assert any("config.json" in i.value for i in at.info)
    at = upload(at, "config.json", (FIXTURES / "zalando_small_config.json").read_bytes(), key="imp-config")
    assert not at.exception
    assert not any("config.json" in i.value for i in at.info)
    config_doc = json.loads((FIXTURES / "zalando_small_config.json").read_text())
    quadrants = [q["name"] if isinstance(q, dict) else q for q in config_doc["quadrants"]]
    labels = " ".join(s.label for s in at.selectbox)
    assert any(q in labels for q in quadrants)


def test_a_workbook_with_two_sheets_offers_the_sheet(app):
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "Forside"
    first.append(["Intet her"])
    second = workbook.create_sheet("Radar")
    second.append(["navn", "ring", "kategori"])
    second.append(["Droner", "KLAR", "Robotter og automatisering"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    at = upload(app.run(), "radar.xlsx", buffer.getvalue())
    sheet = at.selectbox(key="imp-sheet")
    assert sheet.options == ["Forside", "Radar"]
    at = sheet.set_value("Radar").run()
    assert not at.exception
    assert [(m.label, m.value) for m in at.metric][0] == ("Rækker i filen", "1")


# --- pure helpers -------------------------------------------------------------------------------------
def result_of(data: bytes, categories: pd.DataFrame):
    known = [*categories["id"], *categories["name"]]
    return with_our_categories(read_radar_file(data, known_categories=known), category_ids(categories))


def test_report_rows_add_up_and_filter_by_status(categories):
    result = result_of(MARKUP_CSV, categories)
    rows = report_rows(result, "da")
    assert [r["line"] for r in rows] == [2, 3, 4, 5, 6]
    assert (
        len(report_rows(result, "da", [ACCEPTED_WITH_CHANGE])) + len(report_rows(result, "da", [ACCEPTED, REJECTED]))
        == result.rows
    )
    assert report_rows(result, "en", [REJECTED]) == [
        {"line": 5, "status": REJECTED, "status_text": "Rejected", "name": "", "what": "the name is missing"}
    ]


def test_report_html_and_csv_keep_file_text_inert():
    rows = [{"line": 2, "status": ACCEPTED, "status_text": "Godkendt", "name": "<b>x</b> & y", "what": "»<script>«"}]
    table = report_table_html(rows, "da")
    assert "<b>x</b> & y" in html.unescape(table) and "»<script>«" in html.unescape(table)
    assert "<b>x" not in table and "<script" not in table
    result = read_radar_file(b"name,ring\n=HYPERLINK(1),adopt\n")
    text = report_csv(result, "da").decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and text.splitlines()[0] == "Linje;Status;Teknologi;Hvad skete der"


def test_reason_groups_count_what_happened(categories):
    result = result_of(MARKUP_CSV, categories)
    groups = dict(reason_groups(result, "da"))
    assert groups["Beskrivelse: formatering eller kode er fjernet"] == 2
    assert groups["navnet mangler"] == 1
    dupes = read_radar_file(b"name,ring\nA,adopt\na,adopt\nA,hold\n")
    assert dict(reason_groups(dupes, "da"))["samme navn som en tidligere linje – lagt sammen med den"] == 2


def test_choices_map_rings_and_categories_and_leave_the_rest(categories):
    result = result_of(MARKUP_CSV, categories)
    assert ring_counts(result) == {"Explore": 1}
    assert category_counts(result) == {"Platforms": 1, "Tools": 2}
    untouched = apply_choices(result, {"Explore": None}, {"Platforms": KEEP})
    assert untouched.entries == result.entries
    left_out = apply_choices(result, {"Explore": UNPLACED}, {})
    assert next(e for e in left_out.entries if e.name == "Terraform").ring is None
    mapped = apply_choices(result, {"Explore": "hold_oeje"}, {"Tools": "automation"})
    by_name = {e.name: e for e in mapped.entries}
    assert by_name["Terraform"].ring == "hold_oeje"
    assert by_name["Terraform"].category == by_name["5 < 6 & 7 > 3"].category == "automation"
    assert by_name["Kubernetes"].category == "Platforms"
    assert by_name["Kunstig intelligens"].category == "data"
    assert mapped.rows == result.rows


def test_preview_places_blips_by_ring_alone(categories):
    entries = [
        Entry(name="B", ring="klar", category="data"),
        Entry(name="A", ring="klar", category="data"),
        Entry(name="Z", ring="afvent", category="Tools"),
        Entry(name="Y", ring="hold_oeje"),
        Entry(name="X", ring=None, ring_raw="Explore", category="Tools"),
    ]
    blips, sectors, unplaced = preview_blips(entries, categories, "da")
    # The file uses one of our categories: all six of ours, then its own, as the kept radar shows them.
    assert sectors["id"].tolist() == [*categories["id"], "Tools", NO_CATEGORY]
    assert sectors["name"].tolist() == [*categories["name"], "Tools", "Uden kategori"]
    assert unplaced == ["X"]
    assert blips.sort_values("number")["name"].tolist() == ["A", "B", "Y", "Z"]
    assert blips["score"].isna().all()
    for _, row in blips.iterrows():
        inner, outer = ring_bounds(config.RING_KEYS.index(row["ring"]))
        assert inner < row["r"] < outer
    # No two blips overlap.
    xy = blips[["x", "y"]].to_numpy()
    d = float(blips["diameter"].iloc[0])
    assert all(math.dist(xy[i], xy[j]) >= d - 1e-9 for i in range(len(xy)) for j in range(i + 1, len(xy)))


def test_a_file_with_only_its_own_categories_shows_only_those(categories):
    entries = [
        Entry(name="K8s", ring="klar", category="Platforms"),
        Entry(name="Go", ring="afvent", category="Languages"),
        Entry(name="Eget", ring="klar"),
        Entry(name="Rust", ring="klar", category="Languages"),
    ]
    _, sectors, _ = preview_blips(entries, categories, "da")
    assert sectors["id"].tolist() == ["Platforms", "Languages", NO_CATEGORY]


@pytest.mark.parametrize(
    "file_categories",
    [["Platforms", "Tools", "", "Tools"], ["automation", "Tools", "", "data"], ["", ""], ["Languages"]],
)
def test_preview_and_kept_radar_have_the_same_sectors_in_the_same_order(categories, file_categories):
    """Sector colours follow sector order, so the same order means the same colours in both."""
    from radar.own import radar_sectors

    entries = [Entry(name=f"T{i}", ring="klar", category=c) for i, c in enumerate(file_categories)]
    _, preview, _ = preview_blips(entries, categories, "da")
    rows, _ = entries_from_rows(entries, NO_CATALOGUE, categories, source="fil.csv")
    kept = radar_sectors(pd.DataFrame({"category": [r["category"] for r in rows]}), categories)
    assert [c if c != NO_CATEGORY else "Uden kategori" for c in preview["id"]] == kept["id"].tolist()
    assert preview["name"].tolist() == kept["name"].tolist()


def test_preview_list_and_labels_escape_file_text(categories):
    blips = pd.DataFrame({"ring": ["klar"], "number": [1], "name": ["<img src=x onerror=alert(1)> & co"], "movement": ["new"]})
    listed = ring_list_html(blips, "da")
    assert "<img src=x onerror=alert(1)> & co ★" in html.unescape(listed) and "<img" not in listed
    # Sector labels as Plotly shows them (lines between <br>, character references decoded): the file's
    # text once, long words broken after "-", never a literal "<br>" or "&#60;".
    entries = [Entry(name=f"T{i}", ring="klar", category=c) for i, c in enumerate(("languages-and-frameworks", "a <b> c"))]
    fig = preview_figure(*preview_blips(entries, categories, "da")[:2], "da")
    # Each line of a label may be bold on its own ("<b>…</b><br><b>…</b>"); the file's text is what is between.
    texts = [a.text.replace("<b>", "").replace("</b>", "") for a in fig.layout.annotations]
    shown = [[html.unescape(line) for line in text.split("<br>")] for text in texts]
    assert ["".join(lines) for lines in shown] == ["languages-and-frameworks", "a <b> c"]
    assert all(line.endswith("-") for line in shown[0][:-1]), "long words break after a hyphen"
    assert all("<" not in text.replace("<br>", "") for text in texts)
    assert plain("[x](javascript:alert(1)) *y*") == "&#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; &#42;y&#42;"


def test_descriptions_become_plain_text_with_line_breaks():
    assert description_text("<p>One <b>two</b></p><p>three</p><ul><li>a</li><li>b</li></ul>") == "One two\nthree\na\nb"


NO_CATALOGUE = pd.DataFrame({"id": [], "name": [], "category": []})
CATALOGUE = pd.DataFrame({"id": ["droner", "cloud"], "name": ["Droner", "Cloud"], "category": ["automation", "data"]})


def test_kept_entries_store_a_ring_from_the_file_as_set_by_hand(categories):
    entries = [
        Entry(name="Droner", technology_id="droner", category="automation", ring="klar", ring_raw="Adopt"),
        Entry(name="Droner 2", technology_id="droner", category="automation", ring="afvent", ring_raw="afvent",
              ring_reason="Vores grund"),
        Entry(name="Eget", category="", ring=None, ring_raw="Explore", description="<p>" + "x" * 2500 + "</p>"),
        Entry(name="Beregnet", category="Platforms", ring="klar", ring_raw="", maturity=2),
    ]  # fmt: skip
    rows, shortened = entries_from_rows(entries, CATALOGUE, categories, source="fil.csv", lang="da")
    assert shortened == 1
    assert [r["technology_id"] for r in rows] == ["droner", None, None, None]
    assert rows[0]["ring"] == "klar" and rows[0]["ring_reason"] == "Ring fra den importerede fil fil.csv: »Adopt«"
    assert (rows[1]["ring"], rows[1]["ring_reason"]) == ("afvent", "Vores grund")
    assert rows[2]["ring"] is None and rows[2]["category"] == "Uden kategori" and len(rows[2]["description"]) == 2000
    # a ring without a ring of the file's own was computed by our radar: it is computed again, the maturity kept
    assert (rows[3]["ring"], rows[3]["category"], rows[3]["maturity"]) == (None, "Platforms", 2)


def test_national_entries_round_trip_through_byor_and_our_format(national_db, categories):
    edition = int(service.editions(national_db)["year"].iloc[0])
    blips = service.radar_blips(national_db, edition, None, "da")
    entries = national_entries(blips, service.technologies(national_db, "da"), categories, "da", note="Samlet 2026")
    assert len(entries) == len(blips)
    assert [e.technology_id for e in entries] == blips.sort_values("number")["technology"].tolist()
    rings = {"klar": "KLAR", "afproev": "AFPRØV", "hold_oeje": "HOLD ØJE", "afvent": "AFVENT"}
    assert all(e.ring_reason.startswith(f"{rings[e.ring]}, fordi (modenhed ") for e in entries)
    assert all(e.ring_reason.endswith(" svar med et trin)") for e in entries)
    byor = read_radar_file(write_byor_csv(entries))
    assert byor.format == "byor_csv" and byor.count(REJECTED) == 0 and not byor.unknown_rings
    assert [(e.name, e.ring, e.category) for e in byor.entries] == [(e.name, e.ring, e.category) for e in entries]
    for data in (write_own_csv(entries), write_own_xlsx(entries), write_own_json(entries)):
        back = read_radar_file(data)
        assert [(e.technology_id, e.name, e.ring, e.ring_reason, e.movement, e.note) for e in back.entries] == [
            (e.technology_id, e.name, e.ring, e.ring_reason, e.movement, e.note) for e in entries
        ]


# --- the mapping step: shapes no reader knows (issue point 11) ----------------------------------------
def counts(at: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


def test_a_csv_with_columns_of_its_own_is_read_through_the_fields_the_user_picks(app, tmp_path):
    at = upload(app.run(), "liste.csv", OWN_LIST_CSV)
    assert not at.exception
    assert "Vælg felterne" in [h.value for h in at.subheader]
    assert at.toggle[0].value, "no ring was found, so choosing the fields is on"
    roles = {s.label: s.value for s in at.selectbox if s.key and s.key.startswith("imp-role-")}
    assert roles == {
        "Navn": "Teknologi", "Beskrivelse": "Beskrivelse", "Kategori": "Område", "Ring (som tekst)": None,
        "Tal, der bliver til ringe": "Modenhed",
    }  # fmt: skip
    cuts = {n.label: n.value for n in at.number_input if n.key.startswith("imp-cut-")}
    assert cuts == {"KLAR fra": 3.0, "AFPRØV fra": 2.0, "HOLD ØJE fra": 1.0, "AFVENT fra": None}
    assert any("3 → KLAR, 2 → AFPRØV, 1 → HOLD ØJE" in c.value for c in at.caption)
    assert counts(at) == [("Rækker i filen", "5"), ("Godkendt", "0"), ("Godkendt med ændring", "4"), ("Afvist", "1")]
    # "høj" is no number: it waits for a ring like any unknown ring, and is left unplaced here
    ring = at.selectbox(key=next(s.key for s in at.selectbox if s.label.startswith("Ringen »høj«")))
    at = ring.set_value(UNPLACED).run()
    at = next(b for b in at.button if b.label == "Gem som egen radar").click().run()
    assert not at.exception
    radars = own_db.list_radars(tmp_path / "own.duckdb")
    entries = own_db.load_entries(tmp_path / "own.duckdb", radars["edit_token"].iloc[0]).set_index("name")
    assert {n: r if isinstance(r, str) else None for n, r in entries["ring"].items()} == {
        "Droner til inspektion": "klar", "Chatbot": "afproev", "Vejsensorer": "hold_oeje", "Robotstøvsugere": None,
    }  # fmt: skip
    assert entries.loc["Droner til inspektion", "category"] == "Teknik og miljø", "the list's own area is its sector"


def test_a_json_list_of_its_own_with_a_bom_is_read_with_edited_cut_offs_and_the_rest_as_notes(app, tmp_path):
    at = upload(app.run(), "liste.json", OWN_LIST_JSON_BYTES)
    assert not at.exception
    assert any("ikke et format, vi kender" in i.value for i in at.info)
    assert counts(at) == [("Rækker i filen", "4"), ("Godkendt", "0"), ("Godkendt med ændring", "3"), ("Afvist", "1")]
    by_label = {n.label: n for n in at.number_input}
    at = by_label["KLAR fra"].set_value(2.0).run()
    assert any("falde fra KLAR" in w.value for w in at.warning) and not at.metric, "no report until the cut-offs work"
    at = next(n for n in at.number_input if n.label == "AFPRØV fra").set_value(1.5).run()
    assert not at.exception and any("2 → KLAR, 1,5 → AFPRØV, 1 → HOLD ØJE" in c.value for c in at.caption)
    at = next(b for b in at.button if b.label == "Gem som egen radar").click().run()
    assert not at.exception
    radars = own_db.list_radars(tmp_path / "own.duckdb")
    entries = own_db.load_entries(tmp_path / "own.duckdb", radars["edit_token"].iloc[0]).set_index("name")
    assert entries["ring"].to_dict() == {"Droner": "klar", "Chatbot": "hold_oeje", "RPA": "klar"}
    assert entries.loc["Droner", "note"] == "departments: Teknik: pilot; Skole: nej\ncontact: Åse"


def test_the_fields_step_in_english(app):
    app.query_params["lang"] = "en"
    at = upload(app.run(), "liste.json", OWN_LIST_JSON_BYTES)
    assert not at.exception
    assert "Choose the fields" in [h.value for h in at.subheader]
    assert {s.label for s in at.selectbox if s.key and s.key.startswith("imp-role-")} == {
        "Name", "Description", "Category", "Ring (as text)", "Number to turn into rings",
    }  # fmt: skip


def test_a_byor_file_with_no_extra_columns_offers_no_fields_step(app):
    at = upload(app.run(), "markup.csv", MARKUP_CSV)
    assert not at.toggle and "Vælg felterne" not in [h.value for h in at.subheader]
