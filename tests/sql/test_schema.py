import duckdb
import pytest

from flows import store


def test_migrations_apply_twice_and_record_a_version():
    con = duckdb.connect()
    first = store.migrate(con)
    second = store.migrate(con)
    assert first and second == []
    assert store.schema_version(con) == [n for n in first if not n.startswith("views/")][-1]


def test_every_view_and_view_column_has_a_comment():
    con = duckdb.connect()
    store.migrate(con)
    views = con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()
    assert views and all(c for _, c in views)
    missing = con.execute("""SELECT table_name, column_name FROM duckdb_columns()
        WHERE table_name IN (SELECT view_name FROM duckdb_views() WHERE NOT internal) AND comment IS NULL""").fetchall()
    assert missing == []


def test_changed_migration_is_refused(tmp_path):
    sql = tmp_path / "sql"
    (sql / "views").mkdir(parents=True)
    (sql / "000_migrations.sql").write_text((store.SQL_DIR / "000_migrations.sql").read_text())
    (sql / "001_x.sql").write_text("CREATE TABLE IF NOT EXISTS x (a INT);")
    con = duckdb.connect()
    store.migrate(con, sql)
    (sql / "001_x.sql").write_text("CREATE TABLE IF NOT EXISTS x (a INT, b INT);")
    with pytest.raises(Exception, match="changed after it was applied"):
        store.migrate(con, sql)


def test_every_table_column_has_a_comment():
    con = duckdb.connect()
    store.migrate(con)
    missing = con.execute("""SELECT table_name, column_name FROM duckdb_columns()
        WHERE table_name IN (SELECT table_name FROM duckdb_tables() WHERE NOT internal)
          AND table_name <> '_warta_migrations' AND comment IS NULL""").fetchall()
    assert missing == []
