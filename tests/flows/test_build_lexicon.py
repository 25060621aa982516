"""The common-word list is built from the unannotated corpus, never from texts a held-out gold set annotates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows import build_lexicon


def _corpus(tmp_path: Path, texts: list[str]) -> Path:
    corpus = tmp_path / "corpus" / "texts.jsonl"
    corpus.parent.mkdir()
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return corpus


def test_lines_a_held_out_set_annotates_are_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "common_words.tsv"
    monkeypatch.setattr(build_lexicon, "OUT", out)
    corpus = _corpus(tmp_path, ["warga menanam padi", "warga memanen jagung", "petani menanam jagung"])
    sealed = tmp_path / "eval" / "sealed"
    sealed.mkdir(parents=True)
    (sealed / "corpus-002-petani-menanam.json").write_text("{}", encoding="utf-8")   # only the name is read

    assert build_lexicon.main([str(corpus)]) == 0
    words = out.read_text(encoding="utf-8").splitlines()[1:]
    assert words == ["warga"]          # "menanam" and "jagung" are in two texts only with line 2 counted

    assert build_lexicon.main([str(corpus), "--held-out", str(tmp_path / "nothing")]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[1:] == ["jagung", "menanam", "warga"]
