-- What the rules used to infer from an indicator's code and name, stated per indicator in a table of its own
-- (indicators keeps its six public columns, so a user's INSERT INTO indicators VALUES (...) still works):
--   family        the index a rank or score belongs to (dti, par_index, ict_index, un_egov); empty for measures
--   table_year    'yes' when its figures are of their table's year (DTI 2022, published in 2023)
--   ranked_units  what a rank or score ranks: provinces or countries
--   per_hundred   a rate per 100 of what: dân (inhabitants) or hộ (households)
--   head_noun     the first word of what it counts or is a share of ("trạm" of "Số trạm BTS")
-- Set from warehouse/indicators.csv for the codes it ships; an indicator with no row here has none of these
-- behaviours, and its head noun is taken from its name.
CREATE TABLE indicator_traits (
    code         VARCHAR PRIMARY KEY,
    family       VARCHAR,
    table_year   VARCHAR,
    ranked_units VARCHAR,
    per_hundred  VARCHAR,
    head_noun    VARCHAR
);
