"""metadata.yml agrees with schema.yml, and Datasette serves every table, view and query."""

import asyncio
import json

import pytest
import yaml
from datasette.app import Datasette

from crink.paths import METADATA_PATH, PLUGINS_DIR, TEMPLATES_DIR
from crink.publish import HEADER, metadata
from crink.schema import load_schema

SCHEMA = load_schema()
QUERY_PARAMS = {"actor": "russia", "q": "treaty", "event": ""}


def test_metadata_yml_is_generated_from_schema_yml():
    on_disk = METADATA_PATH.read_text(encoding="utf-8")
    assert on_disk.startswith(HEADER)
    assert yaml.safe_load(on_disk) == json.loads(json.dumps(metadata())), "run `crink metadata`"


def test_every_table_and_column_in_the_database_is_described(db):
    tables = yaml.safe_load(METADATA_PATH.read_text())["databases"]["crink"]["tables"]
    names = [r[0] for r in db.execute("select name from sqlite_master where type in ('table', 'view') "
                                      "and name not like '%_fts%' and name not like 'sqlite_%'")]
    assert names
    for name in names:
        assert tables[name]["description_html"].strip(), name
        for (col,) in [(r[1],) for r in db.execute(f'pragma table_info("{name}")')]:
            assert tables[name]["columns"].get(col, "").strip(), f"{name}.{col} has no description"


def test_enough_canned_queries_and_charts():
    queries = yaml.safe_load(METADATA_PATH.read_text())["databases"]["crink"]["queries"]
    assert len(queries) >= 10
    charts = [q for q in queries.values() if "fragment" in q]
    assert len(charts) >= 5
    for q in charts:
        assert "g.mark=" in q["fragment"] and "g.x_column=" in q["fragment"] and "g.y_column=" in q["fragment"]


@pytest.fixture(scope="module")
def client(built):
    meta = yaml.safe_load(METADATA_PATH.read_text())
    ds = Datasette([str(built[0])], immutables=[], metadata=meta, plugins_dir=str(PLUGINS_DIR),
                   template_dir=str(TEMPLATES_DIR),
                   settings={"sql_time_limit_ms": 3000, "max_returned_rows": 2000})
    return ds


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def test_home_and_database_pages(client):
    assert get(client, "/").status_code == 200
    assert get(client, "/crink").status_code == 200


@pytest.mark.parametrize("table", sorted(SCHEMA.tables) + sorted(SCHEMA.views))
def test_each_table_serves_html_csv_and_json(client, db, table):
    html = get(client, f"/crink/{table}")
    assert html.status_code == 200
    csv = get(client, f"/crink/{table}.csv?_stream=on&_size=max")
    assert csv.status_code == 200
    rows = db.execute(f'select count(*) from "{table}"').fetchone()[0]
    assert len(csv.text.strip().splitlines()) >= rows + 1 if rows else True
    js = get(client, f"/crink/{table}.json?_shape=array")
    assert js.status_code == 200 and isinstance(js.json(), list)


@pytest.mark.parametrize("query", sorted(yaml.safe_load(METADATA_PATH.read_text())["databases"]["crink"]["queries"]))
def test_each_canned_query_runs(client, query):
    sql = yaml.safe_load(METADATA_PATH.read_text())["databases"]["crink"]["queries"][query]["sql"]
    params = "&".join(f"{k}={v}" for k, v in QUERY_PARAMS.items() if f":{k}" in sql)
    r = get(client, f"/crink/{query}.json?_shape=array&{params}")
    assert r.status_code == 200, r.text[:500]
    assert isinstance(r.json(), list)


def test_charted_queries_return_rows_to_draw(client):
    queries = yaml.safe_load(METADATA_PATH.read_text())["databases"]["crink"]["queries"]
    for name, q in queries.items():
        if "fragment" in q:
            rows = get(client, f"/crink/{name}.json?_shape=array").json()
            assert len(rows) >= 2, f"{name}: datasette-vega needs two rows to draw"


def test_foreign_keys_show_labels(client, db):
    mention = db.execute("select m.id, a.name from mentions m join actors a on a.id = m.actor_id limit 1").fetchone()
    page = get(client, f"/crink/mentions?id={mention['id']}").text
    assert mention["name"] in page


def test_search_is_enabled_on_articles_quotes_and_event_sentences(client):
    for table in ("articles", "quotes", "event_reports"):
        r = get(client, f"/crink/{table}.json?_search=treaty&_shape=array")
        assert r.status_code == 200
    assert get(client, "/crink/articles.json?_search=treaty&_shape=array").json()


def test_evidence_view_marks_the_span_and_escapes_html(client, db):
    quote = db.execute("select * from quotes where kind != 'indirect' limit 1").fetchone()
    page = get(client, f"/crink/quote_evidence?id={quote['id']}").text
    assert "<mark>" + quote["text"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&#34;").replace("'", "&#39;") + "</mark>" in page


def test_readme_table_reference_is_generated_from_schema_yml():
    from crink.paths import REPO_ROOT
    from crink.publish import readme_tables

    assert readme_tables() in (REPO_ROOT / "README.md").read_text(encoding="utf-8"), "run `crink metadata`"


def test_event_timeline_shows_plover_mode(client, db):
    rows = get(client, "/crink/event_timeline.json?_shape=array").json()
    assert rows and "mode" in rows[0]
    modes = {r["mode"] for r in rows} - {None}
    assert modes == {m for (m,) in db.execute("select distinct mode from events where mode is not null")}
