"""Counts as the text gives them: the killed ('left five people dead'), the injured, and other
quantities ('confiscated 851 guns', 'assets worth 62.1 billion yuan').

Vague counts follow ACLED's convention only with a flag: 'dozens' -> 12 ('vague'), 'hundreds' -> 100;
'more than a hundred' -> 100 ('at-least'); 'nearly 200' -> 200 ('approximate'). 'Several', 'many'
give nothing: no figure is invented to fill a gap.
"""
from __future__ import annotations

import re
from typing import Any

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "a dozen": 12, "dozen": 12}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}
APPROX = {"nearly", "almost", "about", "around", "some", "roughly", "approximately", "up to", "close to"}
AT_LEAST = {"at least", "more than", "over", "upwards of", "no fewer than", "in excess of"}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_QUAL = "|".join(sorted([*APPROX, *AT_LEAST], key=len, reverse=True))
NUM = (rf"(?:(?:{_QUAL})\s+)?(?:\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|thousand|hundred))?"
       rf"|dozens|scores|hundreds|thousands|(?:(?:{_WORD})(?:[\s-]+(?:and\s+)?(?:{_WORD}))*))")
_N = rf"(?P<n>{NUM})"
_FILL = r"(?:[\w'-]+\s+){0,4}?"
DEATH_PATTERNS = tuple(re.compile(p, re.I) for p in (
    rf"\b(?:kill(?:ed|ing|s)?|slew|slain|massacred|execut(?:ed|ing))\s+(?:at least\s+|more than\s+)?{_N}\b",
    rf"\bshot\s+dead\s+{_N}\b",
    rf"\b(?:left|leaving|leaves|leave)\s+{_N}\s+{_FILL}dead\b",
    rf"\bclaim(?:ed|ing|s)?\s+the\s+lives\s+of\s+{_N}",
    rf"\bclaim(?:ed|ing|s)?\s+{_N}\s+lives\b",
    rf"\bdeath\s+toll\s+{_FILL}(?:to|at|of|reached|hit)\s+{_N}\b",
    rf"(?<![\w.,]){_N}\s+{_FILL}(?:(?:were|was|have\s+been|had\s+been|are|being)\s+)?(?:killed|dead|died|slain|perished|deaths|fatalities)\b",
))
INJURY_PATTERNS = tuple(re.compile(p, re.I) for p in (
    rf"\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es))\s+{_N}\b",
    rf"(?<![\w.,]){_N}\s+{_FILL}(?:(?:were|was|have\s+been|had\s+been|are)\s+)?(?:wounded|injured|hurt)\b",
))


def parse_number(text: str) -> tuple[float, str | None] | None:
    """The value of a number as written ('851', '79,270', 'five', 'twenty-three', '62.1 billion',
    'dozens', 'more than a hundred') and a flag for how it was read (None where exact)."""
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    flag = None
    for qual in sorted(AT_LEAST | APPROX, key=len, reverse=True):
        if t.startswith(qual + " "):
            flag = "at-least" if qual in AT_LEAST else "approximate"
            t = t[len(qual) + 1:]
            break
    if t in VAGUE:
        return float(VAGUE[t]), "vague"
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(?: (million|billion|thousand|hundred))?", t)
    if m:
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        return value * (SCALES[m.group(2)] if m.group(2) else 1), flag
    total, current, seen = 0, 0, False
    for word in t.replace(" and ", " ").split():
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word == "dozen":
            current = max(current, 1) * 12
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    if t in {"a", "an"}:
        return None
    return float(value), flag


def _first(patterns: tuple[re.Pattern[str], ...], text: str) -> tuple[int, str | None] | None:
    for pattern in patterns:
        for m in pattern.finditer(text):
            got = parse_number(m.group("n"))
            if got is not None and got[0] >= 1 and float(got[0]).is_integer():
                return int(got[0]), got[1]
    return None


def fatalities(sentence: str) -> tuple[int | None, str | None]:
    """Killed, as the sentence gives it: (count, flag) or (None, None)."""
    if len(sentence) > 2000:  # a runaway sentence (a table read as text): look at its start only
        sentence = sentence[:2000]
    got = _first(DEATH_PATTERNS, sentence)
    return got if got else (None, None)


def injured(sentence: str) -> int | None:
    got = _first(INJURY_PATTERNS, sentence[:2000])
    return got[0] if got else None


def _label_of(tok: Any) -> str:
    """The noun phrase of a counted object without its number: 'criminal cases'."""
    keep = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod") and t.head == tok] + [tok]
    return " ".join(t.text.lower() for t in sorted(keep, key=lambda t: t.i))


def _participle(verb: Any) -> str:
    if verb.tag_ in ("VBN", "VBD"):
        return str(verb.text.lower())
    lemma = str(verb.lemma_.lower())
    return lemma + ("d" if lemma.endswith("e") else "ed")


def _count(tok: Any) -> tuple[float, str | None] | None:
    nums = [c for c in tok.children if c.dep_ == "nummod" or (c.dep_ == "quantmod" and c.like_num)]
    if not nums:
        return None
    num = nums[0]
    words = [t for t in num.subtree if t.i < tok.i]
    return parse_number(" ".join(t.text for t in words))


def quantities(verbs: list[Any]) -> list[tuple[str, float]]:
    """Counted objects of the event's verbs: `confiscated 851 guns` -> ('guns confiscated', 851)."""
    out: list[tuple[str, float]] = []
    for verb in verbs:
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "nsubjpass"):
                continue
            head = obj
            if obj.like_num or obj.lemma_.lower() in VAGUE:  # 'arrested 45', 'thousands of people'
                pobj = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
                got = parse_number(" ".join(t.text for t in obj.subtree if t.i <= obj.i))
                if got:
                    out.append((f"{_label_of(pobj) if pobj is not None else 'people'} {_participle(verb)}", got[0]))
                continue
            got = _count(head)
            if got:
                out.append((f"{_label_of(head)} {_participle(verb)}", got[0]))
            worth = next((c for c in head.children if c.lower_ in ("worth", "valued")), None)
            if worth is not None:
                money = [t for t in worth.subtree if t.i > worth.i]
                unit = next((t for t in money if t.pos_ in ("NOUN", "PROPN") and not t.like_num), None)
                value = parse_number(" ".join(t.text for t in money if t.like_num or t.lower_ in SCALES))
                if value and unit is not None:
                    out.append((f"{_label_of(head)} {_participle(verb)} ({unit.text.lower()})", value[0]))
    return out
