-- Which consistency checks fail, and how often?
SELECT check_name, count(*) AS failures, any_value(detail) AS example
FROM failed_checks
GROUP BY check_name
ORDER BY failures DESC, check_name;
