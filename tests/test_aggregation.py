"""Answers aggregated where they live: the app's numbers against SQL written apart, and no raw answers in Python.

benchmarks/plain_sql.py computes every score and ring with its own SQL (averages in DuckDB, the score
and ring in SQL, nothing from radar.db or radar.pipeline). On the sample database it must agree with
the app on every number of every edition and scope; it is also the floor `make bench` times.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from benchmarks import plain_sql
from radar import service
from radar.db import Database, national, shared_cursor

INTEGERS = ("maturity", "n", "dont_know", "n_relevance")
FRACTIONS = ("adoption", "relevance", "stage_0", "stage_1", "stage_2", "stage_3", "maturity_norm", "score")


@pytest.fixture(scope="module")
def years(national_db):
    return sorted(int(y) for y in service.editions(national_db)["year"])


@pytest.fixture(scope="module")
def scopes(national_db):
    return [None, *service.domains(national_db, "da")["id"]]


@pytest.fixture(scope="module")
def recomputed(national_db, years):
    """Every edition and scope from one independent statement, keyed (edition, domain or None)."""
    frame = plain_sql.scores(shared_cursor(national_db), years, plain_sql.EVERY_SCOPE)
    frame["domain"] = frame["domain"].astype(object).where(frame["domain"].notna(), None)
    return {key: part.reset_index(drop=True) for key, part in frame.groupby(["edition", "domain"], dropna=False)} | {
        (year, None): frame[(frame["edition"] == year) & frame["domain"].isna()].reset_index(drop=True) for year in years
    }


def plain(column: pd.Series) -> list:
    """The values with every kind of missing as None."""
    return column.astype(object).where(column.notna(), None).tolist()


def same_numbers(ours: pd.DataFrame, theirs: pd.DataFrame, columns=INTEGERS + FRACTIONS, rings=True) -> None:
    """Row for row (by technology): integers equal, fractions equal to 1e-12, rings and low-n flags equal."""
    ours = ours.set_index("technology").sort_index()
    theirs = theirs.set_index("technology").sort_index()
    assert ours.index.tolist() == theirs.index.tolist()
    for column in columns:
        if column in INTEGERS:
            assert ours[column].astype(int).tolist() == theirs[column].astype(int).tolist(), column
        else:
            np.testing.assert_allclose(
                ours[column].astype(float), theirs[column].astype(float), rtol=1e-12, atol=1e-15, equal_nan=True, err_msg=column
            )
    if rings:
        assert (
            ours["ring"].where(ours["ring"].notna(), None).tolist() == theirs["ring"].where(theirs["ring"].notna(), None).tolist()
        )
    if "low_n" in columns or rings:
        assert ours["low_n"].astype(bool).tolist() == theirs["low_n"].astype(bool).tolist()


def test_the_sample_has_editions_and_scopes_to_compare(recomputed, years, scopes):
    assert len(years) >= 2 and len(scopes) == 6
    assert all(len(recomputed[(year, scope)]) >= 20 for year in years for scope in scopes)
    assert all(recomputed[(year, scope)]["ring"].notna().sum() >= 20 for year in years for scope in scopes)


def test_every_score_and_ring_of_every_edition_and_scope(national_db, recomputed, years, scopes):
    for year in years:
        for scope in scopes:
            same_numbers(service.scores(national_db, year, scope), recomputed[(year, scope)])


def test_the_one_scope_statements_of_the_benchmark_agree_too(national_db, recomputed, years, scopes):
    con = shared_cursor(national_db)
    for scope in scopes:
        alone = plain_sql.scores(con, years, scope)
        for year in years:
            same_numbers(alone[alone["edition"] == year], recomputed[(year, scope)])
    one = plain_sql.scores(con, years, plain_sql.EVERY_SCOPE, technology="cloud")
    assert set(one["technology"]) == {"cloud"} and len(one) == len(years) * len(scopes)


def test_radar_blips_carry_the_recomputed_numbers(national_db, recomputed, years, scopes):
    for year in years:
        for scope in scopes:
            blips = service.radar_blips(national_db, year, scope, "da")
            theirs = recomputed[(year, scope)]
            same_numbers(blips, theirs[theirs["ring"].notna()])
            if year > years[0]:
                before = recomputed[(years[years.index(year) - 1], scope)].set_index("technology")["ring"]
                # A technology the edition before did not have (Generativ AI in 2024) has no previous ring.
                assert plain(blips["previous_ring"]) == [before.get(tech) for tech in blips["technology"]]


def test_heatmap_carries_the_recomputed_numbers(national_db, recomputed, years, scopes):
    for year in years:
        matrix = service.domain_matrix(national_db, year, "da")
        for scope in scopes:
            part = matrix[matrix["domain"].isna()] if scope is None else matrix[matrix["domain"] == scope]
            same_numbers(part, recomputed[(year, scope)], columns=("n", "score", "maturity", "adoption"), rings=False)
            theirs = recomputed[(year, scope)].set_index("technology")["ring"]
            assert part["ring"].tolist() == [theirs[tech] for tech in part["technology"]]


def test_technology_detail_carries_the_recomputed_numbers(national_db, recomputed, years, scopes):
    for technology in service.technologies(national_db, "da")["id"]:
        detail = service.technology_detail(national_db, technology, years[-1], "da")
        by_scope = detail["by_scope"]
        assert plain(by_scope["domain"]) == scopes
        for scope, row in zip(scopes, by_scope.to_dict("records"), strict=True):
            theirs = recomputed[(years[-1], scope)]
            same_numbers(pd.DataFrame([{**row, "technology": technology}]), theirs[theirs["technology"] == technology])
        history = detail["history"]
        # From the first edition that rated it (Generativ AI enters in 2024), every edition after it.
        rated = [year for year in years if technology in set(recomputed[(year, None)]["technology"])]
        assert rated == years[years.index(rated[0]) :]
        assert history["edition"].tolist() == rated
        for year, ring, score in history.itertuples(index=False):
            theirs = recomputed[(year, None)].set_index("technology").loc[technology]
            assert ring == theirs["ring"]
            assert score == pytest.approx(theirs["score"], rel=1e-12)


def test_no_page_path_loads_raw_answers_into_python(national_db, years, scopes, monkeypatch):
    """Every query the radar, heatmap and detail paths make: answers are read only inside an aggregate,
    and no result is larger than a row per edition, scope and technology."""
    seen: list[tuple[str, pd.DataFrame]] = []
    real = national._query

    def spy(path, sql, params=None):
        frame = real(path, sql, params)
        seen.append((sql, frame))
        return frame

    monkeypatch.setattr(national, "_query", spy)
    for year in years:
        for scope in scopes:
            service.radar_blips(national_db, year, scope, "da")
            service.unplaced(national_db, year, scope)
            service.respondent_count(national_db, year, scope)
        service.domain_matrix(national_db, year, "en")
    service.technology_detail(national_db, "cloud", years[-1], "da")
    techs = len(service.technologies(national_db, "da"))
    bound = len(years) * len(scopes) * techs
    answers_read = [sql for sql, _ in seen if "answers" in sql]
    assert answers_read, "the spy saw no query of the answers"
    for sql, frame in seen:
        assert "respondent_id" not in frame.columns, sql
        assert len(frame) <= bound, sql
    for sql in answers_read:
        assert "GROUP BY" in sql, sql


@pytest.mark.parametrize(
    "call",
    [
        lambda db, year: service.radar_blips(db, year, None, "da"),
        lambda db, year: service.radar_blips(db, year, "teknik-miljoe", "da"),
        lambda db, year: service.domain_matrix(db, year, "da"),
        lambda db, year: service.technology_detail(db, "cloud", year, "da"),
        lambda db, year: service.scores(db, year, "social-sundhed"),
    ],
    ids=["combined radar", "domain radar", "heatmap", "technology detail", "scores"],
)
def test_one_counting_query_per_need(national_db, years, monkeypatch, call):
    """Every scope and edition a page shows comes from one query of the answers, not one per scope."""
    seen: list[str] = []
    real = national._query

    def spy(path, sql, params=None):
        seen.append(sql)
        return real(path, sql, params)

    monkeypatch.setattr(national, "_query", spy)
    call(national_db, years[-1])
    assert sum("answers" in sql for sql in seen) == 1


def test_the_benchmarks_generated_database_agrees_too(tmp_path):
    """`make bench` times the app on generated answers: the numbers there must be the recomputed ones as well."""
    from benchmarks.synthetic import make_database

    db = make_database(tmp_path, 5_000)
    year = int(service.editions(db)["year"].max())
    con = shared_cursor(db)
    assert con.execute("SELECT count(*), count(DISTINCT edition) FROM answers").fetchone() == (5_000, 1)
    every = plain_sql.scores(con, [year], plain_sql.EVERY_SCOPE)
    scopes = [None, *service.domains(db, "da")["id"]]
    matrix = service.domain_matrix(db, year, "da")
    for scope in scopes:
        theirs = every[every["domain"].isna()] if scope is None else every[every["domain"] == scope]
        same_numbers(service.scores(db, year, scope), theirs)
        part = matrix[matrix["domain"].isna()] if scope is None else matrix[matrix["domain"] == scope]
        same_numbers(part, theirs, columns=("n", "score"), rings=False)
    assert set(every["ring"]) >= {"klar", "afproev", "hold_oeje", "afvent"}
    Database.close_all(db)
