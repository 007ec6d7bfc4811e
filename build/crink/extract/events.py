"""Dated events: a time expression, the predicate it dates, a PLOVER type and the actors.

For each time expression in a sentence, the trigger is the nearest verb (or event noun)
that governs it in the dependency parse; light verbs ("held talks", "conducted drills",
"imposed sanctions") take their object's meaning, and a dated statement ("X said on Monday
that ...") is typed by what it says. The trigger's lemma gives the PLOVER type (lexicon
below, after the PLOVER codebook's CAMEO mapping). Participants are the actors in the
trigger's own clause: its subject (source; inherited through conjoined, open and relative
clauses), objects and "with/between/against" phrases (target or participant), with
pronouns and "the two countries" resolved (extract/reference.py). Words of a person's title
and phrases nested inside an object are not participants. Negated, failed, conditional and
hypothetical predicates are not events; an event needs at least one actor that is not a
place, and a meeting or joint drill needs two sides. An event noun whose verb of beginning
is dated ("talks between X and Y resumed on Monday") is the event. An answer to an earlier act ("dismissed
the charge", "said the sanctions were illegal") is aimed at whoever did it; a clause counted
from a dated one ("two days after X vetoed ...") is dated by counting. A sentence with no
date of its own borrows one in three cases only: under a date line heading a live page's
entries ("Friday, 19 May."); for what is done "during the talks" or "after the meeting"
(the date of that call or meeting, last reported); and for "She said ..." right after a
sentence that dated her. PLOVER's mode is kept where the words make it plain (`event_mode`).
"""

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from crink.extract.actors import ActorResult
from crink.extract.agreements import supply_receivers
from crink.extract.dates import NUMBER_WORDS, Anchor, TimeExpr, find_time_expressions, month_end
from crink.extract.reference import (Resolver, actor_type, relative_antecedent, reported_clause, subject_of,
                                    swallowed_subject)
from crink.nlp import Parsed, offset
from crink.registry import Registry

# lemma -> PLOVER type; verbs and event nouns
LEXICON = {
    "SUPPORT": "sign ratify conclude formalize formalise endorse recognize recognise back ink seal signing ratification "
               "praise hail laud commend applaud",
    "AGREE": "agree pledge promise vow offer commit propose accept approve establish launch upgrade elevate deepen "
             "expand strengthen",
    "CONSULT": "meet visit call talk host discuss consult negotiate confer telephone summit meeting visit talks "
               "call conversation negotiation trip travel tour welcome receive attend convene arrive",
    "COOPERATE": "drill exercise cooperate coordinate patrol collaborate partner join manoeuvre maneuver "
                 "manoeuvres maneuvers wargame",
    "AID": "supply provide send deliver ship transfer sell give deploy fund finance arm aid help assist "
           "supplies shipment delivery deployment",
    "ACCUSE": "accuse condemn criticize criticise denounce blame charge decry slam rebuke protest condemnation",
    "REJECT": "veto reject refuse block deny oppose dismiss boycott rebuff spurn",
    "THREATEN": "threaten warn threat ultimatum",
    "REQUEST": "urge demand request appeal ask",
    "SANCTION": "sanction embargo expel suspend restrict ban sanctions designate blacklist",
    "ASSAULT": "attack strike hit invade annex kill bomb shell shoot fire assassinate seize occupy ram invasion annexation "
               "war attack strike bombing assassination killing raid seizure",
    "MOBILIZE": "mobilize mobilise mobilization test scramble",
    "RETREAT": "withdraw retreat ease lift release withdrawal",
    "CONCEDE": "concede yield apologize apologise",
}
PHRASAL = {("strike", "down"): "REJECT", ("vote", "down"): "REJECT", ("shoot", "down"): "ASSAULT",
           ("back", "down"): "CONCEDE", ("pull", "out"): "RETREAT", ("walk", "out"): "REJECT"}
TYPE_OF = {word: plover for plover, words in LEXICON.items() for word in words.split()}
# verbs whose object says what was done: "flew a joint patrol", "wrapped up an exercise", "concluded talks",
# "waged war", "exercised its veto"
LIGHT_VERBS = {"hold", "conduct", "stage", "carry", "impose", "pay", "make", "have", "launch", "begin",
               "start", "undertake", "issue", "deliver", "host", "mount", "take", "place", "level", "cast",
               "announce", "unveil", "open", "complete", "finish", "reach", "strike", "extend", "renew", "reimpose",
               "restore", "tighten", "adopt", "pass", "repeat", "reiterate", "exchange", "fly", "sail", "wrap",
               "conclude", "perform", "run", "slap", "lodge", "file", "oversee", "supervise", "guide", "finalise",
               "finalize", "clinch", "secure", "wage", "exercise"}
AGREEMENT_NOUNS = {"treaty", "agreement", "pact", "accord", "deal", "armistice", "memorandum", "alliance", "truce",
                   "ceasefire", "contract"}
RESPONSE_VERBS = {"respond", "retaliate", "react", "reply", "answer", "hit"}  # "retaliated with tariffs"
# "opened a week of manoeuvres", "exchanged instruments of ratification"
SPAN_NOUNS = {"day", "week", "hour", "round", "series", "month", "instrument", "package", "raft", "tranche", "batch",
              "wave", "set"}
CALL_MEANS = {"phone", "telephone", "video", "videolink", "videoconference", "video-link"}
OBJECT_TYPES = {"sanction": "SANCTION", "sanctions": "SANCTION", "tariff": "SANCTION", "tariffs": "SANCTION",
                "drill": "COOPERATE", "exercise": "COOPERATE",
                "exercises": "COOPERATE", "talk": "CONSULT", "talks": "CONSULT", "visit": "CONSULT",
                "summit": "CONSULT", "meeting": "CONSULT", "call": "CONSULT", "veto": "REJECT",
                "attack": "ASSAULT", "strike": "ASSAULT", "invasion": "ASSAULT", "offensive": "ASSAULT",
                "war": "ASSAULT", "accusation": "ACCUSE", "criticism": "ACCUSE", "warning": "THREATEN",
                "threat": "THREATEN", "appeal": "REQUEST", "pledge": "AGREE", "promise": "AGREE",
                "treaty": "SUPPORT", "agreement": "SUPPORT", "pact": "SUPPORT", "accord": "SUPPORT",
                "deal": "SUPPORT", "patrol": "COOPERATE", "aid": "AID", "assistance": "AID", "resolution": "AGREE",
                "warrant": "ACCUSE", "offer": "AGREE", "test": "MOBILIZE", "ratification": "SUPPORT",
                "launch": "MOBILIZE", "protest": "ACCUSE", "restriction": "SANCTION", "embargo": "SANCTION",
                "ban": "SANCTION", "penalty": "SANCTION", "barrage": "ASSAULT", "salvo": "ASSAULT",
                "bombardment": "ASSAULT", "raid": "ASSAULT", "assault": "ASSAULT", "incursion": "ASSAULT"}
RENEWAL_VERBS = {"extend", "renew", "prolong"}
SIGNING_VERBS = {"sign", "ink", "seal", "conclude", "ratify", "formalize", "formalise"}
SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT"}
HYPOTHETICAL = {"would", "could", "might", "may", "should", "must", "can"}
FAILURE_VERBS = {"fail", "refuse", "decline", "neglect", "hesitate", "threaten", "want", "hope", "seek", "try",
                 "offer"}  # the infinitive after these did not happen (plans and schedules are kept)
CONDITIONAL_MARKS = {"if", "unless", "whether"}
COMPLY_VERBS = {"observe", "recognize", "recognise", "accept", "comply", "abide", "respect", "honour", "honor", "obey"}
BROKER_VERBS = {"broker", "mediate", "facilitate", "host"}  # "a deal brokered by X"
STANCE_TYPES = {"REJECT", "ACCUSE", "REQUEST", "THREATEN"}  # a stance that saying so enacts
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "parataxis", "acl", "csubj", "xcomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
PARTICIPANT_PREPS = {"with", "between", "among", "alongside"}
PERSON_PRONOUNS = {"he", "she", "him", "his", "her"}
HOST_VERBS = LIGHT_VERBS | {"end", "attend", "wrap", "cap", "continue", "resume", "join", "cut", "pay"}
OCCASION_PREPS = {"during", "at", "in"}
VENUE_PREPS = {"in", "at", "during", "on", "via", "through"}  # where something was said: "in a statement issued ..."
SEQUENCE_PREPS = {"after", "before", "following"}  # "signed a plan after talks": the talks' sides are the signers
QUANTITY_NOUNS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "some", "several",
                  "many", "most", "all", "part", "group", "wave", "waves", "batch"}  # "scores of depots"
PROVENANCE = re.compile(r"-(?:supplied|made|built|designed|produced|manufactured|provided|backed|led)\b")
DOMESTIC_ACTS = {"law", "bill", "decree", "order", "legislation", "budget", "amendment", "constitution"}  # signing these is not an agreement
STATEMENT_VERBS = {"say", "tell", "add", "write", "state", "declare", "insist", "claim"}
ANNOUNCE_VERBS = {"announce", "confirm", "report", "indicate", "signal"}  # they report a plan too
THREAT_WORDS = {"penalise", "penalize", "punish", "retaliate", "respond", "act", "strike", "hit", "unanswered",
                "unpunished", "consequence", "price", "hesitate", "sanction", "expose"}
CRITICISM_WORDS = {"illegal", "illegitimate", "unlawful", "violate", "violation", "aggression", "lie", "lying",
                   "fabrication", "unacceptable", "reckless", "destabilize", "destabilise", "provocation",
                   "provocative", "regret", "condemn", "blame", "hypocrisy", "interference", "irresponsible",
                   "bully", "bullying", "silence", "fuel", "steal", "responsibility", "worry", "dangerous", "abuse",
                   "blackmail", "coercion", "hegemony", "hypocritical", "outrageous", "brazen", "unjustified"}
