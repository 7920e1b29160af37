"""`extract_events`: PLOVER events of one parsed article, with actors, place, date, counts, modality
and whose word they rest on. Parse-based rules over the trigger lexicons, and a trigger classifier
(`classifier.py`) for the words the lexicons do not know."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from newsgraph.events.args import LIGHT_VERBS, Names, objects, phrase_names, quote_at, reported_by, subject
from newsgraph.events.numbers import fatalities, injured, quantities
from newsgraph.events.record import Event
from newsgraph.events.triggers import Hit, assault_mode, find_hits, mobilize_mode, protest_override, threaten_mode
from newsgraph.records import Article, EntityRecord, Place, Quote, Timex

FUTURE_GOVERNORS = frozenset("""plan pledge vow promise intend decide aim seek want prepare expect schedule set hope
    order demand urge ask call agree try attempt strive plot bid effort plan pledge promise proposal intention
    decision campaign mission push move vote resolve""".split())
HYPOTHETICAL_GOVERNORS = frozenset("ready able likely possible willing threaten consider fear risk".split())
NEGATING_GOVERNORS = frozenset("fail refuse refrain decline deny avoid rule stop cancel postpone avert thwart foil".split())
REQUEST_TYPES = ("REQUEST",)
DATE_VALUE = re.compile(r"^(?:\d{4}|XXXX|PAST_REF|PRESENT_REF|FUTURE_REF)")
ANAPHORA = {"there": None, "region": ("admin1", "region"), "province": ("admin1",), "area": None, "city": ("city",),
            "town": ("city",), "village": ("city",), "country": ("country",), "state": ("admin1", "country")}
LEAD_BONUS = 0.05
# prepositions that name an earlier event as the cause or occasion of this one
CAUSE_PREPS = frozenset("over after following for since despite".split())
SPECIFIC = {"city": 0, "admin1": 1, "country": 2, "region": 3}


@dataclass
class Draft:
    type: str
    mode: str | None
    modality: str
    actor: list[str]
    target: list[str]
    place: EntityRecord | None
    when: str | None
    fatalities: int | None
    fatalities_flag: str | None
    quantities: list[tuple[str, float]]
    attributed_to: str | None
    confidence: float
    sources: list[tuple[int, int]]
    definite: bool = False
    extra: list[str] = field(default_factory=list)


def _clause_head(tok: Any) -> Any:
    """The verb that carries a trigger: itself, or the verb a noun trigger is an argument of."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def modality(hit: Hit, attributed: bool) -> tuple[str, bool]:
    """(modality, embedded): what the text says of the event, read up from the trigger to the
    reporting verb or the root; `embedded` when a governing word (pledge, demand) decided it."""
    tok = hit.tok
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return "negated", False
    node, came, crossed = tok, None, False
    while True:
        kids = list(node.children)
        lemma = node.lemma_.lower()
        if came is not None and (came.dep_ in ("xcomp", "ccomp", "dobj", "nsubjpass", "acl", "advcl", "pcomp")
                                 or came.dep_ == "prep" and came.lower_ in ("for", "to", "on", "from")):
            if lemma in NEGATING_GOVERNORS:
                return "negated", True
            if lemma in HYPOTHETICAL_GOVERNORS:
                return "hypothetical", True
            if lemma in FUTURE_GOVERNORS:
                return "future", True
        if not crossed:
            if any(c.dep_ == "neg" for c in kids):
                return "negated", came is not None
            for c in kids:
                if c.dep_ == "aux" or (c.dep_ == "auxpass" and c.lower_ in ("will", "would")):
                    word = c.lower_
                    if word in ("will", "shall", "'ll", "wo"):
                        return "future", came is not None
                    if word in ("would", "'d"):
                        return ("future" if attributed else "hypothetical"), came is not None
                    if word in ("may", "might", "could", "can", "ca"):
                        return "hypothetical", came is not None
                    if word in ("should", "must"):
                        return "future", came is not None
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                    return "hypothetical", came is not None
            if node.dep_ in ("advcl", "acl", "xcomp", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
                head = node.head.lemma_.lower()
                if node.dep_ in ("advcl", "acl") or head in FUTURE_GOVERNORS:
                    return "future", True
        if lemma in ("say", "tell", "report", "claim", "announce", "add", "note") and came is not None:
            return "asserted", False
        if node.head.i == node.i:
            return "asserted", False
        if node.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "acl") and node.pos_ in ("VERB", "AUX"):
            crossed = True
        came, node = node, node.head


