"""Read-only questions to a knowledge base: entities, their profiles, quotes.

Functions take the connection and return plain data; the CLI and the HTTP API format it.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.entities.store import export_entities
from newsgraph.store.findings import export_claims, export_events, export_quotes


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
        names = _names(conn, about)
        rows = [c for c in rows if names & {a.lower() for a in c["about"]}]
    if disputed:
        rows = [c for c in rows if c["disputes"]]
    return rows


def _names(conn: sqlite3.Connection, name: str) -> set[str]:
    """A name and every name of the entities it denotes, lower-cased."""
    names = {name.lower()}
    for e in find_entities(conn, name):
        names |= {e["name"].lower(), *(a.lower() for a in e["aliases"])}
    return names


def events(conn: sqlite3.Connection, type_: str | None = None, actor: str | None = None, place: str | None = None,
           since: str | None = None, until: str | None = None, modality: str | None = None,
           min_confidence: float = 0.0, include_copies: bool = False) -> list[dict[str, Any]]:
    """Events on a timeline (dated ones by date, undated ones last), optionally of one type, with an
    actor or target among an entity's names, at a place, between two dates (YYYY, YYYY-MM or
    YYYY-MM-DD: an event whose date the report does not give is left out then, never guessed), of
    one modality, from a confidence up. An event told by several reports is one row with a source
    from each. The sentences of near-duplicate copies are left out unless asked for, and so are
    events only a copy tells: a syndicated copy is no second source."""
    rows = list(export_events(conn))
    if not include_copies:
        copies = {r[0] for r in conn.execute("SELECT id FROM documents WHERE duplicate_of IS NOT NULL")}
        rows = [{**e, "sources": [s for s in e["sources"] if s["doc"] not in copies]} for e in rows]
        rows = [e for e in rows if e["sources"]]
    if type_:
        rows = [e for e in rows if e["type"] == type_.upper()]
    if modality:
        rows = [e for e in rows if e["modality"] == modality]
    rows = [e for e in rows if e["confidence"] >= min_confidence]
    if actor:
        names = _names(conn, actor)
        rows = [e for e in rows if names & {n.lower() for n in (*e["actor"], *e["target"])}
                or any(actor.lower() in n.lower() for n in (*e["actor"], *e["target"]))]
    if place:
        names = _names(conn, place)
        rows = [e for e in rows if e["location"] and (e["location"].get("name") or "").lower() in names]
    if since or until:
        lo, hi = since or "0000", until or "9999"
        rows = [e for e in rows if e["when"] and e["when"][:4].isdigit()
                and lo <= e["when"][:len(lo)] and e["when"][:len(hi)] <= hi]
    return sorted(rows, key=lambda e: (e["when"] is None or not e["when"][:4].isdigit(), e["when"] or "", -e["confidence"]))
