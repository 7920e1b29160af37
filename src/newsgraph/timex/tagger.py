"""The temporal tagger: find temporal expressions and give each a TIMEX3 value.

`tag(text, published)` runs the rules of `patterns` (only those whose trigger words occur), turns
each match into a candidate with `handlers`, keeps the longest non-overlapping candidates and
returns them as `Timex` records in text order.
"""
from __future__ import annotations

import re

from ..records import Timex
from . import durations as _du
from . import handlers as _h
from .handlers import Ctx
from .normalize import VALID_VALUE, parse_published
from .patterns import RULES

HANDLERS = {
    "iso": _h.h_iso, "slash": _h.h_slash, "dmy": _h.h_daymonth, "mdy": _h.h_daymonth, "month": _h.h_month, "year": _h.h_year,
    "year2": _h.h_year2, "decade": _h.h_decade, "century": _h.h_century, "season": _h.h_season, "relunit": _h.h_relunit,
    "endof": _h.h_endof, "nunit": _du.h_nunit, "plural": _du.h_plural, "vague": _h.h_vague, "dayword": _h.h_dayword,
    "weekday": _h.h_weekday, "time": _du.h_time, "hms": _du.h_hms, "set": _du.h_set, "quarter": _h.h_quarter, "holiday": _h.h_holiday,
}
_WORD = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
_RULES = tuple((i, rule, HANDLERS[rule.name]) for i, rule in enumerate(RULES))


def tag(text: str, published: str | None = None) -> list[Timex]:
    """Temporal expressions of `text`, normalized against the publication date `published`.

    `published` is a TIMEX3 date ('2015-03-10', '2015-03', '2015') or None when unknown; relative
    expressions are resolved against it and against nothing else (never today's date).
    """
    if not text or not isinstance(text, str):
        return []
    words = {w.lower() for w in _WORD.findall(text)}
    if _DIGIT.search(text):
        words.add("#")
        if ":" in text:
            words.add(":")
    ctx = Ctx(text, parse_published(published))
    cands: list[tuple[int, int, int, tuple]] = []
    for i, rule, handler in _RULES:
        if words.isdisjoint(rule.keys):
            continue
        for m in rule.regex.finditer(text):
            try:
                res = handler(m, ctx)
            except (ValueError, OverflowError, KeyError, IndexError):
                res = None
            if res is None:
                continue
            start, end = res[0], res[1]
            if end > start:
                cands.append((-(end - start), start, i, res))
    cands.sort()
    chosen: list[tuple] = []
    taken: list[tuple[int, int]] = []
    for _, start, _, res in cands:
        end = res[1]
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append(res)
    chosen.sort(key=lambda r: r[0])
    out: list[Timex] = []
    for start, end, typ, value, anchor, mod in chosen:
        if value is not None and not VALID_VALUE.fullmatch(value):
            continue
        out.append(Timex(text=text[start:end], start=start, end=end, type=typ, value=value, anchor=anchor, mod=mod))
    return out
