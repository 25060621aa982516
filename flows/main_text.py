"""Fast main text: the article body of the layouts news sites share, read from a Lexbor tree in ~0.5 ms.

trafilatura's cascade (lxml parse, pruning, its body heuristics) costs ~5 ms per 200 KB page, most of a
page's whole ingest cost. Regional outlets run a handful of publishing systems whose article body sits in a
container with a well-known class (data/main_text.toml); when one such container holds enough prose, its
paragraphs are the main text. When none does, `main_text` returns None and trafilatura decides, so an
unusual layout costs what it always did. bench/bench_main_text.py scores both against the known text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from flows.settings import BUNDLED_DATA

MIN_CHARS = 200            # less prose than this in the container: not trusted, trafilatura decides
MIN_LINES = 2
MIN_SHARE = 0.5           # the chosen container holds at least this share of all text its selector finds
MAX_LINK_SHARE = 0.5       # a container mostly made of link text is a listing, not an article
_SPACE = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rules:
    body: tuple[str, ...]
    skip_tags: frozenset[str]
    skip_words: re.Pattern[str]
    block_tags: frozenset[str]


@cache
def rules() -> Rules:
    """data/main_text.toml, read once per process."""
    data = tomllib.loads((BUNDLED_DATA / "main_text.toml").read_text(encoding="utf-8"))
    words = "|".join(re.escape(w) for w in sorted(data["skip_words"], key=len, reverse=True))
    return Rules(body=tuple(data["body"]), skip_tags=frozenset(data["skip_tags"]),
                 skip_words=re.compile(rf"(?:^|[\s_-])(?:{words})", re.IGNORECASE),
                 block_tags=frozenset(data["block_tags"]))


def _is_furniture(node: LexborNode, r: Rules) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(names.strip()) and r.skip_words.search(names) is not None


def _walk(node: LexborNode, r: Rules, out: list[tuple[str, bool]], in_link: bool) -> None:
    """Text pieces of the node's subtree in document order, each marked as link text or not; "\\n" ends a block."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.append((_SPACE.sub(" ", child.text(deep=False)), in_link))   # a source line break is no paragraph end
        elif tag in ("-comment", "-doctype") or tag in r.skip_tags or _is_furniture(child, r):
            continue
        elif tag in r.block_tags:
            out.append(("\n", False))
            _walk(child, r, out, in_link)
            out.append(("\n", False))
        else:
            _walk(child, r, out, in_link or tag == "a")


def _lines(container: LexborNode, r: Rules) -> tuple[list[str], float]:
    """The container's paragraphs and its share of link text. Every paragraph is kept, links and all: a
    "Baca juga" line or an ad label inside the body is removed later by cleaning, which records why."""
    pieces: list[tuple[str, bool]] = []
    _walk(container, r, pieces, False)
    link_chars = total_chars = 0
    for piece, is_link in pieces:
        n = len(piece.strip())
        total_chars += n
        link_chars += n if is_link else 0
    lines = [line for line in (_SPACE.sub(" ", block).strip() for block in "".join(p for p, _ in pieces).split("\n"))
             if line]
    return lines, link_chars / total_chars if total_chars else 1.0


def main_text(tree: LexborHTMLParser) -> str | None:
    """The article body's paragraphs, one per line, or None when no known container holds enough prose."""
    r = rules()
    for selector in r.body:
        best: list[str] = []
        best_chars = all_chars = 0
        for container in tree.css(selector):
            lines, link_share = _lines(container, r)
            chars = sum(map(len, lines))
            all_chars += chars
            if link_share <= MAX_LINK_SHARE and chars > best_chars:
                best, best_chars = lines, chars
        # a listing repeats the container once per teaser: no one of them holds most of the text
        if len(best) >= MIN_LINES and best_chars >= MIN_CHARS and best_chars >= MIN_SHARE * all_chars:
            return "\n".join(best)
    return None
