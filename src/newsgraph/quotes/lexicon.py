"""Word lists the quotation extractor reads: reporting verbs and nouns, titles, roles, sources."""
from __future__ import annotations

# Verbs that report speech or a public statement and take a content clause ("X said (that) Y").
REPORT_VERBS: frozenset[str] = frozenset("""
say tell add claim pledge vow maintain insist state declare announce confirm deny report assert
argue contend warn stress emphasise emphasize note explain acknowledge admit allege accuse
promise reiterate repeat reply respond retort remark comment suggest indicate disclose reveal
write tweet post predict estimate concede agree boast complain caution urge demand threaten
testify recall counter observe point_out mention affirm reaffirm assure vouch swear guarantee
proclaim inform notify brief speak
""".split())

# Of those, the verbs whose content is an infinitive ("X vowed to keep up ...").
XCOMP_VERBS: frozenset[str] = frozenset("""
pledge vow promise threaten agree swear vouch guarantee refuse offer urge
""".split())

# Verbs of accusing or judging whose object and its 'of' / 'for' phrase are what the source said:
# "X accused Y of Z" -> "Y of Z", "X praised Y for Z" -> "Y for Z".
JUDGE_VERBS: dict[str, frozenset[str]] = {
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for", "on"}),
    **dict.fromkeys("""
    praise criticise criticize condemn commend applaud fault slam thank hail rebuke chide lambast
    lambaste berate castigate censure denounce
    """.split(), frozenset({"for"})),
}

# Verbs that report only questions or never carry a statement of their own.
NOT_STATEMENT_WH: frozenset[str] = frozenset("how what whether why who whom which when where if".split())

# Nouns that carry a content clause when a source makes / gives / voices / issues them.
REPORT_NOUNS: frozenset[str] = frozenset("""
pledge promise claim statement warning concern assurance vow announcement insistence allegation
denial assertion declaration admission acknowledgement acknowledgment confirmation prediction
threat remark comment
""".split())

# Light verbs that take those nouns ("made a pledge that ...", "expressed concern that ...").
LIGHT_VERBS: frozenset[str] = frozenset("make give voice express issue offer raise repeat reiterate".split())

# Heads of phrases that are documents or channels rather than speakers: "a report from X" -> X.
DOCUMENT_NOUNS: frozenset[str] = frozenset("""
report release statement letter notice document communique communiqué circular bulletin article
video post message announcement data figures survey study transcript memo
""".split())

# Words in front of a name that are not part of it.
TITLES: frozenset[str] = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir madam dame lord lady gen gen. general col col.
colonel maj major capt captain lt lieutenant sgt sergeant adm admiral rev rev. president
vice premier prime minister chairman chairwoman chair chief secretary governor mayor senator
sen sen. rep rep. representative ambassador spokesman spokeswoman spokesperson director judge
justice king queen prince princess sheikh imam pope cardinal bishop commander commissioner
deputy party head leader official
""".split())

# Role nouns: "the governor of X said ..." names one person who may be named elsewhere.
ROLE_NOUNS: frozenset[str] = frozenset("""
president premier minister chairman chairwoman chair chief secretary governor mayor senator
ambassador spokesman spokeswoman spokesperson director judge commander commissioner head leader
deputy envoy official lawmaker legislator mp diplomat general prosecutor
""".split())

# Pronouns a speaker can be.
PERSON_PRONOUNS: frozenset[str] = frozenset("he she him her".split())
GROUP_PRONOUNS: frozenset[str] = frozenset("they it we".split())
