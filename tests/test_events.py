"""Events (issue 6): PLOVER types and modes, modality, attribution, counts, bad inputs, and the seeds."""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.events import Event, extract_events
from newsgraph.events.lexicon import MODES, TYPES
from newsgraph.events.numbers import fatalities, parse_number
from newsgraph.records import Analysis, Article, RawInput
from newsgraph.settings import load_settings

DEV = Path(__file__).resolve().parent / "fixtures" / "events_dev.jsonl"
SHARED = Path(__file__).resolve().parents[2] / "shared"


# -- without the model ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,value,flag", [
    ("851", 851, None), ("79,270", 79270, None), ("five", 5, None), ("twenty-three", 23, None),
    ("62.1 billion", 62.1e9, None), ("dozens", 12, "vague"), ("scores", 20, "vague"),
    ("more than a hundred", 100, "at-least"), ("nearly 200", 200, "approximate"), ("one hundred and twenty", 120, None),
])
def test_numbers_as_written(text, value, flag):
    assert parse_number(text) == (pytest.approx(value), flag)


@pytest.mark.parametrize("sentence,count,flag", [
    ("A terrorist attack occurred in the region that left five people dead.", 5, None),
    ("A suicide bomber blew himself up, killing seven officers.", 7, None),
    ("Clashes left dozens dead.", 12, "vague"),
    ("More than a hundred people were killed in the fighting.", 100, "at-least"),
    ("The attack wounded 14 guests.", None, None),
    ("Several people were killed.", None, None),
])
def test_fatalities(sentence, count, flag):
    assert fatalities(sentence) == (count, flag)


def test_lexicon_covers_every_type_and_mode():
    from newsgraph.events.lexicon import NOUN_MODIFIED, NOUNS, PHRASAL, VERB_OBJECT, VERBS

    triggers = [*VERBS.values(), *NOUNS.values(), *PHRASAL.values()]
    triggers += [t for table in [*VERB_OBJECT.values(), *NOUN_MODIFIED.values()] for t in table.values()]
    assert {t[0] for t in triggers} == set(TYPES)
    for typ, mode, weight in triggers:
        assert mode is None or mode in MODES[typ], (typ, mode)
        assert 0 < weight <= 1


# -- with the model ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def settings():
    return replace(load_settings(), workers=1)


@pytest.fixture(scope="module")
def events_of(settings):
    from newsgraph.entities.find import find_entities
    from newsgraph.events.classifier import default_model
    from newsgraph.pipeline import find_quotes, find_timexes, parse

    def run(text: str, published: str | None = None) -> list[Event]:
        a = Analysis(raw=RawInput(source="t", kind="text", payload=text),
                     article=Article(id="t", source="t", body=text, published=published))
        for fn in (find_timexes, parse, find_quotes, find_entities):
            a = fn(a, settings)
        assert a.article is not None
        return extract_events(a.parsed, a.article, a.timexes, a.entities, a.quotes, default_model(), settings.events_threshold)

    return run


@pytest.fixture(scope="module")
def dev(events_of):
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    return [(row, events_of(row["text"])) for row in rows]


def test_dev_set_is_big_enough():
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 150
    assert {e["type"] for r in rows for e in r["events"]} == set(TYPES)
    assert sum(1 for r in rows if not r["events"]) >= 15  # sentences with no event, for precision


