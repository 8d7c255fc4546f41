"""Dialogue questions (radar/dialogue.py): the question set, agenda operations, cleaning, files, minutes."""

from __future__ import annotations

import json

import pytest

from radar import dialogue, export
from radar.errors import DataError, ValidationError
from radar.formats.model import RadarMeta
from radar.i18n import CATALOGUE

SEED = "/work/shared/seed/000_eca04518f750382d.txt"


def test_every_part_has_three_to_five_questions_with_words_in_both_languages():
    assert dialogue.PARTS == ("mindset", "omverden", "organisation", "medarbejdere", "radar")
    missing = []
    for part in dialogue.PARTS:
        assert 3 <= len(dialogue.QUESTIONS[part]) <= 5, part
        assert f"dlg_part_{part}" in CATALOGUE
        for key in dialogue.QUESTIONS[part]:
            assert key.startswith(part + ".")
            words = CATALOGUE.get(dialogue.catalogue_key(key), {})
            missing += [f"{key} {lang}" for lang in ("da", "en") if not words.get(lang, "").endswith("?")]
    assert missing == []


def test_the_radar_part_asks_what_a_meeting_needs():
    words = [CATALOGUE[dialogue.catalogue_key(k)]["da"] for k in dialogue.QUESTIONS["radar"]]
    assert any(w.startswith("Hvilke af teknologierne på radaren er relevante for os") for w in words)
    assert any(w.startswith("Hvad koster det os ikke") for w in words)
    assert any(w.startswith("Hvad holder vi op med at gøre") for w in words)


def test_no_question_copies_a_sentence_of_the_seed():
    """Our own words: no run of eight words of a question appears in KL's guide."""
    try:
        seed = open(SEED, encoding="utf-8").read()
    except FileNotFoundError:
        pytest.skip("the seed is not on this machine")
    seed_words = " ".join(seed.lower().replace("-\n", "").split())
    copied = []
    for key in dialogue.ALL_QUESTIONS:
        words = CATALOGUE[dialogue.catalogue_key(key)]["da"].lower().rstrip("?").replace(",", "").split()
        for start in range(len(words) - 7):
            if " ".join(words[start : start + 8]) in seed_words:
                copied.append(key)
                break
    assert copied == []


def _agenda() -> list[dict]:
    agenda = dialogue.add_question([], "radar.relevant")
    agenda = dialogue.add_question(agenda, "mindset.curious")
    return dialogue.add_own(agenda, "  Hvem tager <b>ansvaret</b>?  ")


def test_agenda_operations_keep_order_and_ids():
    agenda = _agenda()
    assert [i["question"] for i in agenda] == ["radar.relevant", "mindset.curious", "own"]
    assert agenda[2]["text"] == "Hvem tager ansvaret?"
    ids = [i["item_id"] for i in agenda]
    assert len(set(ids)) == 3
    moved = dialogue.move_item(agenda, ids[2], -1)
    assert [i["item_id"] for i in moved] == [ids[0], ids[2], ids[1]]
    assert [i["item_id"] for i in dialogue.move_item(agenda, ids[0], -1)] == ids  # already first
    assert [i["item_id"] for i in dialogue.move_item(agenda, ids[0], 5)] == [ids[1], ids[2], ids[0]]
    assert [i["item_id"] for i in dialogue.remove_item(agenda, ids[1])] == [ids[0], ids[2]]
    noted = dialogue.set_typed(agenda, ids[0], "notes", "Droner <script>x</script>og apps\r\nLinje 2")
    assert noted[0]["notes"] == "Droner og apps\nLinje 2"
    assert agenda[0]["notes"] == ""  # the operations return a new list


@pytest.mark.parametrize(
    ("operation", "key"),
    [
        (lambda a: dialogue.add_question(a, "radar.relevant"), "dlg_error_duplicate"),
        (lambda a: dialogue.add_own(a, "hvem TAGER ansvaret?"), "dlg_error_duplicate"),
        (lambda a: dialogue.add_own(a, " <i></i> "), "dlg_error_own_empty"),
        (lambda a: dialogue.add_question(a, "radar.nonsense"), "dlg_error_unknown_question"),
        (lambda a: dialogue.remove_item(a, "gone"), "dlg_error_item_gone"),
        (lambda a: dialogue.set_typed(a, a[0]["item_id"], "question", "x"), "dlg_error_field"),
    ],
)
def test_a_broken_rule_is_a_validation_error_with_its_message(operation, key):
    with pytest.raises(ValidationError) as raised:
        operation(_agenda())
    assert raised.value.key == key
    assert key in CATALOGUE


def test_the_agenda_has_room_for_max_items():
    agenda: list[dict] = []
    for n in range(dialogue.MAX_ITEMS):
        agenda = dialogue.add_own(agenda, f"Spørgsmål {n}?")
    with pytest.raises(ValidationError) as raised:
        dialogue.add_question(agenda, "radar.stop")
    assert raised.value.key == "dlg_error_full"


