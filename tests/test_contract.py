"""The database contract of issue 2: tables, columns, keys and exact offsets, from the seeds."""

import hashlib
import re

import pytest

from conftest import SEEDS, SPAN_TABLES
from crink.paths import DEFAULT_RAW
from crink.schema import load_schema

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER"}
CONTRACT = {
    "articles": "id title publisher author url published published_precision published_basis text word_count "
                "source_file sha256",
    "actors": "id name type wikidata_id description affiliation_id",
    "actor_aliases": "actor_id alias",
    "mentions": "id article_id actor_id start end text",
    "quotes": "id article_id speaker_id speaker_text text kind cue start end",
    "agreements": "id name type signed signed_precision mutual_defense description wikidata_id",
    "agreement_parties": "agreement_id actor_id",
    "agreement_mentions": "id article_id agreement_id start end text",
    "events": "id type date_start date_end date_precision summary",
    "event_actors": "event_id actor_id role",
    "event_reports": "event_id article_id start end sentence",
}


def columns(db, table):
    return {r["name"] for r in db.execute(f'pragma table_info("{table}")')}


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_contract_tables_have_their_columns_and_rows(db, table):
    assert set(CONTRACT[table].split()) <= columns(db, table)
    assert db.execute(f'select count(*) from "{table}"').fetchone()[0] > 0, f"{table} is empty"


def test_database_matches_schema_yml(db):
    schema = load_schema()
    for table in schema.tables.values():
        assert columns(db, table.name) == {c.name for c in table.columns}, table.name
        declared = {(fk["from"], fk["table"], fk["to"]) for fk in
                    db.execute(f'pragma foreign_key_list("{table.name}")')}
        assert declared == set(table.foreign_keys), table.name


def test_foreign_keys_are_intact(db):
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_every_seed_article_is_shipped_byte_for_byte_and_built(db):
    ids = {r["id"]: r for r in db.execute("select * from articles")}
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else sorted((DEFAULT_RAW / "articles").glob("*.txt"))
    assert len(seeds) >= 5
    for seed in seeds:
        shipped = DEFAULT_RAW / "articles" / seed.name
        assert shipped.read_bytes() == seed.read_bytes()
        row = ids[seed.stem]
        assert row["sha256"] == hashlib.sha256(seed.read_bytes()).hexdigest()
        assert row["word_count"] == len(row["text"].split())
        assert row["published_basis"] in ("stated", "inferred")


@pytest.mark.parametrize("table", SPAN_TABLES)
def test_every_span_is_exactly_its_text(db, table):
    texts = dict(db.execute("select id, text from articles"))
    rows = db.execute(f'select * from "{table}"').fetchall()
    assert rows
    for r in rows:
        text = texts[r["article_id"]]
        assert 0 <= r["start"] < r["end"] <= len(text), r["id"]
        assert text[r["start"]:r["end"]] == r["text"], r["id"]
        assert r["id"] == f'{r["article_id"]}:{r["start"]}-{r["end"]}'


def test_quote_sentences_contain_their_quotes(db):
    for r in db.execute("select * from quotes"):
        assert r["sentence_start"] <= r["start"] and r["end"] <= r["sentence_end"], r["id"]


def test_event_reports_point_at_sentence_trigger_and_time_expression(db):
    texts = dict(db.execute("select id, text from articles"))
    rows = db.execute("select * from event_reports").fetchall()
    assert rows
    for r in rows:
        text = texts[r["article_id"]]
        assert text[r["start"]:r["end"]] == r["sentence"]
        assert r["start"] <= r["trigger_start"] < r["end"]
        assert text[r["trigger_start"]:r["trigger_start"] + len(r["trigger"])] == r["trigger"]
        assert text[r["date_start_offset"]:r["date_start_offset"] + len(r["date_text"])] == r["date_text"]
        if r["method"].startswith("rule:date-from-"):  # a date carried from a heading or an earlier sentence
            assert r["date_start_offset"] < r["start"]
        else:
            assert r["start"] <= r["date_start_offset"] < r["end"]


def test_events_are_typed_and_dated_consistently(db):
    for r in db.execute("select * from events"):
        assert r["type"] in PLOVER
        assert r["date_start"] <= r["date_end"]
        assert r["date_precision"] in ("day", "month", "season", "year")
        assert r["date_start"].startswith(r["date"][:4])
        pattern = {"day": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "season": r"\d{4}", "year": r"\d{4}"}
        assert re.fullmatch(pattern[r["date_precision"]], r["date"]), r["id"]
        assert db.execute("select count(*) from event_reports where event_id = ?", [r["id"]]).fetchone()[0] >= 1


def test_values_respect_schema_enumerations(db):
    schema = load_schema()
    for table in schema.tables.values():
        for c in table.columns:
            if c.values:
                found = {v for (v,) in db.execute(f'select distinct "{c.name}" from "{table.name}"')} - {None}
                assert found <= set(c.values), (table.name, c.name, found - set(c.values))


def test_actor_ids_are_slugs_and_affiliations_resolve(db):
    for r in db.execute("select * from actors"):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]), r["id"]
        if r["wikidata_id"]:
            assert re.fullmatch(r"Q[1-9]\d*", r["wikidata_id"])


def test_actor_stats_summarise_mentions_and_quotes(db):
    mentions, articles, spoken = {}, {}, {}
    for r in db.execute("select actor_id, article_id from mentions"):
        mentions[r["actor_id"]] = mentions.get(r["actor_id"], 0) + 1
        articles.setdefault(r["actor_id"], set()).add(r["article_id"])
    for r in db.execute("select speaker_id from quotes where speaker_id is not null"):
        spoken[r["speaker_id"]] = spoken.get(r["speaker_id"], 0) + 1
    stats = {r["actor_id"]: r for r in db.execute("select * from actor_stats")}
    assert set(stats) == set(mentions) | set(spoken)
    for actor_id, row in stats.items():
        assert row["mentions"] == mentions.get(actor_id, 0), actor_id
        assert row["articles"] == len(articles.get(actor_id, ())), actor_id
        assert row["quotes_spoken"] == spoken.get(actor_id, 0), actor_id


def test_summary_tables_cannot_be_written_directly(tmp_path):
    from crink.store import DatabaseWriter

    with pytest.raises(ValueError, match="actor_stats"):
        with DatabaseWriter(tmp_path / "x.db", load_schema()) as writer:
            writer.add("actor_stats", [{"actor_id": "x", "name": "X", "type": "person", "mentions": 1,
                                        "articles": 1, "quotes_spoken": 0}])
    assert not (tmp_path / "x.db").exists()
