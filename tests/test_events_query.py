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
    assert len([e for e in events(db, "--type", "ASSAULT", "--include-copies") if e["fatalities"] == 4]) == 2


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
