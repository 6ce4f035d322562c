-- Which sources hold which document. A document is its content; a source (a
-- file's path, a page's URL) holds one content at a time. A source that gets
-- new bytes moves its claim to the new content, and a document is removed only
-- when no source claims it: an article copied to an archive folder outlives the
-- inbox file that brought it, and one whose file is deleted is kept.
CREATE TABLE document_sources (
    source_uri    VARCHAR PRIMARY KEY,     -- absolute path (undecodable bytes escaped) or URL
    source_name   VARCHAR NOT NULL,        -- file name, or the URL
    doc_id        VARCHAR NOT NULL,        -- the content it held when last seen
    first_seen_at TIMESTAMPTZ NOT NULL,    -- since when it holds that content
    last_seen_at  TIMESTAMPTZ NOT NULL,
    first_run_id  VARCHAR NOT NULL,
    last_run_id   VARCHAR NOT NULL
);

INSERT INTO document_sources
SELECT DISTINCT ON (source_uri) source_uri, source_name, doc_id, loaded_at, loaded_at, run_id, run_id
FROM documents ORDER BY source_uri, loaded_at DESC;

-- The process that runs a run, so the next run can tell a run that died (killed, or unable to write its
-- end) from one still going, and mark it failed.
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host VARCHAR;
