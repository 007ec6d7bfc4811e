"""Per-article records -> database rows: merge new actors and agreements, deduplicate events.

Everything here is deterministic in the article ids (records are processed in id order), so
the same inputs give the same rows whatever the order files were read or the worker count.
"""

from collections import Counter, defaultdict

from crink.registry import Registry, slugify

STATE_TYPES = {"country"}


ARTICLE_TABLES = ["articles", "mentions", "quotes", "quoted_terms", "agreement_mentions"]


def actor_rows(registry: Registry, new_actors: list[dict]) -> tuple[list[dict], list[dict]]:
    """(actors, actor_aliases): the registry plus new actors named in articles."""
    actors = {}
    aliases = []
    for a in registry.actors.values():
        actors[a.id] = dict(id=a.id, name=a.name, type=a.type, wikidata_id=a.wikidata_id,
                            description=a.description, role=a.role, affiliation_id=a.affiliation_id,
                            source="registry", note=a.note)
        aliases += [dict(actor_id=a.id, alias=alias, kind=kind) for alias, kind in a.aliases]
    found = defaultdict(list)
    for new in new_actors:
        if new["id"] not in registry.actors:
            found[new["id"]].append(new)
    for actor_id in sorted(found):
        versions = found[actor_id]
        name = Counter(v["name"] for v in versions).most_common(1)[0][0]
        kind = Counter(v["type"] for v in versions).most_common(1)[0][0]
        role = next((v["role"] for v in versions if v.get("role")), None)
        affiliation = next((v["affiliation_id"] for v in versions if v.get("affiliation_id")), None)
        actors[actor_id] = dict(id=actor_id, name=name, type=kind, wikidata_id=None, description=None, role=role,
                                affiliation_id=affiliation, source="extracted",
                                note=f"found in {len(versions)} article(s); not in the registry")
    for row in actors.values():
        if row["affiliation_id"] not in actors:
            row["affiliation_id"] = None
    return [actors[k] for k in sorted(actors)], sorted(aliases, key=lambda r: (r["actor_id"], r["alias"]))


def agreement_rows(registry: Registry, new_agreements: list[dict], actor_ids: set) -> tuple[list[dict], list[dict]]:
    """(agreements, agreement_parties): the registry plus agreements described in articles."""
    rows, parties = {}, []
    for g in registry.agreements.values():
        p = g.provisions or {}
        rows[g.id] = dict(id=g.id, name=g.name, type=g.type, signed=g.signed, signed_precision=g.signed_precision,
                          mutual_defense=p.get("defense"), offense=p.get("offense"), neutrality=p.get("neutrality"),
                          nonaggression=p.get("nonaggression"), consultation=p.get("consultation"),
                          provisions_basis=g.provisions_basis, description=g.description,
                          wikidata_id=g.wikidata_id, source="registry")
        parties += [dict(agreement_id=g.id, actor_id=a) for a in g.parties]
    for g in sorted(new_agreements, key=lambda g: (g["id"], g["article_id"])):
        if g["id"] in rows:
            continue
        signed = g.get("signed")
        rows[g["id"]] = dict(id=g["id"], name=g["name"], type=g["type"], signed=signed,
                             signed_precision="year" if signed else None, mutual_defense=None, offense=None,
                             neutrality=None, nonaggression=None, consultation=None,
                             provisions_basis="not curated: no source read for provisions",
                             description=f"Described in article {g['article_id']}", wikidata_id=None,
                             source="extracted")
        parties += [dict(agreement_id=g["id"], actor_id=a) for a in g["parties"] if a in actor_ids]
    unique = {(p["agreement_id"], p["actor_id"]): p for p in parties}
    return [rows[k] for k in sorted(rows)], [unique[k] for k in sorted(unique)]


def state_of(actor_id: str, actors: dict) -> str:
    """A person stands for their state or organisation when events are compared."""
    row = actors.get(actor_id)
    if row and row["type"] == "person" and row.get("affiliation_id"):
        return row["affiliation_id"]
    return actor_id


def event_key(report: dict, actors: dict) -> tuple:
    participants = sorted({state_of(a, actors) for a, _ in report["actors"]
                           if actors.get(a, {}).get("type") != "place"})
    return report["type"], report["date"], tuple(participants)


def event_rows(event_reports: list[dict], actors: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """(events, event_actors, event_reports): reports of one event in several articles share a row."""
    groups = defaultdict(list)
    for report in event_reports:
        groups[event_key(report, actors)].append(report)
    events, event_actors, reports = [], {}, []
    for key in sorted(groups):
        plover, date, participants = key
        members = sorted(groups[key], key=lambda r: r["id"])
        event_id = slugify(f"{plover}-{date}-{'-'.join(participants)}")
        first = members[0]
        mode = next((r.get("mode") for r in members if r.get("mode")), None)
        events.append(dict(id=event_id, type=plover, mode=mode, context=first["context"],
                           date_start=first["date_start"], date_end=first["date_end"],
                           date_precision=first["date_precision"], date=date, summary=first["sentence"]))
        for r in members:
            for actor_id, role in r["actors"]:
                if actor_id in actors:
                    event_actors[(event_id, actor_id, role)] = dict(event_id=event_id, actor_id=actor_id, role=role)
            reports.append({k: r[k] for k in ("id", "article_id", "start", "end", "sentence", "trigger",
                                              "trigger_start", "date_text", "date_start_offset", "method",
                                              "confidence")} | {"event_id": event_id})
    return events, [event_actors[k] for k in sorted(event_actors)], sorted(reports, key=lambda r: r["id"])


def shared_rows(registry: Registry, new_actors: list, new_agreements: list, event_reports: list) -> dict:
    """Rows that depend on all articles together: actors, agreements and events."""
    actors, aliases = actor_rows(registry, new_actors)
    by_id = {a["id"]: a for a in actors}
    agreements, parties = agreement_rows(registry, new_agreements, set(by_id))
    events, event_actors, reports = event_rows(event_reports, by_id)
    return {
        "actors": actors,
        "actor_aliases": aliases,
        "agreements": agreements,
        "agreement_parties": parties,
        "events": events,
        "event_actors": event_actors,
        "event_reports": reports,
    }


def link(registry: Registry, records: list[dict]) -> dict[str, list[dict]]:
    """All records of all articles -> rows for every table (in memory; the build streams)."""
    records = sorted(records, key=lambda r: r["article"]["id"])
    tables = {"articles": [rec["article"] for rec in records]}
    for name in ARTICLE_TABLES[1:]:
        tables[name] = [row for rec in records for row in rec[name]]
    tables.update(shared_rows(registry, *[[x for rec in records for x in rec[k]]
                                          for k in ("new_actors", "new_agreements", "event_reports")]))
    return tables
