"""Page layouts of the kinds regional outlets publish, wrapped around a story whose paragraphs are known.

Used by the main-text tests (tests/flows/test_main_text.py) and benchmarks (bench/bench_main_text.py,
bench/pages.py). Each layout carries the furniture its publishing system really puts around and inside
the body: menus, share bars, "Baca juga" links and ad slots inside the text, captions, related lists,
comment sections, tag clouds. The words are ours; only the structure imitates the outlets.
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Callable

Layout = Callable[[str, list[str], int, random.Random], str]

_VOCAB = ["berita", "daerah", "pemerintah", "kabupaten", "kota", "inovasi", "pelayanan", "publik", "warga", "program",
          "kegiatan"]


def filler(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_VOCAB) for _ in range(words))


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _head(title: str, i: int, rng: random.Random, extra: str = "") -> str:
    css = "".join(f".c{j}{{margin:{j}px;padding:{j % 7}px;color:#{j:06x}}}" for j in range(300))
    js = "var d=" + json.dumps([{"id": j, "t": filler(rng, 6)} for j in range(120)]) + ";"
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{_e(title)} - Warta Uji</title>'
            f'<link rel="canonical" href="https://bench.warta.test/berita/{i}/">'
            f'<meta property="article:published_time" content="2024-0{1 + i % 9}-1{i % 9}T08:00:00+08:00">'
            f"{extra}<style>{css}</style><script>{js}</script></head>")


def _menu() -> str:
    return "<nav class='main-menu'><ul>" + "".join(
        f'<li><a href="/kategori/{k}-{j}/">Kategori {k} {j}</a></li>' for k in range(8) for j in range(6)) + "</ul></nav>"


def _related(rng: random.Random, i: int, n: int = 12) -> str:
    return "".join(f'<li><a href="/berita/{i}-{j}/">{_e(filler(rng, 8).title())}</a></li>' for j in range(n))


def _comments(rng: random.Random, n: int = 6) -> str:
    return "".join(f'<div class="comment-body"><b>Pembaca {j}</b><p>{_e(filler(rng, 25))}</p></div>' for j in range(n))


def _paras(paragraphs: list[str], inline: Callable[[int], str] = lambda k: "") -> str:
    return "".join(f"<p>{_e(p)}</p>{inline(k)}" for k, p in enumerate(paragraphs))


def wordpress(title: str, paragraphs: list[str], i: int, rng: random.Random) -> str:
    """A WordPress theme: entry-content inside an article, Jetpack share and related boxes at its end."""
    return (_head(title, i, rng) + f"<body><header>{_menu()}</header><main><article class='post'>"
            f"<h1 class='entry-title'>{_e(title)}</h1><div class='entry-meta'>Penulis: Redaksi | 3 Juli 2024</div>"
            f"<div class='entry-content'>{_paras(paragraphs)}"
            "<div class='sharedaddy sd-sharing-enabled'><h3>Bagikan:</h3><ul><li><a href='#'>Facebook</a></li>"
            "<li><a href='#'>WhatsApp</a></li></ul></div>"
            f"<div id='jp-relatedposts' class='jp-relatedposts'><h3>Terkait</h3><ul>{_related(rng, i, 3)}</ul></div>"
            f"</div></article><aside class='widget-area'><ul>{_related(rng, i)}</ul></aside></main>"
            f"<section class='comments-area'>{_comments(rng)}</section><footer>© 2024 Warta Uji</footer></body></html>")


def newspaper_theme(title: str, paragraphs: list[str], i: int, rng: random.Random) -> str:
    """The tagDiv Newspaper theme: td-post-content with an ad slot and a "Baca Juga" link between paragraphs,
    a captioned photo at the top."""
    def inline(k: int) -> str:
        if k == 1:
            return "<div class='td-a-rec td-a-rec-id-content_inline'><span>- Advertisement -</span></div>"
        if k == 2:
            return f"<p><strong>Baca Juga: <a href='/berita/{i}-x/'>{_e(filler(rng, 7).title())}</a></strong></p>"
        return ""
    return (_head(title, i, rng) + f"<body><div class='td-header-wrap'>{_menu()}</div><div class='td-main-content'>"
            f"<div class='td-post-header'><h1 class='entry-title'>{_e(title)}</h1></div>"
            "<div class='td-post-sharing'><a href='#'>Bagikan</a> <a href='#'>Tweet</a></div>"
            "<div class='td-post-content tagdiv-type'><figure class='wp-caption'><img src='/f.jpg' alt=''>"
            "<figcaption class='wp-caption-text'>Suasana kegiatan di kantor bupati.</figcaption></figure>"
            f"{_paras(paragraphs, inline)}</div>"
            f"<div class='td-post-source-tags'><ul class='td-tags'><li><a href='/tag/a'>inovasi</a></li>"
            f"<li><a href='/tag/b'>pelayanan</a></li></ul></div><div class='td-related-row'><ul>{_related(rng, i)}</ul></div>"
            f"</div><div class='td-footer-wrap'>© 2024</div></body></html>")


def br_separated(title: str, paragraphs: list[str], i: int, rng: random.Random) -> str:
    """An older portal: the story as text runs split by <br><br> in one div, inline links kept in the prose."""
    body = "<br><br>".join(_e(p) for p in paragraphs)
    return (_head(title, i, rng) + f"<body><div id='header'>{_menu()}</div><table width='100%'><tr><td>"
            f"<div class='judul'><h1>{_e(title)}</h1></div><div class='isi-berita'>{body}"
            f"<br><br><b>Editor: <a href='/penulis/1'>Redaksi</a></b></div></td><td><ul>{_related(rng, i)}</ul></td></tr>"
            "</table><div id='footer'>Hak cipta dilindungi</div></body></html>")


def schema_article_body(title: str, paragraphs: list[str], i: int, rng: random.Random) -> str:
    """A custom CMS with schema.org markup: itemprop=articleBody with a related box and a hidden print block."""
    half = len(paragraphs) // 2
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "author": {"@type": "Person", "name": "Andi Redaksi"}})
    return (_head(title, i, rng, f"<script type='application/ld+json'>{ld}</script>")
            + f"<body>{_menu()}<div class='container'><div itemscope itemtype='https://schema.org/NewsArticle'>"
            f"<h1 itemprop='headline'>{_e(title)}</h1><div class='meta-info'>Kamis, 4 Juli 2024 09:00 WITA</div>"
            f"<div itemprop='articleBody'>{_paras(paragraphs[:half])}"
            f"<div class='related-box'><span>Berita Terkait</span><ul>{_related(rng, i, 4)}</ul></div>"
            f"<div style='display:none'>{_e(filler(rng, 20))}</div>{_paras(paragraphs[half:])}</div></div>"
            f"<div class='sidebar'><ul>{_related(rng, i)}</ul></div></div><footer>© 2024</footer></body></html>")


def national_portal(title: str, paragraphs: list[str], i: int, rng: random.Random) -> str:
    """A national portal's regional page: detail body with an inline "Baca juga" table and an ad container."""
    def inline(k: int) -> str:
        if k == 0:
            return (f"<table class='linksisip'><tr><td><div class='linksisip__title'>Baca juga:</div>"
                    f"<a href='/d-{i}'>{_e(filler(rng, 7).title())}</a></td></tr></table>")
        if k == 2:
            return "<div class='parallaxindetail ads-slot'><p>ADVERTISEMENT</p><p>SCROLL TO CONTINUE WITH CONTENT</p></div>"
        return ""
    return (_head(title, i, rng) + f"<body><header class='header'>{_menu()}</header><article class='detail'>"
            f"<h1 class='detail__title'>{_e(title)}</h1><div class='detail__author'>Tim Redaksi</div>"
            f"<div class='detail__body-text itp_bodycontent'>{_paras(paragraphs, inline)}</div>"
            f"<div class='detail__body-tag'><a href='/tag/1'>pemkab</a> <a href='/tag/2'>inovasi</a></div></article>"
            f"<div class='box_list_berita'><ul>{_related(rng, i)}</ul></div></body></html>")


