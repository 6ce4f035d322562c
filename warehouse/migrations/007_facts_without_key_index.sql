-- facts.fact_id is no longer a PRIMARY KEY. DuckDB keeps a key's index (an
-- ART) in memory and cannot evict it, so with one fact per ~60 characters of
-- text the loader's memory grew with the corpus: past about a million facts
-- it no longer fit in a bounded memory limit. Ids stay unique by construction:
-- a fact id is its document's id and its offset, documents.doc_id is still a
-- key, and a batch whose facts repeat an id or name a document outside the
-- batch is refused before it is written (tasks/load.py, write_batch).
-- DuckDB cannot drop a constraint in place, so the table is rebuilt; the
-- views over it are bound by name and keep working.
CREATE TABLE facts_unkeyed (
    fact_id       VARCHAR NOT NULL,              -- doc_id ':' start_char
    doc_id        VARCHAR NOT NULL,
    surface       VARCHAR NOT NULL,
    sentence      VARCHAR NOT NULL,
    start_char    INTEGER NOT NULL,              -- offsets of the number in documents.clean_text
    end_char      INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,              -- count percent ratio rank score storage money
    value         DOUBLE NOT NULL,
    denominator   DOUBLE,
    share_pct     DOUBLE,
    qualifier     VARCHAR NOT NULL,              -- exact more_than approx less_than at_least at_most
    counted       VARCHAR,
    indicator     VARCHAR,
    province      VARCHAR,
    province_2025 VARCHAR,
    place         VARCHAR,
    period_year   INTEGER,
    status        VARCHAR NOT NULL,              -- actual or target
    part_of       VARCHAR
);
INSERT INTO facts_unkeyed BY NAME SELECT * FROM facts;
DROP TABLE facts;
ALTER TABLE facts_unkeyed RENAME TO facts;
