"""Post-filters for an extracted article body: drop leftover boilerplate paragraphs.

Helpers of `newsgraph.article.html`: a paragraph is dropped only where it is short and reads like
page furniture (a "Related:" link, a newsletter pitch, an affiliate disclosure, a tweet's byline,
a gallery counter), so that article text is never lost to a loose pattern.
"""
from __future__ import annotations

import html as html_lib
import re

from lxml.html import HtmlElement

# the whole (short) paragraph is furniture
FURNITURE = re.compile(
    r"""^(?:
        (?:related(?:\s+(?:stories|articles|content|coverage|reading|links?|video))?|read\s+(?:more|next|also)|also\s+read
          |recommended(?:\s+(?:for\s+you|stories|reading))?|don['’]?t\s+miss|see\s+also|more\s+(?:from|on|coverage)
          |advertisement|sponsored(?:\s+content)?|trending(?:\s+now)?|popular\s+now|most\s+(?:read|popular)
          |continue\s+reading|watch(?:\s+(?:now|more|next|the\s+video))?|listen|top\s+stories|editor['’]s\s+picks?
          |you\s+may\s+also\s+like|you\s+might\s+also\s+like|more\s+stories)\s*(?:[:|»›>\-–—]|$)
      | \d+\s+of\s+\d+\s*$
      | (?:image|photo|gallery|video)\s+(?:credit|courtesy|source)s?\s*:
      | [—–-]\s*.{1,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$
      | pic\.twitter\.com/\S+\s*$
      | (?:advertisement|ad|skip\s+advertisement|story\s+continues\s+below(?:\s+advertisement)?)\s*$
      | (?:follow|like)\s+us\s+on\b
      | (?:get|sign\s+up\s+for|subscribe\s+to)\s+(?:the|our)\s+.{0,60}newsletter
      | (?:install|download|get)\s+the\s+.{1,40}\bapp\b
      | join\s+our\s+.{0,60}\b(?:forums?|community|newsletter|mailing\s+list)
      | like\s+this\s+story\?
      | share\s+(?:this|it)\s+(?:story|article|with)
      | (?:©|\(c\)|copyright\b.{0,60}\b(?:19|20)\d\d\b)
      | all\s+rights\s+reserved
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# a paragraph mentioning one of these anywhere is furniture when it is short
PITCH = re.compile(
    r"""(?:
        \b(?:sign\s+up|subscribe)\b.{0,80}\b(?:newsletter|inbox|alerts|updates)\b
      | \bnewsletter\s+may\s+contain\b
      | \bwe\s+(?:may\s+)?(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?(?:commission|compensation|affiliate)
      | \bhas\s+affiliate\s+partnerships\b
      | \bby\s+(?:subscribing|signing\s+up|clicking)\b.{0,80}\b(?:agree|consent)\b
      | \b(?:terms\s+of\s+(?:use|service)|privacy\s+policy)\b.{0,60}\b(?:agree|consent|accept)\b
      | \bthis\s+(?:site|website)\s+uses\s+cookies\b
      | \benable\s+javascript\b
      | \bfor\s+your\s+personal,?\s+non-?commercial\s+use\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# an author's biography closing the body: "Jane Doe is a staff writer for ..."
BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,3}(?:is|was|has\s+been|joined)\b.{0,200}\b(?:writer|reporter|editor|journalist|correspondent|"
    r"contributor|columnist|freelancer|covers|covering|author\s+of)\b",
)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def furniture(paragraph: str) -> bool:
    text = paragraph.strip()
    words = _words(text)
    if not words:
        return True
    if words <= 25 and FURNITURE.match(text):
        return True
    return words <= 60 and bool(PITCH.search(text))


def clean_body(paragraphs: list[str], authors: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """(kept paragraphs, dropped paragraphs)."""
    kept: list[str] = []
    dropped: list[str] = []
    for paragraph in paragraphs:
        (dropped if furniture(paragraph) else kept).append(paragraph)
    # a closing author biography
    while len(kept) > 3:
        last = kept[-1]
        if _words(last) <= 80 and (BIO.match(last) or any(last.startswith(a + " ") for a in authors if " " in a)) and re.search(
            r"\b(?:writer|reporter|editor|journalist|correspondent|contributor|columnist|covers|covering)\b", last
        ):
            dropped.append(kept.pop())
        else:
            break
    return kept, dropped


def _shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text.lower())
    return {tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))} if tokens else set()


def share_in(text: str, reference: str) -> float:
    """The share of `text`'s word 4-grams that occur in `reference`."""
    mine = _shingles(text)
    return len(mine & _shingles(reference)) / len(mine) if mine else 0.0


def structured_paragraphs(article_body: str) -> list[str]:
    """A JSON-LD articleBody as paragraphs (it may carry markup or entities)."""
    text = html_lib.unescape(re.sub(r"<(?:br|/p|/div|/h\d|/li)\b[^>]*>", "\n", article_body, flags=re.IGNORECASE))
    text = re.sub(r"<[^>]{0,500}>", " ", text)
    return [p for p in (re.sub(r"\s+", " ", line).strip() for line in text.split("\n")) if p]


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _own_paragraphs(container: HtmlElement) -> list[HtmlElement]:
    return [p for p in container.iter("p") if not any(a.tag in SKIP_ANCESTORS for a in p.iterancestors() if a is not container)]


SKIP_ANCESTORS = {"aside", "nav", "footer", "form", "figure", "figcaption", "blockquote", "header"}


def continuation(tree: HtmlElement, paragraphs: list[str]) -> list[str]:
    """The body with the article's later blocks where a page splits it into several containers of
    one kind (<div class="article-body"> ... ad ... <div class="article-body">) and the
    extraction kept only the first of them."""
    if len(paragraphs) < 3:
        return paragraphs
    wanted = {_key(p) for p in paragraphs if len(p) > 40}
    holders: dict[HtmlElement, int] = {}
    for p in tree.iter("p"):
        if _key(p.text_content()) in wanted:
            parent = p.getparent()
            if parent is not None:
                holders[parent] = holders.get(parent, 0) + 1
    if not holders:
        return paragraphs
    home, count = max(holders.items(), key=lambda item: item[1])
    cls = home.get("class")
    if count < 3 or not cls or not cls.strip():
        return paragraphs
    peers = [e for e in tree.iter(home.tag) if e.get("class") == cls]
    if len(peers) < 2 or len(peers) > 30:
        return paragraphs
    if any(a in peers for e in peers for a in e.iterancestors()):
        return paragraphs
    seen = set(wanted) | {_key(p) for p in paragraphs}
    after: list[str] = []
    for peer in peers[peers.index(home) + 1:]:
        texts = [re.sub(r"\s+", " ", p.text_content()).strip() for p in _own_paragraphs(peer)]
        texts = [t for t in texts if t and _key(t) not in seen]
        if sum(1 for t in texts if _words(t) > 10) < 2:
            continue
        after.extend(texts)
        seen.update(_key(t) for t in texts)
    return paragraphs + after if after else paragraphs
