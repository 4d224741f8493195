import json
from collections import Counter

import sqlalchemy as sa

from advisor_app.demo import places
from advisor_app.domain import idcard, interchange
from advisor_app.services.demo import fill_demo
from advisor_app.store.households import iter_households


def _content(profile) -> list[str]:
    """Every household as JSON without its random ids, in a stable order."""
    out = []
    with profile.connection() as conn:
        for batch in iter_households(conn):
            for h in batch:
                d = interchange.household_to_dict(h)
                d.pop("id"), d.pop("version")
                for m in d["members"]:
                    m.pop("id")
                out.append(json.dumps(d, ensure_ascii=False, sort_keys=True))
    return sorted(out)


def test_same_seed_same_households_however_many_processes(tmp_path) -> None:
    from advisor_app.services.profile import open_profile

    a, b, c = (open_profile(tmp_path / name) for name in "abc")
    try:
        fill_demo(a, 120, seed=4, processes=1)
        fill_demo(b, 120, seed=4, processes=2)
        fill_demo(c, 120, seed=5, processes=1)
        assert _content(a) == _content(b)
        assert _content(a) != _content(c)
    finally:
        for p in (a, b, c):
            p.close()


def test_demo_households_look_real(profile) -> None:
    assert fill_demo(profile, 400, seed=2) == 400
    with profile.connection() as conn:
        households = [h for batch in iter_households(conn) for h in batch]
    members = [m for h in households for m in h.members]
    assert len(households) == 400 and 2.0 < len(members) / 400 < 3.5
    numbers = [m.id_number for m in members]
    assert len(set(numbers)) == len(numbers)
    assert all(idcard.problem(n) is None for n in numbers)
    assert {h.region for h in households} <= set(places.REGIONS)
    assert all(h.head is not None and h.head.relation == "head" for h in households)
    on = idcard.parse(numbers[0]).birth_date.replace(year=2026)
    ages = [m.age_on(on) for m in members]
    assert sum(a >= 60 for a in ages) > 80 and sum(a < 18 for a in ages) > 60
    alone_elderly = [h for h in households if len(h.members) == 1 and h.members[0].age_on(on) >= 60]
    assert len(alone_elderly) > 40
    kinds = Counter(i.kind for m in members for i in m.incomes)
    assert {"wage", "pension_basic", "business"} <= set(kinds)
    assert sum(m.disability is not None for m in members) > 20
    assert sum(h.emergency is not None for h in households) > 0
    with profile.connection() as conn:
        assert conn.exec_driver_sql("select count(*) from visits").scalar() > 200
        assert conn.exec_driver_sql("select count(*) from needs").scalar() > 100
        assert conn.exec_driver_sql("select value from settings where key = 'profile.demo'").scalar() == "true"


def test_cancel_leaves_the_profile_as_it_was(profile) -> None:
    import pytest

    from advisor_app.domain.errors import Cancelled

    with pytest.raises(Cancelled):  # cancelled while loading into empty tables (indexes dropped)
        fill_demo(profile, 12000, seed=2, progress=lambda done, total: done < 5000)
    assert _indexes(profile) == EXPECTED_INDEXES
    fill_demo(profile, 10, seed=1)
    with pytest.raises(Cancelled):
        fill_demo(profile, 12000, seed=2, progress=lambda done, total: done < 5000)
    with profile.connection() as conn:
        assert conn.exec_driver_sql("select count(*) from households").scalar() == 10
    assert _indexes(profile) == EXPECTED_INDEXES


EXPECTED_INDEXES = {"ix_households_village", "ix_households_head_name", "ix_households_head_initials",
                    "ix_members_household", "ix_members_id_number", "ix_visits_household", "ix_needs_visit",
                    "ix_needs_household"}


def _indexes(profile) -> set[str]:
    with profile.connection() as conn:
        inspector = sa.inspect(conn)
        names = {i["name"] for table in ("households", "members", "visits", "needs")
                 for i in inspector.get_indexes(table)}
    return names & EXPECTED_INDEXES


def test_indexes_dropped_for_a_bulk_load_are_built_again(profile) -> None:
    fill_demo(profile, 30, seed=1)  # into empty tables: indexes are dropped and rebuilt
    assert _indexes(profile) == EXPECTED_INDEXES
    query = "select id from households where village = '七星村'"
    with profile.connection() as conn:
        if conn.dialect.name == "sqlite":
            plan = " ".join(r[3] for r in conn.exec_driver_sql(f"explain query plan {query}"))
        else:  # 30 rows: PostgreSQL would rather read the table, unless told not to
            conn.exec_driver_sql("set local enable_seqscan = off")
            plan = " ".join(r[0] for r in conn.exec_driver_sql(f"explain {query}"))
    assert "ix_households_village" in plan


def test_a_script_without_the_main_guard_fills_a_large_demo_in_its_own_process(tmp_path) -> None:
    """Worker processes are started only when the caller asks (the command line, the desktop app):
    a script without ``if __name__ == "__main__"`` that fills more households than the parallel
    threshold would otherwise start spawned workers that import the script and start workers again."""
    import subprocess
    import sys

    from advisor_app.services.demo import PARALLEL_FROM

    script = tmp_path / "fill.py"
    script.write_text(
        "import multiprocessing\n"
        "from advisor_app.services import demo\n"
        "from advisor_app.services.profile import open_profile\n"
        "real = multiprocessing.get_context\n"
        "def refuse(*a, **k):\n"
        "    raise SystemExit('a worker process was started')\n"
        "multiprocessing.get_context = refuse\n"
        f"p = open_profile({str(tmp_path / 'data')!r})\n"
        f"print(demo.fill_demo(p, {PARALLEL_FROM + 1}, seed=2))\n"
        "p.close()\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(PARALLEL_FROM + 1)
