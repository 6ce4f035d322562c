-- Why a document's metadata is what it is, as facts.evidence says why a fact got its indicator: a JSON object
-- with a key for each of title, outlet, authors, published_at, province that has a value, saying where it
-- was read ({"outlet": "host table:vnexpress.net", "title": "meta title", "published_at": "dateline", ...}).
-- NULL on documents cleaned before it (CLEANER_VERSION 5 cleans them again on the next run).
ALTER TABLE documents ADD COLUMN metadata_evidence VARCHAR;
