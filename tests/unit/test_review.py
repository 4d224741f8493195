"""下次核查: the date agreed at the latest visit that agreed one, until a later visit fulfils it."""

from __future__ import annotations

import datetime as dt

from advisor_app.domain.household import Visit
from advisor_app.domain.review import next_review


def _v(day: str, agreed: str | None = None) -> Visit:
    return Visit(type="return", date=dt.date.fromisoformat(day),
                 next_visit=dt.date.fromisoformat(agreed) if agreed else None)


def test_no_visits_or_no_agreed_date() -> None:
    assert next_review([]) is None
    assert next_review([_v("2026-12-01")]) is None


def test_a_visit_without_a_date_leaves_the_agreed_one() -> None:
    assert next_review([_v("2026-12-01", "2027-01-10"), _v("2026-12-20")]) == dt.date(2027, 1, 10)


def test_a_visit_on_or_after_the_date_fulfils_it() -> None:
    assert next_review([_v("2026-12-01", "2027-01-10"), _v("2027-01-10")]) is None
    assert next_review([_v("2026-12-01", "2027-01-10"), _v("2027-02-01")]) is None


def test_the_latest_agreement_counts() -> None:
    visits = [_v("2026-12-01", "2027-01-10"), _v("2027-01-12", "2027-07-01"), _v("2027-02-01")]
    assert next_review(visits) == dt.date(2027, 7, 1)
