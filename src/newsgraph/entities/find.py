"""Find the entities of one report: spaCy's named entities, corrected with gazetteers, an
organisation alias table and type votes; people linked within the report (Mr Zhang, Zhang, he);
roles with the time they hold; places geocoded by the report's context.

Only the article body is read (never the headline, boilerplate or comments); every offset is an
offset into the body, and every mention's text is `body[start:end]`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from newsgraph.entities.orgs import alias_table
from newsgraph.nlp import MAX_CHARS, load_nlp
from newsgraph.pipeline import stage
from newsgraph.places.gazetteer import Entry, Gazetteer, fold, load_gazetteer
from newsgraph.places.geocode import PlaceGroup, choose
from newsgraph.records import Analysis, EntityRecord, Mention, Place, Role, Timex
from newsgraph.settings import Settings

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
COURTESY = {"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame", "madam", "prof", "prof."}
MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
          "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}
NOT_NAMES = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "our", "your", "his",
             "its", "their", "this", "that", "these", "those", "like", "share", "follow", "subscribe", "home",
             "update", "updated", "read", "more", "comment", "comments"}
GENERIC_ORG = {"party", "government", "ministry", "police", "army", "bureau", "council", "committee", "court",
               "parliament", "congress", "senate", "cabinet", "state", "department", "office", "agency", "military"}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
           "southeast", "southwest", "central", "northeastern", "northwestern", "southeastern", "southwestern",
           "upper", "lower", "greater", "inner", "outer"}
DESIGNATORS = (("autonomous", "region"), ("autonomous", "prefecture"), ("province",), ("region",), ("prefecture",),
               ("oblast",), ("governorate",), ("district",), ("county",), ("territory",), ("municipality",),
               ("special", "administrative", "region"))
LOCATIVE = {"in", "at", "near", "from", "to", "outside", "across", "into", "via", "around", "toward", "towards",
            "throughout", "within", "visited", "visiting", "inside", "between", "of"}
HYPHEN_PREFIX = {"sino", "indo", "afro", "euro", "anglo", "franco", "russo", "pak", "turco", "greco", "austro",
                 "judeo", "arab", "us", "u.s."}
ROLE_NOUNS = {
    "chief", "chairman", "chairwoman", "chairperson", "chair", "governor", "minister", "president", "premier",
    "secretary", "head", "leader", "spokesman", "spokeswoman", "spokesperson", "director", "mayor", "commander",
    "general", "ambassador", "envoy", "official", "king", "queen", "prince", "princess", "emperor", "chancellor",
    "senator", "lawmaker", "congressman", "congresswoman", "judge", "prosecutor", "editor", "founder", "ceo",
    "executive", "officer", "inspector", "commissioner", "administrator", "adviser", "advisor", "councillor",
    "councilor", "legislator", "mp", "delegate", "cleric", "imam", "bishop", "pope", "colonel", "captain",
    "lieutenant", "sergeant", "coach", "manager", "professor", "deputy", "representative", "diplomat",
    "mufti", "sheikh", "emir", "sultan", "vice-president", "vice-chairman", "general-secretary", "superintendent",
    "correspondent", "researcher", "economist", "analyst", "attorney", "lawyer", "marshal",
}
# prepositions that put a name in a place even where the model took it for a person ("to Jordan" may
# be a pass in a match; "in Jordan" is a country)
STRONG_LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "within", "around"}
# `the port of X`, `the mayor of X`, `the outskirts of X`
PLACE_HEADS = {"city", "town", "village", "port", "province", "region", "district", "county", "state", "capital",
               "mayor", "governor", "outskirts", "centre", "center", "suburbs", "streets", "residents", "people",
               "authority", "government", "municipality", "harbour", "harbor", "airport", "border", "north", "south",
               "east", "west", "heart", "citizens", "council", "parts", "area", "areas"}
PRONOUNS = {"he", "she", "him"}
DATE_VALUE = re.compile(r"^\d{4}(-\d\d){0,2}$")
HYPHEN_WORD = re.compile(r"^([A-Z][A-Za-z.]*)-([A-Z][a-z]+)$")


@dataclass(slots=True)
class Cand:
    """A candidate entity span over tokens [start, end)."""

    start: int
    end: int
    label: str
    source: str  # alias, place, demonym, spacy, possorg
    prio: int
    name: str | None = None  # canonical name where known (alias table)
    entries: list[Entry] = field(default_factory=list)
    strong: bool = True


@dataclass(slots=True)
class Cluster:
    label: str
    name: str
    key: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind) in characters
    roles: list[Role] = field(default_factory=list)
    place: Place | None = None


class Resources:
    """What finding entities needs, loaded once per process."""

    def __init__(self, model: str) -> None:
        self.nlp = load_nlp(model)
        self.gaz: Gazetteer = load_gazetteer()
        self.aliases = alias_table()


_RESOURCES: dict[str, Resources] = {}


def resources(model: str) -> Resources:
    if model not in _RESOURCES:
        _RESOURCES[model] = Resources(model)
    return _RESOURCES[model]


@stage(requires=("article",), assigns=("entities",))
def find_entities(a: Analysis, settings: Settings) -> Analysis:
    """The entities of the article's body (nothing for an article flagged not-analysed)."""
    article = a.article
    assert article is not None
    if any(f.startswith("not-analysed") for f in article.flags) or not article.body.strip():
        return replace(a, entities=())
    res = resources(settings.nlp_model)
    doc = a.parsed if a.parsed is not None else res.nlp(article.body[:MAX_CHARS])
    found = analyse_doc(doc, res, published=article.published, dateline=article.dateline, timexes=a.timexes)
    return replace(a, entities=found)


