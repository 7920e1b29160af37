"""The one processing function: a raw input in, an `Analysis` (article and findings) out.

Each stage is a function `(Analysis, Settings) -> Analysis` that states what it requires and
assigns. Engines (the local worker pool, Spark) are thin adapters around `process_record`.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace

from newsgraph.errors import Errors, Rejected
from newsgraph.records import Analysis, Article, RawInput
from newsgraph.settings import Settings

StageFn = Callable[[Analysis, Settings], Analysis]


def stage(requires: tuple[str, ...], assigns: tuple[str, ...]) -> Callable[[StageFn], StageFn]:
    """Mark a stage with the Analysis fields it needs filled and the ones it fills."""

    def mark(fn: StageFn) -> StageFn:
        fn.requires = requires  # type: ignore[attr-defined]
        fn.assigns = assigns  # type: ignore[attr-defined]
        return fn

    return mark


def content_id(raw: RawInput) -> str:
    """A stable id from the input's content alone: the same content always gets the same id."""
    payload = raw.payload.encode("utf-8") if isinstance(raw.payload, str) else raw.payload
    return hashlib.sha256(raw.kind.encode() + b"\0" + payload).hexdigest()[:16]


@stage(requires=("raw",), assigns=("extracted",))
def extract(a: Analysis, settings: Settings) -> Analysis:
    from newsgraph.article.dates import iso_date
    from newsgraph.article.html import extract_html
    from newsgraph.article.text import clean_text
    from newsgraph.ingest.files import decode

    raw = a.raw
    text = raw.payload if isinstance(raw.payload, str) else decode(raw.payload, raw.source)
    extracted = extract_html(text, raw.url) if raw.kind == "html" else clean_text(text)
    # what the container states (a JSON Lines field, a WARC header) outranks a guess from the page
    changes: dict[str, object] = {}
    if raw.url:
        changes["url"] = raw.url
    if raw.headline:
        changes["headline"] = raw.headline.strip()
    if raw.site:
        changes["site"] = raw.site
    if raw.published and iso_date(raw.published):
        changes["published"] = iso_date(raw.published)
    if raw.fetched and not extracted.page_timestamp:
        changes["page_timestamp"] = raw.fetched
    if len(extracted.body.strip()) < settings.min_body_chars:
        raise Rejected(Errors.E301, source=raw.source,
                       detail=f" (the body has {len(extracted.body.strip())} characters, fewer than {settings.min_body_chars})")
    return replace(a, extracted=replace(extracted, **changes) if changes else extracted)  # type: ignore[arg-type]


@stage(requires=("extracted",), assigns=("article",))
def to_article(a: Analysis, settings: Settings) -> Analysis:
    from newsgraph.article.language import detect_language

    e = a.extracted
    assert e is not None
    language = detect_language(e.body)
    flags = () if language in settings.analysed_languages else (f"not-analysed:{language or 'unknown'}",)
    article = Article(id=content_id(a.raw), source=a.raw.source, body=e.body, url=e.url, site=e.site,
                      authors=e.authors, language=language, headline=e.headline, published=e.published,
                      page_timestamp=e.page_timestamp, dateline=e.dateline, comments=e.comments,
                      boilerplate=e.boilerplate, flags=flags)
    return replace(a, article=article)


@stage(requires=("article",), assigns=("minhash",))
def fingerprint(a: Analysis, settings: Settings) -> Analysis:
    from newsgraph.article.fingerprint import minhash, to_bytes

    assert a.article is not None
    return replace(a, minhash=to_bytes(minhash(a.article.body, settings.dedup_num_perm, settings.dedup_shingle)))


@stage(requires=("article",), assigns=("timexes",))
def find_timexes(a: Analysis, settings: Settings) -> Analysis:
    """Temporal expressions of an analysed body, resolved against its publication date only."""
    from newsgraph.timex import tag

    assert a.article is not None
    if not analysed(a.article):
        return a
    return replace(a, timexes=tuple(tag(a.article.body, a.article.published)))


