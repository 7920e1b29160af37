"""One event told by several reports is one event: cross-report event coreference.

Input: the events of each report as the knowledge base exports them (actor, target and place under
the entities' canonical names across reports), with each report's publication date and whether it
is a near-duplicate copy. Output: groups of those events that are one real-world event, and the
merged record of each group (one line of events.jsonl, with every report's sentence as a source).

Two readings of different reports are the same event only where nothing they say contradicts it
and enough agrees:
- hard conditions: the same PLOVER type and modality (a pledged attack is not the attack);
  dates that overlap (2014-05 holds 2014-05-12; a day and another day do not); places that are
  the same (one name, or points a few kilometres apart) or one the other's country; never two
  readings of one report (the extractor already told its events apart).
- evidence, summed: the same day (+1) or month (+0.5); the same town or province (+1) or country
  (+0.5); each named actor or target both give (+1) and each unnamed group with the same head
  noun ('gunmen', 'unidentified gunmen': +0.5); the same death toll (+1 from five killed up,
  +0.5 below; two tolls that differ -0.5: tolls rise between reports, but two attacks also differ
  in them); sentences told alike (a third of their content words in common +1, a sixth +0.5; the
  same sentence, a syndicated copy, +2). A pair needs 2.5, and something that ties it to one
  place or party: a place in common, a named participant, a toll of five or more, or the
  sentence; a day and common nouns alone join nothing. So two attacks in one city on one day
  stay two unless the reports tell them alike or give the same toll.
- a reading whose date the report does not give (none, or only 'in the past') joins only on
  evidence of 2.5 besides the date, and only where its report came out within a fortnight after
  the other's date (or, for two undated ones, within three days of each other's report).
Groups form greedily in the order the reports were stored, so ids are stable: a group keeps the
id of its first reading. A group takes a reading only where it contradicts none of its members.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from newsgraph.places.geocode import km

MIN_EVIDENCE = 2.5
ALIKE = 0.3  # the sentences' content words in common (Jaccard) that count as telling it alike
UNDATED_AFTER = timedelta(days=14)  # how long after an event an undated mention of it is looked for
UNDATED_APART = timedelta(days=3)  # two undated readings: reports this close together
NEAR_KM = 25.0
RARE_TOLL = 5  # the same death toll from this many up is evidence; one or two killed say less
BLOCK_LIMIT = 100  # the latest groups filed under one blocking key that a reading is compared with

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T[\w:]+)?$")  # a time of day (T12:00, TMO) stays that day
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(?:-(?:\d|WE))?$")
_PART = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI|Q[1-4]|H[12])$")
_PARTIAL = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?$")
_PART_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14), "Q1": (1, 3),
                "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}
_PRECISION = {"city": 3, "admin1": 2, "region": 1, "country": 1}
_WORD = re.compile(r"[a-z0-9]+")
REPORTING = frozenset({"said", "says", "told", "according", "reported", "reports", "added", "spokesman",
                       "spokeswoman", "statement", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday", "yesterday", "today"})


@dataclass(frozen=True, slots=True)
class When:
    """A TIMEX3 value as a span of days; `level` 3 a day, 2 a week or month, 1 a season or year."""

    first: date
    last: date
    level: int


def when_span(value: str | None) -> When | None:
    """The days a dated TIMEX3 value covers; None for no date, a date without its year, or a
    reference ('PAST_REF')."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return When(day, day, 3)
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return When(date(year, month, 1), _month_end(year, month), 2)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return When(monday, monday + timedelta(days=6), 2)
        if m := _PART.match(value):
            year = int(m[1])
            lo, hi = _PART_MONTHS[m[2]]
            end_year, end_month = (year + 1, hi - 12) if hi > 12 else (year, hi)
            return When(date(year, lo, 1), _month_end(end_year, end_month), 1)
        if m := _YEAR.match(value):
            return When(date(int(m[1]), 1, 1), date(int(m[1]), 12, 31), 1)
    except ValueError:
        return None
    return None


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _published(value: str | None) -> date | None:
    span = when_span(value)
    return span.first if span and span.level == 3 else None