def entities_of(text: str, settings: Settings, published: str | None = None, dateline: str | None = None,
                timexes: tuple[Timex, ...] = ()) -> tuple[EntityRecord, ...]:
    """The entities of a plain text (tests, tools)."""
    res = resources(settings.nlp_model)
    return analyse_doc(res.nlp(text[:MAX_CHARS]), res, published=published, dateline=dateline, timexes=timexes)


# -- candidates ------------------------------------------------------------------------------------
def _cap(tok: Any) -> bool:
    return bool(tok.text[:1].isupper())


def _text(doc: Any) -> str:
    """The doc's text, built once (Doc.text joins every token on each call)."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return str(text)


def _span_text(doc: Any, i: int, j: int) -> str:
    return str(_text(doc)[doc[i].idx: doc[j - 1].idx + len(doc[j - 1].text)])


def _spacy_cands(doc: Any, gaz: Gazetteer) -> list[Cand]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        i, j = ent.start, ent.end
        while i < j and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        while j > i and doc[j - 1].text in ("'s", "’s", "'", "’"):
            j -= 1
        if i >= j:
            continue
        text = _span_text(doc, i, j)
        words = [t.lower_ for t in doc[i:j]]
        if not any(c.isupper() for c in text) or fold(text) in NOT_NAMES:
            continue
        if ent.label_ != "ORG" and any(t.like_num or any(c.isdigit() for c in t.text) for t in doc[i:j]):
            continue
        if ent.label_ == "PERSON" and any(w.rstrip(".") in MONTHS for w in words):
            continue
        if j - i == 1 and ent.label_ == "ORG" and words[0] in GENERIC_ORG:
            continue
        m = HYPHEN_WORD.match(text)
        if m and (m.group(1).lower() in HYPHEN_PREFIX or gaz.lookup(m.group(1)) or gaz.demonym(m.group(1))[0]):
            continue  # Sino-Pakistan, Pak-China: a modifier naming two countries, not an entity
        out.append(Cand(i, j, ent.label_, "spacy", 1))
    return out


PERSON_NOUNS = {
    "worker", "driver", "resident", "student", "teacher", "farmer", "doctor", "nurse", "journalist", "reporter",
    "photographer", "activist", "witness", "victim", "suspect", "man", "woman", "boy", "girl", "father", "mother",
    "son", "daughter", "husband", "wife", "brother", "sister", "shopkeeper", "vendor", "trader", "businessman",
    "businesswoman", "engineer", "soldier", "fisherman", "pilot", "villager", "pupil", "citizen",
    "mechanic", "labourer", "laborer", "miner", "guard", "refugee", "migrant", "survivor", "relative", "neighbour",
    "neighbor", "owner", "employee", "worshipper", "pensioner", "veteran", "retiree", "tourist", "passenger",
}


def _person_evidence(doc: Any, cands: list[Cand], gaz: Gazetteer) -> None:
    """A two- or three-word proper name the small model calls an organisation or a place is a person
    where the sentence says so: an age after it (`X Y, 34,`), a person noun in apposition
    (`…, a crane driver,` / `A dock worker, X Y,`) or before it (`driver X Y`), or a courtesy title."""
    for c in cands:
        if c.label not in ("ORG", "GPE", "NORP", "FAC"):
            continue
        toks = doc[c.start:c.end]
        if not 2 <= len(toks) <= 3 or not all(t.pos_ == "PROPN" and t.is_alpha and _cap(t) for t in toks):
            continue
        if gaz.lookup(_span_text(doc, c.start, c.end)) or any(t.lower_ in GENERIC_ORG for t in toks):
            continue
        sent = _sent(doc, c.start)
        after = [t for t in doc[c.end:min(sent.end, c.end + 8)]]
        before = doc[c.start - 1] if c.start > sent.start else None
        age = len(after) >= 3 and after[0].text == "," and after[1].like_num and after[2].text in (",", ")", "-", "–")
        apposition = bool(after) and after[0].text == "," and any(
            t.lower_ in PERSON_NOUNS or t.lower_ in ROLE_NOUNS for t in after[1:6] if t.pos_ == "NOUN")
        titled = before is not None and (before.lower_ in COURTESY or before.lower_ in PERSON_NOUNS)
        # `A dock worker, Tunde Bakare, was ...`
        introduced = before is not None and before.text == "," and any(
            t.lower_ in PERSON_NOUNS for t in doc[max(sent.start, c.start - 5):c.start - 1] if t.pos_ == "NOUN")
        if age or apposition or titled or introduced:
            c.label = "PERSON"


def _sentence_caps(tok: Any) -> bool:
    sent = _sent(tok.doc, tok.i)
    alpha = [t for t in sent if t.is_alpha]
    return bool(alpha) and sum(t.is_upper for t in alpha) > 0.6 * len(alpha)


def _alias_cands(doc: Any, aliases: dict[str, str]) -> list[Cand]:
    out: list[Cand] = []
    n = len(doc)
    i = 0
    canon_seen = set()
    pending: list[tuple[Cand, bool]] = []
    while i < n:
        tok = doc[i]
        if not (tok.text[:1].isupper() or tok.lower_ in ("al", "el")):
            i += 1
            continue
        hit = None
        for k in range(min(9, n - i), 0, -1):
            last = doc[i + k - 1]
            if not last.text[:1].isalpha():
                continue
            text = _span_text(doc, i, i + k)
            if text in aliases and text.replace(".", "").isupper():
                hit = (k, aliases[text], True)
                break
            if fold(text) in aliases and not text.replace(".", "").isupper() and last.text[:1].isupper():
                hit = (k, aliases[fold(text)], False)
                break
        if hit is None:
            i += 1
            continue
        k, canon, acronym = hit
        cand = Cand(i, i + k, "ORG", "alias", 5, name=canon)
        if acronym:
            if _sentence_caps(tok):
                i += k
                continue
            nxt = doc[i + k].lower_ if i + k < n else ""
            pending.append((cand, nxt in ("militants", "militant", "fighters", "group", "threat", "jihadists",
                                          "forces", "members", "troops", "officials", "spokesman", "said")))
        else:
            canon_seen.add(canon)
            out.append(cand)
        i += k
    for cand, context in pending:
        # a bare acronym counts where the report also spells the name out, or the words around it say what it is
        if cand.name in canon_seen or context or len(doc[cand.start].text) >= 3:
            out.append(cand)
    return out


def _place_cands(doc: Any, gaz: Gazetteer, spacy_label: dict[int, tuple[str, int, int]]) -> list[Cand]:
    out: list[Cand] = []
    n = len(doc)
    maxw = min(gaz.max_words, 6)
    i = 0
    while i < n:
        tok = doc[i]
        if not _cap(tok) or not tok.text[:1].isalpha():
            i += 1
            continue
        hit = None
        for k in range(min(maxw, n - i), 0, -1):
            last = doc[i + k - 1]
            if not _cap(last) and last.text not in (".",):
                continue
            text = _span_text(doc, i, i + k)
            key = fold(text)
            if key in gaz.places and (key in gaz.mixed_case or text.replace(".", "").isupper()):
                hit = (k, "place", gaz.places[key])
                break
            if key in gaz.demonyms:
                hit = (k, "demonym", [])
                break
        if hit is None:
            i += 1
            continue
        k, kind, entries = hit
        before = doc[i - 1] if i > 0 else None
        after = doc[i + k] if i + k < n else None
        if (after is not None and after.text == "-" and not doc[i + k - 1].whitespace_) or (
                before is not None and before.text == "-" and not before.whitespace_):
            i += k
            continue  # Pak-China, Sino-Pakistan: a modifier, not a mention of the place
        if kind == "demonym":
            out.append(Cand(i, i + k, "NORP", "demonym", 3))
            i += k
            continue
        j = i + k
        # Xinjiang Uyghur Autonomous Region, Kashgar Prefecture: the designator belongs to the name
        if any(e.kind in ("admin1", "city") for e in entries):
            for skip in (0, 1):
                ext = None
                for des in DESIGNATORS:
                    s = j + skip
                    if s + len(des) <= n and all(doc[s + d].lower_ == w and _cap(doc[s + d]) for d, w in enumerate(des)) \
                            and (skip == 0 or (_cap(doc[j]) and doc[j].is_alpha)):
                        ext = s + len(des)
                        break
                if ext:
                    j = ext
                    break
        label = "LOC" if all(e.kind == "region" for e in entries) else "GPE"
        out.append(Cand(i, j, label, "place", 3, entries=list(entries), strong=_place_evidence(doc, i, i + k, entries, spacy_label)))
        i = j
    return out


def _place_evidence(doc: Any, i: int, j: int, entries: list[Entry], spacy_label: dict[int, tuple[str, int, int]]) -> bool:
    """Whether the name is a place here without help from the rest of the report."""
    tok = doc[i]
    label = spacy_label.get(i)
    exact = label is not None and label[1] == i and label[2] == j
    if label and label[0] == "PERSON" and label[2] - label[1] > j - i:
        return False  # a part of a person's name (Paris Hilton)
    if exact and label and label[0] in PLACE_LABELS:
        return True
    if j - i > 1:
        return all(t.pos_ == "PROPN" or t.is_punct or t.lower_ in ("of", "and", "de", "la", "el", "al") for t in doc[i:j])
    if tok.pos_ != "PROPN" or tok.lower_ in COMPASS:
        return False
    kinds = {e.kind for e in entries}
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[j].text if j < len(doc) else ""
    if i == 0 and tok.text.isupper() and nxt in (":", "—", "–", "--", "-", ",", "("):
        return True  # a dateline: `DHAKA:`, `QUETTA, Pakistan —`
    if _sent(doc, i).start == i or (i > 0 and doc[i - 1].is_punct and doc[i - 1].text not in (",",)):
        # `Peshawar, near the Afghan border, ...`, `Hyderabad, the capital of ...`: the apposition says so
        if nxt == "," and (not label or label[0] != "PERSON" or exact) and any(
                t.lower_ in PLACE_HEADS or t.lower_ in ("near", "in", "located", "on", "capital") for t in doc[j + 1:j + 5]):
            return True
        return bool(kinds & {"country", "region"}) and not label
    if prev in LOCATIVE and (not label or label[0] in PLACE_LABELS):
        return True
    # the small model calls many a town an organisation or a person; a preposition of place before
    # the bare name outweighs it (a longer name it is part of has been ruled out above)
    if exact and label and j - i == 1 and (
            (label[0] in ("ORG", "NORP") and prev in LOCATIVE) or (label[0] == "PERSON" and prev in STRONG_LOCATIVE)
            or (prev == "of" and i > 1 and doc[i - 2].lower_ in PLACE_HEADS)):
        return True
    if kinds & {"country", "admin1", "region"} and not label:
        return True
    return bool(max((e.population for e in entries), default=0) >= 1_000_000 and not label)


def _sent(doc: Any, i: int) -> Any:
    """The sentence of token i (Token.sent and is_sent_start cost O(length of the doc) each in spaCy)."""
    import bisect

    data = doc.user_data.get("newsgraph_sents")
    if data is None:
        sents = list(doc.sents)
        data = ([s.start for s in sents], sents)
        doc.user_data["newsgraph_sents"] = data
    return data[1][bisect.bisect_right(data[0], i) - 1]


# -- the whole report ------------------------------------------------------------------------------
def analyse_doc(doc: Any, res: Resources, published: str | None = None, dateline: str | None = None,
                timexes: tuple[Timex, ...] = ()) -> tuple[EntityRecord, ...]:
    gaz = res.gaz
    spacy = _spacy_cands(doc, gaz)
    _person_evidence(doc, spacy, gaz)
    spacy_label: dict[int, tuple[str, int, int]] = {}
    for c in spacy:
        for t in range(c.start, c.end):
            spacy_label[t] = (c.label, c.start, c.end)
    aliases = _alias_cands(doc, res.aliases)
    places = _place_cands(doc, gaz, spacy_label)
    person_tokens = {doc[t].lower_ for c in spacy if c.label == "PERSON" and c.end - c.start > 1
                     for t in range(c.start, c.end) if doc[t].lower_ not in COURTESY}
    # type votes: a name that is clearly a place somewhere in the report is a place wherever it stands alone
    strong_keys = {fold(_span_text(doc, c.start, c.end)) for c in places if c.source == "place" and c.strong}
    kept_places = []
    for c in places:
        if c.source == "place" and not c.strong:
            key = fold(_span_text(doc, c.start, c.end))
            label = spacy_label.get(c.start)
            if key not in strong_keys or doc[c.start].pos_ not in ("PROPN", "NOUN") and not label:
                continue
            if label and label[0] == "PERSON" and label[2] - label[1] > c.end - c.start:
                continue
        if c.source == "place" and c.end - c.start == 1 and doc[c.start].lower_ in person_tokens:
            prev = doc[c.start - 1].lower_ if c.start else ""
            if prev not in LOCATIVE:
                continue
        kept_places.append(c)
    # spaCy spans made only of places, demonyms and compass words give way to them; longer names keep theirs
    covered: set[int] = {t for c in kept_places for t in range(c.start, c.end)}
    place_at = {p.start: p for p in kept_places}
    for c in spacy:
        inner = [place_at[t] for t in range(c.start, c.end) if t in place_at and place_at[t].end <= c.end]
        if not inner:
            continue
        rest = [t for t in range(c.start, c.end) if t not in covered]
        if all(doc[t].lower_ in COMPASS or not doc[t].is_alpha or doc[t].lower_ in ("of", "and", "the") for t in rest):
            c.prio = 0
        elif c.label in ("ORG", "FAC", "EVENT", "PERSON", "LAW") and any(_cap(doc[t]) for t in rest):
            c.prio = 4
    chosen = _select([*aliases, *kept_places, *[c for c in spacy if c.prio > 0]])
    clusters = _cluster(doc, chosen, gaz, dateline)
    _roles(doc, clusters, chosen, published, timexes)
    return _records(doc, clusters)


def _select(cands: list[Cand]) -> list[Cand]:
    taken: set[int] = set()
    out = []
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start)):
        if any(t in taken for t in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        out.append(c)
    return sorted(out, key=lambda c: c.start)


def _name_tokens(doc: Any, c: Cand) -> list[str]:
    return [t.text for t in doc[c.start:c.end] if t.lower_ not in COURTESY and t.is_alpha or "-" in t.text]


def _cluster(doc: Any, chosen: list[Cand], gaz: Gazetteer, dateline: str | None) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}
    order: list[str] = []

    def add(key: str, label: str, name: str, start: int, end: int, kind: str = "name") -> Cluster:
        if key not in clusters:
            clusters[key] = Cluster(label, name, key)
            order.append(key)
        clusters[key].mentions.append((start, end, kind))
        return clusters[key]

    # type votes among spaCy's single names: the label given most often wins for every occurrence
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in chosen:
        if c.source == "spacy":
            votes[fold(_span_text(doc, c.start, c.end))][c.label] += 1
    for c in chosen:
        if c.source == "spacy" and c.end - c.start == 1:
            best = votes[fold(_span_text(doc, c.start, c.end))].most_common()
            if best[0][1] > 1 or len(best) == 1:
                c.label = best[0][0]
    # people: full names first; then surnames, `Mr Zhang`, other labels of a name part, bare name parts
    full: dict[str, list[str]] = {}
    for c in chosen:
        if c.label == "PERSON":
            _extend_title(doc, c)
            names = _name_tokens(doc, c)
            if len(names) >= 2:
                full[fold(" ".join(names))] = names
    part_of: dict[str, set[str]] = defaultdict(set)
    for key, names in full.items():
        for n in names:
            part_of[fold(n)].add(key)
    in_span = {t for c in chosen for t in range(c.start, c.end)}
    extra = []
    for tok in doc:
        if tok.i not in in_span and tok.pos_ == "PROPN" and _cap(tok) and len(part_of.get(tok.lower_, ())) == 1:
            extra.append(Cand(tok.i, tok.i + 1, "PERSON", "spacy", 1))
    for c in sorted([*chosen, *extra], key=lambda c: c.start):
        start, end = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
        text = _text(doc)[start:end]
        if c.source == "spacy" and c.label in ("ORG", "NORP", "GPE") and c.end - c.start == 1 and len(part_of.get(fold(text), ())) == 1:
            c.label = "PERSON"
        if c.label == "PERSON":
            names = _name_tokens(doc, c)
            key = fold(" ".join(names))
            if len(names) < 2 and len(part_of.get(key, ())) == 1:
                key = next(iter(part_of[key]))
            add("person:" + key, "PERSON", " ".join(full.get(key, names)), start, end)
        elif c.source == "alias":
            add("org:" + fold(c.name or text), "ORG", c.name or text, start, end)
        elif c.source == "place":
            pass  # below, after geocoding
        else:
            name = text
            add(f"{c.label.lower()}:{fold(name)}", c.label, name, start, end)
    _place_clusters(doc, chosen, gaz, dateline, add, clusters)
    _possessive_orgs(doc, chosen, add, clusters)
    _pronouns(doc, clusters)
    return [clusters[k] for k in order]


def _extend_title(doc: Any, c: Cand) -> None:
    if c.start > 0 and doc[c.start - 1].lower_ in COURTESY and _cap(doc[c.start - 1]):
        c.start -= 1


def _place_clusters(doc: Any, chosen: list[Cand], gaz: Gazetteer, dateline: str | None, add: Any,
                    clusters: dict[str, Cluster]) -> None:
    places = [c for c in chosen if c.source == "place"]
    groups: dict[str, PlaceGroup] = {}
    for c in places:
        key = fold(_span_text(doc, c.start, c.end))
        if key not in groups:
            groups[key] = PlaceGroup(key, c.entries)
    index = {k: i for i, k in enumerate(groups)}
    for a, b in zip(places, places[1:], strict=False):  # `Paris, Texas`
        if b.start == a.end + 1 and doc[a.end].text == ",":
            groups[fold(_span_text(doc, a.start, a.end))].within.add(index[fold(_span_text(doc, b.start, b.end))])
    demonyms = {code for c in chosen if c.source == "demonym"
                for code in [res_code(gaz, _span_text(doc, c.start, c.end))] if code}
    line = [e for e in (gaz.lookup(dateline) if dateline else []) if e.kind in ("city", "country")]
    line = sorted(line, key=lambda e: -e.population)[:1]
    group_list = list(groups.values())
    choose(group_list, line, demonyms)
    for c in places:
        g = groups[fold(_span_text(doc, c.start, c.end))]
        e = g.chosen
        if e is None:
            continue
        start, end = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
        label = "LOC" if e.kind == "region" else "GPE"
        cl = add("place:" + e.key, label, e.name, start, end)
        cl.place = Place(e.name, e.lat, e.lon, e.country, e.geonameid, e.kind, e.key)


def res_code(gaz: Gazetteer, text: str) -> str | None:
    return gaz.demonym(text)[1]


def _possessive_orgs(doc: Any, chosen: list[Cand], add: Any, clusters: dict[str, Cluster]) -> None:
    """`Kashi's Public Security Bureau`: an institution named by its place, as one organisation."""
    by_start = {c.start: c for c in chosen}
    for c in chosen:
        if c.source != "place" or c.end + 1 >= len(doc) or doc[c.end].text not in ("'s", "’s"):
            continue
        org = by_start.get(c.end + 1)
        if org is None or org.label != "ORG" or org.source != "spacy":
            continue
        if org.end < len(doc) and doc[org.end].lower_ in ROLE_NOUNS:
            continue  # `Xinjiang's Communist Party chief`: a title, not an institution
        start, end = doc[c.start].idx, doc[org.end - 1].idx + len(doc[org.end - 1].text)
        inner = _span_text(doc, org.start, org.end)
        name = f"{_span_text(doc, c.start, c.end)} {inner}"
        add("org:" + fold(name), "ORG", name, start, end)
        # the bare institution name, here, is this organisation: a mention of it, not of another
        ostart = doc[org.start].idx
        old = clusters.get("org:" + fold(inner))
        if old is not None:
            old.mentions = [m for m in old.mentions if m[0] != ostart]
        add("org:" + fold(name), "ORG", name, ostart, doc[org.end - 1].idx + len(doc[org.end - 1].text))


def _pronouns(doc: Any, clusters: dict[str, Cluster]) -> None:
    people = sorted((m[0], k) for k, cl in clusters.items() if cl.label == "PERSON" for m in cl.mentions)
    if not people:
        return
    sent_of = {}
    for si, sent in enumerate(doc.sents):
        sent_of[sent.start_char] = si
    starts = sorted(sent_of)
    import bisect

    def sent_index(char: int) -> int:
        return bisect.bisect_right(starts, char) - 1

    for tok in doc:
        if tok.lower_ not in PRONOUNS:
            continue
        pos = bisect.bisect_left(people, (tok.idx, ""))
        if pos == 0:
            continue
        char, key = people[pos - 1]
        if sent_index(tok.idx) - sent_index(char) <= 1:
            clusters[key].mentions.append((tok.idx, tok.idx + len(tok.text), "pronoun"))


# -- roles -----------------------------------------------------------------------------------------
def _as_of(doc: Any, sent: Any, published: str | None, timexes: tuple[Timex, ...]) -> str | None:
    for t in timexes:
        if sent.start_char <= t.start < sent.end_char and t.type == "DATE" and t.value and DATE_VALUE.match(t.value) \
                and _past(doc, t.start):
            return t.value
    return published


def _past(doc: Any, char: int) -> bool:
    """Whether the date at `char` hangs from a verb in the past (`was quoted as saying in October 2018`)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.lower_ in ("will", "would", "'ll", "shall", "to") for c in tok.children) or tok.tag_ in ("VB", "VBP", "VBZ"):
                return False
            if tok.tag_ in ("VBD", "VBN"):
                return True
        if tok.head is tok:
            break
        tok = tok.head
    return False


