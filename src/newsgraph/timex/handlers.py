"""Handlers of the date rules of `patterns`: a match in, a candidate (start, end, type, value, anchor, mod) out.

A handler returns None to reject a match (a number that counts guns, 'May' the verb, an age).
"""
from __future__ import annotations

import datetime as dt
import re

from .lexicon import (
    AMBIGUOUS_MONTHS,
    COUNT_NOUNS,
    DECADE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from .normalize import (
    Pub,
    fmt_date,
    resolve_month,
    resolve_month_day,
    resolve_season,
    resolve_unit,
    resolve_weekday,
    valid_day,
)
from .tense import PAST, sentence_bounds, sentence_ends, tense_at

Cand = tuple[int, int, str, str | None, str | None, str | None]

_MODS = {"early": "START", "late": "END", "mid": "MID", "end": "END", "start": "START", "beginning": "START",
         "middle": "MID", "turn": None, "earlier": None, "later": None}
_OFFSET = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1}
_PREP_BEFORE = re.compile(r"(?i:\b(?:in|since|until|till|by|of|during|from|through|before|after|between|and|to|on|for"
                          r"|early|late|mid|last|next|this|until|end|beginning|start|around|throughout|or)\s*-?\s*)$")
_AFTER_WORD = re.compile(r"[\s-]*([A-Za-z]+)")
_COUNT_BEFORE = re.compile(r"(?i:(?:once|twice|times|per|\d[\d,.]*\s*(?:[a-z]{1,8}\s+)?|dollars?|yuan|euros?|pounds?|cents?|percent|%))\s+$")
_WD_NOT_BEFORE = re.compile(r"\b(?:Good|Black|Ash|Super|Palm|Easter|Bloody|Holy|Cyber|Maundy|Shrove|Great|Giving)\s+$")
_WD_NOT_AFTER = re.compile(r"\s+(?:Times|Telegraph|Mail|Express|Herald|Post|Mirror|Star|Tribune|Independent|Observer|People"
                           r"|Night\s+Live|Prayers?|Sermon)\b")
_APPROX_BEFORE = re.compile(r"(?i:\b(?P<w>about|around|roughly|approximately|some|nearly|almost|over|more\s+than|at\s+least"
                            r"|less\s+than|under|up\s+to|within))\s+$")
_APPROX_MOD = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
               "nearly": "LESS_THAN", "almost": "LESS_THAN", "over": "MORE_THAN", "more than": "MORE_THAN",
               "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
               "within": "EQUAL_OR_LESS"}
_PLURAL_UNIT = {"seconds": "TXS", "minutes": "TXM", "hours": "TXH", "days": "XD", "weeks": "XW", "months": "XM",
                "years": "XY", "decades": "XDE", "centuries": "XCE"}
_AGE_BEFORE = re.compile(r"(?i:\bage[ds]?|\bbabies|\binfants)\s+$")
_AGE_AFTER = re.compile(r"\s+(?i:and|or)\s+(?i:older|younger|over|under|above)\b|\s+of\s+age\b")
# A bare month's span takes a preceding 'in' ('in January'); TimeML spans leave it out (False).
BARE_MONTH_WITH_IN = True
_IN_BEFORE = re.compile(r"(?<![\w-])[Ii]n\s+$")
_SPACES = re.compile(r"\s+")


class Ctx:
    """The text being tagged, its publication date, and sentence boundaries computed on demand."""

    __slots__ = ("text", "pub", "_ends")

    def __init__(self, text: str, pub: Pub | None) -> None:
        self.text = text
        self.pub = pub
        self._ends: list[int] | None = None

    def tense(self, start: int, end: int) -> str | None:
        if self.pub is None:
            return None  # nothing to resolve against: the tense cannot change the value
        if self._ends is None:
            self._ends = sentence_ends(self.text)
        s, e = sentence_bounds(self.text, self._ends, start)
        return tense_at(self.text, start, end, s, e)

    def before(self, pos: int, n: int = 30) -> str:
        return self.text[max(0, pos - n):pos]


