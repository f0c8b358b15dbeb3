-- Engagement (issue 17 items 1, 2, 3, 6 and the privacy rules): a policing body's surveys as data, the answers
-- the public give without an account (online, or on paper, at events and by panels, imported), and the
-- aggregated results frozen when the responses are purged. Plain SQL that PostgreSQL 15 and PGlite both run.

CREATE TABLE survey (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  summary text NOT NULL,
  -- Who it is for: the young people's version (11 to 17) holds no question that could identify anyone.
  audience text NOT NULL CHECK (audience IN ('adult', 'young-people')),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  privacy_notice text NOT NULL CHECK (length(btrim(privacy_notice)) > 0),
  -- Responses are kept this many days after the survey closes, then purged.
  retention_days integer NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
  -- Results may be published before the survey closes (never individual responses).
  results_published boolean NOT NULL DEFAULT false,
  -- The published aggregates as they stood when the responses were purged (small cells already suppressed).
  purged_results jsonb,
  purged_on date,
  CHECK (closes_on >= opens_on)
);

CREATE TABLE survey_question (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survey_id integer NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  position integer NOT NULL,
  kind text NOT NULL
    CHECK (kind IN ('single', 'multiple', 'scale', 'text', 'postcode', 'area', 'age-band', 'sex')),
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  hint text,
  required boolean NOT NULL,
  -- A free-text question asking how to contact the person (never in a young people's survey).
  contact boolean NOT NULL DEFAULT false,
  -- The choices, as [{"code": …, "label": …}]: the file's, the scale's points, the force area's authorities,
  -- or the standard age bands and sexes. Empty for free text and postcodes.
  options jsonb NOT NULL,
  UNIQUE (survey_id, code)
);

CREATE TABLE survey_response (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survey_id integer NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('online', 'paper', 'event', 'panel', 'email', 'other')),
  received_on date NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  -- SHA-256 of the survey and the normalised answers: finds the same answers sent twice within minutes
  -- without keeping anything about the sender. Null for imported responses (paper forms may well agree).
  answers_hash text
);
CREATE INDEX survey_response_survey ON survey_response (survey_id, received_at);
CREATE INDEX survey_response_hash ON survey_response (survey_id, answers_hash) WHERE answers_hash IS NOT NULL;

-- One row per answer; a multiple-choice answer is one row per choice.
CREATE TABLE survey_answer (
  response_id integer NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
  question_id integer NOT NULL REFERENCES survey_question (id) ON DELETE CASCADE,
  value text NOT NULL,
  PRIMARY KEY (response_id, question_id, value)
);
