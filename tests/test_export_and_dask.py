"""Downloads and scale-out: Frictionless export validates; a Dask build equals the local build."""

import csv
import json
import sqlite3

import pytest

from crink.pipeline import build
from crink.publish import export
from crink.schema import load_schema
from test_builds import MINI, dump


def test_export_writes_every_table_and_a_valid_datapackage(built, tmp_path):
    from frictionless import Package, validate

    out = export(built[0], tmp_path / "export")
    conn = sqlite3.connect(built[0])
    for table in load_schema().tables:
        count = conn.execute(f'select count(*) from "{table}"').fetchone()[0]
        with open(out / f"{table}.csv", newline="", encoding="utf-8") as f:
            assert sum(1 for _ in csv.reader(f)) == count + 1, table
        assert len(json.loads((out / f"{table}.json").read_text(encoding="utf-8"))) == count, table
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = Package(str(out / "datapackage.json"))
    mentions = package.get_resource("mentions")
    assert mentions.schema.primary_key == ["id"]
    assert {fk["reference"]["resource"] for fk in mentions.schema.foreign_keys} == {"articles", "actors"}


@pytest.mark.slow
def test_dask_local_cluster_build_equals_in_process_build(tmp_path):
    pytest.importorskip("dask.distributed")
    build(MINI, tmp_path / "local.db", use_cache=False)
    build(MINI, tmp_path / "dask.db", executor="dask", workers=2, use_cache=False)
    assert dump(tmp_path / "dask.db") == dump(tmp_path / "local.db")


def test_records_can_be_written_as_json_lines(tmp_path):
    out = tmp_path / "records.jsonl"
    build(MINI, tmp_path / "crink.db", use_cache=False, records_out=out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article"]["id"] for r in lines] == sorted(p.stem for p in (MINI / "articles").iterdir())
    assert all({"mentions", "quotes", "event_reports"} <= set(r) for r in lines)
