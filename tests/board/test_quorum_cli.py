"""`samordna quorum FILE --members …`: JSON per paragraph, exit 2 with Swedish messages."""
import copy
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "expected"
SAMORDNA = Path(sys.executable).parent / "samordna"

INSJORIKET_MEMBERS = (
    "Försäkringskassan;Arbetsförmedlingen;Västra Götalandsregionen;Mölndals stad;"
    "Härryda kommun;Partille kommun;Lerums kommun;Alingsås kommun"
)
SJUHARAD_ORDER = (
    "Borås Stad;Marks kommun;Ulricehamns kommun;Vårgårda kommun;Tranemo kommun;"
    "Svenljunga kommun;Bollebygds kommun;Herrljunga kommun"
)
FOUR_SEATS = "Försäkringskassan;Arbetsförmedlingen;Västra Götalandsregionen;Kommunerna=1"


def seed_file(prefix: str) -> str:
    """A hand-labelled seed, read at run time from ../shared/seeds; skip when absent."""
    found = sorted(SEEDS.glob(f"{prefix}_*.json"))
    if not found:
        pytest.skip(f"seed {prefix} not available in {SEEDS}")
    return str(found[0])


def seed(prefix: str) -> dict:
    return json.loads(Path(seed_file(prefix)).read_text("utf-8"))


