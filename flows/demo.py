"""The bundled demo: three outlets served on 127.0.0.1 so `warta demo` (and the tests) crawl real HTTP sites offline.

- Warta Sulsel Demo (data/demo): the customer's five seed articles, with their scraping residue; robots.txt,
  sitemap with tracking parameters, RSS.
- Warta Timur (data/demo/outlets/warta-timur): a WordPress-like layout, date paths, sitemap and RSS; it
  re-posts one of its own stories two days later with the paragraphs moved and a line added.
- Suara Desa (data/demo/outlets/suara-desa): an old table layout whose sitemap is broken (the crawler finds
  the articles through its listing pages); it carries a syndicated copy of a Warta Timur story.

The outlets' stories (written by the warta team; every name in them is invented) live in stories.toml and are
rendered with the outlet's layout.html into a temporary folder each time the demo is served: the repository
holds the words, not generated copies of them.
"""

from __future__ import annotations

import html
import io
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from typing import Any

from extractors import load_lexicon
from flows.settings import BUNDLED_DATA, Source

DEMO_DIR = BUNDLED_DATA / "demo"
OUTLETS_DIR = DEMO_DIR / "outlets"
_TEMPLATED = (".xml", ".txt", ".html")


class _Handler(SimpleHTTPRequestHandler):
    base = ""

    def log_message(self, format: str, *args: object) -> None:
        return

    def send_head(self) -> Any:
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
    handler: Any = type("DemoHandler", (_Handler,), {})      # its own class: `base` is per server
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


#: (source id, outlet name, discovery methods it offers); the first is data/demo itself, the others are
#: rendered from data/demo/outlets/<id>/stories.toml and layout.html each time they are served
OUTLETS = (("warta-sulsel-demo", "Warta Sulsel Demo", ("robots", "sitemap", "feed")),
           ("warta-timur", "Warta Timur", ("robots", "sitemap", "feed")),
           ("suara-desa", "Suara Desa", ("robots", "sitemap")))
DEMO_PORTS = (47470, 47471, 47472)


@contextmanager
def serve_outlets(ports: tuple[int, ...] = DEMO_PORTS) -> Iterator[list[Source]]:
    """Serve every demo outlet on its own loopback port; yields them as configured sources."""
    with tempfile.TemporaryDirectory(prefix="warta-demo-") as tmp:
        site = Path(tmp)
        build_outlets(site)
        dirs = (DEMO_DIR, site / "warta-timur", site / "suara-desa")
        with serve_directory(dirs[0], ports[0]) as a, serve_directory(dirs[1], ports[1]) as b, \
                serve_directory(dirs[2], ports[2]) as c:
            yield [Source(id=sid, name=name, base_url=base + "/", discovery=discovery,
                          region="Provinsi Sulawesi Selatan")
                   for (sid, name, discovery), base in zip(OUTLETS, (a, b, c), strict=True)]


def _stories(outlet: Path) -> list[dict]:
    import tomllib
    return tomllib.loads((outlet / "stories.toml").read_text(encoding="utf-8"))["story"]


def _render(layout: Template, story: dict, related: str) -> str:
    y, m, d = story["date"].split("-")
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in story["paragraphs"])
    return layout.substitute(title=html.escape(story["title"]), slug=story["slug"], date=story["date"], year=y,
                             month=m, day=d, date_id=f"{int(d)} {load_lexicon().month_names[int(m) - 1]} {y}",
                             author=html.escape(story["author"]), body=body, related=related)


def _repost(story: dict, slug: str, date: str, line: str) -> dict:
    """A copy the way outlets make them: the lead moved to the end and one line added."""
    paras = [*story["paragraphs"][1:], story["paragraphs"][0], line]
    return {**story, "slug": slug, "date": date, "paragraphs": paras}


