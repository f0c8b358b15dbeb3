-- Transparency (issue 18 items 1 and 2): what a policing body records to show it met a publication duty of the
-- Specified Information Order, its spending over £500 by month, and its contracts over £10,000. The duties
-- themselves are statute, kept as data in the code (transparency.duties.ts), named here by their code.

-- An officer's record that a duty was met: when, for which period (a month "2026-10", a financial year
-- "2026-27", or none for a duty met as things happen), and the evidence: an external address (checked for
-- reachability on demand) or a note. Records are only added: the latest is when the duty was last met.
CREATE TABLE transparency_duty_record (
  id serial PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  duty_code text NOT NULL CHECK (duty_code ~ '^[0-9A-Za-z().-]{1,20}$'),
  met_on date NOT NULL,
  period text CHECK (period IS NULL OR period ~ '^\d{4}-(0[1-9]|1[0-2])$' OR period ~ '^\d{4}-\d{2}$'),
  evidence_url text CHECK (evidence_url IS NULL OR evidence_url ~ '^https?://'),
  note text,
  link_checked_at timestamptz,
  link_status integer,
  link_problem text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (evidence_url IS NOT NULL OR note IS NOT NULL),
  CHECK (link_checked_at IS NULL OR evidence_url IS NOT NULL)
);
CREATE INDEX transparency_duty_record_body ON transparency_duty_record (body_id, duty_code, met_on);

-- One month of spending over £500 as loaded from the body's CSV: loading the month again replaces its lines.
CREATE TABLE spending_month (
  id serial PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  file_name text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body_id, month)
);

CREATE TABLE spending_transaction (
  id serial PRIMARY KEY,
  month_id integer NOT NULL REFERENCES spending_month (id) ON DELETE CASCADE,
  line integer NOT NULL CHECK (line > 0),
  paid_on date NOT NULL,
  supplier text NOT NULL CHECK (supplier <> ''),
  amount_pence bigint NOT NULL,
  category text NOT NULL CHECK (category <> ''),
  service_area text NOT NULL CHECK (service_area <> ''),
  transaction_number text,
  UNIQUE (month_id, line)
);
CREATE INDEX spending_transaction_supplier ON spending_transaction (month_id, supplier);

-- Contracts over £10,000, matched by the body's own reference.
CREATE TABLE spending_contract (
  id serial PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  reference text NOT NULL CHECK (reference <> ''),
  title text NOT NULL CHECK (title <> ''),
  supplier text NOT NULL CHECK (supplier <> ''),
  value_pence bigint NOT NULL CHECK (value_pence > 1000000),
  starts_on date NOT NULL,
  ends_on date,
  procurement_route text NOT NULL CHECK (procurement_route <> ''),
  loaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body_id, reference),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
