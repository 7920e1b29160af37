"""Claims and disputes (newsgraph.claims) on hand-written passages and, as score_seeds.py scores
them, on the four seeds."""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsgraph.claims import Claim, Predicate, claims_of, comment_sentences, link_disputes, predicate, same_time
from newsgraph.records import Article, EntityRecord, Mention, Quote, Timex

SHARED = Path(__file__).resolve().parents[2] / "shared"


def claim(text: str = "X has links", stance: str = "asserts", about: tuple[str, ...] = ("Rivland",),
          when: str | None = None, key: tuple[str, str] | None = ("have", "link"), comment: bool = False) -> Claim:
    return Claim(text=text, start=None if comment else 0, end=None if comment else len(text), attributed_to=None,
                 stance=stance, about=about, when=when, from_comment=comment, key=key)


# -- splitting reader comments (no model) ---------------------------------------------------------
def test_comment_sentences_split_run_on_sentences() -> None:
    got = comment_sentences(["Rivland never armed them.Why would it? It is a lie.", "  ", "Good report"])
    assert got == ["Rivland never armed them.", "Why would it?", "It is a lie.", "Good report"]


def test_comment_sentences_keep_abbreviations_and_decimals() -> None:
    assert comment_sentences(["The U.S. paid 2.5 million."]) == ["The U.S. paid 2.5 million."]


# -- times and disputes (no model) ----------------------------------------------------------------
def test_same_time_compares_calendar_values() -> None:
    assert same_time(claim(when="2016"), claim(when="2016-05-02"), same_document=False)
    assert not same_time(claim(when="2016"), claim(when="2019-01"), same_document=True)
    assert not same_time(claim(when="2016-04"), claim(when="2016-05"), same_document=True)
    # an unknown time: one report and its readers speak of one moment, two reports need not
    assert same_time(claim(when=None), claim(when="2016"), same_document=True)
    assert not same_time(claim(when=None), claim(when=None), same_document=False)
    assert not same_time(claim(when="PAST_REF"), claim(when="XXXX-07"), same_document=False)


def test_disputes_link_opposite_stances_both_ways() -> None:
    pro = claim("Rivland has many links with the rebels")
    con = claim("Rivland has no links with the rebels", stance="denies", comment=True)
    other = claim("Rivland has a border with Osterra", key=("have", "border"))
    links = link_disputes([("b", con), ("a", pro), ("c", other)], {"a": "d1", "b": "d1", "c": "d1"})
    assert links == {"a": ["b"], "b": ["a"]}


def test_disputes_not_linked_for_different_times() -> None:
    old = claim("The border is closed", key=("be", "closed"), when="2017")
    new = claim("The border is not closed", key=("be", "closed"), when="2019-03", stance="denies")
    assert link_disputes([("a", old), ("b", new)]) == {}
    assert link_disputes([("a", old), ("b", replace_when(new, "2017-06"))]) == {"a": ["b"], "b": ["a"]}


def replace_when(c: Claim, when: str) -> Claim:
    return replace(c, when=when)


def test_disputes_not_linked_across_reports_with_unknown_times() -> None:
    a, b = claim(), claim("Rivland has no links", stance="denies")
    assert link_disputes([("a", a), ("b", b)], {"a": "d1", "b": "d2"}) == {}
    assert link_disputes([("a", a), ("b", b)], {"a": "d1", "b": "d1"}) == {"a": ["b"], "b": ["a"]}


def test_disputes_not_linked_for_other_entities_same_stance_or_other_predicate() -> None:
    base = claim()
    assert link_disputes([("a", base), ("b", claim(stance="denies", about=("Osterra",)))]) == {}
    assert link_disputes([("a", base), ("b", claim())]) == {}
    assert link_disputes([("a", base), ("b", claim(stance="denies", key=("have", "border")))]) == {}
    assert link_disputes([("a", base), ("b", claim(stance="denies", key=("have", "")))]) == {}
    assert link_disputes([("a", base), ("b", claim(stance="denies", key=None))]) == {}


def test_denied_noun_matches_any_verb() -> None:
    denial = claim("Osterra denied any links with Rivland", stance="denies", key=("*", "link"))
    assert link_disputes([("a", claim()), ("b", denial)]) == {"a": ["b"], "b": ["a"]}


