"""The national radar assembled: queries from radar.db, method from radar.pipeline, places from radar.layout.

Pure of Streamlit; radar.ui caches these by plain values (path, edition, domain, language).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from radar import pipeline, value
from radar.db import national as db
from radar.errors import DataError
from radar.i18n import t
from radar.layout import place_blips


def localise(frame: pd.DataFrame, lang: str, columns: Iterable[str] = ("name", "description")) -> pd.DataFrame:
    """Copy of `frame` with plain `name`/`description` columns taken from the `_da`/`_en` pair."""
    out = frame.copy()
    for column in columns:
        if f"{column}_{lang}" in out:
            out[column] = out[f"{column}_{lang}"]
    return out


def categories(path: Path, lang: str) -> pd.DataFrame:
    """Categories with localised name and description, in sector order."""
    return localise(db.load_categories(path), lang)


def domains(path: Path, lang: str) -> pd.DataFrame:
    """Domains with localised name, in display order."""
    return localise(db.load_domains(path), lang)


def technologies(path: Path, lang: str) -> pd.DataFrame:
    """The catalogue with localised name and description."""
    return localise(db.load_technologies(path), lang)


def editions(path: Path) -> pd.DataFrame:
    """Editions newest first with respondent counts."""
    return db.load_editions(path)


def respondent_count(path: Path, edition: int, domain: str | None = None) -> int:
    """Respondents of one edition, all or one domain's."""
    return db.count_respondents(path, edition, domain)


def previous_edition(path: Path, edition: int) -> int | None:
    """The newest edition before `edition`, or None."""
    years = [int(y) for y in editions(path)["year"] if int(y) < edition]
    return max(years) if years else None


def _check_domain(path: Path, domain: str | None) -> None:
    if domain is not None and domain not in set(db.load_domains(path)["id"]):
        raise DataError("error_unknown_domain", domain=domain)


def _scored(
    path: Path,
    editions: Sequence[int] | None,
    domain: str | None = None,
    *,
    each_domain: bool = False,
    technology: str | None = None,
) -> dict[tuple[int, str | None], pd.DataFrame]:
    """Scores per (edition, scope) from one counting query, one maturity query and one run of the method.

    The scopes are `domain` (None: pooled) or, with `each_domain`, the pooled scope and every domain.
    With `technology`, each table holds that technology only (its row when it has a maturity rating).
    """
    counts = db.answer_counts(path, editions, domain, each_domain=each_domain, technology=technology)
    maturity = db.load_maturity(path, editions)
    if technology is not None:
        maturity = maturity[maturity["technology"] == technology]
    scopes = [None, *db.load_domains(path)["id"]] if each_domain else [domain]
    rated = maturity.merge(pd.DataFrame({"domain": pd.Series(scopes, dtype=object)}), how="cross")
    table = pipeline.score_technologies(counts, rated, keys=("edition", "domain"))
    years = sorted({int(e) for e in (editions if editions is not None else [*maturity["edition"], *counts["edition"]])})
    parts = {
        (int(year), None if pd.isna(scope) else scope): part.drop(columns=["edition", "domain"]).reset_index(drop=True)
        for (year, scope), part in table.groupby(["edition", "domain"], dropna=False, sort=False)
    }
    empty = table.drop(columns=["edition", "domain"]).iloc[0:0]
    return {(year, scope): parts.get((year, scope), empty) for year in years for scope in scopes}


def scores(path: Path, edition: int, domain: str | None = None) -> pd.DataFrame:
    """Scores and rings of one edition, pooled or for one domain."""
    _check_domain(path, domain)
    return _scored(path, [edition], domain)[(edition, domain)]


def radar_blips(path: Path, edition: int, domain: str | None, lang: str) -> pd.DataFrame:
    """Everything the radar and its list draw: scores, movement, numbers, names and positions."""
    _check_domain(path, domain)
    before = previous_edition(path, edition)
    scored = _scored(path, [edition] if before is None else [edition, before], domain)
    current = scored[(edition, domain)]
    previous = scored[(before, domain)] if before is not None else None
    table = pipeline.radar_table(current, db.load_technologies(path), previous)
    table = pipeline.number_blips(table[table["ring"].notna()].reset_index(drop=True))
    table["name"] = table[f"name_{lang}"]
    cats = db.load_categories(path)
    table = place_blips(table.rename(columns={"technology": "id"}), cats["id"].tolist()).rename(columns={"id": "technology"})
    table["technology_id"] = table["technology"]
    return with_value_mix(table, value.value_mix(db.value_counts(path, edition, domain)))