def _put(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_outlets(target: Path) -> None:
    """Render the two team-written outlets into `target`/<id>/: Warta Timur re-posts its first story two days
    later, Suara Desa carries a syndicated copy of Warta Timur's second."""
    timur, desa = _stories(OUTLETS_DIR / "warta-timur"), _stories(OUTLETS_DIR / "suara-desa")
    timur.append(_repost(timur[0], timur[0]["slug"] + "-selengkapnya", "2024-02-14",
                         "Artikel ini diperbarui dengan keterangan tambahan dari pemerintah daerah."))
    desa.append(_repost(timur[1], "dinkes-takalar-posyandu-keliling-sumber-warta-timur", "2024-03-07",
                        "Sumber: Warta Timur."))
    _build_warta_timur(target / "warta-timur", timur)
    _build_suara_desa(target / "suara-desa", desa)


def _layout(outlet: str) -> Template:
    return Template((OUTLETS_DIR / outlet / "layout.html").read_text(encoding="utf-8"))


def _build_warta_timur(out: Path, stories: list[dict]) -> None:
    """WordPress-like: date paths, sitemap, RSS feed."""
    layout, items = _layout("warta-timur"), []
    for i, st in enumerate(stories):
        y, m, d = st["date"].split("-")
        related = "".join(f'<li><a href="/{o["date"].replace("-", "/")}/{o["slug"]}/">{html.escape(o["title"])}</a></li>'
                          for o in stories[i + 1:i + 3])
        _put(out / y / m / d / st["slug"] / "index.html", _render(layout, st, related))
        items.append((f"{{{{BASE}}}}/{y}/{m}/{d}/{st['slug']}/", st))
    _put(out / "robots.txt", "User-agent: *\nDisallow: /wp-admin/\n\nSitemap: {{BASE}}/sitemap.xml\n")
    _put(out / "sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
         'sitemap/0.9">\n' + "".join(f"  <url><loc>{u}</loc><lastmod>{s['date']}</lastmod></url>\n" for u, s in items)
         + "</urlset>\n")
    _put(out / "feed.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Warta '
         "Timur</title><link>{{BASE}}/</link>\n" + "".join(
             f"<item><title>{html.escape(s['title'])}</title><link>{u}</link><pubDate>{_rfc822(s['date'])}</pubDate></item>\n"
             for u, s in items) + "</channel></rss>\n")
    _put(out / "index.html", '<html><head><title>Warta Timur</title><link rel="alternate" type="application/rss+xml" '
         'href="{{BASE}}/feed.xml"></head><body><h1>Warta Timur</h1>' + "".join(
             f'<p><a href="{u}">{html.escape(s["title"])}</a></p>' for u, s in items) + "</body></html>\n")


def _build_suara_desa(out: Path, stories: list[dict]) -> None:
    """An old table layout whose sitemap was cut short: the articles are reachable through listing pages only."""
    layout, links = _layout("suara-desa"), []
    for st in stories:
        related = "".join(f'<li><a href="/berita/{o["slug"]}.html">{html.escape(o["title"])}</a></li>'
                          for o in stories[:3] if o is not st)
        _put(out / "berita" / f"{st['slug']}.html", _render(layout, st, related))
        links.append(f'<li><a href="/berita/{st["slug"]}.html">{html.escape(st["title"])}</a></li>')
    _put(out / "robots.txt", "User-agent: *\nAllow: /\n\nSitemap: {{BASE}}/sitemap.xml\n")
    _put(out / "sitemap.xml", '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
         "<url><lo")          # the CMS cut this file short: no URL can be read from it
    half = len(links) // 2
    _put(out / "index.html", '<html><body><h1>Suara Desa</h1><a href="/kategori/berita/">Semua berita</a><ul>'
         + "".join(links[:3]) + "</ul></body></html>\n")
    _put(out / "kategori" / "berita" / "index.html", "<html><body><ul>" + "".join(links[:half])
         + '</ul><a href="/kategori/berita/page/2/">Berikutnya</a></body></html>\n')
    _put(out / "kategori" / "berita" / "page" / "2" / "index.html", "<html><body><ul>" + "".join(links[half:])
         + "</ul></body></html>\n")


def _rfc822(day: str) -> str:
    from email.utils import format_datetime
    return format_datetime(datetime.fromisoformat(day + "T08:30:00+08:00"))
