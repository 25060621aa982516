"""The `warta` command line. Every command is a thin wrapper over a function in flows.jobs."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.errors import WartaError
from flows.settings import load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="warta: Indonesian regional news → clean facts in DuckDB.")
err = Console(stderr=True, soft_wrap=True)    # an error stays one line, whatever the terminal width
console = Console()

DbOpt = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: data/warta.duckdb).")]

DEMO_PORT = 47470
EXAMPLE_QUERIES = [
    "SELECT name, expansion, region, stories FROM v_innovations ORDER BY stories DESC;",
    "SELECT name, title, region FROM v_officials ORDER BY name;",
    "SELECT date, kind, name, location FROM v_event_timeline;",
]


def _db(db: Path | None) -> Path:
    s = load_settings()
    return db or s.resolve(s.store.db)


@contextlib.contextmanager
def _progress(label: str) -> Iterator[Callable[[int], None] | None]:
    """A live progress bar when a person watches (a terminal); plain logs for scheduled runs."""
    if not sys.stderr.isatty():
        yield None
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=False) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.advance(task, n)


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}")
    raise typer.Exit(1)


def _print_counts(counts: dict[str, object]) -> None:
    """One summary line; per-source counts are in `warta status` and the runs table."""
    console.print(", ".join(f"{k}: {v}" for k, v in counts.items() if k != "sources"))


@app.command()
def demo(db: DbOpt = None) -> None:
    """Serve the bundled demo site on 127.0.0.1, crawl it into DuckDB and show what came out.

    Example: warta demo --db /tmp/demo.duckdb
    """
    from flows import jobs
    from flows.demo import serve_directory
    target = _db(db)
    try:
        settings = load_settings()
        settings = settings.model_copy(update={"crawl": settings.crawl.model_copy(
            update={"allow_private": True, "delay_s": 0.0, "refetch_after_hours": 0.0})})
        with serve_directory(port=DEMO_PORT) as base:
            console.print(f"demo site at {base}")
            counts = jobs.crawl_sources_into(jobs.sources_from_urls([base + "/"]), db=target, settings=settings,
                                             kind="demo")
        _print_counts(counts.as_dict())
        _print_counts(jobs.summary(target))
    except WartaError as exc:
        _fail(exc)
    console.print(f"\nDatabase: {target}\nTry:  duckdb -readonly {target}")
    for q in EXAMPLE_QUERIES:
        console.print(f"  {q}")


@app.command()
def run(sources: Annotated[Path | None, typer.Option(help="Sources config.")] = None, db: DbOpt = None,
        group: Annotated[str | None, typer.Option(help="Only this source group.")] = None,
        recheck: Annotated[bool, typer.Option(help="Request every known URL again (conditional GET).")] = False,
        ) -> None:
    """The scheduled job: crawl every source in data/sources.toml as a Prefect flow.

    Example: warta run --sources data/sources.toml --db data/warta.duckdb
    """
    from flows.settings import load_sources
    try:
        load_sources(sources)   # validate before starting Prefect
        from flows.deployments import run_flow
        result = run_flow(str(sources) if sources else None, str(_db(db)), group, recheck=recheck)
    except WartaError as exc:
        _fail(exc)
    _print_counts(result)


@app.command()
def serve(sources: Annotated[Path | None, typer.Option(help="Sources config.")] = None, db: DbOpt = None,
          interval: Annotated[float | None, typer.Option(help="Seconds between runs instead of the cron schedule.")]
          = None,
          allow_private: Annotated[bool, typer.Option(help="Allow loopback/private addresses (tests).")] = False,
          delay: Annotated[float | None, typer.Option(help="Per-host delay in seconds.")] = None) -> None:
    """Serve the scheduled runs (one Prefect deployment per source group) until stopped.

    Example: PREFECT_API_URL=http://127.0.0.1:4200/api warta serve
    """
    from flows.settings import load_sources
    try:
        load_sources(sources)
        from flows.deployments import serve_schedules
        serve_schedules(sources, _db(db), interval_s=interval, allow_private=allow_private, delay_s=delay)
    except WartaError as exc:
        _fail(exc)


@app.command()
def crawl(urls: Annotated[list[str], typer.Argument(help="Site URLs to crawl.")], db: DbOpt = None,
          allow_private: Annotated[bool, typer.Option(help="Allow loopback/private addresses (tests).")] = False,
          delay: Annotated[float | None, typer.Option(help="Per-host delay in seconds.")] = None,
          since: Annotated[str | None, typer.Option(help="Backfill: skip URLs dated before YYYY-MM-DD.")] = None,
          budget: Annotated[int | None, typer.Option(help="Pages per source for this run.")] = None,
          recheck: Annotated[bool, typer.Option(help="Request every known URL again (conditional GET): corrections "
                                                     "and take-downs are found, unchanged pages answer 304.")] = False,
          ) -> None:
    """Crawl sites named on the command line; articles are found through robots.txt, sitemaps and feeds.

    Example: warta crawl https://sulselekspres.com/ --db data/warta.duckdb --delay 2
    """
    from flows import jobs
    try:
        settings = load_settings()
        update: dict[str, object] = {"allow_private": allow_private, "recheck": recheck}
        if delay is not None:
            update["delay_s"] = delay
        if budget is not None:
            update["pages_per_source"] = budget
        if since is not None:
            from datetime import date
            try:
                update["since"] = date.fromisoformat(since)
            except ValueError:
                _fail(ValueError(f"--since must be YYYY-MM-DD, not {since!r}"))
        settings = settings.model_copy(update={"crawl": settings.crawl.model_copy(update=update)})
        with _progress("extracting pages") as progress:
            counts = jobs.crawl_sources_into(jobs.sources_from_urls(urls), db=_db(db), settings=settings,
                                             progress=progress)
    except WartaError as exc:
        _fail(exc)
    _print_counts(counts.as_dict())


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="HTML/text files, directories or WARC files.")],
           db: DbOpt = None, workers: Annotated[int | None, typer.Option(help="Extraction processes.")] = None,
           dask_address: Annotated[str | None, typer.Option(help="Run extraction on this Dask scheduler.")] = None,
           dask_workers: Annotated[int | None, typer.Option(help="Run extraction on a local Dask cluster.")] = None,
           ) -> None:
    """Load local HTML files, directories of them or WARC files; no network.

    Example: warta ingest pages/ archive.warc.gz --db data/warta.duckdb
    """
    from flows import jobs
    try:
        settings = load_settings()
        if workers:
            settings = settings.model_copy(update={"pipeline": settings.pipeline.model_copy(update={"workers": workers})})
        if dask_address or dask_workers:
            from flows.deployments import ingest_on_dask
            _print_counts(ingest_on_dask(paths, db=_db(db), settings=settings, address=dask_address,
                                         workers=dask_workers or settings.pipeline.workers))
            return
        with _progress("ingesting pages") as progress:
            counts = jobs.ingest(paths, db=_db(db), settings=settings, progress=progress)
    except WartaError as exc:
        _fail(exc)
    _print_counts(counts.as_dict())


@app.command()
def reextract(db: DbOpt = None) -> None:
    """Rebuild every article and its facts from the archived raw responses (WARC); no network.

    Example: warta reextract --db data/warta.duckdb
    """
    from flows import jobs
    try:
        with _progress("re-extracting pages") as progress:
            counts = jobs.reextract(db=_db(db), progress=progress)
    except WartaError as exc:
        _fail(exc)
    _print_counts(counts.as_dict())


@app.command()
def extract(paths: Annotated[list[Path], typer.Argument(help="Text or HTML files.")],
            format: Annotated[str, typer.Option("--format", help="Output format.")] = "jsonl",
            lang: Annotated[str | None, typer.Option("--lang", help="Language of every input (ISO 639-1), "
                                                     "instead of the one detected; facts are read from 'id' only.")] = None,
            ) -> None:
    """Print the language and facts of text or HTML files as JSON Lines (the eval contract); no database.

    Example: warta extract article.txt --format jsonl
    """
    from flows import jobs
    if format != "jsonl":
        _fail(ValueError(f"unknown format {format!r}; use jsonl"))
    for row in jobs.extract(paths, lang=lang):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command()
def status(db: DbOpt = None, limit: int = 10) -> None:
    """Show the last runs.

    Example: warta status --limit 5
    """
    from flows import jobs, report
    try:
        rows, failing = jobs.status(_db(db), limit)
    except WartaError as exc:
        _fail(exc)
    columns = {"run": "run_id", "started": "started_at", "took": "duration", "status": "status", "pages": "pages",
               "new": "articles_new", "updated": "articles_updated", "304": "not_modified", "facts": "facts",
               "no facts": "no_facts", "errors": "errors"}
    table = Table(*columns)
    for r in rows:
        table.add_row(*(report.duration(r) if c == "duration" else f"{r[c]:%Y-%m-%d %H:%M}" if c == "started_at"
                        else report.no_facts(r) if c == "no_facts" else str(r[c]) for c in columns.values()))
    out = console if console.is_terminal else Console(width=160)   # a log or a pipe gets whole rows
    out.print(table if rows else "no runs yet")
    if failing:
        console.print(f"[yellow]failing {len(failing)} source(s) several runs in a row:[/yellow] {', '.join(failing)}")


@app.command()
def query(sql: Annotated[str, typer.Argument(help="One read-only SQL statement.")], db: DbOpt = None,
          format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table") -> None:
    """Run a read-only query against the database and print the result.

    Example: warta query "SELECT name, expansion FROM v_innovations"
    """
    from flows import snapshot
    try:
        con = snapshot.reading(_db(db))
    except WartaError as exc:
        _fail(exc)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description or []]
        rows = cur.fetchall()
    except Exception as exc:
        _fail(ValueError(f"query failed: {exc}"))
    finally:
        con.close()
    if format == "json":
        sys.stdout.write(json.dumps([dict(zip(cols, r, strict=True)) for r in rows], default=str,
                                    ensure_ascii=False) + "\n")
    elif format == "csv":
        import csv
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        table = Table(*cols)
        for r in rows:
            table.add_row(*(str(v) for v in r))
        console.print(table)


@app.command()
def export(out: Annotated[Path, typer.Option("--out", help="New directory to write.")],
           format: Annotated[str, typer.Option("--format", help="parquet, csv or jsonl.")] = "parquet",
           since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
           until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
           region: Annotated[str | None, typer.Option(help="Region name or Kemendagri code.")] = None,
           source: Annotated[str | None, typer.Option(help="Source id.")] = None,
           text: Annotated[bool, typer.Option("--text/--no-text", help="Include article texts.")] = True,
           db: DbOpt = None) -> None:
    """Export articles, paragraphs, facts and regions with a datapackage.json and a data card.

    Example: warta export --out exports/gowa-2022 --format parquet --region "Kabupaten Gowa" --since 2022-01-01
    """
    from datetime import date

    from flows.export import Filters
    from flows.export import export as run_export
    try:
        dates = [date.fromisoformat(d) if d else None for d in (since, until)]
    except ValueError as exc:
        _fail(ValueError(f"dates must be YYYY-MM-DD: {exc}"))
    try:
        package = run_export(_db(db), out, format, Filters(dates[0], dates[1], region, source, text))
    except WartaError as exc:
        _fail(exc)
    out_rows = ", ".join(f"{r['name']} {r['rows']}" for r in package["resources"])
    console.print(f"wrote {out}: {out_rows}")


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
