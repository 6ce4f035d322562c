-- Which DTI ranks are confirmed by more than one outlet?
SELECT province, period_year, value AS rank, denominator AS out_of, sources, outlets
FROM corroborated_facts
WHERE indicator = 'dti.rank'
ORDER BY period_year, rank;
