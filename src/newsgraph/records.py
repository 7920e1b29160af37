"""The small typed records every stage passes on: frozen, slotted dataclasses.

A record never holds a live object (no spaCy Doc, no connection): it can be pickled to a worker
process and back, compared, and written to the knowledge base as it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input as a reader found it, before any extraction.

    `kind` is `text` or `html`; `payload` is the undecoded bytes (or already decoded text for
    JSON Lines, where the JSON layer has decoded it). `meta` carries what the container knew:
    url, published, headline, fetched (a WARC date), site.
    """

    source: str
    kind: str
    payload: bytes | str
    url: str | None = None
    published: str | None = None
    headline: str | None = None
    fetched: str | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file inside a folder that is not a news input (a README, an image): passed over, and said so."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an article extractor (HTML or plain text) found in one page."""

    body: str
    headline: str | None = None
    published: str | None = None  # TIMEX3 date value (YYYY-MM-DD, YYYY-MM or YYYY)
    page_timestamp: str | None = None  # a site's "Updated ..." stamp or crawl time, never `published`
    dateline: str | None = None  # e.g. BEIJING
    authors: tuple[str, ...] = ()
    site: str | None = None
    url: str | None = None
    comments: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One report as the knowledge base stores it (documents.jsonl of the export contract)."""

    id: str
    source: str
    body: str
    url: str | None = None
    site: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    headline: str | None = None
    published: str | None = None
    page_timestamp: str | None = None
    dateline: str | None = None
    comments: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    duplicate_of: str | None = None
    flags: tuple[str, ...] = ()  # e.g. "non-english": stored, not analysed


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression in an article body, normalized to a TIMEX3 value."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    anchor: str | None = None  # published, text, none
    mod: str | None = None  # START, MID, END, APPROX, ...


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the processing function returns for one input: the article and its findings.

    Each stage of `newsgraph.pipeline` takes an Analysis and returns a new one with the fields it
    assigns filled; later issues add entities, quotes, events and claims here.
    """

    raw: RawInput
    extracted: Extracted | None = None
    article: Article | None = None
    timexes: tuple[Timex, ...] = ()
    minhash: bytes | None = None
    notes: tuple[str, ...] = field(default=())
