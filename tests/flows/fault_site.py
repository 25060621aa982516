"""A loopback news site with fault resources (like Scrapy's mock server), for crawler tests.

Articles live at /berita/<n>/ and answer conditional GETs (ETag); the sitemap is an index with a
gzipped child; /feed.xml lists the newest. Fault resources: /hang, /503, /429-once, /truncated,
/drop, /bomb (gzip bomb), /loop (redirect loop), /away (redirect off-site), /latin1 (charset
header lies), /file.pdf (not HTML), /private/... (robots-disallowed).
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Berita {n}</title>
<link rel="canonical" href="{base}/berita/{n}/"><meta property="article:published_time" content="2024-03-{day:02d}">
</head><body><nav>Home | Daerah | Nasional</nav><article><h1>Berita nomor {n}</h1>
<p>Bupati Gowa Adnan Purichta Ichsan membuka Sosialisasi Inovasi Pelayanan Publik nomor {n} di Aula Kantor Bupati
Gowa, Senin ({day}/3/2024). Kegiatan ini diikuti sebanyak {n}0 peserta dari perangkat daerah.</p>
<p>Inovasi Layanan Pintar Nomor {n} (LAPIN{n}) diharapkan mempercepat pelayanan kepada masyarakat di
seluruh kecamatan, kata Kepala Bagian Organisasi Setda Gowa, Andi Sujjadan, kepada wartawan.</p>
</article><footer>© 2024 Fault Site</footer></body></html>"""


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up on a fault resource are expected here; stay quiet."""


class _LoopbackSite:
    """A threaded HTTP server on 127.0.0.1 for the length of a `with` block."""

    server: _QuietServer

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class FaultSite(_LoopbackSite):
    """Start with `with FaultSite(articles=5) as site:`; `site.base`, `site.add_article()`, `site.hits`."""

    def __init__(self, articles: int = 5) -> None:
        self.articles = articles
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self.server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def add_article(self) -> None:
        self.articles += 1

    def article(self, n: int) -> bytes:
        return ARTICLE.format(n=n, base=self.base, day=1 + n % 28).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                      headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                with site._lock:
                    site.hits[path] = site.hits.get(path, 0) + 1
                    hits = site.hits[path]
                route = getattr(self, "route_" + path.strip("/").split("/")[0].replace("-", "_").replace(".", "_"),
                                None)
                if route is None:
                    self._send(404, b"not found")
                else:
                    route(path, hits)

            def route_robots_txt(self, path: str, hits: int) -> None:
                body = f"User-agent: *\nDisallow: /private/\nCrawl-delay: 0\nSitemap: {site.base}/sitemap.xml\n"
                self._send(200, body.encode(), "text/plain")

            def route_sitemap_xml(self, path: str, hits: int) -> None:
                body = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                        f"<sitemap><loc>{site.base}/sitemap-posts.xml.gz</loc></sitemap></sitemapindex>")
                self._send(200, body.encode(), "application/xml")

            def route_sitemap_posts_xml_gz(self, path: str, hits: int) -> None:
                faults = ["hang", "503", "429-once", "truncated", "drop", "bomb", "loop", "away", "latin1",
                          "file.pdf", "private/secret", "missing"]
                urls = [f"{site.base}/berita/{n}/?utm_source=sm" for n in range(1, site.articles + 1)]
                urls += [f"{site.base}/{f}" for f in faults]
                urls += [f"{site.base}/berita/1/amp/"]
                body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                        + "".join(f"<url><loc>{u}</loc></url>" for u in urls) + "</urlset>")
                self._send(200, gzip.compress(body.encode()), "application/x-gzip")

            def route_berita(self, path: str, hits: int) -> None:
                parts = path.strip("/").split("/")
                n = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
                if not 1 <= n <= site.articles:
                    self._send(404, b"no such article")
                    return
                etag = f'"a{n}"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, b"", headers={"ETag": etag})
                    return
                self._send(200, site.article(n), headers={"ETag": etag})

            def route_hang(self, path: str, hits: int) -> None:
                time.sleep(3)
                self._send(200, b"<html><body>late</body></html>")

            def route_503(self, path: str, hits: int) -> None:
                self._send(503, b"busy", headers={"Retry-After": "0"})

            def route_429_once(self, path: str, hits: int) -> None:
                if hits % 2 == 1:
                    self._send(429, b"slow down", headers={"Retry-After": "0"})
                else:
                    self._send(200, site.article(1))

            def route_truncated(self, path: str, hits: int) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                self.wfile.write(b"<html><body><p>cut short")
                self.close_connection = True

            def route_drop(self, path: str, hits: int) -> None:
                self.close_connection = True
                self.connection.close()

            def route_bomb(self, path: str, hits: int) -> None:
                body = gzip.compress(b"<html><body>" + b"A" * 30_000_000)
                self._send(200, body, headers={"Content-Encoding": "gzip"})

            def route_loop(self, path: str, hits: int) -> None:
                self._send(302, b"", headers={"Location": "/loop"})

            def route_away(self, path: str, hits: int) -> None:
                port = site.server.server_address[1]
                self._send(302, b"", headers={"Location": f"http://127.0.0.2:{port}/berita/1/"})

            def route_latin1(self, path: str, hits: int) -> None:
                body = ("<html><head><title>Berita</title></head><body><article><h1>Berita</h1><p>"
                        + "Pemerintah Kabupaten Gowa menggelar sosialisasi di Gedung Ketenagakerjaan – "
                        "dihadiri Camat Somba Opu, Andi Rahman, pada Senin (4/3/2024). " * 4
                        + "</p></article></body></html>").encode("cp1252")
                self._send(200, body, "text/html; charset=utf-8")

            def route_file_pdf(self, path: str, hits: int) -> None:
                self._send(200, b"%PDF-1.4", "application/pdf")

            def route_private(self, path: str, hits: int) -> None:
                self._send(200, site.article(1))

        return Handler


@dataclass(frozen=True)
class Reply:
    """A StaticSite answer other than a plain 200 page: a status, headers (Location, Retry-After ...)."""

    status: int
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def _content_type(path: str) -> str:
    if path.endswith(".txt"):
        return "text/plain"
    if path.endswith((".xml", "/feed/", "/atom/")):
        return "application/xml"
    return "text/html; charset=utf-8"


class StaticSite(_LoopbackSite):
    """A loopback site from a dict {path (or path?query): html or Reply}; `{base}` in a page is replaced by the site's
    address; `hits` counts requests per path (query included when there is one). Pages carry an ETag
    and answer 304 to a matching If-None-Match; `pages` may be changed between crawls."""

    def __init__(self, pages: dict[str, str | Reply]) -> None:
        self.pages = pages
        self.hits: dict[str, int] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                return

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                site.hits[path] = site.hits.get(path, 0) + 1
                if self.path != path:
                    site.hits[self.path] = site.hits.get(self.path, 0) + 1
                page = site.pages.get(self.path, site.pages.get(path))   # "/index.php?berita-1" may be its own page
                reply = page if isinstance(page, Reply) else Reply(200 if page is not None else 404, page or "not found")
                data = reply.body.replace("{base}", site.base).encode()
                etag = f'"{hashlib.md5(data).hexdigest()}"'
                if reply.status == 200 and self.headers.get("If-None-Match") == etag:
                    reply, data = Reply(304), b""
                self.send_response(reply.status)
                if reply.status in (200, 304):
                    self.send_header("ETag", etag)
                self.send_header("Content-Type", _content_type(path))
                self.send_header("Content-Length", str(len(data)))
                for k, v in reply.headers.items():
                    self.send_header(k, v.replace("{base}", site.base))
                self.end_headers()
                self.wfile.write(data)

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
