"""Reference data shipped with cds-facts, found with importlib.resources (``cds_facts.tasks.settings.data_path``).

    indicators.csv       the indicator catalogue (seeds the indicators table; rows users add stay)
    indicator_parts.csv  which indicators split a total into parts
    provinces.csv        the 63 provinces before 1 July 2025 and the 34 after, with their name variants
    places.csv           districts, communes and wards, before and after the merger
    migrations/          the warehouse's schema, one numbered SQL file per change
    queries/             example questions, one SQL file each
"""
