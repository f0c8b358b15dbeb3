-- The decision register (issue 14 item 1): every decision of a Police and Crime Commissioner, or of the deputy
-- or the chief executive under delegation, as the policing body's decision form records it. A decision is
-- drafted (a coming key decision has a planned date: the forward plan), signed (taken, with the statutory
-- officers' sign-off) and published. The Elected Local Policing Bodies (Specified Information) Order 2011 asks
-- for decisions of significant public interest to be published; the offices promise one working day.
CREATE TABLE decision (
  id serial PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  -- The office's own number, unique within the office and safe in a web address ("2016-17-045").
  number text NOT NULL CHECK (number ~ '^[A-Za-z0-9][A-Za-z0-9-]*$' AND length(number) <= 40),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  summary text NOT NULL CHECK (length(btrim(summary)) > 0),
  maker text NOT NULL CHECK (maker IN ('pcc', 'deputy', 'chief-executive')),
  key_decision boolean NOT NULL DEFAULT false,
  -- When a draft is expected to be decided: what the forward plan shows.
  planned_on date,
  value_pence bigint CHECK (value_pence >= 0),
  -- The statutory officers' advice as Part 1 of the form gives it (financial, legal, equalities).
  advice text,
  -- Part 2: the whole decision is confidential (the public sees the stub and the exemption), and/or a Part 2
  -- form holds facts and advice kept from the public. Either needs the exemption relied on.
  part text NOT NULL DEFAULT 'part-1' CHECK (part IN ('part-1', 'part-2')),
  public_stub text CHECK (length(btrim(public_stub)) > 0),
  part2_advice text CHECK (length(btrim(part2_advice)) > 0),
  exemption text CHECK (length(btrim(exemption)) > 0),
  -- Which access regime the form's information falls under: FOIA 2000, or the EIR 2004 (environmental).
  information_regime text NOT NULL DEFAULT 'foia' CHECK (information_regime IN ('foia', 'eir')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed', 'published')),
  decided_on date,
  cfo_name text CHECK (length(btrim(cfo_name)) > 0),
  cfo_signed_on date,
  monitoring_officer_name text CHECK (length(btrim(monitoring_officer_name)) > 0),
  monitoring_officer_signed_on date,
  -- One working day after the decision (England and Wales bank holidays), worked out when it is signed.
  publication_due_on date,
  deferred_until date,
  deferral_reason text CHECK (length(btrim(deferral_reason)) > 0),
  published_at timestamptz,
  UNIQUE (body_id, number),
  CONSTRAINT decision_part2_has_stub CHECK (part = 'part-1' OR public_stub IS NOT NULL),
  CONSTRAINT decision_part2_has_exemption
    CHECK (exemption IS NOT NULL OR (part = 'part-1' AND part2_advice IS NULL)),
  CONSTRAINT decision_signed_in_full CHECK (
    status = 'draft' OR (decided_on IS NOT NULL AND publication_due_on IS NOT NULL
      AND cfo_name IS NOT NULL AND cfo_signed_on IS NOT NULL
      AND monitoring_officer_name IS NOT NULL AND monitoring_officer_signed_on IS NOT NULL)),
  CONSTRAINT decision_published_when CHECK ((status = 'published') = (published_at IS NOT NULL)),
  CONSTRAINT decision_deferral_has_reason CHECK ((deferred_until IS NULL) = (deferral_reason IS NULL))
);

-- The police and crime plan priorities a decision concerns, by the plan's own priority code (plans publishes
-- measures with their priority, not priorities on their own, so the code is the link).
CREATE TABLE decision_priority (
  decision_id integer NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
  priority_code text NOT NULL CHECK (length(btrim(priority_code)) > 0),
  PRIMARY KEY (decision_id, priority_code)
);
