"""The one registry of the tables a run writes, and what each holds; every list of table names derives
from it (loading order, what a re-extraction replaces, what counts as a fact, what an export holds).
tests/flows/test_tables.py checks it against the DDL in sql/."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    per_article: bool = True     # rows keyed by article_id (dropped and rewritten when an article is re-extracted)
    facts: bool = False          # rows the extractors produce from an article's text
    counted: bool = False        # counted as facts in a run's summary
    entity_key: str | None = None    # merged across articles by this key (officials, innovations)


REGISTRY: tuple[Table, ...] = (
    Table("articles", per_article=False),
    Table("paragraphs"),
    Table("article_minhash"),
    Table("region_mentions", facts=True),
    Table("date_mentions", facts=True, counted=True),
    Table("official_mentions", facts=True, counted=True),
    Table("innovation_mentions", facts=True, counted=True),
    Table("events", facts=True, counted=True),
    Table("officials", per_article=False, facts=True, entity_key="official_id"),
    Table("innovations", per_article=False, facts=True, entity_key="innovation_id"),
    Table("pages", per_article=False),
)

#: tables of an article's own rows, in load order
PER_ARTICLE = tuple(t.name for t in REGISTRY if t.per_article)
#: what the extractors produce from a text (an article without facts has none of these rows)
FACTS = tuple(t.name for t in REGISTRY if t.facts)
#: per-article fact tables: what a re-extraction of the same text replaces
FACT_MENTIONS = tuple(t.name for t in REGISTRY if t.facts and t.per_article)
#: counted as facts in run summaries
COUNTED = tuple(t.name for t in REGISTRY if t.counted)
#: merged entities and their keys
ENTITIES = {t.name: t.entity_key for t in REGISTRY if t.entity_key}