@dataclass(slots=True)
class Reading:
    """One report's event, with what the comparison needs worked out once."""

    index: int
    row: dict[str, Any]
    doc: str
    published: date | None
    span: When | None
    partial: str | None  # 'XXXX-12-28': a day whose year the report does not give
    named: frozenset[str]  # actors and targets that are entities, lower-cased canonical names
    heads: frozenset[tuple[str, str]]  # ('actor'|'target', head noun) of the unnamed groups
    sentence: frozenset[str]
    content: frozenset[str]  # the sentence's words less stop words, reporting verbs and numbers


def _head(name: str) -> str | None:
    words = _WORD.findall(name.lower())
    return words[-1] if words else None


def _reading(index: int, row: dict[str, Any], docs: dict[str, tuple[str | None, str | None]],
             entity_names: set[str]) -> Reading:
    doc = row["sources"][0]["doc"]
    published = docs.get(doc, (None, None))[0]
    when = row.get("when")
    partial = when if when and _PARTIAL.match(when) else None
    actors = frozenset(n.lower() for n in row["actor"])
    targets = frozenset(n.lower() for n in row["target"])
    named = frozenset(n for n in actors | targets if n in entity_names)
    heads = {(role, h) for role, names in (("actor", actors), ("target", targets)) for n in names
             if n not in entity_names and (h := _head(n))}
    words = frozenset(_WORD.findall(" ".join(s.get("text", "") for s in row["sources"]).lower()))
    content = frozenset(w for w in words if w not in _stop_words() and not w.isdigit())
    return Reading(index, row, doc, _published(published), when_span(when), partial, named, frozenset(heads),
                   words, content)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | REPORTING


def _km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    return km(a["lat"], a["lon"], b["lat"], b["lon"])


def _place(a: dict[str, Any] | None, b: dict[str, Any] | None) -> float | None:
    """Evidence from the two places (0 where either is not given), or None where they differ."""
    if not a or not b:
        return 0.0
    if (a.get("name") and (a.get("name") or "").lower() == (b.get("name") or "").lower()) or (
            (distance := _km(a, b)) is not None and distance <= NEAR_KM):
        coarse = "country" in (a.get("precision"), b.get("precision")) or "region" in (
            a.get("precision"), b.get("precision"))
        return 0.5 if coarse else 1.0
    for one, other in ((a, b), (b, a)):
        if one.get("precision") == "country" and one.get("country") and one.get("country") == other.get("country"):
            return 0.0  # 'in Kenya' and 'in Mombasa' do not contradict each other
    return None


def _dates(a: Reading, b: Reading) -> float | None:
    """Evidence from the two dates, None where they contradict each other; an undated reading
    gives none and is checked against the other's report date (see the module's doc)."""
    if a.span and b.span:
        if a.span.last < b.span.first or b.span.last < a.span.first:
            return None
        if a.span.level == b.span.level == 3:
            return 1.0
        return 0.5 if min(a.span.level, b.span.level) >= 2 else 0.0
    if a.partial or b.partial:
        # a day without its year only meets the same day without its year: a year is never
        # carried into a report that does not give it
        if a.partial and b.partial and a.partial == b.partial:
            return 1.0 if len(a.partial) == 10 else 0.5
        if (a.partial and (b.span or b.partial)) or (b.partial and (a.span or a.partial)):
            return None
        return 0.0
    dated, undated = (a, b) if a.span else (b, a)
    if dated.span:
        if undated.published is None or not (dated.span.first <= undated.published <= dated.span.last + UNDATED_AFTER):
            return None
        return 0.0
    if a.published is None or b.published is None or abs(a.published - b.published) > UNDATED_APART:
        return None
    return 0.0


def evidence(a: Reading, b: Reading) -> float | None:
    """How strongly two readings of different reports are one event; None where they cannot be."""
    ra, rb = a.row, b.row
    if ra["type"] != rb["type"] or ra["modality"] != rb["modality"] or a.doc == b.doc:
        return None
    by_date = _dates(a, b)
    by_place = _place(ra.get("location"), rb.get("location"))
    if by_date is None or by_place is None:
        return None
    named = len(a.named & b.named)
    score = by_place + named + 0.5 * len(a.heads & b.heads)
    fa, fb = ra.get("fatalities"), rb.get("fatalities")
    toll = fa is not None and fa == fb and fa >= RARE_TOLL
    if fa is not None and fb is not None:
        score += (1.0 if toll else 0.5 if fa == fb and fa > 0 else -0.5 if fa != fb else 0.0)
    copy = bool(a.sentence) and len(a.sentence & b.sentence) >= 0.8 * len(a.sentence | b.sentence)
    alike = len(a.content & b.content) / max(1, len(a.content | b.content))
    score += 2.0 if copy else 1.0 if alike >= ALIKE else 0.5 if alike >= ALIKE / 2 else 0.0
    if not (by_place > 0 or named or toll or copy):
        return None  # a day and common nouns alone ('gunmen', 'people') tie nothing to one place or party
    if (a.span is None and a.partial is None) or (b.span is None and b.partial is None):
        return score if score >= MIN_EVIDENCE else None
    return score + by_date


