"""raw/corrections.yml: curated fixes to extracted rows, applied as explicit, documented data.

Each correction names an article, a table, the exact text of the row(s) it fixes, and either
`set` (columns to overwrite) or `drop: true`, with a `reason`. They are applied after
extraction; `crink eval` reports scores with and without them.

    corrections:
      - article: 2025-05-lima-talks
        table: quotes
        text: "the exact quoted words"
        set: {speaker_id: xi-jinping}
        reason: the readout's subject is Xi; the parse attaches the cue to the ministry
"""

from pathlib import Path

import yaml

from crink.errors import InputError

TABLES = {"mentions", "quotes", "quoted_terms", "agreement_mentions", "event_reports"}
KEYS = {"article", "table", "text", "set", "drop", "reason"}


def load_corrections(raw_dir: Path) -> list[dict]:
    path = Path(raw_dir) / "corrections.yml"
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = data.get("corrections") or []
    for i, c in enumerate(items):
        where = f"corrections[{i}]"
        if not isinstance(c, dict) or set(c) - KEYS:
            raise InputError(path, f"each correction takes only the keys {sorted(KEYS)}", field=where)
        if c.get("table") not in TABLES:
            raise InputError(path, f"table must be one of {sorted(TABLES)}", field=f"{where}.table")
        if not c.get("article") or not c.get("text") or not c.get("reason"):
            raise InputError(path, "article, text and reason are required", field=where)
        if bool(c.get("drop")) == bool(c.get("set")):
            raise InputError(path, "give either set: {...} or drop: true", field=where)
    return items


def apply_corrections(records: dict, corrections: list[dict]) -> dict:
    """A copy of one article's records with the corrections for that article applied."""
    article_id = records["article"]["id"]
    mine = [c for c in corrections if c["article"] == article_id]
    if not mine:
        return records
    out = dict(records)
    for c in mine:
        field = "sentence" if c["table"] == "event_reports" else "text"
        rows = []
        for row in out[c["table"]]:
            if row[field] == c["text"] or (field == "sentence" and c["text"] in row[field]):
                if c.get("drop"):
                    continue
                row = dict(row) | c["set"]
            rows.append(row)
        out[c["table"]] = rows
    return out
