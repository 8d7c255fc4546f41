"""AppTest of the workshop: the phone page /deltag, the Workshop tab of an open radar, the projector view."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from radar import own
from radar.db import own as db
from radar.db import workshop as wdb

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[1] / "app.py")
AI = {"technology_id": "ai", "name": "Kunstig intelligens (AI)", "category": "data"}
RPA = {"technology_id": "rpa", "name": "RPA (software-robotter)", "category": "automation"}


@pytest.fixture
def env(national_db, own_db, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_DB", str(national_db))
    monkeypatch.setenv("TEKNOLOGIRADAR_OWN_DB", str(own_db))
    return own_db


@pytest.fixture
def radar(env) -> str:
    return db.create_radar(env, {"name": "Workshop", "date": "2026-12-03"}, [AI, RPA])


@pytest.fixture
def round_(env, radar) -> dict:
    return wdb.start_round(env, radar, db.load_entries(env, radar).to_dict("records"), ["ring"])


def phone(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/deltag.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "error", "info", "success") for e in at.get(kind)]
    parts += [html.unescape(str(e.proto.body)) for e in at.get("html")]
    return " ".join(str(p) for p in parts)


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_without_a_code_the_phone_asks_for_one(env):
    at = phone()
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Kode (6 tegn)"]


@pytest.mark.parametrize("code", ["ZZZZZZ", "<script>", "12"])
def test_a_wrong_code_is_said_plainly(env, round_, code):
    at = phone(kode=code)
    assert not at.exception
    assert [e.value for e in at.error] == ["Ingen runde har den kode. Tjek koden på projektoren."]


def test_join_vote_and_the_acknowledgement_comes_after_the_vote_is_stored(env, radar, round_):
    at = phone(kode=round_["code"].lower())
    assert "Dine svar er anonyme" in texts(at)
    at.text_input[0].input("Anne")
    button(at, "Start").click().run()
    token = at.query_params["deltager"][0] if isinstance(at.query_params["deltager"], list) else at.query_params["deltager"]
    assert "1 af 2" in [p.proto.text for p in at.get("progress")][0]
    assert "Kunstig intelligens (AI)" in texts(at)
    button(at, "AFPRØV").click().run()
    stored = wdb.round_votes(env, radar, round_["round_id"])
    assert stored[["value", "name"]].values.tolist() == [["afproev", "Anne"]]
    assert "Gemt: Kunstig intelligens (AI): AFPRØV" in texts(at)
    assert "2 af 2" in [p.proto.text for p in at.get("progress")][0]
    button(at, "Forrige").click().run()
    button(at, "KLAR").click().run()  # a changed answer replaces the first
    assert wdb.round_votes(env, radar, round_["round_id"])["value"].tolist() == ["klar"]
    again = phone(kode=round_["code"], deltager=token)  # the link reopened on the same phone continues
    assert "2 af 2" in [p.proto.text for p in again.get("progress")][0]


def test_a_closed_round_says_so_on_the_phone(env, radar, round_):
    token = wdb.join(env, round_["code"])
    wdb.close_round(env, radar, round_["round_id"])
    at = phone(kode=round_["code"], deltager=token)
    assert not at.exception
    assert "Runden er lukket. Tak for dine svar." in texts(at)


def test_the_workshop_tab_starts_a_round_and_adopts_the_agreed(env, radar, open_tab):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/egen_radar.py")
    at.query_params["edit"] = radar
    at.run()
    assert "Workshop" in [t.label for t in at.tabs]
    open_tab(at, radar, "workshop")
    start = next(b for b in at.get("form_submit_button") if b.label == "Start runden")
    start.click().run()
    assert not at.exception
    made = wdb.list_rounds(env, radar)
    assert len(made) == 1 and made[0]["questions"] == ["ring"] and len(made[0]["entry_ids"]) == 2
    code = made[0]["code"]
    for i in range(4):
        token = wdb.join(env, code)
        wdb.vote(env, code, token, made[0]["entry_ids"][0], "ring", "afproev" if i < 3 else "klar")
        wdb.vote(env, code, token, made[0]["entry_ids"][1], "ring", "klar" if i < 2 else "afvent")
    button(at, "Vis fordelingen").click().run()
    assert not at.exception
    adopt = button(at, "Før alle enige ind (1)")
    version = int(db.load_radar(env, radar)["version"])
    adopt.click().run()
    assert not at.exception
    entries = db.load_entries(env, radar).set_index("technology_id")
    assert entries.loc["ai", "ring"] == "afproev"
    assert entries.loc["ai", "ring_reason"] == f"Workshop {_day(made[0])}: 3 af 4 valgte AFPRØV"
    assert pd.isna(entries.loc["rpa", "ring"])  # 2 against 2: disputed, not adopted
    assert int(db.load_radar(env, radar)["version"]) == version + 1
    assert own.change_summary(db.next_change(env, radar), "da").startswith("ring for Kunstig intelligens (AI)")
    button(at, "Ny runde med de uenige (1)").click().run()
    rounds = wdb.list_rounds(env, radar)
    assert [(r["number"], r["status"], len(r["entry_ids"]), r["code"]) for r in rounds] == [
        (2, "open", 1, code),
        (1, "closed", 2, code),
    ]


def _day(r: dict) -> str:
    from radar.workshop import day_text

    return day_text(r["created"], "da")


def _projector() -> None:
    from radar import ui_workshop

    ui_workshop.projector_page()


def test_the_projector_shows_the_code_and_hides_the_counts_until_revealed(env, radar, round_):
    token = wdb.join(env, round_["code"])
    wdb.vote(env, round_["code"], token, round_["entry_ids"][0], "ring", "klar")
    at = AppTest.from_function(_projector, default_timeout=TIMEOUT)
    at.query_params["edit"] = radar
    at.query_params["runde"] = round_["round_id"]
    at.run()
    assert not at.exception
    shown = texts(at)
    assert round_["code"] in shown and "data:image/svg+xml" in shown and "/deltag" in shown
    assert "1 af 1" not in shown and "valgte" not in str([c.proto.spec for c in at.get("plotly_chart")])
    wdb.reveal(env, radar, round_["round_id"])
    at.run()
    assert "1 af 1 valgte KLAR" in str([c.proto.spec for c in at.get("plotly_chart")])


def test_the_projector_without_a_right_link_says_so(env, round_):
    at = AppTest.from_function(_projector, default_timeout=TIMEOUT)
    at.query_params["runde"] = round_["round_id"]
    at.run()
    assert not at.exception
    assert "Projektorvisningen åbnes fra radarens Workshop-fane" in texts(at)


def test_om_radaren_defines_the_agreement_measures_with_the_threshold_in_force(env):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/om.py")
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "Workshop: hvor enigt er rummet?" in [h.value for h in at.subheader]
    assert "**Uenighed**" in shown and "under 10\u00a0% af svarene" in shown and "**Kvartilafstand**" in shown


def test_a_tap_after_a_revote_began_is_refused_and_the_phone_shows_the_new_round(env, radar, round_):
    at = phone(kode=round_["code"])
    button(at, "Start").click().run()
    button(at, "KLAR").click().run()  # AI answered; the phone moves on to RPA
    assert "RPA (software-robotter)" in texts(at)
    ai = round_["entry_ids"][0]
    revote = wdb.start_round(
        env, radar, [t for t in round_["technologies"] if t["entry_id"] == ai], ["ring"], parent_id=round_["round_id"]
    )
    button(at, "AFVENT").click().run()  # meant for RPA in round 1
    assert not at.exception
    assert "En ny runde er startet, så dit svar blev ikke gemt. Her er den nye runde." in [e.value for e in at.error]
    assert wdb.round_votes(env, radar, round_["round_id"])["value"].tolist() == ["klar"]
    assert wdb.round_votes(env, radar, revote["round_id"]).empty
    assert [p.proto.text for p in at.get("progress")] == ["1 af 1"]  # the revote's one technology
    assert "Kunstig intelligens (AI)" in texts(at) and "RPA (software-robotter)" not in texts(at)
    assert "Sidste runde:" in texts(at)
