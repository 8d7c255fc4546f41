"""AppTest of "Lav jeres egen radar": list, new radar, share link, editing, conflicts, presentation."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from radar import service
from radar.db import own as db
from radar.ui_own import EDITOR_FIELDS, editor_updates

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/egen_radar.py"
AI = {"technology_id": "ai", "name": "Kunstig intelligens (AI)", "category": "data"}
RPA = {"technology_id": "rpa", "name": "RPA (software-robotter)", "category": "automation"}


@pytest.fixture
def app(own_app):
    return own_app


def opened(app: AppTest, radar_id: str, **params: str) -> AppTest:
    app.query_params["radar"] = radar_id
    for key, value in params.items():
        app.query_params[key] = value
    return app.run()


def blips(at: AppTest) -> list[str]:
    """Blip keys of the radar figure(s) on the page."""
    specs = [
        json.loads(chart.proto.spec)
        for chart in at.get("plotly_chart")
        if "-own-radar-" in chart.proto.id or "own-present-radar" in chart.proto.id
    ]
    return [c for s in specs for tr in s["data"] if tr.get("mode") == "markers+text" for c in tr.get("customdata", [])]


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def test_empty_list_and_new_radar_form(app):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Lav jeres egen radar"
    assert "Der er ingen gemte radarer endnu. Lav den første herunder." in [c.value for c in at.caption]
    assert at.text_input(key="own-new-name")
    assert [r.value for r in at.radio] == ["combined", "all"]


def test_create_from_the_combined_radar_opens_it(app, national_db, own_db):
    at = app.run()
    at.text_input(key="own-new-name").input("Mødet i marts")
    at.text_input(key="own-new-municipality").input("Aarhus")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    radar_id = at.query_params["edit"][0] if isinstance(at.query_params["edit"], list) else at.query_params["edit"]
    assert at.title[0].value == "Mødet i marts"
    edition = int(service.editions(national_db)["year"].max())
    placed = service.radar_blips(national_db, edition, None, "da")["technology"]
    assert sorted(blips(at)) == sorted(placed)
    assert any("er oprettet med" in s for s in texts(at.success))
    assert len(at.data_editor) == 1
    assert len(at.data_editor[0].value) == len(placed)
    assert db.load_radar(own_db, radar_id)["municipality"] == "Aarhus"


def test_create_from_a_domain_needs_a_domain(app, own_db):
    at = app.run()
    at.text_input(key="own-new-name").input("Skole")
    at.radio(key="own-new-start").set_value("domain")
    at.get("form_submit_button")[0].click()
    at.run()
    assert "Vælg et fagområde for at starte fra fagområdets radar." in texts(at.error)
    assert db.list_radars(own_db).empty


def test_blank_radar_without_name_is_refused(app, own_db):
    at = app.run()
    at.radio(key="own-new-start").set_value("blank")
    at.get("form_submit_button")[0].click()
    at.run()
    assert "Giv radaren et navn." in texts(at.error)
    assert db.list_radars(own_db).empty


def test_share_link_opens_the_radar(app, own_db, open_tab):
    radar_id = db.create_radar(own_db, {"name": "Delt radar", "municipality": "Odder"}, [AI, RPA])
    at = opened(app, radar_id)
    assert not at.exception
    assert at.title[0].value == "Delt radar"
    assert sorted(blips(at)) == ["ai", "rpa"]
    open_tab(at, radar_id, "settings")
    view = db.links(own_db, radar_id)["view"]
    assert [c.value for c in at.code] == [f"?edit={radar_id}", f"?view={view}"]


def test_unknown_link_says_so(app):
    at = opened(app, "ikke-en-rigtig-radar-id")
    assert not at.exception
    assert "Radaren findes ikke (længere). Tjek linket, eller vælg en radar på listen." in texts(at.error)


def test_presentation_view_has_no_editing_widgets(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "Til projektoren"}, [AI, RPA])
    at = opened(app, radar_id, present="1")
    assert not at.exception
    assert len(at.data_editor) == 0 and len(at.multiselect) == 0 and len(at.text_input) == 0
    assert len(at.get("file_uploader")) == 0 and len(at.download_button) == 0
    assert sorted(blips(at)) == ["ai", "rpa"]
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["font"]["size"] >= 20
    at.segmented_control[0].set_value("matrix").run()
    assert not at.exception
    at.toggle(key="own_present").set_value(False).run()
    assert len(at.data_editor) == 1
    assert "present" not in at.query_params


def test_add_from_the_catalogue(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "R"}, [AI])
    at = opened(app, radar_id)
    at.multiselect(key=f"own-pick-{radar_id}").select("rpa").select("droner")
    at.button(key=f"own-pick-{radar_id}-go").click()
    at.run()
    assert not at.exception
    assert db.load_entries(own_db, radar_id)["technology_id"].tolist() == ["ai", "rpa", "droner"]
    assert sorted(blips(at)) == ["ai", "droner", "rpa"]
    assert any("Tilføjet" in s for s in texts(at.success))


def test_own_technology_needs_a_name_and_nothing_is_lost(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "R"}, [AI])
    db.update_entries(own_db, radar_id, 1, {db.load_entries(own_db, radar_id)["entry_id"][0]: {"note": "vigtig note"}})
    at = opened(app, radar_id)
    prefix = f"own-custom-{radar_id}"
    at.text_area(key=f"{prefix}-description").input("En beskrivelse, vi ikke vil miste")
    at.get("form_submit_button")[0].click()
    at.run()
    assert "En teknologi skal have et navn." in texts(at.error)
    assert at.text_area(key=f"{prefix}-description").value == "En beskrivelse, vi ikke vil miste"
    entries = db.load_entries(own_db, radar_id)
    assert entries["name"].tolist() == ["Kunstig intelligens (AI)"] and entries["note"][0] == "vigtig note"
    at.text_input(key=f"{prefix}-name").input("Vejsensorer")
    at.get("form_submit_button")[0].click()
    at.run()
    assert db.load_entries(own_db, radar_id)["name"].tolist() == ["Kunstig intelligens (AI)", "Vejsensorer"]
    assert len(blips(at)) == 2, "an own technology is placed as soon as it is added"
    assert not any("Vejsensorer" in c.value for c in at.caption), "nothing waits in 'not placed yet'"


def test_a_stale_browser_is_refused_and_shown_the_fresh_state(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "R"}, [AI])
    at = opened(app, radar_id)
    # Meanwhile another browser adds a technology.
    db.add_entries(own_db, radar_id, 1, [RPA])
    at.multiselect(key=f"own-pick-{radar_id}").select("droner")
    at.button(key=f"own-pick-{radar_id}-go").click()
    at.run()
    assert not at.exception
    assert any("En anden har ændret radaren" in e for e in texts(at.error))
    assert db.load_entries(own_db, radar_id)["technology_id"].tolist() == ["ai", "rpa"]
    assert sorted(blips(at)) == ["ai", "rpa"]
    # The fresh state is now the one this browser writes against.
    at.multiselect(key=f"own-pick-{radar_id}").select("droner")
    at.button(key=f"own-pick-{radar_id}-go").click()
    at.run()
    assert db.load_entries(own_db, radar_id)["technology_id"].tolist() == ["ai", "rpa", "droner"]


def test_undo_beside_the_table_names_the_change_and_redo_brings_it_back(app, own_db, open_tab):
    radar_id = db.create_radar(
        own_db, {"name": "R"}, [{"technology_id": "droner", "name": "Droner", "category": "robots", "status": 2}]
    )
    entry = db.load_entries(own_db, radar_id)["entry_id"][0]
    db.update_entries(own_db, radar_id, 1, {entry: {"status": 1}})
    at = opened(app, radar_id)
    assert at.button(key="own-undo-entries").label == "Fortryd: status for Droner: afprøver → overvejer"
    at.button(key="own-undo-entries").click()
    at.run()
    assert "Fortrudt: status for Droner: afprøver → overvejer" in [html.unescape(s) for s in texts(at.success)]
    assert db.load_entries(own_db, radar_id)["status"].tolist() == [2]
    assert at.button(key="own-undo-entries").label == "Intet at fortryde" and at.button(key="own-undo-entries").disabled
    assert at.button(key="own-redo-entries").label == "Gentag: status for Droner: afprøver → overvejer"
    at.button(key="own-redo-entries").click()
    at.run()
    assert db.load_entries(own_db, radar_id)["status"].tolist() == [1]
    history = open_tab(at, radar_id, "history").get("dataframe")
    assert any("status for Droner: afprøver → overvejer" in str(d.value.to_dict()) for d in history)


def test_details_are_saved_when_a_field_is_left(app, own_db, open_tab):
    radar_id = db.create_radar(own_db, {"name": "Gammelt navn"}, [AI])
    at = open_tab(opened(app, radar_id), radar_id, "settings")
    name_key = next(
        w.key for w in at.text_input if w.key and w.key.startswith(f"own-meta-{radar_id}") and w.key.endswith("-name")
    )
    at.text_input(key=name_key).input("Nyt navn").run()
    assert db.load_radar(own_db, radar_id)["name"] == "Nyt navn"
    assert at.title[0].value == "Nyt navn"


def test_list_rename_duplicate_and_delete_after_asking(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "Første"}, [AI, RPA])
    at = app.run()
    assert any("Første" in m.value for m in at.markdown)
    at.text_input(key=f"own-rename-{radar_id}").input("Omdøbt")
    at.button(key=f"own-rename-btn-{radar_id}").click()
    at.run()
    assert db.load_radar(own_db, radar_id)["name"] == "Omdøbt"
    at.button(key=f"own-dup-{radar_id}").click()
    at.run()
    assert sorted(db.list_radars(own_db)["name"]) == ["Kopi af Omdøbt", "Omdøbt"]
    at.button(key=f"own-del-{radar_id}").click()
    at.run()
    assert any("Slet radaren 'Omdøbt'" in w.value for w in at.warning)
    assert len(db.list_radars(own_db)) == 2, "nothing is deleted before the user confirms"
    at.button(key=f"own-del-yes-{radar_id}").click()
    at.run()
    assert db.list_radars(own_db)["name"].tolist() == ["Kopi af Omdøbt"]


def test_exports_are_offered(app, own_db, open_tab):
    radar_id = db.create_radar(own_db, {"name": "R"}, [AI])
    at = open_tab(opened(app, radar_id), radar_id, "export")
    labels = [b.proto.label for b in at.download_button]
    assert labels == ["Referat (PDF)", "Billede (PNG)", "Interaktiv side (HTML)", "Excel (.xlsx)", "Tabel (CSV)",
                      "Hele radaren (JSON)"]  # fmt: skip


def test_english(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "R"}, [AI])
    app.query_params["lang"] = "en"
    at = opened(app, radar_id)
    assert not at.exception
    assert "How the local ring is computed" in [e.proto.label for e in at.expander]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ({"edited_rows": {0: {"status": 3}}}, {"e0": {"status": 3}}),
        (
            {"edited_rows": {"1": {"hand_ring": "klar", "ring_reason": "Aftalt"}}},
            {"e1": {"ring": "klar", "ring_reason": "Aftalt"}},
        ),
        ({"edited_rows": {0: {"number": 4, "name": "x"}}}, {}),  # read-only columns are ignored
        ({"edited_rows": {5: {"status": 1}}}, {}),  # a row that no longer exists
        ({"edited_rows": {1: {"relevance": None, "note": "ny"}}}, {"e1": {"relevance": None, "note": "ny"}}),
        (None, {}),
    ],
)
def test_editor_edits_map_to_entry_updates(state, expected):
    assert editor_updates(state, ["e0", "e1"], EDITOR_FIELDS) == expected


def test_a_taken_name_is_refused_in_words_and_each_message_shows_once(app, own_db):
    first = db.create_radar(own_db, {"name": "Mødet i marts"}, [AI])
    at = app.run()
    at.text_input(key="own-new-name").input(" mødet i MARTS ")
    at.radio(key="own-new-start").set_value("blank")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    assert texts(at.error) == ["Der findes allerede en radar, som hedder 'Mødet i marts'. Vælg et andet navn; intet er ændret."]
    assert len(at.toast) == 0, "the alert is the only message"
    assert db.list_radars(own_db)["edit_token"].tolist() == [first]
    other = db.create_radar(own_db, {"name": "Odder"}, [])
    at.run()
    at.text_input(key=f"own-rename-{other}").input("MØDET I MARTS")
    at.button(key=f"own-rename-btn-{other}").click()
    at.run()
    assert any("hedder 'Mødet i marts'" in e for e in texts(at.error))
    assert db.load_radar(own_db, other)["name"] == "Odder"


def test_caption_counts_in_the_singular_and_writes_dates_one_way(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "R", "municipality": "Odder", "date": "2026-11-27"}, [AI])
    at = opened(app, radar_id)
    caption = next(c.value for c in at.caption if "Odder" in c.value)
    assert "1 teknologi " in caption + " " and "teknologier" not in caption
    assert "27.11.2026" in caption and "2026-11-27" not in caption


def test_caption_in_english(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "R", "municipality": "Odder", "date": "2026-11-27"}, [AI, RPA])
    app.query_params["lang"] = "en"
    at = opened(app, radar_id)
    caption = next(c.value for c in at.caption if "Odder" in c.value)
    assert "2 technologies" in caption and "27 Nov 2026" in caption and "2026-11-27" not in caption


def _react_select_first(typed: str, options: list[tuple[str, int]]) -> int | None:
    """The option Streamlit's table picker (react-select's default filter) selects for `typed`:
    the first whose "label value", case- and accent-insensitive, contains the typed text."""
    import unicodedata

    def fold(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)).strip()

    return next((value for label, value in options if fold(typed) in fold(f"{label} {value}")), None)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_typing_a_status_never_picks_another_status(lang):
    from radar.i18n import t

    options = [(t(f"own_status_option_{s}", lang), s) for s in (0, 1, 2, 3)]
    for label, status in options:
        words = label.split(" · ", 1)[1]
        typed = [label[:n] for n in range(1, len(label) + 1)] + [words[:n] for n in range(3, len(words) + 1)]
        for text in typed:
            assert _react_select_first(text, options) == status, (text, status)


def test_numbers_stay_while_editing_and_renumber_is_asked_for(app, own_db):
    three = [("vr", "Virtual reality (VR)", "immersive"), ("cloud", "Cloud", "infrastructure"), ("ai", "AI", "data")]
    radar_id = db.create_radar(own_db, {"name": "R"}, [{"technology_id": t, "name": n, "category": c} for t, n, c in three])
    at = opened(app, radar_id)
    names = lambda: at.data_editor[0].value["name"].tolist()  # noqa: E731
    numbers = lambda: at.data_editor[0].value["number"].tolist()  # noqa: E731
    assert numbers() == [1, 2, 3], "the editor is sorted by number"
    first = names()
    at.button(key="own-renumber").click()
    at.run()
    assert not at.exception
    assert numbers() == [1, 2, 3]
    assert "Teknologierne har fået nye numre efter ring og score." in texts(at.success)
    assert sorted(names()) == sorted(first)


@pytest.mark.parametrize("bring", ["ready", "pick"])
def test_start_from_a_domain_with_a_subset(app, national_db, own_db, bring):
    at = app.run()
    at.text_input(key="own-new-name").input("Teknik")
    at.selectbox(key="own-new-domain").set_value("teknik-miljoe")
    at.radio(key="own-new-start").set_value("domain")
    at.radio(key="own-new-bring").set_value(bring)
    if bring == "pick":
        at.multiselect(key="own-new-pick").select("droner").select("iot-sensorer")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    link = db.list_radars(own_db)["edit_token"].iloc[0]
    got = sorted(db.load_entries(own_db, link)["technology_id"])
    edition = int(service.editions(national_db)["year"].max())
    scores = service.scores(national_db, edition, "teknik-miljoe")
    expected = (
        sorted(scores.loc[scores["ring"].isin(["klar", "afproev"]), "technology"])
        if bring == "ready"
        else ["droner", "iot-sensorer"]
    )
    assert got == expected and 0 < len(got) < 25


def test_picking_nothing_is_refused_in_words(app, own_db):
    at = app.run()
    at.text_input(key="own-new-name").input("Tom")
    at.radio(key="own-new-bring").set_value("pick")
    at.get("form_submit_button")[0].click()
    at.run()
    assert "Vælg mindst én teknologi, eller vælg »Alle« eller »Kun KLAR og AFPRØV«." in texts(at.error)
    assert db.list_radars(own_db).empty


def test_the_workspace_says_when_the_country_is_sample_data(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "Eksempel"}, [AI, RPA])
    at = opened(app, radar_id)
    assert not at.exception
    assert len([c for c in at.caption if c.value.endswith(" · Eksempeldata — ikke KL's officielle tal")]) == 1


def test_the_presentation_says_when_the_country_is_sample_data(app, own_db):
    radar_id = db.create_radar(own_db, {"name": "Eksempel"}, [AI, RPA])
    at = opened(app, radar_id, present="1")
    assert not at.exception
    # Under the numbered list (in the caption under the title it wrapped and pushed the radar off a 720 px screen).
    assert [c.value for c in at.caption].count("Eksempeldata — ikke KL's officielle tal") == 1


def test_workshop_rounds_go_into_the_json_export_and_back_when_it_is_opened(app, own_db, national_db):
    """Issue 9, point 4: results stay with the radar, go into its JSON export and back in on reopening."""
    from types import SimpleNamespace

    from radar import own
    from radar.db import workshop as wdb
    from radar.ui_own.exports import _json
    from radar.ui_own.start import create_from_export

    radar_id = db.create_radar(own_db, {"name": "Med workshop"}, [AI, RPA])
    entries = db.load_entries(own_db, radar_id)
    started = wdb.start_round(own_db, radar_id, entries.to_dict("records"), ["ring"])
    voter = wdb.join(own_db, started["code"])
    wdb.vote(own_db, started["code"], voter, entries["entry_id"][0], "ring", "afproev")
    edition = int(service.editions(national_db)["year"].iloc[0])
    table = own.local_table(entries, service.technologies(national_db, "da"), service.scores(national_db, edition))
    meta = own.export_meta(db.load_radar(own_db, radar_id))
    document = json.loads(_json(SimpleNamespace(link=radar_id, entries=entries), own.export_rows(table), meta))
    assert [[v["answer"] for v in r["votes"]] for r in document["workshop_rounds"]] == [["afproev"]]
    assert started["code"] not in json.dumps(document), "join codes are not exported"

    link, _, _ = create_from_export(json.dumps(document).encode(), "med-workshop.json")
    back = wdb.list_rounds(own_db, link)
    assert len(back) == 1 and back[0]["status"] == "closed" and back[0]["code"] != started["code"]
    votes = wdb.round_votes(own_db, link, back[0]["round_id"])
    ai_entry = db.load_entries(own_db, link).set_index("technology_id").loc["ai", "entry_id"]
    assert votes[["entry_id", "value"]].values.tolist() == [[ai_entry, "afproev"]]


@pytest.mark.parametrize("where", ["new radar", "settings"])
@pytest.mark.parametrize(("language", "shown"), [("da", "DD.MM.YYYY"), ("en", "DD/MM/YYYY")])
def test_the_date_fields_write_the_date_as_the_language_does(app, own_db, language, shown, where):
    from radar.i18n import t

    app.query_params["lang"] = language
    if where == "settings":
        radar_id = db.create_radar(own_db, {"name": "R", "date": "2026-03-05"}, [AI])
        app.session_state["own-tabs"] = t("own_tab_settings", language)
        app.query_params["radar"] = radar_id
    at = app.run()
    assert not at.exception
    assert [d.proto.format for d in at.date_input] == [shown]