def _actor_target(hit: Hit, names: Names) -> tuple[list[str], list[str], Any]:
    tok = hit.tok
    subj = None
    target: list[str] = []
    if not hit.noun:
        subj = subject(tok)
        objs = [o for o in objects(tok) if o not in hit.used]
        if hit.type in ("ASSAULT", "COERCE", "SANCTION", "ACCUSE", "RETREAT", "THREATEN", "REQUEST", "SUPPORT", "AID", "CONSULT") and objs:
            target = phrase_names(objs[0], names)
    else:
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        by = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"), None)
        subj = owner if owner is not None else by
        head = tok.head
        if subj is None and tok.dep_ in ("dobj", "pobj") and head.lemma_.lower() in LIGHT_VERBS:
            subj = subject(head)
        elif subj is None and tok.dep_ == "pobj" and head.head.lemma_.lower() == "responsibility":
            subj = subject(head.head.head)
        elif subj is None and tok.dep_ == "nsubjpass":
            subj = subject(head)
        of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "of") for g in c.children if g.dep_ == "pobj"), None)
        if of is not None and hit.type != "CONSULT":
            target = phrase_names(of, names)
        if subj is None:
            nat = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")]
            if nat:
                subj = nat[0]
    actor = phrase_names(subj, names) if subj is not None else []
    return actor, target, subj


def _when(hit: Hit, timexes: list[Timex], starts: list[int], sent: Any, report_verb: Any) -> str | None:
    """The date of the event clause; else a date of the sentence not said of the reporting verb."""
    head = _clause_head(hit.tok)
    lo, hi = sent.start_char, sent.end_char
    cands = [t for t in timexes[bisect_left(starts, lo):bisect_right(starts, hi)]
             if t.end <= hi and t.value and t.type in ("DATE", "TIME") and DATE_VALUE.match(t.value)]
    if not cands:
        return None
    span = [t for t in head.subtree]
    a, b = span[0].idx, span[-1].idx + len(span[-1].text)
    inner = [t for t in cands if a <= t.start and t.end <= b]
    if hit.noun and hit.tok.dep_ == "pobj" and hit.tok.head.lower_ in CAUSE_PREPS:
        # 'arrested six men on Thursday over the attack': the date is the arrest's, not the attack's
        own = sorted(hit.tok.subtree, key=lambda t: t.i)
        lo_, hi_ = own[0].idx, own[-1].idx + len(own[-1].text)
        mine = [t for t in cands if lo_ <= t.start and t.end <= hi_]
        return min(mine, key=lambda t: abs(t.start - hit.tok.idx)).value if mine else None
    if report_verb is not None:
        outer = [c for c in report_verb.children if c.dep_ not in ("ccomp", "parataxis", "conj")]
        banned = [(min(x.idx for x in c.subtree), max(x.idx + len(x.text) for x in c.subtree)) for c in outer] + [(report_verb.idx, report_verb.idx + len(report_verb.text))]
        cands = [t for t in cands if not any(s <= t.start and t.end <= e for s, e in banned)]
    pool = inner or cands
    if not pool:
        return None
    return min(pool, key=lambda t: abs(t.start - hit.tok.idx)).value


def _place(hit: Hit, sent: Any, prev: Any, places: list[tuple[int, int, EntityRecord]]) -> EntityRecord | None:
    def within(lo: int, hi: int) -> list[tuple[int, int, EntityRecord]]:
        return [p for p in places if lo <= p[0] and p[1] <= hi]

    def ok(p: tuple[int, int, EntityRecord], doc: Any) -> bool:
        span = doc.char_span(p[0], p[1], alignment_mode="expand")
        if span is None:
            return True
        prep = span.root.head
        return not (span.root.dep_ == "pobj" and prep.lower_ in ("from", "to", "toward", "towards", "into"))

    def best(cands: list[tuple[int, int, EntityRecord]], want: tuple[str, ...] | None = None) -> EntityRecord | None:
        cands = [c for c in cands if c[2].place is not None]
        if want:
            cands = [c for c in cands if c[2].place and c[2].place.precision in want] or cands
        if not cands:
            return None
        return min(cands, key=lambda c: (SPECIFIC.get(c[2].place.precision if c[2].place else "", 9), abs(c[0] - hit.tok.idx)))[2]

    doc = sent.doc

    def scan(tokens: list[Any]) -> EntityRecord | None:
        for t in tokens:
            lemma = t.lemma_.lower()
            if lemma in ANAPHORA and (lemma == "there" or any(c.lower_ in ("the", "this", "that") for c in t.children)):
                got = best(within(sent.start_char, t.idx), ANAPHORA[lemma])
                if got is None and prev is not None:
                    got = best(within(prev.start_char, prev.end_char), ANAPHORA[lemma])
                if got is not None:
                    return got
        if not tokens:
            return None
        lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return best([p for p in within(lo, hi) if ok(p, doc) and any(t.idx <= p[0] < t.idx + len(t.text) + 1 for t in tokens)])

    own = sorted((t for t in hit.tok.subtree if not any(a.dep_ == "relcl" and hit.tok.is_ancestor(a) for a in t.ancestors)), key=lambda t: t.i)
    found = scan(own)
    if found is None:
        head = _clause_head(hit.tok)
        found = scan(pruned_clause(head))
    if found is not None:
        return found
    return best([p for p in within(sent.start_char, sent.end_char) if ok(p, doc)])


