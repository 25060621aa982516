"""Serves data/demo on 127.0.0.1 so `warta demo` (and the tests) crawl a real HTTP site offline."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from flows.settings import BUNDLED_DATA

DEMO_DIR = BUNDLED_DATA / "demo"
_TEMPLATED = (".xml", ".txt", ".html")


class _Handler(SimpleHTTPRequestHandler):
    base = ""

    def log_message(self, format: str, *args: object) -> None:
        return

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in _TEMPLATED:
            return super().send_head()
        body = path.read_bytes().replace(b"{{BASE}}", self.base.encode())
        ctype = {".xml": "application/xml", ".txt": "text/plain"}.get(path.suffix, "text/html")
        self.send_response(200)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve_directory(directory: Path = DEMO_DIR, port: int = 0) -> Iterator[str]:
    """Serve `directory` on a free loopback port; yields the base URL."""
    handler = type("DemoHandler", (_Handler,), {})
    try:   # a stable port keeps the demo's canonical URLs (and so its article ids) the same across runs
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(directory)))
    except OSError:
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    handler.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler.base
    finally:
        server.shutdown()
        server.server_close()