MEETING_VERBS = {"meet", "talk", "confer", "gather", "convene", "negotiate"}
DENIAL_WORDS = {"false", "fiction", "baseless", "unfounded", "groundless", "fabricate", "fabricated", "fabrication",
                "lie", "untrue", "nonsense", "fake", "invention", "slander", "absurd"}
VISIT_WORDS = {"visit", "trip", "tour", "arrive", "travel", "host", "receive"}  # PLOVER CONSULT mode "visit"
AID_MODES = {
    "military": {"weapon", "missile", "drone", "troop", "soldier", "shell", "ammunition", "arm", "munition", "rocket",
                 "artillery", "jet", "aircraft", "tank", "military", "warship", "interceptor"},
    "economic": {"loan", "credit", "grant", "money", "cash", "investment", "funding", "financing", "dollar", "yuan",
                 "rouble", "ruble", "economic"},
    "humanitarian": {"humanitarian", "food", "medicine", "vaccine", "relief", "grain"},
}
RETREAT_MODES = {"withdraw": "withdraw", "withdrawal": "withdraw", "retreat": "withdraw", "pull": "withdraw",
                 "move": "withdraw", "bring": "withdraw", "take": "withdraw",
                 "release": "release", "free": "release"}
# what a rejection or criticism answers ("dismissed the charge"), and who makes such acts
EARLIER_ACTS = {"charge", "accusation", "allegation", "claim", "overture", "offer", "proposal", "letter", "request",
                "demand", "call", "criticism", "remark", "comment", "ultimatum", "invitation", "plan", "suggestion",
                "vote", "decision", "ruling", "move", "measure", "step", "designation", "listing"}
# "the new sanctions" still refer back to the earlier act
RECENCY_WORDS = {"new", "latest", "recent", "fresh", "additional", "further", "renewed"}
AUTHOR_VERBS = {"say", "accuse", "claim", "allege", "write", "offer", "propose", "demand", "urge", "call", "post",
                "charge", "invite", "suggest", "tell", "warn", "announce", "send", "vote", "decide", "rule", "adopt",
                "impose", "designate", "list"}
PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "year": 3}  # finer first
PHASE_VERBS = {"begin", "start", "continue", "resume", "keep"}
START_VERBS = {"begin", "start", "open", "resume", "continue", "erupt", "kick"}  # "talks resumed on Monday"
END_VERBS = {"end", "close", "conclude", "wrap"}  # "the drills ended on Friday"
LISTING_VERBS = {"list", "target", "include", "hit", "name", "designate", "blacklist"}  # what a sanction covers
TOPIC_VERBS = {"discuss", "debate", "review", "address"}  # their object is what was talked about, not a side
TRAVEL_VERBS = {"fly", "head", "go", "come", "jet"}  # "flew to Beijing for talks"
TRAVELLERS = {"minister", "president", "premier", "leader", "envoy", "delegation", "chancellor", "secretary", "chief",
              "king", "prince", "official", "diplomat", "ambassador", "spokesman", "spokeswoman", "emir"}
GIVING_VERBS = {"pledge", "promise", "offer", "supply", "send", "deliver", "provide", "sell", "ship", "transfer",
                "give", "grant", "lend", "export"}
ARMED_CAMPAIGNS = {"air", "bombing", "military", "missile", "drone", "naval", "artillery", "ground"}
PROJECTILES = {"missile", "rocket", "projectile", "icbm", "satellite"}
ADVANCE_VERBS = {"cross", "push", "advance", "march", "roll", "storm", "sweep"}
USE_VERBS = {"use", "launch", "fire", "deploy", "send", "employ"}
LAPSE_VERBS = {"expire", "lapse", "end"}
ENVOYS = {"ambassador", "envoy", "diplomat", "diplomats", "chargé", "charge", "attaché", "attache"}
BACKING_NOUNS = {"support", "aid", "assistance", "help", "backing", "loan", "credit"}  # "support for X": X takes part
TRADE_NOUNS = {"export", "import", "sale", "shipment", "delivery", "supply", "transfer"}  # "exports to X"
PART_NOUNS = {"member", "unit", "subsidiary", "affiliate", "branch", "division"}  # "a subsidiary of X": X itself
CAUSE_VERBS = {"prompt", "force", "compel", "lead", "cause", "spur", "drive", "oblige"}  # made the object do it
YIELD_VERBS = {"drop", "withdraw", "lift", "abandon", "waive", "soften"}
OBJECTIONS = {"objection", "opposition", "veto", "reservation", "demand", "hold", "resistance"}  # given up: CONCEDE
RESTRICTIONS = {"ban", "embargo", "sanction", "restriction", "moratorium", "blockade"}
PLACE_PREPS = {"in", "from", "at"}  # "fined banks in Turkey": the object's place counts
CONTEXTS = [
    ("military", r"\b(military|troops|soldiers|drills?|exercises?|weapons?|missiles?|drones?|munitions|arms|"
                 r"defen[cs]e|naval|warships?|army|artillery|nuclear)\b"),
    ("economic", r"\b(trade|oil|gas|energy|econom\w*|investment|bank\w*|currenc\w*|tariffs?|exports?|imports?)\b"),
    ("diplomatic", r"\b(diplomat\w*|summit|ambassador|embassy|foreign minist\w*|talks)\b"),
]


@dataclass
class EventReport:
    type: str
    trigger: str
    trigger_start: int
    sentence_start: int
    sentence_end: int
    time: TimeExpr
    actors: list = field(default_factory=list)  # [(actor_id, role)]
    context: str | None = None
    mode: str | None = None
    method: str = "rule:time-governed-predicate"
    confidence: float = 0.6


def _lemma(token) -> str:
    return token.lemma_.lower()


def statement_type(verb) -> str | None:
    """A dated statement ("X said on Monday that ...") coded by what it says, as PLOVER codes
    verbal events: a threat (THREATEN), a call for action (REQUEST) or criticism (ACCUSE);
    other statements are not events."""
    clause = reported_clause(verb)
    if clause is None:
        return None
    content = list(clause.subtree)
    lemmas = {_lemma(t) for t in content}
    modals = {_lemma(t) for t in content if t.dep_ == "aux"}
    negated = any(t.dep_ == "neg" or t.lower_ == "no" for t in content)
    if any(_lemma(t) in THREAT_WORDS and _will_do(t) for t in content) \
            or modals & {"will", "would"} and " pay a price" in " ".join(t.lower_ for t in content):
        return "THREATEN"
    if any(_lemma(t) in ("should", "must") and t.dep_ == "aux" and _lemma(t.head) not in CRITICISM_WORDS
           for t in content) and not negated:
        return "REQUEST"  # not "the pact should worry everyone": a judgement, not a call
    if lemmas & {"ready", "willing", "prepared"} and not negated:  # "ready to visit": intent to cooperate
        return "AGREE"
    if any(t.dep_ in ("nsubj", "nsubjpass") and _lemma(t) in EARLIER_ACTS | {"report"} for t in content) \
            and lemmas & DENIAL_WORDS:
        return "REJECT"  # "the allegations were 'pure fiction'": a denial
    if any(_lemma(t) in COMPLY_VERBS and any(c.dep_ == "neg" for c in t.children) for t in content):
        return "REJECT"  # "would not observe them", "does not recognise the vote": refusing to comply
    for said in [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                            and not _subordinate(c)]:
        plover = event_type(said) if said.pos_ == "VERB" and not _is_statement(said) else None
        if plover in STANCE_TYPES and not _is_unreal(said, reported=True):
            return plover  # "said China firmly opposed the move": the stance said is the event
    if lemmas & CRITICISM_WORDS or (negated and lemmas & {"basis", "justification", "right"}):
        return "ACCUSE"
    return None


