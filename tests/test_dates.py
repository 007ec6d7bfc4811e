"""Time expressions on invented sentences."""

import datetime as dt

from crink.extract.dates import find_time_expressions


def test_the_same_day_is_the_day_last_named():
    found = find_time_expressions("Ankara replied the same day.", None, 0, event_day=dt.date(2025, 5, 20))
    assert [(t.text, t.date) for t in found] == [("the same day", "2025-05-20")]
