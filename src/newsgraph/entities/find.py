"""Find the entities of one report: spaCy's named entities, corrected with gazetteers, an
organisation alias table and type votes; people linked within the report (Mr Liang, Liang, he);
roles with the time they hold; places geocoded by the report's context.

Only the article body is read (never the headline, boilerplate or comments); every offset is an
offset into the body, and every mention's text is `body[start:end]`.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any

from newsgraph.entities.candidates import _alias_cands, _person_evidence, _place_cands, _spacy_cands
from newsgraph.entities.common import (
    COMPASS,
    COURTESY,
    LOCATIVE,
    PRONOUNS,
    ROLE_NOUNS,
    Cand,
    Cluster,
    _cap,
    _span_text,
    _text,
)
from newsgraph.entities.orgs import alias_table
from newsgraph.entities.roles import _roles
from newsgraph.nlp import MAX_CHARS, load_nlp
from newsgraph.pipeline import stage
from newsgraph.places.gazetteer import Gazetteer, fold, load_gazetteer
from newsgraph.places.geocode import PlaceGroup, choose
from newsgraph.records import Analysis, EntityRecord, Mention, Place, Timex
from newsgraph.settings import Settings


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
    # people: full names first; then surnames, `Mr Liang`, other labels of a name part, bare name parts
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
