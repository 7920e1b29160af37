"""Reporting structures on the dependency parse: who reports what, with which cue, through whom.

A `Report` is one reporting verb ('said', 'pledged', 'made a pledge') or 'according to' with its
speaker mention, its content clause (token range) where it has one, and `via` where an outer report
carries it ('state media reported that Yusuf pledged ...', 'Zhu was quoted by the Daily as saying ...').
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicon import JUDGE_VERBS, LIGHT_VERBS, NOT_STATEMENT_WH, REPORT_NOUNS, REPORT_VERBS, XCOMP_VERBS
from .speakers import Mention, mention_of, sent_bounds

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_LEAD_DROP = frozenset("that , ; : — – - and but as".split())


@dataclass(slots=True)
class Report:
    anchor: int  # token index of the cue (the verb, or 'according')
    cue: str
    speaker: Mention | None
    content: tuple[int, int] | None  # token range [i, j) of the content clause
    via: Mention | None = None
    carrier: bool = False  # its content is itself a report: it is only the `via` of that one
    inner: list[int] = field(default_factory=list)


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    for aux in verb.children:  # 'officials have in the past said': the subject hangs on the auxiliary
        if aux.dep_ in ("aux", "auxpass"):
            for c in aux.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return c
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def _quoted_as_saying(verb: Token) -> tuple[Token | None, Token | None] | None:
    """'Zhu was quoted by the Daily as saying ...': (Zhu, the Daily)."""
    up = verb.head
    if up.lower_ == "as" and up.dep_ == "prep":
        up = up.head
    if up is verb or up.lemma_.lower() != "quote":
        return None
    obj = next((c for c in up.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None:  # active: 'Reuters quoted Berg as saying ...'
        return obj, next((c for c in up.children if c.dep_ == "nsubj"), None)
    subj = next((c for c in up.children if c.dep_ in _SUBJ), None)
    agent = next((c for c in up.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return subj, by


def _content_range(root: Token, exclude: Token | None = None) -> tuple[int, int] | None:
    doc = root.doc
    i, j = root.left_edge.i, root.right_edge.i + 1
    if exclude is not None:  # parataxis: 'Y, the governor said' parsed with Y as the head
        lo = exclude.left_edge.i
        if lo > i:
            j = min(j, lo)
    while i < j and (doc[i].lower_ in _LEAD_DROP or doc[i].is_punct or doc[i].is_space):
        if doc[i].lower_ in ("that", "as") and doc[i].dep_ not in ("mark", "prep", "punct"):
            break
        i += 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space) and doc[j - 1].text not in ")]%$":
        j -= 1
    if j - i < 2 or doc[i].lower_ in NOT_STATEMENT_WH:
        return None
    return i, j


def _negated(t: Token, in_quote: Callable[[int], bool]) -> bool:
    """A 'not' on the verb, outside quotation marks ('"Absolutely not," he replied' is no negation)."""
    return any(c.dep_ == "neg" and not in_quote(c.idx) for c in t.children)


def _verb_report(t: Token, in_quote: Callable[[int], bool] = lambda _i: False) -> Report | None:
    lemma = t.lemma_.lower()
    if lemma not in REPORT_VERBS or t.pos_ not in ("VERB", "AUX"):
        return None
    if _negated(t, in_quote):
        return None
    content = None
    for c in t.children:
        if c.dep_ == "ccomp" and c.i != t.i:
            content = _content_range(c)
            break
    if content is None:
        root = _that_clause_after(t, t)
        if root is not None:
            content = _content_range(root)
    if content is not None and content[0] < t.i and (t.dep_ in ("relcl", "acl") or any(c.dep_ in ("dobj", "obj") and c.i < t.i for c in t.children)):
        return None  # '..., a charge Islamabad denies': the clause is not what the verb reports
    if content is None and lemma in XCOMP_VERBS:
        for c in t.children:
            if c.dep_ == "xcomp":
                content = _content_range(c)
                if content and t.doc[content[0]].lower_ != "to":
                    # keep the 'to' of the infinitive
                    aux = [x for x in c.children if x.lower_ == "to"]
                    if aux:
                        content = (aux[0].i, content[1])
                break
    if content is None and t.dep_ == "parataxis" and t.head.pos_ in ("VERB", "AUX") and t.head.i < t.i:
        content = _content_range(t.head, exclude=t)
    via = None
    quoted = _quoted_as_saying(t) if lemma == "say" else None
    if content is None and quoted is None:
        tail = _inverted_tail(t)
        if tail is not None:
            return tail
    if quoted is not None:
        subj, by = quoted
        speaker = mention_of(subj) if subj is not None else None
        via = mention_of(by) if by is not None else None
    else:
        subj = _subject(t)
        if subj is not None and subj.dep_ == "nsubjpass" and lemma not in ("quote",):
            return None  # 'X was told that ...': X is not the speaker
        speaker = mention_of(subj) if subj is not None else None
        if speaker is not None and subj is not None:
            via_sp = _quoting_source(subj)
            if via_sp is not None:
                speaker, via = via_sp
    if content is None and lemma not in ("say", "add", "tell", "state", "declare", "claim", "insist", "write", "quote"):
        return None
    return Report(t.i, lemma, speaker, content, via)


def _that_clause_after(verb: Token, after: Token) -> Token | None:
    """'said in a report released on Monday that ...': the first 'that' clause a few words on, in the verb's subtree."""
    sub = {x.i for x in verb.subtree}
    for k in range(after.i + 1, min(after.i + 12, sent_bounds(after)[1])):
        m = after.doc[k]
        if m.lower_ == "that" and m.dep_ == "mark" and m.head.i in sub and m.head.i > k:
            return m.head
        if m.dep_ == "ccomp" or m.text in ";:\u201c\u201d\"":
            return None
    return None


