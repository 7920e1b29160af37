"""Candidate entity spans in a parsed report: spaCy's entities (filtered and, with evidence,
retyped), the organisation alias table, and gazetteer places with the evidence that makes a common
word a place."""
from __future__ import annotations

from typing import Any

from newsgraph.entities.common import (
    ADMIN_NOUNS,
    COMPASS,
    COURTESY,
    DESIGNATORS,
    FEATURE_WORDS,
    GENERIC_ORG,
    HYPHEN_PREFIX,
    HYPHEN_WORD,
    KEEP,
    LOCATIVE,
    MONTHS,
    NOT_NAMES,
    PLACE_HEADS,
    PLACE_LABELS,
    PLACE_OWNED,
    ROLE_NOUNS,
    STRONG_LOCATIVE,
    Cand,
    _cap,
    _sent,
    _span_text,
)
from newsgraph.places.gazetteer import Entry, Gazetteer, fold


def _spacy_cands(doc: Any, gaz: Gazetteer) -> list[Cand]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        i, j = ent.start, ent.end
        while i < j and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        while j > i and doc[j - 1].text in ("'s", "’s", "'", "’"):
            j -= 1
        if i >= j:
            continue
        text = _span_text(doc, i, j)
        words = [t.lower_ for t in doc[i:j]]
        if not any(c.isupper() for c in text) or fold(text) in NOT_NAMES:
            continue
        if ent.label_ != "ORG" and any(t.like_num or any(c.isdigit() for c in t.text) for t in doc[i:j]):
            continue
        if ent.label_ == "PERSON" and any(w.rstrip(".") in MONTHS for w in words):
            continue
        if j - i == 1 and ent.label_ == "ORG" and words[0] in GENERIC_ORG:
            continue
        m = HYPHEN_WORD.match(text)
        if m and (m.group(1).lower() in HYPHEN_PREFIX or gaz.lookup(m.group(1)) or gaz.demonym(m.group(1))[0]):
            continue  # Sino-Pakistan, Pak-China: a modifier naming two countries, not an entity
        out.append(Cand(i, j, ent.label_, "spacy", 1))
    return out


PERSON_NOUNS = {
    "worker", "driver", "resident", "student", "teacher", "farmer", "doctor", "nurse", "journalist", "reporter",
    "photographer", "activist", "witness", "victim", "suspect", "man", "woman", "boy", "girl", "father", "mother",
    "son", "daughter", "husband", "wife", "brother", "sister", "shopkeeper", "vendor", "trader", "businessman",
    "businesswoman", "engineer", "soldier", "fisherman", "pilot", "villager", "pupil", "citizen",
    "mechanic", "labourer", "laborer", "miner", "guard", "refugee", "migrant", "survivor", "relative", "neighbour",
    "neighbor", "owner", "employee", "worshipper", "pensioner", "veteran", "retiree", "tourist", "passenger",
}


def _person_evidence(doc: Any, cands: list[Cand], gaz: Gazetteer) -> None:
    """A two- or three-word proper name the small model calls an organisation or a place is a person
    where the sentence says so: an age after it (`X Y, 34,`), a person noun in apposition
    (`…, a crane driver,` / `A dock worker, X Y,`) or before it (`driver X Y`), or a courtesy title."""
    for c in cands:
        if c.label not in ("ORG", "GPE", "NORP", "FAC"):
            continue
        toks = doc[c.start:c.end]
        if not 2 <= len(toks) <= 3 or not all(t.pos_ == "PROPN" and t.is_alpha and _cap(t) for t in toks):
            continue
        if gaz.lookup(_span_text(doc, c.start, c.end)) or any(t.lower_ in GENERIC_ORG for t in toks):
            continue
        sent = _sent(doc, c.start)
        after = [t for t in doc[c.end:min(sent.end, c.end + 8)]]
        before = doc[c.start - 1] if c.start > sent.start else None
        age = len(after) >= 3 and after[0].text == "," and after[1].like_num and after[2].text in (",", ")", "-", "–")
        apposition = bool(after) and after[0].text == "," and any(
            t.lower_ in PERSON_NOUNS or t.lower_ in ROLE_NOUNS for t in after[1:6] if t.pos_ == "NOUN")
        titled = before is not None and (before.lower_ in COURTESY or before.lower_ in PERSON_NOUNS)
        # `A dock worker, Tunde Bakare, was ...`
        introduced = before is not None and before.text == "," and any(
            t.lower_ in PERSON_NOUNS for t in doc[max(sent.start, c.start - 5):c.start - 1] if t.pos_ == "NOUN")
        if age or apposition or titled or introduced:
            c.label = "PERSON"


