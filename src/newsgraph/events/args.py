"""Who did it to whom, and on whose word: argument phrases read from the dependency parse, named by
the entities the earlier stage found inside them."""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from newsgraph.records import EntityRecord, Quote

SUBJ = ("nsubj", "nsubjpass", "csubj")
PRUNE = frozenset({"relcl", "acl", "advcl", "punct", "parataxis", "ccomp"})
# the source's own labels: kept in the source sentence, never made part of an actor's name
LABELS = frozenset("terrorist terror extremist radical separatist suspected alleged so-called notorious".split())
# heads whose 'of' phrase names the group: 'members of the East Turkestan Islamic Movement'
MEMBER_HEADS = frozenset("""member fighter militant supporter soldier troop force army unit officer official police
    agent leader militiaman operative gunman cell wing faction commander""".split())
# heads whose national modifiers name a state actor: 'China and Pakistan armies'
STATE_HEADS = frozenset("army military government force troop navy administration".split())
REPORT_VERBS = frozenset("""say tell claim report state announce confirm add insist allege believe suspect think note
    explain write declare reveal disclose maintain argue assert contend acknowledge admit fear estimate testify
    indicate suggest accuse charge quote deny""".split())
LIGHT_VERBS = frozenset("""carry conduct launch stage hold mount execute perpetrate commit orchestrate organize organise
    lead sign reach begin start make take go join plan claim mastermind""".split())
NAME_TYPES = ("PERSON", "ORG", "GPE", "FAC", "LOC")


class Names:
    """Entity mentions of one article, looked up by character offset."""

    def __init__(self, entities: tuple[EntityRecord, ...] | list[EntityRecord]) -> None:
        spans = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans

    def within(self, start: int, end: int) -> list[tuple[int, int, EntityRecord]]:
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def at(self, start: int, end: int) -> EntityRecord | None:
        """The entity whose mention covers [start, end)."""
        i = bisect_right(self.starts, start) - 1
        while i >= 0 and i > bisect_right(self.starts, start) - 8:
            s, e, ent = self.spans[i]
            if s <= start and end <= e:
                return ent
            i -= 1
        return None


def subject(verb: Any) -> Any | None:
    """The doer of `verb`: its subject, the agent of a passive, or a shared subject up the chain
    (conjoined verbs, 'agreed to disarm', 'was ordered to prevent')."""
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl" and verb.head.i < verb.i and any(c.dep_ == "dobj" for c in verb.children):
            return verb.head  # 'insurgents abducted 25 villagers' misread as a reduced relative clause
        return None
    return None


def objects(verb: Any) -> list[Any]:
    """Whom the verb acts on: direct object, passive subject, 'on/against/at' objects."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at", "with", "upon"):
            out += [g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    return out


def pruned(head: Any, keep_preps: bool = False) -> list[Any]:
    """The tokens of a noun phrase without clauses, appositions and (unless asked) prepositions
    other than 'of'."""
    out = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for c in tok.children:
            if c.dep_ in PRUNE or (tok is head and c.dep_ in ("cc", "conj", "appos")):
                continue
            if c.dep_ == "prep" and not keep_preps and c.lower_ != "of":
                continue
            if tok is head and c.dep_ == "amod" and c.i == head.head.i + 1 and head.head.pos_ == "VERB" and c.i < head.i:
                continue  # a resultative adjective misread as the object's: 'shot dead two shopkeepers'
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def as_written(tokens: list[Any]) -> str:
    while tokens and (tokens[0].dep_ in ("det", "predet", "punct", "cc") or tokens[0].lower_ in LABELS):
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ in ("punct", "case"):
        tokens = tokens[:-1]
    tokens = [t for t in tokens if not (t.lower_ in LABELS and t.dep_ in ("amod", "compound"))]
    return " ".join(t.text for t in tokens).replace(" 's", "'s").replace(" ’s", "’s")


def _resolve(tok: Any, names: Names) -> Any:
    """A relative pronoun's antecedent; a personal pronoun stays (the entity stage may know it)."""
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def phrase_names(head: Any, names: Names) -> list[str]:
    """Canonical names for the phrase headed by `head` and its conjuncts, or the phrase as written."""
    heads = [head] + [c for c in head.conjuncts if c.i > head.i]
    out: list[str] = []
    for h in heads:
        h = _resolve(h, names)
        if h.pos_ == "PRON":
            ent = names.at(h.idx, h.idx + len(h.text))
            if ent is not None:
                out.append(ent.name)
            continue
        toks = pruned(h)
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        covering = names.at(h.idx, h.idx + len(h.text))
        if covering is not None and covering.type in NAME_TYPES:
            out.append(covering.name)
            continue
        inside = [e for _, _, e in names.within(start, end) if e.type in NAME_TYPES]
        lemma = h.lemma_.lower()
        if inside and lemma in MEMBER_HEADS | STATE_HEADS:
            if lemma in STATE_HEADS and all(e.type == "GPE" for e in inside):
                out.extend(e.name for e in inside)
                continue
            of_prep = next((c for c in h.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            of_start = of_prep.idx if of_prep is not None else end
            of = [e for s_, _, e in names.within(of_start, end) if e.type in ("ORG", "GPE")]
            if of:
                out.append(of[0].name)
                continue
        text = as_written(toks)
        if text:
            out.append(text)
    seen: set[str] = set()
    return [n for n in out if not (n.lower() in seen or seen.add(n.lower()))]  # type: ignore[func-returns-value]


def source_name(head: Any, names: Names) -> str | None:
    """Whose word: a person's canonical name, or an unnamed source as written ('officials in Quetta')."""
    h = _resolve(head, names)
    ent = names.at(h.idx, h.idx + len(h.text))
    if ent is not None and (ent.type == "PERSON" or h.pos_ == "PRON" or ent.type == "ORG"):
        return ent.name
    if h.pos_ == "PRON":
        return None
    text = as_written(pruned(h, keep_preps=True))
    return text or None


def quote_at(quotes: list[Quote], starts: list[int], offset: int) -> Quote | None:
    """The quote whose span covers `offset` (the innermost)."""
    i = bisect_right(starts, offset) - 1
    best = None
    while i >= 0 and i > bisect_right(starts, offset) - 12:
        q = quotes[i]
        if q.start <= offset < q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
        i -= 1
    return best


def reported_by(tok: Any, names: Names) -> tuple[str | None, Any | None]:
    """The source a clause is reported from, read from the parse: 'X said (that) ...', '..., X said',
    'according to X'. Returns (name, reporting verb)."""
    sent = tok.sent
    node = tok
    while node.head.i != node.i:
        child, node = node, node.head
        if node.lemma_.lower() in REPORT_VERBS and child.dep_ in ("ccomp", "parataxis", "xcomp", "dobj", "conj") and node.pos_ in ("VERB", "AUX"):
            if child.dep_ == "dobj" and child.pos_ != "VERB":
                continue
            subj = subject(node)
            if subj is not None:
                return source_name(subj, names), node
    root = sent.root
    for c in root.children:
        if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in REPORT_VERBS and c.i > tok.i \
                and not any(g.dep_ == "ccomp" for g in c.children):
            subj = subject(c)
            if subj is not None:
                return source_name(subj, names), c
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.nbor().lower_ == "to":
            pobj = next((g for g in t.nbor().children if g.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((g for c in t.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                inner = next((g for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                              for g in c.children if g.dep_ == "pobj"), None)
                return source_name(inner if inner is not None and pobj.lemma_.lower() in ("report", "release", "statement") else pobj, names), t
    return None, None
