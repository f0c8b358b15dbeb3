-- Scrutiny: the members of a scrutiny body (a row of body of kind 'scrutiny-panel'; a Police and Crime Panel
-- today, whatever replaces it tomorrow), its rules for public questions, its meetings with their agenda items,
-- and the questions the public send in. Meeting times are instants; their London date and time are derived.

CREATE TABLE scrutiny_member (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  role text NOT NULL CHECK (role IN ('chair', 'vice-chair', 'member', 'co-opted-independent')),
  -- The council that nominated a councillor, as it was named then (councils merge and are renamed, so this
  -- is text); local_authority_id links it to a current local authority where one matches.
  nominating_authority text,
  local_authority_id integer REFERENCES local_authority (id),
  -- Unknown terms stay empty rather than guessed.
  term_start date,
  term_end date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (term_end IS NULL OR term_start IS NULL OR term_end >= term_start),
  CHECK (role <> 'co-opted-independent' OR nominating_authority IS NULL),
  UNIQUE NULLS NOT DISTINCT (body_id, name, term_start)
);

-- One row per scrutiny body: its own rules for public question time.
CREATE TABLE public_question_rules (
  body_id integer PRIMARY KEY REFERENCES body (id),
  notice_days integer NOT NULL CHECK (notice_days BETWEEN 0 AND 60),
  -- 'working-days': at least n working days before, the day of sending counting as one of them;
  -- 'clear-working-days': n whole working days between the day of sending and the day of the meeting.
  notice_kind text NOT NULL CHECK (notice_kind IN ('working-days', 'clear-working-days')),
  -- Empty when the panel sets no limit.
  max_questions_per_person integer CHECK (max_questions_per_person > 0),
  minutes_allowed integer CHECK (minutes_allowed > 0),
  max_question_length integer NOT NULL DEFAULT 2000 CHECK (max_question_length BETWEEN 50 AND 20000)
);

CREATE TABLE meeting (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  starts_at timestamptz NOT NULL,
  venue text NOT NULL CHECK (length(btrim(venue)) > 0),
  status text NOT NULL DEFAULT 'scheduled'
    CHECK (status IN ('scheduled', 'agenda-published', 'held', 'minutes-approved', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body_id, starts_at)
);
CREATE INDEX meeting_starts_at_idx ON meeting (starts_at);

CREATE TABLE agenda_item (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id integer NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position > 0),
  -- The timed slot on the agenda, London wall-clock 'HH:MM', when the agenda gives one.
  slot_time text CHECK (slot_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  purpose text,
  lead text,
  -- Exempt items are heard in private for a reason the law states: the paragraph (1 to 7) of Schedule 12A
  -- to the Local Government Act 1972.
  exempt_paragraph integer CHECK (exempt_paragraph BETWEEN 1 AND 7),
  UNIQUE (meeting_id, position)
);

CREATE TABLE public_question (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id integer NOT NULL REFERENCES meeting (id),
  asker_name text NOT NULL CHECK (length(btrim(asker_name)) > 0),
  -- Personal data: shown to the scrutiny officer only, never on a public page, feed or API.
  asker_email text NOT NULL CHECK (asker_email = lower(asker_email) AND asker_email LIKE '%_@_%'),
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'accepted', 'rejected', 'referred-to-force')),
  reason text,
  answer text,
  decided_at timestamptz,
  CHECK (status <> 'rejected' OR reason IS NOT NULL),
  CHECK ((status = 'received') = (decided_at IS NULL))
);
CREATE INDEX public_question_meeting_idx ON public_question (meeting_id, asker_email);
