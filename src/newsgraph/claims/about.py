"""Which entities a claim is about, and which time: canonical names and TIMEX3 values."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from newsgraph.records import EntityRecord, Timex

# prepositions that name a statement's topic in its frame: "when asked about a X connection"
TOPIC_WORDS = frozenset({"about", "regarding", "concerning", "over", "re"})
# ... and "on" after a word of asking or saying: "questions on X", "asked to comment on X"
TOPIC_ON = frozenset({"question", "ask", "comment", "remark", "statement", "claim", "allegation",
                      "accusation", "report", "query", "press", "respond", "response", "reply"})
# entity types a reader's comment names that are worth keeping when the report does not name them
COMMENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
ABSOLUTE = re.compile(r"^\d{4}(?:-(?:\d\d|W\d\d|Q\d|SU|SP|FA|WI|H\d)(?:-\d\d)?)?")


class Mentions:
    """Every mention of every entity in one report, to map a span of the body to canonical names."""

    def __init__(self, entities: Sequence[EntityRecord]) -> None:
        rows = [(m.start, m.end, e.name, e.local_id) for e in entities for m in e.mentions]
        self.rows = sorted(rows)
        self.people = {e.name for e in entities if e.type == "PERSON"}

    def within(self, start: int, end: int, skip: Iterable[str] = ()) -> list[str]:
        """Canonical names of the entities mentioned inside [start, end), in order, once each."""
        skipped = set(skip)
        names: list[str] = []
        for s, e, name, local_id in self.rows:
            if s >= end:
                break
            if s >= start and e <= end and local_id not in skipped and name not in names:
                names.append(name)
        return names

    def entity_at(self, start: int | None, end: int | None) -> set[str]:
        """The local ids of the entities with a mention overlapping [start, end)."""
        if start is None or end is None:
            return set()
        return {lid for s, e, _, lid in self.rows if s < end and start < e}


def topic_names(doc: Any, start: int, end: int, mentions: Mentions, skip: Iterable[str]) -> list[str]:
    """Entities a quotation's frame names as its topic ("..., he said when asked about X"): those
    under a topic preposition in the sentences around the quotation but outside it."""
    names: list[str] = []
    around = doc.char_span(max(start - 1, 0), min(end + 1, len(doc.text)), alignment_mode="expand")
    for sent in around.sents if around is not None else ():
        for tok in sent:
            topic = tok.lower_ in TOPIC_WORDS or (tok.lower_ == "on" and tok.head.lemma_.lower() in TOPIC_ON)
            if not topic or tok.dep_ != "prep" or start <= tok.idx < end:
                continue
            sub = list(tok.subtree)
            a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            if a < end and start < b:
                continue
            for name in mentions.within(a, b, skip):
                if name not in names:
                    names.append(name)
    return names


def alias_table(entities: Sequence[EntityRecord]) -> list[tuple[re.Pattern[str], str]]:
    """Patterns for every name under which the report mentions an entity, longest first."""
    seen: dict[str, str] = {}
    for e in entities:
        for text in [e.name, *(m.text for m in e.mentions if m.kind == "name")]:
            text = text.strip()
            if len(text) >= 2 and text[0].isupper() and text not in seen:
                seen[text] = e.name
    table = []
    for text in sorted(seen, key=lambda t: (-len(t), t)):
        flags = re.IGNORECASE if len(text) >= 5 else 0
        table.append((re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)", flags), seen[text]))
    return table


def _by_name(text: str, table: list[tuple[re.Pattern[str], str]]) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    found: list[tuple[int, str]] = []
    covered: list[tuple[int, int]] = []
    for pattern, name in table:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in covered):
                continue
            covered.append((m.start(), m.end()))
            found.append((m.start(), name))
    return found, covered


def names_in(text: str, table: list[tuple[re.Pattern[str], str]]) -> list[str]:
    """The report's entities a text names under any of their names, in order, once each."""
    names: list[str] = []
    for _, name in sorted(_by_name(text, table)[0]):
        if name not in names:
            names.append(name)
    return names


def comment_names(sent: Any, table: list[tuple[re.Pattern[str], str]]) -> list[str]:
    """Entities a reader's sentence names: the report's entities by any of their names, then what
    the parser tags as a name that the report does not know."""
    found, covered = _by_name(sent.text, table)
    base = sent.start_char
    for ent in sent.ents:
        a, b = ent.start_char - base, ent.end_char - base
        if ent.label_ in COMMENT_TYPES and not any(a < y and x < b for x, y in covered):
            covered.append((a, b))
            found.append((a, ent.text))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


def when_of(start: int, end: int, tense: str | None, timexes: Sequence[Timex], published: str | None) -> str | None:
    """The time a statement in [start, end) is about: a calendar date it states, else the
    publication date for a statement in the present tense, else unknown."""
    for t in sorted(timexes, key=lambda t: t.start):
        if start <= t.start and t.end <= end and t.type == "DATE" and t.value and ABSOLUTE.match(t.value):
            return t.value
    if tense == "present" and published and ABSOLUTE.match(published):
        return published
    return None
