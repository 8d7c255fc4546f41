"""Shared fixtures: a real DuckDB file built from the committed seed files, once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar.db.national import build_database

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "data" / "seed"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED


@pytest.fixture(scope="session")
def national_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A national database built from the seed files into a temp folder."""
    return build_database(SEED, tmp_path_factory.mktemp("db") / "radar.duckdb")
