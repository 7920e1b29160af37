"""Calendar arithmetic: TIMEX3 values of relative expressions against the publication date.

`Pub` is the parsed publication date (year, and month and day where known). Every resolver returns
a value and an anchor: `published` when the publication date was used, `none` when a part stays
unknown (XXXX, PAST_REF). A year is never guessed: without the publication date it stays XXXX.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .tense import FUTURE, PAST

_PUB = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

# TIMEX3 value syntax accepted on output (dates, weeks, seasons, quarters, times, durations, refs).
VALID_VALUE = re.compile(
    r"(?:PAST_REF|PRESENT_REF|FUTURE_REF"
    r"|(?:\d{2}|\d{3}|\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?|-(?:SP|SU|FA|WI)"
    r"|-Q[1-4]|-H[12])?(?:T(?:\d{2}(?::\d{2})?|MO|AF|EV|NI|MI))?"
    r"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|Q|WE))?(?:T(?:\d+(?:\.\d+)?|X)[HMS](?:\d+[MS])*)?)"
)


@dataclass(frozen=True, slots=True)
class Pub:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        if self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


def parse_published(published: str | None) -> Pub | None:
    """'2015-03-10', '2015-03', '2015' (or an ISO timestamp) -> Pub; anything else -> None."""
    if not published or not isinstance(published, str):
        return None
    m = _PUB.match(published)
    if not m:
        return None
    y = int(m.group(1))
    if not 1000 <= y <= 2999:
        return None
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        return Pub(y)
    if d is not None and (mo is None or not 1 <= d <= calendar.monthrange(y, mo)[1]):
        return Pub(y, mo)
    return Pub(y, mo, d)


def valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def fmt_date(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def resolve_month(month: int, tense: str | None, pub: Pub | None, rel: str | None = None) -> tuple[str, str]:
    """'January', 'last January', 'next June' -> YYYY-MM (or XXXX-MM without a publication month)."""
    if pub is None or (pub.month is None and rel in ("last", "next", "past", "coming", "previous")):
        return f"XXXX-{month:02d}", "none"
    if pub.month is None:
        return f"{pub.year:04d}-{month:02d}", "published"
    y, pm = pub.year, pub.month
    if rel in ("last", "past", "previous"):
        year = y if month < pm else y - 1
    elif rel in ("next", "coming"):
        year = y if month > pm else y + 1
    elif rel == "this":
        year = y
    elif tense == PAST:
        year = y if month <= pm else y - 1
    elif tense == FUTURE:
        year = y if month >= pm else y + 1
    else:
        year = min((y - 1, y, y + 1), key=lambda c: abs((c * 12 + month) - (y * 12 + pm)))
    return f"{year:04d}-{month:02d}", "published"


def resolve_month_day(month: int, day: int, tense: str | None, pub: Pub | None) -> tuple[str, str]:
    """'Dec. 28' -> the Dec 28 nearest the publication date in the direction of the tense."""
    if pub is None:
        return f"XXXX-{month:02d}-{day:02d}", "none"
    if pub.month is None:
        return f"{pub.year:04d}-{month:02d}-{day:02d}", "published"
    y = pub.year
    ref = (pub.month, pub.day or 15)
    if tense == PAST:
        year = y if (month, day) <= ref else y - 1
    elif tense == FUTURE:
        year = y if (month, day) >= ref else y + 1
    else:
        def dist(c: int) -> int:
            return abs((c * 12 + month) * 31 + day - ((y * 12 + ref[0]) * 31 + ref[1]))
        year = min((y - 1, y, y + 1), key=dist)
    if not valid_day(year, month, day):  # 29 February of a common year
        return f"{year:04d}-{month:02d}", "published"
    return f"{year:04d}-{month:02d}-{day:02d}", "published"


def resolve_weekday(wd: int, tense: str | None, pub: Pub | None, rel: str | None = None) -> tuple[str, str]:
    """'on Wednesday' -> the Wednesday before (past) or after (future) the publication day."""
    d = pub.date if pub else None
    if d is None:
        return f"XXXX-WXX-{wd}", "none"
    today = d.isoweekday()
    back = (today - wd) % 7  # days back to the most recent such weekday (0 = the day itself)
    fwd = (wd - today) % 7
    if rel in ("last", "past", "previous"):
        delta = -(back or 7)
    elif rel in ("next", "coming"):
        delta = fwd or 7
    elif rel == "this":
        delta = fwd if tense != PAST else -back
    elif tense == PAST:
        delta = -back
    elif tense == FUTURE:
        delta = fwd
    else:
        delta = -back if back <= fwd else fwd
    return fmt_date(d + dt.timedelta(days=delta)), "published"


def resolve_season(season: str, tense: str | None, pub: Pub | None, rel: str | None = None) -> tuple[str, str]:
    if pub is None or (pub.month is None and rel not in (None, "this")):
        if rel in ("last", "past", "previous"):
            return "PAST_REF", "none"
        if rel in ("next", "coming"):
            return "FUTURE_REF", "none"
        if pub is None:
            return f"XXXX-{season}", "none"
    if pub.month is None:
        return f"{pub.year:04d}-{season}", "published"
    y, pm = pub.year, pub.month
    # The season's own year: winter belongs to the year it starts in unless we are in Jan-Mar.
    cur = {"SP": 3 <= pm <= 5, "SU": 6 <= pm <= 8, "FA": 9 <= pm <= 11, "WI": pm == 12 or pm <= 2}[season]
    if season == "WI":
        this_year = y if pm >= 3 else y - 1  # winter that started in December of this_year
        if cur:
            this_year = y if pm == 12 else y - 1
        started = True
    else:
        this_year = y
        started = pm >= {"SP": 3, "SU": 6, "FA": 9}[season]
    if rel in ("last", "past", "previous"):
        year = this_year - 1 if (cur or not started) else this_year
    elif rel in ("next", "coming"):
        year = this_year + 1 if (cur or started) else this_year
    elif rel == "this" or cur:
        year = this_year
    elif tense == PAST:
        year = this_year if started else this_year - 1
    elif tense == FUTURE:
        year = this_year if not started else this_year + 1
    else:
        year = this_year
    return f"{year:04d}-{season}", "published"


def resolve_unit(unit: str, offset: int, pub: Pub | None) -> tuple[str, str]:
    """'last year' (offset -1), 'this month' (0), 'next week' (+1) against the publication date."""
    ref = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}.get(offset, "PAST_REF" if offset < 0 else "FUTURE_REF")
    if pub is None:
        return ref, "none"
    if unit == "year":
        return f"{pub.year + offset:04d}", "published"
    if unit == "decade":
        return f"{(pub.year + 10 * offset) // 10:03d}", "published"
    if unit == "century":
        return f"{(pub.year + 100 * offset) // 100:02d}", "published"
    if pub.month is None:
        return ref, "none"
    if unit == "month":
        y, m = add_months(pub.year, pub.month, offset)
        return f"{y:04d}-{m:02d}", "published"
    if unit == "quarter":
        y, m = add_months(pub.year, pub.month, 3 * offset)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}", "published"
    d = pub.date
    if d is None:
        return ref, "none"
    if unit in ("week", "weekend"):
        w = fmt_week(d + dt.timedelta(weeks=offset))
        return (w + "-WE" if unit == "weekend" else w), "published"
    if unit == "day":
        return fmt_date(d + dt.timedelta(days=offset)), "published"
    return ref, "none"


def resolve_ago(unit: str, n: int | None, pub: Pub | None, future: bool = False) -> tuple[str, str]:
    """'two weeks ago' -> the week two weeks before publication, at the unit's granularity."""
    if n is None or pub is None:
        return ("FUTURE_REF" if future else "PAST_REF"), "none"
    sign = 1 if future else -1
    if unit in ("decade", "century"):
        n, unit = n * (10 if unit == "decade" else 100), "year"
    if unit == "year":
        return f"{pub.year + sign * n:04d}", "published"
    if unit == "quarter":
        n, unit = 3 * n, "month"
    if pub.month is None:
        return ("FUTURE_REF" if future else "PAST_REF"), "none"
    if unit == "month":
        y, m = add_months(pub.year, pub.month, sign * n)
        return f"{y:04d}-{m:02d}", "published"
    d = pub.date
    if d is None or n > 100000:
        return ("FUTURE_REF" if future else "PAST_REF"), "none"
    try:
        if unit in ("week", "fortnight"):
            return fmt_week(d + dt.timedelta(weeks=sign * n * (2 if unit == "fortnight" else 1))), "published"
        if unit in ("day", "night"):
            return fmt_date(d + dt.timedelta(days=sign * n)), "published"
        if unit in ("hour", "minute", "second"):
            return fmt_date(d), "published"
    except OverflowError:
        pass
    return ("FUTURE_REF" if future else "PAST_REF"), "none"
