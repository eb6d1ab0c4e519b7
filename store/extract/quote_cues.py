"""Where an article says who spoke: verbs of saying, titles and bodies, and the attribution right after a quote.

``attribution_after`` finds "…," X said / "…," said X (and rejects a verb that goes on to introduce the next
quote); ``is_attribution`` tells whether the words between two quoted pieces are one short attribution.
"""

from __future__ import annotations

import re

CUE_VERBS = (
    "said|says|say|told|tells|added|adds|noted|notes|stated|states|emphasized|emphasised|emphasizes|stressed|"
    "pointed out|points out|observed|observes|argued|argues|explained|explains|wrote|writes|warned|warns|"
    "characterized|characterised|characterizes|described|describes|commented|comments|remarked|continued|"
    "insisted|suggested|suggests|hailed|called|calls|predicted|cautioned|acknowledged|admitted|conceded|asked|"
    "asks|replied|replies|responded|posted|tweeted|declared|announced|claimed|claims|concluded|summed up|"
    "put it|saying|adding|telling|writing|explaining|stating|reads|read|[Aa]ccording to|[Ii]n the words of|quoted|"
    "quotes|affirmed|issued a statement|released a statement|add|asserted|asserts|talked|confirmed|urged|recalled|"
    "(?:made|issued|released|posted|published|put out) the following (?:statement|announcement|message|post)"
    "(?! from| by)|"
    "recalls|reported|reports|elaborated|recounted|reacted|noting|calling|describing|spoke out|reasoned|alleged|"
    "quipped|indicated|maintained|maintains|testified|boasted|complained|joked|promised|vowed|wondered|estimated|"
    "enthused|enthuses|exclaimed|opined|opines|concurred|countered|retorted|lamented|laments|mused|remembered|"
    "shouted|criticised|criticized|agreed|agrees|continues|declares|announces|specifies|specified|stipulates|"
    "stipulated|informed|informs"
)
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president", "senator",
    "sen", "rep", "representative", "governor", "gov", "general", "gen", "colonel", "col", "captain", "capt",
    "chancellor", "minister", "prime", "secretary", "judge", "justice", "mayor", "king", "queen", "prince",
    "princess", "pope", "rev", "reverend", "father", "ceo", "chairman", "chief", "congresswoman", "congressman",
}
TITLE_NOUNS = (
    "ceo|chief executive|cfo|chairman|chairwoman|president|founder|co-founder|analyst|strategist|economist|"
    "spokesperson|spokesman|spokeswoman|director|manager|minister|governor|official|head|prosecutor|judge|senator|"
    "archbishop|bishop|mayor|chancellor|premier|secretary|attorney|lawyer|commissioner|professor|researcher|author|"
    "coach|captain|chief|leader|chair|editor|general|sheriff|king|queen"
)
# Nouns for people by their family tie or what they do, that a story uses for someone it named before ("the
# father said", "the actress recalled"); the family ties may point back to parents named together ("X and Y Smith")
FAMILY_NOUNS = "father|mother|husband|wife|son|daughter|brother|sister|widow|widower|grandfather|grandmother|"\
    "uncle|aunt|dad|mum|mom"
ROLE_NOUNS = f"{FAMILY_NOUNS}|actor|actress|singer|rapper|musician|artist|writer|novelist|poet|player|athlete|"\
    "driver|pilot|victim|survivor|witness|suspect|defendant|teacher|doctor|nurse|farmer|owner|student|"\
    "scientist|astronomer|astronaut|journalist|reporter|activist|candidate|winner|champion|veteran|"\
    "priest|pastor|cardinal|pope|imam|rabbi|designer|developer|inventor|creator|star|"\
    "boxer|golfer|cyclist|runner|swimmer|climber|explorer|historian|physicist|chemist|biologist|engineer|"\
    r"\w+-year-old"  # "the 45-year-old said": news calls a person by the age it gave with the name
COMPANY_NOUNS = "company|firm|group|bank|airline|carmaker|automaker|agency|ministry|department|government|party|"\
    "commission|committee|federation|association|police|service|institute|foundation|authority|network|council|"\
    "report|study|statement|letter|document|filing|"\
    "organisation|organization|union|board|council|court|campaign|club|team|office|administration|manufacturer|"\
    "carrier|retailer|insurer|lender|regulator|watchdog|broadcaster|publisher|studio|startup|charity|university|"\
    "hospital|museum|newspaper|magazine|league|embassy|exchange|operator|label|brokerage"
