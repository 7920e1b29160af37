"""The event record (events.jsonl of the export contract), as `extract_events` returns it."""
from __future__ import annotations

from dataclasses import dataclass

from newsgraph.records import Place


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event read from one or more sentences of an article body.

    `modality` is `asserted`, `negated`, `hypothetical` or `future`; `attributed_to` is whose word
    the event rests on (None only where the report states it in its own voice); `fatalities_flag`
    says how a count was read where the text gives no exact figure (`vague`: ACLED's convention,
    'dozens' -> 12; `at-least`: 'more than a hundred' -> 100; `approximate`: 'nearly 200');
    `quantities` are other counts as the text gives them, (label, number) pairs; `sources` are
    (start, end) character spans of the sentences in the body.
    """

    type: str
    mode: str | None
    modality: str
    actor: tuple[str, ...]
    target: tuple[str, ...]
    location: Place | None
    location_name: str | None
    when: str | None
    fatalities: int | None
    fatalities_flag: str | None
    quantities: tuple[tuple[str, float], ...]
    attributed_to: str | None
    confidence: float
    sources: tuple[tuple[int, int], ...]
