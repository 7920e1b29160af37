"""Ingest from every kind of input, ids, incremental re-runs, near-duplicates, one-line rejections."""
from __future__ import annotations

import gzip
import io
import json
import lzma
from pathlib import Path

from conftest import report
from newsgraph.pipeline import content_id
from newsgraph.records import RawInput


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_text_file_is_ingested_with_stable_id(kb, tmp_path):
    f = write(tmp_path / "in" / "a.txt", report())
    first = kb.ingest([str(f)], isolate=False)
    assert first.ok and len(first.ingested) == 1
    again = kb.ingest([str(f)], isolate=False)
    assert again.ingested == [] and again.duplicates == [str(f)]
    assert kb.count() == 1
    doc = kb.documents()[0]
    assert doc.id == content_id(RawInput(source="elsewhere", kind="text", payload=report().encode()))
    assert "night inspections" in doc.body
    assert doc.language == "en"


def test_folders_are_read_recursively_and_compressed_files_too(kb, tmp_path):
    write(tmp_path / "in" / "a.txt", report(1))
    write(tmp_path / "in" / "sub" / "b.txt.gz", gzip.compress(report(2).encode()))
    write(tmp_path / "in" / "sub" / "c.txt.xz", lzma.compress(report(3).encode()))
    html = f"<html><head><title>Port</title></head><body><article><h1>Port</h1><p>{report(4)}</p></article></body></html>"
    write(tmp_path / "in" / "d.html.gz", gzip.compress(html.encode()))
    write(tmp_path / "in" / ".hidden" / "e.txt", report(5))
    result = kb.ingest([str(tmp_path / "in")], isolate=False)
    assert [r.line() for r in result.rejected] == []
    assert len(result.ingested) == 4
    assert {Path(d.source).name for d in kb.documents()} == {"a.txt", "b.txt.gz", "c.txt.xz", "d.html.gz"}


def test_encodings_are_detected(kb, tmp_path):
    text = report().replace("harbour authority", "harbour authority of Saint-Étienne-du-Rhône")
    write(tmp_path / "latin1.txt", text.encode("cp1252"))
    write(tmp_path / "utf16.txt", text.replace("river", "riverside").encode("utf-16"))
    result = kb.ingest([str(tmp_path / "latin1.txt"), str(tmp_path / "utf16.txt")], isolate=False)
    assert result.ok, [r.line() for r in result.rejected]
    assert all("Saint-Étienne-du-Rhône" in d.body for d in kb.documents())


def test_invalid_utf8_is_ingested_without_crashing(kb, tmp_path):
    data = report().encode() + b"\n\nA last line with a bad byte \xff\xfe here and \xc3 there.\n"
    write(tmp_path / "bad.txt", data)
    result = kb.ingest([str(tmp_path / "bad.txt")], isolate=False)
    assert result.ok and kb.count() == 1


def test_jsonl_lines_are_articles_and_bad_lines_are_named(kb, tmp_path):
    lines = [
        json.dumps({"text": report(1), "url": "https://example.org/a", "published": "2019-05-02T10:00:00Z",
                    "headline": "Given headline"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"html": f"<html><body><article><p>{report(2)}</p></article></body></html>"}),
    ]
    f = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    result = kb.ingest([str(f)], isolate=False)
    assert len(result.ingested) == 2
    reasons = sorted(r.line() for r in result.rejected)
    assert [r.split(": ", 1)[0] for r in reasons] == [f"{f}#2", f"{f}#3", f"{f}#4"]
    assert any("E201" in r and "line 2" in r for r in reasons)
    first = kb.documents()[0]
    assert (first.url, first.published, first.headline) == ("https://example.org/a", "2019-05-02", "Given headline")


def _warc_record(uri: str, html: str, record_id: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers,
                                       warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:{record_id}>",
                                                          "WARC-Date": "2021-04-05T06:07:08Z"})
    writer.write_record(record)
    return buffer.getvalue()


def _page(n: int) -> str:
    return f"<html><head><title>Report {n}</title></head><body><article><p>{report(n)}</p></article></body></html>"