def _sentence_caps(tok: Any) -> bool:
    sent = _sent(tok.doc, tok.i)
    alpha = [t for t in sent if t.is_alpha]
    return bool(alpha) and sum(t.is_upper for t in alpha) > 0.6 * len(alpha)


def _alias_cands(doc: Any, aliases: dict[str, str]) -> list[Cand]:
    out: list[Cand] = []
    n = len(doc)
    i = 0
    canon_seen = set()
    pending: list[tuple[Cand, bool]] = []
    while i < n:
        tok = doc[i]
        if not (tok.text[:1].isupper() or tok.lower_ in ("al", "el")):
            i += 1
            continue
        hit = None
        for k in range(min(9, n - i), 0, -1):
            last = doc[i + k - 1]
            if not last.text[:1].isalpha():
                continue
            text = _span_text(doc, i, i + k)
            if text in aliases and text.replace(".", "").isupper():
                hit = (k, aliases[text], True)
                break
            if fold(text) in aliases and not text.replace(".", "").isupper() and last.text[:1].isupper():
                hit = (k, aliases[fold(text)], False)
                break
        if hit is None:
            i += 1
            continue
        k, canon, acronym = hit
        cand = Cand(i, i + k, "ORG", "alias", 5, name=canon)
        if acronym:
            if _sentence_caps(tok):
                i += k
                continue
            nxt = doc[i + k].lower_ if i + k < n else ""
            pending.append((cand, nxt in ("militants", "militant", "fighters", "group", "threat", "jihadists",
                                          "forces", "members", "troops", "officials", "spokesman", "said")))
        else:
            canon_seen.add(canon)
            out.append(cand)
        i += k
    for cand, context in pending:
        # a bare acronym counts where the report also spells the name out, or the words around it say what it is
        if cand.name in canon_seen or context or len(doc[cand.start].text) >= 3:
            out.append(cand)
    return out


