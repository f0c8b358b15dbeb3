-- police.uk open data: the rows of each imported file (kept for drill-down), monthly roll-ups that every
-- page and API reads, a record of every import run and file, and the LSOA → local authority lookup.
--
-- The unit of data is (force area, month, kind): one police.uk file. An import replaces a unit whole in one
-- transaction (delete its rows and roll-ups, COPY the new rows, rebuild its roll-ups), so the raw tables
-- carry no foreign keys or checks beyond what COPY needs: the importer has already checked every row, and a
-- per-row lookup would slow COPY for nothing. police_uk_unit, which names each unit loaded, holds the keys.
-- Months are the first day of the month. Plain SQL that PostgreSQL 15 and PGlite both run.

CREATE TABLE police_uk_import_run (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Who ran it, as the audit trail names them.
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'token', 'system')),
  actor_id integer,
  actor_label text NOT NULL,
  origin text NOT NULL CHECK (origin IN ('command-line', 'upload', 'demo-seed')),
  allowed_rejects integer NOT NULL DEFAULT 0 CHECK (allowed_rejects >= 0),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
  -- Progress, for the page that watches a run: checking every file first, then loading unit by unit.
  phase text NOT NULL DEFAULT 'waiting'
    CHECK (phase IN ('waiting', 'checking', 'loading', 'finishing', 'done')),
  files_total integer NOT NULL DEFAULT 0,
  files_done integer NOT NULL DEFAULT 0,
  street_rows integer NOT NULL DEFAULT 0,
  outcome_rows integer NOT NULL DEFAULT 0,
  stop_and_search_rows integer NOT NULL DEFAULT 0,
  rejected_rows integer NOT NULL DEFAULT 0,
  error text,
  request_id text,
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  duration_ms integer,
  CHECK ((status = 'running') = (finished_at IS NULL))
);

CREATE INDEX police_uk_import_run_started_idx ON police_uk_import_run (started_at DESC);