def _inverted_tail(t: Token) -> Report | None:
    """'Y, the governor of X said on Wednesday.' parsed with Y as the main clause and no ccomp."""
    doc = t.doc
    sent = t.doc[slice(*sent_bounds(t))]
    if t.i - sent.start < 5 or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i for c in t.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in t.children):
        return None
    after = [x for x in doc[t.i + 1: sent.end] if not x.is_punct]
    subj_after = next((c for c in t.children if c.dep_ == "nsubj" and c.i > t.i), None)
    comma = None
    if subj_after is not None:  # '..., said the governor.'
        if doc[t.i - 1].text in (",", "”", '"'):
            comma = t.i - 1
    else:
        for k in range(t.i - 1, max(sent.start, t.i - 12), -1):
            if doc[k].text == ",":
                comma = k
                break
            if doc[k].pos_ in ("VERB",) or doc[k].text in ";:":
                return None
    if comma is None or comma - sent.start < 4:
        return None
    if subj_after is not None:
        head = subj_after
    else:
        if comma + 1 >= t.i:
            return None
        head = doc[comma + 1: t.i].root
        if head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
    del after
    content = _content_range_tokens(doc, sent.start, comma)
    return Report(t.i, t.lemma_.lower(), mention_of(head), content)


def _content_range_tokens(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    while i < j and (doc[i].is_punct or doc[i].is_space):
        i += 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    return (i, j) if j - i >= 2 else None


def _quoting_source(subj: Token) -> tuple[Mention, Mention] | None:
    """'media reports quoting official sources': (official sources, media reports)."""
    for c in subj.children:
        if c.dep_ == "acl" and c.lemma_.lower() == "quote":
            obj = next((x for x in c.children if x.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                inner = mention_of(obj)
                outer = mention_of(subj)
                if inner is not None and outer is not None:
                    toks = [x for x in subj.doc[subj.left_edge.i: c.i] if x.idx >= outer.start] or [subj]
                    outer_text = subj.doc[toks[0].i: toks[-1].i + 1].text.rstrip(" ,")
                    outer = Mention(outer_text, outer.start, outer.start + len(outer_text), outer.kind, outer.head, outer.person)
                    return inner, outer
    return None


def _judge_report(t: Token, in_quote: Callable[[int], bool]) -> Report | None:
    """'X accused Y of Z' / 'X praised Y for Z': the object and its 'of' / 'for' phrase."""
    preps = JUDGE_VERBS.get(t.lemma_.lower())
    if preps is None or t.pos_ != "VERB" or _negated(t, in_quote):
        return None
    obj = next((c for c in t.children if c.dep_ in ("dobj", "obj") and c.i > t.i), None)
    if obj is None:
        return None
    prep = next((c for c in [*obj.children, *t.children] if c.dep_ == "prep" and c.lower_ in preps and c.i > obj.i
                 and any(x.dep_ in ("pobj", "pcomp") for x in c.children)), None)
    if prep is None:
        return None
    subj = _subject(t)
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    content = _content_range_tokens(t.doc, obj.left_edge.i, prep.right_edge.i + 1)
    if content is None:
        return None
    return Report(t.i, t.lemma_.lower(), mention_of(subj), content)


def _noun_report(t: Token) -> Report | None:
    """'made a pledge that ...', 'expressed concern that ...'."""
    if t.lemma_.lower() not in REPORT_NOUNS or t.pos_ != "NOUN":
        return None
    verb = t.head
    if t.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    root = next((c for c in t.children if c.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
    if root is None:
        root = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if root is None:  # 'made a pledge during a speech that ...': the nearest 'that' clause after the noun
        root = _that_clause_after(verb, t)
    if root is None:
        return None
    content = _content_range(root)
    if content is None:
        return None
    subj = _subject(verb)
    speaker = mention_of(subj) if subj is not None else None
    return Report(verb.i, t.lemma_.lower(), speaker, content)


def _according_to(t: Token) -> Report | None:
    if t.lower_ != "according":
        return None
    to = next((c for c in t.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None:
        return None
    speaker = mention_of(obj)
    sent = t.doc[slice(*sent_bounds(t))]
    end = max(x.i for x in t.subtree) + 1
    doc = t.doc
    before = [x for x in doc[sent.start: t.i] if not x.is_punct]
    after = [x for x in doc[end: sent.end] if not x.is_punct]
    lo, hi = sent.start, sent.end
    if len(before) >= 3 and len(after) < 3:
        hi = t.i
    elif len(after) >= 3 and len(before) < 3:
        lo = end
    elif len(before) < 3 and len(after) < 3:
        return Report(t.i, "according to", speaker, None)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return Report(t.i, "according to", speaker, (lo, hi) if hi - lo >= 2 else None)


def find_reports(doc: Doc, in_quote: Callable[[int], bool]) -> list[Report]:
    """Every reporting structure outside quotation marks, carriers marked and their `via` passed on."""
    reports: dict[int, Report] = {}
    for t in doc:
        if in_quote(t.idx):
            continue
        rep = _verb_report(t, in_quote) or _judge_report(t, in_quote) or _noun_report(t) or _according_to(t)
        if rep is not None and rep.anchor not in reports:
            reports[rep.anchor] = rep
    # chains: a report whose content clause holds another report only carries it
    by_anchor = sorted(reports.values(), key=lambda r: r.anchor)
    for outer in by_anchor:
        if outer.content is None or outer.cue == "according to":
            continue
        i, j = outer.content
        for inner in by_anchor:
            if inner is outer or not (i <= inner.anchor < j) or inner.content is None:
                continue
            head = doc[inner.anchor]
            if head.i == _content_root(doc, outer.content) or head.dep_ in ("conj",) and head.head.i == _content_root(doc, outer.content):
                outer.carrier = True
                if inner.via is None:
                    inner.via = outer.speaker
    # 'X said Y, according to Z': Z carries it
    for acc in by_anchor:
        if acc.cue != "according to":
            continue
        sent = doc[slice(*sent_bounds(doc[acc.anchor]))]
        others = [r for r in by_anchor if r is not acc and r.cue != "according to" and sent.start <= r.anchor < sent.end and not r.carrier]
        if others:
            acc.carrier = True
            for r in others:
                if r.via is None:
                    r.via = acc.speaker
    return list(by_anchor)


def _content_root(doc: Doc, rng: tuple[int, int]) -> int:
    span = doc[rng[0]: rng[1]]
    return span.root.i
