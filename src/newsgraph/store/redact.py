"""`export --redact-private`: the names of people who are not public actors (stored, never profiled:
victims, suspects, bystanders seen with no office or title) replaced by a placeholder.

A name in a body is blacked out character for character ("█"), so every offset in the export still
holds: body[start:end] == text, with the redacted text.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from typing import Any

BLOCK = "█"
PLACEHOLDER = "[private person]"


class Redactor:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.private: set[str] = {r[0] for r in conn.execute("SELECT id FROM entities WHERE public = 0 AND type = 'PERSON'")}
        self.spans: dict[str, list[tuple[int, int]]] = {}
        names: set[str] = set()
        for r in conn.execute(
                'SELECT m.doc, m.start, m."end", m.text, m.kind FROM entity_mentions m JOIN entity_links l '
                "ON l.doc = m.doc AND l.local = m.local JOIN entities e ON e.id = l.entity "
                "WHERE e.public = 0 AND e.type = 'PERSON'"):
            self.spans.setdefault(r[0], []).append((r[1], r[2]))
            if r[4] == "name" and len(r[3]) > 2:
                names.add(r[3])
        for r in conn.execute("SELECT name FROM entities WHERE public = 0 AND type = 'PERSON'"):
            names.add(r[0])
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b") if ordered else None
        self.bodies: dict[str, str] = {}

    def text(self, value: str | None) -> str | None:
        """Any free text (headline, comment): private names blacked out."""
        if value is None or self.pattern is None:
            return value
        return self.pattern.sub(lambda m: BLOCK * len(m.group(0)), value)

    def body(self, doc: str, body: str) -> str:
        chars = list(body)
        for start, end in self.spans.get(doc, []):
            chars[start:end] = BLOCK * (end - start)
        redacted = self.text("".join(chars)) or ""
        self.bodies[doc] = redacted
        return redacted

    def span_text(self, doc: str, start: int, end: int, text: str) -> str:
        body = self.bodies.get(doc)
        return body[start:end] if body is not None else (self.text(text) or "")


def redact(kind: str, records: Iterator[dict[str, Any]], r: Redactor) -> Iterator[dict[str, Any]]:
    """The records of one export kind with private names replaced (documents must come first)."""
    for rec in records:
        if kind == "documents":
            rec["body"] = r.body(rec["id"], rec["body"])
            rec["headline"] = r.text(rec["headline"])
            for key in ("comments", "boilerplate"):
                rec[key] = [r.text(c) for c in rec[key]]
        elif kind == "entities":
            for m in rec["mentions"]:
                m["text"] = r.span_text(m["doc"], m["start"], m["end"], m["text"])
            if rec["id"] in r.private:
                rec["name"], rec["aliases"], rec["roles"] = PLACEHOLDER, [], []
        else:
            if "speaker" in rec and rec.get("speaker") in r.private:
                rec["speaker_name"] = PLACEHOLDER
            if rec.get("start") is not None and "doc" in rec and "text" in rec:
                rec["text"] = r.span_text(rec["doc"], rec["start"], rec["end"], rec["text"])
            elif "text" in rec:
                rec["text"] = r.text(rec["text"])
            for s in rec.get("sources") or []:
                s["text"] = r.span_text(s["doc"], s["start"], s["end"], s["text"])
                if isinstance(s.get("attributed_to"), str):  # each report's own reading of a merged event
                    s["attributed_to"] = r.text(s["attributed_to"])
            for key in ("attributed_to", "speaker_name", "via"):
                if isinstance(rec.get(key), str):
                    rec[key] = r.text(rec[key])
            for key in ("actor", "target", "about"):
                if isinstance(rec.get(key), list):
                    rec[key] = [r.text(v) for v in rec[key]]
        yield rec
