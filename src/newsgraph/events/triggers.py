"""Finding event triggers in a parsed sentence, and the PLOVER mode each one gives."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.events.lexicon import (
    ABSTRACT,
    ARMED,
    ASSAULT_CUES,
    MARKET,
    MARKET_MOVERS,
    MISHAPS,
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
VENUE_PREPS = frozenset("at during on before ahead amid".split())
NOT_RELEASED = frozenset("""notice statement report video album film data figure detail list book result document
    letter footage photo image information guideline plan budget song version update game product movie record""".split())
SPEECH = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
HABITUAL = frozenset("annual regular weekly monthly yearly".split())
# verbs of a crowd coming together: a protest where those who gather are protesters or an angry crowd
GATHER = frozenset("gather assemble converge congregate mass throng".split())
ANGRY = frozenset("angry furious irate enraged".split())
PROTEST_PURPOSE = frozenset("protest oppose denounce condemn demand press decry demonstrate".split())
PROPOSALS = frozenset("proposal plan bill idea motion offer bid".split())
# what protesters burn or tear down as a statement
SYMBOLS = frozenset("effigy flag tyre tire poster portrait banner placard".split())
# what ends a truce or an opening
ENDED = frozenset("end break violate breach abandon scrap revoke collapse shatter wind".split())
# 'in protest', 'in a show of anger': what makes damage done by a crowd a protest act
DISPLEASURE = frozenset("protest anger fury outrage defiance frustration rage".split())
# 'warned of serious consequences': a threat that names no act
WARNED_OF = frozenset("consequence response retaliation reprisal action measure repercussion punishment revenge".split())
# 'anyone found looting will be shot': a conditional act against whoever does something is a threat
ANYONE = frozenset("anyone anybody whoever".split())
# objects that make 'charge' a matter of batteries and bills, 'recognise' a matter of paperwork
NOT_CHARGED = frozenset("""vehicle car battery phone device fee price rate interest tax percent dollar euro pound
    cent customer user passenger electricity""".split())
NOT_RECOGNISED = frozenset("""document passport licence license certificate degree qualification diploma importance need
    value difficulty problem""".split())
# a sports report: 'beat', 'striker', 'attack' and 'clash' are games
SPORT = frozenset("""score scored goal match championship tournament league striker midfielder defender goalkeeper
    coach cup semifinal semi-final final season""".split())
SPORTY_TRIGGERS = frozenset("beat striker attack clash strike shoot defeat storm".split())
CHARGED_OF = frozenset("""accuse charge convict suspect guilty accusation allegation acquit indict arrest jail sentence
    prosecute blame""".split())
_ALL_VERBS = frozenset([*VERBS, *VERB_OBJECT, *(v for v, _ in PHRASAL)])


def verb_lemma(tok: Any) -> str:
    """The lemma, or where the tagger's lemma is no trigger ('fined' -> 'fin', 'staged' -> 'stag',
    'petitioned' -> 'petitioned') a regular one read off the written form that is."""
    lemma: str = tok.lemma_.lower()
    if lemma in _ALL_VERBS:
        return lemma
    w = tok.lower_
    cands: list[str] = []
    if w.endswith("ied"):
        cands.append(w[:-3] + "y")
    if w.endswith("ed"):
        cands += [w[:-1], w[:-2]] + ([w[:-3]] if len(w) > 4 and w[-3] == w[-4] else [])
    elif w.endswith("ing"):
        cands += [w[:-3] + "e", w[:-3]] + ([w[:-4]] if len(w) > 5 and w[-4] == w[-5] else [])
    elif w.endswith("es"):
        cands += [w[:-1], w[:-2]]
    elif w.endswith("s"):
        cands.append(w[:-1])
    return next((c for c in cands if c in _ALL_VERBS), lemma)


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
        elif c.dep_ in ("ccomp", "xcomp") and c.pos_ == "ADJ":  # 'found the commander guilty'
            out.append(c)
    return out


def _gerund(tok: Any) -> bool:
    """'accused the guards of beating migrants', parsed as an adjective of 'migrants'."""
    if not (tok.tag_ == "VBG" and tok.dep_ == "amod" and tok.head.dep_ == "pobj" and tok.i > 0 and tok.head.i > tok.i):
        return False
    prep = tok.doc[tok.i - 1]  # only after what the deed is charged with: 'accused of', 'convicted of', 'guilty of'
    return prep.dep_ == "prep" and CHARGED_OF & {prep.head.lemma_.lower(), prep.head.head.lemma_.lower()} != set()


def _preps(tok: Any, *words: str) -> list[Any]:
    """The objects of the prepositions `words` under tok ('sent him to prison' -> [prison])."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in words for g in c.children if g.dep_ == "pobj"]