def test_indefinite_object_matches_any_object_of_the_verb() -> None:
    trained = claim("Rivland trained the rebels", key=("train", "rebel"), when="2021")
    never = claim("Rivland never trained anyone in 2021", stance="denies", key=("train", "*"), when="2021")
    assert link_disputes([("a", trained), ("b", never)]) == {"a": ["b"], "b": ["a"]}
    assert link_disputes([("a", replace(trained, key=("arm", "rebel"))), ("b", never)]) == {}
    assert link_disputes([("a", replace(trained, key=("*", "rebel"))), ("b", never)]) == {}


def test_link_disputes_is_deterministic() -> None:
    pairs = [(f"c{i}", claim(stance="denies" if i % 2 else "asserts")) for i in range(6)]
    first = link_disputes(pairs)
    assert first == link_disputes(list(reversed(pairs)))
    assert first["c0"] == ["c1", "c3", "c5"]


# -- the parse: stance, predicate, tense ----------------------------------------------------------
@pytest.fixture(scope="module")
def nlp() -> Any:
    from newsgraph.nlp import load_nlp
    from newsgraph.settings import load_settings

    return load_nlp(load_settings().nlp_model)


def first(nlp: Any, text: str) -> Predicate:
    pred = predicate(next(iter(nlp(text).sents)))
    assert pred is not None
    return pred


@pytest.mark.model
@pytest.mark.parametrize("text,negated,key", [
    ("Rivland has no ties with the rebels.", True, ("have", "link")),
    ("Rivland has close ties with the rebels.", False, ("have", "link")),
    ("The ferry company did not reopen the northern route in May.", True, ("reopen", "route")),
    ("Inspectors never found the missing barrels.", True, ("find", "barrel")),
    ("The mayor denied that the council had sold the harbour land.", True, ("sell", "land")),
    ("The mayor rejected any connection with the smugglers.", True, ("*", "link")),
    ("Nobody has seen the ledger.", True, ("see", "ledger")),
    ("We have learned that the smugglers paid the guards.", False, ("pay", "guard")),
    ("The reservoir remains empty.", False, ("be", "empty")),
])
def test_stance_and_key(nlp: Any, text: str, negated: bool, key: tuple[str, str]) -> None:
    pred = first(nlp, text)
    assert (pred.negated, pred.key) == (negated, key)


@pytest.mark.model
def test_calling_a_report_false_is_a_denial(nlp: Any) -> None:
    assert first(nlp, "These reports are baseless.").negated


@pytest.mark.model
@pytest.mark.parametrize("text,tense", [
    ("The dam holds.", "present"), ("The dam has held for years.", "present"),
    ("The dam held.", "past"), ("The dam will hold.", "modal"),
])
def test_tense(nlp: Any, text: str, tense: str) -> None:
    assert first(nlp, text).tense == tense


# -- claims of a whole report ---------------------------------------------------------------------
BODY = """Osterra border talks stall

Osterra has no trade links with Rivland.
Ingrid Halvorsen, the Osterra trade minister, said on Tuesday that Rivland had bought grain from Osterra in 2019.
"We sell them timber every winter," Halvorsen said when asked about the Rivland contracts.
Is the border open?
Osterra and Rivland signed a fishing accord in March 2021.
The weather was cold."""

COMMENTS = ("Rivland never bought any grain from Osterra.Shame on the minister!",
            "Great read, thanks.", "halvorsen is telling the truth about rivland.",
            "Osterra sold no timber to Rivland in 2019.")


def _records(body: str, names: dict[str, list[str]]) -> list[EntityRecord]:
    out = []
    for i, (name, aliases) in enumerate(names.items()):
        spans = sorted({(m.start(), m.end()) for a in [name, *aliases]
                        for m in re.finditer(r"(?<!\w)" + re.escape(a) + r"(?!\w)", body)})
        kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
        kind = "PERSON" if " " in name else "GPE"  # the passages' people have two names, places one
        out.append(EntityRecord(local_id=f"e{i}", name=name, type=kind,
                                mentions=tuple(Mention(a, b, body[a:b]) for a, b in kept)))
    return out


