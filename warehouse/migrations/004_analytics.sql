-- Analyst views: latest values, corroborated and conflicting figures, failed
-- consistency checks, and the rollup to the 34 provinces after 1 July 2025.

-- The total a count breaks down: "1.805 dịch vụ ..., trong đó có 900 ... và 905 ...".
ALTER TABLE facts ADD COLUMN part_of VARCHAR;

-- Indicators split completely into parts: when a total and all its parts are
-- stated together, the parts must add up to it. Seeded from
-- warehouse/indicator_parts.csv; rows users add stay.
CREATE TABLE indicator_parts (
    total_indicator VARCHAR NOT NULL,
    part_indicator  VARCHAR NOT NULL,
    PRIMARY KEY (total_indicator, part_indicator)
);

-- Every fact with where and when it was published: the base of the views below.
CREATE VIEW fact_sources AS
SELECT f.*, d.outlet, d.title, d.source_name, d.published_at,
       coalesce(d.outlet, d.source_name) AS source
FROM facts f JOIN documents d USING (doc_id);

-- A document's figure for an indicator, province and year: its first statement of it
-- (later ones in the same article are breakdowns by level or place).
CREATE VIEW document_figures AS
SELECT * FROM fact_sources
WHERE indicator IS NOT NULL AND status = 'actual' AND province IS NOT NULL AND place IS NULL
QUALIFY row_number() OVER (PARTITION BY doc_id, indicator, province, period_year ORDER BY start_char) = 1;

-- The latest reported value per indicator and province, with its source and date.
CREATE VIEW latest_values AS
SELECT indicator, province, province_2025, coalesce(period_year, year(published_at)) AS year, kind, value,
       denominator, share_pct, qualifier, source, published_at, source_name, surface, fact_id
FROM document_figures
QUALIFY row_number() OVER (PARTITION BY indicator, province
                           ORDER BY coalesce(period_year, year(published_at)) DESC NULLS LAST,
                                    published_at DESC NULLS LAST, fact_id) = 1;

-- The same figure reported by two or more distinct sources.
CREATE VIEW corroborated_facts AS
SELECT indicator, province, period_year, kind, value, denominator,
       count(DISTINCT source) AS sources, list(DISTINCT source ORDER BY source) AS outlets,
       list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids
FROM document_figures
GROUP BY indicator, province, period_year, kind, value, denominator
HAVING count(DISTINCT source) >= 2;

-- Different figures for the same indicator, province and year, from different documents.
CREATE VIEW conflicting_facts AS
WITH exact AS (
    SELECT * FROM document_figures WHERE period_year IS NOT NULL AND qualifier = 'exact'
), disputed AS (
    SELECT indicator, province, period_year, kind FROM exact
    GROUP BY ALL HAVING count(DISTINCT [value, coalesce(denominator, -1)]) > 1
)
SELECT e.indicator, e.province, e.period_year, e.kind, e.value, e.denominator, e.source, e.published_at,
       e.surface, e.fact_id
FROM exact e JOIN disputed USING (indicator, province, period_year, kind)
ORDER BY e.indicator, e.province, e.period_year, e.value;

-- Figures that contradict themselves or their neighbours.
CREATE VIEW failed_checks AS
WITH parts AS (
    SELECT t.doc_id, t.fact_id, t.surface, t.indicator, t.value AS total, sum(p.value) AS parts_sum,
           list(DISTINCT p.indicator) FILTER (WHERE p.indicator IS NOT NULL) AS part_indicators
    FROM facts t JOIN facts p ON p.part_of = t.fact_id
    GROUP BY t.doc_id, t.fact_id, t.surface, t.indicator, t.value
), splits AS (
    SELECT total_indicator, list(part_indicator ORDER BY part_indicator) AS part_indicators
    FROM indicator_parts GROUP BY total_indicator
), neighbours AS (  -- a percent stated right after a ratio, as its share: "141.497/175.138 hồ sơ ..., đạt 80,79%"
    SELECT r.doc_id, p.fact_id, p.surface, r.value AS numerator, r.denominator, p.value AS percent,
           substring(d.clean_text, r.end_char + 1, p.start_char - r.end_char) AS between_text
    FROM facts r
    JOIN facts p ON p.doc_id = r.doc_id AND p.kind = 'percent' AND p.start_char > r.end_char
                AND p.start_char - r.end_char <= 120
    JOIN documents d ON d.doc_id = r.doc_id
    LEFT JOIN facts f_next ON f_next.doc_id = r.doc_id AND f_next.start_char > r.start_char
                          AND f_next.start_char < p.start_char
    WHERE r.kind = 'ratio' AND r.denominator > 0 AND f_next.fact_id IS NULL
)
SELECT 'parts_exceed_total' AS check_name, doc_id, fact_id, surface,
       format('the parts add up to {}, more than the total {}', parts_sum, total) AS detail
FROM parts WHERE parts_sum > total
UNION ALL
SELECT 'parts_do_not_add_up', p.doc_id, p.fact_id, p.surface,
       format('all parts of {} are stated and add up to {}, not {}', p.indicator, p.parts_sum, p.total)
FROM parts p JOIN splits s ON s.total_indicator = p.indicator
WHERE list_sort(p.part_indicators) = s.part_indicators AND p.parts_sum <> p.total
UNION ALL
SELECT 'ratio_disagrees_with_percent', doc_id, fact_id, surface,
       format('{}/{} is {:.2f}%, the text says {}%', numerator, denominator, 100 * numerator / denominator, percent)
FROM neighbours
WHERE regexp_matches(between_text, '(đạt|chiếm|bằng|tương đương|tương ứng|\(|,)')
  AND NOT regexp_matches(between_text, '[.;]\s')
  AND abs(100 * numerator / denominator - percent) > 0.5
UNION ALL
SELECT 'percent_out_of_range', doc_id, fact_id, surface, format('a share of {}% is outside 0-100', value)
FROM facts WHERE kind = 'percent' AND indicator IS NOT NULL AND (value > 100 OR value < 0)
UNION ALL
SELECT 'numerator_above_denominator', doc_id, fact_id, surface,
       format('{} of {}: more than the whole', value, denominator)
FROM facts WHERE kind = 'ratio' AND value > denominator;

-- Latest values rolled up to the 34 provinces after the merger of 1 July 2025:
-- counts add up across the provinces merged into one; other kinds list their range.
CREATE VIEW latest_values_2025 AS
SELECT indicator, province_2025, kind,
       CASE WHEN kind = 'count' THEN sum(value) END AS total,
       min(value) AS min_value, max(value) AS max_value,
       count(*) AS provinces_reporting, list(province ORDER BY province) AS provinces
FROM latest_values
GROUP BY indicator, province_2025, kind;
