"""Questions to a knowledge base: entity profiles, quotes, and the privacy rules around people."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import ingest_reports
from newsgraph.cli import main

pytestmark = pytest.mark.model

REPORTS = {
    "a.txt": ("Harbour minister visits flooded port\n\n"
              "Nigeria's ports minister Adaeze Okafor visited the port of Lagos on Tuesday and said the authority would "
              "repair the damaged quays before the rainy season.\n\n"
              "\"We will not leave the fishermen without a harbour,\" Okafor told reporters at the port.\n\n"
              "Police said John Miller, 34, a crane driver, was injured when a crane collapsed during the storm.\n"),
    "c.txt": ("Lagos port says it owes nothing to builders\n\n"
              "The Lagos port authority said on Wednesday that it had paid every contractor for the work on the "
              "quays.\n\n"
              "\"The Lagos port authority has no debts to any builder,\" spokesman Femi Adeyemi told reporters.\n\n"
              "\n\n  1. The Lagos port authority has debts to many builders, everyone in the trade knows it.\n\n"
              "  2. Good news for the fishermen at last.\n"),
    "b.txt": ("Port repairs begin in Lagos\n\n"
              "Repairs to the quays of the port of Lagos began on Monday, the harbour authority said.\n\n"
              "Minister Adaeze Okafor said the work would take four months and cost about 2 billion naira.\n"),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingest_reports(tmp_path_factory.mktemp("reports"), REPORTS)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_entity_profile_of_a_public_actor(db):
    result = run("entity", "Okafor", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    profile = json.loads(result.stdout)
    assert profile["name"] == "Adaeze Okafor" and profile["type"] == "PERSON"
    assert {"Adaeze Okafor", "Okafor"} <= set(profile["aliases"])
    assert len(profile["documents"]) == 2
    assert any("fishermen" in q["text"] for q in profile["quotes"])
    assert any("minister" in r["role"].lower() for r in profile["roles"])


def test_a_private_person_is_not_profiled_by_default(db):
    result = run("entity", "John Miller", "--db", db)
    assert result.exit_code == 1 and "does not profile" in result.output + result.stderr
    assert run("entity", "John Miller", "--db", db, "--include-private").exit_code == 0


def test_unknown_entity(db):
    result = run("entity", "Nobody Atall", "--db", db)
    assert result.exit_code == 1 and "no entity" in result.stderr


def test_quotes_by_speaker_and_about(db):
    rows = json.loads(run("quotes", "--speaker", "Okafor", "--db", db, "--json").stdout)
    assert rows and all(q["speaker_name"] == "Adaeze Okafor" for q in rows)
    rows = json.loads(run("quotes", "--about", "four months", "--db", db, "--json").stdout)
    assert len(rows) == 1 and rows[0]["speaker_name"] == "Adaeze Okafor"
    assert run("quotes", "--db", db).exit_code == 0


def test_entities_table_hides_private_names(db):
    result = run("entities", "--db", db)
    assert result.exit_code == 0 and "Adaeze Okafor" in result.stdout and "John Miller" not in result.stdout


def test_redacted_export_keeps_offsets_and_hides_private_names(db, tmp_path):
    out = tmp_path / "out"
    assert run("export", str(out), "--db", db, "--redact-private").exit_code == 0
    text = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.jsonl"))
    assert "Miller" not in text and "Adaeze Okafor" in text
    docs = {d["id"]: d for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    for kind in ("entities",):
        for row in map(json.loads, (out / f"{kind}.jsonl").read_text().splitlines()):
            for m in row["mentions"]:
                assert docs[m["doc"]]["body"][m["start"]:m["end"]] == m["text"]
    for q in map(json.loads, (out / "quotes.jsonl").read_text().splitlines()):
        assert docs[q["doc"]]["body"][q["start"]:q["end"]] == q["text"]


def test_claims_and_the_disputes_between_a_report_and_a_reader(db):
    rows = json.loads(run("claims", "--disputed", "--db", db, "--json").stdout)
    readers = [c for c in rows if c["from_comment"]]
    assert readers and all(c["attributed_to"] is None and c["start"] is None for c in readers)
    spokesman = [c for c in rows if not c["from_comment"]]
    assert spokesman and spokesman[0]["attributed_to"] == "Femi Adeyemi" and spokesman[0]["stance"] == "denies"
    assert readers[0]["id"] in spokesman[0]["disputes"]
    about = json.loads(run("claims", "--about", "Lagos", "--db", db, "--json").stdout)
    assert any(c["from_comment"] for c in about)
    assert run("claims", "--db", db).exit_code == 0
