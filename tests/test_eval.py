"""Extraction quality against the gold annotations: the targets of issue 3, without corrections."""

import pytest

from crink.evaluate import GOLD_DIR, TARGETS, evaluate, format_table, rows


@pytest.fixture(scope="module")
def scores():
    return rows(evaluate(with_corrections=False))


def test_both_gold_sets_are_present_and_large_enough(scores):
    sets = {r["set"] for r in scores}
    assert sets == {"seeds", "passages", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
                    "heldout7"}
    assert len(list((GOLD_DIR / "seeds").glob("*.yml"))) == 5
    assert len(list((GOLD_DIR / "passages").glob("*.yml"))) >= 30
    held_out_sets = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")
    for held_out in held_out_sets:  # reported, not asserted
        assert len(list((GOLD_DIR / held_out).glob("*.yml"))) >= 10


# Issue-3 targets the extractor does not reach yet, with the level it must not fall below
# (measured 2026-11-23, less 0.02). Their target tests are strict xfails: when a target is
# reached the test XPASSes, fails, and the entry must be removed from here.
NOT_YET_MET = {
    ("seeds", "agreements"): 0.82,
    ("seeds", "events (precision)"): 0.66, ("seeds", "events (recall)"): 0.24,
    ("passages", "agreements"): 0.78,
    ("passages", "events (recall)"): 0.54,
}


def _row(scores, gold_set, target):
    row = next(r for r in scores if r["set"] == gold_set and r["target"] == target)
    assert row["n"] > 0, f"no gold {target} in {gold_set}"
    return row


@pytest.mark.parametrize("gold_set", ["seeds", "passages"])
@pytest.mark.parametrize("target", sorted(TARGETS))
def test_target_met(scores, gold_set, target, request):
    row = _row(scores, gold_set, target)
    if (gold_set, target) in NOT_YET_MET:
        request.applymarker(pytest.mark.xfail(strict=True, reason="issue-3 target not reached yet"))
    assert row["met"], format_table("", [row])


@pytest.mark.parametrize("gold_set, target", sorted(NOT_YET_MET))
def test_no_regression_below_measured_level(scores, gold_set, target):
    row = _row(scores, gold_set, target)
    assert row["value"] >= NOT_YET_MET[(gold_set, target)], format_table("", [row])


def test_scoring_counts_a_wrong_speaker_and_a_missed_quote():
    """The scorer itself: a made-up extraction against a made-up gold."""
    from crink.evaluate import Score, score_quotes

    text = 'Lavrov said: "We are ready to talk." Wang replied that "talks must be serious."'
    gold = [{"text": "We are ready to talk.", "speaker": "sergei-lavrov", "kind": "direct"},
            {"text": "talks must be serious.", "speaker": "wang-yi", "kind": "partial"}]
    start = text.index("We are")
    extracted = [{"start": start, "end": start + 20, "text": text[start:start + 20], "kind": "direct",
                  "speaker_id": "wang-yi"}]
    found, kinds, speakers = Score(), Score(), Score()
    score_quotes(text, gold, extracted, found, kinds, speakers, "t")
    assert (found.tp, found.fp, found.fn) == (1, 0, 1)
    assert kinds.right == 1 and speakers.right == 0


def test_scoring_locates_a_repeated_gold_quote_at_the_occurrence_inside_marks():
    from crink.evaluate import _locate

    text = 'Xi called for "defending international equity and justice." Critics doubt it is about "equity and justice."'
    start, end = _locate(text, "equity and justice.", set())
    assert text[start - 1] == '"' and start == text.rindex("equity")
