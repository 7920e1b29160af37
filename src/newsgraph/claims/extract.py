"""Claims of one report: what its speakers state, what it states itself, what its readers state."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from newsgraph.records import Article, EntityRecord, Quote, Timex

from .about import Mentions, alias_table, comment_names, names_in, topic_names, when_of
from .predicate import DENY_VERBS, Predicate, is_question, predicate
from .record import Claim

MIN_WORDS = 3
# a sentence ends at . ! ? before a capitalised word, with a space or (readers type fast) without
COMMENT_END = re.compile(r"[.!?]+['\"’”)]*(?:\s+(?=[\"“‘'(]?[A-Z0-9])|(?=[A-Z][a-z]))")
# ... but not after an abbreviation: "U.S.", "Mr.", "Gen."
ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Prof|St|Jr|Sr|Inc|Ltd|Co|No|vs)\.)$")
STATEMENT_END = re.compile(r"[.!]['\"’”)\]]*$")


def comment_sentences(comments: Sequence[str]) -> list[str]:
    """The sentences of the reader comments, as written, in order: parse these (one Doc each) and
    pass the Docs to `claims_of` as `comment_docs`."""
    out: list[str] = []
    for comment in comments:
        start = 0
        for m in COMMENT_END.finditer(comment):
            if ABBREVIATION.search(comment[start:m.start() + 1]):
                continue
            out.append(comment[start:m.end()].strip())
            start = m.end()
        out.append(comment[start:].strip())
    return [piece for piece in out if piece]


def _words(span: Any) -> int:
    return sum(1 for t in span if not t.is_punct and not t.is_space)


def _stance(pred: Predicate | None, cue: str | None = None) -> str:
    negated = bool(pred and pred.negated)
    if cue and cue.split()[0].lower() in DENY_VERBS:
        negated = not negated
    return "denies" if negated else "asserts"


def _trim(body: str, a: int, b: int) -> tuple[int, int]:
    while a < b and body[a].isspace():
        a += 1
    while b > a and body[b - 1].isspace():
        b -= 1
    return a, b


def _quote_claims(doc: Any, body: str, q: Quote, mentions: Mentions, table: list[tuple[re.Pattern[str], str]],
                  timexes: Sequence[Timex], published: str | None) -> list[Claim]:
    speaker = q.speaker_name or q.via
    if not speaker:
        return []  # a statement nobody is found to make must not read as the report's own
    skip = mentions.entity_at(q.speaker_start, q.speaker_end)
    topics = topic_names(doc, q.start, q.end, mentions, skip)
    own: list[str] = []
    if q.speaker_start is not None and q.speaker_end is not None:
        # "the foreign ministry of X": what the speaker's own words name, by mention or by name
        own = mentions.within(q.speaker_start, q.speaker_end)
        own += [n for n in names_in(body[q.speaker_start:q.speaker_end], table) if n not in own]
    pieces: list[tuple[int, int]] = []
    whole = doc.char_span(q.start, q.end, alignment_mode="expand")
    if whole is None:
        return []
    if q.kind == "direct":
        for sent in whole.sents:
            a, b = max(sent.start_char, q.start), min(sent.end_char, q.end)
            if a < b:
                pieces.append(_trim(body, a, b))
    else:
        pieces.append(_trim(body, q.start, q.end))
    out = []
    for a, b in pieces:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or _words(span) < MIN_WORDS or is_question(span):
            continue
        pred = predicate(span)
        about = mentions.within(a, b)  # what the statement names, the speaker too ("Yusuf is innocent")
        # "we have no links": the speaker's side (what its name names: "the ministry of X") is the
        # subject; "I": the speaker too
        side = [n for n in own if pred is not None and (pred.own == "self" or n not in mentions.people)]
        extra = topics + side if pred is not None and pred.own else topics
        about += [n for n in extra if n not in about]
        out.append(Claim(text=body[a:b], start=a, end=b, attributed_to=speaker, stance=_stance(pred, q.cue),
                         about=tuple(about), when=when_of(a, b, pred.tense if pred else None, timexes, published),
                         from_comment=False, key=pred.key if pred else None))
    return out


def _named_argument(pred: Predicate, mentions: Mentions, span: Any) -> bool:
    """Whether the predicate's subject or object names an entity (the report states something of it)."""
    for c in pred.head.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "dative", "prep") and span.start <= c.i < span.end:
            sub = list(c.subtree)
            if mentions.within(sub[0].idx, sub[-1].idx + len(sub[-1].text)):
                return True
    return False


