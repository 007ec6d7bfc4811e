"""Raw files -> Article records (id, metadata, raw body). Every input check lives here.

An article is a .txt, .md or .html file in raw/articles; its id is the file stem. A .txt or
.md file may open with YAML front matter (title, url, publisher, author, published).
raw/articles/metadata.yml holds what was worked out about files that carry no front matter.
"""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from crink.errors import InputError

ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
FRONT_MATTER_KEYS = {"title": str, "url": str, "publisher": str, "author": str, "published": str}
METADATA_FIELDS = ["title", "publisher", "author", "url", "published"]
METADATA_KEYS = set(METADATA_FIELDS) | {f"{k}_basis" for k in METADATA_FIELDS} | {"note"}
BASES = {"stated", "inferred"}
MAX_ARTICLE_BYTES = 5_000_000  # stated limit: larger files are refused with a clear error
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
DATE_PATTERNS = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
]


@dataclass
class Article:
    """One raw article: its id, where it came from, its body text and its metadata."""

    id: str
    source_file: str
    source_format: str
    sha256: str
    body: str
    meta: dict = field(default_factory=dict)


def parse_date(value, path, field_name, line=None) -> tuple[str, str]:
    """'2025', '2025-06' or '2025-06-19' (or a YAML date) -> (iso text, precision)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    text = str(value).strip()
    for pattern, precision in DATE_PATTERNS:
        if pattern.match(text):
            parts = [int(p) for p in text.split("-")] + [1, 1]
            try:
                dt.date(parts[0], parts[1], parts[2])
            except ValueError as e:
                raise InputError(path, f"date {text!r} does not exist ({e})", line=line, field=field_name)
            return text, precision
    raise InputError(path, f"date {text!r} does not parse: use YYYY, YYYY-MM or YYYY-MM-DD",
                     line=line, field=field_name)


def decode(data: bytes, path) -> str:
    """Bytes -> text: UTF-8 (a BOM is fine), with a clear error for binary or other encodings."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, f"binary file (NUL byte at byte {nul}), not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        guess = "Windows-1252" if _decodes(data, "cp1252") else "ISO-8859-1"
        line = data[: e.start].count(b"\n") + 1
        raise InputError(path, f"not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); it looks like "
                         f"{guess}: convert it with `iconv -f {guess} -t UTF-8`", line=line)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False


SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: ~10x faster


class TextDateLoader(SafeLoader):
    """YAML without implicit dates: '2024-02-30' stays text, so parse_date can name the field."""


TextDateLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str, path) -> tuple[dict, str]:
    """Text opening with '---' ... '---' -> (checked front matter, body)."""
    if not text.startswith("---\n"):
        return {}, text
    end = re.search(r"^---[ \t]*$", text[4:], flags=re.M)
    if not end:
        raise InputError(path, "front matter opened with '---' is never closed with a '---' line", line=1)
    block = text[4 : 4 + end.start()]
    body = text[4 + end.end():].lstrip("\n")
    try:
        data = yaml.load(block, Loader=TextDateLoader) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark else None
        raise InputError(path, f"front matter is not valid YAML: {getattr(e, 'problem', e)}", line=line)
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a mapping of keys to values", line=2)
    lines = {m.group(1): i + 2 for i, l in enumerate(block.split("\n")) if (m := re.match(r"^(\w+)\s*:", l))}
    meta = {}
    for key, value in data.items():
        line = lines.get(str(key))
        if key not in FRONT_MATTER_KEYS:
            raise InputError(path, f"unknown front matter key {key!r}; allowed: {sorted(FRONT_MATTER_KEYS)}",
                             line=line, field=str(key))
        if value is None:
            continue
        if key == "published":
            meta["published"], meta["published_precision"] = parse_date(value, path, key, line)
        elif not isinstance(value, str):
            raise InputError(path, f"{key} must be text, not {type(value).__name__}", line=line, field=key)
        else:
            meta[key] = value.strip()
        meta[f"{key}_basis"] = "stated"
    return meta, body


