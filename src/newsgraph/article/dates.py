"""Small date helpers for metadata (not the temporal tagger of the body, which is `newsgraph.timex`)."""
from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


def iso_date(value: str | None) -> str | None:
    """A TIMEX3 date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) from an ISO 8601 string, or None.

    Only what the string itself says: a missing day or month stays missing, an impossible date is None.
    """
    if not value:
        return None
    match = _ISO.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    y = int(year)
    if not 1000 <= y <= 2999:
        return None
    if month is None:
        return year
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{year}-{m:02d}"
    try:
        return date(y, m, int(day)).isoformat()
    except ValueError:
        return None
