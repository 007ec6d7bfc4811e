"""Dated events: a time expression, the predicate it dates, a PLOVER type and the actors.

For each time expression in a sentence, the trigger is the nearest verb (or event noun)
that governs it in the dependency parse; light verbs ("held talks", "conducted drills",
"imposed sanctions") take their object's meaning. The trigger's lemma gives the PLOVER type
(lexicon below, after the PLOVER codebook's CAMEO mapping). Participants are the actors in
the trigger's own clause: its subject (source), objects and "with/between/against"
phrases (target or participant). Negated, conditional and hypothetical predicates are not
events; an event needs at least one actor that is not a place.
"""

import re
from dataclasses import dataclass, field

from crink.extract.actors import ActorResult
from crink.extract.dates import Anchor, TimeExpr, find_time_expressions
from crink.nlp import Parsed, offset
from crink.registry import Registry

# lemma -> PLOVER type; verbs and event nouns
LEXICON = {
    "SUPPORT": "sign ratify conclude formalize formalise endorse recognize recognise back ink seal signing ratification",
    "AGREE": "agree pledge promise vow offer commit propose accept approve establish launch upgrade elevate deepen "
             "expand strengthen announce",
    "CONSULT": "meet visit call talk host discuss consult negotiate confer telephone summit meeting visit talks "
               "call conversation negotiation trip travel tour welcome receive attend convene",
    "COOPERATE": "drill exercise cooperate coordinate patrol collaborate partner join",
    "AID": "supply provide send deliver ship transfer sell give deploy fund finance arm aid help assist "
           "supplies shipment delivery deployment",
    "ACCUSE": "accuse condemn criticize criticise denounce blame charge decry slam rebuke protest condemnation",
    "REJECT": "veto reject refuse block deny oppose dismiss boycott",
    "THREATEN": "threaten warn threat ultimatum",
    "REQUEST": "urge demand request appeal ask",
    "SANCTION": "sanction embargo expel suspend restrict ban sanctions",
    "ASSAULT": "attack strike invade annex kill bomb shell shoot assassinate seize occupy invasion annexation "
               "war attack strike bombing assassination killing raid",
    "MOBILIZE": "mobilize mobilise mobilization",
    "RETREAT": "withdraw retreat ease lift release withdrawal",
    "CONCEDE": "concede yield apologize apologise",
}
TYPE_OF = {word: plover for plover, words in LEXICON.items() for word in words.split()}
LIGHT_VERBS = {"hold", "conduct", "stage", "carry", "impose", "pay", "make", "have", "launch", "begin",
               "start", "undertake", "issue", "deliver", "host", "mount", "take", "place", "level", "cast",
               "announce", "unveil", "open", "complete", "finish"}
OBJECT_TYPES = {"sanction": "SANCTION", "sanctions": "SANCTION", "drill": "COOPERATE", "exercise": "COOPERATE",
                "exercises": "COOPERATE", "talk": "CONSULT", "talks": "CONSULT", "visit": "CONSULT",
                "summit": "CONSULT", "meeting": "CONSULT", "call": "CONSULT", "veto": "REJECT",
                "attack": "ASSAULT", "strike": "ASSAULT", "invasion": "ASSAULT", "offensive": "ASSAULT",
                "war": "ASSAULT", "accusation": "ACCUSE", "criticism": "ACCUSE", "warning": "THREATEN",
                "threat": "THREATEN", "appeal": "REQUEST", "pledge": "AGREE", "promise": "AGREE",
                "treaty": "SUPPORT", "agreement": "SUPPORT", "pact": "SUPPORT", "accord": "SUPPORT",
                "deal": "SUPPORT", "patrol": "COOPERATE", "aid": "AID", "assistance": "AID"}
SIGNING_VERBS = {"sign", "ink", "seal", "conclude", "ratify", "formalize", "formalise"}
SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT"}
HYPOTHETICAL = {"would", "could", "might", "may", "should", "must", "can"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "parataxis", "acl", "csubj", "xcomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
TARGET_PREPS = {"against", "on", "to", "at", "into"}
PARTICIPANT_PREPS = {"with", "between", "among", "alongside"}
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
    method: str = "rule:time-governed-predicate"
    confidence: float = 0.6


def _lemma(token) -> str:
    return token.lemma_.lower()


def event_type(trigger) -> str | None:
    """The PLOVER type a trigger token stands for, looking through light verbs to their object."""
    lemma = _lemma(trigger)
    if trigger.pos_ in ("VERB", "AUX") and lemma in LIGHT_VERBS:
        for child in trigger.children:
            if child.dep_ in ("dobj", "attr", "nsubjpass") and _lemma(child) in OBJECT_TYPES:
                return OBJECT_TYPES[_lemma(child)]
            if child.dep_ == "dobj" and _lemma(child) in TYPE_OF and child.pos_ == "NOUN":
                return TYPE_OF[_lemma(child)]
    if lemma in SIGNING_VERBS or (trigger.pos_ == "NOUN" and lemma in ("signing", "ratification")):
        return "SUPPORT"
    plover = TYPE_OF.get(lemma) or TYPE_OF.get(trigger.text.lower())
    if plover and trigger.pos_ in ("VERB", "NOUN", "PROPN"):
        return plover
    return None


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


def _is_unreal(trigger) -> bool:
    """Negated, conditional or hypothetical predicates do not report an event."""
    for child in trigger.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "aux" and _lemma(child) in HYPOTHETICAL:
            return True
        if child.dep_ == "mark" and _lemma(child) in CONDITIONAL_MARKS:
            return True
    head = trigger
    for _ in range(3):
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and _lemma(c) in CONDITIONAL_MARKS for c in head.children):
            return True
        if head.head == head:
            break
        head = head.head
    return False


