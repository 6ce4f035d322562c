"""The core of cds-facts, in layers; each imports only from those below it (import-linter holds it):

    io/        files, HTTP, feeds, the sources file, a batch's tables, the DuckDB store, export, report,
               run summaries: the only layer that touches the outside
    meaning/   Article -> facts: sentences, numbers, indicators, periods, extraction
    text/      bytes -> a clean Article: decoding, Unicode repair, text dumps, HTML, metadata
    language/  what both rule layers stand on: keys for comparing words, the gazetteer, the word lists
    models.py  the plain records passed between them; settings.py: every CDS_* setting and data location

A document's way: io.files (read) -> text.rawdoc (decode) -> text.clean -> meaning.extract ->
io.tables (plain columns) -> io.store (Arrow, DuckDB); io.pipeline composes them for one batch.
"""
