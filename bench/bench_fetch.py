"""Fetch-and-archive throughput against loopback sites, with no politeness delay.

    python bench/bench_fetch.py [--pages 1200] [--hosts 4]

Each host (127.0.0.1, 127.0.0.2, ...) serves the same realistic 150–250 KB pages; the crawler
fetches them through the real client (robots, address checks, streaming cap, retries) one request
at a time per host, hosts in parallel, and appends every response to a gzipped WARC file. The bar:
≥ 300 pages/s on this 2-core machine, so the crawler is never the bottleneck.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing import Process, Queue
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import write_pages

from flows.crawl import WarcArchive, fetch_pages
from flows.discover import Found
from flows.http import Client
from flows.settings import CrawlSettings, Source


def serve(host: str, bodies: list[bytes]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
            else:
                body, ctype = bodies[int(self.path.strip("/").split("/")[-1]) % len(bodies)], "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


async def emit(page: object) -> None:
    """Pages go nowhere: this measures fetching and archiving only."""


async def crawl(servers: list, per_host: int, archive: WarcArchive) -> int:
    settings = CrawlSettings(allow_private=True, delay_s=0.0)
    async with Client(settings) as client:
        async def one(server) -> int:
            host, port = server.server_address[:2]
            base = f"http://{host}:{port}/"
            source = Source(id=f"h{host.replace('.', '-')}", name=host, base_url=base)
            urls = [Found(f"{base}berita/{i}") for i in range(per_host)]
            result = await fetch_pages(client, source, urls, {}, archive, "bench", emit)
            return result.fetched
        return sum(await asyncio.gather(*(one(s) for s in servers)))


def _server_process(hosts: int, ports: Queue) -> None:
    """The sites run in their own process, so their CPU and GIL do not count against the crawler."""
    bodies = [p.read_bytes() for p in write_pages(Path(tempfile.gettempdir()) / "warta-bench-pages", 50)]
    servers = [serve(f"127.0.0.{i + 1}", bodies) for i in range(hosts)]
    ports.put([s.server_address[:2] for s in servers])
    threading.Event().wait()


class _Remote:
    def __init__(self, address: tuple[str, int]) -> None:
        self.server_address = address


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1200)
    ap.add_argument("--hosts", type=int, default=4)
    args = ap.parse_args()
    bodies = [p.read_bytes() for p in write_pages(Path(tempfile.gettempdir()) / "warta-bench-pages", 50)]
    ports: Queue = Queue()
    proc = Process(target=_server_process, args=(args.hosts, ports), daemon=True)
    proc.start()
    servers = [_Remote(tuple(a)) for a in ports.get(timeout=60)]
    with tempfile.TemporaryDirectory() as tmp:
        archive = WarcArchive(Path(tmp) / "bench.warc.gz")
        start = time.perf_counter()
        fetched = asyncio.run(crawl(servers, args.pages // args.hosts, archive))
        elapsed = time.perf_counter() - start
        archive.close()
        size = (Path(tmp) / "bench.warc.gz").stat().st_size / 1e6
    mean_kb = sum(map(len, bodies)) / len(bodies) / 1024
    print(f"fetched and archived {fetched} pages of {mean_kb:.0f} KB from {args.hosts} loopback hosts "
          f"in {elapsed:.2f} s: {fetched / elapsed:.0f} pages/s (WARC {size:.0f} MB)")
    proc.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
