"""Entities in the knowledge base: per-document rows, cross-document resolution, the export.

Wiring: append `ENTITIES_MIGRATION` to `newsgraph.store.schema.MIGRATIONS`; call
`save_entities(conn, article, analysis)` inside the store's transaction; call `resolve(conn)` after
an ingest batch; `export_entities(conn)` yields the rows of entities.jsonl.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from newsgraph.records import Analysis, Article

ENTITIES_MIGRATION = """
CREATE TABLE doc_entities (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    key TEXT,
    geo TEXT,
    public INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (doc, local)
);
CREATE TABLE entity_mentions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'name',
    PRIMARY KEY (doc, local, start, "end")
);
CREATE TABLE entity_roles (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local TEXT NOT NULL,
    role TEXT NOT NULL,
    as_of TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX entity_roles_doc ON entity_roles(doc, local);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    geo TEXT,
    public INTEGER NOT NULL DEFAULT 1,
    ord INTEGER NOT NULL
);
CREATE TABLE entity_links (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local TEXT NOT NULL,
    entity TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (doc, local)
);
CREATE INDEX entity_links_entity ON entity_links(entity);
"""

TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")


def save_entities(conn: sqlite3.Connection, article: Article, analysis: Analysis) -> None:
    """Insert this document's entities, mentions and roles (inside the caller's transaction)."""
    doc = article.id
    for e in analysis.entities:
        geo = None
        if e.place is not None:
            p = e.place
            geo = json.dumps({"lat": p.lat, "lon": p.lon, "country": p.country, "geonameid": p.geonameid,
                              "precision": p.precision, "key": p.key, "name": p.name})
        conn.execute("INSERT OR REPLACE INTO doc_entities (doc, local, name, type, key, geo, public) VALUES (?,?,?,?,?,?,?)",
                     (doc, e.local_id, e.name, e.type, e.key, geo, int(e.public)))
        conn.executemany('INSERT OR IGNORE INTO entity_mentions (doc, local, start, "end", text, kind) VALUES (?,?,?,?,?,?)',
                         [(doc, e.local_id, m.start, m.end, m.text, m.kind) for m in e.mentions])
        conn.executemany('INSERT INTO entity_roles (doc, local, role, as_of, start, "end") VALUES (?,?,?,?,?,?)',
                         [(doc, e.local_id, r.role, r.as_of, r.start, r.end) for r in e.roles])


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text.lower())


def _role_words(role: str) -> frozenset[str]:
    return frozenset(w for w in _words(role) if w not in ("of", "the", "a", "an", "s", "in", "and"))


def resolve(conn: sqlite3.Connection) -> int:
    """Recompute the cross-document entities from the stored rows; returns how many there are.

    One entity per key: a place's gazetteer id, an organisation's canonical name, a person's full
    name. A person named only by one name in a report joins a full name from another report only
    with evidence: the same role at the same time; otherwise it stays an entity of its own.
    """
    rows = conn.execute(
        "SELECT e.doc, e.local, e.name, e.type, e.key, e.geo, e.public, d.seq FROM doc_entities e "
        "JOIN documents d ON d.id = e.doc ORDER BY d.seq, e.local").fetchall()
    roles: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for r in conn.execute("SELECT doc, local, role, as_of FROM entity_roles"):
        roles[(r[0], r[1])].append((r[2], r[3]))
    first: dict[tuple[str, str], int] = {}
    for r in conn.execute('SELECT doc, local, min(start) FROM entity_mentions WHERE kind = "name" GROUP BY doc, local'):
        first[(r[0], r[1])] = r[2] if r[2] is not None else 0
    full_people: dict[str, list[tuple[str, str]]] = defaultdict(list)  # surname -> full-name keys' (doc, local)
    key_of: dict[tuple[str, str], str] = {}
    for r in rows:
        ident = (r[0], r[1])
        key = r[4] or f"{r[3].lower()}:{r[2].lower()}"
        key_of[ident] = key
        if r[3] == "PERSON" and len(r[2].split()) >= 2:
            for part in r[2].split():
                full_people[part.lower()].append(ident)
    for r in rows:
        ident = (r[0], r[1])
        if r[3] != "PERSON" or len(r[2].split()) >= 2:
            continue
        mine = {(_role_words(role), (as_of or "")[:4]) for role, as_of in roles.get(ident, [])}
        match = {key_of[o] for o in full_people.get(r[2].lower(), [])
                 if o[0] != r[0] and mine & {(_role_words(role), (as_of or "")[:4]) for role, as_of in roles.get(o, [])}}
        key_of[ident] = match.pop() if len(match) == 1 else f"person-in:{r[0]}:{r[1]}"
    groups: dict[str, list[Any]] = defaultdict(list)
    for r in rows:
        groups[key_of[(r[0], r[1])]].append(r)
    conn_in_tx = conn.in_transaction
    if not conn_in_tx:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM entity_links")
        conn.execute("DELETE FROM entities")
        ordered = sorted(groups.items(), key=lambda kv: min((r[7], first.get((r[0], r[1]), 0)) for r in kv[1]))
        for ord_, (key, members) in enumerate(ordered):
            eid = "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]
            types = Counter(r[3] for r in members)
            etype = max(types, key=lambda t: (types[t], -TYPE_ORDER.index(t) if t in TYPE_ORDER else -99))
            names = Counter(r[2] for r in members)
            name = max(names, key=lambda n: (len(n.split()) if etype == "PERSON" else 0, names[n], n))
            geo = next((r[5] for r in members if r[5]), None)
            if geo:
                g = json.loads(geo)
                name = g.get("name") or name
                geo = json.dumps({k: g.get(k) for k in ("lat", "lon", "country", "geonameid", "precision")})
            public = int(any(r[6] for r in members))
            conn.execute("INSERT INTO entities (id, name, type, geo, public, ord) VALUES (?,?,?,?,?,?)",
                         (eid, name, etype, geo, public, ord_))
            conn.executemany("INSERT INTO entity_links (doc, local, entity) VALUES (?,?,?)",
                             [(r[0], r[1], eid) for r in members])
        if not conn_in_tx:
            conn.execute("COMMIT")
    except BaseException:
        if not conn_in_tx:
            conn.execute("ROLLBACK")
        raise
    return len(groups)


def export_entities(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The rows of entities.jsonl, in a stable order (by first appearance)."""
    mentions: dict[str, list[tuple[int, str, int, int, str, str]]] = defaultdict(list)
    for r in conn.execute(
            'SELECT l.entity, d.seq, m.doc, m.start, m."end", m.text, m.kind FROM entity_mentions m '
            "JOIN entity_links l ON l.doc = m.doc AND l.local = m.local JOIN documents d ON d.id = m.doc"):
        mentions[r[0]].append((r[1], r[2], r[3], r[4], r[5], r[6]))
    roles: dict[str, list[tuple[int, int, str, str, str | None]]] = defaultdict(list)
    for r in conn.execute(
            "SELECT l.entity, d.seq, r.start, r.doc, r.role, r.as_of FROM entity_roles r "
            "JOIN entity_links l ON l.doc = r.doc AND l.local = r.local JOIN documents d ON d.id = r.doc"):
        roles[r[0]].append((r[1], r[2], r[3], r[4], r[5]))
    for r in conn.execute("SELECT id, name, type, geo, public FROM entities ORDER BY ord"):
        ms = sorted(mentions.get(r[0], []))
        aliases = sorted({m[4] for m in ms if m[5] == "name"} | {r[1]})
        yield {
            "id": r[0],
            "name": r[1],
            "type": r[2],
            "aliases": aliases,
            "roles": [{"role": x[3], "doc": x[2], "as_of": x[4]} for x in sorted(roles.get(r[0], []))],
            "geo": json.loads(r[3]) if r[3] else None,
            "mentions": [{"doc": m[1], "start": m[2], "end": m[3], "text": m[4]} for m in ms],
            "public": bool(r[4]),
        }
