"""A reading made ready to write in a reader process (``loaders.writer.prepare``) crosses to the writer
whole: what ``orggraph load`` writes is what ``write_document`` would write from the records."""

from __future__ import annotations

import pickle

from loaders.records import ParsedDocument
from loaders.report import reading_report
from loaders.writer import prepare, rows_for


def test_rows_made_in_a_reader_process_are_the_rows_of_the_records(seed_documents: dict[str, ParsedDocument]) -> None:
    for parsed in seed_documents.values():
        ready = pickle.loads(pickle.dumps(prepare(parsed), protocol=pickle.HIGHEST_PROTOCOL))
        assert ready.document == parsed.document
        assert ready.report == reading_report(parsed)
        assert ready.rows == rows_for(parsed)
        assert ready.rows["document"]["read_units"] == len(parsed.units) > 0
        assert "loaded_at" not in ready.rows["document"]  # stamped when written, not when read
