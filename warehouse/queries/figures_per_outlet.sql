-- How many figures has each outlet reported, and how many of them match an indicator?
SELECT source AS outlet, count(*) AS figures, count(indicator) AS with_indicator,
       count(DISTINCT doc_id) AS articles
FROM fact_sources
GROUP BY source
ORDER BY figures DESC;
