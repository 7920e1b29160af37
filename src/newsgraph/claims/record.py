"""The claim record (to move into `newsgraph.records` with the others)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement of fact someone makes in a report or in a reader comment (claims.jsonl).

    `text` is the statement as written: `body[start:end] == text` for the report, or a sentence of
    one reader comment (`from_comment`, `start`/`end` None). `attributed_to` is the speaker's
    fullest name or an unnamed source as written, None for the report's own voice, and always None
    for a comment (a reader, never the report). `stance` is `asserts` or `denies`; `about` the
    canonical names of the entities it is about, in order of first mention; `when` the TIMEX3 value
    of the time the statement is about (not when it was said), or None. `key` is the predicate the
    statement sets true or false, `(verb lemma, object lemma)`, e.g. `("have", "link")` for both
    "X has a thousand links" and "X has no links"; None where the statement has no clear predicate.
    """

    text: str
    start: int | None
    end: int | None
    attributed_to: str | None
    stance: str  # asserts, denies
    about: tuple[str, ...]
    when: str | None
    from_comment: bool
    key: tuple[str, str] | None
