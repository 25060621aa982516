"""Entity resolution over the whole database, after every load: reads the mentions and the curator's files,
lets extractors/entities.py decide, and replaces the resolution tables in bulk (Arrow), in one transaction.

Whole-database, not per batch: a person or innovation can first appear in any run, and the rules' answer
depends only on the set of mentions, so the tables are the same whatever order the articles were loaded in.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from extractors import Lexicon
from extractors.entities import (
    INNOVATION,
    PERSON,
    Curation,
    InnovationMention,
    PersonMention,
    post_kind,
    resolve_innovations,
    resolve_persons,
)
from extractors.lexicon import read_tsv
from flows import store
from flows.errors import ConfigError
from flows.settings import config_file

KINDS = (PERSON, INNOVATION)


def load_curation(directory: Path | None = None) -> Curation:
    """The curator's pairs: same.tsv (always one entity) and not_same.tsv (never), rows `kind<TAB>name<TAB>name`,
    in `directory` (default: data/curation of the project, else the files shipped with warta)."""
    directory = directory or config_file("curation")
    pairs: dict[str, set[tuple[str, str, str]]] = {"same": set(), "not_same": set()}
    for name, out in pairs.items():
        path = directory / f"{name}.tsv"
        if not path.exists():
            continue
        for n, row in enumerate(read_tsv(path), 1):
            if len(row) != 3 or row[0] not in KINDS or not row[1] or not row[2]:
                raise ConfigError(f"{path}: row {n} {row!r} is not 'person|innovation<TAB>name<TAB>name'")
            out.add(Curation.pair(*row))
    return Curation(frozenset(pairs["same"]), frozenset(pairs["not_same"]))


def _key(*parts: object) -> str:
    return "\x00".join(str(p) for p in parts)


def resolve_entities(con: duckdb.DuckDBPyConnection, lex: Lexicon, curation: Curation | None = None) -> dict[str, int]:
    """Resolve every official and innovation mention of the database; the counts of persons, innovations, links."""
    curation = curation if curation is not None else load_curation()
    rows = con.execute(store.statement("person_resolution_inputs")).fetchall()
    people = [PersonMention(_key(aid, oid, start), aid, name, title, region)
              for aid, oid, start, name, title, region in rows]
    persons = resolve_persons(people, lex, curation)
    brand_rows = con.execute(store.statement("innovation_resolution_inputs")).fetchall()
    brands = [InnovationMention(_key(aid, iid, start), aid, name, expansion, region)
              for aid, iid, start, name, expansion, region in brand_rows]
    innovations = resolve_innovations(brands, lex, curation)
    links = [*persons.links, *innovations.links]
    tables = {
        "_persons": pa.table({"person_id": list(persons.names), "name": list(persons.names.values())}),
        "_official_persons": pa.table({
            "article_id": [r[0] for r in rows], "official_id": [r[1] for r in rows],
            "span_start": pa.array([r[2] for r in rows], pa.int32()),
            "person_id": [persons.entity_of[m.mention] for m in people],
            "post": [post_kind(m.title, lex) for m in people]}),
        "_innovation_entities": pa.table({"entity_id": list(innovations.names),
                                          "name": list(innovations.names.values())}),
        "_innovation_entity_mentions": pa.table({
            "article_id": [r[0] for r in brand_rows], "innovation_id": [r[1] for r in brand_rows],
            "span_start": pa.array([r[2] for r in brand_rows], pa.int32()),
            "entity_id": [innovations.entity_of[m.mention] for m in brands]}),
        "_entity_links": pa.table({"kind": [x.kind for x in links], "name_a": [x.a for x in links],
                                   "name_b": [x.b for x in links], "rule": [x.rule for x in links],
                                   "evidence": [x.evidence for x in links]}),
    }
    for name, table in tables.items():
        con.register(name, table)
    con.execute("BEGIN")
    try:
        con.execute(store.statement("store_resolution"))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in tables:
            con.unregister(name)
    return {"persons": len(persons.names), "innovations": len(innovations.names), "links": len(links)}
