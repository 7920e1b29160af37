"""Events (issue 6): PLOVER events read from a parsed report, with actors, targets, place, date,
counts, modality and whose word they rest on. `extract_events` is a pure, stage-ready function."""
from __future__ import annotations

from newsgraph.events.extract import extract_events
from newsgraph.events.record import Event

__all__ = ["Event", "extract_events"]