@stage(requires=("article",), assigns=("parsed",))
def parse(a: Analysis, settings: Settings) -> Analysis:
    """The spaCy parse of an analysed body (cut at nlp.MAX_CHARS), for the stages that read it."""
    from newsgraph.nlp import MAX_CHARS, load_nlp

    assert a.article is not None
    if not analysed(a.article) or not a.article.body.strip():
        return a
    return replace(a, parsed=load_nlp(settings.nlp_model)(a.article.body[:MAX_CHARS]))


@stage(requires=("article",), assigns=("quotes",))
def find_quotes(a: Analysis, settings: Settings) -> Analysis:
    """Who said what: direct and reported speech with speakers, cues and reporting chains."""
    from newsgraph.quotes import extract_quotes

    if a.parsed is None:
        return a
    return replace(a, quotes=tuple(extract_quotes(a.parsed)))


@stage(requires=("article",), assigns=("claims",))
def find_claims(a: Analysis, settings: Settings) -> Analysis:
    """Statements of fact, whose word they are, what and when they are about; reader comments'
    statements are read too, marked as comments, never as the report's voice."""
    from newsgraph.claims import claims_of, comment_sentences
    from newsgraph.nlp import MAX_CHARS, load_nlp

    article = a.article
    assert article is not None
    if not analysed(article):
        return a
    sentences = [s[:MAX_CHARS] for s in comment_sentences(article.comments)]
    comment_docs = list(load_nlp(settings.nlp_model).pipe(sentences)) if sentences else []
    return replace(a, claims=tuple(claims_of(a.parsed, article, a.quotes, a.entities, a.timexes, comment_docs)))


@stage(requires=("article",), assigns=("events",))
def find_events(a: Analysis, settings: Settings) -> Analysis:
    """PLOVER events with actors, targets, place, date, counts, modality and whose word they rest on."""
    from newsgraph.events import extract_events
    from newsgraph.events.classifier import default_model

    if a.parsed is None or a.article is None:
        return a
    model = (default_model(settings.events_model) if settings.events_model else default_model()) if settings.events_classifier else None
    return replace(a, events=tuple(extract_events(a.parsed, a.article, a.timexes, a.entities, a.quotes,
                                                  model, settings.events_threshold)))


@stage(requires=("article",), assigns=("parsed",))
def release(a: Analysis, settings: Settings) -> Analysis:
    """Drop the parse: what leaves the worker is plain records."""
    return replace(a, parsed=None)


def analysed(article: Article) -> bool:
    """Whether newsgraph analyses this article (its language is one it reads)."""
    return not any(flag.startswith("not-analysed") for flag in article.flags)


STAGES_EXTRACTION: tuple[StageFn, ...] = (extract, to_article, fingerprint)


def _stages() -> tuple[StageFn, ...]:
    from newsgraph.entities.find import find_entities

    return (*STAGES_EXTRACTION, find_timexes, parse, find_quotes, find_entities, find_claims, find_events,
            release)


def warm_up(settings: Settings) -> None:
    """Load what the stages load lazily (libraries, models), so that a worker's first input is not
    charged for it against the time limit."""
    import newsgraph.article.html  # noqa: F401
    import newsgraph.article.text  # noqa: F401
    import newsgraph.claims  # noqa: F401
    import newsgraph.events  # noqa: F401
    import newsgraph.quotes  # noqa: F401
    import newsgraph.timex  # noqa: F401
    from newsgraph.article.language import detect_language
    from newsgraph.entities.find import resources

    detect_language("warm up the language identifier with an English sentence")
    resources(settings.nlp_model)
    if settings.events_classifier:
        from newsgraph.events.classifier import default_model

        if settings.events_model:
            default_model(settings.events_model)
        else:
            default_model()


def process_record(raw: RawInput, settings: Settings, stages: tuple[StageFn, ...] | None = None) -> Analysis:
    """Run every stage over one input. Raises `Rejected` with a reason where the input is refused."""
    a = Analysis(raw=raw)
    for fn in stages or _stages():
        for name in fn.requires:  # type: ignore[attr-defined]
            if getattr(a, name) is None:
                raise RuntimeError(f"stage {fn.__name__} needs {name!r}, which no earlier stage assigned")
        a = fn(a, settings)
    return a