def _low(s: str | None) -> str:
    return _SPACES.sub(" ", s.lower()).strip() if s else ""


def _mod(m: re.Match) -> str | None:
    raw = _low(m.groupdict().get("mod"))
    if not raw:
        return None
    for word, mod in _MODS.items():
        if word in raw.split():
            return mod
    return None


def _month(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def _year(m: re.Match, group: str = "year") -> int | None:
    y = m.group(group)
    if not y:
        return None
    v = int(y)
    return v if 1000 <= v <= 2099 else None


def _number(raw: str | None) -> float | None:
    """'two' -> 2, '24' -> 24, 'twenty-five' -> 25, 'several' -> None (X)."""
    if raw is None:
        return 1
    w = _low(raw).replace("-", " ")
    if w[0].isdigit():
        if " 1/2" in w:
            return int(w.split()[0]) + 0.5
        return float(w) if "." in w else int(w)
    if w in ("half a", "a half"):
        return 0.5
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _fmt_n(n: float | None) -> str:
    if n is None:
        return "X"
    if isinstance(n, float) and not n.is_integer():
        return f"{n:g}"
    return str(int(n))


def _duration(n: float | None, unit: str) -> str:
    letter, mult, is_time = UNITS[unit]
    if n is not None:
        n = n * mult
    if letter == "Y" and mult == 10 and n is None:
        letter = "DE"
    elif letter == "Y" and mult == 100 and n is None:
        letter = "CE"
    return f"PT{_fmt_n(n)}{letter}" if is_time else f"P{_fmt_n(n)}{letter}"


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's": (1, 1),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14)}


# -- dates --------------------------------------------------------------------------------------------

def h_iso(m: re.Match, ctx: Ctx) -> Cand | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not valid_day(y, mo, d):
        return None
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["hh"] and int(m["hh"]) < 24:
        return m.start(), m.end(), "TIME", f"{value}T{m['hh']}:{m['mm']}", "text", None
    return m.start(), m.end(), "DATE", value, "text", None


def h_slash(m: re.Match, ctx: Ctx) -> Cand | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    mo, d = (a, b) if a <= 12 else (b, a)
    if not valid_day(y, mo, d):
        return None
    return m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "text", None


def h_daymonth(m: re.Match, ctx: Ctx) -> Cand | None:
    mo, d, y = _month(m["month"]), int(m["day"]), _year(m)
    if m["year"] and y is None:
        return None
    if d == 0 or d > 31:
        return None
    if not valid_day(y, mo, d):  # 'February 30': keep what is certain, the month
        if y is not None:
            return m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}", "text", None
        return m.start(), m.end(), "DATE", f"XXXX-{mo:02d}", "none", None
    if y is not None:
        return m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "text", None
    value, anchor = resolve_month_day(mo, d, ctx.tense(m.start(), m.end()), ctx.pub)
    return m.start(), m.end(), "DATE", value, anchor, None


def h_month(m: re.Match, ctx: Ctx) -> Cand | None:
    name = m["month"]
    mo = _month(name)
    y = _year(m)
    if m["year"] and y is None:
        return None
    rel = _low(m["rel"]) or None
    mod = _mod(m)
    if y is None and rel is None and m["mod"] is None and (
            name.isupper() or (name.lower() in AMBIGUOUS_MONTHS and not _PREP_BEFORE.search(ctx.before(m.start())))):
        return None
    if y is not None:
        return m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}", "text", mod
    value, anchor = resolve_month(mo, ctx.tense(m.start(), m.end()) if rel is None else None, ctx.pub, rel)
    start = m.start()
    if BARE_MONTH_WITH_IN and rel is None and m["mod"] is None:
        lead = _IN_BEFORE.search(ctx.before(start, 6))
        if lead:  # 'in January', like 'in recent months': the preposition tells a bare month from 'January 2018'
            start -= len(lead.group())
    return start, m.end(), "DATE", value, anchor, mod


