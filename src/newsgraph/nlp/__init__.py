"""spaCy, loaded once per process from `settings.nlp_model`, with newsgraph's own components."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

# the body is cut here before parsing, so one giant input cannot take unbounded time or memory
MAX_CHARS = 300_000
PARAGRAPHS = "newsgraph_paragraphs"


def paragraph_breaks(doc: Any) -> Any:
    """A sentence never runs across a paragraph break: the token after a blank line starts one
    (a headline-like line or a quotation's last line has no full stop for the parser to see).
    A dateline opening a paragraph (`LAGOS, March 2, 2021 - Gunmen opened fire ...`) is cut off
    from its sentence, so that the parser does not read the place as the sentence's subject."""
    from newsgraph.article.dateline import DATELINE

    starts = [0] + [tok.i for tok in doc[1:] if not tok.is_space and doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text]
    by_char = {tok.idx: tok for tok in doc}
    for i in starts:
        if i > 0:
            doc[i].is_sent_start = True
        if i >= len(doc):
            continue
        at = doc[i].idx
        m = DATELINE.match(doc.text[at:at + 160])
        after = by_char.get(at + m.end() - 1) if m else None
        if after is not None and after.i > i + 1 and find_place(m):
            after.is_sent_start = True
    return doc


def find_place(m: Any) -> bool:
    """Whether a DATELINE match names a place in capitals (`LAGOS`), not a headline's first words."""
    letters = "".join(ch for ch in m.group("place") if ch.isalpha())
    return len(letters) >= 3 and letters.isupper()


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
