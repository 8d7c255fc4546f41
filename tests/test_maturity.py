"""The digital-maturity self-assessment, pure: scores from hand-made tables, "ved ikke", spread, split,
places to start, what moved, JSON round trip and hostile JSON, the minutes section and the chart."""

from __future__ import annotations

import json
import math
from datetime import date

import pandas as pd
import pytest

from radar import maturity as m
from radar.errors import DataError, ValidationError
from radar.i18n import CATALOGUE


def test_four_headings_with_four_to_six_statements_each_in_both_languages():
    assert m.HEADINGS == ("strategi", "styring", "forankring", "teknik")
    assert all(4 <= len(m.STATEMENTS[h]) <= 6 for h in m.HEADINGS)
    assert len(set(m.STATEMENT_KEYS)) == len(m.STATEMENT_KEYS)
    missing = [k for k in m.STATEMENT_KEYS if set(CATALOGUE.get(f"maturity_s_{k}", {})) != {"da", "en"}]
    assert missing == []
    assert m.answer_label("1", "da") == "1 · Slet ikke" and m.answer_label("5", "da") == "5 · I høj grad"
    assert m.answer_label(m.DONT_KNOW, "en") == "Don't know"


# One respondent per row; the statement keys are the columns. Expected values worked out by hand.
S1, S2, S3 = "strategi_fortaelling", "strategi_vaerdi", "strategi_ambition"
G1 = "styring_mandat"
ROOM = [
    {S1: "2", S2: "4", S3: "ved_ikke", G1: "5"},
    {S1: "4", S2: "4", G1: "1"},
    {S1: "3", S2: "ved_ikke", G1: "5"},
    {S1: "3", S3: "ved_ikke", G1: "1"},
]


@pytest.mark.parametrize(
    ("key", "n", "dont_know", "mean", "iqr", "split"),
    [
        (S1, 4, 0, 3.0, 0.5, False),  # 2,3,3,4: q1 2.75, q3 3.25
        (S2, 2, 1, 4.0, 0.0, False),  # ved ikke is counted apart, not in the mean
        (S3, 0, 2, math.nan, math.nan, False),  # only ved ikke: no score
        (G1, 4, 0, 3.0, 4.0, True),  # 1,1,5,5: q1 1, q3 5 -> split (IQR >= 2, n >= 3)
    ],
)
def test_statement_scores_from_a_hand_made_room(key, n, dont_know, mean, iqr, split):
    row = m.statement_scores(ROOM).set_index("key").loc[key]
    assert (row["n"], row["dont_know"], row["split"]) == (n, dont_know, split)
    assert (math.isnan(row["mean"]) and math.isnan(mean)) or row["mean"] == pytest.approx(mean)
    assert (math.isnan(row["iqr"]) and math.isnan(iqr)) or row["iqr"] == pytest.approx(iqr)


def test_heading_score_is_the_mean_of_statement_means_and_overall_the_mean_of_answered_headings():
    result = m.score(ROOM)
    heads = result.headings.set_index("heading")
    assert heads.at["strategi", "score"] == pytest.approx((3.0 + 4.0) / 2)  # S3 has no score and is left out
    assert heads.at["strategi", "statements"] == 2
    assert heads.at["styring", "score"] == pytest.approx(3.0)
    assert math.isnan(heads.at["forankring", "score"]) and math.isnan(heads.at["teknik", "score"])
    assert result.overall == pytest.approx((3.5 + 3.0) / 2)
    assert result.respondents == 4
    # The respondents' own strategi scores: 3, 4, 3, 3 -> 25th 3, 75th 3.25
    assert (heads.at["strategi", "q1"], heads.at["strategi", "q3"]) == (pytest.approx(3.0), pytest.approx(3.25))
    assert (heads.at["styring", "low"], heads.at["styring", "high"]) == (1.0, 5.0)


def test_a_split_needs_enough_answers():
    two = [{G1: "1"}, {G1: "5"}]  # IQR 2 but only two answered
    assert not m.statement_scores(two).set_index("key").at[G1, "split"]


def test_places_to_start_are_the_lowest_answered_statements_ties_in_catalogue_order():
    room = [{S1: "2", S2: "1", S3: "2", G1: "4", "teknik_gdpr": "1", "forankring_borgere": "ved_ikke"}]
    lowest = m.places_to_start(m.score(room), count=3)
    assert list(lowest["key"]) == [S2, "teknik_gdpr", S1]


def test_compare_names_what_moved_per_heading_and_statement():
    earlier = m.score([{S1: "2", G1: "4", "teknik_gdpr": "3"}])
    later = m.score([{S1: "4", G1: "4", "teknik_gdpr": "2", "forankring_borgere": "3"}])
    moved = m.compare(later, earlier).set_index(["level", "key"])
    assert moved.at[("statement", S1), "change"] == pytest.approx(2.0)
    assert moved.at[("statement", S1), "movement"] == "up"
    assert moved.at[("statement", G1), "movement"] == "same"
    assert moved.at[("statement", "teknik_gdpr"), "movement"] == "down"
    assert moved.at[("statement", "forankring_borgere"), "movement"] == "none"  # nothing to compare with
    assert moved.at[("heading", "strategi"), "change"] == pytest.approx(2.0)
    assert moved.at[("heading", "forankring"), "movement"] == "none"


def test_answers_off_the_scale_or_unknown_statements_are_refused():
    for bad in ("0", "6", "3.5", "ja", True):
        with pytest.raises(ValidationError):
            m.clean_answer(bad)
    with pytest.raises(ValidationError):
        m.clean_response({"no_such_statement": "3"})
    assert m.clean_response({G1: 4, S1: "", S2: None, S3: " ved_ikke "}) == {S3: "ved_ikke", G1: "4"}