def _will_do(token) -> bool:
    """The token's clause says what someone will or would do ("would retaliate", "will not go
    unanswered", "would not hesitate to respond"); not "the sanctions, which Russia would ignore"
    for the noun "sanctions"."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if token.pos_ == "NOUN" and token is not verb and (token.dep_ not in ("dobj", "attr", "acomp")
                                                       or TYPE_OF.get(_lemma(verb)) == "REJECT") \
            and _lemma(token) not in ("consequence", "price"):
        return False  # not "would veto any new sanctions": sanctions blocked are no threat
    for node in (verb, verb.head if verb.dep_ in ("xcomp", "acomp") else verb):
        if any(c.dep_ == "aux" and _lemma(c) in ("will", "would") for c in node.children):
            return True
    return False


def _is_statement(trigger) -> bool:
    """A verb of saying used as one ("said", "added that"), not "added X to a list"."""
    return trigger.pos_ == "VERB" and _lemma(trigger) in STATEMENT_VERBS and not _listed(trigger) \
        and _claimed(trigger) is None


def _claimed(verb) -> list | None:
    """The acts a verb takes responsibility for ("claimed responsibility for the attack"), or
    None when it takes none."""
    taken = next((c for c in verb.children if c.dep_ == "dobj" and _lemma(c) == "responsibility"), None)
    if taken is None:
        return None
    return [o for p in taken.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]


def _listed(trigger) -> bool:
    """"added X to its sanctions list", "to the entity list" (the parser may hang "to" on the
    last of a list of names: "added A, B and C, to its sanctions list")."""
    return _lemma(trigger) == "add" and any(
        p.dep_ == "prep" and p.lower_ == "to" and _same_clause(p, trigger) and any(
            _lemma(o) == "list" and any(_lemma(m) in ("sanction", "sanctions", "blacklist", "entity") for m in o.children)
            for o in p.children) for p in trigger.subtree)


def _same_clause(token, verb) -> bool:
    """No clause of its own (a verb with a subject, a reported or relative clause) lies between
    a token and a verb above it."""
    node = token.head
    while node != verb:
        if node.head == node or node.dep_ in ("ccomp", "relcl") \
                or any(c.dep_ in SUBJECT_DEPS for c in node.children) and node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return True


def event_type(trigger) -> str | None:
    """The PLOVER type a trigger token stands for, looking through light verbs to their object."""
    lemma = _lemma(trigger)
    particle = next((c.lower_ for c in trigger.children  # "walked out of the accord": "out" may be parsed
                     if c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ == "out"), None)  # as a preposition
    if trigger.pos_ == "VERB" and (lemma, particle) in PHRASAL:
        return PHRASAL[lemma, particle]
    if trigger.pos_ == "VERB" and lemma == "ask" and any(c.dep_ == "prep" and c.lower_ == "about"
                                                         for c in trigger.children):
        return None  # "was asked about the plan": a question put to someone, not a request
    if _listed(trigger):
        return "SANCTION"  # "added two refineries to its sanctions list"
    envoy = any(c.dep_ == "dobj" and _lemma(c) in ENVOYS for c in trigger.children)
    if trigger.pos_ == "VERB" and lemma == "summon" and envoy:
        return "ACCUSE"  # summoning an ambassador: an official complaint (PLOVER 114)
    if trigger.pos_ == "VERB" and lemma in ("recall", "withdraw") and envoy:
        return "SANCTION"  # recalling one's own: reducing diplomatic relations (PLOVER 161)
    if trigger.pos_ == "VERB" and lemma in ("suspend", "freeze", "halt") and any(
            c.dep_ == "dobj" and _lemma(c) in AGREEMENT_NOUNS | {"participation", "membership", "implementation"}
            for c in trigger.children):
        return "REJECT"  # "suspended its participation in the treaty": stepping back from an agreement
    if trigger.pos_ == "VERB" and lemma == "deploy" and not any(
            p.dep_ == "prep" and p.lower_ in ("to", "in", "into")
            and any(t.ent_type_ == "GPE" for o in p.children for t in o.subtree) for p in trigger.children):
        return "MOBILIZE"  # "deployed a carrier group to the region"; to another state it is aid
    if trigger.pos_ == "VERB" and lemma in YIELD_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in OBJECTIONS for c in trigger.children):
        return "CONCEDE"  # "withdrew its objection", "the veto was lifted": yielding to the other side
    if _is_statement(trigger):
        return statement_type(trigger)
    if lemma == "be" and any(c.dep_ == "acomp" and c.lower_ == "due" and any(p.dep_ == "prep" for p in c.children)
                             for c in trigger.children):
        return "CONSULT"  # "she is due in Ankara on Monday": a visit
    if lemma == "expect" and any(c.dep_ == "auxpass" for c in trigger.children) \
            and not any(c.dep_ == "xcomp" for c in trigger.children) \
            and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in trigger.children):
        return "CONSULT"  # "he is expected in Beijing next month": a visit
    if lemma == "become" and any(c.dep_ == "attr" and _lemma(c) == "member" for c in trigger.children):
        return "SUPPORT"  # joining an organisation
    if trigger.pos_ in ("VERB", "AUX") and lemma in LIGHT_VERBS:
        objects = list(trigger.children)
        if trigger.dep_ in ("relcl", "acl") and not any(c.dep_ == "dobj" for c in objects):
            objects.append(trigger.head)  # "the drills the two navies held": the noun is the object
        for child in objects:
            if child.i == trigger.head.i:
                if _lemma(child) in OBJECT_TYPES:
                    return OBJECT_TYPES[_lemma(child)]
                continue
            if child.dep_ == "dobj" and child.tag_ in ("WDT", "WP"):  # "the tariffs that X reinstated"
                child = relative_antecedent(child) or child
            if child.dep_ in ("dobj", "attr", "nsubjpass") and _lemma(child) in SPAN_NOUNS:
                child = next((o for p in child.children if p.dep_ == "prep" and p.lower_ == "of"  # "a week of manoeuvres"
                              for o in p.children if o.dep_ == "pobj"), child)
            if child.dep_ in ("dobj", "attr", "nsubjpass", "pobj") and _lemma(child) in OBJECT_TYPES:
                return OBJECT_TYPES[_lemma(child)]
            if child.dep_ == "dobj" and _lemma(child) in ("statement", "declaration", "communique") \
                    and any(a.lower_ == "joint" for a in child.children):
                return "SUPPORT"  # "issued a joint statement"
            if child.dep_ == "dobj" and _lemma(child) in TYPE_OF and child.pos_ == "NOUN":
                return TYPE_OF[_lemma(child)]
            if child.dep_ == "dobj" and _armed_campaign(child):
                return "ASSAULT"  # "launched an air campaign"
        if lemma == "exercise" and any(c.dep_ == "dobj" for c in objects):
            return None  # "exercised its right", "exercise influence": no drill
    preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
    if trigger.pos_ == "VERB" and (lemma in ADVANCE_VERBS and "into" in preps or lemma in USE_VERBS and _against(trigger)):
        return "ASSAULT"  # "troops crossed into X", "used drones against X"
    if lemma in ("transfer", "hand", "cede", "return") and any(
            c.dep_ == "dobj" and _lemma(c) in ("control", "sovereignty", "power", "territory") for c in trigger.children):
        return "RETREAT"  # "transferred control over the region": giving up ground, not aid
    if lemma in ("move", "pull", "bring", "take") and any(c.lower_ == "out" and c.dep_ in ("prep", "prt")
                                                         for c in trigger.children):
        return "RETREAT"  # "moved two frigates out of the Black Sea": a withdrawal
    if lemma in LAPSE_VERBS and any(c.dep_ == "nsubj" and _lemma(c) in RESTRICTIONS for c in trigger.children):
        return "RETREAT"  # "the arms embargo expired"
    if lemma == "claim" and _claimed(trigger) is not None:  # "claimed responsibility for an attack"
        for act in (o for o in _claimed(trigger) if _lemma(o) in OBJECT_TYPES):
            return OBJECT_TYPES[_lemma(act)]
    if lemma in TRAVEL_VERBS and trigger.pos_ == "VERB" and _travels_to_meet(trigger):
        return "CONSULT"  # "flew to Beijing on Tuesday for talks", "the minister headed to Ankara"
    if lemma == "be":
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("for", "at")):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and _lemma(c) in OBJECT_TYPES):
                return OBJECT_TYPES[_lemma(obj)]  # "was in Geneva for talks with ..."
    if lemma in SIGNING_VERBS and any(c.dep_ == "dobj" and _lemma(c) in DOMESTIC_ACTS for c in trigger.children):
        return None
    if lemma in SIGNING_VERBS or (trigger.pos_ == "NOUN" and lemma in ("signing", "ratification")):
        return "SUPPORT"
    if lemma == "use" and any(c.dep_ == "dobj" and _lemma(c) == "veto" for c in trigger.children):
        return "REJECT"  # "used its veto" (what else is used says little: "used the talks to ...")
    if lemma == "enter" and any(p.dep_ == "prep" and p.lower_ == "into" and any(
            o.dep_ == "pobj" and _lemma(o) in AGREEMENT_NOUNS for o in p.children) for p in trigger.children):
        return "SUPPORT"  # "entered into an agreement": concluded it
    if lemma == "approve" and any(c.dep_ == "dobj" and _lemma(c) in AGREEMENT_NOUNS for c in trigger.children):
        return "SUPPORT"  # "parliament approved the treaty": a ratification
    if lemma == "agree" and trigger.pos_ == "VERB" and (
            any(c.dep_ == "dobj" and _lemma(c) in AGREEMENT_NOUNS for c in trigger.children)
            or trigger.dep_ in ("relcl", "ccomp") and _lemma(trigger.head) in AGREEMENT_NOUNS
            and trigger.head.i < trigger.i  # the parser may take "truce" in "the truce they agreed" for a verb
            or any(p.dep_ == "prep" and p.lower_ in ("on", "to", "upon", "in") and any(
                o.dep_ == "pobj" and _lemma(o) in AGREEMENT_NOUNS for o in p.children) for p in _with_open(trigger))):
        return "SUPPORT"  # "agreed a truce", "the truce they agreed", "agreed on a truce", "agreed ... in a deal"
    if lemma == "agree" and trigger.pos_ == "VERB" and any(
            c.dep_ == "xcomp" and _lemma(c) in RENEWAL_VERBS
            and any(o.dep_ == "dobj" and _lemma(o) in AGREEMENT_NOUNS for o in c.children) for c in trigger.children):
        return "SUPPORT"  # "agreed to extend their treaty": the extension is itself concluded
    if trigger.pos_ == "NOUN" and lemma in AGREEMENT_NOUNS:  # "the 1994 accord": dated by its signing
        return "SUPPORT"
    if trigger.pos_ == "VERB" and lemma in RESPONSE_VERBS:
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and _lemma(c) in OBJECT_TYPES):
                return OBJECT_TYPES[_lemma(obj)]
    if trigger.pos_ == "VERB" and lemma == "speak":  # "spoke by telephone"
        if any(c.dep_ in ("prep", "agent") and c.lower_ == "by" and any(_lemma(o) in CALL_MEANS for o in c.children)
               for c in trigger.children):
            return "CONSULT"
    if trigger.pos_ == "VERB" and lemma in ("call", "vote"):  # "called on X to", "voted for/against"
        preps = {c.lower_ for c in trigger.children if c.dep_ == "prep" and c.i > trigger.i  # not "On Sunday, X called"
                 and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)}
        if lemma == "call" and preps & {"on", "upon", "for"}:
            return "REQUEST"
        named = [t for c in trigger.children if c.dep_ in ("oprd", "xcomp") for t in c.subtree]
        if lemma == "call" and named:  # "called the launch 'a reckless act'": naming, as criticism or not
            words = {_lemma(t) for t in named} | {t.lower_ for t in named}
            return "REJECT" if words & DENIAL_WORDS else "ACCUSE" if words & CRITICISM_WORDS else None
        if lemma == "vote":
            return "REJECT" if "against" in preps else "AGREE" if "for" in preps else None
    if lemma == "welcome" and trigger.pos_ == "VERB":  # a visitor is met; an outcome is endorsed
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        return "CONSULT" if any(o.pos_ == "PROPN" for o in objects) else "SUPPORT"
    if _armed_campaign(trigger):  # "a bombing campaign that began in March"
        return "ASSAULT"
    if trigger.pos_ == "NOUN" and lemma in OBJECT_TYPES and lemma in TYPE_OF:
        return OBJECT_TYPES[lemma]  # an event noun means what it means as an object: "the launch of a satellite"
    plover = TYPE_OF.get(lemma) or TYPE_OF.get(trigger.text.lower())
    if plover and trigger.pos_ in ("VERB", "NOUN", "PROPN"):
        return plover
    return None


def _armed_campaign(noun) -> bool:
    """"an air campaign", "a bombing campaign": a campaign of force, not of pressure or votes."""
    return noun.pos_ == "NOUN" and _lemma(noun) == "campaign" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in ARMED_CAMPAIGNS for c in noun.children)


def _travels_to_meet(verb) -> bool:
    """"flew to Beijing for talks", "the foreign minister headed to Moscow": a trip to meet, by
    a person or an official (not "drones flew to the border")."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if any(p.lower_ == "for" and any(o.dep_ == "pobj" and OBJECT_TYPES.get(_lemma(o)) == "CONSULT" for o in p.children)
           for p in preps):
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.ent_type_ == "PERSON" or _lemma(subject) in TRAVELLERS) \
        and any(p.lower_ == "to" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in p.children) for p in preps)