def _quote(body: str, text: str, speaker: str, kind: str) -> Quote:
    start = body.index(text)
    s = body.index(speaker, start + len(text)) if kind == "direct" else body.index(speaker)
    return Quote(text=text, start=start, end=start + len(text), kind=kind, speaker_name="Ingrid Halvorsen",
                 speaker_start=s, speaker_end=s + len(speaker), cue="say", via=None, confidence=0.9)


@pytest.fixture(scope="module")
def report(nlp: Any) -> tuple[Article, list[Claim]]:
    article = Article(id="d1", source="test", body=BODY, published="2022-11-08", comments=COMMENTS)
    entities = _records(BODY, {"Osterra": [], "Rivland": [], "Ingrid Halvorsen": ["Halvorsen"]})
    quotes = [_quote(BODY, "Rivland had bought grain from Osterra in 2019", "Ingrid Halvorsen", "indirect"),
              _quote(BODY, "We sell them timber every winter,", "Halvorsen", "direct")]
    at = BODY.index("March 2021")
    timexes = [Timex("2019", BODY.index("2019"), BODY.index("2019") + 4, "DATE", "2019"),
               Timex("Tuesday", BODY.index("Tuesday"), BODY.index("Tuesday") + 7, "DATE", "2022-11-08"),
               Timex("March 2021", at, at + 10, "DATE", "2021-03")]
    cdocs = list(nlp.pipe(comment_sentences(article.comments)))
    return article, claims_of(nlp(BODY), article, quotes, entities, timexes, cdocs)


@pytest.mark.model
def test_report_claims_offsets_and_selection(report: Any) -> None:
    article, claims = report
    for c in claims:
        if not c.from_comment:
            assert article.body[c.start:c.end] == c.text
    texts = [c.text for c in claims]
    assert not any(t.startswith(("Osterra border talks", "Is the border", "The weather")) for t in texts)


@pytest.mark.model
def test_quote_claims_speaker_about_and_when(report: Any) -> None:
    _, claims = report
    bought = next(c for c in claims if c.text.startswith("Rivland had bought"))
    assert (bought.attributed_to, bought.stance, bought.when) == ("Ingrid Halvorsen", "asserts", "2019")
    assert set(bought.about) == {"Rivland", "Osterra"} and bought.key == ("buy", "grain")
    timber = next(c for c in claims if c.text.startswith("We sell them timber"))
    assert "Rivland" in timber.about  # the topic the frame names: "when asked about the Rivland contracts"
    assert "Ingrid Halvorsen" not in timber.about  # the speaker is not what she speaks about
    assert timber.when == "2022-11-08"  # present tense: the time of the report


@pytest.mark.model
def test_report_voice_claims(report: Any) -> None:
    _, claims = report
    accord = next(c for c in claims if c.text.startswith("Osterra and Rivland signed"))
    assert accord.attributed_to is None and accord.when == "2021-03"
    links = next(c for c in claims if c.text.startswith("Osterra has no trade links"))
    assert links.stance == "denies" and links.key == ("have", "link") and links.when == "2022-11-08"


@pytest.mark.model
def test_comment_claims(report: Any) -> None:
    _, claims = report
    comments = [c for c in claims if c.from_comment]
    assert all(c.attributed_to is None and c.start is None and c.end is None for c in comments)
    never = next(c for c in comments if c.text.startswith("Rivland never bought"))
    assert never.text == "Rivland never bought any grain from Osterra."
    assert never.stance == "denies" and never.key == ("buy", "grain")
    truth = next(c for c in comments if c.text.startswith("halvorsen"))
    assert set(truth.about) >= {"Ingrid Halvorsen", "Rivland"}
    assert not any(c.text.startswith(("Great read", "Shame")) for c in comments)
    timber = next(c for c in comments if c.text.startswith("Osterra sold no timber"))
    assert timber.when == "2019" and timber.stance == "denies"  # a year the reader states


@pytest.mark.model
def test_comment_disputes_a_speaker_of_the_same_report(report: Any) -> None:
    _, claims = report
    ids = [(f"c{i}", c) for i, c in enumerate(claims)]
    links = link_disputes(ids, {cid: "d1" for cid, _ in ids})
    by_id = dict(ids)
    pairs = {(by_id[a].text[:20], by_id[b].text[:20]) for a, bs in links.items() for b in bs}
    assert ("Rivland had bought g", "Rivland never bought") in pairs


