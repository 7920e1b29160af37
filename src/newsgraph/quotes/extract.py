"""`extract_quotes(doc)`: direct and indirect quotations with their speakers, from a parsed body.

Direct quotations come from paired quotation marks (see `marks`), attributed to the reporting verb or
'according to' outside the marks in the same sentence(s); a quotation with no cue of its own that
stands alone right after another continues that speaker (a floating quote). Indirect speech is the
content clause of a reporting verb or noun (see `reports`). Speakers are then resolved within the
report: 'Mr Liang' -> 'Liang Weiming', 'he' -> the last person speaking, 'the governor of X' -> the
person named as speaker just after; an unnamed source stays as written; no speaker stays None.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.records import Quote

from .lexicon import TITLES
from .marks import MarkSpan, quote_spans
from .reports import Report, find_reports
from .speakers import Mention, NameIndex, mention_of, person_antecedents, sent_bounds

_WORD = re.compile(r"\w+")
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,40}(?:,[^—–:\n]{1,40}?)?\s*(?:\([^)\n]{1,30}\))?\s*(?:—|–|-{1,2}|:)\s+")
_MIN_DIRECT_WORDS = 3
_MAX_QUOTES = 2000


@dataclass(slots=True)
class _Cand:
    kind: str
    start: int
    end: int
    cue: str | None
    speaker: Mention | None
    via: Mention | None
    conf: float
    inherit: bool = False
    para: int = 0
    name: str | None = None
    person: bool = False


class _Marks:
    """Which character offsets lie inside quotation marks."""

    def __init__(self, spans: list[MarkSpan]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]

    def at(self, pos: int) -> int:
        k = bisect.bisect_right(self.starts, pos) - 1
        # spans never overlap, but a nested pair may: look back a little
        for n in range(k, max(k - 3, -1), -1):
            if self.spans[n].start <= pos < self.spans[n].end:
                return n
        return -1

    def inside(self, pos: int) -> bool:
        return self.at(pos) >= 0


def _paragraph_index(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n", text)]


def extract_quotes(doc: Doc) -> list[Quote]:
    """Direct and indirect quotations of the body `doc.text`, in order of the text."""
    text = doc.text
    if not text.strip():
        return []
    marks = _Marks(quote_spans(text)[:_MAX_QUOTES])
    reports = find_reports(doc, marks.inside)
    newlines = _paragraph_index(text)

    def para(pos: int) -> int:
        return bisect.bisect_right(newlines, pos)

    cands: list[_Cand] = []
    direct = _direct(doc, marks, reports, para)
    cands.extend(direct)
    for rep in reports:
        if rep.carrier or rep.content is None:
            continue
        span = _indirect_span(doc, rep.content, marks)
        if span is None:
            continue
        s, e = span
        cands.append(_Cand("indirect", s, e, rep.cue, rep.speaker, rep.via, 0.8 if rep.cue != "according to" else 0.7, para=para(s)))
    cands = _dedupe(cands)
    _resolve(doc, cands, person_antecedents(doc, marks.inside))
    out = []
    for c in cands:
        if not (0 <= c.start < c.end <= len(text)):
            continue
        sp = c.speaker if c.name is not None else None
        out.append(Quote(text[c.start:c.end], c.start, c.end, c.kind, c.name,
                         sp.start if sp else None, sp.end if sp else None,
                         c.cue, c.via.text if c.via is not None else None, round(c.conf, 2)))
    return out


def _indirect_span(doc: Doc, rng: tuple[int, int], marks: _Marks) -> tuple[int, int] | None:
    """Character span of a content clause, less any direct quotation inside it (that one is direct)."""
    toks = [t for t in doc[rng[0]: rng[1]]]
    inside = [t for t in toks if marks.inside(t.idx) or (t.text in "\"“”" and marks.inside(t.idx + 1))]
    inside_i = {t.i for t in inside}
    outside = [t for t in toks if t.i not in inside_i and not t.is_punct]
    if len(outside) < 3:
        return None
    if inside:
        first_in = inside[0].i
        before = [t for t in toks if t.i < first_in]
        while before and (before[-1].is_punct or before[-1].is_space):
            before.pop()
        words_in = [t for t in inside if not t.is_punct]
        if len([t for t in before if not t.is_punct]) >= 3 and not _dangling(before[-1]):
            toks = before
        elif len(words_in) < len(outside):
            pass  # a short quotation completes the clause: 'the government had "lost control" of the border'
        else:
            return None
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in ")]%":
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if len(toks) < 2:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    line = _DATELINE.match(doc[toks[0].i: toks[-1].i + 1].text)
    if line is not None:
        line_end = start + line.end()
        if line_end < end - 10:
            start = line_end  # a dateline: 'BEIJING: ...', 'KABUL, Aug 3 (AP) — ...'
    return start, end


def _dangling(tok: Token) -> bool:
    """A clause cut before a quotation that completes it: 'the sanctions were "a dead end"'."""
    return tok.pos_ in ("AUX", "DET", "CCONJ", "SCONJ", "PRON") or (tok.pos_ == "ADP" and tok.dep_ != "prt") or tok.lemma_ in ("be", "as")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _direct(doc: Doc, marks: _Marks, reports: list[Report], para: Callable[[int], int]) -> list[_Cand]:
    text = doc.text
    out: list[_Cand] = []
    groups: dict[int, list[MarkSpan]] = {}
    for s in marks.spans:
        groups.setdefault(s.group, []).append(s)
    prev: _Cand | None = None
    for _g, segs in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        found: tuple[Report | None, Mention | None, str | None, float] | None = None
        for seg in segs:
            found = _cue_for(doc, seg, marks, reports, text)
            if found is not None:
                break
        first = segs[0]
        words = sum(_words(text[s.start:s.end]) for s in segs)
        if (found is None or found[0] is None) and len(segs) == 1 and _title_like(text[first.start:first.end]) \
                and not _stands_alone(doc, first, text):
            continue  # a title or a name in marks: '"The Long Road Home" won seven awards
        if found is None and (words < _MIN_DIRECT_WORDS or not first.closed and len(segs) == 1):
            continue
        if found is None and words < 4 and not _stands_alone(doc, first, text):
            continue
        for seg in segs:
            if found is not None:
                rep, spk, cue, conf = found
                c = _Cand("direct", seg.start, seg.end, cue, spk, rep.via if rep else None, conf, para=para(seg.start))
            else:
                c = _Cand("direct", seg.start, seg.end, None, None, None, 0.5, para=para(seg.start))
                if prev is not None and _stands_alone(doc, seg, text) and para(seg.start) - prev.para <= 1:
                    c.inherit, c.cue, c.via = True, prev.cue, prev.via
                    c.conf = 0.6
            out.append(c)
            prev = c
    return out


_MINOR = frozenset("a an the of and or in on at to for by with from as but nor vs".split())


def _title_like(quoted: str) -> bool:
    """Every word capitalised but the short ones: the title of a work, a law, a campaign."""
    words = re.findall(r"[^\W\d_][\w'’-]*", quoted)
    if len(words) < 2 or len(words) > 12 or quoted.rstrip().endswith((".", "!", "?", ",")):
        return False
    caps = [w for w in words if w[0].isupper()]
    return all(w[0].isupper() or w.lower() in _MINOR for w in words) and len(caps) >= 2


def _stands_alone(doc: Doc, seg: MarkSpan, text: str) -> bool:
    """The quotation is (nearly) its whole sentence(s): nothing outside but a word or two."""
    lo = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    if lo is None:
        return False
    s0 = doc[sent_bounds(lo[0])[0]].idx
    last = doc[sent_bounds(lo[-1])[1] - 1]
    s1 = last.idx + len(last.text)
    outside = text[s0:seg.start] + " " + text[seg.end:s1]
    return _words(outside) <= 1


def _cue_for(doc: Doc, seg: MarkSpan, marks: _Marks, reports: list[Report], text: str) -> tuple[Report | None, Mention | None, str | None, float] | None:
    """The report that attributes this quotation segment, or a partial quote's governing subject."""
    span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    if span is None:
        return None
    s0, s1 = sent_bounds(span[0])[0], sent_bounds(span[-1])[1]
    # the sentence after, when the quotation closes its sentence: '"...." He said.' is rare; skip
    near = [r for r in reports if s0 <= r.anchor < s1 and not marks.inside(doc[r.anchor].idx)]
    # a report whose content holds the quotation speaks it
    holding = [r for r in near if r.content and doc[r.content[0]].idx <= seg.start and seg.end <= doc[r.content[1] - 1].idx + len(doc[r.content[1] - 1]) + 2]
    holding = [r for r in holding if not r.carrier] or holding
    if holding:
        best = min(holding, key=lambda r: r.content[1] - r.content[0] if r.content else 0)
        return best, best.speaker, best.cue, 0.85
    cands = [r for r in near if r.speaker is not None and not r.carrier] or [r for r in near if not r.carrier]
    if cands:
        def dist(r: Report) -> int:
            pos = doc[r.anchor].idx
            return seg.start - pos if pos < seg.start else pos - seg.end
        best = min(cands, key=dist)
        return best, best.speaker, best.cue, 0.9
    intro = _colon_intro(doc, seg, marks)
    if intro is not None:
        return None, intro, None, 0.6
    # a partial quotation inside a sentence: the subject of the verb that governs it
    if _words(text[seg.start:seg.end]) < 4:
        return None
    node = span.root
    for _ in range(30):
        if node.head is node:
            break
        node = node.head
        if seg.start <= node.idx < seg.end:
            continue
        if node.pos_ in ("VERB", "AUX"):
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and not (seg.start <= c.idx < seg.end)), None)
            if subj is not None:
                return None, mention_of(subj), node.lemma_.lower(), 0.5
    return None


