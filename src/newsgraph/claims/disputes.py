"""Which claims contradict each other: the same predicate about the same entities at the same time,
one asserting and one denying it."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from .predicate import ANY
from .record import Claim

DATE = re.compile(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?")


def _parts(value: str | None) -> tuple[str, ...] | None:
    """(year, month, day) as far as a TIMEX3 value states them; None for no calendar time."""
    m = DATE.match(value or "")
    if not m:
        return None
    return tuple(p for p in m.groups() if p)


def same_time(a: Claim, b: Claim, same_document: bool) -> bool:
    """Whether two claims can be about the same time: two calendar times that overlap, or (where a
    time is unknown) two statements of one report and its readers, written at one moment. Two
    reports with an unknown time are never taken to speak of the same moment."""
    pa, pb = _parts(a.when), _parts(b.when)
    if pa is not None and pb is not None:
        n = min(len(pa), len(pb))
        return pa[:n] == pb[:n]
    return same_document


def _keys_match(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One predicate: the same verb and object, where a wildcard stands for any one (never both)."""
    if not a[1] or not b[1]:
        return False
    verb = a[0] == b[0] or ANY in (a[0], b[0])
    noun = a[1] == b[1] or ANY in (a[1], b[1])
    wild = (a[0] == ANY or b[0] == ANY) + (a[1] == ANY or b[1] == ANY)
    return verb and noun and wild < 2 and not (a[1] == ANY and b[1] == ANY and ANY in (a[0], b[0]))


def contradicts(a: Claim, b: Claim, same_document: bool) -> bool:
    """Whether `a` and `b` set one predicate of one entity at one time true and false."""
    if a.stance == b.stance or a.key is None or b.key is None or not _keys_match(a.key, b.key):
        return False
    if not set(a.about) & set(b.about):
        return False
    return same_time(a, b, same_document)


def link_disputes(claims: Sequence[tuple[str, Claim]], doc_of: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Dispute links among claims across the knowledge base: claim id -> sorted ids it contradicts
    (both directions). `doc_of` maps a claim id to its document id; without it every pair counts as
    one document, so an unknown time never keeps two claims apart. Deterministic."""
    by_noun: dict[str, list[tuple[str, Claim]]] = defaultdict(list)
    for cid, claim in sorted(claims, key=lambda p: p[0]):
        if claim.key is not None and claim.key[1]:
            by_noun[claim.key[1]].append((cid, claim))
    wild = by_noun.pop(ANY, [])
    links: dict[str, set[str]] = defaultdict(set)

    def check(ia: str, a: Claim, ib: str, b: Claim) -> None:
        same = doc_of is None or doc_of.get(ia) == doc_of.get(ib)
        if ia != ib and contradicts(a, b, same):
            links[ia].add(ib)
            links[ib].add(ia)

    for group in [*by_noun.values(), wild]:
        for i, (ia, a) in enumerate(group):
            for ib, b in group[i + 1:]:
                check(ia, a, ib, b)
    for ia, a in wild:  # "never trained anyone" against every object of the same verb
        for group in by_noun.values():
            for ib, b in group:
                if b.key is not None and a.key is not None and b.key[0] == a.key[0]:
                    check(ia, a, ib, b)
    return {cid: sorted(links[cid]) for cid in sorted(links)}
