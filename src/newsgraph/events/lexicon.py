"""Trigger lexicons for the 16 PLOVER event types and their modes (PLOVER manual 2.0).

A trigger is `(type, mode, weight)`: `mode` is a PLOVER mode or None (read from the context later),
`weight` is how often the word means that event in news text (the base of an event's confidence):
`bomb` nearly always is an attack, `hit` or `support` often is not.
"""
from __future__ import annotations

Trigger = tuple[str, "str | None", float]

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

MODES: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
}


def _many(words: str, trigger: Trigger) -> dict[str, Trigger]:
    return {w: trigger for w in words.split()}


# verbs by lemma -------------------------------------------------------------------------------------
VERBS: dict[str, Trigger] = {
    **_many("attack assault strike raze", ("ASSAULT", None, 0.7)),
    **_many("storm pound strafe blitz retaliate overrun", ("ASSAULT", None, 0.6)),
    **_many("hurt", ("ASSAULT", None, 0.5)),
    **_many("detonate", ("ASSAULT", "explosives", 0.85)),
    **_many("behead decapitate lynch", ("ASSAULT", None, 0.9)),
    **_many("kill murder slay massacre slaughter ambush", ("ASSAULT", None, 0.85)),
    **_many("wound injure maim", ("ASSAULT", None, 0.7)),
    **_many("bomb", ("ASSAULT", "explosives", 0.85)),
    **_many("shoot gun", ("ASSAULT", "firearms", 0.8)),
    **_many("stab", ("ASSAULT", "primitive", 0.8)),
    **_many("shell bombard", ("ASSAULT", "heavy-weapons", 0.8)),
    **_many("kidnap abduct", ("ASSAULT", "abduct", 0.9)),
    **_many("beat", ("ASSAULT", "beat", 0.55)),
    **_many("torture", ("ASSAULT", "torture", 0.9)),
    **_many("rape", ("ASSAULT", "sexual", 0.9)),
    **_many("assassinate", ("ASSAULT", "targeted", 0.95)),
    **_many("torch destroy demolish burn bulldoze", ("ASSAULT", "destroy", 0.6)),
    **_many("clash crush", ("ASSAULT", None, 0.6)),
    **_many("protest demonstrate rally march picket", ("PROTEST", "demo", 0.75)),
    **_many("riot loot", ("PROTEST", "riot", 0.8)),
    **_many("boycott", ("PROTEST", "boycott", 0.85)),
    **_many("vandalize vandalise deface", ("PROTEST", "vandalize", 0.85)),
    **_many("blockade barricade", ("PROTEST", "obstruct", 0.6)),
    **_many("arrest detain apprehend nab bust handcuff", ("COERCE", "arrest", 0.9)),
    **_many("seize confiscate impound raid", ("COERCE", "seize", 0.75)),
    **_many("ban outlaw prohibit restrict prevent curb", ("COERCE", "restrict", 0.55)),
    **_many("censor", ("COERCE", "censor", 0.85)),
    **_many("deport", ("COERCE", "deport", 0.9)),
    **_many("withhold", ("COERCE", "withhold", 0.7)),
    **_many("hack", ("COERCE", "cyber", 0.5)),
    **_many("sentence convict jail imprison", ("SANCTION", "convict", 0.85)),
    **_many("expel", ("SANCTION", "expel", 0.75)),
    **_many("fine sanction embargo blacklist", ("SANCTION", None, 0.75)),
    **_many("accuse charge indict sue prosecute", ("ACCUSE", "allege", 0.8)),
    **_many("blame", ("ACCUSE", None, 0.85)),
    **_many("allege", ("ACCUSE", "allege", 0.6)),
    **_many("brand", ("ACCUSE", "disapprove", 0.55)),
    **_many("fault berate chastise castigate lambast lambaste", ("ACCUSE", "disapprove", 0.75)),
    **_many("criticize criticise condemn denounce slam decry censure deplore rebuke", ("ACCUSE", "disapprove", 0.85)),
    **_many("investigate probe", ("ACCUSE", "investigate", 0.8)),
    **_many("oppose", ("ACCUSE", "disapprove", 0.45)),
    **_many("reject refuse dismiss veto rebuff spurn snub repudiate", ("REJECT", None, 0.75)),
    **_many("deny", ("REJECT", None, 0.55)),
    **_many("threaten", ("THREATEN", None, 0.85)),
    **_many("deploy mobilize mobilise mass dispatch station", ("MOBILIZE", None, 0.7)),
    **_many("recruit", ("MOBILIZE", "militia", 0.6)),
    **_many("cooperate collaborate coordinate", ("COOPERATE", None, 0.75)),
    **_many("ally", ("COOPERATE", None, 0.6)),
    **_many("agree ratify", ("AGREE", None, 0.75)),
    **_many("accept", ("AGREE", None, 0.55)),
    **_many("meet negotiate discuss", ("CONSULT", None, 0.7)),
    **_many("visit host", ("CONSULT", "visit", 0.75)),
    **_many("telephone phone", ("CONSULT", "phone", 0.8)),
    **_many("mediate broker", ("CONSULT", "third-party", 0.8)),
    **_many("praise commend endorse hail applaud congratulate welcome laud", ("SUPPORT", None, 0.8)),
    **_many("back support recognize recognise", ("SUPPORT", None, 0.5)),
    **_many("apologize apologise concede relent", ("CONCEDE", None, 0.85)),
    **_many("compensate pardon commute", ("CONCEDE", None, 0.7)),
    **_many("withdraw retreat", ("RETREAT", "withdraw", 0.7)),
    **_many("release free", ("RETREAT", "release", 0.7)),
    **_many("disarm demobilize demobilise", ("RETREAT", "disarm", 0.85)),
    **_many("resign quit", ("RETREAT", "resign", 0.85)),
    **_many("demand urge request petition implore beseech exhort entreat", ("REQUEST", None, 0.85)),
    **_many("appeal plead ask encourage press pressure pressurise pressurize", ("REQUEST", None, 0.6)),
    **_many("donate", ("AID", None, 0.85)),
    **_many("evacuate rescue treat", ("AID", None, 0.5)),
}

