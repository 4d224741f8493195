"""``advisor-app form`` and ``advisor-app notice`` on a demo profile (a real SQLite file, and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pypdf
import pytest
import sqlalchemy as sa

from advisor_app.cli import main
from advisor_app.documents.render import FORM_KINDS, mask_name
from advisor_app.domain.idcard import mask
from advisor_app.domain.vocab import DISABILITY_KINDS
from advisor_app.rules.facts import is_counted
from advisor_app.rules.results import ELIGIBLE
from advisor_app.services import documents, eligibility, explanation, households
from advisor_app.shipped import forms_dir
from advisor_app.store.screening import replace_results, stored_results
from advisor_app.store.screening_results import pack_household

ON = dt.date(2026, 11, 29)
ID_18 = re.compile(r"(?<![0-9*])\d{17}[\dX](?![0-9])")
HEALTH_WORDS = [*DISABILITY_KINDS.values(), "残疾", "重病", "疾病", "患病"]


def text_of(path: Path) -> str:
    return "".join(p.extract_text() or "" for p in pypdf.PdfReader(path).pages).replace(" ", "")


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _households(profile: Any) -> list[Any]:
    return [households.load_household(profile, s.id) for s in households.list_households(profile)]


def test_every_form_for_demo_households(demo_profile: Any, capsys: Any, tmp_path: Path) -> None:
    picked = [h for h in _households(demo_profile) if h.visits][:3]
    assert picked
    for h in picked:
        result = eligibility.check(h, ON)
        dibao = result.program("dibao")
        for kind in FORM_KINDS:
            out = tmp_path / f"{kind}-{h.id}.pdf"
            code, stdout, err = run(capsys, "form", kind, "--household", h.id or "", "--out", str(out),
                                    "--on", ON.isoformat())
            assert code == 0, err
            assert str(out) in stdout
            text = text_of(out)
            assert FORM_KINDS[kind] in text and h.head_name in text
            if kind not in ("visit-record", "investigation", "assessment"):
                for m in h.members:
                    assert m.id_number in text  # the family's own papers carry full ID numbers
            if dibao is not None and dibao.status == ELIGIBLE:
                # the software's amount is on the assessment sheet, never on the signed application
                assert (f"{dibao.monthly_amount:,}元/月" in text) == (kind == "assessment")
            if kind == "assessment":
                assert "仅供参考" in text.replace("\n", "") and h.members[0].id_number not in text
        visit = h.visits[0]
        out = tmp_path / "visit.pdf"
        code, _, err = run(capsys, "form", "visit-record", "--household", h.id or "", "--visit", visit.id or "",
                           "--out", str(out))
        assert code == 0, err
        assert visit.notes in text_of(out)
        assert f"{visit.date.year}年{visit.date.month}月{visit.date.day}日" in text_of(out)


def test_unknown_household_or_visit_is_exit_2_with_a_message(demo_profile: Any, capsys: Any,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "form", "dibao-application", "--household", "no-such-id", "--out", str(out))
    assert code == 2 and "没有编号为 no-such-id 的家庭" in err and not out.exists()
    some = households.list_households(demo_profile, limit=1)[0]
    code, _, err = run(capsys, "form", "visit-record", "--household", some.id, "--visit", "nope", "--out", str(out))
    assert code == 2 and "nope" in err and not out.exists()
    code, _, err = run(capsys, "notice", "--village", "没有这个村", "--phone", "12345", "--out", str(out))
    assert code == 2 and "没有这个村" in err


def _busy_village(profile: Any) -> tuple[str, str, str]:
    """(village, town, region) with the most households that a notice would list."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for h in _households(profile):
        result = eligibility.check(h, ON)
        if any(p.status == ELIGIBLE and p.program in ("dibao", "tekun", "dibao_single") for p in result.programs):
            counts[(h.village, h.town, h.region)] += 1
    return counts.most_common(1)[0][0]


def test_notice_masks_and_never_prints_health(demo_profile: Any, capsys: Any, tmp_path: Path) -> None:
    village, town, region = _busy_village(demo_profile)
    out = tmp_path / "notice.pdf"
    code, _, err = run(capsys, "notice", "--village", village, "--in-town", town, "--region", region,
                       "--phone", "0554-12345", "--out", str(out), "--on", ON.isoformat())
    assert code == 0, err
    text = text_of(out)
    assert not ID_18.search(text), "an unmasked ID number in a public notice"
    assert not any(word in text for word in HEALTH_WORDS)
    listed = [h for h in _households(demo_profile) if (h.village, h.town, h.region) == (village, town, region)]
    found = people = lines = total = 0
    for h in listed:  # the notice lists what each family is told to apply for
        covered: set[str] = set()
        check = eligibility.check(h, ON, profile=demo_profile)
        rec = explanation.explain(h, check, profile=demo_profile).recommendation
        tekun = {p.member for p in rec.apply_for if p.program == "tekun"}
        for p in rec.apply_for:
            if p.program not in ("dibao", "tekun", "dibao_single"):
                continue
            person = h.head if p.member is None else next(m for m in h.members if m.id_number == p.member)
            assert mask_name(person.name) in text
            assert person.name not in text or len(person.name) == 1
            if p.member is None:
                assert mask(person.id_number) in text
                covered |= {m.id_number for m in h.members if is_counted(m)} - tekun  # 特困: not in 低保
            else:
                covered.add(p.member)
            found += 1
            total += p.monthly_amount or 0
        people += len(covered)
        lines += bool(covered)
    assert found > 0
    # one line per household, each person counted once, the payments the families will get
    assert f"共{lines}户，保障{people}人，月救助金合计{total:,}元" in text
    assert "2026年11月29日至2026年12月5日" in text


