"""Printing speed: one pre-filled form, and a public-notice list of a 1,000-household town.

Targets: a form ≤ 150 ms; the 1,000-household notice ≤ 10 s. Prints medians (``name: value unit``).
Run: ``.venv/bin/python benchmarks/forms.py``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable

from advisor_app.services import documents, eligibility
from advisor_app.services.demo import fill_demo
from advisor_app.services.households import list_households
from advisor_app.services.profile import open_profile

ON = dt.date(2026, 11, 29)


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, int]:
    times = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
        size = len(result) if isinstance(result, bytes) else 0
    return statistics.median(times), size


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        profile = open_profile(tmp)
        fill_demo(profile, 1000, seed=3)
        with profile.connection() as conn:  # one big town, all in one county
            conn.exec_driver_sql("UPDATE households SET town = '基准镇', region = '340122'")
        ids = [s.id for s in list_households(profile, limit=20)]
        start = time.perf_counter()
        documents.render_form(profile, "dibao-application", ids[0], on=ON)
        print(f"form_first_call_incl_font: {(time.perf_counter() - start) * 1000:.0f} ms")
        for kind in ("dibao-application", "authorization", "investigation"):
            it = iter(ids * 3)
            ms, size = median_ms(lambda k=kind, i=it: documents.render_form(profile, k, next(i), on=ON), 15)
            print(f"form_{kind}_median: {ms:.0f} ms ({size // 1024} KiB)")
        ms, size = median_ms(lambda: documents.render_notice(profile, town="基准镇", on=ON, phone="0551-12345678"), 3)
        print(f"notice_1000_households_live_check_median: {ms / 1000:.2f} s ({size // 1024} KiB)")
        pages = documents.render_notice(profile, town="基准镇", on=ON, phone="0551-12345678").count(b"/Type /Page\n")
        print(f"notice_1000_households_pages: {pages} pages")
        eligibility.screen(profile, ON)
        ms, size = median_ms(lambda: documents.render_notice(profile, town="基准镇", on=ON, phone="0551-12345678"), 3)
        print(f"notice_1000_households_stored_results_median: {ms / 1000:.2f} s ({size // 1024} KiB)")
        profile.close()


if __name__ == "__main__":
    main()