# verb + particle ------------------------------------------------------------------------------------
PHRASAL: dict[tuple[str, str], Trigger] = {
    ("blow", "up"): ("ASSAULT", "explosives", 0.85),
    ("shoot", "down"): ("ASSAULT", "firearms", 0.8),
    ("round", "up"): ("COERCE", "arrest", 0.85),
    ("crack", "down"): ("COERCE", None, 0.75),
    ("pull", "out"): ("RETREAT", "withdraw", 0.85),
    ("pull", "back"): ("RETREAT", "withdraw", 0.8),
    ("step", "down"): ("RETREAT", "resign", 0.85),
    ("walk", "off"): ("PROTEST", "strike", 0.7),
    ("walk", "out"): ("PROTEST", "strike", 0.6),
    ("turn", "down"): ("REJECT", None, 0.8),
    ("vote", "down"): ("REJECT", None, 0.85),
    ("rule", "out"): ("REJECT", None, 0.7),
    ("call", "for"): ("REQUEST", None, 0.85),
    ("call", "on"): ("REQUEST", None, 0.8),
    ("back", "down"): ("CONCEDE", None, 0.85),
    ("give", "in"): ("CONCEDE", None, 0.8),
    ("bow", "to"): ("CONCEDE", None, 0.75),
    ("set", "fire"): ("ASSAULT", "destroy", 0.8),
    ("open", "fire"): ("ASSAULT", "firearms", 0.9),
    ("gun", "down"): ("ASSAULT", "firearms", 0.9),
    ("pick", "off"): ("ASSAULT", "firearms", 0.75),
    ("seal", "off"): ("COERCE", "restrict", 0.75),
    ("cordon", "off"): ("COERCE", "restrict", 0.75),
    ("mow", "down"): ("ASSAULT", "firearms", 0.8),
    ("lash", "out"): ("ACCUSE", "disapprove", 0.8),
    ("hit", "out"): ("ACCUSE", "disapprove", 0.75),
    ("brush", "aside"): ("REJECT", None, 0.8),
    ("brush", "off"): ("REJECT", None, 0.8),
    ("shrug", "off"): ("REJECT", None, 0.7),
    ("vote", "against"): ("REJECT", None, 0.8),
    ("settle", "on"): ("AGREE", None, 0.7),
    ("sign", "up"): ("AGREE", None, 0.6),
    ("call", "up"): ("MOBILIZE", "troops", 0.6),
    ("draft", "in"): ("MOBILIZE", None, 0.7),
    ("bring", "in"): ("MOBILIZE", None, 0.45),
    ("fire", "on"): ("ASSAULT", "firearms", 0.8),
    ("fire", "at"): ("ASSAULT", "firearms", 0.8),
    ("wave", "away"): ("REJECT", None, 0.8),
    ("wave", "aside"): ("REJECT", None, 0.8),
    ("wave", "off"): ("REJECT", None, 0.75),
    ("team", "up"): ("COOPERATE", None, 0.8),
    ("rain", "down"): ("ASSAULT", "heavy-weapons", 0.6),
}

