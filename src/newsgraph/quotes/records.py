"""The quote record lives with the others in `newsgraph.records`."""
from __future__ import annotations

from newsgraph.records import Quote

__all__ = ["Quote"]
