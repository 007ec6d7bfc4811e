"""Agreement mentions: registry names and aliases, and descriptive mentions linked by parties.

A descriptive mention is a noun phrase headed by an agreement word (treaty, pact, accord,
agreement, deal) whose parties can be read from the phrase and its clause: a possessive
("Russia's ... pact"), a "with"/"between" phrase, or the subject of the verb that governs
it ("China and Iran entered into a ... agreement"). It links to the registry agreement
with exactly those parties (narrowed by year where given); otherwise it becomes a new
agreement with the parties found. Phrases that deny an agreement exists are skipped.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from crink.extract.actors import ActorResult
from crink.extract.dates import Anchor, find_time_expressions
from crink.extract.reference import Resolver, swallowed_subject
from crink.nlp import Parsed, offset
from crink.registry import Registry, slugify

AGREEMENT_HEADS = {"treaty", "pact", "accord", "agreement", "deal", "memorandum", "convention", "protocol", "armistice",
                   "ceasefire", "truce", "statement", "declaration", "contract", "plan", "document", "roadmap",
                   "arrangement", "programme", "program"}
COMPANY = re.compile(r"\b(company|corporation|firm|bank|conglomerate|manufacturer|maker|operator|producer)\b", re.I)
NEEDS_JOINT = {"statement", "declaration"}  # only a joint statement or declaration is an agreement
NEEDS_SIGNING = {"plan", "document", "roadmap", "arrangement", "programme", "program"}  # only when signed
DEFENCE_WORDS = re.compile(r"\b(defen[cs]e|mutual assistance|military assistance|alliance)\b", re.I)
NEGATORS = {"lack", "lacks", "lacked", "lacking", "no", "without", "absence", "never", "not", "neither", "nor"}
STATE_TYPES = ("country", "organization", "group")
TYPE_BY_HEAD = {"treaty": "treaty", "pact": "treaty", "accord": "accord", "agreement": "agreement",
                "plan": "agreement", "document": "agreement", "roadmap": "agreement", "arrangement": "agreement",
                "programme": "agreement", "program": "agreement",
                "deal": "agreement", "memorandum": "agreement", "convention": "treaty", "protocol": "agreement",
                "armistice": "armistice", "ceasefire": "ceasefire", "truce": "ceasefire",
                "statement": "joint statement", "declaration": "joint statement", "contract": "agreement"}
SIGNING_LEMMAS = {"sign", "ink", "seal", "conclude", "adopt", "issue", "reach", "strike", "agree", "ratify"}
CONTRAST_PREPS = {"unlike", "like", "than", "besides", "despite", "beyond", "except", "including", "after", "before",
                  "since", "following", "instead"}
# who praises or condemns an agreement is not thereby a party to it
STANCE_LEMMAS = {"praise", "welcome", "hail", "applaud", "laud", "criticise", "criticize", "condemn", "denounce",
                 "oppose", "slam", "reject", "question", "doubt", "fear", "study", "watch", "cite", "mention"}
FRAMEWORK_PREPS = {"under", "through", "via"}
TRANSFER_LEMMAS = {"supply", "sell", "buy", "provide", "deliver", "purchase", "ship", "export"}
SUCCESSION_LEMMAS = {"replace", "succeed", "supersede", "extend", "renew", "update", "upgrade", "amend"}
UNSIGNED_WORDS = {"draft", "proposed", "planned", "future", "possible", "prospective", "envisaged"}
NEGOTIATING_LEMMAS = {"draft", "negotiate", "discuss", "prepare", "seek", "finalise", "finalize", "pursue", "propose"}
WORK_WORDS = {"work", "talk", "talks", "negotiation", "negotiations", "consultation", "consultations"}
YEAR = re.compile(r"(?<![\d$])(19|20)\d\d(?!\d)")


@dataclass
class AgreementMention:
    agreement_id: str
    start: int
    end: int
    text: str
    method: str
    confidence: float
    parties: tuple = ()
    year: int | None = None


@dataclass
class NewAgreement:
    id: str
    name: str
    type: str
    parties: list
    signed: str | None = None


@lru_cache(maxsize=4)
def _alias_pattern(digest: str, names: tuple):
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)


def _registry_names(registry: Registry) -> dict[str, str]:
    names = {}
    for g in registry.agreements.values():
        for name in [g.name, *g.aliases]:
            names[name.lower()] = g.id
    return names


def _state_of(actor_id: str, actors: ActorResult, registry: Registry) -> str | None:
    """An actor as a party: states and organisations as they are, persons by their affiliation."""
    actor = registry.actors.get(actor_id)
    kind = actor.type if actor else (actors.new_actors[actor_id].type if actor_id in actors.new_actors else None)
    if kind in ("organization", "group") and actor and actor.affiliation_id in registry.actors \
            and registry.actors[actor.affiliation_id].type == "country" \
            and not COMPANY.search(f"{actor.name} {actor.description or ''}"):
        return actor.affiliation_id  # a ministry or armed force acts for its state; a company for itself
    if kind in STATE_TYPES:
        return actor_id
    if kind == "person":
        aff = actor.affiliation_id if actor else actors.new_actors[actor_id].affiliation_id
        return aff if aff and (aff not in registry.actors or registry.actors[aff].type == "country") else None
    return None


def _parties_in(start: int, end: int, actors: ActorResult, registry: Registry) -> list[str]:
    parties = []
    for m in actors.at(start, end):
        state = _state_of(m.actor_id, actors, registry)
        if state and state not in parties:
            parties.append(state)
    return parties


def _negated(head) -> bool:
    window = [t.lower_ for t in head.doc[max(0, head.left_edge.i - 3): head.i]]
    if any(w in ".?!:;" for w in window):  # "No. Unlike the pact ...": the answer ends before it
        window = window[max(i for i, w in enumerate(window) if w in ".?!:;") + 1:]
    if any(w in NEGATORS for w in window):
        return True
    return any(t.lower_ in NEGATORS for t in head.ancestors if t.i < head.i and head.i - t.i <= 6)


def extract_agreements(parsed: Parsed, actors: ActorResult, registry: Registry,
                       published: str | None = None, anchor: Anchor | None = None) -> tuple[list, dict]:
    """(agreement mentions, new agreements) for one article."""
    text = parsed.text
    resolver = Resolver(parsed, actors, registry, (), party_of=lambda a: _state_of(a, actors, registry))
    mentions: list[AgreementMention] = []
    names = _registry_names(registry)
    if names:
        for m in _alias_pattern(registry.digest, tuple(sorted(names))).finditer(text):
            gid = names[m.group(0).lower()]
            mentions.append(AgreementMention(gid, m.start(), m.end(), m.group(0), "registry", 0.95))
    taken = [(m.start, m.end) for m in mentions]
    new_agreements: dict[str, NewAgreement] = {}
    for _, doc in parsed.paragraphs:
        for head in doc:
            if head.lemma_.lower() not in AGREEMENT_HEADS or head.pos_ not in ("NOUN", "PROPN"):
                continue
            if head.lemma_.lower() in NEEDS_JOINT and not any(c.lower_ == "joint" for c in head.lefts) \
                    and not (head.dep_ == "dobj" and head.head.lemma_.lower() in SIGNING_LEMMAS):
                continue  # a statement is an agreement when joint or signed
            if head.lemma_.lower() in NEEDS_SIGNING and not _signed(head) \
                    and not (head.lemma_.lower() == "arrangement" and (_unsigned(head) or _between_sides(head))):
                continue  # "signed a plan of consultations", "an arrangement the three signed", one in
                # negotiation ("work on a fishing arrangement") or one with a side ("a visa-free arrangement with X")
            # "among them an agreement ...": a phrase before the head is not part of the mention
            left = min([head] + [c.left_edge for c in head.lefts if c.dep_ not in ("prep", "punct")], key=lambda t: t.i)
            # "a pact with Iran", and "a memorandum of obligations with the SCO" (hung on the "of" noun)
            holders = [head] + [o for p in head.rights if p.dep_ == "prep" and p.lower_ == "of"
                                for o in p.children if o.dep_ == "pobj"]
            right = max([head] + [_phrase_end(c) for h in holders for c in h.rights if c.dep_ == "prep"
                                  and c.lower_ in ("with", "between", "among")], key=lambda t: t.i)
            start, end = offset(left), offset(right) + len(right.text)
            if any(s < end and start < e for s, e in taken):
                continue
            if _negated(head):
                continue
            parties = _parties_in(start, end, actors, registry)
            for owner in (c for c in head.children if c.dep_ == "poss"):  # "their treaty"
                parties += [p for p in _referred_parties(owner, resolver) if p not in parties]
            counterparts = _supply_clauses(head)  # "a contract to supply X", "a deal to sell oil to X"
            if head.dep_ == "pobj" and head.head.lower_ in FRAMEWORK_PREPS and head.head.head.pos_ == "VERB":
                counterparts.append(head.head.head)  # "under the accord, Iran sells oil to China"
            for verb in counterparts:
                for other in _receivers(verb):
                    s, e = offset(other.left_edge), offset(other) + len(other)
                    parties += [p for p in _parties_in(s, e, actors, registry) if p not in parties]
            clause_year = None
            doers = _for_clause_doers(head)  # "an agreement for Lund Steel to build a plant with Ortega Mining"
            for token in doers:
                s, e = offset(token.left_edge), offset(token.right_edge) + len(token.right_edge)
                parties += [p for p in _parties_in(s, e, actors, registry) if p not in parties]
            for verb in ([] if len(parties) >= 2 and doers else _clause_verbs(head)):
                swallowed = swallowed_subject(verb)
                for child in _with_inherited_subject(verb):
                    if (child.dep_ in ("nsubj", "nsubjpass", "agent") or child.i == getattr(swallowed, "i", None)) \
                            and verb.lemma_.lower() not in STANCE_LEMMAS:
                        s, e = offset(child.left_edge), offset(child.right_edge) + len(child.right_edge.text)
                        found = _parties_in(s, e, actors, registry) + [
                            p for t in child.subtree for p in _referred_parties(t, resolver)]
                        parties += [p for p in found if p not in parties]
                    if child.dep_ == "prep" and child.lower_ in ("with", "between") and verb.i != head.i:
                        s, e = offset(child.left_edge), offset(_phrase_end(child)) + len(_phrase_end(child))
                        parties += [p for p in _parties_in(s, e, actors, registry) if p not in parties]
                    if child.dep_ in ("prep", "npadvmod") and child.i != head.i and child.lower_ not in ("for", "through"):
                        s, e = offset(child.left_edge), offset(child.right_edge) + len(child.right_edge.text)
                        y = YEAR.search(text[s:e])
                        clause_year = clause_year or (int(y.group(0)) if y else None)
            if len(parties) < 2:
                parties = _succeeded_parties(head, mentions, registry) or parties
            named = _named_in_sentence(head, parsed, actors, registry, names)
            if named:  # "North Korea's Comprehensive Strategic Partnership Treaty", however parsed
                phrase = text[start:end]
                mentions.append(AgreementMention(named, start, end, phrase, "registry-name/sentence", 0.8,
                                                 tuple(registry.agreements[named].parties)))
                taken.append((start, end))
                continue
            if len(parties) < 2:
                continue
            phrase = text[start:end]
            y = YEAR.search(phrase)
            signing, verb = _signing_time(head, start, end, parsed, anchor)
            year = int(y.group(0)) if y else ((signing.date_start.year if signing else None) or clause_year)
            month = signing.date[:7] if signing and not y and signing.precision in ("day", "month") \
                and verb.lemma_.lower() in ("sign", "ink", "seal") else None  # ratified or extended later
            if _unsigned(head):
                gid, year = None, None
            else:
                gid, method, confidence = _link(parties, year, phrase, registry, published, month)
            if gid and _describes_another(head, registry.agreements[gid]):
                gid = None
            if gid is None:
                gid = slugify("-".join(sorted(parties)) + f"-{head.lemma_.lower()}" + (f"-{year}" if year else ""))
                new_agreements.setdefault(gid, NewAgreement(gid, _name(phrase), TYPE_BY_HEAD[head.lemma_.lower()],
                                                            sorted(parties), str(year) if year else None))
                method, confidence = "descriptive/new", 0.6
            mentions.append(AgreementMention(gid, start, end, phrase, method, confidence, tuple(sorted(parties)), year))
            taken.append((start, end))
    mentions.sort(key=lambda m: m.start)
    return mentions, new_agreements


def _named_in_sentence(head, parsed: Parsed, actors: ActorResult, registry: Registry, names: dict) -> str | None:
    """A capitalised agreement name that ends several registry names ("Comprehensive Strategic
    Partnership Treaty"): the one registry agreement with that name whose parties are all named
    in the sentence, else None."""
    if head.pos_ != "PROPN":
        return None
    words = [head]
    for t in reversed(list(head.lefts)):
        if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i == words[0].i - 1:
            words.insert(0, t)
    if len(words) < 2:
        return None
    title = " ".join(t.text for t in words).lower()
    candidates = {gid for name, gid in names.items() if name == title or name.endswith(" " + title)}
    sentence = parsed.sentence_at(offset(head))
    if not candidates or sentence is None:
        return None
    named = set(_parties_in(sentence.start, sentence.end, actors, registry))
    fitting = [gid for gid in candidates if set(registry.agreements[gid].parties) <= named]
    return fitting[0] if len(fitting) == 1 else None


def _receivers(verb) -> list:
    """Who a verb of supply or exchange reaches: its objects and "to"/"with" phrases."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.lower_ != "to"]
    return found + [o for p in verb.children if p.lower_ in ("to", "with") and p.dep_ in ("prep", "dative")
                    for o in p.children if o.dep_ == "pobj"]


def _for_clause_doers(head) -> list:
    """"an agreement for Lund Steel to build a plant with Ortega Mining": the subject of a "for ... to"
    clause on the agreement and who it acts with are its parties, not who signed it."""
    for clause in (c for c in head.children if c.dep_ in ("acl", "advcl", "relcl") and c.pos_ == "VERB"):
        if any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
            subject = [c for c in clause.children if c.dep_ == "nsubj"]
            partners = [o for t in clause.subtree if t.dep_ == "prep" and t.lower_ == "with"
                        for o in t.children if o.dep_ == "pobj"]
            return subject + partners
    return []


def supply_receivers(head) -> list:
    """Who a supply agreement reaches: "a contract to supply X with gas", "a deal to sell oil to X"."""
    return [other for verb in _supply_clauses(head) for other in _receivers(verb)]


def _supply_clauses(head) -> list:
    """Infinitives of supply on an agreement phrase ("a contract to supply X"), or on the verb
    it is the object of ("signed a deal to sell oil to X")."""
    clauses = [c for c in head.children if c.dep_ == "acl"]
    if head.dep_ == "dobj":
        clauses += [c for c in head.head.children if c.dep_ == "advcl"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return [c for c in clauses if c.lemma_.lower() in TRANSFER_LEMMAS]


def _succeeded_parties(head, earlier: list, registry: Registry) -> list[str]:
    """"It replaces a 1990 treaty", "the accord supersedes the 2004 pact": an agreement that
    another replaces, extends or renews is between the same parties, read from the last
    agreement mentioned before it (for "it") or the one the subject names."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in SUCCESSION_LEMMAS:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    s_start, s_end = offset(subject.left_edge), offset(subject.right_edge) + len(subject.right_edge)
    if subject.lower_ == "it":
        before = [m for m in earlier if m.end <= s_start]
    else:
        before = [m for m in earlier if s_start <= m.start < s_end]
    if not before:
        return []
    last = max(before, key=lambda m: m.start)
    agreement = registry.agreements.get(last.agreement_id)
    return list(last.parties) or (list(agreement.parties) if agreement else [])


def _in_scope_phrase(token) -> bool:
    """A word inside a noun's "for"/"through" phrase ("consultations for 2026")."""
    return token is not None and any(a.dep_ == "prep" and a.lower_ in ("for", "through") and a.head.pos_ == "NOUN"
                                     for a in token.ancestors)


def _signing_verb(head, lemmas=SIGNING_LEMMAS):
    """The verb that signs or concludes the agreement: the one it is the object of ("signed 12
    documents", "signed a treaty and a plan", "signed a statement, along with a plan") or a
    clause on it ("the arrangement the three signed", "a plan signed in May"), else None."""
    node = head
    if node.dep_ == "conj" and node.head.dep_ == "dobj":
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "with" and node.head.head.lower_ == "along":
        node = node.head.head  # "along" hangs on the verb
        return node.head if node.head.lemma_.lower() in lemmas else None
    candidates = [node.head] if node.dep_ in ("dobj", "nsubjpass") else []
    candidates += [c for h in [head, *(c for c in head.children if c.dep_ == "appos")]
                   for c in h.children if c.dep_ in ("relcl", "acl")]
    return next((v for v in candidates if v.pos_ == "VERB" and v.lemma_.lower() in lemmas), None)


def _between_sides(head) -> bool:
    """"a visa-free arrangement with X": one arrangement, a side named (not "security arrangements")."""
    return head.tag_ == "NN" and any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in head.children)


def _signed(head) -> bool:
    """Signed, not only issued, adopted or agreed: what makes a plan or a document an agreement."""
    return _signing_verb(head, SIGNING_LEMMAS - {"issue", "agree", "adopt"}) is not None


def _unsigned(head) -> bool:
    """An agreement still being made ("a draft accord", "were negotiating a new treaty"): it is
    not one already signed, so it links to no registry agreement and has no year."""
    if any(c.dep_ == "amod" and c.lower_ in UNSIGNED_WORDS for c in head.children):
        return True
    if any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in NEGOTIATING_LEMMAS for c in head.children):
        return True  # "an arrangement the two sides are still negotiating"
    if head.dep_ == "pobj" and head.head.lower_ == "on" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                               for c in head.children):
        on_what = head.head.head  # "talks on a customs agreement", "speed up work on an arrangement"
        if on_what.lemma_.lower() in WORK_WORDS or any(c.dep_ == "dobj" and c.lemma_.lower() in WORK_WORDS
                                                      for c in on_what.children):
            return True
    verb = head.head if head.dep_ in ("dobj", "nsubjpass") else None
    return verb is not None and verb.lemma_.lower() in NEGOTIATING_LEMMAS


