"""Absolute dates in short header lines of scraped text: a small, fast regex parser.

Finds dates such as `December 20, 2023`, `Dec. 17, 2023`, `19 December 2023`, `10th March 2015`,
`Fri 22 Dec 2023`, `2023-12-22`, `12/22/23`, and times next to them (`11:29 AM`), and says whether
each is a publication date or a page stamp ("Updated ...", "Last modified ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MON = r"(?-i:(?<![A-Z]))(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:[\s,|@-]*(?:at\s+)?(?P<hh>[0-2]?\d)[:.](?P<mm>[0-5]\d)(?:[:.][0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?)?"

DATE_PATTERNS = [
    # March 9, 2023 / Dec. 17, 2023 / December 20 2023
    re.compile(_MON + r"\s+" + _DAY + r"(?:\s*,\s*|\s+)" + _YEAR + _TIME, re.I),
    # 19 December 2023 / 10th March 2015 / 22 Dec, 2023
    re.compile(r"(?<!\d)" + _DAY + r"(?:\s+of)?\s+" + _MON + r",?\s+" + _YEAR + _TIME, re.I),
    # 2023-12-22 (T11:29)
    re.compile(r"\b" + _YEAR + r"[-/.](?P<mnum>[01]?\d)[-/.](?P<dnum>[0-3]?\d)(?:[T\s]+(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b"),
    # 12/22/23, 22.12.2023 (month/day order guessed: first > 12 means day first)
    re.compile(r"\b(?P<a>[0-3]?\d)([/.-])(?P<b>[0-3]?\d)\2(?P<y>(?:19|20)?\d\d)\b" + _TIME, re.I),
    # December 2023 (a month only)
    re.compile(_MON + r",?\s+" + _YEAR + r"\b", re.I),
]
STAMP_WORDS = re.compile(r"\b(?:updated?|modified|edited|revised|last\s+update)\b", re.I)
PUB_WORDS = re.compile(r"\b(?:published|posted|created|first\s+published|released|issued)\b", re.I)


@dataclass(frozen=True, slots=True)
class DateHit:
    value: str  # YYYY-MM-DD or YYYY-MM
    start: int
    end: int
    time: str | None  # HH:MM
    stamp: bool  # introduced by "Updated", "Last modified", ...


def _valid(year: int, month: int, day: int) -> bool:
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def _time(m: re.Match) -> str | None:
    groups = m.groupdict()
    if not groups.get("hh"):
        return None
    hh, mm = int(groups["hh"]), int(groups["mm"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hh < 12:
        hh += 12
    elif ampm == "am" and hh == 12:
        hh = 0
    if hh > 23:
        return None
    return f"{hh:02d}:{mm:02d}"


def _value(m: re.Match, kind: int) -> str | None:
    g = m.groupdict()
    if kind in (0, 1):
        year, month, day = int(g["year"]), MONTHS.get(g["mon"].lower().rstrip(".")), int(g["day"])
        if month and _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    if kind == 2:
        year, month, day = int(g["year"]), int(g["mnum"]), int(g["dnum"])
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    if kind == 3:
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        year = y + 2000 if y < 100 else y
        month, day = (b, a) if a > 12 else (a, b)
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    year, month = int(g["year"]), MONTHS.get(g["mon"].lower().rstrip("."))
    return f"{year:04d}-{month:02d}" if month and 1900 <= year <= 2100 else None


ANY_TIME = re.compile(r"\b(?P<hh>[0-2]?\d)[:.](?P<mm>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?", re.I)


def line_time(line: str) -> str | None:
    """The first clock time in a line (`11:29 AM` gives 11:29)."""
    m = ANY_TIME.search(line[:300])
    return _time(m) if m else None


def find_dates(line: str) -> list[DateHit]:
    """Absolute dates in one (short) line, in order of position; overlapping matches dropped."""
    if len(line) > 400:
        line = line[:400]
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in enumerate(DATE_PATTERNS):
        for m in pattern.finditer(line):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _value(m, kind)
            if value is None:
                continue
            before = line[max(0, m.start() - 40):m.start()]
            stamp_at = max((x.end() for x in STAMP_WORDS.finditer(before)), default=-1)
            pub_at = max((x.end() for x in PUB_WORDS.finditer(before)), default=-1)
            taken.append((m.start(), m.end()))
            hits.append(DateHit(value, m.start(), m.end(), _time(m), stamp_at > pub_at))
    hits.sort(key=lambda h: h.start)
    return hits


LEAD_DATE = re.compile(
    r"^\s*(?:\w+day,?\s+)?(?:" + _DAY + r"(?:\s+of)?\s+" + _MON + r",?\s+" + _YEAR + r"|" + _MON.replace("?P<mon>", "?P<mon2>")
    + r"\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d\d))\s*(?:[-–—:|]+|\(\w+\)\s*[-–—])\s*",
    re.I,
)


def lead_date(paragraph: str) -> tuple[str, int] | None:
    """A date opening a paragraph (`10th March 2015 – China has ...`): its value and where the text resumes."""
    m = LEAD_DATE.match(paragraph[:120])
    if not m:
        return None
    g = m.groupdict()
    if g.get("year"):
        year, month, day = int(g["year"]), MONTHS.get(g["mon"].lower().rstrip(".")), int(g["day"])
    else:
        year, month, day = int(g["year2"]), MONTHS.get(g["mon2"].lower().rstrip(".")), int(g["day2"])
    if not month or not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", m.end()
