"""spaCy, loaded once per process from `settings.nlp_model`."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

# the body is cut here before parsing, so one giant input cannot take unbounded time or memory
MAX_CHARS = 300_000


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Any:
    """The spaCy pipeline `model`, every component (quotes read lemmas, entities the parse)."""
    import spacy

    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp
