"""`newsgraph events` and `KnowledgeBase.events`: a timeline of events, filtered, without the copies of
a syndicated report, and refusing malformed dates."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import ingest_reports
from newsgraph.cli import main

pytestmark = pytest.mark.model

ATTACK = ("Gunmen attack a bus depot in Lagos\n\n"
          "LAGOS, March 2, 2021 - Gunmen opened fire on a bus depot in Lagos on Tuesday, killing four drivers, "
          "police said. The attackers fled on motorcycles before officers arrived at the scene near the lagoon.\n\n"
          "Residents said the depot had been threatened by a gang for weeks and that shops nearby stayed shut for "
          "the rest of the day.\n")
REPORTS = {
    "attack.txt": ATTACK,
    # a syndicated copy of the same report, with another headline
    "copy.txt": ATTACK.replace("Gunmen attack a bus depot in Lagos", "Four drivers killed in Lagos depot shooting"),
    "arrests.txt": ("Police arrest suspects after depot shooting\n\n"
                    "LAGOS, March 4, 2021 - Nigerian police arrested six men in Ikorodu on Thursday over the attack "
                    "on the bus depot, a police spokesman said.\n\n"
                    "The state governor pledged to deploy more police officers to bus stations across the city.\n"),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingest_reports(tmp_path_factory.mktemp("events"), REPORTS)


def events(db: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["events", "--db", db, "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_timeline_of_one_corpus(db):
    rows = events(db)
    types = [e["type"] for e in rows]
    assert "ASSAULT" in types and "COERCE" in types
    dated = [e["when"] for e in rows if e["when"] and e["when"][:4].isdigit()]
    assert dated == sorted(dated)
    # undated events come after the dated ones
    firsts = [bool(e["when"] and e["when"][:4].isdigit()) for e in rows]
    assert firsts == sorted(firsts, reverse=True)


def test_a_syndicated_copy_is_no_second_source(db):
    shootings = [e for e in events(db, "--type", "assault") if e["fatalities"] == 4]
    assert len(shootings) == 1
    assert shootings[0]["when"] == "2021-03-02" and shootings[0]["actor"] == ["Gunmen"]
    # with the copies, still one event: the copy's sentence is one more source of it
    with_copies = [e for e in events(db, "--type", "ASSAULT", "--include-copies") if e["fatalities"] == 4]
    assert len(with_copies) == 1 and len({s["doc"] for s in with_copies[0]["sources"]}) == 2
    assert len({s["doc"] for s in shootings[0]["sources"]}) == 1


BOMBING = {
    "first.txt": ("Suicide bomber kills 12 at Mogadishu market\n\n"
                  "MOGADISHU, May 12, 2014 - A suicide bomber killed 12 people at a crowded vegetable market in "
                  "Mogadishu on Monday, police said.\n\n"
                  "Hospitals in the city appealed for blood donors as ambulances ferried the wounded away.\n"),
    "second.txt": ("Twelve dead as blast rips through Mogadishu bazaar\n\nBy a staff reporter\n\nMay 13, 2014\n\n"
                   "Twelve people were killed on Monday when a suicide bomber blew himself up at a vegetable market "
                   "in Mogadishu, officials said.\n\n"
                   "The city government announced compensation for the families of the dead.\n"),
    "third.txt": ("Police detain three over Mogadishu market bombing\n\n"
                  "MOGADISHU, May 15, 2014 - Police detained three men on Wednesday in connection with Monday's "
                  "suicide bombing at a market in Mogadishu that killed 14 people.\n"),
    "other.txt": ("Gunmen kill two shopkeepers in Nairobi\n\n"
                  "NAIROBI, May 12, 2014 - Gunmen shot dead two shopkeepers in Nairobi on Monday, police said.\n"),
}


@pytest.fixture(scope="module")
def bombing_db(tmp_path_factory):
    return ingest_reports(tmp_path_factory.mktemp("bombing"), BOMBING)


def test_one_event_told_by_three_reports_is_one_line(bombing_db, tmp_path):
    assaults = events(bombing_db, "--type", "ASSAULT", "--since", "2014-05-12", "--until", "2014-05-12")
    bombing = [e for e in assaults if "Mogadishu" in ((e["location"] or {}).get("name") or "")]
    assert len(bombing) == 1, bombing
    assert len({s["doc"] for s in bombing[0]["sources"]}) == 3
    assert bombing[0]["fatalities"] == 14  # the latest report's toll; each source keeps its own
    assert sorted(s["fatalities"] for s in bombing[0]["sources"]) == [12, 12, 14]
    assert bombing[0]["attributed_to"] is not None  # two reports give it on a source's word
    shooting = [e for e in assaults if e not in bombing]
    assert shooting and all(len({s["doc"] for s in e["sources"]}) == 1 for e in shooting)
    assert shooting[0]["target"] == ["two shopkeepers"]  # 'shot dead' is the verb's, not the victims'
    # the export has the same one line per event, and still keeps the contract
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["export", "--format", "jsonl", str(out), "--db", bombing_db]).exit_code == 0
    exported = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(1 for e in exported if e["id"] == bombing[0]["id"]) == 1
    bodies = {d["id"]: d["body"] for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    assert all(bodies[s["doc"]][s["start"]:s["end"]] == s["text"] for e in exported for s in e["sources"])
    assert all(s["event"] for e in exported for s in e["sources"])  # each report's own reading, by id


def test_an_earlier_event_named_as_a_cause_keeps_no_later_date(db):
    """'arrested six men on Thursday over the attack': Thursday is the arrests' date, not the attack's."""
    arrests = [e for e in events(db, "--type", "COERCE") if "six men" in e["target"]]
    assert arrests and arrests[0]["when"] == "2021-03-04"
    mention = [e for e in events(db, "--type", "ASSAULT") if e["fatalities"] is None]
    assert all(e["when"] != "2021-03-04" for e in mention)


def test_filters(db):
    arrests = events(db, "--type", "COERCE")
    assert arrests and all(e["type"] == "COERCE" for e in arrests)
    assert all(e["when"].startswith("2021-03") for e in events(db, "--since", "2021-03", "--until", "2021-03-31"))
    assert events(db, "--since", "2022") == []
    pledged = events(db, "--modality", "future")
    assert pledged and all(e["modality"] == "future" for e in pledged)
    assert all(e["confidence"] >= 0.9 for e in events(db, "--min-confidence", "0.9"))
    assert all(any("gunm" in n.lower() for n in e["actor"] + e["target"]) for e in events(db, "--actor", "gunmen"))
    assert events(db, "--actor", "gunmen")


def test_bad_dates_and_types_are_usage_errors(db):
    for args in (["--since", "March 2021"], ["--until", "2021-3"], ["--type", "RIOT"]):
        result = CliRunner().invoke(main, ["events", "--db", db, *args])
        assert result.exit_code == 2, (args, result.output)


def test_python_api(db):
    import newsgraph

    with newsgraph.open(db) as kb:
        rows = kb.events(type_="COERCE", modality="asserted", since="2021-03-04", until="2021-03-04")
    assert rows and rows[0]["sources"][0]["text"].startswith("Nigerian police arrested")


def test_a_knowledge_base_from_before_merging_still_exports_merged_events(bombing_db, tmp_path):
    import shutil
    import sqlite3

    old = str(tmp_path / "old.db")
    shutil.copy(bombing_db, old)
    with sqlite3.connect(old) as conn:
        conn.execute("DELETE FROM event_groups")  # as migration 6 leaves it before the next ingest
    merged = [e for e in events(old, "--type", "ASSAULT") if len({s["doc"] for s in e["sources"]}) == 3]
    assert len(merged) == 1
