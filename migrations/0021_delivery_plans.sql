-- Delivery plans (issue 14 item 2): the OPCC's and the force's plans for delivering a police and crime plan
-- version, each action linked to the plan's key aims and measures (by their codes, stable across versions),
-- with its owner, dates, milestones and a status history in which every change carries its evidence.
CREATE TABLE delivery_plan (
  id serial PRIMARY KEY,
  plan_version_id integer NOT NULL REFERENCES plan_version (id),
  -- The policing body whose plan it is: its OPCC officers keep both delivery plans.
  body_id integer NOT NULL REFERENCES body (id),
  owner text NOT NULL CHECK (owner IN ('opcc', 'force')),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  summary text CHECK (length(btrim(summary)) > 0),
  -- Until published, only the office sees the plan and its actions.
  published_on date,
  UNIQUE (plan_version_id, owner)
);

CREATE TABLE delivery_action (
  id serial PRIMARY KEY,
  delivery_plan_id integer NOT NULL REFERENCES delivery_plan (id) ON DELETE CASCADE,
  -- The plan's own reference, unique within it and safe in a web address ("OPCC-2.2").
  reference text NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9.-]*$' AND length(reference) <= 40),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  description text CHECK (length(btrim(description)) > 0),
  -- Who answers for the action: a post or a team, as the plan names it.
  action_owner text NOT NULL CHECK (length(btrim(action_owner)) > 0),
  starts_on date NOT NULL,
  due_on date NOT NULL,
  UNIQUE (delivery_plan_id, reference),
  CONSTRAINT delivery_action_dates_in_order CHECK (due_on >= starts_on)
);

-- The key aims and measures an action serves, by the plan version's codes (checked when written).
CREATE TABLE delivery_action_target (
  action_id integer NOT NULL REFERENCES delivery_action (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('aim', 'measure')),
  code text NOT NULL CHECK (length(btrim(code)) > 0),
  PRIMARY KEY (action_id, kind, code)
);

CREATE TABLE delivery_milestone (
  id serial PRIMARY KEY,
  action_id integer NOT NULL REFERENCES delivery_action (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  due_on date NOT NULL,
  completed_on date,
  UNIQUE (action_id, title)
);

-- The status history, never rewritten: each change with its date, who recorded it and the evidence for it;
-- an action off track says how it will be recovered.
CREATE TABLE delivery_status (
  id serial PRIMARY KEY,
  action_id integer NOT NULL REFERENCES delivery_action (id) ON DELETE CASCADE,
  status text NOT NULL
    CHECK (status IN ('not-started', 'on-track', 'at-risk', 'off-track', 'completed', 'withdrawn')),
  changed_on date NOT NULL,
  evidence text NOT NULL CHECK (length(btrim(evidence)) > 0),
  recovery text CHECK (length(btrim(recovery)) > 0),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT delivery_status_off_track_has_recovery CHECK (status <> 'off-track' OR recovery IS NOT NULL)
);
CREATE INDEX delivery_status_action_idx ON delivery_status (action_id, changed_on, id);
