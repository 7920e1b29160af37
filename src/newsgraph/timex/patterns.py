"""The regular expressions of the temporal tagger, compiled once at import.

Each rule is a name, a compiled pattern and a trigger: the lower-case words (or a digit) one of
which a text must contain for the rule to be worth running. Names are matched case-sensitively
(title case), the words around them case-insensitively.  Every number pattern is bounded and
starts after a non-digit, so a run of 100,000 digits costs one linear scan, never a quadratic one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    DECADE_WORDS,
    MONTH_ABBR,
    MONTH_FULL,
    MONTHS,
    NUMBER_WORDS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_FULL,
)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTH = (rf"(?:(?:{_alt(MONTH_FULL)})(?![A-Za-z])|(?:{_alt(MONTH_ABBR)})(?:\.|(?=\s*\d)(?![A-Za-z]))"
         rf"|(?:{_alt(m.upper() for m in MONTH_FULL)})(?![A-Za-z]))")
WEEKDAY = rf"(?:{_alt(WEEKDAY_FULL)})"
WEEKDAY_ANY = rf"(?:{_alt(WEEKDAY_FULL)}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d)(?!\d)"
YEAR = r"(?<!\d)(?P<year>(?:1[0-9]|20)\d\d)(?!\d)"
REL = r"(?P<rel>(?i:last|next|this|past|coming|previous))"
MODP = (r"(?:(?P<mod>(?i:early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|turn)\s+of(?:\s+the)?"
        r"|(?:end|start)(?=-)))(?:\s+|-))?")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUM_WORDS = _alt(w for w in NUMBER_WORDS if " " not in w and w not in _TENS)
NUM = (rf"(?P<num>(?<![\d.,-])\d{{1,5}}(?:\.\d{{1,3}})?(?![\d,])(?:\s+1/2)?"
       rf"|(?<![\w-])(?i:(?:{_alt(w for w in NUMBER_WORDS if ' ' in w)})|(?:{_alt(_TENS)})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
       rf"|(?:{_NUM_WORDS})|(?:{_alt(VAGUE_NUMBERS)})))")
UNIT = r"(?P<unit>(?i:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie|weekend))"
PLURAL = r"(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries))"
PART = r"(?P<part>(?i:morning|afternoon|evening|night|overnight))"
TZ = (r"(?:\s*(?P<tz>GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET|CEST|IST|JST|HKT|ET|PT"
      r"|(?i:local\s+time|Beijing\s+time)))?")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    keys: frozenset[str]  # lower-case words that trigger the rule ("#" = a digit)


def _r(name: str, pattern: str, keys, bound: bool = True) -> Rule:
    # Starting only where a word starts lets the engine skip every position inside a word at once.
    return Rule(name, re.compile(rf"(?<!\w)(?=\w)(?:{pattern})" if bound else pattern), frozenset(keys))


_MONTH_KEYS = set(MONTHS)
_WD_KEYS = {w.lower() for w in WEEKDAY_FULL}
_WD_ANY_KEYS = _WD_KEYS | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
_UNIT_KEYS = set()
for _u in UNITS:
    _UNIT_KEYS |= {_u, _u + "s"}
_UNIT_KEYS |= {"centuries"}

RULES: tuple[Rule, ...] = (
    # 2015-03-10, 2015-03-10T14:30
    _r("iso", r"(?<![\d-])(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?(?![\d-])",
       "#"),
    # 03/10/2015 (US order unless the first number cannot be a month)
    _r("slash", r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:1[89]|20)\d\d)(?![\d/])", "#"),
    # 10th March 2015, Tuesday, 10 March, the 10th of March
    _r("dmy", rf"(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?(?:the\s+)?(?<![\d.,]){DAY}(?:\s+of)?\s+(?P<month>{MONTH})(?:,?\s+{YEAR})?",
       _MONTH_KEYS),
    # Dec. 28, Tue, Jun 16, 2020, March 22, 2013, June 16th
    _r("mdy", rf"(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?(?P<month>{MONTH})\s+{DAY}(?:,?\s+{YEAR})?", _MONTH_KEYS),
    # October 2018, last January, late July, mid-March, the end of March 2015
    _r("month", rf"{MODP}(?:{REL}\s+)?(?P<month>{MONTH})(?:(?:\s+of|,)?\s+{YEAR})?", _MONTH_KEYS),
    # 2017, early 2011, fiscal 2013, mid-2015
    _r("year", rf"{MODP}(?P<fy>(?i:fiscal|FY)\s*)?{YEAR}", "#"),
    # 1957-58: the second year of a range
    _r("year2", r"(?<=(?:1[89]|20)\d\d[-–])(?P<yy>\d\d)(?![\d%])", "#", bound=False),
    # the 1990s, the '90s, the sixties
    _r("decade", rf"{MODP}(?:the\s+)?(?P<core>(?<!\d)(?P<dc>(?:1[89]|20)\d)0s|(?<=the\s)'?(?P<d2>\d)0s"
       rf"|(?<=the\s)(?P<dw>(?i:{_alt(DECADE_WORDS)})))(?![\w'])", set(DECADE_WORDS) | {"#"}),
    # the 20th century
    _r("century", rf"{MODP}(?:the\s+)?(?P<core>(?<!\d)(?P<c>\d{{1,2}})(?:st|nd|rd|th)[\s-]+[Cc]entury)(?!\s+[A-Z])",
       {"century"}),
    # the summer of 2016, last winter, early spring 2015
    _r("season", rf"{MODP}(?:{REL}\s+|(?P<the>(?i:the)\s+))?(?P<season>(?i:{_alt(SEASONS)}))(?![A-Za-z])(?:(?:\s+of|,)?\s+{YEAR})?",
       set(SEASONS)),
    # last year, this week, the past year, early this year, earlier this month, next quarter
    _r("relunit", rf"{MODP}(?P<the>(?i:the)\s+)?(?P<rel>(?i:this|last|next|past|previous|coming|following|current))\s+"
       r"(?P<unit>(?i:(?:fiscal\s+|financial\s+|calendar\s+)?year|week|weekend|month|quarter|decade|century))(?![A-Za-z])",
       {"this", "last", "next", "past", "previous", "coming", "following", "current"}),
    # the end of the year, the beginning of the month
    _r("endof", r"(?P<mod>(?i:the\s+(?:end|beginning|start|middle|turn)))\s+of\s+(?:(?i:the|this)\s+)?(?P<unit>(?i:year|month|week|decade|century))(?![A-Za-z'])",
       {"end", "beginning", "start", "middle", "turn"}),
    # two weeks ago, 90 days, the past two years, a mere 24 hours, hour-long, four-week
    _r("nunit", rf"(?P<pre>(?i:the\s+(?:past|last|next|coming|previous|following|first|final|latest|remaining|same|)\s*))?"
       rf"(?P<mere>(?i:a\s+mere|almost|nearly)\s+)?(?:{NUM}[\s-]+)?{UNIT}(?P<pl>s)?(?P<suf>(?i:-long|\s+long|-old|\s+old)(?![a-z])|')?"
       r"(?P<ago>\s+(?i:ago))?(?![A-Za-z])", _UNIT_KEYS),
    # for years, in days, the coming weeks, in recent months, over the years
    _r("plural", rf"(?P<lead>(?i:for|within|in|over|take|takes|took|taking|lasted|lasting|spent|spend|set)\s+)?(?P<the>(?i:the)\s+)?"
       rf"(?P<rel>(?i:recent|coming|next|past|last|previous|following|upcoming)\s+)?{PLURAL}(?![\w'-])(?P<ago>\s+(?i:ago))?"
       r"(?P<after>(?=\s+(?i:before|after|earlier|later)\b))?", {"years", "months", "weeks", "days", "hours", "minutes", "decades", "centuries", "seconds"}),
    # now, currently, recently, of late, the past, at the time, the future
    _r("vague", r"(?<![\w-])(?P<w>(?i:right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment"
       r"|recently|lately|of\s+late|in\s+the\s+recent\s+past|the\s+past|at\s+th(?:e|at)\s+time|in\s+(?:the\s+)?recent\s+times"
       r"|the\s+(?:near\s+|distant\s+)?future|the\s+present(?:\s+day)?))(?![\w-])",
       {"now", "currently", "present", "presently", "nowadays", "these", "moment", "recently", "lately", "late", "recent",
        "past", "time", "future"}),
    # today, yesterday morning, tonight, tomorrow, this morning, last night
    _r("dayword", rf"(?<![\w-])(?:(?P<dw>(?i:today|tonight|yesterday|tomorrow))|(?P<rel>(?i:this|last))(?=\s+(?i:morning|afternoon|evening|night)))"
       rf"(?:\s+{PART})?(?![\w-])",
       {"today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night"}),
    # on Wednesday, last Friday, Friday afternoon, on Mondays
    _r("weekday", rf"(?P<pre>(?P<every>(?i:every|each))\s+|(?:{REL}\s+))?(?P<wd>{WEEKDAY})(?P<pl>s)?(?:\s+{PART})?(?![A-Za-z])",
       _WD_KEYS | {w + "s" for w in _WD_KEYS}),
    # 8 PM, 15:00 GMT Saturday, 10:30 a.m. on Tuesday, noon
    _r("time", rf"(?:(?<![\d:.,])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am|pm)(?![A-Za-z]))"
       rf"|(?<![\d:.,])(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:]|\.\d)|(?P<noon>(?i:noon|midnight|midday)))"
       rf"{TZ}(?:,?\s+(?:(?i:on)\s+)?(?P<wd>{WEEKDAY})|\s+(?P<dw>(?i:today|tomorrow|yesterday)))?(?![A-Za-z])",
       {":", "am", "pm", "a", "p", "noon", "midnight", "midday"}),
    # 3:07:35 (a race time)
    _r("hms", r"(?<![\d:.])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])", ":"),
    # every week, each morning, twice a year, daily, annually
    _r("set", r"(?:(?P<every>(?i:every|each))\s+(?:(?i:other)\s+)?(?:(?P<n>\d{1,3}|(?i:two|three|four|five|six|ten|few))\s+)?"
       r"(?P<what>(?i:day|week|month|year|morning|afternoon|evening|night|weekend|season|hour|minute|decade|quarter|summer|winter|spring|autumn)s?)"
       r"|(?P<freq>(?i:once|twice|thrice|(?:\d{1,3}|two|three|four|five|six|several|many)\s+times))\s+(?i:a|an|per|each|every)\s+"
       r"(?P<unit>(?i:day|week|month|year|hour|minute|decade))"
       r"|(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly|quarterly|biannually|biennially|fortnightly))(?![A-Za-z-])",
       {"every", "each", "once", "twice", "thrice", "times", "daily", "weekly", "monthly", "annually", "yearly", "nightly",
        "hourly", "quarterly", "biannually", "biennially", "fortnightly"}),
    # the third quarter of 2015, Q3 2015, the first half of 2015
    _r("quarter", rf"(?:(?P<the>(?i:the))\s+)?(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?P<what>(?i:quarter|half))"
       rf"|(?<![\w-])(?P<q>[QH][1-4]))(?:(?:\s+of|,)?\s+(?:(?i:the\s+year\s+))?(?P<fy>(?i:fiscal\s+|FY\s*))?{YEAR})?(?![A-Za-z])",
       {"quarter", "half", "#"}),
    # Christmas, New Year's Day
    _r("holiday", rf"(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Halloween|Valentine's\s+Day)(?:,?\s+{YEAR})?(?!\s+[A-Z])",
       {"christmas", "new", "halloween", "valentine"}),
)
