"""spaCy, loaded once per process from `settings.nlp_model`, with newsgraph's own components."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

# the body is cut here before parsing, so one giant input cannot take unbounded time or memory
MAX_CHARS = 300_000
PARAGRAPHS = "newsgraph_paragraphs"


def paragraph_breaks(doc: Any) -> Any:
    """A sentence never runs across a paragraph break: the token after a blank line starts one
    (a headline-like line or a quotation's last line has no full stop for the parser to see)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Any:
    """The spaCy pipeline `model`, every component (quotes read lemmas, entities the parse), with
    paragraph breaks as sentence boundaries before the parser runs."""
    import spacy
    from spacy.language import Language

    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    nlp = spacy.load(model)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp
