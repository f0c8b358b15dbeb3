-- Inspections and assurance reports (issue 14 item 3): HMICFRS PEEL, thematic and joint inspections, and audit
-- reports, kept by the policing body's office. A report's recommendations and causes of concern are kept in the
-- shared recommendations ledger (origin 'inspection' or 'audit'); this domain keeps the report, its grades, its
-- areas for improvement, which ledger entry each finding is, the delivery action it is linked to, and the
-- Commissioner's published response (Police Act 1996 s55(5A): within 56 days of the report's publication).

CREATE TABLE inspection (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id integer NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,29}$'),
  kind text NOT NULL CHECK (kind IN ('peel', 'thematic', 'joint', 'audit')),
  -- Who made the report: HMICFRS (with others for a joint inspection), an audit committee, internal audit.
  made_by text NOT NULL CHECK (length(btrim(made_by)) > 0),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  summary text,
  fieldwork_ended_on date,
  report_published_on date NOT NULL,
  report_url text CHECK (length(btrim(report_url)) > 0),
  -- Whether the office has checked the record and shows it to the public; drafts are its officers' only.
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  response_published_on date,
  response_url text CHECK (length(btrim(response_url)) > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body_id, code),
  CHECK (fieldwork_ended_on IS NULL OR fieldwork_ended_on <= report_published_on),
  CHECK (response_published_on IS NULL OR response_published_on >= report_published_on),
  CHECK ((response_published_on IS NULL) = (response_url IS NULL))
);

-- A graded question of a PEEL inspection, on HMICFRS's scale.
CREATE TABLE inspection_grade (
  inspection_id integer NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position > 0),
  question text NOT NULL CHECK (length(btrim(question)) > 0),
  grade text NOT NULL
    CHECK (grade IN ('outstanding', 'good', 'adequate', 'requires-improvement', 'inadequate')),
  PRIMARY KEY (inspection_id, position),
  UNIQUE (inspection_id, question)
);

-- A cause of concern, recommendation or area for improvement. The first two are the ledger's (recommendation_id);
-- areas for improvement are kept here only (see the domain's index.ts for why).
CREATE TABLE inspection_finding (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inspection_id integer NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('cause-of-concern', 'recommendation', 'area-for-improvement')),
  number text NOT NULL CHECK (number ~ '^[A-Za-z0-9][A-Za-z0-9.]{0,7}$'),
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  recommendation_id integer UNIQUE REFERENCES recommendation (id),
  -- The delivery plan action the finding is answered by: a reference or link, until delivery plans are linked.
  delivery_action text CHECK (length(btrim(delivery_action)) > 0),
  UNIQUE (inspection_id, kind, number),
  CHECK ((kind = 'area-for-improvement') = (recommendation_id IS NULL))
);
