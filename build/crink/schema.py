"""schema.yml -> validated table definitions: the one description of the database."""

from dataclasses import dataclass, field

import yaml

from crink.errors import InputError
from crink.paths import SCHEMA_PATH

SQL_TYPES = {"text": str, "integer": int, "real": float}
COLUMN_KEYS = {"type", "description", "pk", "fk", "not_null", "values", "unit"}
TABLE_KEYS = {"description", "label", "sort", "facets", "fts", "hidden", "fill", "columns"}


@dataclass
class Column:
    name: str
    type: str
    description: str
    pk: bool = False
    fk: str | None = None
    not_null: bool = False
    values: list | None = None
    unit: str | None = None


@dataclass
class Table:
    name: str
    description: str
    columns: list[Column]
    label: str | None = None
    sort: str | None = None
    facets: list[str] = field(default_factory=list)
    fts: list[str] = field(default_factory=list)
    hidden: bool = False
    fill: str | None = None  # a select computing the rows from the other tables (a summary table)

    @property
    def pk(self) -> list[str]:
        return [c.name for c in self.columns if c.pk]

    @property
    def foreign_keys(self) -> list[tuple[str, str, str]]:
        """(column, other table, other column) for every declared reference."""
        return [(c.name, *c.fk.split(".")) for c in self.columns if c.fk]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@dataclass
class View:
    name: str
    description: str
    sql: str
    columns: dict[str, str]
    facets: list[str] = field(default_factory=list)


@dataclass
class Schema:
    database: dict
    tables: dict[str, Table]
    views: dict[str, View] = field(default_factory=dict)


def load_schema(path=SCHEMA_PATH) -> Schema:
    """Read and check schema.yml: every table and column described, keys resolvable."""
    with open(path, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    tables = {}
    for tname, tdef in (raw.get("tables") or {}).items():
        unknown = set(tdef) - TABLE_KEYS
        if unknown:
            raise InputError(path, f"unknown keys {sorted(unknown)}", field=f"tables.{tname}")
        if not tdef.get("description"):
            raise InputError(path, "table has no description", field=f"tables.{tname}")
        columns = []
        for cname, cdef in (tdef.get("columns") or {}).items():
            where = f"tables.{tname}.columns.{cname}"
            unknown = set(cdef) - COLUMN_KEYS
            if unknown:
                raise InputError(path, f"unknown keys {sorted(unknown)}", field=where)
            if cdef.get("type") not in SQL_TYPES:
                raise InputError(path, f"type must be one of {sorted(SQL_TYPES)}", field=where)
            if not cdef.get("description"):
                raise InputError(path, "column has no description", field=where)
            columns.append(Column(name=cname, **cdef))
        tables[tname] = Table(name=tname, columns=columns,
                              **{k: v for k, v in tdef.items() if k != "columns"})
    views = {}
    for vname, vdef in (raw.get("views") or {}).items():
        for key in ("description", "sql", "columns"):
            if not vdef.get(key):
                raise InputError(path, f"view has no {key}", field=f"views.{vname}")
        views[vname] = View(name=vname, **vdef)
    schema = Schema(database=raw.get("database") or {}, tables=tables, views=views)
    _check_references(schema, path)
    return schema


def _check_references(schema: Schema, path) -> None:
    for table in schema.tables.values():
        names = {c.name for c in table.columns}
        for col, other, other_col in table.foreign_keys:
            if other not in schema.tables or other_col not in {c.name for c in schema.tables[other].columns}:
                raise InputError(path, f"foreign key to unknown {other}.{other_col}",
                                 field=f"tables.{table.name}.columns.{col}")
        for key in ["label", "sort"]:
            value = (getattr(table, key) or "").lstrip("-")
            if value and value not in names:
                raise InputError(path, f"{key} names unknown column {value}", field=f"tables.{table.name}.{key}")
        for key in ["facets", "fts"]:
            for value in getattr(table, key):
                if value not in names:
                    raise InputError(path, f"{key} names unknown column {value}", field=f"tables.{table.name}.{key}")
