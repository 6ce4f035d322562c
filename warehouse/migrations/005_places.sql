-- Districts and communes from vietnamadminunits (warehouse/places.csv): the
-- legacy districts with their communes, and the communes of the 34 provinces
-- after 1 July 2025 (which have no districts). Replaced from the CSV each run.
CREATE TABLE places (
    code      VARCHAR NOT NULL,   -- official code of the district or commune
    level     VARCHAR NOT NULL,   -- 'district' or 'commune'
    name      VARCHAR NOT NULL,   -- short name: 'Lang Chánh'
    full_name VARCHAR NOT NULL,   -- with its unit: 'Huyện Lang Chánh'
    district  VARCHAR,            -- a legacy commune's district
    province  VARCHAR NOT NULL,   -- as named in its era
    era       VARCHAR NOT NULL,   -- 'legacy' or '2025'
    PRIMARY KEY (era, level, code)
);

-- Facts whose place names a listed district or commune of their province, with its code.
CREATE VIEW fact_places AS
SELECT f.fact_id, f.place, f.province, p.code AS place_code, p.level, p.era, p.district
FROM facts f
JOIN places p ON lower(p.full_name) = lower(f.place) AND p.province = f.province;
