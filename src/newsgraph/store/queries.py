"""Read-only questions to a knowledge base: entities, their profiles, quotes.

Functions take the connection and return plain data; the CLI and the HTTP API format it.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.entities.store import export_entities
from newsgraph.store.findings import export_claims, export_quotes


def find_entities(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Entities whose canonical name or any surface form is `name` (case-insensitive), best first."""
    wanted = name.strip().lower()
    ids = [r[0] for r in conn.execute("SELECT id FROM entities WHERE lower(name) = ? ORDER BY ord", (wanted,))]
    ids += [r[0] for r in conn.execute(
        "SELECT DISTINCT l.entity FROM entity_mentions m JOIN entity_links l ON l.doc = m.doc AND l.local = m.local "
        "JOIN entities e ON e.id = l.entity WHERE lower(m.text) = ? AND m.kind = 'name' ORDER BY e.ord", (wanted,))
        if r[0] not in ids]
    if not ids:
        return []
    rows = {row["id"]: row for row in export_entities(conn) if row["id"] in ids}
    return [rows[i] for i in ids if i in rows]


def profile(conn: sqlite3.Connection, entity: dict[str, Any]) -> dict[str, Any]:
    """What the knowledge base knows of one entity: aliases, roles by report, the reports it appears
    in (with headline and date), and what it said."""
    docs: dict[str, dict[str, Any]] = {}
    for m in entity["mentions"]:
        docs.setdefault(m["doc"], {"doc": m["doc"], "mentions": 0})["mentions"] += 1
    for row in conn.execute(
            f"SELECT id, headline, published, source FROM documents WHERE id IN ({','.join('?' * len(docs))})",
            tuple(docs)):
        docs[row[0]].update(headline=row[1], published=row[2], source=row[3])
    said = [q for q in export_quotes(conn) if q["speaker"] == entity["id"]]
    return {**{k: entity[k] for k in ("id", "name", "type", "aliases", "roles", "geo", "public")},
            "documents": sorted(docs.values(), key=lambda d: (d.get("published") or "", d["doc"])),
            "quotes": said}


def quotes(conn: sqlite3.Connection, speaker: str | None = None, about: str | None = None) -> list[dict[str, Any]]:
    """Quotes, optionally by a speaker (a name or alias of the entity, or words of an unnamed source)
    and about a text (words that the quote contains)."""
    rows = list(export_quotes(conn))
    if speaker:
        ids = {e["id"] for e in find_entities(conn, speaker)}
        needle = speaker.lower()
        rows = [q for q in rows if q["speaker"] in ids or (q["speaker_name"] and needle in q["speaker_name"].lower())]
    if about:
        words = about.lower()
        rows = [q for q in rows if words in q["text"].lower()]
    return rows


def entities(conn: sqlite3.Connection, type_: str | None = None) -> list[dict[str, Any]]:
    rows = list(export_entities(conn))
    return [r for r in rows if type_ is None or r["type"] == type_.upper()]


def claims(conn: sqlite3.Connection, about: str | None = None, disputed: bool = False) -> list[dict[str, Any]]:
    """Claims, optionally about an entity (any of its names) and only those another claim disputes."""
    rows = list(export_claims(conn))
    if about:
        names = {about.lower()}
        for e in find_entities(conn, about):
            names |= {e["name"].lower(), *(a.lower() for a in e["aliases"])}
        rows = [c for c in rows if names & {a.lower() for a in c["about"]}]
    if disputed:
        rows = [c for c in rows if c["disputes"]]
    return rows
