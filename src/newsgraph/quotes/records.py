"""The record the quotation extractor hands on (the integrator moves it to newsgraph/records.py)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement (reported speech) found in an article body.

    `kind` is `direct` (inside quotation marks; `text` without the marks) or `indirect` (the content
    clause of reported speech, without `that` and without the final period). `start`/`end` are
    character offsets into the body: `body[start:end] == text`. `speaker_name` is the fullest name
    the report gives the speaker, or an unnamed source as written (`officials in Kashgar`), or None
    where no speaker can be found; `speaker_start`/`speaker_end` give the mention it was read from.
    `cue` is the reporting verb lemma or phrase (`say`, `pledge`, `according to`); `via` is whose
    report carries the statement (`state media` in "state media reported that Zakir pledged ...").
    """

    text: str
    start: int
    end: int
    kind: str
    speaker_name: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    via: str | None
    confidence: float
