"""The one recipe from an article to its facts (extractors.read_article)."""

from extractors import read_article, read_facts

# Published 2024-03-12 in its metadata; the story names its day without a year.
STORY = ("Dinas Kesehatan Kabupaten Gowa menggelar sosialisasi inovasi SIPAKAR pada Senin (18/3) di Aula Kantor Bupati.\n"
         "Kegiatan itu dihadiri kepala puskesmas se-Kabupaten Gowa.")


def test_the_publication_date_dates_a_yearless_event(lex):
    reading = read_article(STORY, lex, published="2024-03-12").reading
    assert [(e.kind, e.date) for e in reading.facts.events] == [("socialization", "2024-03-18")]


def test_a_resolved_day_is_a_date_mention_but_not_an_explicit_date(lex):
    facts = read_article(STORY, lex, published="2024-03-12").reading.facts
    assert [(d.value, d.explicit) for d in facts.dates] == [("2024-03-18", False)]
    assert facts.explicit_dates() == []


def test_without_a_publication_date_the_dateline_is_the_reference(lex):
    reading = read_article("Gowa, Selasa 12 Maret 2024\n" + STORY, lex).reading
    assert reading.published == "2024-03-12"
    assert [e.date for e in reading.facts.events] == ["2024-03-18"]


def test_facts_are_read_only_from_indonesian(lex):
    english = "The district health office held a socialisation of the SIPAKAR innovation on Monday at the regent's hall."
    reading = read_facts(english, lex)
    assert (reading.language.code, reading.facts_skipped, reading.facts.events) == ("en", "language: en", ())
    assert read_facts(english, lex, language="id").facts_skipped is None


def test_known_boilerplate_is_flagged_and_left_out_of_the_text(lex):
    footer = "Ikuti berita terbaru kami di kanal WhatsApp redaksi."
    article = read_article(STORY + "\n" + footer, lex, boilerplate=frozenset({read_article(footer, lex).paragraphs[0].hash}))
    assert [p.kind for p in article.paragraphs] == ["body", "body", "boilerplate"]
    assert footer not in article.text and footer in article.cleaned_text