def unknown_container(title: str, paragraphs: list[str], i: int, rng: random.Random) -> str:
    """A layout no known body class fits: the fast pass must step aside and trafilatura decide."""
    return (_head(title, i, rng) + f"<body>{_menu()}<div class='wrap'><div class='kiri'><h1>{_e(title)}</h1>"
            f"<div class='naskah'>{_paras(paragraphs)}</div></div><div class='kanan'><ul>{_related(rng, i)}</ul></div>"
            f"</div><div class='kaki'>© 2024</div></body></html>")


#: every layout, by name; the ingest benchmark rotates through them so its pages are a mix
LAYOUTS: dict[str, Layout] = {f.__name__: f for f in (wordpress, newspaper_theme, br_separated, schema_article_body,
                                                       national_portal, unknown_container)}


def listing_page(i: int, rng: random.Random) -> str:
    """A category page: many <article> teasers, none an article; no fast-pass text may come of it."""
    teasers = "".join(f"<article class='post'><h2><a href='/berita/{i}-{j}/'>{_e(filler(rng, 8).title())}</a></h2>"
                      f"<div class='entry-content'><p>{_e(filler(rng, 18))} <a href='/berita/{i}-{j}/'>Selengkapnya</a>"
                      "</p></div></article>" for j in range(15))
    return _head("Kategori", i, rng) + f"<body>{_menu()}<main>{teasers}</main></body></html>"


def _shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    """Word n-grams within each line (a paragraph), so furniture between two paragraphs costs precision only."""
    out: set[tuple[str, ...]] = set()
    for line in text.casefold().splitlines():
        words = line.split()
        out.update(tuple(words[k:k + n]) for k in range(max(1, len(words) - n + 1)) if words)
    return out


def text_scores(extracted: str | None, truth: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of extracted text against the known story, over word 3-grams (the measure of
    the article-extraction benchmarks, per paragraph: order-tolerant, and furniture left in costs precision)."""
    got, want = _shingles(extracted or ""), _shingles(truth)
    if not got or not want:
        return 0.0, 0.0, 0.0
    hit = len(got & want)
    p, r = hit / len(got), hit / len(want)
    return p, r, (2 * p * r / (p + r) if hit else 0.0)