def _with_open(verb) -> list:
    """A verb's children and those of its open complement ("agreed to reopen the border, in a
    deal ...": the parser may hang the phrase on either)."""
    return [c for v in [verb] + [x for x in verb.children if x.dep_ == "xcomp"] for c in v.children]


def _against(trigger) -> list:
    """Tokens of an "against X" phrase on a verb or its object ("used drones against X")."""
    holders = [trigger] + [c for c in trigger.children if c.dep_ == "dobj"]
    holders += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ != "against"  # "in numbers against X"
                for o in p.children if o.dep_ == "pobj"]
    return [t for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "against" for t in p.subtree]


def _governing_trigger(tokens):
    """Nearest ancestor verb (or lexicon noun) of a time expression's tokens."""
    token = max(tokens, key=lambda t: t.i if t.head in tokens else -1) if len(tokens) > 1 else tokens[0]
    roots = [t for t in tokens if t.head not in tokens or t.head == t]
    token = roots[0] if roots else token
    node, steps = token.head, 0
    while steps < 8:
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "amod":
            return node
        if node.pos_ == "NOUN" and event_type(node) and node not in tokens:
            return node
        if node.head == node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node, steps = node.head, steps + 1
    return None


def _is_scope(tokens) -> bool:
    """"a plan of consultations for 2026 and 2027", "targets through 2030": a time that a noun's
    "for"/"through" phrase names is what the thing covers, not when anything happened."""
    roots = [t for t in tokens if t.head not in tokens or t.head == t]
    roots = [t.head if t.dep_ == "conj" else t for t in roots]  # "for 2026 and 2027"
    return any(t.dep_ == "pobj" and t.head.lower_ in ("for", "through") and t.head.head.pos_ == "NOUN"
               for t in roots)


def _told_ahead(verb) -> bool:
    """A clause that a past statement reports ("announced that it would hold drills"): there
    "would" is "will" told in the past, not a hypothesis."""
    node = verb.head if verb.dep_ == "conj" else verb
    return node.dep_ == "ccomp" and _lemma(node.head) in STATEMENT_VERBS | ANNOUNCE_VERBS \
        and node.head.tag_ in ("VBD", "VBN") \
        and not any(c.dep_ == "aux" and _lemma(c) == "have" for c in verb.children)  # not "would have vetoed"


def _is_future(trigger) -> bool:
    """"will meet", "is due in", "is expected to visit", "announced it would hold": the event lies
    after publication."""
    node = trigger
    for _ in range(3):
        ahead = ("will", "shall", "would") if _told_ahead(node) else ("will", "shall")
        if any(c.dep_ == "aux" and _lemma(c) in ahead for c in node.children) \
                or any(c.dep_ == "acomp" and c.lower_ == "due" for c in node.children) \
                or node.lower_ == "due" or _lemma(node) in ("expect", "schedule", "plan", "set"):
            return True
        if node.dep_ not in ("xcomp", "acomp", "conj") or node.head == node:
            return False
        node = node.head
    return False


def _forward(time: TimeExpr, anchor: Anchor | None) -> TimeExpr:
    """A weekday or a month named without a year, in a sentence about the future, is the next
    one, not the last ("is due in Beijing on Thursday", written on a Wednesday, is the next
    day; "will meet in late November", written in September, is this November)."""
    if anchor is None or time.date_end >= anchor.start:
        return time
    if time.kind == "weekday" and time.date_start < anchor.end:
        ahead = time.date_start + dt.timedelta(days=7)
        return replace(time, date_start=ahead, date_end=ahead)
    if time.kind in ("month", "day_month", "month_day") and not re.search(r"\d{4}", time.text):
        start = time.date_start.replace(year=time.date_start.year + 1)
        end = month_end(start.year, start.month) if time.precision == "month" else start
        return replace(time, date_start=start, date_end=end)
    return time


def _is_unreal(trigger, reported: bool = False) -> bool:
    """Negated, conditional or hypothetical predicates do not report an event. In reported
    speech "would" may be "will" told in the past ("said Moscow would veto it")."""
    for child in trigger.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True
        if child.dep_ == "aux" and _lemma(child) in HYPOTHETICAL and not (reported and _lemma(child) == "would"):
            return True
        if child.dep_ == "mark" and _lemma(child) in CONDITIONAL_MARKS:
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in ("neither", "nor", "no") and t.i <= child.i
                                                        for t in child.subtree):
            return True  # "neither China nor Russia provided aid"
    if trigger.dep_ == "xcomp" and _lemma(trigger.head) in FAILURE_VERBS:
        return True  # "failed to assist", "refused to sign"
    head = trigger
    for _ in range(3):
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and _lemma(c) in CONDITIONAL_MARKS for c in head.children):
            return True
        if head.head == head:
            break
        head = head.head
    return False


def _clause_tokens(trigger, keep_xcomp: bool = False) -> list:
    """The trigger's own clause: its subtree without embedded clauses and conjoined predicates
    (open complements kept where they carry the content: "agreed to admit Iran")."""
    out, stack = [], [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX") \
                    and not (keep_xcomp and child.dep_ == "xcomp"):
                continue
            if _subordinate(child, that_too=True):
                continue  # "pressure, days after X renewed it": a subordinate clause, however labelled
            if child.dep_ == "conj" and tok == trigger and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return out


def _subordinate(verb, that_too: bool = False) -> bool:
    """A clause with its own subject and a subordinating word ("days after X renewed it"),
    whatever the parser labelled it; a "that" clause counts only with `that_too` (what was
    said goes on after "but that ...")."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and (that_too or c.lower_ != "that")
                                                for c in verb.children) \
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _inherited_subject(verb):
    """A verb's subject, or the one it shares as a conjoined, open or adverbial clause
    ("Lund was due to hold talks", "Ortega is expected to visit"); a relative clause's
    subject is the noun it modifies."""
    token = verb
    for _ in range(4):
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None) or swallowed_subject(token)
        if subject is not None:
            return subject
        if token.dep_ in ("relcl", "acl"):  # "the treaty that X signed", "the Russia-Iran treaty signed in 2025"
            return token.head
        if token.dep_ not in ("conj", "xcomp", "acomp", "advcl") or token.head == token:
            return None
        if token.dep_ == "xcomp" and _lemma(token.head) in CAUSE_VERBS:
            controller = next((c for c in token.head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")),
                              None)
            if controller is not None:
                return controller  # "the incursion forced Oslo to close its airspace": Oslo closed it
        token = token.head
    return None


def _noun_host(noun):
    """The verb whose subject takes part in an event noun: a light verb's object ("held
    talks", "ended a tour") or the occasion of the main verb ("during the talks, X asked")."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and _lemma(head) in HOST_VERBS:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" \
            and (_lemma(head) in OCCASION_PREPS or head.lower_ in SEQUENCE_PREPS):
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and _lemma(head.head) in VISIT_WORDS | TRAVEL_VERBS:
        return head.head  # "hosted X for talks", "arrived for a summit": the visit is for the meeting
    margin = head.head if noun.dep_ == "pobj" and head.lower_ == "of" else None
    if margin is not None and _lemma(margin) in ("sideline", "sidelines", "margin", "margins") \
            and margin.dep_ == "pobj" and margin.head.lower_ in ("on", "at") and margin.head.head.pos_ == "VERB":
        return margin.head.head  # "will meet on the sidelines of the summit next month": at the summit
    if noun.dep_ == "pobj" and head.lower_ == "for" and _lemma(head.head) == "responsibility" \
            and _lemma(head.head.head) == "claim":
        return head.head.head  # "claimed responsibility for the attack": the claimant did it
    return None


def _subject(trigger):
    """The trigger's subject: its own, one inherited through conjoined, open or relative
    clauses (a relative pronoun stands for the noun it modifies), or, for an event noun,
    the subject of the verb it is the object of ("Lund ended a tour")."""
    subject = None
    if trigger.pos_ in ("VERB", "AUX"):
        subject = _inherited_subject(trigger)
    if subject is None and trigger.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ == "relcl" and _lemma(c) in START_VERBS for c in trigger.children):
        # not "Chile joined a campaign that began in March": who joined later did not begin it
        verb = _noun_host(trigger)
        if verb is not None:
            subject = _inherited_subject(verb)
    if subject is not None and subject.tag_ in ("WP", "WDT"):
        subject = relative_antecedent(subject)
    return subject


