"""The knowledge base: ingest into SQLite, read documents back, search, export."""
from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.entities.store import resolve, save_entities
from newsgraph.errors import Rejected
from newsgraph.records import Analysis, Article, Skipped
from newsgraph.settings import Settings, load_settings
from newsgraph.store.dedup import NearDuplicates
from newsgraph.store.findings import link_claims, link_events, save_claims, save_events, save_quotes
from newsgraph.store.schema import connect

Progress = Callable[[str, str], None]  # (source, outcome) after each input


@dataclass(slots=True)
class IngestReport:
    """What one ingest did."""

    ingested: list[str] = field(default_factory=list)  # ids newly stored
    duplicates: list[str] = field(default_factory=list)  # sources whose content was already stored
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)  # (id, original id)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # files in folders that are not news inputs
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.rejected


_DOC_COLUMNS = ("id", "source", "url", "site", "authors", "language", "headline", "published", "page_timestamp",
                "dateline", "body", "comments", "boilerplate", "duplicate_of", "flags")
_LISTS = ("authors", "comments", "boilerplate", "flags")


def _article(row: sqlite3.Row) -> Article:
    values = {name: row[name] for name in _DOC_COLUMNS}
    for name in _LISTS:
        values[name] = tuple(json.loads(values[name] or "[]"))
    return Article(**values)


