"""The small typed records every stage passes on: frozen, slotted dataclasses.

A record never holds a live object (no spaCy Doc, no connection): it can be pickled to a worker
process and back, compared, and written to the knowledge base as it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
    entities: tuple[EntityRecord, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    # the spaCy parse, shared by the stages that read it and dropped (`release`) before the
    # Analysis leaves the worker: records hold no live objects
    parsed: Any = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in an article body where an entity is named (or, kind `pronoun`, referred to)."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name, pronoun


@dataclass(frozen=True, slots=True)
class Role:
    """A title or office the report gives an entity, true at `as_of` (TIMEX3), not forever."""

    role: str
    as_of: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place:
    """Where a place entity is: a GazetteerEntry chosen by the report's context."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    geonameid: int | None
    precision: str  # city, admin1, country, region
    key: str  # stable identity across reports: geo:<geonameid> or iso:<code> or region:<name>


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One referent within one article: its mentions, roles and (for places) where it is.

    `key` is the cross-document identity hint (a gazetteer id, an organisation's canonical name, a
    person's full name); `public` is false for a person seen only without any office or title.
    """

    local_id: str
    name: str
    type: str
    mentions: tuple[Mention, ...]
    roles: tuple[Role, ...] = ()
    place: Place | None = None
    key: str | None = None
    public: bool = True


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement (reported speech) found in an article body.

    `kind` is `direct` (inside quotation marks; `text` without the marks) or `indirect` (the content
    clause of reported speech, without `that` and without the final period). `start`/`end` are
    character offsets into the body: `body[start:end] == text`. `speaker_name` is the fullest name
    the report gives the speaker, or an unnamed source as written (`officials in Quetta`), or None
    where no speaker can be found; `speaker_start`/`speaker_end` give the mention it was read from.
    `cue` is the reporting verb lemma or phrase (`say`, `pledge`, `according to`); `via` is whose
    report carries the statement (`state media` in "state media reported that Yusuf pledged ...").
    """

    text: str
    start: int
    end: int
    kind: str
    speaker_name: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    via: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement of fact someone makes in a report or in a reader comment (claims.jsonl).

    `text` is the statement as written: `body[start:end] == text` for the report, or a sentence of
    one reader comment (`from_comment`, `start`/`end` None). `attributed_to` is the speaker's
    fullest name or an unnamed source as written, None for the report's own voice, and always None
    for a comment (a reader, never the report). `stance` is `asserts` or `denies`; `about` the
    canonical names of the entities it is about, in order of first mention; `when` the TIMEX3 value
    of the time the statement is about (not when it was said), or None. `key` is the predicate the
    statement sets true or false, `(verb lemma, object lemma)`, e.g. `("have", "link")` for both
    "X has a thousand links" and "X has no links"; None where the statement has no clear predicate.
    """

    text: str
    start: int | None
    end: int | None
    attributed_to: str | None
    stance: str  # asserts, denies
    about: tuple[str, ...]
    when: str | None
    from_comment: bool
    key: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event read from one or more sentences of an article body.

    `modality` is `asserted`, `negated`, `hypothetical` or `future`; `attributed_to` is whose word
    the event rests on (None only where the report states it in its own voice); `fatalities_flag`
    says how a count was read where the text gives no exact figure (`vague`: ACLED's convention,
    'dozens' -> 12; `at-least`: 'more than a hundred' -> 100; `approximate`: 'nearly 200');
    `quantities` are other counts as the text gives them, (label, number) pairs; `sources` are
    (start, end) character spans of the sentences in the body.
    """

    type: str
    mode: str | None
    modality: str
    actor: tuple[str, ...]
    target: tuple[str, ...]
    location: Place | None
    location_name: str | None
    when: str | None
    fatalities: int | None
    fatalities_flag: str | None
    quantities: tuple[tuple[str, float], ...]
    attributed_to: str | None
    confidence: float
    sources: tuple[tuple[int, int], ...]
