"""Shared fixtures: one build of the shipped raw/ folder per test session."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from crink.paths import DEFAULT_RAW, REPO_ROOT
from crink.pipeline import build

SPAN_TABLES = ["mentions", "quotes", "quoted_terms", "agreement_mentions"]


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(database path, build report) for the shipped raw/ folder."""
    folder = tmp_path_factory.mktemp("built")
    report = build(DEFAULT_RAW, folder / "crink.db", cache_dir=folder / "cache")
    return folder / "crink.db", report


@pytest.fixture
def db(built):
    conn = sqlite3.connect(built[0])
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


@pytest.fixture
def raw_copy(tmp_path):
    """A writable copy of raw/ (articles and registries) for tests that change inputs."""
    target = tmp_path / "raw"
    shutil.copytree(DEFAULT_RAW, target)
    return target


def extract_passage(body: str, registry, published: str | None = "2025-05-23") -> dict:
    """Every record extracted from one invented passage, as the build would extract it."""
    from crink.extract import article_row, extract_records
    from crink.ingest import Article
    from crink.nlp import parse

    meta = {"published": published, "published_precision": "day"} if published else {}
    row = article_row(Article(id="t", source_file="articles/t.txt", source_format="txt", sha256="0", body=body,
                              meta=meta))
    return extract_records(row, parse(row["text"]), registry)


def write_article(raw: Path, name: str, text: str) -> Path:
    path = raw / "articles" / name
    path.write_text(text, encoding="utf-8")
    return path


SEEDS = REPO_ROOT.parent / "shared" / "seeds"