# verbs whose object decides the event: verb lemmas -> {object lemma: trigger} -----------------------
_IMPOSE: dict[str, Trigger] = {"sanction": ("SANCTION", None, 0.9), "embargo": ("SANCTION", None, 0.9),
           "curfew": ("COERCE", "curfew", 0.9), "law": ("COERCE", "martial-law", 0.6),
           "ban": ("COERCE", "restrict", 0.8), "restriction": ("COERCE", "restrict", 0.8),
           "blockade": ("COERCE", "restrict", 0.8), "fine": ("SANCTION", None, 0.8),
           "freeze": ("SANCTION", None, 0.85), "penalty": ("SANCTION", None, 0.8), "tariff": ("SANCTION", None, 0.6),
           "sentence": ("SANCTION", "convict", 0.85)}
_EASE: dict[str, Trigger] = {w: ("CONCEDE", None, 0.85) for w in "sanction embargo curfew ban restriction emergency blockade siege tax law".split()}
_CUT: dict[str, Trigger] = {w: ("SANCTION", "discontinue", 0.85) for w in "tie relation aid assistance talk trade cooperation funding loan".split()}
# 'halted attacks on the pipelines', 'paused the offensive': hostilities stopped
_HOSTILITIES: dict[str, Trigger] = {w: ("RETREAT", "ceasefire", 0.8) for w in """attack offensive bombing bombardment shelling
    fighting hostility airstrike air-strike raid assault""".split()}
_CENSOR: dict[str, Trigger] = {w: ("COERCE", "censor", 0.8) for w in "internet website broadcast signal newspaper".split()}
# news media shut or suspended by an authority: censorship
_MEDIA: dict[str, Trigger] = {w: ("COERCE", "censor", 0.8) for w in """station channel broadcaster newspaper paper outlet
    publication magazine website radio television tv network""".split()}
_RECALL: dict[str, Trigger] = {w: ("SANCTION", "withdraw", 0.85) for w in "ambassador envoy diplomat".split()}
_AID_OBJ: dict[str, Trigger] = {w: ("AID", None, 0.8) for w in """aid assistance relief supply supplies food medicine medicines blanket
    tent vaccine fund loan shelter water ration rations grain flour kit tarpaulin generator""".split()}
_DISARM: dict[str, Trigger] = {w: ("RETREAT", "disarm", 0.85) for w in "weapon arm gun".split()}
_ACCESS: dict[str, Trigger] = {"access": ("RETREAT", "access", 0.8)}
_OPEN: dict[str, Trigger] = {w: ("RETREAT", "access", 0.75) for w in "border crossing corridor road airspace checkpoint".split()}
_CLOSE: dict[str, Trigger] = {w: ("COERCE", "restrict", 0.75) for w in "border crossing road airspace checkpoint school mosque church office".split()}
_BLOCK: dict[str, Trigger] = {"access": ("COERCE", "censor", 0.6), "website": ("COERCE", "censor", 0.85), "internet": ("COERCE", "censor", 0.85),
          "road": ("PROTEST", "obstruct", 0.7), "highway": ("PROTEST", "obstruct", 0.8), "street": ("PROTEST", "obstruct", 0.6),
          **{w: ("PROTEST", "obstruct", 0.7) for w in "motorway railway junction bridge entrance".split()}}
_SPREAD: dict[str, Trigger] = {w: ("COERCE", "misinformation", 0.8) for w in "misinformation disinformation propaganda information rumour rumor lie".split()}
_SECURITY: dict[str, Trigger] = {w: ("MOBILIZE", "police", 0.75) for w in "security patrol presence police policing checkpoint".split()}
_SEND: dict[str, Trigger] = {"troop": ("MOBILIZE", "troops", 0.8), "soldier": ("MOBILIZE", "troops", 0.8), "tank": ("MOBILIZE", "troops", 0.75),
         "reinforcement": ("MOBILIZE", None, 0.75), "police": ("MOBILIZE", "police", 0.75), "officer": ("MOBILIZE", "police", 0.6),
         "missile": ("MOBILIZE", "weapons", 0.75), "weapon": ("MOBILIZE", "weapons", 0.6), "fighter": ("MOBILIZE", "militia", 0.7),
         "battery": ("MOBILIZE", "weapons", 0.7), "army": ("MOBILIZE", "troops", 0.7), "warship": ("MOBILIZE", "troops", 0.75),
         **{w: ("MOBILIZE", "troops", 0.75) for w in "battalion brigade regiment division reservist paratrooper marine commando peacekeeper unit".split()}}
