"""One event told by several reports is one event (newsgraph.merge.events), on readings built by hand:
what joins, what never does, and what the merged record says."""
from __future__ import annotations

from typing import Any

from newsgraph.merge.events import combine, group_events, when_span

CITY = {"name": "Tarsa", "lat": 34.01, "lon": 71.58, "country": "XT", "precision": "city"}
SAME_CITY_NEARBY = {"name": "Tarsa Cantonment", "lat": 34.05, "lon": 71.60, "country": "XT", "precision": "city"}
OTHER_CITY = {"name": "Orvan", "lat": 24.86, "lon": 67.01, "country": "XT", "precision": "city"}
COUNTRY = {"name": "Tarsania", "lat": 30.0, "lon": 70.0, "country": "XT", "precision": "country"}
ENTITIES = ["Tarsania", "Tarsa", "Orvan", "Tarsa Front", "Interior Ministry"]


def reading(id_: str, doc: str, type_: str = "ASSAULT", *, when: str | None = "2014-05-12",
            location: dict | None = None, actor: tuple[str, ...] = ("suicide bomber",),
            target: tuple[str, ...] = ("people",), fatalities: int | None = None, modality: str = "asserted",
            attributed_to: str | None = None, confidence: float = 0.6, text: str = "", mode: str | None = None
            ) -> dict[str, Any]:
    return {"id": id_, "type": type_, "mode": mode, "modality": modality, "actor": list(actor),
            "target": list(target), "location": location, "when": when, "fatalities": fatalities,
            "fatalities_flag": None, "quantities": {}, "attributed_to": attributed_to, "confidence": confidence,
            "sources": [{"doc": doc, "start": 0, "end": len(text or id_), "text": text or id_}]}


DOCS = {"a": ("2014-05-12", None), "b": ("2014-05-13", None), "c": ("2014-05-15", None),
        "d": ("2014-05-12", None), "copy": ("2014-05-12", "a"), "late": ("2015-06-01", None),
        "undated": (None, None)}


def groups(rows: list[dict], docs: dict | None = None) -> list[list[str]]:
    found = group_events(rows, docs or DOCS, ENTITIES)
    return [[rows[i]["id"] for i, _ in g] for g in found]


def test_one_bombing_told_by_three_reports_is_one_event():
    rows = [reading("a1", "a", location=CITY, fatalities=12, attributed_to="police", confidence=0.9,
                    text="A suicide bomber killed 12 people at a market in Tarsa on Monday, police said."),
            reading("b1", "b", location=CITY, fatalities=12, attributed_to="officials", confidence=0.8,
                    actor=("bomber",), target=("Twelve people",),
                    text="Twelve people were killed on Monday when a bomber blew himself up in Tarsa, officials said."),
            reading("c1", "c", location=CITY, fatalities=14, confidence=0.7, actor=(), target=("14 people",),
                    text="Police detained three men over Monday's bombing in Tarsa that killed 14 people."),
            reading("d1", "d", location=OTHER_CITY, fatalities=2, actor=("gunmen",), target=("shopkeepers",),
                    text="Gunmen shot dead two shopkeepers in Orvan on Monday.")]
    assert groups(rows) == [["a1", "b1", "c1"], ["d1"]]
    merged = combine(rows[:3], DOCS)
    assert merged["id"] == "a1"
    assert [s["doc"] for s in merged["sources"]] == ["a", "b", "c"]
    assert merged["fatalities"] == 14  # the latest report's toll
    assert [s["fatalities"] for s in merged["sources"]] == [12, 12, 14]
    # two reports name a source: the record rests on a source's word, never on nobody's
    assert merged["attributed_to"] == "police"
    assert [s["attributed_to"] for s in merged["sources"]] == ["police", "officials", None]
    assert merged["when"] == "2014-05-12" and merged["location"] == CITY
    assert merged["confidence"] > 0.9  # independent reports corroborate each other
    assert {n.lower() for n in merged["target"]} == {"people", "twelve people", "14 people"}


