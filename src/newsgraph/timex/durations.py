"""Handlers of the duration, set and clock-time rules of `patterns` (see `handlers` for the dates)."""
from __future__ import annotations

import datetime as dt
import re

from .handlers import (
    _AGE_AFTER,
    _AGE_BEFORE,
    _APPROX_BEFORE,
    _APPROX_MOD,
    _COUNT_BEFORE,
    _PLURAL_UNIT,
    Cand,
    Ctx,
    _duration,
    _low,
    _number,
)
from .lexicon import UNITS, WEEKDAYS
from .normalize import fmt_date, resolve_ago, resolve_weekday


def h_nunit(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = _low(m["unit"])
    suf = _low(m["suf"])
    num = m["num"]
    if suf in ("-old", "old"):
        return None
    if num is None and suf not in ("-long", "long"):
        return None
    nlow = _low(num)
    if nlow in ("a", "an", "one") and unit == "second":
        return None  # 'a second term'
    if _AGE_BEFORE.search(ctx.before(m.start(), 12)) or _AGE_AFTER.match(ctx.text, m.end()):
        return None  # 'children aged 6 months and older'
    if nlow in ("a", "an") and _COUNT_BEFORE.search(ctx.before(m.start())):
        return None  # '$5 a day', 'twice a year': a rate, see the set rule
    n = _number(num)
    pre = _low(m["pre"])
    start = m.start() if pre or m["mere"] else (m.start("num") if num else m.start("unit"))
    if suf in ("-long", "long") and (not num or nlow in ("a", "an")):
        start = m.start("unit")
    end = m.end("ago") if m["ago"] else (m.end("suf") if m["suf"] and suf != "long" else m.end("unit") + len(m["pl"] or ""))
    if m["suf"] == "'":
        end = m.end("suf")
    mod = None
    if m["mere"] and _low(m["mere"]) in ("almost", "nearly"):
        mod = "LESS_THAN"
    else:
        a = _APPROX_BEFORE.search(ctx.before(start, 20))
        if a:
            mod = _APPROX_MOD.get(_low(a.group("w")))
    if m["ago"]:
        value, anchor = resolve_ago(unit, None if n is None or n != int(n) else int(n), ctx.pub)
        return start, end, "DATE", value, anchor, "APPROX" if mod == "APPROX" else None
    return start, end, "DURATION", _duration(n, unit), "text", mod


def h_plural(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = _low(m["unit"])
    rel = _low(m["rel"])
    lead = _low(m["lead"])
    value = "P" + _PLURAL_UNIT[unit]
    if rel == "recent":
        if lead == "in":
            return m.start(), m.end("unit"), "DATE", "PAST_REF", "none", None
        return (m.start("the") if m["the"] else m.start("rel")), m.end("unit"), "DURATION", value, "text", None
    if rel:
        return (m.start("the") if m["the"] else m.start("rel")), m.end("unit"), "DURATION", value, "text", None
    start = m.start("the") if m["the"] else m.start("unit")
    if m["ago"]:
        return start, m.end("ago"), "DATE", "PAST_REF", "none", None
    if lead or m["after"] is not None:
        return start, m.end("unit"), "DURATION", value, "text", None
    return None


def h_time(m: re.Match, ctx: Ctx) -> Cand | None:
    if m["noon"]:
        hh, mm = (0, 0) if m["noon"].lower() == "midnight" else (12, 0)
    else:
        hh = int(m["h"] if m["h"] is not None else m["h2"])
        mm = int(m["mi"] or m["mi2"] or 0)
        ampm = _low(m["ampm"]).replace(".", "")
        if ampm:
            if hh == 0 or hh > 12:
                return None
            hh = (hh % 12) + (12 if ampm == "pm" else 0)
    if m["wd"]:
        tense = ctx.tense(m.start(), m.end())
        date, anchor = resolve_weekday(WEEKDAYS[m["wd"].lower()], tense, ctx.pub)
    elif m["dw"] or ctx.pub:
        d = ctx.pub.date if ctx.pub else None
        if d is None:
            date, anchor = "XXXX-XX-XX", "none"
        else:
            off = {"": 0, "today": 0, "yesterday": -1, "tomorrow": 1}[_low(m["dw"])]
            date, anchor = fmt_date(d + dt.timedelta(days=off)), "published"
    else:
        date, anchor = "XXXX-XX-XX", "none"
    return m.start(), m.end(), "TIME", f"{date}T{hh:02d}:{mm:02d}", anchor, None


def h_hms(m: re.Match, ctx: Ctx) -> Cand | None:
    h, mi, s = int(m["h"]), int(m["m"]), int(m["s"])
    value = "PT" + "".join(f"{v}{u}" for v, u in ((h, "H"), (mi, "M"), (s, "S")) if v) if (h or mi or s) else "PT0S"
    return m.start(), m.end(), "DURATION", value, "text", None


_SET_WHAT = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "morning": "XXXX-XX-XXTMO",
             "afternoon": "XXXX-XX-XXTAF", "evening": "XXXX-XX-XXTEV", "night": "XXXX-XX-XXTNI",
             "weekend": "XXXX-WXX-WE", "season": "P1Y", "hour": "PT1H", "minute": "PT1M", "decade": "P10Y",
             "quarter": "P3M", "summer": "XXXX-SU", "winter": "XXXX-WI", "spring": "XXXX-SP", "autumn": "XXXX-FA"}
_SET_ADV = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "nightly": "P1D",
            "hourly": "PT1H", "quarterly": "P3M", "biannually": "P6M", "biennially": "P2Y", "fortnightly": "P2W"}


def h_set(m: re.Match, ctx: Ctx) -> Cand | None:
    if m["adv"]:
        return m.start(), m.end(), "SET", _SET_ADV[m["adv"]], "text", None
    if m["freq"]:
        return m.start(), m.end(), "SET", _duration(1, _low(m["unit"])), "text", None
    what = _low(m["what"])
    if what.endswith("s") and what[:-1] in _SET_WHAT:
        what = what[:-1]
    n = _number(m["n"]) if m["n"] else (2 if "other" in _low(m.group()) else None)
    if n is not None and what in UNITS:
        return m.start(), m.end(), "SET", _duration(n, what), "text", None
    return m.start(), m.end(), "SET", _SET_WHAT[what], "text", None
