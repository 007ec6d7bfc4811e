"""Quote speakers on invented sentences: relative clauses name the speaker by their antecedent."""

from crink.extract import article_row, extract_records
from crink.ingest import Article
from crink.nlp import parse
from crink.paths import DEFAULT_RAW
from crink.registry import load_registry


def quotes(body: str) -> list[tuple[str, str]]:
    meta = {"published": "2025-05-23", "published_precision": "day"}
    row = article_row(Article(id="t", source_file="articles/t.txt", source_format="txt", sha256="0", body=body,
                              meta=meta))
    records = extract_records(row, parse(row["text"]), load_registry(DEFAULT_RAW))
    return [(q["speaker_id"], q["text"]) for q in records["quotes"]]


def test_which_said_is_spoken_by_the_noun_the_clause_modifies():
    found = quotes('Talks ended late on Monday. The Kremlin, which called the talks "very useful and frank", '
                   'gave no details.')
    assert found == [("russia", "very useful and frank")]


def test_who_said_is_spoken_by_the_person_the_clause_modifies():
    found = quotes('Officials met Sergei Lavrov, who described the meeting as "a step forward for both sides".')
    assert found == [("sergei-lavrov", "a step forward for both sides")]