def _colon_intro(doc: Doc, seg: MarkSpan, marks: _Marks) -> Mention | None:
    """'Mr Lee was blunt: "..."' / 'The statement from the ministry read: "..."': the clause before the colon.

    Only a named source, a person pronoun or an office (or a document from a named source) speaks:
    'The rules are simple: "..."' has no speaker.
    """
    k = seg.start - 1
    while k >= 0 and doc.text[k] in " \"“'‘":
        k -= 1
    if k < 0 or doc.text[k] != ":":
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    c = colon[0].i
    s0 = sent_bounds(doc[c])[0]
    for t in reversed(doc[max(s0, c - 25): c]):
        if t.dep_ not in ("nsubj", "nsubjpass") or t.head.i >= c or marks.inside(t.idx):
            continue
        m = mention_of(t)
        if m is None or m.kind == "unnamed" or (m.kind == "pronoun" and not m.person):
            return None
        return m
    return None


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    cands.sort(key=lambda c: (c.start, -c.end))
    out: list[_Cand] = []
    for c in cands:
        if out and out[-1].start == c.start and out[-1].end == c.end:
            continue
        if c.kind == "indirect" and any(o.kind == "direct" and o.start <= c.start and c.end <= o.end for o in out):
            continue
        out.append(c)
    return out


