-- Each catalogue documents were read under (documents.catalogue_fingerprint), as the rows a run read it from
-- (JSON, the indicators and indicator_traits columns): after a change of cues, a run reads again only the
-- documents in which a changed cue can stand (tasks/meaning/catalogue_change.py). Documents read under a
-- catalogue with no row here (read before this table) are all read again.
CREATE TABLE catalogue_versions (
    fingerprint    VARCHAR PRIMARY KEY,
    catalogue_rows VARCHAR NOT NULL,
    first_seen_at  TIMESTAMPTZ NOT NULL
);
