"""Who said what: direct and indirect quotations and their speakers, rule-based on the dependency parse."""
from __future__ import annotations

from newsgraph.records import Quote

from .extract import extract_quotes

__all__ = ["Quote", "extract_quotes"]
