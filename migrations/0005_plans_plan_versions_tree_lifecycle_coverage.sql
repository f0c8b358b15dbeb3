-- Police and Crime Plans: a plan belongs to a local policing body (a row of body; a PCC today, a mayor or a
-- policing board tomorrow) and has versions. Each version holds its own tree, so an issued version never
-- changes: a variation starts a new draft version copied from it. Codes are stable across versions.

CREATE TABLE plan (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  body_id integer NOT NULL REFERENCES body (id),
  force_area_id integer NOT NULL REFERENCES force_area (id),
  title text NOT NULL,
  author_name text NOT NULL,
  author_office text NOT NULL,
  term_start date NOT NULL,
  term_end date NOT NULL,
  election_date date,
  summary text,
  source_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (term_end > term_start)
);

CREATE TABLE plan_version (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES plan (id),
  number integer NOT NULL CHECK (number > 0),
  state text NOT NULL CHECK (state IN ('draft', 'issued')),
  issued_on date,
  -- When the tree last changed: compared with the chief constable's consultation to ask for a re-consultation.
  content_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, number),
  CHECK ((state = 'issued') = (issued_on IS NOT NULL))
);
-- At most one draft per plan at a time.
CREATE UNIQUE INDEX plan_version_one_draft_idx ON plan_version (plan_id) WHERE state = 'draft';

CREATE TABLE plan_pillar (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id integer NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
  code text NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  summary text,
  UNIQUE (version_id, code)
);

CREATE TABLE plan_priority (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id integer NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
  pillar_id integer NOT NULL REFERENCES plan_pillar (id) ON DELETE CASCADE,
  code text NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  summary text,
  UNIQUE (version_id, code)
);
CREATE INDEX plan_priority_pillar_idx ON plan_priority (pillar_id);

CREATE TABLE plan_aim (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id integer NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
  priority_id integer NOT NULL REFERENCES plan_priority (id) ON DELETE CASCADE,
  code text NOT NULL,
  position integer NOT NULL,
  text text NOT NULL,
  UNIQUE (version_id, code)
);
CREATE INDEX plan_aim_priority_idx ON plan_aim (priority_id);

CREATE TABLE plan_measure (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id integer NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
  priority_id integer NOT NULL REFERENCES plan_priority (id) ON DELETE CASCADE,
  code text NOT NULL,
  position integer NOT NULL,
  text text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('increase', 'decrease', 'maintain-low', 'neutral')),
  UNIQUE (version_id, code)
);
CREATE INDEX plan_measure_priority_idx ON plan_measure (priority_id);

-- Enablers, Strategic Policing Requirement threats and National Crime and Policing Measures.
CREATE TABLE plan_linked_item (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id integer NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('enabler', 'spr-threat', 'national-measure')),
  code text NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  summary text,
  UNIQUE (version_id, code)
);

CREATE TABLE plan_linked_item_priority (
  item_id integer NOT NULL REFERENCES plan_linked_item (id) ON DELETE CASCADE,
  priority_id integer NOT NULL REFERENCES plan_priority (id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, priority_id)
);

-- The statutory steps a plan goes through (Police Reform and Social Responsibility Act 2011, ss. 5, 7, 28).
CREATE TABLE plan_step (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES plan (id),
  version_id integer REFERENCES plan_version (id),
  step text NOT NULL CHECK (step IN ('public-consulted', 'chief-constable-consulted', 'sent-to-panel',
    'panel-report-received', 'response-published', 'issued', 'reviewed', 'varied', 'superseded')),
  occurred_on date NOT NULL,
  note text,
  documents jsonb NOT NULL DEFAULT '[]',
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_step_plan_idx ON plan_step (plan_id, occurred_on);

-- What a manifesto or a consultation asked the plan to cover, mapped to plan priority codes.
CREATE TABLE coverage_source (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  plan_id integer NOT NULL REFERENCES plan (id),
  kind text NOT NULL CHECK (kind IN ('manifesto', 'consultation')),
  title text NOT NULL,
  author text NOT NULL,
  published_on date NOT NULL
);

CREATE TABLE coverage_point (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id integer NOT NULL REFERENCES coverage_source (id) ON DELETE CASCADE,
  code text NOT NULL,
  position integer NOT NULL,
  group_title text NOT NULL,
  text text NOT NULL,
  priority_codes text[] NOT NULL DEFAULT '{}',
  UNIQUE (source_id, code)
);
