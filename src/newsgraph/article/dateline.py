"""The dateline that opens a report's first paragraph (`BEIJING:`, `WASHINGTON (AP) —`,
`ATLANTA --`, `LONDON, March 3 -`, `LAGOS, March 3, 2021 -`), for plain text and HTML alike. It stays in the body."""
from __future__ import annotations

import re

DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){0,4})"
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Za-z.]+){0,3}?)?"  # a state or country: `CHAMAN, Pakistan`
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?))?"  # a date: `LONDON, March 3`, `March 3, 2021`
    r"\s*(?:\((?:[A-Za-z][\w .&/-]{0,30})\))?"  # an agency: `(AP)`
    r"(?:\s*(?:—|–|--)\s*|\s+-\s+|:\s+)\S"  # the separator; `U.S.-China` is no dateline
)
_NOT_PLACES = re.compile(r"\b(?:UPDATED?|MODIFIED|EDITED|REVISED|BREAKING|EXCLUSIVE|WATCH|LIVE|VIDEO|PHOTOS?|OPINION|"
                         r"ANALYSIS|EDITORIAL|UPDATE|NOTE|CORRECTION|FILE)\b")
_SPACES = re.compile(r"\s+")


def find_dateline(paragraph: str) -> str | None:
    """The place of a dateline at the start of `paragraph`, or None."""
    match = DATELINE.match(paragraph[:160])
    if not match:
        return None
    place = match.group("place").strip(" .,-")
    letters = re.sub(r"[^A-Za-z]", "", place)
    if len(letters) < 3 or not letters.isupper() or _NOT_PLACES.search(place):
        return None
    return _SPACES.sub(" ", place)
