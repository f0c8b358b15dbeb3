-- Grants (issue 16 items 3 and 4): organisations apply online to an open round of a fund, OPCC officers assess
-- the applications (conflicts of interest declared, weighted scores, moderation by a second officer) and decide
-- them, and an approved application becomes an award with conditions and a payment schedule. Money is integer
-- pence. Plain SQL that PostgreSQL 15 and PGlite both run.

-- What a fund says of who may apply and how much: the organisation types it takes (NULL: any) and, per round,
-- the largest award it makes (NULL: up to the year's budget). Both are optional lines of the funds file.
ALTER TABLE fund ADD COLUMN applicant_types text[];
ALTER TABLE fund_round ADD COLUMN max_award_pence bigint CHECK (max_award_pence > 0);

-- Funding publishes its funds, budgets, rounds and assessment criteria for grants to read (decision record 0004).
CREATE VIEW funding_published_fund AS
  SELECT id, body_id, slug, name, kind, eligibility, applicant_types, illustrative_note FROM fund;
CREATE VIEW funding_published_budget AS
  SELECT fund_id, financial_year, amount_pence FROM fund_budget;
CREATE VIEW funding_published_round AS
  SELECT fund_id, name, opens_on, closes_on, max_award_pence, position FROM fund_round;
CREATE VIEW funding_published_criterion AS
  SELECT fund_id, name, description, weight, position FROM fund_assessment_criterion;

-- An applicant organisation is a partner-organisation body (its grant-applicant users hold their role on it);
-- this is what grants keeps of it: its type and the registered numbers that identify it.
CREATE TABLE grant_organisation (
  body_id integer PRIMARY KEY REFERENCES body (id),
  type text NOT NULL
    CHECK (type IN ('charity', 'company', 'community-interest-company', 'local-authority', 'community-group')),
  charity_number text CHECK (charity_number ~ '^[0-9]{6,8}(-[0-9]{1,3})?$'),
  company_number text CHECK (company_number ~ '^([0-9]{8}|[A-Z]{2}[0-9]{6})$'),
  local_authority_code text CHECK (local_authority_code ~ '^[EWSN][0-9]{8}$'),
  CHECK (type <> 'charity' OR charity_number IS NOT NULL),
  CHECK (type NOT IN ('company', 'community-interest-company') OR company_number IS NOT NULL),
  CHECK (type <> 'local-authority' OR local_authority_code IS NOT NULL)
);

-- An application to a round of a fund. The round is named as funding names it (a funds file reloaded replaces
-- the rounds, so no foreign key); a draft may be incomplete, a submitted one is checked whole.
CREATE TABLE grant_application (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES grant_organisation (body_id),
  fund_id integer NOT NULL REFERENCES fund (id),
  round_name text NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved', 'rejected')),
  project text,
  purpose text,
  amount_pence bigint CHECK (amount_pence > 0),
  -- The person to contact about the application: personal data, never published.
  contact_name text,
  started_by text NOT NULL,
  submitted_on date,
  decided_on date,
  decided_by text,
  decision_reason text,
  CHECK ((state = 'draft') = (submitted_on IS NULL)),
  CHECK ((state IN ('approved', 'rejected')) = (decided_on IS NOT NULL AND decision_reason IS NOT NULL)),
  CHECK (state = 'draft' OR (project IS NOT NULL AND purpose IS NOT NULL AND amount_pence IS NOT NULL
    AND contact_name IS NOT NULL))
);
CREATE INDEX grant_application_organisation_idx ON grant_application (organisation_id);

-- Each officer's declaration on an application before assessing or moderating it: conflicted or not.
CREATE TABLE grant_declaration (
  application_id integer NOT NULL REFERENCES grant_application (id),
  user_id integer NOT NULL REFERENCES app_user (id),
  officer_name text NOT NULL,
  conflicted boolean NOT NULL,
  note text,
  declared_on date NOT NULL,
  PRIMARY KEY (application_id, user_id)
);

-- The assessment: one officer's scores, and a second officer's moderation agreeing or changing them. The
-- weighted totals are whole numbers: the sum of each criterion's weight times its score out of 5 (so out of 500).
CREATE TABLE grant_assessment (
  application_id integer PRIMARY KEY REFERENCES grant_application (id),
  assessor_user_id integer NOT NULL REFERENCES app_user (id),
  assessor_name text NOT NULL,
  assessed_on date NOT NULL,
  weighted_total integer NOT NULL CHECK (weighted_total BETWEEN 0 AND 500),
  moderator_user_id integer REFERENCES app_user (id),
  moderator_name text,
  moderated_on date,
  moderation text CHECK (moderation IN ('agreed', 'changed')),
  moderation_note text,
  moderated_total integer CHECK (moderated_total BETWEEN 0 AND 500),
  CHECK (moderator_user_id IS NULL OR moderator_user_id <> assessor_user_id),
  CHECK ((moderator_user_id IS NULL) = (moderated_on IS NULL)),
  CHECK ((moderated_on IS NULL) = (moderation IS NULL) AND (moderation IS NULL) = (moderated_total IS NULL))
);

-- A score per criterion, with the weight it had when scored; the moderated score once moderated.
CREATE TABLE grant_score (
  application_id integer NOT NULL REFERENCES grant_assessment (application_id) ON DELETE CASCADE,
  criterion text NOT NULL,
  weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
  score integer NOT NULL CHECK (score BETWEEN 0 AND 5),
  moderated_score integer CHECK (moderated_score BETWEEN 0 AND 5),
  position integer NOT NULL,
  PRIMARY KEY (application_id, criterion)
);

-- An award made on an approved application, charged to the fund's budget for a financial year.
CREATE TABLE grant_award (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id integer NOT NULL UNIQUE REFERENCES grant_application (id),
  fund_id integer NOT NULL REFERENCES fund (id),
  financial_year text NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
  amount_pence bigint NOT NULL CHECK (amount_pence > 0),
  conditions text NOT NULL,
  awarded_on date NOT NULL,
  awarded_by text NOT NULL,
  -- Said on its public page and in the API when the award is made up for the demonstration.
  illustrative boolean NOT NULL DEFAULT false
);

-- The payment schedule: instalments that add up exactly to the award (checked before saving).
CREATE TABLE grant_instalment (
  award_id integer NOT NULL REFERENCES grant_award (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number > 0),
  due_on date NOT NULL,
  amount_pence bigint NOT NULL CHECK (amount_pence > 0),
  PRIMARY KEY (award_id, number)
);
