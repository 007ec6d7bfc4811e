"""The build: ingest -> clean -> parse -> extract (per article, cached) -> link -> write.

Extraction is a pure map from an article to its records, so it runs in this process, in a
pool of worker processes (`workers`), or on a Dask cluster (`executor="dask"`). The records
of each article are cached as JSON under a key of its content, its metadata, the registry,
the pipeline version and the spaCy model, so a rebuild only parses what changed. The single
writer streams article rows into a temporary database and renames it into place at the end.
"""

import hashlib
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from crink import PIPELINE_VERSION
from crink.corrections import apply_corrections, load_corrections
from crink.clean import clean
from crink.errors import InputError
from crink.extract import article_row, extract_records
from crink.ingest import Article, read_articles
from crink.link import ARTICLE_TABLES, shared_rows
from crink.registry import Registry, load_registry
from crink.schema import load_schema
from crink.store import DatabaseWriter

BATCH_SIZE = 16  # articles parsed together in one nlp.pipe stream


@dataclass
class BuildReport:
    db_path: Path
    articles: int = 0
    extracted: int = 0  # articles parsed in this build (the rest came from the cache)
    seconds: float = 0.0
    counts: dict = field(default_factory=dict)


def cache_key(article: Article, registry: Registry, model: str) -> str:
    """Changes whenever anything that shapes this article's records changes."""
    h = hashlib.sha256()
    for part in (article.sha256, json.dumps(article.meta, sort_keys=True), article.source_file,
                 registry.digest, PIPELINE_VERSION, model):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:32]


def extract_batch(articles: list[Article], registry: Registry) -> list[dict]:
    """Records for a batch of articles, parsed in one stream: the unit of parallel work."""
    from crink.nlp import parse_many

    rows = [article_row(a) for a in articles]
    return [extract_records(row, parsed, registry) for row, parsed in zip(rows, parse_many(r["text"] for r in rows))]


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def run_extraction(articles: list[Article], registry: Registry, workers: int = 1, executor: str = "local",
                   scheduler: str | None = None):
    """Yield (article, records) for articles, in the order given, on the chosen executor."""
    batches = _batches(articles, BATCH_SIZE)
    if executor == "dask":
        from dask.distributed import Client, LocalCluster

        cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                      processes=True, dashboard_address=None)
        with Client(scheduler or cluster) as client:
            reg = client.scatter(registry, broadcast=True)
            futures = client.map(extract_batch, batches, registry=reg, pure=False)
            for batch, future in zip(batches, futures):
                yield from zip(batch, future.result())
        if cluster is not None:
            cluster.close()
    elif workers > 1 and len(batches) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for batch, records in zip(batches, pool.map(extract_batch, batches, [registry] * len(batches))):
                yield from zip(batch, records)
    else:
        for batch in batches:
            yield from zip(batch, extract_batch(batch, registry))


class RecordCache:
    """Per-article records as JSON files named by cache key."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        if folder:
            folder.mkdir(parents=True, exist_ok=True)

    def get(self, key: str) -> dict | None:
        if not self.folder:
            return None
        path = self.folder / f"{key}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, records: dict) -> None:
        if not self.folder:
            return
        path = self.folder / f"{key}.json"
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    def prune(self, keep: set[str]) -> None:
        if self.folder:
            for path in self.folder.glob("*.json"):
                if path.stem not in keep:
                    path.unlink(missing_ok=True)


def default_cache_dir(db_path: Path) -> Path:
    return Path(db_path).parent / ".crink-cache" / Path(db_path).stem


def build(raw_dir: Path, db_path: Path, workers: int = 1, executor: str = "local", scheduler: str | None = None,
          cache_dir: Path | None = None, use_cache: bool = True, records_out: Path | None = None,
          progress=None) -> BuildReport:
    """Build the database at db_path from raw_dir; the previous database survives any failure."""
    started = time.perf_counter()
    raw_dir, db_path = Path(raw_dir), Path(db_path)
    schema = load_schema()
    registry = load_registry(raw_dir)
    corrections = load_corrections(raw_dir)
    articles = read_articles(raw_dir)
    _refuse_duplicate_texts(articles, raw_dir)
    _refuse_empty_after_cleaning(articles, raw_dir)
    from crink.nlp import model_name

    model = model_name()
    cache = RecordCache((cache_dir or default_cache_dir(db_path)) if use_cache else None)
    keys = {a.id: cache_key(a, registry, model) for a in articles}
    cached = {a.id: cache.get(keys[a.id]) for a in articles}
    todo = [a for a in articles if cached[a.id] is None]
    report = BuildReport(db_path=db_path, articles=len(articles), extracted=len(todo))
    fresh = run_extraction(todo, registry, workers, executor, scheduler)

    new_actors, new_agreements, event_reports = [], [], []
    records_file = open(records_out, "w", encoding="utf-8") if records_out else None
    try:
        with DatabaseWriter(db_path, schema) as writer:
            for done, article in enumerate(articles, 1):
                records = cached[article.id]
                if records is None:
                    fresh_article, records = next(fresh)
                    assert fresh_article.id == article.id
                    cache.put(keys[article.id], records)
                records = apply_corrections(records, corrections)
                if records_file:
                    records_file.write(json.dumps(records, ensure_ascii=False) + "\n")
                writer.add("articles", [records["article"]])
                for table in ARTICLE_TABLES[1:]:
                    writer.add(table, records[table])
                new_actors += records["new_actors"]
                new_agreements += records["new_agreements"]
                event_reports += records["event_reports"]
                if progress:
                    progress(done, len(articles), article.id)
            for table, rows in shared_rows(registry, new_actors, new_agreements, event_reports).items():
                writer.add(table, rows)
            writer.commit()
            report.counts = dict(writer.counts)
    finally:
        if records_file:
            records_file.close()
    cache.prune(set(keys.values()))
    report.seconds = time.perf_counter() - started
    return report


def _refuse_duplicate_texts(articles: list[Article], raw_dir: Path) -> None:
    """The same text under two names would double every count: name both files."""
    seen = {}
    for a in articles:
        key = hashlib.sha256(" ".join(a.body.split()).encode()).hexdigest()
        if key in seen:
            raise InputError(raw_dir / a.source_file, f"the same text as {seen[key]}: remove one of the two files")
        seen[key] = a.source_file


def _refuse_empty_after_cleaning(articles: list[Article], raw_dir: Path) -> None:
    """A file of nothing but site navigation, bylines and credits is not an article."""
    for a in articles:
        if not clean(a.body, markdown=a.source_format == "md").text.strip():
            raise InputError(raw_dir / a.source_file, "nothing is left after removing site navigation, "
                             "repeated headlines, bios and photo credits: is this file an article?")


def is_stale(raw_dir: Path, db_path: Path) -> bool:
    """True when the database is missing or older than any input or pipeline file."""
    db_path = Path(db_path)
    if not db_path.exists():
        return True
    built = db_path.stat().st_mtime
    from crink.paths import SCHEMA_PATH

    inputs = [p for p in Path(raw_dir).rglob("*") if p.is_file()] + [SCHEMA_PATH]
    inputs += list(Path(__file__).parent.rglob("*.py"))
    return any(p.stat().st_mtime > built for p in inputs)