def load_metadata_file(path: Path) -> dict:
    """raw/articles/metadata.yml -> {article id: checked metadata}."""
    if not path.exists():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=TextDateLoader) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise InputError(path, f"not valid YAML: {getattr(e, 'problem', e)}", line=mark.line + 1 if mark else None)
    result = {}
    for article_id, entry in data.items():
        if not isinstance(entry, dict):
            raise InputError(path, "each entry must be a mapping", field=str(article_id))
        unknown = set(entry) - METADATA_KEYS
        if unknown:
            raise InputError(path, f"unknown keys {sorted(unknown)}", field=str(article_id))
        meta = {}
        for key in METADATA_FIELDS:
            if entry.get(key) is None:
                continue
            where = f"{article_id}.{key}"
            if key == "published":
                meta["published"], meta["published_precision"] = parse_date(entry[key], path, where)
            else:
                meta[key] = str(entry[key]).strip()
            basis = entry.get(f"{key}_basis")
            if basis not in BASES:
                raise InputError(path, f"{key}_basis must be one of {sorted(BASES)}", field=f"{where}_basis")
            meta[f"{key}_basis"] = basis
        if entry.get("note"):
            meta["metadata_note"] = " ".join(str(entry["note"]).split())
        result[str(article_id)] = meta
    return result


def read_html(text: str, path) -> tuple[dict, str]:
    """A saved web page -> (metadata stated on the page, main text) via trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    body = (getattr(doc, "text", None) or "") if doc else ""
    if not body.strip():
        raise InputError(path, "no article text found in the HTML page")
    meta = {}
    for key, attr in [("title", "title"), ("author", "author"), ("url", "url"), ("publisher", "sitename")]:
        value = getattr(doc, attr, None)
        if value:
            meta[key], meta[f"{key}_basis"] = str(value).strip(), "stated"
    if getattr(doc, "date", None):
        try:
            meta["published"], meta["published_precision"] = parse_date(str(doc.date)[:10], path, "date")
            meta["published_basis"] = "stated"
        except InputError:
            pass
    return meta, body


def read_article(path: Path, raw_dir: Path, extra_meta: dict | None = None) -> Article:
    """One file -> Article, or InputError naming the file and the line or field."""
    data = path.read_bytes()
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(path, f"{len(data):,} bytes is over the {MAX_ARTICLE_BYTES:,}-byte limit for one article; "
                         "split it into several files")
    if not ID_PATTERN.match(path.stem):
        raise InputError(path, "the file name must start with a letter or digit and hold only letters, digits, "
                         "'.', '_' and '-' (it becomes the article id)")
    text = decode(data, path)
    fmt = ARTICLE_SUFFIXES[path.suffix.lower()]
    if fmt == "html":
        meta, body = read_html(text, path)
    else:
        meta, body = split_front_matter(text, path)
    if not body.strip():
        raise InputError(path, "the article is empty (no text after the front matter)")
    merged = dict(extra_meta or {})
    merged.update(meta)  # what the file itself states wins over the metadata file
    return Article(
        id=path.stem,
        source_file=path.relative_to(raw_dir).as_posix(),
        source_format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        body=body,
        meta=merged,
    )


def article_paths(raw_dir: Path) -> list[Path]:
    """The article files under raw/articles, sorted, refusing two files with one id."""
    folder = raw_dir / "articles"
    if not folder.is_dir():
        raise InputError(folder, "no articles folder: expected raw/articles/ holding .txt, .md or .html files")
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    seen = {}
    for p in paths:
        if p.stem in seen:
            raise InputError(p, f"two files have the id {p.stem!r}: {seen[p.stem].name} and {p.name}")
        seen[p.stem] = p
    return paths


def read_articles(raw_dir: Path) -> list[Article]:
    """All articles in raw_dir/articles with their metadata, checked."""
    raw_dir = Path(raw_dir)
    paths = article_paths(raw_dir)
    metadata_path = raw_dir / "articles" / "metadata.yml"
    metadata = load_metadata_file(metadata_path)
    ids = {p.stem for p in paths}
    for article_id in metadata:
        if article_id not in ids:
            raise InputError(metadata_path, f"metadata for {article_id!r}, but there is no such article file",
                             field=article_id)
    return [read_article(p, raw_dir, metadata.get(p.stem)) for p in paths]
