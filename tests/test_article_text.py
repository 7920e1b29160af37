"""The plain-text cleaner: hand-written fake page copies, the seeds, and a quality gate on NAEB as text."""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import pytest

from newsgraph.article.text import clean_text

SHARED = Path(__file__).resolve().parents[2] / "shared"

P1 = ("The harbour authority said on Monday that the new ferry terminal would open next spring, "
      "after two years of delays caused by flooding and a dispute over the contract.")
P2 = ("Officials told reporters that the cost of the project had risen by a third, and that the city "
      "council would be asked to approve an extra loan before the end of the year.")
P3 = ("Residents who live near the old pier said they were glad the work was finally over, but some "
      "of them complained that the noise had gone on for far too long.")
P4 = ("A spokesman for the builders said the company was proud of the terminal and that it had been "
      "finished to a very high standard despite the bad weather in the winter.")


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_headline_present_and_byline():
    out = clean_text(page("Home", "News", "Sport", "Harbour Ferry Terminal Set to Open Next Spring",
                          "By Jane Doe and Tom Smith", P1, P2, P3))
    assert out.headline == "Harbour Ferry Terminal Set to Open Next Spring"
    assert out.authors == ("Jane Doe", "Tom Smith")
    assert out.body.split("\n\n") == [P1, P2, P3]
    assert "Home" in out.boilerplate and "By Jane Doe and Tom Smith" in out.boilerplate


def test_no_headline_when_text_starts_with_paragraph():
    out = clean_text(page(P1, P2, P3))
    assert out.headline is None
    assert out.body == "\n\n".join([P1, P2, P3])


def test_lead_date_sets_published_and_stays_in_the_body_like_a_dateline():
    out = clean_text(page("4th June 2019 – " + P1, P2, P3))
    assert out.published == "2019-06-04"
    assert out.body.startswith("4th June 2019 – The harbour authority said")


def test_published_line_near_headline():
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", "Published: March 3, 2021", P1, P2))
    assert out.published == "2021-03-03"
    assert "March 3, 2021" not in out.body


def test_page_stamp_kept_apart():
    out = clean_text(page("Updated 09:15 AM EST, Wed, Feb 3, 2021", "Make Our Site Your Homepage",
                          "Harbour Ferry Terminal Set to Open Next Spring", P1, P2, P3))
    assert out.published is None
    assert out.page_timestamp is not None and out.page_timestamp.startswith("2021-02-03")
    assert "Updated" not in out.body and "Homepage" not in out.body
    assert "Make Our Site Your Homepage" in out.boilerplate


def test_datelines():
    for lead, place in ((f"OSLO: {P1}", "OSLO"), (f"LAGOS -- {P1}", "LAGOS"),
                        (f"NEW ORLEANS (AP) — {P1}", "NEW ORLEANS")):
        out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", lead, P2, P3))
        assert out.dateline == place
        assert out.body.startswith(lead)  # the dateline stays in the text
    assert clean_text(page(P1, P2)).dateline is None


def test_an_agency_dateline_is_no_photo_credit():
    lead = "OSLO, May 4 (AFP) - Ferry crews walked out at dawn over the new rota, the union said."
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", lead, P1, P2))
    assert out.body.startswith(lead) and out.dateline == "OSLO"


def test_a_dated_dateline_dates_the_report():
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", f"OSLO, March 2, 2021 - {P1}", P2, P3))
    assert out.dateline == "OSLO" and out.published == "2021-03-02"
    assert clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", f"OSLO, March 2 - {P1}", P2)).published is None


def test_caption_credit_line_is_boilerplate():
    caption = "(Photo : Stock Images) The new terminal building seen from the water, with its glass roof."
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", "The new terminal.", caption, P1, P2, P3))
    assert caption not in out.body and caption in out.boilerplate
    assert P1 in out.body


def test_agency_named_as_a_source_is_no_credit():
    told = "The ferry operator will hire forty more crew before the opening, a company spokesman told AFP on Friday."
    credit = "Crew members rehearse the evacuation drill on the new ferry. AFP"
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", P1, told, credit, P2, P3))
    assert told in out.body
    assert credit not in out.body and credit in out.boilerplate
    for line in ("Hundreds rallied outside the ferry office to oppose the fare rise, AFP reporters said.",
                 "The crew wrote to the harbour board to ask for more rest days, in a letter seen by AFP."):
        assert line in clean_text(page(P1, line, P2, P3)).body