CREATE TABLE police_uk_import_file (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id integer NOT NULL REFERENCES police_uk_import_run (id),
  position integer NOT NULL,
  display_name text NOT NULL,
  -- Known once the file's name and header have been read; null for a file refused before that.
  force_area_id integer REFERENCES force_area (id),
  month date CHECK (extract(day FROM month) = 1),
  kind text CHECK (kind IN ('street', 'outcomes', 'stop-and-search')),
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bigint,
  rows integer NOT NULL DEFAULT 0,
  rejected_rows integer NOT NULL DEFAULT 0,
  anti_social_behaviour_rows integer NOT NULL DEFAULT 0,
  rows_without_location integer NOT NULL DEFAULT 0,
  repeated_crime_ids integer NOT NULL DEFAULT 0,
  -- checked: passed, waiting to load; loaded: its unit now holds it; unchanged: the same bytes were already
  -- loaded, so nothing was done; refused: the file could not be read; failed: loading it failed.
  status text NOT NULL CHECK (status IN ('checked', 'loaded', 'unchanged', 'refused', 'failed')),
  error text,
  duration_ms integer,
  -- The file whose rows this one replaced when it was loaded (the unit's state before), if any.
  replaced_file_id integer REFERENCES police_uk_import_file (id),
  UNIQUE (run_id, position)
);

-- The first rejected rows of each file (the file records how many there were in all).
CREATE TABLE police_uk_import_reject (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id integer NOT NULL REFERENCES police_uk_import_file (id),
  line integer NOT NULL,
  column_name text,
  value text NOT NULL,
  reason text NOT NULL
);

CREATE INDEX police_uk_import_reject_file_idx ON police_uk_import_reject (file_id, line);

-- What is loaded: one row per unit, naming the file (and so the run) its rows came from.
CREATE TABLE police_uk_unit (
  force_area_id integer NOT NULL REFERENCES force_area (id),
  kind text NOT NULL CHECK (kind IN ('street', 'outcomes', 'stop-and-search')),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  import_file_id integer NOT NULL REFERENCES police_uk_import_file (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  rows integer NOT NULL CHECK (rows >= 0),
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (force_area_id, kind, month)
);

-- Street-level crime and anti-social behaviour, as published. A blank Crime ID is how police.uk marks
-- anti-social behaviour; Crime IDs are not unique (a month can repeat one).
CREATE TABLE police_uk_street_record (
  force_area_id integer NOT NULL,
  month date NOT NULL,
  source_line integer NOT NULL,
  crime_id text,
  anti_social_behaviour boolean NOT NULL,
  reported_by text NOT NULL,
  falls_within text NOT NULL,
  longitude double precision,
  latitude double precision,
  location text,
  lsoa_code text,
  lsoa_name text,
  crime_type text NOT NULL,
  last_outcome_category text,
  context text,
  CHECK ((crime_id IS NULL) = anti_social_behaviour)
);

CREATE INDEX police_uk_street_record_unit_idx ON police_uk_street_record (force_area_id, month);

-- Outcomes, by the month the outcome was recorded. Each joins by Crime ID to a street record of the same or
-- an earlier month; one crime can have several outcomes.
CREATE TABLE police_uk_outcome_record (
  force_area_id integer NOT NULL,
  month date NOT NULL,
  source_line integer NOT NULL,
  crime_id text NOT NULL,
  reported_by text NOT NULL,
  falls_within text NOT NULL,
  longitude double precision,
  latitude double precision,
  location text,
  lsoa_code text,
  lsoa_name text,
  outcome_type text NOT NULL
);

CREATE INDEX police_uk_outcome_record_unit_idx ON police_uk_outcome_record (force_area_id, month);
CREATE INDEX police_uk_outcome_record_crime_idx ON police_uk_outcome_record (crime_id);

CREATE TABLE police_uk_stop_search_record (
  force_area_id integer NOT NULL,
  month date NOT NULL,
  source_line integer NOT NULL,
  type text NOT NULL,
  date timestamptz NOT NULL,
  part_of_policing_operation boolean,
  policing_operation text,
  latitude double precision,
  longitude double precision,
  gender text,
  age_range text,
  self_defined_ethnicity text,
  officer_defined_ethnicity text,
  legislation text,
  object_of_search text,
  outcome text,
  outcome_linked_to_object_of_search boolean,
  removal_of_more_than_just_outer_clothing boolean
);

CREATE INDEX police_uk_stop_search_record_unit_idx ON police_uk_stop_search_record (force_area_id, month);

-- Roll-ups, replaced for a unit in the transaction that loads it (counted while the rows are checked, and
-- checked to add up to the rows loaded). Every page and API reads these, by force area and month. An empty
-- category or LSOA is '' (not null) so that it groups and reads back as the empty string the file had.
-- Like the raw tables they have no foreign key, and no primary key either: each (force area, month) is
-- written whole, once, by one transaction, and on PGlite a per-row foreign-key check doubled the time to
-- load a month's roll-ups and the five-column key added a third again. police_uk_unit ties each
-- (force area, month) to its force area.
-- Crimes only: anti-social behaviour is not a crime and never enters a crime total.
CREATE TABLE police_uk_crime_monthly (
  force_area_id integer NOT NULL,
  month date NOT NULL,
  crime_type text NOT NULL,
  last_outcome_category text NOT NULL,
  lsoa_code text NOT NULL,
  crimes integer NOT NULL CHECK (crimes > 0)
);

CREATE INDEX police_uk_crime_monthly_unit_idx ON police_uk_crime_monthly (force_area_id, month);

-- Anti-social behaviour incidents, kept apart from crime, with the same shape so it can be shown as its
-- own series (and in the counts API, as its own crime type, as the file gives it).
CREATE TABLE police_uk_asb_monthly (
  force_area_id integer NOT NULL,
  month date NOT NULL,
  crime_type text NOT NULL,
  last_outcome_category text NOT NULL,
  lsoa_code text NOT NULL,
  incidents integer NOT NULL CHECK (incidents > 0)
);

CREATE INDEX police_uk_asb_monthly_unit_idx ON police_uk_asb_monthly (force_area_id, month);

CREATE TABLE police_uk_outcome_monthly (
  force_area_id integer NOT NULL,
  month date NOT NULL,
  outcome_type text NOT NULL,
  lsoa_code text NOT NULL,
  outcomes integer NOT NULL CHECK (outcomes > 0)
);

CREATE INDEX police_uk_outcome_monthly_unit_idx ON police_uk_outcome_monthly (force_area_id, month);

CREATE TABLE police_uk_stop_search_monthly (
  force_area_id integer NOT NULL,
  month date NOT NULL,
  type text NOT NULL,
  object_of_search text NOT NULL,
  outcome text NOT NULL,
  officer_defined_ethnicity text NOT NULL,
  searches integer NOT NULL CHECK (searches > 0)
);

CREATE INDEX police_uk_stop_search_monthly_unit_idx ON police_uk_stop_search_monthly (force_area_id, month);

-- Which local authority (and community safety partnership, when known) each LSOA lies in: from an ONS-style
-- lookup file (`peelian import lookup`), or, where none was loaded, from the LSOA's name, which begins with
-- its local authority's name. 2011 and 2021 LSOA codes can both appear; a code keeps its own row.
CREATE TABLE lsoa_local_authority (
  lsoa_code text PRIMARY KEY CHECK (lsoa_code ~ '^[EW]01[0-9]{6}$'),
  lsoa_name text,
  local_authority_code text NOT NULL CHECK (local_authority_code ~ '^[EW][0-9]{8}$'),
  local_authority_name text NOT NULL CHECK (length(btrim(local_authority_name)) > 0),
  community_safety_partnership_code text
    CHECK (community_safety_partnership_code ~ '^[EW][0-9]{8}$'),
  community_safety_partnership_name text,
  source text NOT NULL CHECK (source IN ('lookup-file', 'lsoa-name')),
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX lsoa_local_authority_authority_idx ON lsoa_local_authority (local_authority_code);
