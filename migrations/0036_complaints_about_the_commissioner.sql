-- Complaints about a Police and Crime Commissioner or deputy (issue 15 item 5), which the Police and Crime
-- Panel handles under the Police Reform and Social Responsibility Act 2011 s31 and Sch 7 and the Elected Local
-- Policing Bodies (Complaints and Misconduct) Regulations 2012 (SI 2012/62). Confidential: no public view
-- reads this table; the public sees only counts worked out from it. A step not yet taken is null.
CREATE TABLE complaint (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  panel_id integer NOT NULL REFERENCES body (id),
  subject text NOT NULL CHECK (subject IN ('commissioner', 'deputy-commissioner')),
  -- A complaint comes from a member of the public (s31(1)(a)); a conduct matter is one the Panel itself
  -- notes where a criminal offence may have been committed, with no complainant (s31(1)(b); regs 11-12).
  kind text NOT NULL CHECK (kind IN ('complaint', 'conduct-matter')),
  -- The complainant's personal data, kept to what the Panel needs to reply, blanked by the purge once the
  -- retention period after closure has passed (a policy choice, not statute). A complaint may be anonymous
  -- (SI 2012/62 reg 15(3)(d)), so neither is required.
  complainant_name text CHECK (length(complainant_name) BETWEEN 1 AND 200),
  complainant_contact text CHECK (length(complainant_contact) BETWEEN 1 AND 500),
  summary text,
  received_on date NOT NULL,
  -- The latest incident complained of: over 12 months before the complaint, the Panel may disapply (reg 15(3)(b)).
  incident_on date,
  -- Alleges a criminal offence (a "serious complaint"), or a conduct matter: referred to the IOPC (reg 13).
  serious boolean NOT NULL,
  referred_on date,
  recording text NOT NULL DEFAULT 'pending' CHECK (recording IN ('pending', 'recorded', 'not-recorded')),
  recording_decided_on date,
  -- Why a complaint was not recorded: the complainant must be told the grounds (reg 10(2)(b)).
  not_recorded_grounds text CHECK (not_recorded_grounds IN ('criminal-proceedings', 'withdrawn', 'not-qualifying')),
  not_recorded_note text,
  outcome text CHECK (outcome IN ('resolved-informally', 'no-further-action', 'withdrawn')),
  outcome_on date,
  outcome_note text,
  -- The day the purge blanked the personal data; the rest of the row stays for the counts.
  purged_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'complaint' OR (serious AND complainant_name IS NULL AND complainant_contact IS NULL)),
  CHECK (purged_on IS NOT NULL OR summary IS NOT NULL),
  CHECK ((recording = 'pending') = (recording_decided_on IS NULL)),
  CHECK ((recording = 'not-recorded') = (not_recorded_grounds IS NOT NULL)),
  CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
  CHECK (referred_on IS NULL OR serious),
  CHECK (outcome IS NULL OR outcome = 'withdrawn' OR recording = 'recorded')
);
CREATE INDEX complaint_panel_idx ON complaint (panel_id, received_on);

-- Each Panel's own timescales: the regulations fix few of them, so they are data an operator may change.
-- A Panel with no row uses the defaults in complaints.rules.ts.
CREATE TABLE complaint_timescale (
  panel_id integer PRIMARY KEY REFERENCES body (id),
  recording_days integer NOT NULL CHECK (recording_days BETWEEN 1 AND 365),
  referral_days integer NOT NULL CHECK (referral_days BETWEEN 0 AND 365),
  resolution_days integer NOT NULL CHECK (resolution_days BETWEEN 1 AND 730),
  retention_years integer NOT NULL CHECK (retention_years BETWEEN 1 AND 100)
);