#: The columns of radar_timeline: one row per edition and placed technology of the scope.
TIMELINE_COLUMNS: tuple[str, ...] = ("edition", "technology", "category", "ring", "score", "number", "r", "theta", "diameter")


def radar_timeline(path: Path, domain: str | None) -> pd.DataFrame:
    """The placed blips of every edition of one scope (None: the combined radar), oldest edition first.

    One counting query over all editions (service._scored); each edition is placed by radar.layout as its
    own radar is. `number` is one number per technology across all editions and scopes: the newest combined
    radar's (1..N in reading order), then each older combined radar's newcomers after the last, so the time
    control moves a technology without renumbering it, and a domain radar has the combined radar's numbers.
    """
    _check_domain(path, domain)
    scored = _scored(path, None, None, each_domain=domain is not None)
    years = sorted({year for year, _ in scored})
    techs = db.load_technologies(path)
    numbers = pd.DataFrame({"technology": pd.Series(dtype=object), "number": pd.Series(dtype="int64")})
    for year in reversed(years):
        combined = scored[(year, None)]
        placed = pipeline.radar_table(combined[combined["ring"].notna()], techs)
        numbered = pipeline.number_blips(placed.reset_index(drop=True), reference=numbers if len(numbers) else None)
        newcomers = numbered.loc[~numbered["technology"].isin(numbers["technology"]), ["technology", "number"]]
        numbers = pd.concat([numbers, newcomers], ignore_index=True)
    cats = db.load_categories(path)["id"].tolist()
    parts = []
    for year in years:
        current = scored[(year, domain)]
        table = pipeline.radar_table(current[current["ring"].notna()].reset_index(drop=True), techs)
        table = pipeline.number_blips(table, reference=numbers) if len(table) else table.assign(number=pd.Series(dtype="int64"))
        placed = place_blips(table.rename(columns={"technology": "id"}), cats).rename(columns={"id": "technology"})
        parts.append(placed.assign(edition=year))
    if not parts:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in TIMELINE_COLUMNS})
    timeline = pd.concat(parts, ignore_index=True)[list(TIMELINE_COLUMNS)]
    return timeline.astype({"edition": "int64", "number": "int64"}).sort_values(["edition", "number"]).reset_index(drop=True)


def with_value_mix(table: pd.DataFrame, mix: pd.DataFrame) -> pd.DataFrame:
    """`table` with each technology's value mix (radar.value); a technology nobody answered for has n_value 0."""
    out = table.merge(mix, on="technology", how="left")
    return out.assign(**{value.COUNT_COLUMN: out[value.COUNT_COLUMN].fillna(0).astype("int64")})


def unplaced(path: Path, edition: int, domain: str | None) -> list[str]:
    """Technologies of the edition without a score (no answers or no maturity rating)."""
    current = scores(path, edition, domain)
    return current.loc[current["ring"].isna(), "technology"].tolist()


def filter_blips(
    blips: pd.DataFrame,
    search: str = "",
    categories: Iterable[str] = (),
    rings: Iterable[str] = (),
    movements: Iterable[str] = (),
    value_kind: str | None = None,
) -> pd.DataFrame:
    """Blips matching a name search and the chosen categories, rings and movements (empty = all), and with
    `value_kind` (efficiency, quality, wellbeing) only those where that value is reported (radar.value.reports)."""
    mask = pd.Series(True, index=blips.index)
    if value_kind:
        mask &= value.reports(blips, value_kind)
    needle = search.strip().casefold()
    if needle:
        mask &= blips["name_da"].str.casefold().str.contains(needle, regex=False) | blips["name_en"].str.casefold().str.contains(
            needle, regex=False
        )
    for column, chosen in (("category", categories), ("ring", rings), ("movement", movements)):
        chosen = list(chosen)
        if chosen:
            mask &= blips[column].isin(chosen)
    return blips[mask]