def _nested(token, trigger, typed_by: set) -> bool:
    """True for words in a phrase attached to a noun inside an argument ("Chile's use of
    Peruvian vessels against smugglers": the vessels and smugglers are not participants).
    What a list names ("several lenders, including X", "a subsidiary of X") is the argument itself."""
    node = token
    while node != trigger and node.head != node:
        if node.dep_ == "prep" and node.head != trigger and node.head.pos_ in ("NOUN", "PROPN") \
                and node.head.i not in typed_by \
                and not (node.head.dep_ == "dobj" and node.head.head == trigger and _lemma(node) in PLACE_PREPS) \
                and not (_lemma(node) == "of" and _lemma(node.head) in QUANTITY_NOUNS | PART_NOUNS) \
                and node.lower_ != "including" \
                and not (_lemma(node) in ("for", "to") and _lemma(node.head) in BACKING_NOUNS) \
                and not (_lemma(node) in ("to", "from") and _lemma(node.head) in TRADE_NOUNS) \
                and not (_lemma(node) in PARTICIPANT_PREPS and _lemma(node.head) in CALL_MEANS) \
                and not (_lemma(node) == "to" and _lemma(trigger) in GIVING_VERBS):  # "pledged $1bn in loans to X"
            return True
        node = node.head
    return False


def _roles(trigger, plover: str) -> dict:
    """token index -> role for the trigger's arguments."""
    roles = {}
    subject = _subject(trigger)
    if subject is not None:  # "Iran was accused of ...": a passive's subject is what the act is aimed at
        role = "target" if subject.dep_ == "nsubjpass" and subject.head == trigger and plover not in SYMMETRIC \
            else "source"  # not "leaders are expected to condemn": the passive is the raising verb's
        for t in subject.subtree:
            roles.setdefault(t.i, role)
    clause = _clause_tokens(trigger, keep_xcomp=plover in ("AGREE", "REQUEST", "THREATEN"))
    if _is_statement(trigger):
        clause = [trigger]  # who was told is a listener; the statement's actors are in what was said
    if plover == "ASSAULT" and _lemma(trigger) in USE_VERBS and _against(trigger):
        clause = [trigger]  # "used Iranian drones against X": the weapon's maker is no party
        for t in _against(trigger):
            roles.setdefault(t.i, "target")
    if plover == "THREATEN" or _is_statement(trigger):  # "warned that X would retaliate against Y"
        comps = [c for c in trigger.children if c.dep_ == "ccomp"]
        if not comps and _is_statement(trigger) and reported_clause(trigger) is not None:
            comps = [reported_clause(trigger)]  # "told reporters after the vote that X ..."
        comps += [c for comp in comps for c in comp.children if c.dep_ == "ccomp"]  # "said the visit showed X felt"
        comps += [c for comp in comps for c in comp.children  # "said talks went well but that X must act"
                  if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not _subordinate(c)]
        for comp in comps:
            clause += [t for t in _clause_tokens(comp, keep_xcomp=True)
                       if t.dep_ in ("nsubj", "dobj", "amod", "compound", "poss")
                       or t.head.dep_ in ("nsubj", "dobj")]
    deals = [c for c in trigger.children if c.dep_ == "dobj" and _lemma(c) in AGREEMENT_NOUNS]
    if plover == "SUPPORT":  # "agreed ... in a deal brokered by X": the broker takes part
        deals += [o for p in _with_open(trigger) if p.dep_ == "prep" for o in p.children
                  if o.dep_ == "pobj" and _lemma(o) in AGREEMENT_NOUNS]
        for deal in deals:
            for agent in (a for v in deal.children if v.dep_ == "acl" and _lemma(v) in BROKER_VERBS
                          for a in v.children if a.dep_ == "agent"):
                for t in agent.subtree:
                    roles.setdefault(t.i, "participant")
    for deal in (d for d in deals if d.dep_ == "dobj"):
        for receiver in supply_receivers(deal):  # "signed a contract to supply X with gas": X is a party
            for t in receiver.subtree:
                roles.setdefault(t.i, "participant")
    if trigger.pos_ == "NOUN" and _lemma(trigger) in AGREEMENT_NOUNS:  # "Treaty of Friendship": a name
        named = {t.i for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
        clause = [t for t in clause if t.i not in named]
        for signing in (c for c in trigger.children if c.dep_ in ("relcl", "acl")
                        and _lemma(c) in SIGNING_VERBS | {"strike", "reach", "agree"}):
            # "the 2015 deal that Iran struck with six powers including China": who signed it
            for arg in signing.children:
                if arg.dep_ in ("nsubj", "agent") or arg.dep_ == "prep" and arg.lower_ == "with":
                    for t in arg.subtree:
                        roles.setdefault(t.i, "participant")
    if trigger.pos_ in ("NOUN", "PROPN"):
        for child in trigger.children:  # "Lund's visit", "a Turkish strike", "Greek drills"
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                for t in child.subtree:
                    roles.setdefault(t.i, "source")
        if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.pos_ == "VERB":  # "a strike killed X"
            for obj in (c for c in trigger.head.children if c.dep_ == "dobj"):
                for t in obj.subtree:
                    roles.setdefault(t.i, "target")
        verb = _noun_host(trigger) if trigger.dep_ == "pobj" else None
        if verb is not None and plover in SYMMETRIC and _lemma(verb) not in TOPIC_VERBS:  # "X told Y during the call"
            for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
                for t in obj.subtree:  # the one told, not whom what was given is for
                    if not _nested(t, verb, set()) and not any(
                            a.dep_ == "prep" for a in t.ancestors if a.i != obj.i and obj in a.ancestors):
                        roles.setdefault(t.i, "participant")
    for listing in (c for c in trigger.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"
                    and _lemma(c) in LISTING_VERBS and plover == "SANCTION"):
        for t in (t for o in listing.children if o.dep_ == "dobj" for t in o.subtree):
            roles.setdefault(t.i, "target")  # "adopted sanctions on X, listing two Chinese refineries"
    if plover == "SANCTION":  # "fined three shippers for carrying Venezuelan oil": whose trade is punished
        listed = [trigger] + [c for c in trigger.children if c.dep_ == "dobj"]
        listed += [c for t in listed[1:] for c in t.conjuncts]
        for conduct in (g for t in listed for p in t.children if p.dep_ == "prep" and p.lower_ == "for"
                        for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"):
            for t in (t for o in conduct.children if o.dep_ == "dobj" for t in o.subtree):
                roles.setdefault(t.i, "target")
    for gloss in (c for c in trigger.children if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG"
                  and _lemma(c) in ("mean", "refer") and plover in STANCE_TYPES):
        for t in gloss.subtree:  # "condemned 'meddling', meaning sanctions by X": X is the target
            roles.setdefault(t.i, "target")
    if plover == "ASSAULT" and trigger.dep_ == "relcl" and any(c.lower_ == "where" for c in trigger.children):
        inside = {t.i for t in trigger.subtree}  # "the border province, where Chile launched an offensive"
        for t in trigger.head.subtree:
            if t.i not in inside:
                roles.setdefault(t.i, "target")
    for t in clause:
        if t.dep_ == "agent":
            for u in t.subtree:
                roles[u.i] = "source"
    typed_by = {c.i for c in trigger.children if c.dep_ in ("dobj", "attr") and _lemma(c) in OBJECT_TYPES}
    typed_by |= {o.i for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("with", "for", "into")
                 for o in p.children if o.dep_ == "pobj" and _lemma(o) in OBJECT_TYPES}  # "responded with sanctions"
    if _claimed(trigger) is not None:  # "claimed responsibility for an attack on X": X is the target
        typed_by |= {o.i for o in _claimed(trigger)} | {o.head.head.i for o in _claimed(trigger)}
    for deal in (c for c in trigger.children if c.dep_ == "dobj" and _lemma(c) in AGREEMENT_NOUNS | SPAN_NOUNS):
        typed_by |= {deal.i} | {o.i for p in deal.children if p.dep_ == "prep" and p.lower_ == "of"  # "a memorandum
                                for o in p.children if o.dep_ == "pobj"}  # of obligations with the SCO", "a package
        # of sanctions on X": X takes part
    topic = {t.i for c in trigger.children if c.dep_ == "dobj" and _lemma(trigger) in TOPIC_VERBS for t in c.subtree}
    for t in clause:
        if t.i in roles or t.i in topic or _nested(t, trigger, typed_by):
            continue  # nor what was discussed: "discussed the war in Ukraine"
        prep = t
        while prep.head != trigger and prep.head != prep and prep.dep_ != "prep":
            prep = prep.head
        if prep.dep_ == "prep" and (_lemma(prep) in OCCASION_PREPS or prep.lower_ in SEQUENCE_PREPS) and any(
                o.dep_ == "pobj" and event_type(o) == "CONSULT" for o in prep.children):
            continue  # "during the talks, X condemned ...": the occasion's sides are not what was condemned
        if prep.dep_ == "prep" and _lemma(prep) in PARTICIPANT_PREPS:
            roles[t.i] = "participant"
        else:
            roles[t.i] = "target"
    if plover in SYMMETRIC:  # "pledged to stand together against X": X is no party to the pledge
        against = {t.i for t in clause if t.dep_ == "prep" and t.lower_ == "against" for t in t.subtree}
        roles = {i: "participant" for i in roles if i not in against}
    return roles


def event_mode(trigger, plover: str) -> str | None:
    """PLOVER's mode where the words make it plain: how a consultation was held (phone, visit),
    what aid was given (military, economic, humanitarian), what a retreat was (withdraw,
    release); else None. Reads the trigger's own phrase, not clauses hanging on it."""
    phrase = [trigger] + [t for c in trigger.children if c.dep_ not in CLAUSE_DEPS | {"conj", "punct"}
                          for t in c.subtree if not (t.dep_ in CLAUSE_DEPS)]
    words = {_lemma(t) for t in phrase} | {t.lower_ for t in phrase}
    lemma = _lemma(trigger)
    if plover == "CONSULT":
        if words & (CALL_MEANS | {"phone", "telephone", "videoconference"}):
            return "phone"
        if lemma in VISIT_WORDS | TRAVEL_VERBS or (lemma == "be" and "due" in words) or lemma == "expect":
            return "visit"
    if plover == "AID":
        kinds = {mode for mode, nouns in AID_MODES.items() if words & nouns}
        return kinds.pop() if len(kinds) == 1 else None
    if plover == "RETREAT":
        return RETREAT_MODES.get(lemma)
    return None


def _context(sentence_text: str) -> str | None:
    for name, pattern in CONTEXTS:
        if re.search(pattern, sentence_text, re.I):
            return name
    return None


def _non_place(actor_id: str, actors: ActorResult, registry: Registry) -> bool:
    return actor_type(actor_id, actors, registry) not in (None, "place")


def extract_events(parsed: Parsed, actors: ActorResult, registry: Registry, anchor: Anchor | None,
                   quote_ranges=()) -> list[EventReport]:
    """Dated event reports, one per (time expression, predicate), outside quoted speech."""
    resolver = Resolver(parsed, actors, registry, quote_ranges)
    reports, earlier_states = [], []  # earlier_states: (trigger offset, states) of each report, for "the two sides"
    last_day = None  # the day last named, for "the same day", "a day later"
    heading = None  # the date line over a live page's entries ("Friday, 19 May."): dates what has none
    dated_subjects = {}  # actor id -> day, for whoever the last sentence dated: "She said ..." goes on from it

    def add(report, method: str | None = None):
        if report:
            if method:
                report = replace(report, method=method, confidence=round(report.confidence - 0.1, 2))
            reports.append(report)
            states = sorted({resolver.state_of(a) for a, _ in report.actors} - {None})
            if len(states) > 1:
                earlier_states.append((report.trigger_start, states))

    def borrow(predicate, time, sentence, dated_here: set, method: str):
        """A predicate no time expression of its own dates, dated from its context (once)."""
        if predicate not in dated_here:
            dated_here.add(predicate)
            add(_report(predicate, time, sentence, parsed, actors, registry, resolver, earlier_states), method)

    for sentence in parsed.sentences:
        span = sentence.span
        times = find_time_expressions(parsed.text[sentence.start:sentence.end], anchor, sentence.start,
                                      event_day=last_day)
        times = [t for t in times if not any(qs <= t.start < qe for qs, qe in quote_ranges)]
        last_day = next((t.date_start for t in sorted(times, key=lambda t: -t.start) if t.precision == "day"),
                        last_day)
        if _is_date_line(sentence, times, parsed.text):  # a weekday beside the date is only its name
            heading = min((t for t in times if t.precision == "day"), key=lambda t: t.kind == "weekday")
            continue
        dated_here, dated_before, dated_subjects = set(), dated_subjects, {}
        for time in times:
            tokens = [t for t in span if time.start <= offset(t) < time.end]
            if not tokens or _is_scope(tokens):
                continue
            trigger = _governing_trigger(tokens)
            subject = _subject(trigger) if trigger is not None and time.precision == "day" else None
            subject_id = resolver.resolve(subject, offset(subject.left_edge), offset(subject) + len(subject))[0] \
                if subject is not None else None
            if subject_id is not None:
                dated_subjects.setdefault(subject_id, time)
            for predicate, future in _dated_predicates(trigger, tokens) if trigger is not None else ():
                dated_here.add(predicate)
                add(_report(predicate, _forward(time, anchor) if future else time, sentence, parsed, actors, registry,
                            resolver, earlier_states))
        for occasion in _occasions_named_again(sentence):
            earlier = next((r for r in reversed(reports) if r.type == "CONSULT" and r.trigger_start < sentence.start
                            and _same_kind_of_meeting(occasion, r)), None)
            trigger = _governing_trigger([occasion]) if earlier is not None else None
            for predicate, _ in _dated_predicates(trigger, [occasion]) if trigger is not None else ():
                borrow(predicate, earlier.time, sentence, dated_here, "rule:date-from-occasion")
        for predicate in _undated_predicates(sentence) if dated_before and not times else ():
            subject = _subject(predicate)
            said_by = resolver.pronoun(subject) if subject is not None and subject.lower_ in ("he", "she") else None
            if said_by in dated_before:  # "X was asked on Monday. She said ..."
                borrow(predicate, dated_before[said_by], sentence, dated_here, "rule:date-from-previous-sentence")
        for predicate in _undated_predicates(sentence) if heading is not None else ():
            borrow(predicate, heading, sentence, dated_here, "rule:date-from-heading")
        dated = {r.trigger_start: r.time for r in reports if sentence.start <= r.trigger_start < sentence.end}
        for clause, time in _counted_from(sentence, parsed.text, dated, last_day):
            report = _report(clause, time, sentence, parsed, actors, registry, resolver, earlier_states)
            if report:
                reports.append(report)
    return _drop_vaguer_mentions(_dedupe(reports), resolver)


def _occasions_named_again(sentence) -> list:
    """"During the talks, X condemned ...", "after the meeting, Y said ...": a meeting named
    again with a definite word and nothing else, as the occasion of what is said or done. It
    is the meeting last reported before, and what was done at or after it takes its date."""
    found = []
    for noun in sentence.span:
        if noun.pos_ != "NOUN" or event_type(noun) != "CONSULT" or noun.dep_ != "pobj" \
                or _lemma(noun.head) not in OCCASION_PREPS | {"after"}:
            continue
        if any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "this", "that", "his", "her", "its")
               for c in noun.children) \
                and all(c.dep_ in ("det", "poss") or c.dep_ == "compound" and _lemma(c) in CALL_MEANS
                        for c in noun.children):
            found.append(noun)
    return found