_SIGN: dict[str, Trigger] = {w: ("AGREE", None, 0.85) for w in "agreement deal accord treaty pact memorandum contract truce bargain compromise".split()}
# 'put / placed the army on alert'
_PUT: dict[str, Trigger] = {"blame": ("ACCUSE", None, 0.85), "army": ("MOBILIZE", "troops", 0.7), "force": ("MOBILIZE", "troops", 0.7),
                            "troop": ("MOBILIZE", "troops", 0.7), "military": ("MOBILIZE", "troops", 0.7), "police": ("MOBILIZE", "police", 0.7)}
_HOLD: dict[str, Trigger] = {"talk": ("CONSULT", None, 0.8), "meeting": ("CONSULT", None, 0.75), "negotiation": ("CONSULT", None, 0.8),
         "summit": ("CONSULT", "multilateral", 0.8), "consultation": ("CONSULT", None, 0.75), "dialogue": ("CONSULT", None, 0.75),
         "dialog": ("CONSULT", None, 0.75)}
_EXPRESS: dict[str, Trigger] = {"solidarity": ("SUPPORT", None, 0.8), "support": ("SUPPORT", None, 0.75), "concern": ("ACCUSE", "disapprove", 0.65),
            "displeasure": ("ACCUSE", "disapprove", 0.8), "outrage": ("ACCUSE", "disapprove", 0.8), "regret": ("CONCEDE", None, 0.5),
            "gratitude": ("SUPPORT", None, 0.6), "condolence": ("SUPPORT", None, 0.6),
            "backing": ("SUPPORT", None, 0.75), "sympathy": ("SUPPORT", None, 0.6)}
_SHARE: dict[str, Trigger] = {"intelligence": ("COOPERATE", None, 0.85), "information": ("COOPERATE", None, 0.5)}
_GRANT: dict[str, Trigger] = {"amnesty": ("CONCEDE", None, 0.85), "pardon": ("CONCEDE", None, 0.8), "compensation": ("CONCEDE", None, 0.75),
          "concession": ("CONCEDE", None, 0.8), "access": ("RETREAT", "access", 0.8), **_AID_OBJ,
          "condolence": ("SUPPORT", None, 0.6), "sympathy": ("SUPPORT", None, 0.6)}
_RELATIONS: dict[str, Trigger] = {"relation": ("COOPERATE", None, 0.8), "tie": ("COOPERATE", None, 0.75), "alliance": ("COOPERATE", None, 0.8),
              "coalition": ("COOPERATE", None, 0.8), "partnership": ("COOPERATE", None, 0.75)}
_FORCE: dict[str, Trigger] = {"force": ("COOPERATE", None, 0.8)}
_SCRAP: dict[str, Trigger] = {w: ("CONCEDE", None, 0.7) for w in "tax law plan rule bill policy increase hike proposal decree reform levy charge fee fare surcharge".split()}
_SENTENCE: dict[str, Trigger] = {"sentence": ("SANCTION", "convict", 0.85)}
_PROTEST_OBJ: dict[str, Trigger] = {"street": ("PROTEST", "demo", 0.8), "sit": ("PROTEST", "obstruct", 0.8), "sit-in": ("PROTEST", "obstruct", 0.8)}
_THROW: dict[str, Trigger] = {**{w: ("PROTEST", "riot", 0.65) for w in "stone rock brick bottle".split()},
          **{w: ("ASSAULT", "explosives", 0.85) for w in "grenade bomb explosive".split()}, "cocktail": ("PROTEST", "riot", 0.7)}