def test_repeated_caption_removed():
    out = clean_text(page(P1, P2, "Workers at the pier", "Workers at the pier", P3, P4))
    assert "Workers at the pier" not in out.body
    assert out.boilerplate.count("Workers at the pier") == 2
    assert P3 in out.body and P4 in out.body


def test_social_widgets_and_footer():
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", "Share", "Tweet", P1,
                          "Like Us on Facebook", P2, "Follow us on Twitter", P3, "Sign up for our newsletter",
                          "Real Time Analytics", "Privacy Policy"))
    for widget in ("Like Us on Facebook", "Follow us on Twitter", "Sign up for our newsletter",
                   "Real Time Analytics", "Privacy Policy", "Share", "Tweet"):
        assert widget not in out.body.split("\n\n")
        assert widget in out.boilerplate
    assert out.body.split("\n\n") == [P1, P2, P3]


def test_numbered_reader_comments_split_off():
    text = ("Harbour Ferry Terminal Set to Open Next Spring\n\n" + "\n".join([P1, P2, P3]) + "\n\n\n"
            "  1. I think the terminal is a waste of money and the council should have said no to it.\n\n"
            "  2. Great news for the town, we have waited long enough for this to happen.\n\n")
    out = clean_text(text)
    assert out.comments == ("I think the terminal is a waste of money and the council should have said no to it.",
                            "Great news for the town, we have waited long enough for this to happen.")
    assert "waste of money" not in out.body and P3 in out.body


def test_numbered_list_inside_report_is_not_comments():
    text = page(P1, "1. The terminal opens in spring.", "2. Tickets go on sale in March.", P2, P3)
    out = clean_text(text)
    assert out.comments == ()


@pytest.mark.parametrize("text", ["", "   \n\n  ", "x", "\x00\xff\ufffd" * 50, "word " * 20_000,
                                  "a" * 100_000, "\n" * 10_000, "12/13/14 15:16" * 100])
def test_never_raises(text):
    out = clean_text(text)
    assert isinstance(out.body, str)


def test_large_input_is_fast():
    text = page("Headline Of A Very Long Page", *([P1, "Share", P2, "Related", P3] * 800))
    assert len(text) > 300_000
    started = time.perf_counter()
    out = clean_text(text)
    assert time.perf_counter() - started < 2
    assert P1 in out.body


# ---- corpus checks (read ../shared; skipped where it is missing) ----

FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(FOLD))


SEED_GOLD = SHARED / "gold" / "seeds.json"
SEED_DOCS = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["documents"] if SEED_GOLD.exists() else []


@pytest.mark.corpus
@pytest.mark.skipif(not SEED_DOCS, reason="shared seeds missing")
@pytest.mark.parametrize("doc", SEED_DOCS, ids=lambda d: d["file"][:3])
def test_seed(doc):
    out = clean_text((SHARED / "seeds" / doc["file"]).read_text(encoding="utf-8"))
    assert out.headline == doc["headline"]
    assert out.published == doc["published"]
    assert out.dateline == doc["dateline"]
    if doc.get("page_timestamp"):
        assert out.page_timestamp and out.page_timestamp[:10] == doc["page_timestamp"][:10]
    body = _fold(out.body)
    for s in doc["body_includes"]:
        assert _fold(s) in body
    for s in doc["body_excludes"]:
        assert _fold(s) not in body
    assert len(out.comments) == len(doc["comments"])
    for got, want in zip(out.comments, doc["comments"], strict=True):
        assert got.startswith(want[:30])
        assert _fold(want[:30]) not in body


NAEB_GOLD = SHARED / "data" / "extraction" / "naeb" / "ground-truth.json"


@pytest.mark.corpus
@pytest.mark.skipif(not NAEB_GOLD.exists(), reason="shared NAEB data missing")
def test_naeb_text_quality_gate():
    sys.path.insert(0, str(SHARED / "tools"))
    from score_extraction import precision_recall

    gold = json.loads(NAEB_GOLD.read_text(encoding="utf-8"))
    files = sorted(f for f in (SHARED / "data" / "extraction" / "naeb-text").glob("*.txt") if f.stem in gold)
    assert len(files) > 400
    ps, rs, heads, dates, dated = [], [], 0, 0, 0

    def norm(x):
        return re.sub(r"\W+", " ", (x or "").lower()).strip()

    for f in files:
        item = gold[f.stem]
        out = clean_text(f.read_text(encoding="utf-8", errors="replace"))
        p, r = precision_recall(out.body, item["articleBody"])
        ps.append(p)
        rs.append(r)
        heads += norm(item["title"]) == norm(out.headline)
        if item.get("date") and item["date"] != "NaT":
            dated += 1
            dates += str(out.published or "")[:10] == item["date"][:10]
    precision, recall = sum(ps) / len(ps), sum(rs) / len(rs)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.90
    assert heads / len(files) >= 0.74
    assert dates / dated >= 0.75


