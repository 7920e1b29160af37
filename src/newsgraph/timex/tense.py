"""Past or future: the tense of the clause around a temporal expression.

A bare month or weekday ('in January', 'on Wednesday') is resolved to the occurrence before the
publication date when the sentence speaks of the past, after it when it speaks of the future.
The nearest tense marker in the same sentence decides; markers across a comma or quote count less.
"""
from __future__ import annotations

import bisect
import re

from .lexicon import IRREGULAR_PAST, NOT_PAST_ED

PAST, FUTURE = "past", "future"
MAX_DISTANCE = 40  # characters between a marker and the expression beyond which it says nothing

# Sentence ends: . ! ? (not after an initial or a short capitalised abbreviation) or a line break.
_SENT_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Jan|Feb|Aug|Sep|Oct|Nov|Dec))"
                       r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")

_MARKER = re.compile(
    r"(?P<future>\b(?:will|won't|shall|would|wouldn't|could|should|might|must|going\s+to|plans?\s+to|planning\s+to"
    r"|intends?\s+to|(?:is|are|was|were)\s+(?:due|set|expected|scheduled|slated|poised|likely|to)\b|upcoming"
    r"|(?:to\s+)?be\s+[a-z]+|from\s+now|until)\b|'ll\b)"
    r"|(?P<past>\b(?:[a-z]{2,}ed|ago|had|did|was|were)\b)"
    r"|(?P<irr>\b[a-z]{3,}\b)",
    re.IGNORECASE,
)
_BARRIER = re.compile(r"[,;:\"“”()—–]")


def sentence_bounds(text: str, ends: list[int], pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding `pos`, given the sorted sentence-end offsets."""
    i = bisect.bisect_right(ends, pos)
    start = ends[i - 1] if i else 0
    end = ends[i] if i < len(ends) else len(text)
    return start, end


def sentence_ends(text: str) -> list[int]:
    return [m.end() for m in _SENT_END.finditer(text)]


def tense_at(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """PAST, FUTURE or None for the expression text[start:end] inside the sentence [s_start, s_end)."""
    best: tuple[int, str] | None = None
    for m in _MARKER.finditer(text, s_start, s_end):
        if start <= m.start() < end:
            continue
        kind = m.lastgroup
        word = m.group().lower()
        if kind == "irr":
            if word not in IRREGULAR_PAST:
                continue
            kind = PAST
        elif kind == "past":
            if word in NOT_PAST_ED or (word.endswith("ed") and m.group()[0].isupper() and m.start() > s_start + 1):
                continue
            kind = PAST
        else:
            kind = FUTURE
        if m.end() <= start:
            gap_from, gap_to = m.end(), start
        else:
            gap_from, gap_to = end, m.start()
        dist = gap_to - gap_from
        if _BARRIER.search(text, gap_from, gap_to):
            dist += 40
        if dist <= MAX_DISTANCE and (best is None or dist < best[0]):
            best = (dist, kind)
    return best[1] if best else None
