-- The precept process of Schedule 5 to the Police Reform and Social Responsibility Act 2011 and Part 2 of the
-- Police and Crime Panels (Precepts and Chief Constable Appointments) Regulations 2012 (SI 2012/2271): one
-- row per policing body and precept year, each step's date and figure in its own columns (a step not yet
-- taken is null), and the Panel's recorded vote member by member. Money is integer pence on Band D.

-- Scrutiny publishes its members (decision record 0004): the veto is counted on the persons who are members
-- of the Panel at the time of the decision (Sch 5 para 4(4)), so the precept reads their terms.
CREATE VIEW scrutiny_published_member AS
  SELECT id, body_id, name, role, term_start, term_end FROM scrutiny_member;

CREATE TABLE precept_year (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The policing body that issues the precept, and the Panel of its force area that reviews it.
  body_id integer NOT NULL REFERENCES body (id),
  panel_id integer NOT NULL REFERENCES body (id),
  -- The financial year the precept is for, by the calendar year it begins in (2025 is 2025-26).
  start_year integer NOT NULL CHECK (start_year BETWEEN 2012 AND 2200),
  -- Figures not given by any source document are shown as illustrative, never as fact.
  illustrative boolean NOT NULL DEFAULT false,
  -- The referendum limit of the year: the largest Band D increase, in pence, before a referendum is needed
  -- (set each year under the Local Government Finance Act 1992 Chapter 4ZA, so kept per year).
  referendum_limit_pence integer NOT NULL CHECK (referendum_limit_pence >= 0),
  -- The Band D precept of the year before, to measure the increase against the limit; unknown stays null.
  previous_pence integer CHECK (previous_pence > 0),
  -- The council tax base in Band D equivalent properties, in hundredths (843,472.54 is 84347254).
  tax_base_hundredths integer CHECK (tax_base_hundredths > 0),
  -- Sch 5 para 2, reg 3: the proposed precept notified to the Panel.
  proposed_pence integer NOT NULL CHECK (proposed_pence > 0),
  proposed_on date NOT NULL,
  -- Sch 5 paras 3-4, reg 4: the Panel's meeting, decision and report.
  meeting_id integer REFERENCES meeting (id),
  panel_decision text CHECK (panel_decision IN ('accept', 'recommendations', 'veto')),
  veto_reason text CHECK (veto_reason IN ('too-high', 'too-low')),
  reported_on date,
  report_summary text,
  -- Sch 5 para 6, reg 5: after a veto, the Commissioner's response with the revised precept.
  revised_pence integer CHECK (revised_pence > 0),
  responded_on date,
  response_summary text,
  -- Reg 6: the Panel's report on the revised precept.
  revised_reported_on date,
  revised_report_summary text,
  -- The precept issued for the year.
  final_pence integer CHECK (final_pence > 0),
  issued_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body_id, start_year),
  CHECK ((panel_decision = 'veto') = (veto_reason IS NOT NULL)),
  CHECK ((panel_decision IS NULL) = (reported_on IS NULL)),
  CHECK ((revised_pence IS NULL) = (responded_on IS NULL)),
  CHECK (revised_pence IS NULL OR panel_decision = 'veto'),
  CHECK (revised_reported_on IS NULL OR responded_on IS NOT NULL),
  CHECK ((final_pence IS NULL) = (issued_on IS NULL))
);
CREATE INDEX precept_year_panel_idx ON precept_year (panel_id);

-- How each member of the Panel at the time voted on the decision it made: for, against, abstained or absent.
CREATE TABLE precept_vote (
  precept_year_id integer NOT NULL REFERENCES precept_year (id) ON DELETE CASCADE,
  member_id integer NOT NULL REFERENCES scrutiny_member (id),
  vote text NOT NULL CHECK (vote IN ('for', 'against', 'abstain', 'absent')),
  PRIMARY KEY (precept_year_id, member_id)
);
CREATE INDEX precept_vote_member_idx ON precept_vote (member_id);
