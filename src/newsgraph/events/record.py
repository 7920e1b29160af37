"""The event record lives with the others in `newsgraph.records`."""
from __future__ import annotations

from newsgraph.records import Event

__all__ = ["Event"]