def _place_cands(doc: Any, gaz: Gazetteer, spacy_label: dict[int, tuple[str, int, int]]) -> list[Cand]:
    out: list[Cand] = []
    n = len(doc)
    maxw = min(gaz.max_words, 6)
    i = 0
    while i < n:
        tok = doc[i]
        if not _cap(tok) or not tok.text[:1].isalpha():
            i += 1
            continue
        hit = None
        state = gaz.abbreviations.get(tok.text)
        if state is not None and i >= 2 and doc[i - 1].text == "," and _cap(doc[i - 2]):
            hit = (1, "place", [state])  # `Springfield, Ill.`
        for k in range(min(maxw, n - i), 0, -1):
            if hit is not None:
                break
            last = doc[i + k - 1]
            if not _cap(last) and last.text not in (".",):
                continue
            text = _span_text(doc, i, i + k)
            key = fold(text)
            if key in gaz.places and (key in gaz.mixed_case or text.replace(".", "").isupper()):
                hit = (k, "place", gaz.places[key])
                break
            if key in gaz.demonyms:
                hit = (k, "demonym", [])
                break
        if hit is None:
            i += 1
            continue
        k, kind, entries = hit
        before = doc[i - 1] if i > 0 else None
        after = doc[i + k] if i + k < n else None
        if (after is not None and after.text == "-" and not doc[i + k - 1].whitespace_) or (
                before is not None and before.text == "-" and not before.whitespace_):
            i += k
            continue  # Pak-China, Sino-Pakistan: a modifier, not a mention of the place
        if kind == "demonym":
            out.append(Cand(i, i + k, "NORP", "demonym", 3))
            i += k
            continue
        if after is not None and _cap(after) and after.lower_ in FEATURE_WORDS or (
                before is not None and _cap(before) and before.lower_ in FEATURE_WORDS):
            i += k
            continue  # the Illinois River, Lake Victoria: a part of a natural feature's name
        j = i + k
        # Ningxia Hui Autonomous Region, Kandahar Province: the designator belongs to the name
        if any(e.kind in ("admin1", "city") for e in entries):
            for skip in (0, 1):
                ext = None
                for des in DESIGNATORS:
                    s = j + skip
                    if s + len(des) <= n and all(doc[s + d].lower_ == w and _cap(doc[s + d]) for d, w in enumerate(des)) \
                            and (skip == 0 or (_cap(doc[j]) and doc[j].is_alpha)):
                        ext = s + len(des)
                        break
                if ext:
                    j = ext
                    break
        label = "LOC" if all(e.kind == "region" for e in entries) else "GPE"
        out.append(Cand(i, j, label, "place", 3, entries=list(entries),
                        strong=_place_evidence(doc, i, i + k, entries, _own_label(doc, i, spacy_label, gaz))))
        i = j
    _coordinated(doc, out, spacy_label)
    return out


def _own_label(doc: Any, i: int, spacy_label: dict[int, tuple[str, int, int]],
               gaz: Gazetteer) -> dict[int, tuple[str, int, int]]:
    """spaCy's labels, less a span made only of gazetteer names and `and`/`to`/`,` (`Florence and
    Milan` as one organisation): its label says nothing of the names in it."""
    label = spacy_label.get(i)
    if label is None or label[0] in PLACE_LABELS or label[2] - label[1] < 3:
        return spacy_label
    parts: list[list[Any]] = [[]]
    for t in doc[label[1]:label[2]]:
        if t.lower_ in ("and", "or", "to", ",", "&"):
            parts.append([])
        else:
            parts[-1].append(t)
    if len(parts) < 2 or not all(p and gaz.lookup(" ".join(t.text for t in p)) for p in parts):
        return spacy_label
    return {k: v for k, v in spacy_label.items() if not label[1] <= k < label[2]}


def _coordinated(doc: Any, cands: list[Cand], spacy_label: dict[int, tuple[str, int, int]]) -> None:
    """A name joined by `and`, `or` or a comma to a place the report is sure of is a place too
    (`Kisumu and Kakamega`, `Faenza, Forli and Cesena`), unless it is part of a longer person's name."""
    places = [c for c in cands if c.source == "place"]
    for _ in range(2):
        for a, b in zip(places, places[1:], strict=False):
            if a.strong == b.strong or b.start != a.end + 1 or doc[a.end].lower_ not in ("and", "or", ","):
                continue
            weak = b if a.strong else a
            label = spacy_label.get(weak.start)
            if label and label[0] == "PERSON" and label[2] - label[1] > weak.end - weak.start:
                continue
            weak.strong = True


# lower-case words inside multi-word place names (Rio Grande do Sul, San Antonio del Tachira)
NAME_JOINERS = {"of", "and", "de", "la", "el", "al", "do", "da", "dos", "das", "del", "di", "du", "des", "le", "los",
                "las", "y", "upon", "on", "sur", "am", "an", "der"}


def _in_dateline(doc: Any, i: int, j: int) -> bool:
    """Whether tokens [i, j) lie in an opening dateline: `BEIRUT —`, `BAMAKO, Mali —`, `DHAKA:`."""
    if not doc or not doc[0].text.isupper() or not doc[0].is_alpha or len(doc[0].text) < 3:
        return False
    for k in range(1, min(len(doc), 8)):
        text = doc[k].text
        if text in (":", "—", "–", "--", "-", "(") or text.startswith("—"):
            return j <= k and all(t.text[:1].isupper() or t.is_punct for t in doc[:k])
    return False


