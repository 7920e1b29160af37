"""Language identification of a body (py3langid: small, offline, maintained)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or too unsure."""
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= 0.5 else None
