"""The rule commands: JSON on stdout, a Swedish message and exit 2 on bad input, no database.

pytest-django refuses database access in tests without the django_db mark, so these tests also
prove that the commands never touch it.
"""
import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

SAMORDNA = Path(sys.executable).with_name("samordna")
QUARTERS = {"Försäkringskassan": 0.25, "Arbetsförmedlingen": 0.25,
            "Västra Götalandsregionen": 0.25, "municipalities": 0.25}
# Populations chosen proportional to Sjuhärad's published 2024 rows, so the rows come back.
POPULATION = {"Bollebygd": 1910, "Borås": 22521, "Herrljunga": 1866, "Mark": 6931,
              "Svenljunga": 2119, "Tranemo": 2342, "Ulricehamn": 4944, "Vårgårda": 2422}


def run(name, *args):
    out = StringIO()
    call_command(name, *args, stdout=out)
    return json.loads(out.getvalue())


def fails(capsys, name, *args):
    with pytest.raises(SystemExit) as exit_info:
        call_command(name, *args, stdout=StringIO())
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "CommandError" not in err and "Traceback" not in err
    return err


def write(tmp_path, data, name="input.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_notice_dates():
    assert run("notice_dates", "--adjusted", "2023-04-05") == {
        "posted": "2023-04-05", "appeal_last_day": "2023-04-26", "remove_after": "2023-04-27"}
    assert run("notice_dates", "--adjusted", "2023-12-04", "--posted", "2023-12-04")[
        "appeal_last_day"] == "2023-12-27"


def test_notice_dates_late_posting_warns_on_stderr(capsys):
    assert run("notice_dates", "--adjusted", "2023-04-03", "--posted", "2023-04-12")["posted"] == "2023-04-12"
    assert "Varning: Anslaget sattes upp 2023-04-12" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    ([], "Ange justeringsdagen"),
    (["--adjusted", "5 april"], "Ogiltigt datum för --adjusted"),
    (["--adjusted", "2023-04-05", "--posted", "2023-04-04"], "före justeringen"),
    (["--adjusted", "2023-04-05", "--okänd"], "okända argument"),
])
def test_notice_dates_bad_input(capsys, args, message):
    assert message in fails(capsys, "notice_dates", *args)


def test_withdrawal_date():
    assert run("withdrawal_date", "--notice", "2020-06-15") == {"effective": "2023-12-31"}
    assert run("withdrawal_date", "--notice", "2020-06-15", "--years", "2",
               "--rule", "from_notice") == {"effective": "2022-06-15"}


@pytest.mark.parametrize("args, message", [
    ([], "Ange dagen för uppsägningen"),
    (["--notice", "2020-06-15", "--years", "tre"], "helt antal år"),
    (["--notice", "2020-06-15", "--years", "5"], "mellan 0 och 3"),
    (["--notice", "2020-06-15", "--rule", "calendar"], "Okänd regel"),
])
def test_withdrawal_date_bad_input(capsys, args, message):
    assert message in fails(capsys, "withdrawal_date", *args)


def test_financing_plan(tmp_path):
    path = write(tmp_path, {"total": 18022, "unit": 0.1, "shares": QUARTERS, "population": POPULATION})
    result = run("financing_plan", path)
    assert result["total"] == 18022.0
    assert result["contributions"]["Försäkringskassan"] == 4505.5
    assert result["contributions"]["Bollebygd"] == 191.0
    assert result["contributions"]["Borås"] == 2252.1
    assert list(result["contributions"])[3:] == list(POPULATION)
    assert round(sum(result["contributions"].values()), 6) == 18022.0


@pytest.mark.parametrize("data, message", [
    ({"total": 18022, "unit": 0.1, "shares": {**QUARTERS, "municipalities": 0.2}, "population": POPULATION},
     "summera till 1"),
    ({"total": 18022, "unit": 0.1, "shares": QUARTERS, "population": {**POPULATION, "Mark": -5}},
     "Folkmängden för Mark får inte vara negativ"),
    ({"total": 18022.05, "unit": 0.1, "shares": QUARTERS, "population": POPULATION}, "hela enheter"),
    ({"total": 18022, "unit": 0.1, "shares": QUARTERS}, "ingen folkmängd"),
    ({"unit": 0.1, "shares": QUARTERS}, '"total"'),
])
def test_financing_plan_bad_input(capsys, tmp_path, data, message):
    assert message in fails(capsys, "financing_plan", write(tmp_path, data))


def test_financing_plan_unreadable_files(capsys, tmp_path):
    assert "finns inte" in fails(capsys, "financing_plan", str(tmp_path / "saknas.json"))
    broken = tmp_path / "trasig.json"
    broken.write_text('{"total": ', encoding="utf-8")
    assert "inte giltig JSON" in fails(capsys, "financing_plan", str(broken))


def roll_call(yes, no, abstain, **extra):
    votes = ["yes"] * yes + ["no"] * no + ["abstain"] * abstain
    return {"ballots": [{"name": f"Ledamot {i + 1}", "vote": v} for i, v in enumerate(votes)], **extra}


def test_count_votes(tmp_path):
    assert run("count_votes", write(tmp_path, roll_call(35, 12, 3, chair="Ledamot 1"))) == {
        "yes": 35, "no": 12, "abstain": 3, "outcome": "yes"}
    tie = write(tmp_path, roll_call(3, 3, 0, chair="Ledamot 6"))
    assert run("count_votes", tie)["outcome"] == "tie_chair"
    assert run("count_votes", write(tmp_path, roll_call(3, 3, 0, kind="election")))["outcome"] == "tie_lot"


@pytest.mark.parametrize("data, message", [
    (roll_call(35, 12, 3, stated={"yes": 35, "no": 11, "abstain": 3}), "Antalet nej-röster stämmer inte"),
    (roll_call(2, 2, 0, chair="Ordföranden"), "finns inte bland de röstande"),
    (roll_call(1, 0, 0, kind="budget"), "Okänd typ"),
    ({"röster": []}, '"ballots"'),
])
def test_count_votes_bad_input(capsys, tmp_path, data, message):
    assert message in fails(capsys, "count_votes", write(tmp_path, data))


def samordna(*args, cwd):
    return subprocess.run([str(SAMORDNA), *args], capture_output=True, encoding="utf-8",
                          cwd=cwd, timeout=60)


def test_console_script_maps_hyphens_and_prints_json(tmp_path):
    done = samordna("notice-dates", "--adjusted", "2023-04-05", "--posted", "2023-04-05", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["remove_after"] == "2023-04-27"
    done = samordna("withdrawal-date", "--notice", "2020-06-15", cwd=tmp_path)
    assert json.loads(done.stdout) == {"effective": "2023-12-31"}


def test_console_script_bad_input_exits_2_in_swedish(tmp_path):
    path = write(tmp_path, {"total": 18022, "unit": 0.1, "shares": {**QUARTERS, "municipalities": 0.3},
                            "population": POPULATION})
    done = samordna("financing-plan", path, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("samordna financing-plan: Andelarna måste vara icke-negativa och summera")
    assert "CommandError" not in done.stderr and "Traceback" not in done.stderr
    done = samordna("count-votes", write(tmp_path, roll_call(1, 1, 0, chair="Ledamot 2", kind="personal")),
                    cwd=tmp_path)
    assert (done.returncode, done.stderr.strip()) == (
        2, "samordna count-votes: Okänd typ av ärende: 'personal' (tillåtet: ordinary, election, personnel).")