def test_json_round_trip_keeps_every_answer_title_and_day():
    found = m.make_assessment(date(2026, 12, 3), ROOM, title="Ledergruppen <b>Æ</b>", source="round")
    back = m.from_json(m.to_json(found))
    assert back == found
    assert back.title == "Ledergruppen Æ"  # markup stripped on the way in
    assert m.score(back).overall == pytest.approx(m.score(found).overall)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        (b"not json", "maturity_error_json"),
        (b"\xff\xfe\x00", "maturity_error_json"),
        (b"[1, 2]", "maturity_error_not_assessment"),
        (json.dumps({"format": "other"}).encode(), "maturity_error_not_assessment"),
        (json.dumps({"format": m.JSON_FORMAT, "version": 99}).encode(), "maturity_error_version"),
        (json.dumps({"format": m.JSON_FORMAT, "version": 1, "date": "3. dec"}).encode(), "maturity_error_date"),
        (json.dumps({"format": m.JSON_FORMAT, "version": 1, "date": "2026-12-03", "responses": {}}).encode(),
         "maturity_error_responses"),
        (json.dumps({"format": m.JSON_FORMAT, "version": 1, "date": "2026-12-03", "responses": [{S1: "9"}]}).encode(),
         "maturity_error_answer"),
        (json.dumps({"format": m.JSON_FORMAT, "version": 1, "date": "2026-12-03", "responses": [{"<script>": "3"}]}).encode(),
         "maturity_error_statement"),
        (json.dumps({"format": m.JSON_FORMAT, "version": 1, "date": "2026-12-03",
                     "responses": [{S1: "3"}] * (m.MAX_RESPONDENTS + 1)}).encode(), "maturity_error_too_many"),
        (b"[" * 100_000, "maturity_error_json"),
        (b" " * (m.MAX_JSON_BYTES + 1), "maturity_error_too_large"),
    ],
)  # fmt: skip
def test_hostile_json_is_a_data_error_with_a_clear_key(raw, key):
    with pytest.raises(DataError) as caught:
        m.from_json(raw)
    assert caught.value.key == key


def test_votes_of_a_round_become_one_response_per_participant():
    votes = pd.DataFrame(
        [
            {"participant_id": "p1", "entry_id": S1, "question": "maturity", "value": "2"},
            {"participant_id": "p2", "entry_id": S1, "question": "maturity", "value": "ved_ikke"},
            {"participant_id": "p1", "entry_id": G1, "question": "maturity", "value": "5"},
            {"participant_id": "p3", "entry_id": "ai", "question": "ring", "value": "klar"},
        ]
    )
    assert m.responses_from_votes(votes) == [{S1: "2", G1: "5"}, {S1: "ved_ikke"}]


def test_minutes_section_has_scores_n_lowest_and_what_moved():
    earlier = m.score(m.make_assessment(date(2026, 1, 10), [{S1: "2", G1: "3"}]))
    later = m.score(m.make_assessment(date(2026, 12, 3), [{S1: "4", G1: "3"}, {S1: "4", G1: "1"}]))
    section = m.minutes_section(later, earlier, "da")
    assert set(section) == {"title", "lines", "table"}
    assert section["title"] == "Digital modenhed"
    assert section["lines"][0] == "Samlet score 3,0 af 5; 2 har svaret. Vurderet 03.12.2026."
    start = "Steder at starte: Det er klart, hvem der må sætte et nyt digitalt initiativ i gang (2,0);"
    assert section["lines"][1].startswith(start)
    assert section["lines"][-1] == (
        "Flyttet siden sidst: Vi har en fælles, nedskrevet fortælling om, hvorfor vi bruger digitalisering, teknologi og data"
        " +2,0; Det er klart, hvem der må sætte et nyt digitalt initiativ i gang −1,0."
    )
    table = section["table"]
    assert table["header"] == ["Overskrift", "Score (1-5)", "Midterste halvdel", "Tidligere", "Ændring"]
    assert table["rows"][0] == ["Strategi", "4,0", "4,0-4,0", "2,0", "+2,0"]
    assert table["rows"][1] == ["Styring", "2,0", "1,5-2,5", "3,0", "−1,0"]
    assert table["rows"][-1] == ["Samlet", "3,0", "", "2,5", "+0,5"]
    english = m.minutes_section(later, None, "en")
    assert english["table"]["header"] == ["Heading", "Score (1-5)", "Middle half"]
    assert english["lines"][0].startswith("Overall score 3.0 of 5; 2 answered.")
    empty = m.minutes_section(m.score([]), None, "da")
    assert empty == {"title": "Digital modenhed", "lines": ["Ingen har svaret endnu."], "table": None}


def test_the_chart_has_the_four_headings_the_band_and_the_earlier_trace():
    earlier = m.score(m.make_assessment(date(2026, 1, 10), [{S1: "2"}]))
    fig = m.result_figure(m.score(ROOM), earlier, "da")
    names = [trace.name for trace in fig.data]
    assert names == ["Midterste halvdel af svarene", "Tidligere (10.01.2026)", "Jeres score"]
    assert list(fig.data[2].y) == ["Strategi", "Styring", "Forankring", "Teknik"]
    assert list(fig.data[0].base) == pytest.approx([3.0, 1.0, math.nan, math.nan], nan_ok=True)
    alone = m.result_figure(m.score([{S1: "3"}]), None, "en", compact=True)
    assert [trace.name for trace in alone.data] == ["Your score"]  # one respondent: no band
