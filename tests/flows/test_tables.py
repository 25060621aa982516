import duckdb
import pytest

from flows import store
from flows.page import PageRow, page_row
from flows.tables import REGISTRY


def test_registry_matches_the_ddl():
    con = duckdb.connect()
    store.migrate(con)
    columns = store.table_columns(con)
    for table in REGISTRY:
        assert table.name in columns, table.name
        assert not table.per_article or "article_id" in columns[table.name], table.name
        assert table.entity_key is None or table.entity_key in columns[table.name], table.name


def test_the_pages_row_type_has_exactly_the_pages_columns():
    con = duckdb.connect()
    store.migrate(con)
    assert set(PageRow.__annotations__) == set(store.table_columns(con)["pages"])


def test_a_pages_row_refuses_a_column_the_table_does_not_have():
    row = page_row("https://example.test/a", "example", "run-1", outcome="skipped", error="robots: disallowed")
    assert row["fetched_at"] and row["outcome"] == "skipped"
    with pytest.raises(TypeError, match="reason"):
        page_row("https://example.test/a", "example", reason="typo for error")
