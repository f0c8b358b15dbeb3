-- Force areas (the 43 police force areas of England and Wales) and the local authorities inside them.
-- Codes are ONS GSS codes; slug is the force's identifier in police.uk file names (e.g. thames-valley).

CREATE TABLE force_area (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  gss_code text NOT NULL UNIQUE CHECK (gss_code ~ '^[EW]23[0-9]{6}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE local_authority (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  gss_code text NOT NULL UNIQUE CHECK (gss_code ~ '^[EW][0-9]{8}$'),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  tier text NOT NULL CHECK (tier IN ('unitary', 'county', 'district', 'metropolitan-district', 'london-borough')),
  force_area_id integer NOT NULL REFERENCES force_area (id),
  -- A district's county council, for two-tier areas such as Oxfordshire.
  county_id integer REFERENCES local_authority (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((tier = 'district') = (county_id IS NOT NULL))
);

CREATE INDEX local_authority_force_area_idx ON local_authority (force_area_id);