def test_a_site_name_after_the_headline_is_dropped_but_a_dash_is_kept():
    from newsgraph.article.text import _strip_site

    assert _strip_site("Ferry terminal to open next spring | The Harbour Gazette") == "Ferry terminal to open next spring"
    assert _strip_site("Ferry Terminal Opens Its Doors [Watch]") == "Ferry Terminal Opens Its Doors"
    assert _strip_site("Talks Resume in Geneva – Delegates Walk Out") == "Talks Resume in Geneva – Delegates Walk Out"
    assert _strip_site("Storm | Live") == "Storm | Live"


def test_a_standfirst_under_the_headline_is_not_the_headline():
    text = "\n\n".join([
        "Menu", "Home", "News",
        "Council approves new bridge over the river",
        "The long-delayed crossing will cost more than planned and open in two years, officials said",
        "By Jane Porter",
        "March 3, 2024",
        "The city council on Tuesday approved the construction of a new bridge over the river, ending a debate "
        "that has lasted for more than a decade and divided the town.",
        "Work is expected to begin in the spring, and the council said it would publish the full plans next month "
        "so that residents can comment on them.",
    ])
    out = clean_text(text)
    assert out.headline == "Council approves new bridge over the river"
    assert out.published == "2024-03-03"


def test_a_glued_byline_is_a_byline():
    from newsgraph.article.text_meta import byline_names, is_byline

    assert is_byline("ByLiya Davidov")
    assert not is_byline("Bypass surgery rates rise")
    assert byline_names("By Kent GermanDec 22, 2023") == ["Kent German"]


def test_small_print_is_furniture_but_a_recipe_cookie_is_not():
    notice = ("By signing up you agree to our Terms of Use and Privacy Policy, and you can unsubscribe from the "
              "newsletter at any time.")
    consent = "This website uses cookies to remember your choices and to measure how visitors use the pages."
    recipe = "Let the cookies cool on the tray for ten minutes before you move them to a wire rack."
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", P1, P2, recipe, P3, notice, consent))
    assert recipe in out.body
    assert notice not in out.body and consent not in out.body
    assert notice in out.boilerplate


def test_a_long_run_of_furniture_cuts_off_what_follows():
    related = [f"Story number {n} about something else entirely in the city" for n in range(1, 7)]
    later = ("The council runs a programme of evening classes for adults in the library, and the new term of "
             "the classes begins in the autumn with places for everyone who would like to join.")
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", P1, P2, P3, P4,
                          "Home", "News", "Sport", "Weather", *related, later))
    assert out.body.split("\n\n") == [P1, P2, P3, P4]
    # one subhead between paragraphs is bridged
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", P1, P2, "What comes next", P3, P4))
    assert out.body.split("\n\n") == [P1, P2, "What comes next", P3, P4]


def test_an_author_bio_is_furniture():
    bio = ("Jane Doe is a senior reporter who covers transport and city hall for the paper. She joined the "
           "newsroom in 2015 after ten years at a regional daily.")
    source = ("Tom Smith is a ferry captain who has worked on the harbour for twenty years, and he said the "
              "new terminal would make the crossing safer for everyone.")
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", "By Jane Doe", P1, P2, source, P3,
                          "Jane Doe", "Senior Reporter", bio))
    assert bio not in out.body
    assert source in out.body and P3 in out.body


def test_a_long_caption_with_a_closing_credit_is_furniture():
    caption = ("Passengers wait for the last ferry of the day at the old pier, which will close when the new "
               "terminal opens next spring. (Jane Roe/The Daily Ledger)")
    archive = "FILE - The old pier in the harbour on a stormy morning in March, when the ferries did not sail at all."
    out = clean_text(page("Harbour Ferry Terminal Set to Open Next Spring", P1, caption, P2, archive, P3))
    assert out.body.split("\n\n") == [P1, P2, P3]


def test_a_call_to_learn_more_is_no_headline():
    out = clean_text(page("Home", "Harbour Ferry Terminal Set to Open Next Spring", "Jane Doe",
                          "Learn more about our editorial process", "Published March 3, 2021", P1, P2, P3))
    assert out.headline == "Harbour Ferry Terminal Set to Open Next Spring"
