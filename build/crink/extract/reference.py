"""Who a phrase refers to: names, pronouns, descriptions and relative clauses.

Shared by quote attribution (who speaks) and event coding (who acts): `subject_of` finds a
predicate's subject through conjoined, open and relative clauses, and `Resolver` turns a
subject phrase into an actor (a name inside it, or the last fitting actor for "he" or "the
minister") or, for "the two countries" and "both sides", into the last states named.
`reported_clause` finds what a verb of saying reports, wherever the parser hangs it.
"""

import re

from crink.extract.actors import ActorResult, generic_orgs
from crink.extract.dates import MONTHS, WEEKDAYS
from crink.nlp import Parsed, offset
from crink.registry import Registry

REPORTING_VERBS = {"say", "add", "tell", "note", "stress", "insist", "argue", "warn", "write", "explain"}
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "it": "group", "they": "group"}
PERSON_NOUNS = {"leader", "president", "minister", "premier", "chancellor", "spokesman", "spokeswoman",
                "spokesperson", "official", "diplomat", "envoy", "ambassador", "analyst", "professor", "man",
                "woman", "general", "commander", "secretary", "chief", "head", "director", "adviser", "advisor",
                "fellow", "expert", "scholar", "researcher", "lawmaker", "senator", "politician", "strongman",
                "autocrat", "dictator", "counterpart", "host", "author", "economist", "cleric", "ayatollah",
                "monarch", "king", "emir", "prince", "admiral", "negotiator", "mediator", "chairman", "chairwoman",
                "governor", "mayor", "veteran", "statesman", "activist", "lawyer", "executive"}
SPOKESPEOPLE = {"official", "representative", "spokesman", "spokesperson", "diplomat", "officer", "minister",
               "envoy", "negotiator", "authority", "leader", "commander", "media", "medium"}
GROUP_NOUNS = {"country", "government", "side", "leader", "nation", "state", "power", "president", "minister",
               "capital", "neighbour", "neighbor", "partner", "ally", "delegation", "party"}
COMPANY_NOUNS = {"company", "firm", "bank", "lender", "producer", "corporation", "operator"}
GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "both": 2}
BYSTANDERS = {"reporter", "journalist", "correspondent", "source", "observer", "witness", "resident", "user",
              "commentator", "blogger", "viewer", "reader", "caller", "participant", "student", "worker"}
# documents that speak for whoever issued them: "the statement, issued by the ministry, said"
DOCUMENT_NOUNS = {"statement", "communique", "communiqué", "readout", "declaration", "note", "letter", "post",
                  "report", "release", "notice"}
# nouns for what someone said: "his message was blunt", "Lund's reply was short" speak for the owner
SPEECH_NOUNS = {"message", "reply", "response", "answer", "verdict", "warning", "remark", "word", "argument",
                "point", "advice", "conclusion", "assessment", "explanation", "retort", "appeal", "plea", "toast",
                "speech", "address", "tone", "view", "position", "case"}


MISSIONS = {"embassy", "consulate", "mission", "delegation"}  # a state's own offices abroad


def actor_type(actor_id: str, actors: ActorResult, registry: Registry) -> str | None:
    if actor_id in registry.actors:
        return registry.actors[actor_id].type
    new = actors.new_actors.get(actor_id)
    return new.type if new else None


def affiliation_of(actor_id: str, actors: ActorResult, registry: Registry) -> str | None:
    if actor_id in registry.actors:
        return registry.actors[actor_id].affiliation_id
    new = actors.new_actors.get(actor_id)
    return new.affiliation_id if new else None


def relative_antecedent(token):
    """The noun a relative pronoun ("who", "which") stands for, or None."""
    clause = token.head
    for _ in range(3):
        if clause.dep_ == "relcl" or clause.head == clause:
            break
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else None