def h_year(m: re.Match, ctx: Ctx) -> Cand | None:
    y = _year(m)
    if y is None:
        return None
    ys = m.start("year")
    text = ctx.text
    prev = text[ys - 1] if ys else " "
    if prev in "$£€¥#:/\\" or prev.isalnum() or (prev in ".," and ys > 1 and text[ys - 2].isdigit()):
        return None
    after = text[m.end():m.end() + 24]
    if after[:1] in ("%", ":") or (after[:1] in ".," and after[1:2].isdigit()):
        return None
    w = _AFTER_WORD.match(after)
    if w and w.group(1).lower() in COUNT_NOUNS:
        return None
    before = ctx.before(ys, 12).lower()
    if y < 1900 and not re.search(r"(?:in|since|of|by|from|until|before|after|during|year|circa|c\.)\s+$", before):
        return None
    if re.search(r"(?:no\.|number|route|page|flight|room|model|\bpp?\.)\s*$", before):
        return None
    return m.start(), m.end(), "DATE", f"{y:04d}", "text", _mod(m)


def h_year2(m: re.Match, ctx: Ctx) -> Cand | None:
    first = ctx.text[m.start() - 5:m.start() - 1]
    yy = int(m["yy"])
    if yy <= int(first[2:]):
        return None
    after = _AFTER_WORD.match(ctx.text[m.end():m.end() + 20])
    if after and after.group(1).lower() in COUNT_NOUNS:
        return None
    return m.start(), m.end(), "DATE", f"{first[:2]}{yy:02d}", "text", None


def h_decade(m: re.Match, ctx: Ctx) -> Cand | None:
    if m["dc"]:
        value = m["dc"]
    elif m["d2"]:
        d = int(m["d2"])
        value = f"19{d}" if d >= 2 else f"20{d}"
    else:
        value = f"19{DECADE_WORDS[m['dw'].lower()]}"
    start = m.start() if m["mod"] else m.start("core")
    return start, m.end(), "DATE", value, "text", _mod(m)


def h_century(m: re.Match, ctx: Ctx) -> Cand | None:
    c = int(m["c"])
    if not 1 <= c <= 21:
        return None
    start = m.start() if m["mod"] else m.start("core")
    return start, m.end(), "DATE", f"{c - 1:02d}", "text", _mod(m)


def h_season(m: re.Match, ctx: Ctx) -> Cand | None:
    season = SEASONS[m["season"].lower()]
    y = _year(m)
    rel = _low(m["rel"]) or None
    if m["year"] and y is None:
        return None
    if y is None and rel is None and m["the"] is None and m["mod"] is None:
        return None
    if y is None and m["the"] and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
        return None  # the fall of Mosul
    if y is not None:
        return m.start(), m.end(), "DATE", f"{y:04d}-{season}", "text", _mod(m)
    value, anchor = resolve_season(season, ctx.tense(m.start(), m.end()) if rel is None else None, ctx.pub, rel)
    return m.start(), m.end(), "DATE", value, anchor, _mod(m)


def h_relunit(m: re.Match, ctx: Ctx) -> Cand | None:
    rel = _low(m["rel"])
    unit = _low(m["unit"]).split()[-1]
    if m["the"] and rel in ("past", "next", "coming", "following"):
        if m["mod"]:
            return None
        value = {"week": "P1W", "weekend": "P1WE", "month": "P1M", "year": "P1Y", "quarter": "P3M",
                 "decade": "P10Y", "century": "P100Y"}[unit]
        return m.start(), m.end(), "DURATION", value, "text", None
    value, anchor = resolve_unit(unit, _OFFSET[rel], ctx.pub)
    return m.start(), m.end(), "DATE", value, anchor, _mod(m)


