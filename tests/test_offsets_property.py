"""For any text, every stored offset is in range and text[start:end] is the stored span."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import extract_passage
from crink.registry import load_registry

REGISTRY = load_registry(Path(__file__).parent / "fixtures" / "mini")
SPAN_TABLES = ["mentions", "quotes", "quoted_terms", "agreement_mentions"]


def records_for(body: str, published: str | None = "2025-05-20") -> dict:
    return extract_passage(body, REGISTRY, published)


def assert_offsets(records: dict) -> None:
    text = records["article"]["text"]
    for table in SPAN_TABLES:
        for r in records[table]:
            assert 0 <= r["start"] <= r["end"] <= len(text), (table, r)
            assert text[r["start"]:r["end"]] == r["text"], (table, r)
    for r in records["event_reports"]:
        assert text[r["start"]:r["end"]] == r["sentence"]
        assert text[r["trigger_start"]:r["trigger_start"] + len(r["trigger"])] == r["trigger"]
        assert text[r["date_start_offset"]:r["date_start_offset"] + len(r["date_text"])] == r["date_text"]
    for q in records["quotes"]:
        assert 0 <= q["sentence_start"] <= q["sentence_end"] <= len(text)


WORDS = st.sampled_from([
    "Putin", "Xi Jinping", "Moscow", "Beijing", "the Kremlin", "said", "told", "met", "signed", "a treaty",
    "on Tuesday", "in June 2024", "last year", "recently", "“", "”", '"', "'", "‘", "’", "—", ",", ".", ":",
    "\n\n", "Iran", "North Korean", "drills", "Wang Yi", "according to", "\u200b", "\u00a0", "Москва", "北京",
    "طهران", "😀", "he", "she", "pact", "with", "and", "sanctions", "vetoed", "Lavrov", "\t", "-",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=80).map(" ".join))
def test_offsets_exact_for_newsy_word_salad(body):
    if body.strip():
        assert_offsets(records_for(body))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400))
def test_offsets_exact_for_arbitrary_text(body):
    if body.strip():
        assert_offsets(records_for(body, published=None))


def test_unbalanced_quotation_marks():
    r = records_for('Putin said: “We will never retreat.\n\nLavrov added that "the talks went well.\n\n'
                    'Xi said ‘nothing and ” then stopped.')
    assert_offsets(r)
    assert r["quotes"], "an opened quotation that never closes still yields the quoted paragraph"


def test_a_sentence_of_five_thousand_words():
    body = "Putin met Xi Jinping in Moscow on Tuesday and " + " and ".join(["Russia"] * 2500) + "."
    r = records_for(body)
    assert_offsets(r)
    assert len([m for m in r["mentions"] if m["actor_id"] == "russia"]) >= 2500


def test_mixed_scripts_zero_width_and_non_breaking_spaces():
    body = ("Russian\u00a0President Vladimir\u00a0Putin (Владимир Путин) met Xi\u200bJinping (习近平) in "
            "Beijing on Tuesday.\n\n“Our ties are strong,” Putin said.\u200b")
    r = records_for(body)
    assert_offsets(r)
    assert {"vladimir-putin", "china"} <= {m["actor_id"] for m in r["mentions"]}
    assert any(q["speaker_id"] == "vladimir-putin" for q in r["quotes"])