def _clause_tokens(trigger) -> list:
    """The trigger's own clause: its subtree without embedded clauses and conjoined predicates."""
    out, stack = [], [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            if child.dep_ == "conj" and tok == trigger and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return out


def _roles(trigger, plover: str) -> dict:
    """token index -> role for the trigger's arguments."""
    roles = {}
    subject = [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
    if not subject and trigger.dep_ in ("conj", "xcomp"):
        subject = [c for c in trigger.head.children if c.dep_ in SUBJECT_DEPS]
    for s in subject:
        for t in s.subtree:
            roles.setdefault(t.i, "source")
    for t in _clause_tokens(trigger):
        if t.dep_ == "agent":
            for u in t.subtree:
                roles[u.i] = "source"
    for t in _clause_tokens(trigger):
        if t.i in roles:
            continue
        prep = t
        while prep.head != trigger and prep.head != prep and prep.dep_ != "prep":
            prep = prep.head
        if prep.dep_ == "prep" and _lemma(prep) in PARTICIPANT_PREPS:
            roles[t.i] = "participant"
        else:
            roles[t.i] = "target"
    if plover in SYMMETRIC:
        roles = {i: "participant" for i in roles}
    return roles


def _context(sentence_text: str) -> str | None:
    for name, pattern in CONTEXTS:
        if re.search(pattern, sentence_text, re.I):
            return name
    return None


def _non_place(actor_id: str, actors: ActorResult, registry: Registry) -> bool:
    if actor_id in registry.actors:
        return registry.actors[actor_id].type != "place"
    new = actors.new_actors.get(actor_id)
    return bool(new) and new.type != "place"


def extract_events(parsed: Parsed, actors: ActorResult, registry: Registry, anchor: Anchor | None,
                   quote_ranges=()) -> list[EventReport]:
    """Dated event reports, one per (time expression, predicate), outside quoted speech."""
    reports = []
    for sentence in parsed.sentences:
        span = sentence.span
        for time in find_time_expressions(parsed.text[sentence.start:sentence.end], anchor, sentence.start):
            if any(qs <= time.start < qe for qs, qe in quote_ranges):
                continue
            tokens = [t for t in span if time.start <= offset(t) < time.end]
            if not tokens:
                continue
            trigger = _governing_trigger(tokens)
            if trigger is None:
                continue
            triggers = [trigger] + [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            for trig in triggers:
                report = _report(trig, time, sentence, parsed, actors, registry)
                if report:
                    reports.append(report)
    return _dedupe(reports)


def _report(trigger, time, sentence, parsed, actors, registry):
    plover = event_type(trigger)
    if plover is None or _is_unreal(trigger):
        return None
    roles = _roles(trigger, plover)
    by_actor = {}
    for token_i, role in sorted(roles.items()):
        tok = trigger.doc[token_i]
        pos = offset(tok)
        if time.start <= pos < time.end:
            continue
        for m in actors.at(pos, pos + len(tok)):
            current = by_actor.get(m.actor_id)
            if current is None or (current != "source" and role == "source"):
                by_actor[m.actor_id] = role
    if not any(_non_place(a, actors, registry) for a in by_actor):
        return None
    trigger_start = offset(trigger)
    confidence = 0.75 if any(r == "source" for r in by_actor.values()) else 0.6
    return EventReport(
        type=plover, trigger=trigger.text, trigger_start=trigger_start,
        sentence_start=sentence.start, sentence_end=sentence.end, time=time,
        actors=sorted(by_actor.items()), context=_context(parsed.text[sentence.start:sentence.end]),
        confidence=confidence,
    )


def _dedupe(reports: list[EventReport]) -> list[EventReport]:
    """One report per trigger: the finest time expression wins."""
    rank = {"day": 0, "month": 1, "season": 2, "year": 3}
    best = {}
    for r in reports:
        key = r.trigger_start
        if key not in best or rank[r.time.precision] < rank[best[key].time.precision]:
            best[key] = r
    return sorted(best.values(), key=lambda r: (r.trigger_start, r.time.start))