def _months(first: date, last: date) -> set[str]:
    out, day = set(), first.replace(day=1)
    while day <= last:
        out.add(day.strftime("%Y-%m"))
        day = (day + timedelta(days=32)).replace(day=1)
    return out


def _times(r: Reading) -> tuple[set[str], set[str]]:
    """The time buckets a reading is filed under, and those where the readings it may join are
    filed: the months a date covers (a year's reading under its year), the months its report and
    the fortnight before it fall in for an undated one."""
    if r.span and r.span.level >= 2:
        own = _months(r.span.first, r.span.last)
        return own, own | _months(r.span.last, r.span.last + UNDATED_AFTER) | {f"Y{r.span.first.year}"}
    if r.span:
        years = {f"Y{y}" for y in range(r.span.first.year, r.span.last.year + 1)}
        return years, years | _months(r.span.first, r.span.last + UNDATED_AFTER)
    if r.partial:
        return {"P" + r.partial, "none"}, {"P" + r.partial, "none"}
    if r.published:
        own = _months(r.published - UNDATED_APART, r.published + UNDATED_APART)
        return own, own | _months(r.published - UNDATED_AFTER, r.published) | {f"Y{r.published.year}"}
    return {"none"}, {"none"}


def _features(r: Reading) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """What a pair of readings must share one of to reach the evidence needed (a named participant,
    a place or a point near it, a death toll), as filed and as looked up; a reading's sentence
    words (copies) are a feature of their own, without a time. Unnamed groups' head nouns count as
    evidence but are no way in: a day and two common nouns ('gunmen', 'people') alone join nothing."""
    own: set[tuple[str, ...]] = {("n", name) for name in r.named}
    near: set[tuple[str, ...]] = set()
    location = r.row.get("location")
    if location and location.get("name"):
        own.add(("p", location["name"].lower()))
    if location and location.get("lat") is not None and location.get("lon") is not None:
        lat, lon = round(location["lat"] * 4), round(location["lon"] * 4)  # quarter-degree cells
        own.add(("g", str(lat), str(lon)))
        near = {("g", str(lat + i), str(lon + j)) for i in (-1, 0, 1) for j in (-1, 0, 1)}
    if (r.row.get("fatalities") or 0) >= RARE_TOLL:
        own.add(("f", str(r.row["fatalities"])))
    return own, own | near


def _keys(r: Reading) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """Blocking keys (filed, looked up): the type and modality, a shared feature, a time bucket."""
    base = (r.row["type"], r.row["modality"])
    filed_at, looked_at = _times(r)
    own, near = _features(r)
    filed = {(*base, t, *f) for f in own for t in filed_at}
    looked = {(*base, t, *f) for f in near for t in looked_at}
    if r.sentence:
        copy = (*base, "", "s", " ".join(sorted(r.sentence))[:200])
        filed.add(copy)
        looked.add(copy)
    return filed, looked