def write(tmp_path, doc, name="protokoll.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return str(path)


def run(*args, cwd=None, env=None):
    if not SAMORDNA.exists():
        pytest.skip("console script samordna not installed")
    return subprocess.run([str(SAMORDNA), "quorum", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def quorum(*args) -> dict:
    out = io.StringIO()
    call_command("quorum", *args, stdout=out)
    return json.loads(out.getvalue())


def by_number(report):
    return {(p["number"], p.get("sub")): p for p in report["paragraphs"]}


def small_protocol(**changes):
    """A made-up meeting: four Members, written as people tend to write organisations."""
    doc = {
        "schema": "samordna.protocol/1",
        "organisation": "Samordningsförbundet Provinsen",
        "body": "Styrelsen",
        "meeting": {"date": "2024-05-14", "start": "09:00", "end": "12:00"},
        "attendees": [
            {"name": "Ada Ek", "role": "member", "organisation": "FK"},
            {"name": "Bo Ås", "role": "member", "organisation": "AF", "present": [{"from": "09:00", "to": "10:00"}]},
            {"name": "Cia Ur", "role": "member", "organisation": "VG-region"},
            {"name": "Dan Öst", "role": "substitute", "organisation": "Mölndal stad"},
            {"name": "Eva Al", "role": "co_opted", "organisation": "Partille kommun"},
            {"name": "Fia Yt", "role": "official", "function": "förbundschef"},
        ],
        "absent": [{"name": "Gun Ros", "organisation": "Mölndals stad"}],
        "paragraphs": [
            {"number": 1, "title": "Mötet öppnas", "time": {"from": "09:00"}},
            {"number": 2, "title": "Ekonomi"},
            {"number": 3, "title": "Budget", "time": {"from": "10:15", "to": "10:45"}},
        ],
    }
    doc.update(changes)
    return doc


def test_insjoriket_with_times_added(tmp_path):
    doc = seed("000")
    # The protocol gives no clock time for §§ 1125–1134; place them as the meeting likely ran.
    times = {1125: "14:30", 1126: "14:35", 1127: "14:45", 1128: "15:10", 1129: "15:15",
             1130: "15:20", 1131: "15:25", 1132: "15:30", 1133: "15:35", 1134: "15:40"}
    for p in doc["paragraphs"]:
        if p["number"] in times:
            p["time"] = {"from": times[p["number"]], "to": None}
    env = dict(os.environ, SAMORDNA_DATA_DIR=str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    result = run(write(tmp_path, doc), "--members", INSJORIKET_MEMBERS, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    paragraphs = by_number(report)
    assert [p["number"] for p in report["paragraphs"]] == list(range(1121, 1137))

    assert paragraphs[(1125, None)]["quorate"] is True
    assert paragraphs[(1125, None)]["time"] == "14:30"
    for tabled in (1128, 1131, 1132):
        p = paragraphs[(tabled, None)]
        assert p["quorate"] is False
        assert p["reasons"][0] == "4 av 8 platser tjänstgör; minst 5 krävs"
        assert (p["serving_count"], p["seats"], p["required"]) == (4, 8, 5)
    # Before § 1124 (14:00) nothing is timed: the earliest presence time, 13:30, is used.
    first = paragraphs[(1121, None)]
    assert (first["time"], first["time_estimated"], first["serving_count"]) == ("13:30", True, 7)
    assert any("uppskattat" in r for r in first["reasons"])
    assert not any("uppskattat" in r for r in paragraphs[(1128, None)]["reasons"])
    # Mölndal's substitute (named in the seed read at run time) never serves: Mölndal's member is there,
    # and a substitute serves only for a member of their own Member.
    molndal_substitute = next(a["name"] for a in seed("000")["attendees"]
                              if a["role"] == "substitute" and "Mölndal" in (a.get("organisation") or ""))
    assert all(molndal_substitute not in {s["name"] for s in p["serving"]} for p in report["paragraphs"])
    # "Mölndal stad" and the absent "AF" are matched tolerantly: nobody is left over.
    assert report["warnings"] == []
    assert list((tmp_path / "data").iterdir()) == []  # the command never opened a database


def test_goteborg_serving_substitute():
    report = quorum(seed_file("001"),
                    "--members", "Göteborgs stad=2;Försäkringskassan=2;Arbetsförmedlingen=2;Västra Götalandsregionen=2")
    fk = next(a for a in seed("001")["attendees"] if a["role"] == "serving_substitute")
    for p in report["paragraphs"]:
        assert p["quorate"] and (p["serving_count"], p["seats"]) == (8, 8)
        assert {"name": fk["name"], "group": "Försäkringskassan", "replaces": fk["replaces"]} in p["serving"]
    assert report["warnings"] == []


def test_skaraborg_co_opted_never_count():
    # Assumption (see tests/rules/test_quorum.py): 4 seats, the municipalities' seat held in
    # rotation (Gullspång at this meeting); the 13 co-opted municipalities have no vote.
    order = "Gullspångs kommun;Skövde kommun;Lidköpings kommun;Mariestads kommun"
    report = quorum(seed_file("002"), "--members", FOUR_SEATS, "--order", order)
    co_opted = {a["name"] for a in seed("002")["attendees"] if a["role"] == "co_opted"}
    assert len(co_opted) == 13
    for p in report["paragraphs"]:
        assert p["quorate"] and (p["serving_count"], p["seats"], p["required"]) == (4, 4, 3)
        assert not co_opted & {s["name"] for s in p["serving"]}
    assert {(p["number"], p["sub"]) for p in report["paragraphs"]} >= {(5, "a"), (6, "k")}


def test_sjuharad_municipal_substitutes_by_population(tmp_path):
    doc = seed("004")
    report = quorum(write(tmp_path, doc), "--members", FOUR_SEATS, "--order", SJUHARAD_ORDER)
    assert all(p["quorate"] for p in report["paragraphs"])
    # Names come from the seed read at run time: the municipal member is Bollebygd's, the first substitute Borås's.
    member = next(a["name"] for a in doc["attendees"] if a["role"] == "member" and a.get("organisation") == "Bollebygds kommun")
    boras = next(a["name"] for a in doc["attendees"] if a["role"] == "substitute" and a.get("organisation") == "Borås Stad")
    assert {"name": member, "group": "Kommunerna", "replaces": None} in report["paragraphs"][0]["serving"]

    # Had Bollebygd's member been away, Borås's substitute serves before Ulricehamn's and Tranemo's.
    away = copy.deepcopy(doc)
    away["attendees"] = [a for a in away["attendees"] if a["name"] != member]
    away["absent"] = [{"name": member, "organisation": "Bollebygds kommun"}]
    first = quorum(write(tmp_path, away, "away.json"), "--members", FOUR_SEATS, "--order", SJUHARAD_ORDER)["paragraphs"][0]
    assert {"name": boras, "group": "Kommunerna", "replaces": member} in first["serving"]
    assert first["serving_count"] == 4


def test_tolerant_organisations_roles_and_time_estimates(tmp_path):
    members = "Försäkringskassan;Arbetsförmedlingen;Västra Götalandsregionen;Mölndals stad"
    report = quorum(write(tmp_path, small_protocol()), "--members", members)
    p1, p2, p3 = report["paragraphs"]
    # § 2 has no time: it inherits § 1's 09:00 and says so.
    assert (p2["time"], p2["time_estimated"]) == ("09:00", True)
    assert any("uppskattat" in r for r in p2["reasons"])
    assert p1["serving_count"] == p2["serving_count"] == 4  # Dan Öst serves for Gun Ros
    assert {"name": "Dan Öst", "group": "Mölndals stad", "replaces": "Gun Ros"} in p1["serving"]
    # At 10:15 AF's member has left: 3 of 4, quorate (needs 3). The co-opted never counts.
    assert (p3["serving_count"], p3["quorate"], p3["time_estimated"]) == (3, True, False)
    assert all(s["name"] not in {"Eva Al", "Fia Yt"} for p in report["paragraphs"] for s in p["serving"])


def test_paragraph_presence_and_all_groups_rule(tmp_path):
    doc = small_protocol()
    doc["attendees"][2]["present"] = [{"from_paragraph": 3}]  # VGR arrives for § 3
    out = io.StringIO()
    call_command("quorum", write(tmp_path, doc), "--members",
                 "Försäkringskassan;Arbetsförmedlingen;Västra Götalandsregionen;Mölndals stad",
                 "--require-all-groups", stdout=out)
    p1, _, p3 = json.loads(out.getvalue())["paragraphs"]
    assert p1["quorate"] is False and "Västra Götalandsregionen ej företrädd" in p1["reasons"]
    assert p3["quorate"] is False and "Arbetsförmedlingen ej företrädd" in p3["reasons"]


def test_serving_substitute_without_a_vacancy_is_explained(tmp_path):
    doc = small_protocol()
    doc["attendees"].append({"name": "Ivar Sten", "role": "serving_substitute", "organisation": "FK", "replaces": "Ada Ek"})
    p1 = quorum(write(tmp_path, doc), "--members", "FK;AF;VGR;Mölndal")["paragraphs"][0]
    assert "Ivar Sten" not in {s["name"] for s in p1["serving"]}  # Ada Ek is there herself
    assert "Ivar Sten anges som tjänstgörande ersättare men har ingen plats att fylla" in p1["reasons"]


def test_unmatched_voter_is_reported_not_counted(tmp_path):
    doc = small_protocol()
    doc["attendees"].append({"name": "Hans Ny", "role": "member", "organisation": "Ydre kommun"})
    report = quorum(write(tmp_path, doc), "--members", "FK;AF;VGR;Mölndal")
    assert any("Hans Ny (Ydre kommun)" in w for w in report["warnings"])
    assert report["paragraphs"][0]["serving_count"] == 4


def test_paragraph_without_any_time_at_all(tmp_path):
    doc = small_protocol(meeting={"date": "2024-05-14"})
    for p in doc["paragraphs"]:
        p.pop("time", None)
    doc["attendees"][1].pop("present")
    report = quorum(write(tmp_path, doc), "--members", "FK;AF;VGR;Mölndal")
    assert report["paragraphs"][0]["time"] is None
    assert any("kan inte uppskattas" in r for r in report["paragraphs"][0]["reasons"])


# ---- errors: Swedish message on stderr, exit 2, no traceback ------------------------------


def assert_clean_failure(result, *fragments):
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "CommandError" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def test_missing_file(tmp_path):
    assert_clean_failure(run(str(tmp_path / "finns-inte.json"), "--members", "FK"), "Filen finns inte")


def test_not_json(tmp_path):
    path = tmp_path / "trasig.json"
    path.write_text("{ inte json", "utf-8")
    assert_clean_failure(run(str(path), "--members", "FK"), "inte giltig JSON", "rad 1")


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d["attendees"][0].update(role="ordförande"), "attendees[0].role"),
        (lambda d: d.pop("meeting"), "'meeting'"),
        (lambda d: d["meeting"].update(date="2024-13-40"), "meeting.date"),
        (lambda d: d["attendees"][1]["present"][0].update({"from": "9.00"}), "attendees[1].present[0].from"),
        (lambda d: d["paragraphs"][0].update(number="1"), "paragraphs[0].number"),
        (lambda d: d["paragraphs"][2]["time"].update({"from": "25:00"}), "paragraphs[2].time.from"),
    ],
)
def test_schema_errors_name_the_field(tmp_path, change, field):
    doc = small_protocol()
    change(doc)
    assert_clean_failure(run(write(tmp_path, doc), "--members", "FK;AF"), field, "utbytesformatet")


@pytest.mark.parametrize(
    "members, fragment",
    [("", "--members"), ("FK;AF=0", "AF=0"), ("FK;=2", "Namn saknas"), ("FK;AF=två", "positivt heltal"),
     ("FK;Försäkringskassan", "mer än en gång")],
)
def test_malformed_members(tmp_path, members, fragment):
    assert_clean_failure(run(write(tmp_path, small_protocol()), "--members", members), fragment)


def test_file_argument_missing():
    assert_clean_failure(run("--members", "FK"), "Ange protokollfilen")


def test_members_option_missing(tmp_path):
    assert_clean_failure(run(write(tmp_path, small_protocol())), "Ange medlemmarna")


def test_call_command_exits_2_with_message_on_stderr(tmp_path):
    err = io.StringIO()
    with pytest.raises(SystemExit) as exc:
        call_command("quorum", str(tmp_path / "saknas.json"), "--members", "FK", stderr=err)
    assert exc.value.code == 2
    assert "Filen finns inte" in err.getvalue()
