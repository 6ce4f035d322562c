-- The consistency checks read levels only: a change ("1.500/2.000 hồ sơ, tăng 5%") is no share of the ratio
-- before it, and no part of a total. The macro is restated from 008 unchanged but for the "levels" it reads.
CREATE OR REPLACE MACRO consistency_checks(fact_table, document_table) AS TABLE
WITH levels AS (
    SELECT * FROM query_table(fact_table) WHERE change IS NULL
), parts AS (
    SELECT t.doc_id, t.fact_id, t.surface, t.indicator, t.value AS total, sum(p.value) AS parts_sum,
           list(DISTINCT p.indicator) FILTER (WHERE p.indicator IS NOT NULL) AS part_indicators
    FROM levels t JOIN levels p ON p.part_of = t.fact_id
    GROUP BY t.doc_id, t.fact_id, t.surface, t.indicator, t.value
), splits AS (
    SELECT total_indicator, list(part_indicator ORDER BY part_indicator) AS part_indicators
    FROM indicator_parts GROUP BY total_indicator
), in_order AS (
    SELECT doc_id, kind, value, denominator, end_char,
           lead(kind) OVER next AS next_kind, lead(fact_id) OVER next AS next_fact_id,
           lead(surface) OVER next AS next_surface, lead(value) OVER next AS next_value,
           lead(start_char) OVER next AS next_start
    FROM levels
    WINDOW next AS (PARTITION BY doc_id ORDER BY start_char)
), neighbours AS (  -- a percent stated right after a ratio, as its share: "141.497/175.138 hồ sơ ..., đạt 80,79%"
    SELECT r.doc_id, r.next_fact_id AS fact_id, r.next_surface AS surface, r.value AS numerator, r.denominator,
           r.next_value AS percent, substring(d.clean_text, r.end_char + 1, r.next_start - r.end_char) AS between_text
    FROM in_order r JOIN query_table(document_table) d USING (doc_id)
    WHERE r.kind = 'ratio' AND r.denominator > 0 AND r.next_kind = 'percent'
      AND r.next_start > r.end_char AND r.next_start - r.end_char <= 120
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
FROM levels WHERE kind = 'percent' AND indicator IS NOT NULL AND (value > 100 OR value < 0)
UNION ALL
SELECT 'numerator_above_denominator', doc_id, fact_id, surface,
       format('{} of {}: more than the whole', value, denominator)
FROM levels WHERE kind = 'ratio' AND value > denominator;

CREATE OR REPLACE VIEW failed_checks AS SELECT * FROM consistency_checks('facts', 'documents');