def _same_kind_of_meeting(noun, report: EventReport) -> bool:
    """"their call" names a call again, "the visit" a visit, "the meeting" or "the talks" a
    meeting that was no phone call."""
    wanted = {"call": "phone", "conversation": "phone", "visit": "visit", "trip": "visit", "tour": "visit"}
    kind = wanted.get(_lemma(noun))
    return report.mode == kind if kind else report.mode != "phone"


def _is_date_line(sentence, times: list[TimeExpr], text: str) -> bool:
    """A paragraph that opens with a day and nothing else ("Friday, 19 May."): the heading of a
    live page or a diary, dating the entries under it."""
    words = [t for t in sentence.span if t.is_alpha or t.like_num]
    return (sentence.start == 0 or text[sentence.start - 1] == "\n") and bool(words) \
        and any(t.precision == "day" for t in times) \
        and all(any(t.start <= offset(w) < t.end for t in times) for w in words)


def _undated_predicates(sentence):
    """What a sentence without a time expression reports as done, for a date it takes from
    its context: the main predicate and those joined to it, or, when the main verb only says
    who said so ("X fired a missile, Seoul said"), what was said to have been done. Future
    and perfect predicates are not dated by the context."""
    root = sentence.span.root
    found = [p for p, future in _dated_predicates(root, []) if not future]
    said = reported_clause(root) if _lemma(root) in STATEMENT_VERBS and statement_type(root) is None else None
    if said is not None and said.tag_ == "VBD":
        found += [p for p, future in _dated_predicates(said, []) if not future and p not in found]
    return [p for p in found if not any(c.dep_ == "aux" and _lemma(c) == "have" for c in p.children)]


