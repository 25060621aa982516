"""Builds data/lexicons/common_words.tsv: ordinary Indonesian words, as news writes them in lower case.

    python -m flows.build_lexicon ../shared/corpus/texts.jsonl

A single capitalised word after "inovasi" is a brand only when it is coined ("Simonik", "Sahate"), not
an ordinary word capitalised ("Kampung", "Hidroponik"). The list holds words (never sentences) seen in
lower case in at least MIN_TEXTS texts of an unannotated news corpus; it is built from the shared
corpus, never from the gold dev set, so cross-validated scores stay honest.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

MIN_TEXTS = 2
OUT = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "common_words.tsv"


def common_words(texts: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({w for w in re.findall(r"\b[a-z][a-z-]{3,}\b", text)})
    return sorted(w for w, n in seen.items() if n >= MIN_TEXTS)


def main(argv: list[str]) -> int:
    texts = [json.loads(line)["text"] for line in Path(argv[0]).read_text(encoding="utf-8").splitlines() if line.strip()]
    words = common_words(texts)
    OUT.write_text("# ordinary words seen in lower case in 2+ texts of a news corpus (python -m flows.build_lexicon)\n"
                   + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
