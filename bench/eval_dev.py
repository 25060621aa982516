"""Run the extractors on ../shared/eval/dev and score them: python bench/eval_dev.py [--details]"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def main(argv: list[str]) -> int:
    from extractors import clean, extract_facts, facts_to_contract, load_lexicon

    lex = load_lexicon()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pred.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for f in sorted(DEV.glob("*.json")):
                gold = json.loads(f.read_text(encoding="utf-8"))
                facts = extract_facts(clean(gold["text"], lex).text, lex)
                fh.write(json.dumps({"id": gold["id"], **facts_to_contract(facts)}, ensure_ascii=False) + "\n")
        return subprocess.call([sys.executable, str(SCORE), str(DEV), str(out), *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
