"""Actor mentions: registry aliases (names, metonyms, capitals, demonyms) and new actors from NER.

A person's title ("Chinese Foreign Minister") is kept on the mention; a new person's role and
affiliation come from that title or an appositive ("Mira Castell, a fellow at ..."). Later
surname-only references ("Wen said") link to the same person.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from crink.nlp import Parsed, span_bounds
from crink.registry import Registry, slugify

# Entity labels whose span, when longer than a registry match inside it, is another thing
# ("Carnegie Russia Eurasia Center", "the Indian Ocean", "the Korean War").
CONTAINER_LABELS = {"ORG", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}
NEW_ACTOR_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place"}
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "foreign", "defense", "defence", "affairs", "deputy",
    "secretary", "state", "general", "supreme", "leader", "chairman", "chair", "premier", "chancellor",
    "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "king", "crown",
    "prince", "senator", "sen.", "rep.", "representative", "admiral", "commander", "gen.", "dr.", "professor",
    "prof.", "director", "chief", "head", "adviser", "advisor", "security", "national", "former", "acting",
    "counterpart", "official", "diplomat", "analyst", "senior", "top", "military", "intelligence",
    "finance", "trade", "economy", "interior", "ministry", "speaker", "parliament", "mr.",
    "mrs.", "ms.", "colonel", "lieutenant", "marshal", "first", "lady", "mayor", "governor",
}
ORG_STOPLIST = {"at a glance", "covid-19", "covid", "coronavirus", "news", "analysis", "opinion"}
# A name ending in one of these is a document or agreement, not an actor.
DOCUMENT_HEADS = re.compile(r"\b(Treaty|Agreement|Pact|Accords?|Charter|Convention|Declaration|Memorandum|"
                            r"Resolution|Protocol|Deal|Plan|Statement|Communiqu[eé]|Act|Law|Doctrine)$")
# "Treaty of Friendship and Cooperation": words after a document's head name the document.
DOCUMENT_NAME_LEAD = re.compile(r"\b(Treaty|Agreement|Pact|Accords?|Charter|Convention|Declaration|Memorandum|"
                                r"Protocol)\s+(?:(?:of|on|for|the|and|between|[A-Z][\w-]*)\s+)*(of|on|for|and)\s+"
                                r"(the\s+)?$")  # "Treaty on the Basis for Mutual Relations and the ..."
EVENT_NAME = re.compile(r"\b(Summit|Conference|Games|Olympics|Expo|Exhibition|Fair|Festival|Dialogue)$")
# "MOSCOW (Harbour Ledger) —": a dateline's place and agency are not mentions.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?\s*(?:\([^)\n]{1,60}\))?\s*[—–-]{1,2}\s")
LOCATION_PREPS = {"in", "at", "near", "outside"}
ORG_HEAD_HINTS = re.compile(r"\b(Center|Centre|Institute|University|Council|Ministry|Agency|Department|Party|"
                            r"Organi[sz]ation|Association|Foundation|Corps|Force|Forces|Army|Navy|Group|Bank|"
                            r"Company|Corporation|Commission|Committee|Office|Service|Union|Alliance|Front|"
                            r"School|College|Academy|Fund|Program|Programme|Initiative|Project|Security|Times|"
                            r"Post|News|Agency|Network|Guard|Court|Assembly|Parliament|Senate|Congress)\b")


TITLE_AFTER = re.compile(r"\s+(?:Minister|Secretary|Commissioner)\b")  # a portfolio before a title
MODEL_CODES = re.compile(r"(\s+[A-Za-z]{0,4}-?\d[\w-]*)+")  # weapon or aircraft models: "B-2", "Su-35", "S-400"


@dataclass
class Mention:
    actor_id: str
    start: int
    end: int
    text: str
    method: str
    confidence: float
    kind: str = "name"  # name | alias | metonym | capital | demonym | surname | ner
    title_text: str | None = None


@dataclass
class NewActor:
    id: str
    name: str
    type: str
    role: str | None = None
    affiliation_id: str | None = None


@dataclass
class ActorResult:
    mentions: list[Mention] = field(default_factory=list)
    new_actors: dict[str, NewActor] = field(default_factory=dict)

    def at(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping [start, end)."""
        return [m for m in self.mentions if m.start < end and start < m.end]


KIND_CONFIDENCE = {"name": 0.95, "alias": 0.9, "metonym": 0.85, "capital": 0.8, "demonym": 0.8}


