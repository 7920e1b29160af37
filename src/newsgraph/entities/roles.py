"""Roles of people as a report gives them ("Xinjiang's party chief X", "X, chairman of Y",
"the governor of Z said … X said"), each with the date it holds at."""
from __future__ import annotations

from typing import Any

from newsgraph.entities.common import DATE_VALUE, ROLE_NOUNS, Cand, Cluster, _sent, _span_text, _text
from newsgraph.records import Role, Timex


def _as_of(doc: Any, sent: Any, published: str | None, timexes: tuple[Timex, ...]) -> str | None:
    for t in timexes:
        if sent.start_char <= t.start < sent.end_char and t.type == "DATE" and t.value and DATE_VALUE.match(t.value) \
                and _past(doc, t.start):
            return t.value
    return published


def _past(doc: Any, char: int) -> bool:
    """Whether the date at `char` hangs from a verb in the past (`was quoted as saying in October 2018`)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.lower_ in ("will", "would", "'ll", "shall", "to") for c in tok.children) or tok.tag_ in ("VB", "VBP", "VBZ"):
                return False
            if tok.tag_ in ("VBD", "VBN"):
                return True
        if tok.head is tok:
            break
        tok = tok.head
    return False


def _role_text(doc: Any, i: int, j: int) -> str:
    """`Xinjiang's Communist Party chief` -> `Communist Party chief of Xinjiang`."""
    toks = list(doc[i:j])
    for k, t in enumerate(toks):
        if t.text in ("'s", "’s") and 0 < k < len(toks) - 1:
            owner = _span_text(doc, i, i + k)
            return f"{_span_text(doc, i + k + 1, j)} of {owner}"
    return _span_text(doc, i, j)


def _roles(doc: Any, clusters: list[Cluster] | dict[str, Cluster], chosen: list[Cand], published: str | None,
           timexes: tuple[Timex, ...]) -> None:
    people = [cl for cl in (clusters.values() if isinstance(clusters, dict) else clusters) if cl.label == "PERSON"]
    tok_at = {t.idx: t.i for t in doc}
    tok_end = {t.idx + len(t.text): t.i for t in doc}
    used: set[int] = set()
    person_tok: set[int] = set()
    for cl in people:
        for s, e, kind in cl.mentions:
            if kind == "name" and s in tok_at and e in tok_end:
                person_tok.update(range(tok_at[s], tok_end[e] + 1))
    for cl in people:
        for s, e, kind in cl.mentions:
            if kind != "name" or s not in tok_at or e not in tok_end:
                continue
            i, j = tok_at[s], tok_end[e] + 1
            sent = _sent(doc, i)
            # before the name: `Sindh's party chief Liang Weiming`
            k = i
            while k > sent.start and i - k < 8 and k - 1 not in person_tok and (
                    doc[k - 1].pos_ in ("PROPN", "NOUN", "ADJ") and doc[k - 1].is_alpha or doc[k - 1].text in ("'s", "’s")):
                k -= 1
            if k < i and any(t.lower_ in ROLE_NOUNS for t in doc[k:i]) and doc[k].text not in ("'s", "’s"):
                cl.roles.append(Role(_role_text(doc, k, i), _as_of(doc, sent, published, timexes), doc[k].idx, doc[i - 1].idx + len(doc[i - 1].text)))
                used.update(range(k, i))
            # after the name: `Amina Yusuf, chairwoman of the Sindh provincial assembly,`
            if j < sent.end and doc[j].text == ",":
                a = j + 1
                while a < sent.end and doc[a].lower_ in ("a", "an", "the"):
                    a += 1
                b = a
                while b < sent.end and b - a < 14 and doc[b].text not in (",", ".", ";", ":", ")", "—", "–", '"', "“", "”"):
                    b += 1
                words = doc[a:b]
                if b > a and any(t.lower_ in ROLE_NOUNS for t in list(words)[:4]) and not any(t.pos_ in ("VERB", "AUX") for t in words) \
                        and not any(t in person_tok for t in range(a, b)):
                    cl.roles.append(Role(_role_text(doc, a, b), _as_of(doc, sent, published, timexes), doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
                    used.update(range(a, b))
    # `the governor of the province said ...`, then `Amina Yusuf said`: a role named before the person
    first_at = {}
    for cl in people:
        full = [m for m in cl.mentions if m[2] == "name" and len(_text(doc)[m[0]:m[1]].split()) >= 2]
        if full:
            first_at[id(cl)] = min(m[0] for m in full)
    sents = list(doc.sents)
    for tok in doc:
        if tok.lower_ not in ROLE_NOUNS or tok.tag_ != "NN" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.i in used:
            continue
        if not any(ch.dep_ == "poss" or ch.lower_ == "the" for ch in tok.children):
            continue
        a, b = tok.left_edge.i, tok.right_edge.i + 1
        while a < b and doc[a].lower_ in ("the", "a", "an"):
            a += 1
        if any(t in person_tok for t in range(a, b)) or b - a > 10:
            continue
        si = next(n for n, s in enumerate(sents) if s.start <= tok.i < s.end)
        limit = sents[min(si + 3, len(sents) - 1)].end_char
        later = sorted((at, n) for n, cl in enumerate(people) if (at := first_at.get(id(cl))) is not None
                       and tok.idx < at <= limit)
        if later:
            cl = people[later[0][1]]
            cl.roles.append(Role(_role_text(doc, a, b), _as_of(doc, sents[si], published, timexes), doc[a].idx,
                                 doc[b - 1].idx + len(doc[b - 1].text)))
            used.update(range(a, b))


# -- records ---------------------------------------------------------------------------------------
