"""Exports of a knowledge base: JSON Lines per the export contract, CSV and Parquet with the same rows.

Each file is written to a temporary name and renamed when complete, so an interrupted export never
leaves a half-written file under the contract's name.
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import Errors, NewsgraphError

if TYPE_CHECKING:
    from newsgraph.store.kb import KnowledgeBase

KINDS = ("documents", "entities", "quotes", "timexes", "events", "claims")
# the contract's fields, in order, for formats that need columns (CSV, Parquet)
COLUMNS = {
    "documents": ("id", "source", "url", "site", "authors", "language", "headline", "published", "page_timestamp",
                  "dateline", "body", "comments", "boilerplate", "duplicate_of", "flags"),
    "entities": ("id", "name", "type", "aliases", "roles", "geo", "mentions", "public"),
    "quotes": ("id", "doc", "kind", "text", "start", "end", "speaker", "speaker_name", "cue", "via", "confidence"),
    "timexes": ("doc", "text", "start", "end", "value", "type", "anchor", "mod"),
    "events": ("id", "type", "mode", "modality", "actor", "target", "location", "when", "fatalities",
               "fatalities_flag", "quantities", "attributed_to", "confidence", "sources"),
    "claims": ("id", "doc", "text", "start", "end", "attributed_to", "stance", "about", "when", "from_comment",
               "disputes"),
}
# columns whose values are objects or lists of objects: JSON text in Parquet
OBJECT_COLUMNS = {"geo", "location", "quantities", "mentions", "roles", "sources"}


def rows(kb: KnowledgeBase, kind: str) -> Iterator[dict[str, Any]]:
    """The export records of one kind, as plain dicts."""
    if kind == "documents":
        for article in kb.iter_documents():
            yield {name: list(v) if isinstance(v := getattr(article, name), tuple) else v for name in COLUMNS["documents"]}
    elif kind == "timexes":
        for row in kb.conn.execute(
                'SELECT t.doc, t.text, t.start, t."end", t.value, t.type, t.anchor, t.mod FROM timexes t '
                'JOIN documents d ON d.id = t.doc ORDER BY d.seq, t.start'):
            yield dict(zip(COLUMNS["timexes"], tuple(row), strict=True))
    elif kind == "entities":
        from newsgraph.entities.store import export_entities

        yield from export_entities(kb.conn)
    elif kind == "quotes":
        from newsgraph.store.findings import export_quotes

        yield from export_quotes(kb.conn)
    elif kind == "claims":
        from newsgraph.store.findings import export_claims

        yield from export_claims(kb.conn)
    elif kind == "events":
        from newsgraph.store.findings import export_events

        yield from export_events(kb.conn)


def export(kb: KnowledgeBase, outdir: Path, fmt: str, redact_private: bool = False) -> dict[str, int]:
    """Write every kind of record to `outdir` in `fmt`; with `redact_private`, the names of people
    who are not public actors are replaced (see newsgraph.store.redact)."""
    from newsgraph.store.redact import Redactor, redact

    writers = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}
    if fmt not in writers:
        raise NewsgraphError(Errors.E402, fmt=fmt)
    outdir.mkdir(parents=True, exist_ok=True)
    redactor = Redactor(kb.conn) if redact_private else None
    counts = {}
    for kind in KINDS:  # documents first: the redactor learns the redacted bodies from them
        target = outdir / f"{kind}.{fmt}"
        temporary = target.with_name(f".{target.name}.partial")
        records = rows(kb, kind)
        if redactor is not None:
            records = redact(kind, records, redactor)
        counts[kind] = writers[fmt](records, kind, temporary)
        os.replace(temporary, target)
    return counts


def _write_jsonl(records: Iterator[dict[str, Any]], kind: str, path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(records: Iterator[dict[str, Any]], kind: str, path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS[kind])
        for record in records:
            writer.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for v in (record.get(c) for c in COLUMNS[kind])])
            count += 1
    return count


def _write_parquet(records: Iterator[dict[str, Any]], kind: str, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise NewsgraphError(Errors.E403) from None
    # objects (geo, location, quantities, mentions, roles, sources) have keys that vary from row to
    # row: Parquet holds them as JSON text; lists of strings stay lists
    batch = [{c: json.dumps(record.get(c), ensure_ascii=False) if c in OBJECT_COLUMNS else record.get(c)
              for c in COLUMNS[kind]} for record in records]
    if batch:
        table = pa.Table.from_pylist(batch)
    else:
        table = pa.table({c: pa.array([], type=pa.string()) for c in COLUMNS[kind]})
    pq.write_table(table, path)
    return len(batch)
