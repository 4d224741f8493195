"""``advisor-app check``: JSON and text output, invalid documents, and no profile is ever opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from advisor_app.cli import main

SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_is_the_advisor_check_document(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLE), "--on", "2023-09-01", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["format"] == "advisor-check/1" and doc["on"] == "2023-09-01" and doc["region"] == "340104"
    std = doc["policy"]["dibao_standard"]
    assert std["value"] == 924 and std["unit"] == "元/人/月" and std["is_default"] is False and std["source"]
    assert doc["policy"]["asset_financial_months"]["is_default"] is True
    # 吴晓霞 300 wage (her 500 assistance is excluded) + her son's scholarship (excluded): 300 for 2 people.
    assert doc["household"] == {"counted_members": 2, "counted_income_monthly": 300.0, "per_capita_monthly": 150.0}
    by_program = {(p["program"], p.get("member")): p for p in doc["programs"]}
    dibao = by_program[("dibao", None)]
    assert dibao["status"] == "eligible" and dibao["monthly_amount"] == 1548 and dibao["margin"] == 1548.0
    assert all(set(r) == {"rule", "passed", "text", "citation"} for r in dibao["reasons"])
    tekun = by_program[("tekun", "34010419880314002X")]
    assert tekun["status"] == "eligible" and tekun["care_level"] == "partial"
    # 支出型: costs above the income; 1,800 a year per person below Anhui's 2022 urban figure 45,133
    temporary = by_program[("temporary", None)]
    assert temporary["status"] == "eligible" and temporary["kind"] == "支出型" and temporary["max_amount"] == 9240
    assert doc["policy"]["disposable_income_yearly"]["value"] == 45133
    assert not data_dir.exists(), "check must not create or open a profile"


def test_text_output_explains_in_chinese(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLE), "--on", "2023-09-01")
    assert code == 0
    assert "【低保】：符合，每月 1548 元" in out
    assert "家庭月人均收入 150.00 元，低于本地低保标准 924 元" in out
    assert "吴晓霞的社会救助金 500.00 元/月不计入家庭收入" in out
    # The summary comes first; the default-value note once, at the end, naming the default figures.
    assert out.startswith("您家可以申请：吴晓霞的特困人员救助供养每月 2,061 元；家里其他 1 人的低保每月 924 元")
    assert "（默认值，县里未另行规定）" not in out
    assert out.count("本软件的默认值") == 1 and "金融资产限额（月数） 24 月" in out
    assert "家庭有机动车 0 辆，符合规定（不得拥有）*（《最低生活保障审核确认办法》第十四条）" in out
    assert "建议申请：" in out
    assert not data_dir.exists()


def test_json_adds_summary_and_recommendation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLE), "--on", "2023-09-01", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert list(doc)[:7] == ["format", "on", "region", "area", "policy", "household", "programs"]
    assert doc["summary"].startswith("您家可以申请：吴晓霞的特困人员救助供养每月 2,061 元")
    rec = doc["recommendation"]
    picks = [(p["program"], p["member"], p["monthly_amount"], p["people"]) for p in rec["apply_for"]]
    # 吴晓霞 to 特困; the 低保 of her son alone: 924 × 1 − 0 (her 300 wage no longer counts).
    assert picks == [("tekun", "34010419880314002X", 2061, None), ("dibao", None, 924, 1),
                     ("temporary", None, None, None)]
    assert rec["monthly_total"] == 2061 + 924 and rec["set_aside"] == []
    assert doc["default_note"].count("*") == 2 and doc["outdated_note"] is None


def test_invalid_document_exits_2_naming_member_and_field(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                           data_dir: Path) -> None:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["members"][1]["id_number"] = "340104200905200135"  # wrong check character
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "check", str(bad))
    assert code == 2 and out == ""
    assert "members[1]" in err and "吴小诚" in err and "id_number" in err and "Traceback" not in err
    assert not data_dir.exists()


def test_bad_date_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(SAMPLE), "--on", "2023-02-30")
    assert code == 2 and "2023-02-30" in err


def test_console_script_end_to_end(tmp_path: Path) -> None:
    env = {**os.environ, "ADVISOR_APP_HOME": str(tmp_path / "home")}
    proc = subprocess.run([sys.executable, "-m", "advisor_app", "check", "-", "--on", "2023-09-01",
                           "--format", "json"], input=SAMPLE.read_text(encoding="utf-8"), capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["programs"][0]["program"] == "dibao"
    assert not (tmp_path / "home").exists()
