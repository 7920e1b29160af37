"""The predicate a statement sets true or false, read from its dependency parse.

Works on any spaCy `Span` (a sentence, a quotation, a reader comment): finds the main predicate
(going down through "we have discovered that ..." frames to the content clause), its object, its
polarity and its tense. Plain functions over parsed tokens; nothing is loaded here.
"""
from __future__ import annotations

from typing import Any, NamedTuple

# verbs of saying, knowing and finding whose content clause carries the statement itself
FRAME_VERBS = frozenset({
    "say", "claim", "believe", "think", "know", "find", "discover", "confirm", "insist", "note",
    "realize", "realise", "learn", "see", "show", "reveal", "feel", "understand", "argue",
    "maintain", "stress", "add", "assure", "state", "tell", "admit", "acknowledge", "conclude",
    "establish", "prove", "report", "allege", "assert", "declare", "emphasize", "emphasise",
})
# verbs whose subject says the complement is false
DENY_VERBS = frozenset({"deny", "reject", "refute", "dismiss", "rebut", "dispute", "contest",
                        "disprove", "repudiate", "disavow"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
NOTHING = frozenset({"nothing", "none", "nobody", "noone", "neither"})
# predicates that call a statement false: "the claim is baseless"
FALSE_WORDS = frozenset({"baseless", "false", "untrue", "groundless", "unfounded", "wrong",
                         "fabricated", "nonsense", "lie", "propaganda", "fiction", "myth", "rubbish"})
# verbs that link a subject to a state: "remains stable" says what "is stable" says
COPULAS = frozenset({"be", "remain", "become", "stay", "seem", "appear", "look"})
# one noun for one relation, whichever word the writer chose
SAME_NOUN = {"tie": "link", "connection": "link", "contact": "link", "linkage": "link",
             "nexus": "link", "association": "link", "relationship": "link"}
SAME_VERB = {"possess": "have", "maintain": "have", "hold": "have"}
OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd", "nsubjpass", "dative")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
ANY = "*"  # a key verb or object that matches any ("denied links", "never trained anyone")
# indefinite objects: "never trained anyone" denies training whoever the other side names
INDEFINITE = frozenset({"anyone", "anybody", "anything", "someone", "somebody", "something",
                        "nobody", "nothing", "noone"})
FIRST_PERSON = frozenset({"i", "we", "us", "me"})
# "the government", "our army": in a speaker's mouth, the speaker's own side
OWN_SIDE = frozenset({"government", "country", "state", "army", "military", "ministry", "authority",
                      "administration", "nation", "people", "party", "company", "force", "police"})


class Predicate(NamedTuple):
    """The main predicate of a statement: its head token, key, polarity and tense."""

    head: Any  # spaCy Token
    key: tuple[str, str] | None
    negated: bool
    tense: str | None  # present, past, modal, or None (no finite verb)
    finite: bool  # the head has a subject and a finite verb: a clause, not a fragment
    own: str  # the subject is the speaker itself ("I": `self`), its side ("we", "the government": `side`), or not ("")


def _inside(span: Any, token: Any) -> bool:
    return bool(span.start <= token.i < span.end)


def _roots(span: Any) -> list[Any]:
    return [t for t in span if t.head.i == t.i or not _inside(span, t.head)]


def main_head(span: Any) -> Any | None:
    """The first verbal root of the span (its main predicate before frames are looked through)."""
    roots = _roots(span)
    for t in roots:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _content(span: Any, head: Any) -> tuple[Any, int]:
    """Go down from "we have certainly discovered that X ..." to X; count negated frames."""
    flips = 0
    for _ in range(4):
        clause = next((c for c in head.children if c.dep_ == "ccomp" and _inside(span, c)), None)
        if head.lemma_.lower() in DENY_VERBS:
            clause = clause or next((c for c in head.children if c.dep_ == "xcomp" and _inside(span, c)), None)
            if clause is None:
                break
            flips += 1
        elif head.lemma_.lower() not in FRAME_VERBS or clause is None:
            break
        if _negated_here(head):
            flips += 1
        head = clause
    return head, flips


def _negated_here(head: Any) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in head.children)


def _obj(head: Any, span: Any) -> Any | None:
    children = [c for c in head.children if _inside(span, c)]
    for dep in OBJECT_DEPS:
        for c in children:
            if c.dep_ == dep:
                return c
    for c in children:
        if c.dep_ == "prep":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _lemma(token: Any) -> str:
    lemma = str(token.lemma_).lower()
    return lemma if token.pos_ not in ("PRON", "DET", "NUM") else ""


def _polarity(head: Any, obj: Any | None, span: Any) -> bool:
    """Whether the predicate is negated: "did not", "never", "has no links", "nobody knew"."""
    if _negated_here(head):
        return True
    if head.lemma_.lower() in DENY_VERBS:
        return True
    for c in head.children:
        if c.dep_ in SUBJECT_DEPS and (c.lower_ in NOTHING or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
            return True
    if obj is not None:
        if obj.lower_ in NOTHING or any(g.dep_ in ("det", "neg") and g.lower_ == "no" for g in obj.children):
            return True
        if obj.dep_ in ("attr", "acomp") and obj.lemma_.lower() in FALSE_WORDS:
            return True
    return False


def _own_side(subject: Any) -> bool:
    """Whether a subject is the speaker's own side: "we", "I", "our forces", "the government"."""
    if subject.lower_ in FIRST_PERSON:
        return True
    dets = {c.lower_ for c in subject.children if c.dep_ in ("det", "poss")}
    return bool(dets & {"our", "my"}) or ("the" in dets and subject.lemma_.lower() in OWN_SIDE
                                          and subject.pos_ == "NOUN")


def tense(head: Any) -> str | None:
    """present, past or modal, from the auxiliaries and the verb's own tag; None for no finite verb."""
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return "modal"
    if any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if head.tag_ in ("VBZ", "VBP"):
        return "present"
    if head.tag_ == "VBD":
        return "past"
    return None


def predicate(span: Any) -> Predicate | None:
    """The main predicate of `span` (a spaCy Span), or None where it has no verb."""
    top = main_head(span)
    if top is None:
        return None
    head, flips = _content(span, top)
    obj = _obj(head, span)
    negated = (_polarity(head, obj, span) + flips) % 2 == 1
    if head.lemma_.lower() in DENY_VERBS and obj is not None:
        verb = ANY  # "denied any links": the link is denied, whatever verb would assert it
    else:
        verb = str(head.lemma_).lower()
        if head.pos_ == "AUX" and not verb.isalpha():
            verb = "be"  # "it’s": a contracted copula the lemmatizer leaves as it is
        verb = "be" if verb in COPULAS else SAME_VERB.get(verb, verb)
    noun = _lemma(obj) if obj is not None else ""
    if obj is not None and obj.lower_ in INDEFINITE:
        noun = ANY
    if obj is not None and noun and obj.dep_ in ("attr", "acomp") and noun in FALSE_WORDS:
        noun = ""  # "the report is false" says nothing of its own topic
    noun = SAME_NOUN.get(noun, noun)
    key = (verb, noun) if verb else None
    t = tense(head)
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in head.children) or head.dep_ in ("ccomp", "conj")
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    own = "self" if any(c.lower_ in ("i", "me") for c in subjects) else "side" if any(map(_own_side, subjects)) else ""
    return Predicate(head=head, key=key, negated=negated, tense=t, finite=t is not None and has_subject, own=own)


def is_question(span: Any) -> bool:
    """A question asks rather than states: ends in '?' or opens with a wh-word before an auxiliary."""
    text = span.text.rstrip()
    if text.endswith("?"):
        return True
    first = [t for t in span if not t.is_punct][:2]
    return len(first) == 2 and first[0].tag_ in ("WRB", "WP", "WDT") and first[1].tag_ == "MD"