def pruned_clause(head: Any) -> list[Any]:
    """A clause's tokens without relative clauses and reported clauses below it."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("relcl", "ccomp", "parataxis") or tok.i == head.i and c.dep_ == "ccomp")
    return sorted(out, key=lambda t: t.i)


def _confidence(hit: Hit, actor: list[str], embedded: bool, modality_: str) -> float:
    c = hit.weight
    c += 0.1 if (not hit.noun and actor) else 0.0
    c -= 0.1 if (hit.noun and not actor) else 0.0
    c -= 0.15 if embedded else 0.0
    if hit.noun and hit.tok.tag_ == "NNS" and not any(ch.dep_ == "det" for ch in hit.tok.children):
        c -= 0.1
    if modality_ == "negated":
        c -= 0.05
    if side_clause(hit.tok):
        c -= 0.1
    return round(min(0.99, max(0.05, c)), 3)


def side_clause(tok: Any) -> bool:
    """Whether the event is told on the side: in a clause hung on a reporting verb ('..., the
    commissioner said, urging prosecutors to act') or in a 'before/after/as' clause of another event."""
    head = _clause_head(tok)
    if head.dep_ != "advcl":
        return False
    if head.head.lemma_.lower() in ("say", "tell", "add", "state", "announce", "report"):
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("before", "after", "as", "while", "until", "when") for c in head.children)


def _sentence_events(sent: Any, prev: Any, ctx: dict[str, Any]) -> list[Draft]:
    names: Names = ctx["names"]
    hits = find_hits(sent, ctx["model"], ctx["threshold"])
    if not hits:
        return []
    threats = [h for h in hits if h.type == "THREATEN"]
    absorbed = {h.tok.i for t in threats for h in hits if h is not t and t.tok.is_ancestor(h.tok)}
    drafts: dict[str, Draft] = {}
    q = quote_at(ctx["quotes"], ctx["qstarts"], sent.start_char) if ctx["quotes"] else None
    fat, flag = fatalities(sent.text)
    hurt = injured(sent.text)
    for hit in hits:
        if hit.tok.i in absorbed:
            continue
        actor, target, subj = _actor_target(hit, names)
        place = _place(hit, sent, prev, ctx["places"])
        implicit = False
        state = ctx["states"].get(place.place.country) if place is not None and place.place is not None else None
        if not actor and hit.type in ("COERCE", "MOBILIZE", "SANCTION") and state and (
                hit.noun or any(c.dep_ in ("nsubjpass", "auxpass") for c in hit.tok.children)):
            actor, implicit = [state], True
        hit = protest_override(hit, subj)
        if hit.type == "ASSAULT":
            hit.mode = assault_mode(hit)
        elif hit.type == "MOBILIZE":
            hit.mode = mobilize_mode(hit)
        elif hit.type == "THREATEN":
            hit.mode = threaten_mode(hit, [h for h in hits if h is not hit and hit.tok.is_ancestor(h.tok)])
        quote = quote_at(ctx["quotes"], ctx["qstarts"], hit.tok.idx) if ctx["quotes"] else q
        source, report_verb = reported_by(hit.tok, names)
        attributed = (quote.speaker_name or quote.via or "unnamed source") if quote is not None else source
        if quote is not None and source is None:
            report_verb = None
        if report_verb is not None and report_verb.lemma_.lower() == "deny" and hit.type != "REJECT":
            mod, embedded = "negated", True
        else:
            mod, embedded = modality(hit, attributed is not None)
        if hit.type in ("ACCUSE", "REJECT") and report_verb is not None and report_verb.i == hit.tok.i:
            attributed, report_verb = None, None
        when = _when(hit, ctx["timexes"], ctx["tstarts"], sent, report_verb)
        if hit.type == "AID" and hit.tok.lemma_.lower() in ("pledge", "promise", "offer") and mod == "asserted":
            mod = "future"
        verbs = [hit.tok, *hit.tok.conjuncts] if not hit.noun else [_clause_head(hit.tok)]
        quants = quantities([v for v in verbs if v.pos_ in ("VERB", "AUX")])
        if hurt is not None and hit.type == "ASSAULT":
            quants.append(("injured", float(hurt)))
        draft = Draft(hit.type, hit.mode, mod, actor, target, place, when,
                      fat if hit.type in ("ASSAULT", "PROTEST") else None, flag if hit.type in ("ASSAULT", "PROTEST") else None,
                      quants, attributed, _confidence(hit, actor, embedded, mod) - (0.1 if implicit else 0.0),
                      [(sent.start_char, sent.end_char)],
                      definite=hit.noun and any(c.lower_ in ("the", "this", "that") for c in hit.tok.children))
        key = hit.type if hit.type != "ASSAULT" or mod == "asserted" else f"{hit.type}:{mod}"
        old = drafts.get(key)
        if old is None:
            drafts[key] = draft
            continue
        keep, other = (old, draft) if old.confidence >= draft.confidence else (draft, old)
        keep.mode = keep.mode or other.mode
        keep.actor = keep.actor or other.actor
        keep.target = keep.target or other.target
        keep.when = keep.when or other.when
        keep.place = keep.place or other.place
        keep.quantities = keep.quantities + [x for x in other.quantities if x not in keep.quantities]
        keep.definite = keep.definite and other.definite
        keep.confidence = round(min(0.99, keep.confidence + 0.05), 3)
        drafts[key] = keep
    if "ASSAULT" not in drafts and "PROTEST" in drafts and drafts["PROTEST"].fatalities is None:
        pass
    return list(drafts.values())


