"""Arrow batches from the workers: numbering, concatenation, filtering, and that a real extraction
batch survives the trip to another process unchanged."""

import pickle

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from flows.batch import ExtractedBatch, rows_to_table
from flows.page import PageInput
from flows.worker import process_batch
from tests.flows.test_ingest import HTML


def _page(i: int, n_paragraphs: int) -> dict:
    if n_paragraphs < 0:                       # a page that yields no article
        return {"pages": [{"url": f"u{i}", "outcome": "skipped", "error": "extract: only furniture"}]}
    aid = f"a{i}"
    return {"articles": [{"article_id": aid, "title": None if i % 2 else f"t{i}"}],
            "paragraphs": [{"article_id": aid, "position": p, "text": f"p{p}"} for p in range(n_paragraphs)],
            "events": [{"article_id": aid, "event_no": 0}] if n_paragraphs else [],
            "pages": [{"url": f"u{i}", "outcome": "article"}]}


def test_rows_to_table_takes_every_key_and_types_from_all_values():
    t = rows_to_table([{"a": None}, {"a": "x", "b": 2}])
    assert t.column_names == ["a", "b"]
    assert t.schema.field("a").type == pa.string() and t.column("b").to_pylist() == [None, 2]


def test_a_column_of_mixed_types_becomes_text_instead_of_failing_the_batch():
    t = rows_to_table([{"status": 200}, {"status": "200 OK"}, {"status": None}])
    assert t.column("status").to_pylist() == ["200", "200 OK", None]


def test_pages_carry_their_article_and_fact_count():
    b = ExtractedBatch.from_rows([_page(0, 2), _page(1, -1)])
    assert b.pages == 2
    assert b.column("pages", "article_id") == ["a0", None]
    assert b.column("pages", "n_facts") == [1, 0]
    assert b.column("paragraphs", "page_no") == [0, 0]


@given(st.lists(st.lists(st.integers(min_value=-1, max_value=3), max_size=5), max_size=5))
def test_concat_equals_one_batch_of_all_pages(chunks):
    pages = [n for chunk in chunks for n in chunk]
    parts, i = [], 0
    for chunk in chunks:
        parts.append(ExtractedBatch.from_rows([_page(i + k, n) for k, n in enumerate(chunk)]))
        i += len(chunk)
    whole = ExtractedBatch.from_rows([_page(k, n) for k, n in enumerate(pages)])
    joined = ExtractedBatch.concat(parts)
    assert joined.pages == whole.pages == len(pages)
    for table in ("pages", "articles", "paragraphs", "events"):
        for column in ("page_no", "article_id"):
            assert joined.column(table, column) == whole.column(table, column)


def test_keep_pages_drops_the_other_pages_rows_but_not_the_page_records():
    b = ExtractedBatch.from_rows([_page(0, 2), _page(1, 3), _page(2, 1)])
    kept = b.keep_pages([1])
    assert "pages" not in kept
    assert set(kept["paragraphs"].column("article_id").to_pylist()) == {"a1"}
    assert kept["articles"].num_rows == 1 and kept["events"].num_rows == 1


def test_a_worker_batch_is_arrow_and_pickles_losslessly():
    pages = [PageInput(f"https://example.id/berita/p{i}", HTML.format(slug=f"p{i}").encode(), "t", "2024-06-03T08:00:00")
             for i in range(3)]
    batch = process_batch(pages)
    assert all(isinstance(t, pa.Table) for t in batch.tables.values())
    assert batch.column("pages", "outcome") == ["article"] * 3
    again = pickle.loads(pickle.dumps(batch))
    assert again.pages == 3 and all(again.tables[n].equals(t) for n, t in batch.tables.items())
