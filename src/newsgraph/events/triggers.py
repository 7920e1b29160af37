"""Finding event triggers in a parsed sentence, and the PLOVER mode each one gives."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.events.lexicon import (
    ABSTRACT,
    ASSAULT_CUES,
    MOBILIZE_OBJECT_MODES,
    NOUN_MODIFIED,
    NOUNS,
    PHRASAL,
    PROTESTERS,
    STRIKE_VERBS,
    THREATEN_MODE_WORDS,
    THREATEN_MODES,
    VERB_OBJECT,
    VERBS,
    WORKERS,
)

# CONSULT nouns that name a venue ('on the sidelines of the annual meeting'), not an event
VENUE_PREPS = frozenset("at during on after before ahead amid".split())
NOT_RELEASED = frozenset("""notice statement report video album film data figure detail list book result document
    letter footage photo image information guideline plan budget song version update game product movie record""".split())
SPEECH = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
HABITUAL = frozenset("annual regular weekly monthly yearly".split())


@dataclass
class Hit:
    """One trigger: the token, what it means, and the tokens it used up (an object that chose it)."""

    tok: Any
    type: str
    mode: str | None
    weight: float
    noun: bool
    used: list[Any] = field(default_factory=list)


def _object_lemmas(tok: Any) -> list[Any]:
    """Objects that can decide a verb's meaning: direct/passive objects, their 'of/in' objects and
    compounds, objects of the verb's own prepositions ('took into custody')."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "acomp"):
            out.append(c)
            out += [g for g in c.children if g.dep_ in ("compound", "amod")]
            out += [g for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "in", "on") for g in p.children if g.dep_ == "pobj"]
            out += list(c.conjuncts)
        elif c.dep_ in ("prep", "prt"):
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def verb_hit(tok: Any) -> Hit | None:
    lemma = tok.lemma_.lower()
    if tok.dep_ in ("amod", "compound") or tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound"):
        return None
    objs = _object_lemmas(tok)
    table = VERB_OBJECT.get(lemma)
    if table:
        for obj in objs:
            trig = table.get(obj.lemma_.lower())
            if trig:
                return Hit(tok, *trig, noun=False, used=[obj])
    for c in tok.children:
        if c.dep_ in ("prt", "prep", "dobj", "advmod"):
            trig = PHRASAL.get((lemma, c.lower_))
            if trig:
                return Hit(tok, *trig, noun=False, used=[c])
    trig = VERBS.get(lemma)
    if not trig:
        return None
    if trig[0] in ("ASSAULT", "COERCE") and any(o.lemma_.lower() in ABSTRACT for o in objs[:1]):
        return None
    if lemma == "free" and not objs:
        return None
    if lemma in ("release", "free") and any(o.lemma_.lower() in NOT_RELEASED for o in objs):
        return None
    if lemma == "ask" and any(c.dep_ in ("auxpass", "nsubjpass", "mark") or c.lower_ == "when" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
        return None
    return Hit(tok, *trig, noun=False)


def noun_hit(tok: Any) -> Hit | None:
    if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "amod", "poss"):
        return None
    lemma = tok.lemma_.lower()
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    table = NOUN_MODIFIED.get(lemma)
    if table:
        for mod, trig in table.items():
            if mod in mods:
                return Hit(tok, *trig, noun=True)
        if lemma == "strike":
            gov = tok.head.head if tok.dep_ == "pobj" else tok.head
            if gov.lemma_.lower() in STRIKE_VERBS:
                return Hit(tok, "PROTEST", "strike", 0.8, noun=True)
        if lemma in ("operation", "exercise", "drill", "patrol", "call", "law", "gas", "sentence", "strike"):
            return None
    found = NOUNS.get(lemma)
    if not found:
        return None
    trig = found
    if trig[2] < 0.5 and not (tok.dep_ in ("nsubj", "conj") or tok.dep_ == "pobj" and tok.head.lower_ in ("at", "with", "between", "on")):
        return None  # 'protesters' as victims is no protest
    if lemma == "protest" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return None
    if lemma == "talk" and tok.tag_ != "NNS":
        return None
    if lemma == "deal" and mods & {"great", "good"}:
        return None
    if lemma in ("release", "report") and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
        return None
    node = tok.head
    for _ in range(3):  # 'according to a release from ...'
        if node.lower_ == "according":
            return None
        node = node.head
    if trig[0] == "CONSULT" and (mods & HABITUAL or tok.dep_ == "pobj" and tok.head.lower_ in VENUE_PREPS
                                 or tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in VENUE_PREPS | {"sideline"}):
        return None
    return Hit(tok, *trig, noun=True)


