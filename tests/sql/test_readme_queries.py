"""Every SQL example in sql/README.md and README.md runs against a demo database."""

import re

import pytest

from flows import jobs, snapshot
from flows.settings import CrawlSettings, Settings, project_root

DOCS = [project_root() / "sql" / "README.md", project_root() / "README.md"]


def _statements(block: str) -> list[str]:
    code = "\n".join(line for line in block.splitlines() if not line.strip().startswith("--"))
    return [q.strip() for q in code.split(";") if q.strip()]


QUERIES = [(doc.name, q) for doc in DOCS
           for block in re.findall(r"```sql\n(.*?)```", doc.read_text(encoding="utf-8"), re.DOTALL)
           for q in _statements(block)]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    from flows.demo import serve_directory
    db = tmp_path_factory.mktemp("docs") / "w.duckdb"
    with serve_directory() as base:
        jobs.crawl_sources_into(jobs.sources_from_urls([base + "/"]), db=db,
                                settings=Settings(crawl=CrawlSettings(allow_private=True, delay_s=0)))
    c = snapshot.reading(db)
    yield c
    c.close()


def test_docs_have_queries():
    assert len(QUERIES) >= 10


@pytest.mark.parametrize(("doc", "query"), QUERIES, ids=[f"{d}:{i}" for i, (d, _) in enumerate(QUERIES)])
def test_documented_query_runs(con, doc, query):
    con.execute(query).fetchall()
