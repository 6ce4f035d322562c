-- Official values to check the press against: one row per indicator, unit and year of a published table
-- (the provincial DTI, and any table of that shape a user adds). A pre-merger table names its province,
-- the 2024 table of the 34 post-merger units names province_2025; denominator is how many units it ranks.
--   decimals: the precision the value is published at (a score of 0,6077 has 4), to compare to.
--   origin:   the file it was loaded from; the shipped files' rows are replaced from them on every run.
CREATE TABLE reference_values (
    indicator     VARCHAR NOT NULL,
    province      VARCHAR,
    province_2025 VARCHAR,
    year          INTEGER NOT NULL,
    value         DOUBLE NOT NULL,
    denominator   DOUBLE,
    decimals      INTEGER,
    source        VARCHAR,
    origin        VARCHAR
);

-- Each fact of fact_table that a reference value stands for, and whether it agrees. A fact is checked
-- when it is a province's own figure (scope 'province') of an indicator and year the tables hold: of
-- the pre-merger table by its province when it states no denominator or that table's, of a post-merger
-- table by its province_2025 only when it states that table's denominator ("3/34"). A rank compares
-- exactly (tied provinces share their rank); a bound compares as what it says (at most 10: the official
-- rank is 10 or better); a score compares at the coarser of the two precisions ("0,61" agrees with 0,6077).
CREATE MACRO fact_verdicts(fact_table) AS TABLE
WITH checked AS (
    SELECT f.fact_id, f.doc_id, f.indicator, f.province, f.period_year, f.kind, f.value, f.denominator,
           f.qualifier, f.surface, f.sentence, r.value AS official_value, r.denominator AS official_denominator,
           r.source AS official_source,
           CAST(least(coalesce(r.decimals, 4),
                      length(split_part(CAST(f.value AS VARCHAR), '.', 2))
                      - CASE WHEN split_part(CAST(f.value AS VARCHAR), '.', 2) = '0' THEN 1 ELSE 0 END)
                AS INTEGER) AS decimals
    FROM query_table(fact_table) f
    JOIN reference_values r ON r.indicator = f.indicator AND r.year = f.period_year
     AND ((r.province IS NOT NULL AND r.province = f.province
           AND (f.denominator IS NULL OR r.denominator IS NULL OR f.denominator = r.denominator))
          OR (r.province IS NULL AND r.province_2025 = f.province_2025 AND f.denominator = r.denominator))
    WHERE f.scope = 'province' AND f.change IS NULL AND f.status = 'actual'
)
SELECT fact_id, doc_id, indicator, province, period_year, kind, value, denominator, qualifier, surface, sentence,
       official_value, official_denominator, official_source,
       CASE WHEN CASE qualifier
                   WHEN 'at_most' THEN official_value <= value
                   WHEN 'at_least' THEN official_value >= value
                   WHEN 'less_than' THEN official_value < value
                   WHEN 'more_than' THEN official_value > value
                   ELSE round(official_value, decimals) = round(value, decimals) END
            THEN 'agrees' ELSE 'contradicts' END AS verdict
FROM checked;

CREATE VIEW verified_facts AS SELECT * FROM fact_verdicts('facts');

-- latest_values gains each value's verdict against the official tables (NULL: no official value).
CREATE OR REPLACE VIEW latest_values AS
SELECT l.*, v.verdict, v.official_value, v.official_source
FROM (
    SELECT indicator, province, province_2025, coalesce(period_year, year(published_at)) AS year, period_year,
           kind, value, denominator, share_pct, qualifier, source, published_at, source_name, surface, fact_id
    FROM document_figures
    QUALIFY row_number() OVER (PARTITION BY indicator, province
                               ORDER BY coalesce(period_year, year(published_at)) DESC NULLS LAST,
                                        published_at DESC NULLS LAST, fact_id) = 1
) l LEFT JOIN verified_facts v USING (fact_id);
