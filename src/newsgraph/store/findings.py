"""Findings in the knowledge base beside the entities: quotes now; events and claims later."""
from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from typing import Any

from newsgraph.records import Analysis, Article


def finding_id(prefix: str, doc: str, *parts: object) -> str:
    """A stable id for a finding: the same document and span always give the same id."""
    key = "\0".join([doc, *map(str, parts)])
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def save_quotes(conn: sqlite3.Connection, article: Article, analysis: Analysis) -> None:
    """Insert this document's quotes (inside the caller's transaction)."""
    conn.executemany(
        'INSERT OR IGNORE INTO quotes (id, doc, kind, text, start, "end", speaker_name, speaker_start, speaker_end, '
        "cue, via, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(finding_id("q", article.id, q.start, q.end, q.kind), article.id, q.kind, q.text, q.start, q.end,
          q.speaker_name, q.speaker_start, q.speaker_end, q.cue, q.via, q.confidence) for q in analysis.quotes])


def export_quotes(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The rows of quotes.jsonl. A speaker is linked to its entity through the mention the name was
    read from, or through a same-named entity of that report; then its name is the entity's."""
    by_name: dict[tuple[str, str], tuple[str, str]] = {}
    spans_by_doc: dict[str, list[tuple[int, int, str, str, str]]] = {}
    for r in conn.execute(
            'SELECT m.doc, m.start, m."end", e.id, e.name, de.name FROM entity_mentions m '
            "JOIN entity_links l ON l.doc = m.doc AND l.local = m.local JOIN entities e ON e.id = l.entity "
            "JOIN doc_entities de ON de.doc = m.doc AND de.local = m.local"):
        spans_by_doc.setdefault(r[0], []).append((r[1], r[2], r[3], r[4], r[5].lower()))
        by_name[(r[0], r[5].lower())] = (r[3], r[4])
    for r in conn.execute(
            'SELECT q.id, q.doc, q.kind, q.text, q.start, q."end", q.speaker_name, q.speaker_start, q.speaker_end, '
            "q.cue, q.via, q.confidence FROM quotes q JOIN documents d ON d.id = q.doc ORDER BY d.seq, q.start"):
        speaker, name = None, r[6]
        if r[6] is not None:
            link = None
            if r[7] is not None:
                # the entity named at the speaker's mention: the same referent, not a place inside
                # an unnamed source ('officials in Kashgar' is not Kashgar)
                width = r[8] - r[7]
                link = next(((eid, n) for s, e, eid, n, local in spans_by_doc.get(r[1], [])
                             if s < r[8] and r[7] < e and (local == r[6].lower() or (e - s) >= 0.6 * width)), None)
            link = link or by_name.get((r[1], r[6].lower()))
            if link is not None:
                speaker, name = link
        yield {"id": r[0], "doc": r[1], "kind": r[2], "text": r[3], "start": r[4], "end": r[5], "speaker": speaker,
               "speaker_name": name, "cue": r[9], "via": r[10], "confidence": r[11]}
