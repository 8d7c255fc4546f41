"""AppTest of who may do what on "Lav jeres egen radar": edit and view links, hosted mode, the bin."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from radar.db import own as db

APP = str(Path(__file__).resolve().parents[1] / "app.py")
AI = {"technology_id": "ai", "name": "Kunstig intelligens (AI)", "category": "data"}
RPA = {"technology_id": "rpa", "name": "RPA (software-robotter)", "category": "automation"}
#: Widgets that change a radar; a view link must show none of them.
CHANGING = ("data_editor", "text_input", "date_input", "multiselect", "text_area", "form_submit_button")


@pytest.fixture
def app(own_app):
    return own_app


def texts(elements) -> list[str]:
    return [html.unescape(e.value) for e in elements]


def buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_the_edit_page_shows_both_links_and_the_view_link_only_its_own(app, own_db, open_tab):
    edit = db.create_radar(own_db, {"name": "Odder 2026"}, [AI, RPA])
    view = db.links(own_db, edit)["view"]
    app.query_params["edit"] = edit
    at = open_tab(app.run(), edit, "settings")
    assert not at.exception
    assert [c.value for c in at.code] == [f"?edit={edit}", f"?view={view}"]
    assert "Lav et nyt redigeringslink" in [p.proto.popover.label for p in at.get("popover")]

    app.query_params.pop("edit")
    app.query_params["view"] = view
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Odder 2026"
    assert [c.value for c in at.code] == [f"?view={view}"], "a view link never shows the edit link"
    assert edit not in str(at.get("markdown")) + str(at.get("caption")) + str(at.code)
    assert "Du ser radaren via et visningslink: du kan se, præsentere og eksportere den, men ikke ændre den." in texts(at.info)
    for kind in CHANGING:
        assert len(at.get(kind)) == 0, f"a view link shows a {kind}"
    assert "Fortryd" not in buttons(at)
    assert {p.proto.popover.label for p in at.get("popover")} & {"Slet", "Lav et nyt redigeringslink"} == set()
    downloads = [d.proto.label for d in at.get("download_button")]
    assert downloads == [
        "Referat (PDF)", "Billede (PNG)", "Interaktiv side (HTML)", "Excel (.xlsx)", "Tabel (CSV)", "Hele radaren (JSON)"
    ], "a view link may export, the minutes too"  # fmt: skip
    assert len(at.toggle) >= 1, "a view link may present"


def test_a_view_link_opens_the_presentation_view(app, own_db):
    edit = db.create_radar(own_db, {"name": "Til skærmen"}, [AI, RPA])
    app.query_params["view"] = db.links(own_db, edit)["view"]
    app.query_params["present"] = "1"
    at = app.run()
    assert not at.exception
    assert [html.unescape(m.value) for m in at.markdown if m.value.startswith("###")] == ["### Til skærmen"]
    for kind in CHANGING:
        assert len(at.get(kind)) == 0


def test_a_new_edit_link_replaces_the_old_one(app, own_db, open_tab):
    edit = db.create_radar(own_db, {"name": "Ny nøgle"}, [AI])
    view = db.links(own_db, edit)["view"]
    app.query_params["edit"] = edit
    at = open_tab(app.run(), edit, "settings")
    at.button(key=f"own-new-link-{edit}").click()
    at.run()
    assert not at.exception
    fresh = at.query_params["edit"][0] if isinstance(at.query_params["edit"], list) else at.query_params["edit"]
    assert fresh != edit
    assert db.links(own_db, fresh) == {"edit": fresh, "view": view}
    assert "Radaren har fået et nyt redigeringslink. Det gamle virker ikke længere." in texts(at.success)
    app.query_params["edit"] = edit
    at = app.run()
    assert "Radaren findes ikke (længere). Tjek linket, eller vælg en radar på listen." in texts(at.error)


def test_hosted_mode_lists_no_radars_and_no_bin(app, own_db, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_MODE", "hosted")
    kept = db.create_radar(own_db, {"name": "En anden kommunes radar", "municipality": "Skive"}, [AI])
    binned = db.create_radar(own_db, {"name": "Slettet radar"}, [AI])
    db.delete_radar(own_db, binned, 1)
    at = app.run()
    assert not at.exception
    page = str([e.value for e in (*at.markdown, *at.caption, *at.subheader)]) + str(buttons(at))
    assert "En anden kommunes radar" not in page and "Skive" not in page and "Slettet radar" not in page
    assert "Papirkurv" not in str([e.proto.label for e in at.get("expander")])
    assert "Lav en ny radar, eller åbn en eksport. En gemt radar åbnes med sit link." in texts(at.caption)
    assert not any(b.key and kept in b.key for b in at.button)
    app.query_params["edit"] = kept
    at = app.run()
    assert at.button(key="own-back").label == "Ny radar", "there is no list to go back to"


def test_hosted_mode_reminds_to_keep_the_edit_link(app, own_db, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_MODE", "hosted")
    at = app.run()
    at.text_input(key="own-new-name").input("Vores radar")
    at.radio(key="own-new-start").set_value("blank")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    assert (
        "Gem redigeringslinket (i adresselinjen og under fanen »Om radaren«): det er den eneste vej tilbage til radaren."
        in texts(at.success)
    )


def test_delete_asks_says_how_to_restore_and_the_bin_restores(app, own_db):
    edit = db.create_radar(own_db, {"name": "Mødet i maj"}, [AI, RPA])
    at = app.run()
    at.button(key=f"own-del-{edit}").click()
    at.run()
    assert texts(at.warning) == [
        "Slet radaren 'Mødet i maj' med 2 teknologier? Den lægges i papirkurven og kan gendannes i 30 dage: fra papirkurven "
        "nederst på listen eller ved at åbne dens redigeringslink. Derefter slettes den for altid."
    ]
    assert db.list_radars(own_db)["name"].tolist() == ["Mødet i maj"], "nothing is deleted before the answer"
    at.button(key=f"own-del-yes-{edit}").click()
    at.run()
    assert not at.exception
    assert db.list_radars(own_db).empty
    assert texts(at.success)[0].startswith("Radaren 'Mødet i maj' er lagt i papirkurven. Den kan gendannes indtil ")
    at.button(key=f"own-restore-{edit}").click()
    at.run()
    assert not at.exception
    assert "Radaren 'Mødet i maj' er gendannet." in texts(at.success)
    assert db.list_radars(own_db)["name"].tolist() == ["Mødet i maj"]
    assert len(db.load_entries(own_db, edit)) == 2


def test_the_edit_link_of_a_binned_radar_offers_to_restore_it(app, own_db, monkeypatch):
    monkeypatch.setenv("TEKNOLOGIRADAR_MODE", "hosted")
    edit = db.create_radar(own_db, {"name": "I kurven"}, [AI])
    db.delete_radar(own_db, edit, 1)
    app.query_params["edit"] = edit
    at = app.run()
    assert not at.exception
    assert texts(at.warning)[0].startswith("Radaren 'I kurven' ligger i papirkurven (slettet ")
    at.button[[b.label for b in at.button].index("Gendan")].click()
    at.run()
    assert not at.exception
    assert at.title[0].value == "I kurven"
    assert db.load_radar(own_db, edit)["deleted_at"] is None


def test_delete_from_the_open_radar_goes_back_to_the_start(app, own_db, monkeypatch, open_tab):
    monkeypatch.setenv("TEKNOLOGIRADAR_MODE", "hosted")
    edit = db.create_radar(own_db, {"name": "Slet mig"}, [AI])
    app.query_params["edit"] = edit
    at = open_tab(app.run(), edit, "settings")
    at.button(key=f"own-del-ws-{edit}").click()
    at.run()
    assert not at.exception
    assert "edit" not in at.query_params
    assert texts(at.success)[0].startswith("Radaren 'Slet mig' er lagt i papirkurven.")
    assert db.list_bin(own_db)["name"].tolist() == ["Slet mig"]


def test_an_old_share_link_still_opens_the_radar_for_editing(app, own_db):
    edit = db.create_radar(own_db, {"name": "Gammelt link"}, [AI])
    app.query_params["radar"] = edit
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Gammelt link"
    assert len(at.get("data_editor")) >= 1


def test_an_empty_radar_seen_through_its_view_link_does_not_ask_to_add(app, own_db):
    edit = db.create_radar(own_db, {"name": "Tom"}, [])
    app.query_params["view"] = db.links(own_db, edit)["view"]
    at = app.run()
    assert not at.exception
    assert "Radaren er tom endnu." in texts(at.info)
    assert "Radaren er tom. Tilføj teknologier herunder." not in texts(at.info)