def _with_inherited_subject(verb) -> list:
    """A verb's children, plus the subject a conjoined verb shares ("X met Y and signed ...")."""
    children = list(verb.children)
    swallowed = swallowed_subject(verb)
    if swallowed is not None:  # "On Friday Rosneft signed": the name is the subject
        children.append(swallowed)
    sharing = verb
    for _ in range(3):  # "X and Y met and signed ...", "X and Y signed a pact, building on the 1999 treaty",
        # "X and Y spoke and agreed to sign ..."
        if sharing.dep_ not in ("conj", "advcl", "xcomp") or any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
            break
        sharing = sharing.head
        children += [c for c in sharing.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl"):  # "an accord restoring ties between Chile and Peru"
        children += [p for c in children if c.dep_ == "dobj" for p in c.children
                     if p.dep_ == "prep" and p.lower_ == "between"]
    return children


def _phrase_end(prep):
    """Last token of a "with/between" phrase's noun phrase, without a clause attached to it
    ("with Peru also sending envoys to Chile" ends at "Peru")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return prep
    ends = [pobj] + [c.right_edge for c in pobj.children
                     if c.dep_ not in ("acl", "relcl", "advcl", "ccomp", "xcomp", "appos", "punct") and c.i > pobj.i]
    return max(ends, key=lambda t: t.i)


def _describes_another(head, agreement) -> bool:
    """"an accord to dredge a shared harbour": an indefinite mention whose stated subject shares no
    word with the registry agreement it would link to is another agreement."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return False
    topic = []  # what the agreement is about: "to dredge a harbour", "on fishing quotas"
    for c in head.children:
        if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            topic += [t for t in c.subtree if t.pos_ in ("NOUN", "PROPN")]
        elif c.dep_ == "prep" and c.lower_ in ("on", "for", "over", "about"):
            topic += [t for t in c.subtree if t.pos_ in ("NOUN", "PROPN")]
    if not topic:
        return False
    name_words = set(re.findall(r"[a-z]+", " ".join([agreement.name, *agreement.aliases]).lower()))
    return not any(t.lemma_.lower() in name_words or t.lower_ in name_words for t in topic)


def _referred_parties(subject, resolver: Resolver) -> list[str]:
    """Parties a subject refers to without naming them: "the two governments", "he"."""
    head = subject if subject.dep_ != "agent" else next((c for c in subject.children if c.dep_ == "pobj"), subject)
    group = resolver.group(head)
    if group:
        return group
    if head.lower_ in ("they", "their") and head.tag_ in ("PRP", "PRP$"):
        return resolver.they(head)
    if head.lower_ in ("he", "she") and head.tag_ == "PRP":
        person = resolver.pronoun(head)
        state = resolver.state_of(person) if person else None
        return [state] if state else []
    return []


def _listed_under(head):
    """The plural agreement noun an agreement is listed under ("30 deals, among them an
    agreement ...", in apposition or after "among them"), or None."""
    if head.dep_ == "appos" and head.head.lemma_.lower() in AGREEMENT_HEADS:
        return head.head
    if any(c.dep_ == "prep" and c.lower_ in ("among", "including") and any(o.lower_ in ("them", "these", "those")
                                                                         for o in c.children) for c in head.lefts):
        return next((t for t in reversed(list(head.doc[head.sent.start:head.i]))
                     if t.lemma_.lower() in AGREEMENT_HEADS and t.tag_ == "NNS"), None)
    return None


def _signing_time(head, start: int, end: int, parsed: Parsed, anchor: Anchor | None):
    """(time expression, verb) for the verb that signs or concludes the agreement and its date
    ("signed a joint statement on Thursday" in an article of 3 March 2011 -> 2011-03-03)."""
    verb = _signing_verb(_listed_under(head) or head)  # "agreements were signed on Tuesday, among them a memorandum"
    sentence = parsed.sentence_at(start)
    if verb is None or sentence is None:
        return None, None
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "met on Monday and signed a communique"
        verb = verb.head
    v_start, v_end = offset(verb.left_edge), offset(verb.right_edge) + len(verb.right_edge.text)
    if verb.dep_ in ("relcl", "acl") and any(c.lower_ == "when" for c in verb.children):
        v_start, v_end = offset(verb.head), offset(verb.head) + len(verb.head)  # "in January 2016, when they signed"
    times = [t for t in find_time_expressions(parsed.text[sentence.start:sentence.end], anchor, sentence.start)
             if (v_start <= t.start < v_end or t.start <= v_start < t.end) and not (start <= t.start < end)
             and not _in_scope_phrase(parsed.token_at(t.start))]
    return (min(times, key=lambda t: abs(t.start - offset(verb))), verb) if times else (None, None)


def _clause_verbs(head) -> list:
    """Verbs whose subject can name an agreement's parties: the verb governing the phrase
    ("China and Iran signed a pact", "entered into an agreement") and a relative clause on it
    ("the treaty that Lund and Ortega signed")."""
    verbs = [c for c in head.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")]
    node = head
    for _ in range(3):
        if node.dep_ not in ("dobj", "pobj", "attr", "nsubjpass", "prep", "conj", "appos") \
                or node.dep_ == "prep" and node.lower_ in CONTRAST_PREPS:
            break  # "unlike the 1994 accord, the new pact ...": the main clause is about another
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            verbs.append(node)
            break
    return verbs


def _name(phrase: str) -> str:
    return re.sub(r"^(a|an|the|its|their|his|her)\s+", "", phrase, flags=re.I)


def _link(parties: list[str], year: int | None, phrase: str, registry: Registry, published: str | None = None,
          month: str | None = None):
    """The registry agreement with exactly these parties: narrowed by the year if given, by
    being signed by the publication date, and by a mutual-defence clause when the phrase
    speaks of defence."""
    wanted = set(parties)
    candidates = [g for g in registry.agreements.values() if set(g.parties) == wanted]
    if year:
        candidates = [g for g in candidates if g.signed and int(g.signed[:4]) == year
                      and not (month and len(g.signed) >= 7 and g.signed[:7] != month)]  # signed in another month
        if not candidates:  # a broker or third signatory left unnamed: the one agreement of that year
            wider = [g for g in registry.agreements.values()
                     if wanted < set(g.parties) and g.signed and int(g.signed[:4]) == year]
            if len(wider) == 1:
                return wider[0].id, "descriptive/registry-parties-subset", 0.7
    if published and len(candidates) > 1:
        candidates = [g for g in candidates if not g.signed or g.signed[:len(published)] <= published] or candidates
    if len(candidates) > 1 and DEFENCE_WORDS.search(phrase):
        candidates = [g for g in candidates if g.provisions.get("defense") == 1] or candidates
    if len(candidates) > 1:
        words = set(re.findall(r"[a-z]+", phrase.lower())) - {"a", "an", "the", "with", "and", "of"}
        scored = sorted(candidates, key=lambda g: -len(words & set(re.findall(r"[a-z]+", " ".join([g.name, *g.aliases]).lower()))))
        best = scored[0]
        best_score = len(words & set(re.findall(r"[a-z]+", " ".join([best.name, *best.aliases]).lower())))
        second = len(words & set(re.findall(r"[a-z]+", " ".join([scored[1].name, *scored[1].aliases]).lower())))
        if best_score > second:
            return best.id, "descriptive/registry", 0.75
        return None, None, None
    if len(candidates) == 1:
        return candidates[0].id, "descriptive/registry", 0.8
    return None, None, None
