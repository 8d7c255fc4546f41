"""The radar's numbers in plain DuckDB SQL, written apart from radar.db and radar.pipeline.

Two uses: `make bench` times it as the floor the app's own path is measured against, and
tests/test_aggregation.py checks on the sample database that it agrees with the app on every
number (so the floor really computes the same thing). It shares nothing with the app's method but
the settings (ring cut-offs, the maturity scale, the top stage), and computes differently: one
pass of averages (avg(stage), avg(relevant)) over the answers where the app sums per-cell counts,
and the score, ring and low-n flag in SQL where the app has pandas.
"""

# The statements are put together from names and numbers in radar.config; every value is a parameter.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from radar.config import LOW_N, MATURITY_LEVELS, MAX_STAGE, RINGS

#: Every scope at once: the pooled radar (domain NULL) and each domain.
EVERY_SCOPE = "*"


def scores_sql(editions: Sequence[int], scope: str | None, technology: str | None = None) -> tuple[str, list]:
    """SQL and parameters for score and ring per (edition, scope, technology rated that edition).

    `scope`: None for all respondents pooled, a domain id, or EVERY_SCOPE for the pooled radar and
    every domain in one statement. Columns: edition, domain, technology, maturity, n, dont_know,
    adoption, relevance, n_relevance, stage_0..stage_3, maturity_norm, score, ring, low_n.
    """
    params: list = [int(e) for e in editions]
    filters = [f"a.edition IN ({', '.join('?' * len(params))})"]
    rated = [f"m.edition IN ({', '.join('?' * len(params))})"]
    params_rated = list(params)
    if technology is not None:
        filters.append("a.technology = ?")
        rated.append("m.technology = ?")
        params.append(technology)
        params_rated.append(technology)
    aggregates = ",\n               ".join(
        [
            "count(a.stage) AS n",
            "count(*) - count(a.stage) AS dont_know",
            f"avg(a.stage) / {MAX_STAGE} AS adoption",
            "avg(CAST(a.relevant AS INTEGER)) AS relevance",
            "count(a.relevant) AS n_relevance",
            *(f"count_if(a.stage = {level}) / nullif(count(a.stage), 0) AS stage_{level}" for level in range(MAX_STAGE + 1)),
        ]
    )
    joined = "answers a JOIN respondents r ON r.edition = a.edition AND r.respondent_id = a.respondent_id"
    if scope is None:
        source, scope_column, grouping = "answers a", "NULL::VARCHAR", "GROUP BY a.edition, a.technology"
        scopes, scope_params = "SELECT NULL::VARCHAR AS scope", []
    elif scope == EVERY_SCOPE:
        source, scope_column = joined, "r.domain"
        grouping = "GROUP BY GROUPING SETS ((a.edition, a.technology), (a.edition, r.domain, a.technology))"
        scopes, scope_params = "SELECT NULL::VARCHAR AS scope UNION ALL SELECT id FROM domains", []
    else:
        source, scope_column, grouping = joined, "r.domain", "GROUP BY a.edition, r.domain, a.technology"
        filters.append("r.domain = ?")
        params.append(scope)
        scopes, scope_params = "SELECT ?::VARCHAR AS scope", [scope]
    rings = " ".join(f"WHEN score >= {float(ring.cutoff)!r} THEN '{ring.key}'" for ring in RINGS[:-1])
    low, high = MATURITY_LEVELS[0], MATURITY_LEVELS[-1]
    sql = f"""
    WITH per_scope AS (
        SELECT a.edition, {scope_column} AS scope, a.technology,
               {aggregates}
        FROM {source} WHERE {" AND ".join(filters)} {grouping}
    ),
    scopes AS ({scopes}),
    placed AS (
        SELECT m.edition, s.scope AS domain, m.technology, m.maturity,
               coalesce(p.n, 0) AS n, coalesce(p.dont_know, 0) AS dont_know, p.adoption, p.relevance,
               coalesce(p.n_relevance, 0) AS n_relevance, p.stage_0, p.stage_1, p.stage_2, p.stage_3,
               (m.maturity - {low}) / {float(high - low)!r} AS maturity_norm,
               ((m.maturity - {low}) / {float(high - low)!r} + p.adoption) / 2 AS score
        FROM maturity m CROSS JOIN scopes s
        LEFT JOIN per_scope p ON p.edition = m.edition AND p.technology = m.technology AND p.scope IS NOT DISTINCT FROM s.scope
        WHERE {" AND ".join(rated)}
    )
    SELECT *, CASE WHEN score IS NULL THEN NULL {rings} ELSE '{RINGS[-1].key}' END AS ring, n < {LOW_N} AS low_n
    FROM placed ORDER BY edition, domain NULLS FIRST, technology
    """
    return sql, params + scope_params + params_rated


def scores(
    con: duckdb.DuckDBPyConnection, editions: Sequence[int], scope: str | None, technology: str | None = None
) -> pd.DataFrame:
    """Run scores_sql on an open connection and return the frame."""
    sql, params = scores_sql(editions, scope, technology)
    return con.execute(sql, params).df()
