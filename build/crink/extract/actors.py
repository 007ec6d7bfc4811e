"""Actor mentions: registry aliases (names, metonyms, capitals, demonyms) and new actors from NER.

A person's title ("Chinese Foreign Minister") is kept on the mention; a new person's role and
affiliation come from that title or an appositive ("Jodie Wen, a fellow at ..."). Later
surname-only references ("Wen said") link to the same person.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

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
ORG_HEAD_HINTS = re.compile(r"\b(Center|Centre|Institute|University|Council|Ministry|Agency|Department|Party|"
                            r"Organi[sz]ation|Association|Foundation|Corps|Force|Forces|Army|Navy|Group|Bank|"
                            r"Company|Corporation|Commission|Committee|Office|Service|Union|Alliance|Front|"
                            r"School|College|Academy|Fund|Program|Programme|Initiative|Project|Security|Times|"
                            r"Post|News|Agency|Network|Guard|Court|Assembly|Parliament|Senate|Congress)\b")


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
    if text.lower() in ORG_STOPLIST or "\n" in text:
        return False
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


def find_actors(parsed: Parsed, registry: Registry, quote_spans=()) -> ActorResult:
    """Every actor mention in the cleaned text, with new actors for names the registry lacks."""
    text = parsed.text
    entities = []
    for _, doc in parsed.paragraphs:
        if is_title_case(doc.text):
            continue  # headline capitalisation makes every phrase look like a name
        for ent in doc.ents:
            s, e = span_bounds(ent)
            entities.append((s, e, ent.label_))
    mentions = []
    for m in registry_mentions(text, registry):
        contained = [(s, e) for s, e, label in entities
                     if label in CONTAINER_LABELS and s <= m.start and m.end <= e and (e - s) > (m.end - m.start)]
        if contained and not any(_starts_with_possessive(text, s, m) for s, _ in contained):
            continue
        mentions.append(m)
    result = ActorResult(mentions=mentions)
    taken = [(m.start, m.end) for m in mentions]

    for s, e, label in entities:
        if label not in NEW_ACTOR_LABELS:
            continue
        name, ns, ne = clean_entity(text[s:e], s)
        if any(ts < ne and ns < te for ts, te in taken):
            continue
        if not plausible_name(label, name):
            continue
        actor_id = slugify(name)
        if not actor_id:
            continue
        if actor_id in registry.actors:
            actor_id_type = registry.actors[actor_id].type
        else:
            actor_id_type = NEW_ACTOR_LABELS[label]
            result.new_actors.setdefault(actor_id, NewActor(actor_id, name, actor_id_type))
        result.mentions.append(Mention(actor_id, ns, ne, name, "ner", 0.7, "ner"))
        taken.append((ns, ne))

    _add_surname_mentions(text, result, registry, taken)
    _add_titles_and_roles(parsed, result, registry)
    result.mentions.sort(key=lambda m: (m.start, m.end))
    return result


def _starts_with_possessive(text: str, ent_start: int, m: Mention) -> bool:
    """'China’s Ministry of Foreign Affairs': the state at the head of a possessive still counts."""
    lead = text[ent_start:m.start].strip().lower()
    return lead in ("", "the") and re.match(r"^['’]s?\b", text[m.end:m.end + 2]) is not None


def _add_surname_mentions(text: str, result: ActorResult, registry: Registry, taken: list) -> None:
    """'Wen said' after 'Jodie Wen': surnames of new persons, after their first full mention."""
    first_seen = {}
    for m in result.mentions:
        actor = result.new_actors.get(m.actor_id)
        if actor and actor.type == "person" and m.method == "ner":
            first_seen.setdefault(actor.id, (m.end, actor.name.split()[-1]))
    surname_owners = {}
    for actor_id, (_, surname) in first_seen.items():
        surname_owners.setdefault(surname, set()).add(actor_id)
    for actor_id, (after, surname) in first_seen.items():
        if len(surname_owners[surname]) > 1 or surname in registry.alias_table():
            continue
        for m in re.finditer(rf"(?<![\w]){re.escape(surname)}(?![\w])", text):
            if m.start() < after or any(ts < m.end() and m.start() < te for ts, te in taken):
                continue
            result.mentions.append(Mention(actor_id, m.start(), m.end(), surname, "surname", 0.75, "surname"))
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
        appositive = re.match(r",\s+((?:an?|the)\s+[^,;.]{3,160}?)(?:,|\.|;|$)", text[m.end:m.end + 200])
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
        if gap.strip():
            break
        word = w.group(0)
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


def _affiliation_in(result: ActorResult, start: int, end: int, registry: Registry) -> str | None:
    """The first state or organisation mentioned in [start, end)."""
    for m in sorted(result.at(start, end), key=lambda m: m.start):
        kind = (registry.actors[m.actor_id].type if m.actor_id in registry.actors
                else result.new_actors[m.actor_id].type if m.actor_id in result.new_actors else None)
        if kind in ("country", "organization", "group"):
            return m.actor_id
    return None