def find_hits(sent: Any) -> list[Hit]:
    hits = []
    for tok in sent:
        hit = verb_hit(tok) if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") else noun_hit(tok)
        if hit is not None:
            hits.append(hit)
    used = {u.i for h in hits for u in h.used}
    hits = [h for h in hits if h.tok.i not in used]
    # 'dismissed the allegations', 'bowed to the demands': a speech act named as the object of another
    # event is that event's object, not an event of its own
    verbs = {h.tok.i for h in hits if not h.noun}
    hits = [h for h in hits if not (h.noun and h.type in SPEECH and (h.tok.head.i in verbs or h.tok.head.head.i in verbs))]
    # 'warn' is a threat only where it names what it threatens
    for tok in sent:
        if tok.lemma_.lower() == "warn" and tok.pos_ == "VERB":
            inner = [h for h in hits if h.tok.i != tok.i and tok.is_ancestor(h.tok)]
            if inner:
                hits.append(Hit(tok, "THREATEN", None, 0.75, noun=False))
    return hits


def assault_mode(hit: Hit) -> str | None:
    """The mode of an ASSAULT: the trigger's own unless a more specific weapon is named near it."""
    own = hit.mode
    near = {t.lemma_.lower() for t in hit.tok.subtree} | {t.lemma_.lower() for t in hit.tok.children}
    if hit.tok.dep_ in ("dobj", "nsubj", "nsubjpass"):
        near |= {t.lemma_.lower() for t in hit.tok.head.subtree}
    if own not in (None, "firearms", "explosives"):
        return own
    for mode, cues in ASSAULT_CUES:
        if cues & near:
            if own == "explosives" and mode in ("firearms", "primitive", "abduct", "torture", "sexual", "targeted"):
                continue
            return mode
    if own is None:
        sent = {t.lemma_.lower() for t in hit.tok.sent}
        for mode, cues in ASSAULT_CUES[:8]:
            if cues & sent:
                return mode
    return own


def mobilize_mode(hit: Hit) -> str | None:
    if hit.mode:
        return hit.mode
    for obj in [*hit.used, *(c for c in hit.tok.children if c.dep_ in ("dobj", "nsubjpass"))]:
        for t in obj.subtree:
            mode = MOBILIZE_OBJECT_MODES.get(t.lemma_.lower())
            if mode:
                return mode
    return None


def threaten_mode(hit: Hit, inner: list[Hit]) -> str | None:
    for h in inner:
        words = {h.tok.lemma_.lower()} | {u.lemma_.lower() for u in h.used} | {c.lemma_.lower() for c in h.tok.children}
        for w in words:
            if w in THREATEN_MODE_WORDS:
                return THREATEN_MODE_WORDS[w]
        if h.type == "SANCTION" and h.mode == "discontinue":
            return "relations"
        if h.type in THREATEN_MODES:
            return THREATEN_MODES[h.type]
    return hit.mode


def protest_override(hit: Hit, subj: Any | None) -> Hit:
    """Rioters torching cars: a physical act by protesters is a protest act."""
    if hit.type == "ASSAULT" and hit.mode == "destroy" and subj is not None and subj.lemma_.lower() in PROTESTERS:
        return Hit(hit.tok, "PROTEST", "riot", hit.weight, hit.noun, hit.used)
    if hit.type == "ASSAULT" and hit.tok.lemma_.lower() == "strike" and not hit.noun and (
            subj is not None and subj.lemma_.lower() in WORKERS or not any(c.dep_ == "dobj" for c in hit.tok.children)):
        return Hit(hit.tok, "PROTEST", "strike", hit.weight, hit.noun, hit.used)
    return hit