def test_notice_uses_stored_screening_results(demo_profile: Any, capsys: Any, tmp_path: Path) -> None:
    village, town, region = _busy_village(demo_profile)
    eligibility.screen(demo_profile, ON)
    with demo_profile.connection(write=True) as conn:
        ids = list(conn.execute(sa.text(
            "SELECT id FROM households WHERE village = :village AND town = :town AND region = :region"),
            {"village": village, "town": town, "region": region}).scalars())
        rows = stored_results(conn, ids)
        on, at = rows[0][6], conn.execute(sa.text("SELECT screened_at FROM screening_results")).scalars().first()
        by_household: dict[str, list[Any]] = {}
        changed = 0
        for hid, member, program, status, fen, detail, _on in rows:  # the stored amounts, edited
            if status == "eligible" and program in ("dibao", "tekun", "dibao_single"):
                fen, changed = 9876500, changed + 1
            by_household.setdefault(hid, []).append((member, program, status, fen, detail))
        conn.execute(sa.text("DELETE FROM screening_results WHERE household_id IN :ids").bindparams(
            sa.bindparam("ids", expanding=True)), {"ids": ids})
        replace_results(conn, [pack_household(h, kept) for h, kept in by_household.items()], on, str(at), clear=False)
    assert changed > 0
    pdf = documents.render_notice(demo_profile, village=village, town=town, region=region, on=ON, phone="12345")
    out = tmp_path / "n.pdf"
    out.write_bytes(pdf)
    assert "98,765" in text_of(out)


def test_profile_forms_folder_overrides_the_shipped_definition(demo_profile: Any, capsys: Any,
                                                               tmp_path: Path) -> None:
    own = documents.forms_dir(demo_profile)
    own.mkdir(parents=True, exist_ok=True)
    shutil.copy(forms_dir() / "temporary-application.toml", own / "temporary-application.toml")
    path = own / "temporary-application.toml"
    edited = path.read_text(encoding="utf-8").replace('title = "临时救助申请书"',
                                                      'title = "临时救助（急难）申请审批表"')
    path.write_text(edited, encoding="utf-8")
    some = households.list_households(demo_profile, limit=1)[0]
    out = tmp_path / "t.pdf"
    code, _, err = run(capsys, "form", "temporary-application", "--household", some.id, "--out", str(out))
    assert code == 0, err
    assert "临时救助（急难）申请审批表" in text_of(out)


@pytest.mark.parametrize("argv", [["notice", "--out", "x.pdf"], ["form", "nonsense", "--household", "a", "--out", "x"]])
def test_bad_arguments_are_refused(argv: list[str], capsys: Any) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_complaint_phone_is_given_saved_or_the_notice_is_refused(demo_profile: Any, capsys: Any,
                                                                   tmp_path: Path) -> None:
    village, town, region = _busy_village(demo_profile)
    where = ["--village", village, "--in-town", town, "--region", region]
    out = tmp_path / "n.pdf"
    code, _, err = run(capsys, "notice", *where, "--out", str(out))
    assert code == 2 and "监督电话" in err and "--phone" in err and not out.exists()
    code, _, err = run(capsys, "notice", *where, "--phone", " ", "--out", str(out))
    assert code == 2 and "监督电话" in err and not out.exists()
    assert run(capsys, "notice", *where, "--phone", "0554-1234567", "--save-phone", "--period", "2026年第四季度",
               "--out", str(out))[0] == 0
    assert "0554-1234567" in text_of(out) and "2026年第四季度" in text_of(out)
    assert run(capsys, "notice", *where, "--out", str(out))[0] == 0
    assert "0554-1234567" in text_of(out)  # the saved number is the default now
    code, _, _ = run(capsys, "notice", "--village", "没有这个村", "--phone", "110", "--save-phone",
                     "--out", str(out))
    assert code == 2
    assert run(capsys, "notice", *where, "--out", str(out))[0] == 0
    assert "0554-1234567" in text_of(out)  # a failed print saved nothing


def test_ambiguous_place_names_ask_for_the_town_or_county(demo_profile: Any, capsys: Any,
                                                          tmp_path: Path) -> None:
    towns_of: dict[str, set[tuple[str, str]]] = {}
    for s in households.list_households(demo_profile):
        towns_of.setdefault(s.village, set()).add((s.town, s.region))
    shared = next((v for v, places in towns_of.items() if len(places) > 1), None)
    assert shared is not None, "the demo data should have a village name used in two places"
    out = tmp_path / "n.pdf"
    code, _, err = run(capsys, "notice", "--village", shared, "--phone", "12345", "--out", str(out))
    assert code == 2 and ("--in-town" in err or "--region" in err) and not out.exists()
    town, region = sorted(towns_of[shared])[0]
    code, _, err = run(capsys, "notice", "--village", shared, "--in-town", town, "--region", region,
                       "--phone", "12345", "--out", str(out))
    assert code == 0, err


def test_visit_record_of_a_household_without_visits_is_refused(demo_profile: Any, capsys: Any,
                                                               tmp_path: Path) -> None:
    bare = next(h for h in _households(demo_profile) if not h.visits)
    out = tmp_path / "v.pdf"
    code, _, err = run(capsys, "form", "visit-record", "--household", bare.id or "", "--out", str(out))
    assert code == 2 and "还没有走访记录" in err and not out.exists()
    code, _, err = run(capsys, "form", "investigation", "--household", bare.id or "", "--out", str(out))
    assert code == 0, err  # blank lines for the investigators to fill in
    assert "调查人（一）" in text_of(out)
