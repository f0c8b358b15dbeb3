-- Issue 15 item 1: a policing body's budget for a financial year, as the OPCC keeps it, loaded from a file.
-- Money is whole pence (bigint: a force's revenue budget is hundreds of millions of pounds, beyond integer).

CREATE TABLE budget_year (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  -- The financial year by the calendar year it begins in (2017 is 2017-18), as precept_year has it.
  start_year integer NOT NULL CHECK (start_year BETWEEN 2012 AND 2200),
  -- Why the figures are not fact, when they are not; null when they come from the published budget.
  illustrative_note text,
  source_note text,
  -- The Band D precept of the year, in pence (named without a unit: "band_d_pence" would not survive the
  -- query builder's camel case, which reads bandDPence as band_dpence).
  band_d integer NOT NULL CHECK (band_d > 0),
  -- The funding mix: together they meet the net revenue budget (the sum of the revenue lines).
  police_grant_pence bigint NOT NULL CHECK (police_grant_pence >= 0),
  precept_pence bigint NOT NULL CHECK (precept_pence >= 0),
  other_grants_pence bigint NOT NULL CHECK (other_grants_pence >= 0),
  reserves_pence bigint NOT NULL CHECK (reserves_pence >= 0),
  UNIQUE (body_id, start_year)
);

-- Revenue lines (by service area or subjective heading; income lines negative) and capital programme lines.
CREATE TABLE budget_line (
  budget_year_id integer NOT NULL REFERENCES budget_year (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('revenue', 'capital')),
  position integer NOT NULL,
  heading text NOT NULL,
  amount_pence bigint NOT NULL,
  PRIMARY KEY (budget_year_id, kind, position)
);

-- The council tax base of each billing authority in Band D equivalents, in hundredths (as councils publish it
-- to two places: 143,209.41 is 14320941), as precept_year keeps its total.
CREATE TABLE budget_tax_base (
  budget_year_id integer NOT NULL REFERENCES budget_year (id) ON DELETE CASCADE,
  position integer NOT NULL,
  authority text NOT NULL,
  tax_base_hundredths bigint NOT NULL CHECK (tax_base_hundredths > 0),
  PRIMARY KEY (budget_year_id, position)
);

-- The medium-term financial plan's summary for the years ahead: spending, funding and savings planned.
CREATE TABLE budget_mtfp_year (
  budget_year_id integer NOT NULL REFERENCES budget_year (id) ON DELETE CASCADE,
  start_year integer NOT NULL CHECK (start_year BETWEEN 2012 AND 2200),
  spending_pence bigint NOT NULL CHECK (spending_pence >= 0),
  funding_pence bigint NOT NULL CHECK (funding_pence >= 0),
  savings_pence bigint NOT NULL CHECK (savings_pence >= 0),
  PRIMARY KEY (budget_year_id, start_year)
);

-- Quarterly monitoring for the Panel's budget group: each line's budget and forecast outturn (the variance is
-- computed, never stored).
CREATE TABLE budget_monitoring (
  budget_year_id integer NOT NULL REFERENCES budget_year (id) ON DELETE CASCADE,
  quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  position integer NOT NULL,
  heading text NOT NULL,
  budget_pence bigint NOT NULL,
  forecast_pence bigint NOT NULL,
  commentary text,
  PRIMARY KEY (budget_year_id, quarter, position)
);