def _idiom(tok: Any, lemma: str) -> Hit | None:
    """Multi-word wire idioms that neither a verb nor its direct object decides alone."""
    if lemma in ("send", "put", "throw", "commit") and any(g.lemma_.lower() in ("prison", "jail", "gaol") for g in _preps(tok, "to", "in", "into", "behind")):
        return Hit(tok, "SANCTION", "convict", 0.85, noun=False)  # 'sent the director to prison'
    if any(g.lemma_.lower() == "air" for g in _preps(tok, "off")):
        return Hit(tok, "COERCE", "censor", 0.85, noun=False)  # 'ordered two radio stations off the air'
    if lemma == "bundle" and _preps(tok, "into"):
        return Hit(tok, "COERCE", "arrest", 0.7, noun=False)  # 'bundled a blogger into a car'
    if lemma == "sit" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children) and _preps(tok, "with"):
        return Hit(tok, "CONSULT", None, 0.75, noun=False)  # 'sat down with the leaders'
    if lemma == "let" and any(c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in ("go", "leave") for c in tok.children):
        return Hit(tok, "RETREAT", "release", 0.75, noun=False)  # 'let the sailors go'
    return None


def verb_hit(tok: Any) -> Hit | None:
    lemma = verb_lemma(tok)
    if tok.dep_ in ("amod", "compound") and not _gerund(tok):
        return None
    objs = _object_lemmas(tok)
    for c in tok.children:  # 'opened fire on a checkpoint': the direct object's idiom before the table
        if c.dep_ == "dobj" and (lemma, c.lower_) in PHRASAL:
            return Hit(tok, *PHRASAL[(lemma, c.lower_)], noun=False, used=[c])
    table = VERB_OBJECT.get(lemma)
    if table:
        found = [(table[o.lemma_.lower()], o) for o in objs if o.lemma_.lower() in table]
        if found:
            trig, obj = max(found, key=lambda f: f[0][2])
            return Hit(tok, *trig, noun=False, used=[obj])
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "death" for g in c.children)
           for c in tok.children) and lemma not in ("sentence", "condemn"):
        own_mode = VERBS[lemma][1] if lemma in VERBS and VERBS[lemma][0] == "ASSAULT" else None
        return Hit(tok, "ASSAULT", own_mode, 0.85, noun=False)  # 'hacked a priest to death'
    if lemma in GATHER and not any(c.dep_ == "dobj" for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        purpose = {c.lemma_.lower() for c in tok.children if c.dep_ in ("advcl", "xcomp")}
        if purpose & PROTEST_PURPOSE:  # 'pensioners massed outside the ministry to oppose the cuts'
            return Hit(tok, "PROTEST", "demo", 0.7, noun=False)
        heads = [subj, *(g for p in subj.children if p.lower_ == "of" for g in p.children)] if subj is not None else []
        if any(h.lemma_.lower() in PROTESTERS - {"crowd", "mob"} for h in heads) or subj is not None and (
                subj.lemma_.lower() in ("crowd", "mob", "people", "resident") and any(c.lemma_.lower() in ANGRY for c in subj.children)):
            return Hit(tok, "PROTEST", "demo", 0.7, noun=False)
    if lemma == "warn" and any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in WARNED_OF for g in c.children)
                               for c in tok.children):
        return Hit(tok, "THREATEN", None, 0.75, noun=False)
    idiom = _idiom(tok, lemma)
    if idiom is not None:
        return idiom
    vowed = [c for c in tok.children if c.dep_ == "dobj" and NOUNS.get(c.lemma_.lower(), ("",))[0] == "ASSAULT"]
    if lemma in ("vow", "promise", "threaten", "pledge") and vowed:
        return Hit(tok, "THREATEN", "violence", 0.8, noun=False, used=vowed)  # 'vowed more attacks'
    for c in tok.children:
        if c.dep_ in ("prt", "prep", "dobj", "advmod"):
            phrasal = PHRASAL.get((lemma, c.lower_))
            if phrasal and phrasal[0] in ("ASSAULT", "COERCE") and any(
                    o.dep_ == "dobj" and o.lemma_.lower() in ABSTRACT for o in tok.children):
                if any(o.dep_ == "dobj" and o.lemma_.lower() in PROPOSALS for o in tok.children):
                    return Hit(tok, "REJECT", None, 0.75, noun=False)  # 'shot down a proposal'
                return None
            if phrasal:
                return Hit(tok, *phrasal, noun=False, used=[c])
    own = VERBS.get(lemma)
    if not own:
        return None
    trig = own
    if trig[0] in ("ASSAULT", "COERCE") and any(o.lemma_.lower() in ABSTRACT for o in objs[:1]):
        return None
    subj0 = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if trig[0] in ("ASSAULT", "RETREAT") and subj0 is not None and subj0.lemma_.lower() in MARKET_MOVERS:
        return None  # 'oil prices retreated from record highs'
    if trig[0] == "ASSAULT":
        doer = subj0
        if tok.dep_ == "relcl" and (doer is None or doer.lower_ in ("that", "which", "who")):
            doer = tok.head
        elif doer is None and tok.dep_ == "advcl":  # ', destroying crops': the subject of the clause it hangs on
            doer = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if doer is not None and doer.lemma_.lower() in MISHAPS:
            return None  # 'a landslide that killed seven'
        if doer is not None and doer.head.lower_ == "of" and doer.head.head.lemma_.lower() in MISHAPS:
            return None  # 'the collapse of a bridge that killed seven'
    if lemma == "free" and not objs:
        # 'freed a French aid worker held captive', parsed with the worker as the subject of 'held'
        objs = [g for c in tok.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj" and g.pos_ == "NOUN"]
        if not objs:
            return None
    if lemma == "slam" and any(c.dep_ == "prep" and c.lower_ in ("into", "against") for c in tok.children):
        return None  # 'shells slammed into a neighbourhood'
    if lemma == "charge" and any(o.lemma_.lower() in NOT_CHARGED for o in objs):
        return None
    if lemma in ("recognize", "recognise") and any(o.lemma_.lower() in NOT_RECOGNISED for o in objs):
        return None
    if trig[0] in ("ASSAULT", "COERCE", "SANCTION") and any(c.dep_ == "nsubjpass" and c.lower_ in ANYONE for c in tok.children) and any(
            c.lower_ in ("will", "would", "shall") for c in tok.children):
        return Hit(tok, "THREATEN", "violence" if trig[0] == "ASSAULT" else "arrest" if trig[1] == "arrest" else None,
                   0.75, noun=False)
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
            if gov.lemma_.lower() in STRIKE_VERBS or any(c.dep_ == "prep" and c.lower_ in ("against", "over") for c in tok.children):
                return Hit(tok, "PROTEST", "strike", 0.8, noun=True)  # 'a strike against the plans'
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
    if trig[0] == "ASSAULT" and any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() in ABSTRACT for g in c.children)
                                    for c in tok.children):
        return None  # 'an assault on press freedom'
    if lemma == "talk" and tok.tag_ != "NNS":
        return None
    if lemma == "deal" and mods & {"great", "good"}:
        return None
    if lemma == "demand" and mods & MARKET:
        return None
    if trig[0] in ("RETREAT", "MOBILIZE") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ENDED:
        return None  # 'ended a ceasefire', 'winding down a deployment': the opposite of the event
    if trig[0] == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "recall":
        return None  # 'recalled its ambassador for consultations': a diplomatic protest, no talks
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


