"""Word lists of the temporal tagger: month, weekday, season and unit names, number words.

Everything here is data; the regular expressions built from it live in `patterns`.
"""
from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Full names are written in title case; abbreviations need their period (or a following number).
MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# Month names that are also common words: alone they need a date-like neighbour.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
WEEKDAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBR = ("Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun")

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Month in which each season is "current" for proximity reasoning (northern hemisphere news).
SEASON_MONTH: dict[str, int] = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI",
}

# Duration units -> (TIMEX3 unit letter, multiplier, is a time unit (after 'T')).
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False),
    "month": ("M", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "centurie": ("Y", 100, False), "weekend": ("WE", 1, False),
    "quarter": ("Q", 1, False),
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a couple of": 2, "a couple": 2,
    "a dozen": 12, "dozen": 12, "half a": 0, "a half": 0,
}
VAGUE_NUMBERS = frozenset({"several", "few", "a few", "many", "some", "a number of", "numerous",
                           "dozens of", "hundreds of", "a couple of", "couple of"})
VAGUE_NUMBERS_SAFE = frozenset(VAGUE_NUMBERS - {"a couple of"})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

# Words after a bare number that show it counts things and is not a year ("851 guns").
COUNT_NOUNS = frozenset("""
people persons person men women children kids guns rifles weapons troops soldiers police officers
militants fighters cases deaths dead killed injured wounded victims arrests arrested students
workers employees jobs members votes voters seats units homes houses households vehicles cars
trucks tons tonnes kilometres kilometers km miles meters metres feet acres hectares yuan dollars
euros pounds rupees yen percent per cent points calories files documents pages words copies
times items barrels shares companies firms villages towns cities schools families refugees
migrants passengers flights patients doctors species bombs rounds rockets missiles prisoners
detainees suspects terrorists protesters attacks incidents tourists visitors users customers
mw kw gw mph kg lb lbs m cm mm bn million billion trillion
""".split())

# Verbs with an irregular past form, for the tense heuristic.
IRREGULAR_PAST = frozenset("""
said told was were had did went came took gave met made left found saw began won lost held fled
sent spoke wrote became got brought struck broke fell rose drove ran led built bought sold paid
thought knew grew shot hit caught fought kept meant put read set stood taught understood wore
withdrew forbade swore threw overtook beat bore chose drew flew forgot froze hid lay rode rang
sang sank slid spent split spread stole stuck stung swept swung tore woke wound sought dealt
""".split())

# -ed words that are not past-tense verbs.
NOT_PAST_ED = frozenset("""
need speed indeed red bed seed feed hundred united limited proceed exceed succeed breed shed bleed
creed greed weed deed steed reed based armed biased concerned interested alleged supposed
""".split())