class Resolver:
    """Turns a speaker phrase into an actor: names, pronouns and descriptions."""

    def __init__(self, parsed: Parsed, actors: ActorResult, registry: Registry, quote_ranges, party_of=None):
        self.parsed, self.actors, self.registry = parsed, actors, registry
        self.quote_ranges = quote_ranges
        # what a named actor counts as in "the two countries", "they": its state, unless the
        # caller says otherwise (agreements keep companies as parties of their own)
        self.party_of = party_of or self.state_of

    def _outside_quotes(self, m) -> bool:
        return not any(s <= m.start < e for s, e in self.quote_ranges)

    def recent(self, before: int, want_type: str, affiliation: str | None = None, window: int = 1500):
        """The last actor of a type mentioned before a position (outside quotes)."""
        for m in sorted(self.actors.mentions, key=lambda m: m.start, reverse=True):
            if m.start >= before or before - m.start > window or not self._outside_quotes(m):
                continue
            kind = actor_type(m.actor_id, self.actors, self.registry)
            if want_type == "person" and kind != "person":
                continue
            if want_type == "group" and kind not in ("organization", "group", "country"):
                continue
            if want_type == "organization" and kind != "organization":
                continue
            if affiliation and affiliation_of(m.actor_id, self.actors, self.registry) != affiliation:
                continue
            return m
        return None

    def named_by_head(self, head) -> str | None:
        """"The council", "the agency": a definite noun that ends the name of an organisation
        named shortly before ("the UN Security Council ... the council") stands for it."""
        if head.tag_ != "NN" or not any(t.lower_ == "the" and t.dep_ == "det" for t in head.children) \
                or any(t.dep_ in ("amod", "compound", "poss") for t in head.children):
            return None
        for m in self._earlier_mentions(offset(head)):
            words = m.text.lower().split()
            if len(words) > 1 and words[-1] == head.lower_ \
                    and actor_type(m.actor_id, self.actors, self.registry) in ("organization", "group"):
                return m.actor_id
        return None

    def _body_of(self, person: str | None, noun: str) -> str | None:
        """"his government": the person's state; "his ministry": the registry ministry his
        title names ("Foreign Minister" -> the state's foreign ministry), else None."""
        state = self.state_of(person) if person else None
        if state is None or noun == "government":
            return state
        titles = [m.title_text or "" for m in self.actors.mentions if m.actor_id == person]
        actor = self.registry.actors.get(person)
        titles.append((actor.role or "") if actor else "")
        for title in titles:
            field = re.search(r"\b(\w+) Minister\b", title)
            if field and field.group(1).lower() != "prime":
                return generic_orgs(self.registry).get((state, f"{field.group(1).lower()} ministry"))
        return None

    def state_of(self, actor_id: str) -> str | None:
        """The state an actor is or belongs to, following affiliations up (a spokesman of a
        ministry belongs to the ministry's state)."""
        current = actor_id
        for _ in range(4):
            if actor_type(current, self.actors, self.registry) == "country":
                return current
            current = affiliation_of(current, self.actors, self.registry)
            if not current:
                return None
        return None

    def pronoun(self, token) -> str | None:
        """He, she, his, her: the last person named as a subject in this or the previous
        sentence (subjects are what a pronoun most often continues), else the last person."""
        pos = offset(token)
        index = self.parsed.sentence_index(pos)
        floor = self.parsed.sentences[index - 1].start if index else 0
        people = [m for m in self.actors.mentions if floor <= m.start < pos and self._outside_quotes(m)
                  and actor_type(m.actor_id, self.actors, self.registry) == "person"]
        for m in sorted(people, key=lambda m: m.start, reverse=True):
            head = self.parsed.token_at(m.start)
            for _ in range(3):
                if head is None or head.dep_ not in ("compound", "flat", "appos"):
                    break
                head = head.head
            if head is not None and head.dep_ in ("nsubj", "nsubjpass"):
                return m.actor_id
        recent = self.recent(pos, "person")
        return recent.actor_id if recent else None

    def group(self, head) -> list[str]:
        """States for "the two countries", "both sides", "the three governments": the last
        that many distinct states named before the phrase (outside quotes), or none."""
        together = self.group_named_together(head)
        if together:
            return together[0]
        size = self._group_size(head)
        if size is None:
            return []
        states = []
        companies = head.lemma_.lower() in COMPANY_NOUNS
        persons = head.lemma_.lower() in ("leader", "president", "minister")  # "the three leaders": persons named
        subjects = [t for t in head.head.children if t.dep_ == "nsubj"] if head.dep_ in ("dobj", "dative") else []
        acting = {offset(t) for s in subjects for t in s.subtree}  # "Lund accused the three leaders": not Lund
        for m in self._earlier_mentions(offset(head)):  # else the last that many states (or companies) named
            kind = actor_type(m.actor_id, self.actors, self.registry)
            if companies != (kind == "organization") or m.start in acting or (persons and kind != "person"):
                continue
            state = self.party_of(m.actor_id)
            if state and state not in states:
                states.append(state)
                if len(states) == size:
                    return sorted(states)
        return []

    def group_named_together(self, head) -> tuple[list[str], int] | None:
        """(states, where they were named) for a group phrase whose size matches the last states
        named together before it ("Chile and Peru ... the two countries"), else None."""
        size = self._group_size(head)
        if size is None:
            return None
        for m in self._earlier_mentions(offset(head)):
            together = self._named_together(m)
            if len(together) == size:
                return together, m.start
        return None

    def _earlier_mentions(self, before: int) -> list:
        return [m for m in sorted(self.actors.mentions, key=lambda m: m.start, reverse=True)
                if m.start < before and before - m.start <= 1500 and self._outside_quotes(m)]

    def _group_size(self, head) -> int | None:
        """2 for "the two countries", "both sides", "the two" as a subject; else None."""
        if head.tag_ == "CD" and head.lower_ in GROUP_SIZES and head.dep_ in ("nsubj", "nsubjpass") \
                and any(t.lower_ == "the" for t in head.children):
            return GROUP_SIZES[head.lower_]  # "the two vetoed ...": a number standing for the parties
        if head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() not in GROUP_NOUNS | COMPANY_NOUNS:
            return None
        if not any(t.lower_ in ("the", "both", "these", "those", "their") for t in head.children):
            return None  # "four Western powers": new ones, not those named before
        return next((GROUP_SIZES[t.lower_] for t in head.children if t.lower_ in GROUP_SIZES
                     and t.dep_ in ("nummod", "det", "predet", "quantmod")), None)

    def they(self, token) -> list[str]:
        """States for "they" or "their": a plural subject earlier in the sentence ("the two
        governments said their treaty ..."), else the last states named together."""
        for t in reversed(token.doc[token.sent.start:token.i]):
            if t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS"):
                return self.group(t) or self.coordinated_states(t)
            if t.dep_ == "nsubj" and any(c.dep_ == "conj" for c in t.children):
                return self.coordinated_states(t)
        return self.named_together_before(token)

    def coordinated_in_sentence_before(self, token) -> list[str]:
        """States of the last "X and Y" before a token in its sentence ("Chile and Peru ... their navies")."""
        for t in reversed([t for t in token.sent if t.i < token.i and t.dep_ == "conj"]):
            states = self.coordinated_states(t)
            if len(states) > 1:
                return states
        return []

    def named_together_before(self, token) -> list[str]:
        """The last states named together ("Chile and Peru") in this or the two sentences
        before a token, or []."""
        pos = offset(token)
        index = self.parsed.sentence_index(pos) or 0
        floor = self.parsed.sentences[max(0, index - 2)].start
        for m in sorted(self.actors.mentions, key=lambda m: m.start, reverse=True):
            if floor <= m.start < pos and self._outside_quotes(m):
                together = self._named_together(m)
                if len(together) >= 2:
                    return together
        return []

    def _named_together(self, mention) -> list[str]:
        """States of the coordination ("X and Y") a mention stands in, or []."""
        token = self.parsed.token_at(mention.start)
        if token is None:
            return []
        while token.dep_ in ("compound", "amod", "flat") and token.head != token:
            token = token.head
        return self.coordinated_states(token)

    def coordinated_states(self, token) -> list[str]:
        """States named in the coordination ("X, Y and Z") a token belongs to, or []."""
        first = token.head if token.dep_ == "conj" else token
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        members = [first] + [t for t in first.subtree if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN")]
        if len(members) < 2:
            return []
        states = set()
        for t in members:
            at = offset(t)
            for m in self.actors.at(offset(t.left_edge) if t.dep_ != "conj" else at, at + len(t)):
                state = self.party_of(m.actor_id)
                if state:
                    states.add(state)
        return sorted(states)

    def resolve(self, head, phrase_start: int, phrase_end: int) -> tuple[str | None, str, float]:
        """(actor id, method, confidence) for a subject phrase headed by token `head`; none for
        two or more named together ("Japan and South Korea said"): no one of them said it alone."""
        if any(c.dep_ == "conj" and self.actors.at(offset(c), offset(c) + len(c)) for c in head.children) \
                and self.actors.at(offset(head), offset(head) + len(head)):
            return None, "joint", 0.6
        if head.tag_ in ("WDT", "WP") and head.dep_ in ("nsubj", "nsubjpass"):  # "the ministry, which said"
            antecedent = relative_antecedent(head)
            if antecedent is not None:
                start = offset(antecedent.left_edge)
                return self.resolve(antecedent, start, offset(antecedent) + len(antecedent))
        issuer = _issuer(head)
        if issuer is not None:  # "the statement, issued by the ministry, said"
            return self.resolve(issuer, offset(issuer.left_edge), offset(issuer) + len(issuer))
        inside = sorted(self.actors.at(phrase_start, phrase_end), key=lambda m: m.start)
        people = [m for m in inside if actor_type(m.actor_id, self.actors, self.registry) == "person"]
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        owners_only = people and owner is not None and head.lemma_.lower() in PERSON_NOUNS | SPOKESPEOPLE \
            and all(offset(owner.left_edge) <= m.start < offset(head) for m in people)
        if people and not owners_only:
            return people[-1].actor_id, "named", 0.92
        for appos in (c for c in head.children if c.dep_ == "appos"):  # "Russia's ambassador, Ana Ruiz,"
            start, end = offset(appos.left_edge), offset(appos.right_edge) + len(appos.right_edge)
            named = [m for m in self.actors.at(start, end)
                     if actor_type(m.actor_id, self.actors, self.registry) == "person"]
            if named:
                return named[0].actor_id, "named", 0.9
        if owners_only:  # "Putin's spokesman said": someone speaking for him, not the owner himself
            return None, "description", 0.0
        head_text = head.text.lower()
        head_pos = offset(head)
        covering = [m for m in inside if m.start <= head_pos < m.end]
        if covering:
            return covering[0].actor_id, "named", 0.88
        if head.lemma_.lower() in BYSTANDERS and any(t.lower_ in ("a", "an", "one") for t in head.lefts):
            return None, "generic", 0.0  # "a reporter from a Chinese outlet": nobody the text names
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if head.lemma_.lower() in SPEECH_NOUNS and owner is not None:
            if owner.tag_ == "PRP$" and owner.lower_ in ("his", "her"):
                actor_id = self.pronoun(owner)
                return (actor_id, "pronoun", 0.7) if actor_id else (None, "pronoun", 0.0)
            return self.resolve(owner, offset(owner.left_edge), offset(owner) + len(owner))
        if head.lemma_.lower() in ("ministry", "government") and owner is not None and owner.tag_ == "PRP$" \
                and owner.lower_ in ("his", "her"):
            body = self._body_of(self.pronoun(owner), head.lemma_.lower())
            return (body, "pronoun", 0.7) if body else (None, "pronoun", 0.0)
        if head_text in PRONOUNS and head.tag_ in ("PRP",):
            if head_text in ("they",):
                return None, "pronoun", 0.0
            if PRONOUNS[head_text] == "person":
                actor_id = self.pronoun(head)
                return (actor_id, "pronoun", 0.8) if actor_id else (None, "pronoun", 0.0)
            m = self.recent(head_pos, PRONOUNS[head_text])
            return (m.actor_id, "pronoun", 0.8) if m else (None, "pronoun", 0.0)
        if head.lemma_.lower() in COMPANY_NOUNS and head.tag_ == "NN" \
                and any(t.lower_ == "the" for t in head.lefts):  # "the Russian company said"
            states = [m.actor_id for m in inside if actor_type(m.actor_id, self.actors, self.registry) == "country"]
            m = self.recent(head_pos, "organization", affiliation=states[0] if states else None)
            if m:
                return m.actor_id, "description", 0.7
        body = self.named_by_head(head) if not inside else None
        if body:  # "the council said"
            return body, "description", 0.7
        aged = head.lower_ == "old" and any(c.lemma_.lower() == "year" for c in head.children)  # "the 71-year-old"
        if head.lemma_.lower() in PERSON_NOUNS and head.tag_ == "NN" or aged:
            states = [m.actor_id for m in inside if actor_type(m.actor_id, self.actors, self.registry) == "country"]
            if any(t.lower_ in ("a", "an", "one", "another") for t in head.lefts):
                bodies = [m.actor_id for m in inside
                          if actor_type(m.actor_id, self.actors, self.registry) in ("organization", "group")]
                missions = [m.actor_id for t in head.subtree if t.lemma_.lower() in MISSIONS for c in t.children
                            if c.dep_ in ("amod", "compound", "poss")
                            for m in self.actors.at(offset(c), offset(c) + len(c))
                            if actor_type(m.actor_id, self.actors, self.registry) == "country"]
                if head.lemma_.lower() in SPOKESPEOPLE | {"spokeswoman", "spokesperson"} and (bodies or missions):
                    # "a spokesperson for the European Commission", "... for the Chilean embassy": Chile's
                    return (bodies or missions)[0], "organisation", 0.6
                return None, "description", 0.0
            m = self.recent(head_pos, "person", affiliation=states[0] if states else None)
            return (m.actor_id, "description", 0.7) if m else (None, "description", 0.0)
        if head.tag_ in ("NNS", "NNPS") and not covering:
            owners = [m for m in inside if actor_type(m.actor_id, self.actors, self.registry) in
                      ("country", "organization", "group")]
            if owners and head.lemma_.lower() in SPOKESPEOPLE:  # "the ministry's representatives", "Peruvian officials"
                return owners[0].actor_id, "organisation", 0.6
            return None, "generic", 0.0
        groups = [m for m in inside if actor_type(m.actor_id, self.actors, self.registry) in ("country", "organization", "group")]
        if groups:  # "the Iranian foreign ministry": the body, not the state its adjective names
            groups.sort(key=lambda m: (actor_type(m.actor_id, self.actors, self.registry) == "country", m.start))
            return groups[0].actor_id, "organisation", 0.75
        return None, "unresolved", 0.0


def subject_of(verb):
    """The subject of a verb, climbing through conjoined, adverbial and open clauses."""
    for clause in verb.children:  # "Lund, announcing the measures, said ...": parsed as the participle's
        if clause.dep_ == "advcl" and clause.i < verb.i and clause.tag_ in ("VBG", "VBN") \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
                and not any(c.dep_ == "mark" for c in clause.children):
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
            if subject is not None:
                return subject
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in ("quote", "cite"):
        quoted = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if quoted is not None:  # "the agency quoted Lund as saying ...": Lund said it
            return quoted
    swallowed = swallowed_subject(verb)
    if swallowed is not None:
        return swallowed
    token = verb
    if verb.tag_ == "VBG" and verb.lemma_.lower() in REPORTING_VERBS and verb.dep_ == "advcl" \
            and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in REPORTING_VERBS:
        token = verb.head.head  # "She said X was Y, adding: ...": the parser hangs "adding" on what she said
    for _ in range(4):
        # of two subjects ("UNITED NATIONS — Russia accused"), the one nearest the verb
        for child in sorted(token.children, key=lambda c: -c.i if c.i < token.i else c.i):
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if child.dep_ == "nsubjpass":
                    agent = next((c for c in token.children if c.dep_ == "agent"), None)
                    if agent is not None:
                        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if pobj is not None:
                            return pobj
                    continue
                return child
        # "Russia is quick to point out that": through the adjective to the verb's subject
        if token.dep_ in ("conj", "advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "prep", "acomp") \
                and token.head != token:
            if token.dep_ == "relcl":
                return token.head
            token = token.head
        else:
            break
    return None


def _issuer(document):
    """Who issued a document noun ("a statement released by the ministry"), else None."""
    if document.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for clause in (c for c in document.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for agent in (a for a in clause.children if a.dep_ == "agent"):
            return next((o for o in agent.children if o.dep_ == "pobj"), None)
    return None


def swallowed_subject(verb):
    """The subject the parser put inside an opening phrase, leaving the verb without one: "On
    Friday Rosneft signed ..." read as "Friday Rosneft", and "After a truce between Chile and
    Peru, Peru's president visited ..." read with the president in apposition to Chile."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i and c.i == c.sent.start):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ == "PROPN" and pobj.lower_ not in WEEKDAYS and pobj.lower_ not in MONTHS \
                and any(c.dep_ == "compound" and (c.lower_ in WEEKDAYS or c.lower_ in MONTHS) for c in pobj.children):
            return pobj
        for appos in (t for t in prep.subtree if t.dep_ == "appos" and t.right_edge.i == verb.i - 1):
            if appos.left_edge.i > 0 and appos.doc[appos.left_edge.i - 1].text == ",":
                return appos
    return None


# nouns that take a "that" clause of their own ("reports that ..."): it is not the reported speech
COMPLEMENT_NOUNS = {"fact", "report", "claim", "news", "idea", "belief", "hope", "fear", "evidence", "sign",
                    "warning", "assurance", "view", "notion", "rumour", "rumor", "allegation", "accusation",
                    "suggestion", "impression", "concern", "promise", "pledge", "threat", "possibility"}


def _statement_clause(verb):
    """'said in a statement that ...', 'told reporters after the talks that ...': the parser may
    hang the reported clause on the noun of a phrase between the verb and the clause."""
    nouns = [c for prep in verb.children if prep.dep_ == "prep" for c in prep.children if c.dep_ == "pobj"]
    nouns += [c for c in verb.children if c.dep_ == "npadvmod"]  # "wrote on X the same day that ..."
    for noun in (n for n in nouns if n.lemma_.lower() not in COMPLEMENT_NOUNS):
        for clause in noun.children:
            if clause.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                for m in clause.children):
                return clause
            if clause.dep_ == "relcl" and _complete_without_that(clause):
                return clause  # "after the talks that Lima needed guarantees": not a relative
    return None


def _complete_without_that(clause) -> bool:
    """A clause opened by "that" whose subject and object are both other words: "that" cannot
    be its relative pronoun, so it introduces reported speech."""
    that = [c for c in clause.children if c.lower_ == "that" and c.i < clause.i]
    others = {c.dep_ for c in clause.children if c.lower_ != "that"}
    return bool(that) and "nsubj" in others and "dobj" in others


def reported_clause(verb):
    """The clause a verb of saying reports: its clausal complement, or one the parser hung
    on a noun between them."""
    return next((c for c in verb.children if c.dep_ == "ccomp"), None) or _statement_clause(verb)

