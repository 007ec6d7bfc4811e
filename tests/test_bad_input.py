"""Bad input: a clear error naming the file and line/field/byte, exit status 2, old database kept.

Each case starts from a small valid raw folder that has been built once, breaks one thing,
and runs `crink build` in-process; the previous database must keep the same bytes.
"""

import shutil
from pathlib import Path

import pytest

from crink.cli import main

REGISTRY = """actors:
  - {id: russia, name: Russia, type: country, capitals: [Moscow], demonyms: [Russian]}
  - {id: china, name: China, type: country, capitals: [Beijing], demonyms: [Chinese]}
  - {id: vladimir-putin, name: Vladimir Putin, type: person, affiliation: russia, aliases: [Putin]}
"""
AGREEMENTS = """agreements:
  - {id: sino-russian-treaty, name: Sino-Russian Treaty of Friendship, type: treaty, signed: "2001-07-16", parties: [china, russia]}
"""
ARTICLE = """---
title: Putin visits Beijing
published: "2024-05-20"
---
Russian President Vladimir Putin arrived in Beijing on May 16 for talks with Chinese officials.

"Our ties are at their best," Putin said.
"""


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = tmp_path_factory.mktemp("base")
    raw = root / "raw"
    (raw / "articles").mkdir(parents=True)
    (raw / "reference").mkdir()
    (raw / "reference" / "actors.yml").write_text(REGISTRY)
    (raw / "reference" / "agreements.yml").write_text(AGREEMENTS)
    (raw / "articles" / "a1.txt").write_text(ARTICLE)
    db = root / "crink.db"
    assert main(["build", "--raw", str(raw), "--db", str(db)]) == 0
    return raw, db


@pytest.fixture
def case(base, tmp_path):
    raw, db = base
    raw_copy = tmp_path / "raw"
    shutil.copytree(raw, raw_copy)
    db_copy = tmp_path / "crink.db"
    shutil.copy(db, db_copy)
    return raw_copy, db_copy


def fails(case, capsys, *expected):
    """Build must exit 2, name every expected fragment, and leave the database's bytes alone."""
    raw, db = case
    before = db.read_bytes()
    status = main(["build", "--raw", str(raw), "--db", str(db)])
    err = capsys.readouterr().err
    assert status == 2, err
    for fragment in expected:
        assert fragment in err, f"{fragment!r} not in {err!r}"
    assert db.read_bytes() == before
    assert not list(db.parent.glob(".crink.db.*.tmp")), "temporary file left behind"
    return err


def builds(case, capsys):
    raw, db = case
    assert main(["build", "--raw", str(raw), "--db", str(db)]) == 0, capsys.readouterr().err
    return db


def article(case, name) -> Path:
    return case[0] / "articles" / name


def test_empty_article(case, capsys):
    article(case, "empty.txt").write_text("")
    fails(case, capsys, "empty.txt", "empty")


def test_whitespace_only_article(case, capsys):
    article(case, "blank.txt").write_text("  \n\n\t \n")
    fails(case, capsys, "blank.txt", "empty")


def test_only_site_boilerplate(case, capsys):
    article(case, "nav.txt").write_text("Skip to content\nSubscribe\nSign in\nShare this article\n")
    fails(case, capsys, "nav.txt", "nothing is left")


def test_binary_file(case, capsys):
    article(case, "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    fails(case, capsys, "image.txt", "binary", "byte 8")


def test_not_utf8_names_the_encoding(case, capsys):
    article(case, "latin.txt").write_bytes("Moscow\nLa d\u00e9claration de P\u00e9kin.\n".encode("cp1252"))
    fails(case, capsys, "latin.txt:2", "not UTF-8", "iconv -f")


def test_bom_and_windows_line_endings_build(case, capsys):
    article(case, "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("May 16", "May 17").replace(
        "\n", "\r\n").encode())
    db = builds(case, capsys)
    import sqlite3
    text = sqlite3.connect(db).execute("select text from articles where id = 'bom'").fetchone()[0]
    assert "\r" not in text and "\ufeff" not in text and text.startswith("Russian President")


def test_oversized_article_is_refused_with_the_limit(case, capsys):
    article(case, "huge.txt").write_text("Putin spoke in Moscow. " * 900_000)  # about 20 MB
    fails(case, capsys, "huge.txt", "limit")


@pytest.mark.parametrize("front, expected", [
    ("---\ntitle: x\n\nbody without a closing line\n", ["unterm.txt:1", "never closed"]),
    ("---\ntitle: [unclosed\n---\nBody text here.\n", ["unterm.txt", "not valid YAML"]),
    ("---\ntitle: x\nsection: world\n---\nBody text here.\n", ["unterm.txt:3", "section"]),
    ("---\ntitle: 42\n---\nBody text here.\n", ["unterm.txt:2", "title must be text"]),
    ("---\npublished: 20 May 2024\n---\nBody text here.\n", ["unterm.txt:2", "does not parse"]),
    ("---\npublished: 2024-02-30\n---\nBody text here.\n", ["unterm.txt:2", "does not exist"]),
])
def test_bad_front_matter(case, capsys, front, expected):
    article(case, "unterm.txt").write_text(front)
    fails(case, capsys, *expected)


def test_two_files_with_one_id(case, capsys):
    article(case, "a1.md").write_text("Another text about Moscow and Beijing.\n")
    fails(case, capsys, "a1", "two files have the id")


def test_same_text_under_two_names(case, capsys):
    shutil.copy(article(case, "a1.txt"), article(case, "copy.txt"))
    fails(case, capsys, "copy.txt", "the same text as")


def registry(case) -> Path:
    return case[0] / "reference" / "actors.yml"


@pytest.mark.parametrize("extra, expected", [
    ("  - {id: russia, name: Russia again, type: country}\n", ["actors.yml:5", "duplicate actor id"]),
    ("  - {id: rf, name: RF, type: country, aliases: [Putin]}\n", ["actors.yml", "'Putin' is claimed by both"]),
    ("  - {id: lavrov, name: Sergei Lavrov, type: person, affiliation: mfa}\n", ["actors.yml", "'mfa' names no actor"]),
    ("  - {id: x, name: X, type: planet}\n", ["actors.yml:5", "'planet' is not one of"]),
    ("  - {id: y, name: Y, type: country, wikidata_id: 159}\n", ["actors.yml:5", "not a Wikidata id"]),
])
def test_bad_actor_registry(case, capsys, extra, expected):
    registry(case).write_text(REGISTRY + extra)
    fails(case, capsys, *expected)


def test_agreement_party_that_names_no_actor(case, capsys):
    (case[0] / "reference" / "agreements.yml").write_text(AGREEMENTS.replace("[china, russia]", "[china, iran]"))
    fails(case, capsys, "agreements.yml", "iran")


def test_metadata_for_a_missing_article(case, capsys):
    (case[0] / "articles" / "metadata.yml").write_text("ghost:\n  title: Nobody\n  title_basis: stated\n")
    fails(case, capsys, "metadata.yml", "ghost")
