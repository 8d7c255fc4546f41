"""AppTest of the Dialog tab: pick questions, present one at a time, notes saved and undoable, view link
reads only, and the agenda goes into the JSON export and back."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from radar import dialogue, own, service
from radar.db import dialogue as ddb
from radar.db import own as db
from radar.i18n import t
from radar.ui_dialogue import widget_key

AI = {"technology_id": "ai", "name": "Kunstig intelligens (AI)", "category": "data"}
RELEVANT = t("dlg_q_radar_relevant", "da")
COST = t("dlg_q_radar_cost_not", "da")


@pytest.fixture
def radar(own_db) -> str:
    return db.create_radar(own_db, {"name": "Dialogmødet"}, [AI])


def _open(at, link: str, **params: str):
    at.query_params["edit"] = link
    for key, value in params.items():
        at.query_params[key] = value
    return at


def _undo_label(at) -> str:
    return next(b.label for b in at.button if b.key == "own-undo-dialogue")


def test_the_facilitator_builds_the_agenda_and_undo_names_each_change(own_app, open_tab, own_db, radar):
    at = open_tab(_open(own_app, radar), radar, "dialogue")
    assert not at.exception
    assert t("dlg_not_kl", "da") in [c.value for c in at.caption]
    assert at.info[0].value == t("dlg_agenda_empty", "da")
    at.button(key="dlg-add-radar-relevant").click().run()
    at.button(key="dlg-add-radar-cost_not").click().run()
    at.text_input(key=f"dlg-own-text-{radar}").input("Hvem ejer <b>data</b>?")
    at.get("form_submit_button")[-1].click().run()
    assert not at.exception
    agenda = ddb.load_agenda(own_db, radar)
    assert [dialogue.question_text(i, "da") for i in agenda] == [RELEVANT, COST, "Hvem ejer data?"]
    assert _undo_label(at) == "Fortryd: spørgsmål tilføjet: 'Hvem ejer data?'"
    assert at.button(key="dlg-add-radar-relevant").disabled
    at.button(key=f"dlg-up-{agenda[2]['item_id']}").click().run()
    assert [i["text"] for i in ddb.load_agenda(own_db, radar)] == ["", "Hvem ejer data?", ""]
    at.button(key=f"dlg-remove-{agenda[0]['item_id']}").click().run()
    assert [i["question"] for i in ddb.load_agenda(own_db, radar)] == ["own", "radar.cost_not"]
    at.button(key="own-undo-dialogue").click().run()
    assert [i["question"] for i in ddb.load_agenda(own_db, radar)] == ["radar.relevant", "own", "radar.cost_not"]
    at = open_tab(at, radar, "history")
    assert not at.exception
    shown = at.dataframe[0].value
    assert shown["action"].tolist()[:2] == ["Dialog", "Dialog"]
    assert shown["detail"].tolist()[:2] == ["dagsordenens rækkefølge", "spørgsmål tilføjet: 'Hvem ejer data?'"]


def test_the_projector_shows_one_question_and_keeps_the_notes_typed_under_it(own_app, open_tab, own_db, radar):
    ddb.add_question(own_db, radar, 1, "radar.relevant")
    ddb.add_question(own_db, radar, 2, "radar.cost_not")
    first, second = ddb.load_agenda(own_db, radar)
    at = _open(own_app, radar, dialog="1").run()
    assert not at.exception
    assert [h.value for h in at.title] == [RELEVANT]
    assert "Dialogmødet · Spørgsmål 1 af 2 · Radaren" in [c.value for c in at.caption]
    assert at.button(key="dlg-prev").disabled
    at.text_area(key=widget_key(radar, first["item_id"], "notes")).input("<b>Droner</b> og chatbots").run()
    assert at.text_area(key=widget_key(radar, first["item_id"], "notes")).value == "Droner og chatbots", "shows what was kept"
    at.text_area(key=widget_key(radar, first["item_id"], "decision")).input("Vi afprøver chatbots").run()
    at.button(key="dlg-next").click().run()
    assert [h.value for h in at.title] == [COST]
    assert at.text_area(key=widget_key(radar, second["item_id"], "notes")).value == ""
    at.button(key="dlg-prev").click().run()
    assert at.text_area(key=widget_key(radar, first["item_id"], "notes")).value == "Droner og chatbots"
    stored = ddb.load_agenda(own_db, radar)[0]
    assert (stored["notes"], stored["decision"]) == ("Droner og chatbots", "Vi afprøver chatbots")

    at.button(key="dlg-exit").click().run()
    assert "dialog" not in at.query_params
    assert _undo_label(at) == "Fortryd: beslutning til 'Hvilke af teknologierne på rada…'"
    at.button(key="own-undo-dialogue").click().run()
    at.button(key="own-undo-dialogue").click().run()
    assert ddb.load_agenda(own_db, radar)[0]["notes"] == ""
    at.query_params["dialog"] = "1"
    at.run()
    assert at.text_area(key=widget_key(radar, first["item_id"], "notes")).value == "", "undo reaches the open field"


def test_a_number_out_of_range_shows_the_nearest_question(own_app, own_db, radar):
    ddb.add_question(own_db, radar, 1, "radar.relevant")
    at = _open(own_app, radar, dialog="99").run()
    assert not at.exception
    assert [h.value for h in at.title] == [RELEVANT]


def test_the_view_link_reads_the_agenda_and_notes_but_cannot_write(own_app, own_db, radar):
    ddb.add_question(own_db, radar, 1, "radar.stop")
    item = ddb.load_agenda(own_db, radar)[0]["item_id"]
    ddb.save_typed(own_db, radar, item, "notes", "Faxen *ud*", "")
    view = db.links(own_db, radar)["view"]
    at = own_app
    at.query_params["view"] = view
    at.run()
    assert not at.exception
    assert not [b for b in at.button if (b.key or "").startswith(("dlg-add-", "dlg-remove-", "own-undo"))]
    assert any(t("dlg_q_radar_stop", "da") in m.value for m in at.markdown)
    at.query_params["dialog"] = "1"
    at.run()
    assert not at.exception
    assert len(at.text_area) == 0
    assert "Faxen &#42;ud&#42;" in [m.value for m in at.markdown], "the notes are shown as text, never as Markdown"


def _export(own_db, national_db, link: str) -> dict:
    from radar.ui_own.exports import _json

    entries = db.load_entries(own_db, link)
    edition = int(service.editions(national_db)["year"].iloc[0])
    table = own.local_table(entries, service.technologies(national_db, "da"), service.scores(national_db, edition))
    meta = own.export_meta(db.load_radar(own_db, link))
    return json.loads(_json(SimpleNamespace(link=link, entries=entries), own.export_rows(table), meta))


def test_the_agenda_goes_into_the_json_export_and_back_when_it_is_opened(own_app, own_db, national_db, radar):
    from radar.ui_own.start import create_from_export

    own_app.run()  # the app's session, for the messages
    assert "dialogue" not in _export(own_db, national_db, radar), "no agenda: no key"
    ddb.add_question(own_db, radar, 1, "radar.cost_not")
    ddb.add_own(own_db, radar, 2, "Hvem ejer data?")
    item = ddb.load_agenda(own_db, radar)[0]["item_id"]
    ddb.save_typed(own_db, radar, item, "decision", "Vi går i gang i 2027", "")
    document = _export(own_db, national_db, radar)
    assert document["dialogue"] == [
        {"question": "radar.cost_not", "text": "", "notes": "", "decision": "Vi går i gang i 2027"},
        {"question": "own", "text": "Hvem ejer data?", "notes": "", "decision": ""},
    ]
    link, _, _ = create_from_export(json.dumps(document).encode(), "dialog.json")
    strip = lambda items: [{k: i[k] for k in ("question", "text", "notes", "decision")} for i in items]  # noqa: E731
    assert strip(ddb.load_agenda(own_db, link)) == document["dialogue"]

    older = {k: v for k, v in document.items() if k != "dialogue"}
    old_link, _, _ = create_from_export(json.dumps(older).encode(), "gammel.json")
    assert ddb.load_agenda(own_db, old_link) == []

    hostile = {**document, "dialogue": {"question": "<script>alert(1)</script>"}}
    kept, _, _ = create_from_export(json.dumps(hostile).encode(), "fjendtlig.json")
    assert len(db.load_entries(own_db, kept)) == 1, "the radar opens without its agenda"
    assert ddb.load_agenda(own_db, kept) == []
    import streamlit as st

    assert (t("dlg_error_file", "da")) in [text for _, text, _ in st.session_state.get("own_flash", [])]
