"""Claims of one report: what its speakers state, what it states itself, what its readers state."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from newsgraph.records import Article, EntityRecord, Quote, Timex

from .about import Mentions, alias_table, comment_names, topic_names, when_of
from .predicate import DENY_VERBS, Predicate, is_question, predicate
from .record import Claim

MIN_WORDS = 3
# a sentence ends at . ! ? followed by space, or (readers type fast) directly by a capitalised word
COMMENT_SPLIT = re.compile(r"(?<=[.!?])(?:\s+|(?=[A-Z][a-z]))")
STATEMENT_END = re.compile(r"[.!]['\"’”)\]]*$")


def comment_sentences(comments: Sequence[str]) -> list[str]:
    """The sentences of the reader comments, as written, in order: parse these (one Doc each) and
    pass the Docs to `claims_of` as `comment_docs`."""
    out: list[str] = []
    for comment in comments:
        for piece in COMMENT_SPLIT.split(comment):
            if piece.strip():
                out.append(piece.strip())
    return out


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


def _quote_claims(doc: Any, body: str, q: Quote, mentions: Mentions, timexes: Sequence[Timex],
                  published: str | None) -> list[Claim]:
    speaker = q.speaker_name or q.via
    if not speaker:
        return []  # a statement nobody is found to make must not read as the report's own
    skip = mentions.entity_at(q.speaker_start, q.speaker_end)
    topics = topic_names(doc, q.start, q.end, mentions, skip)
    pieces: list[tuple[int, int]] = []
    if q.kind == "direct":
        for sent in doc.sents:
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
        about = mentions.within(a, b, skip)
        about += [n for n in topics if n not in about]
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


def _comment_claims(comment_docs: Sequence[Any], entities: Sequence[EntityRecord]) -> list[Claim]:
    """Readers' sentences that state something of a named entity: never the report's voice."""
    table = alias_table(entities)
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
            out.append(Claim(text=text, start=None, end=None, attributed_to=None, stance=_stance(pred),
                             about=tuple(about), when=None, from_comment=True, key=pred.key))
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
    published = article.published
    out: list[Claim] = []
    if doc is not None:
        taken: list[tuple[int, int]] = []
        for q in sorted(quotes, key=lambda q: (q.start, q.end)):
            taken.append((q.start, q.end))
            if q.speaker_start is not None and q.speaker_end is not None:
                taken.append((q.speaker_start, q.speaker_end))
            out.extend(_quote_claims(doc, body, q, mentions, timexes, published))
        out.extend(_report_claims(doc, body, taken, mentions, timexes, published))
    seen: set[tuple[int | None, int | None]] = set()
    unique = []
    for c in sorted(out, key=lambda c: (c.start or 0, c.end or 0, c.attributed_to or "")):
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            unique.append(c)
    return unique + _comment_claims(comment_docs, entities)
