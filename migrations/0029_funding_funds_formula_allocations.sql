-- Funding (issue 16 items 1 and 2): a policing body's funds as data — budget by financial year, eligibility,
-- the plan priorities each serves, rounds and assessment criteria — and the published formula by which a fund's
-- pot, less a retained share, is shared among local authorities, with the allocations an officer records.
-- Money is integer pence. Plain SQL that PostgreSQL 15 and PGlite both run.

-- Judgements publishes the populations it holds (decision record 0004), for the formula's population criterion.
CREATE VIEW judgements_published_population AS
  SELECT area_code, year, population, source FROM population_estimate;

CREATE TABLE fund (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  kind text NOT NULL
    CHECK (kind IN ('community-safety', 'crime-prevention', 'community-fund', 'victims-services')),
  summary text NOT NULL,
  eligibility text NOT NULL,
  -- The plan whose priorities the fund serves, by slug (codes are stable across a plan's versions).
  plan_slug text,
  -- What in the fund's record is illustrative rather than taken from a published source, said on its pages.
  illustrative_note text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The budget by financial year ("2017-18"), in pence.
CREATE TABLE fund_budget (
  fund_id integer NOT NULL REFERENCES fund (id) ON DELETE CASCADE,
  financial_year text NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
  amount_pence bigint NOT NULL CHECK (amount_pence >= 0),
  PRIMARY KEY (fund_id, financial_year)
);

CREATE TABLE fund_priority (
  fund_id integer NOT NULL REFERENCES fund (id) ON DELETE CASCADE,
  priority_code text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (fund_id, priority_code)
);

CREATE TABLE fund_round (
  fund_id integer NOT NULL REFERENCES fund (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (fund_id, name),
  CHECK (closes_on > opens_on)
);

-- How applications to the fund are assessed; the weights of a fund's criteria sum to 100 (checked on load).
CREATE TABLE fund_assessment_criterion (
  fund_id integer NOT NULL REFERENCES fund (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  description text,
  weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
  position integer NOT NULL,
  PRIMARY KEY (fund_id, name)
);

-- A year's published formula: the retained share in basis points (1000 = 10%) and the 12 months of police.uk
-- crimes its crime criterion counts.
CREATE TABLE fund_formula (
  fund_id integer NOT NULL,
  financial_year text NOT NULL,
  retained_basis_points integer NOT NULL CHECK (retained_basis_points BETWEEN 0 AND 10000),
  crimes_from date CHECK (extract(day FROM crimes_from) = 1),
  crimes_to date CHECK (extract(day FROM crimes_to) = 1),
  note text,
  PRIMARY KEY (fund_id, financial_year),
  FOREIGN KEY (fund_id, financial_year) REFERENCES fund_budget (fund_id, financial_year) ON DELETE CASCADE,
  CHECK ((crimes_from IS NULL) = (crimes_to IS NULL)),
  CHECK (crimes_to >= crimes_from)
);

-- Each criterion of the formula with its source and weight (whole per cent; a formula's weights sum to 100).
CREATE TABLE fund_formula_criterion (
  fund_id integer NOT NULL,
  financial_year text NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  label text NOT NULL,
  source text NOT NULL CHECK (source IN ('population', 'police-uk-crimes', 'supplied')),
  source_note text NOT NULL,
  weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
  population_year integer CHECK (population_year BETWEEN 1900 AND 2200),
  position integer NOT NULL,
  PRIMARY KEY (fund_id, financial_year, code),
  FOREIGN KEY (fund_id, financial_year) REFERENCES fund_formula (fund_id, financial_year) ON DELETE CASCADE,
  CHECK ((source = 'population') = (population_year IS NOT NULL))
);

-- The figures a supplied criterion gives each authority (a deprivation score, say), as decimal text.
CREATE TABLE fund_formula_value (
  fund_id integer NOT NULL,
  financial_year text NOT NULL,
  criterion_code text NOT NULL,
  area_code text NOT NULL CHECK (area_code ~ '^[EW][0-9]{8}$'),
  value text NOT NULL CHECK (value ~ '^[0-9]+(\.[0-9]{1,4})?$'),
  PRIMARY KEY (fund_id, financial_year, criterion_code, area_code),
  FOREIGN KEY (fund_id, financial_year, criterion_code)
    REFERENCES fund_formula_criterion (fund_id, financial_year, code) ON DELETE CASCADE
);

-- An allocation as an officer recorded it: the pot, the retained share and each authority's amount, which add
-- up to the pot (checked before saving), with the formula and inputs it was worked from.
CREATE TABLE fund_allocation (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id integer NOT NULL,
  financial_year text NOT NULL,
  pot_pence bigint NOT NULL CHECK (pot_pence >= 0),
  retained_pence bigint NOT NULL CHECK (retained_pence >= 0 AND retained_pence <= pot_pence),
  formula jsonb NOT NULL,
  recorded_on date NOT NULL,
  recorded_by text NOT NULL,
  UNIQUE (fund_id, financial_year),
  FOREIGN KEY (fund_id, financial_year) REFERENCES fund_budget (fund_id, financial_year)
);

CREATE TABLE fund_allocation_line (
  allocation_id integer NOT NULL REFERENCES fund_allocation (id) ON DELETE CASCADE,
  area_code text NOT NULL,
  area_name text NOT NULL,
  amount_pence bigint NOT NULL CHECK (amount_pence >= 0),
  share_percent text NOT NULL,
  PRIMARY KEY (allocation_id, area_code)
);
