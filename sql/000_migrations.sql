-- Bookkeeping of applied schema files (sqlite-utils style). Applied before every other file.
CREATE TABLE IF NOT EXISTS _warta_migrations (
    name       VARCHAR PRIMARY KEY,
    sha256     VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