def _report_claims(doc: Any, body: str, taken: list[tuple[int, int]], mentions: Mentions,
                   timexes: Sequence[Timex], published: str | None) -> list[Claim]:
    """Declarative sentences in the report's own voice that state something of a named entity."""
    out = []
    for sent in doc.sents:
        offset = sent.start_char
        for line in sent.text.split("\n"):
            a, b = _trim(body, offset, offset + len(line))
            offset += len(line) + 1
            if a >= b or any(a < y and x < b for x, y in taken) or not STATEMENT_END.search(body[a:b]):
                continue
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None or _words(span) < MIN_WORDS or is_question(span):
                continue
            pred = predicate(span)
            if pred is None or not pred.finite or pred.key is None or not _named_argument(pred, mentions, span):
                continue
            out.append(Claim(text=body[a:b], start=a, end=b, attributed_to=None, stance=_stance(pred),
                             about=tuple(mentions.within(a, b)), when=when_of(a, b, pred.tense, timexes, published),
                             from_comment=False, key=pred.key))
    return out


def _comment_claims(comment_docs: Sequence[Any], table: list[tuple[re.Pattern[str], str]]) -> list[Claim]:
    """Readers' sentences that state something of a named entity: never the report's voice. A
    comment's time is the calendar date it states, if any (when it was written is unknown)."""
    from newsgraph.timex import tag

    out = []
    for cdoc in comment_docs:
        for sent in cdoc.sents:
            text = sent.text.strip()
            if _words(sent) < MIN_WORDS or is_question(sent):
                continue
            pred = predicate(sent)
            about = comment_names(sent, table)
            if pred is None or not about:
                continue
            when = when_of(0, len(sent.text), None, tag(sent.text, None), None)
            out.append(Claim(text=text, start=None, end=None, attributed_to=None, stance=_stance(pred),
                             about=tuple(about), when=when, from_comment=True, key=pred.key))
    return out


def claims_of(doc: Any, article: Article, quotes: Sequence[Quote], entities: Sequence[EntityRecord],
              timexes: Sequence[Timex], comment_docs: Sequence[Any] = ()) -> list[Claim]:
    """The claims of one report: each attributed statement (one per sentence of a direct quotation),
    the report's own declarative sentences about named entities, and the reader comments' sentences
    that name an entity (`comment_docs`: the Docs of `comment_sentences(article.comments)`).

    `doc` is the spaCy parse of `article.body` (None: no report claims, comments still read).
    Report claims come first in body order, then comment claims in comment order.
    """
    body = article.body
    mentions = Mentions(entities)
    table = alias_table(entities)
    published = article.published
    out: list[Claim] = []
    if doc is not None:
        taken: list[tuple[int, int]] = []
        for q in sorted(quotes, key=lambda q: (q.start, q.end)):
            taken.append((q.start, q.end))
            if q.speaker_start is not None and q.speaker_end is not None:
                taken.append((q.speaker_start, q.speaker_end))
            out.extend(_quote_claims(doc, body, q, mentions, table, timexes, published))
        out.extend(_report_claims(doc, body, taken, mentions, timexes, published))
    seen: set[tuple[int | None, int | None]] = set()
    unique = []
    for c in sorted(out, key=lambda c: (c.start or 0, c.end or 0, c.attributed_to or "")):
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            unique.append(c)
    return unique + _comment_claims(comment_docs, table)
