"""The command line: exit codes, export formats, the documents table."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import EXAMPLES, needs_shared, report
from newsgraph.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(report(), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    db = str(tmp_path / "kb.db")
    code, _, err = run("ingest", str(good), "--db", db, "-q", "--workers", "1")
    assert code == 0 and "ingested 1" in err
    code, _, err = run("ingest", str(good), str(empty), "--db", db, "-q", "--workers", "1")
    assert code == 1
    assert f"{empty}: E102 the file is empty" in err.splitlines()
    assert "already stored 1" in err
    code, _, err = run("ingest", "--db", db)
    assert code == 2
    code, _, err = run("export", str(tmp_path / "out"), "--format", "xml", "--db", db)
    assert code == 2


def test_export_without_a_knowledge_base_is_a_usage_error(tmp_path):
    code, _, err = run("export", str(tmp_path / "out"), "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no knowledge base" in err


def test_not_a_knowledge_base(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("hello", encoding="utf-8")
    code, _, err = run("documents", "--db", str(bogus))
    assert code == 1 and "E404" in err


def test_examples_end_to_end_in_every_format(tmp_path):
    db = str(tmp_path / "kb.db")
    code, _, err = run("ingest", str(EXAMPLES), "--db", db, "-q", "--workers", "1")
    assert code == 0, err
    assert "skipped 1 files that are not news inputs" in err  # examples/README.md
    for fmt in ("jsonl", "csv", "parquet"):
        code, _, err = run("export", str(tmp_path / fmt), "--format", fmt, "--db", db)
        assert code == 0, err
    docs = [json.loads(line) for line in (tmp_path / "jsonl" / "documents.jsonl").read_text().splitlines()]
    for kind in ("entities", "quotes", "timexes", "events", "claims"):
        assert (tmp_path / "jsonl" / f"{kind}.jsonl").exists()
    by_name = {Path(d["source"].split("#")[0]).name + ("#" + d["source"].split("#")[1] if "#" in d["source"] else ""): d
               for d in docs}
    assert by_name["border-crossing-syndicated.txt"]["duplicate_of"] == by_name["border-crossing-reopens.txt"]["id"]
    stamped = by_name["border-crossing-reopens.txt"]
    assert stamped["published"] is None and stamped["page_timestamp"].startswith("2022-02-07")
    assert not any("Homepage" in line for line in stamped["body"].splitlines())
    assert by_name["port-inspections.txt"]["published"] == "2021-11-04"
    assert by_name["ministry-responds.txt"]["dateline"] == "DHAKA"
    assert len(by_name["ministry-responds.txt"]["comments"]) == 3
    assert by_name["harbour-dredging.html"]["comments"] == [
        "About time. The queues outside the harbour are a disgrace.",
        "What happens to the fishermen who use the channel every morning?"]
    assert "whatever the ministry says" not in by_name["ministry-responds.txt"]["body"]
    assert by_name["wire.jsonl#2"]["published"] == "2020-06-19"
    with open(tmp_path / "csv" / "documents.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(docs) and json.loads(rows[0]["authors"]) == docs[0]["authors"]
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "parquet" / "documents.parquet")
    assert table.num_rows == len(docs)
    events = (tmp_path / "jsonl" / "events.jsonl").read_text().splitlines()
    assert pq.read_table(tmp_path / "parquet" / "events.parquet").num_rows == len(events)
    tools = needs_shared("tools")
    check = subprocess.run([sys.executable, str(tools / "check_export.py"), str(tmp_path / "jsonl")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_documents_table_and_search(tmp_path):
    db = str(tmp_path / "kb.db")
    run("ingest", str(EXAMPLES), "--db", db, "-q", "--workers", "1")
    code, out, _ = run("documents", "--db", db)
    assert code == 0 and "Chaman" in out and "documents in" in out
    code, out, _ = run("documents", "--db", db, "--search", "dredging")
    assert code == 0 and "Mombasa" in out and "Chaman" not in out
