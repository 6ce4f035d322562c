-- Why a fact is whose it is, as `evidence` says why it got its indicator: the resolver's rule and the words
-- it read ("clause:Bộ Công an", "owner:của cả nước", "named:Cà Mau", "article:Cà Mau",
-- "place:xã Cẩm Lĩnh; article:Hà Tĩnh", "joint:Quảng Bình, Hà Tĩnh"); NULL when nothing says whose it is.
-- The views over facts.* (fact_sources, document_figures) show it as they are: DuckDB binds them anew.
ALTER TABLE facts ADD COLUMN subject_evidence VARCHAR;
