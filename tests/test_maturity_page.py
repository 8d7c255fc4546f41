"""AppTest of the maturity self-assessment: the page /modenhed (alone, own link), the Modenhed tab of an own
radar (saved assessments against the earlier one, a round for the room), the phone and projector of a
maturity round, Om radaren, and the radar's JSON export and reopening."""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from radar import maturity, own, service, workshop
from radar.db import maturity as mdb
from radar.db import own as db
from radar.db import workshop as wdb

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[1] / "app.py")
AI = {"technology_id": "ai", "name": "Kunstig intelligens (AI)", "category": "data"}
S1, G1, T5 = "strategi_fortaelling", "styring_mandat", "teknik_gdpr"


@pytest.fixture
def env(national_db, own_db, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(own_db))
    return own_db


@pytest.fixture
def radar(env) -> str:
    return db.create_radar(env, {"name": "Modenhed", "date": "2026-12-03"}, [AI])


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "error", "info", "success", "subheader") for e in at.get(kind)]
    parts += [html.unescape(str(e.proto.body)) for e in at.get("html")]
    return " ".join(str(p) for p in parts)


def charts(at: AppTest) -> str:
    return " ".join(str(c.proto.spec) for c in at.get("plotly_chart"))


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def statement(at: AppTest, key: str):
    text = maturity.statement_text(key, "da")
    return next(g for g in at.button_group if g.label == text)