def _merge_coreferent(events: list[Draft]) -> list[Draft]:
    """'the attack on Dec. 28' after 'a terrorist attack occurred ...': one event, dates filled in."""
    out: list[Draft] = []
    for ev in events:
        prior = next((p for p in reversed(out) if p.type == ev.type and p.modality == "asserted" == ev.modality
                      and p.sources[-1] != ev.sources[0]), None) if ev.definite else None
        if prior is not None and (ev.fatalities is None or prior.fatalities in (None, ev.fatalities)):
            prior.sources.append(ev.sources[0])
            prior.when = prior.when or ev.when
            prior.place = prior.place or ev.place
            prior.fatalities = prior.fatalities if prior.fatalities is not None else ev.fatalities
            prior.actor = prior.actor or ev.actor
            prior.mode = prior.mode or ev.mode
            continue
        out.append(ev)
    return out


def extract_events(doc: Any, article: Article, timexes: tuple[Timex, ...] | list[Timex],
                   entities: tuple[EntityRecord, ...] | list[EntityRecord],
                   quotes: tuple[Quote, ...] | list[Quote], model: Any = None, threshold: float = 0.4) -> list[Event]:
    """The events of one article. `doc` is the spaCy Doc of `article.body` (or its parsed prefix);
    timexes, entities and quotes are what the earlier stages found in the same body. `model` is the
    trigger classifier (`events.classifier`) that reads event words the rules do not know, from
    `threshold` up; None gives the rules alone."""
    if doc is None or not len(doc):
        return []
    tx = sorted((t for t in timexes), key=lambda t: t.start)
    qs = sorted(quotes, key=lambda q: q.start)
    places = sorted((m.start, m.end, e) for e in entities if e.place is not None for m in e.mentions if m.kind == "name")
    ctx: dict[str, Any] = {"names": Names(entities), "timexes": tx, "tstarts": [t.start for t in tx],
                           "quotes": qs, "qstarts": [q.start for q in qs], "places": places,
                           "model": model, "threshold": threshold}
    ctx["states"] = {e.place.country: e.name for e in entities
                     if e.type == "GPE" and e.place is not None and e.place.precision == "country" and e.place.country}
    drafts: list[Draft] = []
    prev = None
    for sent in doc.sents:
        if len(sent) > 3:
            found = _sentence_events(sent, prev, ctx)
            if not drafts:  # the lead states the report's own main event: it is the best supported
                for d in found:
                    d.confidence = round(min(0.99, d.confidence + LEAD_BONUS), 3)
            drafts.extend(found)
        prev = sent
    body = article.body
    events = []
    for d in _merge_coreferent(drafts):
        sources = tuple((s, e) for s, e in d.sources if body[s:e] == doc.text[s:e])
        if not sources:
            continue
        place: Place | None = d.place.place if d.place is not None else None
        events.append(Event(type=d.type, mode=d.mode, modality=d.modality, actor=tuple(d.actor), target=tuple(d.target),
                            location=place, location_name=d.place.name if d.place is not None else None, when=d.when,
                            fatalities=d.fatalities, fatalities_flag=d.fatalities_flag,
                            quantities=tuple(d.quantities), attributed_to=d.attributed_to, confidence=d.confidence,
                            sources=sources))
    return events
