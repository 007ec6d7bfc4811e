"""One article -> its records: a pure map, JSON-serialisable, with no database in sight.

`article_row` cleans an article; `extract_records` takes the cleaned, parsed text and the
registry and returns every row that comes from this article (mentions, quotes, quoted
terms, agreement mentions, event reports) plus the new actors and agreements it names.
The link stage merges these across articles; the store stage writes them.
"""

import re

from crink.clean import clean
from crink.extract.actors import find_actors
from crink.extract.agreements import extract_agreements
from crink.extract.dates import Anchor
from crink.extract.events import extract_events
from crink.extract.quotes import extract_quotes
from crink.ingest import Article
from crink.nlp import Parsed
from crink.registry import Registry


def row_id(article_id: str, start: int, end: int) -> str:
    """Stable row id: the article and the span, independent of any other article."""
    return f"{article_id}:{start}-{end}"


def article_row(article: Article) -> dict:
    """The `articles` row: metadata plus the cleaned text every offset points into."""
    cleaned = clean(article.body, markdown=article.source_format == "md")
    meta = article.meta
    title, title_basis = meta.get("title"), meta.get("title_basis")
    if not title and cleaned.headline:
        title, title_basis = cleaned.headline, "stated"
    author, author_basis = meta.get("author"), meta.get("author_basis")
    if not author and cleaned.bio_author:
        author, author_basis = cleaned.bio_author, "stated"
    return {
        "id": article.id,
        "title": title,
        "title_basis": title_basis,
        "publisher": meta.get("publisher"),
        "publisher_basis": meta.get("publisher_basis"),
        "author": author,
        "author_basis": author_basis,
        "url": meta.get("url"),
        "published": meta.get("published"),
        "published_precision": meta.get("published_precision"),
        "published_basis": meta.get("published_basis"),
        "metadata_note": meta.get("metadata_note"),
        "text": cleaned.text,
        "word_count": len(re.findall(r"\S+", cleaned.text)),
        "source_file": article.source_file,
        "source_format": article.source_format,
        "sha256": article.sha256,
    }


def extract_records(article: dict, parsed: Parsed, registry: Registry) -> dict:
    """Every extracted row of one article (the `article` row as made by article_row)."""
    aid, text = article["id"], article["text"]
    actors = find_actors(parsed, registry)
    quotes, terms = extract_quotes(parsed, actors, registry)
    anchor = Anchor.from_published(article["published"], article["published_precision"])
    agreement_mentions, new_agreements = extract_agreements(parsed, actors, registry, article.get("published"),
                                                            anchor)
    marked = [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    events = extract_events(parsed, actors, registry, anchor, quote_ranges=marked)
    return {
        "article": article,
        "mentions": [
            dict(id=row_id(aid, m.start, m.end), article_id=aid, actor_id=m.actor_id, start=m.start, end=m.end,
                 text=text[m.start:m.end], title_text=m.title_text, method=m.method, confidence=m.confidence)
            for m in actors.mentions
        ],
        "new_actors": [vars(a) | {"article_id": aid} for a in actors.new_actors.values()],
        "quotes": [
            dict(id=row_id(aid, q.start, q.end), article_id=aid, speaker_id=q.speaker_id,
                 speaker_text=q.speaker_text, text=text[q.start:q.end], kind=q.kind, cue=q.cue, start=q.start,
                 end=q.end, sentence_start=q.sentence_start, sentence_end=q.sentence_end, method=q.method,
                 confidence=q.confidence)
            for q in quotes
        ],
        "quoted_terms": [
            dict(id=row_id(aid, t["start"], t["end"]), article_id=aid, text=text[t["start"]:t["end"]],
                 category=t["category"], start=t["start"], end=t["end"])
            for t in terms
        ],
        "agreement_mentions": [
            dict(id=row_id(aid, m.start, m.end), article_id=aid, agreement_id=m.agreement_id, start=m.start,
                 end=m.end, text=text[m.start:m.end], method=m.method, confidence=m.confidence)
            for m in agreement_mentions
        ],
        "new_agreements": [vars(g) | {"article_id": aid} for g in new_agreements.values()],
        "event_reports": [
            dict(id=f"{aid}:{e.sentence_start}-{e.sentence_end}@{e.trigger_start}~{e.time.start}", article_id=aid,
                 start=e.sentence_start, end=e.sentence_end, sentence=text[e.sentence_start:e.sentence_end],
                 trigger=e.trigger, trigger_start=e.trigger_start, date_text=e.time.text,
                 date_start_offset=e.time.start, method=e.method, confidence=e.confidence,
                 type=e.type, mode=e.mode, context=e.context, date_start=e.time.date_start.isoformat(),
                 date_end=e.time.date_end.isoformat(), date_precision=e.time.precision, date=e.time.date,
                 actors=[list(pair) for pair in e.actors])
            for e in events
        ],
    }
