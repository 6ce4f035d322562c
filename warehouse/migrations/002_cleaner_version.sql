-- Cleaning rules have a version too: documents cleaned by older rules are
-- cleaned and extracted again. Rows loaded before this column existed get 0.
ALTER TABLE documents ADD COLUMN cleaner_version INTEGER DEFAULT 0;