@lru_cache(maxsize=4)
def alias_pattern(digest: str, aliases: tuple[str, ...]):
    """One regex over every alias, longest first, matched as whole words."""
    body = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


def registry_mentions(text: str, registry: Registry) -> list[Mention]:
    table = registry.alias_table()
    pattern = alias_pattern(registry.digest, tuple(sorted(table)))
    found = []
    for m in pattern.finditer(text):
        actor_id, kind = table[m.group(0)]
        found.append(Mention(actor_id, m.start(), m.end(), m.group(0), "registry", KIND_CONFIDENCE[kind], kind))
    return found


def clean_entity(text: str, start: int) -> tuple[str, int, int]:
    """Strip a leading 'the' and a trailing possessive from an entity span."""
    s, e = start, start + len(text)
    m = re.match(r"^(the|The)\s+", text)
    if m:
        s += m.end()
        text = text[m.end():]
    m = re.search(r"(['’]s?|\s+)$", text)
    if m:
        text = text[: m.start()]
        e = s + len(text)
    return text, s, e


def plausible_name(label: str, text: str) -> bool:
    words = text.split()
    if not words or len(words) > 8 or not re.match(r"^[A-Z]", text) or re.search(r"\d", text):
        return False
    if text.lower() in ORG_STOPLIST or "\n" in text or DOCUMENT_HEADS.search(text):
        return False
    if all(w.lower() in TITLE_WORDS for w in words):
        return False  # "Supreme Leader", "Foreign Minister": a title, not a name
    if label == "PERSON":
        return 2 <= len(words) <= 4 and all(re.match(r"^[A-Z][\w.'’-]*$", w) for w in words)
    if label == "ORG":
        return len(words) >= 2 and (bool(ORG_HEAD_HINTS.search(text)) or text.isupper() is False)
    return True


def is_title_case(line: str) -> bool:
    """A headline-style line: short, no closing full stop, most words capitalised."""
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not words or len(words) > 25 or line.rstrip().endswith((".", "”", '"')):
        return False
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "amid", "vs"}
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 2 and sum(w[0].isupper() for w in content) / len(content) >= 0.75


def _surname_he(doc) -> list[tuple[int, int]]:
    """(start, end) of names with the Chinese surname He ("He Mingzhi"): the parser tags the
    surname as the pronoun but hangs it on the given name as a compound, as no pronoun is."""
    base = doc.user_data["offset"]
    found = []
    for t in doc[:-1]:
        name = doc[t.i + 1]
        if t.text == "He" and t.dep_ == "compound" and t.head.i == name.i and name.tag_ == "NNP" \
                and name.text[:1].isupper() and name.text.isalpha():
            found.append((base + t.idx, base + name.idx + len(name.text)))
    return found


