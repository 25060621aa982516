"""The `warta` command line. Every command is a thin wrapper over a function in flows.jobs (or flows.export);
expected failures print one line and exit with a code a scheduler can act on (see EXIT_CODES)."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from enum import StrEnum
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.errors import CrawlFailed, WartaError
from flows.settings import Settings, load_settings
from flows.stopping import FORCED_EXIT

if TYPE_CHECKING:
    from flows.writer import RunCounts

EXIT_CODES = ("Exit codes: 0 done (ok, or partial: some sources failed, a warning); 1 an error (a bad option or config, a "
              "locked or full database, an ingest that loaded nothing), one line on stderr; 2 a crawl in which no source "
              "succeeded; 3 partial and --strict was given; 130 stopped by Ctrl-C or SIGTERM (what was fetched is loaded).")

app = typer.Typer(add_completion=False, no_args_is_help=True, epilog=EXIT_CODES,
                  help="warta: Indonesian regional news → clean facts in DuckDB.")
err = Console(stderr=True, soft_wrap=True)    # an error stays one line, whatever the terminal width
console = Console()


class Out(StrEnum):
    text = "text"
    json = "json"


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


class ExtractFormat(StrEnum):
    jsonl = "jsonl"


DbOpt = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: data/warta.duckdb).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="warta.toml to use (default: data/warta.toml; "
                                                                 "WARTA_<SECTION>__<KEY> variables override it).")]
OutOpt = Annotated[Out, typer.Option("--format", help="Run summary as text or json.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 3 when any source failed (default: a warning).")]

EXAMPLE_QUERIES = [
    "SELECT name, expansion, region, stories FROM v_innovations ORDER BY stories DESC;",
    "SELECT name, variants, posts FROM v_persons ORDER BY stories DESC;",
    "SELECT date, kind, name, location FROM v_event_timeline;",
]
F = TypeVar("F", bound=Callable[..., Any])


def _version(value: bool) -> None:
    if value:
        try:
            console.print(f"warta {version('warta')}")
        except PackageNotFoundError:
            console.print("warta (not installed)")
        raise typer.Exit()


@app.callback()
def _options(show_version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                        help="Print the version and exit.")] = False) -> None:
    """warta: Indonesian regional news → clean facts in DuckDB."""


def _fail(exc: Exception | str, code: int = 1) -> None:
    """One line on stderr (the message as written: brackets in a pattern, a path or SQL are not markup; a
    message of several lines, as DuckDB writes them, joined into one)."""
    text = " ".join(part.strip() for part in str(exc).splitlines() if part.strip())
    err.print(f"[red]error:[/red] {escape(text)}", markup=True, highlight=False)
    raise typer.Exit(code)


def command(fn: F, **options: Any) -> F:
    """A CLI command: its expected failures (WartaError) become one line and an exit code."""
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CrawlFailed as exc:
            _fail(exc, 2)
        except WartaError as exc:
            _fail(exc)
    return app.command(**options)(run)  # type: ignore[return-value]


def _settings(config: Path | None, *, workers: int | None = None, **crawl: Any) -> Settings:
    """The settings (from --config when given) with this run's options, unset ones left alone: the one way
    a command overrides settings."""
    settings = load_settings(config)
    update = {k: v for k, v in crawl.items() if v is not None}
    sections: dict[str, Any] = {"crawl": settings.crawl.model_copy(update=update)} if update else {}
    if workers:
        sections["pipeline"] = settings.pipeline.model_copy(update={"workers": workers})
    return settings.model_copy(update=sections) if sections else settings


def _date(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise WartaError(f"{option} must be YYYY-MM-DD, not {value!r}") from None


def _db(db: Path | None, settings: Settings | None = None) -> Path:
    s = settings or load_settings()
    return db or s.resolve(s.store.db)


class _Bar:
    """What a person watching a run sees: pages fetched per source as they arrive, and pages loaded."""

    def __init__(self, bar: Progress | None) -> None:
        self.bar = bar
        self.tasks: dict[str, Any] = {}

    def _task(self, label: str) -> Any:
        if label not in self.tasks:
            self.tasks[label] = self.bar.add_task(label, total=None)   # type: ignore[union-attr]
        return self.tasks[label]

    def fetched(self, source: str) -> None:
        if self.bar:
            self.bar.advance(self._task(f"fetched {source}"), 1)

    def loaded(self, n: int) -> None:
        if self.bar:
            self.bar.advance(self._task("loaded"), n)


@contextlib.contextmanager
def _progress() -> Iterator[_Bar]:
    """Live counters when a person watches (a terminal); plain logs for scheduled runs."""
    if not sys.stderr.isatty():
        yield _Bar(None)
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=False) as bar:
        yield _Bar(bar)


def _print_counts(counts: dict[str, Any], fmt: Out = Out.text) -> None:
    """The run summary: readable lines, or one JSON object (per-source counts included) for scripts."""
    if fmt is Out.json:
        sys.stdout.write(json.dumps(counts, default=str, ensure_ascii=False) + "\n")
        return
    console.print(summary_text(counts), markup=False, highlight=False)


def summary_text(counts: dict[str, Any]) -> str:
    """"run ok: 30 pages, 28 new articles, ..." then a line per error reason and per reason facts were skipped."""
    head = [f"{counts[k]} {label}" for k, label in (
        ("pages", "pages"), ("articles_new", "new articles"), ("articles_updated", "updated"),
        ("unchanged", "unchanged"), ("not_modified", "not modified"), ("facts", "facts")) if k in counts]
    lines = [(f"run {counts['status']}: " if "status" in counts else "") + ", ".join(head)]
    for title, key in (("errors", "errors"), ("stored without facts", "no_facts"), ("resolved", "entities")):
        if counts.get(key):
            lines.append(f"{title}: " + ", ".join(f"{n} {reason}" for reason, n in sorted(counts[key].items())))
    extra = {k: v for k, v in counts.items() if k not in {"status", "pages", "articles_new", "articles_updated",
                                                          "unchanged", "not_modified", "facts", "errors", "no_facts",
                                                          "entities", "sources", "failed_sources"}}
    if extra:
        lines.append(", ".join(f"{n} {k}" for k, n in extra.items()))
    return "\n".join(lines)


def _outcome(counts: dict[str, Any], fmt: Out, strict: bool = False) -> None:
    """Print the summary, then exit as the recorded state says: ok 0; partial 0 (3 with --strict); failed 2 for
    a crawl in which no source succeeded, 1 for an ingest that loaded nothing; cancelled 130."""
    _print_counts(counts, fmt)
    failed, errors, status = counts.get("failed_sources") or [], counts.get("errors") or {}, counts.get("status")
    if status == "cancelled":
        _fail("the run was stopped by a signal; what it fetched is loaded and published, the next run goes on "
              "from there", FORCED_EXIT)
    if status == "failed":
        if failed:
            _fail(f"no source succeeded ({', '.join(sorted(failed))}); see `warta status` and the pages table", 2)
        _fail("nothing was loaded: " + ", ".join(f"{n} {r}" for r, n in sorted(errors.items())) +
              " (the reasons are in the pages table)")
    if status == "partial":
        what = f"{len(failed)} source(s) failed: {', '.join(sorted(failed))}" if failed else \
            "some inputs failed: " + ", ".join(f"{n} {r}" for r, n in sorted(errors.items()))
        err.print(f"[yellow]warning:[/yellow] {escape(what)}", highlight=False)
        if strict:
            raise typer.Exit(3)


WaitOpt = Annotated[float, typer.Option("--wait", min=0, metavar="SECONDS",
                                         help="Wait up to this long for another run writing the database.")]
DelayOpt = Annotated[float | None, typer.Option("--delay", min=0, help="Per-host delay in seconds.")]


def _counts(counts: RunCounts, *, crawl: bool = True) -> dict[str, Any]:
    """A run's counts as printed; a crawl's with the sources that failed (an ingest has no sources to fail)."""
    return {**counts.as_dict(), **({"failed_sources": counts.failed_sources()} if crawl else {})}


@command
def demo(db: DbOpt = None, wait: WaitOpt = 0.0, config: ConfigOpt = None) -> None:
    """Serve the bundled demo site on 127.0.0.1, crawl it into DuckDB and show what came out.

    Example: warta demo --db /tmp/demo.duckdb
    """
    from flows import jobs
    settings = _settings(config)
    with _progress() as bar:
        result = jobs.demo(db=_db(db, settings), settings=settings, progress=bar.loaded, on_fetch=bar.fetched, wait_s=wait)
    _outcome(_counts(result.counts), Out.text)
    _print_counts(result.summary)
    console.print(f"\nDatabase: {result.db}\nReport:   {result.report}\nTry:  warta query \"SQL\" --db {result.db}"
                  f"   (or Python: duckdb.connect('{result.db}', read_only=True))", markup=False, highlight=False)
    for q in EXAMPLE_QUERIES:
        console.print(f"  warta query \"{q}\"", markup=False, highlight=False)


@command
def run(sources: Annotated[Path | None, typer.Option(help="Sources config.")] = None, db: DbOpt = None,
        group: Annotated[str | None, typer.Option(help="Only this source group.")] = None,
        recheck: Annotated[bool, typer.Option(help="Request every known URL again (conditional GET).")] = False,
        wait: WaitOpt = 600.0, strict: StrictOpt = False, format: OutOpt = Out.text, config: ConfigOpt = None) -> None:
    """The scheduled job: crawl every source in data/sources.toml as a Prefect flow.

    Example: warta run --sources data/sources.toml --db data/warta.duckdb
    """
    from flows import jobs
    settings = _settings(config)                 # refused before Prefect starts: a bad config
    _outcome(jobs.run(sources, _db(db, settings), group, config=config, recheck=recheck, wait_s=wait), format, strict)


@command
def serve(sources: Annotated[Path | None, typer.Option(help="Sources config.")] = None, db: DbOpt = None,
          interval: Annotated[float | None, typer.Option(min=1, help="Seconds between runs instead of the cron "
                                                                     "schedule.")] = None,
          allow_private: Annotated[bool, typer.Option(help="Allow loopback/private addresses (tests).")] = False,
          delay: DelayOpt = None, config: ConfigOpt = None) -> None:
    """Serve the scheduled runs (one Prefect deployment per source group) until stopped.

    Example: warta serve   (with a Prefect server: `prefect config set PREFECT_API_URL=...` or the environment)
    """
    from flows import jobs
    settings = _settings(config)
    crawl = {k: v for k, v in (("allow_private", allow_private or None), ("delay_s", delay)) if v is not None}
    jobs.serve(sources, _db(db, settings), config=config, crawl=crawl, interval_s=interval)


@command
def crawl(urls: Annotated[list[str], typer.Argument(help="Site URLs to crawl.")], db: DbOpt = None,
          allow_private: Annotated[bool, typer.Option(help="Allow loopback/private addresses (tests).")] = False,
          delay: DelayOpt = None,
          since: Annotated[str | None, typer.Option(help="Backfill: skip URLs dated before YYYY-MM-DD.")] = None,
          budget: Annotated[int | None, typer.Option(min=1, help="Pages per source for this run.")] = None,
          recheck: Annotated[bool, typer.Option(help="Request every known URL again (conditional GET): corrections "
                                                     "and take-downs are found, unchanged pages answer 304.")] = False,
          wait: WaitOpt = 0.0, strict: StrictOpt = False, format: OutOpt = Out.text, config: ConfigOpt = None) -> None:
    """Crawl sites named on the command line; articles are found through robots.txt, sitemaps and feeds.

    Example: warta crawl https://sulselekspres.com/ --db data/warta.duckdb --delay 2
    """
    from flows import jobs
    settings = _settings(config, allow_private=allow_private or None, recheck=recheck or None, delay_s=delay,
                         pages_per_source=budget, since=_date(since, "--since"))
    with _progress() as bar:
        counts = jobs.crawl(urls, db=_db(db, settings), settings=settings, progress=bar.loaded, on_fetch=bar.fetched,
                            wait_s=wait)
    _outcome(_counts(counts), format, strict)


@command
def ingest(paths: Annotated[list[Path], typer.Argument(help="HTML/text files, directories or WARC files.")],
           db: DbOpt = None, workers: Annotated[int | None, typer.Option(min=1, help="Extraction processes.")] = None,
           dask_address: Annotated[str | None, typer.Option(help="Run extraction on this Dask scheduler.")] = None,
           dask_workers: Annotated[int | None, typer.Option(min=1, help="Run extraction on a local Dask cluster.")] = None,
           wait: WaitOpt = 0.0, strict: StrictOpt = False, format: OutOpt = Out.text, config: ConfigOpt = None) -> None:
    """Load local HTML files, directories of them or WARC files; no network.

    Example: warta ingest pages/ archive.warc.gz --db data/warta.duckdb
    """
    from flows import jobs
    settings = _settings(config, workers=workers)
    if dask_address or dask_workers:
        from flows.deployments import ingest_on_dask
        _outcome(ingest_on_dask(paths, db=_db(db, settings), settings=settings, address=dask_address,
                                workers=dask_workers or settings.pipeline.workers), format, strict)
        return
    with _progress() as bar:
        counts = jobs.ingest(paths, db=_db(db, settings), settings=settings, progress=bar.loaded, wait_s=wait)
    _outcome(_counts(counts, crawl=False), format, strict)


@command
def reextract(db: DbOpt = None, wait: WaitOpt = 0.0, strict: StrictOpt = False, format: OutOpt = Out.text,
              config: ConfigOpt = None) -> None:
    """Rebuild every article and its facts from the archived raw responses (WARC); no network.

    Example: warta reextract --db data/warta.duckdb
    """
    from flows import jobs
    settings = _settings(config)
    with _progress() as bar:
        counts = jobs.reextract(db=_db(db, settings), settings=settings, progress=bar.loaded, wait_s=wait)
    _outcome(_counts(counts, crawl=False), format, strict)


@command
def extract(paths: Annotated[list[Path], typer.Argument(help="Text, HTML or gold JSON files, or folders of them.")],
            format: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = ExtractFormat.jsonl,
            lang: Annotated[str | None, typer.Option("--lang", help="Language of every input (ISO 639-1), "
                                                     "instead of the one detected; facts are read from 'id' only.")] = None,
            published: Annotated[datetime | None, typer.Option(
                "--published", formats=["%Y-%m-%d"],
                help="Publication date of every input (YYYY-MM-DD): the reference of yearless dates such as "
                     "'Senin (18/3)'. Default: the page's own date, a gold file's `published`, else the dateline.")] = None,
            ) -> None:
    """Print the language and facts of text, HTML or gold JSON files as JSON Lines (the eval contract); no database.

    Example: warta extract article.txt --published 2024-03-12 --format jsonl
    """
    from flows import jobs
    for row in jobs.extract(paths, lang=lang, published=published.date().isoformat() if published else None):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@command
def train(gold: Annotated[Path | None, typer.Option("--gold", help="Folder of gold JSON articles "
                                                   "(default: ../shared/eval/dev beside the checkout).")] = None,
          out: Annotated[Path | None, typer.Option("--out", help="Where the models go (default: data/models).")] = None,
          ) -> None:
    """Fit the learned parts of extraction (innovation and region classifiers) on gold articles.

    Example: warta train --gold ../shared/eval/dev --out data/models
    """
    from flows import jobs
    card = jobs.train(gold, out)
    for name, entry in card.items():
        console.print(f"{name}: {entry['articles']} articles, examples {entry['labels']}, threshold {entry['threshold']}",
                      markup=False, highlight=False)


@command
def status(db: DbOpt = None, limit: int = 10, format: OutOpt = Out.text, config: ConfigOpt = None) -> None:
    """Show the last runs, and the sources failing several runs in a row.

    Example: warta status --limit 5 --format json
    """
    from flows import jobs
    result = jobs.status(_db(db, _settings(config)), limit)
    rows, failing = result["runs"], result["failing_sources"]
    if format is Out.json:
        sys.stdout.write(json.dumps(result, default=str, ensure_ascii=False) + "\n")
        return
    columns = {"run": "run_id", "started": "started_at", "took": "duration", "status": "status", "pages": "pages",
               "new": "articles_new", "updated": "articles_updated", "304": "not_modified", "facts": "facts",
               "no facts": "no_facts", "errors": "errors"}
    table = Table(*columns)
    for r in rows:
        table.add_row(*(f"{r[c]:%Y-%m-%d %H:%M}" if c == "started_at" else str(r[c]) for c in columns.values()))
    out = console if console.is_terminal else Console(width=160)   # a log or a pipe gets whole rows
    out.print(table if rows else "no runs yet")
    if writer := result["writer"]:
        console.print(_writer_line(writer), markup=False, highlight=False)
    if failing:
        console.print(f"[yellow]failing {len(failing)} source(s) several runs in a row:[/yellow] {', '.join(failing)}")


def _writer_line(writer: dict[str, Any]) -> str:
    if writer["state"] == "writing":
        return f"a run is writing now (pid {writer['pid']}, started {writer['started']}); it shows here when it ends"
    return (f"a run started {writer['started']} (pid {writer['pid']}) ended without finishing (killed?) and is not "
            "shown above: the next run records it as crashed and goes on from where it stopped")


@command
def report(out: Annotated[Path, typer.Option("--out", help="Directory to write index.html into.")],
           db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Write a static, self-contained HTML report of the published snapshot (opens offline from file://).

    Example: warta report --out report/ && xdg-open report/index.html
    """
    from flows import jobs
    settings = _settings(config)
    console.print(f"wrote {jobs.report(_db(db, settings), out, settings)}", markup=False, highlight=False)


