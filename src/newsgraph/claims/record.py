"""The claim record lives with the others in `newsgraph.records`."""
from __future__ import annotations

from newsgraph.records import Claim

__all__ = ["Claim"]
