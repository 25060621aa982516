"""Re-posted and syndicated stories through `warta ingest`: copies found, no story paragraph lost, the
earliest copy is the original, whatever the order (and batch) the copies arrive in. A story's paragraphs are
those the cleaner keeps when it reads the story alone (a "Baca juga" line is furniture in any case).

Stories are real regional news read from ../shared/corpus at test time (never copied into the repository);
each is re-posted the way outlets do it: paragraphs in another order, a line added, another page layout.
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

import pytest

from extractors import clean, load_lexicon
from flows import jobs, store
from flows.settings import PipelineSettings, Settings

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "texts.jsonl"
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason=f"the shared corpus is not beside the checkout ({CORPUS})")

LAYOUTS = [
    '<html><head><link rel="canonical" href="{url}"><meta property="article:published_time" content="{date}">'
    "<title>{title}</title></head><body><nav>Beranda</nav><article><h1>{title}</h1>{body}</article></body></html>",
    '<html><head><link rel="canonical" href="{url}"><meta property="article:published_time" content="{date}">'
    '</head><body><div class="post"><h2 class="entry-title">{title}</h2><div class="entry-content">{body}</div>'
    "</div><footer>Redaksi</footer></body></html>",
]


def _stories(n: int) -> list[list[str]]:
    """n real stories of 4+ long paragraphs, none a same-story pair of another."""
    out = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        paras = [p.strip() for p in d["text"].split("\n") if len(p.strip()) > 80]
        if len(paras) >= 4 and not d.get("same_story_as"):
            out.append(paras)
        if len(out) == n:
            return out
    return out


def _page(url: str, date: str, paras: list[str], layout: int) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return LAYOUTS[layout].format(url=url, date=date, title=html.escape(paras[0][:60]), body=body)


def _site(tmp: Path, stories: list[list[str]], rng: random.Random) -> dict[str, str]:
    """Originals and 1-2 re-posts each, named so the directory order is random; url → original url."""
    origin = {}
    for i, paras in enumerate(stories):
        orig = f"https://warta-uji.id/2023/01/{i + 1:02d}/cerita-{i}/"
        pages = [(orig, f"2023-01-{i + 1:02d}", paras, 0)]
        for k in range(1 + i % 2):
            moved = paras[1:] + paras[:1] if k == 0 else list(reversed(paras))
            moved.insert(rng.randrange(len(moved)), "Artikel ini telah tayang sebelumnya dan kami muat ulang.")
            pages.append((f"https://warta-uji.id/2023/03/{k + 1:02d}/ulang-{i}-{k}/", f"2023-03-{k + 1:02d}", moved, 1))
        for url, date, ps, layout in pages:
            origin[url] = orig
            (tmp / f"{rng.random():.12f}.html").write_text(_page(url, date, ps, layout), encoding="utf-8")
    return origin


def _norm(text: str) -> str:
    return " ".join(text.split())


def _ingest(tmp: Path, batch: int) -> tuple[dict[str, str], dict[str, str | None], dict[str, str], int]:
    db = tmp / "w.duckdb"
    jobs.ingest([tmp / "in"], db=db, settings=Settings(pipeline=PipelineSettings(workers=1, batch_size=batch)))
    con = store.connect(db, read_only=True)
    texts = dict(con.execute("SELECT url, text FROM articles").fetchall())
    dups = dict(con.execute("SELECT url, duplicate_of FROM articles").fetchall())
    ids = dict(con.execute("SELECT article_id, url FROM articles").fetchall())
    stories = con.execute("SELECT count(*) FROM v_stories").fetchone()[0]
    con.close()
    return texts, dups, ids, stories


@pytest.mark.parametrize("seed,batch", [(1, 128), (2, 4), (3, 7)])
def test_reposts_are_one_story_each_with_every_paragraph_kept(tmp_path, seed, batch):
    stories = _stories(12)
    (tmp_path / "in").mkdir()
    origin = _site(tmp_path / "in", stories, random.Random(seed))
    texts, dups, ids, count = _ingest(tmp_path, batch)
    assert count == len(stories)
    lex = load_lexicon()
    story_of = {f"https://warta-uji.id/2023/01/{i + 1:02d}/cerita-{i}/": [_norm(p.text) for p in
                clean("\n".join(paras), lex).paragraphs if p.kept] for i, paras in enumerate(stories)}
    lost = [(url, p[:50]) for url, text in texts.items() for p in story_of[origin[url]] if p not in _norm(text)]
    assert lost == []
    assert {url: ids.get(d) if d else url for url, d in dups.items()} == origin