def h_endof(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = _low(m["unit"])
    mod = _mod(m)
    pub = ctx.pub
    if pub is None:
        value = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(unit, "PRESENT_REF")
        return m.start(), m.end(), "DATE", value, "none", mod
    offset = 0
    if unit == "year" and mod == "END" and pub.month is not None and pub.month <= 6 \
            and ctx.tense(m.start(), m.end()) == PAST:
        offset = -1  # 'peaked by the end of the year', written in March
    value, anchor = resolve_unit(unit, offset, pub)
    return m.start(), m.end(), "DATE", value, anchor, mod


def h_vague(m: re.Match, ctx: Ctx) -> Cand | None:
    w = _low(m["w"])
    if w.startswith("the") and "future" in w:
        if re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
            return None
        return m.start(), m.end(), "DATE", "FUTURE_REF", "none", None
    if w in ("recently", "lately", "of late", "in the recent past", "the past", "at the time", "at that time") \
            or w.endswith("recent times"):
        if w == "the past" and re.match(r"\s+(?:of|to|tense|master)\b", ctx.text[m.end():m.end() + 8]):
            return None
        return m.start(), m.end(), "DATE", "PAST_REF", "none", None
    return m.start(), m.end(), "DATE", "PRESENT_REF", "none", None


def h_dayword(m: re.Match, ctx: Ctx) -> Cand | None:
    dw = _low(m["dw"])
    part = PARTS_OF_DAY.get(_low(m["part"])) if m["part"] else None
    if dw == "tonight":
        dw, part = "today", "NI"
    if not dw:
        dw = "today" if _low(m["rel"]) == "this" else "yesterday"
        if part != "NI" and dw == "yesterday":
            return None  # 'last morning' is not a phrase
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[dw]
    d = ctx.pub.date if ctx.pub else None
    if d is None:
        value = {0: "PRESENT_REF", -1: "PAST_REF", 1: "FUTURE_REF"}[offset]
        if part:
            return m.start(), m.end(), "TIME", value, "none", None
        return m.start(), m.end(), "DATE", value, "none", None
    date = fmt_date(d + dt.timedelta(days=offset))
    if part:
        return m.start(), m.end(), "TIME", f"{date}T{part}", "published", None
    return m.start(), m.end(), "DATE", date, "published", None


def h_weekday(m: re.Match, ctx: Ctx) -> Cand | None:
    wd = WEEKDAYS[m["wd"].lower()]
    part = PARTS_OF_DAY.get(_low(m["part"])) if m["part"] else None
    if _WD_NOT_BEFORE.search(ctx.before(m.start(), 12)) or _WD_NOT_AFTER.match(ctx.text, m.end()):
        return None
    if m["every"] or m["pl"]:
        value = f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
        return m.start(), m.end(), "SET", value, "text", None
    rel = _low(m["rel"]) or None
    tense = ctx.tense(m.start(), m.end()) if rel is None else None
    value, anchor = resolve_weekday(wd, tense, ctx.pub, rel)
    if part:
        return m.start(), m.end(), "TIME", f"{value}T{part}", anchor, None
    return m.start(), m.end(), "DATE", value, anchor, None


def h_quarter(m: re.Match, ctx: Ctx) -> Cand | None:
    if m["q"]:
        kind, n = m["q"][0], int(m["q"][1])
    else:
        kind = "H" if _low(m["what"]) == "half" else "Q"
        n = ORDINALS[_low(m["ord"])]
    y = _year(m)
    if kind == "H" and (n > 2 or y is None):
        return None
    start = m.start("the") if m["the"] else (m.start("ord") if m["ord"] else m.start("q"))
    if y is not None:
        return start, m.end(), "DATE", f"{y:04d}-{kind}{n}", "text", None
    if ctx.pub is None:
        return start, m.end(), "DATE", f"XXXX-{kind}{n}", "none", None
    return start, m.end(), "DATE", f"{ctx.pub.year:04d}-{kind}{n}", "published", None


def h_holiday(m: re.Match, ctx: Ctx) -> Cand | None:
    mo, d = _HOLIDAYS[_low(m["h"])]
    y = _year(m)
    if y is not None:
        return m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "text", None
    value, anchor = resolve_month_day(mo, d, ctx.tense(m.start(), m.end()), ctx.pub)
    return m.start(), m.end(), "DATE", value, anchor, None
