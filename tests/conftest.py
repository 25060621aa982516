"""Shared fixtures: the lexicon, a served demo site, a demo database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from extractors import load_lexicon

settings.register_profile("ci", max_examples=60, deadline=None)
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def lex():
    return load_lexicon()


@pytest.fixture
def demo_site() -> Iterator[str]:
    from flows.demo import serve_directory
    with serve_directory() as base:
        yield base


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """A database with the demo site crawled into it (once per test session)."""
    from flows import jobs
    from flows.demo import serve_directory
    from flows.settings import CrawlSettings, Settings
    db = tmp_path_factory.mktemp("demo") / "w.duckdb"
    with serve_directory() as base:
        jobs.crawl_sources_into(jobs.sources_from_urls([base + "/"]), db=db,
                                settings=Settings(crawl=CrawlSettings(allow_private=True, delay_s=0)))
    return db


@pytest.fixture(scope="session", autouse=True)
def _quiet_prefect() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")


def pytest_terminal_summary(terminalreporter) -> None:
    """The sealed set's aggregate table (../shared/eval/sealed), scored with the shipped models: the team's
    estimate of unseen news. Printed, never asserted on, never itemised."""
    from tests.eval_gate import SCORE, SEALED, gold_cases, predict, score
    sealed = gold_cases(SEALED) if SEALED.is_dir() else []
    if not (sealed and SCORE.exists()) or getattr(terminalreporter.config, "workerinput", None) is not None:
        return
    terminalreporter.section("sealed set (aggregate only)")
    terminalreporter.write_line(score(sealed, predict(sealed, load_lexicon()))[1].rstrip())


_CHECKOUT_DATA = Path(__file__).resolve().parents[1] / "data"


def _data_files() -> set[str]:
    return {str(p.relative_to(_CHECKOUT_DATA)) for p in _CHECKOUT_DATA.rglob("*") if p.is_file()}


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config._warta_data_files = _data_files()     # type: ignore[attr-defined]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tests write only to temporary folders: a file the suite left in the checkout's data/ fails the run."""
    if hasattr(session.config, "workerinput"):       # an xdist worker: the controller checks once
        return
    left = sorted(_data_files() - getattr(session.config, "_warta_data_files", set()))
    if left:
        session.config.get_terminal_writer().line(f"tests wrote into the checkout's data/: {left[:5]}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
