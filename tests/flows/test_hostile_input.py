"""A folder of hostile files beside one good page: `ingest` and `extract` exit cleanly, record a reason per bad
input, store the good page, and leave a database the next ingest loads. Plus fuzzing of every parser of
untrusted bytes (hypothesis): none may raise out of its public function."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from warcio.warcwriter import WARCWriter

from flows import store
from flows.cli import app
from flows.discover import page_links, parse_feed, parse_sitemap, parse_wp_posts, trap_reason
from flows.errors import ConfigError
from flows.local import iter_pages
from flows.settings import load_settings, load_sources
from flows.text import decode_html
from flows.worker import process_page

GOOD = ("<html><head><meta charset='utf-8'><title>Baik</title></head><body><article><h1>Berita baik</h1>"
        "<p>Bupati Gowa membuka Sosialisasi Inovasi Pelayanan Publik di Aula Kantor Bupati Gowa, Senin (4/3/2024), "
        "yang diikuti perangkat daerah dari seluruh kecamatan.</p><p>Kegiatan dilanjutkan dengan diskusi tentang "
        "layanan kesehatan bagi warga desa di seluruh kecamatan.</p></article></body></html>")


def _warc(records: list[tuple[str | None, bytes]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, body in records:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        rec = writer.create_warc_record(url or "https://x.id/", "response", payload=io.BytesIO(http), length=len(http))
        if url is None:
            rec.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(rec)
    return buf.getvalue()


def _hostile(folder: Path) -> None:
    rng = random.Random(7)
    folder.mkdir()
    (folder / "good.html").write_text(GOOD)
    files = {
        "random.html": bytes(rng.randrange(256) for _ in range(4000)),
        "empty.html": b"",
        "truncated.html.gz": gzip.compress(GOOD.encode())[:60],
        "notgzip.html.gz": b"<html>not gzip</html>",
        "bomb.html": ("<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>").encode(),
        "lying-charset.html": GOOD.replace("Kantor", "Kantor Désa").encode("latin-1"),
        "random.warc.gz": bytes(rng.randrange(256) for _ in range(3000)),
        "notgzip.warc.gz": b"WARC/1.0\r\nWARC-Type: response\r\n\r\n",
        "no-target.warc.gz": _warc([(None, GOOD.encode())]),
        "truncated.warc.gz": _warc([("https://x.id/a", GOOD.replace("baik", "arsip").encode())])[:-200],
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)


def test_hostile_folder_never_stops_ingest_or_extract(tmp_path):
    _hostile(tmp_path / "in")
    db = tmp_path / "w.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert (first.exit_code in (0, 1) and first.exception is None) or isinstance(first.exception, SystemExit), first.output
    assert "Traceback" not in first.output
    con = store.connect(db, read_only=True)
    outcomes = {Path(u).name: (o, e) for u, o, e in con.execute("SELECT url, outcome, error FROM pages").fetchall()}
    stored = {Path(u).name for (u,) in con.execute("SELECT page_url FROM articles").fetchall()}
    con.close()
    bad = {n for n in os.listdir(tmp_path / "in") if n not in ("good.html", "lying-charset.html")}
    assert "good.html" in stored and "lying-charset.html" in stored
    assert all(outcomes[n][1] for n in bad if n in outcomes and n not in stored), outcomes
    assert bad - {"truncated.warc.gz"} <= set(outcomes)            # every bad file has its row (a truncated
    again = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])   # archive may still yield a page)
    assert again.exit_code == 0, again.output
    extracted = runner.invoke(app, ["extract", *sorted(str(p) for p in (tmp_path / "in").iterdir())])
    assert extracted.exit_code == 0 and "Traceback" not in extracted.output
    rows = [line for line in extracted.output.splitlines() if line.startswith("{")]
    assert len(rows) >= len(bad) and sum('"error"' in r for r in rows) >= 6


def test_lying_charset_is_read_without_mojibake():
    text = decode_html(GOOD.replace("Kantor", "Kantor Désa").encode("latin-1"))
    assert "Désa" in text


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3000))
def test_warc_reader_records_any_bytes_instead_of_raising(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("warc") / "x.warc.gz"
    path.write_bytes(data)
    items = list(iter_pages([path]))
    records = [r for r in items if isinstance(r, dict)]
    assert all(r.get("error") for r in records)
    assert items, "random bytes yield at least their recorded reason"


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000), st.booleans())
def test_discovery_parsers_accept_any_bytes(data, gz):
    body = gzip.compress(data) if gz else data
    parse_sitemap(body, "https://a.id/")
    parse_feed(body, "https://a.id/")
    parse_wp_posts(body, "https://a.id/")
    page_links(body, "https://a.id/")


@given(st.text(max_size=300))
def test_trap_rule_accepts_any_url(path):
    trap_reason("https://a.id/" + path)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=500))
def test_robots_parser_accepts_any_text(text):
    from protego import Protego
    Protego.parse(text).can_fetch("https://a.id/x", "warta")


@settings(max_examples=30, deadline=None)
@given(st.one_of(st.binary(max_size=3000),
                 st.builds(lambda n, w: ("<div>" * n + w + "</div>" * n).encode(), st.integers(0, 3000), st.text(max_size=50)),
                 st.builds(lambda w, n: ("<p>" + (w + " ") * n + "</p>").encode(), st.text(max_size=8), st.integers(0, 20000))))
def test_a_page_of_any_bytes_yields_rows_never_an_exception(data):
    from flows.page import PageInput
    rows = process_page(PageInput("https://a.id/x", data, "s", "2024-01-01T00:00:00"))
    assert rows["pages"]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_config_files_of_any_text_give_a_config_error_or_settings(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("cfg") / "x.toml"
    path.write_text(text, encoding="utf-8")
    for load in (load_settings, load_sources):
        with contextlib.suppress(ConfigError):     # a clear error naming the file is the allowed outcome
            load(path)


@pytest.mark.parametrize("text", ["[crawl]\ndelay_s = 'x'\n", "[[source]]\nid = 1\n", "\x00\x01", "[pipeline]\nworkers = -3"])
def test_garbled_config_names_the_file(tmp_path, text):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=r"bad\.toml"):
        (load_settings if "source" not in text else load_sources)(path)
