"""A search word naming villages or towns of many households (街道: half of them) is tested row by
row along the list's index on SQLite, so that the first page comes without reading every match;
the list, its first page and every order stay what the portable path gives."""

from __future__ import annotations

from typing import Any

import pytest

from advisor_app.services import household_list as hl
from advisor_app.services import households
from advisor_app.store import household_list as store_list


def test_words_naming_places_of_many_households_give_the_same_list(demo_profile: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    everyone = [households.load_household(demo_profile, h) for h in hl.ids(demo_profile)]
    towns = sorted({h.town for h in everyone if h.town})
    in_town = next(h for h in everyone if h.town == towns[0])
    words = [towns[0][-2:], towns[0][:2], everyone[0].village[:2], everyone[0].head_name[-2:],
             f"{towns[0][:2]} {in_town.head_name[-1]}", "街道 村"]
    broad_seen: list[frozenset[int]] = []
    real_where = store_list.search_where

    def watched(text: str, fast: bool, broad: frozenset[int] = frozenset()) -> Any:
        broad_seen.append(broad)
        return real_where(text, fast, broad)

    monkeypatch.setattr(store_list, "search_where", watched)
    fast: dict[tuple[str, str, bool], tuple[list[str], list[str] | None]] = {}
    for word in words:
        for sort in store_list.SORT_KEYS:
            for descending in (False, True):
                fast[word, sort, descending] = (hl.ids(demo_profile, word, sort, descending),
                                                hl.first_ids(demo_profile, word, sort, descending, limit=7))
    with demo_profile.connection() as conn:
        on_sqlite = conn.dialect.name == "sqlite"
    # On SQLite both kinds of words were asked (some broad, some not); elsewhere none is broad.
    assert (any(broad_seen) and not all(broad_seen)) if on_sqlite else not any(broad_seen)
    monkeypatch.setattr(store_list, "SQLITE_SPEEDUPS", False)
    for (word, sort, descending), (whole, first) in fast.items():
        assert whole == hl.ids(demo_profile, word, sort, descending), (word, sort, descending)
        assert first is None or first == whole[:7], (word, sort, descending)
    empty = {word for (word, _sort, _desc), (whole, _first) in fast.items() if not whole}
    assert empty <= {"街道 村"}, empty  # the others name households of the demo
