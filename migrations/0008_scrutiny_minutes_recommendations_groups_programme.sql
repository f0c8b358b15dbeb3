-- Scrutiny records: a scrutiny body's sub-committees and task-and-finish groups, its minutes (numbered items
-- that run on from meeting to meeting, with resolutions and actions), the ledger of its recommendations with
-- the responses and what came of them, and its work programme.

-- The functions of a scrutiny body, named once. The "special functions" of a police and crime panel may not
-- be discharged by a committee or sub-committee (Police Reform and Social Responsibility Act 2011, Schedule 6
-- paragraph 27): the plan (s28(3)), the annual report (s28(4)), the confirmation hearings of Schedule 1
-- paragraphs 10 and 11, the precept (Schedule 5) and the appointment of a chief constable (Schedule 8 Part 1).
-- The constraints below hold that rule in the database too, whatever writes to it.
CREATE FUNCTION scrutiny_function_is_reserved(fn text) RETURNS boolean
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT fn IN ('police-and-crime-plan', 'annual-report', 'confirmation-hearing', 'precept',
                      'chief-constable-appointment') $$;

CREATE FUNCTION scrutiny_function_is_known(fn text) RETURNS boolean
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT scrutiny_function_is_reserved(fn) OR fn IN ('scrutiny', 'complaints') $$;

-- Meetings are referred to with their body, so a record can never point at another body's meeting.
ALTER TABLE meeting ADD CONSTRAINT meeting_id_body_key UNIQUE (id, body_id);

-- Sub-committees and task-and-finish groups

CREATE TABLE scrutiny_group (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  kind text NOT NULL CHECK (kind IN ('sub-committee', 'task-and-finish-group')),
  terms_of_reference text NOT NULL CHECK (length(btrim(terms_of_reference)) > 0),
  established_on date,
  -- A task-and-finish group ends with its task; a standing sub-committee usually has no end date.
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body_id, slug),
  UNIQUE (id, body_id),
  CHECK (ends_on IS NULL OR established_on IS NULL OR ends_on >= established_on)
);

CREATE TABLE scrutiny_group_function (
  group_id integer NOT NULL REFERENCES scrutiny_group (id) ON DELETE CASCADE,
  function text NOT NULL CHECK (scrutiny_function_is_known(function)),
  -- 'delegated': the group discharges the function for the body. 'advisory': the group gathers evidence and
  -- reports to the full body, which discharges the function itself (as a plan or budget working group does).
  mode text NOT NULL CHECK (mode IN ('delegated', 'advisory')),
  PRIMARY KEY (group_id, function),
  CONSTRAINT special_functions_stay_with_the_full_panel
    CHECK (mode = 'advisory' OR NOT scrutiny_function_is_reserved(function))
);

CREATE TABLE scrutiny_group_member (
  group_id integer NOT NULL REFERENCES scrutiny_group (id) ON DELETE CASCADE,
  member_id integer NOT NULL REFERENCES scrutiny_member (id),
  role text NOT NULL CHECK (role IN ('chair', 'member')),
  PRIMARY KEY (group_id, member_id)
);

-- Minutes

-- One set of minutes per meeting. They stay a draft, seen only by people holding a role on the body, until
-- the body approves them as a correct record at a later meeting of its own; from then on they are public.
CREATE TABLE minutes (
  meeting_id integer PRIMARY KEY,
  body_id integer NOT NULL,
  approved_at_meeting_id integer,
  approved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (meeting_id, body_id) REFERENCES meeting (id, body_id),
  FOREIGN KEY (approved_at_meeting_id, body_id) REFERENCES meeting (id, body_id),
  UNIQUE (meeting_id, body_id),
  CHECK (approved_at_meeting_id <> meeting_id),
  CHECK ((approved_at_meeting_id IS NULL) = (approved_at IS NULL))
);

CREATE TABLE minute_item (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id integer NOT NULL,
  body_id integer NOT NULL,
  -- Minute numbers run on from one meeting to the next (67, 68, … then 76 at the following meeting), so a
  -- number is used once per body, not once per meeting.
  number integer NOT NULL CHECK (number > 0),
  agenda_item_id integer REFERENCES agenda_item (id),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  -- An item heard in private, for the stated paragraph of Schedule 12A to the Local Government Act 1972: never
  -- published, even once the minutes are approved.
  exempt_paragraph integer CHECK (exempt_paragraph BETWEEN 1 AND 7),
  FOREIGN KEY (meeting_id, body_id) REFERENCES minutes (meeting_id, body_id) ON DELETE CASCADE,
  UNIQUE (body_id, number)
);
CREATE INDEX minute_item_meeting_idx ON minute_item (meeting_id, number);

