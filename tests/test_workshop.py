"""Workshop rounds, pure: join codes, answers, the room's agreement, adoption text, export and reopening."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from radar import workshop
from radar.errors import DataError, ValidationError


def votes(entry_id: str, question: str, *values: str) -> pd.DataFrame:
    return pd.DataFrame({"entry_id": entry_id, "question": question, "value": list(values)})


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("acd-efg", "ACDEFG"), (" ac de fg ", "ACDEFG"), ("ACDEF", None), ("ACDEF0", None), ("ACDEFO", None), ("ACDEFI", None),
     (None, None), ("ACDEFGH", None)],
)  # fmt: skip
def test_a_code_is_six_characters_without_look_alikes(typed, expected):
    assert workshop.clean_code(typed) == expected


def test_new_codes_use_only_the_alphabet():
    codes = {workshop.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 6 and set(c) <= set("ACDEFGHJKMNPQRTUVWXY34679") for c in codes)
    assert not set("0O1IL2Z5S8B") & set(workshop.CODE_ALPHABET)


@pytest.mark.parametrize(
    ("question", "value", "stored"),
    [("ring", "afproev", "afproev"), ("relevance", 4, "4"), ("status", "0", "0"), ("relevance", " 5 ", "5")],
)
def test_allowed_answers_are_stored_as_text(question, value, stored):
    assert workshop.check_answer(question, value) == stored


@pytest.mark.parametrize(
    ("question", "value"), [("ring", "KLAR"), ("relevance", 6), ("status", 4), ("mood", "1"), ("ring", None)]
)
def test_other_answers_are_refused(question, value):
    with pytest.raises(ValidationError):
        workshop.check_answer(question, value)


# (answers, modal, modal count, margin, disputed): BYOR's rule, top minus runner-up under 10 % of the answers.
TALLIES = [
    (["afproev"] * 9 + ["klar"] * 3, "afproev", 9, 0.5, False),
    (["afproev"] * 6 + ["klar"] * 5, "afproev", 6, 1 / 11, True),  # 6-5 = 1 of 11 answers: 9 % < 10 %
    (["afproev"] * 6 + ["klar"] * 4, "afproev", 6, 0.2, False),
    (["afproev"] * 11 + ["klar"] * 10 + ["afvent"] * 0, "afproev", 11, 1 / 21, True),
    (["klar", "afvent"], "klar", 1, 0.0, True),  # a tie: the first in the ring order is named, and it is disputed
    (["hold_oeje"], "hold_oeje", 1, 1.0, False),
]


@pytest.mark.parametrize(("answers", "modal", "count", "margin", "disputed"), TALLIES)
def test_the_tally_names_the_modal_answer_and_whether_the_room_disagrees(answers, modal, count, margin, disputed):
    row = workshop.tally(votes("e1", "ring", *answers), ["e1"], "ring").iloc[0]
    assert (row["modal"], row["modal_count"], row["n"], row["disputed"]) == (modal, count, len(answers), disputed)
    assert row["margin"] == pytest.approx(margin)
    assert row["modal_share"] == pytest.approx(count / len(answers))


def test_a_technology_nobody_answered_is_counted_as_zero_and_not_disputed():
    row = workshop.tally(votes("e1", "ring", "klar"), ["e1", "e2"], "ring").iloc[1]
    assert (row["entry_id"], row["n"], row["disputed"]) == ("e2", 0, False)
    assert pd.isna(row["modal"])
    assert row["counts"] == {"klar": 0, "afproev": 0, "hold_oeje": 0, "afvent": 0}


@pytest.mark.parametrize(("answers", "expected"), [(["3", "3", "3", "3"], 0.0), (["1", "2", "4", "5"], 2.5), (["1", "5"], 2.0)])
def test_relevance_carries_its_interquartile_range(answers, expected):
    row = workshop.tally(votes("e1", "relevance", *answers), ["e1"], "relevance").iloc[0]
    assert row["iqr"] == pytest.approx(expected)


def test_ring_answers_have_no_iqr_and_other_questions_are_not_counted():
    mixed = pd.concat([votes("e1", "ring", "klar"), votes("e1", "relevance", "4", "4")])
    row = workshop.tally(mixed, ["e1"], "ring").iloc[0]
    assert row["n"] == 1 and math.isnan(row["iqr"])


def test_the_most_disputed_come_first_and_the_unanswered_last():
    answers = pd.concat(
        [
            votes("agreed", "ring", *(["klar"] * 8)),
            votes("close", "ring", *(["klar"] * 5 + ["afvent"] * 4)),  # margin 1/9: not under 10 %
            votes("split", "ring", *(["klar"] * 4 + ["afvent"] * 4)),
            votes("mild", "ring", *(["klar"] * 6 + ["afvent"] * 2)),
        ]
    )
    table = workshop.tally(answers, ["none", "agreed", "close", "split", "mild"], "ring")
    assert workshop.by_disagreement(table)["entry_id"].tolist() == ["split", "close", "mild", "agreed", "none"]
    assert workshop.disputed_ids(table) == ["split"]
    assert workshop.agreed(table)["entry_id"].tolist() == ["agreed", "close", "mild"]


def test_agreement_in_words_in_both_languages():
    row = workshop.tally(votes("e1", "ring", *(["afproev"] * 9 + ["klar"] * 3)), ["e1"], "ring").iloc[0]
    assert workshop.agreement_text(row, "ring", "da") == "9 af 12 valgte AFPRØV (75\u00a0%)"
    assert workshop.agreement_text(row, "ring", "en") == "9 of 12 chose TRIAL (75%)"
    split = workshop.tally(votes("e1", "relevance", "1", "5"), ["e1"], "relevance").iloc[0]
    assert workshop.agreement_text(split, "relevance", "da") == "Uenighed: 1 af 2 valgte 1 (50\u00a0%) · kvartilafstand 2,0"


def test_adoption_gives_the_ring_set_by_hand_with_the_automatic_reason():
    table = workshop.tally(votes("e1", "ring", *(["afproev"] * 9 + ["klar"] * 3)), ["e1", "e2"], "ring")
    updates = workshop.adoption_updates(table, "ring", date(2026, 12, 3), "da")
    assert updates == {"e1": {"ring": "afproev", "ring_reason": "Workshop 3. dec.: 9 af 12 valgte AFPRØV"}}
    english = workshop.adoption_updates(table, "ring", date(2026, 12, 3), "en")
    assert english["e1"]["ring_reason"] == "Workshop 3 Dec: 9 of 12 chose TRIAL"


@pytest.mark.parametrize(("question", "answers", "expected"), [("relevance", ["4", "4", "2"], 4), ("status", ["2", "0", "2"], 2)])
def test_adoption_of_relevance_or_status_sets_the_value(question, answers, expected):
    table = workshop.tally(votes("e1", question, *answers), ["e1"], question)
    assert workshop.adoption_updates(table, question, date(2026, 12, 3), "da") == {"e1": {question: expected}}


def test_an_overruled_ring_needs_a_reason():
    assert workshop.overrule_update("klar", " Vi har den i drift ") == {"ring": "klar", "ring_reason": "Vi har den i drift"}
    with pytest.raises(ValidationError):
        workshop.overrule_update("klar", "  ")
    with pytest.raises(ValidationError):
        workshop.overrule_update("KLAR", "fordi")


def test_names_and_comments_are_plain_and_short():
    assert workshop.clean_name("  <b>Anne</b>  ") == "Anne"
    assert len(workshop.clean_name("x" * 100)) <= workshop.MAX_NAME
    assert len(workshop.clean_comment("y" * 1000)) <= workshop.MAX_COMMENT


ENTRIES = pd.DataFrame(
    [
        {"entry_id": "a1", "technology_id": "ai", "name": "Kunstig intelligens (AI)"},
        {"entry_id": "b2", "technology_id": None, "name": "Borgerappen"},
    ]
)
ROUNDS = [
    {"round_id": "r1", "number": 1, "questions": ["ring", "relevance"], "entry_ids": ["a1", "b2"], "comments": True,
     "revealed": True, "parent_id": None, "created": pd.Timestamp("2026-12-03 09:00"),
     "closed": pd.Timestamp("2026-12-03 09:20")},
    {"round_id": "r2", "number": 2, "questions": ["ring"], "entry_ids": ["b2"], "comments": False, "revealed": False,
     "parent_id": "r1", "created": pd.Timestamp("2026-12-03 09:30"), "closed": None},
]  # fmt: skip
VOTES = pd.DataFrame(
    [
        {
            "round_id": "r1",
            "participant_id": "px",
            "name": "Anne",
            "entry_id": "a1",
            "question": "ring",
            "value": "klar",
            "comment": "ja",
        },
        {
            "round_id": "r1",
            "participant_id": "py",
            "name": "",
            "entry_id": "b2",
            "question": "relevance",
            "value": "3",
            "comment": "",
        },
        {
            "round_id": "r2",
            "participant_id": "py",
            "name": "",
            "entry_id": "b2",
            "question": "ring",
            "value": "afvent",
            "comment": "",
        },
    ]
)


def test_rounds_go_into_the_export_named_by_technology_not_by_stored_id():
    exported = workshop.rounds_for_export(ROUNDS, VOTES, ENTRIES)
    assert [r["number"] for r in exported] == [1, 2]
    assert exported[0]["technologies"] == ["ai", "name:Borgerappen"]
    assert exported[1]["revote_of"] == 1
    assert exported[0]["votes"][0] == {
        "participant": "1", "name": "Anne", "technology": "ai", "question": "ring", "answer": "klar", "comment": "ja",
    }  # fmt: skip
    assert exported[1]["votes"][0]["participant"] == "2"  # the same person keeps their number across rounds
    assert "code" not in exported[0] and "px" not in str(exported)


def test_rounds_come_back_onto_a_reopened_radar_with_its_new_entry_ids():
    reopened = pd.DataFrame(
        [{"entry_id": "new-b", "technology_id": None, "name": "Borgerappen"},
         {"entry_id": "new-a", "technology_id": "ai", "name": "Kunstig intelligens (AI)"}]
    )  # fmt: skip
    back = workshop.rounds_from_export(workshop.rounds_for_export(ROUNDS, VOTES, ENTRIES), reopened)
    assert [r["entry_ids"] for r in back] == [["new-a", "new-b"], ["new-b"]]
    assert [(v["entry_id"], v["question"], v["value"]) for v in back[0]["votes"]] == [
        ("new-a", "ring", "klar"),
        ("new-b", "relevance", "3"),
    ]
    assert back[1]["revote_of"] == 1 and back[0]["started"].hour == 9


def test_reopening_drops_answers_that_break_a_rule_and_refuses_what_is_not_rounds():
    exported = workshop.rounds_for_export(ROUNDS, VOTES, ENTRIES)
    exported[0]["votes"].append({**exported[0]["votes"][0], "answer": "<script>"})
    exported[0]["votes"].append({**exported[0]["votes"][0], "technology": "unknown"})
    exported[0]["votes"].append(dict(exported[0]["votes"][0]))  # the same answer twice counts once
    back = workshop.rounds_from_export(exported, ENTRIES)
    assert len(back[0]["votes"]) == 2
    assert workshop.rounds_from_export(None, ENTRIES) == []
    for bad in ("rounds", [1, 2], [{"number": "x", "questions": ["ring"]}], [{"number": 1, "questions": []}]):
        with pytest.raises(DataError):
            workshop.rounds_from_export(bad, ENTRIES)
