"""The packed inputs (domain.inputs) give the frame that the objects give: every input and derived
column equal, on several dates, for varied households — also receipts beyond what a record keeps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import numpy as np
import pytest
from test_frame import DATES, _outcome, _varied, _with_supporters

from advisor_app.domain.household import Household, Receipt
from advisor_app.domain.inputs import HOUSEHOLD_INPUT, INCOME_INPUT, MEMBER_INPUT, RECEIPTS, SUPPORTER_INPUT, packed
from advisor_app.rules.check import check_in_frame, formulas
from advisor_app.rules.frame import Frame, frame_from_households, settle_receipts
from advisor_app.rules.policy import default_tables
from advisor_app.services.screening_parts import frame_of

COLUMNS = ("pidx", "first", "hh", "financial_fen", "vehicles", "extra_houses", "medical_fen", "education_fen",
           "receipt", "receipt_since", "receipt_fen", "emergency", "emergency_day", "birth", "state", "state_day",
           "lodger", "where", "months_away", "income", "serious_illness", "severe_disability", "works", "age",
           "out", "exists", "counted", "own_fen", "counted_n", "income_fen")


def _from_packed(households: list[Household], on: dt.date) -> Frame:
    rows = [(h.id or str(k), h.region, h.area, *packed(h), "") for k, h in enumerate(households)]
    frame = frame_of(rows, on, default_tables())
    frame.households = households
    settle_receipts(frame)
    return frame


def _with_many_receipts(households: list[Household], seed: int) -> None:
    rnd = random.Random(seed)
    for k, h in enumerate(households[:12]):
        start = dt.date(2026, 10, 20)
        for step in range(RECEIPTS + 1 + k % 3):  # each began before the one ahead of it
            h.receiving.append(Receipt("dibao", start - dt.timedelta(days=200 * step), rnd.randint(100, 900)))
        h.receiving.insert(k % 2, Receipt("dibao", dt.date(2030, 1, 1), 1))  # never applies before 2030


@pytest.mark.parametrize("on", DATES)
def test_a_frame_of_packed_records_is_the_frame_of_the_objects(on: dt.date) -> None:
    households = _varied(200, seed=3) + _with_supporters(200, seed=3)
    _with_many_receipts(households, seed=3)
    for h in households[::11]:
        h.receiving.append(Receipt("dibao", dt.date(2020, 1, 5), 321.5))  # a second one, never applying
    objects = frame_from_households(households, on, default_tables())
    records = _from_packed(households, on)
    for name in COLUMNS:
        assert np.array_equal(getattr(objects, name), getattr(records, name)), name
    for column in dataclasses.fields(objects.people):  # 特困 and 事实无人抚养儿童's people and supporters
        assert np.array_equal(getattr(objects.people, column.name), getattr(records.people, column.name)), column.name
    assert len(records.people.s_hh) > 100 and records.people.s_kin.any() and records.people.s_child.any()
    assert not records.receipt_unknown.any()
    assert objects.receipt.any() and not objects.receipt.all()
    traces = [formulas(objects), formulas(records)]
    for i in range(0, len(households), 7):
        assert _outcome(check_in_frame(objects, traces[0], i)) == _outcome(check_in_frame(records, traces[1], i))


def test_a_record_that_cannot_tell_its_receipt_says_so() -> None:
    (h,) = _varied(1, seed=5)
    h.receiving = [Receipt("dibao", dt.date(2026, 1, 1) - dt.timedelta(days=30 * k), 100 + k) for k in range(6)]
    on = dt.date(2025, 9, 1)  # only the sixth receipt (2025-08-06) began by then; a record keeps four
    rows = [("h", h.region, h.area, *packed(h), "")]
    frame = frame_of(rows, on, default_tables())
    assert frame.receipt_unknown.tolist() == [True] and not frame.receipt[0]
    frame.households = [h]
    settle_receipts(frame)
    assert frame.receipt[0] and frame.receipt_fen[0] == 10500 and not frame.receipt_unknown[0]
    assert frame.receipt_since[0] == h.receiving[5].since.toordinal()


def test_the_records_are_little_endian_without_padding() -> None:
    for dtype in (HOUSEHOLD_INPUT, MEMBER_INPUT, SUPPORTER_INPUT, INCOME_INPUT):
        fields = [dtype[name] for name in dtype.names or ()]
        assert dtype.itemsize == sum(f.itemsize for f in fields)
        assert all(f.base.str[0] in "<|" for f in fields)  # (little-endian, or a byte)
    (h,) = _with_supporters(1, seed=2)
    record, members, supporters, incomes = packed(h)
    assert len(record) == HOUSEHOLD_INPUT.itemsize and len(members) == MEMBER_INPUT.itemsize * len(h.members)
    assert len(supporters) == SUPPORTER_INPUT.itemsize * len(h.supporters) > 0
    assert len(incomes) == INCOME_INPUT.itemsize * sum(len(m.incomes) for m in h.members) > 0
