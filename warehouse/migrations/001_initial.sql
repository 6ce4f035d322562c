-- cds-facts warehouse, version 1. The public contract is in the README:
-- documents, facts, indicators (and runs, quarantine, provinces).

CREATE TABLE documents (
    doc_id                VARCHAR PRIMARY KEY,   -- from the content's SHA-256: same content, same id
    source_name           VARCHAR NOT NULL,      -- file name, or URL for a fetched page
    source_uri            VARCHAR NOT NULL,      -- absolute path or URL
    outlet                VARCHAR,
    title                 VARCHAR,
    published_at          TIMESTAMPTZ,           -- NULL when the document states none
    authors               VARCHAR[] NOT NULL,
    province              VARCHAR,
    clean_text            VARCHAR NOT NULL,
    content_sha256        VARCHAR NOT NULL,
    encoding              VARCHAR NOT NULL,
    format                VARCHAR NOT NULL,      -- 'text' or 'html'
    extractor_version     INTEGER NOT NULL,      -- a newer extractor re-extracts
    catalogue_fingerprint VARCHAR NOT NULL,      -- a changed indicator catalogue re-extracts
    run_id                VARCHAR NOT NULL,      -- the run that loaded it
    loaded_at             TIMESTAMPTZ NOT NULL
);

-- The input exactly as read, so cleaning can be re-run from the warehouse alone.
CREATE TABLE document_raw (
    doc_id VARCHAR PRIMARY KEY,
    raw    BLOB NOT NULL
);

CREATE TABLE facts (
    fact_id       VARCHAR PRIMARY KEY,           -- doc_id ':' start_char
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
    status        VARCHAR NOT NULL               -- actual or target
);

CREATE TABLE indicators (
    code    VARCHAR PRIMARY KEY,
    pillar  VARCHAR,
    kind    VARCHAR NOT NULL,
    name_vi VARCHAR,
    name_en VARCHAR,
    cues    VARCHAR                              -- phrases separated by '|'
);

CREATE TABLE provinces (
    code      VARCHAR NOT NULL,
    name      VARCHAR NOT NULL,
    full_name VARCHAR NOT NULL,
    era       VARCHAR NOT NULL,                  -- 'legacy' (63, before 1 July 2025) or '2025' (34)
    name_2025 VARCHAR NOT NULL,                  -- the 2025 province that holds it
    aliases   VARCHAR,
    PRIMARY KEY (era, code)
);

CREATE TABLE runs (
    run_id      VARCHAR PRIMARY KEY,
    flow_run_id VARCHAR,                         -- the Prefect flow run, to find it in the UI
    flow_name   VARCHAR NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ,
    status      VARCHAR NOT NULL,                -- running, completed, failed
    inputs      VARCHAR,                         -- what the run was pointed at
    seen        INTEGER,
    new         INTEGER,
    changed     INTEGER,
    unchanged   INTEGER,
    failed      INTEGER,
    facts       INTEGER,
    error       VARCHAR
);

-- Every input that could not become a document: where it failed and why.
CREATE TABLE quarantine (
    source_uri     VARCHAR PRIMARY KEY,
    stage          VARCHAR NOT NULL,             -- read, decode, clean, extract
    error          VARCHAR NOT NULL,
    sha256         VARCHAR,
    raw            BLOB,
    run_id         VARCHAR NOT NULL,
    quarantined_at TIMESTAMPTZ NOT NULL
);
