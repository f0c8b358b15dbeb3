-- Indicators: what each plan measure is judged on, defined as data (reviewed YAML files), with the populations
-- rates need, the series imported for what police.uk lacks, and each indicator's monthly values materialised
-- so that the public scorecard reads a few hundred small rows instead of aggregating the police.uk roll-ups on
-- every request. Plain SQL that PostgreSQL 15 and PGlite both run.

CREATE TABLE indicator (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  force_area_id integer NOT NULL REFERENCES force_area (id),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  -- crime-count: police.uk crimes (or anti-social behaviour, alone) of the given types per month;
  -- crime-rate: that count per `per_population` residents; outcome-share: the per cent of crimes of the given
  -- types whose last outcome category is one of `outcome_categories`; series: values imported from a CSV file.
  kind text NOT NULL CHECK (kind IN ('crime-count', 'crime-rate', 'outcome-share', 'series')),
  crime_types text[] NOT NULL DEFAULT '{}',
  outcome_categories text[] NOT NULL DEFAULT '{}',
  per_population integer CHECK (per_population > 0),
  decimals integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
  source text NOT NULL,
  unit text NOT NULL,
  geography text NOT NULL CHECK (geography IN ('force-area', 'local-authority')),
  frequency text NOT NULL CHECK (frequency IN ('monthly')),
  description text NOT NULL,
  -- The reviewed file the definition was loaded from.
  definition_file text NOT NULL,
  -- The file the series values came from (series only), with its SHA-256 and when it was loaded.
  series_file text,
  series_sha256 text CHECK (series_sha256 ~ '^[0-9a-f]{64}$'),
  series_loaded_at timestamptz,
  -- When the materialised values were last rebuilt, and why the last attempt failed, if it did.
  refreshed_at timestamptz,
  refresh_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'crime-rate') = (per_population IS NOT NULL)),
  CHECK ((kind = 'outcome-share') = (cardinality(outcome_categories) > 0)),
  CHECK ((kind = 'series') = (cardinality(crime_types) = 0))
);

-- Which plan measures an indicator serves, by plan slug and measure code: codes are stable across a plan's
-- versions, so a link survives a variation.
CREATE TABLE indicator_measure (
  indicator_id integer NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  plan_slug text NOT NULL,
  measure_code text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (plan_slug, measure_code, indicator_id)
);

CREATE INDEX indicator_measure_indicator_idx ON indicator_measure (indicator_id);

-- Residents by area (a force area or local authority GSS code) and year, for rates.
CREATE TABLE population_estimate (
  area_code text NOT NULL CHECK (area_code ~ '^[EW][0-9]{8}$'),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  population integer NOT NULL CHECK (population > 0),
  source text NOT NULL,
  source_file text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (area_code, year)
);

-- A series indicator's values as imported: one per month, no gaps, replaced whole by each import.
CREATE TABLE indicator_series_value (
  indicator_id integer NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  value double precision NOT NULL,
  PRIMARY KEY (indicator_id, month)
);

-- Each indicator's monthly values, force-wide (the force area's code) and, where the data allows, per local
-- authority. Rebuilt per indicator whenever its inputs change; the primary key is the scorecard's read path.
CREATE TABLE indicator_value (
  indicator_id integer NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  area_code text NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  -- The count (or the crimes with a matching outcome, or the series value) and what it is divided by:
  -- the population for a rate, all crimes of the types for a share, nothing for a count or a series.
  numerator double precision NOT NULL,
  denominator double precision,
  value double precision NOT NULL,
  PRIMARY KEY (indicator_id, area_code, month)
);