NullOpt = Annotated[str, typer.Option("--null", help="How NULL is shown (table, csv, tsv, markdown).")]
WidthOpt = Annotated[int | None, typer.Option("--max-width", min=2, help="Cut longer cells to this many characters "
                                                                        "(table, markdown).")]


def _print_results(results: list[Any], fmt: QueryFormat, null: str, max_width: int | None) -> None:
    """Results as a terminal table (each statement's, in order), or as text in one of the other formats."""
    from flows import query as queries
    if fmt is not QueryFormat.table:
        sys.stdout.write(queries.render(results, fmt.value, null=null, max_width=max_width))
        return
    for k, r in enumerate(results):
        if len(results) > 1:
            console.print(("\n" if k else "") + f"-- {r.statement}", markup=False, highlight=False)
        if not r.columns:
            console.print("ok", markup=False)
            continue
        table = Table()
        for c in r.columns:      # wide cells fold onto more lines; --max-width cuts them instead
            table.add_column(c, overflow="fold")
        for row in queries.cells(r, null=null, max_width=max_width):
            table.add_row(*row)
        console.print(table, markup=False, highlight=False)
        console.print(f"{len(r.rows)} row{'s' if len(r.rows) != 1 else ''}", style="dim", highlight=False)


def _params(extra: list[str]) -> dict[str, str]:
    """`-p NAME VALUE` pairs (as sqlite-utils takes them; typer has no repeated two-value option, so the command
    takes them from its extra arguments)."""
    out, rest = {}, list(extra)
    while rest:
        flag = rest.pop(0)
        if flag not in ("-p", "--param") or len(rest) < 2:
            _fail(f"unexpected argument {flag!r}: parameters are given as -p NAME VALUE")
        name, value = rest.pop(0), rest.pop(0)
        out[name.lstrip("$")] = value
    return out


