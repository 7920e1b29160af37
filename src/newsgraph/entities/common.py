"""What the entity finder's parts share: word lists, the candidate and cluster records, and token
helpers that avoid spaCy's per-call costs on long documents."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsgraph.places.gazetteer import Entry
from newsgraph.records import Place, Role

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
            "throughout", "within", "visited", "visiting", "inside", "between", "of", "neighbouring", "neighboring"}
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
               "east", "west", "heart", "citizens", "council", "parts", "area", "areas", "towns", "cities",
               "villages", "provinces", "regions", "districts", "states", "counties", "ports"}
# lower-case generic words after a name that make it a subdivision (`the Donetsk region`, `Zamfara and
# Niger states`)
ADMIN_NOUNS = {"region", "regions", "province", "provinces", "state", "states", "district", "districts", "county",
               "counties", "oblast", "governorate", "prefecture", "department", "municipality"}
# what a place has (`Bologna's airport`, `Mali's army`, `Turkey's disaster agency`) and a person rarely does
PLACE_OWNED = PLACE_HEADS | {"army", "military", "ministry", "agency", "president", "parliament", "police",
                             "economy", "authorities", "officials", "forces", "force", "navy", "embassy", "coast",
                             "junta", "troops", "premier", "prime", "population", "weather", "election", "elections"}
# capitalised words after a place name that make it part of a natural feature's name (the Illinois River)
FEATURE_WORDS = {"river", "lake", "sea", "bay", "gulf", "mountains", "mountain", "valley", "desert", "strait",
                 "canal", "peninsula", "island", "islands", "basin", "delta", "plateau", "hills", "falls", "creek"}
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