VERB_OBJECT: dict[str, dict[str, Trigger]] = {
    "impose": _IMPOSE, "declare": {"law": ("COERCE", "martial-law", 0.85), "curfew": ("COERCE", "curfew", 0.9),
                                   "ceasefire": ("RETREAT", "ceasefire", 0.9), "truce": ("RETREAT", "ceasefire", 0.9),
                                   "emergency": ("COERCE", "restrict", 0.7), "persona": ("SANCTION", "expel", 0.85)},
    "lift": _EASE, "ease": _EASE, "relax": _EASE, "scrap": _SCRAP, "shelve": _SCRAP, "abandon": _SCRAP, "axe": _SCRAP,
    "revoke": {w: ("COERCE", "restrict", 0.75) for w in "licence license credential accreditation visa permit passport citizenship".split()},
    **{v: {"blame": ("ACCUSE", None, 0.85)} for v in ("pin", "place", "shift")},
    "evacuate": {w: ("RETREAT", "withdraw", 0.75) for w in "stronghold base position post garrison outpost".split()},
    "resume": _HOLD,
    "vow": {w: ("THREATEN", "violence", 0.8) for w in "reprisal revenge retaliation retribution vengeance".split()},
    "cut": {**_CUT, **_CENSOR}, "sever": _CUT, "suspend": {**_CUT, **_MEDIA, **_HOSTILITIES}, "halt": {**_CUT, **_HOSTILITIES},
    "pause": _HOSTILITIES, "cease": _HOSTILITIES,
    "refuse": {w: ("PROTEST", "hunger", 0.85) for w in "food meal meals water nourishment".split()},  # 'refused food for 21 days'
    "release": {w: ("AID", None, 0.8) for w in "aid fund funding tranche money grant loan euro dollar".split()}, "freeze": {**_CUT, "asset": ("SANCTION", None, 0.8)},
    "recall": _RECALL, "withdraw": {**_RECALL, **_SCRAP, **{w: ("RETREAT", "withdraw", 0.85) for w in "troop force soldier".split()}},
    "provide": _AID_OBJ, "send": {**_AID_OBJ, **_SEND}, "deliver": _AID_OBJ, "distribute": _AID_OBJ, "offer": _GRANT,
    "give": {**_GRANT, **_SENTENCE}, "grant": _GRANT, "pledge": _GRANT, "airlift": {**_AID_OBJ, **_SEND}, "ship": _AID_OBJ,
    "fly": {**_AID_OBJ, **_SEND}, "truck": _AID_OBJ, "ferry": _AID_OBJ, "airdrop": _AID_OBJ, "rush": {**_AID_OBJ, **_SEND},
    "order": {**_SEND, **{w: ("SANCTION", "expel", 0.75) for w in "diplomat ambassador envoy attache".split()}},
    "receive": _SENTENCE, "serve": _SENTENCE, "hand": {**_DISARM, **_SENTENCE}, "slap": _IMPOSE,
    "stage": _PROTEST_OBJ, "down": {"tool": ("PROTEST", "strike", 0.85)}, "chant": {"slogan": ("PROTEST", "demo", 0.75)},
    "throw": {**_THROW, "weight": ("SUPPORT", None, 0.8)}, "hurl": _THROW, "lob": _THROW, "pelt": _THROW,
    "spray": {w: ("ASSAULT", "firearms", 0.85) for w in "bullet gunfire fire".split()},
    "pool": {"intelligence": ("COOPERATE", None, 0.8), "information": ("COOPERATE", None, 0.6), "resource": ("COOPERATE", None, 0.7)},
    "broker": _SIGN, "surrender": _DISARM, "stop": {"work": ("PROTEST", "strike", 0.75), **_HOSTILITIES},
    **{v: {w: ("ACCUSE", "allege", 0.85) for w in "charge lawsuit suit complaint case".split()} for v in "file bring lodge press".split()}, "lay": {**_DISARM, "blame": ("ACCUSE", None, 0.85)}, "allow": _ACCESS, "open": _OPEN, "reopen": _OPEN,
    "close": {**_CLOSE, **_MEDIA}, "seal": {**_CLOSE, **_SIGN, "asset": ("COERCE", "seize", 0.75), "account": ("COERCE", "seize", 0.75)},
    "shut": {**_CLOSE, **_MEDIA}, "block": {**_BLOCK, "traffic": ("PROTEST", "obstruct", 0.6)}, "snarl": {"traffic": ("PROTEST", "obstruct", 0.6)}, "spread": _SPREAD,
    "step": _SECURITY, "beef": _SECURITY, "tighten": _SECURITY, "boost": _SECURITY, "increase": _SECURITY,
    "heighten": _SECURITY, "strengthen": _SECURITY, "reinforce": _SECURITY, "intensify": _SECURITY,
    "move": _SEND, "mass": _SEND, "draft": _SEND, "call": {w: t for w, t in _SEND.items() if t[1] == "troops"}, "put": _PUT, "place": _PUT,
    "sign": _SIGN, "reach": _SIGN, "strike": _SIGN,
    "conclude": _SIGN, "hold": {**_HOLD, **_PROTEST_OBJ}, "express": _EXPRESS, "voice": _EXPRESS, "reiterate": _EXPRESS, "share": _SHARE,
    "establish": _RELATIONS, "form": _RELATIONS, "forge": _RELATIONS, "restore": _RELATIONS, "join": _FORCE,
    "speak": {"phone": ("CONSULT", "phone", 0.85), "telephone": ("CONSULT", "phone", 0.85)},
    "use": {"gas": ("ASSAULT", "unconventional", 0.6), "chemical": ("ASSAULT", "unconventional", 0.7)},
    "take": {"custody": ("COERCE", "arrest", 0.85), "hostage": ("ASSAULT", "abduct", 0.85), "street": ("PROTEST", "demo", 0.85)},
    "set": {"ablaze": ("ASSAULT", "destroy", 0.8), "alight": ("ASSAULT", "destroy", 0.8), "fire": ("ASSAULT", "destroy", 0.8)},
    "burn": {w: ("PROTEST", "riot", 0.65) for w in "tyre tire".split()},
    "occupy": {w: ("PROTEST", "obstruct", 0.65) for w in "building office campus square parliament ministry headquarters factory plant".split()},
    "launch": {"cyberattack": ("COERCE", "cyber", 0.9), "probe": ("ACCUSE", "investigate", 0.85),
               "investigation": ("ACCUSE", "investigate", 0.85), "inquiry": ("ACCUSE", "investigate", 0.85)},
    "make": {"threat": ("THREATEN", None, 0.75), "arrest": ("COERCE", "arrest", 0.85), "apology": ("CONCEDE", None, 0.85)},
    "find": {"guilty": ("SANCTION", "convict", 0.9)},
    "issue": {"ultimatum": ("THREATEN", None, 0.85), "threat": ("THREATEN", None, 0.8), "warrant": ("COERCE", "arrest", 0.6)},
    "treat": {"wounded": ("AID", None, 0.7), "patient": ("AID", None, 0.6), "civilian": ("AID", None, 0.6)},
}