class KnowledgeBase:
    """A newsgraph knowledge base in one SQLite file. Use `newsgraph.open(path)`."""

    def __init__(self, path: str | Path, settings: Settings | None = None) -> None:
        self.path = Path(path)
        self.settings = settings or load_settings()
        self.conn = connect(self.path)
        self._near: NearDuplicates | None = None

    # -- lifecycle -----------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest --------------------------------------------------------------------------------
    def ingest(self, paths: list[str], *, progress: Progress | None = None, isolate: bool = True,
               stdin: BinaryIO | None = None) -> IngestReport:
        """Read every input under `paths` and store each article in its own transaction.

        `isolate` runs extraction in worker processes under the time limit (the default); False
        runs it in this process, for tests and for engines that isolate work themselves.
        """
        from newsgraph.ingest.readers import read_inputs
        from newsgraph.workers import WorkerPool, run_inline

        started = time.monotonic()
        report = IngestReport()
        items = read_inputs(paths, self.settings.max_bytes, stdin=stdin)
        known = self._known_ids()
        results = WorkerPool(self.settings).run(items) if isolate else run_inline(items, self.settings)
        for raw, result in results:
            if isinstance(result, Skipped):
                report.skipped.append(result)
                outcome = "skipped"
            elif isinstance(result, Rejected):
                report.rejected.append(result)
                self._log_rejection(result)
                outcome = "rejected"
            elif result.article is None:
                continue
            elif result.article.id in known:
                report.duplicates.append(result.article.source)
                outcome = "duplicate"
            else:
                stored = self.store(result)
                known.add(stored.id)
                report.ingested.append(stored.id)
                if stored.duplicate_of:
                    report.near_duplicates.append((stored.id, stored.duplicate_of))
                outcome = "near-duplicate" if stored.duplicate_of else "ingested"
            if progress:
                progress(raw.source if raw else getattr(result, "source", ""), outcome)
        if report.ingested:
            resolve(self.conn)  # one referent per entity across every stored report
            link_claims(self.conn)  # disputes between claims, across every stored report
            link_events(self.conn)  # one event told by several reports is one event
        report.seconds = time.monotonic() - started
        return report

    def _known_ids(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT id FROM documents")}

    def _near_index(self) -> NearDuplicates:
        if self._near is None:
            self._near = NearDuplicates.load(self.conn, self.settings.dedup_threshold, self.settings.dedup_num_perm)
        return self._near

    def store(self, analysis: Analysis) -> Article:
        """Write one analysed article and its findings in a single transaction."""
        article = analysis.article
        assert article is not None
        near = self._near_index()
        if analysis.minhash is not None and article.duplicate_of is None:
            article = replace(article, duplicate_of=near.original_of(analysis.minhash))
        values = [getattr(article, name) for name in _DOC_COLUMNS]
        for i, name in enumerate(_DOC_COLUMNS):
            if name in _LISTS:
                values[i] = json.dumps(list(values[i]), ensure_ascii=False)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute(
                f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}, minhash, ingested_at) "
                f"VALUES ({', '.join('?' * len(_DOC_COLUMNS))}, ?, ?)", (*values, analysis.minhash, now))
            self.conn.executemany(
                'INSERT OR IGNORE INTO timexes (doc, start, "end", text, type, value, anchor, mod) VALUES (?,?,?,?,?,?,?,?)',
                [(article.id, t.start, t.end, t.text, t.type, t.value, t.anchor, t.mod) for t in analysis.timexes])
            save_quotes(self.conn, article, analysis)
            save_entities(self.conn, article, analysis)
            save_claims(self.conn, article, analysis)
            save_events(self.conn, article, analysis)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        if analysis.minhash is not None:
            near.add(article.id, analysis.minhash, article.duplicate_of)
        return article

    def _log_rejection(self, rejected: Rejected) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self.conn.execute("INSERT INTO rejections (source, code, reason, at) VALUES (?, ?, ?, ?)",
                          (rejected.source, rejected.code, rejected.reason, now))

    # -- reading -------------------------------------------------------------------------------
    def documents(self) -> list[Article]:
        """Every stored article, in the order it was ingested."""
        return list(self.iter_documents())

    def iter_documents(self) -> Iterator[Article]:
        cols = ", ".join(_DOC_COLUMNS)
        for row in self.conn.execute(f"SELECT {cols} FROM documents ORDER BY seq"):
            yield _article(row)

    def document(self, doc_id: str) -> Article | None:
        row = self.conn.execute(f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _article(row) if row else None

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Articles whose headline or body match an FTS5 query, best first."""
        cols = ", ".join(f"d.{c}" for c in _DOC_COLUMNS)
        rows = self.conn.execute(
            f"SELECT {cols} FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit))
        return [_article(r) for r in rows]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    # -- export --------------------------------------------------------------------------------
    def export(self, outdir: str | Path, fmt: str = "jsonl", redact_private: bool = False) -> dict[str, int]:
        """Write the export contract's files into `outdir`; returns the record count per file."""
        from newsgraph.store.export import export

        return export(self, Path(outdir), fmt, redact_private)

    # -- questions -----------------------------------------------------------------------------
    def entities(self, type_: str | None = None) -> list[dict[str, Any]]:
        """Every entity (one per real-world referent), optionally of one type (PERSON, ORG, GPE, …)."""
        from newsgraph.store import queries

        return queries.entities(self.conn, type_)

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        """Entities called `name` (canonical name or any surface form)."""
        from newsgraph.store import queries

        return queries.find_entities(self.conn, name)

    def profile(self, entity: dict[str, Any]) -> dict[str, Any]:
        """Aliases, roles by report, the reports an entity appears in, and what it said."""
        from newsgraph.store import queries

        return queries.profile(self.conn, entity)

    def quotes(self, speaker: str | None = None, about: str | None = None) -> list[dict[str, Any]]:
        """Quotes, optionally by a speaker and containing some words."""
        from newsgraph.store import queries

        return queries.quotes(self.conn, speaker, about)

    def claims(self, about: str | None = None, disputed: bool = False) -> list[dict[str, Any]]:
        """Claims, optionally about an entity, optionally only the disputed ones."""
        from newsgraph.store import queries

        return queries.claims(self.conn, about, disputed)

    def events(self, type_: str | None = None, actor: str | None = None, place: str | None = None,
               since: str | None = None, until: str | None = None, modality: str | None = None,
               min_confidence: float = 0.0, include_copies: bool = False) -> list[dict[str, Any]]:
        """Events on a timeline, filtered (see `queries.events`)."""
        from newsgraph.store import queries

        return queries.events(self.conn, type_, actor, place, since, until, modality, min_confidence, include_copies)
