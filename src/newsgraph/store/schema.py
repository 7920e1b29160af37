"""The knowledge base's SQLite schema and its migrations (PRAGMA user_version is the version)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph.entities.store import ENTITIES_MIGRATION
from newsgraph.errors import Errors, NewsgraphError

QUOTES_MIGRATION = """
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker_name TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue TEXT,
    via TEXT,
    confidence REAL NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc, start);
"""

CLAIMS_MIGRATION = """
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    attributed_to TEXT,
    stance TEXT NOT NULL,
    about TEXT NOT NULL DEFAULT '[]',
    "when" TEXT,
    from_comment INTEGER NOT NULL DEFAULT 0,
    key TEXT
);
CREATE INDEX claims_doc ON claims(doc, ord);
CREATE TABLE claim_disputes (
    claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    other TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    PRIMARY KEY (claim, other)
);
"""

EVENTS_MIGRATION = """
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '[]',
    target TEXT NOT NULL DEFAULT '[]',
    location TEXT,
    "when" TEXT,
    fatalities INTEGER,
    fatalities_flag TEXT,
    quantities TEXT NOT NULL DEFAULT '{}',
    attributed_to TEXT,
    confidence REAL NOT NULL,
    sources TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc, ord);
CREATE INDEX events_type ON events(type);
"""

# which reports' events are one event (newsgraph.merge.events), recomputed after each ingest
EVENT_GROUPS_MIGRATION = """
CREATE TABLE event_groups (
    event TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    grp TEXT NOT NULL,
    evidence REAL
);
CREATE INDEX event_groups_grp ON event_groups(grp);
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: documents with full-text search, the ingest log, temporal expressions
    """
    CREATE TABLE documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        site TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        language TEXT,
        headline TEXT,
        published TEXT,
        page_timestamp TEXT,
        dateline TEXT,
        body TEXT NOT NULL,
        comments TEXT NOT NULL DEFAULT '[]',
        boilerplate TEXT NOT NULL DEFAULT '[]',
        duplicate_of TEXT REFERENCES documents(id),
        flags TEXT NOT NULL DEFAULT '[]',
        minhash BLOB,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
    CREATE VIRTUAL TABLE documents_fts USING fts5(headline, body, content='documents', content_rowid='seq');
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, headline, body) VALUES (new.seq, new.headline, new.body);
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, headline, body) VALUES ('delete', old.seq, old.headline, old.body);
    END;
    CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, headline, body) VALUES ('delete', old.seq, old.headline, old.body);
        INSERT INTO documents_fts(rowid, headline, body) VALUES (new.seq, new.headline, new.body);
    END;
    CREATE TABLE rejections (
        source TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE timexes (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT,
        anchor TEXT,
        mod TEXT,
        PRIMARY KEY (doc, start, "end")
    );
    """,
    # 2: entities: per-document mentions and roles, and the cross-document referents
    ENTITIES_MIGRATION,
    # 3: quotes (reported speech) with their speakers and reporting chains
    QUOTES_MIGRATION,
    # 4: claims (statements of fact, asserted or denied) and the disputes between them
    CLAIMS_MIGRATION,
    # 5: events (PLOVER), one report at a time
    EVENTS_MIGRATION,
    # 6: one event told by several reports is one event
    EVENT_GROUPS_MIGRATION,
)


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (or create) a knowledge base: WAL journal, foreign keys on, schema migrated."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise NewsgraphError(Errors.E404, path=path, detail="it is not an SQLite file")
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    migrate(conn, path)
    return conn


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the schema to the newest version, each migration in its own transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise NewsgraphError(Errors.E401, path=path, found=version, known=len(MIGRATIONS))
    for number in range(version, len(MIGRATIONS)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers hold semicolons inside BEGIN … END)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out