def test_what_never_joins():
    base = reading("a1", "a", location=CITY, fatalities=12, text="A bomber killed 12 people in Tarsa.")
    never = [
        reading("b1", "b", location=OTHER_CITY, fatalities=12),  # another city
        reading("b2", "b", "PROTEST", location=CITY, fatalities=12),  # another type
        reading("b3", "b", location=CITY, fatalities=12, modality="future"),  # a threat is not the attack
        reading("b4", "b", location=CITY, fatalities=12, when="2014-05-13"),  # another day
        reading("b5", "b", location=CITY, fatalities=12, when="XXXX-05-12"),  # no year is carried over
        reading("a2", "a", location=CITY, fatalities=12),  # the same report: the extractor told them apart
    ]
    for other in never:
        assert groups([base, other]) == [["a1"], [other["id"]]], other["id"]


def test_evidence_is_needed_besides_an_agreeing_date():
    """Two attacks on one day somewhere in one country by unnamed attackers are not thereby one."""
    a = reading("a1", "a", location=COUNTRY, actor=(), target=())
    b = reading("b1", "b", location=COUNTRY, actor=(), target=())
    assert groups([a, b]) == [["a1"], ["b1"]]
    # a named group on one day in a country and in a city of it: maybe two of its attacks ...
    named = reading("b2", "b", location=CITY, actor=("Tarsa Front",), target=())
    claimed = reading("a2", "a", location=COUNTRY, actor=("Tarsa Front",), target=())
    assert groups([claimed, named]) == [["a2"], ["b2"]]
    # ... unless the reports tell it alike
    named = reading("b2", "b", location=CITY, actor=("Tarsa Front",), target=(),
                    text="A bombing destroyed a police station in Tarsa, and the Tarsa Front claimed it.")
    claimed = reading("a2", "a", location=COUNTRY, actor=("Tarsa Front",), target=(),
                      text="The Tarsa Front claimed the bombing of a police station in the north.")
    assert groups([claimed, named]) == [["a2", "b2"]]
    assert combine([claimed, named], DOCS)["location"] == CITY  # the most specific place


def test_two_attacks_in_one_city_on_one_day_stay_two():
    ministry = reading("a1", "a", location=CITY, actor=("suicide bomber",), target=("ministry",), fatalities=20,
                       text="A suicide bomber killed 20 people outside the water ministry in Tarsa on Monday.")
    roadside = reading("b1", "b", location=CITY, actor=(), target=("police officer",),
                       text="A roadside bomb wounded a police officer on the ring road in Tarsa on Monday.")
    assert groups([ministry, roadside]) == [["a1"], ["b1"]]


def test_common_nouns_and_a_day_tie_nothing_together():
    a = reading("a1", "a", actor=("gunmen",), target=("people",), fatalities=1)
    b = reading("b1", "b", actor=("gunmen",), target=("people",), fatalities=1, location=CITY)
    assert groups([a, b]) == [["a1"], ["b1"]]
    # a toll as rare as a dozen killed ties them, where no place says otherwise
    a12, b12 = (reading(i, d, actor=("bomber",), fatalities=12, location=loc) for i, d, loc in
                (("a2", "a", None), ("b2", "b", CITY)))
    assert groups([a12, b12]) == [["a2", "b2"]]


def test_points_a_few_kilometres_apart_are_one_place():
    a = reading("a1", "a", location=CITY, fatalities=3)
    b = reading("b1", "b", location=SAME_CITY_NEARBY, fatalities=3)
    assert groups([a, b]) == [["a1", "b1"]]