def domain_matrix(path: Path, edition: int, lang: str) -> pd.DataFrame:
    """Long table technology × (combined + each domain): score, ring, n, and the maturity and adoption
    the score comes from (so a cell's reason needs no other query), for the heatmap. One counting query."""
    techs = technologies(path, lang)
    names = dict(zip(techs["id"], techs["name"], strict=True))
    rows = []
    doms = domains(path, lang)
    scopes = [(None, t("compare_all", lang))] + list(zip(doms["id"], doms["name"], strict=True))
    scored = _scored(path, [edition], each_domain=True)
    for domain_id, domain_name in scopes:
        part = scored[(edition, domain_id)]
        part = part.assign(domain=domain_id, domain_name=domain_name, name=part["technology"].map(names))
        rows.append(part[["technology", "name", "domain", "domain_name", "score", "ring", "n", "maturity", "adoption"]])
    matrix = pd.concat(rows, ignore_index=True)
    order = matrix[matrix["domain"].isna()].sort_values("score", ascending=False)["technology"].tolist()
    matrix["_order"] = matrix["technology"].map({tech: i for i, tech in enumerate(order)})
    return matrix.sort_values(["_order"], kind="stable").drop(columns="_order").reset_index(drop=True)


def technology_detail(path: Path, technology: str, edition: int, lang: str) -> dict:
    """All a detail panel shows for one technology: text, maturity, stage shares, rings, use cases, history."""
    techs = technologies(path, lang)
    if technology not in set(techs["id"]):
        raise DataError("error_unknown_technology", technology=technology)
    info = techs.set_index("id").loc[technology]
    doms = domains(path, lang)
    scored = _scored(path, None, each_domain=True, technology=technology)
    scope_rows = []
    for domain_id, domain_name in [(None, None), *zip(doms["id"], doms["name"], strict=True)]:
        row = scored[(edition, domain_id)].set_index("technology").loc[technology]
        scope_rows.append({"domain": domain_id, "scope_name": domain_name, **row.to_dict()})
    by_scope = pd.DataFrame(scope_rows)
    use_cases = db.load_use_cases(path)
    use_cases = use_cases[use_cases["technology"] == technology].merge(
        doms[["id", "name"]].rename(columns={"id": "domain", "name": "domain_name"}), on="domain"
    )
    paths = technology_paths(scored, technology, dict(zip(doms["id"], doms["name"], strict=True)))
    history = paths.loc[paths["domain"].isna(), ["edition", "ring", "score"]].reset_index(drop=True)
    values = pd.concat(
        [
            with_value_mix(pd.DataFrame({"technology": [technology], "domain": [d], "scope_name": [n]}),
                           value.value_mix(db.value_counts(path, edition, d, technology)))
            for d, n in [(None, None), *zip(doms["id"], doms["name"], strict=True)]
        ],
        ignore_index=True,
    )  # fmt: skip
    return {
        "id": technology,
        "name": info["name"],
        "values": values,
        "description": info["description"],
        "category": info["category"],
        "by_scope": by_scope,
        "use_cases": use_cases.assign(text=use_cases[f"text_{lang}"])[["domain", "domain_name", "text"]],
        "history": history,
        "paths": paths,
    }


#: The columns of a technology's path across editions (technology_paths), one row per edition and scope.
PATH_COLUMNS: tuple[str, ...] = ("edition", "domain", "scope_name", "score", "ring", "maturity", "adoption", "n", "low_n")


def technology_paths(
    scored: dict[tuple[int, str | None], pd.DataFrame], technology: str, domain_names: dict[str, str]
) -> pd.DataFrame:
    """A technology's score and ring in every edition that rated it, for the combined radar (domain None,
    scope_name None) and each domain, oldest edition first; a scope without answers has no score."""
    rows = []
    for (year, scope), table in sorted(scored.items(), key=lambda item: (item[0][0], item[0][1] is not None)):
        row = table[table["technology"] == technology]
        if row.empty:
            continue  # not rated in that edition (Generativ AI before 2024)
        record = row.iloc[0]
        rows.append({"edition": year, "domain": scope, "scope_name": domain_names.get(scope) if scope else None,
                     **{column: record[column] for column in PATH_COLUMNS[3:]}})  # fmt: skip
    paths = pd.DataFrame(rows, columns=list(PATH_COLUMNS))
    return paths.astype({"domain": object, "scope_name": object})