def group_events(rows: list[dict[str, Any]], docs: dict[str, tuple[str | None, str | None]],
                 entity_names: Iterable[str]) -> list[list[tuple[int, float | None]]]:
    """`rows` (in their order: the order reports were stored) grouped into events: each group a
    list of (index into rows, the evidence it joined on; None for the group's first reading).

    `docs`: report id -> (its publication date, the report it is a copy of or None);
    `entity_names`: the canonical names of the knowledge base's entities (any case).
    """
    names = {n.lower() for n in entity_names}
    readings = [_reading(i, row, docs, names) for i, row in enumerate(rows)]
    index: dict[tuple[str, ...], list[int]] = {}  # blocking key -> groups holding a reading with it
    groups: list[list[tuple[Reading, float | None]]] = []
    for r in readings:
        candidates: set[int] = set()
        filed, looked = _keys(r)
        for key in looked:
            candidates.update(index.get(key, [])[-BLOCK_LIMIT:])
        best: tuple[float, int] | None = None
        for g in sorted(candidates):
            members = [m for m, _ in groups[g]]
            if any(m.doc == r.doc for m in members):
                continue
            scores = [evidence(m, r) for m in members]
            if any(s is None for s in scores):
                continue
            top = max(s for s in scores if s is not None)
            if top >= MIN_EVIDENCE and (best is None or top > best[0]):
                best = (top, g)
        if best is None:
            groups.append([(r, None)])
            target = len(groups) - 1
        else:
            target = best[1]
            groups[target].append((r, best[0]))
        for key in filed:
            held = index.setdefault(key, [])
            if not held or held[-1] != target:
                held.append(target)
    return [[(m.index, score) for m, score in g] for g in groups]


def _most_specific(values: list[str | None]) -> str | None:
    def rank(value: str | None) -> tuple[int, int, int]:
        span = when_span(value)
        if span:  # a day over a week or month over a year; the narrower span among equals
            return (2, span.level, -(span.last - span.first).days)
        return (1, len(value), 0) if value and _PARTIAL.match(value) else (0, 1 if value else 0, 0)
    return max(values, key=rank) if values else None


def combine(rows: list[dict[str, Any]], docs: dict[str, tuple[str | None, str | None]]) -> dict[str, Any]:
    """The merged record of one group's readings (in stored order).

    Names and sources are the union, in order; the place and the date the most specific any
    report gives; the death toll that of the latest report giving one (tolls are revised upwards
    as reports come in); the mode the one most readings give. `attributed_to` is None only where
    every report states the event in its own voice; otherwise the source most reports name, so
    that no source's claim becomes the record's fact. Confidence: readings from independent
    reports corroborate each other (1 - the product of their doubts; a copy is no second report).
    Each source keeps its own report's date, toll and attribution.
    """
    first = rows[0]
    if len(rows) == 1:
        return {**first, "sources": [_source(first, s) for s in first["sources"]]}

    def union(key: str) -> list[str]:
        seen: dict[str, str] = {}
        for row in rows:
            for name in row[key]:
                seen.setdefault(name.lower(), name)
        return list(seen.values())

    modes = [row["mode"] for row in rows if row["mode"]]
    mode = max(dict.fromkeys(modes), key=modes.count) if modes else None
    places = [row["location"] for row in rows if row.get("location")]
    location = max(places, key=lambda p: (_PRECISION.get(p.get("precision") or "", 0), p.get("lat") is not None),
                   default=None)
    tolls = [row for row in rows if row.get("fatalities") is not None]
    latest = max(tolls, key=lambda row: (docs.get(row["sources"][0]["doc"], (None, None))[0] or "", rows.index(row)),
                 default=None)
    sayers = [row["attributed_to"] for row in rows if row.get("attributed_to")]
    said_by = max(dict.fromkeys(sayers), key=sayers.count) if sayers else None
    quantities: dict[str, Any] = {}
    for row in rows:
        quantities.update(row.get("quantities") or {})
    doubt: dict[str, float] = {}
    for row in rows:
        doc = row["sources"][0]["doc"]
        origin = docs.get(doc, (None, None))[1] or doc
        doubt[origin] = min(doubt.get(origin, 1.0), 1.0 - row["confidence"])
    return {
        "id": first["id"], "type": first["type"], "mode": mode, "modality": first["modality"],
        "actor": union("actor"), "target": union("target"), "location": location,
        "when": _most_specific([row["when"] for row in rows]),
        "fatalities": latest["fatalities"] if latest else None,
        "fatalities_flag": latest["fatalities_flag"] if latest else None,
        "quantities": quantities, "attributed_to": said_by,
        "confidence": round(1.0 - math.prod(doubt.values()), 4),
        "sources": [_source(row, s) for row in rows for s in row["sources"]],
    }


def _source(row: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    """A source span with its own report's reading of the event."""
    return {**source, "event": row["id"], "when": row["when"], "fatalities": row["fatalities"],
            "attributed_to": row["attributed_to"]}