def _dated_predicates(trigger, tokens):
    """(predicate, is it in the future) for each predicate a time expression dates, given the
    verb or event noun that governs the expression's tokens: the governing word itself (or
    what it stands for: the main verb of "Speaking on Monday, X accused", the event noun of
    "talks resumed on Monday"), its conjoined predicates, a stance participle after it, a
    "when" clause on the time, what was done at a dated occasion and in a dated document."""
    if event_type(trigger) is None and trigger.dep_ == "advcl" and trigger.head.pos_ == "VERB":
        trigger = trigger.head  # "Speaking on Monday, Lund accused ..."
    if event_type(trigger) is None and trigger.dep_ == "acl" and trigger.head.dep_ == "pobj" \
            and trigger.head.head.lower_ in VENUE_PREPS and trigger.head.head.head.pos_ == "VERB":
        trigger = trigger.head.head.head  # "in a declaration adopted on Friday, X called on Y"
    if event_type(trigger) is None and trigger.dep_ == "xcomp" and event_type(trigger.head) in STANCE_TYPES | {"AGREE"}:
        trigger = trigger.head  # "urged X to stand down on Monday", "offered to mediate in May": the urging, the offer
    if _lemma(trigger) in PHASE_VERBS:  # "began sending troops": the event is the sending
        trigger = next((c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), trigger)
    phase_verb = trigger
    if event_type(trigger) is None:  # "talks resumed on Monday": the event is the talks
        noun = _phase_subject(trigger)
        if noun is not None and _is_unreal(trigger):
            return
        noun = noun if noun is not None else _dated_subject(trigger, tokens)
        trigger = noun if noun is not None else trigger
    triggers = [trigger] + [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    # "met Y on Monday, urging him to ...", and after an act that is no event, "signed a law on
    # Monday ratifying the treaty"
    participle_types = {t.i: STANCE_TYPES | ({"SUPPORT"} if event_type(t) is None else set()) for t in triggers}
    triggers += [c for t in list(triggers) for c in t.children
                 if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > t.i and event_type(c) in participle_types[t.i]
                 and not any(m.dep_ == "mark" for m in c.children)]
    triggers += [o for p in trigger.children if p.dep_ == "prep" and _lemma(p) in OCCASION_PREPS - {"at"}
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and event_type(o) == "CONSULT"
                 and any(w.dep_ == "prep" and _lemma(w) in PARTICIPANT_PREPS for w in o.children)]
    # "pledged support in a meeting with Y on Monday": the meeting was that day too
    triggers += [c for t in tokens for c in t.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"
                 and any(a.lower_ == "when" for a in c.children)]  # "on Friday, when X signed ..."
    host = _noun_host(trigger) if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" else None
    if host is not None and host not in triggers and (
            _lemma(trigger.head) in OCCASION_PREPS or _lemma(trigger.head) == "of"  # "on the sidelines of"
            or trigger.head.lower_ in ("after", "following") and event_type(trigger) == "CONSULT"):
        # "told Y in a call on Saturday that ...", "during Thursday's talks, X asked", "signed a
        # plan after talks on Wednesday, and criticised ...": on the day of the occasion
        triggers += [v for v in [host] + [c for c in host.children if c.dep_ == "conj" and c.pos_ == "VERB"]
                     if event_type(v)]
    triggers += [v for trig in list(triggers) for v in _in_which_clauses(trig) if v not in triggers]
    for trig in triggers:
        yield trig, _is_future(trig) or (trig == trigger and trigger != phase_verb and _is_future(phase_verb))


def _phase_subject(verb):
    """The event noun a verb of beginning or going on has for subject ("talks between X and Y
    resumed on Monday", "the war that began on June 13"): the event, dated by the verb's time.
    A meeting or drill that ended took place then too; a war that ended did not begin then,
    and an agreement or a sanction that begins or ends is no signing or sanctioning."""
    lemma = _lemma(verb)
    if verb.pos_ != "VERB" or lemma not in START_VERBS | END_VERBS or any(c.dep_ == "xcomp" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "relcl":
        subject = verb.head
    if subject is not None and subject.tag_ in ("WDT", "WP"):
        subject = relative_antecedent(subject)
        for _ in range(3):  # "talks between Chile and Peru, which resumed": the parser hangs it on "Peru"
            if subject is None or subject.pos_ == "NOUN" or any(c.dep_ == "dobj" for c in verb.children):
                break
            subject = subject.head if subject.dep_ in ("conj", "pobj", "prep") else None
    if subject is None or subject.pos_ != "NOUN":
        return None
    plover = event_type(subject)
    if plover is None or plover in ("SUPPORT", "SANCTION", "RETREAT") \
            or lemma in END_VERBS and plover not in ("CONSULT", "COOPERATE"):
        return None
    return subject


def _dated_subject(verb, tokens):
    """"Xi's visit to Moscow last week produced a statement": a time right after an event noun
    that is the subject dates the noun, though the parser hangs it on the verb."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not tokens or subject is None or subject.pos_ != "NOUN" or event_type(subject) is None:
        return None
    follows = min(t.i for t in tokens) == subject.right_edge.i + 1 and max(t.i for t in tokens) < verb.i
    return subject if follows else None


def _in_which_clauses(trigger) -> list:
    """"signed a statement on Tuesday in which Kim committed to X and Trump pledged Y": what the
    dated document says was committed, pledged or agreed in it, on its date."""
    nouns = [trigger] if trigger.pos_ == "NOUN" else [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    found = []
    for noun in nouns:
        for clause in (c for c in noun.children if c.dep_ == "relcl" and c.pos_ == "VERB"):
            if any(p.dep_ == "prep" and p.lower_ == "in" and any(o.lower_ == "which" for o in p.children)
                   for p in clause.children):
                found += [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return found


def _counted_from(sentence, text: str, dated: dict, last_day):
    """(clause verb, time) for "two days after X sanctioned Y", "a week after", "days after": the
    clause is dated by counting back (or on, for "before") from the date of the clause it
    hangs on, or from the day last named when that clause has none. Whole days give a day;
    weeks, months and an uncounted "days" give the month."""
    for clause in sentence.span:
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
        unit = next((c for c in clause.children if c.dep_ == "npadvmod" and _lemma(c) in ("day", "week", "month")
                     and c.i < (mark.i if mark is not None else -1)), None)
        if clause.dep_ != "advcl" or clause.pos_ != "VERB" or mark is None or unit is None \
                or offset(clause) in dated:
            continue
        base = dated.get(offset(clause.head))
        base_day = base.date_start if base is not None and base.precision == "day" else \
            (last_day if base is None else None)
        if base_day is None:
            continue
        counter = next((c for c in unit.children if c.dep_ in ("nummod", "det") and c.i == unit.i - 1), None)
        count = (NUMBER_WORDS.get(counter.lower_) or (int(counter.text) if counter.text.isdigit() else None)) \
            if counter is not None else None
        if count is None and _lemma(unit) != "day":
            continue  # "months before": too vague to date
        days = {"day": 1, "week": 7, "month": 30}[_lemma(unit)] * (count or 1)
        day = base_day - dt.timedelta(days=days) if mark.lower_ == "after" else base_day + dt.timedelta(days=days)
        start = offset(counter if counter is not None else unit)
        end = offset(mark) + len(mark.text)
        if _lemma(unit) == "day" and count:
            yield clause, TimeExpr(start, end, text[start:end], day, day, "day", "counted")
        else:
            first = day.replace(day=1)
            yield clause, TimeExpr(start, end, text[start:end], first, month_end(first.year, first.month), "month",
                                   "counted")


def _in_person_name(tok, actors: ActorResult, registry: Registry) -> bool:
    """True for a word modifying a person's name ("Chinese" and "UN" in "Chinese Foreign
    Minister Wang Yi", "UN Secretary-General Ana Ruiz"): the person's affiliation, not
    another participant."""
    def is_person(token) -> bool:
        pos = offset(token)
        return any(actor_type(m.actor_id, actors, registry) == "person" for m in actors.at(pos, pos + len(token)))

    node = tok
    for _ in range(5):
        if node.dep_ not in ("compound", "amod", "nmod", "poss", "flat") or node.head == node:
            return False
        node = node.head
        if is_person(node):
            return True
        # "Iran's UN ambassador, Ana Ruiz,": the title stands in apposition to the name
        if any(c.dep_ == "appos" and is_person(c) for c in node.children) \
                or node.dep_ == "appos" and is_person(node.head):
            return True
    return False


def _argument_actors(tok, actors: ActorResult, registry: Registry, resolver: Resolver,
                     earlier_states: list) -> list[str]:
    """Actors a token of an argument stands for: a name, a relative pronoun's antecedent,
    a pronoun, or "the two countries" (the states of the last event with that many, else the
    last states named)."""
    pos = offset(tok)
    doc_shift = pos - tok.idx  # article offset of the paragraph the token's doc holds
    named = [m for m in actors.at(pos, pos + len(tok))  # "North Korean-made missiles": provenance
             if not PROVENANCE.match(tok.doc.text, m.end - doc_shift)]
    people = [m.actor_id for m in named if actor_type(m.actor_id, actors, registry) == "person"]
    if named:
        if people:
            return people
        in_name = []
        for m in named:  # judge the whole mention by its head ("Coast Guard commander X")
            span = tok.doc.char_span(m.start - doc_shift, m.end - doc_shift, alignment_mode="expand")
            in_name.append(_in_person_name(span.root if span is not None else tok, actors, registry))
        return [m.actor_id for m, inside in zip(named, in_name) if not inside]
    if tok.tag_ in ("WDT", "WP") and tok.dep_ in ("dobj", "pobj", "nsubjpass"):
        antecedent = relative_antecedent(tok)
        if antecedent is not None:
            at = offset(antecedent)
            return [m.actor_id for m in actors.at(at, at + len(antecedent))]
    if tok.lower_ in PERSON_PRONOUNS and tok.tag_ in ("PRP", "PRP$"):
        found = resolver.pronoun(tok)
        return [found] if found else []
    if tok.lower_ == "it" and tok.dep_ in ("nsubj", "nsubjpass"):
        # "Russia announced that it would hold drills", "Chile has not fired one since it tested X":
        # the subject of the clause it is part of, when that is a state or a body
        verb = tok.head
        for _ in range(3):
            if verb.dep_ not in ("ccomp", "advcl", "conj") or verb.head == verb:
                break
            verb = verb.head
            governor = subject_of(verb) if _lemma(verb) in STATEMENT_VERBS | ANNOUNCE_VERBS else next(
                (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if governor is not None and governor.lower_ != "it":
                found = _argument_actors(governor, actors, registry, resolver, earlier_states)
                return [a for a in found if actor_type(a, actors, registry) in ("country", "organization", "group")]
    if tok.lower_ in ("they", "their", "them") and tok.tag_ in ("PRP", "PRP$"):
        # "Chile and Peru ... their navies": the states last named together in the
        # sentence, else the parties of the last joint event ("their 1994 accord")
        together = resolver.coordinated_in_sentence_before(tok)
        if together or tok.lower_ == "them":  # "would not observe them": more often things than the last sides
            return together
        return list(earlier_states[-1][1]) if earlier_states else []
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative"):
        body = resolver.named_by_head(tok)  # "urged the council"
        if body:
            return [body]
    group = resolver.group(tok)
    if group:  # the states of the last event between that many, unless they were named together since
        together = resolver.group_named_together(tok)
        named_at = together[1] if together else -1
        same_size = next((states for at, states in reversed(earlier_states) if len(states) == len(group)
                          and at > named_at), None)
        return same_size or group
    return []


def _report(trigger, time, sentence, parsed, actors, registry, resolver, earlier_states):
    plover = event_type(trigger)
    if plover is None or _is_unreal(trigger, reported=_told_ahead(trigger)):
        return None
    if plover == "ACCUSE" and trigger.tag_ == "VBN" and trigger.dep_ == "acl" \
            and not any(c.dep_ == "agent" for c in trigger.children):
        return None  # "four men accused of spying": a description of the men, not an accusation made then
    subject = _subject(trigger)
    if subject is not None and time.start <= offset(subject) < time.end:
        return None  # "last week gave Moscow a treaty": the time is the subject, not a date of an act
    if subject is None and trigger.dep_ == "ROOT" and trigger.tag_ in ("VBD", "VBZ", "VBP") \
            and time.start == sentence.start and not parsed.text[time.end:offset(trigger)].strip(" ,"):
        return None  # "Last week gave Moscow a treaty": a sentence-initial time read as the subject
    roles = _roles(trigger, plover)
    by_actor = {}
    for token_i, role in sorted(roles.items()):
        tok = trigger.doc[token_i]
        pos = offset(tok)
        if time.start <= pos < time.end or _is_meeting_venue(tok, trigger, actors):
            continue
        for actor_id in _argument_actors(tok, actors, registry, resolver, earlier_states):
            current = by_actor.get(actor_id)
            if current is None or (current != "source" and role == "source"):
                by_actor[actor_id] = role
    if not any(_non_place(a, actors, registry) for a in by_actor):
        return None
    if plover == "ASSAULT":  # "jets hit Idlib": an attack on a place is aimed at the state it lies in
        for place in [a for a, role in by_actor.items() if role == "target" and not _non_place(a, actors, registry)]:
            state = resolver.state_of(place)
            if state and not any(resolver.state_of(a) == state for a in by_actor if _non_place(a, actors, registry)):
                by_actor[state] = "target"
    parties = {resolver.state_of(a) or a for a in by_actor if _non_place(a, actors, registry)}
    if _is_statement(trigger) and len(parties) < 2 and plover in ("THREATEN", "AGREE", "REQUEST"):
        # what the speaker's side will do, told to another: the listener is the one it is aimed at
        for listener in (c for c in trigger.children if c.dep_ in ("dobj", "dative")):
            for tok in listener.subtree:
                for actor_id in _argument_actors(tok, actors, registry, resolver, earlier_states):
                    by_actor.setdefault(actor_id, "target")
        parties = {resolver.state_of(a) or a for a in by_actor if _non_place(a, actors, registry)}
    if plover in STANCE_TYPES and len(parties) < 2:
        # "Lund dismissed the charge", "said the sanctions were illegal": aimed at whoever made them
        act = _earlier_act(trigger)
        author = _earlier_author(trigger, act, parsed, resolver, parties) if act is not None else None
        if author is not None:
            by_actor.setdefault(author, "target")
            parties.add(resolver.state_of(author) or author)
    if _is_statement(trigger) and len(parties) < 2:
        return None  # a statement is an event when it is about another actor than the speaker
    aimed = [o for h in [trigger, *trigger.children] for p in h.children  # at a target, not "at 07:22"
             if p.dep_ == "prep" and p.lower_ in ("at", "against", "on", "into", "toward", "towards")
             for o in p.children if o.dep_ == "pobj" and not any(t.tag_ == "CD" for t in o.subtree)
             and any(_non_place(m.actor_id, actors, registry)  # not "into the sea"
                     for m in actors.at(offset(o.left_edge), offset(o.right_edge) + len(o.right_edge)))]
    if plover == "ASSAULT" and _lemma(trigger) in USE_VERBS | {"test"} and not aimed \
            and any(c.dep_ == "dobj" and _lemma(c) in PROJECTILES for c in trigger.children):
        plover = "MOBILIZE"  # a missile fired at nobody named: a launch or test, not an attack
    if plover in ("CONSULT", "COOPERATE") and len(parties) < 2 and not (
            _lemma(trigger) in ("meet", "convene") and all(actor_type(a, actors, registry) == "organization"
                                                           for a in by_actor if _non_place(a, actors, registry))):
        return None  # a meeting or a joint drill has two sides (a council meeting has its members)
    trigger_start = offset(trigger)
    confidence = 0.75 if any(r == "source" for r in by_actor.values()) else 0.6
    return EventReport(
        type=plover, trigger=trigger.text, trigger_start=trigger_start,
        sentence_start=sentence.start, sentence_end=sentence.end, time=time,
        actors=sorted(by_actor.items()), context=_context(parsed.text[sentence.start:sentence.end]),
        mode=event_mode(trigger, plover),
        confidence=confidence,
    )


def _earlier_act(trigger):
    """The definite noun for something another side said or did before that a rejection or
    criticism answers, naming no actor: "dismissed the charge", "rejected the offer", or in
    what a statement says, "said the sanctions were illegal". -> the noun token, or None."""
    holders = [trigger]
    if _is_statement(trigger) and reported_clause(trigger) is not None:
        holders.append(reported_clause(trigger))
    for holder in holders:
        for noun in (c for c in holder.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ == "NOUN"):
            if (_lemma(noun) in EARLIER_ACTS or _lemma(noun) in OBJECT_TYPES) \
                    and any(d.dep_ == "det" and d.lower_ in ("the", "this", "these", "those") for d in noun.children) \
                    and not any(t.pos_ == "PROPN" or t.dep_ in ("poss", "amod", "compound")
                                and t.lower_ not in RECENCY_WORDS for t in noun.subtree if t != noun):
                return noun
    return None


def _earlier_author(trigger, act, parsed: Parsed, resolver: Resolver, parties: set) -> str | None:
    """Who made the act a noun refers back to: the actor last named before the trigger's
    sentence as the subject of a verb of saying or proposing ("the charge", two sentences
    back) or of a verb of the noun's own type ("the sanctions": who sanctioned, eight
    sentences back), from another side."""
    wanted = OBJECT_TYPES.get(_lemma(act)) if _lemma(act) not in EARLIER_ACTS else None
    if wanted in ("ASSAULT", "MOBILIZE"):  # a launch is coded by whether it had a target
        wanted = ("ASSAULT", "MOBILIZE")
    elif wanted:
        wanted = (wanted,)
    index = parsed.sentence_index(offset(trigger)) or 0
    window = index if wanted else 2  # an act noun ("the launch") may reach back to the article's main event
    for sentence in reversed(parsed.sentences[max(0, index - window):index]):
        for verb in reversed(sentence.span):
            if verb.pos_ != "VERB" or (event_type(verb) not in wanted if wanted else _lemma(verb) not in AUTHOR_VERBS):
                continue
            subject = subject_of(verb)
            if subject is None:
                continue
            start, end = offset(subject.left_edge), offset(subject.right_edge) + len(subject.right_edge)
            actor_id = resolver.resolve(subject, start, end)[0]
            if actor_id and (resolver.state_of(actor_id) or actor_id) not in parties:
                return actor_id
    return None


def _is_meeting_venue(tok, trigger, actors: ActorResult) -> bool:
    """"Officials met in Tbilisi": a capital where a meeting is held is its venue, not a side."""
    if _lemma(trigger) not in MEETING_VERBS or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at") \
            or tok.head.head != trigger:
        return False
    pos = offset(tok)
    return any(m.kind == "capital" for m in actors.at(pos, pos + len(tok)))


def _drop_vaguer_mentions(reports: list[EventReport], resolver: Resolver) -> list[EventReport]:
    """"On March 3 Lund and Ruiz spoke by phone ... when they talked earlier this month": a
    vaguer report of the same type between the same states, whose range holds the date of a
    finer one in the article, is that event mentioned again, not another (unless their modes
    differ: a phone call on the 9th is not the visit due later that month)."""
    rank = PRECISION_RANK

    def key(r):
        return r.type, frozenset(resolver.state_of(a) or a for a, _ in r.actors)

    kept = []
    for r in reports:
        again = any(key(f) == key(r) and rank[f.time.precision] < rank[r.time.precision]
                    and r.time.date_start <= f.time.date_start <= r.time.date_end
                    and not (f.mode and r.mode and f.mode != r.mode) for f in reports)  # a call is not the visit
        if not again:
            kept.append(r)
    return kept


def _dedupe(reports: list[EventReport]) -> list[EventReport]:
    """Per trigger, the reports with the finest time expressions: "on Friday" beats "this
    week", and "on December 30 and January 2" gives two events."""
    rank = PRECISION_RANK
    finest = {}
    for r in reports:
        finest[r.trigger_start] = min(finest.get(r.trigger_start, 9), rank[r.time.precision])
    kept = {(r.trigger_start, r.time.date): r for r in reports if rank[r.time.precision] == finest[r.trigger_start]}
    return sorted(kept.values(), key=lambda r: (r.trigger_start, r.time.start))
