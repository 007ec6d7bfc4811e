"""raw/reference/*.yml -> validated actors and agreements (reference data, not article answers)."""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from crink.errors import InputError
from crink.ingest import SafeLoader

ACTOR_TYPES = {"person", "country", "organization", "group", "place"}
AGREEMENT_TYPES = {"treaty", "partnership", "agreement", "resolution", "accord", "other"}
ALIAS_KINDS = {"aliases": "alias", "metonyms": "metonym", "capitals": "capital", "demonyms": "demonym"}
ACTOR_KEYS = {"id", "name", "type", "wikidata_id", "description", "role", "affiliation", "note"} | set(ALIAS_KINDS)
AGREEMENT_KEYS = {"id", "name", "type", "signed", "parties", "wikidata_id", "aliases", "description",
                  "provisions", "provisions_basis", "note"}
PROVISIONS = ["defense", "offense", "neutrality", "nonaggression", "consultation"]
QID = re.compile(r"^Q[1-9][0-9]*$")


def slugify(name: str) -> str:
    """'Nicolás Maduro' -> 'nicolas-maduro'; the id convention for actors and agreements."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return re.sub(r"^the-", "", slug)


@dataclass
class Actor:
    id: str
    name: str
    type: str
    wikidata_id: str | None = None
    description: str | None = None
    role: str | None = None
    affiliation_id: str | None = None
    note: str | None = None
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, kind)
    source: str = "registry"


@dataclass
class Agreement:
    id: str
    name: str
    type: str
    parties: list[str]
    signed: str | None = None
    signed_precision: str | None = None
    wikidata_id: str | None = None
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    provisions: dict = field(default_factory=dict)
    provisions_basis: str | None = None
    source: str = "registry"


@dataclass
class Registry:
    actors: dict[str, Actor]
    agreements: dict[str, Agreement]
    digest: str  # hash of the registry files: part of every per-article cache key

    def alias_table(self) -> dict[str, tuple[str, str]]:
        """Every surface form -> (actor id, kind), computed once."""
        if "_alias_table" not in self.__dict__:
            self.__dict__["_alias_table"] = {alias: (a.id, kind) for a in self.actors.values()
                                             for alias, kind in a.aliases}
        return self.__dict__["_alias_table"]


def _load_yaml(path: Path, top_key: str) -> list:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise InputError(path, f"not valid YAML: {getattr(e, 'problem', e)}", line=mark.line + 1 if mark else None)
    items = data.get(top_key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError(path, f"expected a top-level '{top_key}:' list")
    return items


def _item_lines(path: Path, top_key: str) -> list[int]:
    """Line number where each item of the top-level list starts, for error messages."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    for key, value in (node.value if node is not None else []):
        if key.value == top_key and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def load_actors(path: Path) -> dict[str, Actor]:
    items = _load_yaml(path, "actors")
    item_lines = _item_lines(path, "actors")
    lines: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    alias_owner: dict[str, str] = {}
    for i, item in enumerate(items):
        aid = str(item.get("id", "")) if isinstance(item, dict) else ""
        line = item_lines[i] if i < len(item_lines) else None
        lines.setdefault(aid, line)
        where = f"actors[{i}]" + (f" ({aid})" if aid else "")
        if not isinstance(item, dict) or not aid:
            raise InputError(path, "each actor needs an id", field=where)
        unknown = set(item) - ACTOR_KEYS
        if unknown:
            raise InputError(path, f"unknown keys {sorted(unknown)}", line=line, field=where)
        if aid in actors:
            raise InputError(path, f"duplicate actor id {aid!r}", line=line, field=where)
        if not item.get("name"):
            raise InputError(path, "actor has no name", line=line, field=where)
        if item.get("type") not in ACTOR_TYPES:
            raise InputError(path, f"type {item.get('type')!r} is not one of {sorted(ACTOR_TYPES)}",
                             line=line, field=f"{where}.type")
        qid = item.get("wikidata_id")
        if qid is not None and not QID.match(str(qid)):
            raise InputError(path, f"wikidata_id {qid!r} is not a Wikidata id (Q followed by digits)",
                             line=line, field=f"{where}.wikidata_id")
        aliases = [(str(item["name"]), "name")]
        for key, kind in ALIAS_KINDS.items():
            values = item.get(key) or []
            if not isinstance(values, list):
                raise InputError(path, f"{key} must be a list", line=line, field=f"{where}.{key}")
            aliases += [(str(v), kind) for v in values]
        for alias, _ in aliases:
            owner = alias_owner.setdefault(alias, aid)
            if owner != aid:
                raise InputError(path, f"alias {alias!r} is claimed by both {owner!r} and {aid!r}",
                                 line=line, field=where)
        actors[aid] = Actor(
            id=aid, name=str(item["name"]), type=item["type"], wikidata_id=qid,
            description=item.get("description"), role=item.get("role"),
            affiliation_id=item.get("affiliation"), note=item.get("note"),
            aliases=list(dict.fromkeys(aliases)),
        )
    for actor in actors.values():
        if actor.affiliation_id and actor.affiliation_id not in actors:
            raise InputError(path, f"affiliation {actor.affiliation_id!r} names no actor",
                             line=lines.get(actor.id), field=f"{actor.id}.affiliation")
    return actors