# nouns by lemma -------------------------------------------------------------------------------------
NOUNS: dict[str, Trigger] = {
    **_many("attack assault", ("ASSAULT", None, 0.75)),
    **_many("killing massacre ambush clash fighting offensive bloodshed", ("ASSAULT", None, 0.75)),
    **_many("bombing blast explosion", ("ASSAULT", "explosives", 0.85)),
    **_many("shooting gunfire shootout", ("ASSAULT", "firearms", 0.85)),
    **_many("stabbing", ("ASSAULT", "primitive", 0.9)),
    **_many("beating lynching beheading", ("ASSAULT", "beat", 0.7)),
    **_many("retaliation reprisal", ("ASSAULT", None, 0.55)),
    **_many("airstrike air-strike", ("ASSAULT", "aerial", 0.9)),
    **_many("shelling bombardment", ("ASSAULT", "heavy-weapons", 0.85)),
    **_many("kidnapping abduction", ("ASSAULT", "abduct", 0.9)),
    **_many("assassination", ("ASSAULT", "targeted", 0.9)),
    **_many("torture", ("ASSAULT", "torture", 0.7)),
    **_many("rape", ("ASSAULT", "sexual", 0.8)),
    **_many("protest demonstration rally march", ("PROTEST", "demo", 0.7)),
    **_many("riot rioting", ("PROTEST", "riot", 0.85)),
    **_many("walkout", ("PROTEST", "strike", 0.8)),
    **_many("boycott", ("PROTEST", "boycott", 0.75)),
    **_many("sit-in", ("PROTEST", "obstruct", 0.75)),
    **_many("protester protestor demonstrator", ("PROTEST", "demo", 0.45)),
    **_many("rioter", ("PROTEST", "riot", 0.5)),
    **_many("striker", ("PROTEST", "strike", 0.4)),
    **_many("arrest detention", ("COERCE", "arrest", 0.8)),
    **_many("crackdown", ("COERCE", None, 0.7)),
    **_many("raid seizure", ("COERCE", "seize", 0.6)),
    **_many("curfew", ("COERCE", "curfew", 0.65)),
    **_many("censorship", ("COERCE", "censor", 0.7)),
    **_many("deportation", ("COERCE", "deport", 0.85)),
    **_many("cyberattack cyber-attack hacking", ("COERCE", "cyber", 0.85)),
    **_many("disinformation misinformation propaganda", ("COERCE", "misinformation", 0.5)),
    **_many("sanction embargo", ("SANCTION", None, 0.7)),
    **_many("conviction", ("SANCTION", "convict", 0.8)),
    **_many("expulsion", ("SANCTION", "expel", 0.75)),
    **_many("accusation allegation", ("ACCUSE", "allege", 0.6)),
    **_many("criticism condemnation", ("ACCUSE", "disapprove", 0.7)),
    **_many("displeasure", ("ACCUSE", "disapprove", 0.6)),
    **_many("investigation probe inquiry", ("ACCUSE", "investigate", 0.7)),
    **_many("trial", ("ACCUSE", "allege", 0.5)),
    **_many("rejection veto refusal", ("REJECT", None, 0.7)),
    **_many("deployment mobilization mobilisation", ("MOBILIZE", None, 0.7)),
    **_many("reinforcement", ("MOBILIZE", None, 0.6)),
    **_many("cooperation coordination collaboration", ("COOPERATE", None, 0.6)),
    **_many("agreement deal accord treaty pact", ("AGREE", None, 0.6)),
    **_many("memorandum", ("AGREE", None, 0.6)),
    **_many("talk negotiation consultation meeting", ("CONSULT", None, 0.6)),
    **_many("visit", ("CONSULT", "visit", 0.7)),
    **_many("summit", ("CONSULT", "multilateral", 0.75)),
    **_many("mediation", ("CONSULT", "third-party", 0.8)),
    **_many("mediator", ("CONSULT", "third-party", 0.45)),
    **_many("praise endorsement solidarity", ("SUPPORT", None, 0.65)),
    **_many("apology concession amnesty", ("CONCEDE", None, 0.75)),
    **_many("withdrawal pullout retreat", ("RETREAT", "withdraw", 0.75)),
    **_many("release", ("RETREAT", "release", 0.6)),
    **_many("disarmament", ("RETREAT", "disarm", 0.85)),
    **_many("ceasefire cease-fire truce armistice", ("RETREAT", "ceasefire", 0.85)),
    **_many("resignation", ("RETREAT", "resign", 0.75)),
    **_many("demand appeal request", ("REQUEST", None, 0.55)),
    **_many("aid assistance relief donation", ("AID", None, 0.6)),
}

