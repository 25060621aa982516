"""Every SQL example in sql/README.md and README.md runs against a demo database."""

import re

import pytest

from flows import snapshot
from flows.settings import project_root

DOCS = [project_root() / "sql" / "README.md", project_root() / "README.md"]


def _statements(block: str) -> list[str]:
    code = "\n".join(line for line in block.splitlines() if not line.strip().startswith("--"))
    return [q.strip() for q in code.split(";") if q.strip()]


QUERIES = [(doc.name, q) for doc in DOCS
           for block in re.findall(r"```sql\n(.*?)```", doc.read_text(encoding="utf-8"), re.DOTALL)
           for q in _statements(block)]


@pytest.fixture(scope="module")
def con(demo_db):
    c = snapshot.reading(demo_db)
    yield c
    c.close()


def test_docs_have_queries():
    assert len(QUERIES) >= 10


@pytest.mark.parametrize(("doc", "query"), QUERIES, ids=[f"{d}:{i}" for i, (d, _) in enumerate(QUERIES)])
def test_documented_query_runs(con, doc, query):
    con.execute(query).fetchall()
