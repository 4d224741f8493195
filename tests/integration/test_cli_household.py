import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from advisor_app.cli import main

SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_the_id_and_export_gives_the_document_back(capsys) -> None:
    code, out, _ = run(capsys, "household", "import", str(SAMPLE))
    household_id = out.strip()
    assert code == 0 and len(household_id) == 36
    code, out, _ = run(capsys, "household", "export", household_id)
    exported = json.loads(out)
    assert code == 0 and exported["id"] == household_id and exported["version"] == 1
    original = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert original["format"] == "advisor-household/1" and exported["format"] == "advisor-household/2"
    original["format"] = exported["format"]  # a /1 file is read, and written back as /2, unchanged otherwise
    for member in exported["members"]:
        member.pop("id")
    for key in ("id", "version"):
        exported.pop(key)
    assert exported == original


def test_import_of_an_exported_document_updates_the_same_household(capsys, tmp_path: Path) -> None:
    _, out, _ = run(capsys, "household", "import", str(SAMPLE))
    household_id = out.strip()
    _, text, _ = run(capsys, "household", "export", household_id)
    doc = json.loads(text)
    doc["address"] = "新地址 1 号"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _, out, _ = run(capsys, "household", "import", str(changed))
    assert out.strip() == household_id
    _, text, _ = run(capsys, "household", "export", household_id)
    assert json.loads(text)["address"] == "新地址 1 号" and json.loads(text)["version"] == 2
    _, listing, _ = run(capsys, "household", "list")
    assert len(listing.splitlines()) == 1


def test_list_shows_id_head_and_village_and_filters(capsys) -> None:
    # on the demo profile: generated households may be mixed there with one typed in to practise
    run(capsys, "--demo", "household", "import", str(SAMPLE))
    run(capsys, "--demo", "demo", "--households", "30", "--seed", "5")
    _, out, _ = run(capsys, "--demo", "household", "list")
    lines = out.splitlines()
    assert len(lines) == 31 and all(len(line.split("\t")) == 3 for line in lines)
    _, out, _ = run(capsys, "--demo", "household", "list", "--village", "莲花")
    assert out.split("\t")[1:] == ["吴晓霞", "莲花社区\n"]
    _, out, _ = run(capsys, "--demo", "household", "list", "--name", "wxx")
    assert "吴晓霞" in out


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda d: d["members"][1].update(id_number="340104200905200135"), ["吴小诚", "id_number", "校验位错误"]),
    (lambda d: d["members"][0]["incomes"][0].update(kind="salary"), ["吴晓霞", "incomes[0].kind", "salary"]),
    (lambda d: d["members"][0]["incomes"][0].update(monthly=-20), ["吴晓霞", "monthly", "负数"]),
    (lambda d: d["members"][1].pop("name"), ["members[1]", "name"]),
    (lambda d: d["members"][1].update(relation="head"), ["members[1].relation", "吴小诚", "只能有一名户主"]),
    (lambda d: d.update(visits=[{"type": "investigation", "date": "2026-11-02", "investigators": ["周明"]}]),
     ["visits[0].investigators", "入户调查", "至少两名调查人员"]),
    (lambda d: d.update(visits=[{"type": "return", "date": "2026-11-02", "investigators": ["周明"],
                                 "next_visit": "2026-10-01"}]), ["visits[0].next_visit", "早于"]),
])
def test_invalid_documents_exit_2_naming_member_and_field_and_write_nothing(
        capsys, tmp_path: Path, mutate, expected) -> None:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    mutate(doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "household", "import", str(bad))
    assert code == 2 and out == ""
    assert err.startswith("错误：") and "Traceback" not in err
    for word in expected:
        assert word in err
    _, listing, _ = run(capsys, "household", "list")
    assert listing == ""


def test_every_problem_is_named_at_once(capsys, tmp_path: Path) -> None:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["members"][0]["name"] = ""
    doc["members"][1]["id_number"] = "123"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "household", "import", str(bad))
    assert code == 2
    assert err.splitlines() == ["错误：有 2 处需要改正：", "  members[0].name：第1名成员的姓名未填写",
                                "  members[1].id_number：第2名成员“吴小诚”的身份证号：应为18位，现为3位"]


def test_a_person_already_in_another_household_is_refused(capsys, tmp_path: Path) -> None:
    run(capsys, "household", "import", str(SAMPLE))
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["members"][0].update(name="李秀英", id_number="340104198803140046")
    doc["village"] = "杏花村"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "household", "import", str(other))
    assert code == 2 and out == ""
    assert "第2名成员“吴小诚”的身份证号已登记在另一户家庭（户主“吴晓霞”，莲花社区）" in err
    _, listing, _ = run(capsys, "household", "list")
    assert len(listing.splitlines()) == 1


def test_broken_json_and_missing_file(capsys, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "advisor-household/1", ', encoding="utf-8")
    code, _, err = run(capsys, "household", "import", str(broken))
    assert code == 2 and "JSON" in err
    code, _, err = run(capsys, "household", "import", str(tmp_path / "nope.json"))
    assert code == 2 and "无法读取文件" in err


def test_export_of_an_unknown_id(capsys) -> None:
    code, _, err = run(capsys, "household", "export", "no-such-id")
    assert code == 2 and "没有编号为 no-such-id 的家庭" in err


def test_data_dir_option_wins_over_environment(capsys, tmp_path: Path) -> None:
    run(capsys, "--data-dir", str(tmp_path / "other"), "household", "import", str(SAMPLE))
    assert (tmp_path / "other" / "advisor.sqlite").exists()
    _, out, _ = run(capsys, "household", "list")
    assert out == ""


def test_help_lists_subcommands(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    for name in ("household", "demo"):
        assert name in out


@pytest.mark.parametrize("command", [["advisor-app"], ["python", "-m", "advisor_app"]])
def test_console_script_and_module_print_the_version(command: list[str]) -> None:
    bindir = Path(sys.executable).parent
    argv = [str(bindir / "advisor-app")] if command[0] == "advisor-app" else [sys.executable, "-m", "advisor_app"]
    result = subprocess.run([*argv, "--version"], capture_output=True, text=True, env=os.environ, check=False)
    from advisor_app import __version__

    assert result.returncode == 0 and result.stdout.strip() == f"advisor-app {__version__}"
