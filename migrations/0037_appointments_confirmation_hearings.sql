-- Confirmation hearings (issue 15 item 3): a Commissioner's proposed appointment of a chief constable (Police
-- Reform and Social Responsibility Act 2011 Sch 8 Part 1) or of a deputy, chief executive or chief finance
-- officer (Sch 1 paras 9-10), notified to the Police and Crime Panel of the force area; the Panel's hearing (one
-- of its meetings), its report with a recommendation or, for a chief constable only, a veto; the vote member by
-- member; and the Commissioner's notice accepting or rejecting the recommendation. A step not yet taken is null.
CREATE TABLE appointment (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  panel_id integer NOT NULL REFERENCES body (id),
  post text NOT NULL CHECK (post IN ('chief-constable', 'deputy-commissioner', 'chief-executive', 'chief-finance-officer')),
  -- Made-up records for the demonstration are marked so on every page and in the API.
  illustrative boolean NOT NULL DEFAULT false,
  -- What the notification must say (Sch 8 para 3(2); Sch 1 para 9): the candidate, the criteria, why the
  -- candidate meets them, and the terms and conditions of the appointment.
  candidate text NOT NULL CHECK (length(candidate) BETWEEN 1 AND 200),
  criteria text NOT NULL,
  suitability text NOT NULL,
  terms text NOT NULL,
  -- The day the Panel received the notification: its three weeks begin with it (Sch 8 para 4(6)).
  notified_on date NOT NULL,
  -- The confirmation hearing (a meeting of the Panel) and the Panel's report.
  meeting_id integer REFERENCES meeting (id),
  reported_on date,
  recommendation text CHECK (recommendation IN ('appoint', 'do-not-appoint')),
  vetoed boolean NOT NULL DEFAULT false,
  report_summary text,
  -- Sch 8 para 7(3): the Commissioner notifies the Panel of accepting or rejecting its recommendation.
  response text CHECK (response IN ('accept', 'reject')),
  responded_on date,
  response_summary text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Only a proposed chief constable can be vetoed (Sch 8 para 5); a veto stands instead of a recommendation.
  CHECK (NOT vetoed OR post = 'chief-constable'),
  CHECK (NOT vetoed OR reported_on IS NOT NULL),
  CHECK (NOT (vetoed AND recommendation IS NOT NULL)),
  CHECK ((reported_on IS NULL) = (meeting_id IS NULL)),
  CHECK (reported_on IS NULL OR vetoed OR recommendation IS NOT NULL),
  CHECK ((response IS NULL) = (responded_on IS NULL)),
  CHECK (response IS NULL OR (reported_on IS NOT NULL AND NOT vetoed))
);
CREATE INDEX appointment_body_idx ON appointment (body_id);
CREATE INDEX appointment_panel_idx ON appointment (panel_id);

-- How each member of the Panel at the time of the hearing voted on the Panel's decision.
CREATE TABLE appointment_vote (
  appointment_id integer NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
  member_id integer NOT NULL REFERENCES scrutiny_member (id),
  vote text NOT NULL CHECK (vote IN ('for', 'against', 'abstain', 'absent')),
  PRIMARY KEY (appointment_id, member_id)
);
CREATE INDEX appointment_vote_member_idx ON appointment_vote (member_id);
