"""Findings in the knowledge base beside the entities: quotes, claims and their disputes, events."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from newsgraph.records import Analysis, Article, Claim


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
                # an unnamed source ('officials in Quetta' is not Quetta)
                width = r[8] - r[7]
                link = next(((eid, n) for s, e, eid, n, local in spans_by_doc.get(r[1], [])
                             if s < r[8] and r[7] < e and (local == r[6].lower() or (e - s) >= 0.6 * width)), None)
            link = link or by_name.get((r[1], r[6].lower()))
            if link is not None:
                speaker, name = link
        yield {"id": r[0], "doc": r[1], "kind": r[2], "text": r[3], "start": r[4], "end": r[5], "speaker": speaker,
               "speaker_name": name, "cue": r[9], "via": r[10], "confidence": r[11]}


def save_claims(conn: sqlite3.Connection, article: Article, analysis: Analysis) -> None:
    """Insert this document's claims (inside the caller's transaction); disputes come later, from
    `link_claims` over the whole knowledge base."""
    rows = []
    for n, c in enumerate(analysis.claims):
        where = (c.start, c.end) if not c.from_comment else ("comment", n, c.text)
        rows.append((finding_id("c", article.id, *where), article.id, n, c.text, c.start, c.end, c.attributed_to,
                     c.stance, json.dumps(list(c.about), ensure_ascii=False), c.when, int(c.from_comment),
                     json.dumps(list(c.key)) if c.key else None))
    conn.executemany(
        'INSERT OR IGNORE INTO claims (id, doc, ord, text, start, "end", attributed_to, stance, about, "when", '
        "from_comment, key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def _claims(conn: sqlite3.Connection) -> list[tuple[str, str, Claim]]:
    out = []
    for r in conn.execute('SELECT c.id, c.doc, c.text, c.start, c."end", c.attributed_to, c.stance, c.about, c."when", '
                          "c.from_comment, c.key FROM claims c JOIN documents d ON d.id = c.doc ORDER BY d.seq, c.ord"):
        key = tuple(json.loads(r[10])) if r[10] else None
        out.append((r[0], r[1], Claim(text=r[2], start=r[3], end=r[4], attributed_to=r[5], stance=r[6],
                                      about=tuple(json.loads(r[7])), when=r[8], from_comment=bool(r[9]),
                                      key=key)))
    return out


def link_claims(conn: sqlite3.Connection) -> int:
    """Recompute which claims contradict each other across the knowledge base (same entities, same
    time, opposite stance); returns the number of links."""
    from newsgraph.claims import link_disputes

    claims = _claims(conn)
    links = link_disputes([(cid, c) for cid, _, c in claims], doc_of={cid: doc for cid, doc, _ in claims})
    rows = [(a, b) for a, others in links.items() for b in others]
    _rewrite(conn, "claim_disputes", ("claim", "other"), rows)
    return len(rows)


def _rewrite(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Replace a table's rows in one transaction (the caller's, where one is open)."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"DELETE FROM {table}")
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise


def export_claims(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The rows of claims.jsonl; `about` names are the entities' canonical names across reports."""
    canonical = _canonical_names(conn)
    disputes: dict[str, list[str]] = {}
    for r in conn.execute("SELECT claim, other FROM claim_disputes ORDER BY claim, other"):
        disputes.setdefault(r[0], []).append(r[1])
    for cid, doc, c in _claims(conn):
        about = list(dict.fromkeys(canonical.get((doc, name.lower()), name) for name in c.about))
        yield {"id": cid, "doc": doc, "text": c.text, "start": c.start, "end": c.end, "attributed_to": c.attributed_to,
               "stance": c.stance, "about": about, "when": c.when, "from_comment": c.from_comment,
               "disputes": disputes.get(cid, [])}