# what an organisation publishes, that speaks for it
DOCUMENT_NOUNS = (
    "statement|press release|news release|release|report|letter|post|message|announcement|notice|communiqu[ée]|"
    "website|web site|site|account|page|blog|filing|document|tweet|e-?mail|bulletin|memo|video|summary|transcript|"
    "opinion|ruling|decision|judgment|judgement|warning|advisory|complaint|lawsuit|motion|brief|analysis|study|survey|"
    "proclamation|decree|order"
)
CUE = re.compile(rf"\b(?:{CUE_VERBS})\b")
# "said on Friday "…"", not a name the clause goes on to ("told CNBC's "Squawk Box"", "said of "The Crown"")
_INTRODUCES_QUOTE = re.compile(r"[^.!?;“”\"]{0,40}?[\s,:]*(?:that\s+)?(?<![’']s\s)(?<!\bof\s)[“\"‘]")
# (not a colon: a verb of saying before one introduces what follows it, "Apple released the email, which reads:")
_CLAUSE_END = re.compile(r"\s*(?:[.,;!?—]|$|\s*(?:in|on|at|during|after|before|when|while|to|of|from|through)\b)")
# a title's or an initial's dot, not a sentence end
# (military and police ranks as news agencies shorten them: "Maj. Gen.", "Rear Adm.", "Pfc.", "Det. Supt.", "Rev.")
_TITLE_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Corp|Co|Ltd|Maj|Adm|Cmdr|"
                        r"Cpl|Pfc|Pvt|Spc|Brig|Atty|Supt|Insp|Det|Rev|Msgr|Fr|[A-Z])\.")
_AFTER = re.compile(
    rf"[\s,.;:!?—–\-]*(?P<chunk>(?:{_TITLE_DOT.pattern}|\.(?=\w)|[^.;“”\"]){{0,120}}?)\s*\b(?P<cue>{CUE_VERBS})\b"
)
_NOT_A_SUBJECT = re.compile(
    r"(?:but|and|or|which|that|who|as|because|while|when|if|so|then|before|after)\b", re.IGNORECASE
)
# a participial clause going on from the quote's own sentence ("…," referring to caves, and that some evidence
# suggests …), not "…," speaking to reporters, Ann Lee said, which names its subject after the comma
_PARTICIPIAL_CLAUSE = re.compile(r"[a-z]{2,}ing\s+(?:to|that|about|at|on|with|for|the|a|an|his|her|their|its)\b"
                                 r"(?![^“”\"]*,\s+[A-Z])")
_QUOTED_AS = re.compile(r"\s+([^.;:“”\"]{1,80}?)\s+as\s+(?:saying|stating|telling|writing)\b")
_NEW_CLAUSE = re.compile(r"(?:while|whereas|but|although|though)\s", re.IGNORECASE)
_PARTICIPLE = re.compile(r"[a-z]+ing\b")
_CLAUSE_AFTER_VERB = re.compile(r",\s+(?:[a-z]+ly\s+)?[a-z]{2,}ing\s+(?:that\b|[a-z]+\b)")
MAX_TAIL = 200  # characters after a quote that its attribution may take
MAX_SUBJECT_WORDS = 12  # "X, chief investment officer at Y, said": longer is narrative, not an attribution
# Verbs of saying are an open class ("pleaded", "whispered", "reiterated", "went on"): a quote that hands over with a
# comma ("…," / "…",) is followed by its attribution in news prose, so there a short subject and a verb in the past
# tense closing its clause ("…," Ann Lee pleaded. / "…," Lee, 54, sighed on Monday.), or such a verb then a name or
# a noun phrase ("…," whispered Ann Lee.), is one, whatever the verb. Auxiliaries mark narrative ("…," Lee was
# arrested), and a subject opening with a conjunction is a list or a new clause.
_MANNER = r"(?:[a-z]{3,}ed|went\s+on|shot\s+back|fired\s+back|chimed\s+in|cut\s+in|broke\s+in|spoke|swore)"
# the present tense of features ("…," he assures himself.), only after a name or "he"/"she": after other words an
# "-s" word is as likely a plural noun ("…," the officials.)
_PRESENT = r"[a-z]{3,}[^\Ws]s"
_NAMES_SUBJECT = re.compile(r"(?:.*\s)?(?:[A-Z][\w’'-]*(?<![’']s)|[Hh]e|[Ss]he),?")
_OPEN_SUBJECT_FIRST = re.compile(
    rf"[\s,]*(?P<chunk>(?:[A-Z]|(?:the|a|an|one|his|her|their|its|he|she|they|we)\b)"
    rf"(?:{_TITLE_DOT.pattern}|[\w'’-]|,\s|\s(?!(?:was|were|is|are|be|been|being|got|gets|and|or|but)\b)){{0,60}}?)"
    rf",?\s+(?P<cue>{_MANNER}|{_PRESENT})(?:\s+[a-z]+ly|\s+(?:himself|herself|themselves))?(?=[.,;!?]|\s+(?:on|in|at|to|from|with|during|after|before|when|while|as|"
    rf"via|outside|later|again|yesterday|today|tonight|last|this|[A-Z][a-z]+day)\b|\s*$)"
)
# "…," Ann Lee, a planetary scientist at NASA's Goddard Space Flight Center in Greenbelt, Maryland, and American
# University in Washington, D.C., said: after a comma handing over, a subject and its appositive between commas may
# run longer than an attribution usually does
_APPOSED = re.compile(
    rf"[\s,]*(?P<chunk>[^,.;:“”\"]{{1,60}},\s+(?:a|an|the)\s(?:{_TITLE_DOT.pattern}|\.(?=\w)|[^.;“”\"]){{1,200}}?,)"
    rf"\s*(?P<cue>{CUE_VERBS})\b"
)
MAX_APPOSED_WORDS = 35
_OPEN_VERB_FIRST = re.compile(rf"[\s,]*(?P<cue>{_MANNER})\s+(?=[A-Z]|(?:the|a|an|one)\s)")


