"""Line features and classes for the plain-text cleaner (jusText-style, on the lines of a page copy)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.article.dateline import find_dateline

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves said says say
    one two new may might must shall us many much even still like well get got make made last first year years
    told according since around however""".split()
)
WORD = re.compile(r"\w+", re.UNICODE)
SENTENCE_END = re.compile(r"(?<![.…])[.!?:;][\"'”’)\]]*$")
SENTENCE_INSIDE = re.compile(r"\w[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z0-9]")
URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|@\w", re.I)

# Generic calls to action and page furniture (never a site's own strings).
BOILER_WORDS = re.compile(
    r"\b(?:share|shares|shared|tweet|facebook|twitter|linkedin|whatsapp|pinterest|reddit|instagram|youtube|tiktok|"
    r"e-?mail|print|subscribe|subscription|subscriber|newsletters?|sign\s*(?:up|in|out)|log\s*(?:in|out)|login|"
    r"register|cookies?|privacy|advertisement|advertising|sponsored|homepage|follow\s+us|like\s+us|"
    r"comments?|related|read\s+(?:more|next|also)|see\s+(?:more|all)|view\s+(?:all|more|comments)|load\s+more|"
    r"click\s+here|skip\s+to|menu|search|copyright|all\s+rights\s+reserved|terms\s+(?:of|and)|contact\s+us|"
    r"about\s+us|download|app|trending|popular|recommended|more\s+from|you\s+may\s+also|also\s+like|"
    r"watch|listen|podcasts?|analytics|affiliate|commission|reprints?|permissions|rss|feedback|"
    r"continue\s+reading|learn\s+(?:more|about)|next\s+article|previous|back\s+to\s+top|close|toggle|open\s+in|save|bookmark|"
    r"deals?|coupons?|offer|free\s+trial|upgrade|premium|membership|donate|support\s+us|paywall|already\s+a)\b",
    re.I,
)
CREDIT = re.compile(
    r"^\s*[(\[]?\s*(?:photo(?:graph)?s?|image|picture|pic|illustration|video|credit|source|file\s+photo|graphic)"
    r"\s*(?:credit)?\s*(?::|by\b|–|—|-|\|)",
    re.I,
)
CREDIT_ANY = re.compile(
    r"(?:getty\s+images|shutterstock|\bafp\s+photo|[(/]\s*afp\b|\bafp\s*[)/]|\bafp\s*$|ap\s+photo|reuters/|/reuters|\bvia\s+(?:getty|reuters|ap)\b|"
    r"\bphoto(?:graph)?\s*:|\bimage\s*:|\bcredit\s*:|\bfile\s+photo\b|istock|alamy)",
    re.I,
)
# a photo caption of any length: a credit closing it (`(Jane Roe/Daily Ledger)`, `Photos via Jane Roe.`,
# `Jane Roe/Getty Images`, `WXYZ/YouTube`) or an archive-photo mark opening it (`FILE - ...`)
CREDIT_END = re.compile(
    r"(?:\(\s*[A-Z][^()]{1,60}/[^()]{1,60}\)|\b(?:photo|image|picture)s?\s+(?:courtesy\s+of|by|via)\s+[^.]{2,60}\.?|"
    r"\b[A-Z][\w.]*/(?:YouTube|X|Twitter|Instagram|Facebook|TikTok|AP|Reuters|AFP|Getty\s+Images)\.?)\s*$|"
    r"^FILE\s*(?:PHOTO\s*)?[-–—:]",
)
STRONG_END = re.compile(
    r"^(?:\d+\s+)?(?:comments?|reader\s+comments|leave\s+a\s+(?:comment|reply)|join\s+the\s+(?:discussion|conversation)|"
    r"related(?:\s+(?:articles?|stories|posts|content|news|coverage|topics?))?|"
    r"more\s+(?:stories|articles|news|from|on|in|to\s+(?:read|explore))\b.*|you\s+(?:may|might)\s+also\s+like.*|"
    r"recommended(?:\s+for\s+you)?|read\s+next|what\s+to\s+read\s+next|most\s+(?:popular|read|viewed)|"
    r"trending(?:\s+now)?|popular\s+(?:now|stories)|tags?|topics|share\s+this(?:\s+article)?|"
    r"about\s+the\s+authors?|latest\s+(?:news|stories|videos?)|top\s+stories|editor'?s\s+picks?|"
    r"up\s+next)\s*:?$",
    re.I,
)