def save_events(conn: sqlite3.Connection, article: Article, analysis: Analysis) -> None:
    """Insert this document's events (inside the caller's transaction)."""
    rows = []
    for n, e in enumerate(analysis.events):
        location = None
        if e.location is not None or e.location_name:
            p = e.location
            location = json.dumps({"name": p.name if p else e.location_name, "lat": p.lat if p else None,
                                   "lon": p.lon if p else None, "country": p.country if p else None,
                                   "precision": p.precision if p else None}, ensure_ascii=False)
        quantities: dict[str, float] = {}
        for label, number in e.quantities:
            quantities[label] = int(number) if float(number).is_integer() else number
        rows.append((finding_id("v", article.id, e.type, *[x for span in e.sources for x in span]), article.id, n,
                     e.type, e.mode, e.modality, json.dumps(list(e.actor), ensure_ascii=False),
                     json.dumps(list(e.target), ensure_ascii=False), location, e.when, e.fatalities,
                     e.fatalities_flag, json.dumps(quantities, ensure_ascii=False), e.attributed_to, e.confidence,
                     json.dumps([list(span) for span in e.sources])))
    conn.executemany(
        'INSERT OR IGNORE INTO events (id, doc, ord, type, mode, modality, actor, target, location, "when", fatalities, '
        "fatalities_flag, quantities, attributed_to, confidence, sources) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def _canonical_names(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(document, a name as that report gives it) -> the entity's canonical name across reports."""
    canonical: dict[tuple[str, str], str] = {}
    for r in conn.execute("SELECT de.doc, de.name, e.name FROM doc_entities de JOIN entity_links l "
                          "ON l.doc = de.doc AND l.local = de.local JOIN entities e ON e.id = l.entity"):
        canonical[(r[0], r[1].lower())] = r[2]
    return canonical


def report_events(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Each report's events, in the order the reports were stored: actors, targets and places under
    their canonical names across reports, sources as spans of the body."""
    canonical = _canonical_names(conn)
    bodies: dict[str, str] = {}
    for r in conn.execute(
            'SELECT v.id, v.doc, v.type, v.mode, v.modality, v.actor, v.target, v.location, v."when", v.fatalities, '
            "v.fatalities_flag, v.quantities, v.attributed_to, v.confidence, v.sources FROM events v "
            "JOIN documents d ON d.id = v.doc ORDER BY d.seq, v.ord"):
        doc = r[1]
        if doc not in bodies:
            bodies = {doc: conn.execute("SELECT body FROM documents WHERE id = ?", (doc,)).fetchone()[0]}
        body = bodies[doc]

        def names(raw: str, doc: str = doc) -> list[str]:
            return list(dict.fromkeys(canonical.get((doc, n.lower()), n) for n in json.loads(raw)))

        location = json.loads(r[7]) if r[7] else None
        if location and location.get("name"):
            location["name"] = canonical.get((doc, location["name"].lower()), location["name"])
        who = r[12]
        yield {"id": r[0], "type": r[2], "mode": r[3], "modality": r[4], "actor": names(r[5]), "target": names(r[6]),
               "location": location, "when": r[8], "fatalities": r[9], "fatalities_flag": r[10],
               "quantities": json.loads(r[11]), "attributed_to": canonical.get((doc, who.lower()), who) if who else None,
               "confidence": r[13],
               "sources": [{"doc": doc, "start": s, "end": e, "text": body[s:e]} for s, e in json.loads(r[14])]}


def _report_dates(conn: sqlite3.Connection) -> dict[str, tuple[str | None, str | None]]:
    return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, published, duplicate_of FROM documents")}


def _group(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[list[tuple[int, float | None]]]:
    from newsgraph.merge.events import group_events

    names = [r[0] for r in conn.execute("SELECT name FROM entities")]
    return group_events(rows, _report_dates(conn), names)


def link_events(conn: sqlite3.Connection) -> int:
    """Recompute which reports' events are one event (newsgraph.merge.events) across the knowledge
    base; returns the number of events told by more than one report."""
    rows = list(report_events(conn))
    groups = _group(conn, rows)
    links = [(rows[i]["id"], rows[g[0][0]]["id"], score) for g in groups for i, score in g]
    _rewrite(conn, "event_groups", ("event", "grp", "evidence"), links)
    return sum(1 for g in groups if len(g) > 1)


def export_events(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The rows of events.jsonl: one per event, merged across the reports that tell it (the groups
    `link_events` stored), in the order of their first report."""
    from newsgraph.merge.events import combine

    rows = list(report_events(conn))
    group_of = dict(conn.execute("SELECT event, grp FROM event_groups").fetchall())
    if rows and not group_of:  # a knowledge base from before merging, not ingested into since
        group_of = {rows[i]["id"]: rows[g[0][0]]["id"] for g in _group(conn, rows) for i, _ in g}
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(group_of.get(row["id"], row["id"]), []).append(row)
    dates = _report_dates(conn)
    for members in groups.values():
        yield combine(members, dates)
