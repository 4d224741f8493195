"""Filling a profile with synthetic demo households."""

from __future__ import annotations

from collections.abc import Callable

from advisor_app.demo.generator import DemoGenerator
from advisor_app.domain.errors import Cancelled

from .profile import Profile

Progress = Callable[[int, int], bool]
"""Called with (done, total); return False to cancel: nothing is kept then."""


def fill_demo(profile: Profile, households: int, *, seed: int = 1, chunk: int = 5000,
              progress: Progress | None = None) -> int:
    """Generate and insert ``households`` demo households; returns how many were inserted."""
    from advisor_app.store.households import insert_many
    from advisor_app.store.settings import set_setting

    generator = DemoGenerator(seed)
    done = 0
    with profile.connection() as conn:
        while done < households:
            batch = list(generator.households(min(chunk, households - done)))
            done += insert_many(conn, batch)
            if progress is not None and not progress(done, households):
                raise Cancelled()  # rolls the whole transaction back
        set_setting(conn, "profile.demo", "true")
    return done
