-- One row per province, one column per indicator: the latest value of each.
PIVOT (SELECT province, indicator, value FROM latest_values)
ON indicator USING first(value)
GROUP BY province
ORDER BY province;
