"""Version histories: what an incoming copy of a record does to ours (advisor_app.sync.versions)."""

from __future__ import annotations

from advisor_app.sync import versions as v
from advisor_app.sync.digest import Digest
from advisor_app.sync.versions import CONFLICT, DELETED, HAVE, MERGED, TAKE, Version

BASE = {"phone": "1", "address": "一组", DELETED: False}
MADE = (Version("office:1", (), tuple(sorted(BASE))),)


def edit(history: tuple[Version, ...], vid: str, before: dict, after: dict) -> tuple[Version, ...]:
    sealed = v.seal(history, before, after, vid)
    assert sealed is not None
    return (*history, sealed)


def test_sealing_names_the_changed_fields_and_nothing_when_nothing_changed() -> None:
    assert v.seal(MADE, BASE, BASE, "a:1") is None
    sealed = v.seal(MADE, BASE, {**BASE, "phone": "2"}, "a:1")
    assert sealed == Version("a:1", ("office:1",), ("phone",))
    assert v.seal((), None, BASE, "a:1") == Version("a:1", (), ("address", "deleted", "phone"))


def test_an_older_or_equal_copy_changes_nothing_and_a_newer_one_is_taken() -> None:
    after = {**BASE, "phone": "2"}
    newer = edit(MADE, "a:1", BASE, after)
    assert v.compare(after, newer, BASE, MADE, "m").action == HAVE  # a replay of the old copy
    assert v.compare(after, newer, after, newer, "m").action == HAVE
    taken = v.compare(BASE, MADE, after, newer, "m")
    assert (taken.action, taken.values, taken.taken) == (TAKE, after, ("phone",))
    assert {x.id for x in taken.history} == {"office:1", "a:1"}


def test_edits_of_different_fields_merge_into_a_version_based_on_both() -> None:
    mine_values = {**BASE, "phone": "2"}
    theirs_values = {**BASE, "address": "二组"}
    mine = edit(MADE, "office:2", BASE, mine_values)
    theirs = edit(MADE, "a:1", BASE, theirs_values)
    out = v.compare(mine_values, mine, theirs_values, theirs, "office:3")
    assert out.action == MERGED
    assert out.values == {**BASE, "phone": "2", "address": "二组"}
    assert out.taken == ("address",)
    assert out.history[-1] == Version("office:3", ("a:1", "office:2"), ())
    assert v.heads(out.history) == ("office:3",)
    # the other side receiving the merge simply takes it: its history holds theirs
    back = v.compare(theirs_values, theirs, out.values, out.history, "a:2")
    assert (back.action, back.values) == (TAKE, out.values)


def test_the_same_field_changed_to_different_values_is_a_conflict_and_ours_stays() -> None:
    mine_values, theirs_values = {**BASE, "phone": "2"}, {**BASE, "phone": "3", "address": "二组"}
    mine = edit(MADE, "office:2", BASE, mine_values)
    theirs = edit(MADE, "a:1", BASE, theirs_values)
    out = v.compare(mine_values, mine, theirs_values, theirs, "office:3")
    assert out.action == CONFLICT
    assert out.values == mine_values and out.history == mine  # nothing taken until a person chooses
    assert [(c.field, c.mine, c.theirs) for c in out.conflicts] == [("phone", "2", "3")]
    kept = v.resolve(mine_values, mine, theirs_values, theirs, {"phone": "theirs"}, "office:3")
    assert kept.action == MERGED and kept.values == {**BASE, "phone": "3", "address": "二组"}
    mine_kept = v.resolve(mine_values, mine, theirs_values, theirs, {"phone": "mine"}, "office:3")
    assert mine_kept.values == {**BASE, "phone": "2", "address": "二组"}
    # the resolution reaches the other side: it is taken there and settles the copy kept there
    there = v.compare(theirs_values, theirs, kept.values, kept.history, "a:2")
    assert there.action == TAKE and v.settles(mine, there.history)


def test_the_same_new_value_on_both_sides_is_no_conflict() -> None:
    same = {**BASE, "phone": "9"}
    out = v.compare(same, edit(MADE, "office:2", BASE, same), same, edit(MADE, "a:1", BASE, same), "m")
    assert out.action == MERGED and out.values == same and out.conflicts == ()


def test_deleted_on_one_side_and_edited_on_the_other_is_one_conflict() -> None:
    deleted = {**BASE, DELETED: True}
    edited = {**BASE, "phone": "2", "address": "二组"}
    mine = edit(MADE, "office:2", BASE, deleted)
    theirs = edit(MADE, "a:1", BASE, edited)
    out = v.compare(deleted, mine, edited, theirs, "m")
    assert out.action == CONFLICT
    assert [(c.field, c.mine, c.theirs) for c in out.conflicts] == [(DELETED, True, False)]
    restored = v.resolve(deleted, mine, edited, theirs, {DELETED: "theirs"}, "m")
    assert restored.values == edited  # the edit wins: the record lives, with the edits
    gone = v.resolve(deleted, mine, edited, theirs, {DELETED: "mine"}, "m")
    assert gone.values[DELETED] is True
    both_deleted = v.compare(deleted, mine, deleted, edit(MADE, "a:1", BASE, deleted), "m")
    assert both_deleted.action == MERGED and both_deleted.conflicts == ()


def test_a_chain_of_versions_on_the_other_side_is_no_false_conflict() -> None:
    one = {**BASE, "phone": "2"}
    two = {**one, "phone": "3"}
    theirs = edit(edit(MADE, "a:1", BASE, one), "a:2", one, two)
    mine = theirs[:2]  # we saw a:1 only
    out = v.compare(one, mine, two, theirs, "m")
    assert (out.action, out.values) == (TAKE, two)


def test_histories_round_trip_as_dicts() -> None:
    version = Version("a:1", ("office:1",), ("phone",))
    assert Version.from_dict(version.to_dict()) == version


def test_the_digest_ignores_order_and_sees_every_value() -> None:
    a, b = Digest(), Digest()
    records = [("household", "h1", {"phone": "1"}), ("member", "m1", {"name": "甲"}), ("visit", "v1", {})]
    for r in records:
        a.add(*r)
    for r in reversed(records):
        b.add(*r)
    assert a.hex == b.hex and a.records == 3
    c = Digest()
    for kind, rid, values in records:
        c.add(kind, rid, {**values, "phone": "2"} if rid == "h1" else values)
    assert c.hex != a.hex
    assert Digest().hex == "0" * 64
