-- How many full-process (toàn trình) online public services does each province offer, by its latest report?
SELECT province, value AS services, year, source, published_at
FROM latest_values
WHERE indicator = 'gov.online_public_services_full'
ORDER BY services DESC;