@functools.partial(command, context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def query(ctx: typer.Context,
          sql: Annotated[str, typer.Argument(help="Read-only SQL: one statement or several separated by ';'. "
                                                  "-p NAME VALUE (repeatable) gives $NAME.")],
          db: DbOpt = None,
          format: Annotated[QueryFormat, typer.Option("--format", help="Output format.")] = QueryFormat.table,
          null: NullOpt = "", max_width: WidthOpt = None, config: ConfigOpt = None) -> None:
    """Run read-only SQL on the published snapshot (statements that write, files included, are refused).

    Example: warta query "SELECT name, expansion FROM v_innovations WHERE region = $region" -p region "Kabupaten Gowa"
    """
    from flows import jobs
    results = jobs.query(_db(db, _settings(config)), sql, _params(ctx.args))
    _print_results(results, format, null, max_width)


@command
def tables(db: DbOpt = None, format: Annotated[QueryFormat, typer.Option("--format")] = QueryFormat.table,
           config: ConfigOpt = None) -> None:
    """List the tables and views of the database with what each holds.

    Example: warta tables --format markdown
    """
    from flows import jobs
    _print_results(jobs.tables(_db(db, _settings(config))), format, "", None)


@command
def schema(name: Annotated[str | None, typer.Argument(help="A table or view (default: all).")] = None,
           db: DbOpt = None, format: Annotated[QueryFormat, typer.Option("--format")] = QueryFormat.table,
           config: ConfigOpt = None) -> None:
    """Show the columns of a table or view, with their types and comments.

    Example: warta schema v_innovations
    """
    from flows import jobs
    _print_results(jobs.schema(_db(db, _settings(config)), name), format, "", None)


@command
def export(out: Annotated[Path, typer.Option("--out", help="New directory to write.")],
           format: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = ExportFormat.parquet,
           since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
           until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
           region: Annotated[str | None, typer.Option(help="Region name or Kemendagri code.")] = None,
           source: Annotated[str | None, typer.Option(help="Source id.")] = None,
           text: Annotated[bool, typer.Option("--text/--no-text", help="Include article texts.")] = True,
           db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Export articles, paragraphs, facts and regions with a datapackage.json and a data card.

    Example: warta export --out exports/gowa-2022 --format parquet --region "Kabupaten Gowa" --since 2022-01-01
    """
    from flows import jobs
    from flows.export import Filters
    filters = Filters(_date(since, "--since"), _date(until, "--until"), region, source, text)
    package = jobs.export(_db(db, _settings(config)), out, format.value, filters)
    out_rows = ", ".join(f"{r['name']} {r['rows']}" for r in package["resources"])
    console.print(f"wrote {out}: {out_rows}")


def main() -> None:
    """The console script. Usage errors (an unknown option value ...) exit 1 with one line, like every
    other expected failure, so exit code 2 keeps its one meaning: no source succeeded."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        code = app(standalone_mode=False)      # returns a command's typer.Exit code instead of exiting
        sys.exit(code if isinstance(code, int) else 0)
    except (typer.Exit, typer.Abort) as exc:
        sys.exit(getattr(exc, "exit_code", 130))
    except Exception as exc:
        if not (hasattr(exc, "format_message") and hasattr(exc, "exit_code")):
            raise        # not a usage error (typer vendors its own click): a bug, with its traceback
        err.print(f"[red]error:[/red] {exc.format_message()}", markup=True, highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
