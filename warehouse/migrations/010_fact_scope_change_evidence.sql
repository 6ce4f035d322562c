-- Whose figure it is, whether it says by how much something changed, and why it got its indicator.
--   scope:    province, place (a unit inside one), ministry, national, international; NULL when unknown.
--             ministry, national and international figures have no province.
--   change:   increase / decrease for "tăng 5 bậc", "giảm 3%"; NULL for a level.
--   evidence: the cue or rule that chose the indicator ("cue:hồ sơ trực tuyến"); NULL without one.
ALTER TABLE facts ADD COLUMN scope VARCHAR;
ALTER TABLE facts ADD COLUMN change VARCHAR;
ALTER TABLE facts ADD COLUMN evidence VARCHAR;

-- The views read levels only: a change ("tăng 5 bậc") or a bound ("top 10", "ít nhất 70%") is no value of
-- its indicator. The views below are restated from 004 unchanged but for that filter and period_year.
CREATE OR REPLACE VIEW fact_sources AS
SELECT f.*, d.outlet, d.title, d.source_name, d.published_at,
       coalesce(d.outlet, d.source_name) AS source
FROM facts f JOIN documents d USING (doc_id);

CREATE OR REPLACE VIEW document_figures AS
SELECT * FROM fact_sources
WHERE indicator IS NOT NULL AND status = 'actual' AND province IS NOT NULL AND place IS NULL
  AND change IS NULL AND qualifier NOT IN ('at_most', 'at_least')
QUALIFY row_number() OVER (PARTITION BY doc_id, indicator, province, period_year ORDER BY start_char) = 1;

CREATE OR REPLACE VIEW latest_values AS
SELECT indicator, province, province_2025, coalesce(period_year, year(published_at)) AS year, period_year, kind,
       value, denominator, share_pct, qualifier, source, published_at, source_name, surface, fact_id
FROM document_figures
QUALIFY row_number() OVER (PARTITION BY indicator, province
                           ORDER BY coalesce(period_year, year(published_at)) DESC NULLS LAST,
                                    published_at DESC NULLS LAST, fact_id) = 1;
