import duckdb

from flows import store
from flows.tables import REGISTRY


def test_registry_matches_the_ddl():
    con = duckdb.connect()
    store.migrate(con)
    columns = store.table_columns(con)
    for table in REGISTRY:
        assert table.name in columns, table.name
        assert not table.per_article or "article_id" in columns[table.name], table.name
        assert table.entity_key is None or table.entity_key in columns[table.name], table.name
