"""The one database writer: rows -> a new SQLite file, made from schema.yml, renamed into place.

The database is written to a temporary file beside the target and moved over it with
os.replace only after every table, index and full-text index is written and the foreign keys
check clean, so a failed or killed build leaves the previous database as it was.
"""

import os
import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from crink.schema import Schema

SQL_TYPE = {"text": str, "integer": int, "real": float}


def create_tables(db: sqlite_utils.Database, schema: Schema) -> None:
    """Every table of schema.yml, with primary and foreign keys, in dependency order."""
    for table in _dependency_order(schema):
        db[table.name].create(
            {c.name: SQL_TYPE[c.type] for c in table.columns},
            pk=table.pk[0] if len(table.pk) == 1 else tuple(table.pk),
            not_null={c.name for c in table.columns if c.not_null},
            foreign_keys=table.foreign_keys,
        )


def _dependency_order(schema: Schema):
    done, order = set(), []

    def visit(name):
        if name in done:
            return
        done.add(name)
        for _, other, _ in schema.tables[name].foreign_keys:
            if other != name:
                visit(other)
        order.append(schema.tables[name])

    for name in schema.tables:
        visit(name)
    return order


def check_rows(schema: Schema, rows: dict[str, list[dict]]) -> None:
    """Rows match schema.yml: no table or column the schema does not define."""
    for name, table_rows in rows.items():
        if name not in schema.tables:
            raise ValueError(f"rows for table {name!r}, which schema.yml does not define")
        columns = {c.name for c in schema.tables[name].columns}
        for row in table_rows:
            extra = set(row) - columns
            if extra:
                raise ValueError(f"table {name}: columns {sorted(extra)} are not in schema.yml")


class DatabaseWriter:
    """Streams rows into a temporary database; `commit` checks it and renames it into place.

    Used as a context manager: leaving the block with an exception deletes the temporary file
    and leaves the database at db_path untouched.
    """

    def __init__(self, db_path: Path, schema: Schema):
        self.db_path = Path(db_path)
        self.schema = schema
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{self.db_path.name}.", suffix=".tmp", dir=self.db_path.parent)
        os.close(fd)
        self.tmp = Path(tmp_name)
        self.conn = sqlite3.connect(self.tmp)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        self.db = sqlite_utils.Database(self.conn)
        create_tables(self.db, schema)
        self.counts = {name: 0 for name in schema.tables}

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.conn.close()
            self.tmp.unlink(missing_ok=True)
        return False

    def add(self, table: str, rows: list[dict]) -> None:
        """Append rows to a table (columns checked against schema.yml)."""
        if not rows:
            return
        check_rows(self.schema, {table: rows})
        if self.schema.tables[table].fill:
            raise ValueError(f"table {table} is computed by the build (schema.yml fill), not written")
        names = [c.name for c in self.schema.tables[table].columns]
        sql = f'insert into "{table}" ({_column_list(names)}) values ({", ".join("?" * len(names))})'
        with self.conn:  # plain executemany: sqlite-utils' insert_all costs ~3x more per row
            self.conn.executemany(sql, ([row.get(n) for n in names] for row in rows))
        self.counts[table] += len(rows)

    def _fill_summary_tables(self) -> None:
        """Tables with a `fill` select in schema.yml, computed from the rows loaded."""
        for table in _dependency_order(self.schema):
            if table.fill:
                columns = _column_list([c.name for c in table.columns])
                with self.conn:
                    cursor = self.conn.execute(f'insert into "{table.name}" ({columns}) {table.fill}')
                self.counts[table.name] = cursor.rowcount

    def commit(self) -> Path:
        """Summary tables, indexes, full-text search, foreign key check, then the atomic rename."""
        self._fill_summary_tables()
        for table in self.schema.tables.values():
            for column, _, _ in table.foreign_keys:
                self.db[table.name].create_index([column], if_not_exists=True)
            if table.fts:
                self.db[table.name].enable_fts(table.fts, tokenize="porter", create_triggers=False)
        _create_indexes(self.db, self.schema)
        for view in self.schema.views.values():
            self.db.create_view(view.name, view.sql)
        problems = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"foreign key check failed (table, rowid, parent, fk index): {problems[:5]}")
        self.conn.execute("ANALYZE")
        self.conn.commit()
        self.conn.close()
        os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.db_path)
        return self.db_path


def _column_list(names: list[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _create_indexes(db: sqlite_utils.Database, schema: Schema) -> None:
    """Indexes for the columns Datasette sorts and facets on (from schema.yml) and for the
    joins the canned queries make."""
    wanted = [(t.name, [c]) for t in schema.tables.values() for c in [*t.facets, (t.sort or "").lstrip("-")]
              if c and c not in t.pk]
    wanted += [("events", ["date_start"]), ("mentions", ["article_id", "actor_id", "start"]),
               ("quotes", ["article_id", "start"]), ("quotes", ["article_id", "speaker_id"])]
    for table, columns in wanted:
        db[table].create_index(columns, if_not_exists=True)