def known(tok: Any) -> bool:
    """Whether the lexicons know the word: there the rules' verdict stands, a refusal included
    ('a landslide that killed seven')."""
    if tok.pos_ == "VERB":  # a verb that is a trigger of its own; light verbs ('hand', 'take') are read by their objects
        return verb_lemma(tok) in VERBS
    lemma = tok.lemma_.lower()
    return lemma in NOUNS or lemma in NOUN_MODIFIED


def classifier_hits(sent: Any, hits: list[Hit], model: Any, threshold: float) -> list[Hit]:
    """Events the trigger classifier reads on words the lexicons do not know: its probability, scaled
    under the rules' own weights, is the hit's weight."""
    from newsgraph.events.classifier import is_candidate

    taken = {h.tok.i for h in hits} | {u.i for h in hits for u in h.used}
    out = []
    for tok in sent:
        if tok.i in taken or not is_candidate(tok) or known(tok):
            continue
        typ, p = model.predict(tok)
        if p >= threshold:
            out.append(Hit(tok, typ, model.mode(tok, typ), round(0.8 * p, 3), noun=tok.pos_ != "VERB"))
    return out


def find_hits(sent: Any, model: Any = None, threshold: float = 0.4) -> list[Hit]:
    """The triggers of a sentence: the rules' hits, then (with a `model`) the classifier's on the rest."""
    hits = []
    for tok in sent:
        hit = verb_hit(tok) if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") else noun_hit(tok)
        if hit is not None:
            hits.append(hit)
    if model is not None:
        hits += classifier_hits(sent, hits, model, threshold)
    used = {u.i for h in hits for u in h.used}
    hits = [h for h in hits if h.tok.i not in used]
    if {t.lemma_.lower() for t in sent} & SPORT or any(t.like_num and "-" in t.text for t in sent):
        hits = [h for h in hits if h.tok.lemma_.lower() not in SPORTY_TRIGGERS and verb_lemma(h.tok) not in SPORTY_TRIGGERS]
    # 'marched to oppose the bill': the disapproval a protest is held for is that protest's content
    protests = {h.tok.i for h in hits if h.type == "PROTEST"}
    hits = [h for h in hits if not (h.type == "ACCUSE" and h.mode == "disapprove" and not h.noun
                                    and h.tok.dep_ in ("advcl", "xcomp") and h.tok.head.i in protests)]
    # 'dismissed the allegations', 'bowed to the demands': a speech act named as the object of another
    # event is that event's object, not an event of its own
    verbs = {h.tok.i for h in hits if not h.noun}
    hits = [h for h in hits if not (h.noun and h.type in SPEECH and (h.tok.head.i in verbs or h.tok.head.head.i in verbs))]
    # 'abducted 25 villagers in a raid on a settlement': a raid that is the occasion of an attack is that attack
    assaults = {h.tok.i for h in hits if h.type == "ASSAULT" and not h.noun}
    hits = [h for h in hits if not (h.type == "COERCE" and h.noun and h.tok.dep_ == "pobj"
                                    and h.tok.head.lower_ in ("in", "during") and h.tok.head.head.i in assaults)]
    # 'warn' is a threat only where it names what it threatens
    for tok in sent:
        if tok.lemma_.lower() == "warn" and tok.pos_ == "VERB" and not any(h.tok.i == tok.i for h in hits):
            inner = [h for h in hits if h.tok.i != tok.i and tok.is_ancestor(h.tok)]
            said = [t for c in tok.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree]
            if inner or any(t.lemma_.lower() in WARNED_OF for t in said):  # 'warned it would take military action'
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
    if hit.type == "ASSAULT" and hit.mode == "destroy" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in SYMBOLS for c in hit.tok.children):
        return Hit(hit.tok, "PROTEST", "demo", hit.weight, hit.noun, hit.used)  # 'burned effigies of the minister'
    if hit.type == "ASSAULT" and hit.mode == "destroy" and (subj is not None and subj.lemma_.lower() in PROTESTERS or any(
            t.lemma_.lower() in DISPLEASURE and t.dep_ == "pobj" and t.head.lower_ in ("in", "of") for t in hit.tok.sent)):
        return Hit(hit.tok, "PROTEST", "riot", hit.weight, hit.noun, hit.used)  # 'set hay alight in a show of anger'

    if hit.type == "ASSAULT" and hit.tok.lemma_.lower() == "strike" and not hit.noun and (
            subj is not None and subj.lemma_.lower() in WORKERS
            or not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in hit.tok.children)
            and not (subj is not None and subj.lemma_.lower() in ARMED)):
        return Hit(hit.tok, "PROTEST", "strike", hit.weight, hit.noun, hit.used)
    return hit
