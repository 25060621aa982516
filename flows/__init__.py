"""I/O and orchestration around the pure extractors: crawling, ingesting, loading DuckDB, publishing
snapshots, exporting, and the Prefect flows. The public API is one function per CLI command in
`flows.jobs` (plus `flows.export.export` and `flows.deployments.run_flow`); modules are imported
on demand so that a light command never pays for Prefect or httpx."""

__all__ = ["cli", "crawl", "deployments", "discover", "docs", "errors", "export", "http", "jobs", "local",
           "metadata", "pipeline", "report", "settings", "snapshot", "store", "text"]