# noun triggers that only count with one of these modifiers (compound or amod), or are read
# differently with them
NOUN_MODIFIED: dict[str, dict[str, Trigger]] = {
    "strike": {"air": ("ASSAULT", "aerial", 0.9), "drone": ("ASSAULT", "drone", 0.9), "missile": ("ASSAULT", "heavy-weapons", 0.85),
               "hunger": ("PROTEST", "hunger", 0.9), "general": ("PROTEST", "strike", 0.85), "nationwide": ("PROTEST", "strike", 0.85),
               "national": ("PROTEST", "strike", 0.8), "worker": ("PROTEST", "strike", 0.8), "teacher": ("PROTEST", "strike", 0.8),
               "rocket": ("ASSAULT", "heavy-weapons", 0.85), "military": ("ASSAULT", None, 0.8)},
    "operation": {"joint": ("COOPERATE", None, 0.8), "military": ("ASSAULT", None, 0.45)},
    "exercise": {"joint": ("COOPERATE", None, 0.8), "military": ("MOBILIZE", "troops", 0.5)},
    "drill": {"joint": ("COOPERATE", None, 0.8), "military": ("MOBILIZE", "troops", 0.5)},
    "patrol": {"joint": ("COOPERATE", None, 0.8)},
    "call": {"phone": ("CONSULT", "phone", 0.85), "telephone": ("CONSULT", "phone", 0.85)},
    "law": {"martial": ("COERCE", "martial-law", 0.85)},
    "bomb": {"car": ("ASSAULT", "explosives", 0.85), "roadside": ("ASSAULT", "explosives", 0.85), "suicide": ("ASSAULT", "suicide-attack", 0.85)},
    "attack": {"suicide": ("ASSAULT", "suicide-attack", 0.9)},
    "bombing": {"suicide": ("ASSAULT", "suicide-attack", 0.9)},
    "gas": {"tear": ("ASSAULT", "crowd-control", 0.85)},
    "sentence": {w: ("SANCTION", "convict", 0.85) for w in "prison death jail life custodial suspended lengthy".split()},
}
STRIKE_VERBS = frozenset("go stage call hold launch begin start continue end observe".split())