def _role_text(doc: Any, i: int, j: int) -> str:
    """`Xinjiang's Communist Party chief` -> `Communist Party chief of Xinjiang`."""
    toks = list(doc[i:j])
    for k, t in enumerate(toks):
        if t.text in ("'s", "’s") and 0 < k < len(toks) - 1:
            owner = _span_text(doc, i, i + k)
            return f"{_span_text(doc, i + k + 1, j)} of {owner}"
    return _span_text(doc, i, j)


def _roles(doc: Any, clusters: list[Cluster] | dict[str, Cluster], chosen: list[Cand], published: str | None,
           timexes: tuple[Timex, ...]) -> None:
    people = [cl for cl in (clusters.values() if isinstance(clusters, dict) else clusters) if cl.label == "PERSON"]
    tok_at = {t.idx: t.i for t in doc}
    tok_end = {t.idx + len(t.text): t.i for t in doc}
    used: set[int] = set()
    person_tok: set[int] = set()
    for cl in people:
        for s, e, kind in cl.mentions:
            if kind == "name" and s in tok_at and e in tok_end:
                person_tok.update(range(tok_at[s], tok_end[e] + 1))
    for cl in people:
        for s, e, kind in cl.mentions:
            if kind != "name" or s not in tok_at or e not in tok_end:
                continue
            i, j = tok_at[s], tok_end[e] + 1
            sent = _sent(doc, i)
            # before the name: `Xinjiang's Communist Party chief Zhang Chunxian`
            k = i
            while k > sent.start and i - k < 8 and k - 1 not in person_tok and (
                    doc[k - 1].pos_ in ("PROPN", "NOUN", "ADJ") and doc[k - 1].is_alpha or doc[k - 1].text in ("'s", "’s")):
                k -= 1
            if k < i and any(t.lower_ in ROLE_NOUNS for t in doc[k:i]) and doc[k].text not in ("'s", "’s"):
                cl.roles.append(Role(_role_text(doc, k, i), _as_of(doc, sent, published, timexes), doc[k].idx, doc[i - 1].idx + len(doc[i - 1].text)))
                used.update(range(k, i))
            # after the name: `Shohrat Zakir, chairman of Xinjiang Uyghur Autonomous Region,`
            if j < sent.end and doc[j].text == ",":
                a = j + 1
                while a < sent.end and doc[a].lower_ in ("a", "an", "the"):
                    a += 1
                b = a
                while b < sent.end and b - a < 14 and doc[b].text not in (",", ".", ";", ":", ")", "—", "–", '"', "“", "”"):
                    b += 1
                words = doc[a:b]
                if b > a and any(t.lower_ in ROLE_NOUNS for t in list(words)[:4]) and not any(t.pos_ in ("VERB", "AUX") for t in words) \
                        and not any(t in person_tok for t in range(a, b)):
                    cl.roles.append(Role(_role_text(doc, a, b), _as_of(doc, sent, published, timexes), doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
                    used.update(range(a, b))
    # `the governor of China's Xinjiang region said ...`, then `Nur Bekri said`: a role named before the person
    first_at = {}
    for cl in people:
        full = [m for m in cl.mentions if m[2] == "name" and len(_text(doc)[m[0]:m[1]].split()) >= 2]
        if full:
            first_at[id(cl)] = min(m[0] for m in full)
    sents = list(doc.sents)
    for tok in doc:
        if tok.lower_ not in ROLE_NOUNS or tok.tag_ != "NN" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.i in used:
            continue
        if not any(ch.dep_ == "poss" or ch.lower_ == "the" for ch in tok.children):
            continue
        a, b = tok.left_edge.i, tok.right_edge.i + 1
        while a < b and doc[a].lower_ in ("the", "a", "an"):
            a += 1
        if any(t in person_tok for t in range(a, b)) or b - a > 10:
            continue
        si = next(n for n, s in enumerate(sents) if s.start <= tok.i < s.end)
        limit = sents[min(si + 3, len(sents) - 1)].end_char
        later = sorted((at, n) for n, cl in enumerate(people) if (at := first_at.get(id(cl))) is not None
                       and tok.idx < at <= limit)
        if later:
            cl = people[later[0][1]]
            cl.roles.append(Role(_role_text(doc, a, b), _as_of(doc, sents[si], published, timexes), doc[a].idx,
                                 doc[b - 1].idx + len(doc[b - 1].text)))
            used.update(range(a, b))


# -- records ---------------------------------------------------------------------------------------
def _records(doc: Any, clusters: list[Cluster]) -> tuple[EntityRecord, ...]:
    out = []
    live = [cl for cl in clusters if any(k == "name" for _, _, k in cl.mentions)]
    live.sort(key=lambda cl: min(m[0] for m in cl.mentions if m[2] == "name"))
    for n, cl in enumerate(live):
        mentions = tuple(Mention(s, e, _text(doc)[s:e], kind) for s, e, kind in sorted(set(cl.mentions)))
        name = cl.name
        if cl.label == "PERSON":
            forms = Counter(" ".join(w for w in m.text.split() if w.lower() not in COURTESY)
                            for m in mentions if m.kind == "name")
            name = max(forms, key=lambda f: (len(f.split()), forms[f], f))
        roles = tuple(dict.fromkeys(cl.roles))
        public = cl.label != "PERSON" or bool(roles)
        out.append(EntityRecord(f"L{n}", name, cl.label, mentions, roles, cl.place, cl.key, public))
    return tuple(out)
