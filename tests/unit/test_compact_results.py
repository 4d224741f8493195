"""The stored form of screening results (store.screening_results): the rows built from arrays and the
rows built household by household read back as the same results."""

from __future__ import annotations

import random

import numpy as np

from advisor_app.store.screening_results import (
    DETAILS,
    NO_AMOUNT,
    NO_MEMBER,
    PROGRAMS,
    RESULT_SIZE,
    STATUSES,
    digest,
    pack_household,
    pack_results,
    programs_of,
    unpack,
)


def test_rows_from_arrays_read_back_as_the_results_they_were_made_of() -> None:
    rnd = random.Random(4)
    ids = [f"h{k:03d}" for k in range(50)]
    members = [" ".join(f"{h}-m{j}" for j in range(rnd.randint(1, 4))) for h in ids]
    results: list[tuple[int, int, int, int, int, int]] = []
    for i in range(len(ids)):
        if i % 3 == 0:
            continue  # no stored result: no row
        for _ in range(rnd.randint(1, 5)):
            member = rnd.choice([NO_MEMBER, rnd.randrange(len(members[i].split()))])
            results.append((i, rnd.randrange(len(PROGRAMS)), rnd.choice([0, 2]), member,
                            rnd.randrange(len(DETAILS)), rnd.choice([NO_AMOUNT, rnd.randint(0, 10**9)])))
    c = np.array(results, np.int64).T
    rows, (whole,) = pack_results(ids, members, c[0], c[1], c[2], c[3], c[4], c[5])
    assert [r[0] for r in rows] == [h for i, h in enumerate(ids) if i % 3]
    assert whole.key is None and list(whole.households) == ids and whole.rows == len(rows)
    assert whole.digest == digest(rows)  # (the digest of the rows as stored is the one made with them)
    assert digest(rows[:-1]) != whole.digest and digest([*rows[1:], rows[0]]) != whole.digest
    keys = np.array([10 + i // 7 for i in range(len(ids))], np.int64)  # ranges of 7 households (some without a row)
    again, ranges = pack_results(ids, members, c[0], c[1], c[2], c[3], c[4], c[5], ranges=keys)
    assert again == rows
    assert [r.key for r in ranges] == sorted(set(keys.tolist()))
    for r in ranges:
        assert list(r.households) == [h for i, h in enumerate(ids) if keys[i] == r.key]
        in_range = [row for row in rows if row[0] in set(r.households)]
        assert r.rows == len(in_range) and r.digest == digest(in_range)
    for hid, words, blob, member_ids in rows:
        i = ids.index(hid)
        mine = [r for r in results if r[0] == i]
        assert len(blob) == RESULT_SIZE * len(mine)
        expected = [(hid, None if m == NO_MEMBER else members[i].split()[m], PROGRAMS[p], STATUSES[s],
                     None if a == NO_AMOUNT else a, DETAILS[d]) for _i, p, s, m, d, a in mine]
        assert unpack(hid, blob, member_ids) == expected
        assert set(programs_of(words)) == {r[2] for r in expected if r[3] == "eligible"}
        one = pack_household(hid, [r[1:] for r in expected])  # household by household: the same results
        assert unpack(*one[::2], one[3]) == expected and set(programs_of(one[1])) == set(programs_of(words))


def test_a_household_eligible_for_nothing_has_no_words() -> None:
    hid, words, blob, members = pack_household("h", [("m", "tekun", "needs_info", None, "full")])
    assert words == "" and members == "m" and unpack(hid, blob, members) == [("h", "m", "tekun", "needs_info", None,
                                                                              "full")]
