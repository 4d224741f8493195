"""The typed "what changed" payload: which households and kinds a write changed."""

from __future__ import annotations

import dataclasses

import pytest

from advisor_app.services.changes import Changes


def test_households_by_id_leave_out_what_was_never_stored() -> None:
    changes = Changes.of_households(["a", None, "b"])
    assert changes.households == frozenset({"a", "b"}) and changes.visits == frozenset()
    assert changes.household_changed("a") and not changes.household_changed("c")
    assert not changes.household_changed(None)
    assert changes.households_listed()


def test_visits_touch_a_household_without_changing_its_facts_or_the_list() -> None:
    changes = Changes.of_visits(["a"], drafts=True)
    assert changes.touches_household("a") and not changes.household_changed("a")
    assert not changes.touches_household("b")
    assert not changes.households_listed() and changes.drafts


def test_all_households_changes_every_household() -> None:
    changes = Changes(all_households=True)
    assert changes.household_changed("any") and changes.touches_household("other") and changes.households_listed()


def test_combining_and_emptiness() -> None:
    assert not Changes() and Changes(drafts=True) and Changes(policy=True)
    both = Changes.of_households(["a"]) | Changes(screening=True) | Changes.of_visits(["b"])
    assert both == Changes(households=frozenset({"a"}), visits=frozenset({"b"}), screening=True)


def test_it_cannot_be_changed_after_the_fact() -> None:
    changes = Changes.of_households(["a"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        changes.screening = True  # type: ignore[misc]