def _resolve(doc: Doc, cands: list[_Cand], antecedents: list[Mention]) -> None:
    """Names, roles, pronouns and floating quotes, in order of the text."""
    index = NameIndex(doc, [c.speaker for c in cands if c.speaker is not None] + antecedents)
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    for c in cands:
        m = c.speaker
        if m is None:
            continue
        if m.kind == "name":
            c.name, c.person = index.full(m)
        elif m.kind == "unnamed":
            c.name = m.text
    for k, c in enumerate(cands):  # 'the governor of X said': the person speaking just after
        m = c.speaker
        if m is None or m.kind != "role":
            continue
        c.name = m.text
        for later in cands[k + 1: k + 8]:
            if later.start - m.end > 1200:
                break
            if later.speaker is not None and later.speaker.kind == "name" and later.person and later.name:
                between = {e.text for e in persons if m.end <= e.start_char < later.speaker.start}
                role = doc[m.head].lower_
                # the office must come up again by the name: "the province's governor ... Amina Yusuf said"
                again = re.search(rf"\b{re.escape(role)}\b", doc[m.head + 1: min(len(doc), later.speaker.head + 40)].text, re.IGNORECASE)
                if again is not None and not between - {later.speaker.text, later.name}:
                    c.name, c.person = later.name, True
                break
        if c.name == m.text:  # 'Education Minister Sarah Linde ... The minister insisted': named with the office before
            back = _titled_before(doc, m, persons)
            if back is not None:
                c.name, c.person = index.full(back)[0], True
    last_person: _Cand | None = None
    last: _Cand | None = None
    for c in cands:
        m = c.speaker
        if c.inherit and last is not None:
            c.speaker, c.name, c.person = last.speaker, last.name, last.person
        elif m is not None and m.kind == "pronoun":
            if m.person:
                ante = _antecedent(m, last_person, antecedents, index)
                c.name, c.person = (ante, True) if ante else (None, False)
            elif last is not None and not last.person and last.name and m.start - last.end < 400:
                c.name = last.name
        if c.name and c.person:
            last_person = c
        if c.name:
            last = c


def _titled_before(doc: Doc, m: Mention, persons: list[Span]) -> Mention | None:
    """The one person named earlier with this office as title or apposition ('Minister X', 'X, the minister')."""
    role = doc[m.head].lower_
    found: dict[str, Mention] = {}
    for e in persons:
        if e.end_char > m.start or m.start - e.end_char > 1500:
            continue
        words = {t.lower_ for t in doc[max(0, e.start - 3): e.end]}
        if e.end < len(doc) and doc[e.end].text == ",":
            k = e.end + 1
            while k < min(len(doc), e.end + 10) and doc[k].text not in ",.;":
                words.add(doc[k].lower_)
                k += 1
        if role in words:
            toks = [t for t in e if not t.is_punct and t.tag_ != "POS" and t.lower_ not in TITLES]
            if toks:
                text = doc[toks[0].i: toks[-1].i + 1].text
                found.setdefault(text.split()[-1].lower(), Mention(text, toks[0].idx, toks[-1].idx + len(toks[-1].text), "name", toks[-1].i, True))
    return next(iter(found.values())) if len(found) == 1 else None


def _antecedent(m: Mention, last_person: _Cand | None, antecedents: list[Mention], index: NameIndex) -> str | None:
    """'he' / 'she': the nearer of the last person speaking and the last person or office as subject."""
    before = [a for a in antecedents if a.end <= m.start and m.start - a.end < 1500]
    best = before[-1] if before else None
    spoke = last_person.speaker if last_person is not None and last_person.name else None
    if spoke is not None and last_person is not None and (best is None or spoke.start >= best.start or
                                                          (best.kind == "name" and index.full(best)[0] == last_person.name)):
        return last_person.name
    if best is None:
        return index.before(m.start)
    if best.kind == "name":
        return index.full(best)[0]
    return best.text