def find_actors(parsed: Parsed, registry: Registry, quote_spans=()) -> ActorResult:
    """Every actor mention in the cleaned text, with new actors for names the registry lacks."""
    text = parsed.text
    entities = []
    for start, doc in parsed.paragraphs:
        if is_title_case(doc.text):
            continue  # headline capitalisation makes every phrase look like a name
        dateline = DATELINE.match(doc.text)
        skip_to = start + dateline.end() if dateline else start
        for ent in doc.ents:
            s, e = span_bounds(ent)
            if s >= skip_to:
                entities.append((s, e, ent.label_))
        for s, e in _surname_he(doc):  # "He Mingzhi said": the tagger reads the surname as the pronoun
            entities = [x for x in entities if x[1] <= s or e <= x[0]] + [(s, e, "PERSON")]
    found = registry_mentions(text, registry)
    mentions = []
    for m in found:
        containers = [(s, e) for s, e, label in entities
                      if label in CONTAINER_LABELS and s <= m.start and m.end <= e]
        if any(_is_other_thing(text, s, e, m, found) for s, e in containers):
            continue
        if m.kind == "capital" and _is_venue(parsed, m):
            continue
        mentions.append(m)
    generics = generic_orgs(registry)
    qualified, new_bodies = qualified_org_mentions(text, mentions, generics, registry)
    mentions += qualified
    mentions += contextual_org_mentions(parsed, mentions, generics, registry)
    result = ActorResult(mentions=mentions, new_actors=new_bodies)
    taken = [(m.start, m.end) for m in mentions]
    exact_table, lower_table = registry.alias_table(), lower_alias_table(registry)
    generic_names = {g for _, g in generics}

    for s, e, label in _refine_entities(text, entities):
        if label not in NEW_ACTOR_LABELS:
            continue
        name, ns, ne = clean_entity(text[s:e], s)
        if any(ts < ne and ns < te for ts, te in taken):
            continue
        if name in exact_table:
            continue  # the registry pass already decided about this name here
        known = lower_table.get(name.lower())
        if known:  # "MOSCOW", "the Revolutionary guards": a registry name in other capitals
            result.mentions.append(Mention(known[0], ns, ne, name, "registry", 0.75, known[1]))
            taken.append((ns, ne))
            continue
        if label == "ORG" and TITLE_AFTER.match(text, ne) and not ORG_HEAD_HINTS.search(name):
            continue  # "External Affairs Minister X": a portfolio in a title, not a body named
        if not plausible_name(label, name) or name.lower() in generic_names \
                or DOCUMENT_NAME_LEAD.search(text[max(0, ns - 120):ns]) \
                or label == "ORG" and EVENT_NAME.search(name):  # "the Asian Winter Games" is an event
            continue
        actor_id = slugify(name)
        if not actor_id:
            continue
        if actor_id in registry.actors:
            actor_id_type = registry.actors[actor_id].type
        else:
            actor_id_type = NEW_ACTOR_LABELS[label]
            state = _state_in_name(name, actor_id_type, registry) or (  # "Peruvian Red Cross Society"
                _state_just_before(mentions, ns, registry) if actor_id_type == "organization" else None)
            full_name = name
            if state and MINISTRY_NAME.match(name) and " of " not in name[len("Ministry of "):]:
                form = state_forms(registry).get(state)  # "China's Ministry of Commerce" is China's
                if form:
                    full_name = f"{name} of {form}"
                    actor_id = slugify(full_name)
            result.new_actors.setdefault(actor_id, NewActor(actor_id, full_name, actor_id_type, affiliation_id=state))
        result.mentions.append(Mention(actor_id, ns, ne, name, "ner", 0.7, "ner"))
        taken.append((ns, ne))

    _add_surname_mentions(text, result, registry, taken)
    _add_titles_and_roles(parsed, result, registry)
    result.mentions.sort(key=lambda m: (m.start, m.end))
    return result


_DERIVED: dict[tuple[str, str], dict] = {}  # tables derived from a registry, by (kind, registry digest)


def _derived(kind: str, registry: Registry, make) -> dict:
    key = (kind, registry.digest)
    if key not in _DERIVED:
        _DERIVED[key] = make(registry)
    return _DERIVED[key]


def _make_lower_alias_table(registry: Registry) -> dict:
    table = {}
    for alias, (actor_id, kind) in registry.alias_table().items():
        table.setdefault(alias.lower(), set()).add((actor_id, kind))
    return {k: min(v) for k, v in table.items() if len({a for a, _ in v}) == 1}


def lower_alias_table(registry: Registry) -> dict:
    """Lower-cased alias -> (actor id, kind), for aliases no two actors share in any case."""
    return _derived("lower", registry, _make_lower_alias_table)


def _make_generic_orgs(registry: Registry) -> dict:
    states = {a.id: a for a in registry.actors.values() if a.type == "country"}
    index = {}
    for org in sorted(registry.actors.values(), key=lambda a: a.id):
        if org.type != "organization" or org.affiliation_id not in states:
            continue
        state_forms = sorted({alias for alias, _ in states[org.affiliation_id].aliases} | {states[org.affiliation_id].name},
                             key=len, reverse=True)
        for alias in sorted({org.name} | {a for a, _ in org.aliases}):
            for form in state_forms:
                generic = None
                if alias.startswith(form + " "):
                    generic = alias[len(form) + 1:]
                elif alias.endswith(" of " + form) or alias.endswith(" of the " + form):
                    generic = alias[: alias.rindex(" of ")]
                if generic and len(generic.split()) >= 2 and ORG_HEAD_HINTS.search(generic):
                    index.setdefault((org.affiliation_id, generic.lower()), org.id)
                    break
    return index


def state_forms(registry: Registry) -> dict:
    """{state id: the form its bodies' names end with in the registry} ("the People's Republic
    of China" from "Ministry of Foreign Affairs of the People's Republic of China")."""
    return _derived("forms", registry, _make_state_forms)