@pytest.mark.model
def test_dev_per_type_floors(dev):
    counts = {t: Counter() for t in TYPES}
    for row, found in dev:
        gold, got = {e["type"] for e in row["events"]}, {e.type for e in found}
        for t in TYPES:
            counts[t]["tp"] += t in gold and t in got
            counts[t]["fp"] += t not in gold and t in got
            counts[t]["fn"] += t in gold and t not in got
    for t, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"])
        assert p >= 0.75 and r >= 0.75, (t, p, r)
    tp, fp, fn = (sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn"))
    assert tp / (tp + fp) >= 0.93 and tp / (tp + fn) >= 0.93


@pytest.mark.model
def test_dev_modes_and_modality(dev):
    mode = modality = mode_n = modality_n = 0
    for row, found in dev:
        for g in row["events"]:
            match = [e for e in found if e.type == g["type"]]
            if not match:
                continue
            modality_n += 1
            modality += any(e.modality == g["modality"] for e in match)
            if g.get("mode"):
                mode_n += 1
                mode += any(e.mode == g["mode"] for e in match)
    assert mode / mode_n >= 0.9 and modality / modality_n >= 0.95


@pytest.mark.model
def test_confidence_thirds(dev):
    scored = sorted(((e.confidence, e.type in {g["type"] for g in row["events"]}) for row, found in dev for e in found),
                    key=lambda x: -x[0])
    k = len(scored) // 3
    top = sum(ok for _, ok in scored[:k]) / k
    bottom = sum(ok for _, ok in scored[-k:]) / k
    assert top > bottom and top >= 0.98


def _one(events: list[Event], typ: str) -> Event:
    found = [e for e in events if e.type == typ]
    assert found, (typ, events)
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize("text,typ,modality", [
    ("The government said security would be beefed up along the border.", "MOBILIZE", "future"),
    ("The minister pledged to deploy more police officers to the district.", "MOBILIZE", "future"),
    ("Police did not arrest anyone after the brawl.", "COERCE", "negated"),
    ("Officials fear that militants could attack the pipeline.", "ASSAULT", "hypothetical"),
    ("Border guards were ordered to prevent militants from crossing into the country.", "COERCE", "future"),
    ("The army denied that its troops had shelled the village.", "ASSAULT", "negated"),
    ("Police arrested 45 people in the capital on Monday.", "COERCE", "asserted"),
])
def test_modality(events_of, text, typ, modality):
    assert _one(events_of(text), typ).modality == modality


@pytest.mark.model
def test_whose_word(events_of):
    ev = _one(events_of("Officials in the city said a stabbing attack there last week was orchestrated by members "
                        "of the separatist movement."), "ASSAULT")
    assert ev.attributed_to and ev.attributed_to.lower().startswith("officials")
    assert ev.mode == "primitive"
    assert not any("separatist" in a for a in ev.actor)  # the source's label stays in the sentence
    own = _one(events_of("Police arrested 45 people in the capital on Monday."), "COERCE")
    assert own.attributed_to is None
    accuse = _one(events_of("China has blamed incidents of violence in the region on separatists."), "ACCUSE")
    assert accuse.attributed_to is None and accuse.actor == ("China",)
    said = _one(events_of("The bombing killed 12 people, the local hospital said."), "ASSAULT")
    assert said.attributed_to == "local hospital" and said.fatalities == 12


@pytest.mark.model
def test_actors_places_dates_and_counts(events_of):
    evs = events_of("Last year, China and Pakistan armies conducted a joint military operation in Xinjiang.",
                    published="2017-01-05")
    ev = _one(evs, "COOPERATE")
    assert set(ev.actor) == {"China", "Pakistan"} and ev.location_name == "Xinjiang" and ev.when
    seized = _one(events_of("By last January, police had solved 79,270 criminal cases and confiscated 851 guns."), "COERCE")
    assert seized.mode == "seize" and seized.actor == ("police",)
    assert ("guns confiscated", 851) in seized.quantities
    vague = _one(events_of("Clashes between rival militias in the city left dozens dead."), "ASSAULT")
    assert (vague.fatalities, vague.fatalities_flag) == (12, "vague")


@pytest.mark.model
def test_no_date_no_place_nothing_invented(events_of):
    ev = _one(events_of("Gunmen opened fire on a bus carrying pilgrims, killing 12 people."), "ASSAULT")
    assert ev.when is None and ev.location is None and ev.location_name is None
    assert ev.fatalities == 12 and ev.fatalities_flag is None and ev.mode == "firearms"
    sources = ev.sources
    assert all(0 <= s < e for s, e in sources)


@pytest.mark.model
def test_bad_inputs(events_of):
    assert events_of("") == []
    body = " ".join(f"In the {n}th incident, {w} people were killed and scores were injured." for n, w in
                    zip(range(500), ["dozens", "scores", "more than a hundred", "five", "12"] * 100, strict=True))
    t0 = time.perf_counter()
    evs = events_of(body)
    assert time.perf_counter() - t0 < 120
    assert all(e.fatalities is None or e.fatalities_flag in (None, "vague", "at-least") for e in evs)
    assert events_of("The city has a population of about two million people.") == []
    weird = events_of("!!! ... ??? 1 2 3 4 5 6 7 8 9 --- killed killed killed")
    assert isinstance(weird, list)


# -- the seed reports through the real pipeline ----------------------------------------------------
@pytest.mark.corpus
@pytest.mark.model
def test_seed_events(settings):
    if not (SHARED / "gold" / "seeds.json").exists():
        pytest.skip(f"{SHARED} is not here")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from events_eval import seed_scores

    tally, misses, invented = seed_scores(settings)
    assert invented == []
    for name, (hits, total) in tally.items():
        assert hits / total >= 0.85, (name, hits, total, misses)
    # the trigger classifier reads one expression of gratitude ('highly obliged to X's support') as
    # SUPPORT, which the seeds' analyst did not code: one such reading at most
    assert tally["events.precision"][0] >= tally["events.precision"][1] - 1, misses


@pytest.mark.model
@pytest.mark.parametrize("text,present,absent", [
    # the direct object's idiom before the verb's object table: an attack, no reopened checkpoint
    ("Masked gunmen opened fire on an army checkpoint outside the town on Sunday.", "ASSAULT", "RETREAT"),
    # armed strikers are no strikers
    ("Fighter jets struck what the army called a rebel arms dump near the river.", "ASSAULT", "PROTEST"),
    ("Bus drivers struck for a second day in the capital over unpaid wages.", "PROTEST", "ASSAULT"),
    # a raid that is the occasion of an abduction is that abduction
    ("Bandits kidnapped 14 farmers in a night raid on a hamlet in the hills.", "ASSAULT", "COERCE"),
    # media shut by an authority
    ("The broadcasting authority suspended three private radio stations for a week.", "COERCE", None),
    # what kills without anyone doing it
    ("A mudslide that killed nine people buried part of the highway on Tuesday.", None, "ASSAULT"),
    # a market's demand and a business's expectations
    ("The steelmaker beat expectations on strong demand for rebar.", None, "REQUEST"),
    ("The steelmaker beat expectations on strong demand for rebar.", None, "ASSAULT"),
    # 'recalled for consultations' is no round of talks
    ("Peru recalled its ambassador from Caracas for consultations on Friday.", None, "CONSULT"),
    # a warning that names a military act
    ("The defence ministry warned that it would take decisive military action if the drills went ahead.", "THREATEN", None),
    ("The government placed the army on high alert along the northern border.", "MOBILIZE", None),
    ("The rebel commander vowed fresh attacks on government positions.", "THREATEN", "ASSAULT"),
    ("Shopkeepers observed a strike across the valley on Monday.", "PROTEST", None),
    ("The violence resumed after the rebels ended a ceasefire with the army in May.", None, "RETREAT"),
    ("Fishermen set fire to tyres outside the port office in a show of anger over the new quotas.", "PROTEST", "ASSAULT"),
    # hostilities halted, symbols burned, markets moving, proposals shot down, pests
    ("The rebel command said it would suspend attacks on the railway during the harvest.", "RETREAT", None),
    ("Students burned effigies of the education minister outside the campus gates.", "PROTEST", "ASSAULT"),
    ("Wheat prices retreated from last week's peak as the harvest outlook improved.", None, "RETREAT"),
    ("The council shot down a plan to close the night market.", "REJECT", "ASSAULT"),
    ("Locust swarms invaded maize fields across the valley, destroying most of the crop.", None, "ASSAULT"),
    # hunger strikes, media taken off the air, aid money released, a deployment wound down, a labour strike
    ("Two detained journalists have refused food for a week, their families said.", "PROTEST", None),
    ("The interior ministry took a popular satellite channel off the air on Sunday.", "COERCE", None),
    ("The World Bank released a 40 million dollar tranche for school repairs after the floods.", "AID", "RETREAT"),
    ("The mission is winding down a deployment of engineers that began in 2021.", None, "MOBILIZE"),
    ("Port staff joined a strike against the sale of the terminal on Monday.", "PROTEST", "ASSAULT"),
])
def test_context_decides_the_type(events_of, text, present, absent):
    types = {e.type for e in events_of(text)}
    if present:
        assert present in types, (text, types)
    if absent:
        assert absent not in types, (text, types)


@pytest.mark.model
def test_lead_event_outranks_a_later_one(events_of):
    found = events_of("A man with a knife stabbed three commuters at a tram stop in the city on Friday. "
                      "Officers took the 29-year-old suspect into custody an hour later.")
    top = max(found, key=lambda e: e.confidence)
    assert top.type == "ASSAULT"


@pytest.mark.model
def test_acl_misparse_keeps_the_doer(events_of):
    ev = _one(events_of("Bandit gangs abducted at least 30 schoolchildren in the northwest on Friday."), "ASSAULT")
    assert any("gang" in a.lower() for a in ev.actor), ev.actor


@pytest.mark.model
def test_side_clauses_rank_below_the_main_event(events_of):
    """The same arrest told in a 'before' clause, or hung on a reporting verb, ranks below itself told
    as the sentence's own event."""
    main = _one(events_of("Police detained a man armed with an axe at a market in the old town on Friday."), "COERCE")
    side = _one(events_of("A man armed with an axe attacked three shoppers at a market in the old town on Friday "
                          "before police detained him."), "COERCE")
    assert side.confidence < main.confidence
    said = _one(events_of("A teacher was shot dead outside a school in the port city on Monday, the regional "
                          "governor said, urging police to find the gunmen."), "REQUEST")
    shot = _one(events_of("A teacher was shot dead outside a school in the port city on Monday, the regional "
                          "governor said, urging police to find the gunmen."), "ASSAULT")
    assert said.confidence < shot.confidence
