"""Readers: every input file becomes `RawInput`s (one per article) or `Rejected`s with a reason.

Readers do I/O and container parsing only (gzip, WARC records, JSON Lines); decoding and
extraction happen in the processing function, in worker processes.
"""
from __future__ import annotations

import io
import json
import lzma
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import Errors, Rejected
from newsgraph.ingest.files import expand, read_bytes
from newsgraph.records import RawInput, Skipped

Item = RawInput | Rejected | Skipped


def read_inputs(paths: list[str], max_bytes: int, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every article in `paths` (files, folders, `-` for standard input), in a stable order."""
    for path, kind in expand(paths):
        if kind == "stdin":
            data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Rejected(Errors.E104, source="<stdin>", size=f"more than {max_bytes}", limit=max_bytes)
                continue
            if not data.strip():
                yield Rejected(Errors.E102, source="<stdin>")
                continue
            yield from read_payload("<stdin>", sniff(data), data, max_bytes)
            continue
        if kind == "missing":
            yield Rejected(Errors.E108, source=path)
            continue
        if kind == "skip":
            yield Skipped(source=path, reason="not a news input (.txt, .html, .warc, .jsonl)")
            continue
        if kind is None:
            yield Rejected(Errors.E106, source=path, suffix="." + path.rsplit(".", 1)[-1] if "." in path else "")
            continue
        if kind == "warc":
            yield from read_warc_file(path, max_bytes)
            continue
        try:
            data = read_bytes(path, max_bytes)
        except Rejected as rejected:
            yield rejected
            continue
        yield from read_payload(path, kind, data, max_bytes)


def sniff(data: bytes) -> str:
    """The kind of an unnamed input (standard input) from its first bytes."""
    head = data.lstrip()[:512]
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head[:1] == b"<" and (b"<html" in head.lower() or b"<!doctype" in head.lower() or b"<body" in head.lower()
                             or b"<p" in head.lower() or b"<div" in head.lower()):
        return "html"
    return "text"


def read_payload(source: str, kind: str, data: bytes, max_bytes: int) -> Iterator[Item]:
    if kind in ("text", "html"):
        yield RawInput(source=source, kind=kind, payload=data)
    elif kind == "warc":
        yield from read_warc(source, data, max_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(source, data)


def read_warc_file(path: str, max_bytes: int) -> Iterator[Item]:
    """A WARC file streamed record by record (a crawl file may be far larger than memory)."""
    if not Path(path).exists():
        yield Rejected(Errors.E108, source=path)
        return
    try:
        opener = lzma.open if path.lower().endswith(".xz") else open
        handle: BinaryIO = opener(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
    except OSError as error:
        yield Rejected(Errors.E101, source=path, detail=error.strerror or str(error))
        return
    with handle:
        yield from read_warc(path, handle, max_bytes)


def read_warc(source: str, stream: BinaryIO | bytes, max_bytes: int) -> Iterator[Item]:
    """One RawInput per WARC response record whose payload is HTML; other records are skipped.

    A truncated or corrupt file keeps the records read before the damage and is reported (E107).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = source
    count = 0
    if isinstance(stream, bytes):
        stream = io.BytesIO(stream)
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in content_type.lower():
                continue
            record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            body = record.content_stream().read(max_bytes + 1)
            count += 1
            if len(body) <= max_bytes and _cut_short(record):
                raise EOFError(f"record {record_id} ends before its declared length")
            if len(body) > max_bytes:
                yield Rejected(Errors.E104, source=f"warc:{name}#{record_id}", size=f"more than {max_bytes}", limit=max_bytes)
                continue
            if not body.strip():
                yield Rejected(Errors.E102, source=f"warc:{name}#{record_id}")
                continue
            yield RawInput(source=f"warc:{name}#{record_id}", kind="html", payload=body,
                           url=record.rec_headers.get_header("WARC-Target-URI"),
                           fetched=record.rec_headers.get_header("WARC-Date"))
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, lzma.LZMAError, zlib.error) as error:
        yield Rejected(Errors.E107, source=source, count=count, detail=str(error).splitlines()[0] if str(error) else type(error).__name__)


def read_jsonl(source: str, data: bytes) -> Iterator[Item]:
    """One RawInput per line with a `text` or `html` field; a bad line is rejected with its number."""
    text = data.decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}#{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejected(Errors.E201, source=where, line=number, detail=error.msg)
            continue
        if not isinstance(obj, dict):
            yield Rejected(Errors.E202, source=where, line=number)
            continue
        html, plain = obj.get("html"), obj.get("text")
        if isinstance(html, str) and html.strip():
            kind, payload = "html", html
        elif isinstance(plain, str) and plain.strip():
            kind, payload = "text", plain
        else:
            yield Rejected(Errors.E203, source=where, line=number)
            continue
        yield RawInput(source=where, kind=kind, payload=payload, url=_opt(obj, "url"),
                       published=_opt(obj, "published"), headline=_opt(obj, "headline"), site=_opt(obj, "site"))


def _opt(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) and value.strip() else None



def _cut_short(record: object) -> bool:
    """Whether a WARC record's stream ended before the length its header declares."""
    raw = getattr(record, "raw_stream", None)
    if raw is None or not hasattr(raw, "limit"):
        return False
    return bool(raw.limit > 0 and raw.read(1) == b"")