def test_long_text_is_cut_to_its_limit():
    agenda = dialogue.add_own([], "x" * 500)
    assert len(agenda[0]["text"]) == dialogue.MAX_QUESTION
    typed = dialogue.set_typed(agenda, agenda[0]["item_id"], "decision", "y" * 5000)
    assert len(typed[0]["decision"]) == dialogue.MAX_TYPED


def test_change_summary_names_the_question_shortly():
    agenda = dialogue.add_question([], "radar.cost_not")
    row = {**agenda[0], "position": 0}
    after = {**row, "notes": "Dyrt"}
    change = {"action": "dialogue", "before": {"dialogue": {row["item_id"]: row}}, "after": {"dialogue": {row["item_id"]: after}}}
    assert dialogue.change_summary(change, "da") == "note til 'Hvad koster det os ikke at komm…'"
    assert dialogue.change_summary(change, "en") == "note on 'What does it cost us not to get…'"
    added = {"action": "dialogue", "before": {"dialogue": {row["item_id"]: None}}, "after": {"dialogue": {row["item_id"]: row}}}
    assert dialogue.change_summary(added, "da") == "spørgsmål tilføjet: 'Hvad koster det os ikke at komm…'"


def test_export_round_trip_through_the_radar_json():
    agenda = _agenda()
    agenda = dialogue.set_typed(agenda, agenda[0]["item_id"], "notes", "Droner og chatbots\nIkke VR endnu")
    agenda = dialogue.set_typed(agenda, agenda[2]["item_id"], "decision", "Anna tager den")
    data = export.radar_json([], RadarMeta(name="Mødet"), extra={"dialogue": dialogue.export_agenda(agenda)})
    read, dropped = dialogue.agenda_from_export(json.loads(data)["dialogue"])
    strip = lambda items: [{k: i[k] for k in ("question", "text", "notes", "decision")} for i in items]  # noqa: E731
    assert strip(read) == strip(agenda)
    assert dropped == 0


def test_hostile_dialogue_in_a_file_is_cleaned_or_refused():
    hostile = [
        {"question": "radar.stop", "notes": "<img src=x onerror=alert(1)>Stop faxen", "decision": 42},
        {"question": "<script>alert(1)</script>", "text": "Vores <b>eget</b> spørgsmål?"},
        {"question": "radar.stop"},  # twice
        "not an item",
        {"question": "nonsense"},  # unknown, no words
        {"question": "own", "text": "x" * 10_000},
    ]
    read, dropped = dialogue.agenda_from_export(hostile)
    assert [(i["question"], i["text"], i["notes"], i["decision"]) for i in read] == [
        ("radar.stop", "", "Stop faxen", ""),
        ("own", "Vores eget spørgsmål?", "", ""),
        ("own", "x" * dialogue.MAX_QUESTION, "", ""),
    ]
    assert dropped == 3
    for bad, key in (({"question": "radar.stop"}, "dlg_error_file"), ([{}] * 31, "dlg_error_file_long")):
        with pytest.raises(DataError) as raised:
            dialogue.agenda_from_export(bad)
        assert raised.value.key == key


RELEVANT = "Hvilke af teknologierne på radaren er relevante for os, og hvilke kan vi se bort fra?"


def test_minutes_section_lists_each_question_with_notes_and_decision():
    agenda = _agenda()
    agenda = dialogue.set_typed(agenda, agenda[0]["item_id"], "notes", "Droner og chatbots")
    agenda = dialogue.set_typed(agenda, agenda[0]["item_id"], "decision", "Vi afprøver chatbots")
    section = dialogue.minutes_section(agenda, "da")
    assert section == {
        "title": "Dialogspørgsmål",
        "lines": [
            "3 spørgsmål på dagsordenen, 1 med en beslutning.",
            f"1. {RELEVANT} Beslutning: Vi afprøver chatbots",
        ],
        "table": {
            "header": ["Nr.", "Spørgsmål", "Noter", "Beslutning"],
            "rows": [
                ["1", RELEVANT, "Droner og chatbots", "Vi afprøver chatbots"],
                ["2", "Hvornår var vi sidst nysgerrige på en ny teknologi, og hvad kom der ud af det?", "", ""],
                ["3", "Hvem tager ansvaret?", "", ""],
            ],
            "widths": [6, 30, 36, 28],
        },
    }  # fmt: skip
    english = dialogue.minutes_section(agenda, "en")
    assert english["title"] == "Dialogue questions"
    assert english["table"]["header"] == ["No.", "Question", "Notes", "Decision"]
    assert dialogue.minutes_section([], "en") == {
        "title": "Dialogue questions",
        "lines": ["No dialogue questions on the agenda."],
        "table": None,
    }