def test_a_month_holds_its_days():
    a = reading("a1", "a", location=CITY, actor=("Tarsa Front",), when="2014-05")
    b = reading("b1", "b", location=CITY, actor=("Tarsa Front",), when="2014-05-12")
    assert groups([a, b]) == [["a1", "b1"]]
    assert combine([a, b], DOCS)["when"] == "2014-05-12"
    assert groups([a, reading("b2", "b", location=CITY, actor=("Tarsa Front",), when="2014-06-02")]) == [["a1"], ["b2"]]


def test_an_undated_mention_joins_only_soon_after_and_on_evidence():
    dated = reading("a1", "a", location=CITY, fatalities=12, actor=("Tarsa Front",))
    soon = reading("c1", "c", when=None, location=CITY, fatalities=12, actor=("Tarsa Front",))
    a_year_on = reading("l1", "late", when=None, location=CITY, fatalities=12, actor=("Tarsa Front",))
    thin = reading("c2", "c", when=None, location=CITY, actor=(), target=())
    unknown_report_date = reading("u1", "undated", when=None, location=CITY, fatalities=12, actor=("Tarsa Front",))
    assert groups([dated, soon]) == [["a1", "c1"]]
    for other in (a_year_on, thin, unknown_report_date):
        assert groups([dated, other]) == [["a1"], [other["id"]]], other["id"]
    assert combine([dated, soon], DOCS)["when"] == "2014-05-12"


def test_a_copy_joins_its_original_but_corroborates_nothing():
    text = "A bomber killed 12 people in Tarsa on Monday."
    a = reading("a1", "a", location=CITY, text=text, confidence=0.6, actor=(), target=())
    copy = reading("k1", "copy", location=CITY, text=text, confidence=0.6, actor=(), target=())
    assert groups([a, copy]) == [["a1", "k1"]]
    assert combine([a, copy], DOCS)["confidence"] == 0.6


def test_ids_are_stable_as_reports_come_in():
    first = reading("a1", "a", location=CITY, fatalities=12, actor=("Tarsa Front",))
    second = reading("b1", "b", location=CITY, fatalities=12, actor=("Tarsa Front",))
    third = reading("c1", "c", location=CITY, fatalities=14, actor=("Tarsa Front",))
    assert groups([first, second]) == [["a1", "b1"]]
    assert groups([first, second, third]) == [["a1", "b1", "c1"]]


def test_a_reading_must_agree_with_every_member():
    """No chaining: a reading a day off one member does not join through another, looser one."""
    month = reading("a1", "a", location=CITY, actor=("Tarsa Front",), when="2014-05")
    day = reading("b1", "b", location=CITY, actor=("Tarsa Front",), when="2014-05-12")
    other_day = reading("c1", "c", location=CITY, actor=("Tarsa Front",), when="2014-05-20")
    assert groups([month, day, other_day]) == [["a1", "b1"], ["c1"]]


def test_a_single_reading_keeps_its_fields():
    row = reading("a1", "a", location=CITY, fatalities=3, attributed_to="police")
    merged = combine([row], DOCS)
    assert {k: merged[k] for k in row if k != "sources"} == {k: row[k] for k in row if k != "sources"}
    assert merged["sources"][0]["event"] == "a1" and merged["sources"][0]["attributed_to"] == "police"


def test_own_voice_only_where_every_report_gives_it():
    a = reading("a1", "a", location=CITY, fatalities=12)
    b = reading("b1", "b", location=CITY, fatalities=12)
    assert combine([a, b], DOCS)["attributed_to"] is None
    assert combine([a, reading("c1", "c", location=CITY, fatalities=12, attributed_to="the army")],
                   DOCS)["attributed_to"] == "the army"


def test_when_spans():
    assert when_span("2014-05-12T12:00").level == 3
    assert when_span("2014-W20").first.isoformat() == "2014-05-12"
    assert when_span("2014-WI").last.isoformat() == "2015-02-28"
    assert when_span("2014-Q2").first.isoformat() == "2014-04-01"
    for vague in (None, "", "PAST_REF", "XXXX-05-12", "2014-13", "201X"):
        assert when_span(vague) is None, vague