def _make_state_forms(registry: Registry) -> dict:
    forms = {}
    for org in sorted(registry.actors.values(), key=lambda a: a.id):
        state = registry.actors.get(org.affiliation_id or "")
        if org.type != "organization" or not state or state.type != "country" or not MINISTRY_NAME.match(org.name):
            continue
        split = _split_state_name(org.name, state)
        if split:
            forms.setdefault(state.id, split[1])
    return forms


def generic_orgs(registry: Registry) -> dict:
    """{(state id, generic name): organisation id}, from registry aliases such as 'Russian
    Foreign Ministry' -> (russia, 'foreign ministry')."""
    return _derived("generic", registry, _make_generic_orgs)


PORTFOLIO_MINISTRY = re.compile(r"(?:['’]s?)?\s+((?:commerce|trade|finance|economy|energy|interior|justice|health|"
                                r"industry|agriculture|transport|culture|intelligence|petroleum|oil|emergencies) "
                                r"ministry)\b", re.IGNORECASE)


def qualified_org_mentions(text: str, mentions: list, generics: dict, registry: Registry) -> tuple[list, dict]:
    """'Russia's foreign ministry', 'Iranian defence ministry': a state followed by a generic
    organisation name links to that state's organisation; the state mention stays. Where the
    registry has no such body for that state ("Chile's foreign ministry"), it becomes a new
    actor named like the registry's ("Ministry of Foreign Affairs of Chile"), affiliated to
    the state. -> (mentions, new actors)"""
    if not generics:
        return [], {}
    heads = generic_heads(registry)
    names = sorted({g for _, g in generics}, key=len, reverse=True)
    after = re.compile(r"(?:['’]s?)?\s+(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)
    found, new_bodies = [], {}
    for m in mentions:
        actor = registry.actors.get(m.actor_id)
        if not actor or actor.type != "country" or m.kind not in ("name", "alias", "demonym"):
            continue
        hit = after.match(text, m.end)
        portfolio = None if hit else PORTFOLIO_MINISTRY.match(text, m.end)
        hit = hit or portfolio
        if not hit or any(o.start < hit.end(1) and hit.start(1) < o.end for o in mentions):
            continue
        generic = hit.group(1).lower()
        org_id = generics.get((m.actor_id, generic))
        if org_id is None and portfolio:
            # "China's commerce ministry": named as the registry names that state's ministries
            field = generic[: -len(" ministry")].title()
            name = f"Ministry of {field} of {state_forms(registry).get(actor.id) or actor.name}"
            org_id = slugify(name)
            if org_id not in registry.actors:
                new_bodies.setdefault(org_id, NewActor(org_id, name, "organization", affiliation_id=actor.id))
        elif org_id is None and generic in heads:
            name = f"{heads[generic]} of {actor.name}"
            org_id = slugify(name)
            if org_id not in registry.actors:
                new_bodies.setdefault(org_id, NewActor(org_id, name, "organization", affiliation_id=actor.id))
        if org_id:
            found.append(Mention(org_id, hit.start(1), hit.end(1), hit.group(1), "registry", 0.85, "qualified"))
    return found, new_bodies


def generic_heads(registry: Registry) -> dict:
    """{generic name: the registry's name pattern for it}, where the registry is consistent:
    'foreign ministry' -> 'Ministry of Foreign Affairs' (from 'Ministry of Foreign Affairs of Iran')."""
    return _derived("heads", registry, _make_generic_heads)


def _split_state_name(name: str, state) -> tuple[str, str] | None:
    """'Ministry of Foreign Affairs of the People's Republic of China' -> ('Ministry of Foreign
    Affairs', "the People's Republic of China") when the tail is a name of that state, else None."""
    forms = {state.name} | {alias for alias, _ in state.aliases}
    parts = name.split(" of ")
    for i in range(1, len(parts)):
        rest = " of ".join(parts[i:])
        if rest in forms or (rest.startswith("the ") and rest[4:] in forms):
            return " of ".join(parts[:i]), rest
    return None


def _make_generic_heads(registry: Registry) -> dict:
    seen: dict[str, set] = {}
    for (state_id, generic), org_id in generic_orgs(registry).items():
        split = _split_state_name(registry.actors[org_id].name, registry.actors[state_id])
        if split:
            seen.setdefault(generic, set()).add(split[0])
    return {generic: heads.pop() for generic, heads in seen.items() if len(heads) == 1}


def contextual_org_mentions(parsed: Parsed, mentions: list, generics: dict, registry: Registry) -> list:
    """'the Defence Ministry', 'foreign ministry spokeswoman Hua Chunying' with no state before
    them: the ministry of the state named nearest in the same paragraph (before it if any,
    else after it in the same sentence)."""
    names = sorted({g for _, g in generics if re.search(r"\b(ministry|department)\b", g)}, key=len, reverse=True)
    if not names:
        return []
    text = parsed.text
    states = sorted((m for m in mentions if registry.actors.get(m.actor_id) and
                     registry.actors[m.actor_id].type == "country"), key=lambda m: m.start)
    found = []
    for hit in re.finditer(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", text, re.IGNORECASE):
        if any(o.start < hit.end() and hit.start() < o.end for o in mentions + found):
            continue
        para_start = text.rfind("\n\n", 0, hit.start()) + 1
        sentence = parsed.sentence_at(hit.start())
        before = [m for m in states if para_start <= m.start < hit.start()]
        after = [m for m in states if sentence and hit.end() <= m.start < sentence.end]
        state_id = _state_of_next_person(text, hit.end(), mentions, registry)
        if state_id is None:
            state = before[-1] if before else (after[0] if after else None)
            if before and after and sentence and before[-1].start < sentence.start \
                    and before[-1].actor_id != after[0].actor_id:
                state = None  # one state in an earlier sentence, another in this one: no guess
            state_id = state.actor_id if state else None
        org_id = state_id and generics.get((state_id, hit.group(1).lower()))
        if org_id:
            found.append(Mention(org_id, hit.start(), hit.end(), hit.group(1), "context", 0.6, "generic"))
    return found


CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                  "february", "march", "april", "june", "july", "august", "september", "october", "november",
                  "december", "president", "mr", "ms", "mrs", "dr"}
MINISTRY_NAME = re.compile(r"(?:Ministry|Department|Office) of [A-Z]")
AGE_APPOSITIVE = re.compile(r",\s+\d{1,2},")
PERSON_TITLE_BEFORE = re.compile(r"\b(?:Governor|Mayor|Minister|President|Premier|Senator|Ambassador|General|Admiral|"
                                 r"Colonel|Commodore|Captain|Mr|Ms|Mrs|Dr|Professor|Chairman)\.?\s+$")
APPOSITIVE_PERSON = re.compile(r",\s+(?:an?|the|who)\s+(?:[\w-]+\s+){0,3}?(?:fellow|analyst|professor|researcher|"
                               r"scholar|expert|director|specialist|economist|lecturer|editor|spokes\w+|adviser|"
                               r"advisor|official|diplomat|lawmaker|journalist|who)\b")


def _refine_entities(text: str, entities: list) -> list:
    """Mend common NER slips before new actors are made from entities: an organisation named
    'X at Y University' is two; a FAC that is an institution is an organisation; an 'ORG'
    with a person's appositive ('Elif Demirtas, a fellow at') is a person; a PERSON cut to
    its surname ('Roth' in 'Annika Roth') takes back the capitalised first name."""
    out = []
    for s, e, label in entities:
        span = text[s:e]
        if label == "FAC" and ORG_HEAD_HINTS.search(span):
            label = "ORG"
        if label == "ORG" and not ORG_HEAD_HINTS.search(span) and (
                APPOSITIVE_PERSON.match(text, e) or AGE_APPOSITIVE.match(text, e)
                or PERSON_TITLE_BEFORE.search(text[max(0, s - 20):s])):
            label = "PERSON"  # "Governor Mira Castell", "Ana Ruiz, 54,"
        if label == "PERSON" and " " not in span.strip():
            first = re.search(r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+$", text[max(0, s - 30):s])
            if first and first.group(1).lower() not in TITLE_WORDS | STOP_WORDS | CALENDAR_WORDS:
                s -= len(first.group(0))
        if label == "ORG" and " at " in span:
            left, right = span.split(" at ", 1)
            if ORG_HEAD_HINTS.search(left) and ORG_HEAD_HINTS.search(right):
                out.append((s, s + len(left), "ORG"))
                out.append((e - len(right), e, "ORG"))
                continue
        out.append((s, e, label))
    return out


def _state_of_next_person(text: str, pos: int, mentions: list, registry: Registry) -> str | None:
    """'foreign ministry spokesman Lin Jian': the state of the registry person the phrase titles."""
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < pos:
            continue
        between = text[pos:m.start].split()
        if m.start - pos > 40 or any(w.lower() not in TITLE_WORDS for w in between):
            return None
        actor = registry.actors.get(m.actor_id)
        for _ in range(3):  # person -> organisation -> state
            if actor is None or actor.type == "country":
                break
            actor = registry.actors.get(actor.affiliation_id) if actor.affiliation_id else None
        return actor.id if actor is not None and actor.type == "country" else None
    return None


def _is_venue(parsed: Parsed, m: Mention) -> bool:
    """'the Hollister Institute in Berlin', 'talks in Moscow': a capital after a noun and
    'in'/'at' is where something is, not the state (unlike 'seen in Beijing as ...')."""
    token = parsed.token_at(m.start)
    if token is None or token.dep_ != "pobj" or token.head.lower_ not in LOCATION_PREPS:
        return False
    return token.head.head.pos_ in ("NOUN", "PROPN")


LINK_WORDS = re.compile(r"(?:\s|['’]s?|\b(?:the|The|of|and|&)\b|[,.])*")


def _is_other_thing(text: str, ent_start: int, ent_end: int, m: Mention, found: list[Mention]) -> bool:
    """Whether an entity around a registry match names something else ('Carnegie Russia Eurasia
    Center', 'the Korean War'), rather than the match itself ('the White House'), a possessive
    ('China’s Ministry of Foreign Affairs') or known actors joined up ('the IRGC's Quds Force')."""
    inside = sorted((f for f in found if ent_start <= f.start and f.end <= ent_end), key=lambda f: f.start)
    pos = ent_start
    for f in inside:
        if f.start < pos:
            continue
        if not LINK_WORDS.fullmatch(text[pos:f.start]):
            break
        pos = f.end
    else:
        if LINK_WORDS.fullmatch(text[pos:ent_end]):
            return False  # nothing but known actors and link words
    lead = text[ent_start:m.start].strip()
    if lead == "" and MODEL_CODES.fullmatch(text[m.end:ent_end]):
        return False  # "US B-2", "Russian Su-35": a state and the model of what it flies
    return not (lead in ("", "the", "The") and re.match(r"^['’]s?\b", text[m.end:m.end + 2]))


def _add_surname_mentions(text: str, result: ActorResult, registry: Registry, taken: list) -> None:
    """'Castell said' after 'Mira Castell', 'Wang said' after 'Wang Yi': a person's family name (the last
    word, or the first for names written family-name first) links to them after their first full
    mention, when no other person in the article shares it and no registry alias claims it; so
    does the first word of a new organisation's name of three words or more ('Halvard' for
    'Halvard Rail and Bridge Works')."""
    first_seen = {}
    for m in sorted(result.mentions, key=lambda m: m.start):
        actor = result.new_actors.get(m.actor_id) or registry.actors.get(m.actor_id)
        words = actor.name.split() if actor else []
        full_name = m.method == "ner" or (m.method == "registry" and m.kind == "name") or (
            m.method == "registry" and m.kind == "alias" and len(m.text.split()) >= 2
            and words and words[-1] in m.text.split())  # a titled alias that holds the surname
        if actor and actor.type == "person" and full_name and len(words) >= 2:
            first_seen.setdefault(actor.id, (m.end, {words[0], words[-1]}))
        elif actor and actor.type == "organization" and m.method == "ner" and len(actor.name.split()) >= 3 \
                and len(actor.name.split()[0]) >= 4 and not ORG_HEAD_HINTS.search(actor.name.split()[0]):
            first_seen.setdefault(actor.id, (m.end, {actor.name.split()[0]}))  # "Halvard" for "Halvard Rail ..."
    owners = {}
    for actor_id, (_, names) in first_seen.items():
        for name in names:
            owners.setdefault(name, set()).add(actor_id)
    aliases = registry.alias_table()
    for actor_id, (after, names) in first_seen.items():
        for name in names:
            if len(owners[name]) > 1 or name in aliases or len(name) < 2 or not name[0].isupper() \
                    or name.lower() in STOP_WORDS or name.endswith("."):
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?!\s+[A-Z][a-z])", text):
                if m.start() < after or any(ts < m.end() and m.start() < te for ts, te in taken):
                    continue
                result.mentions.append(Mention(actor_id, m.start(), m.end(), name, "surname", 0.75, "surname"))
                taken.append(m.span())


def _add_titles_and_roles(parsed: Parsed, result: ActorResult, registry: Registry) -> None:
    """Title before a person ('Chinese Foreign Minister Wang Yi') and appositive after one."""
    text = parsed.text
    by_start = sorted(result.mentions, key=lambda m: m.start)
    for m in by_start:
        actor_type = (registry.actors[m.actor_id].type if m.actor_id in registry.actors
                      else result.new_actors[m.actor_id].type if m.actor_id in result.new_actors else None)
        if actor_type != "person":
            continue
        title, title_start = _title_before(text, m.start)
        if title:
            m.title_text = title
        new = result.new_actors.get(m.actor_id)
        if not new or m.method != "ner":
            continue
        if title and not new.role:
            new.role = _strip_state_words(title, result, title_start)
            new.affiliation_id = new.affiliation_id or _affiliation_in(result, title_start, m.start, registry)
        appositive = re.match(r",\s+((?:an?|the|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s)\s+[^,;.]{3,160}?)(?:,|\.|;|$)",
                              text[m.end:m.end + 200])  # ", a fellow at ...", ", China's special envoy,"
        via = re.match(r"\s+(?:from|of|at)\s+((?:the\s+)?[A-Z][^,;.]{2,120}?)(?:,|\.|;|\s+(?:said|says|remarked|noted|told|argued|wrote))", text[m.end:m.end + 200])
        if appositive and not new.role:
            a_start = m.end + appositive.start(1)
            new.role = appositive.group(1)
            new.affiliation_id = new.affiliation_id or _affiliation_in(
                result, a_start, a_start + len(appositive.group(1)), registry)
        elif via:
            v_start = m.end + via.start(1)
            new.affiliation_id = new.affiliation_id or _affiliation_in(result, v_start, v_start + len(via.group(1)), registry)


def _title_before(text: str, name_start: int) -> tuple[str | None, int]:
    """The run of title words (and state words) right before a name, if any."""
    words = list(re.finditer(r"[\w.'’-]+", text[max(0, name_start - 120):name_start]))
    base = max(0, name_start - 120)
    run_start = None
    has_title_word = False
    expected_end = name_start
    for w in reversed(words):
        gap = text[base + w.end(): expected_end]
        word = w.group(0)
        if gap.strip() or "\n" in gap or (word.endswith(".") and word.lower() not in TITLE_WORDS):
            break
        core = re.sub(r"['’]s$", "", word)
        if word.lower() in TITLE_WORDS or core.lower() in TITLE_WORDS:
            has_title_word = has_title_word or core.lower() not in {"former", "top", "senior", "acting", "first"}
        elif not (core[:1].isupper()):
            break
        run_start = base + w.start()
        expected_end = base + w.start()
    if run_start is None or not has_title_word:
        return None, name_start
    return text[run_start:name_start].strip(), run_start


def _strip_state_words(title: str, result: ActorResult, start: int) -> str:
    """'Iran’s deputy foreign minister' -> 'deputy foreign minister'."""
    for m in result.at(start, start + len(title)):
        if m.kind in ("demonym", "name", "alias", "capital", "metonym") and m.start == start:
            rest = title[m.end - start:]
            return re.sub(r"^['’]s?\s*", "", rest).strip() or title
    return title


def _state_in_name(name: str, actor_type: str, registry: Registry) -> str | None:
    """The one state an organisation's name names ("Chilean Embassy", "Peruvian Red Cross"), or None."""
    if actor_type != "organization":
        return None
    states = {m.actor_id for m in registry_mentions(name, registry)
              if registry.actors[m.actor_id].type == "country"}
    return states.pop() if len(states) == 1 else None


def _state_just_before(mentions: list, start: int, registry: Registry) -> str | None:
    """A state named immediately before a position ("Peruvian" + "Red Cross Society", "Chile's")."""
    for m in mentions:
        if start - 3 <= m.end <= start and m.actor_id in registry.actors \
                and registry.actors[m.actor_id].type == "country":
            return m.actor_id
    return None


def _affiliation_in(result: ActorResult, start: int, end: int, registry: Registry) -> str | None:
    """The first state or organisation mentioned in [start, end)."""
    for m in sorted(result.at(start, end), key=lambda m: m.start):
        kind = (registry.actors[m.actor_id].type if m.actor_id in registry.actors
                else result.new_actors[m.actor_id].type if m.actor_id in result.new_actors else None)
        if kind in ("country", "organization", "group"):
            return m.actor_id
    return None