@dataclass(slots=True)
class Line:
    text: str
    index: int  # position among non-empty lines
    words: int
    stop: float  # stopword density
    sentence: bool  # ends like a sentence
    sentences: int  # sentence breaks inside
    boiler: bool  # call to action / furniture words
    credit: bool  # photo credit / caption marker
    title_ratio: float  # capitalised share of words
    repeated: int = 1  # occurrences of the same line on the page
    kind: str = "short"  # good, near, short, bad


def make_line(text: str, index: int) -> Line:
    sample = text[:2000]
    tokens = WORD.findall(sample)
    n = len(tokens) if len(text) <= 2000 else max(len(tokens), len(text) // 6)
    low = [t.lower() for t in tokens]
    stop = sum(1 for t in low if t in STOPWORDS) / len(low) if low else 0.0
    alpha = [t for t in tokens if t[0].isalpha()]
    caps = sum(1 for t in alpha if t[0].isupper()) / len(alpha) if alpha else 0.0
    boiler = bool(BOILER_WORDS.search(sample)) if len(tokens) <= 12 else False
    credit = (bool(CREDIT.match(sample)) or (len(tokens) <= 25 and bool(CREDIT_ANY.search(sample)))
              or (len(tokens) <= 80 and bool(CREDIT_END.search(sample))))
    if credit and find_dateline(sample):  # 'DHAKA, Aug 5 (AFP) - ...': an agency's dateline, no photo credit
        credit = bool(CREDIT.match(sample))
    return Line(text, index, n, stop, bool(SENTENCE_END.search(text[-10:])), len(SENTENCE_INSIDE.findall(sample)),
                boiler, credit, caps)


# Consent, newsletter and affiliate small print: two different such terms in one paragraph mark it (a report
# on privacy law may well say "cookies" or "opt out" once).
LEGAL = re.compile(
    r"\b(?:you\s+agree|privacy\s+(?:policy|notice|statement)|terms\s+(?:of\s+(?:use|service)|and\s+conditions|&\s+conditions)|"
    r"cookies?|consent|unsubscribe|opt[\s-]out|affiliate|commissions?|we\s+may\s+(?:earn|receive)|newsletters?|"
    r"sign(?:ing)?\s+up|subscrib\w*|inbox|recaptcha)\b",
    re.I,
)

WEB_WORDS = re.compile(r"\b(?:websites?|site|visitors?|users?|browser|browsing|analytics|ads|advert\w*|tracking|track)\b", re.I)


def small_print(line: Line) -> bool:
    if line.words > 100:
        return False
    hits = {re.sub(r"\W+", "", m.group(0).lower()).rstrip("s") for m in LEGAL.finditer(line.text[:1000])}
    if "cookie" in hits:  # a recipe word too: small print only next to web words
        hits.discard("cookie")
        if WEB_WORDS.search(line.text[:1000]):
            return True
    return len(hits) >= 2


def classify(line: Line) -> str:
    if small_print(line):
        return "bad"
    if line.credit:
        return "bad"
    if URLISH.search(line.text[:300]) and line.words < 15:
        return "bad"
    if line.boiler and line.words <= 8:
        return "bad"
    chars = len(line.text)
    if line.words >= 10 and line.stop >= 0.22 and (line.sentence or chars >= 400):
        return "good"
    if line.words >= 6 and line.stop >= 0.15 and line.sentence:
        return "near"
    if line.words >= 25 and line.stop >= 0.2 and line.sentences >= 2:
        return "near"
    return "short"

