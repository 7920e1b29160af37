"""newsgraph: a sourced knowledge base of who said what, who did what to whom, where and when.

    import newsgraph
    with newsgraph.open("kb.db") as kb:
        report = kb.ingest(["reports/"])
        kb.export("out", fmt="jsonl")
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsgraph.settings import Settings
    from newsgraph.store.kb import KnowledgeBase

__version__ = "0.1.0"


def open(path: str | Path = "newsgraph.db", settings: Settings | None = None) -> KnowledgeBase:  # noqa: A001
    """Open (or create) the knowledge base at `path`."""
    from newsgraph.store.kb import KnowledgeBase

    return KnowledgeBase(path, settings)
