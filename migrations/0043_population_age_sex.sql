-- Residents by single year of age and sex (issue 13 item 2, issue 17 item 4), as the ONS mid-year estimates
-- publish them (workbook sheets "MYE2 - Females" and "MYE2 - Males": ages 0 to 89 and 90 meaning "90 and over").
-- Survey weighting compares respondents with these; rates keep using population_estimate's all-ages totals.
CREATE TABLE population_estimate_age_sex (
  area_code text NOT NULL CHECK (area_code ~ '^[EW][0-9]{8}$'),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  sex text NOT NULL CHECK (sex IN ('female', 'male')),
  -- 90 stands for "90 and over", as in the ONS tables.
  age integer NOT NULL CHECK (age BETWEEN 0 AND 90),
  population integer NOT NULL CHECK (population >= 0),
  -- The ONS release the figure comes from, e.g. "ONS mid-2023 estimates (published 15 July 2024)".
  vintage text NOT NULL,
  source_file text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (area_code, year, sex, age)
);
