"""Choose, for each place name in a report, the gazetteer entry its context points to.

Context is what else the report names: countries (and demonyms: `Pakistani officials`), places
whose reading is not in doubt, the dateline, and `X, Y` pairs (`Paris, Texas`). Population only
breaks ties; a name is only ever matched exactly or through a listed alternate name, never fuzzily.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from newsgraph.places.gazetteer import Entry

PRIOR = {"country": 2.0, "admin1": 1.0, "city": 0.5, "region": 1.5}


@dataclass(slots=True)
class PlaceGroup:
    """Every mention of one folded name in a report, with the entries that name can stand for."""

    folded: str
    candidates: list[Entry]
    chosen: Entry | None = None
    within: set[int] = field(default_factory=set)  # indexes of groups named right after it (`X, Y`)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Entry, b: Entry) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    return km(a.lat, a.lon, b.lat, b.lon)


def _admin_of(city: Entry, admin: Entry) -> bool:
    """A city lies in a first-level subdivision (known where the GeoNames code is the ISO one, as in the US)."""
    return bool(admin.kind == "admin1" and city.country == admin.country and admin.admin1
                and city.admin1 == admin.admin1.split("-", 1)[1])


def score(entry: Entry, folded: str, context: list[Entry], countries: dict[str, float], within: list[Entry],
          largest: int = 0) -> float:
    s = PRIOR[entry.kind]
    if entry.kind == "city":
        s += math.log10(max(entry.population, 10)) / 10
    if folded in entry.primary:
        s += 0.75
    # a small town named after a city five times its size (Geneva, Illinois) needs more than a mention
    # of its country somewhere in the report: a state beside it, or a place near it
    overshadowed = entry.kind == "city" and entry.population < 200_000 and largest >= 5 * max(entry.population, 1)
    if entry.country and entry.country in countries:
        s += 0.0 if overshadowed else min(3.0, 2.0 + countries[entry.country])
    for other in within:  # `Paris, Texas`: the second names where the first is
        if other.kind == "country" and other.country == entry.country or _admin_of(entry, other):
            s += 5.0
    # near another place of the report (a country is no point: its own bonus is above)
    near = min((distance_km(entry, c) for c in context if c.key != entry.key and c.kind != "country"),
               default=math.inf)
    if near < 300:
        s += 1.5
    elif near < 1500:
        s += 0.75
    for c in context:
        if c.kind == "admin1" and _admin_of(entry, c):
            s += 2.0
    return s


def choose(groups: list[PlaceGroup], dateline: list[Entry], demonym_countries: set[str]) -> None:
    """Fill `chosen` for every group: unambiguous ones first, then the rest by context, twice."""
    for g in groups:
        if len(g.candidates) == 1:
            g.chosen = g.candidates[0]
    for _ in range(2):
        decided = {i: g.chosen for i, g in enumerate(groups) if g.chosen is not None}
        for i, g in enumerate(groups):
            if len(g.candidates) <= 1:
                continue
            context = [e for j, e in decided.items() if j != i] + list(dateline)
            countries: dict[str, float] = {}
            for e in context:
                if e.country:
                    countries[e.country] = countries.get(e.country, 0.0) + (1.0 if e.kind == "country" else 0.5)
            for code in demonym_countries:
                countries[code] = countries.get(code, 0.0) + 0.5
            within = [decided[j] for j in g.within if j in decided]
            largest = max((e.population for e in g.candidates if e.kind == "city"), default=0)
            ranked = sorted(g.candidates, key=lambda e: (-score(e, g.folded, context, countries, within, largest), e.key))
            g.chosen = ranked[0]
