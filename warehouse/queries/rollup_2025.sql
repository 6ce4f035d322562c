-- BTS stations per province as the map stands since 1 July 2025 (merged provinces added up).
SELECT province_2025, total AS bts_stations, provinces_reporting, provinces
FROM latest_values_2025
WHERE indicator = 'infra.bts_stations'
ORDER BY bts_stations DESC;
