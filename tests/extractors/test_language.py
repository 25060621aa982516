import json
from pathlib import Path

import pytest

from extractors.language import detect_language

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "texts.jsonl"

SAMPLES = {
    "en": "The regional government launched a new public service application on Monday, officials said, adding "
          "that residents can now request documents online without visiting the office.",
    "de": "Die Regionalregierung hat am Montag eine neue Anwendung für öffentliche Dienste gestartet, sagten Beamte, "
          "und fügten hinzu, dass die Bürger nun Dokumente online beantragen können.",
    "pt": "O governo regional lançou um novo aplicativo de serviço público na segunda-feira, disseram autoridades, "
          "acrescentando que os moradores podem solicitar documentos online.",
    "id": "Pemerintah Kabupaten Gowa meluncurkan aplikasi layanan publik yang baru pada hari Senin, dan warga kini "
          "dapat mengurus dokumen secara daring tanpa harus datang ke kantor.",
    "ms": "Kerajaan negeri melancarkan aplikasi perkhidmatan awam baharu pada hari Isnin kerana ia memudahkan rakyat, "
          "iaitu permohonan dokumen secara dalam talian.",
}


@pytest.mark.parametrize("code", SAMPLES)
def test_language_of_a_news_sentence(lex, code):
    assert detect_language(SAMPLES[code], lex).code == code


def test_declared_language_is_only_a_hint(lex):
    assert detect_language(SAMPLES["id"], lex, declared="en").code == "id"
    assert detect_language(SAMPLES["en"], lex, declared="id").code == "en"
    assert detect_language("Berita", lex, declared="id-ID").code == "id"        # too short to tell


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not beside the checkout")
def test_indonesian_news_never_flips_to_malay(lex):
    texts = [json.loads(x)["text"] for x in CORPUS.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert {detect_language(t, lex).code for t in texts} == {"id"}