@pytest.mark.model
def test_speaker_speaking_of_its_own_side(nlp: Any) -> None:
    body = "The foreign ministry of Osterra said the government has no links with the rebels."
    article = Article(id="d2", source="test", body=body, published="2022-11-08")
    entities = _records(body, {"Osterra": []})
    text = "the government has no links with the rebels"
    start, s = body.index(text), body.index("foreign ministry")
    quote = Quote(text=text, start=start, end=start + len(text), kind="indirect", speaker_name="foreign ministry of Osterra",
                  speaker_start=s, speaker_end=body.index(" said"), cue="say", via=None, confidence=0.9)
    (c,) = claims_of(nlp(body), article, [quote], entities, [], [])
    assert (c.about, c.stance, c.key, c.when) == (("Osterra",), "denies", ("have", "link"), "2022-11-08")


# -- the seeds, scored as score_seeds.py scores them ----------------------------------------------
def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(str.maketrans("“”‘’–—", "\"\"''--")).lower()
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.model
@pytest.mark.corpus
def test_seed_claims(nlp: Any) -> None:
    if not (SHARED / "gold" / "seeds.json").exists():
        pytest.skip(f"{SHARED} is not here")
    sys.path.insert(0, str(SHARED / "tools"))
    from score_seeds import token_f1

    from newsgraph.pipeline import process_record
    from newsgraph.records import RawInput
    from newsgraph.settings import load_settings

    settings = load_settings()
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    doc_ids: dict[str, str] = {}
    claims: list[tuple[str, Claim]] = []
    doc_of: dict[str, str] = {}
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        a = process_record(RawInput(source=str(path), kind="text", payload=path.read_bytes()), settings)
        assert a.article is not None
        doc_ids[path.name] = a.article.id
        cdocs = list(nlp.pipe(comment_sentences(a.article.comments)))
        found = claims_of(nlp(a.article.body), a.article, a.quotes, a.entities, a.timexes, cdocs)
        for i, c in enumerate(found):
            if not c.from_comment:
                assert a.article.body[c.start:c.end] == c.text
            cid = f"{a.article.id}:{i}"
            claims.append((cid, c))
            doc_of[cid] = a.article.id
    links = link_disputes(claims, doc_of)
    referents = {_norm(g["name"]): {_norm(g["name"]), *(_norm(m) for m in g["mentions"])}
                 for d in gold["documents"] for g in d["entities"]}
    hits = {"found": [0, 0], "disputes": [0, 0], "time_aware": [0, 0]}
    for gc in gold["across_documents"]["claims"]:
        doc = doc_ids[gc["asserts"]["file"]]
        want = referents.get(_norm(gc["asserts"]["attributed_to"]), {_norm(gc["asserts"]["attributed_to"])})
        pro = [cid for cid, c in claims if doc_of[cid] == doc and token_f1(c.text, gc["asserts"]["text"]) >= 0.5
               and not c.from_comment and c.stance == "asserts" and _norm(c.attributed_to) in want]
        con = [cid for cid, c in claims if doc_of[cid] == doc and token_f1(c.text, gc["denies"]["text"]) >= 0.5
               and c.from_comment]
        hits["found"][0] += bool(pro) + bool(con)
        hits["found"][1] += 2
        hits["disputes"][0] += any(q in links.get(p, []) or p in links.get(q, []) for p in pro for q in con)
        hits["disputes"][1] += 1
    for nc in gold["across_documents"]["not_contradictions"]:
        ids = {doc_ids[f] for f in nc["files"]}
        wrong = [(cid, d) for cid, _ in claims if doc_of[cid] in ids for d in links.get(cid, [])
                 if doc_of[d] in ids - {doc_of[cid]}]
        hits["time_aware"][0] += not wrong
        hits["time_aware"][1] += 1
    ratios = {k: h / n for k, (h, n) in hits.items()}
    assert ratios == {"found": 1.0, "disputes": 1.0, "time_aware": 1.0}