def test_warc_response_records_are_articles(kb, tmp_path):
    data = b"".join(_warc_record(f"https://example.org/{n}", _page(n), f"0000000{n}-aaaa") for n in (1, 2))
    f = write(tmp_path / "crawl.warc.gz", data)
    result = kb.ingest([str(f)], isolate=False)
    assert result.ok, [r.line() for r in result.rejected]
    docs = kb.documents()
    assert [d.source for d in docs] == [f"warc:{f}#urn:uuid:00000001-aaaa", f"warc:{f}#urn:uuid:00000002-aaaa"]
    assert docs[0].url == "https://example.org/1"
    assert docs[0].page_timestamp == "2021-04-05T06:07:08Z" and docs[0].published is None


def test_truncated_warc_keeps_what_came_before(kb, tmp_path):
    good = _warc_record("https://example.org/1", _page(1), "00000001-bbbb")
    bad = _warc_record("https://example.org/2", _page(2), "00000002-bbbb")
    f = write(tmp_path / "cut.warc.gz", good + bad[: len(bad) // 2])
    result = kb.ingest([str(f)], isolate=False)
    assert kb.count() == 1
    assert len(result.rejected) == 1 and result.rejected[0].code == "E107"
    assert result.rejected[0].line().startswith(str(f))


def test_standard_input(kb, tmp_path):
    result = kb.ingest(["-"], isolate=False, stdin=io.BytesIO(report(7).encode()))
    assert result.ok and kb.documents()[0].source == "<stdin>"


def test_near_duplicate_is_marked(kb, tmp_path):
    original = report() + "\nThe authority said the rules follow a review that lasted most of the year.\n"
    copy = original.replace("Harbour authority expands night inspections at the river port",
                            "Port to step up checks at night").replace("told reporters", "said")
    write(tmp_path / "a.txt", original)
    write(tmp_path / "b.txt", copy)
    write(tmp_path / "c.txt", "A completely different report about a school football final that went to penalties, "
                             "with the home side winning after a long afternoon in the rain. " * 3)
    result = kb.ingest([str(tmp_path)], isolate=False)
    docs = {Path(d.source).name: d for d in kb.documents()}
    assert docs["b.txt"].duplicate_of == docs["a.txt"].id
    assert docs["a.txt"].duplicate_of is None and docs["c.txt"].duplicate_of is None
    assert result.near_duplicates == [(docs["b.txt"].id, docs["a.txt"].id)]


def test_near_duplicates_are_found_across_runs(kb, tmp_path):
    original = report() + "\nThe authority said the rules follow a review that lasted most of the year.\n"
    write(tmp_path / "1" / "a.txt", original)
    kb.ingest([str(tmp_path / "1")], isolate=False)
    write(tmp_path / "2" / "b.txt", original.replace("Monday", "Tuesday"))
    result = kb.ingest([str(tmp_path / "2")], isolate=False)
    assert len(result.near_duplicates) == 1


def test_other_language_is_stored_and_flagged_not_analysed(kb, tmp_path):
    german = ("Die Hafenbehörde hat am Montag angekündigt, die Zahl der nächtlichen Kontrollen von Frachtschiffen "
              "zu verdoppeln, nachdem der Zoll auf zwei Lastkähnen nicht angemeldeten Treibstoff gefunden hatte.\n\n"
              "Reedereien sagten, die Änderung könne Lieferungen verzögern.")
    write(tmp_path / "de.txt", german)
    result = kb.ingest([str(tmp_path / "de.txt")], isolate=False)
    assert result.ok
    doc = kb.documents()[0]
    assert doc.language == "de" and doc.flags == ("not-analysed:de",)
    assert "nächtlichen Kontrollen" in doc.body


def test_a_short_english_brief_is_english_and_pidgin_stays_pidgin():
    from newsgraph.article.language import detect_language

    assert detect_language("Gunmen shot dead two shopkeepers in a market town on Monday, police said.") == "en"
    assert detect_language("Di goment say dem go build new road for di village, but di pipo no dey happy as dem "
                           "never see any work since last year.") == "pcm"
