-- Fetched pages: the last response per URL, its body compressed (zlib), and the
-- validators (ETag, Last-Modified) that make the next fetch a conditional request.
CREATE TABLE fetched_pages (
    url            VARCHAR PRIMARY KEY,
    final_url      VARCHAR,                 -- after redirects
    fetched_at     TIMESTAMPTZ NOT NULL,
    http_status    INTEGER NOT NULL,
    content_type   VARCHAR,
    encoding       VARCHAR,                 -- how the body was decoded
    etag           VARCHAR,
    last_modified  VARCHAR,
    content_sha256 VARCHAR NOT NULL,        -- = documents.content_sha256 of the page's document
    body_zlib      BLOB NOT NULL
);

-- Every URL a fetch run dealt with, and what became of it: nothing is dropped silently.
CREATE TABLE fetch_log (
    run_id       VARCHAR NOT NULL,
    url          VARCHAR NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    outcome      VARCHAR NOT NULL,          -- fetched, not_modified, skipped (robots.txt), failed
    http_status  INTEGER,
    reason       VARCHAR,
    attempts     INTEGER NOT NULL
);

-- URLs a fetch run left alone because robots.txt disallows them.
ALTER TABLE runs ADD COLUMN skipped INTEGER DEFAULT 0;