CREATE TABLE minute_decision (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  minute_item_id integer NOT NULL REFERENCES minute_item (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position > 0),
  kind text NOT NULL CHECK (kind IN ('resolved', 'recommended', 'noted')),
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  UNIQUE (minute_item_id, position)
);

CREATE TABLE minute_action (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  minute_item_id integer NOT NULL REFERENCES minute_item (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position > 0),
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  -- Who must act, as the minutes name them ("Chief Constable", "PCC", "Scrutiny Officer").
  owner text NOT NULL CHECK (length(btrim(owner)) > 0),
  due_on date,
  done_on date,
  UNIQUE (minute_item_id, position)
);

-- The recommendations ledger

CREATE TABLE recommendation (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The body whose ledger holds the recommendation (today a Police and Crime Panel).
  body_id integer NOT NULL REFERENCES body (id),
  reference text NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9./-]{0,39}$'),
  -- Who made it: the full body at a meeting, one of its groups, or an outside source such as an HMICFRS
  -- inspection or an audit.
  origin text NOT NULL
    CHECK (origin IN ('panel', 'sub-committee', 'task-and-finish-group', 'inspection', 'audit', 'other')),
  group_id integer,
  -- The body's meeting that made the recommendation or received the report carrying it.
  meeting_id integer,
  minute_item_id integer REFERENCES minute_item (id),
  -- The report it comes from, e.g. an HMICFRS inspection's title.
  source_title text CHECK (length(btrim(source_title)) > 0),
  made_on date,
  function text CHECK (scrutiny_function_is_known(function)),
  topic text CHECK (length(btrim(topic)) > 0),
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  addressee text NOT NULL CHECK (length(btrim(addressee)) > 0),
  -- The period for a written response the body set (s29(2) of the 2011 Act lets a panel set it).
  response_due_on date,
  response text CHECK (response IN ('accepted', 'partly-accepted', 'not-accepted')),
  response_text text,
  responded_on date,
  outcome text CHECK (outcome IN ('implemented', 'not-implemented', 'superseded', 'withdrawn')),
  outcome_text text,
  outcome_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (group_id, body_id) REFERENCES scrutiny_group (id, body_id),
  FOREIGN KEY (meeting_id, body_id) REFERENCES meeting (id, body_id),
  UNIQUE (body_id, reference),
  CHECK ((origin IN ('sub-committee', 'task-and-finish-group')) = (group_id IS NOT NULL)),
  CHECK (origin <> 'panel' OR meeting_id IS NOT NULL),
  CHECK (origin NOT IN ('inspection', 'audit', 'other') OR source_title IS NOT NULL),
  CHECK ((response IS NULL) = (responded_on IS NULL)),
  CHECK (response IS NULL OR length(btrim(response_text)) > 0),
  CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
  CONSTRAINT special_functions_stay_with_the_full_panel
    CHECK (group_id IS NULL OR function IS NULL OR NOT scrutiny_function_is_reserved(function))
);
CREATE INDEX recommendation_body_idx ON recommendation (body_id, made_on);

CREATE TABLE recommendation_action (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recommendation_id integer NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position > 0),
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  owner text NOT NULL CHECK (length(btrim(owner)) > 0),
  due_on date,
  done_on date,
  UNIQUE (recommendation_id, position)
);

CREATE TABLE recommendation_progress (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recommendation_id integer NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position > 0),
  reported_on date NOT NULL,
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  UNIQUE (recommendation_id, position)
);

-- The work programme

CREATE TABLE work_programme_entry (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  -- The programme the entry belongs to, as the body names it, e.g. '2016/17'.
  programme text NOT NULL CHECK (programme ~ '^[0-9]{4}/[0-9]{2}$'),
  -- The London date of the planned meeting; the meeting record itself may not exist yet.
  meets_on date NOT NULL,
  main_focus text CHECK (length(btrim(main_focus)) > 0),
  function text CHECK (scrutiny_function_is_known(function)),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body_id, meets_on)
);

CREATE TABLE work_programme_item (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id integer NOT NULL REFERENCES work_programme_entry (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position > 0),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  function text CHECK (scrutiny_function_is_known(function)),
  UNIQUE (entry_id, position)
);