def page(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/modenhed.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_the_page_answers_alone_shows_the_result_and_saves_with_its_own_link(env):
    at = page()
    assert not at.exception
    assert "ikke KL's officielle evalueringsskema" in texts(at)
    assert len(at.button_group) == 1 + len(maturity.STATEMENT_KEYS)  # the language switch and one per statement
    statement(at, S1).set_value("2").run()
    statement(at, G1).set_value("ved_ikke").run()
    statement(at, T5).set_value("4").run()
    assert not at.exception
    shown = texts(at)
    assert "Samlet score: 3,0 af 5 · 1 har svaret" in shown
    assert "1. Vi har en fælles, nedskrevet fortælling om" in shown  # the lowest statement is the first place to start
    assert "Jeres score" in charts(at)
    button(at, "Gem og få et link").click().run()
    assert not at.exception
    token = at.query_params["vurdering"]
    token = token[0] if isinstance(token, list) else token
    assert mdb.load_alone(env, token).responses == ({S1: "2", G1: "ved_ikke", T5: "4"},)
    again = page(vurdering=token)  # the link reopens it with its answers
    assert statement(again, S1).value == "2" and statement(again, T5).value == "4"
    assert "Samlet score: 3,0 af 5" in texts(again)


def test_a_wrong_link_is_said_plainly_and_saving_makes_a_new_one(env):
    at = page(vurdering="no-such-assessment")
    assert not at.exception
    assert [e.value for e in at.error] == ["Vurderingen findes ikke (tjek linket)."]
    statement(at, S1).set_value("3").run()
    button(at, "Gem og få et link").click().run()
    assert not at.exception
    assert at.query_params["vurdering"] != "no-such-assessment"  # a new assessment with a link of its own


def test_the_tab_shows_the_later_against_the_earlier_and_runs_a_round(env, radar, open_tab):
    mdb.save_for_radar(env, radar, maturity.make_assessment(date(2026, 1, 10), [{S1: "2", G1: "2"}], "Januar"))
    mdb.save_for_radar(env, radar, maturity.make_assessment(date(2026, 6, 1), [{S1: "4", G1: "1"}], "Juni"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/egen_radar.py")
    at.query_params["edit"] = radar
    at.run()
    assert "Modenhed" in [t.label for t in at.tabs]
    open_tab(at, radar, "maturity")
    assert not at.exception
    assert "Tidligere (10.01.2026)" in charts(at)  # the newest shown against the one before
    shown = texts(at)
    assert "Samlet score: 2,5 af 5 · 1 har svaret" in shown and "Hvad har flyttet sig" in shown
    button(at, "Start modenhedsrunde").click().run()
    assert not at.exception
    made = [r for r in wdb.list_rounds(env, radar) if workshop.is_maturity(r["questions"])]
    assert len(made) == 1 and made[0]["entry_ids"] == list(maturity.STATEMENT_KEYS)
    code = made[0]["code"]
    for answers in ({S1: "1", G1: "5"}, {S1: "2", G1: "1"}, {S1: "3", G1: "ved_ikke"}):
        token = wdb.join(env, code)
        for key, value in answers.items():
            wdb.vote(env, code, token, key, "maturity", value)
    at.run()
    assert [m.value for m in at.metric] == ["3", "3"]
    button(at, "Vis fordelingen").click().run()
    assert not at.exception
    assert "Samlet score: 2,5 af 5 · 3 har svaret" in texts(at)
    button(at, "Gem rundens svar som vurdering").click().run()
    assert not at.exception
    saved = mdb.list_for_radar(env, radar)
    assert [(a["source"], a["respondents"]) for a in saved][0] == ("round", 3)
    assert saved[0]["round_id"] == made[0]["round_id"]
    # The Workshop tab's rounds are about technologies: the maturity round is steered here, not there.
    open_tab(at, radar, "workshop")
    assert not at.exception
    assert "Ingen runder endnu. Start den første herover." in texts(at)


def _projector() -> None:
    from radar import ui_workshop

    ui_workshop.projector_page()


def test_phone_shows_the_statement_text_and_the_projector_counts_then_reveals(env, radar):
    items = [{"entry_id": k, "technology_id": None, "name": k, "description": None} for k in maturity.STATEMENT_KEYS]
    started = wdb.start_round(env, radar, items, [workshop.MATURITY])
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/deltag.py")
    at.query_params["kode"] = started["code"]
    at.run()
    assert "20 udsagn" in texts(at)
    button(at, "Start").click().run()
    assert not at.exception
    shown = texts(at)
    assert maturity.statement_text(S1, "da") in shown and S1 not in shown and "Strategi" in shown
    assert [b.label for b in at.button][:6] == ["1 · Slet ikke", "2 · I mindre grad", "3 · I nogen grad", "4 · I betydelig grad",
                                                "5 · I høj grad", "Ved ikke"]  # fmt: skip
    button(at, "4 · I betydelig grad").click().run()
    assert wdb.round_votes(env, radar, started["round_id"])[["entry_id", "value"]].values.tolist() == [[S1, "4"]]
    proj = AppTest.from_function(_projector, default_timeout=TIMEOUT)
    proj.query_params["edit"] = radar
    proj.query_params["runde"] = started["round_id"]
    proj.run()
    assert not proj.exception
    shown = texts(proj)
    assert started["code"] in shown and "data-testid='mat-answered'>1</span>" in shown
    assert not proj.get("plotly_chart")
    wdb.reveal(env, radar, started["round_id"])
    proj.run()
    assert "Jeres score" in charts(proj) and "Samlet score: 4,0 af 5 · 1 har svaret" in texts(proj)


def test_om_radaren_lists_the_statements_from_the_catalogue(env):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/om.py")
    at.run()
    assert not at.exception
    assert "Digital modenhed: skala, udsagn og score" in [h.value for h in at.subheader]
    shown = texts(at)
    assert "1 = slet ikke" in shown and "mindst 3 har svaret" in shown and "de 3 udsagn med lavest score" in shown
    table = next(d.value for d in at.dataframe if "Udsagn" in d.value.columns)
    assert table["Nøgle"].tolist() == list(maturity.STATEMENT_KEYS)


def test_assessments_go_into_the_json_export_and_back_and_old_files_still_open(env, radar, national_db):
    from radar.ui_own.exports import _json
    from radar.ui_own.start import create_from_export

    mdb.save_for_radar(env, radar, maturity.make_assessment(date(2026, 1, 10), [{S1: "2"}, {S1: "ved_ikke"}], "Januar"))
    entries = db.load_entries(env, radar)
    edition = int(service.editions(national_db)["year"].iloc[0])
    table = own.local_table(entries, service.technologies(national_db, "da"), service.scores(national_db, edition))
    meta = own.export_meta(db.load_radar(env, radar))
    document = json.loads(_json(SimpleNamespace(link=radar, entries=entries), own.export_rows(table), meta))
    assert [(a["date"], a["title"], a["responses"]) for a in document["maturity"]] == [
        ("2026-01-10", "Januar", [{S1: "2"}, {S1: "ved_ikke"}])
    ]
    link, _, _ = create_from_export(json.dumps(document).encode(), "modenhed.json")
    back = mdb.all_for_radar(env, link)
    assert [(a.day, a.title, a.responses) for a in back] == [(date(2026, 1, 10), "Januar", ({S1: "2"}, {S1: "ved_ikke"}))]
    document.pop("maturity")
    older, _, _ = create_from_export(json.dumps(document).encode(), "gammel.json")
    assert mdb.all_for_radar(env, older) == [] and len(db.load_entries(env, older)) == 1


def test_answering_in_the_tab_saves_an_assessment_and_an_empty_one_is_refused(env, radar, open_tab):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/egen_radar.py")
    at.query_params["edit"] = radar
    at.run()
    open_tab(at, radar, "maturity")
    assert "Radaren har ingen gemte vurderinger endnu." in texts(at)
    button(at, "Gem som vurdering på radaren").click().run()
    assert not at.exception
    assert "Besvar mindst ét udsagn, før vurderingen gemmes." in texts(at)
    statement(at, S1).set_value("3").run()
    statement(at, T5).set_value("ved_ikke").run()
    button(at, "Gem som vurdering på radaren").click().run()
    assert not at.exception
    saved = mdb.list_for_radar(env, radar)
    assert [(a["source"], a["respondents"]) for a in saved] == [("alone", 1)]
    assert mdb.load_for_radar(env, radar, saved[0]["assessment_id"]).responses == ({S1: "3", T5: "ved_ikke"},)
    assert statement(at, S1).value is None  # the form is empty for the next one


def test_the_view_link_shows_the_saved_assessments_and_nothing_to_change_them(env, radar):
    mdb.save_for_radar(env, radar, maturity.make_assessment(date(2026, 6, 1), [{S1: "4", G1: "1"}], "Juni"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/egen_radar.py")
    at.query_params["view"] = db.links(env, radar)["view"]
    at.run()
    assert not at.exception
    assert "Modenhed" in [t.label for t in at.tabs]
    assert "Samlet score: 2,5 af 5 · 1 har svaret" in texts(at)
    labels = [b.label for b in at.button]
    assert "Start modenhedsrunde" not in labels and "Gem som vurdering på radaren" not in labels


@pytest.mark.parametrize(("language", "shown"), [("da", "DD.MM.YYYY"), ("en", "DD/MM/YYYY")])
def test_the_date_field_writes_the_date_as_the_language_does(env, language, shown):
    at = page(lang=language)
    assert not at.exception
    assert [d.proto.format for d in at.date_input] == [shown]