def _admin_noun_after(doc: Any, j: int) -> bool:
    """A lower-case subdivision word right after the name, or after `and Y` (`Lviv and Ivano-Frankivsk regions`)."""
    n = len(doc)
    if j < n and doc[j].lower_ in ADMIN_NOUNS and not _cap(doc[j]):
        return True
    if j < n and doc[j].lower_ in ("and", "or"):
        k = j + 1
        while k < n and k <= j + 4 and (_cap(doc[k]) or doc[k].text == "-"):
            k += 1
        return k > j + 1 and k < n and doc[k].lower_ in ADMIN_NOUNS and not _cap(doc[k])
    return False


def _place_evidence(doc: Any, i: int, j: int, entries: list[Entry], spacy_label: dict[int, tuple[str, int, int]]) -> bool:
    """Whether the name is a place here without help from the rest of the report."""
    tok = doc[i]
    label = spacy_label.get(i)
    exact = label is not None and label[1] == i and label[2] == j
    if label and label[0] == "PERSON" and label[2] - label[1] > j - i:
        return False  # a part of a person's name (Paris Hilton)
    if exact and label and label[0] in PLACE_LABELS:
        return True
    if _in_dateline(doc, i, j):
        return True  # a dateline: `DHAKA:`, `QUETTA, Pakistan —`, `SPRINGFIELD, Ill. —`
    if j - i > 1:
        return all(t.pos_ == "PROPN" or t.is_punct or t.lower_ in NAME_JOINERS for t in doc[i:j])
    if tok.pos_ != "PROPN" or tok.lower_ in COMPASS:
        return False
    kinds = {e.kind for e in entries}
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[j].text if j < len(doc) else ""
    single = not label or (exact and j - i == 1)
    if single and _admin_noun_after(doc, j):
        return True  # `the Donetsk region`, `Zamfara and Niger states`
    if single and nxt in ("'s", "’s") and any(t.lower_ in PLACE_OWNED for t in doc[j + 1:j + 4]) and (
            not label or label[0] != "PERSON" or kinds & {"country", "admin1"}
            or max((e.population for e in entries), default=0) >= 100_000):
        return True  # `Bologna's airport`, `Mali's army`
    if exact and label and label[0] == "NORP" and "city" in kinds:
        return True  # the small model calls many a town a nationality (`a charge Kigali denies`)
    if exact and label and label[0] == "PERSON" and prev in LOCATIVE and "city" in kinds and max(
            (e.population for e in entries), default=0) >= 250_000:
        return True  # `reinforcements arrived from Lyon`
    if _sent(doc, i).start == i or (i > 0 and doc[i - 1].is_punct and doc[i - 1].text not in (",",)):
        # `Peshawar, near the Afghan border, ...`, `Hyderabad, the capital of ...`: the apposition says so
        if nxt == "," and (not label or label[0] != "PERSON" or exact) and any(
                t.lower_ in PLACE_HEADS or t.lower_ in ("near", "in", "located", "on", "capital") for t in doc[j + 1:j + 5]):
            return True
        return bool(kinds & {"country", "region"}) and not label
    if prev in LOCATIVE and (not label or label[0] in PLACE_LABELS):
        return True
    # the small model calls many a town an organisation or a person; a preposition of place before
    # the bare name outweighs it (a longer name it is part of has been ruled out above)
    if exact and label and j - i == 1 and (
            (label[0] in ("ORG", "NORP") and prev in LOCATIVE) or (label[0] == "PERSON" and prev in STRONG_LOCATIVE)
            or (prev in ("of", "with") and i > 1 and doc[i - 2].lower_ in PLACE_HEADS)):
        return True
    if kinds & {"country", "admin1", "region"} and not label:
        return True
    return bool(max((e.population for e in entries), default=0) >= 1_000_000 and not label)