def load_agreements(path: Path, actors: dict[str, Actor]) -> dict[str, Agreement]:
    from crink.ingest import parse_date

    if not path.exists():
        return {}
    items = _load_yaml(path, "agreements")
    item_lines = _item_lines(path, "agreements")
    agreements: dict[str, Agreement] = {}
    for i, item in enumerate(items):
        gid = str(item.get("id", "")) if isinstance(item, dict) else ""
        line = item_lines[i] if i < len(item_lines) else None
        where = f"agreements[{i}]" + (f" ({gid})" if gid else "")
        if not isinstance(item, dict) or not gid:
            raise InputError(path, "each agreement needs an id", field=where)
        unknown = set(item) - AGREEMENT_KEYS
        if unknown:
            raise InputError(path, f"unknown keys {sorted(unknown)}", line=line, field=where)
        if gid in agreements:
            raise InputError(path, f"duplicate agreement id {gid!r}", line=line, field=where)
        if item.get("type") not in AGREEMENT_TYPES:
            raise InputError(path, f"type {item.get('type')!r} is not one of {sorted(AGREEMENT_TYPES)}",
                             line=line, field=f"{where}.type")
        parties = item.get("parties") or []
        for party in parties:
            if party not in actors:
                raise InputError(path, f"party {party!r} names no actor in actors.yml", line=line,
                                 field=f"{where}.parties")
        qid = item.get("wikidata_id")
        if qid is not None and not QID.match(str(qid)):
            raise InputError(path, f"wikidata_id {qid!r} is not a Wikidata id", line=line, field=f"{where}.wikidata_id")
        provisions = item.get("provisions") or {}
        for key, value in provisions.items():
            if key not in PROVISIONS or value not in (0, 1, None):
                raise InputError(path, f"provision {key}: {value!r}; provisions are {PROVISIONS} with 1, 0 or null",
                                 line=line, field=f"{where}.provisions")
        signed, precision = (None, None)
        if item.get("signed") is not None:
            signed, precision = parse_date(item["signed"], path, f"{where}.signed", line)
        agreements[gid] = Agreement(
            id=gid, name=str(item.get("name") or gid), type=item["type"], parties=sorted(parties),
            signed=signed, signed_precision=precision, wikidata_id=qid,
            description=item.get("description"), aliases=[str(a) for a in item.get("aliases") or []],
            provisions=provisions, provisions_basis=item.get("provisions_basis"),
        )
    return agreements


def load_registry(raw_dir) -> Registry:
    """raw_dir/reference/{actors,agreements}.yml -> Registry."""
    ref = Path(raw_dir) / "reference"
    actors_path, agreements_path = ref / "actors.yml", ref / "agreements.yml"
    if not actors_path.exists():
        raise InputError(actors_path, "the actor registry is missing")
    actors = load_actors(actors_path)
    agreements = load_agreements(agreements_path, actors)
    digest = hashlib.sha256()
    for p in (actors_path, agreements_path):
        if p.exists():
            digest.update(p.read_bytes())
    return Registry(actors=actors, agreements=agreements, digest=digest.hexdigest())