# context words that give the mode of an ASSAULT whose trigger does not --------------------------------
ASSAULT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("suicide-attack", frozenset({"suicide"})),
    ("drone", frozenset({"drone", "uav"})),
    ("aerial", frozenset({"airstrike", "warplane", "jet", "aircraft", "helicopter", "air", "bomber-jet"})),
    ("crowd-control", frozenset({"tear", "rubber", "cannon", "baton", "truncheon", "pepper"})),
    ("unconventional", frozenset({"chemical", "chlorine", "sarin", "nerve", "poison", "biological", "mustard"})),
    ("heavy-weapons", frozenset({"artillery", "mortar", "rocket", "missile", "shell", "shelling", "tank", "howitzer"})),
    ("explosives", frozenset({"bomb", "bomber", "bombing", "explosive", "explosion", "blast", "ied", "grenade", "detonate", "landmine", "mine"})),
    ("firearms", frozenset({"gun", "gunman", "gunfire", "shoot", "shooting", "shot", "rifle", "sniper", "bullet", "pistol", "firearm"})),
    ("primitive", frozenset({"knife", "stab", "stabbing", "machete", "axe", "sword", "cleaver", "dagger", "club"})),
    ("abduct", frozenset({"kidnap", "abduct", "hostage", "kidnapping", "abduction"})),
    ("torture", frozenset({"torture"})),
    ("sexual", frozenset({"rape", "sexual"})),
    ("targeted", frozenset({"assassinate", "assassination"})),
)
# subjects that make a physical act a protest act (rioters torching cars)
WORKERS = frozenset("worker union teacher employee staff doctor nurse driver miner docker pilot student".split())
# who strikes with weapons: 'warplanes struck' is an attack, never a walkout
ARMED = frozenset("""warplane jet drone missile rocket aircraft plane helicopter gunship force troop army military
    militant gunman insurgent rebel fighter bomber artillery navy warship""".split())
PROTESTERS = frozenset("protester protestor demonstrator rioter striker crowd mob".split())

MOBILIZE_OBJECT_MODES: dict[str, str] = {
    "troop": "troops", "soldier": "troops", "army": "troops", "tank": "troops", "force": "troops", "warship": "troops",
    "police": "police", "officer": "police", "security": "police", "patrol": "police", "guard": "police",
    "missile": "weapons", "weapon": "weapons", "battery": "weapons", "rocket": "weapons",
    "militia": "militia", "fighter": "militia", "volunteer": "militia", "militiaman": "militia",
}

THREATEN_MODES: dict[str, str] = {
    "ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "expel", "PROTEST": "restrict",
}
THREATEN_MODE_WORDS: dict[str, str] = {
    "arrest": "arrest", "detain": "arrest", "jail": "arrest", "expel": "expel", "deport": "expel",
    "tie": "relations", "relation": "relations", "territory": "territory", "annex": "territory", "land": "territory",
    "close": "restrict", "ban": "restrict", "block": "restrict", "restrict": "restrict", "seal": "restrict",
}

# objects that make a physical verb abstract ("fight crime", "curb terrorism", "hit the economy")
ABSTRACT = frozenset("""crime terrorism extremism corruption poverty influence militancy violence inflation
    disease virus pandemic epidemic fire flood drought problem issue trend economy market record price prices
    freedom democracy liberty sovereignty dignity right rights constitution truth reputation chance prospect
    growth unemployment deficit debt smuggling trafficking separatism radicalism expectation estimate forecast consensus
    proposal plan bill idea motion offer bid floor level high low ceiling""".split())
# what moves on a market: 'oil prices retreated', 'copper attacked the $9,000 floor' are no events
MARKET_MOVERS = frozenset("""price share stock index market currency yield bond oil gold silver copper crude dollar euro yen
    rupee pound yuan bitcoin inflation future futures equity benchmark nasdaq""".split())
# what kills without anyone doing it: 'the collapse of a bridge that killed seven' is no attack
MISHAPS = frozenset("""collapse flood flooding storm earthquake quake fire blaze landslide mudslide avalanche crash accident
    disease virus outbreak illness heatwave heat cold cyclone hurricane typhoon tornado lightning stampede drought famine
    collision derailment sinking wildfire locust pest swarm""".split())
# 'strong demand for memory chips': a market's demand, no request
MARKET = frozenset("""strong weak high low rising growing falling slowing global consumer domestic robust sluggish
    booming soaring surging weaker stronger higher lower""".split())
