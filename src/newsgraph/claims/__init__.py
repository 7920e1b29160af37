"""Claims and disputes: statements of fact, who makes them, what and when they are about, and
which contradict each other."""
from __future__ import annotations

from .disputes import contradicts, link_disputes, same_time
from .extract import claims_of, comment_sentences
from .predicate import Predicate, predicate
from .record import Claim

__all__ = ["Claim", "Predicate", "claims_of", "comment_sentences", "contradicts", "link_disputes",
           "predicate", "same_time"]