def is_attribution(between: str, max_words: int = MAX_SUBJECT_WORDS + 3, handover: bool = False) -> bool:
    """Whether the words between two quoted pieces are one short attribution ("," he said, "/ "," said X. "), by
    any verb in the past tense after a comma that ``handover``s."""
    words = _TITLE_DOT.sub(r"\1", between).strip(" ,.;:“”\"‘’—–-").strip()
    if _PARTICIPLE.match(words):  # "…," saying that …: the narrative goes on, no one is named
        return False
    if _NEW_CLAUSE.match(words):  # "…," while Trump noted his "…": another sentence's clause, not its attribution
        return False
    if not words or len(words.split()) > max_words or re.search(r"[.!?;]\s", words):
        return False
    if CUE.search(words):
        return True
    return handover and _open_attribution(words, 0, len(words), min(len(words), MAX_TAIL)) is not None


def attribution_after(text: str, close_at: int, block_end: int, *, ends_sentence: bool = False,
                      between: bool = False, handover: bool = False) -> tuple[int, int, str] | None:
    """``(subject start, subject end, cue)`` of an attribution right after a quote, or None. The subject is what
    stands between the quote and its verb ("…," Jim Press said) or after the verb ("…," said Jim Press, …).

    After a quote that ``ends_sentence`` a new sentence may follow instead ("…." Kudrin announced that …): the
    verb must then close its clause. A verb that introduces the next quote (X said, "…") is not this quote's,
    unless the words are ``between`` two pieces of one quote. After a quote that ``handover``s with a comma, any
    verb in the past tense in the attribution's place is a verb of saying."""
    tail_end = min(block_end, close_at + MAX_TAIL)
    match = _AFTER.match(text, close_at, tail_end)
    if not match or len(match.group("chunk").split()) > MAX_SUBJECT_WORDS:
        return _open_attribution(text, close_at, block_end, tail_end) if handover else None
    cue_end = match.end("cue")
    # "…," Detik.com quoted Djamal as saying: the speaker is Djamal
    if match.group("cue") in ("quoted", "quotes") and (quoted := _QUOTED_AS.match(text, cue_end, tail_end)):
        return quoted.start(1), quoted.end(1), match.group("cue")
    if match.group("chunk").strip():
        if _NOT_A_SUBJECT.match(match.group("chunk")):  # "…," but would not answer questions asked of them
            return None
        if _PARTICIPIAL_CLAUSE.match(match.group("chunk")):
            return None
        # "…," he says, boasting that the servers can "…": the participle introduces the next quote, not the verb
        if not between and _INTRODUCES_QUOTE.match(text, cue_end, tail_end) \
                and not _CLAUSE_AFTER_VERB.match(text, cue_end, tail_end):
            return None
        if ends_sentence and not _CLAUSE_END.match(text, cue_end, tail_end):
            return None
        return match.start("chunk"), match.end("chunk"), match.group("cue")
    if _PARTICIPLE.fullmatch(match.group("cue")):  # "…", adding Iran will …: what follows is what was added
        return None
    after = re.match(r"\s+(?:by\s+)?((?:" + _TITLE_DOT.pattern + r"|[^.;:“”\"]){1,100})", text[cue_end:tail_end])
    if not after:
        return None
    return cue_end + after.start(1), cue_end + after.end(1), match.group("cue")


def _open_attribution(text: str, close_at: int, block_end: int, tail_end: int) -> tuple[int, int, str] | None:
    """"…," Ann Lee pleaded. / "…," whispered Ann Lee, a nurse. — an attribution by a verb not in ``CUE_VERBS``,
    or by one after a long appositive; it ends by ``tail_end``, the end ``attribution_after`` read up to (one
    after a long appositive may run on to ``block_end``, 320 characters at most)."""
    apposed = _APPOSED.match(text, close_at, min(block_end, close_at + 320))
    if apposed and len(apposed.group("chunk").split()) <= MAX_APPOSED_WORDS:
        return apposed.start("chunk"), apposed.end("chunk"), apposed.group("cue")
    first = _OPEN_SUBJECT_FIRST.match(text, close_at, tail_end)
    if first and (first.group("cue").endswith("ed") or _NAMES_SUBJECT.fullmatch(first.group("chunk"))):
        return first.start("chunk"), first.end("chunk"), first.group("cue")
    if verb := _OPEN_VERB_FIRST.match(text, close_at, tail_end):
        after = re.match(r"(?:" + _TITLE_DOT.pattern + r"|[^.;:“”\"]){1,100}", text[verb.end() : tail_end])
        if after:
            return verb.end(), verb.end() + after.end(), verb.group("cue")
    return None
