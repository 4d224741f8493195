"""No name or ID number in plaintext outside the database after a working session, in a child process
of its own (so its temporary folder is the test's):
register a household, save a visit with needs, print a form in memory and to a file outside the data
folder, screen (packed inputs, compact results), export the ledger outside the data folder, and import a
household whose ID number is wrong (a DomainError naming the member). Then every file in the data
folder and in the session's TMPDIR, and every file deleted from them during the session, is grepped
for the names and ID numbers used (UTF-8, UTF-16LE/BE); no file is written anywhere else but where
the user asked. The desktop half (preview, settings, the log file, a crash) is tests/gui/test_privacy_gui.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from privacy_probe import folder_bytes, readable

TESTS = Path(__file__).parents[1]
WU = json.loads((TESTS / "data" / "household_wu.json").read_text(encoding="utf-8"))
WRONG_ID = WU["members"][1]["id_number"][:-1] + ("5" if WU["members"][1]["id_number"][-1] != "5" else "6")
SECRETS = [WU["members"][0]["name"], WU["members"][0]["id_number"], WU["members"][1]["name"],
           WU["members"][1]["id_number"], WRONG_ID, "明珠华庭12栋301室"]

SESSION = r"""
import datetime as dt, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from privacy_probe import FileWatch, readable
data, tmp, outside, wu_file, bad_file = map(Path, sys.argv[2:7])
secrets = json.loads(sys.argv[7])
on = dt.date(2026, 11, 2)
with FileWatch([data, tmp]) as watch:
    from advisor_app.cli import main
    from advisor_app.domain.household import Need, Visit
    from advisor_app.services import documents, eligibility, households
    from advisor_app.services.profile import open_profile
    open_profile(data).close()  # the profile's first start
    assert main(["household", "import", str(wu_file)]) == 0
    profile = open_profile(data)
    hid = households.list_households(profile)[0].id
    households.save_visit(profile, hid, Visit("investigation", on, ["王芳", "李强"], "吴晓霞坐轮椅，电话13812345678",
                                              [Need("goods", "轮椅一台")]))
    in_memory = documents.render_form(profile, "dibao-application", hid)
    summary = eligibility.screen(profile, on)
    profile.close()
    assert main(["form", "dibao-application", "--household", hid, "--out", str(outside / "form.pdf")]) == 0
    assert main(["screen", "--on", on.isoformat(), "--xlsx", str(outside / "ledger.xlsx")]) == 0
    refused = main(["household", "import", str(bad_file)])
print(json.dumps({"pdf_bytes": len(in_memory), "screened": summary.households, "refused": refused,
                  "removed": sorted(watch.removed), "removed_readable": readable(watch.removed_bytes(), secrets),
                  "written": sorted(watch.written)}))
"""


def test_a_working_session_leaves_no_name_or_id_number_outside_the_database(data_dir: Path,
                                                                             tmp_path: Path) -> None:
    tmp, outside = tmp_path / "tmpdir", tmp_path / "saved by the user"
    tmp.mkdir()
    outside.mkdir()
    wu_file, bad_file = tmp_path / "wu.json", tmp_path / "bad.json"
    wu_file.write_text(json.dumps(WU, ensure_ascii=False), encoding="utf-8")
    bad = json.loads(json.dumps(WU))
    bad["members"][1]["id_number"] = WRONG_ID
    bad_file.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp)}
    done = subprocess.run([sys.executable, "-c", SESSION, str(TESTS), str(data_dir), str(tmp), str(outside),
                           str(wu_file), str(bad_file), json.dumps(SECRETS, ensure_ascii=False)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["pdf_bytes"] > 10_000 and report["screened"] == 1 and report["refused"] == 2
    assert WU["members"][1]["name"] in done.stderr  # the refusal names the member, on the terminal only
    # the session did write, and remove, files where the grep looks
    assert str((outside / "form.pdf").resolve()) in report["written"]  # the watch sees what the session writes
    assert (outside / "form.pdf").stat().st_size > 10_000 and (outside / "ledger.xlsx").stat().st_size > 1000
    assert report["removed_readable"] == [], report["removed"]
    allowed = (data_dir.resolve(), tmp.resolve(), outside.resolve())
    assert [p for p in report["written"] if not any(Path(p).is_relative_to(a) for a in allowed)] == []
    raw = folder_bytes(data_dir, tmp)
    assert len(raw) > 100_000 and readable(raw, SECRETS) == []
    assert sorted(p.name for p in outside.iterdir()) == ["form.pdf", "ledger.xlsx"]  # no scratch left
