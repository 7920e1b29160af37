"""Speaker mentions: the phrase a reporting verb's subject gives, and its resolution within the report.

A mention is `name` (a proper-noun run: 'Mr Liang', 'Amina Yusuf', 'China'), `pronoun` ('he'), `role`
(a definite singular office with no name: 'the governor of the province'), or `unnamed` (a source kept as
written: 'officials in Quetta', 'state media', 'a letter distributed by the local government').
`NameIndex` resolves a bare 'Liang' / 'Mr Liang' to the fullest name the report gives ('Liang
Chunxian'), earlier or later.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import DOCUMENT_NOUNS, GROUP_PRONOUNS, PERSON_PRONOUNS, ROLE_NOUNS, TITLES

_DROP_DEPS = frozenset("appos punct relcl advmod npadvmod parataxis cc".split())
_PLACE_LABELS = frozenset("GPE LOC NORP FAC".split())
_MAX_PHRASE = 14


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int
    kind: str  # name | pronoun | role | unnamed
    head: int  # token index of the head
    person: bool = False


def sent_bounds(tok: Token) -> tuple[int, int]:
    """Token range [i, j) of the sentence holding `tok` (a local walk: `Token.sent` scans the whole doc)."""
    doc = tok.doc
    i = tok.i
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    j = tok.i + 1
    while j < len(doc) and not doc[j].is_sent_start:
        j += 1
    return i, j


def _ent_label(tok: Token) -> str:
    return tok.ent_type_ or ""


def _is_title(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in TITLES or tok.lower_ in TITLES


def name_run(tok: Token) -> tuple[int, int]:
    """Token range [i, j) of the proper-noun run around `tok`, titles and possessives left out."""
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].head.i in range(i - 1, tok.i + 2) and not doc[i - 1].is_punct:
        i -= 1
    j = tok.i + 1
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].head.i == tok.i and doc[j].dep_ == "flat":
        j += 1
    while i < tok.i and _is_title(doc[i]):
        i += 1
    return i, j


def _ent_span(tok: Token, labels: frozenset[str]) -> Span | None:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in labels:
            return ent
    return None


def _phrase_tokens(head: Token) -> list[Token]:
    """The subject phrase of `head`, without appositions, relative clauses, dates and participles."""
    keep: list[Token] = []

    def walk(t: Token, top: bool) -> None:
        for c in t.children:
            if c.dep_ in _DROP_DEPS and (top or c.dep_ != "cc"):
                continue
            if c.dep_ == "acl" and c.tag_ == "VBG":
                continue
            if c.dep_ == "prep" and any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree):
                continue
            if c.dep_ == "conj" and top:
                continue
            walk(c, False)
        keep.append(t)

    walk(head, True)
    keep.sort(key=lambda t: t.i)
    # keep the contiguous run around the head
    run = [head]
    idx = {t.i for t in keep}
    i = head.i - 1
    while i in idx:
        run.insert(0, head.doc[i])
        i -= 1
    i = head.i + 1
    while i in idx:
        run.append(head.doc[i])
        i += 1
    while run and (run[0].lower_ in ("the",) or run[0].is_punct):
        run.pop(0)
    while run and run[-1].is_punct:
        run.pop()
    return run[:_MAX_PHRASE] if run else [head]


def _mk(tokens: list[Token], kind: str, head: Token, person: bool = False) -> Mention:
    doc = head.doc
    s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Mention(doc[tokens[0].i: tokens[-1].i + 1].text, s, e, kind, head.i, person)


def _is_person_name(tok: Token, i: int, j: int) -> bool:
    doc = tok.doc
    if tok.ent_type_ == "PERSON" or any(doc[k].ent_type_ == "PERSON" for k in range(i, j)):
        return True
    if i > 0 and doc[i - 1].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr", "miss", "sir"):
        return True
    if tok.ent_type_ in _PLACE_LABELS:
        return False
    # 'Amina Yusuf, chairwoman of ...' / 'Sindh's chief Liang': a role next to the name
    near = [c for c in tok.children if c.dep_ in ("appos", "compound", "amod")]
    if any(c.lemma_.lower() in ROLE_NOUNS or (c.lower_ in TITLES and c.i < i) for c in near):
        return True
    return i > 0 and doc[i - 1].lower_ in TITLES and doc[i - 1].lower_ not in ("party", "head", "official")


_ORG_WORDS = frozenset("""
ministry office party council bureau department agency bank commission company group court university
police army union committee government administration assembly parliament house senate
""".split())


def _titled_name(ent: Span) -> bool:
    """A name the tagger took for an organisation, right after a title: 'Welsh MP Gareth Davies'."""
    doc = ent.doc
    if ent.start == 0 or not 2 <= len(ent) <= 3:
        return False
    before = doc[ent.start - 1].lower_.rstrip(".")
    if before not in TITLES and before not in ROLE_NOUNS:
        return False
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in _ORG_WORDS for t in ent)


def mention_of(tok: Token) -> Mention | None:
    """The speaker mention whose head is `tok` (a subject, agent or `according to` object)."""
    doc: Doc = tok.doc
    if tok.pos_ == "PRON" or tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        if tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return _mk([tok], "pronoun", tok, tok.lower_ in PERSON_PRONOUNS)
        return None
    # a document or channel from someone: 'a report from the Ministry' -> the Ministry
    if tok.lemma_.lower() in DOCUMENT_NOUNS:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "by"):
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs and objs[0].pos_ == "PROPN":
                    return mention_of(objs[0])
    # 'Writing on X, formerly Twitter, Health Secretary Tom Aldridge said': a person named in apposition
    # right before the verb speaks, not the phrase the parser made the subject
    if tok.ent_type_ != "PERSON" and tok.dep_ == "nsubj" and tok.i < tok.head.i:
        for c in tok.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.right_edge.i + 1 == tok.head.i and c.pos_ == "PROPN":
                return mention_of(c)
    # 'media reports quoting official sources' -> official sources (the reports carry it)
    if tok.pos_ == "PROPN":
        ent = _ent_span(tok, frozenset({"PERSON"}))
        if ent is not None:
            toks = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
            while len(toks) > 1 and _is_title(toks[0]):
                toks.pop(0)
            return _mk(toks, "name", tok, True)
        org = _ent_span(tok, frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"}))
        if org is not None and len(org) > 1 and org.root.i == tok.i:
            toks = [t for t in org if t.tag_ != "POS" and not (t.i == org.start and t.lower_ == "the")]
            return _mk(toks, "name", tok, _titled_name(org))
        i, j = name_run(tok)
        toks = [doc[k] for k in range(i, j)]
        person = _is_person_name(tok, i, j)
        # 'Ministry of Public Security': keep an 'of' phrase of proper nouns
        if not person:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == j:
                    sub = list(prep.subtree)
                    if sub and all(t.pos_ in ("PROPN", "ADP", "DET", "CCONJ") for t in sub) and len(sub) < 6:
                        toks = toks + sub
        return _mk(toks, "name", tok, person)
    for c in tok.subtree:  # 'the province's governor, Amina Yusuf, said' (the apposition may hang lower)
        if c.dep_ == "appos" and c.pos_ == "PROPN" and (c.head.i == tok.i or c.ent_type_ == "PERSON"):
            m = mention_of(c)
            if m is not None:
                return m
    toks = _phrase_tokens(tok)
    singular = tok.tag_ in ("NN",)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in tok.children)
    if tok.lemma_.lower() in ROLE_NOUNS and singular and definite:
        return _mk(toks, "role", tok, True)
    return _mk(toks, "unnamed", tok, False)


class NameIndex:
    """Full names the report gives, to resolve 'Liang' / 'Mr Liang' to 'Liang Weiming'."""

    def __init__(self, doc: Doc, extra: list[Mention]) -> None:
        self.names: list[tuple[int, list[str], str, bool]] = []  # (offset, tokens, text, person)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                toks = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
                while len(toks) > 1 and _is_title(toks[0]):
                    toks.pop(0)
                if len(toks) >= 2:
                    text = doc[toks[0].i: toks[-1].i + 1].text
                    self.names.append((toks[0].idx, [t.text for t in toks], text, True))
        for m in extra:
            words = m.text.split()
            if m.kind == "name" and len(words) >= 2 and m.person:
                self.names.append((m.start, words, m.text, True))
        self.names.sort()

    def full(self, mention: Mention) -> tuple[str, bool]:
        """The fullest name for a name mention, and whether it is a person."""
        words = mention.text.split()
        if not words:
            return mention.text, mention.person
        key = words[-1].lower()
        best: tuple[int, str] | None = None
        for first_token in (False, True):
            for off, toks, text, _person in self.names:
                if len(toks) <= len(words):
                    continue
                tok = toks[0] if first_token else toks[-1]
                if tok.lower() == key and (len(words) == 1 or " ".join(words).lower() in text.lower()):
                    dist = abs(off - mention.start) + (0 if off <= mention.start else 1)
                    if best is None or dist < best[0]:
                        best = (dist, text)
            if best is not None:
                return best[1], True
        return mention.text, mention.person

    def before(self, pos: int) -> str | None:
        """The last person named before `pos` (for a 'he' with no speaker before it)."""
        best = None
        for off, _toks, text, person in self.names:
            if off < pos and person:
                best = text
        return best


def person_antecedents(doc: Doc, in_quote: Callable[[int], bool]) -> list[Mention]:
    """Subjects outside quotation marks that a later 'he' / 'she' may stand for: names and roles."""
    out: list[Mention] = []
    for t in doc:
        if t.dep_ not in ("nsubj", "nsubjpass") or in_quote(t.idx):
            continue
        if t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.lemma_.lower() in ROLE_NOUNS and t.tag_ == "NN"):
            m = mention_of(t)
            if m is not None and m.kind in ("name", "role", "unnamed") and (m.person or m.kind != "name"):
                if m.kind == "unnamed" and t.lemma_.lower() not in ROLE_NOUNS:
                    continue
                out.append(m)
    return out
